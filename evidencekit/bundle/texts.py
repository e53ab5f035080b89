"""The report's fixed wording, in English and Albanian (shqip), side by side.

Plain words for a lawyer, a judge and the person the evidence is about. Albanian is written to
read naturally, not word for word; legal terms follow Albanian usage ("zinxhiri i ruajtjes së
provave" for chain of custody).
"""

from __future__ import annotations

from evidencekit.bilingual import Bi

TITLE = Bi("Evidence bundle", "Dosje provash")
CASE = Bi("Case", "Çështja")
PREPARED_BY = Bi("Prepared by", "Përgatitur nga")
PREPARED_ON = Bi("Prepared on", "Data e përgatitjes")
ITEM_COUNT = Bi("Items", "Numri i provave")
BUNDLE_ID = Bi("Bundle id", "Identifikuesi i dosjes")
FINGERPRINT = Bi(
    "Signing certificate (SHA-256 fingerprint)", "Certifikata e nënshkrimit (gjurma SHA-256)"
)
SIGNATURE = Bi("Signature", "Nënshkrimi")
HOW_TO_VERIFY = Bi("How to verify this bundle", "Si ta verifikoni këtë dosje")
EVIDENCE_IS_THE_FILES = Bi(
    "The evidence is the files attached to this PDF, each sealed when it was captured. These "
    "pages are a reading aid made from them: the pictures are the sealed pictures' own pixels "
    "and each item's page prints its sealed facts. The verifier checks that the pages agree "
    "with the attached files: every picture shown as captured, pixel by pixel, and the "
    "address, times, status and seal printed for each item. Blurred copies are made from the "
    "originals and are not compared.",
    "Prova janë skedarët e bashkëngjitur në këtë PDF, secili i vulosur kur u kap. Këto faqe "
    "janë një ndihmë për leximin, e bërë prej tyre: figurat janë vetë pikselët e figurave të "
    "vulosura dhe faqja e çdo prove shtyp të dhënat e saj të vulosura. Verifikuesi kontrollon "
    "që faqet përputhen me skedarët e bashkëngjitur: çdo figurë e shfaqur siç u kap, piksel "
    "për piksel, si dhe adresën, kohët, statusin dhe vulën e shtypura për çdo provë. Kopjet e "
    "turbulluara bëhen nga origjinalet dhe nuk krahasohen.",
)
INDEX = Bi("Index of items", "Lista e provave")
ITEM = Bi("Item", "Prova")
SCREENSHOT = Bi("Picture as captured", "Pamja siç u kap")
CAPTURE_DETAILS = Bi("Capture details", "Të dhënat e kapjes")
FILE_DETAILS = Bi("File details", "Të dhënat e skedarit")
ACTIONS = Bi("What the capture did to the page", "Çfarë i bëri kapja faqes")
WARNINGS = Bi("Completeness warnings", "Paralajmërime për plotësinë")
FILES = Bi("Files of this item and their SHA-256", "Skedarët e kësaj prove dhe SHA-256 e tyre")
TIMESTAMPS = Bi("Trusted timestamps", "Vulat kohore të besuara")
NOTES = Bi("Notes", "Shënime")

# --- the capture's technical pages (bundle/capture_tables.py, media_tables.py) -------------------
NOT_RECORDED = Bi("not recorded", "nuk u regjistrua")
SCREENSHOT_FACTS = Bi("How the full-page screenshot was made", "Si u bë pamja e plotë e faqes")
SCROLLING = Bi("Scrolling", "Rrëshqitja nëpër faqe")
SETTINGS = Bi("Capture settings", "Parametrat e kapjes")
NETWORK = Bi("Network", "Rrjeti")
FAILED_REQUESTS = Bi(
    "Requests that failed or got no answer", "Kërkesat që dështuan ose nuk morën përgjigje"
)
MEDIA_SAVED = Bi("Media saved: pictures and videos", "Media të ruajtura: foto dhe video")
MEDIA_NOT_SAVED = Bi("Media not saved", "Media që nuk u ruajtën")
MEDIA_SAVED_NOTE = Bi(
    "Each picture and video the page showed, saved as its own file and attached to this PDF "
    "under the name in the first column; each was loaded by the page itself unless the row "
    "says otherwise. SHA-256 values are shortened here to their first 16 "
    "characters; the full values are in the hash certificate. “Where on the page” gives the "
    "left and top edge and the size it was shown at, in CSS pixels from the page's top-left "
    "corner (at scale 1 these are the screenshot's pixels). Every value is also in the "
    "attached metadata.json.",
    "Çdo foto dhe video që shfaqi faqja, e ruajtur si skedar më vete dhe e bashkëngjitur në "
    "këtë PDF me emrin në kolonën e parë; secilën e ngarkoi vetë faqja, përveç kur rreshti "
    "thotë ndryshe. Vlerat SHA-256 janë shkurtuar këtu në 16 shenjat e "
    "para; vlerat e plota janë në vërtetimin me hash. “Ku në faqe” jep skajin e majtë dhe të "
    "sipërm dhe madhësinë me të cilën u shfaq, në piksele CSS nga cepi i sipërm majtas i "
    "faqes (në shkallën 1 janë pikselët e pamjes). Çdo vlerë gjendet edhe te metadata.json "
    "i bashkëngjitur.",
)
MEDIA_NOT_SAVED_NOTE = Bi(
    "Pictures and videos the page used that were not saved as files, and why. Those the page "
    "loaded are still in the network traffic (traffic.warc.gz).",
    "Foto dhe video që përdori faqja por nuk u ruajtën si skedarë, dhe pse. Ato që faqja i "
    "ngarkoi gjenden gjithsesi në trafikun e rrjetit (traffic.warc.gz).",
)
FAILED_NOTE = Bi(
    "A failed request is normal on most pages (adverts, trackers, things cancelled when the "
    "capture ended); it matters only if the missing part is the evidence itself.",
    "Një kërkesë e dështuar është e zakonshme në shumicën e faqeve (reklama, gjurmues, gjëra "
    "të anuluara kur mbaroi kapja); ka rëndësi vetëm nëse pjesa që mungon është vetë prova.",
)
NOTHING_RECORDED = Bi("Nothing was recorded.", "Nuk u regjistrua asgjë.")
NONE_LISTED = Bi("None.", "Asnjë.")
COL_NO = Bi("No.", "Nr.")
COL_FILE = Bi("File in this bundle", "Skedari në dosje")
COL_WHAT = Bi("What it is", "Çfarë është")
COL_PIXELS = Bi("Pixels", "Pikselë")
COL_BYTES = Bi("Bytes", "Bajt")
COL_WHERE = Bi("Where on the page (CSS px)", "Ku në faqe (px CSS)")
COL_SHA = Bi("SHA-256 (start)", "SHA-256 (fillimi)")
COL_ADDRESS = Bi("Address (URL)", "Adresa (URL)")
COL_WHY_NOT = Bi("Why it was not saved", "Pse nuk u ruajt")
COL_KNOWN = Bi("Size, if known", "Madhësia, nëse dihet")
COL_ASKED = Bi("What was asked for", "Çfarë u kërkua")
COL_REASON = Bi("Reason", "Arsyeja")
CERTIFICATE = Bi(
    "Certificate of authenticity by hash (FRE 902(13), 902(14))",
    "Vërtetim i autenticitetit me vlerë hash (FRE 902(13), 902(14))",
)
CHECKLIST = Bi(
    "Berkeley Protocol checklist (¶¶ 153–155, 167)",
    "Lista e kontrollit sipas Protokollit të Berkeley-t (¶¶ 153–155, 167)",
)
CUSTODY = Bi("Chain of custody", "Zinxhiri i ruajtjes së provave")
LIMITS = Bi("What a capture proves, and what it cannot", "Çfarë provon një kapje dhe çfarë jo")
ABOUT = Bi("About this PDF", "Rreth këtij PDF-je")
PAGE = Bi("page {page} of {pages}", "faqja {page} nga {pages}")
NONE = Bi("none", "asnjë")

HOW_TO_VERIFY_STEPS = (
    Bi(
        "This PDF is signed. Any PDF reader shows the signature; it must say that the document "
        "has not been changed since it was signed.",
        "Ky PDF është i nënshkruar elektronikisht. Çdo lexues PDF e tregon nënshkrimin; ai "
        "duhet të thotë se dokumenti nuk është ndryshuar që kur u nënshkrua.",
    ),
    Bi(
        "Every original file is attached inside this PDF (open the attachments panel, or run "
        "<font face='{mono}'>pdfdetach -list</font>). Each file's SHA-256 must equal the value "
        "printed in this report.",
        "Çdo skedar origjinal është i bashkëngjitur brenda këtij PDF-je (hapni panelin e "
        "bashkëngjitjeve ose përdorni <font face='{mono}'>pdfdetach -list</font>). SHA-256 e "
        "çdo skedari duhet të jetë e njëjtë me vlerën e shtypur në këtë raport.",
    ),
    Bi(
        "Run <font face='{mono}'>evidencekit verify bundle.pdf</font>: it works offline and "
        "needs no account and no vault. It checks the signature, the trusted timestamps, the "
        "SHA-256 of every attached file, each item's seal, the chain of custody and that these "
        "pages show the sealed pictures and facts, and answers valid, invalid or indeterminate.",
        "Ekzekutoni <font face='{mono}'>evidencekit verify bundle.pdf</font>: punon pa "
        "internet dhe nuk kërkon llogari apo kasafortë. Kontrollon nënshkrimin, vulat kohore "
        "të besuara, SHA-256 e çdo skedari të bashkëngjitur, vulën e secilës provë, zinxhirin "
        "e ruajtjes dhe që këto faqe tregojnë figurat dhe të dhënat e vulosura, dhe përgjigjet: "
        "e vlefshme (valid), e pavlefshme (invalid) ose e papërcaktuar (indeterminate).",
    ),
    Bi(
        "Ask the person who prepared this bundle to read you the certificate fingerprint, in "
        "person or by phone, and give it to the verifier with "
        "<font face='{mono}'>--trust-fingerprint</font> (or her certificate file with "
        "<font face='{mono}'>--trust certificate.pem</font>). Until the key is confirmed the "
        "verdict is at best indeterminate: anyone can make a key with the vault's name.",
        "Kërkojini personit që e përgatiti këtë dosje t'ju lexojë gjurmën e certifikatës, "
        "personalisht ose me telefon, dhe jepjani verifikuesit me "
        "<font face='{mono}'>--trust-fingerprint</font> (ose skedarin e certifikatës së saj me "
        "<font face='{mono}'>--trust certificate.pem</font>). Derisa të konfirmohet çelësi, "
        "përfundimi është të shumtën i papërcaktuar: kushdo mund të bëjë një çelës me emrin "
        "e kasafortës.",
    ),
    # The verifier says "not independently trusted" for a timestamp authority whose root it
    # does not know (FreeTSA's, say): the reader settles it by passing that root too.
    Bi(
        "If the verifier says a timestamp authority is not independently trusted, get that "
        "authority's root certificate (from its website, or from whoever gave you the bundle) "
        "and check again with <font face='{mono}'>--trust tsa-root.pem</font> as well.",
        "Nëse verifikuesi thotë se një autoritet i vulave kohore nuk është i besuar në mënyrë "
        "të pavarur, merrni certifikatën rrënjë të këtij autoriteti (nga faqja e tij e "
        "internetit, ose nga kushdo që jua dha dosjen) dhe kontrolloni përsëri duke shtuar "
        "edhe <font face='{mono}'>--trust tsa-root.pem</font>.",
    ),
)

LEVEL_LTA = Bi(
    "PAdES B-LTA. Signed with the vault's certificate; the signature carries a trusted "
    "timestamp from {tsa}; the validation data are embedded; a document timestamp seals the "
    "whole file.",
    "PAdES B-LTA. E nënshkruar me certifikatën e kasafortës; nënshkrimi ka një vulë kohore të "
    "besuar nga {tsa}; të dhënat për vërtetimin janë brenda skedarit; një vulë kohore e "
    "dokumentit mbyll të gjithë skedarin.",
)
LEVEL_BB = Bi(
    "PAdES B-B. Signed with the vault's certificate, without a trusted timestamp: no timestamp "
    "server could be reached when the bundle was made. The signing time is this computer's own "
    "clock.",
    "PAdES B-B. E nënshkruar me certifikatën e kasafortës, pa vulë kohore të besuar: asnjë "
    "server vulash kohore nuk ishte i arritshëm kur u bë dosja. Koha e nënshkrimit është ora "
    "e vetë këtij kompjuteri.",
)

BLURRED_NOTE = Bi(
    "For safety this picture is a strongly blurred copy, not evidence by itself. It was made "
    "from {name} (SHA-256 {sha}) by shrinking it {factor} times and blurring it (Gaussian, "
    "radius {radius:g} px). {original}",
    "Për siguri, kjo pamje është një kopje e turbulluar fort dhe nuk është provë më vete. U "
    "bë nga {name} (SHA-256 {sha}) duke e zvogëluar {factor} herë dhe duke e turbulluar "
    "(Gaussian, rreze {radius:g} px). {original_sq}",
)
ORIGINAL_ATTACHED = Bi(
    "The original is attached to this PDF unaltered.",
    "Origjinali është i bashkëngjitur në këtë PDF i pandryshuar.",
)
ORIGINAL_WITHHELD = Bi(
    "The original was withheld from this bundle by the person who exported it; its SHA-256 is "
    "listed, so it can be checked when it is produced.",
    "Origjinali nuk u përfshi në këtë dosje nga personi që e eksportoi; SHA-256 e tij është e "
    "listuar, që të mund të kontrollohet kur të paraqitet.",
)
LOSSLESS_NOTE = Bi(
    "The picture is shown with its original pixels (no resampling, no lossy compression), "
    "split across pages where it is tall; each part names the rows it shows. Zoom in to see "
    "any detail: every pixel of the original is in this PDF.",
    "Pamja shfaqet me pikselët e saj origjinalë (pa rimostrim dhe pa ngjeshje me humbje), e "
    "ndarë në disa faqe kur është e gjatë; çdo pjesë tregon rreshtat që shfaq. Zmadhojeni për "
    "të parë çdo hollësi: çdo piksel i origjinalit është në këtë PDF.",
)
WITHHELD_FILES = Bi(
    "Withheld: these files were not attached by the person who exported the bundle. Their "
    "SHA-256 values are sealed in the item's manifest.",
    "Të papërfshirë: këta skedarë nuk u bashkëngjitën nga personi që eksportoi dosjen. "
    "Vlerat e tyre SHA-256 janë të vulosura në manifestin e provës.",
)

CERT_STATEMENTS = (
    Bi(
        "I prepared this bundle with EvidenceKit {version} from the vault {vault_id} on {date}.",
        "E përgatita këtë dosje me EvidenceKit {version} nga kasaforta {vault_id} më {date}.",
    ),
    Bi(
        "Each file listed below is an exact copy of the file recorded in the vault when the "
        "item was captured or imported. This is shown by a process of digital identification: "
        "the SHA-256 hash algorithm (FIPS 180-4). Changing a single bit of a file changes its "
        "SHA-256 value.",
        "Çdo skedar i listuar më poshtë është kopje e saktë e skedarit të regjistruar në "
        "kasafortë kur prova u kap ose u importua. Kjo tregohet me një proces identifikimi "
        "dixhital: algoritmin hash SHA-256 (FIPS 180-4). Ndryshimi i qoftë edhe i një biti të "
        "vetëm të skedarit ndryshon vlerën e tij SHA-256.",
    ),
    Bi(
        "Process used: web pages were loaded once in a headless Chromium browser by EvidenceKit; "
        "every file of a capture (screenshot, page source, MHTML archive, network traffic in "
        "WARC format, media, metadata) was taken from that single page load and hashed with "
        "SHA-256 before being stored in an encrypted vault. Imported files were hashed while "
        "they were read into the vault. For each item a manifest listing every file and its "
        "SHA-256 was signed with the vault's certificate (CMS) and, where shown, time-stamped "
        "by an independent timestamp authority (RFC 3161). Every action on the evidence was "
        "written to a hash-chained custody log. When this bundle was made, every file was read "
        "again and its SHA-256 computed again; all matched.",
        "Procesi i përdorur: faqet e internetit u ngarkuan një herë nga EvidenceKit në një "
        "shfletues Chromium pa ndërfaqe; çdo skedar i një kapjeje (pamja e faqes, kodi burimor, "
        "arkivi MHTML, trafiku i rrjetit në formatin WARC, media, metadata) u mor nga ai "
        "ngarkim i vetëm i faqes dhe iu llogarit SHA-256 para se të ruhej në një kasafortë të "
        "enkriptuar. Skedarëve të importuar iu llogarit SHA-256 ndërsa lexoheshin në "
        "kasafortë. Për çdo provë, një manifest që liston çdo skedar dhe SHA-256 e tij u "
        "nënshkrua me certifikatën e kasafortës (CMS) dhe, kur tregohet, u vulos në kohë nga "
        "një autoritet i pavarur vulash kohore (RFC 3161). Çdo veprim mbi provat u shkrua në "
        "një regjistër ruajtjeje të lidhur me hash. Kur u bë kjo dosje, çdo skedar u lexua "
        "përsëri dhe SHA-256 e tij u llogarit përsëri; të gjitha përputheshin.",
    ),
)
CERT_SIGN = Bi(
    "I declare that the above is true and correct to the best of my knowledge. Where the law "
    "requires a sworn or notarised declaration, sign it before the competent official.",
    "Deklaroj se sa më sipër është e vërtetë dhe e saktë sipas dijenisë sime. Kur ligji kërkon "
    "deklaratë të betuar ose të noterizuar, nënshkruajeni përpara zyrtarit përkatës.",
)
CERT_LINES = (
    Bi("Name", "Emri"),
    Bi("Role or qualification", "Roli ose kualifikimi"),
    Bi("Signature", "Nënshkrimi"),
    Bi("Date", "Data"),
    Bi("Place", "Vendi"),
)

CHECKLIST_ROWS = (
    ("155a", Bi("The URL", "Adresa (URL)")),
    ("155b", Bi("The HTML source code", "Kodi burimor HTML")),
    (
        "155c",
        Bi(
            "A full-page screenshot with the date and time of capture",
            "Pamje e plotë e faqes me datën dhe orën e kapjes",
        ),
    ),
    (
        "155d",
        Bi(
            "Embedded images and video saved as separate files",
            "Imazhet dhe videot e faqes të ruajtura si skedarë më vete",
        ),
    ),
    ("153", Bi("Hashed at the point of collection", "Hash-i i llogaritur në çastin e mbledhjes")),
    (
        "154",
        Bi(
            "Alterations made by the capture documented",
            "Ndryshimet që bëri kapja janë dokumentuar",
        ),
    ),
    (
        "—",
        Bi(
            "Collector, time source and account recorded",
            "Mbledhësi, burimi i kohës dhe llogaria janë regjistruar",
        ),
    ),
    ("167", Bi("Chain of custody", "Zinxhiri i ruajtjes së provave")),
)
YES, NO, PARTLY, NOT_APPLICABLE = (
    Bi("yes", "po"),
    Bi("no", "jo"),
    Bi("partly", "pjesërisht"),
    Bi("n/a", "nuk zbatohet"),
)

LIMITS_TEXT = (
    Bi(
        "What a capture proves: that this computer, at the time shown, received these exact "
        "bytes from the server at that address, as recorded in the attached page files and "
        "network traffic; that no file has changed since it was sealed (SHA-256 and signature); "
        "and, where a trusted timestamp is present, that the files existed no later than the "
        "time the timestamp authority vouches for.",
        "Çfarë provon një kapje: se ky kompjuter, në kohën e treguar, mori pikërisht këto të "
        "dhëna nga serveri në atë adresë, siç janë regjistruar në skedarët e faqes dhe në "
        "trafikun e rrjetit që janë bashkëngjitur; se asnjë skedar nuk ka ndryshuar që kur u "
        "vulos (SHA-256 dhe nënshkrimi); dhe, kur ka vulë kohore të besuar, se skedarët "
        "ekzistonin jo më vonë se koha që garanton autoriteti i vulës kohore.",
    ),
    Bi(
        "What it cannot prove: who wrote or posted the content, or who controls the account; "
        "that the name shown belongs to a particular person; what other people saw at other "
        "times or in other places (pages change, and can show different things to different "
        "visitors); that this computer's clock was right (only a trusted timestamp is "
        "independent of it); anything the page did not show to this browser, such as private "
        "messages or deleted posts. A capture made without logging in sees only what the public "
        "sees.",
        "Çfarë nuk mund të provojë: kush e shkroi ose e publikoi përmbajtjen, apo kush e "
        "kontrollon llogarinë; se emri që shfaqet i përket një personi të caktuar; çfarë panë "
        "të tjerët në kohë ose vende të tjera (faqet ndryshojnë dhe mund t'u tregojnë "
        "vizitorëve të ndryshëm gjëra të ndryshme); se ora e këtij kompjuteri ishte e saktë "
        "(vetëm vula kohore e besuar nuk varet prej saj); asgjë që faqja nuk ia tregoi këtij "
        "shfletuesi, si mesazhe private ose postime të fshira. Një kapje e bërë pa hyrë në "
        "llogari sheh vetëm atë që sheh publiku.",
    ),
    Bi(
        "The signature shows that this bundle came unchanged from the EvidenceKit vault whose "
        "certificate fingerprint is on the first page. It does not identify a person unless "
        "that certificate is confirmed independently. An imported file shows what was given to "
        "EvidenceKit; where it came from before that is not proven by this bundle.",
        "Nënshkrimi tregon se kjo dosje vjen e pandryshuar nga kasaforta EvidenceKit, gjurma e "
        "certifikatës së së cilës është në faqen e parë. Ai nuk identifikon një person, përveç "
        "kur kjo certifikatë konfirmohet në mënyrë të pavarur. Një skedar i importuar tregon "
        "atë që iu dha EvidenceKit-it; nga erdhi më parë nuk provohet nga kjo dosje.",
    ),
)

ABOUT_TEXT = Bi(
    "This file follows the PDF/A-3 conventions that matter for keeping it readable: every font "
    "is embedded, the document carries XMP metadata that matches its document information, an "
    "sRGB output intent, and every attached file has its media type, size, date and an "
    "associated-file relationship (Source for originals, Data for bundle.json). It does not "
    "claim PDF/A-3 conformance: it has not been checked with a PDF/A validator, its links are "
    "plain annotations and it is not a tagged PDF.",
    "Ky skedar ndjek rregullat e PDF/A-3 që kanë rëndësi për ta mbajtur të lexueshëm: të gjitha "
    "shkronjat janë brenda tij, ka metadata XMP që përputhen me të dhënat e dokumentit, një "
    "synim dalje sRGB, dhe çdo skedar i bashkëngjitur ka llojin e medias, madhësinë, datën "
    "dhe lidhjen e skedarit të shoqëruar (Source për origjinalet, Data për bundle.json). Nuk "
    "pretendon përputhje të plotë me PDF/A-3: nuk është kontrolluar me një validues PDF/A, "
    "lidhjet e tij janë shënime të thjeshta dhe nuk është PDF me etiketa.",
)

ABOUT_ECDSA = Bi(
    "The signature uses an elliptic-curve key as ISO/TS 32002 defines it, which makes this file "
    "a PDF 2.0 document.",
    "Nënshkrimi përdor një çelës me kurbë eliptike siç e përcakton ISO/TS 32002, gjë që e bën "
    "këtë skedar dokument PDF 2.0.",
)

"""The verifier's sentences, in English and Albanian (shqip), side by side.

Every row of a verification report (`checks.Check`) is said in both languages from the same
template filled with the same facts, so the two can never drift apart: `detail` (English, the
CLI contract) and `detail_sq` (what the app shows in Albanian). Albanian follows the register
of texts.py: nënshkrim, vulë kohore, autoritet i vulave kohore, gjurmë, skedar i bashkëngjitur,
zinxhiri i ruajtjes së provave. Flags (--trust), file names, fingerprints, times in UTC and
"PAdES B-LTA" are the same in both.
"""

from __future__ import annotations

import datetime as dt

from evidencekit import bundle_format
from evidencekit.bilingual import Bi
from evidencekit.seal import cms, identity, tokens

# --- small pieces -----------------------------------------------------------------------------


def number(value: int) -> Bi:
    """12,345 in English; 12 345 in Albanian (a no-break space groups thousands in sq_AL)."""
    return Bi(f"{value:,}", f"{value:,}".replace(",", "\u00a0"))


def count(value: int, one: Bi, many: Bi) -> Bi:
    """ "1 file" / "3 files"; "1 skedar" / "3 skedarë"."""
    noun = one if value == 1 else many
    shown = number(value)
    return Bi(f"{shown.en} {noun.en}", f"{shown.sq} {noun.sq}")


ITEM = (Bi("item", "provë"), Bi("items", "prova"))
FILE = (Bi("file", "skedar"), Bi("files", "skedarë"))
ATTACHED_FILE = (
    Bi("attached file", "skedar i bashkëngjitur"),
    Bi("attached files", "skedarë të bashkëngjitur"),
)
AND = Bi(" and ", " dhe ")
AND_ALSO = Bi("; and ", "; dhe ")
UNKNOWN_TIME = Bi("an unknown time", "një kohë e panjohur")
UNNAMED_TSA = Bi("an unnamed timestamp authority", "një autoritet vulash kohore pa emër")


def when(moment: dt.datetime | None) -> Bi:
    """A moment for people: "2024-05-01 10:00:04 UTC" (the same in both languages)."""
    if moment is None:
        return UNKNOWN_TIME
    return Bi.same(moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))


def span(delta: dt.timedelta) -> Bi:
    """A time difference for people, rounded: "25 minutes", "20 hours", "3 days"."""
    minutes = round(abs(delta.total_seconds()) / 60)
    if minutes < 120:
        return count(minutes, Bi("minute", "minutë"), Bi("minutes", "minuta"))
    hours = round(minutes / 60)
    if hours < 48:
        return Bi(f"{hours} hours", f"{hours} orë")
    days = round(hours / 24)
    return Bi(f"{days} days", f"{days} ditë")


def more(shown: Bi, left: int, sep: Bi | str) -> Bi:
    """A list cut short: "…; and 3 more"."""
    if left <= 0:
        return shown
    tail = Bi("and {n} more", "dhe {n} të tjerë").format(n=left)
    return Bi.join([shown, tail], sep)


# --- the report as a whole --------------------------------------------------------------------

VERDICT = Bi("Verdict: {verdict}", "Përfundimi: {verdict}")
VERDICTS = {
    "valid": Bi("VALID", "E VLEFSHME"),
    "invalid": Bi("INVALID", "E PAVLEFSHME"),
    "indeterminate": Bi("INDETERMINATE", "E PAPËRCAKTUAR"),
}
WHAT_YOU_CAN_DO = Bi("What you can do:", "Çfarë mund të bëni:")
CHECK_NAMES = {
    "pdf": Bi("pdf", "skedari PDF"),
    "appended data": Bi("appended data", "të dhëna të shtuara"),
    "signature": Bi("signature", "nënshkrimi"),
    "whole file": Bi("whole file", "i gjithë skedari"),
    "signer": Bi("signer", "nënshkruesi"),
    "signature timestamp": Bi("signature timestamp", "vula kohore e nënshkrimit"),
    "document timestamp": Bi("document timestamp", "vula kohore e dokumentit"),
    "identity": Bi("identity", "identiteti"),
    "bundle.json": Bi("bundle.json", "bundle.json"),
    "attachments": Bi("attachments", "skedarët e bashkëngjitur"),
    "items": Bi("items", "provat"),
    "custody": Bi("custody", "zinxhiri i ruajtjes së provave"),
}


def check_name(name: str) -> Bi:
    """A row's name for people ("item 2 (…)" -> "prova 2 (…)"); the English is the row's id."""
    if name.startswith("item "):
        number_, _, rest = name[5:].partition(" ")
        return Bi(name, f"prova {number_} {rest}".strip())
    return CHECK_NAMES.get(name, Bi.same(name))


# --- the file ---------------------------------------------------------------------------------

APPENDED = Bi(
    "{size} bytes were added after the end of the PDF. They are not covered by any signature; "
    "the checks below are about the PDF as it was before them.",
    "Pas fundit të dokumentit PDF u shtuan {size} bajte. Ato nuk mbulohen nga asnjë nënshkrim; "
    "kontrollet më poshtë i përkasin dokumentit PDF ashtu siç ishte para tyre.",
)
NOT_CHECKED_TO_END = Bi(
    "The file could not be checked to the end: part of it is damaged or not what a bundle "
    "holds ({error}).",
    "Skedari nuk mund të kontrollohej deri në fund: një pjesë e tij është e dëmtuar ose nuk "
    "është ajo që përmban një dosje ({error}).",
)
PDF_DAMAGED = Bi(
    "The file is a PDF but it is damaged: it cannot be read (it may have been cut short or "
    "altered).",
    "Skedari është PDF, por është i dëmtuar: nuk mund të lexohet (mund të jetë prerë ose "
    "ndryshuar).",
)
# The English keeps its "revision(s)" (the CLI's words); Albanian counts properly.
PDF_READABLE = Bi(
    "A readable PDF of {size} bytes in {revisions} revision(s).",
    "Një dokument PDF i lexueshëm, {size} bajte, me {revisions}.",
)
REVISION = (Bi("", "version"), Bi("", "versione"))


def revisions(value: int) -> Bi:
    return Bi(str(value), count(value, *REVISION).sq)


# --- the PDF signature ------------------------------------------------------------------------

SIGNATURE_FIELDS_DAMAGED = Bi(
    "The PDF's signature fields are damaged and cannot be read.",
    "Fushat e nënshkrimit të dokumentit PDF janë të dëmtuara dhe nuk mund të lexohen.",
)
NOT_SIGNED = Bi(
    "This PDF is not signed, so nothing shows that it came unchanged from an EvidenceKit vault.",
    "Ky PDF nuk është i nënshkruar, prandaj asgjë nuk tregon se vjen i pandryshuar nga një "
    "kasafortë EvidenceKit.",
)
SIGNATURE_INTACT = Bi(
    "The PDF signature is intact: not one signed byte has changed since {when} (signer's clock).",
    "Nënshkrimi i dokumentit PDF është i paprekur: asnjë bajt i nënshkruar nuk ka ndryshuar që "
    "nga {when} (sipas orës së nënshkruesit).",
)
SIGNATURE_BROKEN = Bi(
    "The PDF signature does not match the file: its content was changed after it was signed "
    "(tampering or corruption).",
    "Nënshkrimi i dokumentit PDF nuk përputhet me skedarin: përmbajtja e tij u ndryshua pasi u "
    "nënshkrua (ndërhyrje ose dëmtim).",
)
COVERS_WHOLE_FILE = Bi(
    "The signature covers the whole file: nothing was added after it.",
    "Nënshkrimi mbulon të gjithë skedarin: asgjë nuk është shtuar pas tij.",
)
COVERS_NONSTANDARD = Bi(
    "The signature does not cover its part of the file in the standard way.",
    "Nënshkrimi nuk e mbulon pjesën e tij të skedarit në mënyrën standarde.",
)
CHANGED_AFTER_SIGNING = Bi(
    "The file was changed after it was signed: content was added or replaced in a later update "
    "(only validation data and document timestamps may follow a signature).",
    "Skedari u ndryshua pasi u nënshkrua: në një përditësim të mëvonshëm u shtua ose u "
    "zëvendësua përmbajtje (pas një nënshkrimi mund të vijnë vetëm të dhëna vërtetimi dhe vula "
    "kohore të dokumentit).",
)
ADDED_AFTER_SIGNED_PART = Bi(
    "{size} bytes were added after the end of the last signed part of the file. The signed "
    "part itself is what was signed; the added bytes are not covered.",
    "Pas pjesës së fundit të nënshkruar të skedarit u shtuan {size} bajte. Pjesa e nënshkruar "
    "është pikërisht ajo që u nënshkrua; bajtet e shtuara nuk mbulohen.",
)
COVERS_WITH_DOCUMENT_TIMESTAMP = Bi(
    "The signature covers the document as it was signed; after it come only validation data "
    "and a document timestamp (as PAdES allows), and that timestamp covers the file to its "
    "last byte.",
    "Nënshkrimi mbulon dokumentin ashtu siç u nënshkrua; pas tij vijnë vetëm të dhëna "
    "vërtetimi dhe një vulë kohore e dokumentit (siç e lejon PAdES), dhe kjo vulë kohore e "
    "mbulon skedarin deri në bajtin e fundit.",
)
COVERS_WITH_VALIDATION_DATA = Bi(
    "The signature covers the document as it was signed; after it come only validation data "
    "(as PAdES allows).",
    "Nënshkrimi mbulon dokumentin ashtu siç u nënshkrua; pas tij vijnë vetëm të dhëna "
    "vërtetimi (siç e lejon PAdES).",
)

SIGNED_BY = Bi(
    "Signed by {subject}, certificate SHA-256 {fingerprint}",
    "Nënshkruar nga {subject}, gjurma SHA-256 e certifikatës {fingerprint}",
)
SIGNER_GIVEN = Bi(
    "{head}; trusted: it is one of the certificates given with --trust.",
    "{head}; e besuar: është një nga certifikatat e dhëna me --trust.",
)
SIGNER_UNDER_GIVEN = Bi(
    "{head}; trusted: its certificate leads to one given with --trust.",
    "{head}; e besuar: certifikata e tij lidhet me një certifikatë të dhënë me --trust.",
)
SIGNER_OTHER = Bi(
    "{head}. This is a certificate other than the one(s) you trust: it is none of the "
    "certificates given with --trust and was not issued under any of them. Either someone else "
    "signed this bundle, or the certificate you were given is not the one of the vault it came "
    "from.",
    "{head}. Kjo është një certifikatë tjetër nga ajo (ose ato) që ju besoni: nuk është asnjë "
    "nga certifikatat e dhëna me --trust dhe nuk është lëshuar nën asnjërën prej tyre. Ose "
    "këtë dosje e ka nënshkruar dikush tjetër, ose certifikata që ju dhanë nuk është ajo e "
    "kasafortës nga e cila vjen dosja.",
)
SIGNER_NOTE_TSA_ROOTS = Bi(
    " (the certificates given with --trust are timestamp authorities' roots, not the signer's)",
    " (certifikatat e dhëna me --trust janë certifikata rrënjë të autoriteteve të vulave "
    "kohore, jo të nënshkruesit)",
)

NO_SIGNATURE_TIMESTAMP = Bi(
    "The signature has no trusted timestamp: the time of signing is only the signer's own clock.",
    "Nënshkrimi nuk ka vulë kohore të besuar: koha e nënshkrimit mbështetet vetëm në orën e "
    "vetë nënshkruesit.",
)
SIGNATURE_TIMESTAMP_INVALID = Bi(
    "The signature's timestamp is not valid: {why}",
    "Vula kohore e nënshkrimit nuk është e vlefshme: {why}",
)
SIGNATURE_STAMPED = Bi(
    "Time-stamped by {tsa} at {when}; the token covers this signature",
    "Vulosur në kohë nga {tsa} më {when}; vula kohore e mbulon këtë nënshkrim",
)
SIGNATURE_BACKDATED = Bi(
    "{said}, but the timestamp authority dated it {span} before the time the signer's computer "
    "wrote ({claimed}): that computer's clock may have been wrong, or the signature was "
    "back-dated.",
    "{said}, por autoriteti i vulave kohore e datoi {span} para kohës që shkroi kompjuteri i "
    "nënshkruesit ({claimed}): ora e atij kompjuteri mund të ketë qenë e gabuar, ose "
    "nënshkrimit iu vu qëllimisht një datë e mëhershme.",
)
BUT_UNTRUSTED = Bi(
    "{said}; but the authority is not independently trusted: {how}; {hint}.",
    "{said}; por autoriteti nuk është i besuar në mënyrë të pavarur: {how}; {hint}.",
)
TRUSTED_HOW = Bi("{said}; {how}.", "{said}; {how}.")

NO_DOCUMENT_TIMESTAMP = Bi(
    "None (the bundle is not archived with a document timestamp).",
    "Asnjë (dosja nuk është arkivuar me vulë kohore dokumenti).",
)
DOCUMENT_TIMESTAMP_INVALID = Bi(
    "A document timestamp is not valid: {why}",
    "Një vulë kohore e dokumentit nuk është e vlefshme: {why}",
)
DOES_NOT_MATCH_FILE = Bi("it does not match the file", "nuk përputhet me skedarin")
DOCUMENT_STAMPED = Bi(
    "A document timestamp by {tsa} at {when} seals the file up to its end (PAdES B-LTA)",
    "Një vulë kohore e dokumentit nga {tsa}, më {when}, e mbyll skedarin deri në fund "
    "(PAdES B-LTA)",
)

# --- trust in timestamp authorities (trust.py) --------------------------------------------------

BUILTIN_STORE = Bi(
    "the built-in list of trusted roots",
    "lista e integruar e rrënjëve të besuara",
)
TSA_CERT_UNREADABLE = Bi(
    "its authority's certificate could not be read",
    "certifikata e autoritetit të saj nuk mund të lexohej",
)
TSA_CERTS_UNREADABLE = Bi(
    "its authority's certificates could not be read",
    "certifikatat e autoritetit të saj nuk mund të lexoheshin",
)
TSA_LEADS_TO_GIVEN = Bi(
    "its authority's certificate leads to a certificate given with --trust",
    "certifikata e autoritetit të saj lidhet me një certifikatë të dhënë me --trust",
)
TSA_LEADS_TO_BUILTIN = Bi(
    "its authority's certificate leads to a root in {store}",
    "certifikata e autoritetit të saj lidhet me një certifikatë rrënjë nga {store}",
)
TSA_LEADS_NOWHERE_GIVEN = Bi(
    "its certificate leads neither to a certificate given with --trust nor to a root in {store}",
    "certifikata e tij nuk lidhet as me një certifikatë të dhënë me --trust, as me një "
    "certifikatë rrënjë nga {store}",
)
TSA_LEADS_NOWHERE = Bi(
    "its certificate leads to no root in {store}",
    "certifikata e tij nuk lidhet me asnjë certifikatë rrënjë nga {store}",
)
UNTRUSTED_HINT = Bi(
    "to check it, pass that authority's root certificate with --trust <TSA root>.pem",
    "për ta kontrolluar, jepni certifikatën rrënjë të atij autoriteti me "
    "--trust <rrënja e autoritetit>.pem",
)
UNTRUSTED_ADVICE = Bi(
    "The timestamps by {names} are intact, but not independently trusted. Anyone can run a "
    "timestamp authority, so a timestamp counts only when its authority's certificate leads to "
    "a root this verifier knows (Mozilla's list, shipped with the certifi package) or to a "
    "certificate you give with --trust. If you know and trust {which}, get its root certificate "
    "(from its website, or from whoever gave you the bundle) and check again: "
    "evidencekit verify {bundle} --trust <TSA root>.pem",
    "Vulat kohore nga {names} janë të paprekura, por nuk janë të besuara në mënyrë të pavarur. "
    "Kushdo mund të ngrejë një autoritet vulash kohore, prandaj një vulë kohore vlen vetëm kur "
    "certifikata e autoritetit të saj lidhet me një certifikatë rrënjë që ky verifikues e njeh "
    "(lista e Mozilla-s, që vjen me paketën certifi) ose me një certifikatë që e jepni ju me "
    "--trust. Nëse {which} është i njohur dhe i besueshëm për ju, merrni certifikatën e tij "
    "rrënjë (nga faqja e tij e internetit, ose nga kushdo që jua dha dosjen) dhe kontrolloni "
    "përsëri: evidencekit verify {bundle} --trust <rrënja e autoritetit>.pem",
)
THIS_AUTHORITY = Bi("this authority", "ky autoritet")
ONE_OF_THESE_AUTHORITIES = Bi("one of these authorities", "njëri prej këtyre autoriteteve")

# --- what the bundle carries (verify_content.py) ------------------------------------------------

DOUBT_LOG_UNANCHORED = Bi(
    "the custody log records certificate {fingerprint} as the vault's own, but that log "
    "carries no trusted timestamp, so nothing independent shows it was not added just before "
    "this bundle was made",
    "regjistri i ruajtjes së provave e shënon certifikatën {fingerprint} si të kasafortës, por "
    "ky regjistër nuk ka vulë kohore të besuar, prandaj asgjë e pavarur nuk tregon se ajo nuk u "
    "shtua pak para se të bëhej kjo dosje",
)
DOUBT_AFTER_ANCHOR = Bi(
    "the custody log records certificate {fingerprint} as the vault's own only after entry "
    "{seq}, the last one covered by a trusted timestamp, so nothing independent shows it was "
    "not added just before this bundle was made",
    "regjistri i ruajtjes së provave e shënon certifikatën {fingerprint} si të kasafortës vetëm "
    "pas shënimit {seq}, të fundit që mbulohet nga një vulë kohore e besuar, prandaj asgjë e "
    "pavarur nuk tregon se ajo nuk u shtua pak para se të bëhej kjo dosje",
)
ATTACHMENT_LIST_DAMAGED = Bi(
    "The list of attached files is damaged.",
    "Lista e skedarëve të bashkëngjitur është e dëmtuar.",
)
NO_BUNDLE_JSON = Bi(
    "This PDF carries no bundle.json: it is not an EvidenceKit bundle, or its index was removed.",
    "Ky PDF nuk përmban bundle.json: ose nuk është dosje EvidenceKit, ose indeksi i saj është "
    "hequr.",
)
BUNDLE_JSON_INVALID = Bi("{why}.", "{why}.")
BUNDLE_JSON_UNREADABLE = Bi(
    "bundle.json cannot be read from the PDF (damaged).",
    "Skedari bundle.json nuk mund të lexohet nga dokumenti PDF (është i dëmtuar).",
)
BUNDLE_JSON_OK = Bi(
    "Bundle {id}, made {created} with EvidenceKit {version}: {items}; it lists {listed}, and "
    "with bundle.json itself {files} are attached.",
    "Dosja {id}, e bërë më {created} me EvidenceKit {version}: {items}; ajo liston {listed}, "
    "dhe bashkë me vetë bundle.json janë bashkëngjitur {files}.",
)
PART_DAMAGED = Bi(
    "This part of the bundle is damaged or inconsistent and could not be checked ({error}).",
    "Kjo pjesë e dosjes është e dëmtuar ose jokonsistente dhe nuk mund të kontrollohej ({error}).",
)

IDENTITY_RESIGNED = Bi(
    "The PDF was signed by certificate {signer}, but the bundle names {named}: it was "
    "re-signed by someone else.",
    "Dokumenti PDF u nënshkrua me certifikatën {signer}, por dosja përmend certifikatën "
    "{named}: dikush tjetër e ka nënshkruar përsëri.",
)
IDENTITY_COVERED = Bi(
    "The PDF was signed by the certificate the bundle names, which the vault's custody log "
    "records as its own (before its trusted timestamp).",
    "Dokumenti PDF u nënshkrua me certifikatën që përmend dosja, të cilën regjistri i ruajtjes "
    "së provave të kasafortës e shënon si të vetën (para vulës kohore të besuar të regjistrit).",
)
IDENTITY_LATER = Bi(
    "The PDF was signed by the certificate the bundle names; but {doubt}.",
    "Dokumenti PDF u nënshkrua me certifikatën që përmend dosja; por {doubt}.",
)
IDENTITY_UNKNOWN = Bi(
    "The PDF was signed by certificate {signer}, which the vault's custody log never records: "
    "it was re-signed by someone else.",
    "Dokumenti PDF u nënshkrua me certifikatën {signer}, të cilën regjistri i ruajtjes së "
    "provave të kasafortës nuk e shënon askund: dikush tjetër e ka nënshkruar përsëri.",
)

ATTACHMENT_MISSING = Bi("{name} is missing", "{name} mungon")
ATTACHMENT_MISMATCH = Bi(
    "{name} does not match its SHA-256", "{name} nuk përputhet me SHA-256 e vet"
)
ATTACHMENT_UNLISTED = Bi(
    "{name} is attached but not listed", "{name} është bashkëngjitur, por nuk është në listë"
)
ATTACHMENT_PROBLEMS = Bi(
    "{count} problem(s) with the attached files: {shown}.",
    "Probleme me skedarët e bashkëngjitur ({count}): {shown}.",
)
ATTACHMENTS_OK = Bi(
    "All {all} are the expected ones: the {listed} bundle.json lists are present and match "
    "their SHA-256 ({size} bytes hashed), and nothing else is attached.",
    "Të gjithë skedarët e bashkëngjitur ({all_n}) janë ata që priten: skedarët që liston "
    "bundle.json ({listed_n}) janë të pranishëm dhe përputhen me SHA-256 e tyre (u llogarit "
    "hash-i për {size} bajte), dhe asgjë tjetër nuk është bashkëngjitur.",
)

ITEM_NO_MANIFEST = Bi(
    "Its manifest.json is not attached, so its files cannot be checked.",
    "Manifesti i saj (manifest.json) nuk është bashkëngjitur, prandaj skedarët e saj nuk mund "
    "të kontrollohen.",
)
ITEM_MANIFEST_MISMATCH = Bi(
    "Its manifest.json does not match the item's seal digest.",
    "Manifesti i saj (manifest.json) nuk përputhet me gjurmën e vulës së provës.",
)
ITEM_MANIFEST_OTHER = Bi(
    "Its manifest belongs to another item.", "Manifesti i saj i përket një prove tjetër."
)
ITEM_FILE_NOT_SEALED = Bi(
    "Its file {name} is not the one sealed in its manifest.",
    "Skedari i saj {name} nuk është ai që është vulosur në manifestin e saj.",
)
ITEM_ATTACHED_NOT_SEALED = Bi(
    "Its attached {name} is not the file sealed in its manifest.",
    "Skedari i bashkëngjitur {name} nuk është ai që është vulosur në manifestin e saj.",
)
ITEM_UNSEALED_FILE = Bi(
    "A file is listed under this item that its seal does not cover ({shown}): its manifest "
    "does not name it, so nothing shows it was captured with the item.",
    "Nën këtë provë është listuar një skedar që vula e saj nuk e mbulon ({shown}): manifesti "
    "i saj nuk e përmend, prandaj asgjë nuk tregon se u kap bashkë me provën.",
)
ITEM_NEVER_SIGNED = Bi(
    "Its files match its manifest, but the manifest was never signed.",
    "Skedarët e saj përputhen me manifestin, por manifesti nuk u nënshkrua kurrë.",
)
ITEM_NO_SIGNATURE = Bi(
    "Its manifest signature (manifest.p7s) is not attached.",
    "Nënshkrimi i manifestit të saj (manifest.p7s) nuk është bashkëngjitur.",
)
ITEM_SIGNATURE_INVALID = Bi(
    "Its manifest signature is not valid: {why}",
    "Nënshkrimi i manifestit të saj nuk është i vlefshëm: {why}",
)
ITEM_OTHER_SIGNER = Bi(
    "Its manifest was signed by another certificate than the one recorded.",
    "Manifesti i saj u nënshkrua me një certifikatë tjetër nga ajo e regjistruar.",
)
ITEM_UNKNOWN_SIGNER = Bi(
    "Its manifest was signed by a certificate this vault never recorded.",
    "Manifesti i saj u nënshkrua me një certifikatë që kjo kasafortë nuk e ka regjistruar kurrë.",
)
ITEM_TOKEN_MISSING = Bi(
    "Its timestamp {token} is not attached.",
    "Vula kohore e saj {token} nuk është bashkëngjitur.",
)
ITEM_TOKEN_INVALID = Bi(
    "Its timestamp {token} is not valid: {why}",
    "Vula kohore e saj {token} nuk është e vlefshme: {why}",
)
ITEM_FILES_MATCH = (
    Bi("{files} matches it", "{files} përputhet me të"),
    Bi("{files} match it", "{files} përputhen me të"),
)
ITEM_WITHHELD = Bi(
    ", {count} withheld (hash listed)", ", {count} të papërfshirë (me hash të listuar)"
)
ITEM_SUMMARY = Bi(
    "Manifest {seal} intact and signed by certificate {signer}; {kept}",
    "Manifesti {seal} është i paprekur dhe i nënshkruar me certifikatën {signer}; {kept}",
)
ITEM_NEVER_STAMPED = Bi(
    "it was never time-stamped, so its time rests on the capturing computer's clock",
    "nuk u vulos kurrë në kohë, prandaj koha e saj mbështetet në orën e kompjuterit që e kapi",
)
ITEM_BUT = Bi("{summary}; but {doubts}.", "{summary}; por {doubts}.")
ITEM_STAMP = Bi("{tsa} at {when}", "{tsa} më {when}")
ITEM_STAMP_HOW = Bi("{said} ({how})", "{said} ({how})")
ITEM_STAMP_UNTRUSTED = Bi(
    "{said} (not independently trusted)", "{said} (jo i besuar në mënyrë të pavarur)"
)
ITEM_BACKDATED = Bi(
    "the timestamp authority dated it {earliest}, {span} before the computer says it was "
    "captured ({claimed}): the computer's clock may have been wrong, or the item was back-dated",
    "autoriteti i vulave kohore e datoi {earliest}, {span} para kohës kur kompjuteri thotë se "
    "u kap ({claimed}): ora e kompjuterit mund të ketë qenë e gabuar, ose provës iu vu "
    "qëllimisht një datë e mëhershme",
)
ITEM_TSA_UNTRUSTED = Bi(
    "its timestamp authority is not independently trusted: {how}; {hint}",
    "autoriteti i vulave kohore të saj nuk është i besuar në mënyrë të pavarur: {how}; {hint}",
)
ITEM_TSAS_UNTRUSTED = Bi(
    "none of its timestamp authorities is independently trusted: {how}; {hint}",
    "asnjë nga autoritetet e vulave kohore të saj nuk është i besuar në mënyrë të pavarur: "
    "{how}; {hint}",
)
ITEM_STAMPED_BUT = Bi(
    "{summary}; time-stamped by {stamps}. But {doubts}.",
    "{summary}; vulosur në kohë nga {stamps}. Por {doubts}.",
)
ITEM_STAMPED = Bi(
    "{summary}; time-stamped by {stamps}.", "{summary}; vulosur në kohë nga {stamps}."
)

CUSTODY_EMPTY = Bi(
    "bundle.json holds no custody entries.",
    "bundle.json nuk përmban asnjë shënim të zinxhirit të ruajtjes së provave.",
)
CUSTODY_GAP = Bi(
    "Custody entry {expected} is missing (the next one is {seq}).",
    "Shënimi {expected} i regjistrit të ruajtjes së provave mungon (i radhës është {seq}).",
)
CUSTODY_UNLINKED = Bi(
    "Custody entry {seq} does not link to the entry before it.",
    "Shënimi {seq} i regjistrit të ruajtjes së provave nuk lidhet me shënimin para tij.",
)
CUSTODY_CHANGED = Bi(
    "Custody entry {seq} ({action}) was changed after it was written.",
    "Shënimi {seq} i regjistrit të ruajtjes së provave ({action}) u ndryshua pasi u shkrua.",
)
CUSTODY_NO_INTAKE = Bi(
    "The custody log does not record how item {number} came in.",
    "Regjistri i ruajtjes së provave nuk shënon si hyri prova {number}.",
)
CUSTODY_MANIFEST_ELSEWHERE = Bi(
    "Item {number}'s manifest names another place in the custody log than where its capture "
    "is logged.",
    "Manifesti i provës {number} tregon një vend tjetër në regjistrin e ruajtjes së provave nga "
    "ai ku është shënuar kapja e saj.",
)
CUSTODY_CHAINED = Bi(
    "{count} entries chain correctly from the first to the last",
    "Të gjitha shënimet ({count}) lidhen saktë në zinxhir, nga i pari te i fundit",
)
CUSTODY_HIDDEN = Bi(
    " ({hidden} about other items are shown only by their hashes)",
    " ({hidden} prej tyre, për prova të tjera, tregohen vetëm me hash-et e tyre)",
)
CUSTODY_ALL_LOGGED = Bi(
    "; every item's capture or import is logged with its seal digest",
    "; kapja ose importi i çdo prove është shënuar me gjurmën e vulës së saj",
)
CUSTODY_UNANCHORED = Bi(
    "{summary}; but the log carries no trusted timestamp, so nothing independent shows it was "
    "not rewritten before this bundle was made.",
    "{summary}; por regjistri nuk ka vulë kohore të besuar, prandaj asgjë e pavarur nuk tregon "
    "se nuk u rishkrua para se të bëhej kjo dosje.",
)
CUSTODY_ANCHOR_NOT_IN_LOG = Bi(
    "The custody timestamp covers an entry that is not in the log.",
    "Vula kohore e regjistrit të ruajtjes së provave mbulon një shënim që nuk është në regjistër.",
)
CUSTODY_TOKEN_MISSING = Bi(
    "The custody timestamp token is not attached.",
    "Vula kohore e regjistrit të ruajtjes së provave nuk është bashkëngjitur.",
)
CUSTODY_TOKEN_INVALID = Bi(
    "The custody timestamp is not valid: {why}",
    "Vula kohore e regjistrit të ruajtjes së provave nuk është e vlefshme: {why}",
)
CUSTODY_STAMPED = Bi(
    "{summary}; the chain up to entry {seq} was time-stamped by {tsa} at {when}",
    "{summary}; zinxhiri deri te shënimi {seq} u vulos në kohë nga {tsa} më {when}",
)
CUSTODY_BACKDATED = Bi(
    "{stamped}. But the timestamp authority dated it {span} before the time entry {seq} says "
    "it was written ({written}): the computer's clock may have been wrong, or the log was "
    "back-dated.",
    "{stamped}. Por autoriteti i vulave kohore e datoi {span} para kohës kur shënimi {seq} "
    "thotë se u shkrua ({written}): ora e kompjuterit mund të ketë qenë e gabuar, ose "
    "regjistrit iu vu qëllimisht një datë e mëhershme.",
)

# --- why a file is not a PDF at all (pdfread) -------------------------------------------------

FILE_EMPTY = Bi("The file is empty.", "Skedari është bosh.")
NOT_A_PDF = Bi("The file is not a PDF.", "Skedari nuk është PDF.")

# --- reasons given in English only -------------------------------------------------------------
# Every reason the verifier shows is made in both languages where it arises (seal.cms,
# seal.tokens, seal.identity, bundle_format, pdfread above) and reaches a row as that value.
# `reason` remains for an English reason from elsewhere (a script, an older caller): it knows
# the English of all of them, from the same templates, and says anything else in plain
# Albanian rather than leaving English in the Albanian text.


def _made_bilingual() -> tuple[dict[str, str], tuple[tuple[str, str, bool], ...]]:
    """`reason`'s table, from the reasons as made: whole sentences, and templates whose one
    value comes last (a technical value, or a further reason: "…: {why}")."""
    made = (
        FILE_EMPTY,
        NOT_A_PDF,
        *bundle_format.REASONS,
        *cms.REASONS,
        tokens.NOT_A_TIMESTAMP,
        *(tokens.sentence(fragment) for fragment in tokens.FRAGMENTS),
        *identity.REASONS,
    )
    whole: dict[str, str] = {}
    starts: list[tuple[str, str, bool]] = []
    for text in made:
        if "{" in text.en:
            nested = text.en.removesuffix(".").endswith("{why}")
            starts.append((text.en.split("{")[0], text.sq.split("{")[0], nested))
        else:
            whole[text.en] = text.sq
    return whole, tuple(starts)


_REASONS, _REASON_STARTS = _made_bilingual()
_UNKNOWN_REASON = "të dhënat janë të dëmtuara ose nuk kanë formën e pritur"


def reason(english: str) -> Bi:
    """A reason another module gave in English, with its Albanian."""
    return Bi(english, _reason_sq(english))


def _reason_sq(english: str) -> str:
    known = _REASONS.get(english)
    if known is not None:
        return known
    for start, albanian, nested in _REASON_STARTS:
        if english.startswith(start):
            rest = english[len(start) :]
            if not nested:
                return albanian + rest
            stop = "." if rest.endswith(".") else ""
            return albanian + _reason_sq(rest.removesuffix(".")) + stop
    sentence = english[:1].isupper()
    generic = _UNKNOWN_REASON[:1].upper() + _UNKNOWN_REASON[1:] if sentence else _UNKNOWN_REASON
    return generic + ("." if english.endswith(".") else "")


# --- issue 11: what may change after signing (verify/revisions.py) ----------------------------

TOO_MANY_REVISIONS = Bi(
    "the file was changed {count} times after it was signed; EvidenceKit itself adds at most "
    "{allowed} revisions (validation data and one document timestamp)",
    "skedari u ndryshua {count} herë pasi u nënshkrua; vetë EvidenceKit shton të shumtën "
    "{allowed} versione (të dhëna vërtetimi dhe një vulë kohore dokumenti)",
)
MORE_THAN_ONE_DOCUMENT_TIMESTAMP = Bi(
    "{count} document timestamps were added after the signature; EvidenceKit adds one",
    "pas nënshkrimit u shtuan {count} vula kohore dokumenti; EvidenceKit shton vetëm një",
)
NESTED_TOO_DEEP = Bi(
    "a part added after signing is nested deeper than any bundle's",
    "një pjesë e shtuar pas nënshkrimit është e futur më thellë se në çdo dosje",
)
OBJECT_FREED = Bi(
    "a part of the signed document was deleted after signing",
    "një pjesë e dokumentit të nënshkruar u fshi pas nënshkrimit",
)
TRAILER_CHANGED = Bi(
    "the file's table of contents (its trailer) was pointed elsewhere after signing",
    "tabela e përmbajtjes së skedarit (trailer) u drejtua diku tjetër pas nënshkrimit",
)
CATALOG_CHANGED = Bi(
    "the document's catalog was changed after signing",
    "katalogu i dokumentit u ndryshua pas nënshkrimit",
)
INFO_CHANGED = Bi(
    "the document's properties (title, author, subject) were changed after signing",
    "vetitë e dokumentit (titulli, autori, subjekti) u ndryshuan pas nënshkrimit",
)
XMP_CHANGED = Bi(
    "the document's description (its XMP metadata) was changed after signing",
    "përshkrimi i dokumentit (metadatat XMP) u ndryshua pas nënshkrimit",
)
FORM_CHANGED = Bi(
    "the document's form fields were changed after signing",
    "fushat e formularit të dokumentit u ndryshuan pas nënshkrimit",
)
PAGE_CHANGED = Bi(
    "a page was changed after signing",
    "një faqe u ndryshua pas nënshkrimit",
)
OBJECT_CHANGED = Bi(
    "{what} (object {number}) was changed after signing",
    "{what} (objekti {number}) u ndryshua pas nënshkrimit",
)
OBJECT_ADDED = Bi(
    "{what} (object {number}) was added after signing",
    "{what} (objekti {number}) u shtua pas nënshkrimit",
)
STAMP_FIELD_WRONG = Bi(
    "a field added after signing is not the document timestamp EvidenceKit writes",
    "një fushë e shtuar pas nënshkrimit nuk është vula kohore e dokumentit që shkruan EvidenceKit",
)
STAMP_FIELD_VISIBLE = Bi(
    "a field added after signing can be painted over the page: its size is not literally zero",
    "një fushë e shtuar pas nënshkrimit mund të vizatohet mbi faqe: madhësia e saj nuk është "
    "fjalë për fjalë zero",
)
KIND_PAGE = Bi("a page", "një faqe")
KIND_ANNOTATION = Bi("an annotation drawn over the page", "një shënim i vizatuar mbi faqe")
KIND_PICTURE = Bi("a picture", "një figurë")
KIND_FILE = Bi("an attached file", "një skedar i bashkëngjitur")
KIND_STREAM = Bi("a block of data", "një bllok të dhënash")
KIND_OBJECT = Bi("a part of the document", "një pjesë e dokumentit")
CHANGED_AFTER_SIGNING_BECAUSE = Bi(
    "The file was changed after it was signed, in a way EvidenceKit never changes a bundle: "
    "{why}. What a PDF viewer shows may not be what was signed.",
    "Skedari u ndryshua pasi u nënshkrua, në një mënyrë që EvidenceKit nuk e ndryshon kurrë një "
    "dosje: {why}. Ajo që tregon një lexues PDF mund të mos jetë ajo që u nënshkrua.",
)


# --- issue 11: who signed, and whether that is confirmed (verify/identities.py, signer_row) ---

IDENTITY_NOT_SEALER = Bi(
    "The bundle was signed by someone other than whoever sealed the evidence: the PDF's "
    "certificate {signer} is neither the one that sealed the items ({sealer}) nor one that key "
    "itself certified as its successor in the custody log.",
    "Dosja u nënshkrua nga dikush tjetër, jo nga ai që vulosi provat: certifikata e dokumentit "
    "PDF {signer} nuk është ajo që vulosi provat ({sealer}), as një certifikatë që vetë ai "
    "çelës e ka vërtetuar si pasardhësen e tij në regjistrin e ruajtjes së provave.",
)
SIGNER_FINGERPRINT_GIVEN = Bi(
    "{head}; confirmed: its fingerprint is the one given with --trust-fingerprint.",
    "{head}; i konfirmuar: gjurma e tij është ajo e dhënë me --trust-fingerprint.",
)
SIGNER_NOT_THE_FINGERPRINT = Bi(
    "{head}. This is not the key you were told to expect: its fingerprint is none of those "
    "given with --trust-fingerprint. Either someone else signed this bundle, or the "
    "fingerprint you were given is wrong: ask the person who gave it to you.",
    "{head}. Ky nuk është çelësi që ju thanë të prisnit: gjurma e tij nuk është asnjë nga ato "
    "të dhëna me --trust-fingerprint. Ose këtë dosje e ka nënshkruar dikush tjetër, ose gjurma "
    "që ju dhanë është e gabuar: pyesni personin që jua dha.",
)
SIGNER_NOT_CONFIRMED = Bi(
    "{head}; who holds this key is not confirmed{note}: ask the person who gave you this "
    "bundle to read you the fingerprint of the vault's key, then check again with "
    "--trust-fingerprint <fingerprint> (or pass the vault's certificate with --trust).",
    "{head}; nuk është konfirmuar kush e mban këtë çelës{note}: kërkojini personit që ju dha "
    "këtë dosje t'jua lexojë gjurmën e çelësit të kasafortës, pastaj kontrollojeni përsëri me "
    "--trust-fingerprint <gjurma> (ose jepni certifikatën e kasafortës me --trust).",
)
VERDICT_LINE = Bi("{verdict} — {meaning}", "{verdict} — {meaning}")
VERDICT_MEANINGS = {
    "valid": Bi(
        "the attached files are exactly those sealed at the trusted times stated, and the "
        "bundle was signed by the key you confirmed. This cannot prove that the page told the "
        "truth, who wrote the post, or that nothing was left out.",
        "skedarët e bashkëngjitur janë pikërisht ata që u vulosën në kohët e besuara të "
        "shënuara, dhe dosja u nënshkrua me çelësin që ju konfirmuat. Kjo nuk provon që faqja "
        "thoshte të vërtetën, kush e shkroi postimin, apo që nuk mungon asgjë.",
    ),
    "invalid": Bi(
        "something was changed after it was sealed, or this is not a genuine bundle: do not "
        "rely on it (see the rows marked FAIL).",
        "diçka u ndryshua pasi u vulos, ose kjo nuk është një dosje e vërtetë: mos u "
        "mbështetni tek ajo (shihni rreshtat e shënuar FAIL).",
    ),
    "indeterminate": Bi(
        "nothing was found changed, but not everything could be confirmed (see the rows "
        "marked ??).",
        "nuk u gjet asnjë ndryshim, por jo gjithçka mund të konfirmohej (shihni rreshtat e "
        "shënuar ??).",
    ),
}
CONFIRM_KEY = Bi(
    "unchanged since it was sealed on {when}, by key {key} — confirm {key} with the person who "
    "gave you this bundle.",
    "e pandryshuar që kur u vulos më {when}, me çelësin {key} — konfirmojeni {key} me personin "
    "që ju dha këtë dosje.",
)
CONFIRM_KEY_TOO = Bi(
    "The key that signed it, {key}, is not confirmed either: confirm it with the person who "
    "gave you this bundle.",
    "As çelësi që e nënshkroi, {key}, nuk është konfirmuar: konfirmojeni me personin që ju dha "
    "këtë dosje.",
)


# --- issue 11: smaller rules (signature.py, content.py) ---------------------------------------

DOCUMENT_TIMESTAMP_BEFORE_SIGNATURE = Bi(
    "{said}, which is {span} before the signature it should cover was made ({signed}): a "
    "document timestamp cannot be older than what it seals, so it was made for something else",
    "{said}, që është {span} para se të bëhej nënshkrimi që duhet të mbulojë ({signed}): një vulë "
    "kohore dokumenti nuk mund të jetë më e vjetër se ajo që vulos, pra u bë për diçka tjetër",
)


# --- issue 11: embedded files a viewer offers (verify/embedded.py, pdfread._walk_names) ---

EMBEDDED_WHERE_PAGE = Bi("on page {page} ({path})", "në faqen {page} ({path})")
EMBEDDED_WHERE_CATALOG = Bi(
    "in the document catalog ({path})", "në katalogun e dokumentit ({path})"
)
EMBEDDED_WHERE_INFO = Bi(
    "in the document information ({path})", "në të dhënat e dokumentit ({path})"
)
EMBEDDED_UNLISTED = Bi(
    "a PDF viewer offers the file “{name}” {where}, which is not in the bundle's list of "
    "attached files and was never checked",
    "një lexues PDF ofron skedarin “{name}” {where}, i cili nuk është në listën e skedarëve "
    "të bashkëngjitur të dosjes dhe nuk u kontrollua kurrë",
)
EMBEDDED_TWO_CONTENTS = Bi(
    "the attached file {name} holds more than one content (its /EF entries /F and /UF name "
    "different data): a viewer may show one that was not checked",
    "skedari i bashkëngjitur {name} mban më shumë se një përmbajtje (hyrjet /F dhe /UF të /EF "
    "tregojnë të dhëna të ndryshme): një lexues mund të tregojë atë që nuk u kontrollua",
)
EMBEDDED_RELATED = Bi(
    "the attached file {name} carries related files (/RF) that were never checked",
    "skedari i bashkëngjitur {name} mbart skedarë të lidhur (/RF) që nuk u kontrolluan kurrë",
)
EMBEDDED_OTHER_NAME = Bi(
    "the attached file {name} is shown by a viewer under another name, “{shown}”",
    "skedari i bashkëngjitur {name} shfaqet nga lexuesi me një emër tjetër, “{shown}”",
)
EMBEDDED_SHARED = Bi(
    "one embedded file is offered under more than one name ({names})",
    "një skedar i ngulitur ofrohet me më shumë se një emër ({names})",
)
EMBEDDED_STRAY = Bi(
    "an embedded file that no listed attachment names is stored {where}",
    "një skedar i ngulitur që nuk e përmend asnjë skedar i listuar ndodhet {where}",
)
EMBEDDED_SIZE = Bi(
    "the attached file {name} claims a size of {size} bytes, but holds {real}",
    "skedari i bashkëngjitur {name} pretendon madhësi {size} bajt, por mban {real}",
)
EMBEDDED_LISTED_TWICE = Bi("bundle.json lists {name} twice", "bundle.json e liston {name} dy herë")
EMBEDDED_NO_ITEM = Bi(
    "bundle.json lists {name} as part of no item, and it is not the custody anchor's token: "
    "it is not evidence this bundle seals",
    "bundle.json e liston {name} si pjesë të asnjë prove, dhe nuk është vula kohore e "
    "regjistrit të ruajtjes: nuk është provë që kjo dosje e vulos",
)
EMBEDDED_NO_SUCH_ITEM = Bi(
    "bundle.json lists {name} under item {item}, which the bundle does not have",
    "bundle.json e liston {name} nën provën {item}, të cilën dosja nuk e ka",
)
EMBEDDED_NOT_ITEM_FILE = Bi(
    "bundle.json lists {name} under item {item}, but that item's files do not include it",
    "bundle.json e liston {name} nën provën {item}, por skedarët e asaj prove nuk e përfshijnë",
)
EMBEDDED_NAME_TREE_REPEATS = Bi(
    "The list of attached files is malformed: it names the same part of itself more than once "
    "(a loop), so it cannot be read to its end.",
    "Lista e skedarëve të bashkëngjitur është e çrregullt: e përmend të njëjtën pjesë të vetes "
    "më shumë se një herë (një lak), ndaj nuk mund të lexohet deri në fund.",
)
EMBEDDED_PAGE_TREE_REPEATS = Bi(
    "the list of pages names the same page or part of itself more than once (a loop)",
    "lista e faqeve e përmend të njëjtën faqe ose pjesë të vetes më shumë se një herë (një lak)",
)
EMBEDDED_WALK_REPEATS = Bi(
    "the PDF's structure could not be read to its end: {why}",
    "struktura e PDF-së nuk mund të lexohej deri në fund: {why}",
)
EMBEDDED_KEY_TWICE = Bi(
    "a dictionary defines {key} twice, and PDF viewers differ in which of the two they take",
    "një fjalor e përcakton {key} dy herë, dhe lexuesit PDF ndryshojnë se cilin nga të dy marrin",
)


# --- issue 11: the report's pages checked against the sealed files ---------------------------

PICTURE_SLICE = (Bi("slice", "pjesë"), Bi("slices", "pjesë"))
PICTURES_OK = Bi(
    "Every picture on the pages is the sealed one it says it is: {slices} compared pixel by "
    "pixel with the same rows of the sealed pictures ({rows} rows, all identical)",
    "Çdo figurë në faqe është ajo e vulosura që thotë se është: {slices} u krahasuan piksel "
    "për piksel me të njëjtat rreshta të figurave të vulosura ({rows} rreshta, të gjithë "
    "njësoj)",
)
PICTURES_JPEG = Bi(
    "{count} JPEG picture(s) shown as captured: the sealed file, byte for byte",
    "{count} figurë(a) JPEG të shfaqura siç u kapën: skedari i vulosur, bajt për bajt",
)
PICTURE_DERIVED = Bi(
    "item {number}'s picture is a blurred copy made from {name} (SHA-256 {sha}…): a derived "
    "picture, not compared",
    "figura e provës {number} është një kopje e turbulluar e bërë nga {name} (SHA-256 {sha}…): "
    "figurë e prejardhur, nuk u krahasua",
)
PICTURE_CONVERTED = Bi(
    "item {number}'s picture was converted from {name} to 8-bit colour: a derived picture, "
    "not compared",
    "figura e provës {number} u shndërrua nga {name} në ngjyra 8-bit: figurë e prejardhur, "
    "nuk u krahasua",
)
PICTURES_FAILED = Bi(
    "What the report's pages show is not what was sealed: {shown}. The attached files are the "
    "evidence; these pages do not show them faithfully.",
    "Ajo që tregojnë faqet e raportit nuk është ajo që u vulos: {shown}. Skedarët e "
    "bashkëngjitur janë prova; këto faqe nuk i tregojnë ata me besnikëri.",
)
PICTURE_DIFFERS = Bi(
    "item {number}: the picture on page {page} is not {name} as sealed (rows {first}–{last} "
    "differ)",
    "prova {number}: figura në faqen {page} nuk është {name} siç u vulos (rreshtat "
    "{first}–{last} ndryshojnë)",
)
PICTURE_JPEG_DIFFERS = Bi(
    "item {number}: the picture on page {page} is not the sealed {name} byte for byte",
    "prova {number}: figura në faqen {page} nuk është bajt për bajt {name} i vulosur",
)
PICTURE_FORM = Bi(
    "a picture is stored in a way the report never writes",
    "një figurë është ruajtur në një mënyrë që raporti nuk e shkruan kurrë",
)
PICTURE_FORM_AT = Bi(
    "item {number}: the picture on page {page} is stored in a way the report never writes "
    "(a viewer could paint something other than its samples)",
    "prova {number}: figura në faqen {page} është ruajtur në një mënyrë që raporti nuk e "
    "shkruan kurrë (një lexues mund të vizatojë diçka tjetër nga mostrat e saj)",
)
PICTURE_COUNT_WRONG = Bi(
    "item {number}: its pages show {shown} picture(s) where the report puts {count} of {name}",
    "prova {number}: faqet e saj tregojnë {shown} figurë(a) aty ku raporti vendos {count} nga "
    "{name}",
)
PICTURE_SLICES_WRONG = Bi(
    "item {number}: the slices said to show {name} do not cover it from top to bottom",
    "prova {number}: pjesët që thuhet se tregojnë {name} nuk e mbulojnë nga lart poshtë",
)
PICTURE_NOT_SEALED = Bi(
    "item {number}: the picture's source {name} is not a sealed, attached file of the item",
    "prova {number}: burimi i figurës {name} nuk është skedar i vulosur dhe i bashkëngjitur i "
    "provës",
)
PICTURE_CLAIM_BAD = Bi(
    "item {number}: the index describes its picture in a way the report never writes",
    "prova {number}: treguesi e përshkruan figurën e saj në një mënyrë që raporti nuk e "
    "shkruan kurrë",
)
PICTURE_UNDESCRIBED = Bi(
    "item {number}: page {page} shows a picture although the item shows none",
    "prova {number}: faqja {page} tregon një figurë, megjithëse prova nuk tregon asnjë",
)
PICTURE_NO_ITEM = Bi(
    "page {page} shows a picture that belongs to no item",
    "faqja {page} tregon një figurë që nuk i përket asnjë prove",
)
PICTURE_INLINE = Bi(
    "page {page} draws a picture inside its text, which the report never does",
    "faqja {page} vizaton një figurë brenda tekstit të saj, gjë që raporti nuk e bën kurrë",
)
PICTURE_UNREADABLE = Bi(
    "item {number}: its picture cannot be decoded",
    "prova {number}: figura e saj nuk mund të deshifrohet",
)
PICTURE_TOO_BIG = Bi(
    "a sealed picture is too large to decode whole",
    "një figurë e vulosur është shumë e madhe për t'u deshifruar e tëra",
)
PICTURE_SOURCE_UNREADABLE = Bi(
    "a sealed picture cannot be decoded",
    "një figurë e vulosur nuk mund të deshifrohet",
)
PAGES_UNREADABLE = Bi(
    "The report's pages cannot be read within the verifier's limits (too many, too large or "
    "malformed), so nothing shows that they agree with the sealed files.",
    "Faqet e raportit nuk mund të lexohen brenda kufijve të verifikuesit (shumë, shumë të "
    "mëdha ose të dëmtuara), ndaj asgjë nuk tregon se përputhen me skedarët e vulosur.",
)
FACTS_OK = Bi(
    "The facts each item's page prints (address or file name, capture time in UTC and local, "
    "trusted time, HTTP status, item id, seal digest, sealing certificate) are the sealed ones, "
    "for {items}; and so are those of the index of items and the cover",
    "Të dhënat që shtyp faqja e çdo prove (adresa ose emri i skedarit, koha e kapjes në UTC dhe "
    "vendore, koha e besuar, statusi HTTP, identifikuesi, vlera hash e vulës, certifikata që "
    "vulosi) janë ato të vulosurat, për {items}; po ashtu edhe ato të listës së provave dhe "
    "të kopertinës",
)
FACTS_FAILED = Bi(
    "The report's pages print facts that are not the sealed ones: {shown}. The attached files "
    "are the evidence; these pages misstate them.",
    "Faqet e raportit shtypin të dhëna që nuk janë ato të vulosurat: {shown}. Skedarët e "
    "bashkëngjitur janë prova; këto faqe i paraqesin gabim.",
)
FACT_DIFFERS = Bi(
    "item {number} (page {page}): “{label}” is not the sealed value",
    "prova {number} (faqja {page}): “{label}” nuk është vlera e vulosur",
)
FACT_MISSING = Bi(
    "item {number} (page {page}): “{label}” is not printed once where the report prints it",
    "prova {number} (faqja {page}): “{label}” nuk shtypet një herë aty ku e shtyp raporti",
)
FACT_EXTRA = Bi(
    "item {number} (page {page}): “{label}” is printed, but nothing sealed says so",
    "prova {number} (faqja {page}): “{label}” është shtypur, por asgjë e vulosur nuk e thotë",
)
FACT_NO_PAGE = Bi(
    "no page is headed as item {number}",
    "asnjë faqe nuk ka titullin e provës {number}",
)
FACT_UNKNOWN_ITEM = Bi(
    "page {page} is headed as item {number}, which the bundle does not hold",
    "faqja {page} ka titullin e provës {number}, të cilën dosja nuk e ka",
)
FACT_HEADED_TWICE = Bi(
    "item {number} is headed a second time on page {pages}",
    "prova {number} ka titull për herë të dytë në faqen {pages}",
)
PICTURE_COVERED = Bi(
    "item {number}: something is painted over the picture on page {page}",
    "prova {number}: diçka është vizatuar mbi figurën në faqen {page}",
)
PICTURE_CUT = Bi(
    "item {number}: the picture on page {page} is not shown whole (part of it is cut off)",
    "prova {number}: figura në faqen {page} nuk shfaqet e plotë (një pjesë e saj është prerë)",
)
PICTURE_DISTORTED = Bi(
    "item {number}: the picture on page {page} is faded, stretched, turned or flipped",
    "prova {number}: figura në faqen {page} është zbehur, zgjatur, rrotulluar ose përmbysur",
)
PICTURE_LEFT_OUT = Bi(
    "item {number}: its sealed screenshot is attached but the pages do not show it",
    "prova {number}: pamja e saj e vulosur është e bashkëngjitur, por faqet nuk e tregojnë",
)
PICTURE_NOT_PAINTED = Bi(
    "item {number}: a part of its picture is on no page",
    "prova {number}: një pjesë e figurës së saj nuk është në asnjë faqe",
)
PICTURE_LABEL_WRONG = Bi(
    "item {number}: the label under the picture on page {page} does not name the rows it shows",
    "prova {number}: etiketa nën figurën në faqen {page} nuk emërton rreshtat që ajo tregon",
)
COVER_DIFFERS = Bi(
    "the cover does not print the bundle's {what}",
    "kopertina nuk shtyp {what} e dosjes",
)
COVER_ID = Bi("id", "identifikuesin")
COVER_CERTIFICATE = Bi("signing certificate", "certifikatën e nënshkrimit")
COVER_ITEMS = Bi("number of items", "numrin e provave")
INDEX_MISSING = Bi(
    "the report has no index of items where it always has one",
    "raporti nuk ka listën e provave aty ku e ka gjithmonë",
)
INDEX_ROW_DIFFERS = Bi(
    "the index of items does not print item {number}'s sealed facts",
    "lista e provave nuk shtyp të dhënat e vulosura të provës {number}",
)
INDEX_ROW_EXTRA = Bi(
    "the index of items lists more than the bundle holds",
    "lista e provave rendit më shumë nga sa ka dosja",
)
CHECK_NAMES.update(
    {
        "pictures": Bi("pictures", "figurat"),
        "page facts": Bi("page facts", "të dhënat në faqe"),
        "pages": Bi("pages", "faqet"),
    }
)


# --- issue 11: limits (small files made to hang or exhaust the verifier) ---

LIMIT_XREF = Bi(
    "The file's cross-reference data claim {entries} objects, more than a file of {size} "
    "bytes can hold: the file was made to exhaust the verifier, and it was not checked further.",
    "Të dhënat e referencave të kryqëzuara të skedarit pretendojnë {entries} objekte, më shumë "
    "se sa mund të mbajë një skedar prej {size} bajtesh: skedari është bërë për të rraskapitur "
    "verifikuesin dhe nuk u kontrollua më tej.",
)
LIMIT_INFLATE = Bi(
    "The file's compressed parts inflate to more than {cap} MiB, far more than a bundle of "
    "{size} MiB holds: the file was made to exhaust the verifier (a compression bomb), and it "
    "was not checked further.",
    "Pjesët e ngjeshura të skedarit zgjerohen në më shumë se {cap} MiB, shumë më tepër se sa "
    "mban një dosje prej {size} MiB: skedari është bërë për të rraskapitur verifikuesin (një "
    "bombë ngjeshjeje) dhe nuk u kontrollua më tej.",
)
LIMIT_STREAM = Bi(
    "A compressed part of the PDF inflates to more than the verifier allows for such a part "
    "(at most {cap} MiB), or all of them together to more than a file of this size can hold: "
    "the file was made to exhaust the verifier (a compression bomb), and it was not checked "
    "further.",
    "Një pjesë e ngjeshur e PDF-së zgjerohet në më shumë se sa lejon verifikuesi për një pjesë "
    "të tillë (jo më shumë se {cap} MiB), ose të gjitha bashkë në më shumë se sa mund të mbajë "
    "një skedar i kësaj madhësie: skedari është bërë për të rraskapitur verifikuesin (një bombë "
    "ngjeshjeje) dhe nuk u kontrollua më tej.",
)
LIMIT_SMALL_FILE = Bi(
    "An attached file that must be small (a manifest, a signature, a timestamp token or "
    "bundle.json) inflates to more than {cap} MiB: the file was made to exhaust the verifier, "
    "and it was not checked further.",
    "Një skedar i bashkëngjitur që duhet të jetë i vogël (një manifest, një nënshkrim, një "
    "vulë kohore ose bundle.json) zgjerohet në më shumë se {cap} MiB: skedari është bërë për "
    "të rraskapitur verifikuesin dhe nuk u kontrollua më tej.",
)
LIMIT_TIME = Bi(
    "Checking took longer than the {seconds} seconds allowed for a file of {size} MiB: the file "
    "was made to keep the verifier busy, and it was not checked to the end.",
    "Kontrolli zgjati më shumë se {seconds} sekondat e lejuara për një skedar prej {size} MiB: "
    "skedari është bërë për ta mbajtur verifikuesin të zënë dhe nuk u kontrollua deri në fund.",
)
LIMIT_REVISIONS = Bi(
    "The PDF holds more than {cap} revisions (versions saved one after another); a bundle has "
    "at most 3: so many updates serve only to slow the verifier down, and the file was not "
    "checked further.",
    "PDF-ja përmban më shumë se {cap} rishikime (versione të ruajtura njëri pas tjetrit); një "
    "dosje ka jo më shumë se 3: kaq shumë përditësime shërbejnë vetëm për ta ngadalësuar "
    "verifikuesin, dhe skedari nuk u kontrollua më tej.",
)

# --- issue 11: red team (object streams read as a viewer reads them) ---
OBJECT_STREAM_TWICE = Bi(
    "The PDF's object stream {number} lists the same object twice, so this verifier and a PDF "
    "viewer would read two different versions of it (one can paint over a page the other "
    "shows untouched): the file was made to show something other than what was checked.",
    "Rrjedha e objekteve {number} e PDF-së e liston të njëjtin objekt dy herë, kështu që ky "
    "verifikues dhe një shikues PDF do të lexonin dy versione të ndryshme të tij (njëri mund "
    "të pikturojë mbi një faqe që tjetri e tregon të paprekur): skedari është bërë për të "
    "treguar diçka tjetër nga ajo që u kontrollua.",
)
OBJECT_STREAM_INDEX = Bi(
    "The PDF's cross-reference table places object {object} in object stream {number} at a "
    "position where that stream holds another object, so this verifier and a PDF viewer would "
    "read different objects: the file was made to show something other than what was checked.",
    "Tabela e referencave të PDF-së e vendos objektin {object} në rrjedhën e objekteve "
    "{number} në një pozicion ku kjo rrjedhë mban një objekt tjetër, kështu që ky verifikues "
    "dhe një shikues PDF do të lexonin objekte të ndryshme: skedari është bërë për të treguar "
    "diçka tjetër nga ajo që u kontrollua.",
)
OBJECT_STREAM_DAMAGED = Bi(
    "The PDF's object stream {number} cannot be read (its header or size is wrong), so what a "
    "viewer shows from it cannot be checked.",
    "Rrjedha e objekteve {number} e PDF-së nuk mund të lexohet (koka ose madhësia e saj është "
    "e gabuar), kështu që ajo që një shikues tregon prej saj nuk mund të kontrollohet.",
)
EMBEDDED_ACTIVE = Bi(
    "the PDF holds {what} {where}, which a viewer runs or obeys and which can change what it "
    "shows from the pages that were checked; EvidenceKit never writes one",
    "PDF-ja përmban {what} {where}, që një shikues e ekzekuton ose e zbaton dhe që mund të "
    "ndryshojë atë që tregon nga faqet që u kontrolluan; EvidenceKit nuk shkruan kurrë të tillë",
)
ACTIVE_JAVASCRIPT = Bi("JavaScript code", "kod JavaScript")
ACTIVE_ON_EVENT = Bi(
    "an action run on an event (/AA)", "një veprim që ekzekutohet në një ngjarje (/AA)"
)
ACTIVE_ON_OPEN = Bi(
    "an action run when it opens (/OpenAction)", "një veprim që ekzekutohet kur hapet (/OpenAction)"
)
ACTIVE_XFA = Bi(
    "an XFA form (which some viewers show instead of the pages)",
    "një formular XFA (që disa shikues e tregojnë në vend të faqeve)",
)
ACTIVE_OPTIONAL = Bi(
    "optional content (parts of a page a viewer may hide or show)",
    "përmbajtje opsionale (pjesë të një faqeje që një shikues mund t'i fshehë ose t'i tregojë)",
)
ACTIVE_ACTION = Bi("an action of type {kind}", "një veprim të llojit {kind}")
XREF_LISTS_TWICE = Bi(
    "One of the PDF's cross-reference sections lists object {number} twice, so this verifier "
    "and a PDF viewer would read two different versions of it (one can paint over a page the "
    "other shows untouched): the file was made to show something other than what was checked, "
    "and it was not checked further.",
    "Një nga seksionet e referencave të PDF-së e liston objektin {number} dy herë, kështu që "
    "ky verifikues dhe një shikues PDF do të lexonin dy versione të ndryshme të tij (njëri mund "
    "të pikturojë mbi një faqe që tjetri e tregon të paprekur): skedari është bërë për të "
    "treguar diçka tjetër nga ajo që u kontrollua, dhe nuk u kontrollua më tej.",
)
TRAILER_KEY_TWICE = Bi(
    "The PDF's trailer, which tells a viewer where the document begins, is ambiguous ({why}): "
    "this verifier and a PDF viewer could open two different documents, so the file was made "
    "to show something other than what was checked.",
    "Përmbyllja e PDF-së, që i tregon shikuesit ku fillon dokumenti, është e paqartë ({why}): "
    "ky verifikues dhe një shikues PDF mund të hapnin dy dokumente të ndryshme, kështu që "
    "skedari është bërë për të treguar diçka tjetër nga ajo që u kontrollua.",
)
DSS_POINTS_ELSEWHERE = Bi(
    "the validation data points at objects that are not validation data (a place to hide "
    "pages or a whole other document in)",
    "të dhënat e vërtetimit tregojnë drejt objekteve që nuk janë të dhëna vërtetimi (një vend "
    "për të fshehur faqe ose një dokument tjetër të tërë)",
)
XREF_MISPLACED = Bi(
    "The PDF points to a cross-reference table at byte {offset}, where there is none: this "
    "verifier finds the table nearby, but PDF viewers rebuild the whole table by scanning the "
    "file, and then may show objects that no table names (something painted over a page): the "
    "file was made to show something other than what was checked.",
    "PDF-ja tregon drejt një tabele referencash te bajti {offset}, ku nuk ka asnjë: ky "
    "verifikues e gjen tabelën aty pranë, por shikuesit PDF e rindërtojnë gjithë tabelën duke "
    "kontrolluar skedarin, dhe atëherë mund të tregojnë objekte që nuk i përmend asnjë tabelë "
    "(diçka e pikturuar mbi një faqe): skedari është bërë për të treguar diçka tjetër nga ajo "
    "që u kontrollua.",
)

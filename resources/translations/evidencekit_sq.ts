<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq_AL" sourcelanguage="en">
    <context>
        <name>Ask</name>
        <message>
            <location filename="../../ui/dialogs.py" line="90" />
            <source>Open</source>
            <translation>Hap</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="111" />
            <source>Save</source>
            <translation>Ruaj</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="130" />
            <source>Look in:</source>
            <translation>Shiko te:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="131" />
            <source>File name:</source>
            <translation>Emri i skedarit:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="132" />
            <source>Files of type:</source>
            <translation>Skedarë të llojit:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="133" />
            <location filename="../../ui/dialogs.py" line="187" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="186" />
            <source>OK</source>
            <translation>Në rregull</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../ui/backup_dialog.py" line="53" />
            <source>Choose…</source>
            <translation>Zgjidh…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="87" />
            <location filename="../../ui/backup_dialog.py" line="88" />
            <source>Backup</source>
            <translation>Kopje rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="90" />
            <source>A second, encrypted copy of this vault</source>
            <translation>Një kopje e dytë, e enkriptuar, e kësaj kasaforte</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="94" />
            <source>Keep it somewhere else: a USB stick in a safe place, or with someone you trust. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase.</source>
            <translation>Mbajeni diku tjetër: në një USB në një vend të sigurt, ose te dikush që i besoni. Ajo i mbron provat nëse ky kompjuter humbet, prishet ose merret. Nuk i mbron nga dikush që e di fjalëkalimin e kopjes.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="101" />
            <source>Make a backup</source>
            <translation>Bëni një kopje rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="106" />
            <source>Where the backup goes</source>
            <translation>Ku do të ruhet kopja rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="108" />
            <source>&amp;Where:</source>
            <translation>&amp;Ku:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="109" />
            <source>Passphrase of the backup</source>
            <translation>Fjalëkalimi i kopjes rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="110" />
            <source>&amp;Passphrase of the backup:</source>
            <translation>&amp;Fjalëkalimi i kopjes rezervë:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="111" />
            <source>The same passphrase again</source>
            <translation>I njëjti fjalëkalim edhe një herë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="112" />
            <source>The same &amp;again:</source>
            <translation>I njëjti &amp;përsëri:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="116" />
            <source>You may type this vault's own passphrase, or give the copy another one. Write it down somewhere safe: without it the copy cannot be opened.</source>
            <translation>Mund të shkruani fjalëkalimin e kësaj kasaforte, ose t'i jepni kopjes një tjetër. Shënojeni diku të sigurt: pa të kopja nuk mund të hapet.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="122" />
            <source>Make the backup</source>
            <translation>Bëje kopjen rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="128" />
            <source>Restore a backup</source>
            <translation>Rikthe nga një kopje rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="130" />
            <source>The backup to restore</source>
            <translation>Kopja rezervë që do të rikthehet</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="131" />
            <source>&amp;Backup:</source>
            <translation>&amp;Kopja rezervë:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="132" />
            <source>Passphrase of that backup</source>
            <translation>Fjalëkalimi i asaj kopjeje rezervë</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="133" />
            <source>Its pass&amp;phrase:</source>
            <translation>Fjalë&amp;kalimi i saj:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="135" />
            <source>Where the restored vault goes</source>
            <translation>Ku do të vihet kasaforta e rikthyer</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="137" />
            <source>Restore &amp;to:</source>
            <translation>Rikthe &amp;në:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="140" />
            <source>Restore</source>
            <translation>Rikthe</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="147" />
            <source>Close</source>
            <translation>Mbyll</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="153" />
            <source>Where should the backup go?</source>
            <translation>Ku duhet të ruhet kopja rezervë?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="157" />
            <source>Which backup should be restored?</source>
            <translation>Cila kopje rezervë duhet të rikthehet?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="161" />
            <source>Where should the restored vault go?</source>
            <translation>Ku duhet të vihet kasaforta e rikthyer?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="169" />
            <source>Choose where the backup should go.</source>
            <translation>Zgjidhni ku duhet të ruhet kopja rezervë.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="172" />
            <source>The two passphrases are not the same.</source>
            <translation>Të dy fjalëkalimet nuk janë të njëjtë.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="186" />
            <source>Choose the backup and where to restore it.</source>
            <translation>Zgjidhni kopjen rezervë dhe ku të rikthehet.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="207" />
            <source>Replace that vault?</source>
            <translation>Ta zëvendësoj atë kasafortë?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="209" />
            <source>A vault is already there. Restoring replaces it and everything in it that is not in the backup.</source>
            <translation>Aty ka tashmë një kasafortë. Rikthimi e zëvendëson atë dhe gjithçka në të që nuk është në kopjen rezervë.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="212" />
            <source>Replace it</source>
            <translation>Zëvendësoje</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="213" />
            <source>Keep it</source>
            <translation>Mbaje</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="220" />
            <source>Working… the copy is written, then checked.</source>
            <translation>Po punohet… kopja shkruhet, pastaj kontrollohet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/backup_dialog.py" line="233" />
            <source>Done: %n item(s) copied to %1 and checked against the original.</source>
            <translation>
                <numerusform>U bë: %n provë u kopjua në %1 dhe u kontrollua me origjinalin.</numerusform>
                <numerusform>U bë: %n prova u kopjuan në %1 dhe u kontrolluan me origjinalin.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="235" />
            <source>Keep the copy somewhere else than this computer.</source>
            <translation>Mbajeni kopjen diku tjetër, jo në këtë kompjuter.</translation>
        </message>
    </context>
    <context>
        <name>BrowserInstallDialog</name>
        <message>
            <location filename="../../ui/browser_dialog.py" line="52" />
            <source>Install a browser</source>
            <translation>Instaloni një shfletues</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="55" />
            <source>No web browser was found</source>
            <translation>Nuk u gjet asnjë shfletues interneti</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="59" />
            <source>To capture web pages, EvidenceKit needs Google Chrome, Microsoft Edge or Chromium, and none was found on this computer.</source>
            <translation>Për të ruajtur faqe interneti, EvidenceKit ka nevojë për Google Chrome, Microsoft Edge ose Chromium, dhe në këtë kompjuter nuk u gjet asnjëri.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="68" />
            <source>EvidenceKit can download Chromium for you now: about 170 MB, it needs the internet and takes a few minutes. It is kept for EvidenceKit only and changes nothing else on the computer.</source>
            <translation>EvidenceKit mund ta shkarkojë Chromium-in për ju tani: rreth 170 MB, duhet internet dhe zgjat disa minuta. Ai mbahet vetëm për EvidenceKit dhe nuk ndryshon asgjë tjetër në kompjuter.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="78" />
            <source>Or install one of those browsers yourself, then capture again. Adding saved files with “Add files…” works without a browser.</source>
            <translation>Ose instaloni vetë një nga këta shfletues, pastaj provoni përsëri. Shtimi i skedarëve të ruajtur me “Shto skedarë…” funksionon edhe pa shfletues.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="86" />
            <source>Download progress</source>
            <translation>Ecuria e shkarkimit</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="97" />
            <source>Download and install</source>
            <translation>Shkarkoje dhe instaloje</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="100" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="118" />
            <source>Starting the download…</source>
            <translation>Po fillon shkarkimi…</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="146" />
            <source>Downloaded: %1</source>
            <translation>U shkarkua: %1</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="149" />
            <source>Downloading %1…</source>
            <translation>Po shkarkohet %1…</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="154" />
            <source>The browser is installed. You can capture pages now.</source>
            <translation>Shfletuesi u instalua. Tani mund të ruani faqe.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="156" />
            <source>Close</source>
            <translation>Mbyll</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="163" />
            <source>Stopped, as you asked. Nothing was left half-installed.</source>
            <translation>U ndal, siç kërkuat. Asgjë nuk mbeti e instaluar përgjysmë.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <location filename="../../ui/capture_panel.py" line="296" />
            <source>This is an &amp;account: capture its profile and latest posts</source>
            <translation>Kjo është një ll&amp;ogari: ruani profilin dhe postimet e fundit të saj</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="299" />
            <source>This is an account: capture its profile and latest posts</source>
            <translation>Kjo është një llogari: ruani profilin dhe postimet e fundit të saj</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="303" />
            <source>Each post becomes an item of its own, linked to the account's, so the account stays on record by its number even if it is renamed or deleted.</source>
            <translation>Çdo postim bëhet një provë më vete, e lidhur me atë të llogarisë, që llogaria të mbetet në regjistër me numrin e saj edhe nëse riemërtohet ose fshihet.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="311" />
            <source>How many of its latest posts</source>
            <translation>Sa nga postimet e saj të fundit</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="313" />
            <source>&amp;Posts:</source>
            <translation>&amp;Postime:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="472" />
            <source>Paste the address of one account only.</source>
            <translation>Ngjitni adresën e vetëm një llogarie.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="473" />
            <source>Its posts are found on its page; they need not be pasted.</source>
            <translation>Postimet e saj gjenden në faqen e saj; nuk duhet t’i ngjitni.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="599" />
            <source>The browser is installed. Press Capture to try again.</source>
            <translation>Shfletuesi u instalua. Shtypni “Ruaj” për të provuar përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="608" />
            <source>account number %1</source>
            <translation>numri i llogarisë %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="611" />
            <source>Account captured: %1</source>
            <translation>Llogaria u ruajt: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="612" />
            <source>its name and number were not found on its page</source>
            <translation>emri dhe numri i saj nuk u gjetën në faqen e saj</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="615" />
            <source>%2 of the %1 latest posts found on its page were captured, each an item linked to the account's.</source>
            <translation>U ruajtën %2 nga %1 postimet e fundit të gjetura në faqen e saj, secili një provë e lidhur me atë të llogarisë.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="263" />
            <source>Log in to a site…</source>
            <translation>Hyni në një faqe…</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="265" />
            <source>For posts only logged-in people can see: the login stays in the vault</source>
            <translation>Për postime që i shohin vetëm të futurit në llogari: hyrja mbetet në kasafortë</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="143" />
            <source>Back to the list</source>
            <translation>Kthehu te lista</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="146" />
            <source>Capture web pages</source>
            <translation>Ruani faqe interneti si prova</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="151" />
            <source>Paste one or more links, one on each line. Each page is opened once in a hidden browser, saved with everything it showed, sealed, and time-stamped. You do not have to look at the pages.</source>
            <translation>Ngjitni një ose më shumë lidhje, secilën në një rresht. Çdo faqe hapet një herë në një shfletues të fshehur, ruhet me gjithçka që shfaqte, vuloset dhe merr vulë kohore. Nuk ju duhet t’i shikoni faqet.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="162" />
            <source>Links to capture, one per line</source>
            <translation>Lidhjet për t’u ruajtur, një për rresht</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="166" />
            <source>&amp;Links:</source>
            <translation>&amp;Lidhjet:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="171" />
            <source>Note (optional)</source>
            <translation>Shënim (nuk është i detyrueshëm)</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="172" />
            <source>Optional</source>
            <translation>Nuk është e detyrueshme</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="173" />
            <source>&amp;Note:</source>
            <translation>&amp;Shënim:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="178" />
            <location filename="../../ui/capture_panel.py" line="181" />
            <source>Case (optional)</source>
            <translation>Çështja (nuk është e detyrueshme)</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="182" />
            <source>&amp;Case:</source>
            <translation>Çë&amp;shtja:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="188" />
            <source>Someone in these pictures may be &amp;under 18</source>
            <translation>Dikush në këto foto mund të jetë &amp;nën 18 vjeç</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="189" />
            <source>Someone in these pictures may be under 18</source>
            <translation>Dikush në këto foto mund të jetë nën 18 vjeç</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="192" />
            <source>Then no picture or video is kept, only its hashes, size and place: the screenshots show plain boxes where the pictures were. A case can have this on for all its captures (in the list of cases).</source>
            <translation>Atëherë nuk ruhet asnjë foto apo video, vetëm hash-et, madhësia dhe vendi i saj: pamjet e ekranit tregojnë kuti të thjeshta aty ku ishin fotot. Një rast mund ta ketë këtë të ndezur për të gjitha kapjet e tij (te lista e rasteve).</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="204" />
            <source>This case keeps pictures as their hashes only, so this is always on here.</source>
            <translation>Ky rast i ruan fotot vetëm si hash-et e tyre, prandaj këtu kjo është gjithmonë e ndezur.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="216" />
            <source>&amp;Keep the share codes in the links</source>
            <translation>&amp;Mbaji kodet e shpërndarjes në lidhje</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="217" />
            <source>Keep the share codes in the links</source>
            <translation>Mbaji kodet e shpërndarjes në lidhje</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="220" />
            <source>Share codes can identify who shared the link (perhaps you). Keep them only if the page does not show the post without them.</source>
            <translation>Kodet e shpërndarjes mund të tregojnë kush e ndau lidhjen (ndoshta ju). Mbajini vetëm nëse faqja nuk e shfaq postimin pa to.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="232" />
            <location filename="../../ui/capture_panel.py" line="541" />
            <source>Consent</source>
            <translation>Pëlqimi</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="236" />
            <source>You are capturing for someone else. Write in a few words what the person agreed to, for example: “Ana agreed that I capture these posts for her case.” This is asked once and kept with each capture in the record.</source>
            <translation>Po ruani prova për dikë tjetër. Shkruani me pak fjalë për çfarë ka dhënë pëlqimin personi, për shembull: “Ana pranoi që unë t’i ruaj këto postime për çështjen e saj.” Kjo pyetet një herë dhe mbahet në regjistër bashkë me çdo ruajtje.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="244" />
            <source>Consent note</source>
            <translation>Shënimi i pëlqimit</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="253" />
            <source>Capture</source>
            <translation>Ruaj</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="256" />
            <source>Stop</source>
            <translation>Ndalo</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="256" />
            <source>Stop; what is saved stays</source>
            <translation>Ndalo; ajo që është ruajtur mbetet</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="273" />
            <source>Install a browser…</source>
            <translation>Instaloni një shfletues…</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="372" />
            <source>Consent noted for this session: “%1”</source>
            <translation>Pëlqimi i shënuar për këtë seancë: “%1”</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="397" />
            <source>A link has a user name and password in it: they will be removed before the page is opened, and never saved.</source>
            <translation>Një lidhje ka brenda një emër përdoruesi dhe fjalëkalim: ato do të hiqen para se të hapet faqja dhe nuk ruhen kurrë.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="404" />
            <source>These share codes can identify who shared the link and will be removed: %1</source>
            <translation>Këto kode shpërndarjeje mund të tregojnë kush e ndau lidhjen dhe do të hiqen: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="409" />
            <source>These share codes will be kept, as you chose: %1</source>
            <translation>Këto kode shpërndarjeje do të mbahen, siç zgjodhët: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="422" />
            <source>the user name and password</source>
            <translation>emri i përdoruesit dhe fjalëkalimi</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="425" />
            <source>the share codes %1</source>
            <translation>kodet e shpërndarjes %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="429" />
            <source>Removed from the link you pasted: %1</source>
            <translation>U hoq nga lidhja që ngjitët: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="438" />
            <source>Please write the consent note first.</source>
            <translation>Ju lutemi, shkruani fillimisht shënimin e pëlqimit.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="439" />
            <source>It records that the person agreed to this capture.</source>
            <translation>Ai dëshmon se personi ka rënë dakord për këtë ruajtje.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="467" />
            <source>Paste at least one link first.</source>
            <translation>Ngjitni fillimisht të paktën një lidhje.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="536" />
            <source>Please wait until the current work is finished.</source>
            <translation>Ju lutemi, prisni sa të mbarojë puna që po bëhet.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="543" />
            <source>You are adding evidence for someone else. Write in a few words what the person agreed to:</source>
            <translation>Po shtoni prova për dikë tjetër. Shkruani me pak fjalë për çfarë ka dhënë pëlqimin personi:</translation>
        </message>
    </context>
    <context>
        <name>CasesPanel</name>
        <message>
            <location filename="../../ui/cases_panel.py" line="38" />
            <location filename="../../ui/cases_panel.py" line="40" />
            <source>Cases</source>
            <translation>Çështjet</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="42" />
            <source>Choose a case to see its evidence, or all evidence.</source>
            <translation>Zgjidhni një çështje për të parë provat e saj, ose të gjitha provat.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="47" />
            <source>New case…</source>
            <translation>Çështje e re…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="49" />
            <source>Rename…</source>
            <translation>Riemërto…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="57" />
            <location filename="../../ui/cases_panel.py" line="60" />
            <source>Someone in this case's pictures may be under 18</source>
            <translation>Dikush në fotot e këtij rasti mund të jetë nën 18 vjeç</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="64" />
            <source>Then every capture and import into this case keeps no picture or video, only its hashes, size and place. What is already in the case stays as it is.</source>
            <translation>Atëherë çdo kapje dhe çdo shtim skedari në këtë rast nuk ruan asnjë foto apo video, vetëm hash-et, madhësinë dhe vendin e saj. Ajo që është tashmë në rast mbetet siç është.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="73" />
            <source>Picture hashes…</source>
            <translation>Gjurmët e fotove…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="75" />
            <source>Save the SHA-256, MD5 and PDQ hash of every picture of this case</source>
            <translation>Ruani gjurmët SHA-256, MD5 dhe PDQ të çdo fotoje të kësaj çështjeje</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="104" />
            <source>All evidence</source>
            <translation>Të gjitha provat</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cases_panel.py" line="109" />
            <source>%1 (%n item(s))</source>
            <translation>
                <numerusform>%1 (%n provë)</numerusform>
                <numerusform>%1 (%n prova)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="151" />
            <source>Keep pictures again?</source>
            <translation>Të ruhen sërish fotot?</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="153" />
            <source>New captures and imports into this case will keep pictures and videos again. Do this only if you are sure nobody in them is under 18.</source>
            <translation>Kapjet e reja dhe skedarët e shtuar në këtë rast do të ruajnë sërish fotot dhe videot. Bëjeni këtë vetëm nëse jeni i sigurt që askush në to nuk është nën 18 vjeç.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="156" />
            <source>Keep pictures again</source>
            <translation>Ruaji sërish fotot</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="157" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="171" />
            <source>From now on, captures and imports into this case keep only the pictures' hashes, never the pictures.</source>
            <translation>Që tani e tutje, kapjet dhe skedarët e shtuar në këtë rast ruajnë vetëm hash-et e fotove, kurrë vetë fotot.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="187" />
            <source>New case</source>
            <translation>Çështje e re</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="188" />
            <source>A name for the case (for example the site, or the person's name):</source>
            <translation>Një emër për çështjen (për shembull faqja, ose emri i personit):</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="200" />
            <source>Rename case</source>
            <translation>Riemërto çështjen</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="200" />
            <source>New name for the case:</source>
            <translation>Emri i ri i çështjes:</translation>
        </message>
    </context>
    <context>
        <name>Completeness</name>
        <message>
            <location filename="../../ui/thumb_list.py" line="113" />
            <source>the author's handle</source>
            <translation>emri i përdoruesit të autorit</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="114" />
            <source>the account id</source>
            <translation>numri i llogarisë</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="115" />
            <source>the post id</source>
            <translation>numri i postimit</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="116" />
            <source>when it was posted</source>
            <translation>koha e postimit</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="117" />
            <source>the text or media</source>
            <translation>teksti ose media</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="118" />
            <source>seen without a login wall</source>
            <translation>parë pa murin e hyrjes</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="119" />
            <source>not removed</source>
            <translation>jo i hequr</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="128" />
            <source>Facts found: %1 of %2</source>
            <translation>Fakte të gjetura: %1 nga %2</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="137" />
            <source>Every fact a court needs was found.</source>
            <translation>U gjet çdo fakt që i duhet gjykatës.</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="138" />
            <source>Missing: %1</source>
            <translation>Mungojnë: %1</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <location filename="../../ui/export_wizard.py" line="59" />
            <location filename="../../ui/export_wizard.py" line="276" />
            <source>Back to the list</source>
            <translation>Kthehu te lista</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="62" />
            <source>Export for a lawyer</source>
            <translation>Eksporto për avokatin</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="72" />
            <source>Previous step</source>
            <translation>Hapi i mëparshëm</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="74" />
            <location filename="../../ui/export_wizard.py" line="278" />
            <source>Next step</source>
            <translation>Hapi tjetër</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="96" />
            <source>Which items go into the bundle?</source>
            <translation>Cilat prova do të futen në dosje?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="98" />
            <source>Items to export</source>
            <translation>Provat për t’u eksportuar</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="102" />
            <source>Choose all</source>
            <translation>Zgjidhi të gjitha</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="104" />
            <source>Choose none</source>
            <translation>Mos zgjidh asnjë</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="116" />
            <source>How should pictures appear in the report?</source>
            <translation>Si duhet të duken fotot në raport?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="118" />
            <source>Blurred (recommended)</source>
            <translation>Të turbulluara (e këshillueshme)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="119" />
            <location filename="../../ui/export_wizard.py" line="329" />
            <source>Not blurred</source>
            <translation>Pa turbullim</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="129" />
            <source>Blurred pictures protect you when the report is printed or shown in court. The lawyer can still open the original files, if you include them.</source>
            <translation>Fotot e turbulluara ju mbrojnë kur raporti shtypet ose tregohet në gjykatë. Avokati mund t’i hapë gjithsesi skedarët origjinalë, nëse i përfshini.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="136" />
            <source>Include the original files?</source>
            <translation>Të përfshihen skedarët origjinalë?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="138" />
            <source>Include the original files (screenshots, page copies, videos)</source>
            <translation>Përfshi skedarët origjinalë (pamjet e ekranit, kopjet e faqeve, videot)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="146" />
            <source>Without them the bundle is smaller and still proves what was captured (each file's fingerprint is listed), but nobody can open the originals from it.</source>
            <translation>Pa to dosja është më e vogël dhe prapë dëshmon çfarë u ruajt (gjurma e çdo skedari është në listë), por askush nuk mund t’i hapë origjinalet prej saj.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="158" />
            <source>Where should the bundle be saved?</source>
            <translation>Ku duhet të ruhet dosja?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="162" />
            <source>A USB stick is a good place: you can give it to the lawyer. The file is written completely or not at all.</source>
            <translation>Një USB është vend i mirë: mund t’ia jepni avokatit. Skedari shkruhet i plotë ose nuk shkruhet fare.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="170" />
            <source>Where to save the bundle</source>
            <translation>Ku të ruhet dosja</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="173" />
            <source>Choose…</source>
            <translation>Zgjidh…</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="185" />
            <source>Ready to export</source>
            <translation>Gati për eksport</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="190" />
            <source>Export progress</source>
            <translation>Ecuria e eksportit</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="201" />
            <source>The bundle is ready</source>
            <translation>Dosja është gati</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="207" />
            <source>Give the fingerprint to the lawyer separately, for example read it out on the phone or send it in another message. It lets them check that the file they received is exactly the one you made.</source>
            <translation>Jepjani gjurmën avokatit veçmas, për shembull lexojeni në telefon ose dërgojeni në një mesazh tjetër. Me të ata mund të verifikojnë që skedari që morën është pikërisht ai që bëtë ju.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="214" />
            <source>Check this bundle now</source>
            <translation>Verifikoje këtë dosje tani</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="259" />
            <source>Step %1 of %2</source>
            <translation>Hapi %1 nga %2</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="262" />
            <source>Done</source>
            <translation>Mbaroi</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="274" />
            <source>Stop</source>
            <translation>Ndalo</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="274" />
            <source>Export</source>
            <translation>Eksporto</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="307" />
            <source>Note: this folder is copied to the internet by %1.</source>
            <translation>Kujdes: kjo drejtori kopjohet në internet nga %1.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="316" />
            <source>Save the bundle</source>
            <translation>Ruaje dosjen</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="316" />
            <source>PDF bundle (*.pdf)</source>
            <translation>Dosje PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="326" />
            <source>Items</source>
            <translation>Provat</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export_wizard.py" line="326" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n provë</numerusform>
                <numerusform>%n prova</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="328" />
            <source>Pictures in the report</source>
            <translation>Fotot në raport</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="329" />
            <source>Blurred</source>
            <translation>Të turbulluara</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="332" />
            <source>Original files</source>
            <translation>Skedarët origjinalë</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="333" />
            <source>Included</source>
            <translation>Të përfshirë</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="333" />
            <source>Not included</source>
            <translation>Të papërfshirë</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="335" />
            <source>Saved as</source>
            <translation>Ruhet si</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="339" />
            <source>Please note</source>
            <translation>Kini parasysh</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="340" />
            <source>Pictures you chose never to see stay blurred in the report.</source>
            <translation>Fotot që zgjodhët të mos i shihni kurrë mbeten të turbulluara në raport.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="349" />
            <source>Replace the file?</source>
            <translation>Ta zëvendësoj skedarin?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="350" />
            <source>A file with this name is already there. Replace it with the new bundle?</source>
            <translation>Aty ka tashmë një skedar me këtë emër. Ta zëvendësoj me dosjen e re?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="351" />
            <source>Replace</source>
            <translation>Zëvendësoje</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="352" />
            <source>Keep it</source>
            <translation>Mbaje</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="357" />
            <source>Making the bundle…</source>
            <translation>Po përgatitet dosja…</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="382" />
            <source>Saved at</source>
            <translation>U ruajt në</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="384" />
            <source>Fingerprint (SHA-256)</source>
            <translation>Gjurma (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="387" />
            <source>Bundle id</source>
            <translation>Kodi i dosjes</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="390" />
            <source>Time-stamp</source>
            <translation>Vula kohore</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="392" />
            <source>No time-stamp server answered, so the bundle's signature has no trusted time. Export again when this computer is online.</source>
            <translation>Asnjë server vulash kohore nuk u përgjigj, prandaj nënshkrimi i dosjes nuk ka kohë të besueshme. Eksportojeni përsëri kur ky kompjuter të jetë i lidhur me internetin.</translation>
        </message>
    </context>
    <context>
        <name>ForgetDialog</name>
        <message>
            <location filename="../../ui/forget_dialog.py" line="20" />
            <location filename="../../ui/forget_dialog.py" line="21" />
            <location filename="../../ui/forget_dialog.py" line="59" />
            <source>Forget this computer</source>
            <translation>Harroje këtë kompjuter</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="25" />
            <source>Remove EvidenceKit's vaults and settings from here</source>
            <translation>Hiqni kasafortat dhe cilësimet e EvidenceKit nga ky kompjuter</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="30" />
            <source>This removes, for good, every vault EvidenceKit keeps in its own folders on this computer (with all the evidence in them), its settings, and the “Notes” launcher. Each file is overwritten before it is deleted. It cannot be undone.</source>
            <translation>Kjo heq përgjithmonë çdo kasafortë që EvidenceKit mban në drejtoritë e veta në këtë kompjuter (me të gjitha provat në to), cilësimet e tij dhe shkurtoren “Shënime”. Çdo skedar mbishkruhet para se të fshihet. Nuk mund të zhbëhet.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="38" />
            <source>(nothing is there now)</source>
            <translation>(tani nuk ka asgjë aty)</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="43" />
            <source>NOT touched: vaults anywhere else (a USB stick, a folder you chose), bundles you exported, and backups. Make sure the evidence you need is in one of those first. An SSD or USB stick may keep old, encrypted pieces of deleted files in its spare space.</source>
            <translation>NUK preken: kasafortat kudo tjetër (në një USB, në një drejtori që keni zgjedhur), dosjet që keni eksportuar dhe kopjet rezervë. Sigurohuni më parë që provat që ju duhen janë në njërën prej tyre. Një SSD ose USB mund të mbajë në hapësirën e vet rezervë copa të vjetra, të enkriptuara, të skedarëve të fshirë.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="51" />
            <source>FORGET</source>
            <translation>HARRO</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="53" />
            <source>Type the word to confirm</source>
            <translation>Shkruani fjalën për ta konfirmuar</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="56" />
            <source>To go on, type %1 below.</source>
            <translation>Për të vazhduar, shkruani %1 më poshtë.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="63" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <location filename="../../ui/format.py" line="76" />
            <source>The page was shown normally (%1)</source>
            <translation>Faqja u shfaq normalisht (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="78" />
            <source>The site said the page is removed or not found (%1) — kept as evidence</source>
            <translation>Faqja e internetit tha se faqja është hequr ose nuk gjendet (%1) — u ruajt si provë</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="82" />
            <source>The site answered with an error (%1)</source>
            <translation>Faqja e internetit u përgjigj me gabim (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="92" />
            <source>Consent: %1</source>
            <translation>Pëlqimi: %1</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="95" />
            <source>no tags</source>
            <translation>pa etiketa</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="98" />
            <source>from %1</source>
            <translation>nga %1</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="107" />
            <source>Vault made</source>
            <translation>U krijua kasaforta</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="108" />
            <source>Captured from the web</source>
            <translation>U ruajt nga interneti</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="109" />
            <source>Added from a file</source>
            <translation>U shtua nga një skedar</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="110" />
            <source>Time-stamped</source>
            <translation>Mori vulë kohore</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="111" />
            <source>Time-stamp waiting (offline)</source>
            <translation>Vula kohore në pritje (pa internet)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="112" />
            <source>A time-stamp answer was refused</source>
            <translation>Një përgjigje për vulën kohore u refuzua</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="113" />
            <source>Note added</source>
            <translation>U shtua një shënim</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="114" />
            <source>Tags changed</source>
            <translation>U ndryshuan etiketat</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="115" />
            <source>Picture shown</source>
            <translation>Fotoja u shfaq</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="116" />
            <source>Set to never show</source>
            <translation>U vendos të mos shfaqet kurrë</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="117" />
            <source>Allowed to show again</source>
            <translation>U lejua të shfaqet përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="118" />
            <source>File copied out</source>
            <translation>Skedari u kopjua jashtë</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="119" />
            <source>Exported in a bundle</source>
            <translation>U eksportua në një dosje</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="120" />
            <source>Deleted</source>
            <translation>U fshi</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="121" />
            <source>Case made</source>
            <translation>U krijua çështja</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="122" />
            <source>Case renamed</source>
            <translation>Çështja u riemërtua</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="123" />
            <source>Record time-stamped</source>
            <translation>Regjistri mori vulë kohore</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <location filename="../../ui/handover_dialog.py" line="33" />
            <location filename="../../ui/handover_dialog.py" line="34" />
            <source>Hand over a case</source>
            <translation>Dorëzo një çështje</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="36" />
            <source>Give a case to the person it belongs to</source>
            <translation>Jepini një çështje personit të cilit i përket</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="40" />
            <source>The case is copied into a new vault of her own (for example on her USB stick), opened with her passphrase. Every item is checked there: the same files, seals and trusted times. Only then is the case removed from this vault. If anything fails on the way, nothing is removed here.</source>
            <translation>Çështja kopjohet në një kasafortë të re vetëm të sajën (për shembull në USB-në e saj), që hapet me fjalëkalimin e saj. Aty kontrollohet çdo provë: të njëjtat skedarë, vula dhe kohë të besuara. Vetëm atëherë çështja hiqet nga kjo kasafortë. Nëse diçka dështon gjatë rrugës, këtu nuk hiqet asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="53" />
            <source>The case to hand over</source>
            <translation>Çështja që do të dorëzohet</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="54" />
            <source>&amp;Case:</source>
            <translation>Çë&amp;shtja:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="56" />
            <source>Where her new vault goes</source>
            <translation>Ku do të jetë kasaforta e saj e re</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="58" />
            <source>Her &amp;vault:</source>
            <translation>&amp;Kasaforta e saj:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="59" />
            <source>Her passphrase</source>
            <translation>Fjalëkalimi i saj</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="60" />
            <source>Her &amp;passphrase:</source>
            <translation>&amp;Fjalëkalimi i saj:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="61" />
            <source>Her passphrase again</source>
            <translation>Fjalëkalimi i saj edhe një herë</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="62" />
            <source>The same &amp;again:</source>
            <translation>I njëjti &amp;përsëri:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="67" />
            <source>Let her type her passphrase herself. Removed evidence is overwritten inside this vault; an SSD or USB stick may still keep old, encrypted copies of it in its own spare space, and earlier backups keep it too.</source>
            <translation>Lëreni ta shkruajë vetë fjalëkalimin e saj. Provat e hequra mbishkruhen brenda kësaj kasaforte; një SSD ose USB mund të mbajë ende në hapësirën e vet rezervë kopje të vjetra, të enkriptuara, dhe kopjet rezervë të mëparshme i mbajnë gjithashtu.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="74" />
            <location filename="../../ui/handover_dialog.py" line="103" />
            <source>Hand over</source>
            <translation>Dorëzoje</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="81" />
            <source>Close</source>
            <translation>Mbyll</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="85" />
            <source>Where should her vault go?</source>
            <translation>Ku duhet të jetë kasaforta e saj?</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="91" />
            <source>Choose the case and where her vault should go.</source>
            <translation>Zgjidhni çështjen dhe ku duhet të jetë kasaforta e saj.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="94" />
            <source>The two passphrases are not the same.</source>
            <translation>Të dy fjalëkalimet nuk janë të njëjtë.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="98" />
            <source>Hand over this case?</source>
            <translation>Ta dorëzoj këtë çështje?</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="100" />
            <source>“%1” will be in her vault only: it is removed from this one once her copy has been checked.</source>
            <translation>“%1” do të jetë vetëm në kasafortën e saj: hiqet nga kjo sapo të jetë kontrolluar kopja e saj.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="104" />
            <source>Not now</source>
            <translation>Jo tani</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="116" />
            <source>Working… her vault is made, then checked item by item.</source>
            <translation>Po punohet… kasaforta e saj krijohet, pastaj kontrollohet provë për provë.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/handover_dialog.py" line="127" />
            <source>Done: “%1” (%n item(s)) is in her vault, checked, and no longer in this one.</source>
            <translation>
                <numerusform>U bë: “%1” (%n provë) është në kasafortën e saj, e kontrolluar, dhe nuk është më në këtë.</numerusform>
                <numerusform>U bë: “%1” (%n prova) është në kasafortën e saj, e kontrolluar, dhe nuk është më në këtë.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="132" />
            <source>Her vault signs her future bundles with its own key. Give her lawyer this fingerprint, or let her read it to them:</source>
            <translation>Kasaforta e saj i nënshkruan dosjet e saj të ardhshme me çelësin e vet. Jepini avokatit të saj këtë gjurmë, ose lëreni t'ia lexojë ajo:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="137" />
            <source>Her vault</source>
            <translation>Kasaforta e saj</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="138" />
            <source>Her key (SHA-256)</source>
            <translation>Çelësi i saj (SHA-256)</translation>
        </message>
    </context>
    <context>
        <name>HashListExport</name>
        <message>
            <location filename="../../ui/hash_list_export.py" line="30" />
            <source>Save the picture hashes of this case</source>
            <translation>Ruani gjurmët e fotove të kësaj çështjeje</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/hash_list_export.py" line="48" />
            <source>Saved the hashes of %n picture(s) to %1.</source>
            <translation>
                <numerusform>U ruajtën gjurmët e %n fotoje te %1.</numerusform>
                <numerusform>U ruajtën gjurmët e %n fotove te %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpPage</name>
        <message>
            <location filename="../../ui/help_page.py" line="21" />
            <source>Back</source>
            <translation>Kthehu</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="24" />
            <location filename="../../ui/help_page.py" line="28" />
            <source>Help and support</source>
            <translation>Ndihmë dhe mbështetje</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="36" />
            <source>Are you safe right now?</source>
            <translation>A jeni në siguri tani?</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="38" />
            <source>If you are in danger now, call the police: 129.</source>
            <translation>Nëse jeni në rrezik tani, telefononi policinë: 129.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="39" />
            <source>What happened is not your fault. You decide what to do and when.</source>
            <translation>Ajo që ndodhi nuk është faji juaj. Ju vendosni çfarë të bëni dhe kur.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="43" />
            <source>Support in Albania</source>
            <translation>Mbështetje në Shqipëri</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="46" />
            <source>&lt;b&gt;116 117&lt;/b&gt; — the national helpline for women and girls who face violence. Free and confidential.</source>
            <translation>&lt;b&gt;116 117&lt;/b&gt; — linja kombëtare e këshillimit për gratë dhe vajzat që përjetojnë dhunë. Falas dhe konfidenciale.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="50" />
            <source>&lt;b&gt;ALO 116 111&lt;/b&gt; — the helpline for children and young people. Free and confidential.</source>
            <translation>&lt;b&gt;ALO 116 111&lt;/b&gt; — linja e ndihmës për fëmijët dhe të rinjtë. Falas dhe konfidenciale.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="54" />
            <source>A support worker can sit with you while you collect evidence, or do it for you, with your consent.</source>
            <translation>Dikush nga shërbimet mbështetëse mund të jetë pranë jush ndërsa mblidhni provat, ose t’i mbledhë për ju, me pëlqimin tuaj.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="60" />
            <source>If someone may be watching this computer</source>
            <translation>Nëse dikush mund ta përgjojë këtë kompjuter</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="63" />
            <source>Monitoring apps and screen recorders can see what you do here. EvidenceKit cannot find them or stop them.</source>
            <translation>Aplikacionet e përgjimit dhe regjistruesit e ekranit mund të shohin çfarë bëni këtu. EvidenceKit nuk mund t’i gjejë apo t’i ndalë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="67" />
            <source>If you think someone watches your computer or phone, use a device they never had access to, and talk to a support worker before removing anything: removing a monitoring app can warn the person who installed it.</source>
            <translation>Nëse mendoni se dikush ju përgjon kompjuterin ose telefonin, përdorni një pajisje që ai person nuk e ka pasur kurrë në dorë dhe flisni me dikë nga shërbimet mbështetëse para se të hiqni ndonjë gjë: heqja e një aplikacioni përgjimi mund ta lajmërojë personin që e instaloi.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="73" />
            <source>&lt;b&gt;Quick exit&lt;/b&gt; (or pressing Esc twice) hides EvidenceKit at once, locks the vault and clears anything it copied.</source>
            <translation>&lt;b&gt;Dalje e shpejtë&lt;/b&gt; (ose shtypja dy herë e tastit Esc) e fsheh menjëherë EvidenceKit, kyç kasafortën dhe fshin çdo gjë që ka kopjuar.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="77" />
            <source>Keep the vault on a USB stick, or in a folder that is not synced to the internet.</source>
            <translation>Mbajeni kasafortën në një USB, ose në një drejtori që nuk sinkronizohet me internetin.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="81" />
            <source>In Settings you can add a launcher called &lt;b&gt;Notes&lt;/b&gt;, with a notepad icon, that opens EvidenceKit with the neutral title. It hides the name from a quick look at the applications menu and the taskbar. It does not hide the program itself: EvidenceKit is still installed under its own name, and anyone who looks through the installed programs or files can find it.</source>
            <translation>Te Cilësimet mund të shtoni një shkurtore me emrin &lt;b&gt;Shënime&lt;/b&gt; (Notes), me ikonën e një blloku shënimesh, që e hap EvidenceKit me titullin asnjanës. Ajo e fsheh emrin nga një vështrim i shpejtë te menyja e programeve dhe shiriti i detyrave. Ajo nuk e fsheh vetë programin: EvidenceKit mbetet i instaluar me emrin e vet, dhe kushdo që shikon programet ose skedarët e instaluar mund ta gjejë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="91" />
            <source>If someone makes you open EvidenceKit</source>
            <translation>Nëse dikush ju detyron të hapni EvidenceKit</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="94" />
            <source>&lt;b&gt;Second passphrase…&lt;/b&gt; (beside &lt;b&gt;Backup…&lt;/b&gt; in an open vault) sets a second passphrase. It opens a separate vault that you fill yourself with a few harmless notes or pictures. If someone stands next to you and demands that you open the app, you can type that one instead: the same screens and the same wait as with your own passphrase, and nothing in that vault points to your real one.</source>
            <translation>&lt;b&gt;Fjalëkalimi i dytë…&lt;/b&gt; (pranë &lt;b&gt;Kopje rezervë…&lt;/b&gt; në një kasafortë të hapur) vendos një fjalëkalim të dytë. Ai hap një kasafortë tjetër, që e mbushni vetë me disa shënime ose fotografi të padëmshme. Nëse dikush qëndron pranë jush dhe kërkon që ta hapni aplikacionin, mund të shkruani atë në vend të fjalëkalimit tuaj: të njëjtat ekrane dhe e njëjta pritje si me fjalëkalimin tuaj, dhe asgjë në atë kasafortë nuk të çon te kasaforta juaj e vërtetë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="102" />
            <source>Your vault is then kept in a folder among other files that look the same, with names that mean nothing. Someone looking through your files cannot tell which file is which, or whether there is a second vault at all. Nothing is ever deleted: neither passphrase removes or changes any evidence.</source>
            <translation>Pastaj kasaforta juaj mbahet në një drejtori mes skedarësh të tjerë që duken njësoj, me emra që nuk thonë asgjë. Kush shfleton skedarët tuaj nuk mund të dallojë cili skedar është cili, as nëse ka fare një kasafortë të dytë. Asgjë nuk fshihet kurrë: asnjëri fjalëkalim nuk heq e nuk ndryshon asnjë provë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="109" />
            <source>What it does not protect against: someone who knows EvidenceKit knows that a second passphrase is possible, and no app can prove there is none. A forensic examination of the computer can count the files and see their sizes, and that one of them grows as you add evidence; it cannot tell which file holds what without a passphrase. The folder also takes room on the disk: about three to six times your vault's size.</source>
            <translation>Nga çfarë nuk ju mbron: kush e njeh EvidenceKit e di që një fjalëkalim i dytë është i mundur, dhe asnjë aplikacion nuk mund të provojë se nuk ka të tillë. Një ekspertizë kriminalistike e kompjuterit mund t’i numërojë skedarët, të shohë madhësitë e tyre dhe që njëri prej tyre rritet kur shtoni prova; pa fjalëkalim nuk mund të dallojë se çfarë mban secili skedar. Drejtoria zë edhe vend në disk: rreth tre deri në gjashtë herë sa madhësia e kasafortës suaj.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="118" />
            <source>It cannot protect your real passphrase from a monitoring app, from someone who watches you type it or films the screen, or from being forced to say it. Open your real vault only where nobody can see. Bundles you export and backups you make name the vault they come from: keep them away from this computer.</source>
            <translation>Nuk mund ta mbrojë fjalëkalimin tuaj të vërtetë nga një aplikacion përgjimi, nga dikush që ju sheh kur e shkruani ose që filmon ekranin, as nga detyrimi për ta thënë. Hapeni kasafortën tuaj të vërtetë vetëm aty ku nuk ju sheh askush. Paketat që eksportoni dhe kopjet rezervë që bëni tregojnë nga cila kasafortë vijnë: mbajini larg këtij kompjuteri.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="125" />
            <source>Put a few believable things in the second vault and open it now and then: an empty vault, or one never used, looks like a decoy. It keeps its own record of when it was made. If the power goes in the moment a change is being saved, a small recovery file stays beside your vault until you open it again with your own passphrase.</source>
            <translation>Vendosni disa gjëra të besueshme në kasafortën e dytë dhe hapeni herë pas here: një kasafortë bosh, ose që nuk përdoret kurrë, duket si mashtrim. Ajo mban regjistrin e vet se kur u krijua. Nëse ikën energjia elektrike pikërisht kur po ruhet një ndryshim, një skedar i vogël rikuperimi mbetet pranë kasafortës suaj derisa ta hapni përsëri me fjalëkalimin tuaj.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="134" />
            <source>If EvidenceKit finds no web browser</source>
            <translation>Nëse EvidenceKit nuk gjen asnjë shfletues interneti</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="137" />
            <source>Capturing pages needs Google Chrome, Microsoft Edge or Chromium. If none is found, EvidenceKit offers to download Chromium for you (about 170 MB, it needs the internet). You can also install one of those browsers yourself. Adding saved files works without a browser.</source>
            <translation>Për të ruajtur faqe duhet Google Chrome, Microsoft Edge ose Chromium. Nëse nuk gjendet asnjëri, EvidenceKit ofron ta shkarkojë Chromium-in për ju (rreth 170 MB, duhet internet). Mund të instaloni edhe vetë një nga këta shfletues. Shtimi i skedarëve të ruajtur funksionon edhe pa shfletues.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="145" />
            <source>Getting pictures taken down</source>
            <translation>Si të hiqen fotot nga interneti</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="148" />
            <source>Most platforms have a form for reporting intimate images shared without consent. Capture the post here first, then report it.</source>
            <translation>Shumica e platformave kanë një formular për të raportuar foto intime të shpërndara pa pëlqim. Ruajeni fillimisht postimin këtu, pastaj raportojeni.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="152" />
            <source>StopNCII.org helps stop intimate images from being shared on participating platforms, without sending the image itself.</source>
            <translation>StopNCII.org ndihmon që fotot intime të mos shpërndahen në platformat pjesëmarrëse, pa e dërguar vetë foton.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="158" />
            <source>If someone in the pictures may be under 18</source>
            <translation>Nëse dikush në foto mund të jetë nën 18 vjeç</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="161" />
            <source>Keeping intimate pictures of someone under 18 is a crime almost everywhere, even for the person in them, a support worker or a lawyer. Tick &lt;b&gt;Someone in these pictures may be under 18&lt;/b&gt; before capturing or adding files, or turn it on for a whole case in the list of cases.</source>
            <translation>Ruajtja e fotove intime të dikujt nën 18 vjeç është krim pothuajse kudo, edhe për personin që është në to, për një punonjës mbështetës ose për një avokat. Shënoni &lt;b&gt;Dikush në këto foto mund të jetë nën 18 vjeç&lt;/b&gt; para se të kapni ose të shtoni skedarë, ose ndizeni për një rast të tërë te lista e rasteve.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="167" />
            <source>Then EvidenceKit keeps no picture or video at all: the screenshots show plain grey boxes where the pictures were, and each picture is kept only as its hashes (SHA-256, MD5 and PDQ), its size and its place on the page. Files that may hold pictures, such as PDFs, are not added.</source>
            <translation>Atëherë EvidenceKit nuk ruan asnjë foto apo video: pamjet e ekranit tregojnë kuti gri të thjeshta aty ku ishin fotot, dhe secila foto ruhet vetëm si hash-et e saj (SHA-256, MD5 dhe PDQ), madhësia dhe vendi i saj në faqe. Skedarët që mund të kenë foto brenda, si PDF-të, nuk shtohen.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="173" />
            <source>It protects you from storing the pictures by mistake. It does not remove them from the internet, and it cannot change what was captured before it was turned on.</source>
            <translation>Kjo ju mbron nga ruajtja e fotove pa dashje. Nuk i heq ato nga interneti, dhe nuk mund të ndryshojë atë që u kap para se ta ndiznit.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="178" />
            <source>&lt;b&gt;Take It Down&lt;/b&gt; (takeitdown.ncmec.org) helps remove nude or sexual pictures taken before 18 from the platforms that take part, using only hashes made on your own device. In Albania you can call &lt;b&gt;ALO 116 111&lt;/b&gt; (free and confidential) or the police on &lt;b&gt;129&lt;/b&gt;, or report to the State Police's cybercrime unit.</source>
            <translation>&lt;b&gt;Take It Down&lt;/b&gt; (takeitdown.ncmec.org) ndihmon që fotot nudo ose seksuale të bëra para moshës 18 vjeç të hiqen nga platformat që marrin pjesë, duke përdorur vetëm hash-e të krijuara në pajisjen tuaj. Në Shqipëri mund të telefononi &lt;b&gt;ALO 116 111&lt;/b&gt; (falas dhe konfidenciale) ose policinë në &lt;b&gt;129&lt;/b&gt;, ose të raportoni te njësia për krimet kibernetike e Policisë së Shtetit.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="187" />
            <source>Going to the police or a lawyer</source>
            <translation>Kur shkoni te policia ose te një avokat</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="190" />
            <source>Use “Export for a lawyer…” to make one signed file with the evidence you choose, for example on a USB stick. Give its fingerprint with it.</source>
            <translation>Përdorni “Eksporto për avokatin…” për të bërë një skedar të vetëm të nënshkruar me provat që zgjidhni, për shembull në një USB. Jepeni bashkë me gjurmën e tij.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="194" />
            <source>A lawyer or court can check the file with “Check a bundle”, without a vault or a passphrase.</source>
            <translation>Një avokat ose gjykata mund ta verifikojë skedarin me “Verifiko një dosje”, pa kasafortë dhe pa fjalëkalim.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="200" />
            <source>Backups, hand-over, and leaving no trace here</source>
            <translation>Kopjet rezervë, dorëzimi dhe të mos lini gjurmë këtu</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="203" />
            <source>&lt;b&gt;Backup…&lt;/b&gt; writes a second encrypted copy of the whole vault and checks it before keeping it. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase, and an old backup does not have what you added later.</source>
            <translation>&lt;b&gt;Kopje rezervë…&lt;/b&gt; shkruan një kopje të dytë të enkriptuar të gjithë kasafortës dhe e kontrollon para se ta mbajë. Ajo i mbron provat nëse ky kompjuter humbet, prishet ose merret. Nuk i mbron nga dikush që e di fjalëkalimin e kopjes, dhe një kopje e vjetër nuk ka atë që shtuat më vonë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="210" />
            <source>&lt;b&gt;Hand over a case…&lt;/b&gt; is for a support worker: the case goes into a new vault of the victim's own, with her passphrase, is checked there item by item (the same files, seals and trusted times), and only then is removed from the clinic's vault. Her lawyer can still check every bundle she makes later: her vault's key was handed over by the clinic's key, and the record of that travels in her vault.</source>
            <translation>&lt;b&gt;Dorëzo një çështje…&lt;/b&gt; është për punonjësin mbështetës: çështja kalon në një kasafortë të re vetëm të viktimës, me fjalëkalimin e saj, kontrollohet aty provë për provë (të njëjtat skedarë, vula dhe kohë të besuara) dhe vetëm atëherë hiqet nga kasaforta e qendrës. Avokati i saj mund të verifikojë çdo dosje që ajo bën më vonë: çelësi i kasafortës së saj u dorëzua nga çelësi i qendrës, dhe dëshmia e kësaj udhëton në kasafortën e saj.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="218" />
            <source>Removed evidence is overwritten inside the vault file. What that cannot reach: SSDs and USB sticks may keep old pieces in spare space only the drive itself uses, and backups made earlier still hold it. Those pieces are encrypted with the clinic's passphrase.</source>
            <translation>Provat e hequra mbishkruhen brenda skedarit të kasafortës. Ajo që kjo nuk e arrin: SSD-të dhe USB-të mund të mbajnë copa të vjetra në hapësirë rezervë që e përdor vetëm vetë disku, dhe kopjet rezervë të bëra më parë i mbajnë ende. Ato copa janë të enkriptuara me fjalëkalimin e qendrës.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="224" />
            <source>&lt;b&gt;Forget this computer…&lt;/b&gt; (in Settings) removes every vault EvidenceKit keeps in its own folders here, its settings and the Notes launcher, overwriting each file first. Vaults anywhere else (a USB stick, a folder you chose), exported bundles and backups are not touched. It does not remove the program itself, and it cannot undo what a monitoring app has already seen.</source>
            <translation>&lt;b&gt;Harroje këtë kompjuter…&lt;/b&gt; (te Cilësimet) heq çdo kasafortë që EvidenceKit mban këtu në drejtoritë e veta, cilësimet e tij dhe shkurtoren Shënime, duke mbishkruar më parë çdo skedar. Kasafortat kudo tjetër (në një USB, në një drejtori që keni zgjedhur), dosjet e eksportuara dhe kopjet rezervë nuk preken. Nuk e heq vetë programin dhe nuk mund të zhbëjë atë që një aplikacion përgjimi ka parë tashmë.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="234" />
            <source>When the same picture comes back</source>
            <translation>Kur e njëjta foto shfaqet sërish</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="237" />
            <source>EvidenceKit recognises a picture you already saved, without showing it: each picture gets a fingerprint (PDQ, the one platforms use) that stays the same when the picture is made smaller, saved again, made grey, mirrored or turned. The item then says “This picture already appears in item …”, with both pictures blurred and a link to the other item. Nothing is shown unless you choose to look.</source>
            <translation>EvidenceKit e njeh një foto që e keni ruajtur tashmë, pa jua treguar: çdo foto merr një gjurmë (PDQ, atë që përdorin platformat) që mbetet e njëjtë kur fotoja zvogëlohet, ruhet sërish, bëhet bardhezi, pasqyrohet ose rrotullohet. Atëherë prova thotë “Kjo foto gjendet tashmë te prova …”, me të dyja fotot të turbulluara dhe një lidhje te prova tjetër. Asgjë nuk shfaqet nëse nuk zgjidhni ta shikoni.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="245" />
            <source>It does not recognise a picture that was cut down (even a little at the edges), tilted, or had text or a frame added. Those still have to be found by looking, or by someone you trust.</source>
            <translation>Ajo nuk e njeh një foto që është prerë (qoftë edhe pak në anë), është anuar, ose i është shtuar tekst apo kornizë. Këto duhen gjetur ende duke i parë, ose nga dikush që i besoni.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="250" />
            <source>&lt;b&gt;Picture hashes…&lt;/b&gt; in the list of cases saves the fingerprints of every picture of a case (SHA-256, MD5 and PDQ) as a file. Platforms' report forms and services such as Take It Down and StopNCII work with such fingerprints: the pictures themselves never leave your computer.</source>
            <translation>&lt;b&gt;Gjurmët e fotove…&lt;/b&gt; te lista e çështjeve ruan në një skedar gjurmët e çdo fotoje të një çështjeje (SHA-256, MD5 dhe PDQ). Formularët e raportimit të platformave dhe shërbime si Take It Down dhe StopNCII punojnë me gjurmë të tilla: vetë fotot nuk largohen kurrë nga kompjuteri juaj.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="258" />
            <source>What EvidenceKit can and cannot prove</source>
            <translation>Çfarë mund dhe çfarë nuk mund të provojë EvidenceKit</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="261" />
            <source>It proves what a page showed, at which address, and when it was captured: every file is sealed with a digital signature and a time-stamp from an independent server.</source>
            <translation>Ai provon çfarë shfaqte një faqe, në cilën adresë dhe kur u ruajt: çdo skedar vuloset me nënshkrim dixhital dhe me vulë kohore nga një server i pavarur.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="266" />
            <source>It cannot prove who made a post, and it cannot see pages that need a login unless they are public.</source>
            <translation>Ai nuk mund të provojë kush e bëri një postim dhe nuk i sheh dot faqet që kërkojnë hyrje me llogari, përveç kur janë publike.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="270" />
            <source>If you forget your passphrase, nobody can open the vault, not even the people who made EvidenceKit. Keep it written somewhere safe.</source>
            <translation>Nëse e harroni fjalëkalimin, askush nuk mund ta hapë kasafortën, as njerëzit që bënë EvidenceKit. Mbajeni të shkruar diku në vend të sigurt.</translation>
        </message>
    </context>
    <context>
        <name>ItemDetail</name>
        <message>
            <location filename="../../ui/item_detail.py" line="61" />
            <source>Back to the list</source>
            <translation>Kthehu te lista</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="74" />
            <location filename="../../ui/item_detail.py" line="183" />
            <source>Never show me this…</source>
            <translation>Mos ma trego kurrë…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="88" />
            <source>About this item</source>
            <translation>Rreth kësaj prove</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="99" />
            <source>About</source>
            <translation>Të dhënat</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="106" />
            <source>Ask for the time-stamp again now</source>
            <translation>Kërko sërish vulën kohore tani</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="110" />
            <source>Seal</source>
            <translation>Vula</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="113" />
            <source>Files</source>
            <translation>Skedarët</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="114" />
            <source>Notes and tags</source>
            <translation>Shënime, etiketa</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>When</source>
            <translation>Kur</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>Who</source>
            <translation>Kush</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>What</source>
            <translation>Çfarë</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>Details</source>
            <translation>Hollësi</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="120" />
            <source>Record of everything done to this item</source>
            <translation>Regjistri i gjithçkaje që i është bërë kësaj prove</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="121" />
            <source>History</source>
            <translation>Historia</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="130" />
            <source>Notes</source>
            <translation>Shënime</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="132" />
            <source>Add a &amp;note (it is kept with the date and your name):</source>
            <translation>Shtoni një &amp;shënim (ruhet me datën dhe emrin tuaj):</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="135" />
            <source>New note</source>
            <translation>Shënim i ri</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="141" />
            <source>Add note</source>
            <translation>Shto shënimin</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="144" />
            <source>&amp;Tags (separated by commas):</source>
            <translation>&amp;Etiketat (të ndara me presje):</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="146" />
            <source>Tags</source>
            <translation>Etiketat</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="151" />
            <source>Save tags</source>
            <translation>Ruaj etiketat</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="183" />
            <source>Allow showing again…</source>
            <translation>Lejo shfaqjen përsëri…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="202" />
            <source>Address</source>
            <translation>Adresa</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="204" />
            <source>Address at the end</source>
            <translation>Adresa në fund</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="205" />
            <source>Page title</source>
            <translation>Titulli i faqes</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="206" />
            <source>What the site answered</source>
            <translation>Çfarë u përgjigj faqja</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="209" />
            <source>Server</source>
            <translation>Serveri</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="212" />
            <location filename="../../ui/item_detail.py" line="214" />
            <source>Secure connection</source>
            <translation>Lidhje e sigurt</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="214" />
            <source>No (plain http)</source>
            <translation>Jo (http i thjeshtë)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="223" />
            <source>File name</source>
            <translation>Emri i skedarit</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="224" />
            <source>Type</source>
            <translation>Lloji</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="225" />
            <source>Size</source>
            <translation>Madhësia</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="228" />
            <source>File last changed</source>
            <translation>Ndryshimi i fundit i skedarit</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="229" />
            <source>Captured</source>
            <translation>U ruajt</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="229" />
            <source>Added</source>
            <translation>U shtua</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="231" />
            <source>In UTC</source>
            <translation>Në UTC</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="234" />
            <source>By</source>
            <translation>Nga</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="235" />
            <source>Case</source>
            <translation>Çështja</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="235" />
            <source>No case</source>
            <translation>Pa çështje</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="236" />
            <source>Evidence id</source>
            <translation>Kodi i provës</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="239" />
            <source>Notes from the capture</source>
            <translation>Shënime nga ruajtja</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="351" />
            <source>certificate from %1</source>
            <translation>certifikatë nga %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="353" />
            <source>valid until %1</source>
            <translation>e vlefshme deri më %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="355" />
            <source>the browser reported a certificate problem</source>
            <translation>shfletuesi raportoi një problem me certifikatën</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="363" />
            <source>Digest (SHA-256)</source>
            <translation>Përmbledhja kriptografike (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="366" />
            <source>Signed by (key fingerprint)</source>
            <translation>Nënshkruar nga (gjurma e çelësit)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="374" />
            <location filename="../../ui/item_detail.py" line="380" />
            <source>Time-stamp</source>
            <translation>Vula kohore</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="375" />
            <source>%1 — from %2</source>
            <translation>%1 — nga %2</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="380" />
            <source>Pending — will be added when online</source>
            <translation>Në pritje — do të shtohet kur të ketë internet</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="394" />
            <source>SHA-256: %1</source>
            <translation>SHA-256: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="397" />
            <source>SHA-256 of %1</source>
            <translation>SHA-256 e %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="412" />
            <source>No notes yet.</source>
            <translation>Ende pa shënime.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="460" />
            <source>Allow showing again?</source>
            <translation>Të lejohet shfaqja përsëri?</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="461" />
            <source>The picture will be blurred again, and you can choose to look at it.</source>
            <translation>Fotoja do të jetë përsëri e turbulluar dhe ju mund të zgjidhni ta shikoni.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="462" />
            <source>Allow</source>
            <translation>Lejoje</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="463" />
            <source>Keep it hidden</source>
            <translation>Mbaje të fshehur</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="468" />
            <source>Never show this picture?</source>
            <translation>Të mos shfaqet kurrë kjo foto?</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="470" />
            <source>The item stays in the vault as evidence, unchanged, and is still included when you export. EvidenceKit will show only a plain grey box in its place. You can undo this here later.</source>
            <translation>Prova mbetet në kasafortë e pandryshuar dhe përfshihet gjithsesi kur eksportoni. EvidenceKit do të tregojë në vend të saj vetëm një kuti gri. Këtë mund ta ktheni mbrapsht më vonë, këtu.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="474" />
            <source>Never show it</source>
            <translation>Mos e trego kurrë</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="475" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="246" />
            <source>not found on the page</source>
            <translation>nuk u gjet në faqe</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="254" />
            <source>%1 (the page showed: %2)</source>
            <translation>%1 (faqja shfaqte: %2)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="260" />
            <source>Platform</source>
            <translation>Platforma</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="261" />
            <source>Posted by</source>
            <translation>Postuar nga</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="262" />
            <source>Handle</source>
            <translation>Emri i përdoruesit</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="263" />
            <source>Account id</source>
            <translation>Numri i llogarisë</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="264" />
            <source>Post id</source>
            <translation>Numri i postimit</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="265" />
            <source>Posted</source>
            <translation>Postuar</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="272" />
            <source>Completeness</source>
            <translation>Plotësia</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="221" />
            <source>Logged in</source>
            <translation>Me hyrje në llogari</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="332" />
            <source>No: captured logged out</source>
            <translation>Jo: u kap pa hyrje në llogari</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="335" />
            <source>Yes, seen logged in as @%1</source>
            <translation>Po, parë me hyrje si @%1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="337" />
            <source>Yes (the account was not named)</source>
            <translation>Po (llogaria nuk u emërtua)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="340" />
            <source>Consent: %1</source>
            <translation>Pëlqimi: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="344" />
            <source>Requests blocked so nothing changed on the platform: %1</source>
            <translation>Kërkesa të bllokuara që të mos ndryshonte asgjë në platformë: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="66" />
            <source>Capture again</source>
            <translation>Kape përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="68" />
            <source>Capture this address again now, linked to its first capture</source>
            <translation>Kape këtë adresë përsëri tani, të lidhur me kapjen e saj të parë</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="279" />
            <source>Still online on %1</source>
            <translation>Ende në internet më %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="285" />
            <source>Removed between %1 (last seen online) and %2 (first seen removed)</source>
            <translation>Hequr midis %1 (parë në internet për herë të fundit) dhe %2 (parë e hequr për herë të parë)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="287" />
            <source>Already removed when first captured, on %1</source>
            <translation>Tashmë e hequr kur u kap për herë të parë, më %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="292" />
            <source>Online or removed</source>
            <translation>Në internet apo e hequr</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="300" />
            <source>Capturing this address again…</source>
            <translation>Po e kapim përsëri këtë adresë…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="312" />
            <source>It could not be captured again.</source>
            <translation>Nuk u kap dot përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="316" />
            <source>Captured again as %1.</source>
            <translation>U kap përsëri si %1.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="218" />
            <source>Captures again</source>
            <translation>Kap përsëri</translation>
        </message>
    </context>
    <context>
        <name>ItemsView</name>
        <message>
            <location filename="../../ui/items_view.py" line="55" />
            <location filename="../../ui/items_view.py" line="145" />
            <source>All evidence</source>
            <translation>Të gjitha provat</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="58" />
            <source>Capture links…</source>
            <translation>Ruaj lidhje…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="58" />
            <source>Save web pages as sealed evidence</source>
            <translation>Ruani faqe interneti si prova të vulosura</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="62" />
            <source>Add files…</source>
            <translation>Shto skedarë…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="64" />
            <source>Add photos, screenshots or chat exports from this computer</source>
            <translation>Shtoni foto, pamje ekrani ose biseda të eksportuara nga ky kompjuter</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="68" />
            <source>Export for a lawyer…</source>
            <translation>Eksporto për avokatin…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="70" />
            <source>Make one signed file with the evidence you choose</source>
            <translation>Bëni një skedar të vetëm të nënshkruar me provat që zgjidhni</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="79" />
            <source>Search words in pages, notes and titles</source>
            <translation>Kërkoni fjalë në faqe, shënime dhe tituj</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="80" />
            <source>Search</source>
            <translation>Kërko</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>Newest first</source>
            <translation>Më të rejat në fillim</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>Oldest first</source>
            <translation>Më të vjetrat në fillim</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>By title (A–Z)</source>
            <translation>Sipas titullit (A–Zh)</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="92" />
            <source>Sort</source>
            <translation>Rendit</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="95" />
            <location filename="../../ui/items_view.py" line="334" />
            <source>Show as a list</source>
            <translation>Shfaq si listë</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="100" />
            <source>Show picture…</source>
            <translation>Shfaq foton…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="102" />
            <source>Show the selected picture without blur (after a warning)</source>
            <translation>Shfaq foton e zgjedhur pa turbullim (pas një paralajmërimi)</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="111" />
            <source>Evidence</source>
            <translation>Provat</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="114" />
            <source>Pictures are blurred. Press Enter to open an item. Press and hold a picture with the mouse to look at it.</source>
            <translation>Fotot janë të turbulluara. Shtypni Enter për të hapur një provë. Mbani shtypur miun mbi një foto për ta parë.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="131" />
            <source>Nothing here yet. Use “Capture links…” to save a web page, or “Add files…” (you can also drag files here).</source>
            <translation>Këtu nuk ka ende asgjë. Përdorni “Ruaj lidhje…” për të ruajtur një faqe interneti, ose “Shto skedarë…” (mund t’i tërhiqni skedarët edhe këtu).</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="198" />
            <source>Hidden by you</source>
            <translation>E fshehur nga ju</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="203" />
            <source>Blurred</source>
            <translation>E turbulluar</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="227" />
            <source>No picture</source>
            <translation>Pa foto</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="249" />
            <source>You chose never to see this picture.</source>
            <translation>Ju zgjodhët të mos e shihni kurrë këtë foto.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="250" />
            <source>Open the item to change that.</source>
            <translation>Hapeni provën për ta ndryshuar këtë.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="255" />
            <source>Content warning</source>
            <translation>Paralajmërim për përmbajtjen</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="257" />
            <source>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. Show it now?</source>
            <translation>Kjo foto mund të ketë përmbajtje intime ose lënduese. Nuk është e nevojshme ta shikoni: prova ruhet e sigurt gjithsesi. Ta shfaq tani?</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="260" />
            <source>Show it</source>
            <translation>Shfaqe</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="261" />
            <source>Keep it blurred</source>
            <translation>Mbaje të turbulluar</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="327" />
            <source>Show as a grid</source>
            <translation>Shfaq si rrjetë</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="338" />
            <source>Add files as evidence</source>
            <translation>Shtoni skedarë si prova</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login_dialog.py" line="232" />
            <source>They may see that you looked</source>
            <translation>Mund ta shohin që e keni parë</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="233" />
            <source>{0} is {1}. With your saved login, its owner may see that you looked at it. Capture it logged out instead, or logged in anyway?</source>
            <translation>{0} është {1}. Me hyrjen tuaj të ruajtur, pronari i saj mund të shohë që e keni parë. Ta ruajmë pa hyrje, apo me hyrje gjithsesi?</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="238" />
            <source>Capture logged in anyway</source>
            <translation>Ruaje me hyrje gjithsesi</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="239" />
            <source>Capture logged out</source>
            <translation>Ruaje pa hyrje</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="81" />
            <location filename="../../ui/login_dialog.py" line="83" />
            <source>Saved logins</source>
            <translation>Hyrjet e ruajtura</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="86" />
            <source>Remove this login</source>
            <translation>Hiqe këtë hyrje</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="86" />
            <source>Deleted from the vault for good</source>
            <translation>Fshihet nga kasaforta përgjithmonë</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="107" />
            <source>never</source>
            <translation>asnjëherë</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="108" />
            <source>{0} — {1} — made {2}, last used {3}</source>
            <translation>{0} — {1} — bërë më {2}, përdorur së fundi {3}</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="122" />
            <source>Remove this login?</source>
            <translation>Ta heqim këtë hyrje?</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="124" />
            <source>The saved login is deleted from the vault for good. Captures of that site are made logged out until you log in again. The history keeps a note.</source>
            <translation>Hyrja e ruajtur fshihet nga kasaforta përgjithmonë. Ruajtjet e asaj faqeje bëhen pa hyrje derisa të hyni sërish. Historiku mban një shënim.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="127" />
            <source>Remove</source>
            <translation>Hiqe</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="128" />
            <source>Keep it</source>
            <translation>Mbaje</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="43" />
            <location filename="../../ui/login_dialog.py" line="45" />
            <source>Log in to a site</source>
            <translation>Hyni në një faqe</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="49" />
            <source>A browser window opens. Log in there yourself, as you always do. When you are done, close that window or press Done here. The login is kept only inside your vault, encrypted. Captures of that site then use it.</source>
            <translation>Hapet një dritare shfletuesi. Hyni atje vetë, si gjithmonë. Kur të mbaroni, mbyllni atë dritare ose shtypni Mbarova këtu. Hyrja ruhet vetëm brenda kasafortës suaj, e fshehtëzuar. Ruajtjet e asaj faqeje pastaj e përdorin.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="59" />
            <location filename="../../ui/login_dialog.py" line="60" />
            <source>Site or address</source>
            <translation>Faqja ose adresa</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="62" />
            <location filename="../../ui/login_dialog.py" line="63" />
            <source>Account (if the site does not show it)</source>
            <translation>Llogaria (nëse faqja nuk e tregon)</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="69" />
            <source>Open the login window</source>
            <translation>Hap dritaren e hyrjes</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="72" />
            <source>Done</source>
            <translation>Mbarova</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="75" />
            <source>Close</source>
            <translation>Mbyll</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="175" />
            <source>The login window is open.</source>
            <translation>Dritarja e hyrjes është e hapur.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="176" />
            <source>Log in there. Then close that window, or press Done.</source>
            <translation>Hyni atje. Pastaj mbyllni atë dritare, ose shtypni Mbarova.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="193" />
            <source>no account name was shown</source>
            <translation>nuk u tregua emër llogarie</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="195" />
            <source>Captures of this site now use it. Before a story, a live video or a profile that shows who viewed it, you are asked first.</source>
            <translation>Ruajtjet e kësaj faqeje tani e përdorin. Para një historie, një videoje të drejtpërdrejtë ose një profili që tregon kush e pa, ju pyesim më parë.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="200" />
            <source>The last page still looked like a login form. If you did not finish logging in, remove this login and log in again.</source>
            <translation>Faqja e fundit dukej ende si formular hyrjeje. Nëse nuk mbaruat së hyri, hiqeni këtë hyrje dhe hyni sërish.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="204" />
            <source>The login is kept in the vault ({0}).</source>
            <translation>Hyrja ruhet në kasafortë ({0}).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="104" />
            <source>Session</source>
            <translation>Seanca</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>Help and support</source>
            <translation>Ndihmë dhe mbështetje</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>Where to get help in Albania (F1)</source>
            <translation>Ku të gjeni ndihmë në Shqipëri (F1)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="134" />
            <source>Check a bundle</source>
            <translation>Verifiko një dosje</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="134" />
            <source>Check a bundle someone gave you</source>
            <translation>Verifikoni një dosje që ju dha dikush</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="137" />
            <source>Settings</source>
            <translation>Cilësimet</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Lock</source>
            <translation>Kyç</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Close the vault now; the passphrase opens it again</source>
            <translation>Mbyll kasafortën tani; fjalëkalimi e hap përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="144" />
            <source>Quick exit</source>
            <translation>Dalje e shpejtë</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="146" />
            <source>Hide this window at once and lock the vault (or press Esc twice)</source>
            <translation>Fshih menjëherë këtë dritare dhe kyç kasafortën (ose shtypni dy herë Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="252" />
            <source>EvidenceKit has forgotten this computer.</source>
            <translation>EvidenceKit e ka harruar këtë kompjuter.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="270" />
            <source>Using the vault as: %1</source>
            <translation>Po e përdorni kasafortën si: %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="275" />
            <source>Locked</source>
            <translation>E kyçur</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="62" />
            <source>That passphrase did not open this vault.</source>
            <translation>Ky fjalëkalim nuk e hapi këtë kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="63" />
            <source>Check Caps Lock and the keyboard language, then try again. There is no limit on tries, and nothing is locked or deleted.</source>
            <translation>Kontrolloni tastin Caps Lock dhe gjuhën e tastierës, pastaj provoni përsëri. Mund të provoni sa herë të doni; asgjë nuk kyçet dhe asgjë nuk fshihet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="70" />
            <source>This vault is already open in another EvidenceKit window.</source>
            <translation>Kjo kasafortë është tashmë e hapur në një dritare tjetër të EvidenceKit.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="71" />
            <source>Close the other window (or wait until it finishes), then try again.</source>
            <translation>Mbyllni dritaren tjetër (ose prisni sa të mbarojë), pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="77" />
            <source>There is no vault at that place.</source>
            <translation>Në atë vend nuk ka asnjë kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="78" />
            <source>Choose the vault file again, or create a new vault.</source>
            <translation>Zgjidhni përsëri skedarin e kasafortës, ose krijoni një kasafortë të re.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="81" />
            <source>That passphrase already opens a vault here.</source>
            <translation>Ky fjalëkalim hap tashmë një kasafortë këtu.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="82" />
            <source>Choose a different second passphrase, not your own one. Nothing was changed.</source>
            <translation>Zgjidhni një fjalëkalim të dytë tjetër, jo tuajin. Asgjë nuk u ndryshua.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="88" />
            <source>A vault already exists at that place.</source>
            <translation>Në atë vend ka tashmë një kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="89" />
            <source>Open it with its passphrase, or choose another name for the new vault. Nothing was changed.</source>
            <translation>Hapeni me fjalëkalimin e saj, ose zgjidhni një emër tjetër për kasafortën e re. Asgjë nuk u ndryshua.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="96" />
            <source>This passphrase is too short.</source>
            <translation>Ky fjalëkalim është shumë i shkurtër.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="97" />
            <source>Use at least 8 characters. A few ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>Përdorni të paktën 8 shenja. Disa fjalë të zakonshme njëra pas tjetrës mbahen mend lehtë dhe gjenden me vështirësi.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="104" />
            <source>Part of the vault file could not be read.</source>
            <translation>Një pjesë e skedarit të kasafortës nuk u lexua dot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="105" />
            <source>Do not delete it. Keep a copy of the file and ask someone with technical knowledge for help; a backup copy may still open.</source>
            <translation>Mos e fshini. Mbani një kopje të skedarit dhe kërkoni ndihmë nga dikush me njohuri teknike; një kopje rezervë mund të hapet ende.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="112" />
            <source>The disk is full.</source>
            <translation>Disku është plot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="113" />
            <source>Free some space on that disk (move or delete files you do not need), then try again. Nothing was lost.</source>
            <translation>Lironi pak hapësirë në atë disk (zhvendosni ose fshini skedarë që nuk ju duhen), pastaj provoni përsëri. Asgjë nuk humbi.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="120" />
            <source>This disk can only be read, not written.</source>
            <translation>Ky disk mund vetëm të lexohet, jo të shkruhet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="121" />
            <source>Nothing can be added or changed on it. To work with the vault, copy the vault file to your computer first and open the copy. Nothing was changed.</source>
            <translation>Asgjë nuk mund të shtohet apo ndryshohet në të. Për të punuar me kasafortën, kopjojeni më parë skedarin e kasafortës në kompjuterin tuaj dhe hapni kopjen. Asgjë nuk u ndryshua.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="129" />
            <source>The latest changes are kept in a second file beside the vault.</source>
            <translation>Ndryshimet e fundit ruhen në një skedar të dytë pranë kasafortës.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="130" />
            <source>They are safe. Keep the files together, free some space on the disk, and open the vault again before you copy it.</source>
            <translation>Ato janë të sigurta. Mbajini skedarët bashkë, lironi pak hapësirë në disk dhe hapeni kasafortën përsëri përpara se ta kopjoni.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="137" />
            <source>This vault was made by a newer version of EvidenceKit.</source>
            <translation>Kjo kasafortë është krijuar nga një version më i ri i EvidenceKit.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="138" />
            <source>Update EvidenceKit, then open the vault again.</source>
            <translation>Përditësoni EvidenceKit, pastaj hapeni përsëri kasafortën.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="141" />
            <source>No web browser was found that EvidenceKit can use to capture pages.</source>
            <translation>Nuk u gjet asnjë shfletues interneti që EvidenceKit të mund ta përdorë për të ruajtur faqe.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="145" />
            <source>Install Google Chrome, Microsoft Edge or Chromium, then try again. Adding saved files with “Add files…” works without a browser.</source>
            <translation>Instaloni Google Chrome, Microsoft Edge ose Chromium, pastaj provoni përsëri. Shtimi i skedarëve të ruajtur me “Shto skedarë…” funksionon edhe pa shfletues.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="152" />
            <source>The browser could not be started.</source>
            <translation>Shfletuesi nuk u nis dot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="153" />
            <source>Restart the computer and try again. If it keeps happening, reinstall Chrome, Edge or Chromium.</source>
            <translation>Rindizni kompjuterin dhe provoni përsëri. Nëse vazhdon të ndodhë, instaloni përsëri Chrome, Edge ose Chromium.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="160" />
            <source>This is not a web address EvidenceKit can capture.</source>
            <translation>Kjo nuk është një adresë interneti që EvidenceKit mund ta ruajë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="161" />
            <source>Copy the whole address from the browser's address bar. It starts with https://</source>
            <translation>Kopjoni të gjithë adresën nga shiriti i adresës së shfletuesit. Ajo fillon me https://</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="167" />
            <source>The site could not be found.</source>
            <translation>Faqja e internetit nuk u gjet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="168" />
            <source>Check the address for typing mistakes, and check that this computer is connected to the internet.</source>
            <translation>Kontrolloni adresën për gabime shkrimi dhe sigurohuni që ky kompjuter është i lidhur me internetin.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="175" />
            <source>The site refused the connection.</source>
            <translation>Faqja e internetit e refuzoi lidhjen.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="176" />
            <source>Check the address, or try again later.</source>
            <translation>Kontrolloni adresën, ose provoni përsëri më vonë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="179" />
            <source>This address downloads a file instead of showing a page.</source>
            <translation>Kjo adresë shkarkon një skedar në vend që të shfaqë një faqe.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="180" />
            <source>Save the file on the computer, then add it with “Add files…”.</source>
            <translation>Ruajeni skedarin në kompjuter, pastaj shtojeni me “Shto skedarë…”.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="183" />
            <source>The page took too long, so the capture was stopped. Nothing was saved.</source>
            <translation>Faqja zgjati shumë, prandaj ruajtja u ndal. Asgjë nuk u ruajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="187" />
            <source>Try again later, when the connection may be faster.</source>
            <translation>Provoni përsëri më vonë, kur lidhja mund të jetë më e shpejtë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="190" />
            <source>The page could not be loaded. Nothing was saved.</source>
            <translation>Faqja nuk u ngarkua dot. Asgjë nuk u ruajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="191" />
            <source>Check the internet connection and try again in a few minutes.</source>
            <translation>Kontrolloni lidhjen me internetin dhe provoni përsëri pas disa minutash.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="194" />
            <source>The capture failed unexpectedly. Nothing was saved.</source>
            <translation>Ruajtja dështoi papritur. Asgjë nuk u ruajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="195" />
            <source>Try again. If it fails again, the details below can help someone who helps you.</source>
            <translation>Provoni përsëri. Nëse dështon sërish, hollësitë më poshtë mund t’i vlejnë dikujt që ju ndihmon.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="201" />
            <source>That saved login is no longer in the vault.</source>
            <translation>Ky hyrje e ruajtur nuk është më në kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="202" />
            <source>Choose another saved login, or log in to the site again.</source>
            <translation>Zgjidhni një hyrje tjetër të ruajtur, ose hyni sërish në faqe.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="205" />
            <source>The saved login for this site no longer works. Nothing was saved.</source>
            <translation>Hyrja e ruajtur për këtë faqe nuk funksionon më. Asgjë nuk u ruajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="206" />
            <source>The site asks to log in again. Log in to the site again, or capture the page logged out.</source>
            <translation>Faqja kërkon të hyni sërish. Hyni sërish në faqe, ose ruajeni faqen pa qenë e futur në llogari.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="213" />
            <source>A browser window cannot be opened on this computer.</source>
            <translation>Në këtë kompjuter nuk mund të hapet një dritare shfletuesi.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="214" />
            <source>Log in on a computer with a screen.</source>
            <translation>Hyni nga një kompjuter me ekran.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="217" />
            <source>The window was closed before you were logged in. Nothing was saved.</source>
            <translation>Dritarja u mbyll para se të hynit në llogari. Asgjë nuk u ruajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="220" />
            <source>Open the login window again and log in before closing it.</source>
            <translation>Hapeni sërish dritaren e hyrjes dhe hyni para se ta mbyllni.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="223" />
            <source>This file could not be added.</source>
            <translation>Ky skedar nuk u shtua dot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="224" />
            <source>Check that the file is still there and that it opens, then try again.</source>
            <translation>Sigurohuni që skedari është ende aty dhe që hapet, pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="230" />
            <source>The file could not be saved there.</source>
            <translation>Skedari nuk u ruajt dot aty.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="231" />
            <source>Choose another place (another folder or a USB stick) and check that it has free space.</source>
            <translation>Zgjidhni një vend tjetër (një drejtori tjetër ose një USB) dhe sigurohuni që ka hapësirë të lirë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="238" />
            <source>A case with this name already exists.</source>
            <translation>Ka tashmë një çështje me këtë emër.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="239" />
            <source>Choose another name.</source>
            <translation>Zgjidhni një emër tjetër.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="242" />
            <source>That case is no longer in the vault.</source>
            <translation>Ajo çështje nuk është më në kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="243" />
            <source>Choose another case from the list.</source>
            <translation>Zgjidhni një çështje tjetër nga lista.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="246" />
            <source>This item is no longer in the vault.</source>
            <translation>Kjo provë nuk është më në kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="247" />
            <source>Go back to the list; it shows what the vault holds now.</source>
            <translation>Kthehuni te lista; ajo tregon çfarë ka kasaforta tani.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="250" />
            <source>The time-stamp server could not give a time-stamp now.</source>
            <translation>Serveri i vulave kohore nuk mundi të japë vulë kohore tani.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="251" />
            <source>Your evidence is saved and sealed. The time-stamp will be added when this computer is online.</source>
            <translation>Provat tuaja janë ruajtur dhe vulosur. Vula kohore do të shtohet kur ky kompjuter të lidhet me internetin.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="258" />
            <source>The vault's signing key is damaged.</source>
            <translation>Çelësi i nënshkrimit të kasafortës është dëmtuar.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="259" />
            <source>The evidence already stored is safe. Ask someone with technical knowledge for help before adding more.</source>
            <translation>Provat e ruajtura deri tani janë të sigurta. Kërkoni ndihmë nga dikush me njohuri teknike para se të shtoni të tjera.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="266" />
            <source>A picture on this page could not be covered. Nothing was saved.</source>
            <translation>Një foto në këtë faqe nuk u mbulua dot. Nuk u ruajt asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="267" />
            <source>Someone in the pictures may be under 18, so no screenshot was taken. You can ask your support worker for help with this page.</source>
            <translation>Dikush në foto mund të jetë nën 18 vjeç, prandaj nuk u bë asnjë pamje ekrani. Mund t’i kërkoni ndihmë për këtë faqe një punonjësi mbështetës.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="274" />
            <source>This file was not added: it may hold pictures.</source>
            <translation>Ky skedar nuk u shtua: mund të ketë foto brenda.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="275" />
            <source>Someone in these pictures may be under 18, so only pictures and videos (kept as their hashes, never the file) and plain text files can be added. Nothing was stored from this file.</source>
            <translation>Dikush në këto foto mund të jetë nën 18 vjeç, prandaj mund të shtohen vetëm foto dhe video (të ruajtura si hash-et e tyre, kurrë skedari) dhe skedarë me tekst të thjeshtë. Nga ky skedar nuk u ruajt asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="283" />
            <source>The “Notes” launcher could not be changed.</source>
            <translation>Shkurtorja “Shënime” nuk u ndryshua dot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="284" />
            <source>Nothing else was touched. If another launcher is already there, its details below say where; remove or rename it, then try again.</source>
            <translation>Asgjë tjetër nuk u prek. Nëse aty ka tashmë një shkurtore tjetër, hollësitë më poshtë tregojnë ku ndodhet; hiqeni ose riemërtojeni, pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="291" />
            <source>The browser could not be downloaded: there is no internet.</source>
            <translation>Shfletuesi nuk u shkarkua dot: nuk ka internet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="292" />
            <source>Connect this computer to the internet, then try again. Nothing was left half-installed, and everything else works as before.</source>
            <translation>Lidheni këtë kompjuter me internetin, pastaj provoni përsëri. Asgjë nuk mbeti e instaluar përgjysmë dhe gjithçka tjetër punon si më parë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="299" />
            <source>This copy of EvidenceKit cannot download a browser by itself.</source>
            <translation>Kjo kopje e EvidenceKit nuk mund të shkarkojë vetë një shfletues.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="300" />
            <source>Install Google Chrome, Microsoft Edge or Chromium, then try again.</source>
            <translation>Instaloni Google Chrome, Microsoft Edge ose Chromium, pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="306" />
            <source>The browser could not be installed.</source>
            <translation>Shfletuesi nuk u instalua dot.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="307" />
            <source>Nothing was left half-installed. Try again later, or install Google Chrome, Microsoft Edge or Chromium yourself.</source>
            <translation>Asgjë nuk mbeti e instaluar përgjysmë. Provoni përsëri më vonë, ose instaloni vetë Google Chrome, Microsoft Edge ose Chromium.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="315" />
            <source>The copy did not pass its check, so it was not kept.</source>
            <translation>Kopja nuk e kaloi kontrollin, prandaj nuk u mbajt.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="316" />
            <source>Nothing was removed or changed in your vault. Try again, on another disk or USB stick if this one may be failing.</source>
            <translation>Asgjë nuk u hoq as nuk ndryshoi në kasafortën tuaj. Provoni përsëri, në një disk ose USB tjetër nëse ky mund të jetë duke u prishur.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="323" />
            <source>A vault is already at that place, so nothing was restored.</source>
            <translation>Aty ka tashmë një kasafortë, prandaj nuk u rikthye asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="324" />
            <source>Choose another place, or agree to replace that vault.</source>
            <translation>Zgjidhni një vend tjetër, ose pranoni që ajo kasafortë të zëvendësohet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="327" />
            <source>A file with that name is already there.</source>
            <translation>Aty ka tashmë një skedar me atë emër.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="328" />
            <source>Choose another name. Nothing was written or changed.</source>
            <translation>Zgjidhni një emër tjetër. Asgjë nuk u shkrua as nuk ndryshoi.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="331" />
            <source>That folder does not exist.</source>
            <translation>Ajo drejtori nuk ekziston.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="332" />
            <source>If it is on a USB stick, check that the stick is plugged in, then choose the place again. Nothing was written.</source>
            <translation>Nëse është në një USB, kontrolloni që USB-ja të jetë e futur, pastaj zgjidhni përsëri vendin. Asgjë nuk u shkrua.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="339" />
            <source>That case holds no evidence, so there is nothing to hand over.</source>
            <translation>Kjo çështje nuk ka asnjë provë, prandaj nuk ka asgjë për të dorëzuar.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="340" />
            <source>Nothing was changed.</source>
            <translation>Asgjë nuk ndryshoi.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="343" />
            <source>Nothing was removed.</source>
            <translation>Asgjë nuk u hoq.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="344" />
            <source>Type the word shown to confirm, then try again.</source>
            <translation>Shkruani fjalën që shfaqet për ta konfirmuar, pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="347" />
            <source>Not everything could be removed from this computer.</source>
            <translation>Jo gjithçka mund të hiqej nga ky kompjuter.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="348" />
            <source>Close other programs that may be using these files, then try again. What is left is named in the details.</source>
            <translation>Mbyllni programet e tjera që mund t'i përdorin këta skedarë, pastaj provoni përsëri. Ajo që mbeti përmendet te hollësitë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="355" />
            <source>Stopped, as you asked.</source>
            <translation>U ndal, siç kërkuat.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="356" />
            <source>What was already saved stays in the vault.</source>
            <translation>Ajo që ishte ruajtur tashmë mbetet në kasafortë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="52" />
            <source>EvidenceKit is not allowed to use that file or folder.</source>
            <translation>EvidenceKit nuk ka leje të përdorë atë skedar ose drejtori.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="53" />
            <source>Choose another place, or ask the computer's owner for access.</source>
            <translation>Zgjidhni një vend tjetër, ose kërkojini leje pronarit të kompjuterit.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="360" />
            <source>The computer could not read or write a file.</source>
            <translation>Kompjuteri nuk mundi të lexojë ose të shkruajë një skedar.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="361" />
            <source>Check that the disk or USB stick is still connected and has free space, then try again.</source>
            <translation>Sigurohuni që disku ose USB-ja është ende e lidhur dhe ka hapësirë të lirë, pastaj provoni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="401" />
            <source>Something went wrong.</source>
            <translation>Diçka nuk shkoi mirë.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="402" />
            <source>Try again. The details below can help someone who helps you.</source>
            <translation>Provoni përsëri. Hollësitë më poshtë mund t’i vlejnë dikujt që ju ndihmon.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="418" />
            <source>Waiting</source>
            <translation>Në pritje</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="419" />
            <source>Opening the page</source>
            <translation>Po hapet faqja</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="420" />
            <source>Loading</source>
            <translation>Po ngarkohet</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="421" />
            <source>Scrolling through the page</source>
            <translation>Po lëvizet nëpër faqe</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="422" />
            <source>Saving</source>
            <translation>Po ruhet</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="423" />
            <source>Sealing</source>
            <translation>Po vuloset</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="424" />
            <source>Time-stamping</source>
            <translation>Po merret vula kohore</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="425" />
            <location filename="../../ui/messages.py" line="439" />
            <source>Done</source>
            <translation>Mbaroi</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="426" />
            <source>Did not work</source>
            <translation>Nuk funksionoi</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="434" />
            <source>Asking for time-stamps</source>
            <translation>Po kërkohen vulat kohore</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="435" />
            <source>Writing the report</source>
            <translation>Po shkruhet raporti</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="436" />
            <source>Adding the pictures</source>
            <translation>Po shtohen fotot</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="437" />
            <source>Attaching the original files</source>
            <translation>Po bashkëngjiten skedarët origjinalë</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="438" />
            <source>Signing</source>
            <translation>Po nënshkruhet</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="446" />
            <source>The person this is about</source>
            <translation>Personi për të cilin bëhet fjalë</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="447" />
            <source>Support worker</source>
            <translation>Punonjës/e mbështetjeje</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="448" />
            <source>Not said</source>
            <translation>I pacaktuar</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="455" />
            <source>Sealed and time-stamped</source>
            <translation>E vulosur dhe me vulë kohore</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="456" />
            <source>Sealed — time-stamp pending (added when online)</source>
            <translation>E vulosur — vula kohore në pritje (shtohet kur të ketë internet)</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="457" />
            <source>Not sealed</source>
            <translation>E pavulosur</translation>
        </message>
    </context>
    <context>
        <name>PictureViewer</name>
        <message>
            <location filename="../../ui/viewer.py" line="52" />
            <source>Press and hold to look</source>
            <translation>Mbajeni shtypur për ta parë</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="54" />
            <source>The picture shows while you hold the button, and blurs when you let go</source>
            <translation>Fotoja shfaqet sa kohë e mbani shtypur butonin dhe turbullohet kur e lëshoni</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="58" />
            <source>Show picture…</source>
            <translation>Shfaq foton…</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="60" />
            <source>Blur again</source>
            <translation>Turbulloje përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="62" />
            <source>Smaller</source>
            <translation>Zvogëlo</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="62" />
            <source>Zoom out (Ctrl+wheel)</source>
            <translation>Zvogëlo (Ctrl+rrota e miut)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="64" />
            <source>Fit width</source>
            <translation>Sa dritarja</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="66" />
            <source>Larger</source>
            <translation>Zmadho</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="66" />
            <source>Zoom in (Ctrl+wheel)</source>
            <translation>Zmadho (Ctrl+rrota e miut)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="78" />
            <source>Picture of the page</source>
            <translation>Fotoja e faqes</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="81" />
            <location filename="../../ui/viewer.py" line="208" />
            <source>Picture (blurred)</source>
            <translation>Fotoja (e turbulluar)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="100" />
            <source>You chose never to see this picture.</source>
            <translation>Ju zgjodhët të mos e shihni kurrë këtë foto.</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="103" />
            <source>This item has no picture. Its files are listed under “Files”.</source>
            <translation>Kjo provë nuk ka foto. Skedarët e saj janë te “Skedarët”.</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="106" />
            <source>Blurred</source>
            <translation>E turbulluar</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="161" />
            <source>Content warning</source>
            <translation>Paralajmërim për përmbajtjen</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="163" />
            <source>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. You can also ask someone you trust to look for you. Show it now?</source>
            <translation>Kjo foto mund të ketë përmbajtje intime ose lënduese. Nuk është e nevojshme ta shikoni: prova ruhet e sigurt gjithsesi. Mund t’i kërkoni edhe dikujt që i besoni ta shikojë për ju. Ta shfaq tani?</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="167" />
            <source>Show it</source>
            <translation>Shfaqe</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="168" />
            <source>Keep it blurred</source>
            <translation>Mbaje të turbulluar</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="208" />
            <source>Picture (shown)</source>
            <translation>Fotoja (e shfaqur)</translation>
        </message>
    </context>
    <context>
        <name>ProgressRow</name>
        <message>
            <location filename="../../ui/capture_panel.py" line="68" />
            <source>Open</source>
            <translation>Hap</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="75" />
            <source>Progress for %1</source>
            <translation>Ecuria për %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/capture_panel.py" line="108" />
            <source>No picture was kept: %n picture(s) kept as hashes only.</source>
            <translation>
                <numerusform>Asnjë foto nuk u ruajt: %n foto u mbajt vetëm si hash-e.</numerusform>
                <numerusform>Asnjë foto nuk u ruajt: %n foto u mbajtën vetëm si hash-e.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RepostsPanel</name>
        <message>
            <location filename="../../ui/reposts_panel.py" line="55" />
            <source>Pictures already in other items</source>
            <translation>Foto që gjenden edhe në prova të tjera</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="57" />
            <source>Already in your evidence</source>
            <translation>Tashmë në provat tuaja</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="138" />
            <source>Open item %1</source>
            <translation>Hap provën %1</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="157" />
            <source>Blurred picture %1</source>
            <translation>Foto e turbulluar %1</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="158" />
            <source>Hidden by you</source>
            <translation>E fshehur nga ju</translation>
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <location filename="../../ui/safety.py" line="200" />
            <source>Notes</source>
            <translation>Shënime</translation>
        </message>
    </context>
    <context>
        <name>SecondPassphraseDialog</name>
        <message>
            <location filename="../../ui/second_passphrase.py" line="39" />
            <source>A second passphrase</source>
            <translation>Një fjalëkalim i dytë</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="46" />
            <source>If someone makes you open EvidenceKit, you can type a second passphrase instead of yours. It opens a separate vault that you fill yourself with a few harmless notes or pictures. It looks and takes as long as opening your real vault, and nothing in it points to your real vault.</source>
            <translation>Nëse dikush ju detyron të hapni EvidenceKit, mund të shkruani një fjalëkalim të dytë në vend të tuajit. Ai hap një kasafortë tjetër, që e mbushni vetë me disa shënime ose fotografi të padëmshme. Duket njësoj dhe zgjat po aq sa hapja e kasafortës suaj të vërtetë, dhe asgjë në të nuk të çon te kasaforta juaj e vërtetë.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="57" />
            <source>Your vault will be kept in a folder among other files that look the same. Nothing is deleted. When this is done the app locks: open the second vault with the second passphrase and add a few things to it. Read “Help” for what this protects against, and what it does not.</source>
            <translation>Kasaforta juaj do të mbahet në një drejtori mes skedarësh të tjerë që duken njësoj. Asgjë nuk fshihet. Kur të mbarojë, aplikacioni kyçet: hapni kasafortën e dytë me fjalëkalimin e dytë dhe shtoni disa gjëra në të. Lexoni “Ndihmë” për se nga ju mbron kjo dhe nga çfarë jo.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="68" />
            <source>Second passphrase</source>
            <translation>Fjalëkalimi i dytë</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="69" />
            <source>&amp;Second passphrase:</source>
            <translation>Fjalëkalimi i &amp;dytë:</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="74" />
            <source>Second passphrase again</source>
            <translation>Fjalëkalimi i dytë përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="75" />
            <source>&amp;Again:</source>
            <translation>&amp;Përsëri:</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="83" />
            <source>Set the second passphrase</source>
            <translation>Vendosni fjalëkalimin e dytë</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="97" />
            <source>Type the second passphrase first.</source>
            <translation>Shkruani së pari fjalëkalimin e dytë.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="102" />
            <source>The two passphrases are not the same.</source>
            <translation>Dy fjalëkalimet nuk janë të njëjta.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="103" />
            <source>Type the same second passphrase in both boxes. Nothing was changed.</source>
            <translation>Shkruani të njëjtin fjalëkalim të dytë në të dyja fushat. Asgjë nuk u ndryshua.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="108" />
            <source>Setting it up… this takes a few seconds.</source>
            <translation>Po përgatitet… kjo zgjat disa sekonda.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="34" />
            <location filename="../../ui/settings_dialog.py" line="35" />
            <source>Settings</source>
            <translation>Cilësimet</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="42" />
            <source>Same as the computer</source>
            <translation>Si në kompjuter</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="46" />
            <source>Language</source>
            <translation>Gjuha</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="47" />
            <source>&amp;Language:</source>
            <translation>&amp;Gjuha:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="52" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="53" />
            <source>Never</source>
            <translation>Asnjëherë</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="54" />
            <source>Lock the vault after this many minutes unused</source>
            <translation>Kyç kasafortën pas kaq minutash pa përdorim</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="55" />
            <source>Lock when &amp;unused for:</source>
            <translation>Kyçe kur nuk &amp;përdoret për:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="57" />
            <source>Use a neutral window title (“Notes”)</source>
            <translation>Përdor një titull dritareje asnjanës (“Shënime”)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="64" />
            <source>Add a launcher called “Notes” to the applications menu</source>
            <translation>Shto në menynë e programeve një shkurtore me emrin “Shënime”</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="70" />
            <source>It starts this app with the neutral title and a notepad icon. The program itself stays installed under its own name.</source>
            <translation>Ajo e hap këtë program me titullin asnjanës dhe me ikonën e një blloku shënimesh. Vetë programi mbetet i instaluar me emrin e vet.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="79" />
            <source> s</source>
            <translation> sek</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="80" />
            <source>Clear copied text after this many seconds</source>
            <translation>Fshije tekstin e kopjuar pas kaq sekondash</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="81" />
            <source>Clear copied text after:</source>
            <translation>Fshije tekstin e kopjuar pas:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="86" />
            <source>EvidenceKit never shows notifications or plays sounds, and keeps no list of recent files.</source>
            <translation>EvidenceKit nuk shfaq kurrë njoftime, nuk lëshon tinguj dhe nuk mban listë të skedarëve të fundit.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="93" />
            <source>Restore a backup…</source>
            <translation>Rikthe nga një kopje rezervë…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="96" />
            <source>Forget this computer…</source>
            <translation>Harroje këtë kompjuter…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="106" />
            <source>Save</source>
            <translation>Ruaj</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="107" />
            <source>Cancel</source>
            <translation>Anulo</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <location filename="../../ui/unlock.py" line="62" />
            <location filename="../../ui/unlock.py" line="211" />
            <source>Open your vault</source>
            <translation>Hapni kasafortën tuaj</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="67" />
            <source>Your evidence is kept in a vault: one locked file on this computer or on a USB stick. Only your passphrase opens it. Nobody else, including us, can open it without the passphrase.</source>
            <translation>Provat tuaja ruhen në një kasafortë: një skedar i kyçur në këtë kompjuter ose në një USB. Vetëm fjalëkalimi juaj e hap. Askush tjetër, as ne, nuk mund ta hapë pa fjalëkalimin.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="82" />
            <source>Open another vault file…</source>
            <translation>Hap një skedar tjetër kasaforte…</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="84" />
            <source>For example a vault on a USB stick.</source>
            <translation>Për shembull një kasafortë në një USB.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="88" />
            <source>Make a new vault in another place…</source>
            <translation>Krijo një kasafortë të re në një vend tjetër…</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="90" />
            <source>Choose where the new vault file goes, for example a USB stick.</source>
            <translation>Zgjidhni ku do të vendoset skedari i kasafortës së re, për shembull në një USB.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="106" />
            <source>Passphrase</source>
            <translation>Fjalëkalimi</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="109" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Fjalëkalimi:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="114" />
            <source>Passphrase again</source>
            <translation>Fjalëkalimi përsëri</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="116" />
            <source>Passphrase &amp;again:</source>
            <translation>Fjalëkalimi &amp;përsëri:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="122" />
            <source>Passphrase strength</source>
            <translation>Forca e fjalëkalimit</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="123" />
            <source>Strength:</source>
            <translation>Forca:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="127" />
            <source>Tip: a few ordinary words in a row (“green lamp under the river”) are easy to remember and hard to guess. Write it down and keep it somewhere safe: if it is lost, nobody can open the vault.</source>
            <translation>Këshillë: disa fjalë të zakonshme njëra pas tjetrës (“llamba e gjelbër nën lumë”) mbahen mend lehtë dhe gjenden me vështirësi. Shkruajeni dhe ruajeni diku në vend të sigurt: nëse humbet, askush nuk mund ta hapë kasafortën.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="137" />
            <source>Who is using EvidenceKit now?</source>
            <translation>Kush po e përdor EvidenceKit tani?</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="138" />
            <source>I am the person this is about</source>
            <translation>Jam personi për të cilin bëhet fjalë</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="139" />
            <source>I am a support worker helping someone</source>
            <translation>Jam punonjës/e mbështetjeje dhe ndihmoj dikë</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="151" />
            <source>Your name (optional)</source>
            <translation>Emri juaj (nuk është i detyrueshëm)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="152" />
            <source>Optional</source>
            <translation>Nuk është e detyrueshme</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="153" />
            <source>Your &amp;name:</source>
            <translation>&amp;Emri juaj:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="160" />
            <source>The name and role are written in the vault's record of who did what, which a court may read. Both are optional.</source>
            <translation>Emri dhe roli shkruhen në regjistrin e kasafortës për atë se kush bëri çfarë, të cilin mund ta lexojë një gjykatë. Të dyja nuk janë të detyrueshme.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="171" />
            <location filename="../../ui/unlock.py" line="213" />
            <source>Open the vault</source>
            <translation>Hap kasafortën</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="182" />
            <source>Check a bundle someone gave you</source>
            <translation>Verifikoni një dosje që ju dha dikush</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="184" />
            <source>For lawyers and courts: no vault or passphrase is needed.</source>
            <translation>Për avokatët dhe gjykatat: nuk nevojitet kasafortë as fjalëkalim.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="205" />
            <source>Make your vault</source>
            <translation>Krijoni kasafortën tuaj</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="207" />
            <source>A new vault will be made here: %1</source>
            <translation>Kasaforta e re do të krijohet këtu: %1</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="209" />
            <source>Make the vault</source>
            <translation>Krijo kasafortën</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="212" />
            <source>Vault: %1</source>
            <translation>Kasaforta: %1</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="226" />
            <source>This vault is in a folder that %1 copies to the internet.</source>
            <translation>Kjo kasafortë ndodhet në një drejtori që %1 e kopjon në internet.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="230" />
            <source>Anyone who can sign in to that account, on any device, gets a copy of the locked vault file. It stays locked, but it is safer to keep the vault in a folder that is not synced, or on a USB stick.</source>
            <translation>Kushdo që mund të hyjë në atë llogari, nga çdo pajisje, merr një kopje të skedarit të kyçur të kasafortës. Ai mbetet i kyçur, por është më e sigurt ta mbani kasafortën në një drejtori që nuk sinkronizohet, ose në një USB.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="243" />
            <source>Too short (at least 8 characters)</source>
            <translation>Shumë i shkurtër (të paktën 8 shenja)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="244" />
            <source>Weak</source>
            <translation>I dobët</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="245" />
            <source>Fair</source>
            <translation>Mesatar</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="246" />
            <source>Good</source>
            <translation>I mirë</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="247" />
            <source>Strong</source>
            <translation>I fortë</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="255" />
            <source>Open a vault file</source>
            <translation>Hap një skedar kasaforte</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="255" />
            <source>EvidenceKit vaults (*.ekv);;All files (*)</source>
            <translation>Kasaforta EvidenceKit (*.ekv);;Të gjithë skedarët (*)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="264" />
            <source>Where should the new vault go?</source>
            <translation>Ku të vendoset kasaforta e re?</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="266" />
            <source>EvidenceKit vaults (*.ekv)</source>
            <translation>Kasaforta EvidenceKit (*.ekv)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="286" />
            <source>Type the passphrase first.</source>
            <translation>Shkruani fillimisht fjalëkalimin.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="291" />
            <source>The two passphrases are not the same.</source>
            <translation>Dy fjalëkalimet nuk janë njësoj.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="292" />
            <source>Type the same passphrase in both boxes. Nothing was made yet.</source>
            <translation>Shkruani të njëjtin fjalëkalim në të dyja kutitë. Ende nuk është krijuar asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="325" />
            <source>Making the vault… this takes a few seconds.</source>
            <translation>Po krijohet kasaforta… kjo zgjat disa sekonda.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="327" />
            <source>Opening the vault…</source>
            <translation>Po hapet kasaforta…</translation>
        </message>
    </context>
    <context>
        <name>VaultPage</name>
        <message>
            <location filename="../../ui/vault_page.py" line="43" />
            <source>Backup…</source>
            <translation>Kopje rezervë…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="45" />
            <source>Hand over a case…</source>
            <translation>Dorëzo një çështje…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="51" />
            <source>Second passphrase…</source>
            <translation>Fjalëkalimi i dytë…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="53" />
            <source>A passphrase that opens a separate, harmless vault if you are forced.</source>
            <translation>Një fjalëkalim që hap një kasafortë tjetër, të padëmshme, nëse ju detyrojnë.</translation>
        </message>
    </context>
    <context>
        <name>VerifyView</name>
        <message>
            <location filename="../../ui/verify_view.py" line="49" />
            <source>Back</source>
            <translation>Kthehu</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="52" />
            <source>Check a bundle</source>
            <translation>Verifiko një dosje</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="57" />
            <source>For lawyers, courts and anyone who received a bundle: this checks the file's signature, its time-stamps and every file inside it. No vault or passphrase is needed, and nothing is sent anywhere.</source>
            <translation>Për avokatët, gjykatat dhe këdo që ka marrë një dosje: kjo verifikon nënshkrimin e skedarit, vulat e tij kohore dhe çdo skedar brenda tij. Nuk nevojitet kasafortë as fjalëkalim dhe asgjë nuk dërgohet gjëkundi.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="68" />
            <source>Drop a bundle (PDF) here, or</source>
            <translation>Lëshoni këtu një dosje (PDF), ose</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="69" />
            <source>Choose a bundle…</source>
            <translation>Zgjidhni një dosje…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="79" />
            <source>Trust a certificate…</source>
            <translation>Shto një certifikatë të besuar…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="82" />
            <source>The signer's certificate (the sender can give it to you), or a time-stamp authority's root certificate</source>
            <translation>Certifikata e nënshkruesit (jua jep dërguesi), ose certifikata rrënjë e një autoriteti të vulave kohore</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="87" />
            <source>Forget them</source>
            <translation>Harroji</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="96" />
            <source>Key fingerprint the sender read to you:</source>
            <translation>Gjurma e çelësit që ju lexoi dërguesi:</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="100" />
            <source>64 characters, 0-9 and A-F; spaces and colons are fine</source>
            <translation>64 shenja, 0-9 dhe A-F; hapësirat dhe dy pikat nuk prishin punë</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="102" />
            <source>Key fingerprint the sender read to you</source>
            <translation>Gjurma e çelësit që ju lexoi dërguesi</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="208" />
            <source>That is not a key fingerprint.</source>
            <translation>Kjo nuk është gjurmë çelësi.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="210" />
            <source>A key fingerprint has 64 characters, the digits 0-9 and the letters A-F; spaces and colons between them are fine. Check what you typed with the person who read it to you.</source>
            <translation>Gjurma e një çelësi ka 64 shenja: shifrat 0-9 dhe shkronjat A-F; hapësirat dhe dy pikat ndërmjet tyre nuk prishin punë. Kontrollojeni atë që shkruat me personin që jua lexoi.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="286" />
            <source>Type or paste the fingerprint they read to you in the field above, then check again.</source>
            <translation>Shkruajeni ose ngjiteni gjurmën që ju lexuan në fushën më sipër, pastaj kontrollojeni përsëri.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="117" />
            <source>Verdict</source>
            <translation>Përfundimi</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="123" />
            <location filename="../../ui/verify_view.py" line="131" />
            <source>What was checked</source>
            <translation>Çfarë u verifikua</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Result</source>
            <translation>Rezultati</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Check</source>
            <translation>Verifikimi</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Technical details</source>
            <translation>Hollësi teknike</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="133" />
            <location filename="../../ui/verify_view.py" line="138" />
            <source>Items and their time-stamps</source>
            <translation>Provat dhe vulat e tyre kohore</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>Item</source>
            <translation>Prova</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>Time-stamp</source>
            <translation>Vula kohore</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>From</source>
            <translation>Nga</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="147" />
            <source>Choose a bundle</source>
            <translation>Zgjidhni një dosje</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="147" />
            <source>PDF bundle (*.pdf)</source>
            <translation>Dosje PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="154" />
            <source>Choose certificates to trust</source>
            <translation>Zgjidhni certifikatat që u besoni</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="155" />
            <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
            <translation>Certifikata (*.pem *.crt *.cer *.der);;Të gjithë skedarët (*)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/verify_view.py" line="172" />
            <source>Certificates you trust for this check: %n</source>
            <translation>
                <numerusform>Certifikata që u besoni për këtë verifikim: %n</numerusform>
                <numerusform>Certifikata që u besoni për këtë verifikim: %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="175" />
            <source>Without certificates of your own, the signature and time-stamps are checked against well-known time-stamp authorities only.</source>
            <translation>Pa certifikata tuajat, nënshkrimi dhe vulat kohore verifikohen vetëm ndaj autoriteteve të njohura të vulave kohore.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="217" />
            <source>Checking %1…</source>
            <translation>Po verifikohet %1…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="253" />
            <source>✓ Valid</source>
            <translation>✓ E vlefshme</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="255" />
            <source>The bundle is exactly as it was signed by the key you confirmed, its time-stamps are genuine, and every file inside matches its recorded fingerprint. This cannot prove that the page told the truth, who wrote the post, or that nothing was left out.</source>
            <translation>Dosja është saktësisht siç u nënshkrua me çelësin që ju konfirmuat, vulat e saj kohore janë të vërteta dhe çdo skedar brenda saj përputhet me gjurmën e regjistruar. Kjo nuk provon që faqja thoshte të vërtetën, kush e shkroi postimin, apo që nuk mungon asgjë.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="262" />
            <source>✗ Not valid</source>
            <translation>✗ E pavlefshme</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="264" />
            <source>Something in the bundle does not match what was signed. Do not rely on it; the checks below say what.</source>
            <translation>Diçka në dosje nuk përputhet me atë që u nënshkrua. Mos u mbështetni tek ajo; verifikimet më poshtë tregojnë çfarë.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="269" />
            <source>? Cannot tell</source>
            <translation>? Nuk mund të thuhet</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="271" />
            <source>Nothing was found to be altered, but something could not be checked. The checks below say what. If a time-stamp or the signer is not trusted, the sender can give you the certificate to add with “Trust a certificate…”.</source>
            <translation>Nuk u gjet asgjë e ndryshuar, por diçka nuk u verifikua dot. Verifikimet më poshtë tregojnë çfarë. Nëse një vulë kohore ose nënshkruesi nuk njihet si i besueshëm, dërguesi mund t’ju japë certifikatën, që ta shtoni me “Shto një certifikatë të besuar…”.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="295" />
            <source>File</source>
            <translation>Skedari</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="297" />
            <source>Fingerprint of the file (SHA-256)</source>
            <translation>Gjurma e skedarit (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="301" />
            <source>Signed by (key fingerprint)</source>
            <translation>Nënshkruar nga (gjurma e çelësit)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="304" />
            <source>Bundle id</source>
            <translation>Kodi i dosjes</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="306" />
            <source>Signed at</source>
            <translation>Nënshkruar më</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>✓ Yes</source>
            <translation>✓ Po</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>✗ No</source>
            <translation>✗ Jo</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>? Unknown</source>
            <translation>? E panjohur</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="320" />
            <source>None</source>
            <translation>Asnjë</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="324" />
            <source>%1 (not independently trusted)</source>
            <translation>%1 (jo i besuar në mënyrë të pavarur)</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <location filename="../../ui/widgets.py" line="83" />
            <source>Close this message</source>
            <translation>Mbyll këtë mesazh</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="84" />
            <source>OK</source>
            <translation>Në rregull</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="92" />
            <location filename="../../ui/widgets.py" line="143" />
            <source>Show details</source>
            <translation>Shfaq hollësitë</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="98" />
            <source>Details for someone helping you</source>
            <translation>Hollësi për dikë që ju ndihmon</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="143" />
            <source>Hide details</source>
            <translation>Fshih hollësitë</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="159" />
            <source>Copy</source>
            <translation>Kopjo</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="162" />
            <source>Copy %1</source>
            <translation>Kopjo %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="164" />
            <source>Copies %1. It is cleared from the clipboard after a short time.</source>
            <translation>Kopjon %1. Fshihet nga kujtesa e kopjimit pas pak kohe.</translation>
        </message>
    </context>
</TS>

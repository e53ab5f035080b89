<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Ask</name>
        <message>
            <location filename="../../ui/dialogs.py" line="90" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="111" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="130" />
            <source>Look in:</source>
            <translation>Look in:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="131" />
            <source>File name:</source>
            <translation>File name:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="132" />
            <source>Files of type:</source>
            <translation>Files of type:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="133" />
            <location filename="../../ui/dialogs.py" line="187" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="186" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../ui/backup_dialog.py" line="53" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="87" />
            <location filename="../../ui/backup_dialog.py" line="88" />
            <source>Backup</source>
            <translation>Backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="90" />
            <source>A second, encrypted copy of this vault</source>
            <translation>A second, encrypted copy of this vault</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="94" />
            <source>Keep it somewhere else: a USB stick in a safe place, or with someone you trust. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase.</source>
            <translation>Keep it somewhere else: a USB stick in a safe place, or with someone you trust. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="101" />
            <source>Make a backup</source>
            <translation>Make a backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="106" />
            <source>Where the backup goes</source>
            <translation>Where the backup goes</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="108" />
            <source>&amp;Where:</source>
            <translation>&amp;Where:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="109" />
            <source>Passphrase of the backup</source>
            <translation>Passphrase of the backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="110" />
            <source>&amp;Passphrase of the backup:</source>
            <translation>&amp;Passphrase of the backup:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="111" />
            <source>The same passphrase again</source>
            <translation>The same passphrase again</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="112" />
            <source>The same &amp;again:</source>
            <translation>The same &amp;again:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="116" />
            <source>You may type this vault's own passphrase, or give the copy another one. Write it down somewhere safe: without it the copy cannot be opened.</source>
            <translation>You may type this vault's own passphrase, or give the copy another one. Write it down somewhere safe: without it the copy cannot be opened.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="122" />
            <source>Make the backup</source>
            <translation>Make the backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="128" />
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="130" />
            <source>The backup to restore</source>
            <translation>The backup to restore</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="131" />
            <source>&amp;Backup:</source>
            <translation>&amp;Backup:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="132" />
            <source>Passphrase of that backup</source>
            <translation>Passphrase of that backup</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="133" />
            <source>Its pass&amp;phrase:</source>
            <translation>Its pass&amp;phrase:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="135" />
            <source>Where the restored vault goes</source>
            <translation>Where the restored vault goes</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="137" />
            <source>Restore &amp;to:</source>
            <translation>Restore &amp;to:</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="140" />
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="147" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="153" />
            <source>Where should the backup go?</source>
            <translation>Where should the backup go?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="157" />
            <source>Which backup should be restored?</source>
            <translation>Which backup should be restored?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="161" />
            <source>Where should the restored vault go?</source>
            <translation>Where should the restored vault go?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="169" />
            <source>Choose where the backup should go.</source>
            <translation>Choose where the backup should go.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="172" />
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="186" />
            <source>Choose the backup and where to restore it.</source>
            <translation>Choose the backup and where to restore it.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="207" />
            <source>Replace that vault?</source>
            <translation>Replace that vault?</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="209" />
            <source>A vault is already there. Restoring replaces it and everything in it that is not in the backup.</source>
            <translation>A vault is already there. Restoring replaces it and everything in it that is not in the backup.</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="212" />
            <source>Replace it</source>
            <translation>Replace it</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="213" />
            <source>Keep it</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="220" />
            <source>Working… the copy is written, then checked.</source>
            <translation>Working… the copy is written, then checked.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/backup_dialog.py" line="233" />
            <source>Done: %n item(s) copied to %1 and checked against the original.</source>
            <translation>
                <numerusform>Done: %n item copied to %1 and checked against the original.</numerusform>
                <numerusform>Done: %n items copied to %1 and checked against the original.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/backup_dialog.py" line="235" />
            <source>Keep the copy somewhere else than this computer.</source>
            <translation>Keep the copy somewhere else than this computer.</translation>
        </message>
    </context>
    <context>
        <name>BrowserInstallDialog</name>
        <message>
            <location filename="../../ui/browser_dialog.py" line="52" />
            <source>Install a browser</source>
            <translation>Install a browser</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="55" />
            <source>No web browser was found</source>
            <translation>No web browser was found</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="59" />
            <source>To capture web pages, EvidenceKit needs Google Chrome, Microsoft Edge or Chromium, and none was found on this computer.</source>
            <translation>To capture web pages, EvidenceKit needs Google Chrome, Microsoft Edge or Chromium, and none was found on this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="68" />
            <source>EvidenceKit can download Chromium for you now: about 170 MB, it needs the internet and takes a few minutes. It is kept for EvidenceKit only and changes nothing else on the computer.</source>
            <translation>EvidenceKit can download Chromium for you now: about 170 MB, it needs the internet and takes a few minutes. It is kept for EvidenceKit only and changes nothing else on the computer.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="78" />
            <source>Or install one of those browsers yourself, then capture again. Adding saved files with “Add files…” works without a browser.</source>
            <translation>Or install one of those browsers yourself, then capture again. Adding saved files with “Add files…” works without a browser.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="86" />
            <source>Download progress</source>
            <translation>Download progress</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="97" />
            <source>Download and install</source>
            <translation>Download and install</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="100" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="118" />
            <source>Starting the download…</source>
            <translation>Starting the download…</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="146" />
            <source>Downloaded: %1</source>
            <translation>Downloaded: %1</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="149" />
            <source>Downloading %1…</source>
            <translation>Downloading %1…</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="154" />
            <source>The browser is installed. You can capture pages now.</source>
            <translation>The browser is installed. You can capture pages now.</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="156" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/browser_dialog.py" line="163" />
            <source>Stopped, as you asked. Nothing was left half-installed.</source>
            <translation>Stopped, as you asked. Nothing was left half-installed.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <location filename="../../ui/capture_panel.py" line="296" />
            <source>This is an &amp;account: capture its profile and latest posts</source>
            <translation>This is an &amp;account: capture its profile and latest posts</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="299" />
            <source>This is an account: capture its profile and latest posts</source>
            <translation>This is an account: capture its profile and latest posts</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="303" />
            <source>Each post becomes an item of its own, linked to the account's, so the account stays on record by its number even if it is renamed or deleted.</source>
            <translation>Each post becomes an item of its own, linked to the account's, so the account stays on record by its number even if it is renamed or deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="311" />
            <source>How many of its latest posts</source>
            <translation>How many of its latest posts</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="313" />
            <source>&amp;Posts:</source>
            <translation>&amp;Posts:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="472" />
            <source>Paste the address of one account only.</source>
            <translation>Paste the address of one account only.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="473" />
            <source>Its posts are found on its page; they need not be pasted.</source>
            <translation>Its posts are found on its page; they need not be pasted.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="599" />
            <source>The browser is installed. Press Capture to try again.</source>
            <translation>The browser is installed. Press Capture to try again.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="608" />
            <source>account number %1</source>
            <translation>account number %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="611" />
            <source>Account captured: %1</source>
            <translation>Account captured: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="612" />
            <source>its name and number were not found on its page</source>
            <translation>its name and number were not found on its page</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="615" />
            <source>%2 of the %1 latest posts found on its page were captured, each an item linked to the account's.</source>
            <translation>%2 of the %1 latest posts found on its page were captured, each an item linked to the account's.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="263" />
            <source>Log in to a site…</source>
            <translation>Log in to a site…</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="265" />
            <source>For posts only logged-in people can see: the login stays in the vault</source>
            <translation>For posts only logged-in people can see: the login stays in the vault</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="143" />
            <source>Back to the list</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="146" />
            <source>Capture web pages</source>
            <translation>Capture web pages</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="151" />
            <source>Paste one or more links, one on each line. Each page is opened once in a hidden browser, saved with everything it showed, sealed, and time-stamped. You do not have to look at the pages.</source>
            <translation>Paste one or more links, one on each line. Each page is opened once in a hidden browser, saved with everything it showed, sealed, and time-stamped. You do not have to look at the pages.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="162" />
            <source>Links to capture, one per line</source>
            <translation>Links to capture, one per line</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="166" />
            <source>&amp;Links:</source>
            <translation>&amp;Links:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="171" />
            <source>Note (optional)</source>
            <translation>Note (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="172" />
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="173" />
            <source>&amp;Note:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="178" />
            <location filename="../../ui/capture_panel.py" line="181" />
            <source>Case (optional)</source>
            <translation>Case (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="182" />
            <source>&amp;Case:</source>
            <translation>&amp;Case:</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="188" />
            <source>Someone in these pictures may be &amp;under 18</source>
            <translation>Someone in these pictures may be &amp;under 18</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="189" />
            <source>Someone in these pictures may be under 18</source>
            <translation>Someone in these pictures may be under 18</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="192" />
            <source>Then no picture or video is kept, only its hashes, size and place: the screenshots show plain boxes where the pictures were. A case can have this on for all its captures (in the list of cases).</source>
            <translation>Then no picture or video is kept, only its hashes, size and place: the screenshots show plain boxes where the pictures were. A case can have this on for all its captures (in the list of cases).</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="204" />
            <source>This case keeps pictures as their hashes only, so this is always on here.</source>
            <translation>This case keeps pictures as their hashes only, so this is always on here.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="216" />
            <source>&amp;Keep the share codes in the links</source>
            <translation>&amp;Keep the share codes in the links</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="217" />
            <source>Keep the share codes in the links</source>
            <translation>Keep the share codes in the links</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="220" />
            <source>Share codes can identify who shared the link (perhaps you). Keep them only if the page does not show the post without them.</source>
            <translation>Share codes can identify who shared the link (perhaps you). Keep them only if the page does not show the post without them.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="232" />
            <location filename="../../ui/capture_panel.py" line="541" />
            <source>Consent</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="236" />
            <source>You are capturing for someone else. Write in a few words what the person agreed to, for example: “Ana agreed that I capture these posts for her case.” This is asked once and kept with each capture in the record.</source>
            <translation>You are capturing for someone else. Write in a few words what the person agreed to, for example: “Ana agreed that I capture these posts for her case.” This is asked once and kept with each capture in the record.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="244" />
            <source>Consent note</source>
            <translation>Consent note</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="253" />
            <source>Capture</source>
            <translation>Capture</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="256" />
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="256" />
            <source>Stop; what is saved stays</source>
            <translation>Stop; what is saved stays</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="273" />
            <source>Install a browser…</source>
            <translation>Install a browser…</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="372" />
            <source>Consent noted for this session: “%1”</source>
            <translation>Consent noted for this session: “%1”</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="397" />
            <source>A link has a user name and password in it: they will be removed before the page is opened, and never saved.</source>
            <translation>A link has a user name and password in it: they will be removed before the page is opened, and never saved.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="404" />
            <source>These share codes can identify who shared the link and will be removed: %1</source>
            <translation>These share codes can identify who shared the link and will be removed: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="409" />
            <source>These share codes will be kept, as you chose: %1</source>
            <translation>These share codes will be kept, as you chose: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="422" />
            <source>the user name and password</source>
            <translation>the user name and password</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="425" />
            <source>the share codes %1</source>
            <translation>the share codes %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="429" />
            <source>Removed from the link you pasted: %1</source>
            <translation>Removed from the link you pasted: %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="438" />
            <source>Please write the consent note first.</source>
            <translation>Please write the consent note first.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="439" />
            <source>It records that the person agreed to this capture.</source>
            <translation>It records that the person agreed to this capture.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="467" />
            <source>Paste at least one link first.</source>
            <translation>Paste at least one link first.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="536" />
            <source>Please wait until the current work is finished.</source>
            <translation>Please wait until the current work is finished.</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="543" />
            <source>You are adding evidence for someone else. Write in a few words what the person agreed to:</source>
            <translation>You are adding evidence for someone else. Write in a few words what the person agreed to:</translation>
        </message>
    </context>
    <context>
        <name>CasesPanel</name>
        <message>
            <location filename="../../ui/cases_panel.py" line="38" />
            <location filename="../../ui/cases_panel.py" line="40" />
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="42" />
            <source>Choose a case to see its evidence, or all evidence.</source>
            <translation>Choose a case to see its evidence, or all evidence.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="47" />
            <source>New case…</source>
            <translation>New case…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="49" />
            <source>Rename…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="57" />
            <location filename="../../ui/cases_panel.py" line="60" />
            <source>Someone in this case's pictures may be under 18</source>
            <translation>Someone in this case's pictures may be under 18</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="64" />
            <source>Then every capture and import into this case keeps no picture or video, only its hashes, size and place. What is already in the case stays as it is.</source>
            <translation>Then every capture and import into this case keeps no picture or video, only its hashes, size and place. What is already in the case stays as it is.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="73" />
            <source>Picture hashes…</source>
            <translation>Picture hashes…</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="75" />
            <source>Save the SHA-256, MD5 and PDQ hash of every picture of this case</source>
            <translation>Save the SHA-256, MD5 and PDQ hash of every picture of this case</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="104" />
            <source>All evidence</source>
            <translation>All evidence</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cases_panel.py" line="109" />
            <source>%1 (%n item(s))</source>
            <translation>
                <numerusform>%1 (%n item)</numerusform>
                <numerusform>%1 (%n items)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="151" />
            <source>Keep pictures again?</source>
            <translation>Keep pictures again?</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="153" />
            <source>New captures and imports into this case will keep pictures and videos again. Do this only if you are sure nobody in them is under 18.</source>
            <translation>New captures and imports into this case will keep pictures and videos again. Do this only if you are sure nobody in them is under 18.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="156" />
            <source>Keep pictures again</source>
            <translation>Keep pictures again</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="157" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="171" />
            <source>From now on, captures and imports into this case keep only the pictures' hashes, never the pictures.</source>
            <translation>From now on, captures and imports into this case keep only the pictures' hashes, never the pictures.</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="187" />
            <source>New case</source>
            <translation>New case</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="188" />
            <source>A name for the case (for example the site, or the person's name):</source>
            <translation>A name for the case (for example the site, or the person's name):</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="200" />
            <source>Rename case</source>
            <translation>Rename case</translation>
        </message>
        <message>
            <location filename="../../ui/cases_panel.py" line="200" />
            <source>New name for the case:</source>
            <translation>New name for the case:</translation>
        </message>
    </context>
    <context>
        <name>Completeness</name>
        <message>
            <location filename="../../ui/thumb_list.py" line="113" />
            <source>the author's handle</source>
            <translation>the author's handle</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="114" />
            <source>the account id</source>
            <translation>the account id</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="115" />
            <source>the post id</source>
            <translation>the post id</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="116" />
            <source>when it was posted</source>
            <translation>when it was posted</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="117" />
            <source>the text or media</source>
            <translation>the text or media</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="118" />
            <source>seen without a login wall</source>
            <translation>seen without a login wall</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="119" />
            <source>not removed</source>
            <translation>not removed</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="128" />
            <source>Facts found: %1 of %2</source>
            <translation>Facts found: %1 of %2</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="137" />
            <source>Every fact a court needs was found.</source>
            <translation>Every fact a court needs was found.</translation>
        </message>
        <message>
            <location filename="../../ui/thumb_list.py" line="138" />
            <source>Missing: %1</source>
            <translation>Missing: %1</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <location filename="../../ui/export_wizard.py" line="59" />
            <location filename="../../ui/export_wizard.py" line="276" />
            <source>Back to the list</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="62" />
            <source>Export for a lawyer</source>
            <translation>Export for a lawyer</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="72" />
            <source>Previous step</source>
            <translation>Previous step</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="74" />
            <location filename="../../ui/export_wizard.py" line="278" />
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="96" />
            <source>Which items go into the bundle?</source>
            <translation>Which items go into the bundle?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="98" />
            <source>Items to export</source>
            <translation>Items to export</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="102" />
            <source>Choose all</source>
            <translation>Choose all</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="104" />
            <source>Choose none</source>
            <translation>Choose none</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="116" />
            <source>How should pictures appear in the report?</source>
            <translation>How should pictures appear in the report?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="118" />
            <source>Blurred (recommended)</source>
            <translation>Blurred (recommended)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="119" />
            <location filename="../../ui/export_wizard.py" line="329" />
            <source>Not blurred</source>
            <translation>Not blurred</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="129" />
            <source>Blurred pictures protect you when the report is printed or shown in court. The lawyer can still open the original files, if you include them.</source>
            <translation>Blurred pictures protect you when the report is printed or shown in court. The lawyer can still open the original files, if you include them.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="136" />
            <source>Include the original files?</source>
            <translation>Include the original files?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="138" />
            <source>Include the original files (screenshots, page copies, videos)</source>
            <translation>Include the original files (screenshots, page copies, videos)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="146" />
            <source>Without them the bundle is smaller and still proves what was captured (each file's fingerprint is listed), but nobody can open the originals from it.</source>
            <translation>Without them the bundle is smaller and still proves what was captured (each file's fingerprint is listed), but nobody can open the originals from it.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="158" />
            <source>Where should the bundle be saved?</source>
            <translation>Where should the bundle be saved?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="162" />
            <source>A USB stick is a good place: you can give it to the lawyer. The file is written completely or not at all.</source>
            <translation>A USB stick is a good place: you can give it to the lawyer. The file is written completely or not at all.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="170" />
            <source>Where to save the bundle</source>
            <translation>Where to save the bundle</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="173" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="185" />
            <source>Ready to export</source>
            <translation>Ready to export</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="190" />
            <source>Export progress</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="201" />
            <source>The bundle is ready</source>
            <translation>The bundle is ready</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="207" />
            <source>Give the fingerprint to the lawyer separately, for example read it out on the phone or send it in another message. It lets them check that the file they received is exactly the one you made.</source>
            <translation>Give the fingerprint to the lawyer separately, for example read it out on the phone or send it in another message. It lets them check that the file they received is exactly the one you made.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="214" />
            <source>Check this bundle now</source>
            <translation>Check this bundle now</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="259" />
            <source>Step %1 of %2</source>
            <translation>Step %1 of %2</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="262" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="274" />
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="274" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="307" />
            <source>Note: this folder is copied to the internet by %1.</source>
            <translation>Note: this folder is copied to the internet by %1.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="316" />
            <source>Save the bundle</source>
            <translation>Save the bundle</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="316" />
            <source>PDF bundle (*.pdf)</source>
            <translation>PDF bundle (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="326" />
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export_wizard.py" line="326" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="328" />
            <source>Pictures in the report</source>
            <translation>Pictures in the report</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="329" />
            <source>Blurred</source>
            <translation>Blurred</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="332" />
            <source>Original files</source>
            <translation>Original files</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="333" />
            <source>Included</source>
            <translation>Included</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="333" />
            <source>Not included</source>
            <translation>Not included</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="335" />
            <source>Saved as</source>
            <translation>Saved as</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="339" />
            <source>Please note</source>
            <translation>Please note</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="340" />
            <source>Pictures you chose never to see stay blurred in the report.</source>
            <translation>Pictures you chose never to see stay blurred in the report.</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="349" />
            <source>Replace the file?</source>
            <translation>Replace the file?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="350" />
            <source>A file with this name is already there. Replace it with the new bundle?</source>
            <translation>A file with this name is already there. Replace it with the new bundle?</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="351" />
            <source>Replace</source>
            <translation>Replace</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="352" />
            <source>Keep it</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="357" />
            <source>Making the bundle…</source>
            <translation>Making the bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="382" />
            <source>Saved at</source>
            <translation>Saved at</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="384" />
            <source>Fingerprint (SHA-256)</source>
            <translation>Fingerprint (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="387" />
            <source>Bundle id</source>
            <translation>Bundle id</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="390" />
            <source>Time-stamp</source>
            <translation>Time-stamp</translation>
        </message>
        <message>
            <location filename="../../ui/export_wizard.py" line="392" />
            <source>No time-stamp server answered, so the bundle's signature has no trusted time. Export again when this computer is online.</source>
            <translation>No time-stamp server answered, so the bundle's signature has no trusted time. Export again when this computer is online.</translation>
        </message>
    </context>
    <context>
        <name>ForgetDialog</name>
        <message>
            <location filename="../../ui/forget_dialog.py" line="20" />
            <location filename="../../ui/forget_dialog.py" line="21" />
            <location filename="../../ui/forget_dialog.py" line="59" />
            <source>Forget this computer</source>
            <translation>Forget this computer</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="25" />
            <source>Remove EvidenceKit's vaults and settings from here</source>
            <translation>Remove EvidenceKit's vaults and settings from here</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="30" />
            <source>This removes, for good, every vault EvidenceKit keeps in its own folders on this computer (with all the evidence in them), its settings, and the “Notes” launcher. Each file is overwritten before it is deleted. It cannot be undone.</source>
            <translation>This removes, for good, every vault EvidenceKit keeps in its own folders on this computer (with all the evidence in them), its settings, and the “Notes” launcher. Each file is overwritten before it is deleted. It cannot be undone.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="38" />
            <source>(nothing is there now)</source>
            <translation>(nothing is there now)</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="43" />
            <source>NOT touched: vaults anywhere else (a USB stick, a folder you chose), bundles you exported, and backups. Make sure the evidence you need is in one of those first. An SSD or USB stick may keep old, encrypted pieces of deleted files in its spare space.</source>
            <translation>NOT touched: vaults anywhere else (a USB stick, a folder you chose), bundles you exported, and backups. Make sure the evidence you need is in one of those first. An SSD or USB stick may keep old, encrypted pieces of deleted files in its spare space.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="51" />
            <source>FORGET</source>
            <translation>FORGET</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="53" />
            <source>Type the word to confirm</source>
            <translation>Type the word to confirm</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="56" />
            <source>To go on, type %1 below.</source>
            <translation>To go on, type %1 below.</translation>
        </message>
        <message>
            <location filename="../../ui/forget_dialog.py" line="63" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <location filename="../../ui/format.py" line="76" />
            <source>The page was shown normally (%1)</source>
            <translation>The page was shown normally (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="78" />
            <source>The site said the page is removed or not found (%1) — kept as evidence</source>
            <translation>The site said the page is removed or not found (%1) — kept as evidence</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="82" />
            <source>The site answered with an error (%1)</source>
            <translation>The site answered with an error (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="92" />
            <source>Consent: %1</source>
            <translation>Consent: %1</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="95" />
            <source>no tags</source>
            <translation>no tags</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="98" />
            <source>from %1</source>
            <translation>from %1</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="107" />
            <source>Vault made</source>
            <translation>Vault made</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="108" />
            <source>Captured from the web</source>
            <translation>Captured from the web</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="109" />
            <source>Added from a file</source>
            <translation>Added from a file</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="110" />
            <source>Time-stamped</source>
            <translation>Time-stamped</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="111" />
            <source>Time-stamp waiting (offline)</source>
            <translation>Time-stamp waiting (offline)</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="112" />
            <source>A time-stamp answer was refused</source>
            <translation>A time-stamp answer was refused</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="113" />
            <source>Note added</source>
            <translation>Note added</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="114" />
            <source>Tags changed</source>
            <translation>Tags changed</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="115" />
            <source>Picture shown</source>
            <translation>Picture shown</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="116" />
            <source>Set to never show</source>
            <translation>Set to never show</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="117" />
            <source>Allowed to show again</source>
            <translation>Allowed to show again</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="118" />
            <source>File copied out</source>
            <translation>File copied out</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="119" />
            <source>Exported in a bundle</source>
            <translation>Exported in a bundle</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="120" />
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="121" />
            <source>Case made</source>
            <translation>Case made</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="122" />
            <source>Case renamed</source>
            <translation>Case renamed</translation>
        </message>
        <message>
            <location filename="../../ui/format.py" line="123" />
            <source>Record time-stamped</source>
            <translation>Record time-stamped</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <location filename="../../ui/handover_dialog.py" line="33" />
            <location filename="../../ui/handover_dialog.py" line="34" />
            <source>Hand over a case</source>
            <translation>Hand over a case</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="36" />
            <source>Give a case to the person it belongs to</source>
            <translation>Give a case to the person it belongs to</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="40" />
            <source>The case is copied into a new vault of her own (for example on her USB stick), opened with her passphrase. Every item is checked there: the same files, seals and trusted times. Only then is the case removed from this vault. If anything fails on the way, nothing is removed here.</source>
            <translation>The case is copied into a new vault of her own (for example on her USB stick), opened with her passphrase. Every item is checked there: the same files, seals and trusted times. Only then is the case removed from this vault. If anything fails on the way, nothing is removed here.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="53" />
            <source>The case to hand over</source>
            <translation>The case to hand over</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="54" />
            <source>&amp;Case:</source>
            <translation>&amp;Case:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="56" />
            <source>Where her new vault goes</source>
            <translation>Where her new vault goes</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="58" />
            <source>Her &amp;vault:</source>
            <translation>Her &amp;vault:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="59" />
            <source>Her passphrase</source>
            <translation>Her passphrase</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="60" />
            <source>Her &amp;passphrase:</source>
            <translation>Her &amp;passphrase:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="61" />
            <source>Her passphrase again</source>
            <translation>Her passphrase again</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="62" />
            <source>The same &amp;again:</source>
            <translation>The same &amp;again:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="67" />
            <source>Let her type her passphrase herself. Removed evidence is overwritten inside this vault; an SSD or USB stick may still keep old, encrypted copies of it in its own spare space, and earlier backups keep it too.</source>
            <translation>Let her type her passphrase herself. Removed evidence is overwritten inside this vault; an SSD or USB stick may still keep old, encrypted copies of it in its own spare space, and earlier backups keep it too.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="74" />
            <location filename="../../ui/handover_dialog.py" line="103" />
            <source>Hand over</source>
            <translation>Hand over</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="81" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="85" />
            <source>Where should her vault go?</source>
            <translation>Where should her vault go?</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="91" />
            <source>Choose the case and where her vault should go.</source>
            <translation>Choose the case and where her vault should go.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="94" />
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="98" />
            <source>Hand over this case?</source>
            <translation>Hand over this case?</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="100" />
            <source>“%1” will be in her vault only: it is removed from this one once her copy has been checked.</source>
            <translation>“%1” will be in her vault only: it is removed from this one once her copy has been checked.</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="104" />
            <source>Not now</source>
            <translation>Not now</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="116" />
            <source>Working… her vault is made, then checked item by item.</source>
            <translation>Working… her vault is made, then checked item by item.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/handover_dialog.py" line="127" />
            <source>Done: “%1” (%n item(s)) is in her vault, checked, and no longer in this one.</source>
            <translation>
                <numerusform>Done: “%1” (%n item) is in her vault, checked, and no longer in this one.</numerusform>
                <numerusform>Done: “%1” (%n items) is in her vault, checked, and no longer in this one.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="132" />
            <source>Her vault signs her future bundles with its own key. Give her lawyer this fingerprint, or let her read it to them:</source>
            <translation>Her vault signs her future bundles with its own key. Give her lawyer this fingerprint, or let her read it to them:</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="137" />
            <source>Her vault</source>
            <translation>Her vault</translation>
        </message>
        <message>
            <location filename="../../ui/handover_dialog.py" line="138" />
            <source>Her key (SHA-256)</source>
            <translation>Her key (SHA-256)</translation>
        </message>
    </context>
    <context>
        <name>HashListExport</name>
        <message>
            <location filename="../../ui/hash_list_export.py" line="30" />
            <source>Save the picture hashes of this case</source>
            <translation>Save the picture hashes of this case</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/hash_list_export.py" line="48" />
            <source>Saved the hashes of %n picture(s) to %1.</source>
            <translation>
                <numerusform>Saved the hashes of %n picture to %1.</numerusform>
                <numerusform>Saved the hashes of %n pictures to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpPage</name>
        <message>
            <location filename="../../ui/help_page.py" line="21" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="24" />
            <location filename="../../ui/help_page.py" line="28" />
            <source>Help and support</source>
            <translation>Help and support</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="36" />
            <source>Are you safe right now?</source>
            <translation>Are you safe right now?</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="38" />
            <source>If you are in danger now, call the police: 129.</source>
            <translation>If you are in danger now, call the police: 129.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="39" />
            <source>What happened is not your fault. You decide what to do and when.</source>
            <translation>What happened is not your fault. You decide what to do and when.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="43" />
            <source>Support in Albania</source>
            <translation>Support in Albania</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="46" />
            <source>&lt;b&gt;116 117&lt;/b&gt; — the national helpline for women and girls who face violence. Free and confidential.</source>
            <translation>&lt;b&gt;116 117&lt;/b&gt; — the national helpline for women and girls who face violence. Free and confidential.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="50" />
            <source>&lt;b&gt;ALO 116 111&lt;/b&gt; — the helpline for children and young people. Free and confidential.</source>
            <translation>&lt;b&gt;ALO 116 111&lt;/b&gt; — the helpline for children and young people. Free and confidential.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="54" />
            <source>A support worker can sit with you while you collect evidence, or do it for you, with your consent.</source>
            <translation>A support worker can sit with you while you collect evidence, or do it for you, with your consent.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="60" />
            <source>If someone may be watching this computer</source>
            <translation>If someone may be watching this computer</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="63" />
            <source>Monitoring apps and screen recorders can see what you do here. EvidenceKit cannot find them or stop them.</source>
            <translation>Monitoring apps and screen recorders can see what you do here. EvidenceKit cannot find them or stop them.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="67" />
            <source>If you think someone watches your computer or phone, use a device they never had access to, and talk to a support worker before removing anything: removing a monitoring app can warn the person who installed it.</source>
            <translation>If you think someone watches your computer or phone, use a device they never had access to, and talk to a support worker before removing anything: removing a monitoring app can warn the person who installed it.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="73" />
            <source>&lt;b&gt;Quick exit&lt;/b&gt; (or pressing Esc twice) hides EvidenceKit at once, locks the vault and clears anything it copied.</source>
            <translation>&lt;b&gt;Quick exit&lt;/b&gt; (or pressing Esc twice) hides EvidenceKit at once, locks the vault and clears anything it copied.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="77" />
            <source>Keep the vault on a USB stick, or in a folder that is not synced to the internet.</source>
            <translation>Keep the vault on a USB stick, or in a folder that is not synced to the internet.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="81" />
            <source>In Settings you can add a launcher called &lt;b&gt;Notes&lt;/b&gt;, with a notepad icon, that opens EvidenceKit with the neutral title. It hides the name from a quick look at the applications menu and the taskbar. It does not hide the program itself: EvidenceKit is still installed under its own name, and anyone who looks through the installed programs or files can find it.</source>
            <translation>In Settings you can add a launcher called &lt;b&gt;Notes&lt;/b&gt;, with a notepad icon, that opens EvidenceKit with the neutral title. It hides the name from a quick look at the applications menu and the taskbar. It does not hide the program itself: EvidenceKit is still installed under its own name, and anyone who looks through the installed programs or files can find it.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="91" />
            <source>If someone makes you open EvidenceKit</source>
            <translation>If someone makes you open EvidenceKit</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="94" />
            <source>&lt;b&gt;Second passphrase…&lt;/b&gt; (beside &lt;b&gt;Backup…&lt;/b&gt; in an open vault) sets a second passphrase. It opens a separate vault that you fill yourself with a few harmless notes or pictures. If someone stands next to you and demands that you open the app, you can type that one instead: the same screens and the same wait as with your own passphrase, and nothing in that vault points to your real one.</source>
            <translation>&lt;b&gt;Second passphrase…&lt;/b&gt; (beside &lt;b&gt;Backup…&lt;/b&gt; in an open vault) sets a second passphrase. It opens a separate vault that you fill yourself with a few harmless notes or pictures. If someone stands next to you and demands that you open the app, you can type that one instead: the same screens and the same wait as with your own passphrase, and nothing in that vault points to your real one.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="102" />
            <source>Your vault is then kept in a folder among other files that look the same, with names that mean nothing. Someone looking through your files cannot tell which file is which, or whether there is a second vault at all. Nothing is ever deleted: neither passphrase removes or changes any evidence.</source>
            <translation>Your vault is then kept in a folder among other files that look the same, with names that mean nothing. Someone looking through your files cannot tell which file is which, or whether there is a second vault at all. Nothing is ever deleted: neither passphrase removes or changes any evidence.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="109" />
            <source>What it does not protect against: someone who knows EvidenceKit knows that a second passphrase is possible, and no app can prove there is none. A forensic examination of the computer can count the files and see their sizes, and that one of them grows as you add evidence; it cannot tell which file holds what without a passphrase. The folder also takes room on the disk: about three to six times your vault's size.</source>
            <translation>What it does not protect against: someone who knows EvidenceKit knows that a second passphrase is possible, and no app can prove there is none. A forensic examination of the computer can count the files and see their sizes, and that one of them grows as you add evidence; it cannot tell which file holds what without a passphrase. The folder also takes room on the disk: about three to six times your vault's size.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="118" />
            <source>It cannot protect your real passphrase from a monitoring app, from someone who watches you type it or films the screen, or from being forced to say it. Open your real vault only where nobody can see. Bundles you export and backups you make name the vault they come from: keep them away from this computer.</source>
            <translation>It cannot protect your real passphrase from a monitoring app, from someone who watches you type it or films the screen, or from being forced to say it. Open your real vault only where nobody can see. Bundles you export and backups you make name the vault they come from: keep them away from this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="125" />
            <source>Put a few believable things in the second vault and open it now and then: an empty vault, or one never used, looks like a decoy. It keeps its own record of when it was made. If the power goes in the moment a change is being saved, a small recovery file stays beside your vault until you open it again with your own passphrase.</source>
            <translation>Put a few believable things in the second vault and open it now and then: an empty vault, or one never used, looks like a decoy. It keeps its own record of when it was made. If the power goes in the moment a change is being saved, a small recovery file stays beside your vault until you open it again with your own passphrase.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="134" />
            <source>If EvidenceKit finds no web browser</source>
            <translation>If EvidenceKit finds no web browser</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="137" />
            <source>Capturing pages needs Google Chrome, Microsoft Edge or Chromium. If none is found, EvidenceKit offers to download Chromium for you (about 170 MB, it needs the internet). You can also install one of those browsers yourself. Adding saved files works without a browser.</source>
            <translation>Capturing pages needs Google Chrome, Microsoft Edge or Chromium. If none is found, EvidenceKit offers to download Chromium for you (about 170 MB, it needs the internet). You can also install one of those browsers yourself. Adding saved files works without a browser.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="145" />
            <source>Getting pictures taken down</source>
            <translation>Getting pictures taken down</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="148" />
            <source>Most platforms have a form for reporting intimate images shared without consent. Capture the post here first, then report it.</source>
            <translation>Most platforms have a form for reporting intimate images shared without consent. Capture the post here first, then report it.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="152" />
            <source>StopNCII.org helps stop intimate images from being shared on participating platforms, without sending the image itself.</source>
            <translation>StopNCII.org helps stop intimate images from being shared on participating platforms, without sending the image itself.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="158" />
            <source>If someone in the pictures may be under 18</source>
            <translation>If someone in the pictures may be under 18</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="161" />
            <source>Keeping intimate pictures of someone under 18 is a crime almost everywhere, even for the person in them, a support worker or a lawyer. Tick &lt;b&gt;Someone in these pictures may be under 18&lt;/b&gt; before capturing or adding files, or turn it on for a whole case in the list of cases.</source>
            <translation>Keeping intimate pictures of someone under 18 is a crime almost everywhere, even for the person in them, a support worker or a lawyer. Tick &lt;b&gt;Someone in these pictures may be under 18&lt;/b&gt; before capturing or adding files, or turn it on for a whole case in the list of cases.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="167" />
            <source>Then EvidenceKit keeps no picture or video at all: the screenshots show plain grey boxes where the pictures were, and each picture is kept only as its hashes (SHA-256, MD5 and PDQ), its size and its place on the page. Files that may hold pictures, such as PDFs, are not added.</source>
            <translation>Then EvidenceKit keeps no picture or video at all: the screenshots show plain grey boxes where the pictures were, and each picture is kept only as its hashes (SHA-256, MD5 and PDQ), its size and its place on the page. Files that may hold pictures, such as PDFs, are not added.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="173" />
            <source>It protects you from storing the pictures by mistake. It does not remove them from the internet, and it cannot change what was captured before it was turned on.</source>
            <translation>It protects you from storing the pictures by mistake. It does not remove them from the internet, and it cannot change what was captured before it was turned on.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="178" />
            <source>&lt;b&gt;Take It Down&lt;/b&gt; (takeitdown.ncmec.org) helps remove nude or sexual pictures taken before 18 from the platforms that take part, using only hashes made on your own device. In Albania you can call &lt;b&gt;ALO 116 111&lt;/b&gt; (free and confidential) or the police on &lt;b&gt;129&lt;/b&gt;, or report to the State Police's cybercrime unit.</source>
            <translation>&lt;b&gt;Take It Down&lt;/b&gt; (takeitdown.ncmec.org) helps remove nude or sexual pictures taken before 18 from the platforms that take part, using only hashes made on your own device. In Albania you can call &lt;b&gt;ALO 116 111&lt;/b&gt; (free and confidential) or the police on &lt;b&gt;129&lt;/b&gt;, or report to the State Police's cybercrime unit.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="187" />
            <source>Going to the police or a lawyer</source>
            <translation>Going to the police or a lawyer</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="190" />
            <source>Use “Export for a lawyer…” to make one signed file with the evidence you choose, for example on a USB stick. Give its fingerprint with it.</source>
            <translation>Use “Export for a lawyer…” to make one signed file with the evidence you choose, for example on a USB stick. Give its fingerprint with it.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="194" />
            <source>A lawyer or court can check the file with “Check a bundle”, without a vault or a passphrase.</source>
            <translation>A lawyer or court can check the file with “Check a bundle”, without a vault or a passphrase.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="200" />
            <source>Backups, hand-over, and leaving no trace here</source>
            <translation>Backups, hand-over, and leaving no trace here</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="203" />
            <source>&lt;b&gt;Backup…&lt;/b&gt; writes a second encrypted copy of the whole vault and checks it before keeping it. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase, and an old backup does not have what you added later.</source>
            <translation>&lt;b&gt;Backup…&lt;/b&gt; writes a second encrypted copy of the whole vault and checks it before keeping it. It protects the evidence if this computer is lost, broken or taken. It does not protect it from someone who knows the copy's passphrase, and an old backup does not have what you added later.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="210" />
            <source>&lt;b&gt;Hand over a case…&lt;/b&gt; is for a support worker: the case goes into a new vault of the victim's own, with her passphrase, is checked there item by item (the same files, seals and trusted times), and only then is removed from the clinic's vault. Her lawyer can still check every bundle she makes later: her vault's key was handed over by the clinic's key, and the record of that travels in her vault.</source>
            <translation>&lt;b&gt;Hand over a case…&lt;/b&gt; is for a support worker: the case goes into a new vault of the victim's own, with her passphrase, is checked there item by item (the same files, seals and trusted times), and only then is removed from the clinic's vault. Her lawyer can still check every bundle she makes later: her vault's key was handed over by the clinic's key, and the record of that travels in her vault.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="218" />
            <source>Removed evidence is overwritten inside the vault file. What that cannot reach: SSDs and USB sticks may keep old pieces in spare space only the drive itself uses, and backups made earlier still hold it. Those pieces are encrypted with the clinic's passphrase.</source>
            <translation>Removed evidence is overwritten inside the vault file. What that cannot reach: SSDs and USB sticks may keep old pieces in spare space only the drive itself uses, and backups made earlier still hold it. Those pieces are encrypted with the clinic's passphrase.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="224" />
            <source>&lt;b&gt;Forget this computer…&lt;/b&gt; (in Settings) removes every vault EvidenceKit keeps in its own folders here, its settings and the Notes launcher, overwriting each file first. Vaults anywhere else (a USB stick, a folder you chose), exported bundles and backups are not touched. It does not remove the program itself, and it cannot undo what a monitoring app has already seen.</source>
            <translation>&lt;b&gt;Forget this computer…&lt;/b&gt; (in Settings) removes every vault EvidenceKit keeps in its own folders here, its settings and the Notes launcher, overwriting each file first. Vaults anywhere else (a USB stick, a folder you chose), exported bundles and backups are not touched. It does not remove the program itself, and it cannot undo what a monitoring app has already seen.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="234" />
            <source>When the same picture comes back</source>
            <translation>When the same picture comes back</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="237" />
            <source>EvidenceKit recognises a picture you already saved, without showing it: each picture gets a fingerprint (PDQ, the one platforms use) that stays the same when the picture is made smaller, saved again, made grey, mirrored or turned. The item then says “This picture already appears in item …”, with both pictures blurred and a link to the other item. Nothing is shown unless you choose to look.</source>
            <translation>EvidenceKit recognises a picture you already saved, without showing it: each picture gets a fingerprint (PDQ, the one platforms use) that stays the same when the picture is made smaller, saved again, made grey, mirrored or turned. The item then says “This picture already appears in item …”, with both pictures blurred and a link to the other item. Nothing is shown unless you choose to look.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="245" />
            <source>It does not recognise a picture that was cut down (even a little at the edges), tilted, or had text or a frame added. Those still have to be found by looking, or by someone you trust.</source>
            <translation>It does not recognise a picture that was cut down (even a little at the edges), tilted, or had text or a frame added. Those still have to be found by looking, or by someone you trust.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="250" />
            <source>&lt;b&gt;Picture hashes…&lt;/b&gt; in the list of cases saves the fingerprints of every picture of a case (SHA-256, MD5 and PDQ) as a file. Platforms' report forms and services such as Take It Down and StopNCII work with such fingerprints: the pictures themselves never leave your computer.</source>
            <translation>&lt;b&gt;Picture hashes…&lt;/b&gt; in the list of cases saves the fingerprints of every picture of a case (SHA-256, MD5 and PDQ) as a file. Platforms' report forms and services such as Take It Down and StopNCII work with such fingerprints: the pictures themselves never leave your computer.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="258" />
            <source>What EvidenceKit can and cannot prove</source>
            <translation>What EvidenceKit can and cannot prove</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="261" />
            <source>It proves what a page showed, at which address, and when it was captured: every file is sealed with a digital signature and a time-stamp from an independent server.</source>
            <translation>It proves what a page showed, at which address, and when it was captured: every file is sealed with a digital signature and a time-stamp from an independent server.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="266" />
            <source>It cannot prove who made a post, and it cannot see pages that need a login unless they are public.</source>
            <translation>It cannot prove who made a post, and it cannot see pages that need a login unless they are public.</translation>
        </message>
        <message>
            <location filename="../../ui/help_page.py" line="270" />
            <source>If you forget your passphrase, nobody can open the vault, not even the people who made EvidenceKit. Keep it written somewhere safe.</source>
            <translation>If you forget your passphrase, nobody can open the vault, not even the people who made EvidenceKit. Keep it written somewhere safe.</translation>
        </message>
    </context>
    <context>
        <name>ItemDetail</name>
        <message>
            <location filename="../../ui/item_detail.py" line="61" />
            <source>Back to the list</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="74" />
            <location filename="../../ui/item_detail.py" line="183" />
            <source>Never show me this…</source>
            <translation>Never show me this…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="88" />
            <source>About this item</source>
            <translation>About this item</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="99" />
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="106" />
            <source>Ask for the time-stamp again now</source>
            <translation>Ask for the time-stamp again now</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="110" />
            <source>Seal</source>
            <translation>Seal</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="113" />
            <source>Files</source>
            <translation>Files</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="114" />
            <source>Notes and tags</source>
            <translation>Notes and tags</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="117" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="120" />
            <source>Record of everything done to this item</source>
            <translation>Record of everything done to this item</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="121" />
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="130" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="132" />
            <source>Add a &amp;note (it is kept with the date and your name):</source>
            <translation>Add a &amp;note (it is kept with the date and your name):</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="135" />
            <source>New note</source>
            <translation>New note</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="141" />
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="144" />
            <source>&amp;Tags (separated by commas):</source>
            <translation>&amp;Tags (separated by commas):</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="146" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="151" />
            <source>Save tags</source>
            <translation>Save tags</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="183" />
            <source>Allow showing again…</source>
            <translation>Allow showing again…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="202" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="204" />
            <source>Address at the end</source>
            <translation>Address at the end</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="205" />
            <source>Page title</source>
            <translation>Page title</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="206" />
            <source>What the site answered</source>
            <translation>What the site answered</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="209" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="212" />
            <location filename="../../ui/item_detail.py" line="214" />
            <source>Secure connection</source>
            <translation>Secure connection</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="214" />
            <source>No (plain http)</source>
            <translation>No (plain http)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="223" />
            <source>File name</source>
            <translation>File name</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="224" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="225" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="228" />
            <source>File last changed</source>
            <translation>File last changed</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="229" />
            <source>Captured</source>
            <translation>Captured</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="229" />
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="231" />
            <source>In UTC</source>
            <translation>In UTC</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="234" />
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="235" />
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="235" />
            <source>No case</source>
            <translation>No case</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="236" />
            <source>Evidence id</source>
            <translation>Evidence id</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="239" />
            <source>Notes from the capture</source>
            <translation>Notes from the capture</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="351" />
            <source>certificate from %1</source>
            <translation>certificate from %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="353" />
            <source>valid until %1</source>
            <translation>valid until %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="355" />
            <source>the browser reported a certificate problem</source>
            <translation>the browser reported a certificate problem</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="363" />
            <source>Digest (SHA-256)</source>
            <translation>Digest (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="366" />
            <source>Signed by (key fingerprint)</source>
            <translation>Signed by (key fingerprint)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="374" />
            <location filename="../../ui/item_detail.py" line="380" />
            <source>Time-stamp</source>
            <translation>Time-stamp</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="375" />
            <source>%1 — from %2</source>
            <translation>%1 — from %2</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="380" />
            <source>Pending — will be added when online</source>
            <translation>Pending — will be added when online</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="394" />
            <source>SHA-256: %1</source>
            <translation>SHA-256: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="397" />
            <source>SHA-256 of %1</source>
            <translation>SHA-256 of %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="412" />
            <source>No notes yet.</source>
            <translation>No notes yet.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="460" />
            <source>Allow showing again?</source>
            <translation>Allow showing again?</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="461" />
            <source>The picture will be blurred again, and you can choose to look at it.</source>
            <translation>The picture will be blurred again, and you can choose to look at it.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="462" />
            <source>Allow</source>
            <translation>Allow</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="463" />
            <source>Keep it hidden</source>
            <translation>Keep it hidden</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="468" />
            <source>Never show this picture?</source>
            <translation>Never show this picture?</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="470" />
            <source>The item stays in the vault as evidence, unchanged, and is still included when you export. EvidenceKit will show only a plain grey box in its place. You can undo this here later.</source>
            <translation>The item stays in the vault as evidence, unchanged, and is still included when you export. EvidenceKit will show only a plain grey box in its place. You can undo this here later.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="474" />
            <source>Never show it</source>
            <translation>Never show it</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="475" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="246" />
            <source>not found on the page</source>
            <translation>not found on the page</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="254" />
            <source>%1 (the page showed: %2)</source>
            <translation>%1 (the page showed: %2)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="260" />
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="261" />
            <source>Posted by</source>
            <translation>Posted by</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="262" />
            <source>Handle</source>
            <translation>Handle</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="263" />
            <source>Account id</source>
            <translation>Account id</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="264" />
            <source>Post id</source>
            <translation>Post id</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="265" />
            <source>Posted</source>
            <translation>Posted</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="272" />
            <source>Completeness</source>
            <translation>Completeness</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="221" />
            <source>Logged in</source>
            <translation>Logged in</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="332" />
            <source>No: captured logged out</source>
            <translation>No: captured logged out</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="335" />
            <source>Yes, seen logged in as @%1</source>
            <translation>Yes, seen logged in as @%1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="337" />
            <source>Yes (the account was not named)</source>
            <translation>Yes (the account was not named)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="340" />
            <source>Consent: %1</source>
            <translation>Consent: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="344" />
            <source>Requests blocked so nothing changed on the platform: %1</source>
            <translation>Requests blocked so nothing changed on the platform: %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="66" />
            <source>Capture again</source>
            <translation>Capture again</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="68" />
            <source>Capture this address again now, linked to its first capture</source>
            <translation>Capture this address again now, linked to its first capture</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="279" />
            <source>Still online on %1</source>
            <translation>Still online on %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="285" />
            <source>Removed between %1 (last seen online) and %2 (first seen removed)</source>
            <translation>Removed between %1 (last seen online) and %2 (first seen removed)</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="287" />
            <source>Already removed when first captured, on %1</source>
            <translation>Already removed when first captured, on %1</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="292" />
            <source>Online or removed</source>
            <translation>Online or removed</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="300" />
            <source>Capturing this address again…</source>
            <translation>Capturing this address again…</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="312" />
            <source>It could not be captured again.</source>
            <translation>It could not be captured again.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="316" />
            <source>Captured again as %1.</source>
            <translation>Captured again as %1.</translation>
        </message>
        <message>
            <location filename="../../ui/item_detail.py" line="218" />
            <source>Captures again</source>
            <translation>Captures again</translation>
        </message>
    </context>
    <context>
        <name>ItemsView</name>
        <message>
            <location filename="../../ui/items_view.py" line="55" />
            <location filename="../../ui/items_view.py" line="145" />
            <source>All evidence</source>
            <translation>All evidence</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="58" />
            <source>Capture links…</source>
            <translation>Capture links…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="58" />
            <source>Save web pages as sealed evidence</source>
            <translation>Save web pages as sealed evidence</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="62" />
            <source>Add files…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="64" />
            <source>Add photos, screenshots or chat exports from this computer</source>
            <translation>Add photos, screenshots or chat exports from this computer</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="68" />
            <source>Export for a lawyer…</source>
            <translation>Export for a lawyer…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="70" />
            <source>Make one signed file with the evidence you choose</source>
            <translation>Make one signed file with the evidence you choose</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="79" />
            <source>Search words in pages, notes and titles</source>
            <translation>Search words in pages, notes and titles</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="80" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>Newest first</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>Oldest first</source>
            <translation>Oldest first</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="90" />
            <source>By title (A–Z)</source>
            <translation>By title (A–Z)</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="92" />
            <source>Sort</source>
            <translation>Sort</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="95" />
            <location filename="../../ui/items_view.py" line="334" />
            <source>Show as a list</source>
            <translation>Show as a list</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="100" />
            <source>Show picture…</source>
            <translation>Show picture…</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="102" />
            <source>Show the selected picture without blur (after a warning)</source>
            <translation>Show the selected picture without blur (after a warning)</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="111" />
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="114" />
            <source>Pictures are blurred. Press Enter to open an item. Press and hold a picture with the mouse to look at it.</source>
            <translation>Pictures are blurred. Press Enter to open an item. Press and hold a picture with the mouse to look at it.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="131" />
            <source>Nothing here yet. Use “Capture links…” to save a web page, or “Add files…” (you can also drag files here).</source>
            <translation>Nothing here yet. Use “Capture links…” to save a web page, or “Add files…” (you can also drag files here).</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="198" />
            <source>Hidden by you</source>
            <translation>Hidden by you</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="203" />
            <source>Blurred</source>
            <translation>Blurred</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="227" />
            <source>No picture</source>
            <translation>No picture</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="249" />
            <source>You chose never to see this picture.</source>
            <translation>You chose never to see this picture.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="250" />
            <source>Open the item to change that.</source>
            <translation>Open the item to change that.</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="255" />
            <source>Content warning</source>
            <translation>Content warning</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="257" />
            <source>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. Show it now?</source>
            <translation>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. Show it now?</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="260" />
            <source>Show it</source>
            <translation>Show it</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="261" />
            <source>Keep it blurred</source>
            <translation>Keep it blurred</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="327" />
            <source>Show as a grid</source>
            <translation>Show as a grid</translation>
        </message>
        <message>
            <location filename="../../ui/items_view.py" line="338" />
            <source>Add files as evidence</source>
            <translation>Add files as evidence</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login_dialog.py" line="232" />
            <source>They may see that you looked</source>
            <translation>They may see that you looked</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="233" />
            <source>{0} is {1}. With your saved login, its owner may see that you looked at it. Capture it logged out instead, or logged in anyway?</source>
            <translation>{0} is {1}. With your saved login, its owner may see that you looked at it. Capture it logged out instead, or logged in anyway?</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="238" />
            <source>Capture logged in anyway</source>
            <translation>Capture logged in anyway</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="239" />
            <source>Capture logged out</source>
            <translation>Capture logged out</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="81" />
            <location filename="../../ui/login_dialog.py" line="83" />
            <source>Saved logins</source>
            <translation>Saved logins</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="86" />
            <source>Remove this login</source>
            <translation>Remove this login</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="86" />
            <source>Deleted from the vault for good</source>
            <translation>Deleted from the vault for good</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="107" />
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="108" />
            <source>{0} — {1} — made {2}, last used {3}</source>
            <translation>{0} — {1} — made {2}, last used {3}</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="122" />
            <source>Remove this login?</source>
            <translation>Remove this login?</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="124" />
            <source>The saved login is deleted from the vault for good. Captures of that site are made logged out until you log in again. The history keeps a note.</source>
            <translation>The saved login is deleted from the vault for good. Captures of that site are made logged out until you log in again. The history keeps a note.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="127" />
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="128" />
            <source>Keep it</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="43" />
            <location filename="../../ui/login_dialog.py" line="45" />
            <source>Log in to a site</source>
            <translation>Log in to a site</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="49" />
            <source>A browser window opens. Log in there yourself, as you always do. When you are done, close that window or press Done here. The login is kept only inside your vault, encrypted. Captures of that site then use it.</source>
            <translation>A browser window opens. Log in there yourself, as you always do. When you are done, close that window or press Done here. The login is kept only inside your vault, encrypted. Captures of that site then use it.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="59" />
            <location filename="../../ui/login_dialog.py" line="60" />
            <source>Site or address</source>
            <translation>Site or address</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="62" />
            <location filename="../../ui/login_dialog.py" line="63" />
            <source>Account (if the site does not show it)</source>
            <translation>Account (if the site does not show it)</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="69" />
            <source>Open the login window</source>
            <translation>Open the login window</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="72" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="75" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="175" />
            <source>The login window is open.</source>
            <translation>The login window is open.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="176" />
            <source>Log in there. Then close that window, or press Done.</source>
            <translation>Log in there. Then close that window, or press Done.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="193" />
            <source>no account name was shown</source>
            <translation>no account name was shown</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="195" />
            <source>Captures of this site now use it. Before a story, a live video or a profile that shows who viewed it, you are asked first.</source>
            <translation>Captures of this site now use it. Before a story, a live video or a profile that shows who viewed it, you are asked first.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="200" />
            <source>The last page still looked like a login form. If you did not finish logging in, remove this login and log in again.</source>
            <translation>The last page still looked like a login form. If you did not finish logging in, remove this login and log in again.</translation>
        </message>
        <message>
            <location filename="../../ui/login_dialog.py" line="204" />
            <source>The login is kept in the vault ({0}).</source>
            <translation>The login is kept in the vault ({0}).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="104" />
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>Help and support</source>
            <translation>Help and support</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>Where to get help in Albania (F1)</source>
            <translation>Where to get help in Albania (F1)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="134" />
            <source>Check a bundle</source>
            <translation>Check a bundle</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="134" />
            <source>Check a bundle someone gave you</source>
            <translation>Check a bundle someone gave you</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="137" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Lock</source>
            <translation>Lock</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Close the vault now; the passphrase opens it again</source>
            <translation>Close the vault now; the passphrase opens it again</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="144" />
            <source>Quick exit</source>
            <translation>Quick exit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="146" />
            <source>Hide this window at once and lock the vault (or press Esc twice)</source>
            <translation>Hide this window at once and lock the vault (or press Esc twice)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="252" />
            <source>EvidenceKit has forgotten this computer.</source>
            <translation>EvidenceKit has forgotten this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="270" />
            <source>Using the vault as: %1</source>
            <translation>Using the vault as: %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="275" />
            <source>Locked</source>
            <translation>Locked</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="62" />
            <source>That passphrase did not open this vault.</source>
            <translation>That passphrase did not open this vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="63" />
            <source>Check Caps Lock and the keyboard language, then try again. There is no limit on tries, and nothing is locked or deleted.</source>
            <translation>Check Caps Lock and the keyboard language, then try again. There is no limit on tries, and nothing is locked or deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="70" />
            <source>This vault is already open in another EvidenceKit window.</source>
            <translation>This vault is already open in another EvidenceKit window.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="71" />
            <source>Close the other window (or wait until it finishes), then try again.</source>
            <translation>Close the other window (or wait until it finishes), then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="77" />
            <source>There is no vault at that place.</source>
            <translation>There is no vault at that place.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="78" />
            <source>Choose the vault file again, or create a new vault.</source>
            <translation>Choose the vault file again, or create a new vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="81" />
            <source>That passphrase already opens a vault here.</source>
            <translation>That passphrase already opens a vault here.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="82" />
            <source>Choose a different second passphrase, not your own one. Nothing was changed.</source>
            <translation>Choose a different second passphrase, not your own one. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="88" />
            <source>A vault already exists at that place.</source>
            <translation>A vault already exists at that place.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="89" />
            <source>Open it with its passphrase, or choose another name for the new vault. Nothing was changed.</source>
            <translation>Open it with its passphrase, or choose another name for the new vault. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="96" />
            <source>This passphrase is too short.</source>
            <translation>This passphrase is too short.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="97" />
            <source>Use at least 8 characters. A few ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>Use at least 8 characters. A few ordinary words in a row are easy to remember and hard to guess.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="104" />
            <source>Part of the vault file could not be read.</source>
            <translation>Part of the vault file could not be read.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="105" />
            <source>Do not delete it. Keep a copy of the file and ask someone with technical knowledge for help; a backup copy may still open.</source>
            <translation>Do not delete it. Keep a copy of the file and ask someone with technical knowledge for help; a backup copy may still open.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="112" />
            <source>The disk is full.</source>
            <translation>The disk is full.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="113" />
            <source>Free some space on that disk (move or delete files you do not need), then try again. Nothing was lost.</source>
            <translation>Free some space on that disk (move or delete files you do not need), then try again. Nothing was lost.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="120" />
            <source>This disk can only be read, not written.</source>
            <translation>This disk can only be read, not written.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="121" />
            <source>Nothing can be added or changed on it. To work with the vault, copy the vault file to your computer first and open the copy. Nothing was changed.</source>
            <translation>Nothing can be added or changed on it. To work with the vault, copy the vault file to your computer first and open the copy. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="129" />
            <source>The latest changes are kept in a second file beside the vault.</source>
            <translation>The latest changes are kept in a second file beside the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="130" />
            <source>They are safe. Keep the files together, free some space on the disk, and open the vault again before you copy it.</source>
            <translation>They are safe. Keep the files together, free some space on the disk, and open the vault again before you copy it.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="137" />
            <source>This vault was made by a newer version of EvidenceKit.</source>
            <translation>This vault was made by a newer version of EvidenceKit.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="138" />
            <source>Update EvidenceKit, then open the vault again.</source>
            <translation>Update EvidenceKit, then open the vault again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="141" />
            <source>No web browser was found that EvidenceKit can use to capture pages.</source>
            <translation>No web browser was found that EvidenceKit can use to capture pages.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="145" />
            <source>Install Google Chrome, Microsoft Edge or Chromium, then try again. Adding saved files with “Add files…” works without a browser.</source>
            <translation>Install Google Chrome, Microsoft Edge or Chromium, then try again. Adding saved files with “Add files…” works without a browser.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="152" />
            <source>The browser could not be started.</source>
            <translation>The browser could not be started.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="153" />
            <source>Restart the computer and try again. If it keeps happening, reinstall Chrome, Edge or Chromium.</source>
            <translation>Restart the computer and try again. If it keeps happening, reinstall Chrome, Edge or Chromium.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="160" />
            <source>This is not a web address EvidenceKit can capture.</source>
            <translation>This is not a web address EvidenceKit can capture.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="161" />
            <source>Copy the whole address from the browser's address bar. It starts with https://</source>
            <translation>Copy the whole address from the browser's address bar. It starts with https://</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="167" />
            <source>The site could not be found.</source>
            <translation>The site could not be found.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="168" />
            <source>Check the address for typing mistakes, and check that this computer is connected to the internet.</source>
            <translation>Check the address for typing mistakes, and check that this computer is connected to the internet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="175" />
            <source>The site refused the connection.</source>
            <translation>The site refused the connection.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="176" />
            <source>Check the address, or try again later.</source>
            <translation>Check the address, or try again later.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="179" />
            <source>This address downloads a file instead of showing a page.</source>
            <translation>This address downloads a file instead of showing a page.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="180" />
            <source>Save the file on the computer, then add it with “Add files…”.</source>
            <translation>Save the file on the computer, then add it with “Add files…”.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="183" />
            <source>The page took too long, so the capture was stopped. Nothing was saved.</source>
            <translation>The page took too long, so the capture was stopped. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="187" />
            <source>Try again later, when the connection may be faster.</source>
            <translation>Try again later, when the connection may be faster.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="190" />
            <source>The page could not be loaded. Nothing was saved.</source>
            <translation>The page could not be loaded. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="191" />
            <source>Check the internet connection and try again in a few minutes.</source>
            <translation>Check the internet connection and try again in a few minutes.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="194" />
            <source>The capture failed unexpectedly. Nothing was saved.</source>
            <translation>The capture failed unexpectedly. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="195" />
            <source>Try again. If it fails again, the details below can help someone who helps you.</source>
            <translation>Try again. If it fails again, the details below can help someone who helps you.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="201" />
            <source>That saved login is no longer in the vault.</source>
            <translation>That saved login is no longer in the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="202" />
            <source>Choose another saved login, or log in to the site again.</source>
            <translation>Choose another saved login, or log in to the site again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="205" />
            <source>The saved login for this site no longer works. Nothing was saved.</source>
            <translation>The saved login for this site no longer works. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="206" />
            <source>The site asks to log in again. Log in to the site again, or capture the page logged out.</source>
            <translation>The site asks to log in again. Log in to the site again, or capture the page logged out.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="213" />
            <source>A browser window cannot be opened on this computer.</source>
            <translation>A browser window cannot be opened on this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="214" />
            <source>Log in on a computer with a screen.</source>
            <translation>Log in on a computer with a screen.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="217" />
            <source>The window was closed before you were logged in. Nothing was saved.</source>
            <translation>The window was closed before you were logged in. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="220" />
            <source>Open the login window again and log in before closing it.</source>
            <translation>Open the login window again and log in before closing it.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="223" />
            <source>This file could not be added.</source>
            <translation>This file could not be added.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="224" />
            <source>Check that the file is still there and that it opens, then try again.</source>
            <translation>Check that the file is still there and that it opens, then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="230" />
            <source>The file could not be saved there.</source>
            <translation>The file could not be saved there.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="231" />
            <source>Choose another place (another folder or a USB stick) and check that it has free space.</source>
            <translation>Choose another place (another folder or a USB stick) and check that it has free space.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="238" />
            <source>A case with this name already exists.</source>
            <translation>A case with this name already exists.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="239" />
            <source>Choose another name.</source>
            <translation>Choose another name.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="242" />
            <source>That case is no longer in the vault.</source>
            <translation>That case is no longer in the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="243" />
            <source>Choose another case from the list.</source>
            <translation>Choose another case from the list.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="246" />
            <source>This item is no longer in the vault.</source>
            <translation>This item is no longer in the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="247" />
            <source>Go back to the list; it shows what the vault holds now.</source>
            <translation>Go back to the list; it shows what the vault holds now.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="250" />
            <source>The time-stamp server could not give a time-stamp now.</source>
            <translation>The time-stamp server could not give a time-stamp now.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="251" />
            <source>Your evidence is saved and sealed. The time-stamp will be added when this computer is online.</source>
            <translation>Your evidence is saved and sealed. The time-stamp will be added when this computer is online.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="258" />
            <source>The vault's signing key is damaged.</source>
            <translation>The vault's signing key is damaged.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="259" />
            <source>The evidence already stored is safe. Ask someone with technical knowledge for help before adding more.</source>
            <translation>The evidence already stored is safe. Ask someone with technical knowledge for help before adding more.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="266" />
            <source>A picture on this page could not be covered. Nothing was saved.</source>
            <translation>A picture on this page could not be covered. Nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="267" />
            <source>Someone in the pictures may be under 18, so no screenshot was taken. You can ask your support worker for help with this page.</source>
            <translation>Someone in the pictures may be under 18, so no screenshot was taken. You can ask your support worker for help with this page.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="274" />
            <source>This file was not added: it may hold pictures.</source>
            <translation>This file was not added: it may hold pictures.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="275" />
            <source>Someone in these pictures may be under 18, so only pictures and videos (kept as their hashes, never the file) and plain text files can be added. Nothing was stored from this file.</source>
            <translation>Someone in these pictures may be under 18, so only pictures and videos (kept as their hashes, never the file) and plain text files can be added. Nothing was stored from this file.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="283" />
            <source>The “Notes” launcher could not be changed.</source>
            <translation>The “Notes” launcher could not be changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="284" />
            <source>Nothing else was touched. If another launcher is already there, its details below say where; remove or rename it, then try again.</source>
            <translation>Nothing else was touched. If another launcher is already there, its details below say where; remove or rename it, then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="291" />
            <source>The browser could not be downloaded: there is no internet.</source>
            <translation>The browser could not be downloaded: there is no internet.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="292" />
            <source>Connect this computer to the internet, then try again. Nothing was left half-installed, and everything else works as before.</source>
            <translation>Connect this computer to the internet, then try again. Nothing was left half-installed, and everything else works as before.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="299" />
            <source>This copy of EvidenceKit cannot download a browser by itself.</source>
            <translation>This copy of EvidenceKit cannot download a browser by itself.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="300" />
            <source>Install Google Chrome, Microsoft Edge or Chromium, then try again.</source>
            <translation>Install Google Chrome, Microsoft Edge or Chromium, then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="306" />
            <source>The browser could not be installed.</source>
            <translation>The browser could not be installed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="307" />
            <source>Nothing was left half-installed. Try again later, or install Google Chrome, Microsoft Edge or Chromium yourself.</source>
            <translation>Nothing was left half-installed. Try again later, or install Google Chrome, Microsoft Edge or Chromium yourself.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="315" />
            <source>The copy did not pass its check, so it was not kept.</source>
            <translation>The copy did not pass its check, so it was not kept.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="316" />
            <source>Nothing was removed or changed in your vault. Try again, on another disk or USB stick if this one may be failing.</source>
            <translation>Nothing was removed or changed in your vault. Try again, on another disk or USB stick if this one may be failing.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="323" />
            <source>A vault is already at that place, so nothing was restored.</source>
            <translation>A vault is already at that place, so nothing was restored.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="324" />
            <source>Choose another place, or agree to replace that vault.</source>
            <translation>Choose another place, or agree to replace that vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="327" />
            <source>A file with that name is already there.</source>
            <translation>A file with that name is already there.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="328" />
            <source>Choose another name. Nothing was written or changed.</source>
            <translation>Choose another name. Nothing was written or changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="331" />
            <source>That folder does not exist.</source>
            <translation>That folder does not exist.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="332" />
            <source>If it is on a USB stick, check that the stick is plugged in, then choose the place again. Nothing was written.</source>
            <translation>If it is on a USB stick, check that the stick is plugged in, then choose the place again. Nothing was written.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="339" />
            <source>That case holds no evidence, so there is nothing to hand over.</source>
            <translation>That case holds no evidence, so there is nothing to hand over.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="340" />
            <source>Nothing was changed.</source>
            <translation>Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="343" />
            <source>Nothing was removed.</source>
            <translation>Nothing was removed.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="344" />
            <source>Type the word shown to confirm, then try again.</source>
            <translation>Type the word shown to confirm, then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="347" />
            <source>Not everything could be removed from this computer.</source>
            <translation>Not everything could be removed from this computer.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="348" />
            <source>Close other programs that may be using these files, then try again. What is left is named in the details.</source>
            <translation>Close other programs that may be using these files, then try again. What is left is named in the details.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="355" />
            <source>Stopped, as you asked.</source>
            <translation>Stopped, as you asked.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="356" />
            <source>What was already saved stays in the vault.</source>
            <translation>What was already saved stays in the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="52" />
            <source>EvidenceKit is not allowed to use that file or folder.</source>
            <translation>EvidenceKit is not allowed to use that file or folder.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="53" />
            <source>Choose another place, or ask the computer's owner for access.</source>
            <translation>Choose another place, or ask the computer's owner for access.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="360" />
            <source>The computer could not read or write a file.</source>
            <translation>The computer could not read or write a file.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="361" />
            <source>Check that the disk or USB stick is still connected and has free space, then try again.</source>
            <translation>Check that the disk or USB stick is still connected and has free space, then try again.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="401" />
            <source>Something went wrong.</source>
            <translation>Something went wrong.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="402" />
            <source>Try again. The details below can help someone who helps you.</source>
            <translation>Try again. The details below can help someone who helps you.</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="418" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="419" />
            <source>Opening the page</source>
            <translation>Opening the page</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="420" />
            <source>Loading</source>
            <translation>Loading</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="421" />
            <source>Scrolling through the page</source>
            <translation>Scrolling through the page</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="422" />
            <source>Saving</source>
            <translation>Saving</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="423" />
            <source>Sealing</source>
            <translation>Sealing</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="424" />
            <source>Time-stamping</source>
            <translation>Time-stamping</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="425" />
            <location filename="../../ui/messages.py" line="439" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="426" />
            <source>Did not work</source>
            <translation>Did not work</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="434" />
            <source>Asking for time-stamps</source>
            <translation>Asking for time-stamps</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="435" />
            <source>Writing the report</source>
            <translation>Writing the report</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="436" />
            <source>Adding the pictures</source>
            <translation>Adding the pictures</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="437" />
            <source>Attaching the original files</source>
            <translation>Attaching the original files</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="438" />
            <source>Signing</source>
            <translation>Signing</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="446" />
            <source>The person this is about</source>
            <translation>The person this is about</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="447" />
            <source>Support worker</source>
            <translation>Support worker</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="448" />
            <source>Not said</source>
            <translation>Not said</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="455" />
            <source>Sealed and time-stamped</source>
            <translation>Sealed and time-stamped</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="456" />
            <source>Sealed — time-stamp pending (added when online)</source>
            <translation>Sealed — time-stamp pending (added when online)</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="457" />
            <source>Not sealed</source>
            <translation>Not sealed</translation>
        </message>
    </context>
    <context>
        <name>PictureViewer</name>
        <message>
            <location filename="../../ui/viewer.py" line="52" />
            <source>Press and hold to look</source>
            <translation>Press and hold to look</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="54" />
            <source>The picture shows while you hold the button, and blurs when you let go</source>
            <translation>The picture shows while you hold the button, and blurs when you let go</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="58" />
            <source>Show picture…</source>
            <translation>Show picture…</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="60" />
            <source>Blur again</source>
            <translation>Blur again</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="62" />
            <source>Smaller</source>
            <translation>Smaller</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="62" />
            <source>Zoom out (Ctrl+wheel)</source>
            <translation>Zoom out (Ctrl+wheel)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="64" />
            <source>Fit width</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="66" />
            <source>Larger</source>
            <translation>Larger</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="66" />
            <source>Zoom in (Ctrl+wheel)</source>
            <translation>Zoom in (Ctrl+wheel)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="78" />
            <source>Picture of the page</source>
            <translation>Picture of the page</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="81" />
            <location filename="../../ui/viewer.py" line="208" />
            <source>Picture (blurred)</source>
            <translation>Picture (blurred)</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="100" />
            <source>You chose never to see this picture.</source>
            <translation>You chose never to see this picture.</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="103" />
            <source>This item has no picture. Its files are listed under “Files”.</source>
            <translation>This item has no picture. Its files are listed under “Files”.</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="106" />
            <source>Blurred</source>
            <translation>Blurred</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="161" />
            <source>Content warning</source>
            <translation>Content warning</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="163" />
            <source>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. You can also ask someone you trust to look for you. Show it now?</source>
            <translation>This picture may show intimate or hurtful content. You do not have to look at it: the evidence is kept safe either way. You can also ask someone you trust to look for you. Show it now?</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="167" />
            <source>Show it</source>
            <translation>Show it</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="168" />
            <source>Keep it blurred</source>
            <translation>Keep it blurred</translation>
        </message>
        <message>
            <location filename="../../ui/viewer.py" line="208" />
            <source>Picture (shown)</source>
            <translation>Picture (shown)</translation>
        </message>
    </context>
    <context>
        <name>ProgressRow</name>
        <message>
            <location filename="../../ui/capture_panel.py" line="68" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/capture_panel.py" line="75" />
            <source>Progress for %1</source>
            <translation>Progress for %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/capture_panel.py" line="108" />
            <source>No picture was kept: %n picture(s) kept as hashes only.</source>
            <translation>
                <numerusform>No picture was kept: %n picture kept as hashes only.</numerusform>
                <numerusform>No picture was kept: %n pictures kept as hashes only.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RepostsPanel</name>
        <message>
            <location filename="../../ui/reposts_panel.py" line="55" />
            <source>Pictures already in other items</source>
            <translation>Pictures already in other items</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="57" />
            <source>Already in your evidence</source>
            <translation>Already in your evidence</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="138" />
            <source>Open item %1</source>
            <translation>Open item %1</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="157" />
            <source>Blurred picture %1</source>
            <translation>Blurred picture %1</translation>
        </message>
        <message>
            <location filename="../../ui/reposts_panel.py" line="158" />
            <source>Hidden by you</source>
            <translation>Hidden by you</translation>
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <location filename="../../ui/safety.py" line="200" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>SecondPassphraseDialog</name>
        <message>
            <location filename="../../ui/second_passphrase.py" line="39" />
            <source>A second passphrase</source>
            <translation>A second passphrase</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="46" />
            <source>If someone makes you open EvidenceKit, you can type a second passphrase instead of yours. It opens a separate vault that you fill yourself with a few harmless notes or pictures. It looks and takes as long as opening your real vault, and nothing in it points to your real vault.</source>
            <translation>If someone makes you open EvidenceKit, you can type a second passphrase instead of yours. It opens a separate vault that you fill yourself with a few harmless notes or pictures. It looks and takes as long as opening your real vault, and nothing in it points to your real vault.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="57" />
            <source>Your vault will be kept in a folder among other files that look the same. Nothing is deleted. When this is done the app locks: open the second vault with the second passphrase and add a few things to it. Read “Help” for what this protects against, and what it does not.</source>
            <translation>Your vault will be kept in a folder among other files that look the same. Nothing is deleted. When this is done the app locks: open the second vault with the second passphrase and add a few things to it. Read “Help” for what this protects against, and what it does not.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="68" />
            <source>Second passphrase</source>
            <translation>Second passphrase</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="69" />
            <source>&amp;Second passphrase:</source>
            <translation>&amp;Second passphrase:</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="74" />
            <source>Second passphrase again</source>
            <translation>Second passphrase again</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="75" />
            <source>&amp;Again:</source>
            <translation>&amp;Again:</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="83" />
            <source>Set the second passphrase</source>
            <translation>Set the second passphrase</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="97" />
            <source>Type the second passphrase first.</source>
            <translation>Type the second passphrase first.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="102" />
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="103" />
            <source>Type the same second passphrase in both boxes. Nothing was changed.</source>
            <translation>Type the same second passphrase in both boxes. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/second_passphrase.py" line="108" />
            <source>Setting it up… this takes a few seconds.</source>
            <translation>Setting it up… this takes a few seconds.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="34" />
            <location filename="../../ui/settings_dialog.py" line="35" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="42" />
            <source>Same as the computer</source>
            <translation>Same as the computer</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="46" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="47" />
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="52" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="53" />
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="54" />
            <source>Lock the vault after this many minutes unused</source>
            <translation>Lock the vault after this many minutes unused</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="55" />
            <source>Lock when &amp;unused for:</source>
            <translation>Lock when &amp;unused for:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="57" />
            <source>Use a neutral window title (“Notes”)</source>
            <translation>Use a neutral window title (“Notes”)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="64" />
            <source>Add a launcher called “Notes” to the applications menu</source>
            <translation>Add a launcher called “Notes” to the applications menu</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="70" />
            <source>It starts this app with the neutral title and a notepad icon. The program itself stays installed under its own name.</source>
            <translation>It starts this app with the neutral title and a notepad icon. The program itself stays installed under its own name.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="79" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="80" />
            <source>Clear copied text after this many seconds</source>
            <translation>Clear copied text after this many seconds</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="81" />
            <source>Clear copied text after:</source>
            <translation>Clear copied text after:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="86" />
            <source>EvidenceKit never shows notifications or plays sounds, and keeps no list of recent files.</source>
            <translation>EvidenceKit never shows notifications or plays sounds, and keeps no list of recent files.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="93" />
            <source>Restore a backup…</source>
            <translation>Restore a backup…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="96" />
            <source>Forget this computer…</source>
            <translation>Forget this computer…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="106" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="107" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <location filename="../../ui/unlock.py" line="62" />
            <location filename="../../ui/unlock.py" line="211" />
            <source>Open your vault</source>
            <translation>Open your vault</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="67" />
            <source>Your evidence is kept in a vault: one locked file on this computer or on a USB stick. Only your passphrase opens it. Nobody else, including us, can open it without the passphrase.</source>
            <translation>Your evidence is kept in a vault: one locked file on this computer or on a USB stick. Only your passphrase opens it. Nobody else, including us, can open it without the passphrase.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="82" />
            <source>Open another vault file…</source>
            <translation>Open another vault file…</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="84" />
            <source>For example a vault on a USB stick.</source>
            <translation>For example a vault on a USB stick.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="88" />
            <source>Make a new vault in another place…</source>
            <translation>Make a new vault in another place…</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="90" />
            <source>Choose where the new vault file goes, for example a USB stick.</source>
            <translation>Choose where the new vault file goes, for example a USB stick.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="106" />
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="109" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="114" />
            <source>Passphrase again</source>
            <translation>Passphrase again</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="116" />
            <source>Passphrase &amp;again:</source>
            <translation>Passphrase &amp;again:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="122" />
            <source>Passphrase strength</source>
            <translation>Passphrase strength</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="123" />
            <source>Strength:</source>
            <translation>Strength:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="127" />
            <source>Tip: a few ordinary words in a row (“green lamp under the river”) are easy to remember and hard to guess. Write it down and keep it somewhere safe: if it is lost, nobody can open the vault.</source>
            <translation>Tip: a few ordinary words in a row (“green lamp under the river”) are easy to remember and hard to guess. Write it down and keep it somewhere safe: if it is lost, nobody can open the vault.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="137" />
            <source>Who is using EvidenceKit now?</source>
            <translation>Who is using EvidenceKit now?</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="138" />
            <source>I am the person this is about</source>
            <translation>I am the person this is about</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="139" />
            <source>I am a support worker helping someone</source>
            <translation>I am a support worker helping someone</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="151" />
            <source>Your name (optional)</source>
            <translation>Your name (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="152" />
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="153" />
            <source>Your &amp;name:</source>
            <translation>Your &amp;name:</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="160" />
            <source>The name and role are written in the vault's record of who did what, which a court may read. Both are optional.</source>
            <translation>The name and role are written in the vault's record of who did what, which a court may read. Both are optional.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="171" />
            <location filename="../../ui/unlock.py" line="213" />
            <source>Open the vault</source>
            <translation>Open the vault</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="182" />
            <source>Check a bundle someone gave you</source>
            <translation>Check a bundle someone gave you</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="184" />
            <source>For lawyers and courts: no vault or passphrase is needed.</source>
            <translation>For lawyers and courts: no vault or passphrase is needed.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="205" />
            <source>Make your vault</source>
            <translation>Make your vault</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="207" />
            <source>A new vault will be made here: %1</source>
            <translation>A new vault will be made here: %1</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="209" />
            <source>Make the vault</source>
            <translation>Make the vault</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="212" />
            <source>Vault: %1</source>
            <translation>Vault: %1</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="226" />
            <source>This vault is in a folder that %1 copies to the internet.</source>
            <translation>This vault is in a folder that %1 copies to the internet.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="230" />
            <source>Anyone who can sign in to that account, on any device, gets a copy of the locked vault file. It stays locked, but it is safer to keep the vault in a folder that is not synced, or on a USB stick.</source>
            <translation>Anyone who can sign in to that account, on any device, gets a copy of the locked vault file. It stays locked, but it is safer to keep the vault in a folder that is not synced, or on a USB stick.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="243" />
            <source>Too short (at least 8 characters)</source>
            <translation>Too short (at least 8 characters)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="244" />
            <source>Weak</source>
            <translation>Weak</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="245" />
            <source>Fair</source>
            <translation>Fair</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="246" />
            <source>Good</source>
            <translation>Good</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="247" />
            <source>Strong</source>
            <translation>Strong</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="255" />
            <source>Open a vault file</source>
            <translation>Open a vault file</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="255" />
            <source>EvidenceKit vaults (*.ekv);;All files (*)</source>
            <translation>EvidenceKit vaults (*.ekv);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="264" />
            <source>Where should the new vault go?</source>
            <translation>Where should the new vault go?</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="266" />
            <source>EvidenceKit vaults (*.ekv)</source>
            <translation>EvidenceKit vaults (*.ekv)</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="286" />
            <source>Type the passphrase first.</source>
            <translation>Type the passphrase first.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="291" />
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="292" />
            <source>Type the same passphrase in both boxes. Nothing was made yet.</source>
            <translation>Type the same passphrase in both boxes. Nothing was made yet.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="325" />
            <source>Making the vault… this takes a few seconds.</source>
            <translation>Making the vault… this takes a few seconds.</translation>
        </message>
        <message>
            <location filename="../../ui/unlock.py" line="327" />
            <source>Opening the vault…</source>
            <translation>Opening the vault…</translation>
        </message>
    </context>
    <context>
        <name>VaultPage</name>
        <message>
            <location filename="../../ui/vault_page.py" line="43" />
            <source>Backup…</source>
            <translation>Backup…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="45" />
            <source>Hand over a case…</source>
            <translation>Hand over a case…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="51" />
            <source>Second passphrase…</source>
            <translation>Second passphrase…</translation>
        </message>
        <message>
            <location filename="../../ui/vault_page.py" line="53" />
            <source>A passphrase that opens a separate, harmless vault if you are forced.</source>
            <translation>A passphrase that opens a separate, harmless vault if you are forced.</translation>
        </message>
    </context>
    <context>
        <name>VerifyView</name>
        <message>
            <location filename="../../ui/verify_view.py" line="49" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="52" />
            <source>Check a bundle</source>
            <translation>Check a bundle</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="57" />
            <source>For lawyers, courts and anyone who received a bundle: this checks the file's signature, its time-stamps and every file inside it. No vault or passphrase is needed, and nothing is sent anywhere.</source>
            <translation>For lawyers, courts and anyone who received a bundle: this checks the file's signature, its time-stamps and every file inside it. No vault or passphrase is needed, and nothing is sent anywhere.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="68" />
            <source>Drop a bundle (PDF) here, or</source>
            <translation>Drop a bundle (PDF) here, or</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="69" />
            <source>Choose a bundle…</source>
            <translation>Choose a bundle…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="79" />
            <source>Trust a certificate…</source>
            <translation>Trust a certificate…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="82" />
            <source>The signer's certificate (the sender can give it to you), or a time-stamp authority's root certificate</source>
            <translation>The signer's certificate (the sender can give it to you), or a time-stamp authority's root certificate</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="87" />
            <source>Forget them</source>
            <translation>Forget them</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="96" />
            <source>Key fingerprint the sender read to you:</source>
            <translation>Key fingerprint the sender read to you:</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="100" />
            <source>64 characters, 0-9 and A-F; spaces and colons are fine</source>
            <translation>64 characters, 0-9 and A-F; spaces and colons are fine</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="102" />
            <source>Key fingerprint the sender read to you</source>
            <translation>Key fingerprint the sender read to you</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="208" />
            <source>That is not a key fingerprint.</source>
            <translation>That is not a key fingerprint.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="210" />
            <source>A key fingerprint has 64 characters, the digits 0-9 and the letters A-F; spaces and colons between them are fine. Check what you typed with the person who read it to you.</source>
            <translation>A key fingerprint has 64 characters, the digits 0-9 and the letters A-F; spaces and colons between them are fine. Check what you typed with the person who read it to you.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="286" />
            <source>Type or paste the fingerprint they read to you in the field above, then check again.</source>
            <translation>Type or paste the fingerprint they read to you in the field above, then check again.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="117" />
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="123" />
            <location filename="../../ui/verify_view.py" line="131" />
            <source>What was checked</source>
            <translation>What was checked</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="127" />
            <source>Technical details</source>
            <translation>Technical details</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="133" />
            <location filename="../../ui/verify_view.py" line="138" />
            <source>Items and their time-stamps</source>
            <translation>Items and their time-stamps</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>Time-stamp</source>
            <translation>Time-stamp</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="136" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="147" />
            <source>Choose a bundle</source>
            <translation>Choose a bundle</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="147" />
            <source>PDF bundle (*.pdf)</source>
            <translation>PDF bundle (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="154" />
            <source>Choose certificates to trust</source>
            <translation>Choose certificates to trust</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="155" />
            <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
            <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/verify_view.py" line="172" />
            <source>Certificates you trust for this check: %n</source>
            <translation>
                <numerusform>Certificates you trust for this check: %n</numerusform>
                <numerusform>Certificates you trust for this check: %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="175" />
            <source>Without certificates of your own, the signature and time-stamps are checked against well-known time-stamp authorities only.</source>
            <translation>Without certificates of your own, the signature and time-stamps are checked against well-known time-stamp authorities only.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="217" />
            <source>Checking %1…</source>
            <translation>Checking %1…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="253" />
            <source>✓ Valid</source>
            <translation>✓ Valid</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="255" />
            <source>The bundle is exactly as it was signed by the key you confirmed, its time-stamps are genuine, and every file inside matches its recorded fingerprint. This cannot prove that the page told the truth, who wrote the post, or that nothing was left out.</source>
            <translation>The bundle is exactly as it was signed by the key you confirmed, its time-stamps are genuine, and every file inside matches its recorded fingerprint. This cannot prove that the page told the truth, who wrote the post, or that nothing was left out.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="262" />
            <source>✗ Not valid</source>
            <translation>✗ Not valid</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="264" />
            <source>Something in the bundle does not match what was signed. Do not rely on it; the checks below say what.</source>
            <translation>Something in the bundle does not match what was signed. Do not rely on it; the checks below say what.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="269" />
            <source>? Cannot tell</source>
            <translation>? Cannot tell</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="271" />
            <source>Nothing was found to be altered, but something could not be checked. The checks below say what. If a time-stamp or the signer is not trusted, the sender can give you the certificate to add with “Trust a certificate…”.</source>
            <translation>Nothing was found to be altered, but something could not be checked. The checks below say what. If a time-stamp or the signer is not trusted, the sender can give you the certificate to add with “Trust a certificate…”.</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="295" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="297" />
            <source>Fingerprint of the file (SHA-256)</source>
            <translation>Fingerprint of the file (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="301" />
            <source>Signed by (key fingerprint)</source>
            <translation>Signed by (key fingerprint)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="304" />
            <source>Bundle id</source>
            <translation>Bundle id</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="306" />
            <source>Signed at</source>
            <translation>Signed at</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>✓ Yes</source>
            <translation>✓ Yes</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>✗ No</source>
            <translation>✗ No</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="308" />
            <source>? Unknown</source>
            <translation>? Unknown</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="320" />
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/verify_view.py" line="324" />
            <source>%1 (not independently trusted)</source>
            <translation>%1 (not independently trusted)</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <location filename="../../ui/widgets.py" line="83" />
            <source>Close this message</source>
            <translation>Close this message</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="84" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="92" />
            <location filename="../../ui/widgets.py" line="143" />
            <source>Show details</source>
            <translation>Show details</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="98" />
            <source>Details for someone helping you</source>
            <translation>Details for someone helping you</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="143" />
            <source>Hide details</source>
            <translation>Hide details</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="159" />
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="162" />
            <source>Copy %1</source>
            <translation>Copy %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets.py" line="164" />
            <source>Copies %1. It is cleared from the clipboard after a short time.</source>
            <translation>Copies %1. It is cleared from the clipboard after a short time.</translation>
        </message>
    </context>
</TS>

"""Help that is there when wanted, never pushed: where to get support in Albania, safety
around a watched computer, what the app can and cannot prove."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from ui.widgets import button, heading


class HelpPage(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Back"), self)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addWidget(heading(self.tr("Help and support"), self, scale=1.4), 1)
        layout.addLayout(top)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # nothing here opens a browser or leaves a trace
        self.text.setAccessibleName(self.tr("Help and support"))
        self.text.setHtml(self._html())
        layout.addWidget(self.text, 1)
        self.setFocusProxy(self.text)

    def sections(self) -> list[tuple[str, list[str]]]:
        return [
            (
                self.tr("Are you safe right now?"),
                [
                    self.tr("If you are in danger now, call the police: 129."),
                    self.tr("What happened is not your fault. You decide what to do and when."),
                ],
            ),
            (
                self.tr("Support in Albania"),
                [
                    self.tr(
                        "<b>116 117</b> — the national helpline for women and girls who "
                        "face violence. Free and confidential."
                    ),
                    self.tr(
                        "<b>ALO 116 111</b> — the helpline for children and young people. "
                        "Free and confidential."
                    ),
                    self.tr(
                        "A support worker can sit with you while you collect evidence, or do "
                        "it for you, with your consent."
                    ),
                ],
            ),
            (
                self.tr("If someone may be watching this computer"),
                [
                    self.tr(
                        "Monitoring apps and screen recorders can see what you do here. "
                        "EvidenceKit cannot find them or stop them."
                    ),
                    self.tr(
                        "If you think someone watches your computer or phone, use a device "
                        "they never had access to, and talk to a support worker before "
                        "removing anything: removing a monitoring app can warn the person "
                        "who installed it."
                    ),
                    self.tr(
                        "<b>Quick exit</b> (or pressing Esc twice) hides EvidenceKit at once, "
                        "locks the vault and clears anything it copied."
                    ),
                    self.tr(
                        "Keep the vault on a USB stick, or in a folder that is not synced to "
                        "the internet."
                    ),
                    self.tr(
                        "In Settings you can add a launcher called <b>Notes</b>, with a "
                        "notepad icon, that opens EvidenceKit with the neutral title. It hides "
                        "the name from a quick look at the applications menu and the taskbar. "
                        "It does not hide the program itself: EvidenceKit is still installed "
                        "under its own name, and anyone who looks through the installed "
                        "programs or files can find it."
                    ),
                ],
            ),
            (
                self.tr("If someone makes you open EvidenceKit"),
                [
                    self.tr(
                        "<b>Second passphrase…</b> (beside <b>Backup…</b> in an open vault) sets "
                        "a second passphrase. It opens a separate vault that you fill yourself "
                        "with a few harmless notes or pictures. If someone stands next to you and "
                        "demands that you open the app, you can type that one instead: the same "
                        "screens and the same wait as with your own passphrase, and nothing in "
                        "that vault points to your real one."
                    ),
                    self.tr(
                        "Your vault is then kept in a folder among other files that look the "
                        "same, with names that mean nothing. Someone looking through your files "
                        "cannot tell which file is which, or whether there is a second vault at "
                        "all. Nothing is ever deleted: neither passphrase removes or changes "
                        "any evidence."
                    ),
                    self.tr(
                        "What it does not protect against: someone who knows EvidenceKit knows "
                        "that a second passphrase is possible, and no app can prove there is "
                        "none. A forensic examination of the computer can count the files and "
                        "see their sizes, and that one of them grows as you add evidence; it "
                        "cannot tell which file holds what without a passphrase. The folder "
                        "also takes room on the disk: about three to six times your vault's "
                        "size."
                    ),
                    self.tr(
                        "It cannot protect your real passphrase from a monitoring app, from "
                        "someone who watches you type it or films the screen, or from being "
                        "forced to say it. Open your real vault only where nobody can see. "
                        "Bundles you export and backups you make name the vault they come "
                        "from: keep them away from this computer."
                    ),
                    self.tr(
                        "Put a few believable things in the second vault and open it now and "
                        "then: an empty vault, or one never used, looks like a decoy. It keeps "
                        "its own record of when it was made. If the power goes in the moment a "
                        "change is being saved, a small recovery file stays beside your vault "
                        "until you open it again with your own passphrase."
                    ),
                ],
            ),
            (
                self.tr("If EvidenceKit finds no web browser"),
                [
                    self.tr(
                        "Capturing pages needs Google Chrome, Microsoft Edge or Chromium. If "
                        "none is found, EvidenceKit offers to download Chromium for you "
                        "(about 170 MB, it needs the internet). You can also install one of "
                        "those browsers yourself. Adding saved files works without a browser."
                    ),
                ],
            ),
            (
                self.tr("Getting pictures taken down"),
                [
                    self.tr(
                        "Most platforms have a form for reporting intimate images shared "
                        "without consent. Capture the post here first, then report it."
                    ),
                    self.tr(
                        "StopNCII.org helps stop intimate images from being shared on "
                        "participating platforms, without sending the image itself."
                    ),
                ],
            ),
            (
                self.tr("If someone in the pictures may be under 18"),
                [
                    self.tr(
                        "Keeping intimate pictures of someone under 18 is a crime almost "
                        "everywhere, even for the person in them, a support worker or a lawyer. "
                        "Tick <b>Someone in these pictures may be under 18</b> before capturing "
                        "or adding files, or turn it on for a whole case in the list of cases."
                    ),
                    self.tr(
                        "Then EvidenceKit keeps no picture or video at all: the screenshots "
                        "show plain grey boxes where the pictures were, and each picture is "
                        "kept only as its hashes (SHA-256, MD5 and PDQ), its size and its place "
                        "on the page. Files that may hold pictures, such as PDFs, are not added."
                    ),
                    self.tr(
                        "It protects you from storing the pictures by mistake. It does not "
                        "remove them from the internet, and it cannot change what was captured "
                        "before it was turned on."
                    ),
                    self.tr(
                        "<b>Take It Down</b> (takeitdown.ncmec.org) helps remove nude or sexual "
                        "pictures taken before 18 from the platforms that take part, using "
                        "only hashes made on your own device. In Albania you can call "
                        "<b>ALO 116 111</b> (free and confidential) or the police on "
                        "<b>129</b>, or report to the State Police's cybercrime unit."
                    ),
                ],
            ),
            (
                self.tr("Going to the police or a lawyer"),
                [
                    self.tr(
                        "Use “Export for a lawyer…” to make one signed file with the evidence "
                        "you choose, for example on a USB stick. Give its fingerprint with it."
                    ),
                    self.tr(
                        "A lawyer or court can check the file with “Check a bundle”, without "
                        "a vault or a passphrase."
                    ),
                ],
            ),
            (
                self.tr("Backups, hand-over, and leaving no trace here"),
                [
                    self.tr(
                        "<b>Backup…</b> writes a second encrypted copy of the whole vault and "
                        "checks it before keeping it. It protects the evidence if this "
                        "computer is lost, broken or taken. It does not protect it from "
                        "someone who knows the copy's passphrase, and an old backup does not "
                        "have what you added later."
                    ),
                    self.tr(
                        "<b>Hand over a case…</b> is for a support worker: the case goes into a "
                        "new vault of the victim's own, with her passphrase, is checked there "
                        "item by item (the same files, seals and trusted times), and only then "
                        "is removed from the clinic's vault. Her lawyer can still check every "
                        "bundle she makes later: her vault's key was handed over by the "
                        "clinic's key, and the record of that travels in her vault."
                    ),
                    self.tr(
                        "Removed evidence is overwritten inside the vault file. What that "
                        "cannot reach: SSDs and USB sticks may keep old pieces in spare space "
                        "only the drive itself uses, and backups made earlier still hold it. "
                        "Those pieces are encrypted with the clinic's passphrase."
                    ),
                    self.tr(
                        "<b>Forget this computer…</b> (in Settings) removes every vault "
                        "EvidenceKit keeps in its own folders here, its settings and the "
                        "Notes launcher, overwriting each file first. Vaults anywhere else "
                        "(a USB stick, a folder you chose), exported bundles and backups are "
                        "not touched. It does not remove the program itself, and it cannot "
                        "undo what a monitoring app has already seen."
                    ),
                ],
            ),
            (
                self.tr("When the same picture comes back"),
                [
                    self.tr(
                        "EvidenceKit recognises a picture you already saved, without showing "
                        "it: each picture gets a fingerprint (PDQ, the one platforms use) that "
                        "stays the same when the picture is made smaller, saved again, made "
                        "grey, mirrored or turned. The item then says “This picture already "
                        "appears in item …”, with both pictures blurred and a link to the "
                        "other item. Nothing is shown unless you choose to look."
                    ),
                    self.tr(
                        "It does not recognise a picture that was cut down (even a little at "
                        "the edges), tilted, or had text or a frame added. Those still have to "
                        "be found by looking, or by someone you trust."
                    ),
                    self.tr(
                        "<b>Picture hashes…</b> in the list of cases saves the fingerprints of "
                        "every picture of a case (SHA-256, MD5 and PDQ) as a file. Platforms' "
                        "report forms and services such as Take It Down and StopNCII work with "
                        "such fingerprints: the pictures themselves never leave your computer."
                    ),
                ],
            ),
            (
                self.tr("What EvidenceKit can and cannot prove"),
                [
                    self.tr(
                        "It proves what a page showed, at which address, and when it was "
                        "captured: every file is sealed with a digital signature and a "
                        "time-stamp from an independent server."
                    ),
                    self.tr(
                        "It cannot prove who made a post, and it cannot see pages that "
                        "need a login unless they are public."
                    ),
                    self.tr(
                        "If you forget your passphrase, nobody can open the vault, not even "
                        "the people who made EvidenceKit. Keep it written somewhere safe."
                    ),
                ],
            ),
        ]

    def _html(self) -> str:
        parts = []
        for title, paragraphs in self.sections():
            parts.append(f"<h3>{escape(title)}</h3>")
            parts.extend(f"<p>{text}</p>" for text in paragraphs)  # our own markup, translated
        return "".join(parts)

    def plain_text(self) -> str:
        return self.text.toPlainText()

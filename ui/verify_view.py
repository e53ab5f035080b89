"""Check a bundle (the lawyer's view): no vault, no passphrase. Drop or choose a PDF and get a
large, clear verdict — valid, not valid, or cannot tell — with every check in plain words, the
signer's fingerprint and each item's time-stamp."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.errors import EvidenceKitError
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs import Ask
from ui.jobs import VerifySummary, load_certificates, parse_fingerprint, verify_job
from ui.widgets import Facts, MessagePanel, button, heading, paragraph
from ui.workers import Job


class VerifyView(QScrollArea):
    back_requested = Signal()
    verified = Signal(object)  # VerifySummary

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._job: Job | None = None
        self.summary: VerifySummary | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAcceptDrops(True)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Back"), body)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addWidget(heading(self.tr("Check a bundle"), body, scale=1.4), 1)
        layout.addLayout(top)
        layout.addWidget(
            paragraph(
                self.tr(
                    "For lawyers, courts and anyone who received a bundle: this checks the file's "
                    "signature, its time-stamps and every file inside it. No vault or passphrase "
                    "is needed, and nothing is sent anywhere."
                ),
                body,
            )
        )
        drop = QFrame(body)
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        drop.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        drop_row = QHBoxLayout(drop)
        drop_row.addWidget(QLabel(self.tr("Drop a bundle (PDF) here, or"), drop))
        self.choose_button = button(self.tr("Choose a bundle…"), drop)
        self.choose_button.clicked.connect(self._choose)
        drop_row.addWidget(self.choose_button)
        drop_row.addStretch(1)
        layout.addWidget(drop)
        trust_row = QHBoxLayout()
        self.trust_label = QLabel(body)
        self.trust_label.setWordWrap(True)
        trust_row.addWidget(self.trust_label, 1)
        self.trust_button = button(
            self.tr("Trust a certificate…"),
            body,
            tip=self.tr(
                "The signer's certificate (the sender can give it to you), or a time-stamp "
                "authority's root certificate"
            ),
        )
        self.trust_button.clicked.connect(self._add_trust)
        self.forget_button = button(self.tr("Forget them"), body)
        self.forget_button.clicked.connect(self._forget_trust)
        trust_row.addWidget(self.trust_button)
        trust_row.addWidget(self.forget_button)
        layout.addLayout(trust_row)
        self._show_trust()
        # Who holds the signing key: a fingerprint the sender reads to her in person (or on
        # the phone) confirms it, as the CLI's --trust-fingerprint does.
        key_row = QHBoxLayout()
        key_label = QLabel(self.tr("Key fingerprint the sender read to you:"), body)
        key_row.addWidget(key_label)
        self.fingerprint = QLineEdit(body)
        self.fingerprint.setPlaceholderText(
            self.tr("64 characters, 0-9 and A-F; spaces and colons are fine")
        )
        self.fingerprint.setAccessibleName(self.tr("Key fingerprint the sender read to you"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.fingerprint.setFont(mono)
        self.fingerprint.setClearButtonEnabled(True)
        key_label.setBuddy(self.fingerprint)
        key_row.addWidget(self.fingerprint, 1)
        layout.addLayout(key_row)
        self.busy = QLabel(body)
        layout.addWidget(self.busy)
        self.message = MessagePanel(body)
        layout.addWidget(self.message)

        self.verdict = heading("", body, scale=2.2)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        layout.addWidget(self.verdict)
        self.verdict_text = paragraph("", body)
        layout.addWidget(self.verdict_text)
        self.facts = Facts(ctx.clipboard, body)
        layout.addWidget(self.facts)
        self.checks_title = heading(self.tr("What was checked"), body, scale=1.1)
        layout.addWidget(self.checks_title)
        self.checks = QTreeWidget(body)
        self.checks.setHeaderLabels(
            [self.tr("Result"), self.tr("Check"), self.tr("Technical details")]
        )
        self.checks.setRootIsDecorated(False)
        self.checks.setWordWrap(True)
        self.checks.setAccessibleName(self.tr("What was checked"))
        layout.addWidget(self.checks)
        self.items_title = heading(self.tr("Items and their time-stamps"), body, scale=1.1)
        layout.addWidget(self.items_title)
        self.items = QTreeWidget(body)
        self.items.setHeaderLabels([self.tr("Item"), self.tr("Time-stamp"), self.tr("From")])
        self.items.setRootIsDecorated(False)
        self.items.setAccessibleName(self.tr("Items and their time-stamps"))
        layout.addWidget(self.items)
        layout.addStretch(1)
        self._show_result(None)
        self.setFocusProxy(self.choose_button)

    # --- input --------------------------------------------------------------------------------

    def _choose(self) -> None:
        path = Ask.open_file(self, self.tr("Choose a bundle"), self.tr("PDF bundle (*.pdf)"))
        if path is not None:
            self.check(path)

    def _add_trust(self) -> None:
        paths = Ask.open_files(
            self,
            self.tr("Choose certificates to trust"),
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"),
        )
        if not paths:
            return
        try:
            self._ctx.trusted_certs.extend(load_certificates(paths))
        except EvidenceKitError as error:
            self.message.show_error(error)
        self._show_trust()

    def _forget_trust(self) -> None:
        self._ctx.trusted_certs.clear()
        self._show_trust()

    def _show_trust(self) -> None:
        count = len(self._ctx.trusted_certs)
        self.trust_label.setText(
            self.tr("Certificates you trust for this check: %n", "", count)
            if count
            else self.tr(
                "Without certificates of your own, the signature and time-stamps are checked "
                "against well-known time-stamp authorities only."
            )
        )
        self.forget_button.setVisible(count > 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.check(files[0])

    def check(self, path: Path, extra_trust: list[object] | None = None) -> None:
        """Verify the bundle at `path` on the job thread (trusting what the reader added)."""
        if self._job is not None:
            return
        self.message.hide()
        self._show_result(None)
        typed = self.fingerprint.text().strip()
        fingerprints: list[str] = []
        if typed:
            try:
                fingerprints.append(parse_fingerprint(typed))
            except ValueError:
                self.message.show_text(
                    self.tr("That is not a key fingerprint."),
                    self.tr(
                        "A key fingerprint has 64 characters, the digits 0-9 and the letters "
                        "A-F; spaces and colons between them are fine. Check what you typed "
                        "with the person who read it to you."
                    ),
                )
                self.fingerprint.setFocus()
                return
        self.busy.setText(self.tr("Checking %1…").replace("%1", path.name))
        self.choose_button.setEnabled(False)
        trusted = [*self._ctx.trusted_certs, *(extra_trust or [])]
        self._job = verify_job(self._ctx.runner, path, trusted, self, fingerprints=fingerprints)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self.message.show_error)
        self._job.finished.connect(self._finished)

    def _done(self, summary: VerifySummary) -> None:
        self.summary = summary
        self._show_result(summary)
        self.verified.emit(summary)

    def _finished(self) -> None:
        self._job = None
        self.busy.clear()
        self.choose_button.setEnabled(True)

    # --- output -------------------------------------------------------------------------------

    def _show_result(self, summary: VerifySummary | None) -> None:
        shown = summary is not None
        for widget in (
            self.verdict,
            self.verdict_text,
            self.facts,
            self.checks_title,
            self.checks,
            self.items_title,
            self.items,
        ):
            widget.setVisible(shown)
        if summary is None:
            return
        words = {
            "valid": (
                self.tr("✓ Valid"),
                self.tr(
                    "The bundle is exactly as it was signed by the key you confirmed, its "
                    "time-stamps are genuine, and every file inside matches its recorded "
                    "fingerprint. This cannot prove that the page told the truth, who wrote the "
                    "post, or that nothing was left out."
                ),
            ),
            "invalid": (
                self.tr("✗ Not valid"),
                self.tr(
                    "Something in the bundle does not match what was signed. Do not rely on it; "
                    "the checks below say what."
                ),
            ),
            "indeterminate": (
                self.tr("? Cannot tell"),
                self.tr(
                    "Nothing was found to be altered, but something could not be checked. The "
                    "checks below say what. If a time-stamp or the signer is not trusted, the "
                    "sender can give you the certificate to add with “Trust a certificate…”."
                ),
            ),
        }
        title, text = words.get(summary.verdict, words["indeterminate"])
        if summary.signer_unconfirmed:
            # The verifier's own words ("unchanged since it was sealed on …, by key F — confirm
            # F with the person who gave you this bundle"), then where to type it.
            said = summary.meaning_in(fmt.language())
            text = " ".join(
                [
                    said[:1].upper() + said[1:],
                    self.tr(
                        "Type or paste the fingerprint they read to you in the field above, "
                        "then check again."
                    ),
                ]
            )
        self.verdict.setText(title)
        self.verdict.setAccessibleName(title)
        self.verdict_text.setText(text)
        self.facts.clear()
        self.facts.add(self.tr("File"), str(summary.path))
        self.facts.add(
            self.tr("Fingerprint of the file (SHA-256)"), summary.sha256, copy=True, mono=True
        )
        if summary.signer:
            self.facts.add(
                self.tr("Signed by (key fingerprint)"), summary.signer, copy=True, mono=True
            )
        if summary.bundle_id:
            self.facts.add(self.tr("Bundle id"), summary.bundle_id)
        if summary.signed_at:
            self.facts.add(self.tr("Signed at"), fmt.when(summary.signed_at, seconds=True))
        self.checks.clear()
        marks = {True: self.tr("✓ Yes"), False: self.tr("✗ No"), None: self.tr("? Unknown")}
        # The core says each name and detail in English and Albanian: show its own words in the
        # window's language (the CLI and the report use the same), never a second translation.
        language = fmt.language()
        for check in summary.checks:
            detail = check.text(language)
            name = check.title.sq if language == "sq" else check.title.en
            row = QTreeWidgetItem([marks[check.ok], name, detail])
            row.setToolTip(2, detail)
            self.checks.addTopLevelItem(row)
        self.items.clear()
        for item in summary.items:
            when = fmt.when(item.time, seconds=True) if item.time else self.tr("None")
            source = item.tsa
            if item.time and not item.trusted:
                # A time from an authority nobody vouches for must not read as proven.
                source = self.tr("%1 (not independently trusted)").replace("%1", item.tsa)
            label = item.title.sq if language == "sq" else item.title.en
            self.items.addTopLevelItem(QTreeWidgetItem([label, when, source]))
        for tree in (self.checks, self.items):
            tree.resizeColumnToContents(0)
            tree.resizeColumnToContents(1)

"""“Hand over a case…” (clinic hand-over, evidencekit.vault.transfer): one case goes into a new
vault of the victim's own, with her passphrase, is checked there item by item, and only then
leaves this vault. The dialog says what happens before, and her new key's fingerprint after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QVBoxLayout, QWidget

from evidencekit.vault.transfer import HandoverResult, hand_over_case
from ui.backup_dialog import SUFFIX, close_row, place_row, secret_field
from ui.context import AppContext
from ui.dialogs import Ask
from ui.session import VaultSession
from ui.widgets import Facts, MessagePanel, button, heading, paragraph
from ui.workers import Job


class HandoverDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        session: VaultSession,
        cases: list[str],
        selected: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._session = session
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Hand over a case"))
        self.setAccessibleName(self.tr("Hand over a case"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Give a case to the person it belongs to"), self))
        layout.addWidget(
            paragraph(
                self.tr(
                    "The case is copied into a new vault of her own (for example on her USB "
                    "stick), opened with her passphrase. Every item is checked there: the same "
                    "files, seals and trusted times. Only then is the case removed from this "
                    "vault. If anything fails on the way, nothing is removed here."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.case = QComboBox(self)
        self.case.addItems(cases)
        if selected in cases:
            self.case.setCurrentText(selected)
        self.case.setAccessibleName(self.tr("The case to hand over"))
        form.addRow(self.tr("&Case:"), self.case)
        row, self.target, self.choose_target = place_row(
            self, self.tr("Where her new vault goes"), self._choose_target
        )
        form.addRow(self.tr("Her &vault:"), row)
        self.passphrase = secret_field(self, self.tr("Her passphrase"))
        form.addRow(self.tr("Her &passphrase:"), self.passphrase)
        self.repeat = secret_field(self, self.tr("Her passphrase again"))
        form.addRow(self.tr("The same &again:"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Let her type her passphrase herself. Removed evidence is overwritten "
                    "inside this vault; an SSD or USB stick may still keep old, encrypted "
                    "copies of it in its own spare space, and earlier backups keep it too."
                ),
                self,
            )
        )
        self.hand_button = button(self.tr("Hand over"), self)
        self.hand_button.clicked.connect(self.hand_over)
        layout.addWidget(self.hand_button)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        self.facts = Facts(ctx.clipboard, self)
        layout.addWidget(self.facts)
        close_row(self, layout, self.tr("Close"))

    def _choose_target(self) -> Path | None:
        return Ask.save_file(
            self, self.tr("Where should her vault go?"), Path.home() / ("her-evidence" + SUFFIX)
        )

    def hand_over(self) -> None:
        case, target = self.case.currentText(), self.target.text().strip()
        if not case or not target:
            self.message.show_text(self.tr("Choose the case and where her vault should go."))
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.show_text(self.tr("The two passphrases are not the same."))
            return
        sure = Ask.confirm(
            self,
            self.tr("Hand over this case?"),
            self.tr(
                "“%1” will be in her vault only: it is removed from this one once her copy "
                "has been checked."
            ).replace("%1", case),
            self.tr("Hand over"),
            self.tr("Not now"),
        )
        if not sure:
            return
        secret = self.passphrase.text()
        session = self._session

        async def work(job: Job) -> HandoverResult:
            return await session.call(hand_over_case, session.vault, case, Path(target), secret)

        self.job = session.run(work, "handover")
        self.hand_button.setEnabled(False)
        self.message.show_text(self.tr("Working… her vault is made, then checked item by item."))
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self.message.show_error)
        self.job.finished.connect(lambda: self.hand_button.setEnabled(True))

    def _done(self, result: HandoverResult) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.case.removeItem(self.case.findText(result.case))
        self.message.show_text(
            self.tr(
                "Done: “%1” (%n item(s)) is in her vault, checked, and no longer in this one.",
                "",
                len(result.items),
            ).replace("%1", result.case),
            self.tr(
                "Her vault signs her future bundles with its own key. Give her lawyer this "
                "fingerprint, or let her read it to them:"
            ),
        )
        self.facts.clear()
        self.facts.add(self.tr("Her vault"), str(result.path))
        self.facts.add(self.tr("Her key (SHA-256)"), result.identity, copy=True, mono=True)

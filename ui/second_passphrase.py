"""“Second passphrase…”: set a passphrase that opens a separate, harmless vault (issue 14).

For when someone makes her open the app. The work is `evidencekit.vault.decoy.set_up_decoy`,
run as a job of the open session: her vault moves onto a shelf of look-alike files, and an
empty second vault is made beside it. Then the app locks, so she can open the second vault
with the second passphrase and put a few harmless notes or pictures in it. The same button is
in every vault (the second one too), so it says nothing about which vault is open.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.decoy import set_up_decoy
from ui.session import VaultSession
from ui.widgets import MessagePanel, paragraph
from ui.workers import Job


class SecondPassphraseDialog(QDialog):
    """Emits `set_up` once the second vault exists, or once it is closed after a failure that
    came after her vault was closed for the move: either way the window must lock."""

    set_up = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._job: Job | None = None
        self.setWindowTitle(self.tr("A second passphrase"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "If someone makes you open EvidenceKit, you can type a second passphrase "
                    "instead of yours. It opens a separate vault that you fill yourself with a "
                    "few harmless notes or pictures. It looks and takes as long as opening your "
                    "real vault, and nothing in it points to your real vault."
                ),
                self,
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "Your vault will be kept in a folder among other files that look the same. "
                    "Nothing is deleted. When this is done the app locks: open the second "
                    "vault with the second passphrase and add a few things to it. Read "
                    "“Help” for what this protects against, and what it does not."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Second passphrase"))
        label = QLabel(self.tr("&Second passphrase:"), self)
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Second passphrase again"))
        again = QLabel(self.tr("&Again:"), self)
        again.setBuddy(self.repeat)
        form.addRow(again, self.repeat)
        layout.addLayout(form)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Set the second passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.finished.connect(self._closed)

    def _submit(self) -> None:
        if self._job is not None:
            return
        secret = self.passphrase.text()
        if not secret:
            self.message.show_text(self.tr("Type the second passphrase first."))
            self.passphrase.setFocus()
            return
        if secret != self.repeat.text():
            self.message.show_text(
                self.tr("The two passphrases are not the same."),
                self.tr("Type the same second passphrase in both boxes. Nothing was changed."),
            )
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        self.message.show_text(self.tr("Setting it up… this takes a few seconds."))
        self._set_busy(True)
        session = self._session

        async def work(_job: Job) -> object:
            vault = session.vault
            return await session.call(set_up_decoy, vault, secret, vault.settings)

        self._job = session.run(work, "second-passphrase", changes=False)
        self._job.succeeded.connect(self._succeeded)
        self._job.failed.connect(self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.repeat, self.ok_button, self.cancel_button):
            widget.setEnabled(not busy)

    def _succeeded(self, _place: object) -> None:
        self._job = None
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        self.message.show_error(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _vault_closed(self) -> bool:
        try:
            return not self._session.vault.is_open
        except RuntimeError:  # the session itself is locked
            return True

    def _closed(self, _result: int) -> None:
        # Done, or failed after her vault was closed for the move (the move was then undone,
        # and she opens it again from the unlock page): the window locks either way.
        if self._vault_closed():
            self.set_up.emit()

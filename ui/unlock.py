"""The first screen: open a vault (or make one), say who is using the app, nothing else.

A wrong passphrase gets a calm message and another try: there is no limit and no lockout.
A vault inside a cloud-synced folder gets a plain warning. Key derivation runs on the job
thread, so the window stays responsive while the vault opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evidencekit.sync_folders import synced_folder
from evidencekit.vault import shelf
from evidencekit.vault.passphrase import passphrase_strength
from evidencekit.vault.store import Vault
from ui.context import AppContext
from ui.dialogs import Ask
from ui.session import ROLE_SUPPORT, ROLE_VICTIM, Who, open_vault_job
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Job


class UnlockPage(QScrollArea):
    """Emits `unlocked(vault, who)` once a vault is open; `verify_requested` for what anyone may
    do without a vault (help is in the top bar, always)."""

    unlocked = Signal(object, object)
    verify_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # The default vault file, or the shelf it was moved onto (a second passphrase).
        self._path = shelf.resolve(ctx.default_vault)
        self._job: Job | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        body.setMaximumWidth(self.fontMetrics().averageCharWidth() * 95)
        outer = QWidget(self)
        centre = QHBoxLayout(outer)
        centre.addStretch(1)
        centre.addWidget(body, 4)
        centre.addStretch(1)
        self.setWidget(outer)
        layout = QVBoxLayout(body)

        self.title = heading(self.tr("Open your vault"), body, scale=1.6)
        layout.addWidget(self.title)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Your evidence is kept in a vault: one locked file on this computer or on a "
                    "USB stick. Only your passphrase opens it. Nobody else, including us, can "
                    "open it without the passphrase."
                ),
                body,
            )
        )

        # --- which vault ---
        self.path_label = QLabel(body)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.path_label)
        row = QHBoxLayout()
        self.choose_button = button(
            self.tr("Open another vault file…"),
            body,
            tip=self.tr("For example a vault on a USB stick."),
        )
        self.choose_button.clicked.connect(self._choose_existing)
        self.new_button = button(
            self.tr("Make a new vault in another place…"),
            body,
            tip=self.tr("Choose where the new vault file goes, for example a USB stick."),
        )
        self.new_button.clicked.connect(self._choose_new)
        row.addWidget(self.choose_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.sync_warning = MessagePanel(body)
        self.sync_warning.close_button.hide()
        layout.addWidget(self.sync_warning)

        # --- passphrase ---
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.passphrase = QLineEdit(body)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.textChanged.connect(self._update_strength)
        self.passphrase.returnPressed.connect(self._submit)
        self.passphrase_label = QLabel(self.tr("&Passphrase:"), body)
        self.passphrase_label.setBuddy(self.passphrase)
        form.addRow(self.passphrase_label, self.passphrase)
        self.repeat = QLineEdit(body)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.repeat.returnPressed.connect(self._submit)
        self.repeat_label = QLabel(self.tr("Passphrase &again:"), body)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.repeat_label, self.repeat)
        self.strength = QProgressBar(body)
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(True)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel(self.tr("Strength:"), body)
        form.addRow(self.strength_label, self.strength)
        self.strength_hint = paragraph(
            self.tr(
                "Tip: a few ordinary words in a row (“green lamp under the river”) are easy to "
                "remember and hard to guess. Write it down and keep it somewhere safe: if it "
                "is lost, nobody can open the vault."
            ),
            body,
        )
        form.addRow(self.strength_hint)
        layout.addLayout(form)

        # --- who ---
        layout.addWidget(heading(self.tr("Who is using EvidenceKit now?"), body, scale=1.1))
        self.role_victim = QRadioButton(self.tr("I am the person this is about"), body)
        self.role_support = QRadioButton(self.tr("I am a support worker helping someone"), body)
        self.role_victim.setChecked(True)
        self._roles = QButtonGroup(self)
        roles = QHBoxLayout()
        for radio in (self.role_victim, self.role_support):
            radio.setAccessibleName(radio.text())
            self._roles.addButton(radio)
            roles.addWidget(radio)
        roles.addStretch(1)
        layout.addLayout(roles)
        names = QFormLayout()
        self.name = QLineEdit(body)
        self.name.setAccessibleName(self.tr("Your name (optional)"))
        self.name.setPlaceholderText(self.tr("Optional"))
        name_label = QLabel(self.tr("Your &name:"), body)
        name_label.setBuddy(self.name)
        names.addRow(name_label, self.name)
        layout.addLayout(names)
        layout.addWidget(
            paragraph(
                self.tr(
                    "The name and role are written in the vault's record of who did what, "
                    "which a court may read. Both are optional."
                ),
                body,
            )
        )

        # --- go ---
        self.message = MessagePanel(body)
        layout.addWidget(self.message)
        go = QHBoxLayout()
        self.open_button = button(self.tr("Open the vault"), body)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._submit)
        go.addWidget(self.open_button)
        self.busy = QLabel(body)
        go.addWidget(self.busy, 1)
        layout.addLayout(go)

        layout.addSpacing(self.fontMetrics().height())
        others = QHBoxLayout()
        self.verify_button = button(
            self.tr("Check a bundle someone gave you"),
            body,
            tip=self.tr("For lawyers and courts: no vault or passphrase is needed."),
        )
        self.verify_button.clicked.connect(self.verify_requested)
        others.addWidget(self.verify_button)
        others.addStretch(1)
        layout.addLayout(others)
        layout.addStretch(1)
        self.set_path(self._path)

    # --- state ------------------------------------------------------------------------------

    @property
    def creating(self) -> bool:
        return not self._path.exists()

    def set_path(self, path: Path) -> None:
        self._path = path
        if shelf.is_shelf(path):
            shelf.tidy(path)  # what a crash left beside the file last used; even times
        creating = self.creating
        if creating:
            self.title.setText(self.tr("Make your vault"))
            self.path_label.setText(
                self.tr("A new vault will be made here: %1").replace("%1", str(path))
            )
            self.open_button.setText(self.tr("Make the vault"))
        else:
            self.title.setText(self.tr("Open your vault"))
            self.path_label.setText(self.tr("Vault: %1").replace("%1", str(path)))
            self.open_button.setText(self.tr("Open the vault"))
        self.open_button.setAccessibleName(self.open_button.text())
        for widget in (
            self.repeat,
            self.repeat_label,
            self.strength,
            self.strength_label,
            self.strength_hint,
        ):
            widget.setVisible(creating)
        service = synced_folder(path)
        if service:
            self.sync_warning.show_text(
                self.tr("This vault is in a folder that %1 copies to the internet.").replace(
                    "%1", service
                ),
                self.tr(
                    "Anyone who can sign in to that account, on any device, gets a copy of the "
                    "locked vault file. It stays locked, but it is safer to keep the vault in a "
                    "folder that is not synced, or on a USB stick."
                ),
            )
        else:
            self.sync_warning.hide()
        self.message.hide()
        self._update_strength()

    def _update_strength(self) -> None:
        score = passphrase_strength(self.passphrase.text())
        words = [
            self.tr("Too short (at least 8 characters)"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        ]
        self.strength.setValue(score)
        self.strength.setFormat(words[score])
        self.strength.setAccessibleDescription(words[score])

    def _choose_existing(self) -> None:
        path = Ask.open_file(
            self, self.tr("Open a vault file"), self.tr("EvidenceKit vaults (*.ekv);;All files (*)")
        )
        if path is not None:
            # One file of a shelf stands for the whole shelf: every file there is tried.
            self.set_path(shelf.shelf_of(path) or path)

    def _choose_new(self) -> None:
        path = Ask.save_file(
            self,
            self.tr("Where should the new vault go?"),
            self._ctx.default_vault,
            self.tr("EvidenceKit vaults (*.ekv)"),
        )
        if path is None:
            return
        if path.suffix != ".ekv":
            path = path.with_name(path.name + ".ekv")
        self.set_path(path)

    def who(self) -> Who:
        role = ROLE_SUPPORT if self.role_support.isChecked() else ROLE_VICTIM
        return Who(self.name.text().strip(), role)

    # --- opening ----------------------------------------------------------------------------

    def _submit(self) -> None:
        if self._job is not None:
            return
        passphrase = self.passphrase.text()
        creating = self.creating
        if not passphrase:
            self.message.show_text(self.tr("Type the passphrase first."))
            self.passphrase.setFocus()
            return
        if creating and passphrase != self.repeat.text():
            self.message.show_text(
                self.tr("The two passphrases are not the same."),
                self.tr("Type the same passphrase in both boxes. Nothing was made yet."),
            )
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        self.message.hide()
        self._set_busy(True, creating)
        self._job = open_vault_job(
            self._ctx.runner,
            self._path,
            passphrase,
            self._ctx.settings,
            self.who(),
            create=creating,
            parent=self,
        )
        self._job.succeeded.connect(self._opened)
        self._job.failed.connect(self._failed)

    def _set_busy(self, busy: bool, creating: bool = False) -> None:
        for widget in (
            self.passphrase,
            self.repeat,
            self.open_button,
            self.choose_button,
            self.new_button,
            self.role_victim,
            self.role_support,
            self.name,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.busy.setText(
                self.tr("Making the vault… this takes a few seconds.")
                if creating
                else self.tr("Opening the vault…")
            )
        else:
            self.busy.clear()

    def _opened(self, vault: Vault) -> None:
        self._job = None
        self._set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.unlocked.emit(vault, self.who())

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        self.message.show_error(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

"""“Backup…”: an encrypted, checked copy of the open vault (evidencekit.vault.backup), and
the way back, a restore from one into a new place. Every step runs as a job; the words for
each failure come from ui.messages."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.backup import BackupResult, backup_vault, restore_vault
from evidencekit.vault.copying import ReplaceNotConfirmed
from ui.context import AppContext
from ui.dialogs import Ask
from ui.session import VaultSession
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Job

SUFFIX = ".ekv"
translate = QCoreApplication.translate


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def place_row(
    parent: QWidget, name: str, ask: Callable[[], Path | None]
) -> tuple[QWidget, QLineEdit, QPushButton]:
    """A path field with a “Choose…” button beside it (shared by the hand-over dialog): the
    button asks for a place with `ask`, and the field shows the one chosen (none: unchanged)."""
    row = QWidget(parent)
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    field = QLineEdit(row)
    field.setAccessibleName(name)
    box.addWidget(field, 1)
    chooser = button(translate("BackupDialog", "Choose…"), row)

    def choose() -> None:
        chosen = ask()
        if chosen is not None:
            field.setText(str(chosen))

    chooser.clicked.connect(choose)
    box.addWidget(chooser)
    return row, field, chooser


def close_row(dialog: QDialog, layout: QVBoxLayout, text: str) -> None:
    """The last row of the backup and hand-over dialogs: a Close button (`text`, translated by
    the caller), and room for 80 characters a line."""
    close = button(text, dialog)
    close.clicked.connect(dialog.reject)
    layout.addWidget(close)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 80)


class BackupDialog(QDialog):
    """With an open vault: make a backup, or restore one. Without (from Settings, while
    locked): restore only, by default into the app's own vault place when that is free."""

    restored = Signal(object)  # the restored vault's path

    def __init__(
        self, ctx: AppContext, session: VaultSession | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._ctx = ctx
        self._session = session
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Backup"))
        self.setAccessibleName(self.tr("Backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("A second, encrypted copy of this vault"), self))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Keep it somewhere else: a USB stick in a safe place, or with someone you "
                    "trust. It protects the evidence if this computer is lost, broken or taken. "
                    "It does not protect it from someone who knows the copy's passphrase."
                ),
                self,
            )
        )
        made = QGroupBox(self.tr("Make a backup"), self)
        column = QVBoxLayout(made)
        form = QFormLayout()
        column.addLayout(form)
        row, self.target, self.choose_target = place_row(
            made, self.tr("Where the backup goes"), self._choose_target
        )
        form.addRow(self.tr("&Where:"), row)
        self.passphrase = secret_field(made, self.tr("Passphrase of the backup"))
        form.addRow(self.tr("&Passphrase of the backup:"), self.passphrase)
        self.repeat = secret_field(made, self.tr("The same passphrase again"))
        form.addRow(self.tr("The same &again:"), self.repeat)
        column.addWidget(
            paragraph(
                self.tr(
                    "You may type this vault's own passphrase, or give the copy another one. "
                    "Write it down somewhere safe: without it the copy cannot be opened."
                ),
                made,
            )
        )
        self.backup_button = button(self.tr("Make the backup"), made)
        self.backup_button.clicked.connect(self.make_backup)
        column.addWidget(self.backup_button)
        layout.addWidget(made)
        made.setVisible(session is not None)

        back = QGroupBox(self.tr("Restore a backup"), self)
        form = QFormLayout(back)
        row, self.source, _ = place_row(back, self.tr("The backup to restore"), self._choose_source)
        form.addRow(self.tr("&Backup:"), row)
        self.source_passphrase = secret_field(back, self.tr("Passphrase of that backup"))
        form.addRow(self.tr("Its pass&phrase:"), self.source_passphrase)
        row, self.restore_to, _ = place_row(
            back, self.tr("Where the restored vault goes"), self._choose_restored
        )
        form.addRow(self.tr("Restore &to:"), row)
        if session is None and not ctx.default_vault.exists():
            self.restore_to.setText(str(ctx.default_vault))
        self.restore_button = button(self.tr("Restore"), back)
        self.restore_button.clicked.connect(lambda: self.restore())
        form.addRow(self.restore_button)
        layout.addWidget(back)

        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        close_row(self, layout, self.tr("Close"))

    # --- choosing places ------------------------------------------------------------------------

    def _choose_target(self) -> Path | None:
        return Ask.save_file(
            self, self.tr("Where should the backup go?"), Path.home() / ("backup" + SUFFIX)
        )

    def _choose_source(self) -> Path | None:
        return Ask.open_file(self, self.tr("Which backup should be restored?"))

    def _choose_restored(self) -> Path | None:
        return Ask.save_file(
            self, self.tr("Where should the restored vault go?"), Path.home() / ("vault" + SUFFIX)
        )

    # --- the work -------------------------------------------------------------------------------

    def make_backup(self) -> None:
        target = self.target.text().strip()
        if not target:
            self.message.show_text(self.tr("Choose where the backup should go."))
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.show_text(self.tr("The two passphrases are not the same."))
            return
        secret = self.passphrase.text()
        session = self._session
        assert session is not None  # the backup part is shown only with an open vault

        async def work(job: Job) -> BackupResult:
            return await session.call(backup_vault, session.vault, Path(target), secret)

        self._start(session.run(work, "backup"))

    def restore(self, *, replace: bool = False) -> None:
        source, target = self.source.text().strip(), self.restore_to.text().strip()
        if not source or not target:
            self.message.show_text(self.tr("Choose the backup and where to restore it."))
            return
        secret, settings = self.source_passphrase.text(), self._ctx.settings

        async def work(job: Job) -> BackupResult:
            return await asyncio.to_thread(
                restore_vault, Path(source), secret, Path(target), settings, replace=replace
            )

        job = Job(self._ctx.runner, work, self, name="restore").start()
        job.succeeded.connect(lambda result: self.restored.emit(result.path))
        self._start(job)
        if not replace:  # asked after this job has said why and finished
            job.failed.connect(self._ask_to_replace, Qt.ConnectionType.QueuedConnection)

    def _ask_to_replace(self, error: BaseException) -> None:
        """The place (or the shelf file this passphrase opens) holds a vault: ask, then again."""
        if not isinstance(error, ReplaceNotConfirmed):
            return
        replace = Ask.confirm(
            self,
            self.tr("Replace that vault?"),
            self.tr(
                "A vault is already there. Restoring replaces it and everything in it "
                "that is not in the backup."
            ),
            self.tr("Replace it"),
            self.tr("Keep it"),
        )
        if replace:
            self.restore(replace=True)

    def _start(self, job: Job) -> None:
        self.job = job
        self.message.show_text(self.tr("Working… the copy is written, then checked."))
        for widget in (self.backup_button, self.restore_button):
            widget.setEnabled(False)
        job.succeeded.connect(self._done)
        job.failed.connect(self.message.show_error)
        job.finished.connect(self._finished)

    def _done(self, result: BackupResult) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.source_passphrase.clear()
        self.message.show_text(
            self.tr(
                "Done: %n item(s) copied to %1 and checked against the original.", "", result.items
            ).replace("%1", str(result.path)),
            self.tr("Keep the copy somewhere else than this computer."),
        )

    def _finished(self) -> None:
        for widget in (self.backup_button, self.restore_button):
            widget.setEnabled(True)

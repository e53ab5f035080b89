"""Settings the person may want: language, auto-lock time, a neutral window title, how long
copied text stays on the clipboard. Saved to the settings file (only these keys)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidencekit import launchers
from evidencekit.errors import EvidenceKitError
from ui.context import AppContext
from ui.safety import apply_window_icon
from ui.widgets import MessagePanel, button, paragraph


class SettingsDialog(QDialog):
    applied = Signal(bool)  # True when the language changed
    forget_requested = Signal()  # "Forget this computer": confirmed with the typed word
    restore_requested = Signal()  # "Restore a backup…" (ui/backup_dialog.py)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        settings = ctx.settings

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as the computer"), "")
        self.language.addItem("Shqip", "sq")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self._row(form, self.tr("&Language:"), self.language)

        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setAccessibleName(self.tr("Lock the vault after this many minutes unused"))
        self._row(form, self.tr("Lock when &unused for:"), self.auto_lock)

        self.neutral = QCheckBox(self.tr("Use a neutral window title (“Notes”)"), self)
        self.neutral.setChecked(settings.neutral_title)
        self.neutral.setAccessibleName(self.neutral.text())
        form.addRow(self.neutral)

        # The disguised launcher (evidencekit.launchers): its state is the file itself.
        self.launcher = QCheckBox(
            self.tr("Add a launcher called “Notes” to the applications menu"), self
        )
        self.launcher.setChecked(launchers.is_installed())
        self.launcher.setAccessibleName(self.launcher.text())
        self.launcher.setToolTip(
            self.tr(
                "It starts this app with the neutral title and a notepad icon. The program "
                "itself stays installed under its own name."
            )
        )
        form.addRow(self.launcher)

        self.clipboard = QSpinBox(self)
        self.clipboard.setRange(5, 600)
        self.clipboard.setValue(max(5, settings.clipboard_clear_s))
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setAccessibleName(self.tr("Clear copied text after this many seconds"))
        self._row(form, self.tr("Clear copied text after:"), self.clipboard)
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr(
                    "EvidenceKit never shows notifications or plays sounds, and keeps no list of "
                    "recent files."
                ),
                self,
            )
        )
        # Issue 14: remove the app's vaults and settings from this machine (ui/forget_dialog.py).
        self.restore_button = button(self.tr("Restore a backup…"), self)
        self.restore_button.clicked.connect(self._restore)
        layout.addWidget(self.restore_button)
        self.forget_button = button(self.tr("Forget this computer…"), self)
        self.forget_button.clicked.connect(self._forget)
        layout.addWidget(self.forget_button)
        self.message = MessagePanel(self)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Qt has no Albanian translation of its own buttons: name them ourselves.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _restore(self) -> None:
        self.reject()
        self.restore_requested.emit()

    def _forget(self) -> None:
        from ui.forget_dialog import ForgetDialog

        dialog = ForgetDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.confirmed:
            self.reject()
            self.forget_requested.emit()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def _apply_launcher(self) -> bool:
        """Add or remove the "Notes" launcher as ticked; False (and why, shown) if it failed."""
        wanted = self.launcher.isChecked()
        try:
            if wanted and not launchers.is_installed():
                launchers.add_launcher()
            elif not wanted and launchers.is_installed():
                launchers.remove_launcher()
        except EvidenceKitError as error:
            self.message.show_error(error)
            return False
        return True

    def save(self) -> None:
        if not self._apply_launcher():
            return  # the dialog stays open, saying why; nothing else was changed
        language = str(self.language.currentData())
        changed = language != self._ctx.settings.language
        self._ctx.save(
            language=language,
            auto_lock_minutes=self.auto_lock.value(),
            neutral_title=self.neutral.isChecked(),
            clipboard_clear_s=self.clipboard.value(),
        )
        apply_window_icon(self._ctx.settings)
        self.accept()
        self.applied.emit(changed)

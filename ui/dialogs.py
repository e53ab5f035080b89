"""Every question the app asks in a dialog goes through `Ask`, so tests can answer it.

KeePassXC's `MessageBox::setNextAnswer` idea: a test queues answers with `Ask.answer(...)` and
no dialog is shown; with `Ask.forbid_dialogs` set (the GUI tests do), a question nobody
answered fails the test instead of blocking it. Our own small dialogs (never QMessageBox, which
can make system sounds) and Qt's own file dialog (never the native one, which records recent
files).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


class UnansweredDialog(AssertionError):
    """A test reached a dialog it did not answer."""


class Ask:
    _answers: ClassVar[list[Any]] = []
    forbid_dialogs: ClassVar[bool] = False
    asked: ClassVar[list[str]] = []  # titles of the questions asked (tests look at them)

    @classmethod
    def answer(cls, *answers: Any) -> None:
        """Queue answers for the next questions, in order (tests only)."""
        cls._answers.extend(answers)

    @classmethod
    def reset(cls) -> None:
        cls._answers.clear()
        cls.asked.clear()

    @classmethod
    def pending_answers(cls) -> int:
        return len(cls._answers)

    @classmethod
    def _queued(cls, title: str) -> tuple[bool, Any]:
        cls.asked.append(title)
        if cls._answers:
            return True, cls._answers.pop(0)
        if cls.forbid_dialogs:
            raise UnansweredDialog(f"a dialog was asked but not answered: {title}")
        return False, None

    # --- questions ------------------------------------------------------------------------

    @classmethod
    def confirm(cls, parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
        """A plain yes/no question; the safe answer (`no`) is the default button."""
        queued, value = cls._queued(title)
        if queued:
            return bool(value)
        dialog = _Question(parent, title, text, yes, no)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def text(cls, parent: QWidget, title: str, label: str, value: str = "") -> str | None:
        queued, answer = cls._queued(title)
        if queued:
            return answer
        dialog = _TextQuestion(parent, title, label, value)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    @classmethod
    def open_files(cls, parent: QWidget, title: str, name_filter: str = "") -> list[Path]:
        queued, answer = cls._queued(title)
        if queued:
            return [Path(p) for p in answer or []]
        dialog = _file_dialog(parent, title, name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, translate("Ask", "Open"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = [Path(p) for p in dialog.selectedFiles()] if accepted else []
        _forget(dialog)
        return chosen

    @classmethod
    def open_file(cls, parent: QWidget, title: str, name_filter: str = "") -> Path | None:
        files = cls.open_files(parent, title, name_filter)
        return files[0] if files else None

    @classmethod
    def save_file(
        cls, parent: QWidget, title: str, suggested: Path, name_filter: str = ""
    ) -> Path | None:
        queued, answer = cls._queued(title)
        if queued:
            return None if answer is None else Path(answer)
        dialog = _file_dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, translate("Ask", "Save"))
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles()
        chosen = Path(dialog.selectedFiles()[0]) if accepted else None
        _forget(dialog)
        return chosen


def _file_dialog(parent: QWidget, title: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    # Qt's own dialog: the native ones add what is opened to the desktop's "recent files".
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontResolveSymlinks, True)
    if name_filter:
        dialog.setNameFilter(name_filter)
    dialog.setAccessibleName(title)
    # Qt's own dialog has no Albanian translation: its main words come from us.
    labels = QFileDialog.DialogLabel
    dialog.setLabelText(labels.LookIn, translate("Ask", "Look in:"))
    dialog.setLabelText(labels.FileName, translate("Ask", "File name:"))
    dialog.setLabelText(labels.FileType, translate("Ask", "Files of type:"))
    dialog.setLabelText(labels.Reject, translate("Ask", "Cancel"))
    return dialog


def _forget(dialog: QFileDialog) -> None:
    """Destroy the dialog now (it saves its history as it goes), then erase that history.

    Qt keeps the last folder and recent paths under "QtProject/FileDialog"; app.py already
    sends that to a temporary folder, but on Windows it is the registry, so it is wiped too.
    """
    shiboken6.delete(dialog)
    QSettings(QSettings.Scope.UserScope, "QtProject").remove("FileDialog")


class _Question(QDialog):
    def __init__(self, parent: QWidget, title: str, text: str, yes: str, no: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAccessibleName(title)
        layout.addWidget(label)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(no, QDialogButtonBox.ButtonRole.RejectRole)
        ok.setAccessibleName(yes)
        cancel.setAccessibleName(no)
        cancel.setDefault(True)
        cancel.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class _TextQuestion(QDialog):
    def __init__(self, parent: QWidget, title: str, label: str, value: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self._edit = QLineEdit(value, self)
        self._edit.setAccessibleName(label)
        text.setBuddy(self._edit)
        layout.addWidget(self._edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Qt has no Albanian translation of its own buttons: name them ourselves.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Ask", "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Ask", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def value(self) -> str:
        return self._edit.text()

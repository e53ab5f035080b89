"""“Forget this computer…” (evidencekit.forget): a clear warning of what goes and what stays,
a word to type before the button works, and the job that does it once the vault is locked
(the main window runs it: `forget_job`)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from evidencekit import forget
from ui.widgets import button, heading, paragraph
from ui.workers import Job, LoopThread


class ForgetDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forget this computer"))
        self.setAccessibleName(self.tr("Forget this computer"))
        planned = forget.plan()
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(self.tr("Remove EvidenceKit's vaults and settings from here"), self)
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "This removes, for good, every vault EvidenceKit keeps in its own folders "
                    "on this computer (with all the evidence in them), its settings, and the "
                    "“Notes” launcher. Each file is overwritten before it is deleted. It cannot "
                    "be undone."
                ),
                self,
            )
        )
        where = "\n".join(str(f) for f in planned.folders) or self.tr("(nothing is there now)")
        layout.addWidget(paragraph(where, self, selectable=True))
        layout.addWidget(
            paragraph(
                self.tr(
                    "NOT touched: vaults anywhere else (a USB stick, a folder you chose), "
                    "bundles you exported, and backups. Make sure the evidence you need is in "
                    "one of those first. An SSD or USB stick may keep old, encrypted pieces "
                    "of deleted files in its spare space."
                ),
                self,
            )
        )
        self.word = self.tr("FORGET")
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("Type the word to confirm"))
        self.typed.setPlaceholderText(self.word)
        layout.addWidget(
            paragraph(self.tr("To go on, type %1 below.").replace("%1", self.word), self)
        )
        layout.addWidget(self.typed)
        self.forget_button = button(self.tr("Forget this computer"), self)
        self.forget_button.setEnabled(False)
        self.forget_button.clicked.connect(self.accept)
        self.typed.textChanged.connect(self._typed)
        cancel = button(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)
        layout.addWidget(self.forget_button)
        layout.addWidget(cancel)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 75)

    def _typed(self, text: str) -> None:
        self.forget_button.setEnabled(text.strip() == self.word)

    @property
    def confirmed(self) -> bool:
        return self.typed.text().strip() == self.word


def forget_job(runner: LoopThread, confirmed: bool, parent: QObject | None = None) -> Job:
    """Remove everything on the job thread (the vault must be closed by then)."""

    async def work(job: Job) -> forget.ForgetReport:
        return await asyncio.to_thread(forget.forget_this_computer, confirmed=confirmed)

    return Job(runner, work, parent, name="forget").start()

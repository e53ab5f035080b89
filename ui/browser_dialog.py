"""“No browser was found”: say so plainly and offer to download Chromium, with progress and
Cancel (issue 13). The work is evidencekit/capture/browser_install.py, run as a `Job` on the
job thread; the next capture finds the new browser without a restart.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from evidencekit.capture.browser_install import InstallProgress, install_browser
from evidencekit.errors import BrowserNotFound
from ui.context import AppContext
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Cancelled, Job


def install_would_help(ctx: AppContext, error: BaseException) -> bool:
    """True for "no browser anywhere"; not when a browser path is set but wrong (a download
    would not be used then: the set path wins)."""
    chosen = ctx.settings.browser_path or os.environ.get("EVIDENCEKIT_BROWSER")
    return isinstance(error, BrowserNotFound) and not chosen


class BrowserInstallDialog(QDialog):
    installed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        command: list[str] | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._command = command  # test seams: another installer program, another folder
        self._folder = folder
        self._job: Job | None = None
        self.done_ok = False
        self.setWindowTitle(self.tr("Install a browser"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("No web browser was found"), self, scale=1.2))
        layout.addWidget(
            paragraph(
                self.tr(
                    "To capture web pages, EvidenceKit needs Google Chrome, Microsoft Edge or "
                    "Chromium, and none was found on this computer."
                ),
                self,
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "EvidenceKit can download Chromium for you now: about 170 MB, it needs the "
                    "internet and takes a few minutes. It is kept for EvidenceKit only and "
                    "changes nothing else on the computer."
                ),
                self,
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "Or install one of those browsers yourself, then capture again. Adding "
                    "saved files with “Add files…” works without a browser."
                ),
                self,
            )
        )
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Download progress"))
        self.bar.hide()
        layout.addWidget(self.bar)
        self.state = QLabel("", self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.message = MessagePanel(self)
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.install_button = button(self.tr("Download and install"), self)
        self.install_button.setDefault(True)
        self.install_button.clicked.connect(self.start)
        self.cancel_button = button(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.install_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        if self._job is not None:
            return
        self.message.hide()
        self.install_button.setEnabled(False)
        self.bar.setValue(0)
        self.bar.show()
        self._say(self.tr("Starting the download…"))
        command, folder = self._command, self._folder

        async def work(job: Job) -> Path:
            return await install_browser(job.report, command=command, folder=folder)

        # Not a child of the dialog: when the dialog goes (the vault locked, Quick exit), the
        # job is cancelled, so the installer stops and what it began is removed.
        job = Job(self._ctx.runner, work, None, name="browser-install").start()
        self.destroyed.connect(lambda *_: job.cancel())
        self._job = job
        self._job.progress.connect(self._progress)
        self._job.succeeded.connect(self._succeeded)
        self._job.failed.connect(self._failed)
        self._job.finished.connect(self._finished)

    def _say(self, text: str) -> None:
        self.state.setText(text)
        self.state.setAccessibleName(text)

    def _progress(self, step: object) -> None:
        if not isinstance(step, InstallProgress):
            return
        if step.percent is not None:
            self.bar.setValue(step.percent)
        # "Chrome for Testing 159.0.8154.6 (playwright chromium v1255)": the part she can read.
        name = step.title.split(" (playwright")[0]
        if step.finished:
            self._say(self.tr("Downloaded: %1").replace("%1", name))
        else:
            what = f"{name}, {step.size}" if step.size else name
            self._say(self.tr("Downloading %1…").replace("%1", what))

    def _succeeded(self, _folder: object) -> None:
        self.done_ok = True
        self.bar.setValue(100)
        self._say(self.tr("The browser is installed. You can capture pages now."))
        self.install_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.installed.emit()

    def _failed(self, error: BaseException) -> None:
        self.bar.hide()
        self.install_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self._say(self.tr("Stopped, as you asked. Nothing was left half-installed."))
            return
        self._say("")
        self.message.show_error(error)
        self.adjustSize()  # the message's wrapped lines need the room

    def _finished(self) -> None:
        self._job = None

    def cancel(self) -> None:
        """While downloading: stop it (what was begun is removed). Otherwise: close."""
        if self._job is not None:
            self.cancel_button.setEnabled(False)
            self._job.finished.connect(lambda: self.cancel_button.setEnabled(True))
            self._job.cancel()
            return
        if self.done_ok:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:  # Esc or the window's close button: stop first, never orphan it
        if self._job is not None:
            self.cancel()
            return
        super().reject()

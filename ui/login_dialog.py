"""“Log in to a site…”: a visible browser window where she logs in herself; the login is kept
inside the vault, encrypted (issue 12). Glue only: the work is `jobs.capture.login_into_vault`,
the same job as `evidencekit login`.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.errors import EvidenceKitError
from ui.context import AppContext
from ui.dialogs import Ask
from ui.session import VaultSession
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Job


class LoginDialog(QDialog):
    """Site (and, if the site does not show it, the account); Open; then Done or close it."""

    saved = Signal(object)  # the SessionInfo kept in the vault

    def __init__(self, ctx: AppContext, session: VaultSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx, self._session = ctx, session
        self._job: Job | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._done: asyncio.Event | None = None
        self.result_info: Any = None
        self.setWindowTitle(self.tr("Log in to a site"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Log in to a site"), self))
        layout.addWidget(
            paragraph(
                self.tr(
                    "A browser window opens. Log in there yourself, as you always do. When "
                    "you are done, close that window or press Done here. The login is kept "
                    "only inside your vault, encrypted. Captures of that site then use it."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.site = QLineEdit(self)
        self.site.setPlaceholderText("instagram.com")
        self.site.setAccessibleName(self.tr("Site or address"))
        form.addRow(self.tr("Site or address"), self.site)
        self.account = QLineEdit(self)
        self.account.setAccessibleName(self.tr("Account (if the site does not show it)"))
        form.addRow(self.tr("Account (if the site does not show it)"), self.account)
        layout.addLayout(form)
        self.message = MessagePanel(self)
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.open_button = button(self.tr("Open the login window"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.start)
        self.done_button = button(self.tr("Done"), self)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.finish)
        self.close_button = button(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.open_button, self.done_button, self.close_button):
            row.addWidget(widget)
        layout.addLayout(row)

        layout.addWidget(heading(self.tr("Saved logins"), self, scale=1.1))
        self.saved_list = QListWidget(self)
        self.saved_list.setAccessibleName(self.tr("Saved logins"))
        layout.addWidget(self.saved_list)
        self.remove_button = button(
            self.tr("Remove this login"), self, tip=self.tr("Deleted from the vault for good")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(self.remove_button)
        self.saved.connect(lambda _info: self.refresh())
        self.refresh()

    def refresh(self) -> Job:
        """Fill the list of saved logins (site, account, when made, when last used)."""
        session = self._session

        async def work(job: Job) -> Any:
            return await session.call(session.vault.sessions)

        job = session.job(work, "sessions")
        job.succeeded.connect(self._show_saved)
        return job

    def _show_saved(self, found: object) -> None:
        self.saved_list.clear()
        for info in cast("list[Any]", found):
            used = info.last_used_at or self.tr("never")
            text = self.tr("{0} — {1} — made {2}, last used {3}").format(
                info.site, info.account or "–", info.created_at, used
            )
            item = QListWidgetItem(text, self.saved_list)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
        self.remove_button.setEnabled(self.saved_list.count() > 0)

    def remove_selected(self) -> Job | None:
        if self.saved_list.currentRow() < 0:
            return None
        item = self.saved_list.currentItem()
        session_id = str(item.data(Qt.ItemDataRole.UserRole))
        if not Ask.confirm(
            self,
            self.tr("Remove this login?"),
            self.tr(
                "The saved login is deleted from the vault for good. Captures of that site "
                "are made logged out until you log in again. The history keeps a note."
            ),
            self.tr("Remove"),
            self.tr("Keep it"),
        ):
            return None
        session = self._session

        async def work(job: Job) -> Any:
            return await session.call(session.vault.remove_session, session_id)

        job = session.job(work, "remove-session", changes=False)
        job.succeeded.connect(lambda _info: self.refresh())
        job.failed.connect(self.message.show_error)
        return job

    @property
    def running(self) -> bool:
        return self._job is not None and not self._job.done

    def start(self) -> None:
        from evidencekit.capture import CaptureSettings
        from evidencekit.capture.login import login_url
        from evidencekit.jobs.capture import login_into_vault

        if self.running:
            return
        try:
            start = login_url(self.site.text())
        except EvidenceKitError as error:
            self.message.show_error(error)
            return
        settings = CaptureSettings(browser_path=self._ctx.settings.browser_path or None)
        account = self.account.text().strip()
        consent = self._session.consent or ""
        session = self._session

        async def work(job: Job) -> Any:
            self._loop, self._done = asyncio.get_running_loop(), asyncio.Event()
            return await login_into_vault(
                session.vault,
                start,
                settings,
                done=self._done,
                account=account,
                consent=consent,
                vault_lock=session.lock,
            )

        self.message.show_text(
            self.tr("The login window is open."),
            self.tr("Log in there. Then close that window, or press Done."),
        )
        self._job = session.run(work, "login", changes=False)
        self._job.succeeded.connect(self._succeeded)
        self._job.failed.connect(self.message.show_error)
        self._job.finished.connect(self._finished)
        self.open_button.setEnabled(False)
        self.done_button.setEnabled(True)

    def finish(self) -> None:
        """Done: take the login from the window now."""
        if self._loop is not None and self._done is not None:
            self._loop.call_soon_threadsafe(self._done.set)

    def _succeeded(self, value: object) -> None:
        info, wall = cast("tuple[Any, tuple[str, ...]]", value)
        self.result_info = info
        shown = info.account or self.tr("no account name was shown")
        advice = self.tr(
            "Captures of this site now use it. Before a story, a live video or a profile "
            "that shows who viewed it, you are asked first."
        )
        if wall:
            advice = self.tr(
                "The last page still looked like a login form. If you did not finish "
                "logging in, remove this login and log in again."
            )
        self.message.show_text(
            self.tr("The login is kept in the vault ({0}).").format(shown), advice
        )
        self.saved.emit(info)

    def _finished(self) -> None:
        self.open_button.setEnabled(True)
        self.done_button.setEnabled(False)

    def reject(self) -> None:
        if self.running:  # Close while the window is open: end it, keep nothing half-done
            assert self._job is not None
            self._job.cancel()
        super().reject()


def viewer_choices(parent: QWidget, links: list[Any], login_sites: set[str]) -> frozenset[str]:
    """For each link her saved login would open where its owner may see who looked (a story,
    a live video, a viewer-listed profile): ask. Returns the addresses to capture logged in
    anyway; the others are captured logged out (the safe answer is the default)."""
    from evidencekit.capture.login import site_of, viewer_notice

    chosen = set()
    for link in links:
        what = viewer_notice(link.url)
        if what is None or site_of(link.url) not in login_sites:
            continue
        if Ask.confirm(
            parent,
            QCoreApplication.translate("LoginDialog", "They may see that you looked"),
            QCoreApplication.translate(
                "LoginDialog",
                "{0} is {1}. With your saved login, its owner may see that you looked at it. "
                "Capture it logged out instead, or logged in anyway?",
            ).format(link.url, what),
            QCoreApplication.translate("LoginDialog", "Capture logged in anyway"),
            QCoreApplication.translate("LoginDialog", "Capture logged out"),
        ):
            chosen.add(link.url)
    return frozenset(chosen)

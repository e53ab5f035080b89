"""Capture web pages (paste links, press Capture) and add files, with progress per link.

Every step is shown in plain words; failures say what happened and what to try; Stop cancels.
A support worker is asked once per session for a consent note, which goes into the custody
log with each capture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidencekit.capture import PreparedUrl, prepare_url
from evidencekit.capture.urls import mask_credentials
from evidencekit.errors import EvidenceKitError
from evidencekit.jobs.account import DEFAULT_POSTS, MAX_POSTS
from evidencekit.vault.records import CaseInfo, ItemRecord
from ui import format as fmt
from ui.browser_dialog import BrowserInstallDialog, install_would_help
from ui.context import AppContext
from ui.dialogs import Ask
from ui.jobs import account_job, capture_job, capture_settings_for, import_job
from ui.login_dialog import LoginDialog, viewer_choices
from ui.messages import explain, step_name, timestamp_words
from ui.session import ROLE_SUPPORT, VaultSession
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Job

STEPS = ["opening", "loading", "scrolling", "saving", "sealing", "time-stamping", "done"]


class ProgressRow(QFrame):
    """One link (or file): where it is, how far it got, and how it ended."""

    open_requested = Signal(str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item: ItemRecord | None = None
        self.error: BaseException | None = None
        self.removed = ""
        """What was taken out of the pasted link (shown with the result)."""
        self.finished = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.label = QLabel(label, self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        top.addWidget(self.label, 1)
        self.open_button = button(self.tr("Open"), self)
        self.open_button.clicked.connect(self._open)
        self.open_button.hide()
        top.addWidget(self.open_button)
        layout.addLayout(top)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(STEPS) - 1)
        self.bar.setAccessibleName(self.tr("Progress for %1").replace("%1", label))
        layout.addWidget(self.bar)
        self.state = QLabel(step_name("waiting"), self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state)
        self.step = "waiting"

    def set_step(self, step: str) -> None:
        if self.finished:
            return
        self.step = step
        if step in STEPS:
            self.bar.setValue(STEPS.index(step))
        self.state.setText(step_name(step) + "…")
        self.bar.setFormat(step_name(step))

    def succeed(self, item: ItemRecord) -> None:
        self.finished = True
        self.item = item
        self.step = "done"
        self.bar.setValue(self.bar.maximum())
        self.bar.setFormat(step_name("done"))
        lines = [timestamp_words(item.timestamp_status)]
        status = fmt.http_status(item.status) if item.kind == "web" else ""
        if item.status is not None and item.status >= 400:
            lines.append(status)
        if self.removed:
            lines.append(self.removed)
        safe = item.metadata.get("minor_safe")
        if isinstance(safe, dict) and safe.get("on") is True:  # issue 14: said, so she knows
            count = len(safe.get("pictures") or [])
            lines.append(
                self.tr("No picture was kept: %n picture(s) kept as hashes only.", "", count)
            )
        self.state.setText("\n".join(lines))
        self.state.setAccessibleName(self.state.text())
        self.open_button.show()

    def fail(self, error: BaseException) -> None:
        self.finished = True
        self.error = error
        self.step = "failed"
        self.bar.hide()
        explanation = explain(error)
        self.state.setText(f"{explanation.headline}\n{explanation.advice}")
        self.state.setToolTip(explanation.details)
        self.state.setAccessibleName(self.state.text())

    def _open(self) -> None:
        if self.item is not None:
            self.open_requested.emit(self.item.id)


class CapturePanel(QWidget):
    back_requested = Signal()
    open_item = Signal(str)
    run_finished = Signal()

    def __init__(self, ctx: AppContext, session: VaultSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._session = session
        self._job: Job | None = None
        self.rows: dict[str, ProgressRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Back to the list"), self)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addWidget(heading(self.tr("Capture web pages"), self, scale=1.3), 1)
        layout.addLayout(top)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Paste one or more links, one on each line. Each page is opened once in a "
                    "hidden browser, saved with everything it showed, sealed, and time-stamped. "
                    "You do not have to look at the pages."
                ),
                self,
            )
        )

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.links = QPlainTextEdit(self)
        self.links.setAccessibleName(self.tr("Links to capture, one per line"))
        self.links.setPlaceholderText("https://…")
        self.links.setTabChangesFocus(True)
        self.links.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        links_label = QLabel(self.tr("&Links:"), self)
        links_label.setBuddy(self.links)
        form.addRow(links_label, self.links)
        self.links.textChanged.connect(self._update_link_notice)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note (optional)"))
        self.note.setPlaceholderText(self.tr("Optional"))
        note_label = QLabel(self.tr("&Note:"), self)
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        self.case = QComboBox(self)
        self.case.setEditable(True)
        self.case.setAccessibleName(self.tr("Case (optional)"))
        line = self.case.lineEdit()
        if line is not None:  # the box one types into has to be named too
            line.setAccessibleName(self.tr("Case (optional)"))
        case_label = QLabel(self.tr("&Case:"), self)
        case_label.setBuddy(self.case)
        form.addRow(case_label, self.case)
        layout.addLayout(form)
        layout.addLayout(self._account_option())
        # Issue 14: then no picture or video is kept, only its hashes (capture and import).
        self.minor_safe = QCheckBox(self.tr("Someone in these pictures may be &under 18"), self)
        self.minor_safe.setAccessibleName(self.tr("Someone in these pictures may be under 18"))
        self.minor_safe.setToolTip(
            self.tr(
                "Then no picture or video is kept, only its hashes, size and place: the "
                "screenshots show plain boxes where the pictures were. A case can have this on "
                "for all its captures (in the list of cases)."
            )
        )
        self._minor_safe_choice = False  # hers, kept while a minor-safe case fixes the switch
        self._minor_safe_cases: set[str] = set()
        self._cases_job: object | None = None
        self.minor_safe.toggled.connect(self._remember_minor_safe)
        self.case.currentTextChanged.connect(self._update_minor_safe)
        layout.addWidget(self.minor_safe)
        self.minor_safe_note = paragraph(
            self.tr("This case keeps pictures as their hashes only, so this is always on here."),
            self,
        )
        self.minor_safe_note.hide()
        layout.addWidget(self.minor_safe_note)

        # What comes out of the pasted links before anything is opened (names only).
        self.link_notice_box = QFrame(self)
        self.link_notice_box.setFrameShape(QFrame.Shape.StyledPanel)
        notice = QVBoxLayout(self.link_notice_box)
        self.link_notice = paragraph("", self.link_notice_box, selectable=True)
        notice.addWidget(self.link_notice)
        self.keep_share = QCheckBox(self.tr("&Keep the share codes in the links"), self)
        self.keep_share.setAccessibleName(self.tr("Keep the share codes in the links"))
        self.keep_share.setToolTip(
            self.tr(
                "Share codes can identify who shared the link (perhaps you). Keep them only if "
                "the page does not show the post without them."
            )
        )
        self.keep_share.toggled.connect(self._update_link_notice)
        notice.addWidget(self.keep_share)
        layout.addWidget(self.link_notice_box)
        self.link_notice_box.hide()

        self.consent_box = QFrame(self)
        self.consent_box.setFrameShape(QFrame.Shape.StyledPanel)
        consent = QVBoxLayout(self.consent_box)
        consent.addWidget(heading(self.tr("Consent"), self.consent_box, scale=1.05))
        consent.addWidget(
            paragraph(
                self.tr(
                    "You are capturing for someone else. Write in a few words what the person "
                    "agreed to, for example: “Ana agreed that I capture these posts for her "
                    "case.” This is asked once and kept with each capture in the record."
                ),
                self.consent_box,
            )
        )
        self.consent = QPlainTextEdit(self.consent_box)
        self.consent.setAccessibleName(self.tr("Consent note"))
        self.consent.setTabChangesFocus(True)
        self.consent.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        consent.addWidget(self.consent)
        layout.addWidget(self.consent_box)
        self.consent_done = paragraph("", self)
        layout.addWidget(self.consent_done)

        go = QHBoxLayout()
        self.capture_button = button(self.tr("Capture"), self)
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.start_capture)
        self.stop_button = button(self.tr("Stop"), self, tip=self.tr("Stop; what is saved stays"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        go.addWidget(self.capture_button)
        go.addWidget(self.stop_button)
        go.addStretch(1)
        self.login_button = button(
            self.tr("Log in to a site…"),
            self,
            tip=self.tr("For posts only logged-in people can see: the login stays in the vault"),
        )
        self.login_button.clicked.connect(self.open_login)
        go.addWidget(self.login_button)
        layout.addLayout(go)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        # No browser at all (issue 13): offer to download one, right under the message.
        self.install_browser_button = button(self.tr("Install a browser…"), self)
        self.install_browser_button.clicked.connect(self.open_browser_install)
        self.install_browser_button.hide()
        self.message.dismissed.connect(self.install_browser_button.hide)
        layout.addWidget(self.install_browser_button, 0, Qt.AlignmentFlag.AlignLeft)

        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget(area)
        self.rows_layout = QVBoxLayout(holder)
        self.rows_layout.addStretch(1)
        area.setWidget(holder)
        layout.addWidget(area, 1)
        self._update_consent()
        self.login_sites: set[str] = set()  # sites with a saved login (issue 12)
        self.account_url = ""  # the account being captured (its posts' rows appear as found)
        self.refresh_login_sites()

    def _account_option(self) -> QHBoxLayout:
        """“Capture this account” (issue 12): the profile page and its latest posts."""
        row = QHBoxLayout()
        self.account = QCheckBox(
            self.tr("This is an &account: capture its profile and latest posts"), self
        )
        self.account.setAccessibleName(
            self.tr("This is an account: capture its profile and latest posts")
        )
        self.account.setToolTip(
            self.tr(
                "Each post becomes an item of its own, linked to the account's, so the account "
                "stays on record by its number even if it is renamed or deleted."
            )
        )
        row.addWidget(self.account)
        self.posts = QSpinBox(self)
        self.posts.setRange(0, MAX_POSTS)
        self.posts.setValue(DEFAULT_POSTS)
        self.posts.setAccessibleName(self.tr("How many of its latest posts"))
        self.posts.setEnabled(False)
        posts_label = QLabel(self.tr("&Posts:"), self)
        posts_label.setBuddy(self.posts)
        self.account.toggled.connect(self.posts.setEnabled)
        row.addWidget(posts_label)
        row.addWidget(self.posts)
        row.addStretch(1)
        return row

    # --- state --------------------------------------------------------------------------------

    def refresh_login_sites(self) -> Job:
        session = self._session

        async def work(job: Job) -> Any:
            return {info.site for info in await session.call(session.vault.sessions)}

        job = session.job(work, "login-sites")
        job.succeeded.connect(lambda sites: setattr(self, "login_sites", set(sites)))
        return job

    @property
    def running(self) -> bool:
        return self._job is not None

    def set_cases(self, names: list[str], current: str | None) -> None:
        self.case.clear()
        self.case.addItem("")
        self.case.addItems(names)
        self.case.setCurrentText(current or "")
        # Which cases keep pictures as hashes only (issue 14): their switch is on and fixed.
        self._cases_job = job = self._session.load_cases()
        job.succeeded.connect(self._cases_loaded)

    def _cases_loaded(self, cases: list[CaseInfo]) -> None:
        if self.sender() is not self._cases_job:
            return  # an older answer
        self._minor_safe_cases = {c.name for c in cases if c.minor_safe}
        self._update_minor_safe()

    def _update_minor_safe(self) -> None:
        """A case set to "may be under 18" makes every capture into it minor-safe: shown so."""
        forced = self.case.currentText().strip() in self._minor_safe_cases
        self.minor_safe.blockSignals(True)
        self.minor_safe.setChecked(forced or self._minor_safe_choice)
        self.minor_safe.blockSignals(False)
        self.minor_safe.setEnabled(not forced)
        self.minor_safe_note.setVisible(forced)

    def _remember_minor_safe(self, on: bool) -> None:
        if self.minor_safe.isEnabled():
            self._minor_safe_choice = on

    def _update_consent(self) -> None:
        support = self._session.who.role == ROLE_SUPPORT
        needed = support and not self._session.consent
        self.consent_box.setVisible(needed)
        self.consent_done.setVisible(support and not needed)
        if support and self._session.consent:
            self.consent_done.setText(
                self.tr("Consent noted for this session: “%1”").replace("%1", self._session.consent)
            )

    def _pasted_lines(self) -> list[str]:
        return [line.strip() for line in self.links.toPlainText().splitlines() if line.strip()]

    def _prepared(self, line: str) -> PreparedUrl | None:
        try:
            return prepare_url(line, keep_share_parameters=self.keep_share.isChecked())
        except EvidenceKitError:
            return None

    def _update_link_notice(self) -> None:
        """Say, before anything is opened, what will be taken out of the pasted links."""
        credentials, removed, kept = False, list[str](), list[str]()
        links = 0
        for line in self._pasted_lines():
            link = self._prepared(line)
            if link is not None:
                links += 1
                credentials = credentials or link.removed_credentials
                removed += link.removed_parameters
                kept += link.kept_parameters
        lines = []
        if credentials:
            lines.append(
                self.tr(
                    "A link has a user name and password in it: they will be removed before "
                    "the page is opened, and never saved."
                )
            )
        if removed:
            lines.append(
                self.tr(
                    "These share codes can identify who shared the link and will be removed: %1"
                ).replace("%1", ", ".join(dict.fromkeys(removed)))
            )
        if kept:
            lines.append(
                self.tr("These share codes will be kept, as you chose: %1").replace(
                    "%1", ", ".join(dict.fromkeys(kept))
                )
            )
        self.link_notice.setText("\n".join(lines))
        self.link_notice.setAccessibleName(self.link_notice.text())
        self.keep_share.setVisible(bool(removed or kept))
        self.link_notice_box.setVisible(bool(lines))
        if links and not self.running:  # the browser starts while she finishes (issue 15)
            self._session.warm_up_browser(capture_settings_for(self._session, self._ctx.settings))

    def removed_words(self, link: PreparedUrl) -> str:
        """What was taken out of one link, in the window's language ("" if nothing)."""
        parts = []
        if link.removed_credentials:
            parts.append(self.tr("the user name and password"))
        if link.removed_parameters:
            parts.append(
                self.tr("the share codes %1").replace("%1", ", ".join(link.removed_parameters))
            )
        if not parts:
            return ""
        return self.tr("Removed from the link you pasted: %1").replace("%1", "; ".join(parts))

    def _take_consent(self) -> bool:
        """For a support worker: the consent note, asked once per session."""
        if self._session.who.role != ROLE_SUPPORT or self._session.consent:
            return True
        text = self.consent.toPlainText().strip()
        if not text:
            self.message.show_text(
                self.tr("Please write the consent note first."),
                self.tr("It records that the person agreed to this capture."),
            )
            self.consent.setFocus()
            return False
        self._session.consent = text
        self._update_consent()
        return True

    def _clear_rows(self) -> None:
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}

    def _add_row(self, key: str, label: str) -> ProgressRow:
        row = ProgressRow(label, self)
        row.open_requested.connect(self.open_item)
        self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
        self.rows[key] = row
        return row

    # --- capture ------------------------------------------------------------------------------

    def start_capture(self) -> None:
        if self.running:
            return
        self.install_browser_button.hide()
        lines = self._pasted_lines()
        if not lines:
            self.message.show_text(self.tr("Paste at least one link first."))
            self.links.setFocus()
            return
        if self.account.isChecked() and len(set(lines)) > 1:
            self.message.show_text(
                self.tr("Paste the address of one account only."),
                self.tr("Its posts are found on its page; they need not be pasted."),
            )
            self.links.setFocus()
            return
        if not self._take_consent():
            return
        self.message.hide()
        self._clear_rows()
        good: list[PreparedUrl] = []
        for line in dict.fromkeys(lines):
            try:
                link = prepare_url(line, keep_share_parameters=self.keep_share.isChecked())
            except EvidenceKitError as error:
                shown = mask_credentials(line)
                self._add_row(shown, shown).fail(error)  # nothing is sent for it
                continue
            if link.url in self.rows:
                continue  # two pastes of one post (differing only in share codes)
            # Only the cleaned address is shown, passed on and stored from here on.
            row = self._add_row(link.url, link.url)
            row.removed = self.removed_words(link)
            good.append(link)
        if not good:
            return
        case = self.case.currentText().strip() or None
        note = self.note.text().strip() or None
        viewer_ok = viewer_choices(self, good, self.login_sites)
        if self.account.isChecked():
            self.account_url = good[0].url
            job = account_job(
                self._session,
                good[0],
                self._ctx.settings,
                posts=self.posts.value(),
                note=note,
                case=case,
                viewer_ok=viewer_ok,
                minor_safe=self.minor_safe.isChecked(),
            )
            job.succeeded.connect(self._account_done)
            self._start(job)
            return
        self._start(
            capture_job(
                self._session,
                good,
                self._ctx.settings,
                note=note,
                case=case,
                viewer_ok=viewer_ok,
                minor_safe=self.minor_safe.isChecked(),
            )
        )

    def open_login(self) -> LoginDialog:
        """“Log in to a site…” (issue 12): she logs in herself in a visible browser window."""
        dialog = LoginDialog(self._ctx, self._session, self)
        dialog.finished.connect(lambda _code: self.refresh_login_sites())
        dialog.open()
        return dialog

    def start_import(self, paths: list[Path], case: str | None) -> None:
        if self.running:
            self.message.show_text(self.tr("Please wait until the current work is finished."))
            return
        if self._session.who.role == ROLE_SUPPORT and not self._session.consent:
            text = Ask.text(
                self,
                self.tr("Consent"),
                self.tr(
                    "You are adding evidence for someone else. Write in a few words what "
                    "the person agreed to:"
                ),
            )
            if not text or not text.strip():
                return
            self._session.consent = text.strip()
            self._update_consent()
        self.message.hide()
        self._clear_rows()
        for path in paths:
            self._add_row(str(path), path.name)
        note = self.note.text().strip() or None
        minor = self.minor_safe.isChecked()
        self._start(import_job(self._session, paths, note=note, case=case, minor_safe=minor))

    def _start(self, job: Job) -> None:
        self._job = job
        job.progress.connect(self._progress)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self.capture_button.setEnabled(False)
        self.stop_button.setEnabled(True)

    def _progress(self, value: tuple[object, ...]) -> None:
        kind, key = value[0], str(value[1])
        row = self.rows.get(key)
        if row is None and self.account_url and key != self.account_url:
            row = self._add_row(key, key)  # one of the account's posts
        if row is None:
            return
        if kind == "step":
            row.set_step(str(value[2]))
        elif kind == "result":
            item, error = value[2], value[3]
            if item is not None:
                row.succeed(item)  # type: ignore[arg-type]
                self._session.notify_changed()  # it appears in the list now
            elif error is not None:
                row.fail(error)  # type: ignore[arg-type]

    def _failed(self, error: BaseException) -> None:
        # The whole run stopped (no browser, cancelled): rows not finished say so.
        for row in self.rows.values():
            if not row.finished:
                row.fail(error)
        self.message.show_error(error)
        self.install_browser_button.setVisible(install_would_help(self._ctx, error))

    def open_browser_install(self) -> None:
        self.browser_dialog = BrowserInstallDialog(self._ctx, self)
        self.browser_dialog.installed.connect(self._browser_installed)
        self.browser_dialog.open()

    def _browser_installed(self) -> None:
        self.install_browser_button.hide()
        self.message.show_text(self.tr("The browser is installed. Press Capture to try again."))

    def _account_done(self, done: Any) -> None:
        """Who the account is (as its page said) and how many of its posts were captured."""
        if done.account.item is None:
            return  # its row says why
        who = done.identity
        shown = [f"@{str(who['handle']).lstrip('@')}"] if who.get("handle") else []
        if who.get("account_id"):
            shown.append(self.tr("account number %1").replace("%1", str(who["account_id"])))
        saved = sum(1 for p in done.posts if p.item is not None)
        self.message.show_text(
            self.tr("Account captured: %1").replace(
                "%1", ", ".join(shown) or self.tr("its name and number were not found on its page")
            ),
            self.tr(
                "%2 of the %1 latest posts found on its page were captured, each an item "
                "linked to the account's."
            )
            .replace("%1", str(len(done.found)))
            .replace("%2", str(saved)),
        )

    def _finished(self) -> None:
        self._job = None
        self.account_url = ""
        self.capture_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.rows and all(r.item is not None for r in self.rows.values()):
            self.links.clear()
        self.run_finished.emit()

    def stop(self) -> None:
        if self._job is not None:
            self.stop_button.setEnabled(False)
            self._job.cancel()

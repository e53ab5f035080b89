"""One item in full: its picture (blurred until chosen), what it is in plain words, its seal,
its files with hashes, notes and tags (changes go to the custody log), and its history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.records import ItemRecord
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs import Ask
from ui.jobs import chain_history_job, recapture_job
from ui.messages import role_name, timestamp_words
from ui.reposts_panel import RepostsPanel
from ui.session import ItemDetails, VaultSession
from ui.thumb_list import badge_words
from ui.viewer import PictureViewer
from ui.widgets import CopyButton, Facts, MessagePanel, button, heading, paragraph
from ui.workers import Job


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ItemDetail(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: AppContext, session: VaultSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._session = session
        self._item_id: str | None = None
        self._job: Job | None = None
        self._drafts: dict[str, str] = {}
        self.item: ItemRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Back to the list"), self)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title = heading("", self, scale=1.3)
        top.addWidget(self.title, 1)
        self.again_button = button(self.tr("Capture again"), self)
        self.again_button.setToolTip(
            self.tr("Capture this address again now, linked to its first capture")
        )
        self.again_button.clicked.connect(self.capture_again)
        top.addWidget(self.again_button)
        self._again_job: Job | None = None
        self._history_job: Job | None = None
        self.hide_button = button(self.tr("Never show me this…"), self)
        self.hide_button.clicked.connect(self._toggle_hidden)
        top.addWidget(self.hide_button)
        layout.addLayout(top)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        self.reposts = RepostsPanel(session, self)  # issue 14: blurred, never revealed here
        self.reposts.open_item.connect(self.show_item)
        layout.addWidget(self.reposts)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.viewer = PictureViewer(session, split)
        split.addWidget(self.viewer)
        self.tabs = QTabWidget(split)
        self.tabs.setAccessibleName(self.tr("About this item"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.tabs.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        # Every tab name stays visible (in Albanian too): no scroll arrows hiding "History".
        self.tabs.setUsesScrollButtons(False)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        self.about = Facts(ctx.clipboard, self)
        self.tabs.addTab(_scrolling(self.about, self), self.tr("About"))
        seal_page = QWidget(self)
        seal_layout = QVBoxLayout(seal_page)
        self.seal_summary = paragraph("", seal_page)
        seal_layout.addWidget(self.seal_summary)
        self.seal = Facts(ctx.clipboard, seal_page)
        seal_layout.addWidget(self.seal)
        self.retry_button = button(self.tr("Ask for the time-stamp again now"), seal_page)
        self.retry_button.clicked.connect(self._retry_timestamp)
        seal_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        seal_layout.addStretch(1)
        self.tabs.addTab(_scrolling(seal_page, self), self.tr("Seal"))
        self.files_page = QWidget(self)
        self.files = QGridLayout(self.files_page)
        self.tabs.addTab(_scrolling(self.files_page, self), self.tr("Files"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes and tags"))
        self.history = QTreeWidget(self)
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.history.setRootIsDecorated(False)
        self.history.setAccessibleName(self.tr("Record of everything done to this item"))
        self.tabs.addTab(self.history, self.tr("History"))
        session.changed.connect(self.reload)

    def _notes_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.notes = QLabel(page)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAccessibleName(self.tr("Notes"))
        layout.addWidget(_scrolling(self.notes, page), 1)
        label = QLabel(self.tr("Add a &note (it is kept with the date and your name):"), page)
        label.setWordWrap(True)
        self.note_edit = QPlainTextEdit(page)
        self.note_edit.setAccessibleName(self.tr("New note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        label.setBuddy(self.note_edit)
        layout.addWidget(label)
        layout.addWidget(self.note_edit)
        self.note_button = button(self.tr("Add note"), page)
        self.note_button.clicked.connect(self._add_note)
        layout.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignLeft)
        tags_label = QLabel(self.tr("&Tags (separated by commas):"), page)
        self.tags_edit = QLineEdit(page)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        tags_label.setBuddy(self.tags_edit)
        layout.addWidget(tags_label)
        row = QHBoxLayout()
        row.addWidget(self.tags_edit, 1)
        self.tags_button = button(self.tr("Save tags"), page)
        self.tags_button.clicked.connect(self._save_tags)
        row.addWidget(self.tags_button)
        layout.addLayout(row)
        return page

    # --- loading ----------------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        # A note half-written for another item stays with that item (in memory only).
        if self._item_id is not None:
            self._drafts[self._item_id] = self.note_edit.toPlainText()
        self.note_edit.setPlainText(self._drafts.pop(item_id, ""))
        self._item_id = item_id
        self.message.hide()
        self.reload()

    def reload(self) -> None:
        if self._item_id is None or not self._session.is_open:
            return
        self._job = self._session.load_details(self._item_id)
        self._job.succeeded.connect(self._loaded)
        self._job.failed.connect(self.message.show_error)

    def _loaded(self, details: ItemDetails) -> None:
        if self.sender() is not self._job:
            return
        item = self.item = details.item
        self.title.setText(fmt.title(item))
        self.title.setAccessibleName(fmt.title(item))
        self.viewer.set_item(item)
        self.hide_button.setText(
            self.tr("Allow showing again…") if item.hidden else self.tr("Never show me this…")
        )
        self.hide_button.setAccessibleName(self.hide_button.text())
        self.again_button.setVisible(item.kind == "web" and bool(item.url))
        self._fill_about(item)
        self.reposts.show_for(item)
        if item.kind == "web":
            self._history_job = chain_history_job(self._session, item.id)
            self._history_job.succeeded.connect(self._show_history)
        self._fill_seal(item)
        self._fill_files(item)
        self._fill_notes(item)
        self._fill_history(details.custody)

    def _fill_about(self, item: ItemRecord) -> None:
        facts = self.about
        facts.clear()
        meta: dict[str, Any] = item.metadata
        if item.kind == "web":
            facts.add(self.tr("Address"), item.url or "", copy=True)
            if item.final_url and item.final_url != item.url:
                facts.add(self.tr("Address at the end"), item.final_url, copy=True)
            facts.add(self.tr("Page title"), item.title)
            facts.add(self.tr("What the site answered"), fmt.http_status(item.status))
            http = meta.get("http") or {}
            if http.get("server_ip"):
                facts.add(self.tr("Server"), f"{http['server_ip']}:{http.get('server_port', '')}")
            tls = meta.get("tls")
            if tls:
                facts.add(self.tr("Secure connection"), self._tls_words(tls))
            else:
                facts.add(self.tr("Secure connection"), self.tr("No (plain http)"))
            self._fill_platform(meta)
            if meta.get("recapture_of"):
                first = str(meta["recapture_of"])
                facts.add(self.tr("Captures again"), first, copy=True)
            login = self._login_words(meta)
            if login:
                facts.add(self.tr("Logged in"), login).setTextFormat(Qt.TextFormat.PlainText)
        else:
            facts.add(self.tr("File name"), item.file_name or "")
            facts.add(self.tr("Type"), str(meta.get("media_type", "")))
            facts.add(self.tr("Size"), fmt.size(meta.get("size")))
            times = meta.get("file_times") or {}
            if times.get("modified"):
                facts.add(self.tr("File last changed"), fmt.when(times["modified"], seconds=True))
        captured = self.tr("Captured") if item.kind == "web" else self.tr("Added")
        facts.add(captured, fmt.when(item.captured_at, seconds=True))
        facts.add(self.tr("In UTC"), item.captured_at)
        role = str((meta.get("operator") or {}).get("role") or "")
        who = item.operator if not role else f"{item.operator} ({role_name(role)})"
        facts.add(self.tr("By"), who)
        facts.add(self.tr("Case"), item.case or self.tr("No case"))
        facts.add(self.tr("Evidence id"), item.id, copy=True)
        warnings = meta.get("warnings") or []
        if warnings:
            facts.add(self.tr("Notes from the capture"), "\n".join(str(w) for w in warnings))

    def _fill_platform(self, meta: dict[str, Any]) -> None:
        """What the platform's page said, and how many of the facts a court needs were found."""
        facts = self.about
        record = meta.get("platform_facts")
        if isinstance(record, dict):
            not_found = self.tr("not found on the page")

            def value(key: str) -> str:
                found = record.get(key)
                return str(found) if isinstance(found, str | int) and found != "" else not_found

            when = [str(record[k]) for k in ("posted_at_utc", "posted_at_shown") if record.get(k)]
            if len(when) == 2:
                posted = self.tr("%1 (the page showed: %2)")
                posted = posted.replace("%1", when[0]).replace("%2", when[1])
            else:
                posted = when[0] if when else not_found
            name = record.get("author_name")
            rows = [
                (self.tr("Platform"), value("platform"), False),
                (self.tr("Posted by"), str(name) if name else not_found, False),
                (self.tr("Handle"), value("handle"), bool(record.get("handle"))),
                (self.tr("Account id"), value("account_id"), bool(record.get("account_id"))),
                (self.tr("Post id"), value("post_id"), bool(record.get("post_id"))),
                (self.tr("Posted"), posted, False),
            ]
            for label, shown, copy in rows:
                # captured words are shown as they are, never read as markup
                facts.add(label, shown, copy=copy).setTextFormat(Qt.TextFormat.PlainText)
        badge = badge_words(meta)
        if badge is not None:
            facts.add(self.tr("Completeness"), f"{badge[0]}\n{badge[1]}")

    def history_words(self, history: dict[str, Any] | None) -> str:
        """ "Still online on …" or "Removed between … and …" (online_history.py)."""
        if not history:
            return ""
        if history.get("state") == "online":
            return self.tr("Still online on %1").replace(
                "%1", fmt.when(history.get("last_seen_online"), seconds=True)
            )
        seen_at = fmt.when(history.get("last_seen_online"), seconds=True)
        gone_at = fmt.when(history.get("first_seen_removed"), seconds=True)
        if seen_at:
            words = self.tr("Removed between %1 (last seen online) and %2 (first seen removed)")
            return words.replace("%1", seen_at).replace("%2", gone_at)
        return self.tr("Already removed when first captured, on %1").replace("%1", gone_at)

    def _show_history(self, history: object) -> None:
        if self.sender() is not self._history_job or not isinstance(history, dict):
            return
        self.about.add(self.tr("Online or removed"), self.history_words(history))

    def capture_again(self) -> Job | None:
        """“Capture again”: the same address now, linked to the first capture."""
        item = self.item
        if item is None or item.kind != "web" or self._again_job is not None:
            return None
        self.again_button.setEnabled(False)
        self.message.show_text(self.tr("Capturing this address again…"))
        job = self._again_job = recapture_job(self._session, [item.id], self._ctx.settings)
        job.succeeded.connect(self._captured_again)
        job.failed.connect(self._again_failed)
        return job

    def _captured_again(self, results: object) -> None:
        self._again_job = None
        self.again_button.setEnabled(True)
        row = results[0] if isinstance(results, list) and results else {}
        if not isinstance(row, dict) or row.get("error"):
            self.message.show_text(
                self.tr("It could not be captured again."), str(row.get("error") or "")
            )
            return
        self.message.show_text(
            self.tr("Captured again as %1.").replace("%1", str(row.get("id"))),
            self.history_words(row.get("history")),
        )

    def _again_failed(self, error: BaseException) -> None:
        self._again_job = None
        self.again_button.setEnabled(True)
        self.message.show_error(error)

    def _login_words(self, meta: dict[str, Any]) -> str:
        """Logged out, or as which account with whose consent and what was blocked; "" for a
        capture made before the login record."""
        login = meta.get("login")
        if not isinstance(login, dict):
            return ""
        if login.get("logged_in") is not True:
            return self.tr("No: captured logged out")
        account = str(login.get("account_as_shown") or "").lstrip("@")
        words = (
            self.tr("Yes, seen logged in as @%1").replace("%1", account)
            if account
            else self.tr("Yes (the account was not named)")
        )
        if login.get("consent_note"):
            words += "\n" + self.tr("Consent: %1").replace("%1", str(login["consent_note"]))
        blocked = login.get("blocked_requests")
        if isinstance(blocked, list):
            words += "\n" + self.tr(
                "Requests blocked so nothing changed on the platform: %1"
            ).replace("%1", str(len(blocked)))
        return words

    def _tls_words(self, tls: dict[str, Any]) -> str:
        parts = [str(tls.get("protocol") or "TLS")]
        if tls.get("issuer"):
            parts.append(self.tr("certificate from %1").replace("%1", str(tls["issuer"])))
        if tls.get("valid_to"):
            parts.append(self.tr("valid until %1").replace("%1", fmt.when(str(tls["valid_to"]))))
        if tls.get("certificate_error"):
            parts.append(self.tr("the browser reported a certificate problem"))
        return "; ".join(parts)

    def _fill_seal(self, item: ItemRecord) -> None:
        self.seal.clear()
        self.seal_summary.setText(timestamp_words(item.timestamp_status))
        seal = item.seal or {}
        self.seal.add(
            self.tr("Digest (SHA-256)"), str(seal.get("digest", "")), copy=True, mono=True
        )
        self.seal.add(
            self.tr("Signed by (key fingerprint)"),
            str(seal.get("signed_by", "")),
            copy=True,
            mono=True,
        )
        granted = [t for t in seal.get("timestamps", []) if t.get("status") == "granted"]
        for stamp in granted:
            self.seal.add(
                self.tr("Time-stamp"),
                self.tr("%1 — from %2")
                .replace("%1", fmt.when(stamp.get("time"), seconds=True))
                .replace("%2", str(stamp.get("tsa", ""))),
            )
        if not granted:
            self.seal.add(self.tr("Time-stamp"), self.tr("Pending — will be added when online"))
        self.retry_button.setVisible(not granted)

    def _fill_files(self, item: ItemRecord) -> None:
        while self.files.count():
            taken = self.files.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.deleteLater()
        for row, artifact in enumerate(item.artifacts):
            name = QLabel(f"{artifact.name}\n{fmt.size(artifact.size)}", self.files_page)
            name.setAccessibleName(f"{artifact.name}, {fmt.size(artifact.size)}")
            digest = QLabel(artifact.sha256[:16] + "…", self.files_page)
            digest.setToolTip(artifact.sha256)
            digest.setAccessibleName(self.tr("SHA-256: %1").replace("%1", artifact.sha256))
            copier = CopyButton(
                self._ctx.clipboard,
                self.tr("SHA-256 of %1").replace("%1", artifact.name),
                self.files_page,
            )
            copier.value = artifact.sha256
            self.files.addWidget(name, row, 0)
            self.files.addWidget(digest, row, 1)
            self.files.addWidget(copier, row, 2)
        self.files.setRowStretch(len(item.artifacts), 1)
        self.files.setColumnStretch(0, 1)

    def _fill_notes(self, item: ItemRecord) -> None:
        if item.notes:
            blocks = [f"{fmt.when(n.created_at)} — {n.author}\n{n.body}" for n in item.notes]
            self.notes.setText("\n\n".join(blocks))
        else:
            self.notes.setText(self.tr("No notes yet."))
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(", ".join(item.tags))

    def _fill_history(self, entries: list[Any]) -> None:
        self.history.clear()
        for entry in entries:
            row = QTreeWidgetItem(
                [
                    fmt.when(entry.at, compact=True),
                    entry.operator,
                    fmt.action(entry.action),
                    fmt.action_details(entry.action, entry.details),
                ]
            )
            row.setToolTip(0, fmt.when(entry.at, seconds=True))
            row.setToolTip(3, row.text(3))
            self.history.addTopLevelItem(row)
        for column in range(3):
            self.history.resizeColumnToContents(column)

    # --- changes (each one lands in the custody log) ----------------------------------------

    def _add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text or self._item_id is None:
            return
        job = self._session.add_note(self._item_id, text)
        job.succeeded.connect(self._note_added)
        job.failed.connect(self.message.show_error)

    def _note_added(self, _result: object) -> None:
        self.note_edit.clear()

    def _save_tags(self) -> None:
        if self._item_id is None:
            return
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        job = self._session.set_tags(self._item_id, tags)
        job.failed.connect(self.message.show_error)

    def _toggle_hidden(self) -> None:
        item = self.item
        if item is None:
            return
        if item.hidden:
            ok = Ask.confirm(
                self,
                self.tr("Allow showing again?"),
                self.tr("The picture will be blurred again, and you can choose to look at it."),
                self.tr("Allow"),
                self.tr("Keep it hidden"),
            )
        else:
            ok = Ask.confirm(
                self,
                self.tr("Never show this picture?"),
                self.tr(
                    "The item stays in the vault as evidence, unchanged, and is still included "
                    "when you export. EvidenceKit will show only a plain grey box in its place. "
                    "You can undo this here later."
                ),
                self.tr("Never show it"),
                self.tr("Cancel"),
            )
        if ok:
            job = self._session.set_hidden(item.id, not item.hidden)
            job.failed.connect(self.message.show_error)

    def _retry_timestamp(self) -> None:
        self.retry_button.setEnabled(False)
        job = self._session.retry_timestamps()
        job.finished.connect(self._retry_done)

    def _retry_done(self) -> None:
        self.retry_button.setEnabled(True)

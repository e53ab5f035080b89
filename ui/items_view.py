"""The evidence of a case as a grid (or list) of blurred thumbnails, with search and sort.

Thumbnails are made on the job thread, blurred, and kept only in memory. One picture at a
time may be revealed: by pressing and holding it, or with "Show picture" after a content
warning; revealing another blurs the first again. Files dropped here are added as evidence.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.records import ItemRecord
from ui import format as fmt
from ui.dialogs import Ask
from ui.messages import timestamp_words
from ui.placeholders import placeholder
from ui.session import VaultSession
from ui.thumb_list import ID_ROLE, ThumbList, badge_words, with_badge
from ui.widgets import MessagePanel, button, heading, paragraph
from ui.workers import Job


class ItemsView(QWidget):
    open_item = Signal(str)
    capture_requested = Signal()
    files_requested = Signal(list)  # paths to add
    export_requested = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case: str | None = None
        self._items: list[ItemRecord] = []
        self._thumbs: dict[str, QPixmap] = {}  # blurred, in memory only
        self._thumb_jobs: dict[Job, tuple[str, bool]] = {}
        self._items_job: Job | None = None
        self._revealed: str | None = None
        self.loaded_once = False
        em = self.fontMetrics().height()
        self.thumb_size = QSize(em * 11, em * 7)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = heading(self.tr("All evidence"), self, scale=1.3)
        top.addWidget(self.title, 1)
        self.capture_button = button(
            self.tr("Capture links…"), self, tip=self.tr("Save web pages as sealed evidence")
        )
        self.capture_button.clicked.connect(self.capture_requested)
        self.files_button = button(
            self.tr("Add files…"),
            self,
            tip=self.tr("Add photos, screenshots or chat exports from this computer"),
        )
        self.files_button.clicked.connect(self._choose_files)
        self.export_button = button(
            self.tr("Export for a lawyer…"),
            self,
            tip=self.tr("Make one signed file with the evidence you choose"),
        )
        self.export_button.clicked.connect(self.export_requested)
        for widget in (self.capture_button, self.files_button, self.export_button):
            top.addWidget(widget)
        layout.addLayout(top)

        tools = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search words in pages, notes and titles"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        tools.addWidget(self.search, 3)
        self.sort = QComboBox(self)
        self.sort.addItems(
            [self.tr("Newest first"), self.tr("Oldest first"), self.tr("By title (A–Z)")]
        )
        self.sort.setAccessibleName(self.tr("Sort"))
        self.sort.currentIndexChanged.connect(self._populate)
        tools.addWidget(self.sort, 1)
        self.view_button = button(self.tr("Show as a list"), self)
        self.view_button.setCheckable(True)
        self.view_button.toggled.connect(self._toggle_view)
        tools.addWidget(self.view_button)
        self.show_button = button(
            self.tr("Show picture…"),
            self,
            tip=self.tr("Show the selected picture without blur (after a warning)"),
        )
        self.show_button.clicked.connect(self.reveal_selected)
        tools.addWidget(self.show_button)
        layout.addLayout(tools)

        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        self.list = ThumbList(self)
        self.list.setAccessibleName(self.tr("Evidence"))
        self.list.setAccessibleDescription(
            self.tr(
                "Pictures are blurred. Press Enter to open an item. Press and hold a picture "
                "with the mouse to look at it."
            )
        )
        self.list.setIconSize(self.thumb_size)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self._toggle_view(False)
        self.list.itemActivated.connect(self._activated)
        self.list.hold_started.connect(self._hold)
        self.list.hold_ended.connect(self._unhold)
        self.list.files_dropped.connect(self.files_requested)
        layout.addWidget(self.list, 1)
        self.empty = paragraph(
            self.tr(
                "Nothing here yet. Use “Capture links…” to save a web page, or “Add files…” "
                "(you can also drag files here)."
            ),
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        self.empty.hide()
        session.changed.connect(self.reload)

    # --- loading ----------------------------------------------------------------------------

    def set_case(self, case: str | None) -> None:
        self._case = case
        self.title.setText(case if case is not None else self.tr("All evidence"))
        self.title.setAccessibleName(self.title.text())
        self.reload()

    def reload(self) -> None:
        self._items_job = self._session.load_items(self._case, self.search.text())
        self._items_job.succeeded.connect(self._loaded)
        self._items_job.failed.connect(self.message.show_error)

    def _loaded(self, items: list[ItemRecord]) -> None:
        if self.sender() is not self._items_job or not self._session.is_open:
            return
        self._items = items
        self._populate()
        self.loaded_once = True

    @property
    def items(self) -> list[ItemRecord]:
        return list(self._items)

    def _sorted(self) -> list[ItemRecord]:
        index = self.sort.currentIndex()
        if index == 2:
            return sorted(self._items, key=lambda i: fmt.title(i).casefold())
        return sorted(self._items, key=lambda i: i.captured_at, reverse=index == 0)

    def _populate(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        self._revealed = None
        for item in self._sorted():
            lines = [fmt.title(item), fmt.when(item.captured_at)]
            lines.append(timestamp_words(item.timestamp_status))
            badge = badge_words(item.metadata)
            if badge is not None:
                lines.append(badge[0])
            text = "\n".join(lines)
            row = QListWidgetItem(text)
            row.setData(ID_ROLE, item.id)
            row.setToolTip(fmt.place(item) + (f"\n{badge[1]}" if badge else ""))
            row.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
            row.setIcon(QIcon(with_badge(self._icon_for(item), item.metadata)))
            self.list.addItem(row)
            if item.id == selected:
                self.list.setCurrentItem(row)
        has_items = bool(self._items)
        self.list.setVisible(has_items or bool(self.search.text()))
        self.empty.setVisible(not has_items and not self.search.text())
        self.export_button.setEnabled(has_items)
        self.show_button.setEnabled(has_items)

    def _icon_for(self, item: ItemRecord) -> QPixmap:
        if item.hidden:
            return placeholder(self.thumb_size, self.tr("Hidden by you"))
        cached = self._thumbs.get(item.id)
        if cached is not None:
            return cached
        self._request(item, reveal=False)
        return placeholder(self.thumb_size, self.tr("Blurred"))

    def _request(self, item: ItemRecord, *, reveal: bool) -> None:
        job = self._session.load_picture(
            item,
            reveal=reveal,
            width=self.thumb_size.width(),
            height=self.thumb_size.height(),
            full=False,
        )
        self._thumb_jobs[job] = (item.id, reveal)
        job.succeeded.connect(self._picture)
        job.finished.connect(self._forget_job)

    def _picture(self, image: object) -> None:
        job = self.sender()
        key = self._thumb_jobs.get(job)  # type: ignore[call-overload]
        if key is None:
            return
        item_id, revealed = key
        item = self._item(item_id)
        if item is None:
            return
        if image is None:
            pixmap = placeholder(self.thumb_size, self.tr("No picture"))
        else:
            pixmap = QPixmap.fromImage(image)  # type: ignore[arg-type]
        if not revealed:
            self._thumbs[item_id] = pixmap
        elif self._revealed != item_id:
            return  # released (or another picture chosen) before it arrived
        row = self._row(item_id)
        if row is not None:
            row.setIcon(QIcon(with_badge(pixmap, item.metadata)))

    def _forget_job(self) -> None:
        self._thumb_jobs.pop(self.sender(), None)  # type: ignore[call-overload]

    # --- revealing one at a time --------------------------------------------------------------

    def reveal_selected(self) -> None:
        item = self._item(self.selected_id())
        if item is None:
            return
        if item.hidden:
            self.message.show_text(
                self.tr("You chose never to see this picture."),
                self.tr("Open the item to change that."),
            )
            return
        if not Ask.confirm(
            self,
            self.tr("Content warning"),
            self.tr(
                "This picture may show intimate or hurtful content. You do not have to look at "
                "it: the evidence is kept safe either way. Show it now?"
            ),
            self.tr("Show it"),
            self.tr("Keep it blurred"),
        ):
            return
        self._reveal(item.id)

    def _reveal(self, item_id: str) -> None:
        self._blur_again()
        item = self._item(item_id)
        if item is None or item.hidden:
            return
        self._revealed = item_id
        self._request(item, reveal=True)

    def _blur_again(self) -> None:
        if self._revealed is None:
            return
        previous, self._revealed = self._revealed, None
        row, item = self._row(previous), self._item(previous)
        if row is not None and item is not None:
            row.setIcon(QIcon(with_badge(self._icon_for(item), item.metadata)))

    @property
    def revealed(self) -> str | None:
        return self._revealed

    def _hold(self, item_id: str) -> None:
        self._reveal(item_id)

    def _unhold(self, item_id: str) -> None:
        if self._revealed == item_id:
            self._blur_again()

    # --- helpers ----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        row = self.list.currentItem()
        return None if row is None else str(row.data(ID_ROLE))

    def select(self, item_id: str) -> None:
        row = self._row(item_id)
        if row is not None:
            self.list.setCurrentItem(row)

    def _item(self, item_id: str | None) -> ItemRecord | None:
        return next((i for i in self._items if i.id == item_id), None)

    def _row(self, item_id: str) -> QListWidgetItem | None:
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.data(ID_ROLE) == item_id:
                return row
        return None

    def row_icon(self, item_id: str) -> QIcon | None:
        row = self._row(item_id)
        return None if row is None else row.icon()

    def _activated(self, row: QListWidgetItem) -> None:
        self.open_item.emit(str(row.data(ID_ROLE)))

    def _toggle_view(self, as_list: bool) -> None:
        em = self.fontMetrics().height()
        if as_list:
            self.list.setViewMode(QListView.ViewMode.ListMode)
            self.list.setIconSize(QSize(em * 4, em * 3))
            self.list.setGridSize(QSize())
            self.view_button.setText(self.tr("Show as a grid"))
        else:
            self.list.setViewMode(QListView.ViewMode.IconMode)
            self.list.setIconSize(self.thumb_size)
            self.list.setGridSize(
                QSize(self.thumb_size.width() + em * 2, self.thumb_size.height() + em * 6)
            )
            self.view_button.setText(self.tr("Show as a list"))
        self.view_button.setAccessibleName(self.view_button.text())

    def _choose_files(self) -> None:
        paths = Ask.open_files(self, self.tr("Add files as evidence"))
        if paths:
            self.files_requested.emit(paths)

"""The grid of thumbnails itself: press-and-hold on a picture, and files dropped on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QListWidget, QWidget

HOLD_MS = 450  # press this long on a thumbnail to look at it (released: blurred again)
ID_ROLE = Qt.ItemDataRole.UserRole


class ThumbList(QListWidget):
    """A QListWidget that reports press-and-hold on an item and accepts dropped files."""

    hold_started = Signal(str)
    hold_ended = Signal(str)
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragEnabled(False)
        self._held: str | None = None
        self._press: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HOLD_MS)
        self._timer.timeout.connect(self._start_hold)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self._press = str(item.data(ID_ROLE))
            self._timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._end_hold()

    def leaveEvent(self, event: object) -> None:
        self._end_hold()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def _start_hold(self) -> None:
        if self._press is not None:
            self._held = self._press
            self.hold_started.emit(self._held)

    def _end_hold(self) -> None:
        self._timer.stop()
        self._press = None
        if self._held is not None:
            held, self._held = self._held, None
            self.hold_ended.emit(held)

    # Files from the file manager: accepted as a request to add them (the view asks nothing
    # else; the vault page decides).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

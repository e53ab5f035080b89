"""The grid of thumbnails itself: press-and-hold on a picture, and files dropped on it; and
the completeness badge a web capture carries in the list and the item detail (how many of the
facts a court needs the capture found, from its metadata "completeness")."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QListWidget, QWidget

translate = QCoreApplication.translate

COMPLETE_COLOUR, INCOMPLETE_COLOUR = QColor("#1f7a3a"), QColor("#a3470a")
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


# --- completeness --------------------------------------------------------------------------


def completeness(metadata: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The capture's completeness score, or None (an import, or a capture made before)."""
    score = metadata.get("completeness")
    if not isinstance(score, Mapping):
        return None
    found, needed = score.get("found"), score.get("needed")
    if not isinstance(found, int) or not isinstance(needed, int) or not 0 <= found <= needed:
        return None
    return score


def fact_names() -> dict[str, str]:
    return {
        "handle": translate("Completeness", "the author's handle"),
        "account_id": translate("Completeness", "the account id"),
        "post_id": translate("Completeness", "the post id"),
        "posted_at": translate("Completeness", "when it was posted"),
        "content": translate("Completeness", "the text or media"),
        "no_login_wall": translate("Completeness", "seen without a login wall"),
        "not_removed": translate("Completeness", "not removed"),
    }


def badge_words(metadata: Mapping[str, Any]) -> tuple[str, str] | None:
    """(short line for the list, what is missing in plain words), or None."""
    score = completeness(metadata)
    if score is None:
        return None
    short = translate("Completeness", "Facts found: %1 of %2")
    short = short.replace("%1", str(score["found"])).replace("%2", str(score["needed"]))
    names = fact_names()
    missing = [
        names.get(str(fact.get("key")), str(fact.get("key")))
        for fact in score.get("facts") or []
        if isinstance(fact, Mapping) and fact.get("found") is False
    ]
    if not missing:
        return short, translate("Completeness", "Every fact a court needs was found.")
    return short, translate("Completeness", "Missing: %1").replace("%1", ", ".join(missing))


def with_badge(pixmap: QPixmap, metadata: Mapping[str, Any]) -> QPixmap:
    """`pixmap` with the score ("5/7") in a corner: green when complete, amber otherwise."""
    score = completeness(metadata)
    if score is None or pixmap.isNull():
        return pixmap
    out = QPixmap(pixmap)
    painter = QPainter(out)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(10, out.height() // 7))
        painter.setFont(font)
        text = f"{score['found']}/{score['needed']}"
        metrics = painter.fontMetrics()
        pad = max(3, font.pixelSize() // 4)
        width, height = metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad
        box = QRect(out.width() - width - pad, out.height() - height - pad, width, height)
        complete = score["found"] == score["needed"]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COMPLETE_COLOUR if complete else INCOMPLETE_COLOUR)
        painter.drawRoundedRect(box, pad, pad)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return out

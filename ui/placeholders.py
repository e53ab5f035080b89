"""Neutral stand-ins for pictures: a soft panel with a word ("Blurred", "Hidden by you").

Drawn from the palette, so they follow dark and high-contrast themes; cached in memory only.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

_cache: dict[tuple[int, int, str, int], QPixmap] = {}


def placeholder(size: QSize, text: str) -> QPixmap:
    palette = QApplication.palette()
    key = (size.width(), size.height(), text, palette.cacheKey())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    pixmap = QPixmap(size)
    pixmap.fill(palette.color(QPalette.ColorRole.Mid))
    painter = QPainter(pixmap)
    try:
        inner = QRect(0, 0, size.width(), size.height()).adjusted(4, 4, -4, -4)
        painter.fillRect(inner, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    finally:
        painter.end()
    if len(_cache) > 64:
        _cache.clear()
    _cache[key] = pixmap
    return pixmap

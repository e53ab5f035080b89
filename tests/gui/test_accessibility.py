"""Keyboard, screen readers, larger text and high contrast.

Every control on every main screen has a name a screen reader can say (asked through Qt's
accessibility interface, as a screen reader does); the unlock screen can be used with the Tab
key alone; a larger system font makes the app larger; colours come from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.gui.conftest import make_png, unlock

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabWidget,
)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own internals (scroll bar buttons)
            continue
        if isinstance(widget, QHeaderView):  # read out as the column titles of its table
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_every_control_has_a_name_on_every_screen(qtbot, window, ctx, tmp_path) -> None:
    assert _unnamed(window) == [], "unlock"
    unlock(qtbot, window)
    page = window.vault_page
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files([make_png(tmp_path / "post.png")])
    assert _unnamed(window) == [], "capture panel"
    page.show_list()
    qtbot.waitUntil(lambda: len(page.items.items) == 1, timeout=10_000)
    assert _unnamed(window) == [], "evidence list"
    page.open_item(page.items.items[0].id)
    qtbot.waitUntil(lambda: page.detail.item is not None, timeout=10_000)
    for tab in range(page.detail.tabs.count()):
        page.detail.tabs.setCurrentIndex(tab)
        assert _unnamed(window) == [], f"item detail, tab {tab}"
    page.show_list()
    page.show_export()
    for step in range(4):
        assert _unnamed(window) == [], f"export step {step + 1}"
        if step < 2:
            page.export.next()
    window.show_verify()
    assert _unnamed(window) == [], "verify"
    window.show_help()
    assert _unnamed(window) == [], "help"
    window.show_settings()
    assert _unnamed(window.settings_dialog) == [], "settings"
    window.settings_dialog.reject()


def test_unlock_with_the_keyboard_alone(qtbot, window) -> None:
    """From the passphrase box, Tab reaches the role, the name and the button, in that order."""
    page = window.unlock_page
    window.activateWindow()
    page.passphrase.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.passphrase)
    order = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if QApplication.focusWidget() is page.open_button:
            break
    assert page.open_button in order, "the button cannot be reached with Tab"
    assert order.index(page.repeat) < order.index(page.role_victim) < order.index(page.name)
    assert order.index(page.name) < order.index(page.open_button)
    # The quick exit can be reached with Tab too (and with Esc twice anywhere).
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.quick_exit_button:
            break
    assert QApplication.focusWidget() is window.quick_exit_button


def test_larger_system_font_makes_a_larger_app(qtbot, ctx, translations) -> None:
    from ui.main_window import MainWindow

    app = QApplication.instance()
    normal = MainWindow(ctx)
    qtbot.addWidget(normal)
    small = normal.unlock_page.title.sizeHint().height(), normal.size().width()
    original = QFont(app.font())
    try:
        bigger = QFont(original)
        bigger.setPointSizeF(original.pointSizeF() * 1.6)
        app.setFont(bigger)
        large = MainWindow(ctx)
        qtbot.addWidget(large)
        assert large.unlock_page.title.sizeHint().height() > small[0] * 1.3
        assert large.size().width() > small[1] * 1.3  # the window grows with its text
    finally:
        app.setFont(original)


def test_high_contrast_palette_is_used(qtbot, ctx, translations) -> None:
    from ui.main_window import MainWindow

    app = QApplication.instance()
    original = QPalette(app.palette())
    try:
        contrast = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "black"),
            (QPalette.ColorRole.WindowText, "white"),
            (QPalette.ColorRole.Base, "black"),
            (QPalette.ColorRole.Text, "yellow"),
            (QPalette.ColorRole.Button, "black"),
            (QPalette.ColorRole.ButtonText, "white"),
            (QPalette.ColorRole.Highlight, "#00ffff"),
            (QPalette.ColorRole.HighlightedText, "black"),
        ):
            contrast.setColor(role, QColor(colour))
        app.setPalette(contrast)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        shot = win.grab().toImage()
        # The window is black (the theme's), and the quick exit uses the theme's highlight.
        assert shot.pixelColor(3, shot.height() // 2).name() == "#000000"
        button = win.quick_exit_button
        inside = button.mapTo(win, QPoint(6, button.height() // 2))
        assert shot.pixelColor(inside).name() == "#00ffff"
    finally:
        app.setPalette(original)

"""Safety controls that watch the whole app: quick exit (Esc twice), auto-lock after idle time,
clearing what we put on the clipboard, and the neutral window title.

The inactivity filter follows KeePassXC's InactivityTimer: one app-wide event filter restarts a
single-shot timer on any input; when it fires, the window locks by replacement.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from evidencekit.config import Settings

translate = QCoreApplication.translate

# Two presses of Esc closer together than this mean "get me out of here".
DOUBLE_ESCAPE_S = 0.8

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod,
}


class InactivityLock(QObject):
    """Emits `timed_out` after `timeout_ms` without keyboard, mouse or touch input.

    Installed on the QApplication, so input to any window or dialog counts. Inactive (and
    costing nothing) while no vault is open.
    """

    timed_out = Signal()

    def __init__(self, app: QCoreApplication, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timeout_ms = timeout_ms
        self._active = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout(self, timeout_ms: int) -> None:
        """0 turns auto-lock off."""
        self._timeout_ms = timeout_ms
        if self._active:
            self.activate()

    def activate(self) -> None:
        if self._timeout_ms <= 0:
            self.deactivate()
            return
        if not self._active:
            self._app.installEventFilter(self)
            self._active = True
        self._timer.start(self._timeout_ms)

    def deactivate(self) -> None:
        if self._active:
            self._app.removeEventFilter(self)
            self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._timer.start(self._timeout_ms)
        return False

    def _fire(self) -> None:
        self.deactivate()
        self.timed_out.emit()


class EscapeTwice(QObject):
    """Emits `triggered` when Esc is pressed twice within DOUBLE_ESCAPE_S, anywhere in the app.

    A key event travels from the focused widget up to its parents and the app-wide filter sees
    each hop: only the first delivery of a press (to the focused widget, or to the window when
    nothing has focus) is counted. The first Esc still does what Esc does (closes a dialog).
    """

    triggered = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last: float | None = None
        self._app = app
        self._installed = False
        self.install()

    def install(self) -> None:
        if not self._installed:
            self._app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        if self._installed:
            self._app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() != Qt.Key.Key_Escape or event.isAutoRepeat():
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            first_hop = watched is focus
        else:
            first_hop = isinstance(watched, QWidget) and watched.isWindow()
        if not first_hop:
            return False
        now = self._clock()
        if self._last is not None and now - self._last <= DOUBLE_ESCAPE_S:
            self._last = None
            self.triggered.emit()
            return True
        self._last = now
        return False


class ClipboardGuard(QObject):
    """Copies text for the user and takes it back: after `clear_ms`, on lock and on quick exit.

    Only text we placed is cleared; something the user copied since is left alone.
    """

    def __init__(self, clear_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.clear_ms = clear_ms

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
        self._ours = text
        if self.clear_ms > 0:
            self._timer.start(self.clear_ms)

    @property
    def holding(self) -> bool:
        return self._ours is not None

    def clear(self) -> None:
        self._timer.stop()
        if self._ours is None:
            return
        board = QGuiApplication.clipboard()
        if board.text(QClipboard.Mode.Clipboard) == self._ours:
            board.clear(QClipboard.Mode.Clipboard)
        self._ours = None


# Started by the disguised "Notes" launcher (evidencekit.launchers.NEUTRAL_FLAG): neutral for
# this run whatever the setting says, without writing the setting.
_started_disguised = [False]
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def start_disguised(on: bool = True) -> None:
    _started_disguised[0] = on


def neutral_in_force(settings: Settings) -> bool:
    return settings.neutral_title or _started_disguised[0]


def window_title(settings: Settings) -> str:
    """The title the taskbar shows: neutral when asked, so a glance reveals nothing."""
    if neutral_in_force(settings):
        return translate("Safety", "Notes")
    return "EvidenceKit"


def window_icon(settings: Settings) -> QIcon:
    """The calm app icon, or the plain notepad while the title is neutral (resources/icons)."""
    name = "notes" if neutral_in_force(settings) else "evidencekit"
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(ICONS / f"{name}-{size}.png"), QSize(size, size))
    return icon


def apply_window_icon(settings: Settings) -> None:
    """Every window (and the dock or taskbar) shows the icon that fits the setting."""
    QGuiApplication.setWindowIcon(window_icon(settings))

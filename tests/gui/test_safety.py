"""Quick exit, auto-lock, the clipboard and the neutral title: the controls that protect her
when someone walks in, or when she walks away."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import make_png, unlock
from ui.widgets import CopyButton

BOUND_S = 0.100  # the bound for hiding and locking


def _idle(qtbot, window) -> None:
    """Wait until the session's own background jobs (the time-stamp retry) are done."""
    qtbot.waitUntil(lambda: window.session is not None and not window.session.busy, timeout=20_000)


def _vault_is_free(path, settings) -> bool:
    """The writer lock was released: another opener may write (the vault really is closed)."""
    with Vault.open(path, TEST_PASSPHRASE, settings, write=True):
        return True


def test_quick_exit_button_hides_and_locks_within_100ms(qtbot, window, ctx) -> None:
    unlock(qtbot, window)
    _idle(qtbot, window)
    ctx.clipboard.copy("a hash she copied")
    assert window.quick_exit_button.isVisible()
    started = time.perf_counter()
    with qtbot.waitSignal(window.locked, timeout=5_000):
        qtbot.mouseClick(window.quick_exit_button, Qt.MouseButton.LeftButton)
        hidden_after = time.perf_counter() - started
        assert not window.isVisible()
    locked_after = time.perf_counter() - started
    print(
        f"\nquick exit: hidden after {hidden_after * 1000:.1f} ms, "
        f"vault closed after {locked_after * 1000:.1f} ms"
    )
    assert hidden_after < BOUND_S
    assert locked_after < BOUND_S
    assert window.session is None and window.vault_page is None
    assert QGuiApplication.clipboard().text() == ""
    assert _vault_is_free(ctx.default_vault, ctx.settings)


def test_escape_twice_is_quick_exit(qtbot, window, ctx) -> None:
    unlock(qtbot, window)
    _idle(qtbot, window)
    window.activateWindow()
    window.vault_page.items.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.vault_page.items.search)
    started = time.perf_counter()
    with qtbot.waitSignal(window.locked, timeout=5_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert window.isVisible()  # one Esc alone does nothing drastic
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert not window.isVisible()
    assert time.perf_counter() - started < BOUND_S
    assert window.session is None


def test_two_escapes_far_apart_do_nothing(qtbot, window) -> None:
    clock = [100.0]
    window.escape._clock = lambda: clock[0]
    window.activateWindow()
    window.unlock_page.passphrase.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock_page.passphrase)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Escape)
    clock[0] += 5.0  # five seconds later: not a double press
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Escape)
    assert window.isVisible()


def _stamps(signal) -> list[float]:
    """When `signal` fired (recorded as it happens, so a fast lock is never missed)."""
    times: list[float] = []
    signal.connect(lambda *_: times.append(time.perf_counter()))
    return times


def test_auto_lock_after_idle_time(qtbot, window, ctx) -> None:
    ctx.auto_lock_ms = 400
    window.apply_settings()
    unlocked, locked = _stamps(window.unlocked), _stamps(window.locked)  # the timer starts here
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(locked), timeout=10_000)
    assert locked[0] - unlocked[0] >= 0.4 * 0.9  # not before the idle time (timer granularity)
    assert window.session is None
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.inactivity.active  # nothing to lock any more


def test_input_postpones_auto_lock(qtbot, window, ctx) -> None:
    ctx.auto_lock_ms = 400
    window.apply_settings()
    moved: list[float] = []

    def move() -> None:
        moved.append(time.perf_counter())
        target = window.vault_page.items.list.viewport()
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, event)

    # She moves the mouse 250 ms after the vault opened, before the 400 ms are up.
    window.unlocked.connect(lambda: QTimer.singleShot(250, move))
    unlocked, locked = _stamps(window.unlocked), _stamps(window.locked)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(locked), timeout=10_000)
    assert moved, "the mouse move never happened"
    assert locked[0] - moved[0] >= 0.4 * 0.9
    assert locked[0] - unlocked[0] >= 0.25 + 0.4 * 0.9


def test_copied_text_is_cleared_after_a_while(qtbot, window, ctx, tmp_path) -> None:
    ctx.clipboard.clear_ms = 200
    unlock(qtbot, window)
    page = window.vault_page
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files([make_png(tmp_path / "post.png")])
    item = page.capture.rows[str(tmp_path / "post.png")].item
    page.open_item(item.id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None, timeout=10_000)
    buttons = [b for b in detail.findChildren(CopyButton) if b.value == item.manifest_sha256]
    assert buttons, "the seal tab has a copy button for the digest"
    buttons[0].click()
    assert QGuiApplication.clipboard().text() == item.manifest_sha256
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5_000)


def test_something_she_copied_herself_is_left_alone(qtbot, ctx) -> None:
    ctx.clipboard.clear_ms = 100
    ctx.clipboard.copy("ours")
    QGuiApplication.clipboard().setText("her own text")
    qtbot.waitUntil(lambda: not ctx.clipboard.holding, timeout=5_000)
    assert QGuiApplication.clipboard().text() == "her own text"


@pytest.mark.parametrize(("lang", "title"), [("en", "Notes"), ("sq", "Shënime")])
def test_neutral_title(qtbot, window, ctx, lang, title) -> None:
    ctx.settings = dataclasses.replace(ctx.settings, neutral_title=True)
    window.translators.install(lang)
    window.retranslate()
    window.apply_settings()
    assert window.windowTitle() == title
    assert "Evidence" not in window.windowTitle()
    window.translators.install("en")


def test_lock_drops_everything_shown(qtbot, window, ctx, tmp_path) -> None:
    unlock(qtbot, window)
    page = window.vault_page
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files([make_png(tmp_path / "a.png")])
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None and window.vault_page is None
    # Lock by replacement: the page, its thumbnails and records are destroyed, not hidden.
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=5_000)
    assert _vault_is_free(ctx.default_vault, ctx.settings)


def test_no_list_of_opened_files_is_left_on_disk(qapp, isolated_env, tmp_path) -> None:
    """Qt's file dialog remembers its last folder and history in QSettings ("QtProject"):
    the app points that at a private temporary folder, deleted at exit, never the home."""
    import shutil

    from PySide6.QtCore import QSettings

    from ui.app import keep_qt_settings_off_disk

    folder = keep_qt_settings_off_disk()
    try:
        remembered = QSettings(QSettings.Scope.UserScope, "QtProject")
        remembered.setValue("FileDialog/history", ["/media/usb/evidence.pdf"])
        remembered.sync()
        assert Path(remembered.fileName()).is_relative_to(folder)
        home = Path(isolated_env["HOME"])
        assert not [p for p in home.rglob("*") if "QtProject" in p.name]
    finally:
        shutil.rmtree(folder, ignore_errors=True)

"""The window starts on the unlock page, with its safety controls visible from the first moment."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import unlock


def test_window_starts_locked_with_quick_exit_visible(window) -> None:
    assert window.windowTitle() == "EvidenceKit"
    assert window.stack.currentWidget() is window.unlock_page
    assert window.quick_exit_button.isVisible()
    assert window.unlock_page.creating  # no vault yet: the page offers to make one
    assert not window.lock_button.isEnabled()


def test_make_vault_then_lock(qtbot, window, ctx) -> None:
    unlock(qtbot, window)
    assert window.session is not None
    assert ctx.default_vault.exists()
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    assert window.session is None
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.unlock_page.creating  # the vault is there now: open it
    assert window.unlock_page.passphrase.text() == ""


def test_grab_works(window, tmp_path: Path) -> None:
    shot = tmp_path / "start.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_main_starts_and_quick_exit_quits(qapp, isolated_env, translations) -> None:
    """The real entry point (main.py / evidencekit-gui): it starts, and Quick exit ends it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import main
    from ui.main_window import MainWindow

    seen: list[MainWindow] = []

    def leave() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible or not visible[0].warmed_up:
            QTimer.singleShot(50, leave)  # not up yet
            return
        seen.append(visible[0])
        visible[0].quick_exit_button.click()

    QTimer.singleShot(0, leave)
    assert main([]) == 0
    assert seen and not seen[0].isVisible()
    assert seen[0].windowTitle() == "EvidenceKit"


def test_settings_dialog_switches_language_and_lock_time(qtbot, window, ctx) -> None:
    import json

    window.show_settings()
    dialog = window.settings_dialog
    dialog.language.setCurrentIndex(dialog.language.findData("sq"))
    dialog.auto_lock.setValue(7)
    dialog.neutral.setChecked(True)
    dialog.save()
    try:
        assert window.quick_exit_button.text() == "Dalje e shpejtë"
        assert window.windowTitle() == "Shënime"
        assert window.inactivity.timeout_ms == 7 * 60_000
        saved = json.loads(ctx.settings_path.read_text(encoding="utf-8"))
        assert saved["language"] == "sq" and saved["auto_lock_minutes"] == 7
    finally:
        window.translators.install("en")

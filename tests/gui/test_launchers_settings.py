"""Settings adds and removes the "Notes" launcher; the app it starts is neutral (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

from evidencekit.launchers import NEUTRAL_FLAG, Places

ROOT = Path(__file__).resolve().parents[2]


def icon_matches(name: str) -> bool:
    """The app's window icon, at 32 px, is resources/icons/<name>-32.png."""
    shown = QGuiApplication.windowIcon().pixmap(32, 32).toImage()
    wanted = QImage(str(ROOT / "resources" / "icons" / f"{name}-32.png"))
    fmt = QImage.Format.Format_ARGB32
    shown, wanted = shown.convertToFormat(fmt), wanted.convertToFormat(fmt)
    if shown.size() != wanted.size():
        return False
    # Up to 16 levels apart: faint edge pixels round differently through premultiplied alpha;
    # the two icons (cream and yellow, sage and teal) are a hundred levels apart nearly all over.
    for y in range(wanted.height()):
        for x in range(wanted.width()):
            a, b = shown.pixel(x, y), wanted.pixel(x, y)
            if max(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16, 24)) > 16:
                return False
    return True


def test_ticking_the_setting_adds_the_launcher_and_unticking_removes_it(qtbot, ctx) -> None:
    from ui.settings_dialog import SettingsDialog

    entry = Places.here().entry
    assert entry.parent.is_relative_to(Path(ctx.settings_path).parent)  # the test's own HOME
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.launcher.isChecked()
    dialog.launcher.setChecked(True)
    dialog.save()
    assert entry.is_file()
    text = entry.read_text(encoding="utf-8")
    assert "Name=Notes" in text and NEUTRAL_FLAG in text
    again = SettingsDialog(ctx)  # the box shows what is on disk
    qtbot.addWidget(again)
    assert again.launcher.isChecked()
    again.launcher.setChecked(False)
    again.save()
    assert not entry.exists()
    assert not Places.here().icon.exists()


def test_a_launcher_that_cannot_be_written_keeps_the_dialog_open_saying_why(qtbot, ctx) -> None:
    from ui.settings_dialog import SettingsDialog

    entry = Places.here().entry
    entry.parent.parent.mkdir(parents=True, exist_ok=True)
    entry.parent.write_text("not a folder")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.auto_lock.setValue(9)
    dialog.launcher.setChecked(True)
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "Notes" in dialog.message.headline.text()
    assert not ctx.settings_path.exists()  # nothing else was saved either


def test_started_by_the_launcher_the_app_is_neutral_without_changing_the_setting(
    qapp, isolated_env, translations, ctx
) -> None:
    """The real entry point with the launcher's flag: title "Notes", the notepad icon."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import main
    from ui.main_window import MainWindow
    from ui.safety import start_disguised

    seen: list[tuple[str, bool]] = []

    def leave() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        if not visible or not visible[0].warmed_up:
            QTimer.singleShot(50, leave)
            return
        seen.append((visible[0].windowTitle(), icon_matches("notes")))
        visible[0].quick_exit_button.click()

    try:
        QTimer.singleShot(0, leave)
        assert main(["evidencekit-gui", NEUTRAL_FLAG]) == 0
        assert seen == [("Notes", True)]
        assert qapp.applicationName() == "Notes"  # WM_CLASS and helper windows follow it
        settings_file = Path(isolated_env["XDG_CONFIG_HOME"])
        for path in settings_file.rglob("settings.json"):
            assert not json.loads(path.read_text()).get("neutral_title")
        seen.clear()
        QTimer.singleShot(0, leave)
        assert main(["evidencekit-gui"]) == 0  # without the flag: the usual name and icon
        assert seen == [("EvidenceKit", False)] and icon_matches("evidencekit")
        assert qapp.applicationName() == "EvidenceKit"
    finally:
        start_disguised(False)

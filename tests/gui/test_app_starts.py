"""The desktop app starts and shows its (placeholder) window with a neutral title."""

from __future__ import annotations

from pathlib import Path

from ui.app import PlaceholderWindow


def test_window_shows(qtbot, tmp_path: Path) -> None:
    window = PlaceholderWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "EvidenceKit"
    shot = tmp_path / "placeholder.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000

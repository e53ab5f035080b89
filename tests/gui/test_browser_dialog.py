"""“No web browser was found” (ui/browser_dialog.py, issue 13): the real installer offline, and
progress / Cancel with a real subprocess printing Playwright's installer output (the fake
installer of tests/capture/test_browser_install.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from evidencekit.errors import BrowserNotFound
from tests.support.processes import alive

SHOTS = Path(os.environ.get("EK_SHOTS", "/tmp/ek/icon"))


def _installer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delay: float) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "capture"))
    try:
        from test_browser_install import FAKE_INSTALLER
    finally:
        sys.path.pop(0)
    script = tmp_path / "fake_installer.py"
    script.write_text(FAKE_INSTALLER, encoding="utf-8")
    state = tmp_path / "state"
    state.mkdir()
    monkeypatch.setenv("FAKE_STATE", str(state))
    monkeypatch.setenv("FAKE_DELAY", str(delay))
    monkeypatch.delenv("FAKE_CHROME", raising=False)
    return [sys.executable, str(script)]


def _shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def test_download_shows_progress_then_says_it_is_ready(qtbot, ctx, tmp_path, monkeypatch) -> None:
    from ui.browser_dialog import BrowserInstallDialog

    folder = tmp_path / "browsers"
    dialog = BrowserInstallDialog(
        ctx, command=_installer(tmp_path, monkeypatch, 0.05), folder=folder
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, "browser-dialog-en.png")
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.installed, timeout=20_000):
        dialog.install_button.click()
    assert 50 in seen and dialog.bar.value() == 100
    assert "installed" in dialog.state.text()
    assert dialog.cancel_button.text() == "Close" and not dialog.install_button.isVisible()
    assert (folder / "chromium-1255" / "INSTALLATION_COMPLETE").exists()
    qtbot.waitUntil(lambda: not dialog.running)
    dialog.cancel_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_stops_the_download_and_removes_it(qtbot, ctx, tmp_path, monkeypatch) -> None:
    from ui.browser_dialog import BrowserInstallDialog

    folder = tmp_path / "browsers"
    dialog = BrowserInstallDialog(
        ctx, command=_installer(tmp_path, monkeypatch, 0.3), folder=folder
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.install_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 20, timeout=15_000)
    _shot(dialog, "browser-dialog-progress-en.png")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=15_000)
    assert "Stopped" in dialog.state.text()
    assert dialog.isVisible()  # Cancel during the download stops it; it does not close
    assert dialog.install_button.isEnabled()  # she may try again
    assert not folder.exists()


def test_real_installer_offline_says_so_and_the_app_stays_usable(
    qtbot, ctx, tmp_path, translations, monkeypatch
) -> None:
    """Playwright's real installer, its download host unreachable (no internet here either)."""
    from tests.conftest import closed_port_url
    from ui.browser_dialog import BrowserInstallDialog

    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", closed_port_url().rsplit("/", 1)[0])

    folder = tmp_path / "ms-playwright"
    dialog = BrowserInstallDialog(ctx, folder=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.install_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.message.isVisible()
    assert "no internet" in dialog.message.headline.text()
    assert dialog.install_button.isEnabled() and not dialog.bar.isVisible()
    assert not folder.exists()
    _shot(dialog, "browser-dialog-offline-en.png")
    dialog.cancel_button.click()  # she closes it; the app goes on as before
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    from ui.workers import Job

    async def still_working(_job: Job) -> str:
        return "ok"

    job = Job(ctx.runner, still_working).start()
    with qtbot.waitSignal(job.succeeded, timeout=5_000) as got:
        pass
    assert got.args == ["ok"]


def test_the_dialog_in_albanian(qtbot, ctx, translations, window) -> None:
    from ui.browser_dialog import BrowserInstallDialog

    window.translators.install("sq")
    try:
        dialog = BrowserInstallDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "Instaloni një shfletues"
        assert dialog.install_button.text() == "Shkarkoje dhe instaloje"
        _shot(dialog, "browser-dialog-sq.png")
        from evidencekit.capture.browser_install import BrowserInstallOffline

        dialog._failed(BrowserInstallOffline())  # what the offline download reports
        assert dialog.message.headline.text() == ("Shfletuesi nuk u shkarkua dot: nuk ka internet.")
        _shot(dialog, "browser-dialog-offline-sq.png")
    finally:
        window.translators.install("en")


def test_capture_panel_offers_the_install_only_when_it_would_help(qtbot, ctx, monkeypatch) -> None:
    from ui.browser_dialog import install_would_help

    monkeypatch.delenv("EVIDENCEKIT_BROWSER", raising=False)
    assert install_would_help(ctx, BrowserNotFound())
    assert not install_would_help(ctx, RuntimeError("other"))
    monkeypatch.setenv("EVIDENCEKIT_BROWSER", "/nowhere/chrome")  # a set path wins: no use
    assert not install_would_help(ctx, BrowserNotFound())


def test_capture_panel_button_opens_the_dialog(qtbot, ctx, window, monkeypatch) -> None:
    from tests.gui.conftest import unlock

    monkeypatch.delenv("EVIDENCEKIT_BROWSER", raising=False)
    unlock(qtbot, window)
    window.vault_page.show_capture()
    panel = window.vault_page.capture
    panel._failed(BrowserNotFound())  # what the capture job reports when no browser is found
    assert panel.message.isVisible() and panel.install_browser_button.isVisible()
    _shot(window, "capture-no-browser-en.png")
    panel.install_browser_button.click()
    dialog = panel.browser_dialog
    assert dialog.isVisible()
    dialog.installed.emit()  # what a finished download signals
    assert not panel.install_browser_button.isVisible()
    assert "installed" in panel.message.headline.text()
    dialog.reject()
    panel._failed(BrowserNotFound())
    assert panel.install_browser_button.isVisible()
    panel.message.close_button.click()  # she presses OK on the message: the offer goes too
    assert not panel.install_browser_button.isVisible()


def test_closing_the_screen_under_it_stops_the_download(qtbot, ctx, tmp_path, monkeypatch) -> None:
    """Quick exit or the auto-lock replace the screens: a running download must not go on."""
    from PySide6.QtWidgets import QWidget

    from ui.browser_dialog import BrowserInstallDialog

    folder = tmp_path / "browsers"
    command = _installer(tmp_path, monkeypatch, 0.3)
    holder = QWidget()
    dialog = BrowserInstallDialog(ctx, holder, command=command, folder=folder)
    dialog.show()
    dialog.install_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 10, timeout=15_000)
    child = int((tmp_path / "state" / "child.pid").read_text())
    holder.deleteLater()  # what locking does to the vault's screens
    qtbot.waitUntil(lambda: not folder.exists(), timeout=15_000)
    qtbot.waitUntil(lambda: not alive(child), timeout=15_000)

"""GUI tests run offscreen unless --onscreen is given (Dangerzone's habit).

Real parts underneath: a real vault (fast KDF), the job thread with its own asyncio loop, the
loopback TSA, the fixture site and a real Chromium. Dialogs never block: `Ask` must be
answered in advance (a question nobody answered fails the test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.config import Settings
from tests.conftest import TEST_PASSPHRASE, closed_port_url

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI test windows")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen", default=False):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def translations() -> Path:
    """The .qm files, compiled from the .ts sources when they are missing or older."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for source in TRANSLATIONS.glob("*.ts"):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)], check=True)
    return TRANSLATIONS


@pytest.fixture(autouse=True)
def answers() -> Iterator[type]:
    from ui.dialogs import Ask

    Ask.reset()
    Ask.forbid_dialogs = True
    yield Ask
    left = Ask.pending_answers()
    Ask.reset()
    assert left == 0, f"{left} prepared dialog answer(s) were never asked for"


@pytest.fixture
def runner(qapp) -> Iterator[object]:
    from ui.workers import LoopThread

    thread = LoopThread()
    thread.start_loop()
    yield thread
    assert thread.stop(30_000), "the job thread did not stop"


@pytest.fixture
def ctx(settings: Settings, tmp_path: Path, isolated_env: dict[str, str], runner):
    from ui.context import AppContext
    from ui.safety import ClipboardGuard

    return AppContext(
        settings=settings,
        runner=runner,
        clipboard=ClipboardGuard(30_000),
        settings_path=tmp_path / "settings.json",
        tsa_override=(closed_port_url(),),
        default_vault=tmp_path / "vault" / "evidence.ekv",
        auto_lock_ms=0,
    )


@pytest.fixture
def window(qtbot, ctx, translations) -> Iterator[object]:
    from ui.app import Translators
    from ui.main_window import MainWindow

    translators = Translators(qtbot_app(), translations)
    translators.install("en")
    win = MainWindow(ctx, translators)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.warmed_up, timeout=60_000)  # as a person would: after start-up
    yield win
    if win.session is not None:
        with qtbot.waitSignal(win.locked, timeout=20_000):
            win.lock()
    translators.install("en")


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    return app


def unlock(qtbot, win, passphrase: str = TEST_PASSPHRASE, *, support: str = "") -> None:
    """Make (or open) the vault through the unlock page, as a person would."""
    page = win.unlock_page
    if support:
        page.role_support.setChecked(True)
        page.name.setText(support)
    page.passphrase.setText(passphrase)
    if page.creating:
        page.repeat.setText(passphrase)
    with qtbot.waitSignal(win.unlocked, timeout=30_000):
        page.open_button.click()
    items = win.vault_page.items
    qtbot.waitUntil(lambda: items.loaded_once, timeout=10_000)


@pytest.fixture(scope="session")
def site():
    from tests.support.site import SiteServer

    with SiteServer() as server:
        yield server


@pytest.fixture(scope="session")
def browser_available() -> None:
    from evidencekit.capture.browser import find_browser
    from evidencekit.errors import BrowserNotFound

    try:
        find_browser()
    except BrowserNotFound as error:
        pytest.skip(f"no browser for capture tests: {error}")


def make_png(path: Path, colour: tuple[int, int, int] = (200, 40, 90), size=(640, 400)) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 40):
        draw.line([(x, 0), (size[0] - x, size[1])], fill=(255, 255, 255), width=3)
    image.save(path)
    return path

"""Finding the browser, and launching it without leaving page data on disk."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from evidencekit.capture import CaptureSettings, capture_page, tempdirs
from evidencekit.capture.browser import (
    BROWSER_ENV,
    find_browser,
    install_hint,
    launch_browser,
    launch_details,
)
from evidencekit.errors import BrowserNotFound


def program(path: Path, script: bool = False) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"#!/bin/sh\nexec true\n" if script else b"\x7fELF fake binary")
    path.chmod(0o755)
    return str(path)


def no_which(name: str) -> None:
    return None


def test_env_override_wins(tmp_path):
    fake = program(tmp_path / "my-chrome")
    choice = find_browser(
        env={BROWSER_ENV: fake}, playwright_path=program(tmp_path / "pw"), which=no_which
    )
    assert (choice.source, choice.executable_path) == (BROWSER_ENV, fake)


def test_settings_override_wins_over_env(tmp_path):
    mine, env = program(tmp_path / "a"), program(tmp_path / "b")
    choice = find_browser(override=mine, env={BROWSER_ENV: env}, which=no_which)
    assert (choice.source, choice.executable_path) == ("settings", mine)


def test_env_override_to_nothing_is_an_error_naming_it(tmp_path):
    with pytest.raises(BrowserNotFound) as caught:
        find_browser(env={BROWSER_ENV: str(tmp_path / "missing")}, which=no_which)
    assert BROWSER_ENV in str(caught.value) and "missing" in str(caught.value)


def test_playwright_chromium_before_system(tmp_path):
    pw = program(tmp_path / "ms-playwright" / "chrome")
    choice = find_browser(env={}, playwright_path=pw, platform="linux")
    assert (choice.source, choice.executable_path) == ("playwright", pw)


def test_missing_playwright_chromium_is_skipped(tmp_path):
    choice = find_browser(
        env={},
        playwright_path=str(tmp_path / "nope"),
        platform="freebsd",
        which=lambda name: program(tmp_path / name) if name == "google-chrome" else None,
    )
    assert choice.source == "system" and choice.name == "Google Chrome"


def test_windows_chrome_then_edge(tmp_path):
    base = str(tmp_path)
    edge = program(Path(f"{base}\\Microsoft\\Edge\\Application\\msedge.exe"))
    choice = find_browser(env={"PROGRAMFILES(X86)": base}, platform="win32", which=no_which)
    assert (choice.source, choice.channel, choice.executable_path) == ("msedge", "msedge", edge)
    program(Path(f"{base}\\Google\\Chrome\\Application\\chrome.exe"))
    choice = find_browser(env={"LOCALAPPDATA": base, "PROGRAMFILES(X86)": base}, platform="win32")
    assert (choice.source, choice.channel, choice.name) == ("chrome", "chrome", "Google Chrome")


def test_real_binary_preferred_over_shell_wrapper(tmp_path):
    wrapper = program(tmp_path / "bin" / "chromium", script=True)
    real = program(tmp_path / "lib" / "chromium-browser")
    found = {"chromium": wrapper, "chromium-browser": real}
    choice = find_browser(env={}, platform="freebsd", which=found.get)
    assert choice.executable_path == real
    choice = find_browser(env={}, platform="freebsd", which={"chromium": wrapper}.get)
    assert choice.executable_path == wrapper  # a wrapper still beats nothing


def test_debian_system_chromium_is_the_real_binary():
    if not os.path.exists("/usr/lib/chromium/chromium"):
        pytest.skip("Debian's chromium package is not installed here")
    choice = find_browser(env={}, playwright_path=None, platform="linux")
    if choice.source == "system":  # (a Chrome or Edge install would come first)
        assert choice.executable_path == "/usr/lib/chromium/chromium"  # not the /usr/bin wrapper


@pytest.mark.parametrize(
    ("platform", "hint"),
    [
        ("darwin", "evidencekit browser install"),
        ("win32", "evidencekit browser install"),
    ],
)
def test_nothing_found_says_how_to_fix_it(platform, hint):
    with pytest.raises(BrowserNotFound) as caught:
        find_browser(env={}, platform=platform, which=no_which)
    assert hint in str(caught.value)


def test_debian_hint_is_apt():
    if not Path("/etc/debian_version").exists():
        pytest.skip("not a Debian-family system")
    assert install_hint("linux") == "sudo apt-get install chromium"
    assert install_hint("darwin") == "evidencekit browser install"


def _files_since(roots: list[Path], since: float, skip: Path) -> list[Path]:
    found = []
    for root in roots:
        for folder, dirs, files in os.walk(root, onerror=lambda e: None):
            if Path(folder) == skip or skip in Path(folder).parents:
                dirs[:] = []
                continue
            for name in files:
                path = Path(folder) / name
                try:
                    st = path.lstat()
                except OSError:
                    continue
                if st.st_mtime >= since and path.is_file() and st.st_size < 50_000_000:
                    found.append(path)
    return found


@pytest.mark.browser
@pytest.mark.timeout(90)
def test_no_page_data_left_in_temp_folders(loop, site, browser_available, tmp_path_factory):
    marker = f"MARKER-{uuid.uuid4().hex}"
    started = time.time() - 1
    seen: dict[str, object] = {}

    async def run() -> None:
        async with launch_browser(CaptureSettings()) as browser:
            details = launch_details(browser)
            assert details is not None
            seen["temp"] = details.temp_dir
            seen["in_ram"] = details.temp_in_ram
            seen["entries"] = sorted(p.name for p in details.temp_dir.iterdir())
            result = await capture_page(
                site.url(f"/marker/{marker}"), CaptureSettings(), browser=browser
            )
            seen["text"] = result.text
            seen["during"] = details.temp_dir.exists()

    loop.run(run())
    temp = Path(str(seen["temp"]))
    assert marker in str(seen["text"])  # the page really carried the marker
    assert seen["during"] is True
    if tempdirs.ram_folder_usable():
        assert seen["in_ram"] is True and temp.parent == Path("/dev/shm")
    else:  # no RAM folder with room for a browser (e.g. Docker's 64 MB /dev/shm)
        assert seen["in_ram"] is False and temp.parent == Path(tempfile.gettempdir())
    # the driver put the browser profile in our folder, not in the system temp folder
    assert any(str(e).startswith("playwright_chromiumdev_profile-") for e in seen["entries"])
    assert not temp.exists()
    needles = (marker.encode(), marker.encode("utf-16-le"))
    basetemp = tmp_path_factory.getbasetemp()
    roots = [p for p in (Path("/dev/shm"), Path("/tmp")) if p.is_dir()]
    leaked = [
        path
        for path in _files_since(roots, started, basetemp)
        if any(needle in _read(path) for needle in needles)
    ]
    assert leaked == []


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""

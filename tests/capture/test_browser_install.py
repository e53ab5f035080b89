"""Installing Playwright's Chromium (evidencekit/capture/browser_install.py, issue 13).

The REAL installer (Playwright's driver, `install --no-shell --no-remove chromium`) is run for
its failure path with its download host unreachable (there is no internet here either): a
clear typed error, nothing half-installed left. The progress and cancel paths use a real
subprocess that prints the installer's real output, copied from Playwright's driver
(driver/package/lib/coreBundle.js, browserFetcher.ts: `logPolitely` "Downloading …" with the
dimmed address, `getBasicDownloadProgress` "|■…|  NN% of X MiB" every 10 %, "… downloaded
to …"), forks a download child as Playwright does (oopBrowserDownload.js), and writes the
browser folder with its INSTALLATION_COMPLETE marker last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import pytest

from evidencekit.capture import browser_install as bi
from evidencekit.capture.browser_install import (
    BrowserInstallFailed,
    BrowserInstallOffline,
    InstallProgress,
    install_browser,
    parse_line,
)
from tests.support.processes import alive

TITLE = "Chrome for Testing 159.0.8154.6 (playwright chromium v1255)"
FAKE_INSTALLER = r"""
import os, subprocess, sys, time
folder = os.environ["PLAYWRIGHT_BROWSERS_PATH"]
tmp = os.environ["TMPDIR"]
title = "Chrome for Testing 159.0.8154.6 (playwright chromium v1255)"
target = os.path.join(folder, "chromium-1255")
os.makedirs(os.path.join(folder, ".links"), exist_ok=True)
open(os.path.join(folder, ".links", "592f4223"), "w").write(folder)
download = os.path.join(tmp, "playwright-download-x")
os.makedirs(download)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
open(os.path.join(os.environ["FAKE_STATE"], "child.pid"), "w").write(str(child.pid))
url = "https://cdn.playwright.dev/builds/cft/159.0.8154.6/linux64/chrome-linux64.zip"
print(f"Downloading {title}\x1b[2m from {url}\x1b[22m", flush=True)
os.makedirs(target)
delay = float(os.environ.get("FAKE_DELAY", "0"))
for row in range(11):
    percent = row * 10
    bar = "\u25a0" * (row * 8) + " " * ((10 - row) * 8)
    print(f"|{bar}| {str(percent).rjust(3)}% of 170.2 MiB", flush=True)
    open(os.path.join(target, f"part{row}"), "w").write("x" * 1000)
    time.sleep(delay)
if os.environ.get("FAKE_CHROME"):  # a real browser program where Playwright's would be
    os.makedirs(os.path.join(target, "chrome-linux64"))
    os.symlink(os.environ["FAKE_CHROME"], os.path.join(target, "chrome-linux64", "chrome"))
open(os.path.join(target, "INSTALLATION_COMPLETE"), "w").close()
print(f"{title} downloaded to {target}", flush=True)
child.kill()
"""


def test_parse_the_installers_real_lines() -> None:
    url = "https://cdn.playwright.dev/builds/cft/159.0.8154.6/linux64/chrome-linux64.zip"
    first = parse_line(f"Downloading {TITLE}\x1b[2m from {url}\x1b[22m")
    assert first == InstallProgress(TITLE, 0)
    bar = "|" + "\u25a0" * 24 + " " * 56 + "|  30% of 170.2 MiB"
    assert parse_line(bar, TITLE) == InstallProgress(TITLE, 30, "170.2 MiB")
    done = parse_line(f"{TITLE} downloaded to /home/a/.cache/ms-playwright/chromium-1255")
    assert done == InstallProgress(TITLE, 100, finished=True)
    assert parse_line("Failed to install browsers") is None
    assert parse_line("Error: getaddrinfo ENOTFOUND cdn.playwright.dev") is None


def _fake(tmp_path: Path, delay: float = 0.0) -> tuple[list[str], Path]:
    script = tmp_path / "fake_installer.py"
    script.write_text(FAKE_INSTALLER, encoding="utf-8")
    state = tmp_path / "state"
    state.mkdir()
    os.environ["FAKE_STATE"] = str(state)
    os.environ["FAKE_DELAY"] = str(delay)
    return [sys.executable, str(script)], state


def _cut_off() -> str:
    """Where Playwright's installer downloads from, made unreachable: a loopback port nobody
    listens on (PLAYWRIGHT_DOWNLOAD_HOST), so the real installer fails as offline even on a
    machine with internet, and never downloads 170 MB in a test."""
    from tests.conftest import closed_port_url

    return closed_port_url().rsplit("/", 1)[0]


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> str:
    host = _cut_off()
    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", host)
    return host


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Python's temp folder for this test only, so 'nothing left behind' can be checked."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("FAKE_STATE", "")
    monkeypatch.setenv("FAKE_DELAY", "0")
    monkeypatch.delenv("FAKE_CHROME", raising=False)
    return temp


def test_progress_through_to_a_finished_install(tmp_path: Path, own_temp: Path) -> None:
    command, _state = _fake(tmp_path)
    folder = tmp_path / "browsers"
    steps: list[InstallProgress] = []
    assert asyncio.run(install_browser(steps.append, command=command, folder=folder)) == folder
    assert [s.percent for s in steps] == [0, *range(0, 101, 10), 100]
    assert all(s.title == TITLE for s in steps) and steps[-1].finished
    assert (folder / "chromium-1255" / "INSTALLATION_COMPLETE").exists()
    assert list(own_temp.iterdir()) == []  # its download folder went with it


@pytest.mark.skipif(sys.platform == "win32", reason="process groups: POSIX here")
def test_cancel_stops_installer_and_its_child_and_removes_the_unfinished(
    tmp_path: Path, own_temp: Path
) -> None:
    command, state = _fake(tmp_path, delay=0.3)
    folder = tmp_path / "browsers"
    kept = folder / "ffmpeg-1013"  # a browser finished earlier: never touched
    kept.mkdir(parents=True)
    (kept / "INSTALLATION_COMPLETE").touch()
    steps: list[InstallProgress] = []

    async def run_then_cancel() -> None:
        task = asyncio.ensure_future(install_browser(steps.append, command=command, folder=folder))
        while not any((s.percent or 0) >= 30 for s in steps):
            await asyncio.sleep(0.02)
            assert not task.done(), task
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    started = time.monotonic()
    asyncio.run(run_then_cancel())
    assert time.monotonic() - started < 3.0  # it did not run on to 100 % (3.3 s)
    assert max(s.percent or 0 for s in steps) < 100
    child = int((state / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child), "the forked download process was left running"
    assert sorted(p.name for p in folder.iterdir()) == ["ffmpeg-1013"]  # .links entry gone too
    assert (kept / "INSTALLATION_COMPLETE").exists()
    assert list(own_temp.iterdir()) == []


SYSTEM_CHROMIUM = Path("/usr/lib/chromium/chromium")


@pytest.mark.skipif(not SYSTEM_CHROMIUM.exists(), reason="needs Debian's Chromium")
def test_the_next_capture_launch_uses_the_installed_browser_without_restart(
    tmp_path: Path, own_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed into the folder the capture driver reads, found by the very next launch.

    The fake installer puts Debian's Chromium where Playwright's own would be unpacked."""
    from evidencekit.capture.browser import launch_browser, launch_details

    folder = tmp_path / "ms-playwright"
    monkeypatch.setenv(bi.BROWSERS_ENV, str(folder))
    monkeypatch.setenv("FAKE_CHROME", str(SYSTEM_CHROMIUM))
    command, _state = _fake(tmp_path)

    async def before_and_after() -> tuple[str, str, str | None]:
        async with launch_browser() as browser:
            details = launch_details(browser)
            assert details is not None
            before = details.choice.source
        await install_browser(command=command)  # the folder from the environment, as the app
        async with launch_browser() as browser:  # same process, no restart
            details = launch_details(browser)
            assert details is not None
            return before, details.choice.source, details.choice.executable_path

    before, after, path = asyncio.run(before_and_after())
    assert before != "playwright"  # the machine's Chromium, before
    assert after == "playwright"
    assert path == str(folder / "chromium-1255" / "chrome-linux64" / "chrome")


def test_the_real_installer_offline_fails_clearly_and_leaves_nothing(
    tmp_path: Path, own_temp: Path, no_internet: str
) -> None:
    """Playwright's own installer, through its bundled driver, with no way out."""
    folder = tmp_path / "ms-playwright"
    steps: list[InstallProgress] = []
    with pytest.raises(BrowserInstallFailed) as caught:
        asyncio.run(install_browser(steps.append, folder=folder))
    error = caught.value
    assert isinstance(error, BrowserInstallOffline), error.detail
    assert "internet" in str(error) and "Nothing was left half-installed" in str(error)
    assert error.exit_code == 1
    assert "Failed to install browsers" in (error.detail or "")  # the installer's own words
    assert steps and steps[0].title.startswith("Chrome for Testing")  # it really tried
    assert not folder.exists()
    assert list(own_temp.iterdir()) == []


def test_the_real_installer_leaves_a_used_browsers_folder_as_it_was(
    tmp_path: Path, own_temp: Path, no_internet: str
) -> None:
    folder = tmp_path / "ms-playwright"
    (folder / ".links").mkdir(parents=True)
    (folder / ".links" / "older").write_text("another install's link")
    (folder / "firefox-1500").mkdir()
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    with pytest.raises(BrowserInstallOffline):
        asyncio.run(install_browser(folder=folder))
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before


def test_no_installer_in_this_copy_is_a_typed_error(tmp_path: Path, own_temp: Path) -> None:
    with pytest.raises(bi.BrowserInstallUnavailable):
        asyncio.run(install_browser(command=[str(tmp_path / "no-node"), "cli.js"]))
    assert list(own_temp.iterdir()) == []


def test_a_frozen_build_keeps_browsers_in_the_users_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(bi.BROWSERS_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    bi.use_user_browser_folder()  # from the source tree: nothing changes
    assert bi.BROWSERS_ENV not in os.environ
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    bi.use_user_browser_folder()
    assert os.environ[bi.BROWSERS_ENV] == str(tmp_path / "cache" / "ms-playwright")
    assert bi.browsers_folder() == tmp_path / "cache" / "ms-playwright"


def test_cli_install_offline_says_it_plainly(cli, isolated_env: dict[str, str]) -> None:
    result = cli("browser", "install", extra_env={"PLAYWRIGHT_DOWNLOAD_HOST": _cut_off()})
    assert result.code == 1
    assert "not seem to be connected to the internet" in result.err
    assert "Traceback" not in result.err
    assert "Downloading Chrome for Testing" in result.err  # progress was shown
    assert not (Path(isolated_env["XDG_CACHE_HOME"]) / "ms-playwright").exists()


def test_no_browser_found_names_the_install_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_env: dict
) -> None:
    from evidencekit import cli
    from evidencekit.errors import BrowserNotFound

    args = argparse.Namespace(verbose=False, operator=None, role=None, vault=None)
    monkeypatch.delenv("EVIDENCEKIT_BROWSER", raising=False)
    assert cli._report(BrowserNotFound(), args) == 1
    err = capsys.readouterr().err
    assert "No Chromium, Google Chrome or Microsoft Edge" in err
    assert "evidencekit browser install" in err
    # A browser path that is set but wrong: installing Chromium would not help, so no hint.
    monkeypatch.setenv("EVIDENCEKIT_BROWSER", "/nowhere/chrome")
    cli._report(BrowserNotFound("EVIDENCEKIT_BROWSER points to /nowhere/chrome"), args)
    assert "browser install" not in capsys.readouterr().err

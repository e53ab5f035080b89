"""Install Playwright's Chromium when the computer has no browser EvidenceKit can use (issue 13).

It runs Playwright's own installer, `playwright install --no-shell --no-remove chromium`, via the
Node.js driver that ships inside the Playwright package (`compute_driver_executable`): the same
files from a source tree and from the PyInstaller build, no `python -m playwright` needed
(a frozen app has no Python to run it with). The installer's output lines are parsed for
progress; cancelling stops it (and the download process it forks) and removes what it had
begun, so nothing half-installed is left. After a successful install the next capture finds
the new Chromium (`find_browser` asks Playwright for its path at every launch): no restart.

Where the browser goes: Playwright's usual per-user folder (Linux `~/.cache/ms-playwright`,
macOS `~/Library/Caches/ms-playwright`, Windows `%LOCALAPPDATA%\\ms-playwright`), also for a
PyInstaller build, whose driver would otherwise use a folder inside the program's own files
(`PLAYWRIGHT_BROWSERS_PATH=0`), which a normal user may not write under /opt or Program Files.
`use_user_browser_folder()` (called by both front ends at start) sees to that.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from evidencekit.errors import EXIT_FAILED, EvidenceKitError

BROWSERS_ENV = "PLAYWRIGHT_BROWSERS_PATH"
COMPLETE_MARKER = "INSTALLATION_COMPLETE"  # Playwright writes it last into a finished browser
# The full Chromium only (find_browser uses it, not the headless shell); --no-remove: Playwright
# would otherwise delete browsers of other Playwright installs it thinks unused.
INSTALL_ARGS = ("install", "--no-shell", "--no-remove", "chromium")
#: The installer's lines, as Playwright's browserFetcher.ts prints them when its output is not a
#: terminal (driver/package/lib/coreBundle.js: logPolitely, getBasicDownloadProgress):
#:   Downloading Chrome for Testing 159.0.8154.6 (playwright chromium v1255) from https://…
#:   |■■■■■■■■<72 spaces>|  10% of 170.2 MiB   (ten rows of 8 squares; a line per 10 %)
#:   Chrome for Testing 159.0.8154.6 (playwright chromium v1255) downloaded to /home/…/chromium-1255
_DOWNLOADING = re.compile(r"^Downloading (?P<title>.+?)(?: from \S+)?$")
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # it dims the address even when not on a terminal
_PERCENT = re.compile(r"^\|[■ ]*\|\s*(?P<percent>\d{1,3})% of (?P<size>[\d.]+ ?[KMG]i?B)$")
_DONE = re.compile(r"^(?P<title>.+) downloaded to (?P<folder>.+)$")
_OFFLINE = re.compile(r"ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ETIMEDOUT|ECONNRESET")


class BrowserInstallFailed(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = (
        "The browser could not be installed. Nothing was left half-installed. "
        "Try again later, or install Google Chrome, Microsoft Edge or Chromium yourself."
    )


class BrowserInstallOffline(BrowserInstallFailed):
    message = (
        "The browser could not be downloaded: this computer does not seem to be connected to "
        "the internet. Connect, then try again. Nothing was left half-installed."
    )


class BrowserInstallUnavailable(BrowserInstallFailed):
    message = (
        "This copy of EvidenceKit cannot install a browser by itself (Playwright's installer "
        "is missing). Install Google Chrome, Microsoft Edge or Chromium instead."
    )


@dataclass(frozen=True)
class InstallProgress:
    """One step the installer reported: what it downloads, and how far (0-100) if it said."""

    title: str
    percent: int | None
    size: str = ""
    finished: bool = False


def parse_line(line: str, current_title: str = "") -> InstallProgress | None:
    """Read one line of the installer's output; None for lines that are not progress."""
    line = _COLOUR.sub("", line).strip()
    if match := _DOWNLOADING.match(line):
        return InstallProgress(match["title"].strip(), 0)
    if match := _PERCENT.match(line):
        return InstallProgress(current_title, min(100, int(match["percent"])), match["size"])
    if match := _DONE.match(line):
        return InstallProgress(match["title"].strip(), 100, finished=True)
    return None


def default_browsers_folder(platform: str | None = None, home: Path | None = None) -> Path:
    """Playwright's own default folder for its browsers (registry/index.ts)."""
    platform = platform or sys.platform
    home = home or Path.home()
    if platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "ms-playwright"
    if platform == "darwin":
        return home / "Library" / "Caches" / "ms-playwright"
    cache = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(cache) if os.path.isabs(cache) else home / ".cache") / "ms-playwright"


def use_user_browser_folder() -> None:
    """In a PyInstaller build, keep Playwright's browsers in the user's folder (see above)."""
    if getattr(sys, "frozen", False) and os.environ.get(BROWSERS_ENV, "0") == "0":
        os.environ[BROWSERS_ENV] = str(default_browsers_folder())


def browsers_folder(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get(BROWSERS_ENV, "")
    return Path(value) if value and value != "0" else default_browsers_folder()


def installer_command() -> list[str]:
    """Node.js and Playwright's cli.js from the Playwright package, with the install arguments."""
    try:
        from playwright._impl._driver import compute_driver_executable
    except ImportError as exc:
        raise BrowserInstallUnavailable(detail=str(exc)) from exc
    try:
        node, cli = compute_driver_executable()
    except Exception as exc:  # playwright's own Error: no Node.js in this copy
        raise BrowserInstallUnavailable(detail=str(exc)) from exc
    if not (Path(node).is_file() and Path(cli).is_file()):
        raise BrowserInstallUnavailable(detail=f"missing: {node} or {cli}")
    return [node, cli, *INSTALL_ARGS]


def installer_env(folder: Path, temp: Path) -> dict[str, str]:
    from playwright._impl._driver import get_driver_env

    env = dict(get_driver_env())
    env[BROWSERS_ENV] = str(folder)
    # Its download goes to a folder of ours, which we delete whatever happens.
    for name in ("TMPDIR", "TMP", "TEMP"):
        env[name] = str(temp)
    env.pop("npm_config_loglevel", None)  # "silent" would hide the progress lines
    return env


def _snapshot(folder: Path) -> set[str]:
    names: set[str] = set()
    for sub in (folder, folder / ".links"):
        with contextlib.suppress(OSError):
            names |= {str(p.relative_to(folder)) for p in sub.iterdir()}
    return names


def remove_unfinished(folder: Path, before: set[str], existed: bool) -> list[Path]:
    """After a failed or cancelled run: delete what this run created and did not finish.

    A browser folder is finished when it holds Playwright's INSTALLATION_COMPLETE marker; a
    finished one (e.g. FFmpeg, done before the Chromium download failed) is kept. Anything
    that was there before the run is never touched.
    """
    removed: list[Path] = []
    for name in sorted(_snapshot(folder) - before, reverse=True):
        path = folder / name
        if path.is_dir() and (path / COMPLETE_MARKER).exists():
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(path)
    if not existed:
        for empty in (folder / ".links", folder):
            with contextlib.suppress(OSError):
                empty.rmdir()  # only when empty: a finished browser stays
    return removed


async def _stop(process: asyncio.subprocess.Process) -> None:
    """Stop the installer and the download process it forked (its whole process group)."""
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError, OSError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGTERM)
        else:  # taskkill /T ends the children too (untested here: Linux only)
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(process.pid)],
                capture_output=True,
                check=False,
            )
    try:
        await asyncio.wait_for(process.wait(), 10)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError, OSError):
            if os.name == "posix":
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
        await process.wait()


async def install_browser(
    on_progress: Callable[[InstallProgress], None] | None = None,
    *,
    command: list[str] | None = None,
    folder: Path | None = None,
) -> Path:
    """Run the installer; return the browsers folder. Cancelling the task stops it cleanly.

    Raises BrowserInstallOffline (no internet), BrowserInstallFailed (any other failure: its
    `detail` holds the installer's last lines) or BrowserInstallUnavailable.
    """
    command = command or installer_command()
    folder = folder or browsers_folder()
    existed = folder.exists()
    before = _snapshot(folder)
    temp = Path(tempfile.mkdtemp(prefix="ek-browser-install-"))
    tail: list[str] = []
    title = ""
    try:
        process = await asyncio.create_subprocess_exec(
            *command,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            stdin=asyncio.subprocess.DEVNULL,
            env=installer_env(folder, temp),
            start_new_session=os.name == "posix",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise BrowserInstallUnavailable(detail=str(exc)) from exc
    try:
        assert process.stdout is not None
        async for raw in process.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            tail = [*tail[-19:], line]
            step = parse_line(line, title)
            if step is not None:
                title = step.title
                if on_progress is not None:
                    on_progress(step)
        code = await process.wait()
    except BaseException:  # cancelled (or the reader failed): stop it, clean up, pass it on
        await _stop(process)
        remove_unfinished(folder, before, existed)
        raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    if code != 0:
        remove_unfinished(folder, before, existed)
        detail = "\n".join(tail)
        if _OFFLINE.search(detail):
            raise BrowserInstallOffline(detail=detail)
        raise BrowserInstallFailed(detail=detail)
    return folder

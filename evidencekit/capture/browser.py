"""Find a Chromium-family browser, launch it headless with its temporary files in RAM, and
make a fresh browser context per capture.

Discovery order: ``CaptureSettings.browser_path`` / ``$EVIDENCEKIT_BROWSER`` -> Playwright's own
Chromium -> Google Chrome -> Microsoft Edge -> a system Chromium.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from evidencekit.capture import tempdirs
from evidencekit.capture.result import CaptureSettings
from evidencekit.capture.timings import RunTimings
from evidencekit.clock import iso_z_ms, utc_now
from evidencekit.errors import BrowserLaunchFailed, BrowserNotFound

log = logging.getLogger(__name__)

BROWSER_ENV = "EVIDENCEKIT_BROWSER"
#: Keep headless Chromium from calling home on its own (updates, sync, field trials, QUIC).
QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
#: Real binaries first: Debian's /usr/bin/chromium is a shell wrapper around the first one.
SYSTEM_CHROMIUM = (
    "/usr/lib/chromium/chromium",
    "/usr/lib/chromium-browser/chromium-browser",
    "/snap/bin/chromium",
)
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome")
_TEMP_VARS = ("TMPDIR", "TMP", "TEMP")


@dataclass(frozen=True)
class BrowserChoice:
    """Which browser program will run, and how it was found."""

    source: str
    """Where it came from: settings, EVIDENCEKIT_BROWSER, playwright, chrome, msedge, system."""
    name: str
    """Product family: Chromium, Google Chrome or Microsoft Edge."""
    executable_path: str | None
    channel: str | None = None


@dataclass(frozen=True)
class LaunchDetails:
    """Facts about a browser started by `launch_browser`, for the capture metadata."""

    choice: BrowserChoice
    temp_dir: Path
    temp_in_ram: bool
    sandboxed: bool
    product: str
    user_agent: str
    args: tuple[str, ...]
    started_at: str = ""
    """When it was started (UTC, ISO 8601): a browser kept running between captures (the app's
    warm browser) started before the capture did, and the metadata says so."""


_DETAILS: weakref.WeakKeyDictionary[Browser, LaunchDetails] = weakref.WeakKeyDictionary()
_CLOSING: weakref.WeakKeyDictionary[Browser, set[asyncio.Future[None]]] = (
    weakref.WeakKeyDictionary()
)
_ENV_LOCK = threading.Lock()


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _is_program(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _is_script(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(2) == b"#!"
    except OSError:
        return False


def _channel_paths(channel: str, platform: str, env: Mapping[str, str]) -> list[str]:
    if platform.startswith("linux"):
        return (
            ["/opt/google/chrome/chrome"]
            if channel == "chrome"
            else ["/opt/microsoft/msedge/msedge"]
        )
    if platform == "darwin":
        app = "Google Chrome" if channel == "chrome" else "Microsoft Edge"
        return [f"/Applications/{app}.app/Contents/MacOS/{app}"]
    if platform == "win32":
        tail = (
            r"Google\Chrome\Application\chrome.exe"
            if channel == "chrome"
            else r"Microsoft\Edge\Application\msedge.exe"
        )
        bases = [env.get(k) for k in ("LOCALAPPDATA", "PROGRAMFILES", "PROGRAMFILES(X86)")]
        return [f"{base}\\{tail}" for base in bases if base]
    return []


def install_hint(platform: str | None = None) -> str:
    """The one command that installs a browser EvidenceKit can use, for this system."""
    platform = platform or sys.platform
    if platform.startswith("linux") and Path("/etc/debian_version").exists():
        return "sudo apt-get install chromium"
    return "evidencekit browser install"  # works from a checkout and from the built app


def find_browser(
    *,
    override: str | None = None,
    playwright_path: str | None = None,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> BrowserChoice:
    """Pick the browser to launch; raise `BrowserNotFound` (saying how to fix it) if none."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    for source, path in (("settings", override), (BROWSER_ENV, env.get(BROWSER_ENV))):
        if path:
            if not _is_program(path):
                raise BrowserNotFound(
                    f"{'The browser setting' if source == 'settings' else BROWSER_ENV} points to "
                    f"{path}, but there is no browser program there. Fix the path or remove it."
                )
            return BrowserChoice(source, _family(path), path)
    if playwright_path and _is_program(playwright_path):
        return BrowserChoice("playwright", "Chromium", playwright_path)
    for channel, name in (("chrome", "Google Chrome"), ("msedge", "Microsoft Edge")):
        for path in _channel_paths(channel, platform, env):
            if _is_program(path):
                return BrowserChoice(channel, name, path, channel=channel)
    if platform.startswith("linux"):
        for path in SYSTEM_CHROMIUM:
            if _is_program(path):
                return BrowserChoice("system", "Chromium", path)
    scripts: list[str] = []
    for name in PATH_NAMES:
        found = which(name)
        if found and _is_program(found):
            if not _is_script(found):
                return BrowserChoice("system", _family(found), found)
            scripts.append(found)
    if scripts:  # a wrapper works too, it only prints a harmless shell error
        return BrowserChoice("system", _family(scripts[0]), scripts[0])
    raise BrowserNotFound(
        "No Chromium, Google Chrome or Microsoft Edge browser was found on this computer. "
        f"Install one with: {install_hint(platform)}"
    )


def _family(path: str) -> str:
    lowered = path.lower()
    if "edge" in lowered:
        return "Microsoft Edge"
    if "chrome" in lowered and "chromium" not in lowered:
        return "Google Chrome"
    return "Chromium"


async def _start_driver(temp_dir: Path) -> Playwright:
    """Start Playwright's driver with TMPDIR pointing at `temp_dir`.

    The driver creates the browser profile under its own temp folder and offers no option for
    it, so TMPDIR is set in this process's environment just while the driver starts.
    """
    tempfile.gettempdir()  # pin Python's own temp folder before TMPDIR changes for a moment
    acquiring = asyncio.ensure_future(asyncio.to_thread(_ENV_LOCK.acquire))
    try:
        await asyncio.shield(acquiring)
    except asyncio.CancelledError:
        # Cancelled while waiting (a warm browser dropped, the vault locked): the thread still
        # takes the lock when it is free, and must give it back, or every later launch waits.
        acquiring.add_done_callback(_release_once_taken)
        raise
    try:
        saved = {name: os.environ.get(name) for name in _TEMP_VARS}
        os.environ.update({name: str(temp_dir) for name in _TEMP_VARS})
        try:
            return await async_playwright().start()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    finally:
        _ENV_LOCK.release()


def _release_once_taken(acquiring: asyncio.Future[bool]) -> None:
    if not acquiring.cancelled() and acquiring.exception() is None:
        _ENV_LOCK.release()


def browser_home_env(temp_dir: Path) -> dict[str, str]:
    """Environment for the browser process: every place it may write is inside `temp_dir`.

    Chromium writes ``~/.config/chromium/Crash Reports``, ``~/.cache``, ``~/.pki`` and the
    like under HOME/XDG folders even with a temporary profile: a trace on her computer that a
    browser ran. Pointing HOME and the XDG folders into the RAM folder keeps them there (and
    they go with it at the end). Fontconfig still reads the system's font cache.
    """
    home = temp_dir / "home"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = {name: str(path) for name, path in folders.items()}
    env.update({name: str(temp_dir) for name in _TEMP_VARS})
    return env


def trace_args(temp_dir: Path) -> tuple[str, ...]:
    """Flags that keep crash reports off the disk (and inside `temp_dir` if one is written)."""
    crash = temp_dir / "crash"
    crash.mkdir(exist_ok=True, mode=0o700)
    return ("--disable-breakpad", "--disable-crash-reporter", f"--crash-dumps-dir={crash}")


async def _launch(
    pw: Playwright,
    choice: BrowserChoice,
    temp_dir: Path,
    settings: CaptureSettings,
    headless: bool = True,
) -> tuple[Browser, bool]:
    env: dict[str, str | float | bool] = dict(os.environ)
    env.update(browser_home_env(temp_dir))
    kwargs: dict[str, Any] = {
        "headless": headless,
        "args": [*QUIET_ARGS, *trace_args(temp_dir), *settings.browser_args],
        "env": env,
        "timeout": settings.timeout_s * 1000,
    }
    if choice.channel:
        kwargs["channel"] = choice.channel
    else:
        kwargs["executable_path"] = choice.executable_path
    if _is_root():  # Chromium refuses its sandbox as root
        return await pw.chromium.launch(**kwargs, chromium_sandbox=False), False
    try:
        return await pw.chromium.launch(**kwargs, chromium_sandbox=True), True
    except PlaywrightError as error:
        log.warning("browser sandbox unavailable, launching without it: %s", error.message)
        return await pw.chromium.launch(**kwargs, chromium_sandbox=False), False


@contextlib.asynccontextmanager
async def launch_browser(
    settings: CaptureSettings | None = None, *, headless: bool = True
) -> AsyncIterator[Browser]:
    """Launch a headless browser for captures; close it and delete its temp folder after.

    `headless=False` is the visible window of `evidencekit login` (capture/login.py): the
    same discovery, temp folder (in RAM where there is room) and HOME redirection."""
    settings = settings or CaptureSettings()
    await asyncio.to_thread(tempdirs.sweep_abandoned)  # what a crashed capture left behind
    temp_dir, in_ram, owner = tempdirs.make_temp_dir()
    log.debug("browser temp folder %s (in RAM: %s)", temp_dir, in_ram)
    try:
        pw = await _start_driver(temp_dir)
        try:
            try:
                pw_path: str | None = pw.chromium.executable_path
            except PlaywrightError:
                pw_path = None
            choice = find_browser(override=settings.browser_path, playwright_path=pw_path)
            try:
                browser, sandboxed = await _launch(pw, choice, temp_dir, settings, headless)
            except PlaywrightError as error:
                raise BrowserLaunchFailed(detail=error.message) from error
            try:
                product, user_agent = await _version(browser)
                _DETAILS[browser] = LaunchDetails(
                    choice,
                    temp_dir,
                    in_ram,
                    sandboxed,
                    product,
                    user_agent,
                    settings.browser_args,
                    iso_z_ms(utc_now()),
                )
                log.info("browser started: %s %s (%s)", choice.name, browser.version, choice.source)
                yield browser
            finally:
                await contexts_closed(browser)
                await browser.close()
        finally:
            await pw.stop()
    finally:
        tempdirs.release(owner)
        shutil.rmtree(temp_dir, ignore_errors=True)
        if temp_dir.exists():
            log.warning("could not delete the browser's temp folder %s", temp_dir)


async def _version(browser: Browser) -> tuple[str, str]:
    session = await browser.new_browser_cdp_session()
    try:
        info = await session.send("Browser.getVersion")
    finally:
        await session.detach()
    return str(info.get("product", "")), str(info.get("userAgent", ""))


class BrowserStart:
    """A capture browser started in the background, so other work (deriving the vault's key,
    importing the sealing code) runs while Chromium boots (issue 15).

    `browser()` waits for it (and raises `BrowserNotFound` / `BrowserLaunchFailed` as
    `launch_browser` does); `close()` closes it, or stops a launch still under way, and
    deletes its temp folder. Use it as an async context manager so it is always closed.
    """

    def __init__(self, settings: CaptureSettings, timings: RunTimings | None = None) -> None:
        self.settings = settings
        self.timings = timings or RunTimings(from_process_start=False)
        self._stack = contextlib.AsyncExitStack()
        self._closed = False
        self._launching = self.timings.begin("browser-launch")  # from the moment it is asked
        self._task: asyncio.Task[Browser] = asyncio.get_running_loop().create_task(self._launch())

    async def _launch(self) -> Browser:
        try:
            return await self._stack.enter_async_context(launch_browser(self.settings))
        finally:
            self.timings.end(self._launching)

    async def browser(self) -> Browser:
        return await asyncio.shield(self._task)

    def usable(self) -> bool:
        """Started, not closed, still connected and with no page of an earlier capture left
        open in it: fit to be used again (the app's warm browser, `capture/warm.py`)."""
        if self._closed or not self._task.done() or self._task.cancelled():
            return False
        if self._task.exception() is not None:
            return False
        browser = self._task.result()
        return browser.is_connected() and not browser.contexts and not _CLOSING.get(browser)

    async def wait_contexts_closed(self) -> None:
        """Wait for the captured pages' contexts still closing in the background."""
        if self._task.done() and not self._task.cancelled() and self._task.exception() is None:
            await contexts_closed(self._task.result())

    @property
    def starting(self) -> bool:
        """Still launching (not yet usable, not failed)."""
        return not self._task.done()

    @property
    def failed(self) -> bool:
        """The launch ended without a browser (none found, it would not start, stopped)."""
        return self._task.done() and (self._task.cancelled() or self._task.exception() is not None)

    async def close(self) -> None:
        """Close the browser (timed as "browser-close"); a launch under way is stopped."""
        if not self._task.done():
            self._task.cancel()
        await asyncio.wait([self._task])  # its own error is raised by browser(), not here
        if self._task.cancelled() or self._task.exception() is not None or self._closed:
            return
        self._closed = True
        with self.timings.span("browser-close"):
            await self._stack.aclose()

    async def __aenter__(self) -> BrowserStart:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def close_later(browser: Browser, closing: Coroutine[Any, Any, None]) -> None:
    """Close a finished capture's context in the background: its page is in memory and is
    stored meanwhile. The browser waits for it before it closes (`contexts_closed`)."""
    task = asyncio.ensure_future(closing)
    pending = _CLOSING.setdefault(browser, set())
    pending.add(task)
    task.add_done_callback(pending.discard)


async def contexts_closed(browser: Browser) -> None:
    """Wait for the contexts `close_later` is closing in `browser` (each bounded)."""
    pending = _CLOSING.get(browser)
    if pending:
        await asyncio.gather(*list(pending), return_exceptions=True)


def launch_details(browser: Browser) -> LaunchDetails | None:
    """What `launch_browser` knows about `browser` (None for a browser launched elsewhere)."""
    return _DETAILS.get(browser)


async def new_capture_context(browser: Browser, settings: CaptureSettings) -> BrowserContext:
    """A fresh context: no cookies or storage carried over, downloads refused, service
    workers blocked (so every request is visible), certificate errors tolerated (and recorded).

    With `settings.session` (a saved login) the context starts from its storage state, given
    to Playwright as a dict in memory: never a file (`storage_state=<path>` is not used).
    """
    width, height = settings.viewport
    options: dict[str, Any] = {
        "viewport": {"width": width, "height": height},
        "device_scale_factor": settings.device_scale_factor,
        "locale": settings.locale,
        "accept_downloads": False,
        "ignore_https_errors": True,
        "service_workers": "block",
    }
    if settings.user_agent:
        options["user_agent"] = settings.user_agent
    if settings.session is not None:
        options["storage_state"] = json.loads(settings.session.storage_json)
    return await browser.new_context(**options)

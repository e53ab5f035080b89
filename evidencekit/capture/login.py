"""Logging in to a site for later captures (issue 12): a visible window, the login kept in memory.

`open_login_window` launches the same browser as a capture (same discovery, its temp folder in
RAM where there is room, HOME redirected into it, removed when it closes; capture/browser.py)
but visible, on a fresh context. She logs in herself (2FA and all). When she closes the window,
or the front end says she is done, the context's storage state (cookies and local storage) is
read with `context.storage_state()` into memory and handed back; the caller keeps it in the
vault (`Vault.add_session`). Playwright's `storage_state(path=...)` is never used: the login is
never a file. The context is incognito-like (nothing of it is written to the profile folder).

On Linux the window needs a display (X11 or Wayland): without one `NoDisplay`. On Windows and
macOS there is no RAM folder: the browser's temp folder is then the user's temp folder (made
owner-only, swept after a crash, deleted when the window closes); the login itself is still
only in memory and in the vault.

Also here: which saved login fits an address (`site_of`), pages that tell their owner who
looked (`viewer_notice`), and the login facts a capture records (`login_facts`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from evidencekit.capture.browser import launch_browser
from evidencekit.capture.overlays import detect_login_wall
from evidencekit.capture.result import CaptureSettings, LoggedInSession
from evidencekit.capture.urls import prepare_url
from evidencekit.errors import NoDisplay, NoLoginMade, PageLoadFailed

log = logging.getLogger(__name__)

_SITE_PREFIXES = ("www.", "m.", "mobile.", "web.")

#: Pages whose owner may learn who looked: (site or "" for any, address pattern, what it is).
VIEWER_PAGES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("instagram.com", re.compile(r"^/(stories|s)/"), "an Instagram story"),
    ("instagram.com", re.compile(r"/live/?$"), "an Instagram live video"),
    ("facebook.com", re.compile(r"^/stories/|/story\.php"), "a Facebook story"),
    ("facebook.com", re.compile(r"/live/|/videos/live"), "a Facebook live video"),
    ("linkedin.com", re.compile(r"^/in/"), "a LinkedIn profile (it shows who viewed it)"),
    ("tiktok.com", re.compile(r"^/@[^/]+/?$"), "a TikTok profile (it can show who viewed it)"),
    ("tiktok.com", re.compile(r"/live/?$"), "a TikTok live video"),
    ("snapchat.com", re.compile(r"^/(add|stories|spotlight)/"), "a Snapchat story or profile"),
    ("t.me", re.compile(r"^/s/[^/]+/\d+|/stories?/"), "a Telegram story"),
    ("", re.compile(r"(^|/)(stories|story)(/|$)", re.I), "a story"),
    ("", re.compile(r"(^|/)live(/|$)", re.I), "a live video"),
)

#: Where a site shows the logged-in account: a handle (@name) in the header, navigation or an
#: element labelled as the account. Read as shown, not confirmed by the site.
_ACCOUNT_JS = r"""() => {
  const handle = /@([A-Za-z0-9_.]{2,30})/;
  const sel = 'header, nav, [role=banner], [role=navigation], [aria-label*="account" i], '
    + '[aria-label*="profile" i], [data-testid*="account" i]';
  for (const el of document.querySelectorAll(sel)) {
    const text = (el.innerText || '') + ' ' + (el.getAttribute('aria-label') || '');
    const m = text.match(handle);
    if (m) return '@' + m[1];
  }
  return '';
}"""


async def account_shown(page: Page) -> str:
    """The handle the page shows as the logged-in account ("" when none is visible)."""
    try:
        return str(await page.evaluate(_ACCOUNT_JS))
    except PlaywrightError:
        return ""


def account_warning(session: LoggedInSession, shown: str) -> str | None:
    """A warning when the captured page does not show the account she logged in as (the site
    may have served it logged out without a login wall); None when it does or cannot say."""
    if not session.account or session.account_source != "page" or shown == session.account:
        return None
    seen = f"it shows {shown}" if shown else "it shows no account"
    return (
        f"The page did not show the account of the saved login ({session.account}; {seen}): "
        "it may have been served as to someone logged out. Check the screenshot."
    )


def site_of(url: str) -> str:
    """The site a saved login belongs to: the host, lower case, without www./m. and port."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for prefix in _SITE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host


def login_url(site_or_url: str) -> str:
    """The address the login window opens: a bare site name becomes https://site/."""
    text = site_or_url.strip()
    if "://" not in text:
        text = "https://" + text.lstrip("/")
        if urlsplit(text).path == "":
            text += "/"
    return prepare_url(text).url


def viewer_notice(url: str) -> str | None:
    """What the page is if its owner may see who looked at it while logged in, else None."""
    parts = urlsplit(url)
    site = site_of(url)
    for where, pattern, what in VIEWER_PAGES:
        if where and site != where and not site.endswith("." + where):
            continue
        if pattern.search(parts.path or "/"):
            return what
    return None


def expired_message(site: str, reasons: list[str]) -> str:
    """`SessionExpired`'s words: which site, why we think so, what to do."""
    why = "; ".join(reasons[:2]) or "a login wall"
    return (
        f"The saved login for {site} no longer works: the site asks to log in again ({why}). "
        f"Nothing was saved. Log in again with 'evidencekit login {site}', or capture it "
        "logged out with --logged-out."
    )


#: Request headers that carry a login: their values never go into the sealed traffic.
SECRET_REQUEST_HEADERS = frozenset(
    {"cookie", "authorization", "proxy-authorization", "x-csrf-token", "x-xsrf-token"}
)
REMOVED = "[removed by EvidenceKit: login secret]"


def _without_values(cookie_header: str) -> str:
    """ "a=1; b=2" -> "a=[removed…]; b=[removed…]": the names stay, the values go."""
    parts = []
    for part in cookie_header.split(";"):
        name, eq, _value = part.strip().partition("=")
        parts.append(f"{name}={REMOVED}" if eq else name)
    return "; ".join(parts)


def _set_cookie_without_value(header: str) -> str:
    first, sep, attributes = header.partition(";")
    name, eq, _value = first.partition("=")
    return f"{name.strip()}={REMOVED}{sep}{attributes}" if eq else header


def remove_login_secrets(exchanges: Iterable[Any]) -> int:
    """Take her login out of the recorded traffic before it is sealed: the values of Cookie,
    Authorization and CSRF request headers and of every Set-Cookie (the names stay). A bundle
    is handed to others (a defence lawyer): it must never carry a working login. Returns how
    many header values were removed (recorded, since it changes what was received)."""
    removed = 0
    for ex in exchanges:
        request = []
        for name, value in ex.request_headers:
            lowered = name.lower()
            if lowered == "cookie":
                value, removed = _without_values(value), removed + 1
            elif lowered in SECRET_REQUEST_HEADERS:
                value, removed = REMOVED, removed + 1
            request.append((name, value))
        response = []
        for name, value in ex.response_headers:
            if name.lower() == "set-cookie":
                lines = [_set_cookie_without_value(v) for v in value.split("\n")]
                value, removed = "\n".join(lines), removed + 1
            response.append((name, value))
        ex.request_headers, ex.response_headers = request, response
    return removed


def login_facts(
    session: LoggedInSession | None,
    blocked: list[dict[str, Any]],
    allowed: list[dict[str, Any]] | None = None,
    secrets_removed: int = 0,
    shown: str = "",
) -> dict[str, Any]:
    """The capture's `login` record for metadata.json: logged in or not, which saved login,
    the account as shown, the consent note, the requests blocked and the GraphQL reads let
    through (capture/guards.py), how many login secrets were taken out of traffic.warc.gz;
    never a cookie."""
    if session is None:
        return {"logged_in": False}
    return {
        **session.facts(),
        "account_shown_on_page": shown or None,
        "blocked_requests": list(blocked),
        "graphql_reads_allowed": list(allowed or []),
        "secret_header_values_removed_from_traffic": secrets_removed,
    }


def has_display(platform: str | None = None, env: dict[str, str] | None = None) -> bool:
    """Whether a visible window can be opened (always on Windows/macOS)."""
    platform = platform or sys.platform
    env = dict(os.environ) if env is None else env
    if platform in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


@dataclass(frozen=True)
class LoginResult:
    """What the login window left: the storage state (in memory) and what it showed."""

    start_url: str
    site: str
    account: str
    final_url: str
    storage: dict[str, Any] = field(repr=False)
    login_wall_last: tuple[str, ...] = ()
    """Why the last page she saw still looked like a login form (empty when it did not)."""

    @property
    def cookie_count(self) -> int:
        return len(self.storage.get("cookies", []))


class _Window:
    """Follows the pages of the login context: when the last closes, she is done."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.pages: set[Page] = set()
        self.all_closed = asyncio.Event()
        self.account = ""
        self.last_url = ""
        self.wall: list[str] = []
        self.cookies: list[Any] = []
        context.on("page", self.add)

    def add(self, page: Page) -> None:
        self.pages.add(page)
        page.on("close", self._closed)
        page.on("load", lambda p: asyncio.ensure_future(self.look(p)))

    def _closed(self, page: Page) -> None:
        self.pages.discard(page)
        if not self.pages:
            self.all_closed.set()

    async def look(self, page: Page) -> None:
        """Note the account shown and the cookies so far (a fallback if the browser quits)."""
        with contextlib.suppress(PlaywrightError):
            self.last_url = page.url
            found = str(await page.evaluate(_ACCOUNT_JS))
            if found:
                self.account = found
            self.wall = await detect_login_wall(page)
        with contextlib.suppress(PlaywrightError):
            self.cookies = list(await self.context.cookies())


async def open_login_window(
    url: str,
    settings: CaptureSettings | None = None,
    *,
    done: asyncio.Event | None = None,
    on_open: Callable[[Page], Awaitable[None]] | None = None,
) -> LoginResult:
    """Open `url` in a visible window on a fresh context; return its login when she is done.

    Done is when every window of it is closed, or `done` is set (the CLI's Enter, the app's
    Done button). `on_open` gets the first page (tests drive the window with it).
    Raises `NoDisplay`, `NoLoginMade` (nothing of a login was there), or the launch errors.
    """
    settings = settings or CaptureSettings()
    start = login_url(url)
    if not has_display():
        raise NoDisplay(
            "A browser window cannot be opened here: this computer has no screen for it "
            "(no DISPLAY). Log in on a computer with a screen."
        )
    async with launch_browser(settings, headless=False) as browser:
        return await _login(browser, start, settings, done or asyncio.Event(), on_open)


async def _login(
    browser: Browser,
    start: str,
    settings: CaptureSettings,
    done: asyncio.Event,
    on_open: Callable[[Page], Awaitable[None]] | None,
) -> LoginResult:
    # Hardened: nothing carried over, no downloads, no service workers, certificate errors
    # shown (she types a password here), the window's own size.
    context = await browser.new_context(
        no_viewport=True,
        locale=settings.locale,
        accept_downloads=False,
        service_workers="block",
    )
    quit_browser = asyncio.Event()
    browser.on("disconnected", lambda _b: quit_browser.set())
    window = _Window(context)
    try:
        page = await context.new_page()
        try:
            await page.goto(start, wait_until="domcontentloaded")
        except PlaywrightError as error:
            raise PageLoadFailed(
                f"The login page could not be opened ({error.message.splitlines()[0]}). "
                "Nothing was saved.",
                detail=error.message,
            ) from error
        helper = asyncio.ensure_future(on_open(page)) if on_open is not None else None
        waits = [asyncio.ensure_future(e.wait()) for e in (window.all_closed, done, quit_browser)]
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in waits:
                task.cancel()
        if helper is not None:
            if not helper.done():
                helper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await helper  # a failing test driver shows here
        storage: dict[str, Any]
        if quit_browser.is_set():  # she quit the browser itself: the cookies seen last
            storage = {"cookies": window.cookies, "origins": []}
        else:
            for open_page in list(window.pages):
                await window.look(open_page)
            storage = dict(await context.storage_state())
    finally:
        with contextlib.suppress(PlaywrightError):
            await context.close()
    if not storage.get("cookies") and not storage.get("origins"):
        raise NoLoginMade(
            "The window was closed before anything of a login was there (the site set no "
            "cookie). Nothing was saved. Run 'evidencekit login' again and log in first."
        )
    log.info("login window closed with %d cookies", len(storage.get("cookies", [])))
    return LoginResult(
        start,
        site_of(start),
        window.account,
        window.last_url or start,
        storage,
        tuple(window.wall),
    )

"""Keep a hostile page from steering the capture, and write down everything it tried.

Dialogs (alert/confirm/prompt/beforeunload) are dismissed, new windows closed, downloads
refused; once the page has loaded, the main frame may not navigate away (the request is
aborted), so what is captured is the page that was asked for.

Logged in (issue 12), the page may not change anything on the site in her name: from before
the first load, every request with a method other than GET or HEAD (a like, a follow, a
"seen" or view receipt sent by POST, a comment) is aborted and recorded (method and address,
never its body).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.async_api import BrowserContext, Dialog, Download, Frame, Page, Request, Route
from playwright.async_api import Error as PlaywrightError

from evidencekit.capture.journal import Journal
from evidencekit.clock import iso_z_ms, utc_now

log = logging.getLogger(__name__)

_TEXT_CAP = 2000
#: Methods a logged-in capture lets through: they only read.
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})
#: Facebook, Instagram and Threads load posts and comments with POST GraphQL *queries*, and
#: change things (likes, follows, story "seen" receipts) with *mutations*; each request names
#: itself in `fb_api_req_friendly_name`. There, a POST whose name ends in "Query" (and does
#: not say Mutation or Subscription) is let through as a read, and recorded.
GRAPHQL_READ_SITES = ("facebook.com", "instagram.com", "threads.net", "threads.com")
GRAPHQL_PATHS = ("/api/graphql", "/api/graphql/", "/graphql/query", "/graphql/query/")


def graphql_read_name(url: str, body: str | None) -> str | None:
    """The query's name when this POST is a GraphQL read on a platform that loads its pages
    that way (see GRAPHQL_READ_SITES), else None (then a logged-in capture blocks it)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not any(host == site or host.endswith("." + site) for site in GRAPHQL_READ_SITES):
        return None
    if parts.path not in GRAPHQL_PATHS or not body:
        return None
    names = parse_qs(body, keep_blank_values=True).get("fb_api_req_friendly_name", [])
    if len(names) != 1:
        return None
    name = names[0]
    if not name.endswith("Query") or "Mutation" in name or "Subscription" in name:
        return None
    return name


class PageGuards:
    """Attach to `page` (and its context) before it loads anything."""

    def __init__(
        self,
        context: BrowserContext,
        page: Page,
        journal: Journal,
        *,
        block_state_changes: bool = False,
    ) -> None:
        self._page = page
        self.block_state_changes = block_state_changes
        self.blocked_requests: list[dict[str, Any]] = []
        self.allowed_reads: list[dict[str, Any]] = []
        self._routed = False
        self._journal = journal
        self._tasks: set[asyncio.Task[Any]] = set()
        self.dialogs: list[dict[str, Any]] = []
        self.popups: list[dict[str, Any]] = []
        self.downloads: list[dict[str, Any]] = []
        self.blocked_navigations: list[dict[str, Any]] = []
        self.address_changes: list[dict[str, Any]] = []
        self.locked_url: str | None = None
        page.on("dialog", self._on_dialog)
        page.on("download", self._on_download)
        page.on("framenavigated", self._on_navigated)
        context.on("page", self._on_new_page)

    def _spawn(self, job: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(job)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _on_dialog(self, dialog: Dialog) -> None:
        entry: dict[str, Any] = {
            "time": iso_z_ms(utc_now()),
            "type": dialog.type,
            "message": dialog.message[:_TEXT_CAP],
        }
        if dialog.type == "prompt":
            entry["default_value"] = dialog.default_value[:_TEXT_CAP]
        self.dialogs.append(entry)
        if dialog.type == "beforeunload":
            detail = "dismissed a 'leave this page?' dialog: the page tried to go elsewhere"
        else:
            detail = f"dismissed a {dialog.type} dialog saying: {dialog.message[:_TEXT_CAP]}"
        self._journal.act("dialog-dismissed", detail)
        log.info("dismissed a %s dialog", dialog.type)
        self._spawn(self._quietly(dialog.dismiss()))

    def _on_new_page(self, popup: Page) -> None:
        if popup is self._page:
            return
        self.popups.append({"time": iso_z_ms(utc_now()), "url": popup.url})
        self._journal.act("popup-closed", f"closed a new window the page opened: {popup.url}")
        log.info("closed a popup window")
        self._spawn(self._quietly(popup.close()))

    def _on_download(self, download: Download) -> None:
        self.downloads.append(
            {
                "time": iso_z_ms(utc_now()),
                "url": download.url,
                "suggested_filename": download.suggested_filename,
            }
        )
        self._journal.act(
            "download-refused",
            f"refused a download the page started: {download.url} ({download.suggested_filename})",
        )
        log.info("refused a download")
        self._spawn(self._quietly(download.cancel()))

    def _on_navigated(self, frame: Frame) -> None:
        if frame != self._page.main_frame or self.locked_url is None:
            return
        if frame.url != self.locked_url:
            # Only history.pushState/replaceState or a #fragment get here: loads are blocked.
            self.address_changes.append({"time": iso_z_ms(utc_now()), "url": frame.url})
            self._journal.act(
                "address-changed",
                f"the page changed its address to {frame.url} without loading a new page",
            )

    async def start(self) -> None:
        """Before the first load: when logged in, start blocking state-changing requests."""
        if self.block_state_changes:
            await self._install_route()
            self._journal.act(
                "state-changes-blocked",
                "logged in: from the start, every request that could change something on the "
                "site (any method but GET and HEAD) is blocked",
            )

    async def _install_route(self) -> None:
        if not self._routed:
            self._routed = True
            await self._page.route("**/*", self._route)

    async def lock_navigation(self) -> None:
        """From now on, abort every attempt of the main frame to load another document."""
        self.locked_url = self._page.url
        await self._install_route()
        self._journal.act("navigation-locked", "from here on the page may not load another page")

    def _changes_state(self, request: Request) -> bool:
        if request.method.upper() in READ_ONLY_METHODS:
            return False
        try:
            body = request.post_data
        except (PlaywrightError, UnicodeDecodeError):
            body = None
        name = graphql_read_name(request.url, body) if request.method.upper() == "POST" else None
        if name is None:
            return True
        self.allowed_reads.append({"time": iso_z_ms(utc_now()), "url": request.url, "name": name})
        self._journal.act("graphql-read-allowed", f"let through a GraphQL read ({name})")
        return False

    async def _route(self, route: Route, request: Request) -> None:
        if self.block_state_changes and self._changes_state(request):
            self.blocked_requests.append(
                {"time": iso_z_ms(utc_now()), "method": request.method, "url": request.url}
            )
            self._journal.act(
                "request-blocked",
                f"blocked a {request.method} request to {request.url}: logged in, the capture "
                "never lets the page change anything on the site",
            )
            log.info("blocked a state-changing request")
            await self._quietly(route.abort("blockedbyclient"))
            return
        if self.locked_url is None:  # before the lock only the logged-in block applies
            await self._quietly(route.fallback())
            return
        try:
            main_nav = request.is_navigation_request() and request.frame == self._page.main_frame
        except PlaywrightError:
            main_nav = False
        if main_nav:
            self.blocked_navigations.append({"time": iso_z_ms(utc_now()), "url": request.url})
            self._journal.act("navigation-blocked", f"blocked the page from going to {request.url}")
            log.info("blocked a navigation away from the captured page")
            # "aborted" (ERR_ABORTED) cancels the navigation; any other error code would make
            # Chromium commit an error page in place of the captured one.
            await self._quietly(route.abort("aborted"))
        else:
            await self._quietly(route.continue_())

    @staticmethod
    async def _quietly(job: Coroutine[Any, Any, Any]) -> None:
        try:
            await job
        except PlaywrightError as error:  # the page or window is already gone
            log.debug("guard action had nothing left to act on: %s", error.message)

    async def settle(self, cap_s: float = 2.0) -> None:
        """Let pending dismiss/close jobs finish (bounded)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=cap_s)

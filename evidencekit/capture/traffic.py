"""Record every request and response of one page in memory (for the WARC, media and metadata),
and tell when the network has gone quiet.

No HAR: Playwright writes a HAR to a file path only, at context close. Bodies are read inside
the response events instead, while the page is alive.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request, Response

from evidencekit.capture.idle import IdleTracker
from evidencekit.clock import utc_now

log = logging.getLogger(__name__)


@dataclass
class Exchange:
    """One request and, if one came, its response."""

    seq: int
    url: str
    method: str
    resource_type: str
    started_at: dt.datetime
    main_frame_navigation: bool
    post_data: bytes | None = None
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    status: int | None = None
    status_text: str = ""
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    responded_at: dt.datetime | None = None
    server_ip: str | None = None
    server_port: int | None = None
    body: bytes | None = None
    body_note: str | None = None
    """Why `body` is missing or partial (a redirect, still arriving, an error)."""
    failure: str | None = None
    by_capture_tool: bool = False
    """True for a request EvidenceKit made itself (a whole media file), not the page."""
    redirect_from: int | None = None

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.response_headers:
            if key.lower() == lowered:
                return value
        return None

    def request_header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.request_headers:
            if key.lower() == lowered:
                return value
        return None


class TrafficRecorder:
    """Listens to one page's network events and keeps the exchanges in request order."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self.exchanges: list[Exchange] = []
        self._by_request: dict[Request, Exchange] = {}
        self._idle = IdleTracker()
        self._tasks: set[asyncio.Task[None]] = set()
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfinished", self._on_done)
        page.on("requestfailed", self._on_failed)

    @property
    def documents(self) -> list[Exchange]:
        """Main-frame document loads, in order (redirect hops included)."""
        return [ex for ex in self.exchanges if ex.main_frame_navigation]

    def _on_request(self, request: Request) -> None:
        try:
            main_nav = request.is_navigation_request() and request.frame == self._page.main_frame
        except PlaywrightError:  # service-worker requests have no frame
            main_nav = False
        previous = (
            self._by_request.get(request.redirected_from) if request.redirected_from else None
        )
        exchange = Exchange(
            seq=len(self.exchanges),
            url=request.url,
            method=request.method,
            resource_type=request.resource_type,
            started_at=utc_now(),
            main_frame_navigation=main_nav,
            post_data=request.post_data_buffer,
            redirect_from=previous.seq if previous else None,
        )
        self.exchanges.append(exchange)
        self._by_request[request] = exchange
        self._idle.started(request, request.resource_type)

    def _on_response(self, response: Response) -> None:
        exchange = self._by_request.get(response.request)
        if exchange is None:
            return
        exchange.status = response.status
        exchange.status_text = response.status_text
        exchange.responded_at = utc_now()
        task = asyncio.ensure_future(self._fill(response, exchange))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _fill(self, response: Response, exchange: Exchange) -> None:
        try:
            exchange.request_headers = _pairs(await response.request.headers_array())
            exchange.response_headers = _pairs(await response.headers_array())
            addr = await response.server_addr()
            if addr:
                exchange.server_ip, exchange.server_port = addr["ipAddress"], addr["port"]
        except PlaywrightError as error:
            exchange.body_note = f"headers unavailable: {error.message.splitlines()[0]}"
            return
        if 300 <= response.status < 400 and exchange.header("location") is not None:
            exchange.body_note = "redirect: the browser does not keep a redirect's body"
            return
        try:
            exchange.body = await response.body()
        except PlaywrightError as error:
            exchange.body_note = f"body unavailable: {error.message.splitlines()[0]}"

    def _on_done(self, request: Request) -> None:
        self._idle.ended(request)

    def _on_failed(self, request: Request) -> None:
        exchange = self._by_request.get(request)
        if exchange is not None:
            exchange.failure = request.failure or "failed"
        self._on_done(request)

    async def wait_idle(self, quiet_s: float, cap_s: float, stale_s: float | None = None) -> bool:
        """See `IdleTracker.wait_idle`."""
        return await self._idle.wait_idle(quiet_s, cap_s, stale_s)

    @property
    def busy_urls(self) -> list[str]:
        return self._idle.busy_urls

    async def finish(self, cap_s: float) -> None:
        """Wait (at most `cap_s`) for bodies still being read; mark the rest as cut."""
        pending = set(self._tasks)
        if pending:
            _, still = await asyncio.wait(pending, timeout=cap_s)
            for task in still:
                task.cancel()
            await asyncio.gather(*still, return_exceptions=True)
            for exchange in self.exchanges:
                if exchange.status is not None and exchange.body is None and not exchange.body_note:
                    exchange.body_note = "body still arriving when the capture ended"
        self._idle.clear()

    def add_own_fetch(self, exchange: Exchange) -> None:
        """Add a request EvidenceKit made itself (kept in the WARC, marked in metadata)."""
        exchange.seq = len(self.exchanges)
        exchange.by_capture_tool = True
        self.exchanges.append(exchange)


def _pairs(headers: Sequence[Mapping[str, object]]) -> list[tuple[str, str]]:
    return [(str(item["name"]), str(item["value"])) for item in headers]

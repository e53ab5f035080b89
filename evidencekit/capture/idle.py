"""When has a page's network gone quiet? One tracker of open requests, shared by the traffic
recorder and by the bare-Playwright side of the capture benchmark (so both settle alike)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

#: Requests that may stay open for as long as the page lives; they never make the page "busy".
#: (Video and audio are fetched whole separately when the page only streamed parts of them.)
LONG_LIVED_TYPES = frozenset({"media", "eventsource", "websocket"})


class IdleTracker:
    """Open requests and the time of the last network event, for `wait_idle`."""

    def __init__(self) -> None:
        self._busy: dict[Any, float] = {}  # open requests and when they started
        self._loop = asyncio.get_running_loop()
        self._changed = asyncio.Event()
        self._last_change = self._loop.time()

    def touch(self) -> None:
        self._last_change = self._loop.time()
        self._changed.set()

    def started(self, request: Any, resource_type: str) -> None:
        if resource_type not in LONG_LIVED_TYPES:
            self._busy[request] = self._loop.time()
        self.touch()

    def ended(self, request: Any) -> None:
        self._busy.pop(request, None)
        self.touch()

    def clear(self) -> None:
        self._busy.clear()

    @property
    def busy_urls(self) -> list[str]:
        return [request.url for request in self._busy]

    async def wait_idle(self, quiet_s: float, cap_s: float, stale_s: float | None = None) -> bool:
        """Wait until no request has been open or started for `quiet_s`; False at `cap_s`.

        Requests open longer than `stale_s` (one that hangs forever) no longer count: they
        are reported through `busy_urls`, not waited for again and again.
        """
        deadline = self._loop.time() + cap_s
        while True:
            now = self._loop.time()
            active = [t for t in self._busy.values() if stale_s is None or now - t < stale_s]
            if not active and now - self._last_change >= quiet_s:
                return True
            if now >= deadline:
                return False
            wait = deadline - now
            if active and stale_s is not None:
                wait = min(wait, min(active) + stale_s - now)
            elif not active:
                wait = min(wait, self._last_change + quiet_s - now)
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), max(wait, 0.001))

"""The app's warm browser: Chromium started when she begins to type a link, kept for the next
capture, closed when idle (issue 15).

A capture then skips the browser's start (half a second to a second here). Nothing carries over
from one capture to the next: each page still gets a fresh browser context (no cookies, cache
or storage of another page), and a browser is handed out again only when no page of an earlier
capture is still open in it and it is still connected (`BrowserStart.usable`). The capture's
metadata records when its browser was started (`browser.started_at`), so a reused browser is
visible as one. It is closed after `idle_s` without use, when the vault locks, and when the
app quits; one whose settings differ from the next capture's is closed and a new one started.

Used from one asyncio loop (the app's worker loop): no locking beyond that.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from evidencekit.capture.browser import BrowserStart
from evidencekit.capture.result import CaptureSettings
from evidencekit.capture.timings import RunTimings

log = logging.getLogger(__name__)

#: Closed this long after its last use: a browser sitting there costs memory and shows in the
#: process list of a laptop someone else may look at.
IDLE_S = 120.0


def _launch_key(settings: CaptureSettings) -> tuple[object, ...]:
    """What `launch_browser` takes from the settings: browsers differing here are not shared."""
    return (settings.browser_path, tuple(settings.browser_args))


class WarmBrowser:
    """At most one idle browser, started ahead of need and lent to one capture job at a time."""

    def __init__(self, idle_s: float = IDLE_S) -> None:
        self.idle_s = idle_s
        self._idle: BrowserStart | None = None
        self._key: tuple[object, ...] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._closing: set[asyncio.Task[None]] = set()

    def warm_up(self, settings: CaptureSettings) -> BrowserStart | None:
        """Start a browser for `settings` now, unless one fit for them is idle or starting;
        returns the one started now (None when there already was one)."""
        key = _launch_key(settings)
        if self._idle is not None and self._key == key:
            # A start that failed (no browser here) is not tried again at every keystroke:
            # the capture itself starts anew and says why (`take`).
            if self._idle.starting or self._idle.usable() or self._idle.failed:
                self._restart_timer()
                return None
        self._drop_idle()
        self._idle, self._key = BrowserStart(settings), key
        self._restart_timer()
        return self._idle

    def take(self, settings: CaptureSettings, timings: RunTimings | None = None) -> BrowserStart:
        """A browser for one capture job: the idle one if fit for `settings` (still starting is
        fine), else a new one started now (its launch timed on `timings`). Give it back after."""
        self._cancel_timer()
        idle, key = self._idle, self._key
        self._idle, self._key = None, None
        if idle is not None and key == _launch_key(settings) and (idle.starting or idle.usable()):
            log.info("capture uses the warm browser")
            return idle
        if idle is not None:
            self._close_soon(idle)
        return BrowserStart(settings, timings)

    async def give_back(self, start: BrowserStart, settings: CaptureSettings) -> None:
        """After the job: kept (idle) once its pages' contexts have closed, if still usable;
        else closed."""
        if not start.starting:
            try:
                await start.wait_contexts_closed()
            except BaseException:  # cancelled meanwhile (the vault locks): closed, not lost
                self._close_soon(start)
                raise
        if not start.usable() or self._idle is not None:
            self._close_soon(start)
            return
        self._idle, self._key = start, _launch_key(settings)
        self._restart_timer()

    async def close(self) -> None:
        """Close the idle browser and wait for every close begun here (the vault locks, the
        app quits)."""
        self._drop_idle()
        if self._closing:
            await asyncio.gather(*list(self._closing), return_exceptions=True)

    @property
    def idle(self) -> bool:
        """A browser is idle (or starting) here."""
        return self._idle is not None

    # --- inside -----------------------------------------------------------------------------

    def _drop_idle(self) -> None:
        self._cancel_timer()
        if self._idle is not None:
            self._close_soon(self._idle)
        self._idle, self._key = None, None

    def _close_soon(self, start: BrowserStart) -> None:
        task = asyncio.get_running_loop().create_task(self._close_quietly(start))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    @staticmethod
    async def _close_quietly(start: BrowserStart) -> None:
        with contextlib.suppress(Exception):  # a browser that failed to start has nothing to close
            await start.close()

    def _restart_timer(self) -> None:
        self._cancel_timer()
        self._timer = asyncio.get_running_loop().call_later(self.idle_s, self._drop_idle)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


__all__ = ["IDLE_S", "WarmBrowser"]

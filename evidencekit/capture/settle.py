"""Bring a loaded page to a complete, still state before anything is taken from it.

Wait for the load event (capped), scroll down in steps so lazy images and content inserted
on scroll arrive (bounded in height and time: endless feeds are cut and say so), wait for
the network to go quiet (capped), wait for pictures to finish, scroll back to the top.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from evidencekit.capture.journal import Journal
from evidencekit.capture.result import CaptureSettings

log = logging.getLogger(__name__)

# Two animation frames, so what a scroll triggers (IntersectionObserver, loading=lazy, sticky
# headers) has reacted; the in-page timer only bounds the wait where frames are throttled.
_TWO_FRAMES_JS = """new Promise((done) => {
    const timer = setTimeout(done, 250);
    requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); done(); }));
  })"""

#: Scroll by, then wait two animation frames; returns the position, page height and window.
_STEP_JS = (
    """async (dy) => {
  if (dy) window.scrollBy(0, dy);
  await """
    + _TWO_FRAMES_JS
    + """;
  const se = document.scrollingElement || document.documentElement;
  const height = Math.max(se.scrollHeight, document.body ? document.body.scrollHeight : 0);
  return [Math.round(window.scrollY), Math.round(height), window.innerHeight];
}"""
)

_IMAGES_JS = """async (capMs) => {
  const limit = window.scrollY + innerHeight + 1250;
  const pending = [...document.images].filter((img) => !img.complete && (img.currentSrc || img.src)
      && img.getBoundingClientRect().top + window.scrollY < limit);
  const loaded = pending.map((img) => new Promise((done) => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  }));
  await Promise.race([Promise.all(loaded), new Promise((done) => setTimeout(done, capMs))]);
  return [...document.images].filter((img) => !img.complete).length;
}"""

_BROKEN_JS = """() => [...document.images]
  .filter((img) => img.complete && img.naturalWidth === 0 && (img.currentSrc || img.src)
          && !(img.currentSrc || img.src).startsWith('data:'))
  .map((img) => img.currentSrc || img.src)"""

_QUIET_S = 0.5


class IdleWatcher(Protocol):
    """Knows when the page's network has gone quiet (`TrafficRecorder` is one)."""

    async def wait_idle(self, quiet_s: float, cap_s: float, stale_s: float | None = None) -> bool:
        """True once the network was quiet for `quiet_s` (ignoring requests open longer than
        `stale_s`); False when `cap_s` ran out first."""
        ...

    @property
    def busy_urls(self) -> list[str]: ...


@dataclass(frozen=True)
class ScrollReport:
    """What scrolling did, for the metadata."""

    steps: int
    reached_px: int
    """How far down the bottom of the window got (CSS px)."""
    page_height_px: int
    cut: bool
    cut_reason: str | None
    duration_ms: int


async def wait_for_load(page: Page, journal: Journal, cap_s: float) -> bool:
    """Wait for the load event, at most `cap_s`; False (and a warning) if it never came."""
    journal.doing("waiting for the page's load event")
    try:
        await page.wait_for_load_state("load", timeout=cap_s * 1000)
    except PlaywrightTimeoutError:
        journal.act("load-capped", f"the load event did not come within {cap_s:g} s; went on")
        journal.warn(
            f"The page did not finish loading within {cap_s:g} s; it was captured as it was."
        )
        return False
    journal.act("loaded", "the page fired its load event")
    return True


async def _step(page: Page, dy: int) -> tuple[int, int, int]:
    y, height, view = await page.evaluate(_STEP_JS, dy)
    return int(y), int(height), int(view)


async def scroll_through(
    page: Page, traffic: IdleWatcher, journal: Journal, settings: CaptureSettings
) -> ScrollReport:
    """Scroll to the bottom in steps (bounded by height and time), waiting for growth."""
    journal.doing("scrolling down the page")
    started = time.monotonic()
    stride = max(200, int(settings.viewport[1] * 0.85))
    idle_cap = min(3.0, settings.network_idle_cap_s)
    steps, cut_reason = 0, None
    y, height, view = await _step(page, 0)
    reached = y + view
    while True:
        if y + view >= height - 1:  # at the bottom: give the page a moment to add more
            journal.doing("waiting for more content at the bottom of the page")
            await traffic.wait_idle(_QUIET_S, idle_cap, stale_s=settings.network_idle_cap_s)
            y, grown, view = await _step(page, 0)
            if grown <= height:
                break
            height = grown
            journal.doing("scrolling down the page")
        if reached >= settings.max_scroll_height_px:
            cut_reason = "height"
            break
        if time.monotonic() - started >= settings.max_scroll_time_s:
            cut_reason = "time"
            break
        before = y
        y, height, view = await _step(page, stride)
        steps += 1
        reached = max(reached, y + view)
        if y == before and y + view < height - 1:
            journal.act("scroll-stuck", f"the page would not scroll past {y + view} px")
            journal.warn(
                "The page does not scroll as a whole (its content scrolls inside a box); "
                "content further down may be missing."
            )
            break
    duration_ms = int((time.monotonic() - started) * 1000)
    report = ScrollReport(steps, reached, height, cut_reason is not None, cut_reason, duration_ms)
    journal.act(
        "scrolled",
        f"scrolled down in {steps} steps of {stride} px to {reached} px "
        f"(page height {height} px) in {duration_ms} ms",
    )
    if cut_reason:
        limit = (
            f"{settings.max_scroll_height_px} px"
            if cut_reason == "height"
            else f"{settings.max_scroll_time_s:g} s"
        )
        journal.act("scroll-cut", f"stopped scrolling at the {limit} limit")
        journal.warn(
            f"The page kept going (an endless feed or a very long page): scrolling stopped at "
            f"{reached} px after reaching the {limit} limit. Only that part was captured."
        )
    return report


async def wait_network_idle(
    traffic: IdleWatcher, journal: Journal, settings: CaptureSettings
) -> bool:
    """Wait for the network to go quiet, at most `network_idle_cap_s`."""
    journal.doing("waiting for the network to go quiet")
    cap = settings.network_idle_cap_s
    quiet = await traffic.wait_idle(_QUIET_S, cap, stale_s=cap)
    busy = len(traffic.busy_urls)
    if quiet and not busy:
        journal.act("network-idle", "the network went quiet")
        return True
    journal.act("network-busy", f"{busy} requests were still open after {cap:g} s; went on")
    journal.warn(
        f"{busy} requests were still loading after {cap:g} s; some content may be missing."
    )
    return False


async def wait_for_images(page: Page, journal: Journal, cap_s: float) -> int:
    """Wait (at most `cap_s`) for started pictures to finish; return how many never did."""
    journal.doing("waiting for pictures to finish loading")
    return int(await page.evaluate(_IMAGES_JS, int(cap_s * 1000)))


async def broken_images(page: Page) -> list[str]:
    """Addresses of pictures the page shows as broken (loaded, but no image)."""
    return [str(url) for url in await page.evaluate(_BROKEN_JS)]


async def scroll_to_top(page: Page, journal: Journal) -> None:
    journal.doing("scrolling back to the top")
    # One round trip: scroll (when not at the top already), then the same two frames as a step.
    await page.evaluate(
        "async () => { if (window.scrollY) window.scrollTo(0, 0); await " + _TWO_FRAMES_JS + "; }"
    )
    journal.act("scrolled-top", "scrolled back to the top of the page")

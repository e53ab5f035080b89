"""yt-dlp started as soon as the page has loaded (issue 15), or at the end as before.

yt-dlp fetches the post on its own, not through the page: when the loaded page already shows
it has a video (it streams one, says so in its meta fields, or is on a video platform), it is
asked right then and works while the page is scrolled and photographed. Otherwise it is asked
at the end, when the page read then says so. The journal says when it was started and why
("videos-started"), as does ``metadata.json`` under ``videos``. `cancel` stops it and waits
for its thread when the capture fails or runs out of time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from evidencekit.capture import videos as videos_mod
from evidencekit.capture.journal import Journal
from evidencekit.capture.metadata import redirect_chain
from evidencekit.capture.result import CaptureSettings
from evidencekit.capture.sidebyside import timed
from evidencekit.capture.timings import PageTimings
from evidencekit.capture.traffic import TrafficRecorder

log = logging.getLogger(__name__)

#: What the loaded page says about a video, and the browser's user agent, in one round trip.
_EARLY_FACTS_JS = """() => {
  const meta = {};
  for (const el of document.querySelectorAll('meta[property], meta[name]')) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || '').trim();
    if (/^(og:video(:url)?|twitter:player)$/i.test(key) && !(key in meta)) {
      meta[key] = (el.getAttribute('content') || '').slice(0, 2000);
    }
  }
  return {meta, userAgent: String(navigator.userAgent)};
}"""


class EarlyVideos:
    """yt-dlp for one capture: started right after the load when the page already shows it
    has a video (issue 15), else at the end when the page read then says so."""

    def __init__(self, settings: CaptureSettings, journal: Journal, timings: PageTimings) -> None:
        self.settings, self.journal, self.timings = settings, journal, timings
        self.task: asyncio.Task[videos_mod.VideoResult] | None = None
        self.user_agent: str | None = None

    async def start_if_wanted(
        self, page: Page, traffic: TrafficRecorder, loaded_documents: int
    ) -> None:
        """What is known right after the load: the address (the document the capture keeps,
        as at the end), whether the page already streams a video, and its meta fields."""
        _, main = redirect_chain(traffic.documents[:loaded_documents])
        address = main.url if main else page.url
        streams = any(ex.resource_type == "media" for ex in traffic.exchanges)
        try:
            read = await page.evaluate(_EARLY_FACTS_JS)
        except PlaywrightError as error:  # the later steps read the page again, and say so
            log.debug("could not read the loaded page's video facts: %r", error)
            return
        read = read if isinstance(read, dict) else {}
        because = videos_mod.why_wanted(address, streams, read.get("meta"))
        if because is None:
            return
        self.user_agent = str(read.get("userAgent", ""))
        self.journal.act(
            "videos-started",
            f"yt-dlp asked for the post's videos right after the page loaded, while it was "
            f"scrolled and photographed: {because}",
            when="after-load",
            because=because,
            asked_for=address,
        )
        self.task = asyncio.ensure_future(self._collect(address, self.user_agent, because, True))

    def at_end(
        self,
        final_url: str,
        shows_video: bool,
        meta: dict[str, Any] | None,
        user_agent: str,
    ) -> Awaitable[videos_mod.VideoResult]:
        """yt-dlp now, when the page read at the end says it has a video (else nothing)."""
        because = videos_mod.why_wanted(final_url, shows_video, meta)
        if because is None:
            return _no_videos()
        self.journal.act(
            "videos-started",
            f"yt-dlp asked for the post's videos after the page was read: {because}",
            when="after-reading",
            because=because,
            asked_for=final_url,
        )
        self.task = asyncio.ensure_future(self._collect(final_url, user_agent, because, False))
        return self.task

    async def _collect(
        self, url: str, user_agent: str, because: str, early: bool
    ) -> videos_mod.VideoResult:
        started = videos_mod.STARTED_EARLY if early else videos_mod.STARTED_LATE
        return await timed(
            self.timings,
            "videos",
            videos_mod.collect_videos(
                url, self.settings, self.journal, user_agent, started=started, because=because
            ),
        )

    def name_the_wait(self, _: object = None) -> None:
        """The page's last steps are done: if yt-dlp still runs, waiting for it is the step."""
        if self.task is not None and not self.task.done():
            self.journal.doing("waiting for yt-dlp to finish the post's videos")

    def check_user_agent(self, user_agent: str) -> None:
        """yt-dlp sends the user agent read at the load; the metadata records the one read at
        the end. They are the same browser's; should the page have changed what it reports,
        the journal says which one yt-dlp sent."""
        if self.user_agent is not None and self.user_agent != user_agent:
            self.journal.act(
                "videos-user-agent",
                "yt-dlp sent the user agent the page reported right after it loaded, which "
                "differs from the one it reported at the end",
                sent=self.user_agent,
                at_end=user_agent,
            )

    async def cancel(self) -> None:
        """Stop yt-dlp if it still runs (the capture failed or ran out of time) and wait until
        it has: `collect_videos` returns only once its thread has ended."""
        task = self.task
        if task is None or task.done():
            return
        task.cancel()
        cancelled: asyncio.CancelledError | None = None
        while not task.done():
            try:
                await asyncio.wait({task})
            except asyncio.CancelledError as error:  # cancelled again: still wait for yt-dlp
                cancelled = error
        if not task.cancelled():
            task.exception()  # seen: the capture's own error is the one raised
        if cancelled is not None:
            raise cancelled


async def _no_videos() -> videos_mod.VideoResult:
    return videos_mod.VideoResult()

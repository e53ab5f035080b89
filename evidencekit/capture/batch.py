"""Capture many addresses in parallel contexts of one browser; one failure never stops the rest."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from playwright.async_api import Browser

from evidencekit.capture.browser import launch_browser
from evidencekit.capture.engine import capture_page
from evidencekit.capture.result import CaptureSettings, PageCapture
from evidencekit.capture.timings import PageTimings, RunTimings
from evidencekit.capture.urls import PreparedUrl
from evidencekit.errors import CaptureFailed, EvidenceKitError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaptureOutcome:
    """The result of one address of `capture_many`: a capture or the error that stopped it."""

    url: str
    capture: PageCapture | None
    error: EvidenceKitError | None
    timings: PageTimings | None = None
    """This address's stages (and the run's), also those after its metadata was sealed."""

    @property
    def ok(self) -> bool:
        return self.capture is not None


async def capture_many(
    urls: Sequence[str | PreparedUrl],
    settings: CaptureSettings,
    *,
    concurrency: int = 3,
    browser: Browser | None = None,
    on_result: Callable[[CaptureOutcome], None] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
    timings: RunTimings | None = None,
) -> list[CaptureOutcome]:
    """Capture each of `urls` in its own context of one browser, `concurrency` at a time.

    One failure does not stop the others; outcomes come back in the order of `urls`. A
    `PreparedUrl` is reported under its cleaned address (the only one that exists from here on).
    `on_progress(url, step)` and `on_result(outcome)` are called as things happen. Each
    page's stages are timed on `timings`' clock (the run's, when the caller has one).
    """
    run = timings or RunTimings(from_process_start=False)
    if browser is None:
        launch, closing = run.begin("browser-launch"), None
        try:
            async with launch_browser(settings) as own:
                run.end(launch)
                try:
                    return await capture_many(
                        urls,
                        settings,
                        concurrency=concurrency,
                        browser=own,
                        on_result=on_result,
                        on_progress=on_progress,
                        timings=run,
                    )
                finally:
                    closing = run.begin("browser-close")
        finally:
            run.end(launch)
            if closing is not None:
                run.end(closing)
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(target: str | PreparedUrl) -> CaptureOutcome:
        url = target.url if isinstance(target, PreparedUrl) else target

        def progress(step: str) -> None:
            if on_progress is not None:
                on_progress(url, step)

        clock = run.page()
        async with gate:
            try:
                page = await capture_page(
                    target, settings, browser=browser, progress=progress, timings=clock
                )
                outcome = CaptureOutcome(url, page, None, clock)
            except EvidenceKitError as error:
                outcome = CaptureOutcome(url, None, error, clock)
            except Exception as error:  # one bad page must not stop the batch
                log.exception("unexpected failure while capturing one page")
                outcome = CaptureOutcome(url, None, CaptureFailed(detail=repr(error)), clock)
        if on_result is not None:
            on_result(outcome)
        return outcome

    return list(await asyncio.gather(*(one(url) for url in urls)))

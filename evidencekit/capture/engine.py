"""Capture web pages: one page load, settled once, every artifact taken from that same load.

`capture_page` is the core job (async); `capture_many` runs several in parallel contexts of one
browser; `capture_page_sync` is the thin wrapper for callers without an event loop.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from playwright.async_api import Browser, BrowserContext, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from evidencekit.capture import glyphs, minor_safe, minor_safe_bytes, screenshot, settle, snapshot
from evidencekit.capture import login as login_mod
from evidencekit.capture import media as media_mod
from evidencekit.capture import overlays as overlays_mod
from evidencekit.capture.browser import close_later, launch_browser, new_capture_context
from evidencekit.capture.completeness import add_completeness_warnings, platform_facts_and_score
from evidencekit.capture.guards import PageGuards
from evidencekit.capture.journal import Journal
from evidencekit.capture.jsonsafe import repair_text
from evidencekit.capture.metadata import (
    CaptureFacts,
    browser_facts,
    build_metadata,
    metadata_bytes,
    redirect_chain,
    warcinfo,
)
from evidencekit.capture.pagefacts import page_facts
from evidencekit.capture.result import Artifact, CaptureSettings, PageCapture
from evidencekit.capture.sidebyside import timed, together
from evidencekit.capture.timings import PageTimings, RunTimings
from evidencekit.capture.tls import SecurityWatcher, tls_facts
from evidencekit.capture.traffic import TrafficRecorder
from evidencekit.capture.urls import PreparedUrl, as_prepared
from evidencekit.capture.videos_early import EarlyVideos
from evidencekit.capture.warc import build_warc
from evidencekit.clock import utc_now
from evidencekit.errors import (
    CaptureFailed,
    CaptureTimedOut,
    ConnectionRefused,
    EvidenceKitError,
    HostNotFound,
    Offline,
    PageIsDownload,
    PageLoadFailed,
    SessionExpired,
)

log = logging.getLogger(__name__)


async def capture_page(
    url: str | PreparedUrl,
    settings: CaptureSettings,
    *,
    browser: Browser | None = None,
    progress: Callable[[str], None] | None = None,
    timings: PageTimings | None = None,
) -> PageCapture:
    """Capture `url` with every artifact, or raise an `EvidenceKitError` (nothing half-made).

    `progress` is called with "opening", "loading", "scrolling" and "saving". Without a
    `browser`, one is launched for this capture and closed after it. `timings` (from the
    job's `RunTimings`) receives this page's stages; they go into its metadata.
    """
    link = as_prepared(url, keep_share_parameters=settings.keep_share_parameters)
    timings = timings or RunTimings(from_process_start=False).page()
    if browser is None:
        launch = timings.run.begin("browser-launch")
        async with launch_browser(settings) as own:
            timings.run.end(launch)
            return await _capture(own, link, settings, progress, timings)
    return await _capture(browser, link, settings, progress, timings)


def capture_page_sync(
    url: str,
    settings: CaptureSettings,
    *,
    progress: Callable[[str], None] | None = None,
) -> PageCapture:
    """`capture_page` for callers without an event loop (never call it inside one)."""
    return asyncio.run(capture_page(url, settings, progress=progress))


def _map_error(error: PlaywrightError) -> EvidenceKitError:
    text = error.message.splitlines()[0] if error.message else repr(error)
    if "ERR_NAME_NOT_RESOLVED" in text or "ERR_NAME_RESOLUTION_FAILED" in text:
        return HostNotFound(detail=text)
    if "ERR_INTERNET_DISCONNECTED" in text:
        return Offline(detail=text)
    if "ERR_CONNECTION_REFUSED" in text:
        return ConnectionRefused(detail=text)
    if "Download is starting" in text:
        return PageIsDownload(detail=text)
    if "Execution context was destroyed" in text:
        return CaptureFailed(
            "The page replaced itself while it was being captured (it kept navigating). "
            "Nothing was saved. Try again.",
            detail=text,
        )
    if "net::ERR_" in text:
        code = re.search(r"net::ERR_[A-Z_]+", text)
        return PageLoadFailed(
            f"The page could not be loaded ({code.group(0) if code else text}). Nothing was saved.",
            detail=text,
        )
    return CaptureFailed(detail=text)


async def _capture(
    browser: Browser,
    link: PreparedUrl,
    settings: CaptureSettings,
    progress: Callable[[str], None] | None,
    timings: PageTimings,
) -> PageCapture:
    url = link.url
    journal = Journal(progress)
    if link.changed:
        journal.act(
            "link-cleaned",
            link.summary(),
            credentials_removed=link.removed_credentials,
            parameters_removed=list(link.removed_parameters),
        )
    if link.kept_parameters:
        journal.act(
            "link-share-parameters-kept",
            "share-tracking parameters kept in the link as she chose: "
            + ", ".join(link.kept_parameters),
            parameters_kept=list(link.kept_parameters),
        )
    context: BrowserContext | None = None
    result: PageCapture | None = None
    log.info("capture started")
    log.debug("capturing %s", url)
    try:
        async with asyncio.timeout(settings.timeout_s):
            journal.deadline = time.monotonic() + settings.timeout_s
            journal.stage("opening")
            journal.doing("opening a fresh browser context")
            with timings.span("context-open"):
                context = await new_capture_context(browser, settings)
            result = await _run(browser, context, link, settings, journal, timings)
    except TimeoutError as error:
        log.info("capture timed out while %s", journal.step)
        raise CaptureTimedOut(journal.step, settings.timeout_s) from error
    except PlaywrightTimeoutError as error:
        raise CaptureTimedOut(journal.step, settings.timeout_s, detail=error.message) from error
    except PlaywrightError as error:
        left = journal.remaining_s()
        if left is not None and left <= 0:  # the time limit cut a browser call short
            raise CaptureTimedOut(journal.step, settings.timeout_s, detail=error.message) from error
        raise _map_error(error) from error
    finally:
        if context is not None:
            if result is not None:  # in memory: stored while its context closes
                close_later(browser, _close(context, timings))
            else:
                await _close(context, timings)
    log.info("capture finished with %d artifacts", len(result.artifacts))
    return result


async def _close(context: BrowserContext, timings: PageTimings) -> None:
    with timings.span("context-close"):
        try:
            await asyncio.wait_for(context.close(), 15)
        except (PlaywrightError, TimeoutError) as error:
            log.warning("browser context did not close cleanly: %r", error)


async def _run(
    browser: Browser,
    context: BrowserContext,
    link: PreparedUrl,
    settings: CaptureSettings,
    journal: Journal,
    timings: PageTimings,
) -> PageCapture:
    early = EarlyVideos(settings, journal, timings)
    try:
        return await _run_page(browser, context, link, settings, journal, timings, early)
    finally:  # the time limit, a failed step, the page's error: yt-dlp stopped, its thread gone
        await early.cancel()


async def _run_page(
    browser: Browser,
    context: BrowserContext,
    link: PreparedUrl,
    settings: CaptureSettings,
    journal: Journal,
    timings: PageTimings,
    early: EarlyVideos,
) -> PageCapture:
    url = link.url
    t = timings.span
    with t("page-open"):
        page = await context.new_page()
        if settings.minor_safe:  # pictures hidden from each document's first byte (issue 14)
            await minor_safe.install(page)
        cdp = await context.new_cdp_session(page)
        watcher = SecurityWatcher(cdp)
        await watcher.start()
        traffic = TrafficRecorder(page)
        guards = PageGuards(
            context, page, journal, block_state_changes=settings.session is not None
        )
        await guards.start()

    journal.stage("loading")
    journal.doing("loading the page")
    journal.act("navigate", f"opened {url}")
    with t("navigate"):
        await page.goto(url, wait_until="domcontentloaded", timeout=0)
    with t("load"):
        await settle.wait_for_load(page, journal, settings.load_cap_s)
    await guards.lock_navigation()
    loaded_documents = len(traffic.documents)  # later ones were blocked by the lock
    # yt-dlp fetches the post on its own (not through this page): when the loaded page already
    # shows it has a video, it starts now and works while the page is scrolled and photographed.
    # Its one read of the page (meta fields) changes nothing: beside the first-window shot.
    _, viewport = await together(
        early.start_if_wanted(page, traffic, loaded_documents),
        timed(
            timings,
            "viewport-screenshot",
            screenshot.viewport_png(page, journal, cover=settings.minor_safe),
        ),
    )

    journal.stage("scrolling")
    with t("scroll"):
        scroll = await settle.scroll_through(page, traffic, journal, settings)
    with t("network-quiet"):
        await settle.wait_network_idle(traffic, journal, settings)
    with t("images"):
        await settle.wait_for_images(page, journal, min(2.0, settings.network_idle_cap_s))
    with t("scroll-to-top"):
        await settle.scroll_to_top(page, journal)

    journal.stage("saving")
    found: list[overlays_mod.Overlay] = []
    if settings.hide_overlays:
        with t("overlays"):
            found, locked = await overlays_mod.find_overlays(page, journal)
            overlays_mod.record_overlays(found, locked, journal)
    with t("screenshot"):
        full_png, shot = await screenshot.full_page_png(
            page,
            journal,
            scale=settings.device_scale_factor,
            style=overlays_mod.hiding_css(found),
            max_css_height=scroll.reached_px if scroll.cut else None,
            cover=settings.minor_safe,
        )
    # From here nothing changes the page: what is read from it, the last responses and the
    # media files are taken side by side (one round trip each instead of one after another).
    html, mhtml, text, glyph_report, reads, media = await together(
        timed(timings, "dom", snapshot.rendered_html(page, journal)),
        timed(timings, "mhtml", snapshot.mhtml(cdp, journal)),
        timed(timings, "text", snapshot.visible_text(page, journal)),
        timed(timings, "glyphs", glyphs.check_glyphs(page, journal)),
        timed(timings, "page-facts", _read_facts(page, settings, journal)),
        _media(page, context, traffic, journal, settings, timings),
    )
    facts, login, shown, broken, user_agent = reads
    redirects, main = redirect_chain(traffic.documents[:loaded_documents])
    final_url = main.url if main else page.url
    tls, tls_warnings = tls_facts(final_url, watcher)
    # Started right after the load, or (the page showed its video only later) now, alongside
    # the last steps.
    late = asyncio.ensure_future(
        timed(timings, "late-responses", _late_responses(guards, traffic, journal, settings))
    )
    late.add_done_callback(early.name_the_wait)  # the step a time-out then names
    videos, _ = await together(
        early.task
        if early.task is not None
        else early.at_end(final_url, media.shows_video, facts.get("meta"), user_agent),
        late,
    )
    early.check_user_agent(user_agent)
    secrets_removed = 0
    if settings.session is not None:  # her login never goes into the sealed traffic
        secrets_removed = login_mod.remove_login_secrets(traffic.exchanges)
        journal.act(
            "login-secrets-removed",
            f"logged in: removed {secrets_removed} cookie/authorization header values from "
            "traffic.warc.gz and metadata.json (names kept), so the evidence holds no login",
        )

    add_completeness_warnings(
        journal, main.status if main else None, text, login, broken, tls_warnings
    )
    journal.doing("reading what the platform's page says")
    # Both are work on bytes already in memory, off the event loop (zlib releases the GIL).
    (platform, completeness), warc = await together(
        timed(
            timings,
            "platform-facts",
            asyncio.to_thread(
                platform_facts_and_score,
                url,
                final_url,
                html,
                list(traffic.exchanges),
                facts,
                bool(login),
                main.status if main else None,
                text,
            ),
        ),
        timed(
            timings,
            "warc",
            asyncio.to_thread(
                build_warc,
                list(traffic.exchanges),
                warcinfo(browser, user_agent, settings),
                minor_safe=settings.minor_safe,
            ),
        ),
    )
    ended_at = utc_now()
    metadata = build_metadata(
        CaptureFacts(
            requested_url=url,
            final_url=final_url,
            address_at_end=page.url,
            settings=settings,
            journal=journal,
            ended_at=ended_at,
            redirects=redirects,
            main=main,
            page=facts,
            tls=tls,
            browser=browser_facts(browser),
            user_agent=user_agent,
            guards=guards,
            scroll=scroll,
            shot=shot,
            overlays=found,
            media=media,
            traffic=traffic,
            login_wall=login,
            broken_images=broken,
            link_as_pasted=link.as_json(),
            glyphs=glyph_report,
            platform_facts=platform,
            completeness=completeness,
            timings=timings.as_json(),
        )
    )
    metadata["login"] = login_mod.login_facts(
        settings.session, guards.blocked_requests, guards.allowed_reads, secrets_removed, shown
    )
    if videos.facts:
        metadata["videos"] = videos.facts
    artifacts = [
        Artifact("screenshot.png", "image/png", full_png),
        Artifact("viewport.png", "image/png", viewport),
        Artifact("page.html", "text/html; charset=utf-8", html),
        Artifact("page.mhtml", "multipart/related", mhtml),
        Artifact("text.txt", "text/plain; charset=utf-8", text.encode("utf-8")),
        Artifact("traffic.warc.gz", "application/warc", warc),
        *media.artifacts,
        *videos.artifacts,
        Artifact("metadata.json", "application/json", metadata_bytes(metadata)),
    ]
    if settings.minor_safe:  # no picture bytes anywhere: hashes, sizes and places only
        artifacts = minor_safe_bytes.finish(artifacts, metadata, media.hashed)
    return PageCapture(
        requested_url=url,
        final_url=final_url,
        status=main.status if main else None,
        title=repair_text(str(facts["title"]))[0],
        text=text,
        started_at=journal.started_at,
        ended_at=ended_at,
        artifacts=artifacts,
        metadata=metadata,
        warnings=list(journal.warnings),
    )


async def _read_facts(
    page: Page, settings: CaptureSettings, journal: Journal
) -> tuple[dict[str, Any], list[str], str, list[str], str]:
    """The page's own description, a login wall, the account shown, broken pictures, and the
    browser's user agent (SessionExpired when a saved login met a login wall)."""
    journal.doing("reading the page's own description")
    facts = await page_facts(page)
    login = await overlays_mod.detect_login_wall(page)
    shown = ""
    if settings.session is not None:
        if login:
            raise SessionExpired(login_mod.expired_message(settings.session.site, login))
        shown = await login_mod.account_shown(page)
        if (warning := login_mod.account_warning(settings.session, shown)) is not None:
            journal.warn(warning)
    broken = await settle.broken_images(page)
    user_agent = str(await page.evaluate("navigator.userAgent"))
    return facts, login, shown, broken, user_agent


async def _media(
    page: Page,
    context: BrowserContext,
    traffic: TrafficRecorder,
    journal: Journal,
    settings: CaptureSettings,
    timings: PageTimings,
) -> media_mod.MediaResult:
    """The bodies still being read, then the page's pictures and videos (completed, filtered)."""
    journal.doing("waiting for the last responses")
    with timings.span("responses"):
        await traffic.finish(settings.network_idle_cap_s)
    with timings.span("media"):
        return await media_mod.collect_media(page, context.request, traffic, journal, settings)


async def _late_responses(
    guards: PageGuards, traffic: TrafficRecorder, journal: Journal, settings: CaptureSettings
) -> None:
    """Pending dialog/pop-up handling, then responses that came while saving (for the WARC)."""
    await guards.settle()
    journal.doing("writing the WARC")
    await traffic.finish(settings.network_idle_cap_s)


__all__ = ["capture_page", "capture_page_sync"]

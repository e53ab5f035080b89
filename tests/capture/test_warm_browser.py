"""The app's warm browser (capture/warm.py, issue 15): started ahead of the capture, lent to one
capture job at a time, a fresh context per page, never handed out with a page of an earlier
capture still open, closed when idle, when its settings no longer fit, and at the end.
Real Chromium, the fixture site, a real vault and the loopback TSA."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time

import pytest

from evidencekit.capture import CaptureSettings
from evidencekit.capture.warm import WarmBrowser
from evidencekit.errors import BrowserNotFound
from evidencekit.jobs.capture import capture_into_vault

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _started_at(vault, item_id: str) -> str:
    return json.loads(vault.read_artifact(item_id, "metadata.json"))["browser"]["started_at"]


def test_two_captures_share_the_warm_browser_and_say_so(
    vault, site, tsa, loop, browser_available
) -> None:
    settings = CaptureSettings()
    warm = WarmBrowser(idle_s=600)

    async def go():
        warm.warm_up(settings)
        first = warm.take(settings)
        one = await capture_into_vault(
            vault, [site.url("/lazy.html")], settings, tsa_urls=[tsa.url],
            browser=first, keep_browser=True,
        )  # fmt: skip
        await warm.give_back(first, settings)
        browser = await first.browser()
        left_open = list(browser.contexts)
        second = warm.take(settings)
        two = await capture_into_vault(
            vault, [site.url("/video.html")], settings, tsa_urls=[tsa.url],
            browser=second, keep_browser=True,
        )  # fmt: skip
        await warm.give_back(second, settings)
        connected_between = browser.is_connected()
        await warm.close()
        return one, two, first, second, left_open, connected_between, browser.is_connected()

    one, two, first, second, left_open, connected_between, connected_after = loop.run(go())
    assert second is first  # the same browser, not a second start
    assert left_open == []  # the first page's context was closed before it was lent again
    assert connected_between and not connected_after  # kept between, closed at the end
    (a,), (b,) = one, two
    assert a.ok and b.ok, (a.error, b.error)
    assert a.item.timestamp_status == "granted" and b.item.timestamp_status == "granted"
    # Both captures name the one browser's start, which came before the second capture began.
    started = _started_at(vault, a.item.id)
    assert started and started == _started_at(vault, b.item.id)
    second_began = json.loads(vault.read_artifact(b.item.id, "metadata.json"))["time"]
    assert started < second_began["started_at_utc"]


def test_a_browser_with_a_page_still_open_is_not_lent_again(loop, browser_available) -> None:
    settings = CaptureSettings()
    warm = WarmBrowser(idle_s=600)

    async def go():
        start = warm.take(settings)
        browser = await start.browser()
        await browser.new_context()  # a page left open, as a capture that did not finish would
        await warm.give_back(start, settings)
        kept = warm.idle
        fresh = warm.take(settings)
        different = fresh is not start
        await warm.give_back(fresh, settings)
        await warm.close()
        return kept, different, browser.is_connected()

    kept, different, still_connected = loop.run(go())
    assert not kept and different
    assert not still_connected  # the unfit one was closed, not left running


def test_other_browser_settings_get_their_own_browser(loop, browser_available) -> None:
    plain = CaptureSettings()
    other = CaptureSettings(browser_args=("--lang=sq",))
    warm = WarmBrowser(idle_s=600)

    async def go():
        warm.warm_up(plain)
        start = warm.take(plain)
        first_browser = await start.browser()
        await warm.give_back(start, plain)
        unfit = warm.take(other)
        second_browser = await unfit.browser()
        await warm.give_back(unfit, other)
        # The plain one was closed when the other settings asked; the other is now the idle one.
        result = (unfit is not start, first_browser.is_connected(), second_browser.is_connected())
        await warm.close()
        return (*result, second_browser.is_connected())

    different, first_open, second_open, second_open_after = loop.run(go())
    assert different and not first_open and second_open and not second_open_after


def test_an_idle_browser_is_closed_after_its_idle_time(loop, browser_available) -> None:
    settings = CaptureSettings()
    warm = WarmBrowser(idle_s=0.5)

    async def go():
        warm.warm_up(settings)
        start = warm.take(settings)
        browser = await start.browser()
        await warm.give_back(start, settings)
        assert warm.idle and browser.is_connected()
        deadline = time.monotonic() + 60  # a bound for a stuck close, not a speed check
        while browser.is_connected() and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await warm.close()
        return warm.idle, browser.is_connected()

    idle, connected = loop.run(go())
    assert not idle and not connected


def test_a_failed_start_is_not_lent_and_the_next_capture_starts_anew(
    loop, tmp_path, browser_available
) -> None:
    missing = CaptureSettings(browser_path=str(tmp_path / "no-such-browser"))
    warm = WarmBrowser(idle_s=600)

    async def go():
        warm.warm_up(missing)
        start = warm.take(missing)
        try:
            await start.browser()
        except BrowserNotFound:  # as a capture would report it
            failed = True
        else:
            failed = False
        await warm.give_back(start, missing)
        idle_after_failure = warm.idle
        again = warm.take(missing)
        renewed = again is not start
        await warm.give_back(again, missing)
        await warm.close()
        return failed, idle_after_failure, renewed

    failed, idle_after_failure, renewed = loop.run(go())
    assert failed and not idle_after_failure and renewed


def test_a_launch_stopped_while_waiting_for_the_environment_lock_gives_it_back(
    loop, browser_available
) -> None:
    """Two launches set TMPDIR one at a time (browser._ENV_LOCK). A warm start dropped while
    it waits for that lock must not keep it once it gets it: every later launch would wait."""
    from evidencekit.capture import browser as browser_mod
    from evidencekit.capture.browser import BrowserStart

    async def go():
        browser_mod._ENV_LOCK.acquire()  # another launch is setting TMPDIR
        try:
            start = BrowserStart(CaptureSettings())
            await asyncio.sleep(0.3)  # it is waiting for the lock now
            await start.close()  # dropped (an idle time-out, the vault locked)
        finally:
            browser_mod._ENV_LOCK.release()
        deadline = time.monotonic() + 10
        while browser_mod._ENV_LOCK.locked() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        free = not browser_mod._ENV_LOCK.locked()
        later = BrowserStart(CaptureSettings())  # and the next launch works
        try:
            connected = (await asyncio.wait_for(later.browser(), 60)).is_connected()
        finally:
            await later.close()
        return free, connected

    free, connected = loop.run(go())
    assert free and connected


def test_a_give_back_cancelled_while_its_page_closes_still_closes_the_browser(
    loop, browser_available
) -> None:
    settings = CaptureSettings()
    warm = WarmBrowser(idle_s=600)

    async def go():
        start = warm.take(settings)
        browser = await start.browser()
        context = await browser.new_context()
        from evidencekit.capture.browser import close_later

        async def slow_close() -> None:
            await asyncio.sleep(2)  # a page's context still closing when she locks
            await context.close()

        close_later(browser, slow_close())
        giving = asyncio.ensure_future(warm.give_back(start, settings))
        await asyncio.sleep(0.2)
        giving.cancel()
        await asyncio.gather(giving, return_exceptions=True)
        await warm.close()  # the vault locks
        return browser.is_connected()

    assert loop.run(go()) is False  # closed, not left running


def test_a_failed_warm_start_is_not_retried_at_every_keystroke(
    loop, tmp_path, browser_available
) -> None:
    missing = CaptureSettings(browser_path=str(tmp_path / "no-such-browser"))
    warm = WarmBrowser(idle_s=600)

    async def go():
        first = warm.warm_up(missing)
        assert first is not None
        with contextlib.suppress(BrowserNotFound):
            await first.browser()
        again = [warm.warm_up(missing) for _ in range(5)]  # she goes on typing
        await warm.close()
        return again

    assert loop.run(go()) == [None] * 5

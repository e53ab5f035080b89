"""Capture cost, measured side by side in one run on the local fixture site.

1. Overhead: alternating rounds of (a) bare Playwright — launch, goto, the same scroll settle,
   full-page screenshot, close — and (b) `evidencekit capture`'s job: every artifact (viewport
   shot, DOM, MHTML, WARC, media, text, metadata) stored into an encrypted vault, signed, and
   time-stamped by an RFC 3161 TSA on loopback. Prints both medians and b/a (target <= 1.3).
2. Parallelism: 20 local pages captured into the vault at concurrency 3 vs 1 (target >= 1.5x).

Usage: .venv/bin/python benchmarks/capture.py [--rounds 7] [--pages 20] [--page /lazy.html]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fixture site and the loopback TSA live with the tests

import tempfile  # noqa: E402

from playwright.async_api import Page, async_playwright  # noqa: E402

from evidencekit.capture import CaptureSettings  # noqa: E402
from evidencekit.capture.browser import QUIET_ARGS, find_browser  # noqa: E402
from evidencekit.capture.idle import IdleTracker  # noqa: E402
from evidencekit.capture.journal import Journal  # noqa: E402
from evidencekit.capture.settle import scroll_through, scroll_to_top, wait_network_idle  # noqa: E402
from evidencekit.config import Settings  # noqa: E402
from evidencekit.jobs.capture import capture_into_vault  # noqa: E402
from evidencekit.vault.store import Vault  # noqa: E402
from tests.support.site import SiteServer  # noqa: E402
from tests.support.tsa import TsaPki, TsaServer  # noqa: E402


class BareIdle(IdleTracker):
    """The same idle tracking the capture uses, fed by the page's events and nothing else."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        page.on("request", lambda request: self.started(request, request.resource_type))
        page.on("requestfinished", self.ended)
        page.on("requestfailed", self.ended)


async def bare(url: str, executable: str | None, settings: CaptureSettings) -> float:
    started = time.perf_counter()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=list(QUIET_ARGS))
        width, height = settings.viewport
        context = await browser.new_context(viewport={"width": width, "height": height})
        page = await context.new_page()
        idle = BareIdle(page)
        journal = Journal()
        await page.goto(url, wait_until="load")
        await scroll_through(page, idle, journal, settings)
        await wait_network_idle(idle, journal, settings)
        await scroll_to_top(page, journal)
        png = await page.screenshot(full_page=True, type="png")
        assert png.startswith(b"\x89PNG")
        await browser.close()
    return time.perf_counter() - started


async def full(url: str, settings: CaptureSettings, vault: Vault, tsa: str) -> float:
    started = time.perf_counter()
    [stored] = await capture_into_vault(vault, [url], settings, tsa_urls=[tsa])
    assert stored.item is not None and stored.item.artifact("traffic.warc.gz") is not None
    assert stored.item.timestamp_status == "granted"
    return time.perf_counter() - started


async def overhead(
    site: SiteServer, args: Any, settings: CaptureSettings, vault: Vault, tsa: str
) -> None:
    executable = find_browser().executable_path
    url = site.url(args.page)
    await bare(url, executable, settings)  # warm the disk cache for both
    await full(url, settings, vault, tsa)
    a_times, b_times = [], []
    for _ in range(args.rounds):
        a_times.append(await bare(url, executable, settings))
        b_times.append(await full(url, settings, vault, tsa))
    a, b = statistics.median(a_times), statistics.median(b_times)
    print(f"page {args.page}, {args.rounds} alternating rounds each")
    print(f"  (a) bare Playwright: median {a:.3f} s  {[round(t, 3) for t in a_times]}")
    print(f"  (b) capture -> vault, sealed, time-stamped: median {b:.3f} s")
    print(f"      {[round(t, 3) for t in b_times]}")
    print(f"  b/a = {b / a:.2f}  (target <= 1.3)")


async def parallel(
    site: SiteServer, args: Any, settings: CaptureSettings, vault: Vault, tsa: str
) -> None:
    kinds = ["/lazy.html", "/r/start", "/consent.html", "/post/removed", "/thread?n=5"]
    urls = [
        site.url(f"/marker/bench-{i}") if i % 2 else site.url(kinds[i // 2 % 5])
        for i in range(args.pages)
    ]
    timings = {}
    for concurrency in (1, 3):
        started = time.perf_counter()
        outcomes = await capture_into_vault(
            vault, urls, settings, tsa_urls=[tsa], concurrency=concurrency
        )
        timings[concurrency] = time.perf_counter() - started
        failed = [o.url for o in outcomes if not o.ok]
        assert not failed, failed
    print(f"{len(urls)} local pages into the vault, one browser")
    print(f"  serial (concurrency 1): {timings[1]:.2f} s")
    print(f"  concurrency 3:          {timings[3]:.2f} s")
    print(f"  speedup = {timings[1] / timings[3]:.2f}x  (target >= 1.5x)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--page", default="/lazy.html")
    args = parser.parse_args()
    settings = CaptureSettings()
    with tempfile.TemporaryDirectory(prefix="ek-bench-") as tmp:
        folder = Path(tmp)
        pki = TsaPki.create(folder / "pki")
        vault = Vault.create(folder / "bench.ekv", "benchmark passphrase", Settings())
        try:
            with SiteServer() as site, TsaServer(pki) as tsa:
                await overhead(site, args, settings, vault, tsa.url)
                await parallel(site, args, settings, vault, tsa.url)
        finally:
            vault.close()


if __name__ == "__main__":
    asyncio.run(main())

"""The floor of issue 15: what a bare Playwright script needs for one page, as a whole process.

Launch Chromium, goto (load), scroll down in steps until the height stops growing (the same
bounds as a capture: 60,000 px, 30 s), wait for 0.5 s of network quiet (capped at 5 s), back
to the top, one full-page PNG screenshot, close. Nothing else: no vault, no other artifact.
Imports only Playwright (importing evidencekit would put our start-up cost into the floor).

Prints one JSON object: the stages (ms from the process's start where Linux says when that
was) in the same shape as a capture's "timings" block, so benchmarks/capture.py can put them
side by side. Usage: python benchmarks/bare_floor.py URL BROWSER [OUT.png]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

from playwright.async_api import async_playwright


def _origin() -> float:
    """When this process started, on the monotonic clock (Linux); else now."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.monotonic() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic()


ORIGIN = _origin()
STAGES: list[dict[str, object]] = []
QUIET_S, QUIET_CAP_S, BOTTOM_CAP_S = 0.5, 5.0, 3.0
#: The flags a capture launches with too (no calling home): the same browser work on both sides.
QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
MAX_HEIGHT_PX, MAX_TIME_S, VIEWPORT = 60_000, 30.0, (1280, 900)
STEP_JS = """async (dy) => {
  if (dy) window.scrollBy(0, dy);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const se = document.scrollingElement || document.documentElement;
  return [Math.round(scrollY), Math.round(se.scrollHeight), innerHeight];
}"""


def stage(name: str, start: float) -> None:
    ms = [round((t - ORIGIN) * 1000) for t in (start, time.monotonic())]
    STAGES.append({"stage": name, "start_ms": ms[0], "end_ms": ms[1], "duration_ms": ms[1] - ms[0]})


class Quiet:
    """Open requests and the time of the last network event."""

    def __init__(self, page: object) -> None:
        self.open: set[object] = set()
        self.last = time.monotonic()
        page.on("request", self._start)  # type: ignore[attr-defined]
        page.on("requestfinished", self._end)  # type: ignore[attr-defined]
        page.on("requestfailed", self._end)  # type: ignore[attr-defined]

    def _start(self, request: object) -> None:
        if getattr(request, "resource_type", "") not in ("media", "eventsource", "websocket"):
            self.open.add(request)
        self.last = time.monotonic()

    def _end(self, request: object) -> None:
        self.open.discard(request)
        self.last = time.monotonic()

    async def wait(self, cap_s: float) -> None:
        deadline = time.monotonic() + cap_s
        while time.monotonic() < deadline:
            if not self.open and time.monotonic() - self.last >= QUIET_S:
                return
            await asyncio.sleep(0.02)


async def main(url: str, browser_path: str, out: str | None) -> None:
    stage("process-ready", ORIGIN)
    t = time.monotonic()
    pw = await async_playwright().start()
    browser = await pw.chromium.launch(executable_path=browser_path, args=list(QUIET_ARGS))
    stage("browser-launch", t)
    t = time.monotonic()
    context = await browser.new_context(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
    page = await context.new_page()
    quiet = Quiet(page)
    stage("page-open", t)
    t = time.monotonic()
    await page.goto(url, wait_until="load")
    stage("navigate+load", t)
    t = time.monotonic()
    y, height, view = await page.evaluate(STEP_JS, 0)
    while True:
        if y + view >= height - 1:
            await quiet.wait(BOTTOM_CAP_S)
            y, grown, view = await page.evaluate(STEP_JS, 0)
            if grown <= height:
                break
            height = grown
        if y + view >= MAX_HEIGHT_PX or time.monotonic() - t >= MAX_TIME_S:
            break
        before = y
        y, height, view = await page.evaluate(STEP_JS, int(VIEWPORT[1] * 0.85))
        if y == before and y + view < height - 1:
            break
    stage("scroll", t)
    t = time.monotonic()
    await quiet.wait(QUIET_CAP_S)
    stage("network-quiet", t)
    t = time.monotonic()
    await page.evaluate("window.scrollTo(0, 0)")
    png = await page.screenshot(full_page=True, type="png")
    assert png.startswith(b"\x89PNG")
    if out:
        with open(out, "wb") as handle:
            handle.write(png)
    stage("screenshot", t)
    t = time.monotonic()
    await browser.close()
    await pw.stop()
    stage("browser-close", t)
    json.dump({"stages": STAGES, "png_bytes": len(png)}, sys.stdout)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))

"""The stitched screenshot path (used past Chromium's single-capture limit) is exact too."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from evidencekit.capture import CaptureSettings
from evidencekit.capture.browser import new_capture_context
from evidencekit.capture.journal import Journal
from evidencekit.capture.screenshot import full_page_png
from tests.support.site import THREAD_POST_PX, thread_colour

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

Image.MAX_IMAGE_PIXELS = None


def test_forced_stitch_matches_the_page(loop, browser, site):
    async def shoot() -> tuple[bytes, object, list, int, list[int]]:
        context = await new_capture_context(browser, CaptureSettings())
        try:
            page = await context.new_page()
            await page.goto(site.url("/thread?n=30"))
            # The page's own measure: the header's height depends on the fonts installed.
            height = await page.evaluate("document.documentElement.scrollHeight")
            tops = await page.evaluate(
                "[...document.querySelectorAll('.post')]"
                ".map(e => Math.round(e.getBoundingClientRect().top + scrollY))"
            )
            journal = Journal()
            png, info = await full_page_png(
                page, journal, scale=1, single_shot_max_px=10_000, part_px=8192
            )
            return png, info, journal.actions, int(height), [int(t) for t in tops]
        finally:
            await context.close()

    png, info, actions, height, tops = loop.run(shoot())
    parts = math.ceil(height / 8192)
    assert height > 30 * THREAD_POST_PX and len(tops) == 30
    assert info.stitched is True and info.parts == parts
    assert f"stitched from {parts} parts" in actions[-1]["detail"]
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1280, height)
        rgb = image.convert("RGB")
        for i, top in enumerate(tops):
            for dy in (3, 500, 996):  # top, middle, bottom of each post: seams would show
                got = rgb.getpixel((640, top + dy))
                assert all(abs(a - b) <= 2 for a, b in zip(got, thread_colour(i), strict=True)), (
                    i,
                    dy,
                    got,
                )

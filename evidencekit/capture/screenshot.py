"""Lossless PNG screenshots: the first window (``viewport.png``) and the whole page
(``screenshot.png``), stitched from parts with Pillow when one capture cannot hold the page.

Measured on Chromium 156 headless: one full-page capture of a 100,000 px page came back whole,
seamless and correctly sized, so pages up to `SINGLE_SHOT_MAX_PX` device pixels are taken in
one go; taller ones, or any capture that comes back shorter than the page, are stitched.
"""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass
from typing import Any

from PIL import Image
from playwright.async_api import Page

from evidencekit.capture import minor_safe
from evidencekit.capture.journal import Journal

log = logging.getLogger(__name__)

SINGLE_SHOT_MAX_PX = 100_000
"""Tallest full-page capture (device px) taken in one piece; measured safe, see above."""
STITCH_PART_PX = 16_384
"""Height of each part (device px) when stitching: the classic GPU texture limit."""

_SIZE_JS = """() => {
  const se = document.scrollingElement || document.documentElement;
  const b = document.body || se;
  return [Math.max(se.scrollWidth, b.scrollWidth, innerWidth),
          Math.max(se.scrollHeight, b.scrollHeight, innerHeight)];
}"""


@dataclass(frozen=True)
class ShotInfo:
    """How ``screenshot.png`` was made, for the metadata."""

    width_px: int
    height_px: int
    page_css_width: int
    page_css_height: int
    covered_css_height: int
    """How much of the page (CSS px, from the top) the image shows."""
    stitched: bool
    parts: int

    def as_json(self) -> dict[str, Any]:
        return {
            "width_px": self.width_px,
            "height_px": self.height_px,
            "page_css_width": self.page_css_width,
            "page_css_height": self.page_css_height,
            "covered_css_height": self.covered_css_height,
            "whole_page": self.covered_css_height >= self.page_css_height,
            "stitched": self.stitched,
            "parts": self.parts,
        }


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, read from its IHDR chunk (no decoding, no size limit)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


async def viewport_png(page: Page, journal: Journal, *, cover: bool = False) -> bytes:
    """The window as it is now (before any scrolling when called right after load).

    `cover` (minor-safe): every picture is covered with a plain box first (`minor_safe.py`).
    """
    if cover:
        await minor_safe.cover(page, journal, "viewport.png")
    journal.doing("taking the first-window screenshot")
    data = await page.screenshot(type="png")
    journal.act("screenshot-viewport", "took viewport.png (the first window, before scrolling)")
    return data


async def full_page_png(
    page: Page,
    journal: Journal,
    *,
    scale: float,
    style: str | None = None,
    max_css_height: int | None = None,
    single_shot_max_px: int = SINGLE_SHOT_MAX_PX,
    part_px: int = STITCH_PART_PX,
    cover: bool = False,
) -> tuple[bytes, ShotInfo]:
    """The whole page (or its top `max_css_height` px) as one lossless PNG; `cover`: as in
    `viewport_png`, every picture covered first."""
    if cover:
        await minor_safe.cover(page, journal, "screenshot.png")
    journal.doing("taking the full-page screenshot")
    css_w, css_h = (int(v) for v in await page.evaluate(_SIZE_JS))
    covered = css_h if max_css_height is None else min(css_h, max_css_height)
    want_h = round(covered * scale)
    if want_h <= single_shot_max_px:
        data = await page.screenshot(
            type="png",
            full_page=True,
            style=style,
            clip=None if covered == css_h else {"x": 0, "y": 0, "width": css_w, "height": covered},
        )
        width, height = png_size(data)
        if height >= want_h - 1:
            info = ShotInfo(width, height, css_w, css_h, covered, False, 1)
            journal.act("screenshot-full", _describe(info))
            return data, info
        journal.act(
            "screenshot-short",
            f"the browser returned {height} px instead of {want_h} px in one piece; stitching",
        )
    return await _stitched(page, journal, css_w, css_h, covered, scale, style, part_px)


async def _stitched(
    page: Page,
    journal: Journal,
    css_w: int,
    css_h: int,
    covered: int,
    scale: float,
    style: str | None,
    part_px: int,
) -> tuple[bytes, ShotInfo]:
    part_css = max(1, int(part_px / scale))
    parts: list[tuple[int, bytes]] = []
    for top in range(0, covered, part_css):
        height = min(part_css, covered - top)
        data = await page.screenshot(
            type="png",
            full_page=True,
            style=style,
            clip={"x": 0, "y": top, "width": css_w, "height": height},
        )
        parts.append((round(top * scale), data))
    # Decoding and encoding tall images takes seconds: off the event loop, so other captures
    # (and this page's dialog handlers) keep running.
    png, width, height = await asyncio.to_thread(_stitch, parts, round(covered * scale))
    info = ShotInfo(width, height, css_w, css_h, covered, True, len(parts))
    journal.act("screenshot-full", _describe(info))
    return png, info


def _stitch(parts: list[tuple[int, bytes]], total_height: int) -> tuple[bytes, int, int]:
    """Paste PNG parts (each at its device-pixel offset) into one lossless PNG."""
    canvas: Image.Image | None = None
    for offset, data in parts:
        with Image.open(io.BytesIO(data)) as part:
            part.load()
            if canvas is None:
                canvas = Image.new(part.mode, (part.width, total_height))
            canvas.paste(part, (0, offset))
    if canvas is None:
        raise ValueError("nothing to stitch")
    out = io.BytesIO()
    canvas.save(out, format="PNG", compress_level=3)
    return out.getvalue(), canvas.width, canvas.height


def _describe(info: ShotInfo) -> str:
    how = f"stitched from {info.parts} parts with Pillow" if info.stitched else "in one piece"
    cut = (
        ""
        if info.covered_css_height >= info.page_css_height
        else f", cut at {info.covered_css_height} of {info.page_css_height} px"
    )
    return f"took screenshot.png, {info.width_px}x{info.height_px} px, {how}{cut}"

"""Strongly blurred derived copies of images, for reports that must not show intimate pictures.

The copy is made small (the original shrunk by `factor`) and then blurred, so nothing of a face,
a body or a line of text survives, and it costs almost nothing in memory or in the PDF. It is a
derived copy, never evidence: the report labels it with the original's SHA-256, and the original
stays attached unaltered (unless the person exporting withheld it).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image, ImageFilter

log = logging.getLogger(__name__)

TARGET_WIDTH_PX = 160
"""The copy is about this wide, whatever the original's width."""
MIN_FACTOR = 8
BLUR_RADIUS_PX = 4.0
"""Gaussian radius on the small copy: about `factor` times that on the original."""
BAND_ROWS = 1024


@dataclass(frozen=True)
class BlurredCopy:
    image: Image.Image  # RGB, small
    factor: int  # original pixels per copy pixel
    radius_px: float  # Gaussian radius in copy pixels


def blur_factor(width: int) -> int:
    return max(MIN_FACTOR, math.ceil(width / TARGET_WIDTH_PX))


def band_ranges(height: int, factor: int) -> list[tuple[int, int]]:
    """Bands whose heights are multiples of `factor`, so shrinking them leaves no seams."""
    rows = max(factor, BAND_ROWS - BAND_ROWS % factor)
    return [(y, min(y + rows, height)) for y in range(0, height, rows)]


def blurred_from_bands(
    bands: Iterable[Image.Image], width: int, height: int, factor: int
) -> BlurredCopy:
    """Shrink each band as it arrives, then blur the small whole (memory: one band)."""
    small = Image.new("RGB", (math.ceil(width / factor), math.ceil(height / factor)), "white")
    at = 0
    for band in bands:
        rgb = _flatten(band)
        small.paste(rgb.reduce(factor), (0, at // factor))  # reduce rounds sizes up
        at += band.height
    return _finish(small, factor)


def blurred_from_image(image: Image.Image, factor: int) -> BlurredCopy:
    """The same, for an image that is already decoded (or opened in JPEG draft mode)."""
    size = (math.ceil(image.width / factor), math.ceil(image.height / factor))
    small = _flatten(image).resize(size, Image.Resampling.BOX)
    return _finish(small, factor)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on a white background (transparent areas would otherwise turn black)."""
    if image.mode in ("RGBA", "LA", "PA", "P"):
        rgba = image.convert("RGBA")
        base = Image.new("RGB", rgba.size, "white")
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    return image.convert("RGB") if image.mode != "RGB" else image


def _finish(small: Image.Image, factor: int) -> BlurredCopy:
    blurred = small.filter(ImageFilter.GaussianBlur(BLUR_RADIUS_PX))
    log.debug("blurred copy %dx%d (factor %d)", blurred.width, blurred.height, factor)
    return BlurredCopy(blurred, factor, BLUR_RADIUS_PX)

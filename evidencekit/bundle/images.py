"""Images for the report: read a screenshot band by band and turn each band into a PDF image.

A full-page screenshot can be 1280 x 60,000 px (230 MB once decoded), so it is never decoded
whole: `PngBands` (evidencekit/pngrows.py, shared with the verifier, which decodes the PDF's
images the same way to compare them with the sealed screenshot) inflates the PNG as its chunks
arrive from the vault and hands out one band of rows at a time. Pixels are never resampled: each
band becomes a lossless Flate image in the PDF, converted by `pngrows.pdf_form`.
"""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PIL import Image

from evidencekit.pngrows import (
    PNG_SIGNATURE,
    STREAMABLE_COLOUR_TYPES,
    ImageUnreadable,
    PngBands,
    pdf_form,
)

__all__ = ["ImageUnreadable", "PngBands", "probe", "to_pdf_image"]

log = logging.getLogger(__name__)

MAX_DECODED_PIXELS = 60_000_000
"""Images that cannot be read band by band are decoded whole only up to this size."""
MAX_DECODED_BYTES = 64 * 1024 * 1024
"""... and only when the file itself is at most this big (it is read into memory)."""


@dataclass(frozen=True)
class ImageInfo:
    """What the report needs to know about an image before laying it out."""

    format: str  # "png", "jpeg" or another Pillow format name
    width: int
    height: int
    mode: str  # Pillow's mode ("RGB", "L", "P", ...), "" when unknown
    png_streamable: bool = False  # 8-bit, non-interlaced PNG: read band by band
    jpeg_passthrough: bool = False  # baseline/progressive RGB or grey JPEG: embedded as is


def probe(head: bytes, total_size: int) -> ImageInfo | None:
    """Read an image's size and kind from its first bytes; None if it is not one we show."""
    if head.startswith(PNG_SIGNATURE) and len(head) >= 33 and head[12:16] == b"IHDR":
        width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", head[16:29])
        streamable = depth == 8 and interlace == 0 and colour in STREAMABLE_COLOUR_TYPES
        mode = {0: "L", 2: "RGB", 3: "P", 4: "LA", 6: "RGBA"}.get(colour, "")
        if width == 0 or height == 0:
            return None
        if not streamable and (
            width * height > MAX_DECODED_PIXELS or total_size > MAX_DECODED_BYTES
        ):
            return None  # would have to be decoded whole, and it is too big for that
        return ImageInfo("png", width, height, mode, png_streamable=streamable)
    try:
        with Image.open(io.BytesIO(head)) as image:
            fmt = (image.format or "").lower()
            width, height = image.size
            mode = image.mode
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if width == 0 or height == 0:
        return None
    if fmt == "jpeg":
        return ImageInfo("jpeg", width, height, mode, jpeg_passthrough=mode in ("RGB", "L"))
    if width * height > MAX_DECODED_PIXELS or total_size > MAX_DECODED_BYTES:
        return None
    return ImageInfo(fmt, width, height, mode)


def decoded_bands(image: Image.Image, ranges: Sequence[tuple[int, int]]) -> Iterator[Image.Image]:
    """Bands of an image already decoded whole (formats other than 8-bit PNG)."""
    for start, end in ranges:
        yield image.crop((0, start, image.width, end))


def open_whole(data: bytes) -> Image.Image:
    """Decode a (small enough) image file whole: its first frame."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(str(exc)) from exc
    return image


@dataclass(frozen=True)
class PdfImage:
    """One image ready for the PDF: its dictionary entries and Flate data (PNG predictors)."""

    width: int
    height: int
    colour_space: str  # "DeviceRGB" or "DeviceGray"
    colours: int
    data: bytes  # zlib data of PNG-filtered rows
    alpha: PdfImage | None  # soft mask, when some pixel is not fully opaque
    exact: bool  # False when the conversion changed sample values (16-bit, CMYK, ...)


def _png_idat(image: Image.Image) -> bytes:
    """Pillow's PNG encoding of `image` (lossless, adaptive filters), IDAT payload only."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    data = buffer.getvalue()
    at, idat = 8, []
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            idat.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    return b"".join(idat)


def to_pdf_image(image: Image.Image) -> PdfImage:
    """A band as a PDF image: RGB or grey samples, alpha split into a soft mask."""
    image, channel, exact = pdf_form(image)
    alpha = None
    if channel is not None:
        alpha = PdfImage(image.width, image.height, "DeviceGray", 1, _png_idat(channel), None, True)
    grey = image.mode == "L"
    return PdfImage(
        width=image.width,
        height=image.height,
        colour_space="DeviceGray" if grey else "DeviceRGB",
        colours=1 if grey else 3,
        data=_png_idat(image),
        alpha=alpha,
        exact=exact,
    )

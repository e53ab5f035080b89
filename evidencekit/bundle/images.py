"""Images for the report: read a screenshot band by band and turn each band into a PDF image.

A full-page screenshot can be 1280 x 60,000 px (230 MB once decoded), so it is never decoded
whole: `PngBands` inflates the PNG as its chunks arrive from the vault and hands out one band of
rows at a time. Each band is decoded by Pillow from a small PNG made of that band's own scanlines,
preceded by the previous band's last row stored unfiltered (PNG filters refer to the row above,
so the band then decodes exactly as in the whole image). Pixels are never resampled: each band
becomes a lossless Flate image in the PDF.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_STREAMABLE_COLOUR_TYPES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel
MAX_DECODED_PIXELS = 60_000_000
"""Images that cannot be read band by band are decoded whole only up to this size."""
MAX_DECODED_BYTES = 64 * 1024 * 1024
"""... and only when the file itself is at most this big (it is read into memory)."""


class ImageUnreadable(Exception):
    """The file is not an image the report can show (it is attached all the same)."""


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
        streamable = depth == 8 and interlace == 0 and colour in _STREAMABLE_COLOUR_TYPES
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


class _ChunkReader:
    """Reads exact byte counts from an iterator of chunks (the vault's artifact stream)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._buffer = bytearray()

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                raise ImageUnreadable("the PNG file ends too early") from None
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def drain(self) -> None:
        """Read to the end, so the vault's whole-file hash check runs (it raises if wrong)."""
        for _ in self._chunks:
            pass


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


class PngBands:
    """A PNG read from a chunk stream and decoded band by band (memory: one band)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._reader = _ChunkReader(chunks)
        if self._reader.read(8) != PNG_SIGNATURE:
            raise ImageUnreadable("not a PNG file")
        self._extra: list[bytes] = []  # PLTE and tRNS, copied into every band
        self._pending_idat = b""
        self._finished = False
        while True:
            kind, data = self._next_chunk()
            if kind == b"IHDR":
                fields = struct.unpack(">IIBBBBB", data[:13])
                self.width, self.height, depth, self.colour, _, _, interlace = fields
                if depth != 8 or interlace or self.colour not in _STREAMABLE_COLOUR_TYPES:
                    raise ImageUnreadable("this PNG cannot be read band by band")
                self._ihdr = data
            elif kind in (b"PLTE", b"tRNS"):
                self._extra.append(_png_chunk(kind, data))
            elif kind == b"IDAT":
                self._pending_idat = data
                break
            elif kind == b"IEND":
                raise ImageUnreadable("the PNG file has no image data")
        self._row_bytes = 1 + self.width * _STREAMABLE_COLOUR_TYPES[self.colour]
        self._inflater = zlib.decompressobj()
        self._raw = bytearray()

    def _next_chunk(self) -> tuple[bytes, bytes]:
        length, kind = struct.unpack(">I4s", self._reader.read(8))
        data = self._reader.read(length)
        self._reader.read(4)  # CRC: the vault's SHA-256 already vouches for every byte
        return kind, data

    def _rows(self, count: int) -> bytes:
        """The next `count` filtered scanlines (filter byte + samples each)."""
        wanted = count * self._row_bytes
        while len(self._raw) < wanted:
            if self._pending_idat:
                self._raw += self._inflater.decompress(self._pending_idat)
                self._pending_idat = b""
                continue
            if self._finished:
                raise ImageUnreadable("the PNG file has fewer rows than it says")
            kind, data = self._next_chunk()
            if kind == b"IDAT":
                self._pending_idat = data
            elif kind == b"IEND":
                self._raw += self._inflater.flush()
                self._finished = True
        rows = bytes(self._raw[:wanted])
        del self._raw[:wanted]
        return rows

    def _decode(self, previous: bytes | None, rows: bytes, count: int) -> Image.Image:
        prefix = b"" if previous is None else b"\x00" + previous
        height = count + (1 if previous is not None else 0)
        ihdr = struct.pack(">II", self.width, height) + self._ihdr[8:]
        png = b"".join(
            [
                PNG_SIGNATURE,
                _png_chunk(b"IHDR", ihdr),
                *self._extra,
                # Stored, not deflated: this PNG lives only long enough for Pillow to read it.
                _png_chunk(b"IDAT", zlib.compress(prefix + rows, 0)),
                _png_chunk(b"IEND", b""),
            ]
        )
        image: Image.Image = Image.open(io.BytesIO(png))
        image.load()
        if previous is not None:
            image = image.crop((0, 1, self.width, height))
        return image

    def bands(self, ranges: Sequence[tuple[int, int]]) -> Iterator[Image.Image]:
        """One image per (first row, end row) range, in order; rows in between are skipped."""
        previous: bytes | None = None
        at = 0
        for start, end in ranges:
            if not at <= start < end <= self.height:
                raise ValueError(f"bad band {start}-{end} (at {at} of {self.height})")
            while at < start:  # decode skipped rows too: each row depends on the one above
                step = min(start - at, 2048)
                skipped = self._decode(previous, self._rows(step), step)
                previous = _last_row(skipped)
                at += step
            band = self._decode(previous, self._rows(end - start), end - start)
            previous = _last_row(band)
            at = end
            yield band
        self._reader.drain()


def _last_row(image: Image.Image) -> bytes:
    width, height = image.size
    return image.crop((0, height - 1, width, height)).tobytes()


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


# Modes whose conversion to RGB or grey keeps every colour exactly.
_EXACT_MODES = {"1", "L", "LA", "P", "PA", "RGB", "RGBA", "La"}


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
    exact = image.mode in _EXACT_MODES
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode == "La":
        image = image.convert("LA")
    alpha: PdfImage | None = None
    if image.mode in ("RGBA", "LA"):
        channel = image.getchannel("A")
        if channel.getextrema() != (255, 255):
            alpha = PdfImage(
                image.width, image.height, "DeviceGray", 1, _png_idat(channel), None, True
            )
        image = image.convert("RGB" if image.mode == "RGBA" else "L")
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
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

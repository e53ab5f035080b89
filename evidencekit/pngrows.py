"""8-bit image rows read band by band, shared by the report and the verifier.

The report (bundle/images.py) turns each screenshot band into a lossless PDF image; the verifier
(verify/pictures.py) decodes those PDF images again and compares them with the same rows of the
sealed screenshot. Both read rows the same way: zlib data of PNG-filtered scanlines (a PNG
file's IDAT chunks, or a PDF image's FlateDecode data with PNG predictors - the very same
format), inflated a little at a time, never more than a band of rows in memory.

Unfiltering (PNG's Sub/Up/Average/Paeth) is done by Pillow's C decoder: each band becomes a
small PNG of its own scanlines, preceded by the previous band's last row stored unfiltered (PNG
filters refer to the row above, so the band then decodes exactly as in the whole image). Pillow
is imported only when a band is decoded, so importing this module (and the verifier) loads it
not. Unfiltering in pure Python was measured 36 times slower (Paeth rows 1,280 px wide: 0.98 ms
a row against 0.028 ms; about 100 s for each side of a 100,000-row screenshot).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only; Pillow itself is imported when a band is decoded
    from PIL.Image import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
STREAMABLE_COLOUR_TYPES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel
COLOUR_TYPE_FOR_SAMPLES = {1: 0, 2: 4, 3: 2, 4: 6}  # samples per pixel -> PNG colour type
SKIP_STEP = 2048  # rows decoded at a time when rows are skipped (each depends on the one above)


class ImageUnreadable(Exception):
    """The data are not an image that can be read band by band (or end too early)."""


class ChunkReader:
    """Reads exact byte counts from an iterator of chunks (an artifact streamed in pieces)."""

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
        """Read to the end (the vault checks a file's whole hash when its last chunk is read)."""
        for _ in self._chunks:
            pass


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


class FilteredRows:
    """Rows of an 8-bit image from zlib data of PNG-filtered scanlines, decoded band by band.

    `compressed` yields the zlib data in pieces; no more than one band (plus one piece of
    input) is ever held. `extra` are PNG chunks (PLTE, tRNS) every band needs to decode."""

    def __init__(
        self,
        compressed: Iterable[bytes],
        width: int,
        height: int,
        colour: int,
        extra: Sequence[bytes] = (),
    ) -> None:
        if colour not in STREAMABLE_COLOUR_TYPES or width < 1 or height < 1:
            raise ImageUnreadable("these rows cannot be read band by band")
        self.width, self.height, self.colour = width, height, colour
        self._extra = list(extra)
        self._compressed = iter(compressed)
        self.row_bytes = 1 + width * STREAMABLE_COLOUR_TYPES[colour]
        self._inflater = zlib.decompressobj()
        self._tail = b""
        self._ended = False
        self._raw = bytearray()

    def _rows(self, count: int) -> bytes:
        """The next `count` filtered scanlines (filter byte + samples each); never inflates
        more than that (a deflate bomb stops where the rows stop)."""
        wanted = count * self.row_bytes
        while len(self._raw) < wanted:
            if self._tail:
                self._raw += self._inflater.decompress(self._tail, wanted - len(self._raw))
                self._tail = self._inflater.unconsumed_tail
                continue
            if self._ended or self._inflater.eof:
                raise ImageUnreadable("the image has fewer rows than it says")
            try:
                self._tail = next(self._compressed)
            except StopIteration:
                self._ended = True
                self._raw += self._inflater.flush()
        rows = bytes(self._raw[:wanted])
        del self._raw[:wanted]
        return rows

    def _decode(self, previous: bytes | None, rows: bytes, count: int) -> Image:
        from PIL import Image as PILImage

        prefix = b"" if previous is None else b"\x00" + previous
        height = count + (1 if previous is not None else 0)
        ihdr = struct.pack(">IIBBBBB", self.width, height, 8, self.colour, 0, 0, 0)
        png = b"".join(
            [
                PNG_SIGNATURE,
                png_chunk(b"IHDR", ihdr),
                *self._extra,
                # Stored, not deflated: this PNG lives only long enough for Pillow to read it.
                png_chunk(b"IDAT", zlib.compress(prefix + rows, 0)),
                png_chunk(b"IEND", b""),
            ]
        )
        try:
            image: Image = PILImage.open(io.BytesIO(png))
            image.load()
        except (OSError, ValueError, SyntaxError) as exc:
            raise ImageUnreadable(f"a band of rows does not decode: {exc}") from exc
        if previous is not None:
            image = image.crop((0, 1, self.width, height))
        return image

    def bands(self, ranges: Sequence[tuple[int, int]]) -> Iterator[Image]:
        """One image per (first row, end row) range, in order; rows in between are skipped."""
        previous: bytes | None = None
        at = 0
        for start, end in ranges:
            if not at <= start < end <= self.height:
                raise ValueError(f"bad band {start}-{end} (at {at} of {self.height})")
            while at < start:
                step = min(start - at, SKIP_STEP)
                previous = _last_row(self._decode(previous, self._rows(step), step))
                at += step
            band = self._decode(previous, self._rows(end - start), end - start)
            previous = _last_row(band)
            at = end
            yield band


def _last_row(image: Image) -> bytes:
    width, height = image.size
    return image.crop((0, height - 1, width, height)).tobytes()


class PngBands:
    """An 8-bit, non-interlaced PNG read from a chunk stream and decoded band by band."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._reader = ChunkReader(chunks)
        if self._reader.read(8) != PNG_SIGNATURE:
            raise ImageUnreadable("not a PNG file")
        extra: list[bytes] = []  # PLTE and tRNS, copied into every band
        first = b""
        while True:
            kind, data = self._next_chunk()
            if kind == b"IHDR":
                fields = struct.unpack(">IIBBBBB", data[:13])
                self.width, self.height, depth, self.colour, _, _, interlace = fields
                if depth != 8 or interlace or self.colour not in STREAMABLE_COLOUR_TYPES:
                    raise ImageUnreadable("this PNG cannot be read band by band")
            elif kind in (b"PLTE", b"tRNS"):
                extra.append(png_chunk(kind, data))
            elif kind == b"IDAT":
                first = data
                break
            elif kind == b"IEND":
                raise ImageUnreadable("the PNG file has no image data")
        self._rows = FilteredRows(self._idat(first), self.width, self.height, self.colour, extra)

    def _next_chunk(self) -> tuple[bytes, bytes]:
        length, kind = struct.unpack(">I4s", self._reader.read(8))
        data = self._reader.read(length)
        self._reader.read(4)  # CRC: the file's SHA-256 already vouches for every byte
        return kind, data

    def _idat(self, first: bytes) -> Iterator[bytes]:
        yield first
        while True:
            kind, data = self._next_chunk()
            if kind == b"IDAT":
                yield data
            elif kind == b"IEND":
                return

    def bands(self, ranges: Sequence[tuple[int, int]]) -> Iterator[Image]:
        """One image per (first row, end row) range, in order; rows in between are skipped."""
        yield from self._rows.bands(ranges)
        self._reader.drain()


def open_whole(data: bytes, max_pixels: int) -> Image:
    """A (small enough) image file of any format Pillow reads, decoded whole: its first frame."""
    from PIL import Image as PILImage

    try:
        image = PILImage.open(io.BytesIO(data))
        if image.width * image.height > max_pixels:
            raise ImageUnreadable("the picture is too large to decode whole")
        image.load()
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        raise ImageUnreadable(str(exc)) from exc
    return image


# Modes whose conversion to RGB or grey keeps every colour exactly.
EXACT_MODES = {"1", "L", "LA", "P", "PA", "RGB", "RGBA", "La"}


def pdf_form(image: Image) -> tuple[Image, Image | None, bool]:
    """What the report puts in the PDF for an image: (RGB or grey picture, its alpha channel
    as a grey soft mask or None when every pixel is opaque, exact). `exact` is False when the
    conversion changed sample values (16-bit, CMYK, ...). The verifier compares these very
    samples, so both sides convert through this one function."""
    exact = image.mode in EXACT_MODES
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode == "La":
        image = image.convert("LA")
    alpha: Image | None = None
    if image.mode in ("RGBA", "LA"):
        channel = image.getchannel("A")
        if channel.getextrema() != (255, 255):
            alpha = channel
        image = image.convert("RGB" if image.mode == "RGBA" else "L")
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return image, alpha, exact

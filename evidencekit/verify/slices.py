"""Lossless slices compared with the sealed picture, band by band (for `pictures.py`).

A slice is a PDF image stored as the report stores it (Flate, PNG predictors, RGB or grey, an
optional grey soft mask, nothing else). Its rows are inflated and unfiltered a band at a time
(`pngrows.FilteredRows`) alongside the same rows of the sealed file (`pngrows.PngBands`, or a
whole decode for pictures that are not 8-bit PNG), converted as the report converts them
(`pngrows.pdf_form`), and compared sample for sample, soft mask included.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bilingual import Bi
from evidencekit.pngrows import FilteredRows, ImageUnreadable, PngBands, open_whole, pdf_form
from evidencekit.verify import limits
from evidencekit.verify import texts as T
from evidencekit.verify.pagefacts import matches, squash
from evidencekit.verify.pdfpages import Page, Picture
from evidencekit.verify.pdfread import Attached, read_small
from evidencekit.verify.pdfread import _decoded as decoded

if TYPE_CHECKING:
    from evidencekit.pngrows import Image

log = logging.getLogger(__name__)

BLUR_TARGET_WIDTH, BLUR_MIN_FACTOR = 160, 8  # bundle/blur.py: how small a blurred copy is
BAND_ROWS = 256  # rows compared at a time: memory stays at a few MB whatever the picture's size
MAX_WHOLE_PIXELS = 60_000_000  # pictures that are not 8-bit PNG are decoded whole up to this
FLATE_KEYS = {
    "/Type",
    "/Subtype",
    "/Width",
    "/Height",
    "/ColorSpace",
    "/BitsPerComponent",
    "/Filter",
    "/DecodeParms",
    "/Length",
    "/SMask",
}
SPACES = {"/DeviceRGB": 3, "/DeviceGray": 1}


class Sealed(Protocol):
    """What the content checks know by the time the pages are checked."""

    reader: PdfFileReader
    found: dict[str, Attached]
    measured: dict[str, str]
    manifests: dict[str, dict[str, Any]]


class Wrong(Exception):
    """One item's pictures are not what was sealed (the reason, in both languages)."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


@dataclass
class Tally:
    slices: int = 0
    rows: int = 0
    jpegs: int = 0
    whole: set[tuple[int, int]] = field(default_factory=set)  # lossless slices compared
    item_keys: set[tuple[int, int]] = field(default_factory=set)  # the current item's pictures
    notes: list[Bi] = field(default_factory=list)
    problems: list[Bi] = field(default_factory=list)


def get(obj: Any, key: str) -> Any:
    return obj[key] if isinstance(obj, generic.DictionaryObject) and key in obj else None


def filters(stream: generic.StreamObject) -> list[str]:
    value = get(stream, "/Filter")
    if value is None:
        return []
    return [str(value)] if isinstance(value, str) else [str(v) for v in value]


def flate_form(
    stream: Any, width: object, height: object, *, grey_only: bool = False, smooth: bool = False
) -> int:
    """The samples per pixel of an image stored as the report stores it, or raise. `smooth`:
    /Interpolate is allowed (the report sets it on blurred copies)."""
    bad = Wrong(T.PICTURE_FORM)
    keys = set(stream.keys()) if isinstance(stream, generic.StreamObject) else None
    if keys is None or not keys <= FLATE_KEYS | ({"/Interpolate"} if smooth else set()):
        raise bad
    space = str(get(stream, "/ColorSpace"))
    colours = SPACES.get(space)
    if colours is None or (grey_only and colours != 1):
        raise bad
    if get(stream, "/Type") not in (None, "/XObject") or get(stream, "/Subtype") != "/Image":
        raise bad
    if get(stream, "/BitsPerComponent") != 8 or filters(stream) != ["/FlateDecode"]:
        raise bad
    if get(stream, "/Width") != width or get(stream, "/Height") != height:
        raise bad
    parms = get(stream, "/DecodeParms")
    if isinstance(parms, generic.ArrayObject) and len(parms) == 1:
        parms = parms[0].get_object()
    if not isinstance(parms, generic.DictionaryObject) or not set(parms.keys()) <= {
        "/Predictor",
        "/Colors",
        "/BitsPerComponent",
        "/Columns",
    }:
        raise bad
    predictor = get(parms, "/Predictor")
    if not isinstance(predictor, int) or not 10 <= predictor <= 15:
        raise bad
    if (get(parms, "/Colors") or 1) != colours or (get(parms, "/BitsPerComponent") or 8) != 8:
        raise bad
    if (get(parms, "/Columns") or 1) != width:
        raise bad
    return colours


def encoded(ctx: Sealed, picture: Picture) -> bytes:
    data = picture.stream.encoded_data
    ctx.reader.resolved_objects.pop((picture.key[1], picture.key[0]), None)
    return bytes(data)


def _pdf_bands(data: bytes, width: int, height: int, colours: int) -> Iterator[bytes]:
    colour = {1: 0, 3: 2}[colours]
    ranges = [(y, min(y + BAND_ROWS, height)) for y in range(0, height, BAND_ROWS)]
    for band in FilteredRows([data], width, height, colour).bands(ranges):
        # Memory stays at one band whatever the size; time is the verification's own deadline
        # (verify/limits.py). The samples are not charged to its inflation total: they are
        # bounded by the sealed picture's own size, and a mostly white screenshot deflates
        # far more than the total's ratio allows.
        limits.check_time()
        yield band.tobytes()


def _first_last(a: bytes, b: bytes, row: int) -> tuple[int, int] | None:
    """The first and last differing rows (0-based in the band) of two bands, or None."""
    if a == b:
        return None
    rows = [
        n for n in range(len(a) // row) if a[n * row : (n + 1) * row] != b[n * row : (n + 1) * row]
    ]
    if not rows:
        return (0, max(0, len(a) // row - 1))
    return rows[0], rows[-1]


class _Source:
    """The sealed picture, band by band, as the report converts it (`pngrows.pdf_form`)."""

    def __init__(self, ctx: Sealed, attached: Attached) -> None:
        self.ctx, self.attached = ctx, attached
        self.png: PngBands | None = None
        try:
            self.png = PngBands(decoded(ctx.reader, attached.ref))
            self.width, self.height = self.png.width, self.png.height
            self.whole: Image | None = None
        except ImageUnreadable:
            self.png = None
            self.whole = self._open_whole()
            self.width, self.height = self.whole.size

    def _open_whole(self) -> Image:
        try:
            return open_whole(read_small(self.ctx.reader, self.attached.ref), MAX_WHOLE_PIXELS)
        except ImageUnreadable as exc:
            raise Wrong(T.PICTURE_SOURCE_UNREADABLE) from exc

    def bands(self, ranges: Sequence[tuple[int, int]]) -> Iterator[Image]:
        if self.png is not None:
            yield from self.png.bands(ranges)
        else:
            assert self.whole is not None
            for start, end in ranges:
                yield self.whole.crop((0, start, self.whole.width, end))


def png_size(ctx: Sealed, attached: Attached) -> tuple[int, int] | None:
    """An 8-bit PNG's width and height from its header (None for other pictures)."""
    try:
        png = PngBands(decoded(ctx.reader, attached.ref))
    except ImageUnreadable:
        return None
    return png.width, png.height


def _labelled(page: Page, name: str, start: int, end: int, width: int, height: int) -> bool:
    """The slice's label under it names the rows it shows (bundle/item_pages.py `_picture`)."""
    label = (
        f"{name} · rows {start:,}–{end - 1:,} of {height:,} · {width:,} px wide · original "
        f"pixels · rreshtat {start:,}–{end - 1:,} nga {height:,}"
    ).replace(",", " ")
    wanted = squash(label)
    return any(matches(squash(line), wanted) for line in page.lines)


def compare_slices(
    ctx: Sealed,
    number: int,
    name: str,
    attached: Attached,
    shown: list[tuple[Page, Picture]],
    slices: Any,
    tally: Tally,
) -> None:
    source = _Source(ctx, attached)
    width, height = source.width, source.height
    cuts = [(int(a), int(b)) for a, b in slices] if isinstance(slices, list) else []
    if (
        not cuts
        or cuts[0][0] != 0
        or cuts[-1][1] != height
        or any(a >= b for a, b in cuts)
        or any(cuts[n][1] != cuts[n + 1][0] for n in range(len(cuts) - 1))
    ):
        raise Wrong(T.PICTURE_SLICES_WRONG.format(number=number, name=name))
    if len(shown) != len(cuts):
        raise Wrong(
            T.PICTURE_COUNT_WRONG.format(
                number=number, shown=len(shown), count=len(cuts), name=name
            )
        )
    sub = [
        (y, min(y + BAND_ROWS, end)) for start, end in cuts for y in range(start, end, BAND_ROWS)
    ]
    sealed = source.bands(sub)
    for (page, picture), (start, end) in zip(shown, cuts, strict=True):
        rows = end - start
        try:
            colours = flate_form(picture.stream, width, rows)
            mask_ref = picture.stream.raw_get("/SMask") if "/SMask" in picture.stream else None
            mask = mask_ref.get_object() if mask_ref is not None else None
            if mask is not None:
                if flate_form(mask, width, rows, grey_only=True) != 1 or "/SMask" in mask:
                    raise Wrong(T.PICTURE_FORM)
        except Wrong:
            raise Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number)) from None
        pdf = _pdf_bands(encoded(ctx, picture), width, rows, colours)
        alpha = None
        if mask is not None:
            alpha = _pdf_bands(bytes(mask.encoded_data), width, rows, 1)
        differs: list[int] = []
        for band_start, band_end in (s for s in sub if start <= s[0] < end):
            image, channel, exact = pdf_form(next(sealed))
            if not exact or (3 if image.mode == "RGB" else 1) != colours:
                raise Wrong(
                    T.PICTURE_DIFFERS.format(
                        number=number, page=page.number, name=name, first=start, last=end - 1
                    )
                )
            found = _first_last(image.tobytes(), next(pdf), width * colours)
            expected_alpha = (
                channel.tobytes()
                if channel is not None
                else b"\xff" * (width * (band_end - band_start))
            )
            if alpha is not None:
                found_alpha = _first_last(expected_alpha, next(alpha), width)
            elif channel is not None:
                found_alpha = (0, band_end - band_start - 1)
            else:
                found_alpha = None
            for hit in (found, found_alpha):
                if hit is not None:
                    differs += [band_start + hit[0], band_start + hit[1]]
        if differs:
            raise Wrong(
                T.PICTURE_DIFFERS.format(
                    number=number,
                    page=page.number,
                    name=name,
                    first=min(differs),
                    last=max(differs),
                )
            )
        if not _labelled(page, name, start, end, width, height):
            raise Wrong(T.PICTURE_LABEL_WRONG.format(number=number, page=page.number))
        tally.slices += 1
        tally.rows += rows
        tally.whole.add(picture.key)

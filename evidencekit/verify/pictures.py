"""The report's pictures checked against the sealed files they claim to show.

Each web capture's screenshot (and an imported picture) is shown in the report as lossless
slices: PDF images whose samples are exactly some rows of the sealed PNG. bundle.json says so
("every pixel of the original is in this PDF"), but bundle.json is signed by the same key a
forger may hold, so nothing it says about the pictures is taken on trust:

- the pages are split by the item headings printed on them (`pdfpages.sections`), not by
  bundle.json or by the PDF's object names;
- every image a viewer could show on an item's pages is one of that item's pictures, in order;
  none may appear on the cover or index, and none may be left over;
- a lossless slice is decoded band by band (Flate, PNG predictors) and compared, sample for
  sample and with its soft mask, with the same rows of the sealed file (an attachment whose
  SHA-256 the item's manifest seals), decoded the same way; the slices must cover the whole
  picture, top to bottom;
- a JPEG shown as captured must be the sealed file byte for byte;
- a blurred copy (sensitive items, --blur, withheld originals) is a derived picture: labelled as
  such and tied to the original's hash, but not recomputed (a blur is not reproducible bit for
  bit across Pillow versions); the row says so.

Images must be stored exactly as the report writes them (no /Decode, colour-key /Mask,
optional content, other colour spaces or filters), since any of those changes what a viewer
paints from the same samples.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bilingual import Bi
from evidencekit.bundle_format import ParsedBundle
from evidencekit.pngrows import FilteredRows, ImageUnreadable, PngBands, open_whole, pdf_form
from evidencekit.verify import texts as T
from evidencekit.verify.checks import Check, failed, passed
from evidencekit.verify.pagefacts import Sealed as SealedFacts
from evidencekit.verify.pagefacts import check_facts
from evidencekit.verify.pdfpages import (
    Page,
    PagesUnreadable,
    Picture,
    Sections,
    read_pages,
    sections,
)
from evidencekit.verify.pdfread import READ_ERRORS, Attached, read_small
from evidencekit.verify.pdfread import _decoded as decoded

if TYPE_CHECKING:
    from evidencekit.pngrows import Image

log = logging.getLogger(__name__)

BLUR_TARGET_WIDTH, BLUR_MIN_FACTOR = 160, 8  # bundle/blur.py: how small a blurred copy is
BAND_ROWS = 256  # rows compared at a time: memory stays at a few MB whatever the picture's size
MAX_WHOLE_PIXELS = 60_000_000  # pictures that are not 8-bit PNG are decoded whole up to this
_FLATE_KEYS = {
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
_SPACES = {"/DeviceRGB": 3, "/DeviceGray": 1}


class Sealed(Protocol):
    """What the content checks know by the time the pages are checked."""

    reader: PdfFileReader
    found: dict[str, Attached]
    measured: dict[str, str]
    manifests: dict[str, dict[str, Any]]


class _Wrong(Exception):
    """One item's pictures are not what was sealed (the reason, in both languages)."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


@dataclass
class Tally:
    slices: int = 0
    rows: int = 0
    jpegs: int = 0
    notes: list[Bi] = field(default_factory=list)
    problems: list[Bi] = field(default_factory=list)


def _get(obj: Any, key: str) -> Any:
    return obj[key] if isinstance(obj, generic.DictionaryObject) and key in obj else None


def _filters(stream: generic.StreamObject) -> list[str]:
    value = _get(stream, "/Filter")
    if value is None:
        return []
    return [str(value)] if isinstance(value, str) else [str(v) for v in value]


def _flate_form(
    stream: Any, width: object, height: object, *, grey_only: bool = False, smooth: bool = False
) -> int:
    """The samples per pixel of an image stored as the report stores it, or raise. `smooth`:
    /Interpolate is allowed (the report sets it on blurred copies)."""
    bad = _Wrong(T.PICTURE_FORM)
    keys = set(stream.keys()) if isinstance(stream, generic.StreamObject) else None
    if keys is None or not keys <= _FLATE_KEYS | ({"/Interpolate"} if smooth else set()):
        raise bad
    space = str(_get(stream, "/ColorSpace"))
    colours = _SPACES.get(space)
    if colours is None or (grey_only and colours != 1):
        raise bad
    if _get(stream, "/Type") not in (None, "/XObject") or _get(stream, "/Subtype") != "/Image":
        raise bad
    if _get(stream, "/BitsPerComponent") != 8 or _filters(stream) != ["/FlateDecode"]:
        raise bad
    if _get(stream, "/Width") != width or _get(stream, "/Height") != height:
        raise bad
    parms = _get(stream, "/DecodeParms")
    if isinstance(parms, generic.ArrayObject) and len(parms) == 1:
        parms = parms[0].get_object()
    if not isinstance(parms, generic.DictionaryObject) or not set(parms.keys()) <= {
        "/Predictor",
        "/Colors",
        "/BitsPerComponent",
        "/Columns",
    }:
        raise bad
    predictor = _get(parms, "/Predictor")
    if not isinstance(predictor, int) or not 10 <= predictor <= 15:
        raise bad
    if (_get(parms, "/Colors") or 1) != colours or (_get(parms, "/BitsPerComponent") or 8) != 8:
        raise bad
    if (_get(parms, "/Columns") or 1) != width:
        raise bad
    return colours


def _encoded(ctx: Sealed, picture: Picture) -> bytes:
    data = picture.stream.encoded_data
    ctx.reader.resolved_objects.pop((picture.key[1], picture.key[0]), None)
    return bytes(data)


def _pdf_bands(data: bytes, width: int, height: int, colours: int) -> Iterator[bytes]:
    colour = {1: 0, 3: 2}[colours]
    ranges = [(y, min(y + BAND_ROWS, height)) for y in range(0, height, BAND_ROWS)]
    for band in FilteredRows([data], width, height, colour).bands(ranges):
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
            raise _Wrong(T.PICTURE_SOURCE_UNREADABLE) from exc

    def bands(self, ranges: Sequence[tuple[int, int]]) -> Iterator[Image]:
        if self.png is not None:
            yield from self.png.bands(ranges)
        else:
            assert self.whole is not None
            for start, end in ranges:
                yield self.whole.crop((0, start, self.whole.width, end))


def _png_size(ctx: Sealed, attached: Attached) -> tuple[int, int] | None:
    """An 8-bit PNG's width and height from its header (None for other pictures)."""
    try:
        png = PngBands(decoded(ctx.reader, attached.ref))
    except ImageUnreadable:
        return None
    return png.width, png.height


def _compare_slices(
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
        raise _Wrong(T.PICTURE_SLICES_WRONG.format(number=number, name=name))
    if len(shown) != len(cuts):
        raise _Wrong(
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
            colours = _flate_form(picture.stream, width, rows)
            mask_ref = picture.stream.raw_get("/SMask") if "/SMask" in picture.stream else None
            mask = mask_ref.get_object() if mask_ref is not None else None
            if mask is not None:
                if _flate_form(mask, width, rows, grey_only=True) != 1 or "/SMask" in mask:
                    raise _Wrong(T.PICTURE_FORM)
        except _Wrong:
            raise _Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number)) from None
        pdf = _pdf_bands(_encoded(ctx, picture), width, rows, colours)
        alpha = None
        if mask is not None:
            alpha = _pdf_bands(bytes(mask.encoded_data), width, rows, 1)
        differs: list[int] = []
        for band_start, band_end in (s for s in sub if start <= s[0] < end):
            image, channel, exact = pdf_form(next(sealed))
            if not exact or (3 if image.mode == "RGB" else 1) != colours:
                raise _Wrong(
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
            raise _Wrong(
                T.PICTURE_DIFFERS.format(
                    number=number,
                    page=page.number,
                    name=name,
                    first=min(differs),
                    last=max(differs),
                )
            )
        tally.slices += 1
        tally.rows += rows


def _sealed_source(
    ctx: Sealed, item: dict[str, Any], claim: dict[str, Any]
) -> tuple[str, Attached | None, str]:
    """The claimed source's name, its attachment (None when withheld) and sealed SHA-256."""
    number = item["number"]
    name = str(claim.get("of"))
    manifest = ctx.manifests.get(str(item["id"]))
    sealed = next(
        (a for a in (manifest or {}).get("artifacts") or [] if a.get("name") == name), None
    )
    if manifest is None or sealed is None or sealed.get("sha256") != claim.get("sha256"):
        raise _Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    listed = next((a for a in item["artifacts"] if a.get("name") == name), None)
    attachment = (listed or {}).get("attachment")
    if not attachment or (listed or {}).get("withheld"):
        return name, None, str(sealed["sha256"])
    if attachment not in ctx.found or ctx.measured.get(attachment) != sealed["sha256"]:
        raise _Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    return name, ctx.found[attachment], str(sealed["sha256"])


def _item(ctx: Sealed, item: dict[str, Any], pages: list[Page], tally: Tally) -> None:
    number = item["number"]
    shown: list[tuple[Page, Picture]] = []
    seen: set[tuple[int, int]] = set()
    for page in pages:
        if page.inline_pictures:
            raise _Wrong(T.PICTURE_INLINE.format(page=page.number))
        for picture in page.pictures:
            if picture.key not in seen:
                seen.add(picture.key)
                shown.append((page, picture))
    claims = item.get("report_images") or []
    if not claims:
        if shown:
            raise _Wrong(T.PICTURE_UNDESCRIBED.format(number=number, page=shown[0][0].number))
        return
    if not isinstance(claims, list) or len(claims) != 1 or not isinstance(claims[0], dict):
        raise _Wrong(T.PICTURE_CLAIM_BAD.format(number=number))
    claim = claims[0]
    kind = claim.get("kind")
    name, attached, sha = _sealed_source(ctx, item, claim)
    if kind == "blurred copy":
        if len(shown) != 1:
            raise _Wrong(
                T.PICTURE_COUNT_WRONG.format(number=number, shown=len(shown), count=1, name=name)
            )
        page, picture = shown[0]
        size = (claim.get("width"), claim.get("height"))
        original = _png_size(ctx, attached) if attached is not None else None
        if original is not None:
            # A blurred copy is the original shrunk: its size follows from the original's.
            width, height = original
            factor = max(BLUR_MIN_FACTOR, -(-width // BLUR_TARGET_WIDTH))
            if size != (-(-width // factor), -(-height // factor)):
                raise _Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number))
        try:
            _flate_form(picture.stream, size[0], size[1], smooth=True)
        except _Wrong:
            raise _Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number)) from None
        tally.notes.append(T.PICTURE_DERIVED.format(number=number, name=name, sha=sha[:16]))
        return
    if attached is None:
        raise _Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    if kind == "original JPEG data, unchanged":
        if len(shown) != 1:
            raise _Wrong(
                T.PICTURE_COUNT_WRONG.format(number=number, shown=len(shown), count=1, name=name)
            )
        page, picture = shown[0]
        stream = picture.stream
        allowed = _FLATE_KEYS - {"/DecodeParms", "/SMask"}
        if (
            not set(stream.keys()) <= allowed
            or _filters(stream) != ["/DCTDecode"]
            or str(_get(stream, "/ColorSpace")) not in _SPACES
        ):
            raise _Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number))
        if hashlib.sha256(_encoded(ctx, picture)).hexdigest() != sha:
            raise _Wrong(T.PICTURE_JPEG_DIFFERS.format(number=number, page=page.number, name=name))
        tally.jpegs += 1
        return
    if kind == "lossless slices":
        _compare_slices(ctx, number, name, attached, shown, claim.get("slices"), tally)
        return
    if kind == "slices converted to 8-bit RGB":
        source = _Source(ctx, attached)
        if source.png is not None:  # an 8-bit PNG is always shown losslessly
            raise _Wrong(T.PICTURE_CLAIM_BAD.format(number=number))
        tally.notes.append(T.PICTURE_CONVERTED.format(number=number, name=name))
        return
    raise _Wrong(T.PICTURE_CLAIM_BAD.format(number=number))


def check_pictures(ctx: Sealed, items: Sequence[dict[str, Any]], split: Sections) -> Check:
    """One row: every picture on the pages is the sealed one it claims to be."""
    tally = Tally()
    for page in split.front:
        if page.pictures or page.inline_pictures:
            tally.problems.append(T.PICTURE_NO_ITEM.format(page=page.number))
    numbers = {item["number"] for item in items}
    for number, pages in sorted(split.items.items()):
        if number not in numbers and any(p.pictures or p.inline_pictures for p in pages):
            tally.problems.append(T.PICTURE_NO_ITEM.format(page=pages[0].number))
    for item in items:
        try:
            _item(ctx, item, split.items.get(item["number"], []), tally)
        except _Wrong as wrong:
            tally.problems.append(wrong.reason)
        except (ImageUnreadable, *READ_ERRORS) as exc:
            log.debug("picture of item %s unreadable: %s", item["number"], type(exc).__name__)
            tally.problems.append(T.PICTURE_UNREADABLE.format(number=item["number"]))
    if tally.problems:
        shown = T.more(Bi.join(tally.problems[:4], "; "), len(tally.problems) - 4, "; ")
        return failed("pictures", T.PICTURES_FAILED.format(shown=shown))
    parts = []
    if tally.slices or not (tally.jpegs or tally.notes):
        slices = T.count(tally.slices, *T.PICTURE_SLICE)
        parts.append(T.PICTURES_OK.format(slices=slices, rows=T.number(tally.rows)))
    if tally.jpegs:
        parts.append(T.PICTURES_JPEG.format(count=tally.jpegs))
    parts += tally.notes
    return passed("pictures", Bi.join(parts, "; "))


class Context(Sealed, SealedFacts, Protocol):
    """Both checks' needs (content.py's context has them all)."""


def check_pages(ctx: Context, parsed: ParsedBundle) -> list[Check]:
    """The report's pages against the sealed files: the pictures, then the printed facts."""
    items = parsed.items
    try:
        split = sections(read_pages(ctx.reader))
        return [check_pictures(ctx, items, split), check_facts(ctx, items, split)]
    except (PagesUnreadable, *READ_ERRORS) as exc:
        log.debug("pages unreadable: %s", type(exc).__name__)
        return [failed("pages", T.PAGES_UNREADABLE)]

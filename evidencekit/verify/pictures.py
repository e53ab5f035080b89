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
- every picture must be painted upright, unfaded, with nothing over it (no box, text, other
  image or annotation reaching inside it), and each lossless slice whole and on some page
  (`pagepaint.py` follows the page's content for positions and clips);
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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from evidencekit.bilingual import Bi
from evidencekit.bundle_format import ParsedBundle
from evidencekit.pngrows import ImageUnreadable
from evidencekit.verify import texts as T
from evidencekit.verify.checks import Check, failed, passed
from evidencekit.verify.indexfacts import cover_problems, index_problems
from evidencekit.verify.pagefacts import Sealed as SealedFacts
from evidencekit.verify.pagefacts import check_facts
from evidencekit.verify.pagepaint import over_pictures
from evidencekit.verify.pdfpages import (
    Page,
    PagesUnreadable,
    Picture,
    Sections,
    paint,
    read_pages,
    sections,
)
from evidencekit.verify.pdfread import READ_ERRORS, Attached
from evidencekit.verify.slices import (
    BLUR_MIN_FACTOR,
    BLUR_TARGET_WIDTH,
    FLATE_KEYS,
    SPACES,
    Sealed,
    Tally,
    Wrong,
    compare_slices,
    encoded,
    filters,
    flate_form,
    get,
    png_size,
)

if TYPE_CHECKING:
    from evidencekit.pngrows import ImageUnreadable

log = logging.getLogger(__name__)


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
        raise Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    listed = next((a for a in item["artifacts"] if a.get("name") == name), None)
    attachment = (listed or {}).get("attachment")
    if not attachment or (listed or {}).get("withheld"):
        return name, None, str(sealed["sha256"])
    if attachment not in ctx.found or ctx.measured.get(attachment) != sealed["sha256"]:
        raise Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    return name, ctx.found[attachment], str(sealed["sha256"])


def _left_out(ctx: Sealed, item: dict[str, Any]) -> bool:
    """A sealed, attached screenshot.png in 8-bit PNG: the report always shows it (export's
    plan.py shows the first of screenshot.png, viewport.png; an 8-bit PNG of any size)."""
    manifest = ctx.manifests.get(str(item["id"])) or {}
    sealed = [a for a in manifest.get("artifacts") or [] if a.get("name") == "screenshot.png"]
    if not sealed:
        return False
    try:
        claim = {"of": "screenshot.png", "sha256": sealed[0].get("sha256")}
        _, attached, _ = _sealed_source(ctx, item, claim)
    except Wrong:
        return False
    return attached is not None and png_size(ctx, attached) is not None


def _item(ctx: Sealed, item: dict[str, Any], pages: list[Page], tally: Tally) -> None:
    number = item["number"]
    shown: list[tuple[Page, Picture]] = []
    seen: set[tuple[int, int]] = set()
    for page in pages:
        if page.inline_pictures:
            raise Wrong(T.PICTURE_INLINE.format(page=page.number))
        for picture in page.pictures:
            if picture.key not in seen:
                seen.add(picture.key)
                shown.append((page, picture))
    claims = item.get("report_images") or []
    if not claims:
        if shown:
            raise Wrong(T.PICTURE_UNDESCRIBED.format(number=number, page=shown[0][0].number))
        if _left_out(ctx, item):
            raise Wrong(T.PICTURE_LEFT_OUT.format(number=number))
        return
    if not isinstance(claims, list) or len(claims) != 1 or not isinstance(claims[0], dict):
        raise Wrong(T.PICTURE_CLAIM_BAD.format(number=number))
    claim = claims[0]
    kind = claim.get("kind")
    name, attached, sha = _sealed_source(ctx, item, claim)
    if kind == "blurred copy":
        if len(shown) != 1:
            raise Wrong(
                T.PICTURE_COUNT_WRONG.format(number=number, shown=len(shown), count=1, name=name)
            )
        page, picture = shown[0]
        size = (claim.get("width"), claim.get("height"))
        original = png_size(ctx, attached) if attached is not None else None
        if original is not None:
            # A blurred copy is the original shrunk: its size follows from the original's.
            width, height = original
            factor = max(BLUR_MIN_FACTOR, -(-width // BLUR_TARGET_WIDTH))
            if size != (-(-width // factor), -(-height // factor)):
                raise Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number))
        try:
            flate_form(picture.stream, size[0], size[1], smooth=True)
        except Wrong:
            raise Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number)) from None
        tally.notes.append(T.PICTURE_DERIVED.format(number=number, name=name, sha=sha[:16]))
        return
    if attached is None:
        raise Wrong(T.PICTURE_NOT_SEALED.format(number=number, name=name))
    if kind == "original JPEG data, unchanged":
        if len(shown) != 1:
            raise Wrong(
                T.PICTURE_COUNT_WRONG.format(number=number, shown=len(shown), count=1, name=name)
            )
        page, picture = shown[0]
        stream = picture.stream
        allowed = FLATE_KEYS - {"/DecodeParms", "/SMask"}
        if (
            not set(stream.keys()) <= allowed
            or filters(stream) != ["/DCTDecode"]
            or str(get(stream, "/ColorSpace")) not in SPACES
        ):
            raise Wrong(T.PICTURE_FORM_AT.format(number=number, page=page.number))
        if hashlib.sha256(encoded(ctx, picture)).hexdigest() != sha:
            raise Wrong(T.PICTURE_JPEG_DIFFERS.format(number=number, page=page.number, name=name))
        tally.jpegs += 1
        return
    if kind == "lossless slices":
        compare_slices(ctx, number, name, attached, shown, claim.get("slices"), tally)
        return
    if kind == "slices converted to 8-bit RGB":
        if png_size(ctx, attached) is not None:  # an 8-bit PNG is always shown losslessly
            raise Wrong(T.PICTURE_CLAIM_BAD.format(number=number))
        tally.notes.append(T.PICTURE_CONVERTED.format(number=number, name=name))
        return
    raise Wrong(T.PICTURE_CLAIM_BAD.format(number=number))


def _shown_uncovered(item: dict[str, Any], pages: list[Page], tally: Tally) -> None:
    """Every picture of the item's pages is painted whole (slices), upright and unfaded, with
    nothing over it; and every compared slice is painted."""
    drawn: set[tuple[int, int]] = set()
    for page in pages:
        if not page.pictures:
            continue
        canvas, annotations = paint(page)
        drawn |= {d.key for d in canvas.drawn}
        found = over_pictures(canvas, annotations, tally.whole, page.number, item["number"])
        if found:
            raise Wrong(found[0])
    missing = [key for key in tally.whole if key in tally.item_keys and key not in drawn]
    if missing:
        raise Wrong(T.PICTURE_NOT_PAINTED.format(number=item["number"]))


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
            pages = split.items.get(item["number"], [])
            tally.item_keys = {p.key for page in pages for p in page.pictures}
            _item(ctx, item, pages, tally)
            _shown_uncovered(item, pages, tally)
        except Wrong as wrong:
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
        index = index_problems(ctx, items, split.front) + cover_problems(
            split.front, parsed.bundle_id, parsed.fingerprint, len(items)
        )
        return [check_pictures(ctx, items, split), check_facts(ctx, items, split, index)]
    except (PagesUnreadable, *READ_ERRORS) as exc:
        log.debug("pages unreadable: %s", type(exc).__name__)
        return [failed("pages", T.PAGES_UNREADABLE)]

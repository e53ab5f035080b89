"""The pictures inside the report: each item's image, written into the slots the layout drew.

Lossless slices are decoded band by band from the vault and re-encoded without loss; a JPEG is
embedded as the very bytes that were captured; a blurred copy is one small image that every
slice shows a part of. Returns, per item, a description of what was shown (for bundle.json).
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image
from pyhanko.pdf_utils import generic

from evidencekit.bundle import blur
from evidencekit.bundle.images import (
    PdfImage,
    PngBands,
    decoded_bands,
    open_whole,
    to_pdf_image,
)
from evidencekit.bundle.layout import Slot
from evidencekit.bundle.pdfwriter import PdfOut, name, ref
from evidencekit.bundle.plan import PlannedItem, Preview
from evidencekit.vault.store import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BlurLayout:
    factor: int
    radius: float  # in original pixels
    cover_rows: int  # rows of the original the small copy spans (a little more than its height)


def blurred_layout(width: int, height: int) -> BlurLayout:
    factor = blur.blur_factor(width)
    return BlurLayout(factor, blur.BLUR_RADIUS_PX * factor, math.ceil(height / factor) * factor)


def shows_blurred(preview: Preview, withheld: bool) -> bool:
    """Blurred when asked (or the item is sensitive), and always when the original is withheld:
    a lossless picture would hand over the very pixels the person chose to keep back."""
    return preview.blurred or withheld


def _image_dict(image: PdfImage, *, interpolate: bool = False) -> generic.DictionaryObject:
    entries: dict[str, Any] = {
        "/Type": name("XObject"),
        "/Subtype": name("Image"),
        "/Width": generic.NumberObject(image.width),
        "/Height": generic.NumberObject(image.height),
        "/ColorSpace": name(image.colour_space),
        "/BitsPerComponent": generic.NumberObject(8),
        "/Filter": name("FlateDecode"),
        "/DecodeParms": generic.DictionaryObject(
            {
                "/Predictor": generic.NumberObject(15),
                "/Colors": generic.NumberObject(image.colours),
                "/BitsPerComponent": generic.NumberObject(8),
                "/Columns": generic.NumberObject(image.width),
            }
        ),
    }
    if interpolate:
        entries["/Interpolate"] = generic.BooleanObject(True)
    return generic.DictionaryObject(entries)


def write_image(out: PdfOut, number: int, image: PdfImage, *, interpolate: bool = False) -> None:
    dictionary = _image_dict(image, interpolate=interpolate)
    if image.alpha is not None:
        mask = out.add_stream(_image_dict(image.alpha), [image.alpha.data], compress=False)
        dictionary["/SMask"] = ref(mask)
    out.write_stream(number, dictionary, [image.data], compress=False)


def _bands(
    vault: Vault, item: PlannedItem, preview: Preview, ranges: Sequence[tuple[int, int]]
) -> Iterator[Image.Image]:
    chunks = vault.iter_artifact(item.record.id, preview.artifact.name)
    if preview.image.png_streamable:
        yield from PngBands(chunks).bands(ranges)
    else:
        yield from decoded_bands(open_whole(b"".join(chunks)), ranges)


def _blurred(vault: Vault, item: PlannedItem, preview: Preview) -> blur.BlurredCopy:
    info = preview.image
    factor = blur.blur_factor(info.width)
    if info.png_streamable:
        ranges = blur.band_ranges(info.height, factor)
        return blur.blurred_from_bands(
            _bands(vault, item, preview, ranges), info.width, info.height, factor
        )
    data = vault.read_artifact(item.record.id, preview.artifact.name)
    image = Image.open(io.BytesIO(data))
    if info.format == "jpeg":
        image.draft("RGB", (max(1, info.width // factor), max(1, info.height // factor)))
    image.load()
    # JPEG draft mode may already have shrunk it: scale the factor to what was decoded.
    return blur.blurred_from_image(image, max(1, round(factor * image.width / info.width)))


def _write_jpeg(
    out: PdfOut, number: int, vault: Vault, item: PlannedItem, preview: Preview
) -> None:
    info = preview.image
    dictionary = generic.DictionaryObject(
        {
            "/Type": name("XObject"),
            "/Subtype": name("Image"),
            "/Width": generic.NumberObject(info.width),
            "/Height": generic.NumberObject(info.height),
            "/ColorSpace": name("DeviceGray" if info.mode == "L" else "DeviceRGB"),
            "/BitsPerComponent": generic.NumberObject(8),
            "/Filter": name("DCTDecode"),
        }
    )
    chunks = vault.iter_artifact(item.record.id, preview.artifact.name)
    out.write_stream(number, dictionary, chunks, compress=False)


def write_item_pictures(
    out: PdfOut, vault: Vault, item: PlannedItem, slots: Sequence[Slot], numbers: dict[str, int]
) -> list[dict[str, Any]]:
    """Fill this item's slots; return what was shown, for bundle.json."""
    preview = item.preview
    if preview is None or not slots:
        return []
    artifact = preview.artifact
    base = {"of": artifact.name, "sha256": artifact.sha256}
    planned = item.file(artifact.name)
    if shows_blurred(preview, planned is None or planned.withheld):
        copy = _blurred(vault, item, preview)
        image = to_pdf_image(copy.image)
        write_image(out, numbers[slots[0].name], image, interpolate=True)
        return [
            {
                **base,
                "kind": "blurred copy",
                "width": copy.image.width,
                "height": copy.image.height,
                "shrunk_by": copy.factor,
                "gaussian_radius_px": str(copy.radius_px),
            }
        ]
    if preview.image.jpeg_passthrough:
        _write_jpeg(out, numbers[slots[0].name], vault, item, preview)
        return [{**base, "kind": "original JPEG data, unchanged", "slices": len(slots)}]
    ranges = [s.rows for s in slots]
    exact = True
    for slot, band in zip(slots, _bands(vault, item, preview, ranges), strict=True):
        image = to_pdf_image(band)
        exact = exact and image.exact
        write_image(out, numbers[slot.name], image)
    return [
        {
            **base,
            "kind": "lossless slices" if exact else "slices converted to 8-bit RGB",
            "slices": [list(r) for r in ranges],
        }
    ]

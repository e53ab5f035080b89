"""Incremental updates a stranger can add to a signed bundle without any key, for the tests of
`evidencekit/verify/revisions.py`: each ends with a genuine document timestamp from a trusted
authority, as the security review's forger did, so only the verifier's own comparison of the
revisions can tell them from what export writes.

- `hide_with_widget`: an empty signature field whose widget /Rect holds an indirect number and
  paints a white box (its /MK /BG; with `appearance`, also drawn) over part of the first page;
- `rewrite_title`: the document's /Info Title replaced;
- `add_annotation`: a visible FreeText annotation over the first page;
- `stamp_in_visible_field`: a document timestamp in a field whose /Rect is not literal;
- `change_catalog`, `replace_page_content`: what pyHanko's analysis catches too;
- `touch`: an update that changes nothing visible (to count revisions);
- `stamp`: a document timestamp alone (what export writes), on top of whatever came before.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps import TimeStamper

WHITE_BOX = b"q 1 1 1 rg 0 0 595 300 re f Q"


def _first_page(
    writer: IncrementalPdfFileWriter,
) -> tuple[generic.IndirectObject, generic.DictionaryObject]:
    ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    return ref, ref.get_object()


def _append(container: generic.DictionaryObject, key: str, value: generic.PdfObject) -> None:
    items = container.get(key) if key in container else generic.ArrayObject()
    container[key] = generic.ArrayObject([*list.__iter__(items), value])


def _existing_number(path: Path, low: int, high: int) -> int:
    """The object number of an integer already in the file (a stream's length, say) whose
    value lies between `low` and `high`: a reference pyHanko does not count as new."""
    for number, value in re.findall(rb"\n(\d+) 0 obj\s*(\d+)\s*endobj", path.read_bytes()):
        if low <= int(value) <= high:
            return int(number)
    raise LookupError("no indirect integer in range")


def _add_field(
    writer: IncrementalPdfFileWriter, name: str, rect: list[generic.PdfObject]
) -> generic.DictionaryObject:
    """An empty signature field on the first page, in the form; returns its widget."""
    page_ref, page = _first_page(writer)
    widget = writer.add_object(
        generic.DictionaryObject(
            {
                "/Type": generic.NameObject("/Annot"),
                "/Subtype": generic.NameObject("/Widget"),
                "/FT": generic.NameObject("/Sig"),
                "/T": generic.TextStringObject(name),
                "/F": generic.NumberObject(4),
                "/Rect": generic.ArrayObject(rect),
                "/P": page_ref,
            }
        )
    )
    _append(page, "/Annots", widget)
    writer.update_container(page)
    form = writer.root["/AcroForm"]
    _append(form, "/Fields", widget)
    writer.update_container(form)
    return widget.get_object()


def _indirect_width(path: Path, writer: IncrementalPdfFileWriter) -> list[generic.PdfObject]:
    width = generic.IndirectObject(_existing_number(path, 300, 5000), 0, writer)
    return [generic.NumberObject(0), generic.NumberObject(0), width, generic.NumberObject(300)]


def hide_with_widget(
    path: Path, timestamper: TimeStamper, *, appearance: bool = False, together: bool = False
) -> None:
    """The review's attack 1: a widget whose /Rect width is a reference to an integer already in
    the file, with a white background, then a document timestamp (in a revision of its own, or
    `together` in the widget's)."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        widget = _add_field(writer, "Reviewed", _indirect_width(path, writer))
        widget["/MK"] = generic.DictionaryObject(
            {"/BG": generic.ArrayObject(generic.FloatObject(1) for _ in range(3))}
        )
        if appearance:
            drawn = writer.add_object(
                generic.StreamObject(
                    {
                        "/Type": generic.NameObject("/XObject"),
                        "/Subtype": generic.NameObject("/Form"),
                        "/BBox": generic.ArrayObject(
                            generic.NumberObject(v) for v in (0, 0, 595, 300)
                        ),
                    },
                    stream_data=WHITE_BOX,
                )
            )
            widget["/AP"] = generic.DictionaryObject({"/N": drawn})
        if together:
            _stamp_with(writer, timestamper)
            return
        writer.write_in_place()
    stamp(path, timestamper)


def stamp_in_visible_field(path: Path, timestamper: TimeStamper) -> None:
    """A document timestamp whose own field has a /Rect with an indirect number: the one shape
    export writes, but for the size."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        _add_field(writer, "Stamp", _indirect_width(path, writer))
        _stamp_with(writer, timestamper, field="Stamp")


def change_catalog(path: Path, timestamper: TimeStamper) -> None:
    """The catalog opens the document on the last page (/OpenAction), then a timestamp."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        last = writer.root["/Pages"]["/Kids"].raw_get(-1)
        writer.root["/OpenAction"] = generic.ArrayObject([last, generic.NameObject("/Fit")])
        writer.update_root()
        writer.write_in_place()
    stamp(path, timestamper)


def replace_page_content(path: Path, timestamper: TimeStamper) -> None:
    """The first page's content replaced by other words, then a timestamp."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        _, page = _first_page(writer)
        page["/Contents"] = writer.add_object(
            generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Nothing here) Tj ET")
        )
        writer.update_container(page)
        writer.write_in_place()
    stamp(path, timestamper)


def touch(path: Path) -> None:
    """A tiny incremental update that changes nothing a reader sees (the /Info written again)."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        writer.mark_update(writer.trailer.raw_get("/Info"))
        writer.write_in_place()


def rewrite_title(path: Path, timestamper: TimeStamper, title: str) -> None:
    """The review's /Info attack: the Title rewritten, then a document timestamp."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        info_ref = writer.trailer.raw_get("/Info").reference
        info = writer.get_object(info_ref)
        info["/Title"] = generic.TextStringObject(title)
        writer.mark_update(info_ref)
        writer.write_in_place()
    stamp(path, timestamper)


def add_annotation(path: Path, timestamper: TimeStamper, text: str) -> None:
    """A visible note over the first page (new annotation), then a document timestamp."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        page_ref, page = _first_page(writer)
        note = writer.add_object(
            generic.DictionaryObject(
                {
                    "/Type": generic.NameObject("/Annot"),
                    "/Subtype": generic.NameObject("/FreeText"),
                    "/Rect": generic.ArrayObject(
                        generic.NumberObject(v) for v in (40, 700, 560, 800)
                    ),
                    "/Contents": generic.TextStringObject(text),
                    "/DA": generic.TextStringObject("/Helv 24 Tf 1 0 0 rg"),
                    "/P": page_ref,
                }
            )
        )
        _append(page, "/Annots", note)
        writer.update_container(page)
        writer.write_in_place()
    stamp(path, timestamper)


def stamp(path: Path, timestamper: TimeStamper) -> None:
    """A document timestamp over the file as it is, appended in place."""
    with open(path, "r+b") as handle:
        _stamp_with(IncrementalPdfFileWriter(handle, strict=False), timestamper)


def _stamp_with(
    writer: IncrementalPdfFileWriter, timestamper: TimeStamper, field: str | None = None
) -> None:
    """A document timestamp written by `writer`, in the same revision as its other changes
    (into the empty field called `field` when given)."""
    stamper = PdfTimeStamper(timestamper, field_name=field)
    asyncio.run(stamper.async_timestamp_pdf(writer, "sha256", in_place=True))

"""Reading and altering signed bundle PDFs the way a forger would, for the tampering tests.

`contents_spans` and `revision_starts` find where the signature values and the incremental
updates are; `replace_attachment` swaps an embedded file by an incremental update (the signed
bytes untouched, a new revision appended); `forge_page_html` is the usual case of it (item 1's
page.html replaced); `unsigned_pdf` and `sign_as_someone_else` make PDFs that are not ours.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.pdfgen import canvas

from evidencekit.bundle.sign import sign_in_place
from evidencekit.seal.identity import generate_identity


def contents_spans(data: bytes) -> list[tuple[int, int]]:
    """The /Contents hex strings of every signature and document timestamp (from '<' to '>')."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return [(int(s.byte_range[1]), int(s.byte_range[2])) for s in reader.embedded_signatures]


def revision_starts(data: bytes) -> list[int]:
    """Offsets just after each %%EOF: where each incremental update begins."""
    return [m.end() for m in re.finditer(rb"%%EOF\r?\n?", data)]


def replace_attachment(
    path: Path, matches: Callable[[str], bool], new_data: Callable[[bytes], bytes]
) -> None:
    """Replace, in place and by an incremental update, the first embedded file whose name
    `matches`, with `new_data(its old bytes)`."""
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
        key = next(i for i in range(0, len(names), 2) if matches(str(names[i])))
        spec_ref = names.raw_get(key + 1)
        spec = spec_ref.get_object()
        forged = writer.add_object(
            generic.StreamObject(
                {"/Type": generic.NameObject("/EmbeddedFile")},
                stream_data=new_data(spec["/EF"]["/F"].data),
            )
        )
        spec["/EF"] = generic.DictionaryObject({"/F": forged, "/UF": forged})
        writer.mark_update(spec_ref)
        writer.write_in_place()


def forge_page_html(source: Path, target: Path) -> Path:
    """A copy of `source` whose first page.html (item 1's) is replaced by an incremental
    update."""
    target.write_bytes(source.read_bytes())
    replace_attachment(target, lambda name: name.endswith("page.html"), lambda _: b"<p>forged</p>")
    return target


def unsigned_pdf(path: Path) -> Path:
    """A plain one-page PDF, signed by nobody."""
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Just a letter.")
    pdf.save()
    return path


async def sign_as_someone_else(path: Path) -> None:
    """Sign `path` in place with a fresh identity the vault never knew."""
    with open(path, "r+b") as handle:
        await sign_in_place(handle, generate_identity("Someone Else"), bundle_id="x", tsa_url=None)

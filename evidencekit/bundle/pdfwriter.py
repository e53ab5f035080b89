"""A streaming PDF writer: objects go to the file one by one, only their offsets stay in memory.

The report's pages come from reportlab as one small, image-less PDF; this writer copies its
objects verbatim, replaces a few of them (the catalog, the document info, the image
placeholders) and appends new ones (images, attached files) whose data are streamed in
chunks, then writes a single cross-reference table. pyHanko's own writers hold every stream in
memory until the end, which a bundle of a hundred captures cannot afford.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

log = logging.getLogger(__name__)

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
COMPRESS_LEVEL = 6


def ref(number: int) -> generic.IndirectObject:
    """A reference to object `number` (generation 0), for writing."""
    return generic.IndirectObject(number, 0, None)


def name(text: str) -> generic.NameObject:
    """A PDF name; characters that names cannot hold (like '/') are escaped on output."""
    return generic.NameObject("/" + text)


def text(value: str) -> generic.TextStringObject:
    return generic.TextStringObject(value)


def serialise(obj: generic.PdfObject) -> bytes:
    buffer = io.BytesIO()
    obj.write_to_stream(buffer, None)
    return buffer.getvalue()


@dataclass(frozen=True)
class BasePdf:
    """The reportlab PDF, parsed just enough to copy it: object spans and a few references."""

    data: bytes
    spans: dict[int, tuple[int, int]]  # object number -> (start, end) in `data`
    size: int  # the trailer's /Size: the first free object number
    root: int
    info: int | None
    reader: PdfFileReader

    @classmethod
    def parse(cls, data: bytes) -> BasePdf:
        reader = PdfFileReader(io.BytesIO(data), strict=True)
        offsets: list[tuple[int, int]] = []
        size = int(reader.trailer["/Size"])
        for number in range(1, size):
            marker = reader.xrefs[generic.Reference(number, 0, reader)]
            if isinstance(marker, int):
                offsets.append((marker, number))
        if not offsets:
            raise ValueError("the report PDF has no objects")
        offsets.sort()
        body_end = data.rindex(b"xref")
        spans: dict[int, tuple[int, int]] = {}
        for index, (start, number) in enumerate(offsets):
            end = offsets[index + 1][0] if index + 1 < len(offsets) else body_end
            spans[number] = (start, end)
        root_ref = reader.trailer.raw_get("/Root")
        info_ref = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
        return cls(
            data=data,
            spans=spans,
            size=size,
            root=root_ref.idnum,
            info=info_ref.idnum if info_ref is not None else None,
            reader=reader,
        )

    def catalog(self) -> generic.DictionaryObject:
        root = self.reader.root
        assert isinstance(root, generic.DictionaryObject)
        return root

    def xobject_refs(self, prefix: str) -> dict[str, int]:
        """Object numbers of the page resources' XObjects whose names start with `prefix`."""
        found: dict[str, int] = {}
        for page in self.pages():
            resources = page.get("/Resources")
            if resources is None or "/XObject" not in resources.get_object():
                continue
            xobjects = resources.get_object()["/XObject"].get_object()
            for key in xobjects:
                if key.startswith("/" + prefix):
                    found[key[1:]] = xobjects.raw_get(key).idnum
        return found

    def pages(self) -> Iterator[generic.DictionaryObject]:
        """The page dictionaries, in order (a depth-first walk of the page tree)."""
        stack = [self.reader.root["/Pages"].get_object()]
        while stack:
            node = stack.pop()
            if node.get("/Type") == "/Page":
                yield node
            else:
                stack.extend(reversed([kid.get_object() for kid in node["/Kids"]]))


class PdfOut:
    """Writes one PDF file sequentially; `finish` adds the cross-reference table."""

    def __init__(self, handle: BinaryIO, first_free: int = 1) -> None:
        self._handle = handle
        self._position = 0
        self._offsets: dict[int, int] = {}
        self._next = first_free
        self._write(HEADER)

    @property
    def position(self) -> int:
        return self._position

    def _write(self, data: bytes) -> None:
        self._handle.write(data)
        self._position += len(data)

    def reserve(self) -> int:
        """A fresh object number, to be written later (or now)."""
        number = self._next
        self._next += 1
        return number

    def copy_span(self, number: int, span: bytes) -> None:
        """Copy an object verbatim from the base PDF (it keeps its number)."""
        self._offsets[number] = self._position
        self._write(span)
        if not span.endswith(b"\n"):
            self._write(b"\n")

    def write_object(self, number: int, obj: generic.PdfObject) -> None:
        self._offsets[number] = self._position
        self._write(b"%d 0 obj\n" % number)
        self._write(serialise(obj))
        self._write(b"\nendobj\n")

    def add_object(self, obj: generic.PdfObject) -> int:
        number = self.reserve()
        self.write_object(number, obj)
        return number

    def write_stream(
        self,
        number: int,
        dictionary: generic.DictionaryObject,
        chunks: Iterable[bytes],
        *,
        compress: bool,
    ) -> int:
        """Write a stream object whose data arrive in chunks; returns the encoded length.

        The length is unknown until the end, so /Length is an indirect object written after.
        """
        length_number = self.reserve()
        dictionary = generic.DictionaryObject(dict(dictionary))
        dictionary["/Length"] = ref(length_number)
        if compress:
            dictionary["/Filter"] = name("FlateDecode")
        self._offsets[number] = self._position
        self._write(b"%d 0 obj\n" % number)
        self._write(serialise(dictionary))
        self._write(b"\nstream\n")
        start = self._position
        compressor = zlib.compressobj(COMPRESS_LEVEL) if compress else None
        for chunk in chunks:
            out = compressor.compress(chunk) if compressor is not None else chunk
            if out:
                self._write(out)
        if compressor is not None:
            self._write(compressor.flush())
        length = self._position - start
        self._write(b"\nendstream\nendobj\n")
        self.write_object(length_number, generic.NumberObject(length))
        return length

    def add_stream(
        self, dictionary: generic.DictionaryObject, chunks: Iterable[bytes], *, compress: bool
    ) -> int:
        number = self.reserve()
        self.write_stream(number, dictionary, chunks, compress=compress)
        return number

    def finish(self, root: int, info: int | None, document_id: bytes) -> None:
        """Write the cross-reference table and the trailer. Every reserved number must exist."""
        size = self._next
        missing = [n for n in range(1, size) if n not in self._offsets]
        xref_at = self._position
        lines = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
        for number in range(1, size):
            if number in self._offsets:
                lines.append(b"%010d 00000 n \n" % self._offsets[number])
            else:
                lines.append(b"0000000000 00000 f \n")
        self._write(b"".join(lines))
        trailer = generic.DictionaryObject(
            {
                "/Size": generic.NumberObject(size),
                "/Root": ref(root),
                "/ID": generic.ArrayObject(
                    [generic.ByteStringObject(document_id), generic.ByteStringObject(document_id)]
                ),
            }
        )
        if info is not None:
            trailer["/Info"] = ref(info)
        self._write(b"trailer\n" + serialise(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)
        if missing:
            # Unused numbers are legal (free entries), but they point at a bookkeeping slip.
            log.debug("%d object numbers were reserved but not written", len(missing))

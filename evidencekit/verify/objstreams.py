"""Object streams and trailers read the way a viewer reads them.

An object stream packs several objects into one stream; its header lists, for each index, an
object number and where that object starts. A cross-reference stream names, for each object
it holds, the object stream and the index. pyHanko (with strict=False, as the verifier reads)
does not use the index: it takes the first header entry with the object's number. Viewers
(poppler, pdf.js, MuPDF) take the entry at the index. A header that lists one number twice
therefore shows pyHanko one object and a viewer another: a stranger can append such a stream
holding an annotation twice, the genuine one first (so every comparison with the signed
revision finds nothing changed) and at the index a white box over a page, then a document
timestamp, and the verifier would say `valid` over a page the reader cannot see.

`problem` checks every object stream any revision uses: each number at most once in its header,
and each object at the index its cross-reference entry names. It also reads every trailer (and
cross-reference stream dictionary) from the file: pyHanko keeps the first of a key defined twice,
poppler and qpdf the last, so a trailer naming /Root twice (the genuine catalog first, a
catalog of the forger's hung under the validation data last) has a viewer open another
document altogether while every comparison here looks at the genuine one.

`locate` gives an object's bytes inside its stream (for `embedded._peek`, which reads
dictionaries itself to see keys defined twice). Only pyHanko and standard library objects.
"""

from __future__ import annotations

import io
import weakref
from typing import Any

from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.xref import ObjStreamRef, XRefSectionType

from evidencekit.bilingual import Bi
from evidencekit.verify import limits
from evidencekit.verify import texts as T


class BadObjectStream(ValueError):
    """An object stream whose header a viewer and pyHanko would read differently."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _sections(reader: PdfFileReader) -> list[Any]:
    """The cross-reference data of every revision, hybrid sections included. pyHanko keeps
    them in `XRefCache._xref_sections` (no public accessor lists the compressed entries)."""
    found = []
    for section in reader.xrefs._xref_sections:
        found.append(section.xref_data)
        if section.xref_data.hybrid is not None:
            found.append(section.xref_data.hybrid.xref_data)
    return found


_Header = tuple[list[int], list[int], bytes]
_read: weakref.WeakKeyDictionary[PdfFileReader, dict[int, _Header]] = weakref.WeakKeyDictionary()


def _header(reader: PdfFileReader, stream_number: int) -> _Header:
    """The object numbers and offsets (from the start of the data) of an object stream, read
    once per reader."""
    known = _read.setdefault(reader, {})
    if stream_number not in known:
        known[stream_number] = _read_header(reader, stream_number)
    return known[stream_number]


def _read_header(reader: PdfFileReader, stream_number: int) -> _Header:
    stream = reader.get_object(generic.Reference(stream_number, 0, reader))
    if not isinstance(stream, generic.StreamObject) or stream.get("/Type") != "/ObjStm":
        raise BadObjectStream(T.OBJECT_STREAM_DAMAGED.format(number=stream_number))
    data = stream.data
    try:
        count, first = int(stream["/N"]), int(stream["/First"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BadObjectStream(T.OBJECT_STREAM_DAMAGED.format(number=stream_number)) from exc
    # Each header pair takes at least 4 bytes ("1 0 "): a count the data cannot hold is refused
    # before anything is read.
    if count < 0 or first < 0 or count * 4 > len(data) + 1:
        raise BadObjectStream(T.OBJECT_STREAM_DAMAGED.format(number=stream_number))
    head = io.BytesIO(data[:first])
    numbers: list[int] = []
    offsets: list[int] = []
    try:
        for index in range(count):
            if index % limits.EVERY == 0:
                limits.check_time()
            misc.read_non_whitespace(head, seek_back=True)
            numbers.append(int(generic.NumberObject.read_from_stream(head)))
            misc.read_non_whitespace(head, seek_back=True)
            offsets.append(first + int(generic.NumberObject.read_from_stream(head)))
    except (ValueError, misc.PdfReadError) as exc:
        raise BadObjectStream(T.OBJECT_STREAM_DAMAGED.format(number=stream_number)) from exc
    return numbers, offsets, data


def _trailer_problem(reader: PdfFileReader) -> Bi | None:
    """A trailer or cross-reference stream dictionary that defines a key twice, or None."""
    from evidencekit.verify import embedded  # it reads dictionaries with their keys twice

    sections = list(reader.xrefs._xref_sections)
    sections += [s.xref_data.hybrid for s in sections if s.xref_data.hybrid is not None]
    for section in sections:
        meta = section.meta_info
        try:
            if meta.xref_section_type in (XRefSectionType.STANDARD, XRefSectionType.HYBRID_MAIN):
                # A classic table: its trailer follows where the table ends.
                reader.stream.seek(meta.end_location)
                misc.read_non_whitespace(reader.stream, seek_back=True)
                embedded.dictionary_at(reader.stream, generic.Reference(0, 0, reader))
            elif meta.stream_ref is not None:
                embedded.peek(reader, meta.stream_ref)
        except embedded.RepeatedNode as exc:
            return T.TRAILER_KEY_TWICE.format(why=exc.reason)
    return None


def _misplaced(reader: PdfFileReader) -> Bi | None:
    """A startxref or /Prev that does not point at its cross-reference section, or None.
    pyHanko looks around for the section and reads on; poppler and qpdf rebuild the whole
    table by scanning the file, and then take the last definition of each object anywhere in
    it, including bytes no cross-reference section names (a white box over a page, left
    between two updates)."""
    stream = reader.stream
    for section in reader.xrefs._xref_sections:
        meta = section.meta_info
        stream.seek(meta.declared_startxref)
        misc.skip_over_whitespace(stream)
        at = stream.tell()
        if meta.xref_section_type in (XRefSectionType.STANDARD, XRefSectionType.HYBRID_MAIN):
            right = stream.read(4) == b"xref"
        else:
            right = at == meta.start_location
        if not right:
            return T.XREF_MISPLACED.format(offset=meta.declared_startxref)
    return None


def problem(reader: PdfFileReader) -> Bi | None:
    """Why some object stream or trailer would be read one way by pyHanko and another by a
    viewer, or None: a cross-reference section not where the file says, a trailer defining a
    key twice, a number listed twice in an object stream's header, an object not at the index
    its cross-reference entry names."""
    found = _misplaced(reader) or _trailer_problem(reader)
    if found is not None:
        return found
    wanted: dict[int, dict[int, int]] = {}  # stream -> object number -> index named
    for data in _sections(reader):
        for idnum, where in data.xrefs_in_objstm.items():
            wanted.setdefault(where.obj_stream_id, {})[idnum] = where.ix_in_stream
    try:
        for stream_number, objects in sorted(wanted.items()):
            limits.check_time()
            numbers, _, _ = _header(reader, stream_number)
            if len(set(numbers)) != len(numbers):
                return T.OBJECT_STREAM_TWICE.format(number=stream_number)
            for idnum, index in objects.items():
                if not 0 <= index < len(numbers) or numbers[index] != idnum:
                    return T.OBJECT_STREAM_INDEX.format(number=stream_number, object=idnum)
    except BadObjectStream as exc:
        return exc.reason
    return None


def locate(reader: PdfFileReader, where: ObjStreamRef) -> tuple[io.BytesIO, int]:
    """The decoded data of the object stream `where` names, and where in it the object at that
    index starts (the object a viewer reads)."""
    numbers, offsets, data = _header(reader, where.obj_stream_id)
    if not 0 <= where.ix_in_stream < len(numbers):
        raise BadObjectStream(T.OBJECT_STREAM_DAMAGED.format(number=where.obj_stream_id))
    return io.BytesIO(data), offsets[where.ix_in_stream]

"""Reading a bundle for verification: is it a PDF at all, and its attached files, hashed as they
are decoded (one attachment in memory at a time, never the whole document)."""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bilingual import Bi
from evidencekit.verify import limits
from evidencekit.verify import texts as T
from evidencekit.verify.embedded import RepeatedNode

log = logging.getLogger(__name__)

_PEEK = 1024
_SLICE = 1024 * 1024
MAX_SMALL_FILE = 64 * 1024 * 1024  # manifests, tokens, bundle.json: far smaller in practice
# Anything pyHanko or the standard library raise on malformed input.
READ_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    AssertionError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    UnicodeError,
    EOFError,
    OSError,
    zlib.error,
)


def not_a_pdf(handle: BinaryIO) -> Bi | None:
    """Why the file is not a PDF at all (then nothing else can be said), or None.

    A damaged PDF (cut short, a flipped byte) is still a PDF: it is reported as invalid, not
    as the wrong kind of file. So a PDF header in the first kilobyte or an end-of-file marker
    in the last one is enough to call it a PDF.
    """
    handle.seek(0, 2)
    size = handle.tell()
    if size == 0:
        return T.FILE_EMPTY
    handle.seek(0)
    head = handle.read(_PEEK)
    handle.seek(max(0, size - _PEEK))
    tail = handle.read(_PEEK)
    handle.seek(0)
    if b"%PDF-" in head or b"%%EOF" in tail:
        return None
    return T.NOT_A_PDF


@dataclass(frozen=True)
class Attached:
    """A name-tree entry: its name, the stream it names (/EF /UF, else /F) and the file
    specification's own reference (`verify.embedded` holds the two against everything else
    the PDF offers)."""

    name: str
    ref: generic.Reference
    filespec: generic.DictionaryObject
    spec_ref: generic.Reference


def _walk_names(root: generic.PdfObject, found: dict[str, Attached]) -> None:
    """The name tree's leaves into `found`, each node once: a node met twice (a loop, or
    nodes listing each other, which would make the walk explode) stops it at once."""
    seen: set[tuple[int, int]] = set()
    pending: list[tuple[generic.PdfObject, int]] = [(root, 0)]
    while pending:
        raw, depth = pending.pop()
        if isinstance(raw, generic.IndirectObject):
            if (raw.idnum, raw.generation) in seen:
                raise RepeatedNode(T.EMBEDDED_NAME_TREE_REPEATS)
            seen.add((raw.idnum, raw.generation))
        if depth > 32:
            raise ValueError("the attachment list nests too deeply")
        node = raw.get_object()
        if "/Names" in node:
            names = node["/Names"]
            for index in range(0, len(names) - 1, 2):
                key = str(names[index])
                spec_ref = names.raw_get(index + 1)
                if not isinstance(spec_ref, generic.IndirectObject):
                    raise ValueError(f"attachment {key!r} is not an object of its own")
                filespec = spec_ref.get_object()
                embedded = filespec["/EF"]
                entry = embedded.raw_get("/UF") if "/UF" in embedded else embedded.raw_get("/F")
                if not isinstance(entry, generic.IndirectObject):
                    raise ValueError(f"attachment {key!r} is not stored as a stream")
                if key in found:
                    raise ValueError(f"two attachments are called {key!r}")
                found[key] = Attached(key, entry.reference, filespec, spec_ref.reference)
        kids = node["/Kids"] if "/Kids" in node else generic.ArrayObject()
        pending += [(kids.raw_get(i), depth + 1) for i in reversed(range(len(kids)))]


def attachments(reader: PdfFileReader) -> dict[str, Attached]:
    """The embedded files the name tree lists, as the document reads now (its latest
    revision). Raises `RepeatedNode` for a tree that lists a node twice."""
    root = reader.root
    if "/Names" not in root or "/EmbeddedFiles" not in root["/Names"]:
        return {}
    found: dict[str, Attached] = {}
    _walk_names(root["/Names"].raw_get("/EmbeddedFiles"), found)
    return found


def _chunks(reader: PdfFileReader, ref: generic.Reference) -> tuple[list[bytes], bool]:
    stream = reader.get_object(ref)
    if not isinstance(stream, generic.StreamObject):
        raise ValueError("an attachment is not a stream")
    filters = stream.get("/Filter")
    names = [] if filters is None else [filters] if isinstance(filters, str) else list(filters)
    encoded = stream.encoded_data
    # Forget the object at once: pyHanko would otherwise keep every attachment in its cache.
    reader.resolved_objects.pop((ref.generation, ref.idnum), None)
    if not names or (names == ["/FlateDecode"] and "/DecodeParms" not in stream):
        slices = [encoded[i : i + _SLICE] for i in range(0, len(encoded), _SLICE)]
        return slices, bool(names)
    # Other filters: pyHanko decodes, within the limits the verifier gave its reader
    # (verify.pdfguard); what it made counts towards the verification's total too.
    data = stream.data
    limits.charge_inflated(len(data))
    return [data], False


def _decoded(reader: PdfFileReader, ref: generic.Reference) -> Iterator[bytes]:
    """An attachment's bytes, at most `_SLICE` at a time however much one compressed slice
    inflates to (a deflate bomb never sits in memory), each inflated slice counted against the
    verification's total and its deadline (`verify.limits`)."""
    slices, inflate = _chunks(reader, ref)
    if not inflate:
        for piece in slices:
            limits.check_time()
            yield piece
        return
    inflater = zlib.decompressobj()
    for piece in slices:
        while piece:
            out = inflater.decompress(piece, _SLICE)
            piece = inflater.unconsumed_tail
            if out:
                limits.charge_inflated(len(out))
                yield out
            if inflater.eof:
                break
        if inflater.eof:
            break
    tail = inflater.flush()
    if tail:
        limits.charge_inflated(len(tail))
        yield tail
    if not inflater.eof:
        raise zlib.error("the compressed data end too early")


def digest(
    reader: PdfFileReader, ref: generic.Reference, limit: int | None = None
) -> tuple[str, int]:
    """SHA-256 and size of an attachment's decoded bytes. With `limit` (the size bundle.json
    lists), inflating stops as soon as it is passed: the size returned is then larger than
    `limit` (the file is not the one listed) and the SHA-256 that of the bytes read so far."""
    sha = hashlib.sha256()
    size = 0
    for chunk in _decoded(reader, ref):
        sha.update(chunk)
        size += len(chunk)
        if limit is not None and size > limit:
            break
    return sha.hexdigest(), size


def read_small(reader: PdfFileReader, ref: generic.Reference) -> bytes:
    """A small attachment's bytes (manifest, signature, token, bundle.json)."""
    out = bytearray()
    for chunk in _decoded(reader, ref):
        out += chunk
        if len(out) > MAX_SMALL_FILE:
            raise limits.LimitExceeded(T.LIMIT_SMALL_FILE.format(cap=MAX_SMALL_FILE // limits.MIB))
    return bytes(out)

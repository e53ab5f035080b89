"""Attached files: every original artifact goes into the PDF as an embedded file with its media
type and an associated-file (AF) relationship, streamed chunk by chunk from the vault.

The SHA-256 and size are computed while the bytes are written and compared with what the vault
recorded; a mismatch stops the export (the vault's own check raises too). Already-compressed
data (PNG, gzip, video) are stored as they are; text-like files are deflated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyhanko.pdf_utils import generic

from evidencekit.bundle.pdfa import pdf_date
from evidencekit.bundle.pdfwriter import PdfOut, name, ref, text
from evidencekit.errors import ExportFailed

log = logging.getLogger(__name__)

# ISO 32000-2 / PDF/A-3 relationships used here.
SOURCE = "Source"  # an original the report was made from
DATA = "Data"  # data the report's tables show (bundle.json)


@dataclass(frozen=True)
class WrittenFile:
    """An attachment as written: its file-specification object and what was measured."""

    name: str
    filespec: int
    size: int
    sha256: str


class _Measured:
    """Passes chunks through while counting bytes and hashing them."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks
        self.size = 0
        self.sha256 = hashlib.sha256()
        self.md5 = hashlib.md5(usedforsecurity=False)  # PDF's /CheckSum is MD5 by definition

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._chunks:
            self.size += len(chunk)
            self.sha256.update(chunk)
            self.md5.update(chunk)
            yield chunk


def _ascii_name(file_name: str) -> str:
    """/F must be portable: non-ASCII characters become '_' (/UF keeps the real name)."""
    return "".join(c if 32 <= ord(c) < 127 else "_" for c in file_name)


def mime_subtype(media_type: str) -> generic.NameObject:
    """The media type without parameters, as a PDF name (/image#2Fpng)."""
    return name(media_type.split(";", 1)[0].strip().lower() or "application/octet-stream")


def write_attachment(
    out: PdfOut,
    *,
    file_name: str,
    media_type: str,
    description: str,
    relationship: str,
    chunks: Iterable[bytes],
    compress: bool,
    expected_sha256: str,
    expected_size: int | None,
    modified: dt.datetime,
) -> WrittenFile:
    measured = _Measured(chunks)
    params_number = out.reserve()
    stream_dict = generic.DictionaryObject(
        {
            "/Type": name("EmbeddedFile"),
            "/Subtype": mime_subtype(media_type),
            "/Params": ref(params_number),
        }
    )
    stream_number = out.add_stream(stream_dict, measured, compress=compress)
    digest = measured.sha256.hexdigest()
    if digest != expected_sha256 or (expected_size is not None and measured.size != expected_size):
        raise ExportFailed(
            f"The file {file_name} read from the vault does not match its recorded SHA-256. "
            "Nothing was written; run 'evidencekit verify-vault'.",
            detail=f"expected {expected_sha256}, read {digest}",
        )
    out.write_object(
        params_number,
        generic.DictionaryObject(
            {
                "/Size": generic.NumberObject(measured.size),
                "/ModDate": text(pdf_date(modified)),
                "/CheckSum": generic.ByteStringObject(measured.md5.digest()),
            }
        ),
    )
    embedded = generic.DictionaryObject({"/F": ref(stream_number), "/UF": ref(stream_number)})
    filespec = out.add_object(
        generic.DictionaryObject(
            {
                "/Type": name("Filespec"),
                "/F": text(_ascii_name(file_name)),
                "/UF": text(file_name),
                "/Desc": text(description),
                "/AFRelationship": name(relationship),
                "/EF": embedded,
            }
        )
    )
    log.debug("attached a file of %d bytes", measured.size)
    return WrittenFile(file_name, filespec, measured.size, digest)


def _key_bytes(file_name: str) -> bytes:
    """How a name-tree key is compared: the bytes of the string as it is written (PDFDoc
    encoding when possible, else UTF-16BE with its byte-order mark, as pyHanko writes it)."""
    try:
        return generic.TextStringEncoding.PDF_DOC.encode(file_name)
    except UnicodeEncodeError:
        return generic.TextStringEncoding.UTF16BE.encode(file_name)


def write_name_tree(out: PdfOut, files: list[WrittenFile]) -> int:
    """The /EmbeddedFiles name tree (one node: keys sorted as the PDF standard requires)."""
    names = generic.ArrayObject()
    for written in sorted(files, key=lambda f: _key_bytes(f.name)):
        names.append(text(written.name))
        names.append(ref(written.filespec))
    return out.add_object(generic.DictionaryObject({"/Names": names}))


def af_array(files: list[WrittenFile]) -> generic.ArrayObject:
    return generic.ArrayObject(ref(f.filespec) for f in files)

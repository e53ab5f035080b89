"""Verify a bundle offline, with nothing but the PDF (and, optionally, certificates to trust).

`verify_bundle` never raises for what the file contains: garbage, an empty file, a cut or
altered bundle, an unsigned PDF or one signed by someone else all give a report with a verdict.
It raises `InputFileError` only when the path cannot be read at all (missing, a folder, no
permission). A file that is not a PDF gives a report with `readable=False` (the CLI exits 2);
a damaged PDF is `invalid` (exit 1).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from cryptography import x509
from pyhanko.pdf_utils.misc import PdfDecodeLimitError
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.errors import InputFileError
from evidencekit.seal.cms import quiet_pyhanko
from evidencekit.verify import limits, objstreams, pdfguard
from evidencekit.verify import texts as T
from evidencekit.verify.checks import BundleReport, Check, Status, failed, passed
from evidencekit.verify.content import check_content
from evidencekit.verify.pdfread import READ_ERRORS, not_a_pdf
from evidencekit.verify.signature import check_signature, signer_row
from evidencekit.verify.trust import Trust, untrusted_advice

log = logging.getLogger(__name__)

_TAIL_SCAN = 1024 * 1024


class _Window(io.RawIOBase):
    """The first `size` bytes of a file, as a file: pyHanko reads the document as it was
    signed, while the bytes appended after it are reported separately."""

    def __init__(self, raw: BinaryIO, size: int) -> None:
        self._raw, self._size, self._pos = raw, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self._size - self._pos)
        if count <= 0:
            return 0
        self._raw.seek(self._pos)
        data = self._raw.read(count)
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


def _end_of_pdf(handle: BinaryIO, size: int) -> int:
    """Where the PDF ends: just after its last %%EOF marker (and its line end), else `size`."""
    position = size
    carry = b""
    while position > 0:
        limits.check_time()
        start = max(0, position - _TAIL_SCAN)
        handle.seek(start)
        block = handle.read(position - start) + carry
        found = block.rfind(b"%%EOF")
        if found >= 0:
            end = start + found + 5
            handle.seek(end)
            after = handle.read(2)
            if after.startswith(b"\r\n"):
                end += 2
            elif after[:1] in (b"\n", b"\r"):
                end += 1
            return end
        carry = block[:5]
        position = start
    return size


def _appended(size: int, end: int) -> Check | None:
    if end >= size:
        return None
    return failed("appended data", T.APPENDED.format(size=T.number(size - end)))


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise InputFileError(f"There is no file “{path}”.") from exc
    except IsADirectoryError as exc:
        raise InputFileError(f"“{path}” is a folder, not a bundle.") from exc
    except OSError as exc:
        raise InputFileError(f"“{path}” cannot be read: {exc.strerror}.") from exc


def verify_bundle(
    path: Path | str,
    *,
    trusted_certs: Sequence[x509.Certificate] = (),
    trusted_fingerprints: Sequence[str] = (),
) -> BundleReport:
    """Check a bundle: its PDF signature and timestamps, every attached file's SHA-256, each
    item's seal and timestamps, and the custody chain. See the module docstring for errors.

    `trusted_certs` (the CLI's --trust) are certificates the reader trusts: the signer's (or
    one it was issued under) and timestamp authorities' roots. A timestamp counts as trusted
    when its authority leads to one of them or to the built-in roots (`verify.trust`); a
    signer that leads to none of them fails, unless every one of them is a timestamp
    authority's root.

    `trusted_fingerprints` (the CLI's --trust-fingerprint, the app's fingerprint field) are
    SHA-256 fingerprints of the signer's certificate the reader confirmed with the person who
    gave the bundle; a malformed one raises ValueError (`trust.parse_fingerprint`) before the
    file is read. A signer confirmed neither way is indeterminate (exit 4), never valid; one
    that is not the confirmed key fails.

    pyHanko's validation runs an event loop of its own: call this from a thread that is not
    running one (the CLI's main thread, or `asyncio.to_thread` from a job)."""
    path = Path(path)
    trust = Trust.of(trusted_certs, fingerprints=trusted_fingerprints)
    with _open(path) as handle, quiet_pyhanko():
        reason = not_a_pdf(handle)
        if reason is not None:
            return BundleReport(str(path), False, (failed("pdf", reason),))
        size = handle.seek(0, os.SEEK_END)
        try:
            # One budget for the whole verification (verify.limits): past it, one failed row.
            with limits.budget_for(size), pdfguard.guard_xref_streams():
                return _verify(path, handle, trust)
        except limits.LimitExceeded as exc:
            return BundleReport(str(path), True, (failed("pdf", exc.reason),))
        except PdfDecodeLimitError:  # pyHanko's own decoding limits (pdfguard.decode_limits)
            cap = T.number(limits.STREAM_CAP // limits.MIB)
            return BundleReport(str(path), True, (failed("pdf", T.LIMIT_STREAM.format(cap=cap)),))
        except Exception as exc:  # noqa: BLE001 - hostile input gets a verdict, never a crash
            # Only the exception type: its message may quote bytes of the file.
            log.debug("verification stopped: %s", type(exc).__name__)
            return BundleReport(
                str(path),
                True,
                (failed("pdf", T.NOT_CHECKED_TO_END.format(error=type(exc).__name__)),),
            )


def _verify(path: Path, handle: BinaryIO, trust: Trust) -> BundleReport:
    size = handle.seek(0, os.SEEK_END)
    end = _end_of_pdf(handle, size)
    rows: list[Check] = []
    appended = _appended(size, end)
    if appended is not None:
        rows.append(appended)
    stream: BinaryIO = handle
    if end < size:
        stream = io.BufferedReader(_Window(handle, end), buffer_size=64 * 1024)
    try:
        reader = PdfFileReader(stream, strict=False, decode_limits=pdfguard.decode_limits())
        revisions = reader.total_revisions
        limits.check_revisions(revisions)
        _ = reader.root
        # Before anything is compared: objects pyHanko and a viewer would read differently.
        two_readings = objstreams.problem(reader)
    except READ_ERRORS as exc:
        log.debug("not readable as a PDF: %s", type(exc).__name__)
        rows.append(failed("pdf", T.PDF_DAMAGED))
        return BundleReport(str(path), True, tuple(rows))
    if two_readings is not None:
        rows.append(failed("pdf", two_readings))
        return BundleReport(str(path), True, tuple(rows))
    readable = T.PDF_READABLE.format(size=T.number(end), revisions=T.revisions(revisions))
    rows.append(passed("pdf", readable))
    signature_rows, facts = check_signature(reader, end, trust)
    content_rows, content_facts = check_content(reader, facts.fingerprint, trust)
    if facts.signer is not None:
        # Last: only now is it known which certificates given with --trust were timestamp
        # authorities' roots (see verify_signature.signer_row).
        signature_rows.insert(facts.signer.position, signer_row(facts.signer, trust))
    rows += signature_rows + content_rows
    # Advice only where it can change the answer: an extra token from an unknown authority
    # beside a trusted one does not.
    unsure = any(r.status is Status.INDETERMINATE for r in rows)
    advice = untrusted_advice(trust, str(path)) if unsure else None
    return BundleReport(
        str(path),
        True,
        tuple(rows),
        {
            "pades_level": facts.level,
            "signer_fingerprint": facts.fingerprint,
            "signer": facts.subject,
            "signed_at": facts.signed_at,
            "signed_at_trusted": facts.signed_at_trusted,
            "signer_clock": facts.signer_clock,
            **content_facts,
        },
        advice=(advice.en,) if advice else (),
        advice_sq=(advice.sq,) if advice else (),
    )

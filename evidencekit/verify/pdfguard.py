"""pyHanko's side of the verifier's limits (`verify.limits`): the decoding limits handed to its
reader, and a check of every cross-reference stream's declared size before pyHanko reads it.

pyHanko bounds what its own decoders inflate (`DecodeLimits`, a documented parameter of
`PdfFileReader`), but not how many entries it reads from a cross-reference stream: with
strict=False (the verifier reads damaged files too) a stream that declares 200 million entries
and holds none makes it build 200 million entries from defaults (minutes, gigabytes). pyHanko
offers no hook there, so `guard_xref_streams` wraps the one function that reads them,
`pyhanko.pdf_utils.xref.parse_xref_stream` (and `parse_xref_table`, to count sections: a
chain of thousands of updates stops at the first past `limits.MAX_REVISIONS`), for the
duration of a verification. The wrapper
acts only when the running context has a verification budget (`limits.current()`), so other
threads using pyHanko at the same time (an export signing a bundle) are not affected, and it
is put back when the last verification ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pyhanko.pdf_utils import xref as pyhanko_xref
from pyhanko.pdf_utils.decode_limits import DecodeLimits, DocumentDecodeBudget, StreamDecodeLimits

from evidencekit.verify import limits
from evidencekit.verify import texts as T

_original = pyhanko_xref.parse_xref_stream
_original_table = pyhanko_xref.parse_xref_table
_lock = threading.Lock()
_users = 0


def decode_limits() -> DecodeLimits:
    """pyHanko's limits for the verifier's reader: each stream at most `limits.STREAM_CAP`, all
    together the same total as our own inflating (`limits.inflate_total`); pyHanko's tighter
    limits for object streams and certificates stay."""
    return DecodeLimits(
        per_stream=StreamDecodeLimits(max_output_size=limits.STREAM_CAP),
        document_budget=DocumentDecodeBudget(
            base_allowance=limits.INFLATE_BASE, max_ratio=limits.INFLATE_RATIO
        ),
    )


def declared_entries(stream: Any) -> int | None:
    """How many entries a cross-reference stream declares: the sum of its /Index counts, or its
    /Size without /Index; None when they are not numbers (pyHanko then refuses it itself)."""
    try:
        ranges = stream.get("/Index")
        if ranges is None:
            return max(0, int(stream["/Size"]))
        counts = [int(ranges[i + 1]) for i in range(0, len(ranges) - 1, 2)]
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return sum(max(0, c) for c in counts)


def _guarded(xref_stream: Any, strict: bool = True) -> Iterator[Any]:
    budget = limits.current()
    if budget is None:
        yield from _original(xref_stream, strict)
        return
    budget.charge_section()
    declared = declared_entries(xref_stream)
    if declared is not None:
        budget.charge_entries(declared)
    yield from _once_each(_original(xref_stream, strict), budget)


def _guarded_table(stream: Any, strict: bool) -> Iterator[Any]:
    # A classic table's rows are 20 bytes each, read from the file: the file's size bounds
    # them. Only the number of tables is counted, so that a chain of thousands of tiny updates
    # stops at the first one past the limit rather than after pyHanko has read them all.
    budget = limits.current()
    if budget is None:
        yield from _original_table(stream, strict)
        return
    budget.charge_section()
    yield from _once_each(_original_table(stream, strict), budget)


def _once_each(entries: Iterator[Any], budget: limits.Budget) -> Iterator[Any]:
    """The entries of one cross-reference section, refused at the second naming the same
    object: pyHanko keeps the last of them, poppler, pdf.js and qpdf the first, so a section
    listing a link annotation twice (a white square over the page first, the genuine one
    last) shows a viewer a blank page where the verifier compares the genuine one."""
    seen: set[int] = set()
    for entry in entries:
        budget.tick()
        if entry.idnum in seen and entry.idnum != 0:
            raise limits.LimitExceeded(T.XREF_LISTS_TWICE.format(number=entry.idnum))
        seen.add(entry.idnum)
        yield entry


@contextmanager
def guard_xref_streams() -> Iterator[None]:
    """For the code run inside: cross-reference streams are checked against the budget."""
    global _users
    with _lock:
        _users += 1
        pyhanko_xref.parse_xref_stream = _guarded
        pyhanko_xref.parse_xref_table = _guarded_table
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                pyhanko_xref.parse_xref_stream = _original
                pyhanko_xref.parse_xref_table = _original_table

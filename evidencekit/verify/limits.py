"""Hard limits for one verification, so that a small file made to hang or exhaust the verifier
gets an `invalid` verdict in seconds and in little memory (issue 11):

- cross-reference entries: no more than the file's size allows (`entries_allowed`);
- inflated bytes: each attachment no larger than bundle.json says (checked as it is inflated,
  `pdfread.digest`), any other stream `STREAM_CAP`, and all of them together `inflate_total`;
- revisions: no more than `MAX_REVISIONS` (`check_revisions`);
- time: one deadline for the whole verification (`time_allowed`), checked in the verifier's
  loops.

The budget lives in a context variable set by `verify_bundle` (`budget_for`), so that the
modules that read the file charge it without a parameter through every call. Past a limit they
raise `LimitExceeded`, which carries the reason in both languages; the verifier turns it into
one failed row. Outside a verification (`current()` is None) nothing is limited.

Standard library only: pyHanko's side of these limits is in `verify.pdfguard`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T

MIB = 1024 * 1024

# Any one stream pyHanko decodes for us (object and cross-reference streams, pictures): far
# above what a bundle's pages hold, far below what would exhaust a computer.
STREAM_CAP = 256 * MIB
# All inflated bytes together: at least this much, or this many times the file's size. The
# same rule and numbers as pyHanko's own budget for untrusted documents (DocumentDecodeBudget):
# export stores pictures, video and archives as they are and deflates only text, so a genuine
# bundle inflates to a few times its size.
INFLATE_BASE = 256 * MIB
INFLATE_RATIO = 100
# Each cross-reference entry is an object number, and every object needs bytes in the file: a
# classic xref row alone is 20 bytes (export and pyHanko's updates write only those), the
# smallest object on its own ("1 0 obj 0 endobj") 16. One entry per 10 bytes leaves room.
BYTES_PER_ENTRY = 10
# Time: a genuine bundle is read about twice (the signature's digest, then each attachment's);
# half a second per MiB allows a slow USB stick, and the base a slow computer.
TIME_BASE = 20.0
TIME_PER_MIB = 0.5
# Revisions (versions saved one after another): export writes at most 3 (the signed document,
# its validation data, a document timestamp). pyHanko looks every object up through every
# revision, so thousands of tiny updates make each read slow; past this many it stops.
MAX_REVISIONS = 100
# How often loops that cannot afford a clock call on every turn look at the deadline.
EVERY = 4096


class LimitExceeded(Exception):
    """A limit of `verify.limits` was passed; `reason` says which, in both languages."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


def entries_allowed(file_size: int) -> int:
    return max(1, file_size // BYTES_PER_ENTRY)


def inflate_total(file_size: int) -> int:
    return max(INFLATE_BASE, INFLATE_RATIO * file_size)


def time_allowed(file_size: int) -> float:
    return TIME_BASE + TIME_PER_MIB * file_size / MIB


@dataclass
class Budget:
    """What one verification may still spend."""

    file_size: int
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0
    seconds: float = 0.0
    inflated: int = 0
    entries: int = 0
    sections: int = 0
    _ticks: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.seconds = time_allowed(self.file_size)

    def check_time(self) -> None:
        if self.clock() - self.started > self.seconds:
            raise LimitExceeded(
                T.LIMIT_TIME.format(seconds=T.number(round(self.seconds)), size=_mib(self))
            )

    def tick(self) -> None:
        """`check_time`, but only every `EVERY` calls: for tight loops."""
        self._ticks += 1
        if self._ticks % EVERY == 0:
            self.check_time()

    def charge_inflated(self, count: int) -> None:
        self.inflated += count
        cap = inflate_total(self.file_size)
        if self.inflated > cap:
            raise LimitExceeded(T.LIMIT_INFLATE.format(cap=T.number(cap // MIB), size=_mib(self)))
        self.check_time()

    def charge_section(self) -> None:
        """One more cross-reference section (a table, or a stream: both for a hybrid file)."""
        self.sections += 1
        if self.sections > 2 * MAX_REVISIONS:
            raise LimitExceeded(T.LIMIT_REVISIONS.format(cap=MAX_REVISIONS))
        self.check_time()

    def charge_entries(self, count: int) -> None:
        """Cross-reference entries a section declares, before any is read."""
        self.entries += count
        cap = entries_allowed(self.file_size)
        if self.entries > cap:
            raise LimitExceeded(
                T.LIMIT_XREF.format(entries=T.number(self.entries), size=T.number(self.file_size))
            )


def check_revisions(count: int) -> None:
    """A file with more revisions than `MAX_REVISIONS`: LimitExceeded."""
    if count > MAX_REVISIONS:
        raise LimitExceeded(T.LIMIT_REVISIONS.format(cap=MAX_REVISIONS))


def _mib(budget: Budget) -> Bi:
    return T.number(max(1, round(budget.file_size / MIB)))


_current: ContextVar[Budget | None] = ContextVar("evidencekit_verify_budget", default=None)


def current() -> Budget | None:
    """The budget of the verification under way in this context, or None."""
    return _current.get()


@contextmanager
def budget_for(file_size: int, clock: Callable[[], float] = time.monotonic) -> Iterator[Budget]:
    """The limits of one verification of a file of `file_size` bytes, for the code run inside."""
    budget = Budget(file_size, clock)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def check_time() -> None:
    """Past the verification's deadline: LimitExceeded. Outside a verification: nothing."""
    budget = _current.get()
    if budget is not None:
        budget.check_time()


def charge_inflated(count: int) -> None:
    """Count `count` more inflated bytes against the verification's total."""
    budget = _current.get()
    if budget is not None:
        budget.charge_inflated(count)

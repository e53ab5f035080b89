"""How long each stage of a capture took, on one monotonic clock, for its metadata and the
benchmark (issue 15). They are evidence of what the tool did and in which order.

One `RunTimings` per job (a CLI process, a GUI batch): the stages every page of the run shares
(the process becoming ready, the vault's key being derived, the browser starting, the browser
and vault closing) and a `PageTimings` per address for its own stages (navigate, load, scroll,
network quiet, each artifact, store, timestamp). Times are milliseconds from the run's origin:
the process's start where the system says when that was (Linux ``/proc``), else the moment the
job began. Stages of one page may overlap (artifacts taken side by side): each has its own
start and end, so the overlap is visible.

``metadata.json`` is sealed before the page is stored, so its "timings" block holds the stages
up to the metadata itself; storing, signing, time-stamping and closing come after it and are in
the capture's result (`StoredCapture.timings`, the CLI's ``--json`` "timings").
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: What the numbers mean, written into every timings block.
CLOCK = "monotonic clock, milliseconds from the origin"


def process_start_monotonic() -> float | None:
    """When this process started, on `time.monotonic()`'s clock, or None where unknown.

    Linux gives the start in clock ticks since boot (/proc/self/stat, field 22); the boot-time
    clock gives now since boot, so their difference is the process's age (10 ms resolution).
    """
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is None:
        return None
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        age_s = time.clock_gettime(boottime) - started_s
    except (OSError, ValueError, IndexError):
        return None
    if not 0 <= age_s < 86_400 * 365:
        return None
    return time.monotonic() - age_s


@dataclass
class Span:
    """One stage: its name, where it belongs (the whole run or one page), start and end."""

    stage: str
    scope: str  # "run" or "page"
    start: float
    end: float | None = None
    note: str | None = None

    def as_json(self, origin: float) -> dict[str, Any]:
        assert self.end is not None
        start_ms = max(0, round((self.start - origin) * 1000))
        end_ms = max(start_ms, round((self.end - origin) * 1000))
        entry: dict[str, Any] = {
            "stage": self.stage,
            "scope": self.scope,
            "start_ms": start_ms,
            "end_ms": end_ms,
            "duration_ms": end_ms - start_ms,
        }
        if self.note:
            entry["note"] = self.note
        return entry


class _Recorder:
    scope = "page"

    def __init__(self, origin: float) -> None:
        self.origin = origin
        self.spans: list[Span] = []

    def begin(self, stage: str, note: str | None = None) -> Span:
        span = Span(stage, self.scope, time.monotonic(), note=note)
        self.spans.append(span)
        return span

    @staticmethod
    def end(span: Span) -> None:
        if span.end is None:
            span.end = time.monotonic()

    @contextlib.contextmanager
    def span(self, stage: str, note: str | None = None) -> Iterator[Span]:
        """Time the block as `stage` (also when it raises: the time was spent)."""
        started = self.begin(stage, note)
        try:
            yield started
        finally:
            self.end(started)

    def add(self, stage: str, start: float, end: float, note: str | None = None) -> None:
        self.spans.append(Span(stage, self.scope, start, end, note))


class RunTimings(_Recorder):
    """The stages a whole run shares, and the clock its pages use."""

    scope = "run"

    def __init__(self, *, from_process_start: bool = True) -> None:
        process = process_start_monotonic() if from_process_start else None
        self.origin_name = "process start" if process is not None else "job start"
        super().__init__(process if process is not None else time.monotonic())

    def ready(self) -> None:
        """Record "process-ready": from the process's start until now (imports, arguments)."""
        if self.origin_name == "process start":
            self.add("process-ready", self.origin, time.monotonic())

    def page(self) -> PageTimings:
        return PageTimings(self)


class PageTimings(_Recorder):
    """One address's stages, on its run's clock."""

    def __init__(self, run: RunTimings) -> None:
        super().__init__(run.origin)
        self.run = run

    def as_json(self) -> dict[str, Any]:
        """Finished stages of the run and of this page, ordered by start (then end)."""
        done = [s for s in (*self.run.spans, *self.spans) if s.end is not None]
        rows = [s.as_json(self.origin) for s in done]
        rows.sort(key=lambda r: (r["start_ms"], r["end_ms"]))
        return {"clock": CLOCK, "origin": self.run.origin_name, "stages": rows}


__all__ = ["CLOCK", "PageTimings", "RunTimings", "Span", "process_start_monotonic"]

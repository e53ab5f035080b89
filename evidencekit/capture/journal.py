"""The running record of one capture: each thing done to the page, warnings, the current step.

Every module that touches the page writes here, so the metadata can say exactly what the
capture did (Berkeley Protocol ¶153-154: document every alteration the process makes).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from evidencekit.clock import iso_z_ms, utc_now

log = logging.getLogger(__name__)


class Journal:
    """Actions, warnings and the step in progress, for one capture."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.started_at = utc_now()
        self._t0 = time.monotonic()
        self.actions: list[dict[str, Any]] = []
        self.warnings: list[str] = []
        self.step = "starting"
        self._progress = progress
        self.deadline: float | None = None  # time.monotonic() by which the capture must end

    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self._t0) * 1000)

    def remaining_s(self) -> float | None:
        """Seconds left before the capture's hard limit (None when it has none)."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def stage(self, name: str) -> None:
        """Enter one of the coarse stages reported to the caller (opening, loading, ...)."""
        self.step = name
        if self._progress is not None:
            self._progress(name)

    def doing(self, step: str) -> None:
        """Name the finer step now running (shown if the capture runs out of time)."""
        self.step = step

    def act(self, kind: str, detail: str, **data: Any) -> None:
        """Record one thing the capture did or saw the page do."""
        entry: dict[str, Any] = {
            "time": iso_z_ms(utc_now()),
            "elapsed_ms": self.elapsed_ms(),
            "kind": kind,
            "detail": detail,
        }
        if data:
            entry["data"] = data
        self.actions.append(entry)
        log.debug("capture action: %s", kind)

    def warn(self, text: str) -> None:
        """Record a completeness warning (once)."""
        if text not in self.warnings:
            self.warnings.append(text)

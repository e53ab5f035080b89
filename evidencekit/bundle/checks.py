"""The verifier's answer: one row per check, each passed, failed or indeterminate, and a verdict.

`valid`: every check passed. `invalid`: at least one failed (tampering or corruption, or not an
EvidenceKit bundle at all). `indeterminate`: nothing failed, but something could not be
established (no trusted timestamp, an item never time-stamped).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from evidencekit.errors import EXIT_FAILED, EXIT_USAGE
from evidencekit.seal.tokens import TokenCheck

VALID, INVALID, INDETERMINATE = "valid", "invalid", "indeterminate"

CLOCK_TOLERANCE = dt.timedelta(minutes=10)
"""How far a computer's clock may be ahead of a timestamp authority's before the two times
contradict each other: laptops' clocks drift, and some are set by hand."""


class Status(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    INDETERMINATE = "indeterminate"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    @property
    def ok(self) -> bool:
        return self.status is Status.PASSED

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "status": str(self.status), "detail": self.detail}


def tsa_label(check: TokenCheck) -> str:
    """A timestamp authority's name for people: its certificate's common name (and
    organisation), else the name the token gives, else its certificate's subject."""
    if check.tsa_cert_chain_der:
        try:
            subject = x509.load_der_x509_certificate(check.tsa_cert_chain_der[0]).subject
        except ValueError:
            subject = None
        if subject is not None:
            common = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            org = subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
            if common:
                label = str(common[0].value)
                owner = str(org[0].value) if org else ""
                return f"{label} ({owner})" if owner and owner not in label else label
    return check.tsa_name or check.tsa_subject or "an unnamed timestamp authority"


def when(moment: dt.datetime | None) -> str:
    """A moment for people: "2024-05-01 10:00:04 UTC"."""
    if moment is None:
        return "an unknown time"
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def span(delta: dt.timedelta) -> str:
    """A time difference for people, rounded: "25 minutes", "20 hours", "3 days"."""
    minutes = round(abs(delta.total_seconds()) / 60)
    if minutes < 120:
        return f"{minutes} minute{'' if minutes == 1 else 's'}"
    hours = round(minutes / 60)
    if hours < 48:
        return f"{hours} hours"
    return f"{round(hours / 24)} days"


def parse_utc(value: object) -> dt.datetime | None:
    """An ISO 8601 time as written in a manifest or the custody log ("…Z"), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def dated_before(stamped: dt.datetime, claimed: dt.datetime) -> bool:
    """True when a timestamp authority's time lies before what the computer wrote by more than
    the tolerance: the token cannot be later than the thing it covers, so one of the two clocks
    is wrong, or the thing was back-dated."""
    return stamped < claimed - CLOCK_TOLERANCE


def passed(name: str, detail: str) -> Check:
    return Check(name, Status.PASSED, detail)


def failed(name: str, detail: str) -> Check:
    return Check(name, Status.FAILED, detail)


def unsure(name: str, detail: str) -> Check:
    return Check(name, Status.INDETERMINATE, detail)


@dataclass(frozen=True)
class BundleReport:
    """What `verify_bundle` found. `readable` is False only when the input is not a PDF at all."""

    path: str
    readable: bool
    checks: tuple[Check, ...]
    facts: dict[str, Any] = field(default_factory=dict)  # bundle id, level, fingerprints, ...
    advice: tuple[str, ...] = ()  # what the reader can do to settle what stayed indeterminate

    @property
    def verdict(self) -> str:
        if not self.readable or any(c.status is Status.FAILED for c in self.checks):
            return INVALID
        if any(c.status is Status.INDETERMINATE for c in self.checks) or not self.checks:
            return INDETERMINATE
        return VALID

    @property
    def exit_code(self) -> int:
        """The CLI contract: 0 valid, 1 invalid or indeterminate, 2 not a readable PDF."""
        if not self.readable:
            return EXIT_USAGE
        return 0 if self.verdict == VALID else EXIT_FAILED

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "verdict": self.verdict,
            "readable_pdf": self.readable,
            **self.facts,
            "checks": [c.to_json() for c in self.checks],
            "advice": list(self.advice),
        }

    def summary(self) -> str:
        """One line per check, for people."""
        marks = {Status.PASSED: "ok  ", Status.FAILED: "FAIL", Status.INDETERMINATE: "??  "}
        lines = [f"Verdict: {self.verdict.upper()}"]
        lines += [f"  [{marks[c.status]}] {c.name}: {c.detail}" for c in self.checks]
        if self.advice:
            lines += ["", "What you can do:"] + [f"  - {a}" for a in self.advice]
        return "\n".join(lines)

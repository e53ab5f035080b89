"""The verifier's answer: one row per check, each passed, failed or indeterminate, and a verdict.

`valid`: every check passed. `invalid`: at least one failed (tampering or corruption, or not an
EvidenceKit bundle at all). `indeterminate`: nothing failed, but something could not be
established (no trusted timestamp, an item never time-stamped).
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from evidencekit.bilingual import Bi
from evidencekit.clock import iso_z_s, parse_iso_z
from evidencekit.errors import EXIT_FAILED, EXIT_INDETERMINATE, EXIT_USAGE
from evidencekit.seal.tokens import TokenCheck
from evidencekit.verify import texts as T
from evidencekit.verify.identities import grouped

VALID, INVALID, INDETERMINATE = "valid", "invalid", "indeterminate"

CLOCK_TOLERANCE = dt.timedelta(minutes=10)
"""How far a computer's clock may be ahead of a timestamp authority's before the two times
contradict each other: laptops' clocks drift, and some are set by hand."""


class Status(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    INDETERMINATE = "indeterminate"


def printable(text: str) -> str:
    """`text` with every control and format character replaced by U+FFFD.

    Whatever a bundle supplies is printed by the CLI and shown by the app. ANSI escape
    sequences (ESC, CSI) can repaint a terminal ("Verdict: VALID" over an unsigned file),
    carriage returns and line breaks can forge extra rows, and bidirectional overrides can
    reverse what a reader sees. The verifier's own sentences have none of these."""
    if text.isprintable():
        return text
    return "".join(
        c if c == " " or unicodedata.category(c) not in _UNPRINTABLE else "\ufffd" for c in text
    )


def printable_facts(value: Any) -> Any:
    """`printable` over every string (keys too) in facts made of dicts, lists and scalars."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_facts(k): printable_facts(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(printable_facts(v) for v in value)
    return value


_UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    message: Bi  # what the row says, in both languages, made from one template

    def __post_init__(self) -> None:
        # Rows quote what the bundle says (its id, names, custody actions): a forger's
        # control characters must never reach a terminal or a screen (see `printable`).
        object.__setattr__(self, "name", printable(self.name))
        object.__setattr__(
            self, "message", Bi(printable(self.message.en), printable(self.message.sq))
        )

    @property
    def ok(self) -> bool:
        return self.status is Status.PASSED

    @property
    def detail(self) -> str:
        """English: the CLI's words, and what scripts may match on."""
        return self.message.en

    @property
    def detail_sq(self) -> str:
        """The same in Albanian (every verifier row has one)."""
        return self.message.sq

    def text(self, lang: str = "en") -> str:
        return self.message.sq if lang == "sq" and self.message.sq else self.message.en

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "status": str(self.status),
            "detail": self.detail,
            "detail_sq": self.detail_sq,
        }


def tsa_name(check: TokenCheck) -> str:
    """A timestamp authority's name for people: its certificate's common name (and
    organisation), else the name the token gives, else its certificate's subject; "" when it
    has none."""
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
    return check.tsa_name or check.tsa_subject or ""


def tsa_label(check: TokenCheck) -> Bi:
    """The authority's name in a sentence (a name is the same in both languages)."""
    name = tsa_name(check)
    return Bi.same(name) if name else T.UNNAMED_TSA


def iso(moment: dt.datetime | None) -> str:
    """A moment as the report's facts give it: ISO 8601 in UTC ("…Z"), "" when unknown."""
    if moment is None:
        return ""
    return iso_z_s(moment)


def parse_utc(value: object) -> dt.datetime | None:
    """An ISO 8601 time as written in a manifest or the custody log ("…Z"), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = parse_iso_z(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def dated_before(stamped: dt.datetime, claimed: dt.datetime) -> bool:
    """True when a timestamp authority's time lies before what the computer wrote by more than
    the tolerance: the token cannot be later than the thing it covers, so one of the two clocks
    is wrong, or the thing was back-dated."""
    return stamped < claimed - CLOCK_TOLERANCE


# A row is made from a `Bi`, never from a bare string: both languages come from one template.
def passed(name: str, detail: Bi) -> Check:
    return Check(name, Status.PASSED, detail)


def failed(name: str, detail: Bi) -> Check:
    return Check(name, Status.FAILED, detail)


def unsure(name: str, detail: Bi) -> Check:
    return Check(name, Status.INDETERMINATE, detail)


@dataclass(frozen=True)
class BundleReport:
    """What `verify_bundle` found. `readable` is False only when the input is not a PDF at all."""

    path: str
    readable: bool
    checks: tuple[Check, ...]
    facts: dict[str, Any] = field(default_factory=dict)  # bundle id, level, fingerprints, ...
    advice: tuple[str, ...] = ()  # what the reader can do to settle what stayed indeterminate
    advice_sq: tuple[str, ...] = ()  # the same advice in Albanian

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", printable_facts(self.facts))
        object.__setattr__(self, "advice", tuple(printable(a) for a in self.advice))
        object.__setattr__(self, "advice_sq", tuple(printable(a) for a in self.advice_sq))

    @property
    def verdict(self) -> str:
        if not self.readable or any(c.status is Status.FAILED for c in self.checks):
            return INVALID
        if any(c.status is Status.INDETERMINATE for c in self.checks) or not self.checks:
            return INDETERMINATE
        return VALID

    @property
    def exit_code(self) -> int:
        """The CLI contract: 0 valid, 1 invalid, 2 not a readable PDF, 4 indeterminate (so a
        script can tell "changed" from "not confirmed")."""
        if not self.readable:
            return EXIT_USAGE
        return {VALID: 0, INDETERMINATE: EXIT_INDETERMINATE}.get(self.verdict, EXIT_FAILED)

    @property
    def signer_unconfirmed(self) -> bool:
        """Nothing failed, and the signer's key is not confirmed (no --trust for it, no
        --trust-fingerprint): the reader must confirm it with whoever gave the bundle."""
        return self.verdict == INDETERMINATE and any(
            c.name == "signer" and c.status is Status.INDETERMINATE for c in self.checks
        )

    def meaning(self) -> Bi:
        """What the verdict proves and what it cannot, in plain words; when only the signer's
        key is unconfirmed, "unchanged since it was sealed on …, by key F — confirm F with the
        person who gave you this bundle" (F grouped for reading aloud)."""
        key = grouped(str(self.facts.get("signer_fingerprint") or ""))
        sealed = parse_utc(self.facts.get("signed_at"))
        only_signer = all(c.ok or c.name == "signer" for c in self.checks)
        if self.signer_unconfirmed and only_signer and sealed is not None:
            return T.CONFIRM_KEY.format(when=T.when(sealed), key=key)
        meaning = T.VERDICT_MEANINGS[self.verdict]
        if self.signer_unconfirmed:
            return Bi.join([meaning, T.CONFIRM_KEY_TOO.format(key=key)], " ")
        return meaning

    def headline(self) -> Bi:
        """The verdict line: "Verdict: VALID — " and `meaning`."""
        verdict = T.VERDICT.format(verdict=T.VERDICTS[self.verdict])
        return T.VERDICT_LINE.format(verdict=verdict, meaning=self.meaning())

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "verdict": self.verdict,
            "readable_pdf": self.readable,
            **self.facts,
            "checks": [c.to_json() for c in self.checks],
            "advice": list(self.advice),
            "advice_sq": list(self.advice_sq),
        }

    def summary(self, lang: str = "en") -> str:
        """One line per check, for people, in English or Albanian (`lang` "sq")."""

        def say(text: Bi) -> str:
            return text.sq if lang == "sq" else text.en

        marks = {Status.PASSED: "ok  ", Status.FAILED: "FAIL", Status.INDETERMINATE: "??  "}
        lines = [say(self.headline())]
        lines += [
            f"  [{marks[c.status]}] {say(T.check_name(c.name))}: {c.text(lang)}"
            for c in self.checks
        ]
        advice = self.advice_sq if lang == "sq" and self.advice_sq else self.advice
        if advice:
            lines += ["", say(T.WHAT_YOU_CAN_DO)] + [f"  - {a}" for a in advice]
        return "\n".join(lines)

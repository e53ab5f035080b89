"""The clock and the one way EvidenceKit writes and reads UTC times: ISO 8601 with a "Z".

These strings end up inside signed manifests, custody-log hashes and bundle.json, so each
formatter's output is fixed byte for byte; pick the one by the precision the place has always
written, never change a place's precision.
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """The system clock, as an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def _z(moment: dt.datetime, timespec: str) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec=timespec).replace("+00:00", "Z")


def iso_z_ms(moment: dt.datetime) -> str:
    """Milliseconds, e.g. 2024-05-01T10:20:30.123Z (always three digits, truncated)."""
    return _z(moment, "milliseconds")


def iso_z_s(moment: dt.datetime) -> str:
    """Whole seconds, e.g. 2024-05-01T10:20:30Z (a fraction is dropped)."""
    return _z(moment, "seconds")


def iso_z_us(moment: dt.datetime) -> str:
    """Microseconds, e.g. 2024-05-01T10:20:30.123456Z (always six digits)."""
    return _z(moment, "microseconds")


def iso_z_auto(moment: dt.datetime) -> str:
    """`datetime.isoformat`'s default: seconds, plus six digits of microseconds only when
    there are any (2024-05-01T10:20:30Z or 2024-05-01T10:20:30.000001Z)."""
    return _z(moment, "auto")


def now_iso_z_ms() -> str:
    """Now, as `iso_z_ms` writes it: the time stamp of vault rows and custody entries."""
    return iso_z_ms(utc_now())


def parse_iso_z(value: str) -> dt.datetime:
    """A time as the formatters above write it ("…Z", or any ISO 8601 offset) back to a
    datetime. Raises ValueError when it is not ISO 8601; a time without an offset stays naive.
    """
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))

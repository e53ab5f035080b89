"""Make values fit canonical JSON (see `evidencekit.canonical`): no floats, string keys only."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from evidencekit.clock import iso_z_ms

# A lone UTF-16 surrogate: legal in a JavaScript string, not Unicode text, not encodable.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_text(text: str) -> tuple[str, int]:
    """`text` with lone surrogates replaced by U+FFFD, and how many there were.

    A page can hold them (a cut emoji, or on purpose to break tools); they must never stop a
    capture. The bytes the server really sent stay untouched in traffic.warc.gz.
    """
    repaired, count = _LONE_SURROGATE.subn("\ufffd", text)
    return repaired, count


def number_text(value: float) -> str:
    """A non-integer as a string: "0.75", "12.5", "NaN"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


def json_safe(value: Any) -> Any:
    """`value` with floats turned into strings, tuples into lists, datetimes into ISO UTC.

    Raises TypeError for anything with no JSON form (bytes, arbitrary objects).
    """
    if isinstance(value, str):
        return repair_text(value)[0]
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return iso_z_ms(value)
    if isinstance(value, Mapping):
        return {repair_text(str(key))[0]: json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    raise TypeError(f"{type(value).__name__} has no place in capture metadata")

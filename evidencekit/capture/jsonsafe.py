"""Make values fit canonical JSON (see `evidencekit.canonical`): no floats, string keys only."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from evidencekit.capture.journal import iso_utc


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
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    raise TypeError(f"{type(value).__name__} has no place in capture metadata")

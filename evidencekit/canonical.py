"""Canonical JSON: one byte sequence per value, so a hash over it can be recomputed by anyone.

This is RFC 8785 (JSON Canonicalization Scheme) restricted to the values our records use:
objects with string keys, arrays, strings, integers, booleans and null. Floats are refused
because their canonical form is a trap for independent re-implementations; store numbers that
are not integers as strings. Keys are sorted by their UTF-16 code units (as RFC 8785 says),
output is UTF-8 without insignificant whitespace.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any


class NotCanonicalizable(TypeError):
    """A value that has no canonical form here (a float, bytes, an unknown object)."""


_MAX_SAFE_INTEGER = 2**53 - 1


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be", errors="surrogatepass")


def _string(text: str) -> str:
    try:
        text.encode("utf-8")  # lone surrogates are not Unicode text (RFC 8785 3.2.2.2)
    except UnicodeEncodeError as exc:
        raise NotCanonicalizable("a string holds a lone surrogate") from exc
    return json.dumps(text, ensure_ascii=False)


def _encode(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        # RFC 8785 numbers are IEEE 754 doubles: beyond 2**53 other implementations would round.
        if abs(value) > _MAX_SAFE_INTEGER:
            raise NotCanonicalizable(f"integer {value} is too large for canonical JSON")
        out.append(str(value))
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, Mapping):
        out.append("{")
        keys = list(value.keys())
        for key in keys:
            if not isinstance(key, str):
                raise NotCanonicalizable(f"object key {key!r} is not a string")
        for index, key in enumerate(sorted(keys, key=_utf16_key)):
            if index:
                out.append(",")
            out.append(_string(key))
            out.append(":")
            _encode(value[key], out)
        out.append("}")
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        out.append("[")
        for index, element in enumerate(value):
            if index:
                out.append(",")
            _encode(element, out)
        out.append("]")
    else:
        raise NotCanonicalizable(f"{type(value).__name__} has no canonical JSON form")


def canonical_json(value: Any) -> bytes:
    """Return the canonical UTF-8 JSON bytes of `value`."""
    out: list[str] = []
    _encode(value, out)
    return "".join(out).encode("utf-8")

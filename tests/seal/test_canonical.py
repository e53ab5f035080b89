"""Canonical JSON (RFC 8785) as the manifest digest depends on it: the RFC's own examples,
refusals, and round trips through an ordinary JSON parser."""

from __future__ import annotations

import decimal
import json
from typing import Any

import pytest

from evidencekit.canonical import NotCanonicalizable, canonical_json


def test_rfc8785_sorting_example_orders_keys_by_utf16_code_units() -> None:
    # RFC 8785 section 3.2.3: the emoji (surrogates D83D DE00) sorts before U+FB33, which plain
    # code-point order would get the other way round.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    expected = (
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",'
        '"\U0001f600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    )
    assert canonical_json(value) == expected.encode("utf-8")
    assert sorted(value, key=ord) != sorted(value, key=lambda k: k.encode("utf-16-be"))


def test_rfc8785_string_escaping_and_literals_example() -> None:
    # RFC 8785 section 3.2.2, without the "numbers" member (floats are refused here).
    value = {
        "string": "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/",
        "literals": [None, True, False],
    }
    expected = '{"literals":[null,true,false],"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    assert canonical_json(value) == expected.encode("utf-8")


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        ("\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'),
        ("\u0000\u001f", '"\\u0000\\u001f"'),  # other controls: \u with lowercase hex
        ("\u007f\u2028\u00e9", '"\u007f\u2028\u00e9"'),  # not controls: kept as UTF-8
        ("/", '"/"'),  # the solidus is not escaped
    ],
)
def test_string_escapes(text: str, encoded: str) -> None:
    assert canonical_json(text) == encoded.encode("utf-8")


def test_no_whitespace_and_nested_objects_are_sorted_too() -> None:
    value = {"b": [1, {"z": None, "a": -0}], "a": {"y": "", "x": []}}
    assert canonical_json(value) == b'{"a":{"x":[],"y":""},"b":[1,{"a":0,"z":null}]}'


@pytest.mark.parametrize(
    "value",
    [
        1.0,
        float("nan"),
        {"size": 2.5},
        [1, [0.1]],
        decimal.Decimal("1.5"),
        b"bytes",
        {1: "non-string key"},
        {"set": {1, 2}},
        object(),
    ],
)
def test_values_without_a_canonical_form_are_refused(value: Any) -> None:
    with pytest.raises(NotCanonicalizable):
        canonical_json(value)


def test_lone_surrogates_are_refused() -> None:
    # RFC 8785 3.2.2.2: strings must be valid Unicode.
    with pytest.raises(NotCanonicalizable):
        canonical_json({"k": "\ud800"})


def test_lone_surrogates_raise_the_typed_error() -> None:
    with pytest.raises(NotCanonicalizable):
        canonical_json("\udc00")


def test_integers_beyond_double_precision_are_refused() -> None:
    with pytest.raises(NotCanonicalizable):
        canonical_json(2**53 + 1)


SAMPLES: list[Any] = [
    {},
    [],
    "",
    0,
    -(2**53 - 1),
    {"item": {"url": "https://example.org/p?q=1&r=\u00e9", "status": 200, "tags": ["a", "b"]}},
    {"\u00e9": 1, "e\u0301": 2, "\U0001f600": [None, True, False, "\u2028"]},
    [{"deep": [[[{"x": "\u0000"}]]]}],
]


@pytest.mark.parametrize("value", SAMPLES)
def test_round_trip_through_a_json_parser(value: Any) -> None:
    encoded = canonical_json(value)
    decoded = json.loads(encoded.decode("utf-8"))
    assert decoded == value
    assert canonical_json(decoded) == encoded
    # Same as Python's own compact sorted dump for these (BMP keys, no floats).
    if not any("\U0001f600" in str(key) for key in _keys(value)):
        assert encoded == json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [*value.keys(), *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


def test_insertion_order_does_not_matter() -> None:
    first = {"a": 1, "b": {"c": 2, "d": 3}}
    second = {"b": {"d": 3, "c": 2}, "a": 1}
    assert canonical_json(first) == canonical_json(second)

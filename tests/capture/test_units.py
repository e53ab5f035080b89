"""Pieces that need no browser: byte-range assembly, JSON safety, the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencekit.canonical import canonical_json
from evidencekit.capture.jsonsafe import json_safe
from evidencekit.capture.media import assemble_ranges
from evidencekit.capture.screenshot import png_size
from evidencekit.capture.traffic import Exchange

DATA = bytes(range(256)) * 40  # 10,240 bytes


def piece(start: int, end: int, total: int = len(DATA), body: bytes | None = None) -> Exchange:
    ex = Exchange(0, "http://x/v.webm", "GET", "media", dt.datetime.now(dt.UTC), False)
    ex.status = 206
    ex.response_headers = [("Content-Range", f"bytes {start}-{end}/{total}")]
    ex.body = DATA[start : end + 1] if body is None else body
    return ex


def test_ranges_covering_the_file_are_assembled():
    parts = [piece(4096, 10239), piece(0, 4095)]
    assert assemble_ranges(parts) == DATA


def test_overlapping_ranges_that_agree_are_assembled():
    assert assemble_ranges([piece(0, 6000), piece(5000, 10239), piece(100, 200)]) == DATA


@pytest.mark.parametrize(
    "parts",
    [
        [piece(0, 4095), piece(5000, 10239)],  # a gap
        [piece(0, 4095)],  # the end is missing
        [piece(0, 6000), piece(5000, 10239, body=b"\0" * 5240)],  # changed between requests
        [piece(0, 4095), piece(4096, 10239, total=20000)],  # totals disagree
        [piece(0, 4095, body=DATA[:100])],  # body shorter than its range
    ],
)
def test_ranges_that_do_not_add_up_are_refused(parts):
    assert assemble_ranges(parts) is None


def test_json_safe_turns_floats_into_strings():
    value = {"a": 0.75, "b": [1, 2.5, True, None], "c": (1, "x"), "d": float("nan")}
    safe = json_safe(value)
    assert safe == {"a": "0.75", "b": [1, "2.5", True, None], "c": [1, "x"], "d": "NaN"}
    canonical_json(safe)
    moment = dt.datetime(2024, 5, 1, 10, 20, 30, 123000, tzinfo=dt.UTC)
    assert json_safe({"t": moment}) == {"t": "2024-05-01T10:20:30.123Z"}
    with pytest.raises(TypeError):
        json_safe({"raw": b"bytes"})


def test_png_size_reads_the_header_only():
    header = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + (1280).to_bytes(4, "big")
    assert png_size(header + (250_000).to_bytes(4, "big")) == (1280, 250_000)
    with pytest.raises(ValueError):
        png_size(b"GIF89a" + b"\0" * 30)


def test_browser_errors_become_plain_typed_errors():
    """What Chromium says when there is no network at all, or no such site, or no server."""
    from playwright.async_api import Error as PlaywrightError

    from evidencekit.capture.engine import _map_error
    from evidencekit.errors import EXIT_FAILED, ConnectionRefused, HostNotFound, Offline

    offline = _map_error(PlaywrightError("net::ERR_INTERNET_DISCONNECTED at https://x.example/"))
    assert isinstance(offline, Offline) and offline.exit_code == EXIT_FAILED
    assert "not connected to the internet" in str(offline)
    missing = _map_error(PlaywrightError("net::ERR_NAME_NOT_RESOLVED at https://x.invalid/"))
    assert type(missing) is HostNotFound
    refused = _map_error(PlaywrightError("net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/"))
    assert isinstance(refused, ConnectionRefused)

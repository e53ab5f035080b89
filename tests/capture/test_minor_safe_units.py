"""The bytes-side rules of minor-safe capture (capture/minor_safe_bytes.py), without a browser:
data: addresses in their shapes, text left as it was when it holds no picture, a WARC whose
picture bodies are replaced still parsing with each record saying what it replaced."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import io
import json
from typing import Any
from urllib.parse import quote

from warcio.archiveiterator import ArchiveIterator

from evidencekit.capture import minor_safe_bytes as msb
from evidencekit.capture.result import Artifact
from evidencekit.capture.traffic import Exchange
from evidencekit.capture.warc import build_warc
from tests.support.minor_safe_site import Pictures

PNG = Pictures().png
SHA = hashlib.sha256(PNG).hexdigest()
B64 = base64.b64encode(PNG)


def test_data_addresses_in_their_shapes_are_decoded() -> None:
    assert msb.decode_data_url(b"data:image/png;base64," + B64) == ("image/png", PNG)
    escaped = (b"data:image/png;base64," + B64).replace(b"/", b"\\/")  # as JSON may write it
    assert msb.decode_data_url(escaped) == ("image/png", PNG)
    svg = "<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert msb.decode_data_url("data:image/svg+xml," + quote(svg)) == (
        "image/svg+xml",
        svg.encode(),
    )
    assert msb.decode_data_url("data:text/plain,hello") is None
    assert msb.decode_data_url("https://example.org/a.png") is None


def test_text_without_pictures_is_left_as_it_was() -> None:
    text = (
        b'<p>He wrote: "send it"</p><a href="data:text/plain,hi">x</a>'
        b'<script>const token = "' + base64.b64encode(bytes(range(256)) * 2) + b'";</script>'
    )
    assert msb.scrub_bytes(text) == (text, [])
    assert msb.warc_body("text/html", "document", text).note is None


def test_pictures_inside_text_are_replaced_by_a_marker() -> None:
    html = (
        b'<img src="data:image/png;base64,' + B64 + b'">'
        b'<div style="background:url(data:image/png;base64,' + B64 + b')">words</div>'
        b'<script>var p = {"thumb": "' + B64.replace(b"/", b"\\/") + b'"};</script>'
    )
    clean, removed = msb.scrub_bytes(html)
    assert [r["sha256"] for r in removed] == [SHA, SHA, SHA]
    assert B64[:40] not in clean and b"words" in clean
    assert clean.count(msb.marker({"sha256": SHA}).encode()) == 3


def test_metadata_values_are_scrubbed_in_place() -> None:
    metadata = {"page": {"meta": {"og:image": "data:image/png;base64," + B64.decode()}}}
    artifacts = [
        Artifact("screenshot.png", "image/png", PNG),
        Artifact("page.mhtml", "multipart/related", b"MIME " + B64),
        Artifact(
            "page.html",
            "text/html; charset=utf-8",
            b"<img src='data:image/png;base64," + B64 + b"'>",
        ),
        Artifact("metadata.json", "application/json", b"{}"),
    ]
    kept = msb.finish(artifacts, metadata, [])
    assert [a.name for a in kept] == ["screenshot.png", "page.html", "metadata.json"]
    assert B64[:40] not in kept[1].data
    assert SHA in metadata["page"]["meta"]["og:image"]
    assert metadata["minor_safe"]["embedded_pictures_removed"][0]["sha256"] == SHA
    assert B64[:40] not in kept[2].data and json.loads(kept[2].data)["minor_safe"]["on"] is True


def _exchange(seq: int, url: str, kind: str, body: bytes, resource: str) -> Exchange:
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    return Exchange(
        seq=seq,
        url=url,
        method="GET",
        resource_type=resource,
        started_at=now,
        main_frame_navigation=seq == 0,
        status=200,
        status_text="OK",
        response_headers=[("Content-Type", kind), ("Content-Length", str(len(body)))],
        responded_at=now,
        body=body,
    )


def test_the_warc_parses_and_says_what_it_replaced() -> None:
    page = b"<html><body><img src='/p'><img src='data:image/png;base64," + B64 + b"'></body>"
    exchanges = [
        _exchange(0, "http://127.0.0.1/post", "text/html", page, "document"),
        # a picture served under another name: its bytes tell
        _exchange(1, "http://127.0.0.1/p", "application/octet-stream", PNG, "other"),
        _exchange(2, "http://127.0.0.1/app.js", "text/javascript", b"let a = 1;", "script"),
    ]
    warc = build_warc(exchanges, {"software": "test"}, minor_safe=True)
    assert B64[:40] not in gzip.decompress(warc) and PNG[100:164] not in gzip.decompress(warc)
    seen = {}
    for record in ArchiveIterator(io.BytesIO(warc)):
        if record.rec_type == "response":
            uri = record.rec_headers.get_header("WARC-Target-URI")
            seen[uri] = (
                record.rec_headers.get_header("EvidenceKit-Minor-Safe"),
                record.http_headers.get_header("Content-Type"),
                record.http_headers.get_header("X-EvidenceKit-Orig-Content-Type"),
                record.content_stream().read(),
            )
    note, kind, orig, body = seen["http://127.0.0.1/p"]
    assert note.startswith("body-replaced; original-type=image/png") and SHA in note
    assert kind.startswith("text/plain") and orig == "application/octet-stream"
    assert SHA.encode() in body and b"under 18" in body
    note, _, _, body = seen["http://127.0.0.1/post"]
    assert note.startswith("pictures-removed; count=1") and SHA.encode() in body
    assert seen["http://127.0.0.1/app.js"][0] is None  # untouched, and not marked
    assert seen["http://127.0.0.1/app.js"][3] == b"let a = 1;"


def test_a_recapture_of_a_minor_safe_capture_is_minor_safe() -> None:
    from types import SimpleNamespace

    from evidencekit.capture import CaptureSettings
    from evidencekit.jobs.recapture import fitting_settings

    first: Any = SimpleNamespace(metadata={"settings": {"minor_safe": True, "locale": "sq-AL"}})
    assert fitting_settings(first, CaptureSettings()).minor_safe is True
    ordinary: Any = SimpleNamespace(metadata={"settings": {"minor_safe": False}})
    # never downgraded: a recapture asked to be minor-safe stays so
    assert fitting_settings(ordinary, CaptureSettings(minor_safe=True)).minor_safe is True
    assert fitting_settings(ordinary, CaptureSettings()).minor_safe is False

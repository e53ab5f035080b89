"""traffic.warc.gz: valid per `warcio check`, SHA-256 digests, every hop of a redirect chain."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

WARCIO = str(Path(sys.executable).with_name("warcio"))


def warcio_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [WARCIO, "check", "-v", str(path)], capture_output=True, text=True, timeout=60
    )


def records(data: bytes) -> list:
    out = []
    for record in ArchiveIterator(__import__("io").BytesIO(data)):
        out.append(
            (
                record.rec_type,
                record.rec_headers.get_header("WARC-Target-URI"),
                record.http_headers.get_statuscode() if record.http_headers else None,
                dict(record.rec_headers.headers),
                record.content_stream().read(),
            )
        )
    return out


def test_warc_passes_warcio_check_and_holds_each_redirect(capture, site, tmp_path):
    result = capture("/r/start")
    data = result.artifact("traffic.warc.gz").data
    path = tmp_path / "traffic.warc.gz"
    path.write_bytes(data)
    check = warcio_check(path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout
    assert "fail" not in check.stdout.lower()

    recs = records(data)
    assert recs[0][0] == "warcinfo"
    assert b"EvidenceKit/" in recs[0][4]
    responses = {(uri, status) for kind, uri, status, _, _ in recs if kind == "response"}
    assert (site.url("/r/start"), "301") in responses
    assert (site.url("/r/middle"), "302") in responses
    assert (site.url("/r/final"), "200") in responses
    requests = {uri for kind, uri, _, _, _ in recs if kind == "request"}
    assert {site.url("/r/start"), site.url("/r/middle"), site.url("/r/final")} <= requests
    for kind, _, _, headers, _ in recs:
        if kind in ("response", "request"):
            assert headers["WARC-Payload-Digest"].startswith("sha256:")
            assert headers["WARC-Block-Digest"].startswith("sha256:")
    final = next(r for r in recs if r[0] == "response" and r[1] == site.url("/r/final"))
    assert b"REDIRECT-FINAL-MARKER" in final[4]
    assert final[3]["WARC-IP-Address"] == "127.0.0.1"


def test_warcio_check_catches_a_changed_byte(capture, tmp_path):
    """The check above can fail: one byte changed in a stored body is reported."""
    data = gzip.decompress(capture("/r/start").artifact("traffic.warc.gz").data)
    assert data.count(b"REDIRECT-FINAL-MARKER") == 1
    path = tmp_path / "tampered.warc"
    path.write_bytes(data.replace(b"REDIRECT-FINAL-MARKER", b"REDIRECT-FINAL-MARKEX"))
    check = warcio_check(path)
    assert check.returncode != 0
    assert "digest" in (check.stdout + check.stderr).lower()


def test_warc_holds_media_and_video_ranges(capture, site, tmp_path):
    result = capture("/video.html")
    data = result.artifact("traffic.warc.gz").data
    path = tmp_path / "video.warc.gz"
    path.write_bytes(data)
    assert warcio_check(path).returncode == 0
    recs = records(data)
    clip = [r for r in recs if r[0] == "response" and r[1].endswith("/clip.webm")]
    ranges = [r for r in clip if r[2] == "206"]
    assert len(ranges) >= 2
    for _, _, _, _, body in ranges:
        assert body  # each slice holds its bytes
    size = result.artifact("media/clip.webm").size
    whole = [r for r in clip if r[2] == "200"]
    if whole:  # fetched whole by EvidenceKit: marked by a metadata record tied to it
        assert len(whole[0][4]) == size
        notes = [r for r in recs if r[0] == "metadata"]
        assert notes[0][3]["WARC-Concurrent-To"] == whole[0][3]["WARC-Record-ID"]
        assert b"Fetched whole by EvidenceKit" in notes[0][4]
    else:
        assert sum(len(r[4]) for r in ranges) == size


def test_warc_marks_what_evidencekit_fetched_itself(capture, site, tmp_path):
    result = capture("/video-stall.html")
    data = result.artifact("traffic.warc.gz").data
    path = tmp_path / "stall.warc.gz"
    path.write_bytes(data)
    check = warcio_check(path)
    assert check.returncode == 0, check.stdout
    recs = records(data)
    whole = [r for r in recs if r[0] == "response" and r[1] == site.url("/media/stall.webm")]
    assert [r[2] for r in whole if r[2] == "200"] == ["200"]
    fetched = next(r for r in whole if r[2] == "200")
    assert len(fetched[4]) == result.artifact("media/stall.webm").size
    notes = [r for r in recs if r[0] == "metadata"]
    assert [n[3]["WARC-Concurrent-To"] for n in notes] == [fetched[3]["WARC-Record-ID"]]
    assert b"Fetched whole by EvidenceKit" in notes[0][4]


def test_each_record_is_its_own_member_deflated_only_where_it_shrinks(capture, tmp_path):
    """Pictures and video are stored in their gzip members (deflate cannot shrink them and
    costs the capture's end ~18 ms per MB); text is deflated. The WARC stays valid."""
    data = capture("/video.html").artifact("traffic.warc.gz").data
    path = tmp_path / "video.warc.gz"
    path.write_bytes(data)
    assert warcio_check(path).returncode == 0
    members = []
    stream = ArchiveIterator(__import__("io").BytesIO(data))
    for record in stream:
        kind = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        stream.read_to_end()
        start, length = stream.get_record_offset(), stream.get_record_length()
        whole = len(gzip.decompress(data[start : start + length]))  # one member, one record
        members.append((record.rec_type, (kind or "").lower(), whole, length))
    media = [m for m in members if m[0] == "response" and m[1].startswith(("video/", "image/"))]
    text = [m for m in members if m[0] == "response" and m[1].startswith("text/html")]
    assert media and text
    for _, _, whole, packed in media:  # stored: the member is the record as it is
        assert packed >= whole
    for _, _, whole, packed in text:  # deflated
        assert packed < whole

"""Write the recorded traffic as ``traffic.warc.gz`` (WARC 1.1, SHA-256 digests), in memory.

One ``request`` + ``response`` pair per exchange, redirects included (each hop is its own pair),
after a ``warcinfo`` record naming the tool. Bodies come from the browser already decoded, so a
``Content-Encoding``/``Transfer-Encoding`` header is kept as ``X-EvidenceKit-Orig-...`` and
``Content-Length`` states the stored length; a body the browser did not keep (a redirect's, or
one still arriving) is marked ``WARC-Truncated``. Every length is given to warcio up front, so
it never buffers through a temporary file.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zlib
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from evidencekit.capture import minor_safe_bytes
from evidencekit.capture.traffic import Exchange

log = logging.getLogger(__name__)

_DECODED = ("content-encoding", "transfer-encoding")
REFETCH_NOTE = (
    "Fetched whole by EvidenceKit after the page had loaded (same browser context, same "
    "cookies): the page itself only streamed parts of this file."
)


#: Bodies compressed already (pictures, video, sound, web fonts, archives): deflate cannot
#: shrink them and spends ~18 ms per MB trying (a level makes no difference), so their records
#: are gzip members of stored blocks; every other record is deflated (level 6). Either is an
#: ordinary gzip member: every WARC reader reads both.
_COMPRESSED_ALREADY = (
    "image/",
    "video/",
    "audio/",
    "font/woff",
    "application/font-woff",
    "application/zip",
    "application/gzip",
    "application/x-gzip",
    "application/pdf",
)
_DEFLATE_LEVEL = 6


def _gzip_level(record: Any) -> int:
    if record.rec_type != "response" or record.http_headers is None:
        return _DEFLATE_LEVEL
    kind = (record.http_headers.get_header("Content-Type") or "").strip().lower()
    if kind.startswith(_COMPRESSED_ALREADY) and not kind.startswith("image/svg"):
        return 0
    return _DEFLATE_LEVEL


class _GzipMember:
    """One record as one gzip member (what warcio's own wrapper does, at a chosen level)."""

    def __init__(self, out: io.BytesIO, level: int) -> None:
        self._deflate = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self._out = out

    def write(self, data: bytes) -> None:
        self._out.write(self._deflate.compress(data))

    def flush(self) -> None:
        self._out.write(self._deflate.flush())
        self._out.flush()


class _Sha256WARCWriter(WARCWriter):  # warcio ships no type hints: WARCWriter is Any
    """SHA-256 digests; each record gzipped on its own, at the level its body deserves."""

    def __init__(self, out: io.BytesIO) -> None:
        super().__init__(out, gzip=False, warc_version="1.1")  # gzipped here, per record

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")

    def _write_warc_record(self, out: io.BytesIO, record: Any) -> None:
        super()._write_warc_record(_GzipMember(out, _gzip_level(record)), record)


def _date(moment: dt.datetime | None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return str(datetime_to_iso_date(naive, use_micros=True))


def _reason(status: int, text: str) -> str:
    if text:
        return text
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _response_headers(ex: Exchange, body_len: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, value in ex.response_headers:
        lowered = name.lower()
        if lowered.startswith(":"):
            continue
        if lowered in _DECODED:
            out.append((f"X-EvidenceKit-Orig-{name}", value))
        elif lowered == "content-length":
            if value.strip() != str(body_len):
                out.append(("X-EvidenceKit-Orig-Content-Length", value))
        else:
            out.append((name, value))
    out.append(("Content-Length", str(body_len)))
    return out


def _retyped(headers: list[tuple[str, str]], content_type: str) -> list[tuple[str, str]]:
    """`headers` stating `content_type`, the original kept as X-EvidenceKit-Orig-Content-Type."""
    out: list[tuple[str, str]] = []
    for name, value in headers:
        if name.lower() == "content-type":
            out.append(("X-EvidenceKit-Orig-Content-Type", value))
        else:
            out.append((name, value))
    out.append(("Content-Type", content_type))
    return out


def _truncated(ex: Exchange, body: bytes | None) -> bool:
    if body is not None:
        return False
    declared = ex.header("content-length")
    return declared is None or declared.strip() != "0"


def _request_headers(ex: Exchange) -> list[tuple[str, str]]:
    headers = [(n, v) for n, v in ex.request_headers if not n.startswith(":")]
    if not any(n.lower() == "host" for n, _ in headers):
        headers.insert(0, ("Host", urlsplit(ex.url).netloc))
    return headers


def build_warc(
    exchanges: Iterable[Exchange], info: Mapping[str, str], *, minor_safe: bool = False
) -> bytes:
    """The gzipped WARC of `exchanges` (those that got a response), as bytes.

    `minor_safe`: picture, video and sound bodies (and pictures embedded in text bodies) are
    replaced by their digests, each such record saying so (`minor_safe_bytes.warc_body`).
    """
    out = io.BytesIO()
    writer = _Sha256WARCWriter(out)
    writer.write_record(writer.create_warcinfo_record("traffic.warc.gz", dict(info)))
    for ex in sorted(exchanges, key=lambda item: item.seq):
        if ex.status is None:
            continue
        kept = ex.body  # read once: a late body may still be landing on the live page
        body = kept or b""
        warc_headers = {"WARC-Date": _date(ex.responded_at)}
        replaced = None
        if minor_safe and body:
            replaced = minor_safe_bytes.warc_body(ex.header("content-type"), ex.resource_type, body)
            body = replaced.body
            if replaced.note is not None:
                warc_headers["EvidenceKit-Minor-Safe"] = replaced.note
        if ex.server_ip:
            warc_headers["WARC-IP-Address"] = ex.server_ip
        if _truncated(ex, kept):
            warc_headers["WARC-Truncated"] = "unspecified"
        headers = _response_headers(ex, len(body))
        if replaced is not None and replaced.content_type is not None:
            headers = _retyped(headers, replaced.content_type)
        http = StatusAndHeaders(
            f"{ex.status} {_reason(ex.status, ex.status_text)}", headers, protocol="HTTP/1.1"
        )
        response = writer.create_warc_record(
            ex.url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        parts = urlsplit(ex.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        post = ex.post_data or b""
        if minor_safe and post:  # a picture the page uploaded is a picture too
            post = minor_safe_bytes.warc_body(ex.request_header("content-type"), "", post).body
        request = writer.create_warc_record(
            ex.url,
            "request",
            payload=io.BytesIO(post),
            length=len(post),
            http_headers=StatusAndHeaders(
                f"{target} HTTP/1.1",
                _request_headers(ex),
                protocol=ex.method,
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Date": _date(ex.started_at)},
        )
        writer.write_request_response_pair(request, response)
        if ex.by_capture_tool:
            note = f"note: {REFETCH_NOTE}\r\n".encode()
            meta = writer.create_warc_record(
                ex.url,
                "metadata",
                payload=io.BytesIO(note),
                length=len(note),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Date": _date(ex.responded_at),
                    "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                },
            )
            writer.write_record(meta)
    return out.getvalue()

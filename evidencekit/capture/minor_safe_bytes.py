"""Minor-safe capture (issue 14 part 2), the bytes side: what is kept of each picture, and how
the WARC, the DOM snapshot and the metadata are kept free of picture bytes.

Of each picture or video only its SHA-256 and MD5 (and, for a picture, its PDQ hash and size in
pixels: `evidencekit.picture_hashes`), its size in bytes and its places on the page are kept.
The bytes themselves stay in memory for as long as hashing takes and are never written.

- ``traffic.warc.gz``: a response whose body is a picture, video or sound (by its Content-Type,
  its resource type, or its first bytes, since a server may call a JPEG anything) gets a short
  text body instead, naming the digests of what it replaced; its record says so
  (``EvidenceKit-Minor-Safe`` header; the original Content-Type as
  ``X-EvidenceKit-Orig-Content-Type``). A text body (HTML, CSS, JSON, ...) holding pictures
  as ``data:`` URLs or as bare base64 has each replaced the same way. It stays a valid WARC.
- ``page.mhtml`` is not kept: it embeds every picture of the page; ``page.html`` (the rendered
  DOM, scrubbed as below) keeps the page's structure and text.
- ``page.html``, ``text.txt`` and ``metadata.json``: every ``data:`` picture URL and every bare
  base64 run that decodes to a picture is replaced by a marker naming its SHA-256.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from evidencekit.capture.result import Artifact
from evidencekit.sniff import sniff_media_type

MODE = "minor-safe"
WHY = (
    "Someone in these pictures may be under 18. Storing such pictures is itself a crime almost "
    "everywhere, so no picture or video bytes were kept: only each one's SHA-256, MD5 and PDQ "
    "hashes, its size and its place on the page."
)
NOT_KEPT = ("page.mhtml",)
"""Artifacts a minor-safe capture does not keep (the MHTML embeds every picture)."""

_PICTURE_TYPES = ("image/", "video/", "audio/")
# A data: URL of a picture (base64 or percent-encoded), as it appears in HTML, CSS or JSON.
_DATA_URL = re.compile(
    rb"data:(?P<type>(?:image|video|audio)(?:/|\\/)[A-Za-z0-9.+-]+)(?P<params>(?:;[A-Za-z0-9=._+-]*)*)"
    rb",(?P<data>[A-Za-z0-9+/=%._~!$*:@\\-]*)",
    re.IGNORECASE,
)
# Bare base64 (JSON may escape "/" as "\/") at least 200 characters long that starts like a
# picture file: JPEG, PNG, GIF, WebP (RIFF), or ISO media (AVIF, HEIC, MP4). Its decoded bytes
# must then sniff as a picture too, so a token or a hash is never taken for one.
_BARE_B64 = re.compile(
    rb"(?:/9j/|iVBORw0KGgo|R0lGOD|UklGR|AAAA[A-Za-z0-9+/]{2}ZnR5cA)"
    rb"(?:[A-Za-z0-9+/]|\\/){190,}={0,2}"
)


def is_picture_type(media_type: str | None) -> bool:
    return bool(media_type) and str(media_type).lower().split(";")[0].strip().startswith(
        _PICTURE_TYPES
    )


def digests(data: bytes) -> dict[str, Any]:
    """SHA-256 and MD5 of `data` and, when it is a picture that decodes, PDQ and pixel size."""
    from evidencekit.picture_hashes import NotAPicture, hash_picture  # NumPy: only when used

    facts: dict[str, Any] = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "md5": hashlib.md5(data, usedforsecurity=False).hexdigest(),
        "bytes": len(data),
    }
    try:
        hashes = hash_picture(data)
    except NotAPicture:
        facts.update({"pdq": None, "pdq_quality": None, "width": None, "height": None})
        return facts
    facts.update(
        {
            "pdq": hashes.pdq,
            "pdq_quality": hashes.pdq_quality,
            "width": hashes.width,
            "height": hashes.height,
        }
    )
    return facts


def decode_data_url(url: str | bytes) -> tuple[str, bytes] | None:
    """(media type, bytes) of a ``data:`` picture URL; None for anything else."""
    raw = url.encode("utf-8", "replace") if isinstance(url, str) else url
    match = _DATA_URL.fullmatch(raw.strip())
    if match is None:
        return None
    payload = match.group("data").replace(b"\\/", b"/")
    try:
        if b";base64" in match.group("params").lower():
            data = base64.b64decode(unquote_to_bytes(payload) + b"==", validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return _type(match), data


def _type(match: re.Match[bytes]) -> str:
    return match.group("type").replace(b"\\/", b"/").decode("ascii").lower()


def marker(facts: dict[str, Any]) -> str:
    """What replaces a picture's bytes in text: safe inside HTML, CSS, JSON and URLs."""
    return f"evidencekit-minor-safe:picture-removed:sha256={facts['sha256']}"


def scrub_bytes(text: bytes) -> tuple[bytes, list[dict[str, Any]]]:
    """`text` with every embedded picture (data: URL or bare base64) replaced by a marker."""
    removed: list[dict[str, Any]] = []

    def data_url(match: re.Match[bytes]) -> bytes:
        decoded = decode_data_url(match.group(0))
        data = decoded[1] if decoded else match.group(0)
        facts = {"media_type": _type(match), **digests(data)}
        removed.append(facts)
        return b"data:text/plain," + marker(facts).encode()

    def bare(match: re.Match[bytes]) -> bytes:
        raw = match.group(0).replace(b"\\/", b"/")
        try:
            data = base64.b64decode(raw + b"==")
        except (binascii.Error, ValueError):
            try:  # cut short (a window's end): what is whole of it still shows its header
                data = base64.b64decode(raw[: len(raw) - len(raw) % 4])
            except (binascii.Error, ValueError):
                return match.group(0)
        kind = sniff_media_type(data[:8192])
        if not is_picture_type(kind):
            return match.group(0)
        facts = {"media_type": kind, **digests(data)}
        removed.append(facts)
        return marker(facts).encode()

    if b"data:" in text.lower():  # the scheme's case is free (Data:, DATA:, dAtA:)
        text = _DATA_URL.sub(data_url, text)
    text = _BARE_B64.sub(bare, text)
    return text, removed


def scrub_json(value: Any, removed: list[dict[str, Any]]) -> Any:
    """`value` (metadata) with every string scrubbed like `scrub_bytes`."""
    if isinstance(value, str):
        if "data:" not in value.lower() and len(value) < 80:
            return value
        clean, found = scrub_bytes(value.encode("utf-8", "surrogatepass"))
        removed.extend(found)
        return clean.decode("utf-8", "surrogatepass") if found else value
    if isinstance(value, dict):
        return {k: scrub_json(v, removed) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_json(v, removed) for v in value]
    return value


def hashed_entry(
    entry: dict[str, Any], data: bytes, media_type: str, **facts: Any
) -> dict[str, Any]:
    """What a minor-safe capture keeps of one picture or video the page showed or loaded:
    `entry` (address, how it was shown, sizes, places) with its digests; never its bytes."""
    if not is_picture_type(media_type):  # a server may call a JPEG anything: its bytes tell
        media_type = sniff_media_type(data[:8192], complete=len(data) <= 8192)
    url = str(entry.get("url", ""))
    if url.lower().startswith("data:"):
        entry = {**entry, "url": f"data:{media_type} (in the page itself; removed)"}
    return {**entry, "media_type": media_type, **digests(data), **facts, "kept": "hashes only"}


def data_url_entry(
    entry: dict[str, Any], url: str, positions: list[list[int]]
) -> list[dict[str, Any]]:
    """`hashed_entry` of a picture the page holds as a ``data:`` address ([] if it is none)."""
    decoded = decode_data_url(url)
    if decoded is None:
        return []
    facts = {"obtained": "a data: address in the page", "positions_css_px": positions}
    return [hashed_entry(entry, decoded[1], decoded[0], **facts)]


# --- the WARC -------------------------------------------------------------------------------


def body_picture_type(content_type: str | None, resource_type: str, body: bytes) -> str | None:
    """The media type if `body` is a picture, video or sound; None otherwise."""
    if is_picture_type(content_type):
        return str(content_type).split(";")[0].strip().lower()
    sniffed = sniff_media_type(body[:8192], complete=len(body) <= 8192) if body else ""
    if is_picture_type(sniffed):
        return sniffed
    if resource_type in ("image", "media") and body:
        return content_type or sniffed or "application/octet-stream"
    return None


@dataclasses.dataclass(frozen=True)
class WarcBody:
    """What goes into the WARC for one response body in minor-safe mode."""

    body: bytes
    content_type: str | None
    """The Content-Type to state instead of the original (None: keep the original)."""
    note: str | None
    """The value of the record's ``EvidenceKit-Minor-Safe`` header (None: nothing changed)."""


def warc_body(content_type: str | None, resource_type: str, body: bytes) -> WarcBody:
    """The body to store in place of `body`, and what to say about it."""
    kind = body_picture_type(content_type, resource_type, body)
    if kind is not None:
        facts = digests(body)
        text = (
            f"EvidenceKit minor-safe capture: this response was a picture or video ({kind}, "
            f"{len(body)} bytes). Its bytes were not stored, because someone in these pictures "
            f"may be under 18.\r\nsha256: {facts['sha256']}\r\nmd5: {facts['md5']}\r\n"
            f"pdq: {facts['pdq'] or 'none (not a picture that decodes)'}\r\n"
        )
        note = (
            f"body-replaced; original-type={kind}; original-length={len(body)}; "
            f"sha256={facts['sha256']}; md5={facts['md5']}"
        )
        return WarcBody(text.encode("utf-8"), "text/plain; charset=utf-8", note)
    clean, removed = scrub_bytes(body)
    if not removed:
        return WarcBody(body, None, None)
    sums = ", ".join(f"sha256={r['sha256']}" for r in removed)
    return WarcBody(clean, None, f"pictures-removed; count={len(removed)}; {sums}")


# --- the capture's artifacts ----------------------------------------------------------------


def finish(
    artifacts: list[Artifact], metadata: dict[str, Any], hashed: list[Any]
) -> list[Artifact]:
    """The artifacts of a minor-safe capture: MHTML left out, text scrubbed, and the record of
    what was kept (`hashed`: one entry per picture or video, from `media.py`) in
    ``metadata["minor_safe"]`` (`metadata` is changed in place and rewritten as JSON)."""
    from evidencekit.capture.metadata import metadata_bytes  # metadata imports media, media us

    removed: list[dict[str, Any]] = []
    kept: list[Artifact] = []
    for artifact in artifacts:
        if artifact.name in NOT_KEPT or artifact.name == "metadata.json":
            continue
        if is_picture_type(artifact.media_type):
            if artifact.name not in ("screenshot.png", "viewport.png"):
                continue  # never reached: media.py keeps none; a guard all the same
            kept.append(artifact)
            continue
        if artifact.media_type.startswith(("text/", "application/json")):
            clean, found = scrub_bytes(artifact.data)
            removed.extend(found)
            artifact = dataclasses.replace(artifact, data=clean) if found else artifact
        kept.append(artifact)
    record: dict[str, Any] = {
        "on": True,
        "why": WHY,
        "pictures": hashed,
        "not_kept": list(NOT_KEPT),
        "screenshots": "pictures, videos and canvases covered with plain boxes before each shot",
        "warc": "picture, video and sound bodies replaced by their digests (see each record)",
    }
    scrubbed = {k: scrub_json(v, removed) for k, v in metadata.items() if k != "minor_safe"}
    metadata.clear()
    metadata.update(scrubbed)
    record["embedded_pictures_removed"] = _unique(removed)
    metadata["minor_safe"] = record
    kept.append(Artifact("metadata.json", "application/json", metadata_bytes(metadata)))
    return kept


def _unique(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for facts in found:
        seen.setdefault(str(facts["sha256"]), facts)
    return list(seen.values())

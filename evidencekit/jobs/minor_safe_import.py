"""Minor-safe import (issue 14 part 2): a picture or video added as its hashes only.

When someone in the pictures may be under 18 (the `--minor-safe` switch, or the case's
setting), an imported picture or video is never stored: its SHA-256 and MD5 (and for a
picture its PDQ hash and size in pixels) are computed while it is read, and the item holds
``picture-hashes.json`` (those facts, sealed like any artifact) instead of the file. A plain
text file (a chat export) is stored as usual when it holds no embedded picture; any other file
(a PDF, an archive, a document, a text file with pictures inside) may hold pictures and is
refused with plain words, so nothing is stored by mistake.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path
from typing import Any, Protocol

from evidencekit.capture.minor_safe_bytes import WHY, digests, is_picture_type, scrub_bytes
from evidencekit.errors import InputFileError
from evidencekit.sniff import SNIFF_BYTES, sniff_media_type
from evidencekit.vault.picture_index import PictureRecord

HASHES_NAME = "picture-hashes.json"
"""The artifact a minor-safe import of a picture holds instead of the picture."""
_CHUNK = 1024 * 1024
_MAX_PICTURE_BYTES = 256 * 1024 * 1024
"""A picture is decoded for its PDQ hash in memory; a larger one is hashed by bytes only."""


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class MinorSafeRefused(InputFileError):
    """A file that may hold pictures but is not a picture (minor-safe import)."""

    message = (
        "This file may hold pictures, and someone in them may be under 18, so it was not "
        "added. Only pictures and videos (kept as their hashes, never the file) and plain "
        "text files can be added this way."
    )


def kind_of(path: Path) -> str:
    """ "picture" (a picture, video or sound), "text" or "refused", from the file's bytes."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        media_type = sniff_media_type(head, complete=len(head) < SNIFF_BYTES)
        if is_picture_type(media_type):
            return "picture"
        if media_type not in ("text/plain", "application/json", "text/csv"):
            return "refused"
        handle.seek(0)
        # Only the start was sniffed: the whole file must be text (raw picture bytes after the
        # first few KB are not UTF-8), and a picture written into it (base64, a data: URL) is
        # looked for in windows of two blocks, so one that straddles a block's end is seen whole
        # from its start (where its header is).
        decoder = codecs.getincrementaldecoder("utf-8")()
        previous = b""
        while block := handle.read(_CHUNK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                return "refused"
            if scrub_bytes(previous + block)[1]:
                return "refused"
            previous = block
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "refused"
    return "text"


def check(path: Path) -> None:
    """Raise `MinorSafeRefused` (naming the file) unless minor-safe import may take it."""
    if kind_of(path) == "refused":
        raise MinorSafeRefused(
            f"“{path.name}” may hold pictures (it is not a picture, a video or plain text), "
            "and someone in them may be under 18, so it was not added."
        )


def hashes_of(handle: Readable, size: int, media_type: str) -> dict[str, Any]:
    """The hashes of the picture or video `handle` reads, without keeping it anywhere."""
    if media_type.startswith("image/") and size <= _MAX_PICTURE_BYTES:
        data = handle.read()
        facts = {"media_type": media_type, **digests(data)}
        del data
        return facts
    sha, md5, total = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    while block := handle.read(_CHUNK):
        sha.update(block)
        md5.update(block)
        total += len(block)
    return {
        "media_type": media_type,
        "sha256": sha.hexdigest(),
        "md5": md5.hexdigest(),
        "bytes": total,
        "pdq": None,
        "pdq_quality": None,
        "width": None,
        "height": None,
    }


def record(original_name: str, facts: dict[str, Any]) -> dict[str, Any]:
    """The item's ``minor_safe`` record (metadata, manifest and ``picture-hashes.json``)."""
    return {
        "on": True,
        "why": WHY,
        "pictures": [{"file_name": original_name, **facts, "kept": "hashes only"}],
    }


def record_bytes(value: dict[str, Any]) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8")


def hashes_only_records(metadata: dict[str, Any]) -> list[PictureRecord]:
    """The picture index's records of a minor-safe item's pictures (`stored=False`: only the
    hashes were ever kept), so reposts are matched against them without any picture."""
    record = metadata.get("minor_safe")
    pictures = record.get("pictures") if isinstance(record, dict) else None
    out = []
    for n, entry in enumerate(pictures if isinstance(pictures, list) else [], start=1):
        if not isinstance(entry, dict) or not entry.get("sha256"):
            continue
        if not is_picture_type(str(entry.get("media_type") or "")):
            continue
        name = str(entry.get("file_name") or entry.get("url") or f"picture {n}")[:300]
        out.append(
            PictureRecord(
                name=name,
                size=int(entry.get("bytes") or 0),
                sha256=str(entry["sha256"]),
                md5=str(entry.get("md5") or ""),
                pdq=entry.get("pdq") or None,
                pdq_quality=entry.get("pdq_quality"),
                width=entry.get("width"),
                height=entry.get("height"),
                stored=False,
            )
        )
    return out

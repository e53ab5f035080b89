"""Media type from a file's first bytes, never from its name (a name can lie)."""

from __future__ import annotations

import json

import filetype

SNIFF_BYTES = 8192
_FALLBACK = "application/octet-stream"


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return False
    return True


def sniff_media_type(head: bytes, *, complete: bool = False) -> str:
    """Best media type for content starting with `head` (`complete`: head is the whole file)."""
    if not head:
        return "application/x-empty"
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if not _looks_like_text(head):
        return _FALLBACK
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff").lstrip()
    lower = text[:512].lower()
    if lower.startswith(("<!doctype html", "<html")) or "<html" in lower[:256]:
        return "text/html"
    if lower.startswith("<?xml") or lower.startswith("<svg"):
        return "image/svg+xml" if "<svg" in lower else "application/xml"
    if text[:1] in "{[" and complete:
        try:
            json.loads(text)
            return "application/json"
        except ValueError:
            pass
    elif text[:1] in "{[" and text.rstrip()[-1:] in "}]":
        return "application/json"
    return "text/plain"

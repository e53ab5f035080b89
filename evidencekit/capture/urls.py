"""Check a web address before any browser is involved: only http(s) with a site name."""

from __future__ import annotations

from urllib.parse import urlsplit

from evidencekit.errors import BadUrl

ALLOWED_SCHEMES = ("http", "https")


def validate_url(raw: str) -> str:
    """Return the address to load (surrounding spaces removed) or raise `BadUrl`."""
    text = raw.strip()
    shown = text[:200]
    if not text:
        raise BadUrl("No web address was given.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise BadUrl(f"The address contains spaces or control characters: {shown!r}")
    try:
        parts = urlsplit(text)
    except ValueError as error:  # e.g. an unclosed IPv6 bracket
        raise BadUrl(f"The address is not written correctly: {shown!r}") from error
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        if not scheme or "." in scheme:
            raise BadUrl(f"Write the whole address, starting with https:// ({shown!r}).")
        raise BadUrl(
            f"EvidenceKit captures web pages (http:// or https:// addresses), "
            f"not {scheme}: addresses ({shown!r})."
        )
    host = parts.hostname
    if not host or host.startswith(".") or ".." in host:
        raise BadUrl(f"The address has no valid site name in it: {shown!r}")
    try:
        parts.port  # noqa: B018  # raises ValueError for a bad port
    except ValueError as error:
        raise BadUrl(f"The port number in the address is not valid: {shown!r}") from error
    return text

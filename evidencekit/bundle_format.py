"""The bundle.json format both sides share: its name, the attachment it travels as, and how the
verifier reads it back (`parse`), with the few fields it relies on checked.

`bundle/bundle_json.py` writes the document; `verify/content.py` reads it. Neither imports the
other: both import this module, which needs nothing but the standard library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

BUNDLE_FORMAT = "evidencekit-bundle/1"
BUNDLE_JSON_NAME = "bundle.json"
MEDIA_TYPE = "application/json"


@dataclass(frozen=True)
class ParsedBundle:
    """bundle.json as read back by the verifier, with the few fields it relies on checked."""

    raw: dict[str, Any]
    bundle_id: str
    fingerprint: str
    items: list[dict[str, Any]]
    attachments: list[dict[str, Any]]
    custody_entries: list[dict[str, Any]]
    anchor: dict[str, Any] | None


class BundleJsonInvalid(ValueError):
    """bundle.json is missing something the verifier needs (the message says what)."""


def parse(data: bytes) -> ParsedBundle:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleJsonInvalid("bundle.json is not readable JSON") from exc
    if not isinstance(raw, dict):
        raise BundleJsonInvalid("bundle.json does not hold an object")
    if raw.get("format") != BUNDLE_FORMAT:
        raise BundleJsonInvalid(f"bundle.json has an unknown format ({raw.get('format')!r})")
    try:
        custody = raw["custody"]
        parsed = ParsedBundle(
            raw=raw,
            bundle_id=str(raw["bundle_id"]),
            fingerprint=str(raw["identity"]["fingerprint_sha256"]),
            items=list(raw["items"]),
            attachments=list(raw["attachments"]),
            custody_entries=list(custody["entries"]),
            anchor=custody.get("anchor"),
        )
    except (KeyError, TypeError) as exc:
        raise BundleJsonInvalid(f"bundle.json lacks a required field ({exc})") from exc
    for entry in parsed.attachments:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise BundleJsonInvalid("bundle.json lists an attachment without a name")
        if not isinstance(entry.get("sha256"), str):
            raise BundleJsonInvalid(f"bundle.json gives no SHA-256 for {entry.get('name')}")
    return parsed

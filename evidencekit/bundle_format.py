"""The bundle.json format both sides share: its name, the attachment it travels as, and how the
verifier reads it back (`parse`), with the few fields it relies on checked.

`bundle/bundle_json.py` writes the document; `verify/content.py` reads it. Neither imports the
other: both import this module, which needs nothing but the standard library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from evidencekit.bilingual import Bi

BUNDLE_FORMAT = "evidencekit-bundle/1"
BUNDLE_JSON_NAME = "bundle.json"
MEDIA_TYPE = "application/json"

# Why bundle.json cannot be used, in both languages (the verifier says them in either).
NOT_JSON = Bi("bundle.json is not readable JSON", "bundle.json nuk është JSON i lexueshëm")
NOT_AN_OBJECT = Bi("bundle.json does not hold an object", "bundle.json nuk përmban një objekt JSON")
UNKNOWN_FORMAT = Bi(
    "bundle.json has an unknown format ({format})",
    "bundle.json ka një format të panjohur ({format})",
)
LACKS_FIELD = Bi(
    "bundle.json lacks a required field ({field})",
    "Në bundle.json mungon një fushë e detyrueshme ({field})",
)
NAMELESS_ATTACHMENT = Bi(
    "bundle.json lists an attachment without a name",
    "bundle.json liston një skedar të bashkëngjitur pa emër",
)
NO_SHA256 = Bi("bundle.json gives no SHA-256 for {name}", "bundle.json nuk jep SHA-256 për {name}")
REASONS = (NOT_JSON, NOT_AN_OBJECT, UNKNOWN_FORMAT, LACKS_FIELD, NAMELESS_ATTACHMENT, NO_SHA256)


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
    """bundle.json is missing something the verifier needs: `reason` says what, in both
    languages; the exception's message is its English."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _not_a_number(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse(data: bytes) -> ParsedBundle:
    try:
        # NaN and Infinity are not JSON (RFC 8259); Python would read them and print them
        # back into the verifier's --json, which strict parsers then refuse.
        raw = json.loads(data.decode("utf-8"), parse_constant=_not_a_number)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleJsonInvalid(NOT_JSON) from exc
    if not isinstance(raw, dict):
        raise BundleJsonInvalid(NOT_AN_OBJECT)
    if raw.get("format") != BUNDLE_FORMAT:
        raise BundleJsonInvalid(UNKNOWN_FORMAT.format(format=repr(raw.get("format"))))
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
        raise BundleJsonInvalid(LACKS_FIELD.format(field=str(exc))) from exc
    for entry in parsed.attachments:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise BundleJsonInvalid(NAMELESS_ATTACHMENT)
        if not isinstance(entry.get("sha256"), str):
            raise BundleJsonInvalid(NO_SHA256.format(name=str(entry.get("name"))))
    return parsed

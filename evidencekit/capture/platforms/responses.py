"""The JSON answers among a capture's recorded responses (what the platform's own app asked
its API for), for the readers. Untrusted bytes: anything that does not parse is skipped."""

from __future__ import annotations

import json
from collections.abc import Iterable

from evidencekit.capture.platforms.record import MAX_JSON_CHARS, JsonResponse, loads
from evidencekit.capture.traffic import Exchange

MAX_RESPONSES = 500
#: Prefixes some APIs put before JSON so a page cannot run it as a script.
_GUARDS = ("for (;;);", ")]}'", "while(1);")


def _decode(body: bytes) -> object | None:
    text = body[:MAX_JSON_CHARS].decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
    for guard in _GUARDS:
        if text.startswith(guard):
            text = text[len(guard) :].lstrip()
    if not text or text[0] not in "{[":
        return None
    whole = loads(text)
    if whole is not None:
        return whole
    lines = [loads(line) for line in text.splitlines() if line.strip()]  # one object a line
    parsed = [line for line in lines if line is not None]
    return parsed if parsed and len(parsed) == len(lines) else None


def json_responses(exchanges: Iterable[Exchange]) -> list[JsonResponse]:
    found: list[JsonResponse] = []
    for ex in exchanges:
        if ex.by_capture_tool or not ex.body or len(ex.body) > MAX_JSON_CHARS:
            continue
        ctype = (ex.header("content-type") or "").lower()
        if "json" not in ctype and ex.resource_type not in ("fetch", "xhr"):
            continue
        try:
            data = _decode(ex.body)
        except (ValueError, RecursionError, json.JSONDecodeError):
            data = None
        if data is not None:
            found.append(JsonResponse(ex.url, data))
            if len(found) >= MAX_RESPONSES:
                break
    return found

"""Still online, or removed between two captures: what a chain of captures of one address
says (issue 12, "Capture again"). Pure: the report, the jobs and the app read it the same way.

A capture looks removed when the server answered 404/410 or the capture's completeness score
(capture/completeness.py) found the post removed or not available (the page's own words or
the platform's data). Each capture is `{"item_id", "captured_at_utc", "online", "removed_why"}`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evidencekit.bilingual import Bi

SCHEMA = "evidencekit.recapture/1"
REMOVED_SAID = "the page or the platform's data says the post was removed or is not available"


#: the Albanian of each reason `removed_why` gives
REASONS_SQ = {
    "the server answered 404": "serveri u përgjigj 404",
    "the server answered 410": "serveri u përgjigj 410",
    REMOVED_SAID: "faqja ose të dhënat e platformës thonë se postimi është hequr ose nuk është"
    " i disponueshëm",
}


def removed_why(status: Any, meta: Mapping[str, Any]) -> str | None:
    """Why a capture looks removed, from what it recorded, or None when it looks online."""
    if status in (404, 410):
        return f"the server answered {status}"
    score = meta.get("completeness")
    if isinstance(score, Mapping):
        for fact in score.get("facts") or []:
            if (
                isinstance(fact, Mapping)
                and fact.get("key") == "not_removed"
                and fact.get("found") is False
            ):
                return REMOVED_SAID
    return None


def seen(item_id: str, captured_at: str, status: Any, meta: Mapping[str, Any]) -> dict[str, Any]:
    """One capture of the chain, as recorded in a recapture's metadata."""
    why = removed_why(status, meta)
    return {
        "item_id": item_id,
        "captured_at_utc": captured_at,
        "online": why is None,
        "removed_why": why,
    }


def online_history(captures: Sequence[Any]) -> dict[str, Any] | None:
    """Online at the latest capture ("still online on"), or removed since the last capture
    that saw it online ("removed between"); None without a readable capture."""
    rows = sorted(
        (
            c
            for c in captures
            if isinstance(c, Mapping) and isinstance(c.get("captured_at_utc"), str)
        ),
        key=lambda c: str(c["captured_at_utc"]),
    )
    if not rows:
        return None
    latest = rows[-1]
    if latest.get("online") is True:
        return {
            "state": "online",
            "last_seen_online": latest["captured_at_utc"],
            "captures": len(rows),
        }
    first_removed = latest
    last_online = None
    for row in reversed(rows):
        if row.get("online") is True:
            last_online = row
            break
        first_removed = row
    return {
        "state": "removed",
        "last_seen_online": last_online["captured_at_utc"] if last_online else None,
        "first_seen_removed": first_removed["captured_at_utc"],
        "why": first_removed.get("removed_why"),
        "captures": len(rows),
    }


def history_words(history: Mapping[str, Any] | None) -> Bi | None:
    """ "Still online on …" or "Removed between … and …", English and Albanian."""
    if not history:
        return None
    if history.get("state") == "online":
        when = history.get("last_seen_online")
        return Bi(f"Still online on {when}", f"Ende në internet më {when}")
    seen_at, gone_at = history.get("last_seen_online"), history.get("first_seen_removed")
    if seen_at:
        return Bi(
            f"Removed between {seen_at} (last seen online) and {gone_at} (first seen removed)",
            f"Hequr midis {seen_at} (parë në internet për herë të fundit) dhe {gone_at} (parë"
            " e hequr për herë të parë)",
        )
    return Bi(
        f"Already removed when first captured, on {gone_at}",
        f"Tashmë e hequr kur u kap për herë të parë, më {gone_at}",
    )


def chain_captures(
    item_id: str, captured_at: str, status: Any, meta: Mapping[str, Any]
) -> list[dict[str, Any]] | None:
    """A recapture's sealed view of its chain: the earlier captures it recorded, then itself;
    None for an item that is not a recapture."""
    record = meta.get("recapture")
    if not isinstance(record, Mapping):
        return None
    earlier = record.get("earlier")
    rows = [dict(c) for c in earlier if isinstance(c, Mapping)] if isinstance(earlier, list) else []
    return [*rows, seen(item_id, captured_at, status, meta)]

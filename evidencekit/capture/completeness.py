"""Completeness of a capture, from the whole picture: the warnings (error status, a page that
says the post is gone, a login wall, broken pictures, an untrusted certificate) and the score
of the facts a court needs (`completeness_score`): who posted it (handle and the platform's
account id), which post (its id), when, what (text or media), seen without a login wall and
not removed. What is missing is said in plain words, English and Albanian.
"""

from __future__ import annotations

import re
from typing import Any

from evidencekit.capture.journal import Journal
from evidencekit.capture.platforms.registry import platform_facts
from evidencekit.capture.platforms.responses import json_responses
from evidencekit.capture.traffic import Exchange

SCORE_SCHEMA = "evidencekit.capture.completeness/1"

_REMOVED_TEXT = re.compile(
    r"(this (post|tweet|page|video|photo|content|account) (was|has been|is) (removed|deleted|"
    r"unavailable|suspended|no longer available)|page not found|isn.t available|"
    r"no longer available|content unavailable)",
    re.IGNORECASE,
)


def add_completeness_warnings(
    journal: Journal,
    status: int | None,
    text: str,
    login: list[str],
    broken: list[str],
    tls_warnings: list[str],
) -> None:
    removed = removed_reason(status, text)
    if status in (404, 410):
        journal.warn(
            f"The server answered {status} ({'Gone' if status == 410 else 'Not Found'}): "
            "the page says it was removed / not found."
        )
    elif status is not None and status >= 400:
        journal.warn(f"The server answered HTTP {status}: this may be an error page.")
    elif removed:
        journal.warn("The page's text says the post was removed or is not available.")
    if login:
        journal.warn("The page seems to ask for a login (" + "; ".join(login) + ").")
    if broken:
        shown = ", ".join(broken[:5]) + (f" and {len(broken) - 5} more" if len(broken) > 5 else "")
        journal.warn(f"{len(broken)} pictures on the page failed to load: {shown}")
    for warning in tls_warnings:
        journal.warn(warning)


def removed_reason(status: int | None, text: str) -> str | None:
    """Why the page looks removed (the server's status or the page's own words), or None."""
    if status in (404, 410):
        return f"the server answered {status}"
    if (status is None or status < 400) and _REMOVED_TEXT.search(text[:50_000]):
        return "the page's text says the post was removed or is not available"
    return None


#: (key, what it is, what is said when it is missing), each {"en", "sq"}.
_NEEDED: tuple[tuple[str, dict[str, str], dict[str, str]], ...] = (
    (
        "handle",
        {"en": "Author's handle", "sq": "Emri i përdoruesit të autorit"},
        {
            "en": "The author's handle (user name) was not found on the page.",
            "sq": "Emri i përdoruesit (handle) i autorit nuk u gjet në faqe.",
        },
    ),
    (
        "account_id",
        {"en": "Account id", "sq": "Numri i llogarisë"},
        {
            "en": "The platform's numeric account id was not found: handles change, the id does"
            " not, and the police ask the platform by id.",
            "sq": "Numri i llogarisë në platformë nuk u gjet: emri i përdoruesit ndryshon, numri"
            " jo, dhe policia e pyet platformën sipas numrit.",
        },
    ),
    (
        "post_id",
        {"en": "Post id", "sq": "Numri i postimit"},
        {
            "en": "The post's id was not found.",
            "sq": "Numri identifikues i postimit nuk u gjet.",
        },
    ),
    (
        "posted_at",
        {"en": "Time of posting", "sq": "Koha e postimit"},
        {
            "en": "When it was posted was not found.",
            "sq": "Koha kur u postua nuk u gjet.",
        },
    ),
    (
        "content",
        {"en": "Text or media", "sq": "Teksti ose media"},
        {
            "en": "Neither the post's text nor its pictures or videos were found.",
            "sq": "Nuk u gjet as teksti i postimit, as fotot apo videot e tij.",
        },
    ),
    (
        "no_login_wall",
        {"en": "Seen without a login wall", "sq": "Parë pa murin e hyrjes"},
        {
            "en": "The page asked for a login: what is behind the login wall was not seen.",
            "sq": "Faqja kërkoi hyrje në llogari: ajo që është pas murit të hyrjes nuk u pa.",
        },
    ),
    (
        "not_removed",
        {"en": "Not removed", "sq": "Jo e hequr"},
        {
            "en": "The page says the post was removed or is not available.",
            "sq": "Faqja thotë se postimi është hequr ose nuk është i disponueshëm.",
        },
    ),
)


def completeness_score(
    record: dict[str, Any], login_wall: bool, removed: str | None
) -> dict[str, Any]:
    """Which of the facts a court needs the capture holds, as found/needed, with what is
    missing in plain words (EN + SQ). `record` is the platform record (`platforms`)."""
    unavailable = record.get("unavailable")
    found = {
        "handle": bool(record.get("handle")),
        "account_id": bool(record.get("account_id")),
        "post_id": bool(record.get("post_id")),
        "posted_at": bool(record.get("posted_at_utc") or record.get("posted_at_shown")),
        "content": bool(record.get("text") or record.get("media")),
        "no_login_wall": not login_wall
        and not (isinstance(unavailable, str) and "login" in unavailable),
        "not_removed": removed is None and not unavailable,
    }
    facts = [
        {
            "key": key,
            "found": found[key],
            "label": label,
            **({} if found[key] else {"missing": said}),
        }
        for key, label, said in _NEEDED
    ]
    missing = [fact["missing"] for fact in facts if not fact["found"]]
    if isinstance(unavailable, str) and unavailable and not found["not_removed"]:
        missing.append(
            {
                "en": f"The platform's own data says: {unavailable}.",
                "sq": f"Të dhënat e vetë platformës thonë: {unavailable}.",
            }
        )
    if removed:
        missing.append(
            {"en": f"Why: {removed}.", "sq": f"Pse: {_REASON_SQ.get(removed, removed)}."}
        )
    count = sum(found.values())
    return {
        "schema": SCORE_SCHEMA,
        "found": count,
        "needed": len(_NEEDED),
        "score": f"{count}/{len(_NEEDED)}",
        "complete": count == len(_NEEDED),
        "facts": facts,
        "missing": missing,
    }


_REASON_SQ = {
    "the server answered 404": "serveri u përgjigj 404",
    "the server answered 410": "serveri u përgjigj 410",
    "the page's text says the post was removed or is not available": (
        "teksti i faqes thotë se postimi është hequr ose nuk është i disponueshëm"
    ),
}


def platform_facts_and_score(
    url: str,
    final_url: str,
    html: bytes,
    exchanges: list[Exchange],
    facts: dict[str, Any],
    login_wall: bool,
    status: int | None,
    text: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The platform record of the captured page (metadata "platform_facts") and its
    completeness score (metadata "completeness"). Pure: runs in a worker thread."""
    record = platform_facts(
        url,
        final_url,
        html.decode("utf-8", "replace"),
        json_responses(exchanges),
        facts,
    )
    return record, completeness_score(record, login_wall, removed_reason(status, text))

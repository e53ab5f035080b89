"""The report's rows for what the platform's page says (metadata "platform_facts", read by
`capture.platforms`) and the completeness score (metadata "completeness"): who posted it, by
handle and by the platform's account id, which post, when, what, counts and the comments the
page showed; then how many of the facts a court needs were found, and what is missing in plain
words, English and Albanian.

Read tolerantly: a capture made before these keys existed shows "not recorded"; a missing fact
is shown missing, never filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.bundle.capture_values import (
    MISSING,
    NONE,
    SOFT,
    Field,
    anything,
    as_text,
    bi_label,
    bi_value,
    inline_label,
    labelled,
    number,
)
from evidencekit.bundle.layout import clean, whole

MAX_LISTED = 20  # media and comments listed one a line; the rest are in metadata.json

RECOGNISED_BY = {
    "address": Bi("the address (host name)", "adresa (emri i hostit)"),
    "page structure": Bi(
        "the page's own data structure (the address is not the platform's)",
        "struktura e të dhënave të faqes (adresa nuk është e platformës)",
    ),
}

COUNT_WORDS = {
    "likes": Bi("likes", "pëlqime"),
    "comments": Bi("comments", "komente"),
    "shares": Bi("shares", "shpërndarje"),
    "views": Bi("views", "shikime"),
    "quotes": Bi("quotes", "citime"),
}


def _recognised(value: Any) -> str:
    return bi_value(RECOGNISED_BY[value]) if value in RECOGNISED_BY else anything(value)


def _counts(value: Any) -> str:
    if not isinstance(value, Mapping):
        return anything(value)
    if not value:
        return bi_value(Bi("none shown", "asnjë e shfaqur"))
    parts = []
    for key, count in value.items():
        said = COUNT_WORDS.get(str(key))
        parts.append(
            f"{number(count) or anything(count)} {bi_value(said) if said else clean(key, 40)}"
        )
    return ", ".join(parts)


def _media(value: Any) -> list[str] | str:
    if not isinstance(value, list):
        return anything(value)
    if not value:
        return bi_value(NONE)
    lines = [
        f"{clean(m.get('kind'), 40)}: {whole(m.get('url'))}"
        if isinstance(m, Mapping)
        else anything(m)
        for m in value[:MAX_LISTED]
    ]
    if len(value) > MAX_LISTED:
        lines.append(
            bi_value(
                Bi(
                    f"and {len(value) - MAX_LISTED} more in metadata.json",
                    f"dhe {len(value) - MAX_LISTED} të tjera te metadata.json",
                )
            )
        )
    return lines


def _comment(c: Any) -> str:
    if not isinstance(c, Mapping):
        return anything(c)
    who = " ".join(
        part
        for part in (
            clean(c.get("author_name"), 200) if c.get("author_name") else "",
            f"@{clean(c.get('handle'), 100)}" if c.get("handle") else "",
            f"(id {clean(c.get('account_id'), 60)})" if c.get("account_id") else "",
        )
        if part
    )
    when = c.get("posted_at_utc") or c.get("posted_at_shown")
    when = clean(when, 100) if when else ""
    head = " · ".join(p for p in (who or MISSING, when) if p)
    return f"{head}: {whole(c.get('text'))}" if c.get("text") else head


def _comments(value: Any) -> list[str] | str:
    if not isinstance(value, list):
        return anything(value)
    if not value:
        return bi_value(Bi("none shown", "asnjë e shfaqur"))
    lines = [_comment(c) for c in value[:MAX_LISTED]]
    if len(value) > MAX_LISTED:
        lines.append(
            bi_value(
                Bi(
                    f"and {len(value) - MAX_LISTED} more in metadata.json",
                    f"dhe {len(value) - MAX_LISTED} të tjerë te metadata.json",
                )
            )
        )
    return lines


NOT_FOUND = (
    f"<font color='{SOFT}'>{bi_value(Bi('not found on the page', 'nuk u gjet në faqe'))}</font>"
)
NOTHING_SAID = Bi(
    "nothing (no removed or private mark)", "asgjë (asnjë shenjë heqjeje a privatësie)"
)


def _flat(value: Any) -> str:
    """A fact of the record: a value the reader did not find is said so, never filled in."""
    return anything(value) if value not in (None, "") else NOT_FOUND


def _said(value: Any) -> str:
    return bi_value(NOTHING_SAID) if value in (None, "") else anything(value)


PLATFORM_FIELDS: tuple[Field, ...] = (
    ("platform", Bi("Platform", "Platforma"), as_text),
    ("recognised_by", Bi("Recognised by", "Njohur nga"), _recognised),
    ("author_name", Bi("Author (name shown)", "Autori (emri i shfaqur)"), _flat),
    ("handle", Bi("Handle", "Emri i përdoruesit"), _flat),
    ("account_id", Bi("Account id (does not change)", "Numri i llogarisë (nuk ndryshon)"), _flat),
    ("post_id", Bi("Post id", "Numri i postimit"), _flat),
    ("posted_at_utc", Bi("Posted (UTC)", "Postuar (UTC)"), _flat),
    (
        "posted_at_shown",
        Bi("Posted (as the page showed it)", "Postuar (siç e shfaqte faqja)"),
        _flat,
    ),
    ("text", Bi("Text", "Teksti"), _flat),
    ("counts", Bi("Counts", "Numrat"), _counts),
    ("unavailable", Bi("The platform's data says", "Të dhënat e platformës thonë"), _said),
)
#: keys shown on rows of their own, or not at all (lists of their own rows)
_OWN_ROWS = {"media", "comments", "sources", "problems"}


def _completeness(value: Any) -> list[str] | str:
    if not isinstance(value, Mapping):
        return MISSING if value is None else anything(value)
    found, needed = value.get("found"), value.get("needed")
    lines = [
        "<b>"
        + bi_value(
            Bi(
                f"{found} of {needed} facts a court needs were found",
                f"U gjetën {found} nga {needed} faktet që i duhen gjykatës",
            )
        )
        + "</b>"
    ]
    for fact in value.get("facts") or []:
        if not isinstance(fact, Mapping):
            continue
        label: Mapping[str, Any] = fact["label"] if isinstance(fact.get("label"), Mapping) else {}
        name = Bi(str(label.get("en", fact.get("key"))), str(label.get("sq", fact.get("key"))))
        state = Bi("found", "u gjet") if fact.get("found") is True else Bi("MISSING", "MUNGON")
        lines.append(f"{inline_label(name)} {bi_value(state)}")
    for said in value.get("missing") or []:
        if isinstance(said, Mapping):
            en, sq = clean(said.get("en"), 600), clean(said.get("sq"), 600)
            lines.append(f"• {en}<br/><font color='{SOFT}'>{sq}</font>")
    return lines


def platform_rows(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Rows for Capture details: the platform facts, media, comments, sources, completeness."""
    if "platform_facts" not in meta:
        return [
            (bi_label(Bi("Platform facts", "Faktet e platformës")), MISSING),
            (bi_label(Bi("Completeness", "Plotësia")), MISSING),
        ]
    record = meta.get("platform_facts")
    record = record if isinstance(record, Mapping) else {}
    rest = {k: v for k, v in record.items() if k not in _OWN_ROWS}
    sources = record.get("sources")
    problems = record.get("problems")
    rows: list[tuple[str, Any]] = [
        (
            bi_label(Bi("Platform facts", "Faktet e platformës")),
            labelled(rest, PLATFORM_FIELDS) if record else MISSING,
        ),
        (
            bi_label(Bi("Media in the platform's data", "Media në të dhënat e platformës")),
            _media(record.get("media", [])),
        ),
        (
            bi_label(Bi("Comments shown", "Komentet e shfaqura")),
            _comments(record.get("comments", [])),
        ),
        (
            bi_label(Bi("Where the facts were read", "Ku u lexuan faktet")),
            [anything(s) for s in sources]
            if isinstance(sources, list) and sources
            else bi_value(NONE),
        ),
    ]
    if isinstance(problems, list) and problems:
        rows.append(
            (bi_label(Bi("Reading problems", "Probleme në lexim")), [anything(p) for p in problems])
        )
    rows.append((bi_label(Bi("Completeness", "Plotësia")), _completeness(meta.get("completeness"))))
    return rows

"""The report's rows for what the platform's page says (metadata "platform_facts", read by
`capture.platforms`) and the completeness score (metadata "completeness"): who posted it, by
handle and by the platform's account id, which post, when, what, counts and the comments the
page showed; then how many of the facts a court needs were found, and what is missing in plain
words, English and Albanian.

Read tolerantly: a capture made before these keys existed shows "not recorded"; a missing fact
is shown missing, never filled in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evidencekit import online_history
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
    none_means,
    number,
)
from evidencekit.bundle.layout import clean, whole
from evidencekit.vault.records import ItemRecord

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


# --- issue 12: logged-in capture (metadata "login", capture/login.py login_facts) ---

ACCOUNT_SOURCES = {
    "operator": Bi("as the operator named it", "siç e emërtoi operatori"),
    "page": Bi("as the site showed it when she logged in", "siç e shfaqi faqja kur ajo hyri"),
}


def _requests(value: Any) -> str:
    """Blocked requests or GraphQL reads let through: how many, then one a line."""
    if not isinstance(value, list):
        return anything(value)
    lines = [str(len(value))]
    for entry in value[:MAX_LISTED]:
        if isinstance(entry, Mapping):
            what = " ".join(
                clean(entry.get(k), 120) for k in ("time", "method", "name") if entry.get(k)
            )
            lines.append(f"{what}: {whole(entry.get('url'))}" if what else whole(entry.get("url")))
        else:
            lines.append(anything(entry))
    if len(value) > MAX_LISTED:
        lines.append(
            bi_value(
                Bi(
                    f"and {len(value) - MAX_LISTED} more in metadata.json",
                    f"dhe {len(value) - MAX_LISTED} të tjera te metadata.json",
                )
            )
        )
    return "<br/>• ".join(lines)


def _seen_as(login: Mapping[str, Any]) -> str:
    account = login.get("account_as_shown")
    who = f"@{clean(str(account).lstrip('@'), 200)}" if account else None
    source = ACCOUNT_SOURCES.get(str(login.get("account_source")))
    consent = login.get("consent_note")
    en = f"Seen logged in as {who}" if who else "Seen logged in (the account was not named)"
    sq = f"Parë me hyrje si {who}" if who else "Parë me hyrje (llogaria nuk u emërtua)"
    if source is not None:
        en, sq = f"{en}, {source.en}", f"{sq}, {source.sq}"
    text = f"{clean(en)}<br/><font color='{SOFT}'>{clean(sq)}</font>"
    said = whole(consent) if consent else bi_value(Bi("no consent note", "pa shënim për pëlqimin"))
    return f"{text}<br/>{inline_label(Bi('Consent note', 'Shënimi i pëlqimit'))} {said}"


LOGIN_FIELDS: tuple[Field, ...] = (
    ("session_id", Bi("Saved login used", "Hyrja e ruajtur e përdorur"), as_text),
    ("site", Bi("Site of the saved login", "Faqja e hyrjes së ruajtur"), as_text),
    (
        "account_shown_on_page",
        Bi("Account the captured page showed", "Llogaria që shfaqi faqja e kapur"),
        lambda v: anything(v) if v else NOT_FOUND,
    ),
    (
        "blocked_requests",
        Bi(
            "Requests blocked so nothing changed on the platform",
            "Kërkesa të bllokuara që të mos ndryshonte asgjë në platformë",
        ),
        _requests,
    ),
    (
        "graphql_reads_allowed",
        Bi("Data reads let through (GraphQL queries)", "Lexime të dhënash të lejuara (GraphQL)"),
        _requests,
    ),
    (
        "secret_header_values_removed_from_traffic",
        Bi(
            "Login secrets taken out of the recorded traffic",
            "Sekrete të hyrjes të hequra nga trafiku i regjistruar",
        ),
        lambda v: number(v) or anything(v),
    ),
)
_OLD_LOGIN_FIELDS: tuple[Field, ...] = (
    ("logged_in", Bi("Logged in to an account", "I identifikuar në një llogari"), as_text),
    ("session", Bi("Saved session used", "Sesion i ruajtur i përdorur"), none_means(NONE)),
)
_SAID_IN_HEAD = {"logged_in", "account_as_shown", "account_source", "consent_note"}


def login_rows(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The Logged in row: logged out, or as which account with whose consent, then what the
    saved login did (which one, the requests blocked, the reads let through). A capture made
    before the `login` record shows the old flags, or "not recorded"."""
    label = bi_label(Bi("Logged in", "Me hyrje në llogari"))
    login = meta.get("login")
    if not isinstance(login, Mapping):  # before the login record: its two flags, as then
        old = {k: meta[k] for k in ("logged_in", "session") if k in meta}
        return [(label, labelled(old, _OLD_LOGIN_FIELDS) if old else MISSING)]
    if login.get("logged_in") is not True:
        return [
            (
                label,
                bi_value(Bi("no: captured logged out", "jo: kapur pa hyrje në llogari")),
            )
        ]
    rest = {k: v for k, v in login.items() if k not in _SAID_IN_HEAD}
    return [(label, [_seen_as(login), *labelled(rest, LOGIN_FIELDS)])]


# --- issue 12: capture again (metadata "recapture_of", "recapture"; online_history.py) ---


def recapture_rows(
    meta: Mapping[str, Any], later: Sequence[ItemRecord] = ()
) -> list[tuple[str, Any]]:
    """For a later capture of an address: which item it captures again, each capture of the
    chain it recorded (online or removed), and "still online on …" or "removed between …".
    For a first capture, the same from `later` (its recaptures in this bundle, if the caller
    passes them); nothing when there are none."""
    if "recapture_of" not in meta:
        return _first_of_chain(meta, later)
    time = meta.get("time") if isinstance(meta.get("time"), Mapping) else {}
    http = meta.get("http") if isinstance(meta.get("http"), Mapping) else {}
    captured = time.get("ended_at_utc") if isinstance(time, Mapping) else None
    status = http.get("status") if isinstance(http, Mapping) else None
    captures = online_history.chain_captures("", str(captured or ""), status, meta) or []
    lines = [
        f"{inline_label(Bi('Captures again item', 'Kap sërish provën'))} "
        f"{anything(meta.get('recapture_of'))}"
    ]
    return [(bi_label(Bi("Captured again", "Kapur përsëri")), lines + _chain_lines(captures))]


def _first_of_chain(meta: Mapping[str, Any], later: Sequence[ItemRecord]) -> list[tuple[str, Any]]:
    if not later:
        return []
    time = meta.get("time") if isinstance(meta.get("time"), Mapping) else {}
    http = meta.get("http") if isinstance(meta.get("http"), Mapping) else {}
    captured = time.get("ended_at_utc") if isinstance(time, Mapping) else None
    status = http.get("status") if isinstance(http, Mapping) else None
    captures = [
        online_history.seen("", str(captured or ""), status, meta),
        *(online_history.seen(r.id, r.captured_at, r.status, r.metadata) for r in later),
    ]
    label = Bi("Captured again later (in this bundle)", "Kapur përsëri më vonë (në këtë paketë)")
    return [(bi_label(label), _chain_lines(captures))]


def _chain_lines(captures: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    words = online_history.history_words(online_history.online_history(captures))
    if words is not None:
        lines.append(f"<b>{clean(words.en)}</b><br/><font color='{SOFT}'>{clean(words.sq)}</font>")
    for c in captures:
        when = clean(c.get("captured_at_utc"), 40)
        who = clean(c.get("item_id"), 80) or bi_value(Bi("this capture", "kjo kapje"))
        state = (
            Bi("online", "në internet")
            if c.get("online") is True
            else Bi(
                f"removed ({clean(c.get('removed_why'), 200)})",
                "e hequr ("
                + clean(
                    online_history.REASONS_SQ.get(str(c.get("removed_why")), c.get("removed_why")),
                    200,
                )
                + ")",
            )
        )
        lines.append(f"• {when} · {who}: {bi_value(state)}")
    return lines

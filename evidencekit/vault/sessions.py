"""Saved logins (issue 12): the SQL for the `sessions` table.

A session is what a site's login left in a browser context (Playwright's storage state:
cookies and local storage) as JSON. It lives only here, inside the encrypted vault: it is read
into memory for a capture and never written anywhere else. Removal overwrites the stored
value with zeros of the same length before the row is deleted (and the connection runs with
`secure_delete`, so freed pages are zeroed too). `Vault` logs each change and each use in the
custody chain, never the cookies.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import AmbiguousItemId, SessionNotFound
from evidencekit.vault.items import ID_ALPHABET

_SELECT = (
    "SELECT uid, site, start_url, account, account_source, consent, created_at, last_used_at "
    "FROM sessions "
)


@dataclass(frozen=True)
class SessionInfo:
    """What may be shown of a saved login: never its cookies."""

    id: str
    site: str
    start_url: str
    account: str
    account_source: str
    consent: str
    created_at: str
    last_used_at: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site": self.site,
            "start_url": self.start_url,
            "account": self.account or None,
            "account_source": self.account_source or None,
            "consent": self.consent or None,
            "created_at": self.created_at,
            "last_used_at": self.last_used_at,
        }


@dataclass(frozen=True)
class SessionSecret:
    """A saved login with its storage state, for a capture to use in memory only."""

    info: SessionInfo
    storage: dict[str, Any] = field(repr=False)


def new_session_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(10))


def _info(row: Any) -> SessionInfo:
    return SessionInfo(*(row[i] for i in range(8)))


def insert(
    conn: Any,
    *,
    site: str,
    start_url: str,
    account: str,
    account_source: str,
    consent: str,
    storage: dict[str, Any],
) -> SessionInfo:
    uid = new_session_id()
    conn.execute(
        "INSERT INTO sessions (uid, site, start_url, account, account_source, consent, storage, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uid,
            site,
            start_url,
            account,
            account_source,
            consent,
            json.dumps(storage, separators=(",", ":")),
            now_iso_z_ms(),
        ),
    )
    return get(conn, uid)


def resolve(conn: Any, id_or_prefix: str) -> str:
    """The full id for an id or an unambiguous prefix (at least 4 characters)."""
    text = id_or_prefix.strip()
    row = conn.execute("SELECT uid FROM sessions WHERE uid = ?", (text,)).fetchone()
    if row is not None:
        return str(row[0])
    if len(text) >= 4:
        rows = conn.execute(
            "SELECT uid FROM sessions WHERE substr(uid, 1, ?) = ?", (len(text), text)
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if len(rows) > 1:
            raise AmbiguousItemId(f"“{text}” matches {len(rows)} saved logins; type more of it.")
    raise SessionNotFound(f"There is no saved login “{text}”. 'evidencekit sessions' lists them.")


def get(conn: Any, uid: str) -> SessionInfo:
    row = conn.execute(_SELECT + "WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise SessionNotFound()
    return _info(row)


def listed(conn: Any) -> list[SessionInfo]:
    return [_info(r) for r in conn.execute(_SELECT + "ORDER BY created_at, id").fetchall()]


def for_site(conn: Any, site: str) -> list[SessionInfo]:
    """Saved logins of `site`, the newest first."""
    rows = conn.execute(_SELECT + "WHERE site = ? ORDER BY created_at DESC, id DESC", (site,))
    return [_info(r) for r in rows.fetchall()]


def secret(conn: Any, uid: str) -> SessionSecret:
    row = conn.execute("SELECT storage FROM sessions WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise SessionNotFound()
    return SessionSecret(get(conn, uid), json.loads(row[0]))


def touch(conn: Any, uid: str) -> str:
    when = now_iso_z_ms()
    conn.execute("UPDATE sessions SET last_used_at = ? WHERE uid = ?", (when, uid))
    return when


def remove(conn: Any, uid: str) -> None:
    """Overwrite the stored state with zeros of its length, then delete the row."""
    conn.execute(
        "UPDATE sessions SET storage = zeroblob(length(CAST(storage AS BLOB))), account = '', "
        "consent = '' WHERE uid = ?",
        (uid,),
    )
    conn.execute("DELETE FROM sessions WHERE uid = ?", (uid,))

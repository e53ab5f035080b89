"""Sealing records inside the vault: the signing identity, item seals, timestamp rows.

Plain storage, run inside the caller's transaction; the network side (asking a TSA) lives in
`evidencekit.jobs.seal`, which never holds a transaction open while it waits.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import IdentityDamaged
from evidencekit.seal.identity import Identity
from evidencekit.vault.subjects import CUSTODY, like_pattern


@dataclass(frozen=True)
class TimestampRow:
    id: int
    subject: str
    digest: str
    tsa_url: str
    status: str  # granted / pending / failed
    gen_time: str | None
    token_sha256: str | None
    reason: str
    requested_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "tsa": self.tsa_url,
            "time": self.gen_time,
            "status": self.status,
        }
        if self.reason:
            data["reason"] = self.reason
        if self.token_sha256:
            data["token_sha256"] = self.token_sha256
        return data


def save_identity(conn: Any, identity: Identity, *, active: bool = True) -> None:
    stored = {
        k: (base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v)
        for k, v in identity.to_storage().items()
    }
    if active:
        conn.execute("UPDATE identities SET active = 0")
    conn.execute(
        "INSERT INTO identities (fingerprint, subject, storage, created_at, active) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET active = excluded.active",
        (
            identity.fingerprint_sha256,
            identity.subject,
            json.dumps(stored),
            now_iso_z_ms(),
            int(active),
        ),
    )


def active_identity(conn: Any) -> Identity | None:
    row = conn.execute("SELECT storage FROM identities WHERE active = 1").fetchone()
    if row is None:
        return None
    try:
        raw = json.loads(row[0])
    except ValueError as exc:
        raise IdentityDamaged(detail="identity record is not JSON") from exc
    data = {
        k: (base64.b64decode(v) if k in ("private_key_pkcs8", "certificate") else v)
        for k, v in raw.items()
    }
    return Identity.from_storage(data)


def save_seal(conn: Any, item_id: int, digest: str, signed_by: str) -> None:
    conn.execute(
        "INSERT INTO seals (item_id, digest, signed_by, signed_at) VALUES (?, ?, ?, ?)",
        (item_id, digest, signed_by, now_iso_z_ms()),
    )


def seal_of(conn: Any, item_id: int) -> tuple[str, str] | None:
    row = conn.execute(
        "SELECT digest, signed_by FROM seals WHERE item_id = ?", (item_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


_COLUMNS = (
    "id, subject, digest, tsa_url, status, gen_time, token_sha256, reason, requested_at, updated_at"
)


def timestamps_for(conn: Any, subject: str) -> list[TimestampRow]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM timestamps WHERE subject = ? ORDER BY id",  # noqa: S608
        (subject,),
    ).fetchall()
    return [TimestampRow(*r) for r in rows]


def pending(conn: Any) -> list[TimestampRow]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM timestamps WHERE status = 'pending' ORDER BY id"  # noqa: S608
    ).fetchall()
    return [TimestampRow(*r) for r in rows]


def mark_pending(conn: Any, subject: str, item_id: int | None, digest: str, reason: str) -> bool:
    """Record (or refresh) that `subject` still waits for a token, and why; True if new."""
    now = now_iso_z_ms()
    updated = conn.execute(
        "UPDATE timestamps SET reason = ?, updated_at = ? WHERE subject = ? AND status = 'pending'",
        (reason, now, subject),
    ).rowcount
    if not updated:
        conn.execute(
            "INSERT INTO timestamps (subject, item_id, digest, status, reason, requested_at, "
            "updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
            (subject, item_id, digest, reason, now, now),
        )
    return not updated


def add_granted(
    conn: Any,
    subject: str,
    item_id: int | None,
    digest: str,
    tsa_url: str,
    gen_time: str,
    token_sha256: str,
) -> None:
    now = now_iso_z_ms()
    conn.execute("DELETE FROM timestamps WHERE subject = ? AND status = 'pending'", (subject,))
    conn.execute(
        "INSERT INTO timestamps (subject, item_id, digest, tsa_url, status, gen_time, "
        "token_sha256, requested_at, updated_at) VALUES (?, ?, ?, ?, 'granted', ?, ?, ?, ?)",
        (subject, item_id, digest, tsa_url, gen_time, token_sha256, now, now),
    )


def add_failed(
    conn: Any, subject: str, item_id: int | None, digest: str, tsa_url: str, reason: str
) -> None:
    """A TSA answered with something that is not a valid token for us: kept as a fact."""
    now = now_iso_z_ms()
    conn.execute(
        "INSERT INTO timestamps (subject, item_id, digest, tsa_url, status, reason, "
        "requested_at, updated_at) VALUES (?, ?, ?, ?, 'failed', ?, ?, ?)",
        (subject, item_id, digest, tsa_url, reason, now, now),
    )


def unstamped_items(conn: Any) -> list[tuple[str, str]]:
    """(item uid, digest) of every sealed item that holds no granted token yet, in order."""
    rows = conn.execute(
        "SELECT i.uid, s.digest FROM items i JOIN seals s ON s.item_id = i.id "
        "WHERE NOT EXISTS (SELECT 1 FROM timestamps t WHERE t.item_id = i.id "
        "AND t.status = 'granted') ORDER BY i.id"
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def last_anchor_update(conn: Any) -> str | None:
    """When a custody anchor was last granted (ISO 8601 UTC), or None."""
    row = conn.execute(
        "SELECT max(updated_at) FROM timestamps WHERE subject LIKE ? AND status = 'granted'",
        (like_pattern(CUSTODY),),
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def anchor_subjects(conn: Any) -> list[str]:
    """Subjects of the granted custody anchors, newest first, each once."""
    rows = conn.execute(
        "SELECT subject FROM timestamps WHERE subject LIKE ? AND status = 'granted' "
        "ORDER BY id DESC",
        (like_pattern(CUSTODY),),
    ).fetchall()
    return list(dict.fromkeys(str(r[0]) for r in rows))


def newest_anchor_token(conn: Any) -> str | None:
    """The SHA-256 of the newest granted custody anchor token's bytes, or None."""
    row = conn.execute(
        "SELECT token_sha256 FROM timestamps WHERE subject LIKE ? AND status = 'granted' "
        "ORDER BY id DESC LIMIT 1",
        (like_pattern(CUSTODY),),
    ).fetchone()
    return None if row is None else str(row[0])

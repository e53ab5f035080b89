"""The custody log: an append-only, hash-chained record of everything done to the evidence.

Each entry's hash is SHA-256 over the canonical JSON (RFC 8785) of
`{"seq", "at", "operator", "action", "object", "details", "prev"}`, where `prev` is the previous
entry's hash (null for the first). Changing, removing or reordering any entry breaks the chain
at that entry, and `verify_chain` names it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from evidencekit.canonical import canonical_json
from evidencekit.clock import now_iso_z_ms


@dataclass(frozen=True)
class CustodyEntry:
    seq: int
    at: str
    operator: str
    action: str
    object: str
    details: dict[str, Any]
    prev_hash: str | None
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "operator": self.operator,
            "action": self.action,
            "object": self.object,
            "details": self.details,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def entry_hash(
    seq: int, at: str, operator: str, action: str, obj: str, details: Any, prev: str | None
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "operator": operator,
        "action": action,
        "object": obj,
        "details": details,
        "prev": prev,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


def head(conn: Any) -> tuple[int, str | None]:
    """(last seq, last hash) — (0, None) for an empty log."""
    row = conn.execute("SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, None) if row is None else (int(row[0]), str(row[1]))


def append(
    conn: Any, operator: str, action: str, obj: str, details: dict[str, Any]
) -> CustodyEntry:
    """Append one entry. Must run inside the caller's write transaction."""
    last_seq, prev = head(conn)
    seq = last_seq + 1
    at = now_iso_z_ms()
    digest = entry_hash(seq, at, operator, action, obj, details, prev)
    conn.execute(
        "INSERT INTO custody (seq, at, operator, action, object, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, operator, action, obj, canonical_json(details).decode(), prev, digest),
    )
    return CustodyEntry(seq, at, operator, action, obj, details, prev, digest)


def _row_to_entry(row: Any) -> CustodyEntry:
    seq, at, operator, action, obj, details, prev, digest = row
    return CustodyEntry(int(seq), at, operator, action, obj, json.loads(details), prev, digest)


def entries(conn: Any, *, objects: Iterable[str] | None = None) -> list[CustodyEntry]:
    """All entries in order, or only those about `objects`."""
    sql = "SELECT seq, at, operator, action, object, details, prev_hash, hash FROM custody"
    rows = conn.execute(sql + " ORDER BY seq").fetchall()
    wanted = set(objects) if objects is not None else None
    result = [_row_to_entry(r) for r in rows]
    return result if wanted is None else [e for e in result if e.object in wanted]


# A hand-over (vault/transfer.py) starts the receiving vault's log with the giving vault's
# log: the entries about the case as they are, the others as their hashes alone (WITHHELD, so
# other people's evidence is not named). They keep the chain linked, so each item's intake
# entry still follows the custody head its manifest names. A withheld row cannot be re-hashed,
# so it is accepted only when a LATER TRANSFER_IN entry, whose own hash verifies, names its seq
# in its details ("withheld": [seq, ...]): the hand-over says, under its hash, exactly what it
# withheld, and no other row may be blanked (a vault handed on again names the earlier
# hand-over's withheld rows in its own transfer-in too).
WITHHELD = "withheld"
TRANSFER_IN = "transfer-in"


def withheld_row(seq: int, prev_hash: str | None, digest: str) -> tuple[Any, ...]:
    """The custody row that stands for a withheld entry (columns as in the table)."""
    return (seq, "", "", WITHHELD, "", "{}", prev_hash, digest)


def _named_withheld(rows: list[Any]) -> set[int]:
    """The seqs that some transfer-in entry, whose hash verifies, names as withheld before it."""
    named: set[int] = set()
    for seq, at, operator, action, obj, details_text, prev_hash, stored_hash in rows:
        if action != TRANSFER_IN:
            continue
        try:
            details = json.loads(details_text)
        except ValueError:
            continue  # the walk reports it
        if entry_hash(seq, at, operator, action, obj, details, prev_hash) != stored_hash:
            continue  # the walk reports it
        listed = details.get("withheld") if isinstance(details, dict) else None
        if isinstance(listed, list):
            named.update(s for s in listed if type(s) is int and 0 < s < seq)
    return named


def verify_chain(conn: Any) -> tuple[int, str | None]:
    """Walk the whole chain. Returns (entries checked, None) or (n, description of first break)."""
    rows = conn.execute(
        "SELECT seq, at, operator, action, object, details, prev_hash, hash FROM custody "
        "ORDER BY seq"
    ).fetchall()
    named = _named_withheld(rows)
    prev: str | None = None
    expected_seq = 1
    for count, row in enumerate(rows, start=1):
        seq, at, operator, action, obj, details_text, prev_hash, stored_hash = row
        if seq != expected_seq:
            return count, f"entry {expected_seq} is missing (the next entry is {seq})"
        if action == WITHHELD and not obj and seq in named:
            if prev_hash != prev:
                return count, f"entry {seq} (withheld): does not link to entry {seq - 1}"
            prev = stored_hash
            expected_seq += 1
            continue
        try:
            details = json.loads(details_text)
        except ValueError:
            return count, f"entry {seq} ({action}): its details are not readable"
        if prev_hash != prev:
            return count, (
                f"entry {seq} ({action}): does not link to entry {seq - 1} "
                f"(entry {seq - 1} was changed or replaced)"
            )
        if entry_hash(seq, at, operator, action, obj, details, prev_hash) != stored_hash:
            return count, f"entry {seq} ({action}): its content was changed after it was written"
        prev = stored_hash
        expected_seq += 1
    return len(rows), None

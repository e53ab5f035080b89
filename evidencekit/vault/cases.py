"""Cases inside the vault: named groups of items (one per legal matter).

Plain storage on the connection, run inside the caller's transaction for changes; `Vault`
logs each change in the custody chain.
"""

from __future__ import annotations

from typing import Any

from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import CaseExists
from evidencekit.vault import meta
from evidencekit.vault.records import CaseInfo

# A case's settings live in the meta table under the case's row id (so a rename keeps them),
# without a schema change: "someone in these pictures may be under 18" (issue 14 part 2).
_MINOR_SAFE = "case_minor_safe:"


def find(conn: Any, name: str) -> int | None:
    """The case's row id, or None when there is no case of that name."""
    row = conn.execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def insert(conn: Any, name: str) -> int:
    case_id = conn.execute(
        "INSERT INTO cases (name, created_at) VALUES (?, ?)", (name, now_iso_z_ms())
    ).lastrowid
    return int(case_id)


def listed(conn: Any) -> list[CaseInfo]:
    """Every case by name, with how many items it holds."""
    rows = conn.execute(
        "SELECT c.name, c.created_at, count(i.id), c.id FROM cases c "
        "LEFT JOIN items i ON i.case_id = c.id GROUP BY c.id ORDER BY c.name"
    ).fetchall()
    safe = _minor_safe_ids(conn)
    return [CaseInfo(r[0], r[1], int(r[2]), minor_safe=int(r[3]) in safe) for r in rows]


def _minor_safe_ids(conn: Any) -> set[int]:
    rows = conn.execute(
        "SELECT key FROM meta WHERE key LIKE ? AND value = '1'", (_MINOR_SAFE + "%",)
    ).fetchall()
    return {int(r[0][len(_MINOR_SAFE) :]) for r in rows if r[0][len(_MINOR_SAFE) :].isdigit()}


def minor_safe(conn: Any, case_id: int | None) -> bool:
    """Whether every capture and import into the case keeps pictures as hashes only."""
    return case_id is not None and meta.get(conn, f"{_MINOR_SAFE}{case_id}") == "1"


def set_minor_safe(conn: Any, case_id: int, on: bool) -> None:
    meta.put(conn, f"{_MINOR_SAFE}{case_id}", "1" if on else "0")


def rename(conn: Any, case_id: int | None, new: str) -> None:
    """Give the case `new` as its name; raises CaseExists if another case has it."""
    if conn.execute("SELECT 1 FROM cases WHERE name = ?", (new,)).fetchone():
        raise CaseExists(f"There is already a case called “{new}”. Nothing was changed.")
    conn.execute("UPDATE cases SET name = ? WHERE id = ?", (new, case_id))

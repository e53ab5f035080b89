"""Cases inside the vault: named groups of items (one per legal matter).

Plain storage on the connection, run inside the caller's transaction for changes; `Vault`
logs each change in the custody chain.
"""

from __future__ import annotations

from typing import Any

from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import CaseExists
from evidencekit.vault.records import CaseInfo


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
        "SELECT c.name, c.created_at, count(i.id) FROM cases c "
        "LEFT JOIN items i ON i.case_id = c.id GROUP BY c.id ORDER BY c.name"
    ).fetchall()
    return [CaseInfo(r[0], r[1], int(r[2])) for r in rows]


def rename(conn: Any, case_id: int | None, new: str) -> None:
    """Give the case `new` as its name; raises CaseExists if another case has it."""
    if conn.execute("SELECT 1 FROM cases WHERE name = ?", (new,)).fetchone():
        raise CaseExists(f"There is already a case called “{new}”. Nothing was changed.")
    conn.execute("UPDATE cases SET name = ? WHERE id = ?", (new, case_id))

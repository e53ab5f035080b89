"""What a backup (backup.py) and a clinic hand-over (transfer.py) share: a new encrypted file
beside its target, publishing it, throwing it away, and the facts of items that must be the
same in the copy as in the original, read from every table that refers to an item.

The item-linked tables are found from the schema itself (every table with a foreign key to
`items`), so a table added by a later schema version is copied and compared without a change
here.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evidencekit.atomic import fsync_dir
from evidencekit.canonical import canonical_json
from evidencekit.errors import EvidenceKitError, ReadOnlyMedia, VaultExists
from evidencekit.vault import blobs, faults, files
from evidencekit.vault.connection import raise_typed


class CopyNotVerified(EvidenceKitError):
    """The copy was written but is not the same as the vault: it was removed."""

    exit_code = 1
    message = (
        "The copy was made but did not pass its check, so it was removed. Your vault was not "
        "changed. Try again, on another disk if this one may be failing."
    )


class ReplaceNotConfirmed(EvidenceKitError):
    """A restore would replace a vault that is there, and nobody said yes to that."""

    exit_code = 2
    message = (
        "A vault already exists at that place. Restoring would replace it and everything in "
        "it. Nothing was changed: choose another place, or confirm that it may be replaced."
    )


class NoSuchFolder(EvidenceKitError):
    exit_code = 2
    message = (
        "The folder for the copy does not exist (is the USB stick plugged in?). Nothing was "
        "written: choose a folder that exists."
    )


class TargetExists(VaultExists):
    message = (
        "A file already exists at that place. Nothing was written: choose another name, or "
        "remove the old file first."
    )


def new_file_beside(target: Path, *, needed: int) -> Path:
    """An empty owner-only file beside `target`, named so that opening the vault there for
    writing sweeps it if this run is killed (`files.remove_stale_copies`)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise NoSuchFolder()
    if faults.read_only_fs(target.parent):
        raise ReadOnlyMedia(
            f"“{target.parent}” is on read-only media: nothing can be written there. "
            "Choose a place on a writable disk; nothing was changed."
        )
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise_typed(exc, target, needed=needed)
    return temp


def discard(temp: Path) -> None:
    """Remove a copy that is not to be kept, and any journal beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            temp.with_name(temp.name + suffix).unlink()


def publish(temp: Path, target: Path, *, replace: bool) -> None:
    """Move the finished copy to its name: atomically, and over an old file only if asked."""
    if not replace:
        try:
            files.publish_no_clobber(temp, target)
        except VaultExists as exc:
            raise TargetExists() from exc
        # After a hard link the temporary name is left to drop; on FAT (a USB stick: no hard
        # links) the copy was moved instead, and there is nothing left to drop.
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        return
    os.replace(temp, target)
    fsync_dir(target.parent)


def size_needed(path: Path) -> int:
    """Room a whole copy of the vault at `path` needs (for the full-disk message)."""
    try:
        return os.path.getsize(path) + faults.MARGIN
    except OSError:
        return faults.MARGIN


# --- facts that must survive a copy ------------------------------------------------------------


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def name(text: str) -> str:
    """A table or column name for SQL, quoted. Every name used here comes from the vault's
    own schema (sqlite_master, PRAGMA table_info); one that is not a plain word is refused, so
    the SQL built from these names (noqa S608 below) holds nothing else."""
    if not _NAME.match(text):
        raise ValueError(f"unexpected name in the vault's schema: {text!r}")
    return f'"{text}"'


def columns(conn: Any, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({name(table)})")]


def local_id_column(conn: Any, table: str) -> str | None:
    """The table's own row number (an INTEGER PRIMARY KEY), which a copy renumbers."""
    info = conn.execute(f"PRAGMA table_info({name(table)})").fetchall()
    keys = [r for r in info if r[5]]
    if len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER":
        return str(keys[0][1])
    return None


def item_tables(conn: Any) -> list[tuple[str, str]]:
    """(table, column) of every table whose rows belong to an item (a foreign key to items)."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    found = []
    for table in names:
        for fk in conn.execute(f"PRAGMA foreign_key_list({name(table)})"):
            if fk[2] == "items" and table != "items":
                found.append((table, str(fk[3])))
    return found


def _rows(conn: Any, table: str, where: str, value: Any, skip: Iterable[str]) -> list[Any]:
    wanted = [c for c in columns(conn, table) if c not in set(skip)]
    listed = ", ".join(name(c) for c in wanted)
    rows = conn.execute(
        f"SELECT {listed} FROM {name(table)} WHERE {name(where)} = ?",  # noqa: S608
        (value,),
    )
    facts = [dict(zip(wanted, r, strict=True)) for r in rows]
    return sorted(facts, key=lambda f: canonical_json(_jsonable(f)))


def _jsonable(value: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.hex() if isinstance(v, bytes) else v) for k, v in value.items()}


def item_facts(conn: Any, uid: str) -> dict[str, Any]:
    """Everything the vault holds about one item except its local row numbers: the item row,
    its case by name, its search row and its rows in every item-linked table."""
    row = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        return {}
    local = int(row[0])
    facts: dict[str, Any] = {"items": _rows(conn, "items", "id", local, ("id", "case_id"))}
    case = conn.execute(
        "SELECT c.name FROM items i LEFT JOIN cases c ON c.id = i.case_id WHERE i.id = ?",
        (local,),
    ).fetchone()
    facts["case"] = case[0] if case else None
    found = conn.execute(
        "SELECT title, url, notes, body FROM search WHERE rowid = ?", (local,)
    ).fetchone()
    facts["search"] = list(found) if found else None
    for table, column in item_tables(conn):
        skip = [column] + [c for c in [local_id_column(conn, table)] if c and c != column]
        facts[table] = [_jsonable(r) for r in _rows(conn, table, column, local, skip)]
    return facts


def blob_refs(conn: Any, uid: str) -> set[str]:
    """SHA-256 names of stored bytes an item's rows refer to (artifacts, timestamp tokens and
    any column of an item-linked table whose name ends in sha256 and names a stored blob)."""
    local = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
    found: set[str] = set()
    for table, column in item_tables(conn):
        for col in columns(conn, table):
            if col.endswith("sha256"):
                sql = (
                    f"SELECT {name(col)} FROM {name(table)} "  # noqa: S608
                    f"WHERE {name(column)} = ? AND {name(col)} IS NOT NULL"
                )
                found.update(str(r[0]) for r in conn.execute(sql, (local,)))
    return {s for s in found if blobs.size_of(conn, s) is not None}

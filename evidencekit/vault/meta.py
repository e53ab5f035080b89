"""The vault's `meta` table: a few named values (its id, when and by what it was made, the
folders decrypted copies were written to). Runs on the caller's connection."""

from __future__ import annotations

import json
from typing import Any

OUTPUT_FOLDERS = "output_folders"  # where decrypted copies were written
_MAX_OUTPUT_FOLDERS = 20


def get(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def add(conn: Any, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))


def put(conn: Any, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def output_folders(conn: Any) -> list[object]:
    """The folders remembered under OUTPUT_FOLDERS, newest first ([] if unreadable)."""
    raw = get(conn, OUTPUT_FOLDERS)
    try:
        folders = json.loads(raw) if raw else []
    except ValueError:
        return []
    return list(folders) if isinstance(folders, list) else []


def remember_output_folder(conn: Any, folder: str) -> None:
    """Put `folder` first in OUTPUT_FOLDERS (kept to the last few)."""
    folders = [folder]
    folders += [f for f in json.loads(get(conn, OUTPUT_FOLDERS) or "[]") if f not in folders]
    put(conn, OUTPUT_FOLDERS, json.dumps(folders[:_MAX_OUTPUT_FOLDERS]))

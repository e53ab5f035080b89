"""The vault has one front door: outside `evidencekit/vault/`, no code runs SQL or holds the
vault's connection, and subject strings ("item:…", "custody:…") are made in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VAULT = REPO / "evidencekit" / "vault"
SQL = re.compile(
    r"\b(SELECT\s+[\w*(].*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX)|DROP\s+TABLE|PRAGMA\s+\w+)\b",
    re.DOTALL,
)
SUBJECT = re.compile(r"^(item|custody|case|bundle):")
DB_CALLS = ("execute", "executemany", "executescript")


def offences(source: str, name: str = "<snippet>") -> list[str]:
    """Every place in `source` that reaches past the vault's front door."""
    found = []
    for node in ast.walk(ast.parse(source, filename=name)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Attribute) and node.attr in ("conn", "_conn"):
            found.append(f"{where} uses .{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr in DB_CALLS:
            found.append(f"{where} calls .{node.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.search(node.value):
                found.append(f"{where} holds SQL: {node.value[:40]!r}")
            elif SUBJECT.match(node.value):
                found.append(f"{where} spells a subject by hand: {node.value[:40]!r}")
    return found


def _outside_vault() -> list[Path]:
    files = sorted((REPO / "evidencekit").rglob("*.py")) + sorted((REPO / "ui").rglob("*.py"))
    return [p for p in files if VAULT not in p.parents]


def test_no_sql_and_no_connection_outside_the_vault() -> None:
    files = _outside_vault()
    assert len(files) > 40  # the walk really found the code
    found = []
    for path in files:
        found += offences(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    assert found == []


def test_the_scan_catches_each_way_past_the_door() -> None:
    snippet = (
        "row = vault.conn.execute('SELECT size FROM blobs WHERE sha256 = ?', (s,))\n"
        "cur.executemany('INSERT INTO tags (item_id, tag) VALUES (?, ?)', rows)\n"
        "db._conn\n"
        "q = 'UPDATE items SET hidden = 1'\n"
        "d = 'DELETE FROM custody'\n"
        "subject = f'item:{uid}'\n"
        "anchor = 'custody:' + str(seq)\n"
    )
    found = offences(snippet)
    for expected in (
        ".conn",
        ".execute",
        ".executemany",
        "._conn",
        "SELECT size",
        "INSERT INTO",
        "UPDATE items",
        "DELETE FROM",
        "'item:'",
        "'custody:'",
    ):
        assert any(expected in f for f in found), (expected, found)


def test_the_scan_lets_plain_words_pass() -> None:
    snippet = (
        "input('Type DELETE to confirm: ')\n"
        "text = 'Select the items to export, then update the case.'\n"
        "label = 'item 1: custody chain'\n"
    )
    assert offences(snippet) == []

"""Every kind of step a capture's journal records (`journal.act(kind, ...)` anywhere in the
core) has words in English and Albanian for the report's "What the capture did" table, so a
lawyer never reads a bare code such as ``videos-started``."""

from __future__ import annotations

import ast
from pathlib import Path

from evidencekit.bundle.capture_words import ACTION_KINDS

CORE = Path(__file__).resolve().parents[2] / "evidencekit"


def _kinds_written() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "act"
                and node.args
            ):
                continue
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{path}:{node.lineno}: a journal kind must be a plain string, so it can be "
                "given words"
            )
            found.setdefault(first.value, f"{path.relative_to(CORE.parent)}:{node.lineno}")
    return found


def test_every_journal_kind_has_words_in_both_languages() -> None:
    kinds = _kinds_written()
    assert len(kinds) > 20  # the scan really found the capture's journal
    missing = {kind: where for kind, where in kinds.items() if kind not in ACTION_KINDS}
    assert missing == {}
    for kind in kinds:
        words = ACTION_KINDS[kind]
        assert words.en.strip() and words.sq.strip() and words.en != words.sq, kind

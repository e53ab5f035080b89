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


def test_an_action_shows_its_own_facts_labelled_and_no_missing_fields_of_others() -> None:
    from evidencekit.bundle.capture_actions import actions_table
    from evidencekit.bundle.fonts import register_fonts
    from evidencekit.bundle.layout import Styles

    register_fonts()  # the report's own fonts, as a bundle export registers them

    action = {
        "time": "2026-12-01T10:00:00.000Z",
        "elapsed_ms": 400,
        "kind": "videos-started",
        "detail": "yt-dlp asked for the post's videos right after the page loaded",
        "data": {"when": "after-load", "because": "the page streams a video", "asked_for": "u"},
    }
    [table] = [
        f for f in actions_table({"actions": [action]}, Styles()) if hasattr(f, "_cellvalues")
    ]
    text = " ".join(str(getattr(cell, "text", cell)) for row in table._cellvalues for cell in row)
    assert "Why" in text and "Pse" in text and "the page streams a video" in text
    assert "Address asked for" in text and "Adresa e kërkuar" in text
    assert "video download started" in text and "nisi shkarkimi i videos" in text
    # "File" and "How many" belong to other kinds of step: not "not recorded" here.
    assert "not recorded" not in text and "Skedari" not in text

"""The core never imports the GUI: parse every module under evidencekit/ with ast."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "evidencekit"
BANNED = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "ui")


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def test_core_never_imports_gui() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10  # the walk really found the core
    offenders = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for lineno, module in _imports(tree):
            if module.split(".")[0] in BANNED:
                offenders.append(f"{path.relative_to(CORE.parent)}:{lineno} imports {module}")
    assert offenders == []


def test_the_check_catches_a_banned_import() -> None:
    tree = ast.parse("import os\nfrom PySide6.QtCore import QObject\nimport ui.app\n")
    banned = [m for _, m in _imports(tree) if m.split(".")[0] in BANNED]
    assert banned == ["PySide6.QtCore", "ui.app"]

"""No two modules of ui/ import each other directly (issue 10: ui.app and ui.main_window did,
over the language handling that now lives in ui.language)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.gui.conftest import ROOT


def _imports(source: str, package: str) -> set[str]:
    """The modules of `package` that `source` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # from . import x / from .x import y
                module = f"{package}.{module}" if module else package
            found.add(module)
            if module == package:  # from ui import x: x may be a module
                found |= {f"{package}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith(package + ".")}


def mutual_imports(folder: Path, package: str) -> list[tuple[str, str]]:
    """Every pair of modules in `folder` (the package `package`) that import each other."""
    graph = {
        f"{package}.{path.stem}": _imports(path.read_text(encoding="utf-8"), package)
        for path in sorted(folder.glob("*.py"))
    }
    return sorted(
        (a, b) for a, uses in graph.items() for b in uses if a < b and a in graph.get(b, set())
    )


def test_no_two_ui_modules_import_each_other() -> None:
    assert mutual_imports(ROOT / "ui", "ui") == []


def test_the_check_finds_a_pair_that_imports_each_other(tmp_path: Path) -> None:
    """Control: a synthetic pair (one side importing lazily, inside a function) is reported."""
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "starter.py").write_text("def main():\n    from pkg.window import Window\n")
    (tmp_path / "window.py").write_text("from pkg import starter\nimport pkg.other\n")
    (tmp_path / "other.py").write_text("from . import helper\n")
    (tmp_path / "helper.py").write_text("from .other import thing\n")
    assert mutual_imports(tmp_path, "pkg") == [
        ("pkg.helper", "pkg.other"),
        ("pkg.starter", "pkg.window"),
    ]


def test_language_handling_lives_in_its_own_module() -> None:
    import ui.app
    import ui.language
    import ui.main_window

    assert _imports((ROOT / "ui" / "language.py").read_text(encoding="utf-8"), "ui") == set()
    assert ui.app.Translators is ui.language.Translators
    assert ui.app.pick_language is ui.language.pick_language
    assert ui.main_window.Translators is ui.language.Translators

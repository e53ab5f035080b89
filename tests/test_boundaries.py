"""Which package may import which: one table, checked on every module under evidencekit/ by
parsing its source with ast (issue 10).

Each unit (a sub-package such as `evidencekit.verify`, or a top-level module such as
`evidencekit.clock`) lists the parts of EvidenceKit it may import; anything else of
EvidenceKit is an offence. Its own modules are always allowed. An entry allows itself and
everything under it ("evidencekit.vault" allows `evidencekit.vault.store`); a name imported
from a package counts as `package.name`, so the front ends are held to public names
("evidencekit.verify.verify_bundle"). Some units also ban third-party packages, or allow the
standard library only. No part of the core may import the GUI.

The table was made from what the code imports today, as tight as it allows. Where another
change is under way (the vault's store, the export side) a unit may import a whole
sub-package rather than named modules.

Every rule has a control: a synthetic source that breaks it, checked by the same function.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "evidencekit"
GUI = frozenset({"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "ui"})
SUBPACKAGES = frozenset({"bundle", "capture", "cli", "jobs", "seal", "vault", "verify"})


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str] = frozenset()  # parts of EvidenceKit this unit may import
    banned: frozenset[str] = frozenset()  # third-party packages it must not import
    stdlib_only: bool = False  # no third-party package at all


def rule(*allowed: str, banned: tuple[str, ...] = (), stdlib_only: bool = False) -> Rule:
    return Rule(
        frozenset(f"evidencekit.{name}" for name in allowed), frozenset(banned), stdlib_only
    )


# The verifier a lawyer runs: offline, nothing of the export side, the store or the browser.
VERIFY_BANNED = ("reportlab", "PIL", "playwright", "warcio", "sqlcipher3", "aiohttp")
SEAL_BANNED = ("reportlab", "PIL", "playwright", "warcio", "sqlcipher3")
CAPTURE_BANNED = ("reportlab", "pyhanko", "pyhanko_certvalidator", "sqlcipher3")

TABLE: dict[str, Rule] = {
    # primitives: nothing of EvidenceKit, nothing but the standard library
    "evidencekit.errors": rule(stdlib_only=True),
    "evidencekit.clock": rule(stdlib_only=True),
    "evidencekit.canonical": rule(stdlib_only=True),
    "evidencekit.bilingual": rule(stdlib_only=True),
    "evidencekit.bundle_format": rule("bilingual", stdlib_only=True),
    "evidencekit.blocking": rule(stdlib_only=True),
    "evidencekit.sniff": rule(),
    "evidencekit.__init__": rule("errors", stdlib_only=True),
    "evidencekit.__main__": rule("cli.main", stdlib_only=True),
    "evidencekit.atomic": rule("errors", "vault.faults", stdlib_only=True),
    "evidencekit.config": rule("atomic"),
    "evidencekit.sync_folders": rule(stdlib_only=True),
    # the build's identity for court: version, build date, its executable's SHA-256
    "evidencekit.build_info": rule("__version__", stdlib_only=True),
    # still online or removed, from a chain of captures of one address (report, jobs, app)
    "evidencekit.online_history": rule("bilingual", stdlib_only=True),
    # PNG rows band by band, for the report and the verifier: Pillow imported lazily only
    "evidencekit.pngrows": rule(banned=("reportlab", "pyhanko", "playwright", "sqlcipher3")),
    # a picture's SHA-256, MD5 and PDQ (issue 14): capture, jobs and the app use it
    "evidencekit.picture_hashes": rule(
        "errors", banned=("reportlab", "pyhanko", "playwright", "sqlcipher3")
    ),
    # sampled video frames' PDQ (issue 14): the parent starts the child, which decodes (PyAV)
    "evidencekit.video_frames": rule("video_frames_child", stdlib_only=True),
    "evidencekit.video_frames_child": rule(
        "picture_hashes", banned=("reportlab", "pyhanko", "playwright", "sqlcipher3", "PIL")
    ),
    # engines
    "evidencekit.capture": rule(
        "__init__",  # metadata.py reads the app's version from the package at run time
        "build_info",  # the build's identity in each capture's tool record (issue 13)
        "clock",
        "errors",
        # minor-safe (issue 14): a picture's hashes, and its type from its bytes
        "picture_hashes",
        "sniff",
        banned=CAPTURE_BANNED,
    ),
    "evidencekit.seal": rule("bilingual", "errors", "canonical", banned=SEAL_BANNED),
    "evidencekit.vault": rule(
        "__version__",
        "atomic",
        "canonical",
        "clock",
        "config",
        "errors",
        "seal",
        banned=("reportlab", "playwright"),
    ),
    "evidencekit.verify": rule(
        "bilingual",
        "bundle_format",
        "clock",
        "errors",
        "pngrows",  # decodes the report's pictures to compare them (Pillow loaded lazily)
        "seal.cms",
        "seal.identity",
        "seal.manifest",
        "seal.tokens",
        "vault.custody",  # the custody chain's hash rule, not the store
        "vault.subjects",  # how custody entries name an item (part of the bundle format)
        banned=VERIFY_BANNED,
    ),
    "evidencekit.bundle": rule(
        "__version__",
        "atomic",
        "bilingual",
        "bundle_format",
        "clock",
        "errors",
        "pngrows",
        "seal.cms",
        "seal.identity",
        "seal.manifest",
        "seal.tokens",
        "jobs.seal",
        "online_history",
        "vault",
        banned=("playwright",),
    ),
    # jobs: sequence the engines and the vault (capture, import, seal)
    "evidencekit.jobs": rule(
        "__version__",
        "blocking",
        "build_info",  # the build's identity in each import's tool record (issue 13)
        "capture",
        "clock",
        "errors",
        "online_history",
        "seal.timestamps",
        "seal.tsa_list",
        "sniff",
        "vault.records",
        "vault.store",
        "vault.subjects",
        # reposts (issue 14): pictures' hashes, kept in the vault's picture index
        "bilingual",
        "picture_hashes",
        "seal.manifest",
        "vault.picture_index",
        "atomic",  # the case's hash list, written atomically
        "video_frames",  # sampled video frames' PDQ, in a limited child process
    ),
    # front end: the jobs and the two public doors, bundle export and verify
    "evidencekit.cli": rule(
        "__version__",
        "atomic",
        "build_info",
        "capture",
        "config",
        "errors",
        "jobs.account",
        "jobs.capture",
        "jobs.imports",
        "jobs.recapture",
        "jobs.seal",
        "jobs.reposts",  # issue 14: reposts found without looking
        "jobs.hash_list",  # issue 14: `hashes --case C`
        "jobs.minor_safe_import",  # issue 14: what a minor-safe import keeps
        "video_frames_child",  # the built app's video decoder child (--video-frames-child)
        "seal.identity",
        "seal.tsa_list",
        "vault",
        "bundle.export_bundle",
        "verify.verify_bundle",
        "verify.load_certificates",
        "verify.parse_fingerprint",  # --trust-fingerprint: the app's field reads it the same way
        "forget",  # forget-this-computer (issue 14)
    ),
    # the disguised "Notes" launcher (issue 13): the user's own menu folders, no Qt
    "evidencekit.launchers": rule("atomic", "errors", stdlib_only=True),
    # "forget this computer" (issue 14): the app's own folders, its launcher, no vault list
    "evidencekit.forget": rule(
        "capture.tempdirs",
        "config",
        "errors",
        "launchers",
        "vault.lock",
        banned=("reportlab", "pyhanko", "playwright", "sqlcipher3"),
    ),
}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Every absolute import, `from package import name` as `package.name`, and string
    arguments of importlib.import_module / __import__."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "." * node.level + (node.module or "")))
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


def unit_of(module: str) -> str:
    """`evidencekit.verify.content` -> `evidencekit.verify`; `evidencekit.clock` stays."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def violations(unit: str, source: str) -> list[str]:
    """What a module of `unit` with this source imports against the table."""
    rules = TABLE[unit]
    found = []
    for lineno, module in _imports(ast.parse(source)):
        if module == "evidencekit":  # the package itself: its __init__
            module = "evidencekit.__init__"
        top = module.split(".")[0]
        if module.startswith("."):
            found.append(f"{lineno}: relative import {module}")
        elif top in GUI:
            found.append(f"{lineno}: the GUI ({module})")
        elif top == "evidencekit":
            if not _under(module, unit) and not any(_under(module, a) for a in rules.allowed):
                found.append(f"{lineno}: {module} is not allowed here")
        elif top in rules.banned:
            found.append(f"{lineno}: {module} is banned here")
        elif rules.stdlib_only and top not in sys.stdlib_module_names:
            found.append(f"{lineno}: {module} is not in the standard library")
    return found


def _core_modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append((".".join(parts), path))
    return found


def test_every_core_module_keeps_to_the_table() -> None:
    modules = _core_modules()
    assert len(modules) > 10  # the walk really found the core
    offenders = []
    for module, path in modules:
        unit = unit_of(module)
        assert unit in TABLE, f"{module}: its unit {unit} has no row in the table"
        offenders += [
            f"{path.relative_to(ROOT)}:{v}" for v in violations(unit, path.read_text("utf-8"))
        ]
    assert offenders == []


def test_every_row_of_the_table_has_code() -> None:
    """A row for a unit that no longer exists would guard nothing."""
    assert set(TABLE) == {unit_of(module) for module, _ in _core_modules()}


def test_the_table_allows_only_what_exists() -> None:
    """An allowed name that matches nothing (a module moved away) is a hole in the table."""
    names = {module for module, _ in _core_modules()}
    packages = {f"evidencekit.{name}" for name in SUBPACKAGES}
    for unit, rules in TABLE.items():
        for allowed in rules.allowed:
            owner = allowed.rsplit(".", 1)[0]
            assert (
                any(_under(n, allowed) for n in names)
                or allowed in packages
                or owner in names | packages
                or owner == "evidencekit"
            ), f"{unit} allows {allowed}, which does not exist"


# --- controls: every rule can fail -------------------------------------------------------------


def _outsider(unit: str) -> str:
    """A part of EvidenceKit the unit must not import."""
    rules = TABLE[unit]
    candidates = ("evidencekit.cli.main", "evidencekit.bundle.report", "evidencekit.vault.store")
    for candidate in candidates:
        if not _under(candidate, unit) and not any(_under(candidate, a) for a in rules.allowed):
            return candidate
    raise AssertionError(f"{unit} may import everything")


@pytest.mark.parametrize("unit", sorted(TABLE))
def test_control_an_outside_import_is_caught(unit: str) -> None:
    outsider = _outsider(unit)
    package, name = outsider.rsplit(".", 1)
    lazy = f"import os\n\n\ndef later():\n    from {package} import {name}\n"
    assert violations(unit, lazy) == [f"5: {outsider} is not allowed here"]
    assert violations(unit, f"import {outsider}\n") == [f"1: {outsider} is not allowed here"]
    dynamic = f"import importlib\nimportlib.import_module({outsider!r})\n"
    assert violations(unit, dynamic) == [f"2: {outsider} is not allowed here"]


@pytest.mark.parametrize("unit", sorted(TABLE))
def test_control_the_gui_is_caught(unit: str) -> None:
    source = "from PySide6.QtCore import QObject\nimport ui.app\n"
    assert violations(unit, source) == [
        "1: the GUI (PySide6.QtCore.QObject)",
        "2: the GUI (ui.app)",
    ]


@pytest.mark.parametrize(
    ("unit", "package"),
    [(unit, package) for unit, rules in sorted(TABLE.items()) for package in sorted(rules.banned)],
)
def test_control_a_banned_package_is_caught(unit: str, package: str) -> None:
    assert violations(unit, f"from {package} import thing\n") == [
        f"1: {package}.thing is banned here"
    ]


@pytest.mark.parametrize("unit", sorted(u for u, r in TABLE.items() if r.stdlib_only))
def test_control_a_third_party_package_is_caught(unit: str) -> None:
    assert violations(unit, "import json\nimport cryptography.x509\n") == [
        "2: cryptography.x509 is not in the standard library"
    ]


@pytest.mark.parametrize("unit", sorted(TABLE))
def test_control_own_and_allowed_imports_pass(unit: str) -> None:
    allowed = sorted(TABLE[unit].allowed)
    source = "".join(f"import {name}\n" for name in [f"{unit}.anything", *allowed])
    assert violations(unit, source) == []


def test_control_relative_imports_are_caught() -> None:
    assert violations("evidencekit.verify", "from . import texts\n") == ["1: relative import ."]


# --- what importing the verifier really loads --------------------------------------------------

VERIFIER_NEVER_LOADS = ("reportlab", "PIL", "playwright", "sqlcipher3", "PySide6")
VERIFIER_NEVER_LOADS_OF_OURS = (
    "evidencekit.bundle",
    "evidencekit.capture",
    "evidencekit.vault.store",
    "evidencekit.jobs",
)


def loaded_by(module: str) -> set[str]:
    """The modules a fresh interpreter holds after importing `module`."""
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def _heavy(loaded: set[str]) -> list[str]:
    return sorted(
        name
        for name in loaded
        if name.split(".")[0] in VERIFIER_NEVER_LOADS
        or any(_under(name, ours) for ours in VERIFIER_NEVER_LOADS_OF_OURS)
    )


def test_the_verifier_loads_nothing_of_the_export_side() -> None:
    loaded = loaded_by("evidencekit.verify.verifier")
    assert "pyhanko" in loaded  # the import really happened
    assert _heavy(loaded) == []


def test_control_the_export_side_does_load_them() -> None:
    heavy = _heavy(loaded_by("evidencekit.bundle.report"))
    assert "reportlab" in heavy
    assert "evidencekit.vault.store" in heavy


# --- verify.limits: the verifier's budget is the standard library alone (issue 11) --------------

LIMITS_ALLOWED = ("evidencekit.bilingual", "evidencekit.verify.texts")


def limits_violations(source: str) -> list[str]:
    """verify/limits.py imports the standard library, Bi and its sentences, nothing else
    (pyHanko's side of the limits is verify/pdfguard.py)."""
    found = []
    for lineno, module in _imports(ast.parse(source)):
        top = module.split(".")[0]
        if top == "evidencekit":
            if not any(_under(module, allowed) for allowed in LIMITS_ALLOWED):
                found.append(f"{lineno}: {module} is not allowed in verify.limits")
        elif top not in sys.stdlib_module_names:
            found.append(f"{lineno}: {module} is not in the standard library")
    return found


def test_verify_limits_is_standard_library_only() -> None:
    assert limits_violations((CORE / "verify" / "limits.py").read_text("utf-8")) == []


def test_control_limits_importing_pyhanko_is_caught() -> None:
    assert limits_violations("from pyhanko.pdf_utils import xref\n") != []
    assert limits_violations("from evidencekit.verify import pdfread\n") != []

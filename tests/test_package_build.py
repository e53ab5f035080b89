"""Smoke test of the BUILT one-folder app (packaging/evidencekit.spec), not the source tree.

Runs only when a build exists: `python3 dev.py package` makes dist/evidencekit/ (about a
minute and ~430 MB, so the normal test run does not build it), or point EVIDENCEKIT_DIST at
another build. Each command runs in a clean HOME.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = Path(os.environ.get("EVIDENCEKIT_DIST") or ROOT / "dist" / "evidencekit")
EXE = ".exe" if os.name == "nt" else ""
CLI = DIST / f"evidencekit{EXE}"
GUI = DIST / f"evidencekit-gui{EXE}"

pytestmark = pytest.mark.skipif(
    not CLI.exists(),
    reason=f"no one-folder build at {DIST}: run `python3 dev.py package` to make one",
)
PASSPHRASE = "a long passphrase for the packaged app"


def _run(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", ""),
        "EVIDENCEKIT_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(CLI), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_the_built_cli_reports_its_build_and_its_own_hash(tmp_path: Path) -> None:
    result = _run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("EvidenceKit ")
    assert lines[1].startswith("Build: PyInstaller build, built 20")
    expected = hashlib.sha256(CLI.read_bytes()).hexdigest()
    assert f"SHA-256: {expected}" in lines


def test_the_built_cli_creates_a_vault_imports_and_lists(tmp_path: Path) -> None:
    assert _run(tmp_path, "init").returncode == 0
    evidence = tmp_path / "message.txt"
    evidence.write_text("a threatening message, kept as evidence\n", "utf-8")
    imported = _run(tmp_path, "import", str(evidence))
    assert imported.returncode == 0, imported.stderr
    assert hashlib.sha256(evidence.read_bytes()).hexdigest() in imported.stdout
    listed = _run(tmp_path, "list")
    assert listed.returncode == 0 and "message.txt" in listed.stdout


def test_the_build_carries_its_data_and_only_the_qt_plugins_it_uses() -> None:
    internal = DIST / "_internal"
    for name in ("evidencekit_en.qm", "evidencekit_sq.qm"):
        assert (internal / "resources" / "translations" / name).is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "certifi" / "cacert.pem").is_file()
    node = internal / "playwright" / "driver" / f"node{EXE}"
    assert node.is_file() and (os.name == "nt" or os.access(node, os.X_OK))
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "sqldrivers").exists() and not (plugins / "qmltooling").exists()
    image_formats = {p.name.split(".")[0] for p in (plugins / "imageformats").iterdir()}
    assert not image_formats & {"libqjpeg", "libqtiff", "libqwebp", "qjpeg", "qtiff"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="offscreen start: Linux only")
def test_the_built_gui_starts_and_stays_up(tmp_path: Path) -> None:
    env = {
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
        "QT_QPA_PLATFORM": "offscreen",
    }
    process = subprocess.Popen(
        [str(GUI)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=8)  # still running after 8 s: it started, no crash
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output, output

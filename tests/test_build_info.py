"""The build's identity (evidencekit/build_info.py) and `evidencekit --version`.

The frozen case is exercised with explicit facts (a fake executable and build file); the real
PyInstaller build is checked by tests/test_package_build.py when one was made.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from evidencekit import __version__, build_info


def test_a_source_checkout_says_so_and_hashes_nothing(tmp_path: Path) -> None:
    identity = build_info.identify(
        "1.2.3", frozen=False, bundle_dir=None, executable=tmp_path / "absent"
    )
    assert identity.kind == build_info.SOURCE_CHECKOUT
    assert identity.executable_sha256 is None and identity.build_date is None
    assert build_info.describe(identity).splitlines() == [
        "EvidenceKit 1.2.3",
        "Build: source checkout (no build date, no executable hash)",
    ]


def test_a_build_reports_its_recorded_date_commit_and_its_own_hash(tmp_path: Path) -> None:
    program = tmp_path / "evidencekit"
    program.write_bytes(b"\x7fELF pretend program " * 1000)
    (tmp_path / build_info.BUILD_FILE).write_text(
        json.dumps({"version": "1.2.3", "build_date": "2026-12-01T15:00:00Z", "commit": "abc123"}),
        "utf-8",
    )
    identity = build_info.identify("0.0.0", frozen=True, bundle_dir=tmp_path, executable=program)
    expected = hashlib.sha256(program.read_bytes()).hexdigest()
    assert identity.as_dict() == {
        "version": "1.2.3",  # the build's record wins over the package's
        "kind": build_info.PYINSTALLER_BUILD,
        "build_date": "2026-12-01T15:00:00Z",
        "commit": "abc123",
        "executable": str(program),
        "executable_sha256": expected,
    }
    text = build_info.describe(identity)
    assert f"SHA-256: {expected}" in text and "built 2026-12-01T15:00:00Z" in text

    # one byte changed in the program: another hash
    program.write_bytes(program.read_bytes()[:-1] + b"!")
    changed = build_info.identify("0.0.0", frozen=True, bundle_dir=tmp_path, executable=program)
    assert changed.executable_sha256 != expected


def test_a_build_without_its_record_still_hashes_and_says_what_is_unknown(
    tmp_path: Path,
) -> None:
    program = tmp_path / "evidencekit"
    program.write_bytes(b"program")
    (tmp_path / build_info.BUILD_FILE).write_text("{not json", "utf-8")  # damaged record
    identity = build_info.identify("1.2.3", frozen=True, bundle_dir=tmp_path, executable=program)
    assert identity.version == "1.2.3" and identity.build_date is None
    assert identity.executable_sha256 == hashlib.sha256(b"program").hexdigest()
    assert "built unknown" in build_info.describe(identity)
    gone = build_info.identify("1.2.3", frozen=True, bundle_dir=tmp_path, executable=tmp_path / "x")
    assert "SHA-256: could not be read" in build_info.describe(gone)


def test_cli_version_prints_the_identity_of_this_checkout() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "evidencekit", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        f"EvidenceKit {__version__}",
        "Build: source checkout (no build date, no executable hash)",
    ]


def test_tool_facts_name_the_build_and_only_what_is_known(tmp_path: Path) -> None:
    source = build_info.identify("1.0", frozen=False, bundle_dir=None, executable=tmp_path / "x")
    assert build_info.tool_facts(source) == {"build": build_info.SOURCE_CHECKOUT}
    program = tmp_path / "evidencekit"
    program.write_bytes(b"program bytes")
    (tmp_path / build_info.BUILD_FILE).write_text(
        json.dumps({"build_date": "2026-12-01T15:00:00Z", "commit": "abc123"}), "utf-8"
    )
    built = build_info.identify("1.0", frozen=True, bundle_dir=tmp_path, executable=program)
    assert build_info.tool_facts(built) == {
        "build": build_info.PYINSTALLER_BUILD,
        "build_date": "2026-12-01T15:00:00Z",
        "commit": "abc123",
        "executable_sha256": hashlib.sha256(b"program bytes").hexdigest(),
    }


def test_an_import_seals_the_tool_identity_and_the_report_prints_it(
    vault: object, tmp_path: Path
) -> None:
    """The build identity goes into the item's metadata AND its sealed manifest (so it cannot
    be changed later without breaking the seal), and the bundle report's Tool row shows it."""
    from evidencekit.bundle.capture_details import file_details, web_details
    from evidencekit.jobs.imports import import_file
    from evidencekit.seal.manifest import MANIFEST_NAME
    from evidencekit.vault.store import Vault

    assert isinstance(vault, Vault)
    path = tmp_path / "message.txt"
    path.write_text("a threatening message", encoding="utf-8")
    item = import_file(vault, path)
    expected = build_info.tool_facts()
    assert expected["build"] == build_info.SOURCE_CHECKOUT  # the tests run from the checkout
    assert item.metadata["tool"] == {"name": "EvidenceKit", "version": __version__, **expected}
    manifest = json.loads(vault.read_artifact(item.id, MANIFEST_NAME))
    assert manifest["item"]["tool"]["build"] == build_info.SOURCE_CHECKOUT

    built = {
        "name": "EvidenceKit",
        "version": "1.0",
        "build": build_info.PYINSTALLER_BUILD,
        "build_date": "2026-12-01T15:00:00Z",
        "commit": "abc123",
        "executable_sha256": "ab" * 32,
    }
    for rows in (file_details({"tool": built}), web_details({"tool": built})):
        tool_row = " ".join(str(v) for label, v in rows if "Tool" in str(label))
        for shown in ("PyInstaller build", "2026-12-01T15:00:00Z", "abc123", "ab" * 32):
            assert shown in tool_row, shown
        assert "SHA-256 of the program" in tool_row and "SHA-256 e programit" in tool_row

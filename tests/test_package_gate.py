"""The gate of the built-app smoke tests (tests/test_package_build.py): CI must never pass
because the build is missing. Runs pytest on that module in a child, pointed at a folder with
no build: under CI=true (and with EVIDENCEKIT_PACKAGE_TESTS=1) every test FAILS; without
either they are skipped with the command that runs them. Fast: nothing is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_module(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"CI", "EVIDENCEKIT_PACKAGE_TESTS"}}
    clean.update(env, EVIDENCEKIT_DIST=str(tmp_path / "no-build"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         "tests/test_package_build.py"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("wanted", [{"CI": "true"}, {"EVIDENCEKIT_PACKAGE_TESTS": "1"}])
def test_a_missing_build_fails_when_the_smoke_tests_are_wanted(
    tmp_path: Path, wanted: dict[str, str]
) -> None:
    result = _run_module(tmp_path, **wanted)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "no one-folder build at" in result.stdout
    assert " passed" not in result.stdout and " skipped" not in result.stdout


def test_without_ci_or_package_the_smoke_tests_are_skipped_with_how_to_run_them(
    tmp_path: Path,
) -> None:
    result = _run_module(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "python3 dev.py test --package" in result.stdout
    assert " failed" not in result.stdout and " passed" not in result.stdout

"""Which build of EvidenceKit is running: the tool's identity for court (FRE 901(b)(9)).

A PyInstaller build (packaging/evidencekit.spec) carries `evidencekit-build.json` beside its
packages, written at build time: the version, the build date (from `SOURCE_DATE_EPOCH`, so a
rebuild of the same commit says the same) and the commit it was built from. At run time the
build adds the SHA-256 of its own executable, so anyone can compare the program that made a
capture with the published `SHA256SUMS`. A source checkout says so instead of a hash: its code
is whatever the checkout holds.

Standard library only; `evidencekit --version` prints `describe()`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

BUILD_FILE = "evidencekit-build.json"
SOURCE_CHECKOUT = "source checkout"
PYINSTALLER_BUILD = "PyInstaller build"


@dataclass(frozen=True)
class BuildIdentity:
    version: str
    kind: str  # PYINSTALLER_BUILD or SOURCE_CHECKOUT
    build_date: str | None = None  # ISO 8601 UTC, builds only
    commit: str | None = None  # the git commit built from, when known
    executable: str | None = None  # builds only: the running program's path
    executable_sha256: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "version": self.version,
            "kind": self.kind,
            "build_date": self.build_date,
            "commit": self.commit,
            "executable": self.executable,
            "executable_sha256": self.executable_sha256,
        }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_build_file(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / BUILD_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def identify(
    version: str,
    *,
    frozen: bool,
    bundle_dir: Path | None,
    executable: Path,
) -> BuildIdentity:
    """The identity from explicit facts (what `current()` reads from `sys`): testable."""
    if not frozen:
        return BuildIdentity(version=version, kind=SOURCE_CHECKOUT)
    recorded = _read_build_file(bundle_dir) if bundle_dir else {}
    try:
        digest: str | None = file_sha256(executable)
    except OSError:
        digest = None

    def text(key: str) -> str | None:
        value = recorded.get(key)
        return value if isinstance(value, str) and value else None

    return BuildIdentity(
        version=text("version") or version,
        kind=PYINSTALLER_BUILD,
        build_date=text("build_date"),
        commit=text("commit"),
        executable=str(executable),
        executable_sha256=digest,
    )


@functools.cache
def current() -> BuildIdentity:
    """This process's build (hashed once per process)."""
    from evidencekit import __version__

    bundle = getattr(sys, "_MEIPASS", None)
    return identify(
        __version__,
        frozen=bool(getattr(sys, "frozen", False)),
        bundle_dir=Path(bundle) if bundle else None,
        executable=Path(sys.executable),
    )


def tool_facts(identity: BuildIdentity | None = None) -> dict[str, str]:
    """The build's identity as it goes into every capture's and import's sealed "tool" record
    (beside name and version): which kind of build, and for a build its date, commit and the
    SHA-256 of the executable that made the record. Only what is known is written."""
    identity = identity or current()
    facts = {
        "build": identity.kind,
        "build_date": identity.build_date,
        "commit": identity.commit,
        "executable_sha256": identity.executable_sha256,
    }
    return {key: value for key, value in facts.items() if value}


def describe(identity: BuildIdentity | None = None) -> str:
    """The lines `evidencekit --version` prints."""
    identity = identity or current()
    lines = [f"EvidenceKit {identity.version}"]
    if identity.kind == SOURCE_CHECKOUT:
        lines.append(f"Build: {SOURCE_CHECKOUT} (no build date, no executable hash)")
        return "\n".join(lines)
    lines.append(f"Build: {identity.kind}, built {identity.build_date or 'unknown'}")
    if identity.commit:
        lines.append(f"Commit: {identity.commit}")
    lines.append(f"Executable: {identity.executable}")
    lines.append(f"SHA-256: {identity.executable_sha256 or 'could not be read'}")
    return "\n".join(lines)

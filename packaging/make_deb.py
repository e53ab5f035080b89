"""Make a Debian package from the one-folder build (dist/evidencekit/, `python3 dev.py package`).

    python3 packaging/make_deb.py [--dist dist] [--version 0.1.0]

`dev.py package` runs this after PyInstaller wherever `dpkg-deb` exists. Layout:

- /opt/evidencekit/            the one folder, as built (programs 0755, everything else 0644);
- /usr/bin/evidencekit, /usr/bin/evidencekit-gui   symbolic links into it (on PATH);
- /usr/share/applications/evidencekit.desktop       the menu entry (`Icon=evidencekit`);
- /usr/share/icons/hicolor/<N>x<N>/apps/evidencekit.png and scalable/apps/evidencekit.svg
  (resources/icons), so `Icon=evidencekit` resolves in every desktop;
- /usr/share/doc/evidencekit/copyright (machine-readable, the bundled parts' licences) and
  changelog.gz; /usr/share/man/man1/evidencekit{,-gui}.1.gz; lintian overrides for what a
  self-contained build in /opt is by design (packaging/README.md says why).

Depends: the Qt/X/GL libraries the set-up installs (the build carries Qt, not X or GL).
Recommends: a browser and the fonts the set-up installs (without them it still installs: the
app can use Chrome/Edge or Playwright's Chromium, and says so in plain words when none is found).
Reproducible: every file time is SOURCE_DATE_EPOCH (when set), owners root:root, dpkg-deb sorts
the entries, gzip without names or times. Writes dist/evidencekit_<version>_<arch>.deb.
Standard library plus `dpkg-deb`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PROGRAMS = ("evidencekit", "evidencekit-gui")

DEPENDS = ["libc6 (>= 2.28)", "libgl1", "libegl1", "libfontconfig1", "libxkbcommon-x11-0",
           "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
           "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1",
           "libxcb-xfixes0", "libdbus-1-3", "libglib2.0-0"]  # fmt: skip
# The same fonts as dev.py's APT_ALWAYS: a capture must show letters, never boxes.
RECOMMENDS = ["chromium | google-chrome-stable | microsoft-edge-stable", "fontconfig",
              "hicolor-icon-theme",
              "fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji",
              "fonts-dejavu-core"]  # fmt: skip

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: EvidenceKit
Comment: A self-contained PyInstaller build: /opt/evidencekit carries Python and the packages
 below. The licence texts the packages ship are in /opt/evidencekit/_internal/licenses/.

Files: *
Copyright: {year} EvidenceKit contributors
License: AGPL-3.0-or-later
 On Debian systems the GNU Affero General Public License version 3 is not in
 /usr/share/common-licenses; see https://www.gnu.org/licenses/agpl-3.0.html

Files: opt/evidencekit/_internal/libpython* opt/evidencekit/_internal/base_library.zip
Copyright: Python Software Foundation
License: PSF-2.0

Files: opt/evidencekit/_internal/PySide6/* opt/evidencekit/_internal/shiboken6/*
 opt/evidencekit/_internal/libQt6*
Copyright: The Qt Company Ltd.
License: LGPL-3.0-only
 On Debian systems the full text is in /usr/share/common-licenses/LGPL-3.

Files: opt/evidencekit/_internal/playwright/*
Copyright: Microsoft Corporation; Node.js contributors (driver/node)
License: Apache-2.0 and MIT
 On Debian systems the Apache licence is in /usr/share/common-licenses/Apache-2.0.

Files: opt/evidencekit/_internal/sqlcipher3/*
Copyright: Zetetic LLC; Charles Leifer
License: BSD-3-Clause and Zlib

Files: opt/evidencekit/_internal/resources/fonts/*
Copyright: Bitstream, Inc.; DejaVu fonts team
License: Bitstream-Vera
 See opt/evidencekit/_internal/resources/fonts/LICENSE-DejaVu.txt.

Files: opt/evidencekit/_internal/certifi/*
Copyright: Kenneth Reitz; Mozilla Foundation (the CA list)
License: MPL-2.0

Files: opt/evidencekit/_internal/pyhanko/* opt/evidencekit/_internal/cryptography/*
 opt/evidencekit/_internal/PIL/* opt/evidencekit/_internal/reportlab/*
 opt/evidencekit/_internal/yt_dlp/*
Copyright: their authors (see _internal/licenses/)
License: MIT and Apache-2.0 and BSD-3-Clause and HPND and Unlicense
"""

LINTIAN_OVERRIDES = """\
# A self-contained PyInstaller build in /opt: its own Python, Qt and node, by design (the same
# build runs on every Linux; packaging/README.md, ".deb", says why each of these is expected).
evidencekit: dir-or-file-in-opt *
evidencekit: embedded-library *
evidencekit: shared-library-lacks-prerequisites *
evidencekit: unstripped-binary-or-object *
evidencekit: hardening-no-fortify-functions *
evidencekit: hardening-no-bindnow *
evidencekit: hardening-no-pie *
evidencekit: custom-library-search-path *
evidencekit: library-not-linked-against-libc *
evidencekit: spelling-error-in-binary *
evidencekit: extra-license-file *
evidencekit: package-contains-documentation-outside-usr-share-doc *
# The report's exact DejaVu files: the PDF embeds them, whatever the system's fonts are.
evidencekit: duplicate-font-file *
evidencekit: font-in-non-font-package *
evidencekit: font-outside-font-dir *
# Playwright's scripts are run by the bundled node (driver/node), not a system nodejs.
evidencekit: missing-dep-for-interpreter node *
# Python's own pydoc (inside the build) names sensible-pager; the app never runs it.
evidencekit: missing-depends-on-sensible-utils *
"""

MAN_PAGE = """\
.TH {name} 1 "" "EvidenceKit {version}" "User Commands"
.SH NAME
{name} \\- {summary}
.SH SYNOPSIS
.B {name}
{synopsis}
.SH DESCRIPTION
EvidenceKit captures web posts and files into an encrypted vault on this computer, seals them
with a SHA\\-256 hash, a trusted timestamp and a signature, and exports signed PDF bundles that a
lawyer or court can verify offline, without the vault.
.PP
{more}
.SH SEE ALSO
.BR {other} (1)
"""
MAN = {
    "evidencekit": (
        "keep online abuse as court-ready evidence (command line)",
        "[\\fB\\-\\-version\\fR] \\fICOMMAND\\fR ...",
        "Run \\fBevidencekit \\-\\-help\\fR for the commands (init, capture, import, list, export,"
        " verify, ...) and \\fBevidencekit \\fICOMMAND\\fB \\-\\-help\\fR for each. "
        "\\fBevidencekit \\-\\-version\\fR prints the build and the SHA\\-256 of the program.",
        "evidencekit-gui",
    ),
    "evidencekit-gui": (
        "keep online abuse as court-ready evidence (desktop app)",
        "",
        "The desktop app: it opens with the vault's passphrase screen.",
        "evidencekit",
    ),
}


def control(version: str, arch: str, installed_kb: int) -> str:
    return (
        "Package: evidencekit\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: EvidenceKit maintainers <maintainers@evidencekit.invalid>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Homepage: https://evidencekit.invalid/\n"
        "Description: capture online abuse as court-ready evidence\n"
        " EvidenceKit captures web posts and files into an encrypted vault, seals them\n"
        " with trusted timestamps and exports signed PDF bundles that anyone can verify\n"
        " offline. It has a desktop app (evidencekit-gui) and a command line\n"
        " (evidencekit).\n"
    )


def _gzip(data: bytes) -> bytes:
    """gzip -9n: no file name, no time, so the same text gives the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def _is_program(path: Path) -> bool:
    """An executable ELF file or a script (#!), not a shared library or a data file that
    happened to carry an x bit (Playwright's .wasm does)."""
    if not path.stat().st_mode & stat.S_IXUSR or ".so" in path.name:
        return False
    with path.open("rb") as handle:
        magic = handle.read(4)
    return magic == b"\x7fELF" or magic.startswith(b"#!")


def _normalise_modes(tree: Path) -> None:
    """Directories and programs 0755, everything else 0644 (shared libraries included)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or _is_program(path) else 0o644)


def _add_file(tree: Path, target: str, data: bytes) -> None:
    path = tree / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def lay_out(tree: Path, folder: Path, version: str) -> None:
    """The package's files under `tree` (without DEBIAN/)."""
    shutil.copytree(folder, tree / "opt" / "evidencekit", symlinks=True)
    bin_dir = tree / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in PROGRAMS:
        (bin_dir / name).symlink_to(f"/opt/evidencekit/{name}")
    share = "usr/share"
    _add_file(tree, f"{share}/applications/evidencekit.desktop",
              (ROOT / "packaging" / "evidencekit.desktop").read_bytes())  # fmt: skip
    for size in ICON_SIZES:
        source = ICONS / f"evidencekit-{size}.png"
        _add_file(tree, f"{share}/icons/hicolor/{size}x{size}/apps/evidencekit.png",
                  source.read_bytes())  # fmt: skip
    _add_file(tree, f"{share}/icons/hicolor/scalable/apps/evidencekit.svg",
              (ICONS / "evidencekit.svg").read_bytes())  # fmt: skip
    doc = f"{share}/doc/evidencekit"
    year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())).tm_year
    _add_file(tree, f"{doc}/copyright", COPYRIGHT.replace("{year}", str(year)).encode())
    changelog = (
        f"evidencekit ({version}) unstable; urgency=medium\n\n"
        "  * Build of EvidenceKit from its repository (see evidencekit --version).\n\n"
        f" -- EvidenceKit maintainers <maintainers@evidencekit.invalid>  {_changelog_date()}\n"
    )
    _add_file(tree, f"{doc}/changelog.gz", _gzip(changelog.encode()))
    for name, (summary, synopsis, more, other) in MAN.items():
        page = MAN_PAGE.format(name=name, version=version, summary=summary,
                               synopsis=synopsis, more=more, other=other)  # fmt: skip
        _add_file(tree, f"{share}/man/man1/{name}.1.gz", _gzip(page.encode()))
    _add_file(tree, f"{share}/lintian/overrides/evidencekit", LINTIAN_OVERRIDES.encode())


def _changelog_date() -> str:
    from email.utils import formatdate

    return formatdate(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), usegmt=False)


def _md5sums(tree: Path) -> str:
    lines = []
    for path in sorted(tree.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(tree).as_posix()}\n")
    return "".join(lines)


def build(dist: Path, version: str) -> Path:
    folder = dist / "evidencekit"
    if not (folder / "evidencekit").exists():
        raise SystemExit(f"no build in {folder}: run `python3 dev.py package` first")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="ek-deb-") as temp:
        tree = Path(temp) / "root"
        lay_out(tree, folder, version)
        _normalise_modes(tree)
        size = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink())
        (tree / "DEBIAN").mkdir()
        (tree / "DEBIAN" / "control").write_text(control(version, arch, size // 1024 + 1))
        (tree / "DEBIAN" / "md5sums").write_text(_md5sums(tree))
        _normalise_modes(tree / "DEBIAN")
        if os.environ.get("SOURCE_DATE_EPOCH"):
            stamp = int(os.environ["SOURCE_DATE_EPOCH"])
            for path in [tree, *tree.rglob("*")]:
                os.utime(path, (stamp, stamp), follow_symlinks=False)
        target = dist / f"evidencekit_{version}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(tree), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main() -> int:
    from evidencekit import __version__

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=__version__)
    args = parser.parse_args()
    target = build(args.dist, args.version)
    print(f"wrote {target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

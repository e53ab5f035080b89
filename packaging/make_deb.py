"""Make a Debian package from the one-folder build (dist/evidencekit/, `python3 dev.py package`).

    python3 packaging/make_deb.py [--dist dist] [--version 0.1.0]

Layout: the folder under /opt/evidencekit; /usr/bin/evidencekit and /usr/bin/evidencekit-gui
are symbolic links into it; the desktop entry in /usr/share/applications. Chromium and the
fonts the set-up installs are Recommends (the app also works with Chrome/Edge or Playwright's
Chromium), so a machine without them still installs it. Writes
dist/evidencekit_<version>_<arch>.deb and appends its hash to dist/SHA256SUMS.
Standard library plus `dpkg-deb`; the file times inside come from SOURCE_DATE_EPOCH when set.
First slice: no icon yet (issue 13), no maintainer scripts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEPENDS = ["libc6 (>= 2.28)", "libgl1", "libegl1", "libfontconfig1", "libxkbcommon-x11-0",
           "libxcb-cursor0", "libdbus-1-3", "libglib2.0-0"]  # fmt: skip
RECOMMENDS = ["chromium | google-chrome-stable | microsoft-edge-stable", "fonts-noto-core",
              "fonts-noto-cjk", "fonts-noto-color-emoji", "fonts-dejavu-core"]  # fmt: skip


def control(version: str, arch: str, installed_kb: int) -> str:
    return (
        "Package: evidencekit\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: EvidenceKit <evidencekit@localhost>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: capture online abuse as court-ready evidence\n"
        " EvidenceKit captures web posts and files into an encrypted vault, seals them with\n"
        " trusted timestamps and exports signed PDF bundles that anyone can verify offline.\n"
    )


def build(dist: Path, version: str) -> Path:
    folder = dist / "evidencekit"
    if not (folder / "evidencekit").exists():
        raise SystemExit(f"no build in {folder}: run `python3 dev.py package` first")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="ek-deb-") as temp:
        tree = Path(temp) / "root"
        shutil.copytree(folder, tree / "opt" / "evidencekit", symlinks=True)
        bin_dir = tree / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        for name in ("evidencekit", "evidencekit-gui"):
            (bin_dir / name).symlink_to(f"/opt/evidencekit/{name}")
        apps = tree / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        shutil.copy2(ROOT / "packaging" / "evidencekit.desktop", apps / "evidencekit.desktop")
        size = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink())
        (tree / "DEBIAN").mkdir()
        (tree / "DEBIAN" / "control").write_text(control(version, arch, size // 1024 + 1))
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
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    sums = dist / "SHA256SUMS"
    kept = [
        line
        for line in (sums.read_text("utf-8").splitlines() if sums.exists() else [])
        if not line.endswith(f"  {target.name}")
    ]
    sums.write_text("".join(f"{line}\n" for line in [*kept, f"{digest}  {target.name}"]))
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

"""Smoke test of the BUILT app (packaging/evidencekit.spec) and its .deb, not the source tree.

`python3 dev.py test --package` builds first (`dev.py package`: the one folder, the .deb, and
dist/SHA256SUMS) and runs these; `.ci/run` (CI=true) always does. Without either they are skipped
(the build takes minutes and ~450 MB); with them, a missing build FAILS. EVIDENCEKIT_DIST points
at another build folder. Every program runs in a clean HOME with a fresh user's environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.package_smoke import clean_env, colour_facts, grab_screen, read_text, wanted
from tests.support.site import SiteServer
from tests.support.tsa import TsaServer
from tests.support.xvfb import virtual_screen

ROOT = Path(__file__).resolve().parent.parent
DIST = Path(os.environ.get("EVIDENCEKIT_DIST") or ROOT / "dist" / "evidencekit")
EXE = ".exe" if os.name == "nt" else ""
CLI = DIST / f"evidencekit{EXE}"
GUI = DIST / f"evidencekit-gui{EXE}"
LINUX = sys.platform.startswith("linux")
PASSPHRASE = "a long passphrase for the packaged app"
KDF_MIB = "16"  # a fast vault key for tests; the app's default is far stronger

pytestmark = pytest.mark.package


@pytest.fixture(scope="module", autouse=True)
def build() -> Path:
    if not wanted():
        pytest.skip("smoke tests of the built app: run `python3 dev.py test --package`")
    if not CLI.exists() or not GUI.exists():
        pytest.fail(f"no one-folder build at {DIST}: `python3 dev.py package` did not make one")
    return DIST


def _run(
    cli: Path, home: Path, *args: str, timeout: float = 180, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = clean_env(home, **{"EVIDENCEKIT_PASSPHRASE": PASSPHRASE, **extra})
    result = subprocess.run(
        [str(cli), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _deb() -> Path:
    debs = sorted(DIST.parent.glob("evidencekit_*.deb"))
    if not debs:
        pytest.fail(f"no .deb in {DIST.parent}: `python3 dev.py package` makes it with dpkg-deb")
    return debs[-1]


def test_the_built_cli_reports_its_build_and_its_own_hash(tmp_path: Path) -> None:
    result = _run(CLI, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("EvidenceKit ")
    assert lines[1].startswith("Build: PyInstaller build, built 20")
    expected = hashlib.sha256(CLI.read_bytes()).hexdigest()
    assert f"SHA-256: {expected}" in lines


def test_the_built_cli_creates_a_vault_imports_and_lists(tmp_path: Path) -> None:
    assert _run(CLI, tmp_path, "init", "--kdf-memory-mib", KDF_MIB).returncode == 0
    evidence = tmp_path / "message.txt"
    evidence.write_text("a threatening message, kept as evidence\n", "utf-8")
    imported = _run(CLI, tmp_path, "import", str(evidence))
    assert imported.returncode == 0, imported.stderr
    assert hashlib.sha256(evidence.read_bytes()).hexdigest() in imported.stdout
    listed = _run(CLI, tmp_path, "list")
    assert listed.returncode == 0 and "message.txt" in listed.stdout
    wrong = _run(CLI, tmp_path, "list", EVIDENCEKIT_PASSPHRASE="not the passphrase")
    assert wrong.returncode == 3 and wrong.stderr.strip()  # the CLI contract, built too


@pytest.mark.browser
def test_the_built_cli_captures_exports_and_verifies_valid(tmp_path: Path, tsa: TsaServer) -> None:
    """The whole path a victim and her lawyer take, with the built program only: a page of the
    fixture site captured through the bundled Playwright driver, sealed with the loopback TSA's
    timestamp, exported as a signed bundle, and verified VALID against the TSA's root and the
    vault's fingerprint."""
    home = tmp_path / "home"
    home.mkdir()
    tsa_args = ("--tsa", tsa.url)
    assert _run(CLI, home, *tsa_args, "init", "--kdf-memory-mib", KDF_MIB).returncode == 0
    with SiteServer() as site:
        captured = _run(CLI, home, *tsa_args, "capture", site.url("/marker/packaged-build"),
                        "--case", "Built", "--json")  # fmt: skip
    assert captured.returncode == 0, captured.stderr
    [item] = json.loads(captured.stdout)
    note = tmp_path / "shënim.txt"
    note.write_text("Mesazh i marrë më 1 maj.\n", encoding="utf-8")
    imported = _run(CLI, home, *tsa_args, "import", str(note), "--case", "Built")
    assert imported.returncode == 0, imported.stderr
    bundle = tmp_path / "bundle.pdf"
    exported = _run(CLI, home, *tsa_args, "export", "--case", "Built", "-o", str(bundle), "--json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["items"] == 2 and bundle.is_file()
    shown = _run(CLI, home, "identity", "show", "--json")
    fingerprint = json.loads(shown.stdout)["fingerprint_sha256"]
    lawyer = tmp_path / "lawyer"  # another person's machine: no vault, no passphrase
    lawyer.mkdir()
    trust = ("--trust", str(tsa.pki.root_pem), "--trust-fingerprint", fingerprint)
    checked = _run(CLI, lawyer, "verify", str(bundle), *trust, "--json", EVIDENCEKIT_PASSPHRASE="")
    report = json.loads(checked.stdout)
    assert checked.returncode == 0 and report["verdict"] == "valid", report
    # Sealed at once: the loopback TSA's token is in the vault, and the page is the fixture's.
    assert item["timestamp_status"] == "granted" and item["status"] == 200, item
    assert item["final_url"].endswith("/marker/packaged-build"), item
    untrusted = _run(CLI, lawyer, "verify", str(bundle), "--json", EVIDENCEKIT_PASSPHRASE="")
    assert untrusted.returncode == 4  # without the TSA's root: indeterminate, never "valid"


def test_the_build_carries_its_data_and_only_the_qt_plugins_it_uses() -> None:
    internal = DIST / "_internal"
    for name in ("evidencekit_en.qm", "evidencekit_sq.qm"):
        assert (internal / "resources" / "translations" / name).is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    for name in ("evidencekit.svg", "evidencekit-256.png", "evidencekit.ico", "notes.svg"):
        assert (internal / "resources" / "icons" / name).is_file(), name
    assert (internal / "certifi" / "cacert.pem").is_file()
    assert list((internal / "licenses" / "playwright").rglob("LICENSE"))
    node = internal / "playwright" / "driver" / f"node{EXE}"
    assert node.is_file() and (os.name == "nt" or os.access(node, os.X_OK))
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "sqldrivers").exists() and not (plugins / "qmltooling").exists()
    image_formats = {p.name.split(".")[0] for p in (plugins / "imageformats").iterdir()}
    assert not image_formats & {"libqjpeg", "libqtiff", "libqwebp", "qjpeg", "qtiff"}
    assert not list(internal.glob("pytest*")) and not (internal / "mypy").exists()
    # Excluded: their runtime hooks imported them at every start of both programs.
    assert not list(internal.glob("setuptools*")) and not (internal / "pkg_resources").exists()


def _unlock_screen_text(display: str, home: Path, shots: Path, within_s: float) -> str:
    """Start the built GUI on `display`; screenshots until the unlock screen's words are read
    (or the time is up); the last screenshot's words. The process is stopped after."""
    env = clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    process = subprocess.Popen(
        [str(GUI)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    text = ""
    try:
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(1.0)
            grab_screen(display, shots)
            text = read_text(shots)
            if "open your vault" in text and "passphrase" in text:
                break
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "Traceback" not in output, output
    return text


@pytest.mark.skipif(not LINUX, reason="Xvfb: Linux only (the other systems' CI starts --version)")
def test_the_built_gui_shows_the_unlock_screen(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert _run(CLI, home, "init", "--kdf-memory-mib", KDF_MIB).returncode == 0
    shots = tmp_path / "unlock.png"
    with virtual_screen(tmp_path / "xvfb.log") as display:
        if display is None:
            pytest.fail("Xvfb did not start: `python3 dev.py test --package` installs it")
        text = _unlock_screen_text(display, home, shots, within_s=60)
    if os.environ.get("EVIDENCEKIT_SCREENSHOTS"):  # keep it to look at
        shutil.copy(shots, Path(os.environ["EVIDENCEKIT_SCREENSHOTS"]) / "built-unlock.png")
    colours, commonest = colour_facts(shots)
    assert colours > 20 and commonest < 0.97, (colours, commonest)  # not blank, not one grey
    assert "open your vault" in text, text  # the vault exists: the unlock screen, English
    assert "passphrase" in text and "open the vault" in text, text


def test_sha256sums_cover_every_file_of_the_folder_and_the_deb() -> None:
    sums = DIST.parent / "SHA256SUMS"
    listed = {line.split("  ", 1)[1] for line in sums.read_text("utf-8").splitlines()}
    files = {
        p.relative_to(DIST.parent).as_posix()
        for p in DIST.rglob("*")
        if p.is_file() and not p.is_symlink()
    }
    assert files <= listed, sorted(files - listed)[:5]
    if LINUX and shutil.which("dpkg-deb"):
        assert _deb().name in listed
    wrong = []  # `sha256sum -c SHA256SUMS`, in Python so that it runs on every system
    for line in sums.read_text("utf-8").splitlines():
        digest, name = line.split("  ", 1)
        if hashlib.sha256((DIST.parent / name).read_bytes()).hexdigest() != digest:
            wrong.append(name)
    assert not wrong, wrong[:5]


def _deb_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(root)], check=True, timeout=300)
    return root


@pytest.mark.skipif(not (LINUX and shutil.which("dpkg-deb")), reason="the .deb: Debian only")
def test_the_deb_installs_launchers_desktop_entry_and_icons(tmp_path: Path) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(_deb())], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    assert "chromium" in fields.split("Recommends:")[1].splitlines()[0]
    assert "fonts-noto-core" in fields and "libxcb-cursor0" in fields
    root = _deb_root(tmp_path)
    for name in ("evidencekit", "evidencekit-gui"):
        link = root / "usr" / "bin" / name
        assert link.is_symlink() and os.readlink(link) == f"/opt/evidencekit/{name}"
        assert os.access(root / "opt" / "evidencekit" / name, os.X_OK)
    desktop = (root / "usr/share/applications/evidencekit.desktop").read_text("utf-8")
    assert "\nIcon=evidencekit\n" in desktop and "\nExec=evidencekit-gui\n" in desktop
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (hicolor / f"{size}x{size}" / "apps" / "evidencekit.png").is_file(), size
    assert (hicolor / "scalable" / "apps" / "evidencekit.svg").is_file()
    assert "License: AGPL-3.0-or-later" in (root / "usr/share/doc/evidencekit/copyright").read_text(
        "utf-8"
    )
    contents = subprocess.run(["dpkg-deb", "-c", str(_deb())], capture_output=True, text=True,
                              check=True).stdout.splitlines()  # fmt: skip
    assert all(" root/root " in line for line in contents)
    assert not [line for line in contents if line.startswith(("-rwxrwx", "drwxrwx", "-rw-rw"))]


@pytest.mark.skipif(not (LINUX and shutil.which("dpkg-deb")), reason="the .deb: Debian only")
def test_the_debs_launcher_runs_from_a_throwaway_root(tmp_path: Path) -> None:
    root = _deb_root(tmp_path)
    # /usr/bin/evidencekit -> /opt/evidencekit/evidencekit, re-pointed into the throwaway root.
    launcher = tmp_path / "bin" / "evidencekit"
    launcher.parent.mkdir()
    launcher.symlink_to(root / "opt" / "evidencekit" / "evidencekit")
    home = tmp_path / "home"
    home.mkdir()
    version = _run(launcher, home, "--version")
    assert version.returncode == 0, version.stderr
    installed = root / "opt" / "evidencekit" / "evidencekit"
    assert f"SHA-256: {hashlib.sha256(installed.read_bytes()).hexdigest()}" in version.stdout
    assert installed.read_bytes() == CLI.read_bytes()  # the .deb carries this very build
    assert _run(launcher, home, "init", "--kdf-memory-mib", KDF_MIB).returncode == 0
    note = tmp_path / "note.txt"
    note.write_text("kept\n", "utf-8")
    assert _run(launcher, home, "import", str(note)).returncode == 0
    gui = subprocess.Popen(
        [str(root / "opt" / "evidencekit" / "evidencekit-gui")],
        env=clean_env(home, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            gui.wait(timeout=8)  # still running after 8 s: it started, no crash
    finally:
        gui.terminate()
        output = gui.communicate(timeout=20)[0]
    assert "Traceback" not in output, output

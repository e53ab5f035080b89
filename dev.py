#!/usr/bin/env python3
"""Set up everything EvidenceKit needs, then run the app or the tests.

    python3 dev.py run     set up, then start the desktop app
    python3 dev.py test    set up, then run the whole test suite (extra args go to pytest)
    python3 dev.py test --package
                           the same, after building the app (as `package` does), with the
                           smoke tests of the BUILT app (tests/test_package_build.py); CI=true
                           (.ci/run) always does this
    python3 dev.py package set up, then build the one-folder app into dist/evidencekit/
                           (PyInstaller, packaging/evidencekit.spec; extra args go to it), the
                           .deb where dpkg-deb exists, the Windows installer where Inno Setup's
                           ISCC exists, and dist/SHA256SUMS over all of them

Idempotent: the second run only checks, and takes a second or two. On Debian/Ubuntu as root it
installs what is missing with apt (Chromium when no Chrome/Edge/Chromium is found, Noto fonts
for the world's scripts, the Qt/X libraries, Xvfb, poppler-utils, openssl); without root it
says which command to run. On macOS and Windows it uses an installed Chrome/Edge (and the
system's own fonts), or installs Playwright's Chromium.
Uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".evidencekit-installed"
IS_WINDOWS = os.name == "nt"
PY = VENV / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")

# Debian packages: what the app and the tests need beyond Python.
APT_ALWAYS = [
    # Qt's xcb platform (a real window) and its GL/D-Bus dependencies
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1",
    "libxcb-xfixes0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libdbus-1-3",
    "libfontconfig1", "fontconfig", "libglib2.0-0", "fonts-dejavu-core",
    # fonts for the world's scripts: a screenshot must show letters, never boxes (Latin with
    # ë ç, Cyrillic, Greek, Arabic, Hebrew, Indic, Thai… in core; Chinese, Japanese, Korean in
    # cjk; emoji in colour)
    "fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji",
    # tests: a virtual screen, PDF tools, independent signature/timestamp checks
    "xvfb", "xauth", "poppler-utils", "openssl", "desktop-file-utils", "x11-utils",
]  # fmt: skip
APT_BROWSER = "chromium"
# The build and its smoke test (`dev.py package`, `dev.py test --package`): PyInstaller reads
# binaries with objdump (binutils); the GUI's screenshot is read back with OCR (tesseract).
APT_PACKAGE = ["binutils", "tesseract-ocr", "tesseract-ocr-eng"]

SYSTEM_BROWSERS = [
    "/usr/lib/chromium/chromium",
    "/usr/lib/chromium-browser/chromium-browser",
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def _debian_missing(packages: list[str]) -> list[str]:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *packages],
        capture_output=True,
        text=True,
    )
    installed = {
        line.split()[0] for line in result.stdout.splitlines() if line.endswith(" installed")
    }
    return [p for p in packages if p not in installed]


def browser_found() -> bool:
    if os.environ.get("EVIDENCEKIT_BROWSER"):
        return Path(os.environ["EVIDENCEKIT_BROWSER"]).exists()
    if any(Path(p).exists() for p in SYSTEM_BROWSERS):
        return True
    if any(shutil.which(n) for n in ("google-chrome", "chromium", "chromium-browser", "msedge")):
        return True
    if PY.exists():  # Playwright's own Chromium, if it was installed earlier
        probe = subprocess.run(
            [str(PY), "-c", "from playwright.sync_api import sync_playwright as s\n"
             "import os\nwith s() as p: print(os.path.exists(p.chromium.executable_path))"],
            capture_output=True, text=True,
        )  # fmt: skip
        return probe.stdout.strip() == "True"
    return False


def system_packages(extra: list[str] | None = None) -> None:
    """Debian/Ubuntu: install missing packages with apt (as root)."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    wanted = [*APT_ALWAYS, *(extra or [])]
    if not browser_found():
        wanted.append(APT_BROWSER)
    missing = _debian_missing(wanted)
    if not missing:
        return
    if os.geteuid() != 0:
        say("missing system packages: " + " ".join(missing))
        say("install them with:  sudo apt-get install -y " + " ".join(missing))
        raise SystemExit(1)
    say("installing system packages: " + " ".join(missing))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lists = Path("/var/lib/apt/lists")
    if not any(lists.glob("*Packages*")):
        run(["apt-get", "update", "-qq"], env=env)
    try:
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)
    except subprocess.CalledProcessError:
        run(["apt-get", "update", "-qq"], env=env)  # stale package lists: refresh once
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def _ensure_venv_support() -> None:
    """Debian ships ensurepip (needed by venv) separately, in python3.X-venv."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        package = f"python3.{sys.version_info.minor}-venv"
        if sys.platform.startswith("linux") and shutil.which("apt-get") and os.geteuid() == 0:
            say(f"installing {package}")
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            run(["apt-get", "install", "-y", "-qq", package], env=env)
        else:
            say(f"Python's venv module is missing: install it (sudo apt-get install {package})")
            raise SystemExit(1) from None


def python_packages() -> None:
    """A virtualenv with EvidenceKit and its test tools, reinstalled when pyproject changes."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on any Python 3
        say(f"EvidenceKit needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        raise SystemExit(1)
    if not PY.exists():
        _ensure_venv_support()
        say(f"creating the virtualenv {VENV}")
        venv.create(VENV, with_pip=True)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    say("installing Python packages (first run only)")
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    run([*pip, "-e", f"{ROOT}[test]"])
    STAMP.write_text(fingerprint)


def browser() -> None:
    """Elsewhere than Debian: Playwright's own Chromium when no Chrome/Edge is installed."""
    if browser_found():
        return
    if sys.platform.startswith("linux") and shutil.which("dpkg-query"):
        return  # system_packages() installed Chromium already
    say("no Chrome, Edge or Chromium found: installing Playwright's Chromium")
    run([str(PY), "-m", "playwright", "install", "chromium"])


def translations() -> None:
    """Compile the Qt translation sources (.ts) into .qm files when they changed."""
    lrelease = VENV / ("Scripts/pyside6-lrelease.exe" if IS_WINDOWS else "bin/pyside6-lrelease")
    folder = ROOT / "resources" / "translations"
    if not lrelease.exists() or not folder.is_dir():
        return
    for source in folder.glob("*.ts"):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            run([str(lrelease), "-silent", str(source), "-qm", str(target)])


def setup(packaging: bool = False) -> None:
    system_packages(APT_PACKAGE if packaging else None)
    python_packages()
    browser()
    translations()


def cmd_run(extra: list[str]) -> int:
    setup()
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        say("there is no screen here (DISPLAY is not set): the app needs a desktop session.")
        say("to try it on a server: xvfb-run -a python3 dev.py run")
        return 2
    return subprocess.call([str(PY), str(ROOT / "main.py"), *extra])


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def cmd_test(extra: list[str]) -> int:
    """pytest; with `--package` (always under CI=true) the app is built first and the smoke tests
    of the built app run too (EVIDENCEKIT_PACKAGE_TESTS=1: a missing build then FAILS)."""
    packaging = "--package" in extra or _ci()
    extra = [arg for arg in extra if arg != "--package"]
    setup(packaging)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if packaging:
        code = build_all([])
        if code != 0:
            return code
        env["EVIDENCEKIT_PACKAGE_TESTS"] = "1"
    return subprocess.call([str(PY), "-m", "pytest", *extra], cwd=ROOT, env=env)


def cmd_package(extra: list[str]) -> int:
    setup(packaging=True)
    return build_all(extra)


def build_all(extra: list[str]) -> int:
    """The one folder (PyInstaller), then the .deb / Windows installer this machine can make,
    then dist/SHA256SUMS over every file of them. Prints how long each step took."""
    started = time.monotonic()
    env = build_env()
    code = subprocess.call(pyinstaller_command(extra), cwd=ROOT, env=env)
    if code != 0:
        return code
    dist = ROOT / "dist"
    folders = ["evidencekit"] + (["EvidenceKit.app"] if (dist / "EvidenceKit.app").is_dir() else [])
    say(f"one folder built in {time.monotonic() - started:.0f} s")
    installers: list[Path] = []
    for stale in [*dist.glob("evidencekit_*.deb"), *dist.glob("EvidenceKit-*-setup.exe")]:
        stale.unlink()  # an older version's: SHA256SUMS lists only this build's
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        step = time.monotonic()
        run([str(PY), str(ROOT / "packaging" / "make_deb.py"), "--dist", str(dist)], env=env)
        installers += sorted(dist.glob("evidencekit_*.deb"))
        say(f".deb built in {time.monotonic() - step:.0f} s")
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if IS_WINDOWS and iscc:
        ask = "import evidencekit; print(evidencekit.__version__)"
        version = subprocess.run([str(PY), "-c", ask], capture_output=True, text=True,
                                 check=True).stdout.strip()  # fmt: skip
        run([iscc, f"/DAppVersion={version}", f"/DDistDir={dist}", f"/O{dist}",
             str(ROOT / "packaging" / "windows" / "evidencekit.iss")])  # fmt: skip
        installers += sorted(dist.glob("EvidenceKit-*-setup.exe"))
    sums = write_sha256sums(dist, folders, installers)
    say(f"built {', '.join(folders + [i.name for i in installers])} in {dist} "
        f"({time.monotonic() - started:.0f} s); hashes of every file in {sums}")  # fmt: skip
    return 0


def pyinstaller_command(extra: list[str]) -> list[str]:
    """The one-folder build: the `package` extra (PyInstaller) installed if missing, the spec."""
    pyinstaller = VENV / ("Scripts/pyinstaller.exe" if IS_WINDOWS else "bin/pyinstaller")
    if not pyinstaller.exists():
        say("installing PyInstaller (the `package` extra)")
        pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        run([*pip, "-e", f"{ROOT}[test,package]"])
    spec = ROOT / "packaging" / "evidencekit.spec"
    work = ROOT / "build" / "pyinstaller"
    return [str(pyinstaller), "--noconfirm", "--distpath", str(ROOT / "dist"),
            "--workpath", str(work), *extra, str(spec)]  # fmt: skip


def build_env() -> dict[str, str]:
    """The build's environment (PyInstaller and make_deb.py), for reproducible output: the
    build date and file times are the last commit's time (SOURCE_DATE_EPOCH, unless set), and
    Python's string hashes are not salted (PYTHONHASHSEED=0: base_library.zip's entry order
    follows PyInstaller's module graph, whose order otherwise changes from run to run)."""
    env = dict(os.environ)
    if "SOURCE_DATE_EPOCH" not in env:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()  # fmt: skip
        if stamp:
            env["SOURCE_DATE_EPOCH"] = stamp
    env["PYTHONHASHSEED"] = "0"
    return env


def write_sha256sums(dist: Path, folders: list[str], files: list[Path] | None = None) -> Path:
    """dist/SHA256SUMS: every file of the build folders, then the installers, in
    `sha256sum -c` form (paths relative to dist/), sorted."""
    lines = []
    for folder in folders:
        for path in sorted((dist / folder).rglob("*")):
            if path.is_file() and not path.is_symlink():
                lines.append(f"{_sha256(path)}  {path.relative_to(dist).as_posix()}\n")
    for path in files or []:
        lines.append(f"{_sha256(path)}  {path.relative_to(dist).as_posix()}\n")
    target = dist / "SHA256SUMS"
    target.write_text("".join(lines), encoding="utf-8")
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> int:
    command, extra = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "run":
        return cmd_run(extra)
    if command == "test":
        return cmd_test(extra)
    if command == "package":
        return cmd_package(extra)
    if command == "setup":
        setup()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

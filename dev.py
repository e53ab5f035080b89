#!/usr/bin/env python3
"""Set up everything EvidenceKit needs, then run the app or the tests.

    python3 dev.py run     set up, then start the desktop app
    python3 dev.py test    set up, then run the whole test suite (extra args go to pytest)
    python3 dev.py package set up, then build the one-folder app into dist/evidencekit/
                           (PyInstaller, packaging/evidencekit.spec; extra args go to it)

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
    "xvfb", "xauth", "poppler-utils", "openssl",
]  # fmt: skip
APT_BROWSER = "chromium"

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


def system_packages() -> None:
    """Debian/Ubuntu: install missing packages with apt (as root)."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    wanted = list(APT_ALWAYS)
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


def setup() -> None:
    system_packages()
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


def cmd_test(extra: list[str]) -> int:
    setup()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([str(PY), "-m", "pytest", *extra], cwd=ROOT, env=env)


def cmd_package(extra: list[str]) -> int:
    """The one-folder build: the `package` extra (PyInstaller), .qm files first, then the spec."""
    setup()
    pyinstaller = VENV / ("Scripts/pyinstaller.exe" if IS_WINDOWS else "bin/pyinstaller")
    if not pyinstaller.exists():
        say("installing PyInstaller (the `package` extra)")
        pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        run([*pip, "-e", f"{ROOT}[test,package]"])
    spec = ROOT / "packaging" / "evidencekit.spec"
    work = ROOT / "build" / "pyinstaller"
    command = [str(pyinstaller), "--noconfirm", "--distpath", str(ROOT / "dist"),
               "--workpath", str(work), *extra, str(spec)]  # fmt: skip
    env = dict(os.environ)
    if "SOURCE_DATE_EPOCH" not in env:  # reproducible: the build date is the last commit's
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()  # fmt: skip
        if stamp:
            env["SOURCE_DATE_EPOCH"] = stamp
    code = subprocess.call(command, cwd=ROOT, env=env)
    if code == 0:
        sums = write_sha256sums(ROOT / "dist", "evidencekit")
        say(f"built {ROOT / 'dist' / 'evidencekit'}; its files' hashes are in {sums}")
    return code


def write_sha256sums(dist: Path, folder: str) -> Path:
    """dist/SHA256SUMS: every file of the build, in `sha256sum -c` form, sorted."""
    lines = []
    for path in sorted((dist / folder).rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(dist).as_posix()}\n")
    target = dist / "SHA256SUMS"
    target.write_text("".join(lines), encoding="utf-8")
    return target


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

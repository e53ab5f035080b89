"""Helpers for the smoke tests of the BUILT app (tests/test_package_build.py).

- `wanted()`: whether those tests run: `python3 dev.py test --package` sets
  EVIDENCEKIT_PACKAGE_TESTS=1, and CI=true always wants them (a missing build then fails).
- `clean_env(home)`: the environment a fresh user account has (HOME, PATH, a UTF-8 English
  locale), nothing of the developer's (no .venv, no PYTHONPATH, no Playwright cache).
- `grab_screen(display, out)`: a screenshot of a whole X screen (Xvfb), taken by a separate
  Qt process of the test's own .venv, so the built app is not asked to take its own picture.
- `read_text(png)`: the words on a screenshot, by OCR (tesseract), to tell the unlock screen
  from a grey or half-drawn window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE_TESTS_ENV = "EVIDENCEKIT_PACKAGE_TESTS"

_GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["grab"])
picture = app.primaryScreen().grabWindow(0)
sys.exit(0 if picture.save(sys.argv[1], "PNG") else 1)
"""


def wanted() -> bool:
    ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    return ci or os.environ.get(PACKAGE_TESTS_ENV) == "1"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {"HOME": str(home), "LANG": "en_US.UTF-8", "LANGUAGE": "en"}
    if os.name == "nt":
        # Windows finds the user's folders through the shell, not HOME: the vault goes in the
        # clean folder by name (the CLI's EVIDENCEKIT_VAULT), the rest of the profile too.
        # Where Chrome and Edge are installed: the system's folders, kept as they are.
        for name in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "SYSTEMDRIVE",
                     "WINDIR", "COMSPEC", "PATHEXT"):  # fmt: skip
            if name in os.environ:
                env[name] = os.environ[name]
        env.update(
            SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"),
            PATH=os.environ.get("PATH", ""),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            TEMP=str(home),
            TMP=str(home),
            EVIDENCEKIT_VAULT=str(home / "vault.ekv"),
        )
    else:
        env.update(PATH="/usr/local/bin:/usr/bin:/bin", TMPDIR=str(home))
    env.update(extra)
    return env


def grab_screen(display: str, out: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run(
        [sys.executable, "-c", _GRAB, str(out)], env=env, check=True, timeout=60,
        capture_output=True,
    )  # fmt: skip


def read_text(png: Path) -> str:
    """The screenshot's words, lower case and on one line (tesseract's own page segmentation)."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        raise RuntimeError(
            "tesseract is not installed: `python3 dev.py test --package` installs it"
        )
    result = subprocess.run(
        [tesseract, str(png), "-", "-l", "eng"], capture_output=True, text=True, timeout=120
    )
    return " ".join(result.stdout.split()).lower()


def colour_facts(png: Path) -> tuple[int, float]:
    """How many different colours the window has, and the share of its commonest colour (the
    X screen's black around the window is cropped off first)."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        box = rgb.getbbox()
        if box is None:  # all black: nothing on the screen
            return 1, 1.0
        window = rgb.crop(box)
        counts = window.getcolors(maxcolors=window.width * window.height) or []
    commonest = max(count for count, _ in counts)
    return len(counts), commonest / (window.width * window.height)

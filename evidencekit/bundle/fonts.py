"""The report's fonts: DejaVu, shipped in `resources/fonts/`, registered with reportlab once.

DejaVu covers Albanian (ë, ç) and the other Latin, Greek and Cyrillic scripts, and reportlab
embeds a subset of it in every report, so the PDF reads the same on any computer.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from evidencekit.errors import BundleResourceMissing

log = logging.getLogger(__name__)

SANS = "EK-DejaVuSans"
SANS_BOLD = "EK-DejaVuSans-Bold"
MONO = "EK-DejaVuSansMono"
_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}
RESOURCES_ENV = "EVIDENCEKIT_RESOURCES"
_lock = threading.Lock()
_registered = False


def resource_dirs() -> list[Path]:
    """Where `resources/` may be, most specific first.

    A checkout keeps it at the repository top (beside the package); a PyInstaller build
    unpacks it under `sys._MEIPASS`; a pip install puts it under
    `<prefix>/share/evidencekit/resources` (pyproject's data-files).
    """
    found: list[Path] = []
    if os.environ.get(RESOURCES_ENV):
        found.append(Path(os.environ[RESOURCES_ENV]))
    found.append(Path(__file__).resolve().parents[2] / "resources")
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        found.append(Path(bundle_dir) / "resources")
    found.append(Path(sys.prefix) / "share" / "evidencekit" / "resources")
    return found


def font_path(filename: str) -> Path:
    for folder in resource_dirs():
        candidate = folder / "fonts" / filename
        if candidate.is_file():
            return candidate
    raise BundleResourceMissing(detail=f"font {filename} not found in {resource_dirs()}")


def register_fonts() -> None:
    """Register the report fonts with reportlab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
        # <b> inside paragraphs must map to our bold face, never to a built-in Helvetica
        # (which would be neither embedded nor able to draw ë).
        for bold, italic, face in (
            (0, 0, SANS),
            (1, 0, SANS_BOLD),
            (0, 1, SANS),
            (1, 1, SANS_BOLD),
        ):
            addMapping(SANS, bold, italic, face)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(MONO, bold, italic, MONO)
        _registered = True
        log.debug("report fonts registered")

"""Render the app's icons from their hand-written SVG sources (issue 13).

    python3 packaging/make_icons.py          # from the repository root, with the .venv's Python

For each source in resources/icons/ (`evidencekit.svg`, the neutral app icon, and `notes.svg`,
the disguised "Notes" launcher's icon) it writes:

- `<name>-<N>.png` for N in 16, 24, 32, 48, 64, 128, 256, 512 (the sizes the Linux hicolor icon
  theme and the window icon use);
- `<name>.ico` (Windows: one file holding 16…256, each rendered from the SVG, not scaled down);
- `<name>.icns` (macOS: 32…1024, written by Pillow).

Every size is rendered by Qt's SVG renderer straight from the vector source, so the small sizes
are sharp rather than a blurred 512. The output is deterministic (same SVG, same Qt -> same
bytes), and each file is written atomically, so the committed files can be regenerated and
compared.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed to render

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from evidencekit.atomic import atomic_output  # noqa: E402

ICONS = ROOT / "resources" / "icons"
NAMES = ("evidencekit", "notes")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can be
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow's ICNS writer stores


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn at size x size pixels on a transparent background, as a Pillow RGBA image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt could not read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def write(path: Path, data: bytes) -> None:
    with atomic_output(path, mode=0o644) as handle:  # committed files: readable by all
        handle.write(data)


def make(name: str, out: Path = ICONS) -> list[Path]:
    svg = ICONS / f"{name}.svg"
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    rendered = {size: render(svg, size) for size in sizes}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / f"{name}-{size}.png"
        write(path, encoded(rendered[size], "PNG", optimize=True))
        written.append(path)
    largest_ico = rendered[max(ICO_SIZES)]
    ico = encoded(
        largest_ico,
        "ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[rendered[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    write(out / f"{name}.ico", ico)
    largest_icns = rendered[max(ICNS_SIZES)]
    icns = encoded(
        largest_icns,
        "ICNS",
        append_images=[rendered[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    write(out / f"{name}.icns", icns)
    written += [out / f"{name}.ico", out / f"{name}.icns"]
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    for name in NAMES:
        for path in make(name):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

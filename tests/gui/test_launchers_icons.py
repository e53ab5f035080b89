"""The icons (resources/icons, issue 13): every size there, the ICO and ICNS complete, and the
committed PNGs what packaging/make_icons.py renders from the SVG sources now (so an edited SVG
without regenerated PNGs fails here). Here the script's output is byte-identical run to run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging/make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["evidencekit", "notes"])
def test_every_size_is_there_and_square(name: str) -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"{name}-{size}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0  # transparent corner: a rounded shape
            assert png.getpixel((size // 2, size // 2))[3] == 255  # solid middle
    with Image.open(ICONS / f"{name}.ico") as ico:
        assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / f"{name}.icns") as icns:
        # (points, points, scale): 32 to 1024 pixels, what Finder and the Dock ask for
        wanted = {(16, 16, 2), (32, 32, 2), (128, 128, 1), (256, 256, 1), (512, 512, 1)}
        assert wanted | {(512, 512, 2)} <= set(icns.info["sizes"])


def test_nothing_in_the_sources_says_what_the_app_is() -> None:
    for name in ("evidencekit", "notes"):
        svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
        drawing = svg.split("-->", 1)[-1].lower()  # the drawing, not the comment about it
        for word in ("evidence", "lock", "camera", "shield", "eye", "<text"):
            assert word not in drawing, (name, word)


def test_committed_icons_are_what_the_script_renders(qapp, tmp_path: Path) -> None:
    """Pixels, not bytes: another Qt or zlib version may encode or antialias a little
    differently; an edited drawing differs by far more than 8 levels somewhere."""
    from PIL import ImageChops

    make_icons = _make_icons()
    for name in make_icons.NAMES:
        for path in make_icons.make(name, tmp_path):
            if path.suffix != ".png":
                continue
            with Image.open(path) as fresh, Image.open(ICONS / path.name) as committed:
                diff = ImageChops.difference(fresh.convert("RGBA"), committed.convert("RGBA"))
                worst = max(high for _low, high in diff.getextrema())
                assert worst <= 8, (path.name, worst)

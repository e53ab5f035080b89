"""Pictures of evidence for the screen: blurred by default, made in memory only.

Runs in worker threads (Pillow, then a QImage, which unlike QPixmap may be made off the GUI
thread). Nothing is ever written to disk: no thumbnail cache, no temporary file.
A blurred picture is made from a tiny copy of the image, so no detail survives to be recovered.
"""

from __future__ import annotations

import io

from PIL import Image, ImageFilter
from PySide6.QtGui import QImage

from evidencekit.vault.records import ItemRecord

# Tall full-page screenshots are shown at most this tall (QPixmap limits, memory); the
# original stays exact in the vault and in the exported bundle.
MAX_VIEW_HEIGHT = 16000
MAX_VIEW_WIDTH = 2400
# The blurred picture keeps only this many pixels across: colours, never shapes or faces.
BLUR_SOURCE_WIDTH = 12


def picture_artifact(item: ItemRecord, *, full: bool = False) -> str | None:
    """The artifact that shows what an item looks like, or None (a video, a document)."""
    if item.kind == "web":
        wanted = "screenshot.png" if full else "viewport.png"
        if item.artifact(wanted) is not None:
            return wanted
        return "screenshot.png" if item.artifact("screenshot.png") is not None else None
    for artifact in item.artifacts:
        if artifact.name.startswith("original/") and artifact.media_type in _SHOWABLE:
            return artifact.name
    return None


_SHOWABLE = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff"}


def render(data: bytes, *, blurred: bool, width: int, height: int | None = None) -> QImage:
    """The picture scaled to `width` (and at most `height`), blurred unless asked otherwise.

    Raises ValueError when the bytes are not an image we can read.
    """
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = opened.convert("RGB")
    except (OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValueError("not a readable image") from error
    target_w = max(1, min(width, MAX_VIEW_WIDTH))
    scale = target_w / image.width
    target_h = max(1, round(image.height * scale))
    limit = min(height or MAX_VIEW_HEIGHT, MAX_VIEW_HEIGHT)
    if target_h > limit:
        target_h = limit
        if height is not None:  # a thumbnail: crop the top, as people see a page first
            image = image.crop((0, 0, image.width, max(1, round(limit / scale))))
        else:
            target_w = max(1, round(image.width * limit / image.height))
    if blurred:
        tiny_w = min(BLUR_SOURCE_WIDTH, image.width)
        tiny_h = max(1, round(image.height * tiny_w / image.width))
        tiny = image.resize((tiny_w, tiny_h), Image.Resampling.BOX)
        image = tiny.resize((target_w, target_h), Image.Resampling.BILINEAR)
        image = image.filter(ImageFilter.GaussianBlur(radius=max(4, target_w // 24)))
    else:
        image = image.resize((target_w, target_h), Image.Resampling.LANCZOS)
    return to_qimage(image)


def to_qimage(image: Image.Image) -> QImage:
    rgba = image.convert("RGBA")
    raw = rgba.tobytes("raw", "RGBA")
    # copy(): the QImage must own its pixels, not borrow the Python bytes object.
    image_format = QImage.Format.Format_RGBA8888
    return QImage(raw, rgba.width, rgba.height, rgba.width * 4, image_format).copy()

"""Minor-safe on a page as heavy as a platform's (tests/support/heavy_site.py: 60+ pictures of
every kind, lazy and observer-loaded ones, <picture>, srcset, CSS backgrounds and ::before,
SVGs, pictures in iframes, a video with a poster): every picture the page shows is hashed,
none of their bytes is in any artifact, and at every place the record gives for a picture the
screenshot is one plain colour."""

from __future__ import annotations

import gzip
import hashlib
import io

import pytest
from PIL import Image

from evidencekit.capture import CaptureSettings
from tests.capture.test_minor_safe import Needles
from tests.support import heavy_site

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def test_a_heavy_page_keeps_no_picture_and_hashes_each(capture, site) -> None:
    result = capture("/heavy/", CaptureSettings(minor_safe=True))
    assert not [n for n in result.names if n.startswith("media/")]
    record = result.metadata["minor_safe"]
    by_sha = {p["sha256"]: p for p in record["pictures"]}
    wanted = [p for p in heavy_site.PICTURES if p.keep]
    pictures = {p.name: heavy_site.picture_bytes(p.path)[0] for p in wanted}
    missing = [n for n, d in pictures.items() if hashlib.sha256(d).hexdigest() not in by_sha]
    assert missing == []
    needles = Needles(pictures)
    for artifact in result.artifacts:
        data = artifact.data
        if artifact.name.endswith(".gz"):
            data = gzip.decompress(data)
        assert needles.found_in(data) == set(), artifact.name

    with Image.open(io.BytesIO(result.artifact("screenshot.png").data)) as shot:
        image = shot.convert("RGB")
    checked = 0
    for entry in record["pictures"]:
        for x, y, w, h in entry.get("positions_css_px") or []:
            if w < 8 or h < 8 or y + h > image.height or x + w > image.width:
                continue  # too small to tell, or below the part of the page shot
            colours = image.crop((x + 2, y + 2, x + w - 2, y + h - 2)).getcolors(4)
            assert colours is not None and len(colours) == 1, (entry["url"], x, y, w, h)
            checked += 1
    assert checked >= 40

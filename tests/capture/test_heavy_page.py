"""Real Chromium against pages as heavy as a platform's: which pictures are kept (by what the
page shows, never by bytes), where they are, and text the computer has no font for."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image

from evidencekit.capture import CaptureSettings
from tests.support import heavy_site

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


def _by_path(entries, site):
    return {e["url"].removeprefix(site.base_url): e for e in entries}


def test_heavy_page_keeps_every_picture_it_shows_and_no_icons(capture, site):
    result = capture("/heavy/")
    meta = result.metadata
    assert meta["network"]["requests"] >= 200
    saved = _by_path(meta["media"], site)
    skipped = _by_path(meta["media_not_saved"], site)
    wanted = [p for p in heavy_site.PICTURES if p.keep]
    assert len(wanted) >= 60
    assert [p.path for p in wanted if p.path not in saved] == []
    assert [p.path for p in heavy_site.PICTURES if not p.keep and p.path in saved] == []
    for p in heavy_site.PICTURES:
        if not p.keep:
            assert p.path in skipped, p.path
            assert skipped[p.path]["reason"].startswith(("an icon", "a 1x1 px tracker"))
    # Small files are kept when the page shows them large.
    for name in ("tiny-webp", "flat-png-small-file", "pixel-art", "background-small-file"):
        entry = saved[next(p.path for p in wanted if p.name == name)]
        assert entry["size"] < 2048, (name, entry["size"])
        assert result.artifact(entry["name"]).sha256 == entry["sha256"]
    for p in wanted:
        entry = saved[p.path]
        for key in ("name", "media_type", "sha256", "size", "width", "height", "url", "obtained",
                    "http_status", "shown_as", "positions_css_px", "rendered_css_px"):  # fmt: skip
            assert key in entry, (p.name, key)
        if p.shown is not None and p.how != "before":
            assert entry["rendered_css_px"] == list(p.shown), p.name
        if p.fmt == "svg":
            assert entry["media_type"] == "image/svg+xml" and entry["width"], p.name
        if p.frame is not None:
            assert "in-iframe" in entry["shown_as"]
            assert entry["in_iframes"] == [site.url(f"/heavy/frame/{p.frame}.html")]
        if p.how in ("bg", "before"):
            assert "css-background" in entry["shown_as"]
    assert {"media/clip.webm"} <= set(result.names)  # the video too


def test_pictures_in_iframes_and_backgrounds_are_placed_on_the_screenshot(capture, site):
    result = capture("/heavy/")
    saved = _by_path(result.metadata["media"], site)
    with Image.open(io.BytesIO(result.artifact("screenshot.png").data)) as shot:
        rgb = shot.convert("RGB")
        for name in ("frame0-0", "frame2-0", "background-small-file", "tiny-webp"):
            p = next(p for p in heavy_site.PICTURES if p.name == name)
            x, y, w, h = saved[p.path]["positions_css_px"][0]
            seen = rgb.getpixel((x + w // 2, y + h // 4))
            want = heavy_site._colour(p.name)
            assert all(abs(a - b) <= 12 for a, b in zip(seen, want, strict=True)), (name, seen)


def test_every_script_shows_as_letters_once_fonts_are_installed(capture):
    result = capture("/heavy/")
    assert result.metadata["missing_glyphs"]["missing"] == {}
    assert result.metadata["missing_glyphs"]["characters_tested"] > 50
    assert not any("could not be shown" in w for w in result.warnings)


def _has_font(code_point: int) -> bool | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    out = subprocess.run([fc_list, f":charset={code_point:x}", "family"], capture_output=True)
    return bool(out.stdout.strip())


def test_characters_without_a_font_are_warned_about_by_script(capture):
    result = capture("/tofu.html")
    warnings = [w for w in result.warnings if "could not be shown" in w]
    missing = result.metadata["missing_glyphs"]["missing"]
    if _has_font(0xF0001) is not True:  # supplementary private use: no standard font has it
        assert missing["private-use (no standard meaning)"] == ["U+F0001", "U+F0002", "U+F0003"]
        assert any(w.startswith("3 characters in private-use") for w in warnings)
    if _has_font(0x10570) is False:  # Vithkuqi: too new for the Noto fonts of Debian 12
        assert missing["Vithkuqi"] == ["U+10570", "U+10571", "U+10572", "U+10597", "U+10598"]
        assert (
            "5 characters in Vithkuqi script could not be shown: the computer has no font for "
            "them; the screenshot shows boxes there"
        ) in " ".join(warnings)
    # Code points Unicode has not assigned have no glyph in any font, on any machine.
    assert missing["unassigned code points"] == ["U+0378", "U+0379"]
    assert any(w.startswith("2 characters in unassigned code points") for w in warnings), warnings
    # Letters that do have a font (and hidden text) are not reported.
    assert set(missing) <= {
        "private-use (no standard meaning)",
        "Vithkuqi",
        "unassigned code points",
    }
    assert any(a["kind"] == "missing-glyphs" for a in result.metadata["actions"])


def test_pasted_link_is_cleaned_before_the_page_is_opened(capture, site):
    pasted = site.base_url.replace("://", "://user:secret-pw@") + "/marker/cleaned?igsh=XYZ1&id=5"
    result = capture(pasted)
    assert result.requested_url == result.final_url == site.url("/marker/cleaned?id=5")
    link = result.metadata["link_as_pasted"]
    assert link["credentials_removed"] is True
    assert link["share_parameters_removed"] == ["igsh"]
    assert link["summary"] == (
        "removed from the link you pasted: a user name and password; "
        "the share-tracking parameter igsh"
    )
    hits = [h for h in site.state.hits if h.path.startswith("/marker/cleaned")]
    assert [h.path for h in hits] == ["/marker/cleaned?id=5"]
    assert not any("authorization" in k.lower() for h in hits for k in h.headers)
    for artifact in result.artifacts:
        assert b"secret-pw" not in artifact.data and b"XYZ1" not in artifact.data, artifact.name
    assert any(a["kind"] == "link-cleaned" for a in result.metadata["actions"])


def test_share_parameters_can_be_kept(capture, site):
    result = capture(
        site.url("/marker/kept?igsh=KEEP1&id=5"), CaptureSettings(keep_share_parameters=True)
    )
    assert result.requested_url == site.url("/marker/kept?igsh=KEEP1&id=5")
    assert result.metadata["link_as_pasted"]["share_parameters_kept"] == ["igsh"]

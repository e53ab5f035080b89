"""Real Chromium against the fixture site: what each kind of post yields."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from PIL import Image

from evidencekit.canonical import canonical_json
from evidencekit.capture import CaptureSettings
from tests.support.site import THREAD_POST_PX, solid_png, thread_colour, video_sha256

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

Image.MAX_IMAGE_PIXELS = None  # the 40,000 px screenshot is ours

MAGENTA, CYAN, GREEN = (255, 0, 200), (0, 200, 255), (0x20, 0xE0, 0x40)
ARTIFACTS = {
    "screenshot.png",
    "viewport.png",
    "page.html",
    "page.mhtml",
    "traffic.warc.gz",
    "text.txt",
    "metadata.json",
}


def pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return tuple(image.convert("RGB").getpixel((x, y)))  # type: ignore[return-value]


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 2) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(a, b, strict=True))


def test_lazy_images_are_in_the_screenshot_at_their_place(capture):
    result = capture("/lazy.html")
    shot = result.artifact("screenshot.png").data
    # lazy.html: loading=lazy image at left 100, top 3000; IntersectionObserver one at 500, 5000
    assert close(pixel(shot, 100 + 160, 3000 + 120), MAGENTA)
    assert close(pixel(shot, 500 + 160, 5000 + 120), CYAN)
    # and not everywhere: the space between them is page background
    assert not close(pixel(shot, 100 + 160, 4000), MAGENTA)
    assert result.metadata["screenshot"]["height_px"] == 7000


def test_lazy_images_are_saved_as_media_with_the_served_bytes(capture):
    result = capture("/lazy.html")
    media = {m["url"].rsplit("/", 1)[-1]: m for m in result.metadata["media"]}
    for colour, name in ((MAGENTA, "ff00c8-320x240.png"), (CYAN, "00c8ff-320x240.png")):
        served = hashlib.sha256(solid_png(colour, 320, 240)).hexdigest()
        assert media[name]["sha256"] == served
        assert result.artifact(f"media/{name}").sha256 == served
        assert (media[name]["width"], media[name]["height"]) == (320, 240)
    assert media["ff00c8-320x240.png"]["positions_css_px"] == [[100, 3000, 320, 240]]


def test_icons_and_trackers_are_listed_not_saved(capture):
    result = capture("/lazy.html")
    skipped = {m["url"].rsplit("/", 1)[-1]: m for m in result.metadata["media_not_saved"]}
    assert skipped["icon.png"]["reason"].startswith("an icon: 16x16 px, shown at 16x16 px")
    assert skipped["tracker.gif"]["reason"] == "a 1x1 px tracker"
    assert not any("icon" in name or "tracker" in name for name in result.names)


def test_content_inserted_after_scrolling_is_captured(capture):
    result = capture("/lazy.html")
    assert b"LATE-MARKER" in result.artifact("page.html").data
    assert "LATE-MARKER" in result.artifact("text.txt").data.decode("utf-8")
    assert "LATE-MARKER" in result.text
    assert b"LATE-MARKER" in result.artifact("page.mhtml").data


def test_metadata_covers_the_evidence_checklist(capture, site, browser):
    result = capture("/lazy.html")
    meta = result.metadata
    assert set(result.names) >= ARTIFACTS
    assert json.loads(result.artifact("metadata.json").data) == meta
    canonical_json(meta)  # no floats, only JSON types: the vault can hash it
    assert meta["requested_url"] == meta["final_url"] == site.url("/lazy.html")
    assert meta["http"]["status"] == 200 == result.status
    assert ["Content-Type", "text/html; charset=utf-8"] in meta["http"]["headers"]
    assert (meta["http"]["server_ip"], meta["http"]["server_port"]) == ("127.0.0.1", site.port)
    assert meta["tls"] is None
    assert meta["title"] == result.title == "Post with lazy media"
    assert meta["opengraph"]["og:site_name"] == "FixtureSocial"
    assert meta["post"]["author"] == "Fixture User"
    assert meta["post"]["handle"] == "@fixture_user"
    assert meta["post"]["post_id"] == "1234567890123456789"
    assert meta["post"]["published"] == "2024-05-01T10:20:30Z"
    stats = meta["json_ld"][0]["interactionStatistic"]
    assert stats == {"@type": "InteractionCounter", "userInteractionCount": 12, "ratio": "0.75"}
    assert meta["time"]["clock_source"] == "system clock"
    assert meta["time"]["started_at_utc"].endswith("Z")
    assert result.started_at < result.ended_at
    assert meta["browser"]["version"] == browser.version
    assert meta["browser"]["found_by"] in {"system", "playwright", "chrome", "msedge"}
    assert meta["tool"]["playwright_version"]
    assert "Chrome/" in meta["user_agent"]
    assert meta["settings"]["viewport"] == {"width": 1280, "height": 900}
    assert meta["settings"]["device_scale_factor"] == 1
    assert meta["language"] == "en-US"
    assert meta["logged_in"] is False
    assert meta["operator"] == {"name": "", "role": ""}
    kinds = [a["kind"] for a in meta["actions"]]
    for kind in ("navigate", "loaded", "screenshot-viewport", "scrolled", "screenshot-full"):
        assert kind in kinds
    assert kinds.index("screenshot-viewport") < kinds.index("scrolled")
    assert meta["warnings"] == result.warnings == []
    with Image.open(io.BytesIO(result.artifact("viewport.png").data)) as first_window:
        assert first_window.size == (1280, 900)


def test_redirect_chain_is_recorded(capture, site):
    result = capture("/r/start")
    assert result.final_url == site.url("/r/final")
    assert result.metadata["redirects"] == [
        {"kind": "http", "status": 301, "from": site.url("/r/start"), "to": site.url("/r/middle")},
        {"kind": "http", "status": 302, "from": site.url("/r/middle"), "to": site.url("/r/final")},
    ]
    assert "REDIRECT-FINAL-MARKER" in result.text


def test_removed_post_is_captured_with_its_status(capture):
    result = capture("/post/removed")
    assert result.status == 404
    assert result.metadata["http"]["status"] == 404
    assert any("removed / not found" in w for w in result.warnings)
    assert "This post was removed" in result.text
    assert "screenshot.png" in result.names


def test_gone_post_says_gone(capture):
    result = capture("/post/gone")
    assert result.status == 410
    assert any("410 (Gone)" in w for w in result.warnings)


def test_consent_overlay_hidden_in_screenshot_only(capture, site):
    result = capture("/consent.html")
    # consent.html: picture at left 200, top 300, 300x200; a dark fixed overlay covers all
    centre = (200 + 150, 300 + 100)
    assert close(pixel(result.artifact("screenshot.png").data, *centre), GREEN)
    assert not close(pixel(result.artifact("viewport.png").data, *centre), GREEN, tol=40)
    hidden = result.metadata["overlays_hidden"]
    assert [o["selector"] for o in hidden] == ["#cookie-consent"]
    assert "We use cookies" in hidden[0]["text_excerpt"]
    assert result.metadata["consent_wall"]["detected"] is True
    assert any("overlay" in w for w in result.warnings)
    assert b'id="cookie-consent"' in result.artifact("page.html").data
    assert "/consent-accepted" not in site.state.paths()  # "Accept all" was never clicked


def test_video_from_byte_ranges_matches_the_served_file(capture, site):
    result = capture("/video.html")
    ranged = [h for h in site.state.hits if h.path == "/media/clip.webm" and h.status == 206]
    assert len(ranged) >= 2  # the browser really did stream it in slices
    video = result.artifact("media/clip.webm")
    assert video.sha256 == video_sha256()
    assert video.media_type == "video/webm"
    entry = next(m for m in result.metadata["media"] if m["name"] == "media/clip.webm")
    assert entry["sha256"] == video_sha256()
    # Whether the page had streamed every slice by the end depends on timing: either way the
    # file is whole, and the metadata says which way it was obtained.
    refetched = result.metadata["network"]["fetched_by_evidencekit"]
    if entry["obtained"].startswith("put together from"):
        assert refetched == []
        pieces = int(entry["obtained"].split()[3])  # "put together from N byte ranges ..."
        assert 2 <= pieces <= len(ranged)  # (the session's site also served other captures)
    else:
        assert entry["obtained"].startswith("fetched whole")
        assert refetched == [site.url("/media/clip.webm")]


def test_video_whose_ranges_never_complete_is_fetched_whole(capture, site):
    result = capture("/video-stall.html")
    video = result.artifact("media/stall.webm")
    assert video.sha256 == video_sha256()
    entry = next(m for m in result.metadata["media"] if m["name"] == "media/stall.webm")
    assert entry["obtained"].startswith("fetched whole")
    assert result.metadata["network"]["fetched_by_evidencekit"] == [site.url("/media/stall.webm")]
    assert any(a["kind"] == "media-fetched" for a in result.metadata["actions"])


def test_endless_feed_is_cut_and_says_so(capture, site):
    settings = CaptureSettings(max_scroll_height_px=6000)
    result = capture("/feed.html", settings)
    scroll = result.metadata["scroll"]
    assert scroll["cut"] is True and scroll["cut_reason"] == "height"
    assert scroll["page_height_px"] > 6000  # the feed did grow while scrolling
    assert sum(1 for p in site.state.paths() if p.startswith("/api/feed")) >= 2
    assert any("scrolling stopped" in w for w in result.warnings)
    shot = result.metadata["screenshot"]
    assert shot["whole_page"] is False
    assert 6000 <= shot["height_px"] == scroll["reached_px"] < scroll["page_height_px"] + 1
    assert "Feed item 15" in result.text


def test_endless_feed_is_cut_by_time_too(capture):
    settings = CaptureSettings(max_scroll_height_px=10**7, max_scroll_time_s=1)
    result = capture("/feed.html", settings)
    assert result.metadata["scroll"]["cut_reason"] == "time"
    assert any("1 s limit" in w for w in result.warnings)


@pytest.mark.timeout(180)
def test_long_thread_is_captured_whole(capture):
    result = capture("/thread?n=40")
    shot = result.artifact("screenshot.png").data
    with Image.open(io.BytesIO(shot)) as image:
        assert image.height >= 40 * THREAD_POST_PX
        rgb = image.convert("RGB")
        wrong = [
            i
            for i in range(40)
            if not close(rgb.getpixel((640, i * THREAD_POST_PX + 500)), thread_colour(i))
        ]
    assert wrong == []  # every post in its own colour at its place: no seams, no repeats
    assert result.metadata["scroll"]["cut"] is False
    assert result.metadata["screenshot"]["whole_page"] is True
    assert "THREAD-END-MARKER" in result.text


def test_hostile_page_is_contained(capture, site):
    settings = CaptureSettings(timeout_s=30)
    result = capture("/hostile.html", settings)
    meta = result.metadata
    elapsed = (result.ended_at - result.started_at).total_seconds()
    assert elapsed < 30
    dialogs = {(d["type"], d["message"]) for d in meta["dialogs"]}
    assert {("alert", "HOSTILE-ALERT"), ("confirm", "HOSTILE-CONFIRM")} <= dialogs
    assert ("prompt", "HOSTILE-PROMPT") in dialogs
    assert [p["url"] for p in meta["popups"]] == [site.url("/popup-target")]
    assert [(d["url"], d["suggested_filename"]) for d in meta["downloads"]] == [
        (site.url("/download.bin"), "payload.bin")
    ]
    assert meta["blocked_navigations"]
    assert {b["url"] for b in meta["blocked_navigations"]} == {site.url("/elsewhere")}
    assert "/elsewhere" not in site.state.paths()
    assert result.final_url == meta["address_at_end"] == site.url("/hostile.html")
    assert "HOSTILE-MARKER" in result.text
    kinds = {a["kind"] for a in meta["actions"]}
    assert {"dialog-dismissed", "popup-closed", "download-refused", "navigation-blocked"} <= kinds


def test_pictures_that_fail_or_never_arrive_are_warned_about(capture, site):
    settings = CaptureSettings(load_cap_s=1.5, network_idle_cap_s=1.5)
    result = capture("/degraded.html", settings)
    meta = result.metadata
    assert "DEGRADED-MARKER" in result.text
    assert meta["broken_images"] == [site.url("/img/broken.png"), site.url("/img/missing.png")]
    skipped = {m["url"]: m["reason"] for m in meta["media_not_saved"]}
    assert skipped[site.url("/img/missing.png")] == "the server answered 404"
    assert skipped[site.url("/img/never.png")] == "no answer from the server"
    assert meta["network"]["unanswered"] == [site.url("/img/never.png")]
    warnings = " | ".join(result.warnings)
    assert "did not finish loading within 1.5 s" in warnings
    assert "still loading after 1.5 s" in warnings
    assert "2 pictures on the page failed to load: " + site.url("/img/broken.png") in warnings
    kinds = [a["kind"] for a in meta["actions"]]
    assert "load-capped" in kinds and "network-busy" in kinds
    assert (result.ended_at - result.started_at).total_seconds() < 20


def test_login_wall_is_detected_and_reported(capture):
    result = capture("/login.html")
    wall = result.metadata["login_wall"]
    assert wall["detected"] is True
    assert any("password field" in r for r in wall["reasons"])
    assert any("Log in to see" in r for r in wall["reasons"])
    assert any("ask for a login" in w for w in result.warnings)
    hidden = result.metadata["overlays_hidden"]
    assert [(o["selector"], o["reason"]) for o in hidden] == [
        ("#wall", "a dialog covering much of the window")
    ]
    assert result.metadata["logged_in"] is False


def test_plain_post_has_no_wall_warnings(capture):
    meta = capture("/lazy.html").metadata
    assert meta["login_wall"] == {"detected": False, "reasons": []}
    assert meta["consent_wall"] == {"detected": False}
    assert meta["overlays_hidden"] == [] and meta["broken_images"] == []

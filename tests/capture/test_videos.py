"""Videos through yt-dlp (issue 12): each video of the post as ``video/<name>`` with yt-dlp's
info JSON, its version in metadata.json, the saved login's cookies handed to yt-dlp in memory
only, and the download never on disk in plaintext. yt-dlp's generic extractor (html5 media)
against the fixture site on 127.0.0.1; real Chromium, a real vault."""

from __future__ import annotations

import asyncio
import json
import secrets
from pathlib import Path
from typing import Any

import pytest
import yt_dlp.version

from evidencekit.capture import CaptureSettings, videos, ytdlp_run
from evidencekit.capture.journal import Journal
from evidencekit.capture.login import site_of
from evidencekit.jobs.capture import capture_into_vault, session_for
from evidencekit.vault.store import Vault
from tests.conftest import closed_port_url
from tests.support.scan import files_holding
from tests.support.site import VIDEO_PATH, SiteServer, video_sha256

pytestmark = [pytest.mark.timeout(300)]


def _capture(loop: Any, vault: Vault, url: str, **kwargs: Any) -> Any:
    results = loop.run(
        capture_into_vault(vault, [url], CaptureSettings(), tsa_urls=[closed_port_url()], **kwargs)
    )
    assert results[0].ok, results[0].error
    return results[0].item


@pytest.mark.browser
def test_the_post_video_is_saved_through_yt_dlp_with_its_info_json(
    loop: Any, browser_available: None, site: SiteServer, vault: Vault
) -> None:
    item = _capture(loop, vault, site.url("/video.html"))
    meta = json.loads(vault.read_artifact(item.id, "metadata.json"))
    facts = meta["videos"]
    assert facts["yt_dlp_version"] == yt_dlp.version.__version__
    assert facts["downloaded_into"] == "a RAM folder (removed at once)"
    [entry] = facts["videos"]
    assert entry["extractor"] == "html5"  # yt-dlp's generic extractor: the page's <video>
    name = entry["name"]
    assert name.startswith("video/") and name.endswith(".webm")
    data = vault.read_artifact(item.id, name)
    # The same bytes as the fixture clip, as sealed (the item's artifact list) and as recorded.
    assert entry["sha256"] == video_sha256() == item.artifact(name).sha256
    assert len(data) == entry["size"] == item.artifact(name).size
    info = json.loads(vault.read_artifact(item.id, entry["info_json"]))
    assert info["extractor"] == "html5" and info["ext"] == "webm" and info["formats"]
    assert item.artifact(entry["info_json"]).sha256 == entry["info_json_sha256"]
    # The browser's own copy is still there as well (what the page loaded).
    assert item.artifact("media/clip.webm") is not None
    # The RAM folder was removed at once.
    shm = Path("/dev/shm")
    if shm.is_dir():
        assert not [p for p in shm.iterdir() if p.name.startswith("evidencekit-video-")]


@pytest.mark.browser
def test_the_saved_login_reaches_the_server_through_yt_dlp_and_no_file_outside_the_vault(
    loop: Any,
    browser_available: None,
    site: SiteServer,
    vault: Vault,
    private_tmp: Path,
    isolated_env: dict[str, str],
) -> None:
    url = site.url("/video.html")
    secret = "sid-" + secrets.token_hex(16)
    cookie = {
        "name": "sid",
        "value": secret,
        "domain": "127.0.0.1",
        "path": "/",
        "expires": -1,
        "httpOnly": True,
        "secure": False,
        "sameSite": "Lax",
    }
    vault.add_session(
        site=site_of(url),
        start_url=url,
        storage={"cookies": [cookie], "origins": []},
        account="rita_k",
        account_source="operator",
        consent="test",
    )
    session = session_for(vault, url)
    assert session is not None
    before = len(site.state.hits)
    item = _capture(loop, vault, url, sessions={url: session})
    hits = site.state.hits[before:]
    pages = [h for h in hits if h.path == "/video.html" and h.method == "GET"]
    # Today (before this change) the page was asked for once, by the browser; now yt-dlp asks
    # for it too, and both carry her cookie. yt-dlp's downloader asks for the whole clip
    # with its own headers (no Sec-Fetch-Dest of a browser <video>) and the cookie too.
    assert len(pages) == 2, [h.headers for h in pages]
    assert all(f"sid={secret}" in h.headers.get("Cookie", "") for h in pages)
    by_ytdlp = [
        h
        for h in hits
        if h.path == "/media/clip.webm" and h.headers.get("Sec-Fetch-Dest") != "video"
    ]
    assert by_ytdlp and all(f"sid={secret}" in h.headers.get("Cookie", "") for h in by_ytdlp)
    meta = json.loads(vault.read_artifact(item.id, "metadata.json"))
    assert meta["videos"]["logged_in"] is True and meta["videos"]["requests_blocked"] == []
    listed = meta["videos"]["requests"]
    assert [r["url"] for r in listed][:1] == [url] and all(r["status"] == 200 for r in listed)
    [entry] = meta["videos"]["videos"]
    assert entry["sha256"] == video_sha256()
    # The info JSON holds no cookie (yt-dlp puts a `cookies` field in each format).
    assert secret.encode() not in vault.read_artifact(item.id, entry["info_json"])
    assert secret.encode() not in vault.read_artifact(item.id, "metadata.json")
    shm = [Path("/dev/shm")] if Path("/dev/shm").is_dir() else []
    home = Path(isolated_env["HOME"])
    needles = [secret.encode()]
    assert files_holding([home, private_tmp, *shm], needles) == []


def test_without_a_ram_folder_nothing_is_downloaded_and_that_is_recorded(
    site: SiteServer, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    monkeypatch.setattr(videos, "_ram_room", lambda: 0)  # Windows/macOS: no /dev/shm
    before = len(site.state.hits)
    result = asyncio.run(
        videos.collect_videos(site.url("/video.html"), CaptureSettings(), Journal(None), "")
    )
    facts = result.facts
    assert facts["downloaded_into"] is None and "RAM folder" in facts["not_downloaded_because"]
    assert [a.name for a in result.artifacts] == ["video/video-1.webm.info.json"]
    assert "never to disk" in facts["videos"][0]["not_saved_because"]
    assert not [h for h in site.state.hits[before:] if h.path == "/media/clip.webm"]
    assert files_holding([private_tmp], [b"webm"]) == []


def test_a_failing_extractor_or_a_video_too_big_is_recorded_never_fails(
    site: SiteServer,
) -> None:
    gone = asyncio.run(
        videos.collect_videos(site.url("/post/removed"), CaptureSettings(), Journal(None), "")
    )
    assert gone.artifacts == [] and gone.facts["status"].startswith("failed: ")
    assert "404" in gone.facts["status"]
    small = CaptureSettings(max_media_bytes=1000)
    big = asyncio.run(videos.collect_videos(site.url("/video.html"), small, Journal(None), ""))
    assert [a.name for a in big.artifacts] == ["video/video-1.webm.info.json"]
    assert big.facts["max_bytes"] == 1000
    assert "larger than the limit" in big.facts["videos"][0]["not_saved_because"]
    assert big.facts["status"] == "0 of 1 videos saved"


def test_a_page_without_a_video_is_recorded_never_fails(site: SiteServer) -> None:
    result = asyncio.run(
        videos.collect_videos(site.url("/thread?n=3"), CaptureSettings(), Journal(None), "")
    )
    assert result.artifacts == []
    assert result.facts["status"] == "no video found"
    assert result.facts["yt_dlp_version"] == yt_dlp.version.__version__


def test_wanted_and_the_cookie_jar_are_built_in_memory() -> None:
    assert videos.wanted("https://www.tiktok.com/@a/video/1", False, {})
    assert videos.wanted("https://example.org/p", False, {"og:video": "x.mp4"})
    assert videos.wanted("https://example.org/p", True, {})
    assert not videos.wanted("https://example.org/p", False, {"og:title": "t"})
    jar = ytdlp_run.cookie_jar(
        json.dumps({"cookies": [{"name": "a", "value": "b", "domain": ".x.com"}]})
    )
    assert [(c.name, c.value, c.domain) for c in jar] == [("a", "b", ".x.com")]
    assert list(ytdlp_run.cookie_jar("not json")) == []
    scrubbed = videos._scrub({"formats": [{"cookies": "sid=1", "http_headers": {"Cookie": "x"}}]})
    assert scrubbed == {"formats": [{"http_headers": {}}]}


def test_logged_in_yt_dlp_may_only_read() -> None:
    """An extractor's POST (a like, a "seen" receipt) is refused before it is sent."""
    sent: list[Any] = []

    class FakeYdl:
        def urlopen(self, req: Any) -> Any:
            sent.append(req)
            return "answer"

    class Req:
        def __init__(self, method: str) -> None:
            self.method, self.url = method, "https://www.instagram.com/api/v1/like/"

    ydl, blocked, listed = FakeYdl(), [], []
    ytdlp_run.watch(ydl, listed, blocked)
    assert ydl.urlopen(Req("GET")) == "answer" and ydl.urlopen("https://x.com/?t=1") == "answer"
    with pytest.raises(ytdlp_run.Stop):
        ydl.urlopen(Req("POST"))
    assert blocked == ["POST www.instagram.com"] and len(sent) == 2
    # Each request is listed; logged in, without its query (it may carry a token).
    assert [(e["method"], e["url"], e["status"]) for e in listed] == [
        ("GET", "https://www.instagram.com/api/v1/like/", None),
        ("GET", "https://x.com/", None),
        ("POST", "https://www.instagram.com/api/v1/like/", "blocked"),
    ]


def test_every_video_of_a_post_is_its_own_artifact(private_tmp: Path) -> None:
    """A post with two videos: two `video/` artifacts, each with its info JSON."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    clip = VIDEO_PATH.read_bytes()
    page = b'<!doctype html><title>Two</title><video src="/a.webm"></video><video src="/b.webm">'
    page += b"</video>"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            body, kind = (page, "text/html") if self.path == "/two" else (clip, "video/webm")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/two"
        result = asyncio.run(videos.collect_videos(url, CaptureSettings(), Journal(None), ""))
    finally:
        server.shutdown()
    names = [a.name for a in result.artifacts]
    assert names == [
        "video/two-1.webm",
        "video/two-1.webm.info.json",
        "video/two-2.webm",
        "video/two-2.webm.info.json",
    ]
    assert [v["sha256"] for v in result.facts["videos"]] == [video_sha256()] * 2
    assert result.facts["status"] == "2 of 2 videos saved"


def test_a_channel_lists_its_videos_without_downloading_them() -> None:
    """yt-dlp's flat entries (a channel's or profile's links) are listed, never fetched."""
    result = videos.VideoResult()
    flat = {"_type": "url", "id": "123", "url": "https://www.tiktok.com/@a/video/123"}
    videos._collect([flat], [], Path("/nonexistent"), result)
    [entry] = result.facts["videos"]
    assert "link to another page" in entry["not_saved_because"] and "name" not in entry
    assert [a.name for a in result.artifacts] == ["video/123.bin.info.json"]

"""yt-dlp started as soon as the page has loaded (issue 15): when the loaded page already shows
it has a video, yt-dlp works while the page is scrolled and photographed, and the journal and
metadata say so; when the capture runs out of time meanwhile, yt-dlp is stopped and waited for
(no thread downloading into the RAM folder afterwards, no folder left); a page that shows its
video only after scrolling gets yt-dlp at the end, as before. Real Chromium, a real vault,
yt-dlp's generic extractor against pages served on 127.0.0.1."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yt_dlp.version

from evidencekit.capture import CaptureSettings, tempdirs, videos, ytdlp_run
from evidencekit.capture.engine import capture_page
from evidencekit.capture.login import site_of
from evidencekit.errors import CaptureTimedOut, SessionExpired
from evidencekit.jobs.capture import capture_into_vault, session_for
from evidencekit.vault.store import Vault
from tests.conftest import closed_port_url
from tests.support.site import VIDEO_PATH, SiteServer, solid_png, video_sha256

pytestmark = [pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
CLIP = VIDEO_PATH.read_bytes()
#: What the stalling clip claims to be: yt-dlp gets its first piece, then nothing more.
STALL_LENGTH = 4 * 1024 * 1024

STALLING_POST = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Stalling post</title>"
    '<meta property="og:video" content="/stall.webm"></head><body style="margin:0">'
    "<p>STALLING-POST-MARKER</p>"
    '<video src="/stall.webm" preload="auto" muted playsinline width="320" height="240"></video>'
    '<div style="height:4000px"></div><p>end</p>'
    # The page keeps one request open: the network never goes quiet, the capture's time runs
    # out while yt-dlp is still busy.
    "<script>fetch('/hang');</script></body></html>"
)
WALLED_POST = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Walled post</title>"
    '<meta property="og:video" content="/trickle.webm"></head><body>'
    "<p>WALLED-POST-MARKER</p>"
    '<video src="/trickle.webm" preload="auto" muted playsinline width="320" height="240"></video>'
    '<form><input type="text" name="u"><input type="password" name="p"></form>'
    # Asked for while the page scrolls and answered only once yt-dlp is downloading: the
    # capture reads the page (and meets the wall) while yt-dlp is surely at work.
    '<div style="height:3000px"></div><img src="/gate.png" loading="lazy" width="10"'
    ' height="10" alt=""></body></html>'
)
LATE_VIDEO = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Video further down</title>"
    '</head><body style="margin:0"><p>LATE-VIDEO-MARKER: the video is further down.</p>'
    '<div style="height:3000px"></div><div id="slot"></div><div id="sentinel">.</div>'
    # In the HTML (where yt-dlp reads it), on the page only once it is scrolled to.
    '<template id="later"><video src="/clip.webm" muted preload="auto" width="320"'
    ' height="240"></video></template>'
    "<script>const io = new IntersectionObserver((es) => {"
    " if (!es.some((e) => e.isIntersecting)) return; io.disconnect();"
    " const t = document.getElementById('later');"
    " document.getElementById('slot').appendChild(t.content.cloneNode(true)); });"
    " io.observe(document.getElementById('sentinel'));</script></body></html>"
)


class _Server:
    """A post whose clip stalls for yt-dlp (not for the browser), and a post whose video is
    put in only when it is scrolled to."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []  # (path, Sec-Fetch-Dest or "")
        self.stopping = threading.Event()
        self.downloading = threading.Event()  # yt-dlp has begun the slow clip
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                dest = self.headers.get("Sec-Fetch-Dest", "")
                owner.hits.append((self.path, dest))
                try:
                    self._answer(dest)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _answer(self, dest: str) -> None:
                if self.path == "/hang":
                    owner.stopping.wait(120)
                    return
                if self.path == "/stall.webm" and dest != "video":  # yt-dlp, not the browser
                    self.send_response(200)
                    self.send_header("Content-Type", "video/webm")
                    self.send_header("Content-Length", str(STALL_LENGTH))
                    self.end_headers()
                    self.wfile.write(CLIP[:32768])
                    self.wfile.flush()
                    owner.stopping.wait(120)
                    return
                if self.path == "/trickle.webm" and dest != "video":  # yt-dlp: a slow download
                    self.send_response(200)
                    self.send_header("Content-Type", "video/webm")
                    self.send_header("Content-Length", str(STALL_LENGTH))
                    self.end_headers()
                    owner.downloading.set()
                    for start in range(0, STALL_LENGTH, 1024):
                        if owner.stopping.wait(0.05):
                            return
                        self.wfile.write((CLIP * 200)[start : start + 1024])
                        self.wfile.flush()
                    return
                if self.path in ("/stall.webm", "/clip.webm", "/trickle.webm"):
                    body, kind = CLIP, "video/webm"
                elif self.path == "/stalling-post":
                    body, kind = STALLING_POST.encode(), "text/html; charset=utf-8"
                elif self.path == "/stalling-calm":  # the same post, its network goes quiet
                    calm = STALLING_POST.replace("<script>fetch('/hang');</script>", "")
                    body, kind = calm.encode(), "text/html; charset=utf-8"
                elif self.path == "/gate.png":
                    owner.downloading.wait(20)
                    body, kind = solid_png((0, 0, 200), 10, 10), "image/png"
                elif self.path == "/walled-post":
                    body, kind = WALLED_POST.encode(), "text/html; charset=utf-8"
                elif self.path == "/late-video":
                    body, kind = LATE_VIDEO.encode(), "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    own = _Server()
    yield own
    own.close()


def _capture(loop: Any, vault: Vault, url: str, settings: CaptureSettings) -> Any:
    return loop.run(capture_into_vault(vault, [url], settings, tsa_urls=[closed_port_url()]))[0]


def _kinds(meta: dict[str, Any]) -> list[str]:
    return [a["kind"] for a in meta["actions"]]


def _stages(meta: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {s["stage"]: s for s in meta["timings"]["stages"]}


def _ytdlp_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == videos.THREAD_NAME and t.is_alive()]


def _video_folders() -> set[Path]:
    ram = tempdirs.RAM_DIR
    if not ram.is_dir():
        return set()
    return {p for p in ram.iterdir() if p.name.startswith(tempdirs.PREFIX + "video-")}


def _left_behind(before: set[Path]) -> list[Path]:
    """New video folders nobody uses (another process's capture holds its folder's lock)."""
    left = []
    for folder in _video_folders() - before:
        try:
            with open(folder / tempdirs.OWNER_LOCK, "rb") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except FileNotFoundError:
            if folder.exists():
                left.append(folder)  # no lock at all: remade after it was removed
        except OSError:
            continue  # held: a live capture elsewhere
        else:
            left.append(folder)
    return left


@pytest.mark.browser
def test_yt_dlp_starts_right_after_the_load_before_the_screenshots(
    loop: Any, browser_available: None, site: SiteServer, vault: Vault
) -> None:
    done = _capture(loop, vault, site.url("/video.html"), CaptureSettings())
    assert done.ok, done.error
    meta = json.loads(vault.read_artifact(done.item.id, "metadata.json"))
    facts = meta["videos"]
    assert facts["started"] == videos.STARTED_EARLY
    assert facts["started_because"].startswith("the page")  # streams it or says it has one
    [entry] = facts["videos"]
    assert entry["sha256"] == video_sha256() == done.item.artifact(entry["name"]).sha256
    # The journal says what started it, and yt-dlp was asked before the page was scrolled
    # and photographed (order, not durations).
    kinds = _kinds(meta)
    [started] = [a for a in meta["actions"] if a["kind"] == "videos-started"]
    assert started["data"]["when"] == "after-load"
    assert started["data"]["asked_for"] == site.url("/video.html") == facts["asked_for"]
    assert kinds.index("videos-started") < kinds.index("screenshot-viewport")
    assert kinds.index("videos-started") < kinds.index("screenshot-full")
    stages = _stages(meta)
    assert stages["videos"]["start_ms"] <= stages["scroll"]["start_ms"]
    assert stages["videos"]["start_ms"] <= stages["screenshot"]["start_ms"]
    # yt-dlp sent the user agent the metadata records.
    assert meta["user_agent"] and "videos-user-agent" not in kinds
    assert not _ytdlp_threads()


@pytest.mark.browser
def test_the_time_limit_during_the_early_yt_dlp_stops_it_and_waits_for_it(
    loop: Any,
    browser_available: None,
    server: _Server,
    vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The capture's time runs out while yt-dlp is blocked reading a clip that stalls: the
    capture times out and stores nothing, and returns only once yt-dlp's thread has ended and
    its RAM folder (holding the part it downloaded) is gone."""
    # yt-dlp's own time normally ends 10 s before the capture's: here it would outlast it, so
    # it is the capture's time limit that stops it.
    monkeypatch.setattr(videos, "_RESERVE_S", -100.0)
    before = _video_folders()
    settings = CaptureSettings(timeout_s=10, network_idle_cap_s=60)
    done = _capture(loop, vault, server.url("/stalling-post"), settings)
    assert not done.ok and isinstance(done.error, CaptureTimedOut), done.error
    # yt-dlp had been asked (early: the capture never reached its end) and was downloading.
    assert ("/stall.webm", "") in server.hits
    assert vault.items() == []
    assert not _ytdlp_threads()
    assert _left_behind(before) == []
    # Nothing is written afterwards either (a thread still running would remake the folder).
    server.stopping.set()
    time.sleep(1.0)
    assert not _ytdlp_threads() and _left_behind(before) == []


@pytest.mark.browser
def test_yt_dlp_past_its_own_time_is_stopped_at_once_and_the_capture_kept(
    loop: Any, browser_available: None, server: _Server, vault: Vault
) -> None:
    """yt-dlp's own time (the capture's less 10 s) runs out while it is blocked on a clip that
    went silent: its connection is shut at once (not after yt-dlp's 20 s socket timeout, which
    would outlast the capture's time), the capture is kept, and the metadata says why there
    is no video."""
    before = _video_folders()
    settings = CaptureSettings(timeout_s=20)
    done = _capture(loop, vault, server.url("/stalling-calm"), settings)
    assert done.ok, done.error
    meta = json.loads(vault.read_artifact(done.item.id, "metadata.json"))
    facts = meta["videos"]
    assert facts["started"] == videos.STARTED_EARLY
    assert facts["status"].startswith("stopped: yt-dlp took longer than")
    assert not [a for a in done.item.artifacts if a.name.startswith("video/")]
    assert ("/stall.webm", "") in server.hits
    assert not _ytdlp_threads()
    assert _left_behind(before) == []


@pytest.mark.browser
def test_a_failing_step_stops_the_early_yt_dlp_and_waits_for_it(
    loop: Any, browser_available: None, server: _Server, vault: Vault
) -> None:
    """Logged in, the page shows a login wall: the capture fails (SessionExpired, raised by
    the page read while yt-dlp is still downloading), and yt-dlp is stopped and waited for."""
    url = server.url("/walled-post")
    vault.add_session(
        site=site_of(url),
        start_url=url,
        storage={"cookies": [], "origins": []},
        account="rita_k",
        account_source="operator",
        consent="test",
    )
    session = session_for(vault, url)
    assert session is not None
    before = _video_folders()
    done = loop.run(
        capture_into_vault(
            vault,
            [url],
            CaptureSettings(network_idle_cap_s=30),
            tsa_urls=[closed_port_url()],
            sessions={url: session},
        )
    )[0]
    assert not done.ok and isinstance(done.error, SessionExpired), done.error
    # yt-dlp had been asked (early: the capture failed before its end) and was downloading
    # the slow clip; it is gone: nothing asked or written afterwards.
    assert ("/trickle.webm", "") in server.hits
    assert vault.items() == []
    assert not _ytdlp_threads()
    assert _left_behind(before) == []
    asked = len(server.hits)
    time.sleep(1.0)
    assert len(server.hits) == asked and _left_behind(before) == []


@pytest.mark.browser
def test_minor_safe_the_early_yt_dlp_downloads_no_video(
    loop: Any, browser_available: None, site: SiteServer
) -> None:
    """As at the end before: minor-safe, only the video's information is kept."""
    capture = loop.run(capture_page(site.url("/video.html"), CaptureSettings(minor_safe=True)))
    facts = capture.metadata["videos"]
    assert facts["started"] == videos.STARTED_EARLY
    assert facts["downloaded_into"] is None
    assert facts["not_downloaded_because"] == videos.MINOR_SAFE_NOT_SAVED
    assert [v["not_saved_because"] for v in facts["videos"]] == [videos.MINOR_SAFE_NOT_SAVED]
    assert [a.name for a in capture.artifacts if a.name.startswith("video/")] == [
        "video/video-1.webm.info.json"
    ]


@pytest.mark.browser
def test_a_video_shown_only_after_scrolling_gets_yt_dlp_at_the_end(
    loop: Any, browser_available: None, server: _Server, vault: Vault
) -> None:
    done = _capture(loop, vault, server.url("/late-video"), CaptureSettings())
    assert done.ok, done.error
    meta = json.loads(vault.read_artifact(done.item.id, "metadata.json"))
    facts = meta["videos"]
    assert facts["started"] == videos.STARTED_LATE
    assert facts["started_because"] == "the page shows or streams a video"
    [entry] = facts["videos"]
    assert entry["sha256"] == video_sha256()
    kinds = _kinds(meta)
    [started] = [a for a in meta["actions"] if a["kind"] == "videos-started"]
    assert started["data"]["when"] == "after-reading"
    assert kinds.index("videos-started") > kinds.index("screenshot-full")
    stages = _stages(meta)
    assert stages["videos"]["start_ms"] >= stages["screenshot"]["end_ms"]
    # yt-dlp asked for the page only after the browser had scrolled to the video.
    paths = [path for path, _ in server.hits]
    first_clip = paths.index("/clip.webm")
    asked = [i for i, (path, dest) in enumerate(server.hits) if path == "/late-video" and not dest]
    assert asked and asked[0] > first_clip


def test_a_stopped_yt_dlp_sends_no_more_requests() -> None:
    sent: list[Any] = []

    class FakeYdl:
        def urlopen(self, req: Any) -> Any:
            sent.append(req)
            return "answer"

    stop = threading.Event()
    ydl = FakeYdl()
    ytdlp_run.watch(ydl, [], None, stop)
    assert ydl.urlopen("http://127.0.0.1/a") == "answer"
    stop.set()
    with pytest.raises(ytdlp_run.Stop):
        ydl.urlopen("http://127.0.0.1/b")
    assert sent == ["http://127.0.0.1/a"]


def test_the_version_is_read_without_importing_yt_dlp() -> None:
    """Importing yt-dlp takes a few hundred ms: never on the event loop, mid-capture."""
    code = (
        "import sys; from evidencekit.capture import ytdlp_run; "
        "v = ytdlp_run.yt_dlp_version(); print(v, 'yt_dlp' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == [yt_dlp.version.__version__, "False"]


def test_stopping_shuts_the_connection_yt_dlp_is_blocked_reading(server: _Server) -> None:
    """A real answer (yt-dlp's urllib adapter over http.client) from a server that went
    silent: `Stopper.set` shuts its socket, so the read blocked in the other thread ends."""
    from yt_dlp.networking._urllib import UrllibResponseAdapter  # type: ignore[import-untyped]

    raw = urllib.request.urlopen(server.url("/stall.webm"), timeout=120)
    answer = UrllibResponseAdapter(raw)
    stopper = ytdlp_run.Stopper()
    stopper.reading(answer)
    got: list[object] = []

    def read() -> None:
        try:
            got.append(len(answer.read()))  # blocks: the server sent a part, then nothing
        except Exception as error:  # noqa: BLE001 - how it ends does not matter, that it does
            got.append(type(error).__name__)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(0.5)
    assert reader.is_alive() and not got  # really blocked
    stopper.set()
    reader.join(60)  # without the shutdown it would wait for the 120 s timeout
    assert not reader.is_alive() and got

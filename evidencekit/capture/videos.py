"""Each video of the post through yt-dlp (issue 12): ``video/<name>`` and its info JSON.

yt-dlp knows how each platform hands out its videos; the browser's ``media/`` copy is what the
page itself loaded. yt-dlp is used as a library, asked for the page's own address only, with
single-file formats (no merging: that needs ffmpeg and disk), no cache, no cookie file, and no
post-processing. A saved login goes to it as a cookie jar built in memory from the storage
state; yt-dlp's ``cookies`` fields are removed from the info JSON, so the evidence holds no login.

The download never lands on disk in plaintext: it goes into an owner-only folder in RAM
(``/dev/shm``), read into memory and the folder removed at once. Where there is no RAM folder
with room (Windows, macOS, a small Docker /dev/shm) nothing is downloaded: the info JSON is
kept and the metadata says why the video itself was not. Nothing here ever fails the capture:
an extractor error, no video or one too big is a line in ``metadata.json`` under ``videos``.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evidencekit.capture import tempdirs
from evidencekit.capture.journal import Journal
from evidencekit.capture.result import Artifact, CaptureSettings

log = logging.getLogger(__name__)

#: Hosts whose post pages hold videos yt-dlp can read even when the DOM shows none yet.
VIDEO_HOSTS = (
    "tiktok.com",
    "youtube.com",
    "youtu.be",
    "instagram.com",
    "facebook.com",
    "fb.watch",
    "x.com",
    "twitter.com",
    "t.me",
    "vimeo.com",
)
MAX_REQUESTS_LISTED = 200
MAX_VIDEOS = 20
"""Videos of one post downloaded at most (a post is not a channel)."""
_RESERVE_S = 10.0
_FORMAT = "best[protocol^=http]/best"
# A channel or profile page is a list of links to other posts: listed, never all downloaded
# ("extract_flat": "in_playlist"); the videos of the post itself are downloaded.
"""One file holding picture and sound (yt-dlp's "best"), over plain HTTP where offered."""


MINOR_SAFE_NOT_SAVED = (
    "someone in these pictures may be under 18 (minor-safe): no video is downloaded, only "
    "its information is kept"
)


class _Stop(Exception):
    """Raised from yt-dlp's progress hook when the capture's time is up."""


@dataclass
class VideoResult:
    artifacts: list[Artifact] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


def yt_dlp_version() -> str | None:
    try:
        from yt_dlp.version import __version__  # type: ignore[import-untyped]
    except ImportError:
        return None
    return str(__version__)


def wanted(url: str, shows_video: bool, page_meta: dict[str, Any] | None) -> bool:
    """Whether to ask yt-dlp at all: the page shows a video, says it has one (og:video,
    twitter:player), or is on a platform whose posts carry videos."""
    if shows_video:
        return True
    meta = page_meta or {}
    if any(str(k).lower() in ("og:video", "og:video:url", "twitter:player") for k in meta):
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS)


def cookie_jar(storage_json: str) -> http.cookiejar.CookieJar:
    """Playwright's storage-state cookies as an in-memory cookie jar (never a file)."""
    jar = http.cookiejar.CookieJar()
    try:
        cookies = json.loads(storage_json or "{}").get("cookies", [])
    except (ValueError, AttributeError):
        return jar
    for c in cookies if isinstance(cookies, list) else []:
        if not isinstance(c, dict) or not c.get("name"):
            continue
        domain = str(c.get("domain", ""))
        expires = c.get("expires")
        jar.set_cookie(
            http.cookiejar.Cookie(
                version=0,
                name=str(c["name"]),
                value=str(c.get("value", "")),
                port=None,
                port_specified=False,
                domain=domain,
                domain_specified=domain.startswith("."),
                domain_initial_dot=domain.startswith("."),
                path=str(c.get("path", "/")),
                path_specified=True,
                secure=bool(c.get("secure")),
                expires=int(expires) if isinstance(expires, int | float) and expires > 0 else None,
                discard=False,
                comment=None,
                comment_url=None,
                rest={"HttpOnly": ""} if c.get("httpOnly") else {},
            )
        )
    return jar


def _scrub(value: Any) -> Any:
    """The info dict without anything that carries her login (cookies, Cookie headers)."""
    if isinstance(value, dict):
        return {
            k: _scrub(v)
            for k, v in value.items()
            if str(k).lower() not in ("cookies", "cookie", "authorization")
        }
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _proxy(settings: CaptureSettings) -> str | None:
    for arg in settings.browser_args:
        if arg.startswith("--proxy-server="):
            return arg.split("=", 1)[1]
    return None


def _ram_room() -> int:
    """Free bytes of the RAM folder (0 where there is none we may write)."""
    ram = tempdirs.RAM_DIR
    if not (ram.is_dir() and os.access(ram, os.W_OK | os.X_OK)):
        return 0
    try:
        stats = os.statvfs(ram)
    except OSError:
        return 0
    return stats.f_bavail * stats.f_frsize


def _name(stem: str, ext: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:60] or "video"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:8] or "bin"
    name, n = f"video/{base}.{ext}", 2
    while name in taken:
        name = f"video/{base}-{n}.{ext}"
        n += 1
    taken.add(name)
    return name


def _entries(info: dict[str, Any]) -> list[dict[str, Any]]:
    if info.get("_type") in ("playlist", "multi_video"):
        return [e for e in info.get("entries") or [] if isinstance(e, dict)][:MAX_VIDEOS]
    return [info]


def _watch(ydl: Any, sent: list[dict[str, Any]], blocked: list[str] | None) -> None:
    """Record each request yt-dlp makes (method, address, answer: its requests are not in the
    browser's WARC). With `blocked` (logged in) it may only read (GET/HEAD), like the browser
    (guards.py): any other request is refused before it is sent and recorded (method, host);
    logged in, addresses are recorded without their query (it may carry a token)."""
    original = ydl.urlopen

    def urlopen(req: Any) -> Any:
        method = str(getattr(req, "method", None) or "GET").upper()
        url = str(getattr(req, "url", req))
        parts = urlsplit(url)
        shown = parts._replace(query="", fragment="").geturl() if blocked is not None else url
        entry: dict[str, Any] = {"method": method, "url": shown[:500]}
        if len(sent) < MAX_REQUESTS_LISTED:
            sent.append(entry)
        if blocked is not None and method not in ("GET", "HEAD"):
            blocked.append(f"{method} {parts.hostname or '?'}")
            entry["status"] = "blocked"
            raise _Stop(f"a {method} request was blocked (logged in, only reading is allowed)")
        try:
            answer = original(req)
        except Exception as error:
            entry["status"] = getattr(error, "status", None) or type(error).__name__
            raise
        entry["status"] = getattr(answer, "status", None)
        return answer

    ydl.urlopen = urlopen


def _run(
    url: str,
    settings: CaptureSettings,
    user_agent: str,
    folder: Path | None,
    max_bytes: int,
    stop: threading.Event,
    blocked: list[str],
    sent: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[Path]]:
    """yt-dlp in this thread: (info of each video, the files it wrote into `folder`)."""
    import yt_dlp  # type: ignore[import-untyped]

    def hook(status: dict[str, Any]) -> None:
        if stop.is_set():
            raise _Stop("the capture's time was up")

    params: dict[str, Any] = {
        "quiet": True,
        "no_warnings": True,
        "noprogress": True,
        "logger": _Quiet(),
        "format": _FORMAT,
        "cachedir": False,
        "noplaylist": False,
        "extract_flat": "in_playlist",
        "playlistend": MAX_VIDEOS,
        "max_filesize": max_bytes,
        "socket_timeout": 20,
        "retries": 1,
        "fragment_retries": 1,
        "postprocessors": [],
        "writeinfojson": False,
        "writethumbnail": False,
        "updatetime": False,
        "http_headers": {"User-Agent": user_agent} if user_agent else {},
        "progress_hooks": [hook],
        "paths": {"home": str(folder or "."), "temp": str(folder or ".")},
        "outtmpl": "%(autonumber)03d.%(ext)s",
    }
    if (proxy := _proxy(settings)) is not None:
        params["proxy"] = proxy
    with yt_dlp.YoutubeDL(params) as ydl:
        if settings.session is not None:
            for cookie in cookie_jar(settings.session.storage_json):
                ydl.cookiejar.set_cookie(cookie)
        _watch(ydl, sent, blocked if settings.session is not None else None)
        info = ydl.extract_info(url, download=folder is not None)
        clean = ydl.sanitize_info(info) if info else None
    files = sorted(p for p in folder.iterdir() if p.is_file()) if folder else []
    return (_entries(clean) if isinstance(clean, dict) else []), files


class _Quiet:
    """yt-dlp's logger: its words go to our debug log, never to the terminal."""

    def debug(self, msg: str) -> None:
        log.debug("yt-dlp: %s", msg)

    info = warning = debug

    def error(self, msg: str) -> None:
        log.info("yt-dlp: %s", msg)


async def collect_videos(
    url: str, settings: CaptureSettings, journal: Journal, user_agent: str
) -> VideoResult:
    """Every video yt-dlp finds at `url`, each as ``video/<name>`` plus its info JSON."""
    version = yt_dlp_version()
    facts: dict[str, Any] = {"tool": "yt-dlp", "yt_dlp_version": version, "asked_for": url}
    result = VideoResult(facts=facts)
    if version is None:
        facts["status"] = "not tried: yt-dlp is not installed"
        return result
    journal.doing("asking yt-dlp for the post's videos")
    room = _ram_room()
    folder: Path | None = None
    max_bytes = settings.max_media_bytes
    if settings.minor_safe:  # issue 14: someone may be under 18, so no video is downloaded
        facts["downloaded_into"] = None
        facts["not_downloaded_because"] = MINOR_SAFE_NOT_SAVED
    elif room >= 64 * 1024 * 1024:
        # Half the free room at most: the browser uses the same RAM folder.
        max_bytes = min(max_bytes, room // 2)
        folder = Path(tempfile.mkdtemp(prefix=tempdirs.PREFIX + "video-", dir=tempdirs.RAM_DIR))
        facts["downloaded_into"] = "a RAM folder (removed at once)"
    else:
        facts["downloaded_into"] = None
        facts["not_downloaded_because"] = (
            "there is no RAM folder with room on this computer (Windows, macOS, or a small "
            "/dev/shm): a video is never written to disk unencrypted, so only its information "
            "was kept"
        )
    facts["max_bytes"] = max_bytes
    left = journal.remaining_s()
    budget = 120.0 if left is None else left - _RESERVE_S
    stop = threading.Event()
    blocked: list[str] = []
    sent: list[dict[str, Any]] = []
    lock = tempdirs._hold(folder) if folder is not None else None  # swept if we are killed
    started = time.monotonic()
    try:
        if budget < 5:
            facts["status"] = "not tried: no time was left"
            return result
        try:
            job = asyncio.to_thread(
                _run, url, settings, user_agent, folder, max_bytes, stop, blocked, sent
            )
            infos, files = await asyncio.wait_for(job, budget)
        except TimeoutError:
            stop.set()
            facts["status"] = f"stopped: yt-dlp took longer than {budget:.0f} s"
            return result
        except Exception as error:  # noqa: BLE001 - yt-dlp's errors are many; never fatal
            text = str(error).splitlines()[0] if str(error) else type(error).__name__
            text = re.sub(r"^ERROR:\s*", "", text)
            no_video = "Unsupported URL" in text or "no video" in text.lower()
            facts["status"] = "no video found" if no_video else f"failed: {text[:300]}"
            journal.act("videos", f"yt-dlp: {facts['status']}")
            return result
        _collect(infos, files, folder, result)
        if settings.minor_safe:
            for entry in facts["videos"]:
                if str(entry.get("not_saved_because", "")).startswith("no RAM folder"):
                    entry["not_saved_because"] = MINOR_SAFE_NOT_SAVED
    finally:
        stop.set()
        tempdirs.release(lock)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        facts["seconds"] = round(time.monotonic() - started, 1)
        facts["requests"] = sent
        if settings.session is not None:
            facts["logged_in"] = True
            facts["requests_blocked"] = blocked
    saved = sum(1 for v in facts["videos"] if v.get("name"))
    facts["status"] = f"{saved} of {len(facts['videos'])} videos saved"
    journal.act("videos", f"yt-dlp: {facts['status']}")
    return result


def _collect(
    infos: list[dict[str, Any]], files: list[Path], folder: Path | None, result: VideoResult
) -> None:
    taken: set[str] = set()
    videos: list[dict[str, Any]] = []
    by_path = {str(p): p for p in files}
    for info in infos:
        info = _scrub(info)
        entry: dict[str, Any] = {
            key: info.get(key)
            for key in (
                "id",
                "title",
                "extractor",
                "webpage_url",
                "url",
                "uploader",
                "uploader_id",
                "channel_id",
                "upload_date",
                "timestamp",
                "duration",
                "format_id",
                "ext",
            )
        }
        entry["formats_offered"] = len(info.get("formats") or [])
        stem = str(info.get("id") or info.get("title") or "video")
        name = _name(stem, str(info.get("ext") or "bin"), taken)
        wrote = [d.get("filepath") for d in info.get("requested_downloads") or []]
        path = next((by_path[str(p)] for p in wrote if p and str(p) in by_path), None)
        info_bytes = json.dumps(info, indent=2, ensure_ascii=False, default=str).encode("utf-8")
        if path is not None and folder is not None:
            data = path.read_bytes()
            with contextlib.suppress(OSError):
                path.unlink()
            video = Artifact(name, _media_type(str(info.get("ext") or "")), data)
            result.artifacts.append(video)
            entry.update({"name": name, "size": video.size, "sha256": video.sha256})
        elif info.get("_type") in ("url", "url_transparent"):
            entry["not_saved_because"] = (
                "a link to another page (a channel or profile lists its videos): capture "
                "that post itself (capture --account captures an account's posts)"
            )
        else:
            entry["not_saved_because"] = (
                "yt-dlp did not download it (larger than the limit, or no single-file format)"
                if folder is not None
                else "no RAM folder to download it into (never to disk unencrypted)"
            )
        info_artifact = Artifact(f"{name}.info.json", "application/json", info_bytes)
        result.artifacts.append(info_artifact)
        entry.update({"info_json": info_artifact.name, "info_json_sha256": info_artifact.sha256})
        videos.append(entry)
    result.facts["videos"] = videos


def _media_type(ext: str) -> str:
    return {
        "mp4": "video/mp4",
        "m4v": "video/mp4",
        "webm": "video/webm",
        "mov": "video/quicktime",
        "mkv": "video/x-matroska",
        "m4a": "audio/mp4",
        "mp3": "audio/mpeg",
        "ogg": "video/ogg",
    }.get(ext.lower(), "application/octet-stream")

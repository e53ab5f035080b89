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

yt-dlp runs in its own thread (`ytdlp_run`), started as soon as the page has loaded when the
page already shows it has a video (issue 15, `videos_early`), so it works while the page
scrolls. When the capture's time is up or it fails, yt-dlp is told to stop and the capture
waits until its thread has ended: no download outlives the capture.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evidencekit.capture import tempdirs, ytdlp_run
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
_RESERVE_S = 10.0
THREAD_NAME = ytdlp_run.THREAD_NAME
STARTED_EARLY = "right after the page loaded, while it was scrolled and photographed"
STARTED_LATE = "after the page was read"
MINOR_SAFE_NOT_SAVED = (
    "someone in these pictures may be under 18 (minor-safe): no video is downloaded, only "
    "its information is kept"
)


@dataclass
class VideoResult:
    artifacts: list[Artifact] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


def why_wanted(url: str, shows_video: bool, page_meta: dict[str, Any] | None) -> str | None:
    """Why to ask yt-dlp (None: not at all): the page shows a video, says it has one
    (og:video, twitter:player), or is on a platform whose posts carry videos."""
    if shows_video:
        return "the page shows or streams a video"
    meta = page_meta or {}
    said = [k for k in meta if str(k).lower() in ("og:video", "og:video:url", "twitter:player")]
    if said:
        return f"the page says it has a video ({said[0]})"
    host = (urlsplit(url).hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS):
        return f"{host} is a platform whose posts carry videos"
    return None


def wanted(url: str, shows_video: bool, page_meta: dict[str, Any] | None) -> bool:
    """Whether to ask yt-dlp at all (`why_wanted` says why)."""
    return why_wanted(url, shows_video, page_meta) is not None


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


async def collect_videos(
    url: str,
    settings: CaptureSettings,
    journal: Journal,
    user_agent: str,
    *,
    started: str = STARTED_LATE,
    because: str | None = None,
) -> VideoResult:
    """Every video yt-dlp finds at `url`, each as ``video/<name>`` plus its info JSON.

    `started` says when in the capture it was asked (`STARTED_EARLY`: alongside the page's
    own steps, which then name the step in progress) and `because` why; both are recorded.
    Cancelled, it stops yt-dlp and returns only once yt-dlp's thread has ended."""
    version = ytdlp_run.yt_dlp_version()
    facts: dict[str, Any] = {"tool": "yt-dlp", "yt_dlp_version": version, "asked_for": url}
    facts["started"] = started
    if because is not None:
        facts["started_because"] = because
    result = VideoResult(facts=facts)
    if version is None:
        facts["status"] = "not tried: yt-dlp is not installed"
        return result
    if started != STARTED_EARLY:
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
    stop = ytdlp_run.Stopper()
    blocked: list[str] = []
    sent: list[dict[str, Any]] = []
    lock = tempdirs._hold(folder) if folder is not None else None  # swept if we are killed
    began = time.monotonic()
    try:
        if budget < 5:
            facts["status"] = "not tried: no time was left"
            return result
        job, thread = ytdlp_run.in_thread(
            lambda: ytdlp_run.run(url, settings, user_agent, folder, max_bytes, stop, blocked, sent)
        )
        try:
            await asyncio.wait({job}, timeout=budget)
            in_time = job.done()
        finally:  # also when cancelled: nothing of yt-dlp outlives the capture
            await ytdlp_run.until_ended(job, thread, stop)
        if not in_time:
            facts["status"] = f"stopped: yt-dlp took longer than {budget:.0f} s"
            journal.act("videos", f"yt-dlp: {facts['status']}")
            return result
        try:
            infos, files = job.result()
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
        facts["seconds"] = round(time.monotonic() - began, 1)
        facts["requests"] = list(sent)
        if settings.session is not None:
            facts["logged_in"] = True
            facts["requests_blocked"] = list(blocked)
    saved = sum(1 for v in facts["videos"] if v.get("name"))
    facts["status"] = f"{saved} of {len(facts['videos'])} videos saved"
    journal.act("videos", f"yt-dlp: {facts['status']}")
    return result


def _collect(
    infos: list[dict[str, Any]],
    files: list[tuple[Path, bytes]],
    folder: Path | None,
    result: VideoResult,
) -> None:
    taken: set[str] = set()
    videos: list[dict[str, Any]] = []
    by_path = {str(p): data for p, data in files}
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
        data = next((by_path[str(p)] for p in wrote if p and str(p) in by_path), None)
        info_bytes = json.dumps(info, indent=2, ensure_ascii=False, default=str).encode("utf-8")
        if data is not None and folder is not None:
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

"""yt-dlp itself (issue 12), in a thread of its own the capture can wait for (issue 15).

`run` asks yt-dlp for one address in the calling thread: single-file formats, no cache, no
cookie file, no post-processing, a saved login as a cookie jar built in memory, every request
it makes listed (logged in: reading only). It removes its download folder itself, last: it is
that folder's only writer, so nothing can be written into it once it is gone.

`in_thread` runs it in a thread named ``evidencekit-yt-dlp``; `until_ended` tells yt-dlp to
stop (it checks before each request and each piece it downloads) and waits for that thread,
also when the capture waiting is cancelled meanwhile (its time limit, another step failing):
no download outlives the capture.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import importlib.util
import json
import logging
import re
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evidencekit.capture import tempdirs
from evidencekit.capture.result import CaptureSettings

log = logging.getLogger(__name__)

MAX_REQUESTS_LISTED = 200
MAX_VIDEOS = 20
"""Videos of one post downloaded at most (a post is not a channel)."""
SOCKET_TIMEOUT_S = 20
#: How long a stopped yt-dlp may take to notice (one read it is blocked in) before the capture
#: gives up waiting for its thread (logged; the thread still removes its folder when it ends).
STOP_WAIT_S = SOCKET_TIMEOUT_S + 10.0
THREAD_NAME = "evidencekit-yt-dlp"
_FORMAT = "best[protocol^=http]/best"
# A channel or profile page is a list of links to other posts: listed, never all downloaded
# ("extract_flat": "in_playlist"); the videos of the post itself are downloaded.
"""One file holding picture and sound (yt-dlp's "best"), over plain HTTP where offered."""


class Stop(Exception):
    """Raised in yt-dlp's thread once the capture told it to stop (its time is up, it failed),
    or when, logged in, an extractor wanted to send more than a read."""


class Stopper:
    """How the capture tells yt-dlp to stop. yt-dlp checks `is_set` before each request and
    each piece it downloads; `set` also shuts the connections of the answers it is reading,
    so a read blocked on a server that went silent ends at once, not after the socket timeout."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._answers: list[Any] = []

    def is_set(self) -> bool:
        return self._event.is_set()

    def set(self) -> None:
        self._event.set()
        for answer in list(self._answers):
            _cut(answer)

    def reading(self, answer: Any) -> None:
        """`answer` (a response yt-dlp got) is being read in yt-dlp's thread."""
        self._answers.append(answer)
        if self._event.is_set():
            _cut(answer)


def _cut(answer: Any) -> None:
    for sock in _sockets(answer):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes a recv blocked in the other thread


def _sockets(root: Any) -> list[socket.socket]:
    """The sockets under a response (yt-dlp's adapter, then http.client's or urllib3's)."""
    found: list[socket.socket] = []
    todo, seen = [(root, 0)], set()
    while todo:
        obj, depth = todo.pop()
        if obj is None or id(obj) in seen or depth > 6:
            continue
        seen.add(id(obj))
        if isinstance(obj, socket.socket):
            found.append(obj)
            continue
        for name in ("fp", "_fp", "raw", "_sock", "sock", "_connection", "connection"):
            with contextlib.suppress(Exception):
                todo.append((getattr(obj, name, None), depth + 1))
    return found


def yt_dlp_version() -> str | None:
    """yt-dlp's version, None when it is not installed. Read from its small ``version.py``
    alone while yt-dlp itself is not imported yet: importing the whole package takes a few
    hundred milliseconds, which would stop the event loop while the page is being captured."""
    if "yt_dlp.version" not in sys.modules:
        try:
            spec = importlib.util.find_spec("yt_dlp")
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return None
        for place in spec.submodule_search_locations or []:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                text = (Path(place) / "version.py").read_text(encoding="utf-8")
                if found := re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.M):
                    return found.group(1)
    try:
        from yt_dlp.version import __version__  # type: ignore[import-untyped]
    except ImportError:
        return None
    return str(__version__)


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


def _proxy(settings: CaptureSettings) -> str | None:
    for arg in settings.browser_args:
        if arg.startswith("--proxy-server="):
            return arg.split("=", 1)[1]
    return None


def entries(info: dict[str, Any]) -> list[dict[str, Any]]:
    if info.get("_type") in ("playlist", "multi_video"):
        return [e for e in info.get("entries") or [] if isinstance(e, dict)][:MAX_VIDEOS]
    return [info]


def watch(
    ydl: Any,
    sent: list[dict[str, Any]],
    blocked: list[str] | None,
    stop: Stopper | threading.Event | None = None,
) -> None:
    """Record each request yt-dlp makes (method, address, answer: its requests are not in the
    browser's WARC). With `blocked` (logged in) it may only read (GET/HEAD), like the browser
    (guards.py): any other request is refused before it is sent and recorded (method, host);
    logged in, addresses are recorded without their query (it may carry a token). Once `stop`
    is set (the capture's time is up or it failed) no request is sent any more."""
    original = ydl.urlopen

    def urlopen(req: Any) -> Any:
        if stop is not None and stop.is_set():
            raise Stop("the capture stopped yt-dlp")
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
            raise Stop(f"a {method} request was blocked (logged in, only reading is allowed)")
        try:
            answer = original(req)
        except Exception as error:
            entry["status"] = getattr(error, "status", None) or type(error).__name__
            raise
        entry["status"] = getattr(answer, "status", None)
        if isinstance(stop, Stopper):
            stop.reading(answer)
        return answer

    ydl.urlopen = urlopen


def run(
    url: str,
    settings: CaptureSettings,
    user_agent: str,
    folder: Path | None,
    max_bytes: int,
    stop: Stopper,
    blocked: list[str],
    sent: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[Path, bytes]]]:
    """yt-dlp in this thread: (info of each video, each file it wrote into `folder` with its
    bytes). `folder` is removed here, last, whatever happened: this thread is its only writer,
    so nothing can be written into it after it is gone."""
    try:
        return _ask(url, settings, user_agent, folder, max_bytes, stop, blocked, sent)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _ask(
    url: str,
    settings: CaptureSettings,
    user_agent: str,
    folder: Path | None,
    max_bytes: int,
    stop: Stopper,
    blocked: list[str],
    sent: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[Path, bytes]]]:
    if stop.is_set():
        raise Stop("the capture stopped yt-dlp")
    import yt_dlp  # type: ignore[import-untyped]

    def hook(status: dict[str, Any]) -> None:
        if stop.is_set():
            raise Stop("the capture stopped yt-dlp")

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
        "socket_timeout": SOCKET_TIMEOUT_S,
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
        watch(ydl, sent, blocked if settings.session is not None else None, stop)
        info = ydl.extract_info(url, download=folder is not None)
        clean = ydl.sanitize_info(info) if info else None
    files = [
        (p, p.read_bytes())
        for p in sorted(folder.iterdir() if folder else [])
        if p.is_file() and p.name != tempdirs.OWNER_LOCK and not p.name.endswith(".part")
    ]
    return (entries(clean) if isinstance(clean, dict) else []), files


def in_thread(work: Callable[[], Any]) -> tuple[asyncio.Future[Any], threading.Thread]:
    """`work` in a thread of its own, and a future of the loop that gets its result. Unlike
    `asyncio.to_thread`, the future is never cancelled with its waiter: the capture can go on
    waiting for the thread after it was cancelled itself."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[Any] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(value)

    def body() -> None:
        try:
            report: tuple[Any, BaseException | None] = (work(), None)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting capture
            report = (None, error)
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, *report)

    thread = threading.Thread(target=body, name=THREAD_NAME, daemon=True)
    thread.start()
    return done, thread


async def until_ended(job: asyncio.Future[Any], thread: threading.Thread, stop: Stopper) -> None:
    """Stop yt-dlp and wait until its thread has ended (at most `STOP_WAIT_S`). A cancellation
    meanwhile (the capture's time limit, another step failing) is raised once it has."""
    stop.set()
    cancelled: asyncio.CancelledError | None = None
    give_up = time.monotonic() + STOP_WAIT_S
    while not job.done() and (left := give_up - time.monotonic()) > 0:
        try:
            await asyncio.wait({job}, timeout=left)
        except asyncio.CancelledError as error:
            cancelled = error
    if job.done():
        thread.join(1.0)  # it has handed its result over: ending is its very next step
        if not job.cancelled():
            job.exception()  # marked as seen: the caller reads it, or was cancelled itself
    else:
        log.warning("yt-dlp did not stop within %.0f s of being told to", STOP_WAIT_S)
    if cancelled is not None:
        raise cancelled


class _Quiet:
    """yt-dlp's logger: its words go to our debug log, never to the terminal."""

    def debug(self, msg: str) -> None:
        log.debug("yt-dlp: %s", msg)

    info = warning = debug

    def error(self, msg: str) -> None:
        log.info("yt-dlp: %s", msg)

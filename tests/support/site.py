"""A small local web site that behaves like social-media posts, for capture tests and benchmarks.

Everything is served from 127.0.0.1 on a free port, in a daemon thread: static pages from
`site/`, plus dynamic routes (solid-colour images, a byte-range video, redirects, an endless
feed API, a 40,000 px thread, a marker page, the heavy page of `heavy_site`). `HangServer`
accepts connections and never answers. `make_self_signed_cert` makes a throwaway certificate
for the https variant.

Run it by hand with `python -m tests.support.site` to look at the pages in a browser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from tests.support import heavy_site

SITE_DIR = Path(__file__).parent / "site"
VIDEO_PATH = SITE_DIR / "clip.webm"
#: Largest slice one 206 answer carries, so a browser needs several ranges for the video.
RANGE_SLICE = 64 * 1024
#: Height of each post of the long thread (/thread?n=40 is 40,000 px of posts).
THREAD_POST_PX = 1000
FEED_ITEM_PX = 300

_IMG_RE = re.compile(r"^/img/([0-9a-f]{6})-(\d{1,4})x(\d{1,4})\.png$")


def thread_colour(index: int) -> tuple[int, int, int]:
    """The solid colour of post `index` of /thread (distinct for every index below 120)."""
    return ((index * 37) % 200 + 40, (index * 91) % 200 + 30, (index * 53) % 200 + 20)


def solid_png(rgb: tuple[int, int, int], width: int, height: int) -> bytes:
    """A PNG of one colour, stored without compression so it is not mistaken for an icon."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), rgb).save(out, format="PNG", compress_level=0)
    return out.getvalue()


@dataclass
class Hit:
    """One request the site answered (what the tests assert on)."""

    method: str
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class SiteState:
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)
    #: names of /post/later/<name> that now answer 404 (the test "removes" a post)
    taken_down: set[str] = field(default_factory=set)

    def record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def paths(self) -> list[str]:
        with self.lock:
            return [h.path for h in self.hits]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixtureSite/1.0"
    state: SiteState  # set on the subclass made per server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    # -- plumbing -------------------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra or []:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.state.record(Hit(self.command, self.path, status, dict(self.headers.items())))

    def _html(self, status: int, text: str, extra: list[tuple[str, str]] | None = None) -> None:
        self._send(status, text.encode("utf-8"), "text/html; charset=utf-8", extra)

    def _redirect(self, status: int, location: str) -> None:
        body = f'<a href="{location}">moved</a>'.encode()
        self._send(status, body, "text/html; charset=utf-8", [("Location", location)])

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        try:
            self._route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a video slice it no longer wanted); fine

    # -- routes ---------------------------------------------------------------------------
    def _route(self, path: str, query: dict[str, list[str]]) -> None:
        if m := _IMG_RE.match(path):
            rgb = tuple(int(m.group(1)[i : i + 2], 16) for i in (0, 2, 4))
            png = solid_png(rgb, int(m.group(2)), int(m.group(3)))  # type: ignore[arg-type]
            self._send(200, png, "image/png", [("Cache-Control", "max-age=3600")])
        elif path == "/img/tracker.gif":
            gif = io.BytesIO()
            Image.new("RGB", (1, 1), (255, 255, 255)).save(gif, format="GIF")
            self._send(200, gif.getvalue(), "image/gif")
        elif path == "/img/never.png":  # accepted, never answered: the load event never comes
            self.state.record(Hit(self.command, self.path, 0, dict(self.headers.items())))
            self.state.stopping.wait(60)
        elif path == "/img/broken.png":
            self._send(200, b"this is not a picture", "image/png")
        elif path == "/img/icon.png":
            self._send(200, solid_png((10, 120, 10), 16, 16), "image/png")
        elif path == "/media/clip.webm":
            self._video()
        elif path == "/media/stall.webm":
            self._video(stall_after=2 * RANGE_SLICE)
        elif path == "/r/start":
            self._redirect(301, "/r/middle")
        elif path == "/r/middle":
            self._redirect(302, "/r/final")
        elif path == "/r/final":
            self._html(200, _page("Redirected post", "<p>REDIRECT-FINAL-MARKER</p>"))
        elif path == "/post/removed":
            body = "<h1>Sorry</h1><p>This post was removed and is no longer available.</p>"
            self._html(404, _page("Post removed", body))
        elif path == "/post/gone":
            self._html(410, _page("Gone", "<p>This account was suspended.</p>"))
        elif path.startswith("/post/later/"):  # online until the test takes it down
            name = re.sub(r"[^A-Za-z0-9-]", "", path[len("/post/later/") :])
            if name in self.state.taken_down:
                body = "<h1>Sorry</h1><p>This post was removed and is no longer available.</p>"
                self._html(404, _page("Post removed", body))
            else:
                body = f"<article><h1>Post {name}</h1><p>LATER-POST-{name} is online.</p></article>"
                self._html(200, _page(f"Post {name}", body))
        elif path.startswith("/marker/"):
            token = re.sub(r"[^A-Za-z0-9-]", "", path[len("/marker/") :])
            body = f'<p id="m">{token}</p><img src="/img/336699-300x200.png" alt="">'
            self._html(200, _page("Marker", body), [("Cache-Control", "max-age=3600")])
        elif path == "/thread":
            count = int(query.get("n", ["40"])[0])
            self._html(200, _thread(count))
        elif path == "/api/feed":
            page = int(query.get("page", ["0"])[0])
            items = [f"Feed item {page * 10 + i}" for i in range(10)]
            self._send(200, json.dumps(items).encode(), "application/json")
        elif path == "/api/more":
            payload = {"text": "LATE-MARKER inserted after scrolling"}
            self._send(200, json.dumps(payload).encode(), "application/json")
        elif path == "/download.bin":
            self._send(
                200,
                b"NOT-A-PAGE " * 100,
                "application/octet-stream",
                [("Content-Disposition", 'attachment; filename="payload.bin"')],
            )
        elif path in ("/popup-target", "/elsewhere", "/consent-accepted"):
            self._html(200, _page(path, f"<p>VISITED {path}</p>"))
        elif path.startswith("/heavy/") and (answer := heavy_site.route(path)) is not None:
            self._send(*answer)
        else:
            self._static(path)

    def _static(self, path: str) -> None:
        name = path.lstrip("/") or "index.html"
        target = (SITE_DIR / name).resolve()
        if SITE_DIR.resolve() not in target.parents or not target.is_file():
            self._html(404, _page("Not found", "<p>No such page.</p>"))
            return
        types = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css"}
        ctype = types.get(target.suffix, "application/octet-stream")
        self._send(200, target.read_bytes(), ctype)

    def _video(self, stall_after: int | None = None) -> None:
        """The clip, with byte ranges (each 206 at most RANGE_SLICE long). With `stall_after`,
        a range starting that far in is never answered (the page's own copy stays partial)."""
        data = VIDEO_PATH.read_bytes()
        total = len(data)
        header = self.headers.get("Range")
        common = [("Accept-Ranges", "bytes"), ("Cache-Control", "no-store")]
        if not header:
            self._send(200, data, "video/webm", common)
            return
        m = re.fullmatch(r"bytes=(\d+)-(\d*)", header.strip())
        if not m or int(m.group(1)) >= total:
            self._send(416, b"", "text/plain", [("Content-Range", f"bytes */{total}")])
            return
        start = int(m.group(1))
        if stall_after is not None and start >= stall_after:
            self.state.record(Hit(self.command, self.path, 0, dict(self.headers.items())))
            self.state.stopping.wait(60)
            return
        end = min(int(m.group(2)) if m.group(2) else total - 1, total - 1, start + RANGE_SLICE - 1)
        self._send(
            206,
            data[start : end + 1],
            "video/webm",
            [*common, ("Content-Range", f"bytes {start}-{end}/{total}")],
        )


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
        f"<body>{body}</body></html>"
    )


def _thread(count: int) -> str:
    posts = []
    for i in range(count):
        r, g, b = thread_colour(i)
        posts.append(
            f'<div class=post style="height:{THREAD_POST_PX}px;background:rgb({r},{g},{b})">'
            f"<p>Reply number {i} in the long thread</p></div>"
        )
    style = "<style>body{margin:0}.post{margin:0;overflow:hidden}p{margin:0;padding:8px}</style>"
    return _page("Long thread", style + "".join(posts) + "<p id=end>THREAD-END-MARKER</p>")


class SiteServer:
    """The fixture site on 127.0.0.1:<free port>, http or (with `tls`) https."""

    def __init__(self, *, tls: tuple[Path, Path] | None = None) -> None:
        self.state = SiteState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        scheme = "http"
        if tls is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(tls[0]), str(tls[1]))
            self._httpd.socket = ctx.wrap_socket(self._httpd.socket, server_side=True)
            scheme = "https"
        self.port = self._httpd.server_address[1]
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class HangServer:
    """Accepts TCP connections and never answers (until stopped)."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/post/1"
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._held.append(conn)  # never read, never answered

    def start(self) -> HangServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for conn in self._held:
            conn.close()
        self._sock.close()


def make_self_signed_cert(folder: Path) -> tuple[Path, Path, bytes]:
    """Write a self-signed certificate for 127.0.0.1 and its key; return (cert, key, DER)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "evidencekit-test.local")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path, cert.public_bytes(serialization.Encoding.DER)


def video_sha256() -> str:
    return hashlib.sha256(VIDEO_PATH.read_bytes()).hexdigest()


def free_port() -> int:
    """A port nothing listens on (connections to it are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def iter_site_pages() -> Iterator[str]:
    yield from sorted(p.name for p in SITE_DIR.glob("*.html"))


if __name__ == "__main__":
    with SiteServer() as site:
        print("serving", site.base_url, "pages:", ", ".join(iter_site_pages()))
        threading.Event().wait()

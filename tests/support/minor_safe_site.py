"""A page with known pictures for the minor-safe tests (issue 14 part 2), served on 127.0.0.1.

Every picture is random noise from a fixed seed (so no run of its bytes can appear anywhere by
chance, and a covered box is told from the picture by its pixels): a PNG, a JPEG through
``<picture>``/``srcset``, a CSS background (behind text), a video (the fixture clip), a
``data:`` URL picture, a picture painted on a canvas, an SVG ``<image>``, a picture inside an
iframe from another site (its own process in Chromium), and one inside a closed shadow root.
`Pictures.all` maps each picture's name to its bytes.
"""

from __future__ import annotations

import base64
import io
import random
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image

from tests.support.site import VIDEO_PATH

SIDE = 96
"""Each picture is SIDE x SIDE px and shown at that size (far above the icon limit)."""


def noise_image(seed: int, side: int = SIDE) -> Image.Image:
    rng = random.Random(seed)
    return Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))


def encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **({"quality": 92} if fmt == "JPEG" else {}))
    return out.getvalue()


@dataclass
class Pictures:
    png: bytes = field(default_factory=lambda: encoded(noise_image(1), "PNG"))
    jpeg: bytes = field(default_factory=lambda: encoded(noise_image(2), "JPEG"))
    background: bytes = field(default_factory=lambda: encoded(noise_image(3), "PNG"))
    data_url: bytes = field(default_factory=lambda: encoded(noise_image(4, 64), "PNG"))
    canvas: bytes = field(default_factory=lambda: encoded(noise_image(5), "PNG"))
    svg_image: bytes = field(default_factory=lambda: encoded(noise_image(6), "PNG"))
    in_frame: bytes = field(default_factory=lambda: encoded(noise_image(7), "JPEG"))
    in_shadow: bytes = field(default_factory=lambda: encoded(noise_image(8), "PNG"))
    video: bytes = field(default_factory=VIDEO_PATH.read_bytes)

    @property
    def all(self) -> dict[str, bytes]:
        return {k: v for k, v in vars(self).items() if isinstance(v, bytes)}


def page_html(p: Pictures, frame_origin: str) -> str:
    data = base64.b64encode(p.data_url).decode()
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>A post</title>
<style>body {{ margin: 0; font: 16px sans-serif; background: #fff; }}
.box {{ position: absolute; }} #bg {{ background-image: url(/bg.png); color: #000; }}</style>
</head><body>
<p style="position:absolute; left:10px; top:5px">Words of the post stay readable</p>
<img id="png" class="box" src="/p.png" width="{SIDE}" height="{SIDE}" style="left:10px; top:40px">
<picture><source srcset="/j.jpg 1x" type="image/jpeg">
<img id="jpeg" class="box" src="/missing.png" width="{SIDE}" height="{SIDE}"
 style="left:120px; top:40px"></picture>
<div id="bg" class="box" style="left:230px; top:40px; width:{SIDE}px; height:{SIDE}px"></div>
<video id="video" class="box" src="/clip.webm" muted autoplay loop width="{SIDE * 2}"
 height="{SIDE}" style="left:340px; top:40px"></video>
<img id="data" class="box" src="data:image/png;base64,{data}" width="64" height="64"
 style="left:10px; top:160px">
<canvas id="canvas" class="box" width="{SIDE}" height="{SIDE}" style="left:120px; top:160px">
</canvas>
<svg class="box" width="{SIDE}" height="{SIDE}" style="left:230px; top:160px">
<image href="/s.png" x="0" y="0" width="{SIDE}" height="{SIDE}"/></svg>
<iframe id="frame" class="box" src="{frame_origin}/frame.html" width="{SIDE + 20}"
 height="{SIDE + 20}"
 style="left:340px; top:160px; border:0"></iframe>
<closed-post class="box" style="left:10px; top:270px; width:{SIDE}px; height:{SIDE}px">
</closed-post>
<script>
customElements.define('closed-post', class extends HTMLElement {{
  constructor() {{ super(); const root = this.attachShadow({{mode: 'closed'}});
    root.innerHTML = '<img src="/h.png" width="{SIDE}" height="{SIDE}" style="display:block">'; }}
}});
const im = new Image(); im.src = '/c.png';
im.onload = () => document.getElementById('canvas').getContext('2d').drawImage(im, 0, 0);
</script>
</body></html>"""


FRAME_HTML = f"""<!doctype html><html><body style="margin:0">
<img src="/f.jpg" width="{SIDE}" height="{SIDE}"></body></html>"""

#: Where each covered picture is shown (CSS px: x, y, w, h) on page_html.
PLACES = {
    "png": (10, 40, SIDE, SIDE),
    "jpeg": (120, 40, SIDE, SIDE),
    "background": (230, 40, SIDE, SIDE),
    "video": (340, 40, SIDE * 2, SIDE),
    "data_url": (10, 160, 64, 64),
    "canvas": (120, 160, SIDE, SIDE),
    "svg_image": (230, 160, SIDE, SIDE),
    "in_frame": (340, 160, SIDE, SIDE),
    "in_shadow": (10, 270, SIDE, SIDE),
}


class MinorSafeSite:
    """The page above on 127.0.0.1:<free port>; `url` is the post's address."""

    def __init__(self) -> None:
        self.pictures = Pictures()
        p = self.pictures
        routes: dict[str, tuple[bytes, str]] = {
            "/frame.html": (FRAME_HTML.encode(), "text/html; charset=utf-8"),
            "/p.png": (p.png, "image/png"),
            "/j.jpg": (p.jpeg, "image/jpeg"),
            "/bg.png": (p.background, "image/png"),
            # served as something else on purpose: the rule must look at the bytes too
            "/c.png": (p.canvas, "application/octet-stream"),
            "/s.png": (p.svg_image, "image/png"),
            "/f.jpg": (p.in_frame, "image/jpeg"),
            "/clip.webm": (p.video, "video/webm"),
            "/h.png": (p.in_shadow, "image/png"),
        }

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body, kind = routes.get(self.path.split("?")[0], (b"not here", "text/plain"))
                status = 200 if self.path.split("?")[0] in routes else 404
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_HEAD = do_GET

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{port}/post"
        # The iframe comes from another site (localhost): Chromium runs it in its own process.
        page = page_html(p, f"http://localhost:{port}")
        routes["/post"] = (page.encode(), "text/html; charset=utf-8")
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> MinorSafeSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

"""Minor-safe capture against a page whose own rules fight the covering style sheet, in real
Chromium: `!important` pictures on ``::before``/``::after`` (background, ``content: url()``),
inside a cascade layer (layered `!important` beats unlayered), on a pseudo-element placed
outside its element's box, a border image, a list marker image, ``::first-letter``,
``::first-line``, ``::placeholder``, ``::file-selector-button``, and in a shadow root.
Every picture is pure red; after `cover` the screenshot holds no red pixel at all. A page
that breaks the covering itself, or a modal dialog whose ``::backdrop`` (painted over the whole
window, out of reach of any box) is a picture, makes `cover` fail with `PicturesNotCovered`.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PIL import Image

from evidencekit.capture import CaptureSettings, minor_safe
from evidencekit.capture.browser import launch_browser
from evidencekit.capture.journal import Journal
from evidencekit.jobs.capture import capture_into_vault
from evidencekit.vault.store import Vault

pytestmark = pytest.mark.usefixtures("browser_available")

RED = (255, 0, 0)


def _red_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), RED).save(out, format="PNG")
    return out.getvalue()


PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px sans-serif; background: #fff; }
.w { display: flex; flex-wrap: wrap; gap: 20px; padding: 20px; }
.w > * { width: 100px; height: 100px; }
.a .p::before { content: ""; display: block; width: 80px; height: 80px;
                background-image: url(r.png) !important; }
.a .q::after { content: url(r.png) !important; }
@layer pics { .a .l::before { content: ""; display: block; width: 80px; height: 80px;
                              background-image: url(r.png) !important; } }
.a .o { position: relative; }
.a .o::after { content: ""; position: absolute; left: 0; top: 0; width: 80px; height: 80px;
               transform: translate(150px, 150px); background-image: url(r.png) !important; }
.a .n { background-image: url(r.png) !important; }
.a .b { box-sizing: border-box; border: 30px solid; border-image: url(r.png) 10 !important; }
.a .k { margin: 0; padding-left: 60px; list-style-image: url(r.png) !important; }
.a .fl::first-letter { font-size: 60px; background-image: url(r.png) !important; }
.a .fn::first-line { background-image: url(r.png) !important; }
.a .fi::file-selector-button { width: 90px; height: 90px;
                               background-image: url(r.png) !important; }
.a .ph::placeholder { background-image: url(r.png) !important; }
dialog::backdrop { background-image: url(r.png) !important; }
</style></head><body><div class="w a">
<div class="p"></div><div class="q"></div><div class="l"></div><div class="o"></div>
<div class="n">words</div><div class="b"></div><ul class="k"><li>one</li></ul>
<div class="fl">Word</div><div class="fn">A line</div><input class="fi" type="file">
<input class="ph" placeholder="a placeholder"><div id="host"></div>
</div><div style="height: 300px"></div>
<script>
const root = document.getElementById('host').attachShadow({mode: 'closed'});
root.innerHTML = '<style>.x::before { content: url(r.png) !important; }</style>' +
                 '<div class="x"></div>';
</script>
__EXTRA__</body></html>"""

MODAL_WITH_PICTURE_BACKDROP = """<dialog id="d">words</dialog>
<script>document.getElementById('d').showModal();</script>"""

BREAKS_COVERING = """<script>
CSSStyleDeclaration.prototype.setProperty = function () {};  // a page breaking our tools
</script>"""


class PseudoSite:
    """`/` (the page), `/broken` (the page that breaks inline styles), `/modal` (a modal dialog
    with a picture as its backdrop) and `/r.png`."""

    def __init__(self) -> None:
        routes = {
            "/": (PAGE.replace("__EXTRA__", "").encode(), "text/html; charset=utf-8"),
            "/broken": (PAGE.replace("__EXTRA__", BREAKS_COVERING).encode(), "text/html"),
            "/modal": (
                PAGE.replace("__EXTRA__", MODAL_WITH_PICTURE_BACKDROP).encode(),
                "text/html",
            ),
            "/r.png": (_red_png(), "image/png"),
        }

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body, kind = routes.get(self.path, (b"not here", "text/plain"))
                self.send_response(200 if self.path in routes else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="module")
def pseudo_site() -> Iterator[PseudoSite]:
    server = PseudoSite()
    yield server
    server.close()


def red_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(image.width * image.height) or []
    return sum(n for n, (r, g, b) in colours if r > 200 and g < 60 and b < 60)


async def _shoot(url: str, *, minor_safe_on: bool) -> bytes:
    async with launch_browser() as browser:
        page = await browser.new_page(viewport={"width": 800, "height": 600})
        try:
            if minor_safe_on:
                await minor_safe.install(page)
            await page.goto(url, wait_until="load")
            if minor_safe_on:
                await minor_safe.cover(page, Journal(), "screenshot.png")
            return await page.screenshot(type="png", full_page=True)
        finally:
            await page.close()


def test_the_page_shows_its_red_pictures_without_the_switch(
    loop: Any, pseudo_site: PseudoSite
) -> None:
    """The test can fail: uncovered, every one of the pictures paints red."""
    assert red_pixels(loop.run(_shoot(pseudo_site.url, minor_safe_on=False))) > 8 * 1000


def test_no_picture_survives_the_pages_own_important_rules(
    loop: Any, pseudo_site: PseudoSite
) -> None:
    shot = loop.run(_shoot(pseudo_site.url, minor_safe_on=True))
    assert red_pixels(shot) == 0


def test_a_page_that_breaks_the_covering_gets_no_screenshot(
    loop: Any, pseudo_site: PseudoSite
) -> None:
    with pytest.raises(minor_safe.PicturesNotCovered) as caught:
        loop.run(_shoot(pseudo_site.url + "broken", minor_safe_on=True))
    assert caught.value.exit_code == 1 and "no screenshot" in str(caught.value)
    assert caught.value.detail and "div.p" in caught.value.detail


def test_a_picture_as_a_modal_backdrop_gets_no_screenshot(
    loop: Any, pseudo_site: PseudoSite
) -> None:
    with pytest.raises(minor_safe.PicturesNotCovered) as caught:
        loop.run(_shoot(pseudo_site.url + "modal", minor_safe_on=True))
    assert caught.value.detail and "dialog#d::backdrop" in caught.value.detail


def test_a_capture_that_cannot_cover_saves_nothing(
    loop: Any, pseudo_site: PseudoSite, vault: Vault, tsa: Any
) -> None:
    """The whole capture, as the app runs it: the typed error, and nothing in the vault."""
    settings = CaptureSettings(minor_safe=True, timeout_s=90)
    (stored,) = loop.run(
        capture_into_vault(vault, [pseudo_site.url + "modal"], settings, tsa_urls=[tsa.url])
    )
    assert stored.item is None and isinstance(stored.error, minor_safe.PicturesNotCovered)
    assert vault.items() == []

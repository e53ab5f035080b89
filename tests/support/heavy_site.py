"""A page as heavy as a real platform's post page, for the capture tests (``/heavy/``).

Over 200 requests: 60+ pictures of every size and compression (a tiny WebP shown at 400x300,
a flat PNG under 2 KB shown large, a chat screenshot on white, big JPEGs, SVGs with and
without a size, srcset and <picture>, CSS backgrounds, lazy and observer-loaded ones,
pictures inside iframes, a video with a poster), a 1x1 tracker and 16 px icons, scripts,
style sheets and API calls, a login modal, and text in Albanian, Cyrillic, Arabic, Chinese
and emoji. Pictures are drawn with Pillow when first asked for (nothing big is committed).

`PICTURES` is what the page shows: the tests compare the capture's media with it.
"""

from __future__ import annotations

import functools
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

SCRIPTS = 40
STYLESHEETS = 20
API_CALLS = 70
TEXT = {
    "sq": "Përshëndetje! Çfarë bën sot? Ëndrra, çelësi dhe këngë e bukur.",
    "ru": "Привет! Как дела? Щука, ёжик и съешь же ещё этих мягких булок.",
    "ar": "مرحبا، كيف حالك اليوم؟ هذا منشور للاختبار.",
    "zh": "你好，这是一个测试帖子。我们今天去公园散步吧！",
    "emoji": "😀 🎉 ❤️ 👍🏽 🔥 🙈",
}


@dataclass(frozen=True)
class Picture:
    """One picture of the heavy page: how it is made, how the page shows it, and whether a
    capture must keep it (False only for what is plainly a tracker or an icon)."""

    name: str
    fmt: str  # png, jpeg, webp, gif, svg
    size: tuple[int, int]  # natural size (px)
    look: str  # flat, noise, chat, gradient, stripes
    how: str  # img, lazy, observer, bg, before, srcset, picture, frame, poster, js
    shown: tuple[int, int] | None  # rendered size (CSS px); None: not in the page's layout
    keep: bool = True
    frame: int | None = None  # shown inside iframe number N

    @property
    def path(self) -> str:
        ext = {"jpeg": "jpg"}.get(self.fmt, self.fmt)
        return f"/heavy/img/{self.name}.{ext}"


def _pictures() -> list[Picture]:
    pics = [
        Picture("tiny-webp", "webp", (400, 300), "flat", "img", (400, 300)),
        Picture("flat-png-small-file", "png", (200, 150), "flat", "img", (400, 300)),
        Picture("chat-screenshot", "png", (360, 640), "chat", "img", (360, 640)),
        Picture("big-photo", "jpeg", (1600, 1200), "noise", "img", (800, 600)),
        Picture("meme-flat", "gif", (300, 300), "stripes", "img", (300, 300)),
        Picture("drawing-sized", "svg", (300, 200), "flat", "img", (300, 200)),
        Picture("drawing-unsized", "svg", (0, 0), "flat", "img", (240, 240)),
        Picture("pixel-art", "png", (24, 24), "stripes", "img", (200, 200)),
        Picture("srcset-480", "png", (480, 320), "gradient", "srcset", (480, 320)),
        Picture("picture-webp", "webp", (500, 300), "gradient", "picture", (500, 300)),
        Picture("background", "jpeg", (800, 400), "gradient", "bg", (400, 250)),
        Picture("background-small-file", "png", (600, 200), "flat", "bg", (600, 200)),
        Picture("before-badge", "png", (120, 120), "stripes", "before", None),
        Picture("poster", "jpeg", (640, 360), "gradient", "poster", (320, 180)),
        Picture("avatar", "png", (80, 80), "gradient", "img", (40, 40)),
        Picture("avatar-small", "webp", (40, 40), "flat", "img", (40, 40)),
        Picture("thumb-33", "png", (33, 33), "flat", "img", (33, 33)),
        Picture("lazy-far", "jpeg", (640, 480), "noise", "lazy", (320, 240)),
        Picture("observer-far", "png", (320, 240), "gradient", "observer", (320, 240)),
        # plainly trackers and icons: listed, not kept
        Picture("tracker", "gif", (1, 1), "flat", "img", (1, 1), keep=False),
        Picture("tracker-js", "gif", (1, 1), "flat", "js", None, keep=False),
        Picture("icon-like", "png", (16, 16), "stripes", "img", (16, 16), keep=False),
        Picture("icon-share", "png", (16, 16), "flat", "img", (16, 16), keep=False),
        Picture("icon-retina", "png", (32, 32), "stripes", "img", (16, 16), keep=False),
        Picture("icon-css", "png", (16, 16), "flat", "bg", (16, 16), keep=False),
    ]
    looks = ("flat", "noise", "chat", "gradient", "stripes")
    fmts = ("png", "jpeg", "webp", "gif", "png", "jpeg")
    for i in range(40):  # the feed: photos of many sizes, some lazy
        w, h = 120 + (i * 37) % 500, 90 + (i * 53) % 400
        shown = (min(w, 360), round(min(w, 360) * h / w))
        how = "lazy" if i % 4 == 3 else "img"
        pics.append(Picture(f"feed-{i:02d}", fmts[i % 6], (w, h), looks[i % 5], how, shown))
    for n in range(3):  # iframes (embeds), each with pictures and an icon
        for j in range(5):
            fmt = ("png", "jpeg", "webp", "svg", "png")[j]
            how = "bg" if j == 4 else "frame"
            pics.append(
                Picture(f"frame{n}-{j}", fmt, (300, 200), looks[j], how, (150, 100), frame=n)
            )
        pics.append(Picture(f"frame{n}-icon", "png", (16, 16), "flat", "frame", (16, 16), False, n))
    return pics


PICTURES: list[Picture] = _pictures()
BY_PATH = {p.path: p for p in PICTURES}


def _colour(name: str) -> tuple[int, int, int]:
    seed = sum(name.encode()) * 7919
    return (40 + seed % 180, 40 + (seed // 180) % 180, 40 + (seed // 32400) % 180)


def _draw(p: Picture) -> Image.Image:
    w, h = p.size
    colour = _colour(p.name)
    if p.look == "noise":
        rng = random.Random(p.name)
        return Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    image = Image.new("RGB", (w, h), (255, 255, 255) if p.look == "chat" else colour)
    draw = ImageDraw.Draw(image)
    if p.look == "chat":  # bubbles on white: compresses very well, still evidence
        for k in range(0, h - 40, 70):
            left = 10 if (k // 70) % 2 == 0 else w // 3
            draw.rounded_rectangle((left, k + 10, left + w // 2, k + 55), 12, fill=(225, 230, 240))
    elif p.look == "gradient":
        for x in range(w):
            draw.line((x, 0, x, h), fill=(colour[0], (x * 255) // max(w, 1), colour[2]))
    elif p.look == "stripes":
        for x in range(0, w, 4):
            draw.line((x, 0, x, h), fill=(255 - colour[0], colour[1], 255 - colour[2]), width=2)
    return image


@functools.cache
def picture_bytes(path: str) -> tuple[bytes, str]:
    """The file for `path` and its media type (KeyError if the page has no such picture)."""
    p = BY_PATH[path]
    if p.fmt == "svg":
        size = f'width="{p.size[0]}" height="{p.size[1]}" ' if p.size[0] else ""
        r, g, b = _colour(p.name)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" {size}viewBox="0 0 30 20">'
            f'<rect width="30" height="20" fill="rgb({r},{g},{b})"/>'
            '<circle cx="15" cy="10" r="6" fill="white"/></svg>'
        )
        return svg.encode(), "image/svg+xml"
    out = io.BytesIO()
    image = _draw(p)
    if p.fmt == "jpeg":
        image.save(out, format="JPEG", quality=85)
    elif p.fmt == "webp":
        image.save(out, format="WEBP", quality=60)
    elif p.fmt == "gif":
        image.save(out, format="GIF")
    else:
        image.save(out, format="PNG", optimize=True)
    return out.getvalue(), f"image/{p.fmt}"


def _tag(p: Picture) -> str:
    w, h = p.shown or (0, 0)
    size = f'width="{w}" height="{h}"'
    if p.how == "img" or p.how == "frame":
        return f'<img src="{p.path}" {size} alt="">'
    if p.how == "lazy":
        return f'<img loading="lazy" src="{p.path}" {size} alt="">'
    if p.how == "observer":
        return f'<img class="observe" data-src="{p.path}" {size} alt="">'
    if p.how == "bg":
        return (
            f'<div class="bg" style="width:{w}px;height:{h}px;'
            f"background-image:url('{p.path}');background-size:cover\"></div>"
        )
    if p.how == "before":
        return '<div class="badge">badge</div>'
    if p.how == "srcset":
        big = p.path.replace("srcset-480", "srcset-960-never")
        return (
            f'<img src="{p.path}" srcset="{p.path} 480w, {big} 960w" sizes="480px" {size} alt="">'
        )
    if p.how == "picture":
        return (
            f'<picture><source srcset="{p.path}" type="image/webp">'
            f'<img src="/heavy/img/never-fallback.png" {size} alt=""></picture>'
        )
    if p.how == "poster":
        return (
            f'<video src="/media/clip.webm" poster="{p.path}" {size} muted preload="none"></video>'
        )
    return ""  # js: loaded by a script, not in the layout


def page_html() -> str:
    main = [p for p in PICTURES if p.frame is None]
    before = next(p for p in main if p.how == "before")
    tracker_js = next(p for p in main if p.how == "js")
    head = [
        "<!doctype html><html lang=sq><head><meta charset=utf-8>",
        "<title>Heavy post · FixtureSocial</title>",
        '<meta property="og:site_name" content="FixtureSocial">',
        *(f'<link rel=stylesheet href="/heavy/css/{i}.css">' for i in range(STYLESHEETS)),
        "<style>body{margin:0;font-family:sans-serif} .grid{display:flex;flex-wrap:wrap;gap:8px}"
        " .bg{display:inline-block} .spacer{height:2500px}"
        f" .badge::before{{content:'';display:inline-block;width:60px;height:60px;"
        f"background-image:url('{before.path}');background-size:cover}}"
        " #login{position:fixed;inset:0;background:rgba(0,0,0,.6);display:flex;"
        "align-items:center;justify-content:center} #login form{background:#fff;padding:30px}"
        " iframe{width:480px;height:380px;border:2px solid #888}</style>",
        "</head><body>",
    ]
    body = [
        "<header><h1>FixtureSocial</h1></header>",
        '<article id="post">',
        *(f'<p lang="{k}" class="t-{k}">{v}</p>' for k, v in TEXT.items()),
        '<div class="grid">',
        *(_tag(p) for p in main if p.how not in ("lazy", "observer")),
        "</div>",
        *(f'<iframe src="/heavy/frame/{n}.html" title="embed {n}"></iframe>' for n in range(3)),
        '<video src="/media/clip.webm" width="320" height="240" muted controls></video>',
        '<div class="spacer"></div>',
        '<div class="grid">',
        *(_tag(p) for p in main if p.how in ("lazy", "observer")),
        "</div>",
        "</article>",
        '<div id="login" role="dialog"><form><h2>Log in to see more</h2>',
        '<input type="text" name="u" placeholder="Phone, username or email">',
        '<input type="password" name="p" placeholder="Password"><button>Log in</button>',
        "</form></div>",
        *(f'<script src="/heavy/js/{i}.js"></script>' for i in range(SCRIPTS)),
        "<script>",
        f"new Image().src = '{tracker_js.path}';",
        f"for (let i = 0; i < {API_CALLS}; i++) fetch('/heavy/api/' + i + '.json');",
        "const io = new IntersectionObserver((es) => { for (const e of es) if (e.isIntersecting)"
        " { e.target.src = e.target.dataset.src; io.unobserve(e.target); } });",
        "document.querySelectorAll('img.observe').forEach((el) => io.observe(el));",
        "</script></body></html>",
    ]
    return "".join(head + body)


def frame_html(n: int) -> str:
    pics = [p for p in PICTURES if p.frame == n]
    return (
        "<!doctype html><html><head><meta charset=utf-8><style>body{margin:4px;"
        "font-family:sans-serif} .bg{display:inline-block}</style></head><body>"
        f"<p>Embed {n}: Ç’kemi! Как дела? 你好</p>"
        + "".join(_tag(p) for p in pics)
        + "</body></html>"
    )


def route(path: str) -> tuple[int, bytes, str] | None:
    """(status, body, content type) for a /heavy/ address, or None if it is not one."""
    if path in ("/heavy/", "/heavy/index.html"):
        return 200, page_html().encode(), "text/html; charset=utf-8"
    if path.startswith("/heavy/frame/") and path.endswith(".html"):
        n = int(path.rsplit("/", 1)[1].split(".")[0])
        return 200, frame_html(n).encode(), "text/html; charset=utf-8"
    if path in BY_PATH:
        body, ctype = picture_bytes(path)
        return 200, body, ctype
    if path.startswith("/heavy/js/"):
        return 200, f"window.h{len(path)} = {len(path)};".encode(), "text/javascript"
    if path.startswith("/heavy/css/"):
        return 200, b".x-unused{color:red}", "text/css"
    if path.startswith("/heavy/api/"):
        return 200, b'{"ok": true, "items": [1, 2, 3]}', "application/json"
    return None

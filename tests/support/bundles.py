"""Realistic evidence for the bundle tests, made through the vault API: web captures shaped like
the capture engine's (screenshot, viewport, DOM, MHTML, WARC, metadata, media) and imports."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from evidencekit.bundle import ExportResult
from evidencekit.config import Settings
from evidencekit.jobs.imports import import_file
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault
from tests.conftest import TEST_KDF_MIB, TEST_PASSPHRASE
from tests.support.tsa import TsaServer

CASE = "Rasti i Elës"  # Albanian letters in the case name on purpose
TALL_PX = 12_000


def fast_settings() -> Settings:
    return Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1, operator="Dritë Çela")


def screenshot_png(width: int, height: int, seed: int) -> bytes:
    """A screenshot-like PNG: text lines, a coloured 'photo' block, rules between posts."""
    image = Image.new("RGB", (width, height), (250, 250, 252))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 28):
        draw.text(
            (24, y + 6), f"post {seed} line {y:>6} — fjalë kërcënuese, ç ë", fill=(30, 30, 40)
        )
        if y % 560 == 0:
            draw.rectangle((24, y + 2, width - 24, y + 3), fill=(200, 205, 215))
    for y in range(300, height, 2400):
        for x in range(0, 400, 8):
            shade = (x * 3 + y + seed * 40) % 255
            draw.rectangle((width - 440 + x, y, width - 432 + x, y + 300), fill=(shade, 90, 160))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def photo_jpeg(seed: int) -> bytes:
    image = Image.new("RGB", (640, 480), (seed * 30 % 255, 120, 200))
    ImageDraw.Draw(image).ellipse((100, 80, 540, 400), fill=(240, 200, 150))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)
    return out.getvalue()


def capture_metadata(url: str, n: int, height: int) -> dict:
    """The shape of a real capture's metadata.json (see evidencekit/capture/metadata.py)."""
    return {
        "schema": "evidencekit.capture.metadata/1",
        "requested_url": url,
        "final_url": url,
        "address_at_end": url,
        "redirects": [{"kind": "http", "status": 301, "from": url + "?r=1", "to": url}],
        "http": {
            "status": 200,
            "status_text": "OK",
            "headers": [["Content-Type", "text/html; charset=utf-8"], ["Server", "nginx"]],
            "server_ip": "127.0.0.1",
            "server_port": 8443,
        },
        "tls": None,
        "title": f"Postimi {n} — një kërcënim",
        "lang": "sq",
        "post": {"author": "anon", "handle": "@someone", "published": "2024-04-30T21:00:00Z"},
        "time": {
            "started_at_utc": "2024-05-01T10:00:00.000Z",
            "ended_at_utc": "2024-05-01T10:00:04.000Z",
            "duration_ms": 4000,
            "local_zone": {"abbreviation": "CEST", "utc_offset": "+02:00", "name": "Europe/Tirane"},
            "clock_source": "system clock",
        },
        "tool": {"name": "EvidenceKit", "version": "0.1.0", "playwright_version": "1.65.2"},
        "browser": {"name": "Chromium", "version": "156.0", "headless": True},
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
        "language": "en-US",
        "settings": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
        "operator": {"name": "Dritë Çela", "role": "support worker"},
        "logged_in": False,
        "session": None,
        "actions": [
            {"time": "2024-05-01T10:00:01.000Z", "kind": "navigate", "detail": f"opened {url}"},
            {"time": "2024-05-01T10:00:02.000Z", "kind": "scrolled", "detail": "scrolled down"},
        ],
        "overlays_hidden": [{"selector": "#cookie", "reason": "cookie banner"}],
        "screenshot": {"width_px": 1280, "height_px": height, "whole_page": True},
        "media": [],
        "media_not_saved": [],
        "warnings": ["A picture on the page failed to load."] if n == 2 else [],
    }


def add_web_item(
    vault: Vault,
    n: int,
    *,
    height: int = 2400,
    case: str | None = CASE,
    sensitive: bool = False,
    media: bool = False,
    captured_at: str | None = None,
    metadata: dict | None = None,
) -> ItemRecord:
    """A web capture; `captured_at` (UTC ISO 8601) defaults to a fixed morning in 2024;
    `metadata` replaces or adds top-level keys of its metadata.json."""
    url = f"https://social.example/post/{n}"
    meta = {**capture_metadata(url, n, height), **(metadata or {})}
    html = (
        f"<html><body><h1>Postimi {n}</h1>" + "<p>tekst ë ç</p>" * 400 + "</body></html>"
    ).encode()
    warc = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n\r\n" + html, mtime=0)
    artifacts = [
        ArtifactSource("screenshot.png", "image/png", data=screenshot_png(1280, height, n)),
        ArtifactSource("viewport.png", "image/png", data=screenshot_png(1280, 900, n + 100)),
        ArtifactSource("page.html", "text/html; charset=utf-8", data=html),
        ArtifactSource("page.mhtml", "multipart/related", data=b"MIME-Version: 1.0\r\n\r\n" + html),
        ArtifactSource("traffic.warc.gz", "application/warc", data=warc),
        ArtifactSource("text.txt", "text/plain; charset=utf-8", data=f"Postimi {n}".encode()),
        ArtifactSource(
            "metadata.json", "application/json", data=json.dumps(meta, ensure_ascii=False).encode()
        ),
    ]
    if media:
        artifacts.append(ArtifactSource("media/photo.jpg", "image/jpeg", data=photo_jpeg(n)))
    new = NewItem(
        kind="web",
        url=url,
        final_url=url,
        status=200 if n != 3 else 404,
        captured_at=captured_at or f"2024-05-01T10:0{n}:00.000Z",
        case=case,
        title=meta["title"],
        metadata=meta,
        sensitive=sensitive,
    )
    return vault.add_item(new, artifacts)


def add_import(vault: Vault, folder: Path, *, case: str | None = CASE) -> ItemRecord:
    path = folder / "mesazh-kërcënues.png"
    path.write_bytes(screenshot_png(750, 1334, 9))
    return import_file(vault, path, case=case)


@dataclass
class Made:
    """A vault and a bundle exported from it."""

    vault: Vault
    items: list[ItemRecord]
    result: ExportResult
    tsa: TsaServer | None

    @property
    def path(self) -> Path:
        return self.result.path


def make_vault(folder: Path) -> Vault:
    folder.mkdir(parents=True, exist_ok=True)
    return Vault.create(folder / "case.ekv", TEST_PASSPHRASE, fast_settings())


def tool(name: str) -> str:
    import pytest

    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=120, check=False
    )


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_jpeg(seed: int) -> bytes:
    """A distinct little picture (a thumbnail)."""
    image = Image.new("RGB", (96, 64), (seed * 37 % 255, seed * 11 % 255, 160))
    ImageDraw.Draw(image).text((4, 24), f"#{seed}", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


NET_FAILURES = (
    ("image", "net::ERR_NAME_NOT_RESOLVED"),
    ("script", "net::ERR_BLOCKED_BY_CLIENT"),
    ("media", "net::ERR_ABORTED"),
    ("fetch", "net::ERR_CONNECTION_REFUSED"),
    ("image", "net::ERR_CERT_AUTHORITY_INVALID"),
    ("font", "net::ERR_SOMETHING_NEW"),
)
SKIP_REASONS = (
    "under 2048 bytes",
    "under 48x48 px (icon/tracker)",
    "larger than the media size limit",
    "the page did not load it",
    "failed: net::ERR_CONNECTION_RESET",
    "the server answered 403",
    "not saved: it could not be fetched within 12 s",
    "a reason nobody foresaw",
)


def add_media_rich_item(
    vault: Vault,
    n: int,
    *,
    media_count: int = 300,
    title: str | None = None,
    url: str | None = None,
    old_shape: bool = False,
) -> ItemRecord:
    """A video platform's home page: `media_count` thumbnails kept (each in metadata `media`
    and as `media/...`), some not kept, failed requests, full capture settings.

    `title` or `url` may be huge; `old_shape` drops the keys older captures lack (sizes,
    positions, network, scroll) to check they show as "not recorded"."""
    url = url or f"https://video.example/home/{n}"
    meta = capture_metadata(url, n, 2400)
    meta["title"] = title if title is not None else meta["title"]
    meta["settings"] = {
        "viewport": {"width": 1280, "height": 900},
        "device_scale_factor": 1,
        "locale": "sq-AL",
        "timeout_s": 90,
        "load_cap_s": 30,
        "max_scroll_height_px": 60000,
        "max_scroll_time_s": 40,
        "network_idle_cap_s": 8,
        "min_media_bytes": 2048,
        "min_media_px": 48,
        "max_media_bytes": 209715200,
        "hide_overlays": True,
        "user_agent_override": None,
        "headless": True,
        "javascript": True,
        "ignore_https_errors": True,
        "service_workers": "blocked",
        "downloads": "refused",
        "fresh_browser_context": True,
    }
    meta["screenshot"] = {
        "width_px": 1280,
        "height_px": 2400,
        "page_css_width": 1280,
        "page_css_height": 2400,
        "covered_css_height": 2400,
        "whole_page": True,
        "stitched": False,
        "parts": 1,
    }
    meta["scroll"] = {
        "steps": 14,
        "reached_px": 2400,
        "page_height_px": 2400,
        "cut": False,
        "cut_reason": None,
        "duration_ms": 5230,
    }
    artifacts: list[ArtifactSource] = []
    saved = []
    for i in range(media_count):
        data = small_jpeg(i)
        name = f"media/thumb-{i:03d}.jpg"
        entry = {
            "url": f"https://cdn.video.example/vi/{i:03d}/hqdefault.jpg",
            "shown_as": ["img"] if i % 10 else ["poster"],
            "size": len(data),
            "width": 96,
            "height": 64,
            "name": name,
            "media_type": "image/jpeg",
            "sha256": hashlib.sha256(data).hexdigest(),
            "obtained": "loaded by the page",
            "http_status": 200,
            "positions_css_px": [[24 + (i % 4) * 300, 200 + (i // 4) * 180, 288, 162]]
            * (1 if i % 50 else 7),
        }
        if i % 3 == 0:
            entry["shown_css_px"] = [288, 162]  # a newer capture's key
        elif i == 1:
            entry["shown_css_px"] = [[288, 162], [144, 81]]  # ... in a shape not known yet
        if old_shape and i % 2:
            for key in ("size", "width", "height", "positions_css_px", "obtained", "shown_as"):
                entry.pop(key, None)
        saved.append(entry)
        artifacts.append(ArtifactSource(name, "image/jpeg", data=data))
    meta["media"] = saved
    meta["media_not_saved"] = [
        {"url": f"https://ads.example/px/{i}.gif", "shown_as": ["img"], "reason": reason}
        | ({"size": 43, "width": 1, "height": 1} if i % 2 == 0 else {})
        for i, reason in enumerate(SKIP_REASONS)
    ]
    meta["network"] = {
        "requests": 812,
        "responses": 790,
        "bytes_received": 14_203_331,
        "failed": [
            {
                "url": f"https://tracker{i}.example/collect?id={i}",
                "resource_type": kind,
                "error": err,
            }
            for i, (kind, err) in enumerate(NET_FAILURES)
        ],
        "unanswered": ["https://live.example/stream/socket"],
        "fetched_by_evidencekit": ["https://cdn.video.example/vi/007/video.mp4"],
    }
    if old_shape:
        for key in ("network", "scroll"):
            meta.pop(key)
    html = f"<html><body><h1>Video {n}</h1></body></html>".encode()
    artifacts += [
        ArtifactSource("screenshot.png", "image/png", data=screenshot_png(1280, 2400, n)),
        ArtifactSource("page.html", "text/html; charset=utf-8", data=html),
        ArtifactSource(
            "metadata.json", "application/json", data=json.dumps(meta, ensure_ascii=False).encode()
        ),
    ]
    new = NewItem(
        kind="web",
        url=url,
        final_url=url,
        status=200,
        captured_at=f"2024-05-01T11:{n:02d}:00.000Z",
        case=CASE,
        title=meta["title"],
        metadata=meta,
    )
    return vault.add_item(new, artifacts)

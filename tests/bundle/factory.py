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
from evidencekit.importer import import_file
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault
from tests.conftest import TEST_KDF_MIB, TEST_PASSPHRASE
from tests.seal.tsa_server import TsaServer

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
) -> ItemRecord:
    """A web capture; `captured_at` (UTC ISO 8601) defaults to a fixed morning in 2024."""
    url = f"https://social.example/post/{n}"
    meta = capture_metadata(url, n, height)
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

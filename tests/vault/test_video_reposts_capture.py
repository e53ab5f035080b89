"""Video reposts across web captures (issue 14): real Chromium captures two pages on 127.0.0.1
through the real command line; the video the first page plays and the second page's
re-encoded, smaller copy of it are hashed frame by frame with their items, and the second
capture names the first, as words only."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE, Cli
from tests.test_video_frames import make_video
from tests.vault.test_picture_capture import browser  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser

SHOWS = ["cat.jpg", "rocket.jpg", "coffee.jpg"]


def _page(title: str, video: str) -> str:
    return (
        f"<!doctype html><title>{title}</title><h1>{title}</h1><p>@rita_k posted:</p>"
        f'<video src="{video}" width="360" muted autoplay playsinline></video>'
    )


@pytest.fixture
def pages(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "clip.webm").write_bytes(make_video(SHOWS, container="webm", codec="libvpx-vp9"))
    (root / "again.webm").write_bytes(
        make_video(SHOWS, container="webm", codec="libvpx-vp9", size=(240, 160),
                   bit_rate=60_000)
    )  # fmt: skip
    (root / "first.html").write_text(_page("First post", "clip.webm"), encoding="utf-8")
    (root / "second.html").write_text(_page("Second post", "again.webm"), encoding="utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_re_encoded_video_captured_from_the_web_is_named(
    browser: None,  # noqa: F811
    cli_vault: Cli, pages: str, vault_path: Path, settings: Settings,
) -> None:  # fmt: skip
    first = cli_vault("capture", f"{pages}/first.html", "--json", timeout=300)
    assert first.code == 0, first.err
    (one,) = json.loads(first.out)
    second = cli_vault("capture", f"{pages}/second.html", timeout=300)
    assert second.code == 0, second.err
    assert "A frame of this video (" in second.out
    assert f"already appears in item {one['id']}, in its video " in second.out

    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        names = [p.name for p in vault.picture_hashes(one["id"])]
        videos = {n.split("@")[0] for n in names}
        # the page's video, and yt-dlp's copy of it where it could download (a RAM folder)
        kept = vault.item(one["id"]).artifacts
        downloaded = {a.name for a in kept if a.name.startswith("video/") and
                      a.media_type.startswith("video/")}  # fmt: skip
        assert videos == {"media/clip.webm", *downloaded}, names
        for video in videos:  # the file's row, then its frames at 0, 2 and 4 s
            assert [n for n in names if n.startswith(video + "@")] == [
                f"{video}@0.0s", f"{video}@2.0s", f"{video}@4.0s"
            ]  # fmt: skip
        assert vault.items_to_hash() == []

"""Reposts across web captures (issue 14): real Chromium captures two pages on 127.0.0.1 through
the real command line; the pictures the page showed (not the screenshots) are hashed with the
item, and the second page's re-compressed copy of the first page's photo is named after the
capture and in `show`, as words only."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from evidencekit.config import Settings
from evidencekit.picture_hashes import hash_picture
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE, Cli

PHOTOS = Path(__file__).resolve().parent.parent / "support" / "photos"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> None:
    from evidencekit.capture.browser import find_browser
    from evidencekit.errors import BrowserNotFound

    try:
        find_browser()
    except BrowserNotFound as error:
        pytest.skip(f"no browser for capture tests: {error}")


def _page(title: str, pictures: list[str]) -> str:
    images = "".join(f'<p><img src="{p}" width="300" alt="photo"></p>' for p in pictures)
    return f"<!doctype html><title>{title}</title><h1>{title}</h1><p>@rita_k posted:</p>{images}"


@pytest.fixture
def pages(tmp_path: Path) -> Iterator[str]:
    """Two posts on a loopback server: the first with a photo, the second with the same
    photo smaller and saved again (as a new account would post it) and another photo."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "cat.jpg").write_bytes((PHOTOS / "cat.jpg").read_bytes())
    (root / "rocket.jpg").write_bytes((PHOTOS / "rocket.jpg").read_bytes())
    image = Image.open(PHOTOS / "cat.jpg").convert("RGB")
    image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS).save(
        root / "repost.jpg", quality=50
    )
    (root / "first.html").write_text(_page("First post", ["cat.jpg"]), encoding="utf-8")
    (root / "second.html").write_text(
        _page("Second post", ["repost.jpg", "rocket.jpg"]), encoding="utf-8"
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_repost_captured_from_the_web_is_named_without_showing_it(
    browser: None, cli_vault: Cli, pages: str, vault_path: Path, settings: Settings
) -> None:
    first = cli_vault("capture", f"{pages}/first.html", "--json", timeout=300)
    assert first.code == 0, first.err
    (one,) = json.loads(first.out)
    assert one["reposts"] == []
    second = cli_vault("capture", f"{pages}/second.html", timeout=300)
    assert second.code == 0, second.err
    assert f"already appears in item {one['id']}" in second.out
    assert "media/repost.jpg" in second.out and "rocket" not in second.out.split("already")[1]

    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        (kept,) = vault.picture_hashes(one["id"])  # the page's photo; not the screenshots
        assert kept.name.startswith("media/") and kept.name.endswith("cat.jpg")
        assert kept.sha256 == hash_picture((PHOTOS / "cat.jpg").read_bytes()).sha256
        two = next(i for i in vault.items() if i.id != one["id"])
        names = sorted(p.name for p in vault.picture_hashes(two.id))
        assert [n.rsplit("/", 1)[1] for n in names] == ["repost.jpg", "rocket.jpg"]
        assert vault.items_to_hash() == []
    shown = json.loads(cli_vault("show", two.id, "--json").out)
    (repost,) = shown["reposts"]
    assert repost["other_item"] == one["id"] and not repost["same_bytes"]
    assert 0 < repost["pdq_distance"] <= 31
    back = cli_vault("show", one["id"])
    assert f"already appears in item {two.id}" in back.out
    assert "captured" in back.out and "/second.html" in back.out

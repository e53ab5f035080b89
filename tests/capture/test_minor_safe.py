"""Minor-safe capture (issue 14 part 2): a page with known pictures captured into a real vault
through real Chromium; no run of any picture's bytes (raw or base64) is anywhere: not in the
decrypted vault (every table, every blob), not in an artifact, not in the WARC (decompressed),
not in any file written under the browser's temp folders or the process's temp folder during
the run. Each picture's hashes are in the item's record, and the screenshots show plain boxes.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from warcio.archiveiterator import ArchiveIterator

from evidencekit.capture import CaptureSettings, browser, tempdirs
from evidencekit.capture.minor_safe import BOX_GREY
from evidencekit.jobs.capture import capture_into_vault
from evidencekit.picture_hashes import hash_picture
from evidencekit.vault.store import Vault
from tests.support.minor_safe_site import PLACES, MinorSafeSite

pytestmark = pytest.mark.usefixtures("browser_available")

CHUNK = 32
"""Every 64-byte run of a picture holds one of its CHUNK-aligned CHUNK-byte pieces."""


class Needles:
    """Every CHUNK-aligned piece of each picture, as bytes and as base64 (3 alignments)."""

    def __init__(self, pictures: dict[str, bytes]) -> None:
        self.pieces: dict[bytes, str] = {}
        for name, data in pictures.items():
            forms = [data] + [base64.b64encode(data[k:]) for k in range(3)]
            for form in forms:
                for at in range(0, len(form) - CHUNK + 1, CHUNK):
                    self.pieces[form[at : at + CHUNK]] = name

    def found_in(self, hay: bytes) -> set[str]:
        pieces = self.pieces
        return {
            pieces[c] for i in range(len(hay) - CHUNK + 1) if (c := hay[i : i + CHUNK]) in pieces
        }


def test_needles_find_a_picture_in_any_form() -> None:
    """The search itself works: a run of 64 bytes at any offset, raw or base64, is found."""
    picture = bytes(range(256)) * 4
    needles = Needles({"p": picture})
    for offset in (0, 1, 31, 33, 100):
        run = picture[offset : offset + 64]
        assert needles.found_in(b"x" * 7 + run + b"y") == {"p"}
        assert needles.found_in(b"x" + base64.b64encode(picture[offset : offset + 96])) == {"p"}
    assert needles.found_in(b"nothing of it" * 100) == set()


class TempWatch:
    """Reads every file under the watched folders while the capture runs and once more before
    each browser folder is removed, keeping what it read (by path) to be searched after."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = list(folders)
        self.seen: dict[str, bytes] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def read_all(self) -> None:
        for folder in list(self.folders):
            for parent, _dirs, files in os.walk(folder):  # a folder going meanwhile is skipped
                for name in files:
                    path = Path(parent) / name
                    try:
                        if path.is_symlink():
                            continue
                        data = path.read_bytes()
                    except OSError:
                        continue
                    if data and data != self.seen.get(str(path)):
                        self.seen[str(path)] = self.seen.get(str(path), b"") + data

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.read_all()

    def __enter__(self) -> TempWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)
        self.read_all()


@pytest.fixture
def watched_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TempWatch]:
    """Every browser temp folder of the run, and the process's own temp folder, watched."""
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(own_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(own_tmp))
    watch = TempWatch([own_tmp])
    made = tempdirs.make_temp_dir

    def make_and_watch() -> Any:
        folder, in_ram, lock = made()
        watch.folders.append(folder)
        return folder, in_ram, lock

    class ShutilScanningFirst:
        def __getattr__(self, name: str) -> Any:
            return getattr(shutil, name)

        @staticmethod
        def rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
            watch.read_all()  # the last look before the browser's folder goes
            shutil.rmtree(path, *args, **kwargs)

    monkeypatch.setattr(browser.tempdirs, "make_temp_dir", make_and_watch)
    monkeypatch.setattr(browser, "shutil", ShutilScanningFirst())
    with watch:
        yield watch


def vault_dump(vault: Vault) -> bytes:
    """Everything the decrypted vault holds: every row of every table, blobs' chunks included."""
    out = io.BytesIO()
    tables = [r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        for row in vault.conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                out.write(value if isinstance(value, bytes) else str(value).encode())
    return out.getvalue()


def _box_colour(shot: bytes, place: tuple[int, int, int, int]) -> tuple[int, ...] | None:
    """The one colour the place shows, or None when it shows more than one."""
    x, y, w, h = place
    with Image.open(io.BytesIO(shot)) as image:
        colours = image.convert("RGB").crop((x + 2, y + 2, x + w - 2, y + h - 2)).getcolors(64)
    return tuple(colours[0][1]) if colours is not None and len(colours) == 1 else None


def _box_is_plain(shot: bytes, place: tuple[int, int, int, int]) -> bool:
    """The place is one plain box of the covering grey."""
    colour = _box_colour(shot, place)
    return colour is not None and all(
        abs(a - b) <= 2 for a, b in zip(colour, BOX_GREY, strict=True)
    )


def test_minor_safe_capture_keeps_hashes_never_pictures(
    loop: Any, vault: Vault, tsa: Any, watched_temp: TempWatch, tmp_path: Path
) -> None:
    with MinorSafeSite() as site:
        pictures = site.pictures.all
        settings = CaptureSettings(minor_safe=True, timeout_s=90)
        (stored,) = loop.run(capture_into_vault(vault, [site.url], settings, tsa_urls=[tsa.url]))
    assert stored.ok, stored.error
    item = vault.item(stored.item.id)
    needles = Needles(pictures)

    # No run of any picture's bytes anywhere.
    names = [a.name for a in item.artifacts]
    assert "page.mhtml" not in names
    assert not any(
        n.startswith(("media/", "video/")) and not n.endswith(".info.json") for n in names
    )
    for artifact in item.artifacts:
        data = vault.read_artifact(item.id, artifact.name)
        if artifact.name.endswith(".gz"):
            data = gzip.decompress(data)
        assert needles.found_in(data) == set(), artifact.name
    assert needles.found_in(vault_dump(vault)) == set()
    browser_files = [p for p in watched_temp.seen if p.startswith(str(watched_temp.folders[1]))]
    assert len(browser_files) > 5, "the browser's temp folder was never read"
    for path, data in watched_temp.seen.items():
        assert needles.found_in(data) == set(), path
    # and every file the test's own folder holds now: the vault file, its WAL, HOME, settings
    on_disk = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()]
    assert any(p.suffix == ".ekv" for p in on_disk)
    for path in on_disk:
        assert needles.found_in(path.read_bytes()) == set(), path

    # Each picture's hashes are in the record, with its size and place.
    record = item.metadata["minor_safe"]
    by_sha = {p["sha256"]: p for p in record["pictures"]}
    for name, data in pictures.items():
        entry = by_sha[hashlib.sha256(data).hexdigest()]
        assert entry["md5"] == hashlib.md5(data, usedforsecurity=False).hexdigest()
        assert entry["bytes"] == len(data)
        if name != "video":
            hashes = hash_picture(data)
            assert (entry["pdq"], entry["width"], entry["height"]) == (
                hashes.pdq,
                hashes.width,
                hashes.height,
            )
        if name not in ("canvas", "in_shadow"):  # no place of its own in the page scan
            x, y, w, h = PLACES[name]
            assert [x, y, w, h] in entry["positions_css_px"], name
    assert item.metadata["settings"]["minor_safe"] is True

    # The WARC still parses; each picture's record says what replaced it.
    warc = vault.read_artifact(item.id, "traffic.warc.gz")
    replaced = {}
    for rec in ArchiveIterator(io.BytesIO(warc)):
        note = rec.rec_headers.get_header("EvidenceKit-Minor-Safe")
        if rec.rec_type == "response" and note and note.startswith("body-replaced"):
            body = rec.content_stream().read()
            replaced[rec.rec_headers.get_header("WARC-Target-URI").rsplit("/", 1)[-1]] = body
            assert rec.http_headers.get_header("Content-Type").startswith("text/plain")
            assert rec.http_headers.get_header("X-EvidenceKit-Orig-Content-Type")
    for path in ("p.png", "j.jpg", "bg.png", "c.png", "s.png", "f.jpg", "clip.webm"):
        assert path in replaced, path
    assert hashlib.sha256(pictures["png"]).hexdigest().encode() in replaced["p.png"]

    # The screenshots show plain boxes where the pictures were. viewport.png is taken right
    # after the load event: a frame still loading then shows nothing yet (one plain colour too).
    shot = vault.read_artifact(item.id, "screenshot.png")
    for name, place in PLACES.items():
        assert _box_is_plain(shot, place), ("screenshot.png", name, _box_colour(shot, place))
    first = vault.read_artifact(item.id, "viewport.png")
    for name, place in PLACES.items():
        assert _box_colour(first, place) is not None, ("viewport.png", name)
    assert _box_is_plain(first, PLACES["png"]) and _box_is_plain(first, PLACES["video"])


def test_a_capture_without_the_switch_keeps_the_pictures(loop: Any, vault: Vault, tsa: Any) -> None:
    """The same page captured normally: the search finds the pictures (the test can fail)."""
    with MinorSafeSite() as site:
        pictures = site.pictures.all
        (stored,) = loop.run(
            capture_into_vault(vault, [site.url], CaptureSettings(), tsa_urls=[tsa.url])
        )
    assert stored.ok, stored.error
    item = vault.item(stored.item.id)
    found: set[str] = set()
    needles = Needles({k: v for k, v in pictures.items() if k != "video"})
    for artifact in item.artifacts:
        if artifact.name.startswith("media/") or artifact.name == "page.html":
            found |= needles.found_in(vault.read_artifact(item.id, artifact.name))
    assert {"png", "jpeg", "data_url"} <= found
    shot = vault.read_artifact(item.id, "screenshot.png")
    assert not _box_is_plain(shot, PLACES["png"])


def test_capture_minor_safe_from_the_command_line(cli_vault: Any, tsa: Any) -> None:
    with MinorSafeSite() as site:
        result = cli_vault("--tsa", tsa.url, "capture", "--minor-safe", "--json", site.url)
        pictures = site.pictures.all
    assert result.code == 0, result.err
    (out,) = json.loads(result.out)
    names = [a["name"] for a in out["artifacts"]]
    assert "page.mhtml" not in names and not [n for n in names if n.startswith("media/")]
    shown = json.loads(cli_vault("show", out["id"], "--json").out)
    kept = {p["sha256"] for p in shown["metadata"]["minor_safe"]["pictures"]}
    assert {hashlib.sha256(d).hexdigest() for d in pictures.values()} <= kept

"""Import files of awkward sizes, extract them, and get the very same bytes back."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from evidencekit.jobs.imports import import_file
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE

MIB = 1024 * 1024


def _write_random(path: Path, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "wb") as handle:
        remaining = size
        while remaining:
            block = os.urandom(min(remaining, 4 * MIB))
            digest.update(block)
            handle.write(block)
            remaining -= len(block)
    return digest.hexdigest()


@pytest.mark.parametrize("size", [0, 1, MIB + 1, 50 * MIB], ids=["0B", "1B", "1MiB+1", "50MiB"])
def test_import_extract_round_trip(vault: Vault, tmp_path: Path, size: int) -> None:
    source = tmp_path / f"evidence-{size}.bin"
    expected = _write_random(source, size)

    item = import_file(vault, source, case="Round trip")

    original = item.artifact(f"original/{source.name}")
    assert original is not None
    assert original.size == size
    assert original.sha256 == expected
    out = tmp_path / "out.bin"
    info = vault.extract_artifact(item.id, original.name, out)
    assert info.sha256 == expected
    assert hashlib.sha256(out.read_bytes()).hexdigest() == expected
    assert out.stat().st_size == size
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)
    # The manifest names the file by the same hash, and is itself the seal digest.
    manifest = vault.read_artifact(item.id, "manifest.json")
    assert hashlib.sha256(manifest).hexdigest() == item.manifest_sha256
    listed = {a["name"]: a for a in json.loads(manifest)["artifacts"]}
    assert listed[original.name]["sha256"] == expected
    assert listed[original.name]["size"] == size


def test_identical_files_are_stored_once(vault: Vault, tmp_path: Path) -> None:
    a, b = tmp_path / "a.jpg", tmp_path / "b.jpg"
    _write_random(a, 3 * MIB)
    b.write_bytes(a.read_bytes())
    import_file(vault, a)
    blobs_before = vault.conn.execute("SELECT count(*), sum(size) FROM blobs").fetchone()
    import_file(vault, b)
    blobs_after = vault.conn.execute("SELECT count(*), sum(size) FROM blobs").fetchone()
    # Only the second item's manifest and its signature are new: the 3 MiB body is shared.
    assert blobs_after[0] == blobs_before[0] + 2
    assert blobs_after[1] - blobs_before[1] < 4096
    assert len(vault.items()) == 2


def test_media_type_is_sniffed_not_trusted(vault: Vault, tmp_path: Path) -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
    disguised = tmp_path / "notes.txt"
    disguised.write_bytes(png + b"\x00" * 64)
    item = import_file(vault, disguised)
    assert item.artifact("original/notes.txt").media_type == "image/png"
    assert item.metadata["media_type"] == "image/png"
    assert item.metadata["original_name"] == "notes.txt"
    assert set(item.metadata["file_times"]) >= {"modified", "accessed"}


def test_streaming_keeps_memory_bounded(vault: Vault, tmp_path: Path) -> None:
    """Chunks are ~1 MiB each: a 5 MiB file is 5 rows, never one 5 MiB value."""
    source = tmp_path / "video.mp4"
    _write_random(source, 5 * MIB + 7)
    item = import_file(vault, source)
    sha = item.artifact("original/video.mp4").sha256
    sizes = [
        r[0]
        for r in vault.conn.execute(
            "SELECT length(c.data) FROM chunks c JOIN blobs b ON b.id = c.blob_id "
            "WHERE b.sha256 = ? ORDER BY c.seq",
            (sha,),
        )
    ]
    assert sizes == [MIB] * 5 + [7]


def test_reopen_after_close_sees_everything(vault_path: Path, settings, tmp_path: Path) -> None:
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as v:
        f = tmp_path / "chat.txt"
        f.write_text("Ti je e imja. Do ta shpërndaj foton.", encoding="utf-8")
        item = import_file(v, f, case="Rasti 1", note="nga telefoni")
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as v:
        again = v.item(item.id)
        assert again.manifest_sha256 == item.manifest_sha256
        assert [n.body for n in again.notes] == ["nga telefoni"]
        # Full-text search over captured text, accent-insensitive, prefix-matching.
        assert [i.id for i in v.search("shperndaj")] == [item.id]
        assert [i.id for i in v.search("telef")] == [item.id]
        assert v.search("absent-word") == []
        assert [c.name for c in v.cases()] == ["Rasti 1"]


def test_plaintext_parts_of_a_killed_copy_are_swept(vault_path: Path, settings, tmp_path: Path):
    """A copy killed half way leaves `.name.<hex>.part` (decrypted bytes) in the output folder;
    the next writer removes it, but never a part another process is still writing."""
    import fcntl

    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as v:
        source = tmp_path / "photo.png"
        source.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(1000))
        item = import_file(v, source)
        v.extract_artifact(item.id, "original/photo.png", out_dir / "copy.png")
    orphan = out_dir / ".copy2.png.0123456789ab.part"
    orphan.write_bytes(b"decrypted evidence")
    busy = out_dir / ".copy3.png.ba9876543210.part"
    busy.write_bytes(b"being written")
    unrelated = out_dir / ".notes.part"
    unrelated.write_bytes(b"someone else's")
    with open(busy, "rb") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True):
            pass
        assert not orphan.exists()
        assert busy.exists() and unrelated.exists()
    assert (out_dir / "copy.png").read_bytes() == source.read_bytes()

"""The vault's picture hashes (issue 14): kept at import time, matched across items, the schema
step from version 4 that holds them, and the older items hashed later by a command."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from PIL import Image, ImageOps

from evidencekit.config import Settings
from evidencekit.jobs.imports import import_files
from evidencekit.jobs.reposts import describe, hash_older_items, reposts_of
from evidencekit.picture_hashes import hash_picture
from evidencekit.vault import schema
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE, closed_port_url

PHOTOS = Path(__file__).resolve().parent.parent / "support" / "photos"


def _import(vault: Vault, *paths: Path, case: str | None = None) -> list[str]:
    done = asyncio.run(
        import_files(
            vault, list(paths), tsa_urls=[closed_port_url()], on_bad_file="refuse_all", case=case
        )
    )
    return [d.item.id for d in done if d.item is not None]


def _recompressed(tmp_path: Path, photo: str, name: str, *, scale: float, quality: int) -> Path:
    """The photo as a platform would hand it out again: resized and re-compressed."""
    image = Image.open(PHOTOS / photo).convert("RGB")
    image = image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS)
    out = tmp_path / name
    image.save(out, format="JPEG", quality=quality)
    return out


def _flat(tmp_path: Path, name: str, shade: int) -> Path:
    """A nearly flat picture (quality below 50): its PDQ hash says almost nothing."""
    image = Image.new("RGB", (200, 200), (shade, shade, shade))
    image.putpixel((shade % 200, 7), (shade + 3, shade, shade))  # different bytes each time
    out = tmp_path / name
    image.save(out, format="PNG")
    return out


def test_imported_pictures_are_hashed_and_reposts_found_across_items(
    vault: Vault, tmp_path: Path
) -> None:
    first, other, repost = _import(
        vault,
        PHOTOS / "cat.jpg",
        PHOTOS / "coffee.jpg",
        _recompressed(tmp_path, "cat.jpg", "cat-again.jpg", scale=0.6, quality=45),
    )
    (kept,) = vault.picture_hashes(first)
    expected = hash_picture((PHOTOS / "cat.jpg").read_bytes())
    assert (kept.name, kept.sha256, kept.md5, kept.pdq, kept.pdq_quality) == (
        "original/cat.jpg", expected.sha256, expected.md5, expected.pdq, expected.pdq_quality
    )  # fmt: skip
    assert (kept.width, kept.height, kept.stored) == (360, 239, True)
    assert kept.size == (PHOTOS / "cat.jpg").stat().st_size

    (found,) = reposts_of(vault, repost)
    assert (found.other_item, found.picture, found.other_picture) == (
        first, "original/cat-again.jpg", "original/cat.jpg"
    )  # fmt: skip
    assert not found.same_bytes and 0 < found.distance <= 31
    assert [r.other_item for r in reposts_of(vault, first)] == [repost]  # both ways
    assert reposts_of(vault, other) == []  # a different photo matches nothing
    words = describe(found, vault.item(first))
    assert f"already appears in item {first}" in words.en and "imported" in words.en
    assert f"gjendet tashmë te prova {first}" in words.sq


def test_the_same_file_twice_is_found_by_its_bytes(vault: Vault) -> None:
    (a,) = _import(vault, PHOTOS / "rocket.jpg", case="A")
    (b,) = _import(vault, PHOTOS / "rocket.jpg", case="B")
    (found,) = reposts_of(vault, b)
    assert found.other_item == a and found.same_bytes and found.distance == 0


def test_quality_gate_keeps_flat_pictures_from_matching(vault: Vault, tmp_path: Path) -> None:
    one, two = _import(vault, _flat(tmp_path, "grey1.png", 120), _flat(tmp_path, "grey2.png", 121))
    a, b = vault.picture_hashes(one)[0], vault.picture_hashes(two)[0]
    assert a.pdq_quality is not None and a.pdq_quality < 50
    assert a.sha256 != b.sha256
    assert reposts_of(vault, one) == [] and reposts_of(vault, two) == []


def test_a_file_that_is_not_a_picture_keeps_its_byte_hashes(vault: Vault, tmp_path: Path) -> None:
    fake = tmp_path / "broken.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # sniffed as a PNG, does not decode
    (item,) = _import(vault, fake)
    (kept,) = vault.picture_hashes(item)
    assert kept.pdq is None and kept.pdq_quality is None and len(kept.md5) == 32
    assert vault.items_to_hash() == []  # looked at: not hashed again and again


def test_a_version_4_vault_gains_the_index_and_its_items_are_hashed_by_command(
    vault_path: Path, settings: Settings
) -> None:
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as vault:
        old, other = _import(vault, PHOTOS / "astronaut.jpg", PHOTOS / "coffee.jpg")
        # Back to what a version-4 vault is: no picture tables at all.
        vault.conn.execute("DROP TABLE picture_hashes")
        vault.conn.execute("DROP TABLE picture_hashes_done")
        vault.conn.execute("PRAGMA user_version = 4")
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert schema.CURRENT_VERSION == 5
        assert vault.picture_hashes(old) == []
        assert vault.items_to_hash() == [old, other]  # stored before version 5
        data = io.BytesIO()
        Image.open(PHOTOS / "astronaut.jpg").save(data, format="PNG")  # same picture, new bytes
        again = tmp = vault_path.parent / "astronaut.png"
        tmp.write_bytes(data.getvalue())
        (new,) = _import(vault, again)
        assert reposts_of(vault, new) == []  # the old item is not hashed yet
        assert hash_older_items(vault) == 2
        assert vault.items_to_hash() == []
        (found,) = reposts_of(vault, new)
        assert found.other_item == old and found.distance <= 2
        assert verify_vault(vault).ok  # the evidence itself is untouched
        assert hash_older_items(vault) == 0


def test_deleting_an_item_removes_its_picture_hashes(vault: Vault) -> None:
    a, b = _import(vault, PHOTOS / "cat.jpg", PHOTOS / "cat.jpg")
    assert len(reposts_of(vault, b)) == 1
    vault.delete_item(a, reason="test")
    assert reposts_of(vault, b) == []
    assert [p.item_id for p in vault.picture_fingerprints()] == [b]


def test_a_mirrored_repost_is_found_from_either_side(vault: Vault, tmp_path: Path) -> None:
    mirrored = tmp_path / "mirrored.jpg"
    ImageOps.mirror(Image.open(PHOTOS / "coffee.jpg").convert("RGB")).save(mirrored, quality=80)
    first, second = _import(vault, PHOTOS / "coffee.jpg", mirrored)
    (kept,) = vault.picture_hashes(first)
    assert len(kept.pdq_turned) == 7  # kept with the item, so either side can be compared
    (found,) = reposts_of(vault, second)
    assert found.other_item == first and found.turned and not found.same_bytes
    assert found.distance <= 31
    (back,) = reposts_of(vault, first)
    assert back.other_item == second and back.turned
    assert "mirrored or turned" in describe(found, vault.item(first)).en


def test_an_unexpected_hashing_error_never_fails_the_import(
    vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    """The hook runs after the item is stored and sealed: whatever goes wrong in it (a bug, a
    decoder's surprise) leaves the item stored, unhashed, and found again by the later pass."""
    from evidencekit.jobs import reposts

    def surprise(name: str, data: bytes) -> object:
        raise ValueError("a decoder's surprise")

    monkeypatch.setattr(reposts, "picture_record", surprise)
    photo = tmp_path / "cat.jpg"
    photo.write_bytes((PHOTOS / "cat.jpg").read_bytes())
    (item,) = _import(vault, photo)
    assert vault.read_artifact(item, "original/cat.jpg") == photo.read_bytes()
    assert verify_vault(vault).ok
    assert vault.items_to_hash() == [item]  # not marked hashed: the later pass will do it
    monkeypatch.undo()
    assert hash_older_items(vault) == 1 and vault.picture_hashes(item)[0].pdq is not None

"""Reposts of videos across items (issue 14): real videos (PyAV) imported into a real vault,
their sampled frames hashed by the real child process at import time and matched against the
whole vault, a still picture found as a frame, a broken video stored whole and "not hashed"."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from PIL import Image

from evidencekit.jobs import reposts
from evidencekit.jobs.hash_list import case_hash_list
from evidencekit.jobs.imports import import_files
from evidencekit.jobs.reposts import describe, hash_new_item, hash_older_items, reposts_of
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import closed_port_url
from tests.test_video_frames import make_video, still


def _import(vault: Vault, *paths: Path, case: str | None = None, **options: object) -> list[str]:
    done = asyncio.run(
        import_files(vault, list(paths), tsa_urls=[closed_port_url()],
                     on_bad_file="refuse_all", case=case, **options)  # type: ignore[arg-type]
    )  # fmt: skip
    return [d.item.id for d in done if d.item is not None]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_re_encoded_cut_video_is_found_in_the_item_that_holds_the_original(
    vault: Vault, tmp_path: Path
) -> None:
    original = _write(tmp_path, "clip.mp4", make_video(["cat.jpg", "rocket.jpg", "coffee.jpg"]))
    repost = _write(
        tmp_path, "again.webm",
        make_video(["cat.jpg", "rocket.jpg", "coffee.jpg"], container="webm",
                   codec="libvpx-vp9", size=(240, 160), bit_rate=60_000, skip_s=2.0),
    )  # fmt: skip
    other = _write(tmp_path, "other.webm", make_video(["astronaut.jpg"], container="webm",
                                                     codec="libvpx-vp9"))  # fmt: skip
    first, second, third = _import(vault, original, repost, other, case="videos")

    kept = vault.picture_hashes(first)
    assert [p.name for p in kept] == [
        "original/clip.mp4", "original/clip.mp4@0.0s", "original/clip.mp4@2.0s",
        "original/clip.mp4@4.0s",
    ]  # fmt: skip
    file_row, *frames = kept
    item = vault.item(first)
    assert file_row.pdq is None and file_row.sha256 == item.artifact("original/clip.mp4").sha256
    assert all(f.pdq and f.pdq_quality >= 50 and f.sha256 == file_row.sha256 for f in frames)
    assert (frames[0].width, frames[0].height) == (360, 240)

    (found,) = reposts_of(vault, second)  # one line per video, not one per frame
    assert found.other_item == first and not found.same_bytes
    assert found.picture.startswith("original/again.webm@")
    assert found.other_picture.startswith("original/clip.mp4@")
    words = describe(found, vault.item(first))
    assert words.en.startswith("A frame of this video (original/again.webm, at ")
    assert f"already appears in item {first}, in its video original/clip.mp4 at " in words.en
    assert "Një kuadër i kësaj videoje" in words.sq
    assert [r.other_item for r in reposts_of(vault, first)] == [second]  # found from both sides
    assert reposts_of(vault, third) == []  # a different video is not matched

    rows = case_hash_list(vault, "videos")  # the hash list names each frame and its video
    assert b"original/clip.mp4@2.0s" in rows.csv


def test_a_still_picture_that_is_a_frame_of_a_stored_video_is_found(
    vault: Vault, tmp_path: Path
) -> None:
    (video,) = _import(vault, _write(tmp_path, "clip.mp4", make_video(["cat.jpg", "rocket.jpg"])))
    frame = tmp_path / "screenshot-of-the-video.jpg"
    Image.fromarray(still("rocket.jpg", (300, 200))).save(frame, quality=60)
    (picture,) = _import(vault, frame)
    (found,) = reposts_of(vault, picture)
    assert (found.other_item, found.other_picture) == (video, "original/clip.mp4@2.0s")
    assert describe(found, vault.item(video)).en.startswith(
        f"This picture (original/screenshot-of-the-video.jpg) is a frame of the video "
        f"original/clip.mp4 (at 2.0 s) in item {video} ("
    )
    (back,) = reposts_of(vault, video)
    assert describe(back, vault.item(picture)).en.startswith(
        "A frame of this video (original/clip.mp4, at 2.0 s) already appears in item "
    )


def test_the_same_video_file_twice_is_told_once_as_the_same_file(
    vault: Vault, tmp_path: Path
) -> None:
    data = make_video(["coffee.jpg", "cat.jpg"])
    first, second = _import(vault, _write(tmp_path, "a.mp4", data), _write(tmp_path, "b.mp4", data))
    (found,) = reposts_of(vault, second)
    assert (found.picture, found.other_picture, found.same_bytes) == (
        "original/b.mp4", "original/a.mp4", True
    )  # fmt: skip
    assert describe(found, vault.item(first)).en.startswith(
        f"This video (original/b.mp4) already appears in item {first} ("
    )


def test_a_broken_video_is_stored_whole_and_not_hashed_with_a_reason(
    vault: Vault, tmp_path: Path
) -> None:
    whole = make_video(["cat.jpg", "rocket.jpg"])
    broken = _write(tmp_path, "broken.mp4", whole[: len(whole) // 2])  # cut off: no index
    (item_id,) = _import(vault, broken)
    item = vault.item(item_id)
    assert vault.read_artifact(item_id, "original/broken.mp4") == broken.read_bytes()
    assert verify_vault(vault).ok
    (row,) = vault.picture_hashes(item_id)  # the file's hashes, no frame
    assert row.name == "original/broken.mp4" and row.pdq is None and row.size == len(whole) // 2
    assert vault.items_to_hash() == []
    # The import's own hook already wrote down, in the custody log, what was not hashed and why.
    (logged,) = [e for e in vault.custody([item_id]) if e.action == "picture-hashes-incomplete"]
    reason = "not hashed: original/broken.mp4: it is not a video that can be read"
    assert logged.details == {"not_hashed": [reason]}
    reasons = asyncio.run(hash_new_item(vault, asyncio.Lock(), item.id))
    assert reasons == [reason]


def test_a_minor_safe_video_keeps_no_bytes_so_no_frames(vault: Vault, tmp_path: Path) -> None:
    (item_id,) = _import(vault, _write(tmp_path, "clip.mp4", make_video(["cat.jpg"])),
                         minor_safe=True)  # fmt: skip
    item = vault.item(item_id)
    assert not any(a.media_type.startswith("video/") for a in item.artifacts)
    assert all("@" not in p.name for p in vault.picture_hashes(item_id))


def test_a_video_too_large_to_decode_keeps_its_file_hashes_and_says_why(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_video(["cat.jpg"])
    monkeypatch.setattr(reposts, "MAX_VIDEO_BYTES", len(data) - 1)
    (item_id,) = _import(vault, _write(tmp_path, "big.mp4", data))
    (row,) = vault.picture_hashes(item_id)
    assert (row.name, row.pdq, row.size) == ("original/big.mp4", None, len(data))
    assert row.md5 == hashlib.md5(data, usedforsecurity=False).hexdigest()
    reasons = asyncio.run(hash_new_item(vault, asyncio.Lock(), item_id))
    assert reasons == [f"not hashed: original/big.mp4: {reposts.TOO_LARGE}"]
    vault.set_picture_hashes(item_id, [])  # and the later pass (older items) does the same
    with vault.transaction() as conn:
        conn.execute("DELETE FROM picture_hashes_done")
    assert hash_older_items(vault) == 1
    assert [p.name for p in vault.picture_hashes(item_id)] == ["original/big.mp4"]


def test_older_items_videos_are_sampled_by_the_later_pass(vault: Vault, tmp_path: Path) -> None:
    (item_id,) = _import(vault, _write(tmp_path, "clip.mp4", make_video(["cat.jpg", "rocket.jpg"])))
    before = vault.picture_hashes(item_id)
    vault.set_picture_hashes(item_id, [])
    with vault.transaction() as conn:
        conn.execute("DELETE FROM picture_hashes_done")
    assert hash_older_items(vault) == 1
    assert vault.picture_hashes(item_id) == before

"""A capture's picture hashes taken from its bytes in memory, beside the store (issue 15).

`reposts.hash_new_item` reads a just-stored item's pictures back from the vault. A capture
need not: its artifacts are in memory (`ArtifactSource.data`), and the very objects handed to
`Vault.add_item` are hashed here while it writes them, so the hashes are of exactly the bytes
stored (Python's `bytes` cannot change; `Vault.add_item` names the same objects in the manifest).
The records are the ones `reposts.picture_records` makes from the stored files, row for row
(a file whose bytes equal an earlier one's takes that one's rows under its own name: decoding
is deterministic, so a second child for the same clip would only say it again); they are
written (`keep_hashes`, shared with `reposts.hash_new_item`) only once the item has committed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from evidencekit.jobs.minor_safe_import import hashes_only_records
from evidencekit.jobs.reposts import (
    MAX_DECODED_BYTES,
    TOO_LARGE,
    is_picture,
    is_video,
    keep_hashes,
    picture_record,
    video_records,
)
from evidencekit.vault.picture_index import PictureRecord
from evidencekit.vault.records import ArtifactSource
from evidencekit.video_frames import MAX_VIDEO_BYTES

log = logging.getLogger(__name__)


def file_record(name: str, data: bytes) -> PictureRecord:
    """A file's SHA-256 and MD5 only (a video or picture too large to decode), as
    `reposts._large_record` makes it from the stored file."""
    sha256 = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return PictureRecord(name, len(data), sha256, md5, None, None, None, None)


def _same_bytes(data: bytes, done: dict[int, list[bytes]]) -> bytes | None:
    """An earlier file of `done` (by length) with exactly these bytes, or None."""
    for earlier in done.get(len(data), []):
        if earlier is data or earlier == data:
            return earlier
    return None


def _renamed(rows: list[PictureRecord], old: str, new: str) -> list[PictureRecord]:
    """Another file's rows for a file of the very same bytes: the same hashes under its own
    name (a frame's `<video>@<seconds>s` keeps its suffix)."""
    return [dataclasses.replace(row, name=new + row.name[len(old) :]) for row in rows]


async def _hash_videos(
    videos: list[ArtifactSource],
) -> dict[str, tuple[list[PictureRecord], str | None]]:
    """Each video's rows and why it was not hashed, one child at a time (as many as before);
    a video of the same bytes as one already hashed (a page showing the same clip twice, or
    yt-dlp's copy of the page's own) takes its rows, renamed, without another child."""
    out: dict[str, tuple[list[PictureRecord], str | None]] = {}
    done: dict[int, list[bytes]] = {}
    first: dict[int, str] = {}  # id of the bytes object -> the video hashed from it
    for source in videos:
        data = source.data
        assert data is not None
        if len(data) > MAX_VIDEO_BYTES:
            out[source.name] = (
                [await asyncio.to_thread(file_record, source.name, data)],
                TOO_LARGE,
            )
            continue
        same = _same_bytes(data, done)
        if same is not None:
            rows, why = out[first[id(same)]]
            out[source.name] = (_renamed(rows, first[id(same)], source.name), why)
            continue
        out[source.name] = await asyncio.to_thread(video_records, source.name, data)
        done.setdefault(len(data), []).append(data)
        first[id(data)] = source.name
    return out


async def hash_in_memory(
    sources: Sequence[ArtifactSource], metadata: dict[str, Any]
) -> tuple[list[PictureRecord], list[str]]:
    """The records of every kept picture and video among `sources` (the objects being
    stored), hashed off the event loop one file at a time (a cancel stops between files), the
    videos' child beside the pictures' thread; and one line per video not hashed
    ("not hashed: <video>: <plain reason>"), in the stored item's order."""
    ordered = sorted(sources, key=lambda s: s.name)  # the stored item's order
    if any(source.data is None for source in ordered):  # a streamed import: hash_new_item
        raise ValueError("not every artifact is in memory")
    videos = asyncio.ensure_future(_hash_videos([s for s in ordered if is_video(s)]))
    try:
        pictures: dict[str, PictureRecord] = {}
        done: dict[int, list[bytes]] = {}
        first: dict[int, str] = {}
        for source in ordered:
            data = source.data
            assert data is not None
            if is_video(source) or not is_picture(source):
                continue
            same = _same_bytes(data, done)
            if same is not None:
                pictures[source.name] = _renamed([pictures[first[id(same)]]],
                                                 first[id(same)], source.name)[0]  # fmt: skip
                continue
            if len(data) > MAX_DECODED_BYTES:
                pictures[source.name] = await asyncio.to_thread(file_record, source.name, data)
            else:
                pictures[source.name] = await asyncio.to_thread(picture_record, source.name, data)
            done.setdefault(len(data), []).append(data)
            first[id(data)] = source.name
        hashed_videos = await videos
    except BaseException:
        videos.cancel()
        await asyncio.gather(videos, return_exceptions=True)
        raise
    records: list[PictureRecord] = []
    not_hashed: list[str] = []
    for source in ordered:
        if source.name in hashed_videos:
            rows, why = hashed_videos[source.name]
            records += rows
            if why is not None:
                not_hashed.append(f"not hashed: {source.name}: {why}")
        elif source.name in pictures:
            records.append(pictures[source.name])
    records += hashes_only_records(metadata)  # minor-safe: hashes, never the pictures
    return records, not_hashed


__all__ = ["file_record", "hash_in_memory", "keep_hashes"]

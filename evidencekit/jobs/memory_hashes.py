"""A capture's picture hashes taken from its bytes in memory, beside the store (issue 15).

`reposts.hash_new_item` reads a just-stored item's pictures back from the vault. A capture
need not: its artifacts are in memory (`ArtifactSource.data`), and the very objects handed to
`Vault.add_item` are hashed here while it writes them, so the hashes are of exactly the bytes
stored (Python's `bytes` cannot change; `Vault.add_item` names the same objects in the manifest).
The records are the ones `reposts.picture_records` makes from the stored files, row for row;
they are written (`keep_hashes`) only once the item has committed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from evidencekit.blocking import run_blocking
from evidencekit.jobs.minor_safe_import import hashes_only_records
from evidencekit.jobs.reposts import (
    MAX_DECODED_BYTES,
    TOO_LARGE,
    is_picture,
    is_video,
    picture_record,
    video_records,
)
from evidencekit.vault.picture_index import PictureRecord
from evidencekit.vault.records import ArtifactSource
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject
from evidencekit.video_frames import MAX_VIDEO_BYTES

log = logging.getLogger(__name__)


def file_record(name: str, data: bytes) -> PictureRecord:
    """A file's SHA-256 and MD5 only (a video or picture too large to decode), as
    `reposts._large_record` makes it from the stored file."""
    sha256 = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return PictureRecord(name, len(data), sha256, md5, None, None, None, None)


async def hash_in_memory(
    sources: Sequence[ArtifactSource], metadata: dict[str, Any]
) -> tuple[list[PictureRecord], list[str]]:
    """The records of every kept picture and video among `sources` (the objects being
    stored), hashed off the event loop one file at a time (a cancel stops between files),
    and one line per video not hashed ("not hashed: <video>: <plain reason>")."""
    records: list[PictureRecord] = []
    not_hashed: list[str] = []
    for source in sorted(sources, key=lambda s: s.name):  # the stored item's order
        data = source.data
        if data is None:  # a streamed import: hash_new_item reads it back instead
            raise ValueError(f"{source.name} is not in memory")
        if is_video(source):
            if len(data) > MAX_VIDEO_BYTES:
                records.append(await asyncio.to_thread(file_record, source.name, data))
                not_hashed.append(f"not hashed: {source.name}: {TOO_LARGE}")
                continue
            rows, why = await asyncio.to_thread(video_records, source.name, data)
            records += rows
            if why is not None:
                not_hashed.append(f"not hashed: {source.name}: {why}")
        elif is_picture(source):
            if len(data) > MAX_DECODED_BYTES:
                records.append(await asyncio.to_thread(file_record, source.name, data))
            else:
                records.append(await asyncio.to_thread(picture_record, source.name, data))
    records += hashes_only_records(metadata)  # minor-safe: hashes, never the pictures
    return records, not_hashed


async def keep_hashes(
    vault: Vault,
    vault_lock: asyncio.Lock,
    item_id: str,
    records: list[PictureRecord],
    not_hashed: list[str],
) -> None:
    """Write the records for the stored item, and what could not be hashed and why (the
    custody entry ``picture-hashes-incomplete``), as `hash_new_item` does."""
    await run_blocking(vault_lock, vault.set_picture_hashes, item_id, records)
    if not_hashed:
        await run_blocking(
            vault_lock,
            vault.log_action,
            "picture-hashes-incomplete",
            item_subject(item_id),
            {"not_hashed": not_hashed},
        )

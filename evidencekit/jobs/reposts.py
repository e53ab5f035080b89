"""Reposts found without looking (issue 14): hash each kept picture, match it to the vault.

When an item is stored, its pictures (a capture's `media/<name>`, an imported
`original/<name>`; not the screenshots, which show a whole page and would only "match" other
captures of the same page) are hashed (`evidencekit/picture_hashes.py`) off the vault lock and
the hashes kept with the item: an import's read back from the vault by `hash_new_item`, a
capture's from its bytes in memory while they are stored (`memory_hashes.py`, the same records).
`reposts_of` then names every other item holding the same picture: the same bytes
(SHA-256), or the same picture by PDQ — a distance of at most `MATCH_DISTANCE` bits between
two hashes that both have a quality of at least `MIN_QUALITY` (Meta's published defaults).
Nobody has to look at a picture for this; the front ends show the match as words and a link,
with both pictures blurred.

Videos kept with an item (a capture's `media/` and yt-dlp's `video/`, an imported
`original/`) are hashed too: one row for the file (SHA-256, MD5) and one per sampled frame,
named `<video>@<seconds>s` (`evidencekit/video_frames.py`, decoded in a limited child
process). Their matches are told per video, not per frame. Minor-safe items keep no video
bytes, so there is nothing to sample there.

Items stored before the vault had this index (schema version 5) are hashed by
`hash_older_items` (`evidencekit hashes --index`, and before a case's hash list is written),
not on migration: opening a vault must stay quick, and a reader cannot write.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from evidencekit.bilingual import Bi
from evidencekit.blocking import run_blocking
from evidencekit.errors import EvidenceKitError
from evidencekit.jobs.minor_safe_import import hashes_only_records
from evidencekit.picture_hashes import (
    MATCH_DISTANCE,
    MIN_QUALITY,
    NotAPicture,
    PdqTable,
    hash_picture,
)
from evidencekit.seal.manifest import ArtifactEntry
from evidencekit.vault.picture_index import Fingerprint, PictureRecord
from evidencekit.vault.records import ArtifactSource, ItemRecord
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject
from evidencekit.video_frames import MAX_VIDEO_BYTES, frame_name, hash_video, video_of

log = logging.getLogger(__name__)

PICTURE_FOLDERS = ("media/", "original/")
VIDEO_FOLDERS = ("media/", "original/", "video/")
# A picture file bigger than this is hashed by SHA-256 and MD5 only (its pixels would not fit
# in memory on a small laptop); its bytes are still read in chunks.
MAX_DECODED_BYTES = 64 * 1024 * 1024
TOO_LARGE = f"it is larger than {MAX_VIDEO_BYTES // (1024 * 1024)} MB"


def is_picture(artifact: ArtifactEntry | ArtifactSource) -> bool:
    """A kept picture of the post or an imported picture (not a screenshot of the page)."""
    return artifact.media_type.startswith("image/") and artifact.name.startswith(PICTURE_FOLDERS)


def is_video(artifact: ArtifactEntry | ArtifactSource) -> bool:
    """A kept video of the post (the page's or yt-dlp's) or an imported video."""
    return artifact.media_type.startswith("video/") and artifact.name.startswith(VIDEO_FOLDERS)


def video_records(name: str, data: bytes) -> tuple[list[PictureRecord], str | None]:
    """The video file's row (SHA-256, MD5; no PDQ) and one row per sampled frame (the file's
    hashes, the frame's PDQ and size), and the plain reason when no frame was hashed."""
    sha256 = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    found = hash_video(data)
    records = [PictureRecord(name, len(data), sha256, md5, None, None, None, None)]
    for frame in found.frames:
        records.append(
            PictureRecord(frame_name(name, frame.at), len(data), sha256, md5, frame.pdq,
                          frame.pdq_quality, frame.width, frame.height,
                          pdq_turned=frame.pdq_turned)
        )  # fmt: skip
    if found.not_hashed is not None:
        log.warning("video %s not hashed: %s", name, found.not_hashed)
    return records, found.not_hashed


def picture_record(name: str, data: bytes) -> PictureRecord:
    """The hashes of one picture file; bytes that do not decode keep SHA-256 and MD5 only."""
    try:
        hashes = hash_picture(data)
    except NotAPicture:
        return PictureRecord(
            name=name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
            pdq=None,
            pdq_quality=None,
            width=None,
            height=None,
        )
    return PictureRecord(
        name=name,
        size=len(data),
        sha256=hashes.sha256,
        md5=hashes.md5,
        pdq=hashes.pdq,
        pdq_quality=hashes.pdq_quality,
        width=hashes.width,
        height=hashes.height,
        pdq_turned=hashes.pdq_turned,
    )


def _large_record(vault: Vault, item_id: str, artifact: ArtifactEntry) -> PictureRecord:
    md5 = hashlib.md5(usedforsecurity=False)
    for chunk in vault.iter_artifact(item_id, artifact.name):  # checked against its SHA-256
        md5.update(chunk)
    return PictureRecord(
        artifact.name, artifact.size, artifact.sha256, md5.hexdigest(), None, None, None, None
    )


def picture_records(vault: Vault, item: ItemRecord) -> list[PictureRecord]:
    """The hashes of the item's pictures, made now from its stored files (nothing is kept)."""
    records = []
    for artifact in item.artifacts:
        if is_video(artifact):
            if artifact.size > MAX_VIDEO_BYTES:  # its file's hashes only, read in chunks
                records.append(_large_record(vault, item.id, artifact))
            else:
                data = vault.read_artifact(item.id, artifact.name)
                records += video_records(artifact.name, data)[0]
            continue
        if not is_picture(artifact):
            continue
        if artifact.size > MAX_DECODED_BYTES:
            records.append(_large_record(vault, item.id, artifact))
        else:
            data = vault.read_artifact(item.id, artifact.name)
            records.append(picture_record(artifact.name, data))
    records += hashes_only_records(item.metadata)  # minor-safe: hashes, never the pictures
    return records


def hash_item(vault: Vault, item_id: str) -> list[PictureRecord]:
    """Hash the item's pictures and keep the hashes with it (blocking; the vault's thread)."""
    item = vault.item(item_id)
    records = picture_records(vault, item)
    vault.set_picture_hashes(item.id, records)
    return records


async def hash_new_item(vault: Vault, vault_lock: asyncio.Lock, item_id: str) -> list[str]:
    """The capture's and the import's hook: hash a just-stored item's pictures and videos,
    reading under the vault lock and decoding outside it. Never fails the capture: a failure
    is logged and the item stays unhashed, so `hash_older_items` finds it later. Returns one
    line per video not hashed: "not hashed: <video>: <plain reason>"."""
    not_hashed: list[str] = []
    try:
        item: ItemRecord = await run_blocking(vault_lock, vault.item, item_id)
        records = []
        for artifact in item.artifacts:
            if is_video(artifact) and artifact.size > MAX_VIDEO_BYTES:
                records.append(
                    await run_blocking(vault_lock, _large_record, vault, item.id, artifact)
                )
                not_hashed.append(f"not hashed: {artifact.name}: {TOO_LARGE}")
                continue
            if is_video(artifact):
                data = await run_blocking(vault_lock, vault.read_artifact, item.id, artifact.name)
                rows, why = await asyncio.to_thread(video_records, artifact.name, data)
                del data  # the video's bytes: only as long as the child needs them
                records += rows
                if why is not None:
                    not_hashed.append(f"not hashed: {artifact.name}: {why}")
                continue
            if not is_picture(artifact):
                continue
            if artifact.size > MAX_DECODED_BYTES:
                records.append(
                    await run_blocking(vault_lock, _large_record, vault, item.id, artifact)
                )
                continue
            data = await run_blocking(vault_lock, vault.read_artifact, item.id, artifact.name)
            records.append(await asyncio.to_thread(picture_record, artifact.name, data))
        records += hashes_only_records(item.metadata)  # minor-safe: hashes, never the pictures
        await keep_hashes(vault, vault_lock, item.id, records, not_hashed)
    except EvidenceKitError as error:
        log.warning("the pictures of item %s were not hashed: %s", item_id, error)
    except Exception:  # a bug or a decoder's surprise must not turn a stored page into a failure
        log.exception("the pictures of item %s were not hashed", item_id)
    return not_hashed


async def keep_hashes(
    vault: Vault,
    vault_lock: asyncio.Lock,
    item_id: str,
    records: list[PictureRecord],
    not_hashed: list[str],
) -> None:
    """Write a stored item's picture records, and what could not be hashed and why (the
    custody entry ``picture-hashes-incomplete``): the record says so."""
    await run_blocking(vault_lock, vault.set_picture_hashes, item_id, records)
    if not_hashed:
        await run_blocking(
            vault_lock,
            vault.log_action,
            "picture-hashes-incomplete",
            item_subject(item_id),
            {"not_hashed": not_hashed},
        )


def hash_older_items(
    vault: Vault, case: str | None = None, on_item: Callable[[str], None] | None = None
) -> int:
    """Hash the pictures of every item (of `case`) stored without: returns how many items."""
    if case is not None:
        vault.items(case)  # CaseNotFound for a case that is not there
    todo = vault.items_to_hash(case)
    for item_id in todo:
        hash_item(vault, item_id)
        if on_item is not None:
            on_item(item_id)
    return len(todo)


# --- matching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Repost:
    """A picture of one item that another item holds too."""

    picture: str  # its name in this item
    other_item: str  # the other item's id
    other_picture: str  # its name there
    distance: int  # PDQ bits apart (0 for the same bytes)
    same_bytes: bool  # the very same file (SHA-256)
    turned: bool = False  # found only mirrored or turned (Meta's dihedral PDQ forms)

    def to_json(self) -> dict[str, object]:
        return {
            "picture": self.picture,
            "other_item": self.other_item,
            "other_picture": self.other_picture,
            "pdq_distance": self.distance,
            "same_bytes": self.same_bytes,
            "mirrored_or_turned": self.turned,
        }


def matchable(picture: PictureRecord) -> bool:
    return picture.pdq is not None and (picture.pdq_quality or 0) >= MIN_QUALITY


def find_reposts(
    pictures: list[PictureRecord], index: list[Fingerprint], item_id: str
) -> list[Repost]:
    """Each other item's picture that is the same as one of `pictures` (of item `item_id`);
    per pair of pictures, one entry; nearest first. The same picture: the same bytes
    (SHA-256), or PDQ hashes at most MATCH_DISTANCE bits apart, both of at least MIN_QUALITY;
    the other picture is also compared with this one mirrored and turned (`pdq_turned`), so a
    flipped repost is found from either side. The distances to the whole index are taken at
    once (NumPy), so 20 new pictures against 10,000 take milliseconds."""
    others = [o for o in index if o.item_id != item_id]
    comparable = [i for i, o in enumerate(others) if o.pdq and (o.pdq_quality or 0) >= MIN_QUALITY]
    table = PdqTable([str(others[i].pdq) for i in comparable])
    by_sha256: dict[str, list[int]] = {}
    for at, other in enumerate(others):
        if video_of(other.name)[1] is None:  # a frame's row carries its video's SHA-256
            by_sha256.setdefault(other.sha256, []).append(at)
    found = []
    for picture in pictures:
        near: dict[int, tuple[int, bool]] = {}  # index in `others` -> (distance, turned)
        if picture.pdq and matchable(picture):
            forms = [picture.pdq, *picture.pdq_turned]
            for column, (distance, plain) in table.near(forms, MATCH_DISTANCE).items():
                near[comparable[column]] = (distance, plain > MATCH_DISTANCE)
        for at in by_sha256.get(picture.sha256, []) if video_of(picture.name)[1] is None else []:
            near[at] = (0, False)  # the very same file, whatever its quality
        for at in sorted(near):
            distance, turned = near[at]
            other = others[at]
            same = picture.sha256 == other.sha256
            found.append(Repost(picture.name, other.item_id, other.name, distance, same, turned))
    found.sort(key=lambda r: (r.distance, r.picture, r.other_item, r.other_picture))
    return _per_video(found)


def _per_video(found: list[Repost]) -> list[Repost]:
    """One entry per pair of files: of two videos (or a video and a picture) sharing many
    frames, only the nearest pair of frames is told (`found` is sorted nearest first)."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for repost in found:
        key = (video_of(repost.picture)[0], repost.other_item, video_of(repost.other_picture)[0])
        if key not in seen:
            seen.add(key)
            kept.append(repost)
    return kept


def reposts_of(vault: Vault, item_id: str) -> list[Repost]:
    """Every other item of the vault that holds one of this item's pictures (from the kept
    hashes: read-only, nothing is decoded)."""
    uid = vault.resolve(item_id)
    return find_reposts(vault.picture_hashes(uid), vault.picture_fingerprints(), uid)


def _when(timestamp: str) -> str:
    """'2026-12-01T16:05:00.123Z' -> '2026-12-01 16:05 UTC' (as recorded, never invented)."""
    if len(timestamp) >= 16 and timestamp[10] == "T":
        return f"{timestamp[:10]} {timestamp[11:16]} UTC"
    return timestamp


@dataclass(frozen=True)
class Origin:
    """Where an item's picture came from, as its record says (never guessed): for the words
    "posted by @x on …" in the CLI and the app."""

    kind: str  # "web" or "file"
    handle: str  # "@name", or "" when the page did not show one
    posted_at: str  # UTC, as the platform's page gave it, or ""
    captured_at: str
    file_name: str
    address: str


def origin(item: ItemRecord) -> Origin:
    facts = item.metadata.get("platform_facts")
    facts = facts if isinstance(facts, dict) else {}
    handle = str(facts.get("handle") or "").strip()
    if handle and not handle.startswith("@"):
        handle = "@" + handle
    return Origin(
        kind=item.kind,
        handle=handle,
        posted_at=str(facts.get("posted_at_utc") or "").strip(),
        captured_at=item.captured_at,
        file_name=item.file_name or "",
        address=item.final_url or item.url or "",
    )


def provenance(item: ItemRecord) -> Bi:
    """Who posted the other item's picture and when, as far as its record says."""
    found = origin(item)
    handle, posted = found.handle, found.posted_at
    if item.kind == "file":
        return Bi("imported {when}, file {name}", "importuar më {when}, skedari {name}").format(
            when=_when(item.captured_at), name=found.file_name
        )
    if handle and posted:
        return Bi("posted by {who} on {when}", "postuar nga {who} më {when}").format(
            who=handle, when=_when(posted)
        )
    if handle:
        return Bi("posted by {who}, captured {when}", "postuar nga {who}, kapur më {when}").format(
            who=handle, when=_when(item.captured_at)
        )
    return Bi("captured {when} from {url}", "kapur më {when} nga {url}").format(
        when=_when(item.captured_at), url=found.address
    )


def describe(repost: Repost, other: ItemRecord) -> Bi:
    """'This picture (media/a.jpg) already appears in item k3m… (posted by @x on …).'"""
    other_file = other.artifact(video_of(repost.other_picture)[0])
    if (
        video_of(repost.picture)[1] is not None
        or video_of(repost.other_picture)[1] is not None
        or (other_file is not None and other_file.media_type.startswith("video/"))
    ):
        return _describe_video(repost, other)
    if repost.same_bytes:
        how = Bi("the same file", "i njëjti skedar")
    elif repost.turned:
        how = Bi(
            "the same picture, mirrored or turned", "e njëjta foto, e pasqyruar ose e rrotulluar"
        )
    else:
        how = Bi("the same picture", "e njëjta foto")
    return Bi(
        "This picture ({picture}) already appears in item {other} ({provenance}; {how}).",
        "Kjo foto ({picture}) gjendet tashmë te prova {other} ({provenance}; {how}).",
    ).format(picture=repost.picture, other=repost.other_item, provenance=provenance(other), how=how)


def _describe_video(repost: Repost, other: ItemRecord) -> Bi:
    """The words when a video is involved: its file, or one of its sampled frames."""
    video, at = video_of(repost.picture)
    other_video, other_at = video_of(repost.other_picture)
    where = provenance(other)
    if at is None and other_at is None:  # the very same video file
        return Bi(
            "This video ({video}) already appears in item {other} ({provenance}; the same file).",
            "Kjo video ({video}) gjendet tashmë te prova {other} ({provenance}; i njëjti skedar).",
        ).format(video=video, other=repost.other_item, provenance=where)
    if at is None:  # a still picture of this item is a frame of the other item's video
        return Bi(
            "This picture ({picture}) is a frame of the video {video} (at {at} s) in item "
            "{other} ({provenance}).",
            "Kjo foto ({picture}) është një kuadër i videos {video} (në sekondën {at}) te "
            "prova {other} ({provenance}).",
        ).format(picture=video, video=other_video, at=f"{other_at:.1f}",
                 other=repost.other_item, provenance=where)  # fmt: skip
    if other_at is None:  # a frame of this video is a still picture of the other item
        return Bi(
            "A frame of this video ({video}, at {at} s) already appears in item {other} as "
            "the picture {picture} ({provenance}).",
            "Një kuadër i kësaj videoje ({video}, në sekondën {at}) gjendet tashmë te prova "
            "{other} si foto {picture} ({provenance}).",
        ).format(video=video, at=f"{at:.1f}", other=repost.other_item,
                 picture=other_video, provenance=where)  # fmt: skip
    return Bi(
        "A frame of this video ({video}, at {at} s) already appears in item {other}, in its "
        "video {other_video} at {other_at} s ({provenance}).",
        "Një kuadër i kësaj videoje ({video}, në sekondën {at}) gjendet tashmë te prova "
        "{other}, në videon e saj {other_video} në sekondën {other_at} ({provenance}).",
    ).format(video=video, at=f"{at:.1f}", other=repost.other_item, other_video=other_video,
             other_at=f"{other_at:.1f}", provenance=where)  # fmt: skip

"""What goes into a bundle, decided before a byte is written: items, attached files and their
names, which image each item shows (blurred or not), the custody entries, the signature level.

Everything here is small metadata; artifact bytes stay in the vault until the writer streams them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evidencekit import __version__
from evidencekit.bundle.images import ImageInfo, probe
from evidencekit.seal.identity import Identity
from evidencekit.seal.manifest import ArtifactEntry
from evidencekit.vault.custody import CustodyEntry
from evidencekit.vault.records import ItemRecord
from evidencekit.vault.seals import TimestampRow
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import (
    BUNDLE,
    CUSTODY,
    IDENTITY,
    VAULT,
    case_subject,
    is_kind,
    item_subject,
)

log = logging.getLogger(__name__)

_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# Files the verifier needs: always attached, even when the originals are withheld.
SEAL_FILES = ("manifest.json", "manifest.p7s", "metadata.json")
_ALREADY_COMPRESSED = re.compile(
    r"^(image/(png|jpeg|gif|webp|avif|heic|heif)|video/|audio/|application/(gzip|zip|x-gzip|"
    r"warc|pdf|timestamp-reply|pkcs7-signature|octet-stream))"
)
_PREVIEW_ORDER = ("screenshot.png", "viewport.png")


def new_bundle_id(now: dt.datetime) -> str:
    """E.g. EKB-20240501-7hk2mqpz: the date it was made, then 8 random characters."""
    return f"EKB-{now:%Y%m%d}-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))


def should_compress(name: str, media_type: str) -> bool:
    """Deflate text-like files; never data that are compressed already (PNG, gzip, video)."""
    if name.endswith((".gz", ".zip", ".png", ".jpg", ".jpeg", ".webm", ".mp4", ".tsr", ".p7s")):
        return False
    return not _ALREADY_COMPRESSED.match(media_type.lower())


def _safe(text: str) -> str:
    """An artifact name as part of a file name: no folders, no control characters."""
    cleaned = "".join("_" if c in "/\\:" or ord(c) < 32 or c == "\x7f" else c for c in text)
    return cleaned.strip() or "file"


@dataclass(frozen=True)
class PlannedFile:
    """One artifact of an item, attached to the PDF or withheld."""

    info: ArtifactEntry
    attachment: str | None  # its file name inside the PDF; None when withheld
    compress: bool

    @property
    def withheld(self) -> bool:
        return self.attachment is None


@dataclass(frozen=True)
class Preview:
    """The picture an item shows in the report."""

    artifact: ArtifactEntry
    image: ImageInfo
    blurred: bool


@dataclass(frozen=True)
class PlannedItem:
    number: int
    record: ItemRecord
    files: tuple[PlannedFile, ...]
    timestamps: tuple[TimestampRow, ...]
    preview: Preview | None
    preview_problem: str = ""  # why an image could not be shown, in plain words

    @property
    def label(self) -> str:
        return self.record.url or self.record.final_url or self.record.file_name or self.record.id

    def file(self, name: str) -> PlannedFile | None:
        return next((f for f in self.files if f.info.name == name), None)

    def token_files(self) -> list[tuple[PlannedFile, TimestampRow | None]]:
        """Each `timestamp*.tsr` artifact with the vault's record of it."""
        rows = {t.token_sha256: t for t in self.timestamps if t.token_sha256}
        return [
            (f, rows.get(f.info.sha256))
            for f in self.files
            if f.info.name.startswith("timestamp") and f.info.name.endswith(".tsr")
        ]


@dataclass(frozen=True)
class CustodyAnchor:
    """The newest trusted timestamp over the custody log's head, attached as a .tsr file."""

    seq: int
    digest: str
    tsa_url: str
    gen_time: str
    token_sha256: str
    size: int
    attachment: str


@dataclass(frozen=True)
class CustodySnapshot:
    entries: tuple[dict[str, Any], ...]  # bundle.json form: full, or hidden (hashes only)
    shown: tuple[CustodyEntry, ...]  # the full ones, for the report
    anchor: CustodyAnchor | None


@dataclass(frozen=True)
class BundlePlan:
    bundle_id: str
    created_at: dt.datetime  # UTC
    case_label: str
    operator: str
    role: str
    vault_id: str
    identity: Identity
    items: tuple[PlannedItem, ...]
    custody: CustodySnapshot
    level: str  # planned PAdES level: "B-LTA" or "B-B"
    tsa_url: str | None
    blur: bool
    include_originals: bool
    app_version: str = __version__
    notes: tuple[str, ...] = field(default=())

    def with_level(self, level: str, tsa_url: str | None) -> BundlePlan:
        from dataclasses import replace

        return replace(self, level=level, tsa_url=tsa_url)


def case_label(items: Sequence[ItemRecord], case: str | None) -> str:
    if case:
        return case
    cases = sorted({i.case for i in items if i.case})
    if not cases:
        return ""
    return cases[0] if len(cases) == 1 else ", ".join(cases)


def plan_item(
    vault: Vault,
    number: int,
    width: int,
    record: ItemRecord,
    *,
    blur: bool,
    include_originals: bool,
) -> PlannedItem:
    prefix = f"item{number:0{width}d}-{record.id}-"
    used: set[str] = set()
    files = []
    for info in record.artifacts:
        keep = include_originals or info.name in SEAL_FILES or info.name.endswith(".tsr")
        attachment = None
        if keep:
            attachment = prefix + _safe(info.name)
            while attachment in used:
                attachment = prefix + "_" + attachment[len(prefix) :]
            used.add(attachment)
        files.append(PlannedFile(info, attachment, should_compress(info.name, info.media_type)))
    # "Never show me this" (hidden) is a promise: such pictures stay blurred here too.
    preview, problem = _plan_preview(vault, record, blur=blur or record.sensitive or record.hidden)
    timestamps = tuple(vault.item_timestamps(record.id))
    return PlannedItem(number, record, tuple(files), timestamps, preview, problem)


def _plan_preview(vault: Vault, record: ItemRecord, *, blur: bool) -> tuple[Preview | None, str]:
    candidates = [record.artifact(n) for n in _PREVIEW_ORDER]
    if record.kind == "file":
        candidates += [a for a in record.artifacts if a.name.startswith("original/")]
    for artifact in candidates:
        if artifact is None or not artifact.media_type.startswith("image/"):
            continue
        head = _head(vault, record.id, artifact.name)
        info = probe(head, artifact.size)
        if info is None:
            return None, f"{artifact.name} cannot be shown as a picture here (it is attached)."
        return Preview(artifact, info, blur), ""
    return None, ""


def _head(vault: Vault, item_id: str, name: str, size: int = 256 * 1024) -> bytes:
    """The first bytes of an artifact (enough for any image header), without reading it all."""
    head = bytearray()
    for chunk in vault.iter_artifact(item_id, name):
        head += chunk
        if len(head) >= size:
            break  # the generator is closed when it is collected: nothing more is read
    return bytes(head)


def snapshot_custody(vault: Vault, items: Sequence[ItemRecord], cases: set[str]) -> CustodySnapshot:
    """The whole chain, with entries about anything not exported reduced to their hashes.

    Hidden entries keep the chain checkable (each names the hash before it) without telling the
    reader about other people's or other cases' evidence.
    """
    ids = {i.id for i in items}
    wanted = {item_subject(i) for i in ids} | {case_subject(c) for c in cases} | {VAULT, IDENTITY}
    entries: list[dict[str, Any]] = []
    shown: list[CustodyEntry] = []
    for entry in vault.custody(None):
        exported_items = entry.details.get("items") if is_kind(entry.object, BUNDLE) else None
        visible = (
            entry.object in wanted
            or is_kind(entry.object, CUSTODY)
            or (isinstance(exported_items, list) and bool(ids.intersection(exported_items)))
        )
        if visible:
            entries.append(entry.to_json())
            shown.append(entry)
        else:
            entries.append(
                {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash, "hidden": True}
            )
    return CustodySnapshot(tuple(entries), tuple(shown), _latest_anchor(vault, entries))


def _latest_anchor(vault: Vault, entries: list[dict[str, Any]]) -> CustodyAnchor | None:
    if not entries:
        return None
    head_seq = entries[-1]["seq"]
    for seq, row in vault.custody_anchors():
        if seq > head_seq:
            continue
        if row.status == "granted" and row.token_sha256 and row.gen_time:
            size = vault.blob_size(row.token_sha256)
            if size is None:
                continue  # the token's bytes are gone: nothing to attach
            return CustodyAnchor(
                seq=seq,
                digest=row.digest,
                tsa_url=row.tsa_url,
                gen_time=row.gen_time,
                token_sha256=row.token_sha256,
                size=size,
                attachment=f"custody-anchor-{seq}.tsr",
            )
    return None

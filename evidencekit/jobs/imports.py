"""Import local files (a phone screenshot, a chat export, a video) as evidence items.

`import_files` is the job both front ends run; what a bad file does to the batch is its
`on_bad_file` parameter (the command line refuses the batch, the app skips the file).

Each file is hashed while it streams into the vault; its original name, size, sniffed media type
and file times are recorded, and it gets a manifest exactly like a web capture does.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from evidencekit import __version__, build_info
from evidencekit.blocking import run_blocking
from evidencekit.capture.minor_safe_bytes import WHY, is_picture_type
from evidencekit.clock import iso_z_us, now_iso_z_ms
from evidencekit.errors import EvidenceKitError, InputFileError
from evidencekit.jobs import minor_safe_import
from evidencekit.jobs.reposts import hash_new_item
from evidencekit.sniff import SNIFF_BYTES, sniff_media_type
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault

if TYPE_CHECKING:
    from evidencekit.jobs.seal import TimestampReport

log = logging.getLogger(__name__)

# Text files up to this size are indexed for search (chat exports); bigger ones are not.
MAX_INDEXED_TEXT = 8 * 1024 * 1024


def _iso(timestamp: float) -> str:
    return iso_z_us(datetime.fromtimestamp(timestamp, UTC))


def file_times(info: os.stat_result) -> dict[str, str]:
    """The file's own times as the file system reports them (UTC). Never invented."""
    times = {"modified": _iso(info.st_mtime), "accessed": _iso(info.st_atime)}
    birth = getattr(info, "st_birthtime", None)
    if birth is not None:
        times["created"] = _iso(birth)
    if os.name == "posix":
        times["changed"] = _iso(info.st_ctime)  # inode change time on POSIX
    else:  # pragma: no cover - Windows reports creation time here
        times.setdefault("created", _iso(info.st_ctime))
    return times


@dataclass(frozen=True)
class _CheckedFile:
    path: Path
    size: int
    times: dict[str, str]


def check_input(path: Path) -> _CheckedFile:
    """Refuse what cannot be imported, with a plain reason, before anything is stored."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputFileError(f"There is no file “{path}”.") from exc
    except OSError as exc:
        raise InputFileError(f"“{path}” cannot be read: {exc.strerror}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"“{path}” is a folder. Choose the files inside it.")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"“{path}” is not a regular file.")
    if not os.access(path, os.R_OK):
        raise InputFileError(f"You don't have permission to read “{path}”.")
    return _CheckedFile(path, info.st_size, file_times(info))


class _SizeGuard:
    """Wraps the file so that a file changing while it is imported is noticed."""

    def __init__(self, handle: BinaryIO, expected: int) -> None:
        self._handle = handle
        self._expected = expected
        self.read_total = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.read_total += len(data)
        # Raising here rolls the whole import back: nothing half-true is stored.
        if self.read_total > self._expected or (not data and self.read_total != self._expected):
            raise InputFileError("The file changed while it was being imported. Try again.")
        return data


def display_name(path: Path) -> str:
    """The file's name as text. A name that is not valid UTF-8 (possible on Linux) gets
    U+FFFD for its undecodable bytes; canonical JSON and the report need real text."""
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def _safe_name(name: str) -> str:
    cleaned = "".join("_" if c in "/\\\x00" or ord(c) < 32 else c for c in name).strip()
    return cleaned or "file"


def import_file(
    vault: Vault,
    path: Path,
    *,
    case: str | None = None,
    note: str | None = None,
    consent: str | None = None,
    minor_safe: bool = False,
) -> ItemRecord:
    """Import one file as a new item. The vault is unchanged if anything fails.

    `consent` (a support worker's note of the person's consent) goes into the custody entry.
    `minor_safe` (or the case's setting): a picture or video is kept as its hashes only, a
    file that may hold pictures is refused (`minor_safe_import`).
    """
    checked = check_input(Path(path))
    minor_safe = minor_safe or vault.case_minor_safe(case)
    if minor_safe:
        minor_safe_import.check(checked.path)
    with open(checked.path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        media_type = sniff_media_type(head, complete=checked.size <= SNIFF_BYTES)
        hashes_only = minor_safe and is_picture_type(media_type)
        text = ""
        if media_type.startswith("text/") and checked.size <= MAX_INDEXED_TEXT and not hashes_only:
            text = handle.read().decode("utf-8", errors="replace")
            handle.seek(0)
        guard = _SizeGuard(handle, checked.size)
        original = display_name(checked.path)
        name = _safe_name(original)
        name_facts: dict[str, str] = {"original_name": original}
        raw_name = os.fsencode(checked.path.name)
        if raw_name != original.encode("utf-8"):
            name_facts["original_name_bytes_hex"] = raw_name.hex()  # the exact bytes, kept
        tool = {"name": "EvidenceKit", "version": __version__, **build_info.tool_facts()}
        safe: dict[str, object] = {}
        artifact = ArtifactSource(f"original/{name}", media_type, stream=guard, size=checked.size)
        if hashes_only:  # someone may be under 18: the picture itself is never stored
            record = minor_safe_import.record(
                original, minor_safe_import.hashes_of(guard, checked.size, media_type)
            )
            safe = {"minor_safe": record}
            data = minor_safe_import.record_bytes(record)
            artifact = ArtifactSource(minor_safe_import.HASHES_NAME, "application/json", data=data)
        elif minor_safe:
            safe = {"minor_safe": {"on": True, "why": WHY, "pictures": []}}
        new = NewItem(
            kind="file",
            action="import",
            captured_at=now_iso_z_ms(),
            case=case,
            title=name,
            file_name=name,
            metadata={
                **name_facts,
                "size": checked.size,
                "media_type": media_type,
                "media_type_source": "sniffed from content",
                "file_times": checked.times,
                "tool": tool,
                **safe,
            },
            manifest_fields={
                **name_facts,
                "file_times": checked.times,
                "tool": tool,
                **safe,
            },
            text=text,
            note=note,
            consent=consent,
        )
        return vault.add_item(new, [artifact])


# --- the import job both front ends run ---------------------------------------------------

BadFilePolicy = Literal["refuse_all", "skip"]


@dataclass(frozen=True)
class ImportedFile:
    """What became of one input: its item (time-stamped, read back), or the error."""

    path: Path
    item: ItemRecord | None
    error: EvidenceKitError | None = None
    timestamp: TimestampReport | None = None


def check_batch(paths: Sequence[Path], *, minor_safe: bool = False) -> None:
    """Check every input before any is stored, so a typo never half-imports a batch: one bad
    file refuses them all, with every problem named."""
    problems = []
    for path in paths:
        try:
            check_input(path)
            if minor_safe:
                minor_safe_import.check(path)
        except InputFileError as exc:
            problems.append(str(exc))
    if problems:
        raise InputFileError("\n".join(problems) + "\nNothing was imported.")


async def import_files(
    vault: Vault,
    paths: Sequence[Path],
    *,
    tsa_urls: Sequence[str],
    on_bad_file: BadFilePolicy,
    case: str | None = None,
    note: str | None = None,
    consent: str | None = None,
    vault_lock: asyncio.Lock | None = None,
    on_progress: Callable[[Path, str], None] | None = None,
    on_stored: Callable[[Path, ItemRecord], None] | None = None,
    on_result: Callable[[ImportedFile], None] | None = None,
    minor_safe: bool = False,
) -> list[ImportedFile]:
    """Import `paths` as items, each sealed like a capture, then time-stamp them.

    `on_bad_file` is the policy for a file that cannot be imported:

    - ``"refuse_all"`` (the command line): every file is checked first (`check_batch`) and one
      bad file refuses the batch with `InputFileError`; then all are stored, then all are
      time-stamped, so the custody anchor asked for with the first token covers the whole
      batch. A failure while storing raises (what was stored before it stays).
    - ``"skip"`` (the app): each file is stored and time-stamped in turn; one that cannot be
      stored is reported with its error (`on_result`, no item) and the rest go on.

    `on_progress(path, step)` reports "saving" and "time-stamping"; `on_stored` each item as
    soon as it is stored; `on_result` each outcome once complete. Results come back in the
    order of `paths`, failures left out. Pass `vault_lock` when other tasks on the same loop
    use the vault meanwhile (the GUI). `consent` goes into each item's custody entry.
    `minor_safe` (or the case's setting): pictures and videos kept as hashes only (issue 14).
    """
    from evidencekit.jobs.seal import timestamp_item  # the network client loads only when used

    if vault_lock is None:  # the vault connection is used by one task at a time
        vault_lock = asyncio.Lock()
    lock = vault_lock

    def progress(path: Path, step: str) -> None:
        if on_progress is not None:
            on_progress(path, step)

    async def store(path: Path) -> ItemRecord:
        progress(path, "saving")
        call = functools.partial(
            import_file, vault, path, case=case, note=note, consent=consent, minor_safe=minor_safe
        )
        item: ItemRecord = await run_blocking(lock, call)
        await hash_new_item(vault, lock, item.id)  # reposts found without looking (issue 14)
        if on_stored is not None:
            on_stored(path, item)
        return item

    async def stamp(path: Path, item: ItemRecord) -> ImportedFile:
        progress(path, "time-stamping")
        async with lock:
            report = await timestamp_item(vault, item.id, tsa_urls)
            item = vault.item(item.id)
        done = ImportedFile(path, item, None, report)
        if on_result is not None:
            on_result(done)
        return done

    results = []
    if on_bad_file == "refuse_all":
        check_batch(paths, minor_safe=minor_safe or vault.case_minor_safe(case))
        stored = [(path, await store(path)) for path in paths]
        for path, item in stored:
            results.append(await stamp(path, item))
        return results
    for path in paths:
        try:
            item = await store(path)
        except EvidenceKitError as error:
            if on_result is not None:
                on_result(ImportedFile(path, None, error))
            continue
        results.append(await stamp(path, item))
    return results

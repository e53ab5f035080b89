"""Import local files (a phone screenshot, a chat export, a video) as evidence items.

Each file is hashed while it streams into the vault; its original name, size, sniffed media type
and file times are recorded, and it gets a manifest exactly like a web capture does.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from evidencekit import __version__
from evidencekit.clock import iso_z_us, now_iso_z_ms
from evidencekit.errors import InputFileError
from evidencekit.sniff import SNIFF_BYTES, sniff_media_type
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault

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
) -> ItemRecord:
    """Import one file as a new item. The vault is unchanged if anything fails.

    `consent` (a support worker's note of the person's consent) goes into the custody entry.
    """
    checked = check_input(Path(path))
    with open(checked.path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        media_type = sniff_media_type(head, complete=checked.size <= SNIFF_BYTES)
        text = ""
        if media_type.startswith("text/") and checked.size <= MAX_INDEXED_TEXT:
            text = handle.read().decode("utf-8", errors="replace")
            handle.seek(0)
        guard = _SizeGuard(handle, checked.size)
        original = display_name(checked.path)
        name = _safe_name(original)
        name_facts: dict[str, str] = {"original_name": original}
        raw_name = os.fsencode(checked.path.name)
        if raw_name != original.encode("utf-8"):
            name_facts["original_name_bytes_hex"] = raw_name.hex()  # the exact bytes, kept
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
                "tool": {"name": "EvidenceKit", "version": __version__},
            },
            manifest_fields={
                **name_facts,
                "file_times": checked.times,
                "tool": {"name": "EvidenceKit", "version": __version__},
            },
            text=text,
            note=note,
            consent=consent,
        )
        return vault.add_item(
            new, [ArtifactSource(f"original/{name}", media_type, stream=guard, size=checked.size)]
        )

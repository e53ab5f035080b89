"""The vault's files on disk: the plaintext salt header, publishing a new vault, clutter an
interrupted run left, and the one-time upgrade a reader may have to make."""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evidencekit.atomic import fsync_dir, sweep_parts
from evidencekit.errors import NoPermission, ReadOnlyMedia, VaultExists, VaultNotFound
from evidencekit.vault import faults, schema
from evidencekit.vault.connection import read_only_place
from evidencekit.vault.kdf import SALT_SIZE
from evidencekit.vault.lock import WriterLock


def read_salt(path: Path) -> bytes:
    """The vault's 16-byte plaintext header (see kdf.py)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SALT_SIZE)
    except FileNotFoundError as exc:
        raise VaultNotFound() from exc
    except IsADirectoryError as exc:
        raise VaultNotFound("That place is a folder, not a vault file.") from exc
    except PermissionError as exc:
        raise NoPermission(path=path, access="read", detail=str(exc)) from exc
    except OSError as exc:
        mapped = faults.from_os_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


def publish_no_clobber(temp: Path, final: Path) -> None:
    """Move a finished file into place, refusing to replace one that appeared meanwhile."""
    try:
        os.link(temp, final)  # atomic, and fails if `final` exists
    except FileExistsError as exc:
        raise VaultExists() from exc
    except OSError:
        # File systems without hard links (FAT on a USB stick): best effort.
        if final.exists():
            raise VaultExists() from None
        os.replace(temp, final)
    fsync_dir(final.parent)


def remove_stale_copies(path: Path) -> None:
    """Drop temporary copies an interrupted init or passphrase change left behind.

    Only called with the writer lock held, so no other process is still making them. They
    are encrypted, but they are clutter and hold old data.
    """
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*"):
        if leftover.suffix in (".rekey", ".tmp") or leftover.name.endswith((".rekey-journal",)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def sweep_folders(folders: Iterable[object]) -> None:
    """Remove plaintext `.part` files a killed copy or export left in these folders."""
    for folder in folders:
        if isinstance(folder, str) and Path(folder).is_dir():
            sweep_parts(Path(folder))


def upgrade_for_reading(path: Path, conn: Any) -> None:
    """A reader met an older vault: upgrade it once, as a writer would (or refuse if newer)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.CURRENT_VERSION:
        schema.migrate(conn)  # raises VaultTooNew
    if read_only_place(path):
        raise ReadOnlyMedia(
            f"The vault “{path}” was made by an older EvidenceKit and must be brought up to date "
            "once before it can be read, which cannot be done where it is (read-only media, or "
            "a folder you may not write): copy it to a writable disk and open it there."
        )
    lock = WriterLock(path)
    lock.acquire()  # VaultBusy if a writer is at work: it will have upgraded it by then
    try:
        conn.execute("PRAGMA query_only = OFF")
        schema.migrate(conn)
        conn.execute("PRAGMA query_only = ON")
    finally:
        lock.release()

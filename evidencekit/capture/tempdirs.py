"""The browser's temporary folders: made owner-only (in RAM where possible), held by a lock
while in use, and swept up if a crash left one behind.

A killed capture cannot delete its folder, and that folder may hold the browser's cache of the
abusive page and its pictures. Each folder therefore holds an `flock` on a file inside it for
as long as its browser runs; a folder whose lock nobody holds any more belongs to a dead
process, and the next capture deletes it (SAFETY.md: no traces left on a shared laptop).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

PREFIX = "evidencekit-"
OWNER_LOCK = ".owner.lock"
RAM_DIR = Path("/dev/shm")  # noqa: S108  # only ever used through mkdtemp (0700)
# Chromium keeps its shared memory and caches in this folder (--disable-dev-shm-usage and
# TMPDIR point there): a 40,000 px page peaked at ~270 MB. A RAM folder with less free room
# than this (Docker's /dev/shm is 64 MB) would crash the browser mid-capture, so the disk's
# temporary folder is used instead (recorded in the capture's metadata; swept like any other).
RAM_MIN_FREE_BYTES = 1024 * 1024 * 1024
# A folder without a lock file is either being created right now or from an older version:
# only folders older than this are treated as abandoned.
_GRACE_S = 600


def candidate_parents() -> list[Path]:
    parents = [RAM_DIR] if RAM_DIR.is_dir() else []
    parents.append(Path(tempfile.gettempdir()))
    return parents


def ram_folder_usable() -> bool:
    """A RAM-backed folder exists, may be written, and has room for a browser."""
    if not (RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK)):
        return False
    try:
        stats = os.statvfs(RAM_DIR)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize >= RAM_MIN_FREE_BYTES


def make_temp_dir() -> tuple[Path, bool, IO[bytes] | None]:
    """A fresh 0700 folder (RAM-backed where one with room exists) and the lock that marks it
    in use."""
    if ram_folder_usable():
        folder, in_ram = Path(tempfile.mkdtemp(prefix=PREFIX, dir=RAM_DIR)), True
    else:
        folder, in_ram = Path(tempfile.mkdtemp(prefix=PREFIX)), False
    return folder, in_ram, _hold(folder)


def _hold(folder: Path) -> IO[bytes] | None:
    """Take the owner lock of `folder` (POSIX); None where flock does not exist."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: files in use cannot be deleted anyway
        return None
    handle = open(folder / OWNER_LOCK, "wb")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def release(handle: IO[bytes] | None) -> None:
    if handle is not None:
        handle.close()


def _abandoned(folder: Path) -> bool:
    lock_file = folder / OWNER_LOCK
    if not lock_file.exists():
        with contextlib.suppress(OSError):
            return time.time() - folder.stat().st_mtime > _GRACE_S
        return False
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return False
    try:
        with open(lock_file, "rb") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True  # we got it: its owner is gone
    except OSError:
        return False  # held: a live capture is using it


def sweep_abandoned(parents: list[Path] | None = None) -> int:
    """Delete browser temp folders left by dead processes; return how many were removed."""
    removed = 0
    for parent in parents if parents is not None else candidate_parents():
        try:
            entries = list(parent.iterdir())
        except OSError:
            continue
        for folder in entries:
            if not folder.name.startswith(PREFIX) or folder.is_symlink() or not folder.is_dir():
                continue
            with contextlib.suppress(OSError):
                if folder.stat().st_uid != os.getuid():
                    continue  # someone else's: not ours to judge
            if _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed += 1
                    log.info("removed a browser temp folder left by an interrupted capture")
    return removed

"""Room on disk for the vault to grow into, taken before a commit.

A commit lands in the WAL; the checkpoint then copies it into the vault file, which grows. If
the disk filled up half-way through that copy, the `.ekv` alone would be a mixture of old and
new pages (only the pair `.ekv` + `-wal` would be whole). So before each commit the room the
file will need is reserved: on Linux without changing the file's length (`fallocate` with
FALLOC_FL_KEEP_SIZE: nothing about the file changes, the blocks are simply set aside), elsewhere
by extending the file with zeros past the end SQLite knows about (SQLite ignores them; the
checkpoint trims the file to its exact size afterwards).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
from pathlib import Path
from typing import Any

from evidencekit.errors import DiskFull
from evidencekit.vault import faults
from evidencekit.vault.connection import PAGE_SIZE

_FALLOC_FL_KEEP_SIZE = 0x01
_FALLOC_FL_PUNCH_HOLE = 0x02


def _linux_fallocate() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = getattr(libc, "fallocate64", None) or libc.fallocate
    except (OSError, AttributeError):  # pragma: no cover - an unusual libc
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
    function.restype = ctypes.c_int
    return function


_FALLOCATE = _linux_fallocate()


def _call(fd: int, mode: int, offset: int, length: int) -> None:
    assert _FALLOCATE is not None
    if _FALLOCATE(fd, mode, offset, length) != 0:  # type: ignore[operator]
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def reserve(fd: int, size: int, length: int) -> bool:
    """Set aside `length` bytes after the file's current end `size`; True if the file's length
    is unchanged (blocks kept beyond its end), False if it was extended with zeros. Raises
    OSError (ENOSPC, EDQUOT) when the room is not there."""
    if _FALLOCATE is not None:
        try:
            _call(fd, _FALLOC_FL_KEEP_SIZE, size, length)
            return True
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                raise
    if hasattr(os, "posix_fallocate"):
        os.posix_fallocate(fd, size, length)
        return False
    zeros = bytes(min(length, 1 << 20))  # pragma: no cover - macOS, Windows
    done = 0  # pragma: no cover
    while done < length:  # pragma: no cover
        done += os.pwrite(fd, zeros[: length - done], size + done)
    return False  # pragma: no cover


def give_back(fd: int, size: int, length: int) -> None:
    """Return a reservation that was not used (the transaction did not commit)."""
    with contextlib.suppress(OSError):
        current = os.fstat(fd).st_size
        if size < current <= size + length:
            os.ftruncate(fd, size)  # zeros we added past the end
        elif current == size and _FALLOCATE is not None:
            _call(fd, _FALLOC_FL_KEEP_SIZE | _FALLOC_FL_PUNCH_HOLE, size, length)


def for_commit(conn: Any, fd: int | None, path: Path, needed: int | None) -> tuple[int, int] | None:
    """Reserve the room the vault file needs to take the open transaction in from the WAL, so
    the checkpoint after the commit always has it. Returns what to give back on rollback."""
    if fd is None:  # pragma: no cover - Windows (sidecar lock)
        return None
    target = int(conn.execute("PRAGMA page_count").fetchone()[0]) * PAGE_SIZE
    size = os.fstat(fd).st_size
    if target <= size:
        return None
    try:
        reserve(fd, size, target - size)
    except OSError as exc:
        give_back(fd, size, target - size)
        mapped = faults.from_os_error(exc, path, needed=needed or target - size)
        if mapped is None:
            raise
        if isinstance(mapped, DiskFull) and needed is None:
            mapped = DiskFull(
                folder=path.parent, needed=target - size + faults.MARGIN, detail=str(exc)
            )
        raise mapped from exc
    return size, target


def roll_back(conn: Any, fd: int | None, reserved: tuple[int, int] | None) -> None:
    """Undo the open transaction (SQLite may have rolled it back already after a full disk),
    give back the WAL's space, and drop a reservation this transaction made."""
    with contextlib.suppress(Exception):
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    with contextlib.suppress(Exception):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if reserved is not None and fd is not None:
        give_back(fd, reserved[0], reserved[1] - reserved[0])

"""When the machine says no: a full disk, read-only media, no permission, a damaged file.

The operating system and SQLite report these as OSError (ENOSPC, EDQUOT, EROFS, EACCES, ...) or
as SQLite result codes (SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR, ...).
This module turns them into the typed errors of `evidencekit.errors`, with the place named, so
that a person reads one plain sentence instead of "OperationalError". No heavy imports here:
the atomic writer and the CLI's last line of defence use it too.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from evidencekit.errors import (
    DiskFull,
    EvidenceKitError,
    NoPermission,
    ReadOnlyMedia,
    VaultBusy,
    VaultCorrupt,
    free_bytes,
)

PAGE_SIZE = 4096  # SQLCipher 4's page size; EvidenceKit never changes it
MARGIN = 1_000_000  # what any change needs besides its own bytes (journal pages, headers)
# Below this much free space an unexplained I/O error is taken for a full disk.
LOW_SPACE = 4 * 1024 * 1024

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM}

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_ERROR = 1
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def read_only_fs(path: str | os.PathLike[str]) -> bool:
    """True when the file system holding `path` is mounted read-only (a write-protected stick,
    a CD, `mount -o ro`)."""
    if not hasattr(os, "statvfs"):  # pragma: no cover - Windows
        return False
    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    try:
        return bool(os.statvfs(current).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def folder_of(path: str | os.PathLike[str]) -> Path:
    target = Path(os.path.abspath(path))
    return target if target.is_dir() else target.parent


def may_write(path: Path) -> bool:
    """Whether this user may write `path` (a file, or a folder: create files in it)."""
    if sys.platform == "win32":  # pragma: no cover - ACLs: os.access only sees the read-only bit
        return os.access(path, os.W_OK)
    mode = os.W_OK | (os.X_OK if path.is_dir() else 0)
    return os.access(path, mode)


def check_writable_vault(path: Path) -> None:
    """Before a vault is opened for writing: read-only media, or a file or folder this user
    may not write, are said in plain words (SQLite would only say "unable to open")."""
    if read_only_fs(path):
        raise ReadOnlyMedia(path=path)
    if path.exists() and not os.access(path, os.R_OK):
        raise NoPermission(path=path, access="read")
    if path.exists() and not may_write(path):
        raise NoPermission(path=path, access="write")
    if not may_write(path.parent):
        raise NoPermission(
            f"EvidenceKit may not write in the folder “{path.parent}”, which it needs to change "
            "the vault safely (for its journal): ask the computer's owner for access, or copy "
            "the vault to a folder of your own. Nothing was changed.",
            path=path.parent,
            access="folder",
        )


def from_os_error(
    exc: OSError, where: str | os.PathLike[str] | None = None, *, needed: int | None = None
) -> EvidenceKitError | None:
    """The typed error for an OSError met while reading or writing at `where` (else the
    file the error names), or None when it is none of ours."""
    place = where if where is not None else (exc.filename or None)
    if exc.errno in _FULL_ERRNOS:
        return DiskFull(folder=folder_of(place) if place else None, needed=needed, detail=str(exc))
    if exc.errno == errno.EROFS:
        if place is None:
            return ReadOnlyMedia(detail=str(exc))
        return ReadOnlyMedia(
            f"“{place}” is on read-only media: nothing can be written there. Choose a place on "
            "a writable disk; nothing was changed.",
            detail=str(exc),
        )
    if exc.errno in _DENIED_ERRNOS or isinstance(exc, PermissionError):
        if place is None:
            return NoPermission(detail=str(exc))
        target = Path(place)
        access = "read" if target.exists() and not os.access(target, os.R_OK) else "write"
        if not target.exists() or target.is_dir():
            return NoPermission(path=folder_of(target), access="folder", detail=str(exc))
        return NoPermission(path=target, access=access, detail=str(exc))
    return None


def sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def from_sqlite_error(
    exc: BaseException, vault_path: str | os.PathLike[str], *, needed: int | None = None
) -> EvidenceKitError | None:
    """The typed error for a SQLite error met on the vault at `vault_path`, or None."""
    path = Path(vault_path)
    code = sqlite_code(exc)
    text = str(exc).lower()
    if code in (None, SQLITE_ERROR):  # a function's error (sqlcipher_export) says it in words
        if "disk is full" in text:
            code = SQLITE_FULL
        elif "readonly" in text or "read-only" in text:
            code = SQLITE_READONLY
        elif "unable to open" in text:
            code = SQLITE_CANTOPEN
        elif "disk i/o" in text:
            code = SQLITE_IOERR
        elif "malformed" in text or "corrupt" in text or "not a database" in text:
            code = SQLITE_CORRUPT
        elif "locked" in text or "busy" in text:
            code = SQLITE_BUSY
    detail = str(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultBusy(detail=detail)
    if code == SQLITE_FULL:
        return DiskFull(folder=path.parent, needed=needed or MARGIN, detail=detail)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR):
        if read_only_fs(path):
            return ReadOnlyMedia(path=path, detail=detail)
        if path.exists() and not os.access(path, os.R_OK):
            return NoPermission(path=path, access="read", detail=detail)
        if code != SQLITE_IOERR:
            if path.exists() and not may_write(path):
                return NoPermission(path=path, access="write", detail=detail)
            if not may_write(path.parent):
                return NoPermission(path=path.parent, access="folder", detail=detail)
        free = free_bytes(path.parent)
        if free is not None and free < max(LOW_SPACE, needed or 0):
            return DiskFull(folder=path.parent, needed=needed or MARGIN, detail=detail)
        if code == SQLITE_READONLY:
            # Writable file on writable media: SQLCipher refuses writes after a page failed its
            # check (so that damage never spreads).
            return VaultCorrupt(
                f"The vault file “{path}” is damaged: part of it does not match its check, so "
                "EvidenceKit will not change it. Keep the file, and open a complete copy if you "
                "have one.",
                detail=detail,
            )
        if code == SQLITE_IOERR:
            return VaultCorrupt(
                "The disk holding the vault reported an error while reading or writing it: "
                "check that the disk or USB stick is still connected, then try again.",
                detail=detail,
            )
        return None
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return VaultCorrupt(detail=detail)
    return None


def translate_any(
    exc: BaseException, vault_path: str | os.PathLike[str] | None, *, needed: int | None = None
) -> EvidenceKitError | None:
    """OSError or SQLite error -> typed error (None when it is neither, or not one of ours)."""
    if isinstance(exc, EvidenceKitError):
        return exc
    if isinstance(exc, OSError):
        return from_os_error(exc, needed=needed)
    if sqlite_code(exc) is not None or type(exc).__module__.startswith("sqlcipher3"):
        return from_sqlite_error(exc, vault_path if vault_path is not None else ".", needed=needed)
    return None

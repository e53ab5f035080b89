"""Opening a SQLCipher database with a raw key, quietly, and translating its failures.

SQLCipher never fails at `PRAGMA key`: a wrong key shows up at the first read as
"file is not a database" (SQLITE_NOTADB: the first page's HMAC does not match). A first page
that decrypts but a later one that does not is SQLITE_CORRUPT: the key is right and the file is
damaged, and we say so rather than blame the passphrase. SQLCipher also prints ERROR lines to
stderr unless its log level is NONE.

Readers on read-only media (a write-protected stick, a CD) or in a place this user may not
write open the file with `mode=ro`; a vault closed cleanly has no `-wal` file, so it is also
`immutable=1` there (SQLite then needs no `-shm` file, which could not be created).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from evidencekit.errors import EvidenceKitError, ReadOnlyMedia, VaultCorrupt, WrongPassphrase
from evidencekit.vault import faults
from evidencekit.vault.kdf import sqlcipher_key_pragma

log = logging.getLogger(__name__)

DatabaseError = dbapi2.DatabaseError
Connection = dbapi2.Connection
PAGE_SIZE = faults.PAGE_SIZE


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def wal_has_content(path: Path) -> bool:
    try:
        return os.path.getsize(sidecar(path, "-wal")) > 0
    except OSError:
        return False


def read_only_place(path: Path) -> bool:
    """True when a reader must not (or cannot) create files beside the vault or write it."""
    return (
        faults.read_only_fs(path)
        or not faults.may_write(path.parent)
        or (path.exists() and not faults.may_write(path))
    )


def _read_only_uri(path: Path) -> str:
    uri = Path(os.path.abspath(path)).as_uri()
    if not wal_has_content(path):
        return uri + "?mode=ro&immutable=1"
    if sidecar(path, "-shm").exists():
        return uri + "?mode=ro"  # SQLite reads the -wal through the existing -shm, read-only
    raise ReadOnlyMedia(
        f"The vault “{path}” was not closed properly before it was put here, and its latest "
        f"changes are in “{path.name}-wal”, which can only be read on a writable disk: copy the "
        "vault with its -wal file to a writable disk and open it there. Nothing was changed."
    )


def damaged_length(path: Path) -> VaultCorrupt | None:
    """A vault whose length is not whole pages (or less than one) was cut short."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    if size >= PAGE_SIZE and size % PAGE_SIZE == 0:
        return None
    return cut_short(path)


def cut_short(path: Path) -> VaultCorrupt:
    return VaultCorrupt(
        f"The vault file “{path}” is damaged: it is shorter than the vault it holds (it was "
        "cut short, e.g. by an interrupted copy or a full disk). Keep it, and open a complete "
        "copy if you have one."
    )


def _why_not_open(path: Path, exc: BaseException) -> EvidenceKitError:
    """Why the first read of a keyed vault failed: damage, the place, or the passphrase."""
    short = damaged_length(path)
    if short is not None:
        return short
    code = faults.sqlite_code(exc)
    if code == faults.SQLITE_NOTADB:
        return WrongPassphrase(detail=str(exc))
    if code == faults.SQLITE_CORRUPT:
        return VaultCorrupt(
            f"The vault file “{path}” is damaged: the passphrase is right (the start of the file "
            "opens with it) but a later part of the file cannot be read. Keep the file, and open "
            "a complete copy if you have one.",
            detail=str(exc),
        )
    mapped = faults.from_sqlite_error(exc, path)
    return mapped if mapped is not None else VaultCorrupt(detail=str(exc))


def connect(path: Path, key: bytes, *, salt: bytes | None = None, write: bool) -> Any:
    """A connection to the vault at `path` keyed with `key`.

    Raises WrongPassphrase, VaultCorrupt (damaged), ReadOnlyMedia, NoPermission or DiskFull.
    """
    path = Path(path)
    uri = None if write or salt is not None or not read_only_place(path) else _read_only_uri(path)
    had_wal = wal_has_content(path)
    try:
        conn = dbapi2.connect(
            uri or str(path),
            uri=uri is not None,
            isolation_level=None,
            timeout=5.0,
            check_same_thread=False,
        )
    except dbapi2.DatabaseError as exc:
        raise _why_not_open(path, exc) from exc
    try:
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {sqlcipher_key_pragma(key, salt)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            raise _why_not_open(path, exc) from exc
        try:
            if salt is None and not had_wal:
                pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
                if pages * PAGE_SIZE > os.path.getsize(path):
                    raise cut_short(path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed before reuse
            conn.execute("PRAGMA synchronous = FULL")  # evidence: durability over speed
            conn.execute("PRAGMA temp_store = MEMORY")
            if write:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    log.warning("journal mode is %s, not WAL", mode)
                conn.execute("PRAGMA journal_size_limit = 67108864")
            else:
                conn.execute("PRAGMA query_only = ON")
        except dbapi2.DatabaseError as exc:
            raise translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def translate(exc: Exception, path: Path | None = None, *, needed: int | None = None) -> Exception:
    """Map an error met while using an open vault (at `path`) to one of ours."""
    if isinstance(exc, EvidenceKitError):
        return exc
    mapped = faults.translate_any(exc, path, needed=needed)
    return exc if mapped is None else mapped

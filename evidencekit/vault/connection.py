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

import contextlib
import logging
import os
from collections import Counter
from pathlib import Path
from typing import Any, NoReturn

from sqlcipher3 import dbapi2

from evidencekit.errors import (
    DiskFull,
    EvidenceKitError,
    ReadOnlyMedia,
    VaultCorrupt,
    WrongPassphrase,
    free_bytes,
)
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


# Connections this process has open, per vault file: the empty -wal/-shm a failed open left
# are removed only when none is open here (and no other process holds the -shm).
_open_here: Counter[str] = Counter()


def _key(path: Path) -> str:
    return os.path.abspath(path)


def closed(path: Path) -> None:
    """A connection `connect` made to `path` was closed."""
    key = _key(path)
    if _open_here[key] > 0:
        _open_here[key] -= 1


def remove_idle_sidecars(path: Path) -> bool:
    """Remove an *empty* -wal and its -shm that no connection uses (what a failed open or
    close can leave): the vault is one file again. True if none is left."""
    wal, shm = sidecar(path, "-wal"), sidecar(path, "-shm")
    if _open_here[_key(path)] > 0:
        return False
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        if shm.exists() and not _shm_unused(shm):
            return False
        for leftover in (wal, shm):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    except OSError:
        return False
    return True


def _shm_unused(shm: Path) -> bool:
    """Whether no connection anywhere has `shm` open: each holds a read lock on its "DMS" byte
    (offset 128, SQLite's unix VFS) for as long as it is open."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: open files cannot be deleted anyway
        return True
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return False
    finally:
        os.close(fd)  # drops our lock (and none of SQLite's: no connection is open here)
    return True


def room_to_fold(path: Path) -> bool:
    """Whether the disk has room for the vault file to take in all of its WAL (if any)."""
    try:
        wal = os.path.getsize(sidecar(path, "-wal"))
    except OSError:
        return True
    if wal == 0:
        return True
    free = free_bytes(path.parent)
    return free is None or free > wal + faults.MARGIN


def _read_only_uri(path: Path, *, force: bool = False) -> str:
    uri = Path(os.path.abspath(path)).as_uri()
    if force or not wal_has_content(path):
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


def _first_page(path: Path, key: bytes) -> bytes | None:
    """The vault file's first page as stored (encrypted), or None when it cannot be read, is
    short, or `key` is not a raw 256-bit key."""
    try:
        with open(path, "rb") as handle:
            page = handle.read(PAGE_SIZE)
    except OSError:
        return None
    return page if len(page) == PAGE_SIZE and len(key) == 32 else None


def first_page_authentic(path: Path, key: bytes) -> bool:
    """Whether the first page's HMAC matches under `key`: then the key (the passphrase) is
    right, and any failure further on is damage. SQLCipher 4: HMAC-SHA512 over the page after
    the salt up to and with its IV, then the page number (little-endian); its key is PBKDF2-
    HMAC-SHA512 (2 rounds) of the raw key, salted with the file's salt XOR 0x3a."""
    import hashlib
    import hmac

    page = _first_page(path, key)
    if page is None:
        return False
    hmac_salt = bytes(b ^ 0x3A for b in page[:16])
    hmac_key = hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, 32)
    body = page[16 : PAGE_SIZE - 64] + (1).to_bytes(4, "little")
    expected = hmac.new(hmac_key, body, hashlib.sha512).digest()
    return hmac.compare_digest(expected, page[PAGE_SIZE - 64 :])


def header_page_count(path: Path, key: bytes) -> int | None:
    """The page count SQLite's header records, read by decrypting the first page ourselves
    (SQLCipher 4: AES-256-CBC, the IV in the 80 reserved bytes at the end of each page)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    page = _first_page(path, key)
    if page is None:
        return None
    iv = page[PAGE_SIZE - 80 : PAGE_SIZE - 64]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(page[16 : PAGE_SIZE - 80]) + decryptor.finalize()
    # Header bytes 28..31: the page count; valid when bytes 24..27 equal bytes 92..95.
    if plain[24 - 16 : 28 - 16] != plain[92 - 16 : 96 - 16]:
        return None
    return int.from_bytes(plain[28 - 16 : 32 - 16], "big") or None


def _why_not_open(path: Path, key: bytes, exc: BaseException) -> EvidenceKitError:
    """Why the first read of a keyed vault failed: damage, the place, or the passphrase."""
    short = damaged_length(path)
    if short is not None:
        return short
    code = faults.sqlite_code(exc)
    if code == faults.SQLITE_NOTADB and not first_page_authentic(path, key):
        return WrongPassphrase()
    if code in (faults.SQLITE_CORRUPT, faults.SQLITE_NOTADB):
        pages = header_page_count(path, key)
        if pages is not None and pages * PAGE_SIZE > os.path.getsize(path):
            return cut_short(path)
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
    A reader on a disk so full that not even the small `-shm` file fits still reads a vault
    that was closed cleanly (read-only, as on read-only media).
    """
    path = Path(path)
    uri = None if write or salt is not None or not read_only_place(path) else _read_only_uri(path)
    if uri is None and not write and salt is None and not room_to_fold(path):
        # A reader that is the last to close folds the WAL a crashed writer left; with too
        # little room that fold could stop half-way. Read without folding: a writer will.
        uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    try:
        return _connect(path, key, salt, write, uri)
    except DiskFull:
        if write or salt is not None or uri is not None or wal_has_content(path):
            raise
        log.info("the disk is full: reading the vault read-only")
        return _connect(path, key, salt, write, _read_only_uri(path, force=True))


def _connect(path: Path, key: bytes, salt: bytes | None, write: bool, uri: str | None) -> Any:
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
        raise _why_not_open(path, key, exc) from exc
    _open_here[_key(path)] += 1
    try:
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {sqlcipher_key_pragma(key, salt)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            raise _why_not_open(path, key, exc) from exc
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
            raise_typed(exc, path)
    except BaseException:
        conn.close()
        closed(path)
        if uri is None:
            remove_idle_sidecars(path)
        raise
    return conn


def raise_typed(exc: BaseException, path: Path | None, *, needed: int | None = None) -> NoReturn:
    """Raise `exc` as one of ours when it is a full disk, read-only media, ...; else as is."""
    mapped = translate(exc, path, needed=needed) if isinstance(exc, Exception) else exc
    if mapped is exc:
        raise exc
    raise mapped from exc


def translate(exc: Exception, path: Path | None = None, *, needed: int | None = None) -> Exception:
    """Map an error met while using an open vault (at `path`) to one of ours."""
    if isinstance(exc, EvidenceKitError):
        return exc
    mapped = faults.translate_any(exc, path, needed=needed)
    return exc if mapped is None else mapped

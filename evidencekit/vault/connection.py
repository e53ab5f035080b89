"""Opening a SQLCipher database with a raw key, quietly, and translating its failures.

SQLCipher never fails at `PRAGMA key`: a wrong key shows up at the first read as
"file is not a database". It also prints ERROR lines to stderr unless its log level is NONE.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from evidencekit.errors import VaultBusy, VaultCorrupt, WrongPassphrase
from evidencekit.vault.kdf import sqlcipher_key_pragma

log = logging.getLogger(__name__)

DatabaseError = dbapi2.DatabaseError
Connection = dbapi2.Connection


def connect(path: Path, key: bytes, *, salt: bytes | None = None, write: bool) -> Any:
    """A connection to the vault at `path` keyed with `key`; raises WrongPassphrase if it isn't."""
    conn = dbapi2.connect(str(path), isolation_level=None, timeout=5.0, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sqlcipher_key_pragma(key, salt)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            raise WrongPassphrase() from exc
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
    except BaseException:
        conn.close()
        raise
    return conn


def translate(exc: Exception) -> Exception:
    """Map a SQLCipher error met while using an open vault to one of ours."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return VaultBusy()
    if isinstance(exc, dbapi2.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text or "disk i/o" in text
    ):
        return VaultCorrupt(detail=str(exc))
    return exc

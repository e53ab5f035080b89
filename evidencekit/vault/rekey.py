"""Changing the passphrase without ever risking the evidence.

SQLCipher's in-place `PRAGMA rekey` rewrites every page of the live file; an interruption
half-way is exactly what must not happen to the only copy. Instead the vault is exported to a
new file under the new key (with a fresh salt, so stronger KDF settings apply), checked, and
renamed over the old one. At every instant the file under the vault's name is either the old
vault (old passphrase) or the new one (new passphrase), never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from typing import Any

from evidencekit.atomic import fsync_dir
from evidencekit.errors import EvidenceKitError, VaultBusy
from evidencekit.vault import custody, faults, schema
from evidencekit.vault.connection import DatabaseError, connect, raise_typed, translate
from evidencekit.vault.kdf import derive_key, new_salt, sqlcipher_key_pragma
from evidencekit.vault.store import Vault, check_new_passphrase, kdf_params_for


def change_passphrase(vault: Vault, new_passphrase: str) -> Vault:
    """Re-encrypt `vault` under `new_passphrase`; return the vault reopened with it.

    `vault` is closed by this call whatever happens; on failure the old file is untouched and
    the caller may reopen it with the old passphrase.
    """
    check_new_passphrase(new_passphrase)
    if not vault.writable:
        raise RuntimeError("changing the passphrase needs the vault open for writing")
    params = kdf_params_for(vault.settings)
    salt = new_salt(params)
    key = derive_key(new_passphrase, salt, params)
    path = vault.path
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.rekey")
    # A whole second copy of the vault is written beside it before the swap.
    needed = os.path.getsize(path) + faults.MARGIN
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        vault.close()
        raise_typed(exc, path, needed=needed)
    try:
        conn = vault.conn
        conn.execute(
            f"ATTACH DATABASE ? AS rekeyed KEY {sqlcipher_key_pragma(key, salt)}", (str(temp),)
        )
        try:
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            conn.execute(f"PRAGMA rekeyed.user_version = {schema.CURRENT_VERSION}")
        finally:
            conn.execute("DETACH DATABASE rekeyed")
        _record_in_copy(temp, key, salt, vault, params.memory_kib)
        _leave_wal(conn)
        # Keep the writer lock over the rename, so no other writer slips into the old file.
        lock = vault.close_keeping_lock()
        try:
            os.replace(temp, path)
            fsync_dir(path.parent)
        finally:
            if lock is not None:
                lock.release()
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        vault.close()
        if isinstance(exc, Exception) and not isinstance(exc, EvidenceKitError):
            mapped = translate(exc, path, needed=needed)
            if mapped is not exc:
                raise mapped from exc
        raise
    return Vault.open_with_key(path, key, vault.settings, write=True)


def _record_in_copy(temp: Any, key: bytes, salt: bytes, vault: Vault, memory_kib: int) -> None:
    """Log the change inside the new file only, so the old file never claims it happened."""
    conn = connect(temp, key, write=False)
    try:
        conn.execute("PRAGMA query_only = OFF")
        conn.execute("BEGIN IMMEDIATE")
        custody.append(
            conn,
            vault.settings.operator,
            "passphrase-change",
            "vault",
            {"kdf": "argon2id", "kdf_memory_kib": memory_kib},
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _leave_wal(conn: Any) -> None:
    """Fold the WAL into the old file and remove it, so no stale WAL meets the new file."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except DatabaseError as exc:
        raise VaultBusy() from exc
    if str(mode).lower() != "delete":
        raise VaultBusy()

"""Making a new vault file and opening an existing one (the connection and the writer lock);
`Vault.create` / `Vault.open` wrap these."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Any

from evidencekit import __version__
from evidencekit.clock import now_iso_z_ms
from evidencekit.config import Settings
from evidencekit.seal.identity import Identity
from evidencekit.vault import custody, faults, files, meta, padding, schema, seals
from evidencekit.vault.connection import connect, raise_typed, translate
from evidencekit.vault.kdf import KdfParams, derive_key, new_salt
from evidencekit.vault.lock import WriterLock
from evidencekit.vault.subjects import VAULT


def kdf_params_for(settings: Settings) -> KdfParams:
    return KdfParams.from_memory_mib(
        settings.kdf_memory_mib, settings.kdf_iterations, settings.kdf_lanes
    )


def make(path: Path, passphrase: str, settings: Settings, identity: Identity) -> None:
    """Build a new vault under a temporary name and move it to `path` only when complete."""
    params = kdf_params_for(settings)
    salt = new_salt(params)
    key = derive_key(passphrase, salt, params)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    # Held (flock) until the vault is published: on a shelf an abandoned one is swept.
    held = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        padding.hold(held)
        conn = connect(temp, key, salt=salt, write=True)
        try:
            schema.migrate(conn)
            conn.execute("BEGIN IMMEDIATE")
            for k, v in (
                ("vault_id", str(uuid.uuid4())),
                ("created_at", now_iso_z_ms()),
                ("created_by", f"EvidenceKit {__version__}"),
            ):
                meta.add(conn, k, v)
            seals.save_identity(conn, identity)
            custody.append(
                conn,
                settings.operator,
                "create",
                VAULT,
                {
                    "app_version": __version__,
                    "kdf": "argon2id",
                    "kdf_memory_kib": params.memory_kib,
                    "kdf_iterations": params.iterations,
                    "kdf_lanes": params.lanes,
                    "identity": identity.fingerprint_sha256,
                },
            )
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        files.publish_no_clobber(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        os.close(held)  # after SQLite's own descriptor is closed (lock.py says why)


def connect_vault(path: Path, key: bytes, *, write: bool) -> tuple[Any, WriterLock | None]:
    """The open connection (migrated, or upgraded once for a reader) and, for a writer, the
    lock it holds. Leftovers of interrupted runs are cleared first."""
    lock: WriterLock | None = None
    if write:
        faults.check_writable_vault(path)
        lock = WriterLock(path)
        try:
            lock.acquire()
        except OSError as exc:
            raise_typed(exc, path)
        files.remove_stale_copies(path)
    try:
        conn = connect(path, key, write=write)
        try:
            if write:
                schema.migrate(conn)
                files.sweep_folders(meta.output_folders(conn))
            elif conn.execute("PRAGMA user_version").fetchone()[0] != schema.CURRENT_VERSION:
                files.upgrade_for_reading(path, conn)
        except Exception as exc:
            conn.close()
            mapped = translate(exc, path)
            if mapped is exc:
                raise
            raise mapped from exc
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return conn, lock

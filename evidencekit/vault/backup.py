"""`backup` and `restore`: a whole, encrypted, checked copy of a vault, and the way back.

A backup is made as `passwd` makes its new file (rekey.py): `sqlcipher_export` into a new
owner-only file beside the target, under a key derived from the passphrase given (the vault's
own or another) with a fresh salt, so the copy is a vault in its own right and nothing is ever
written in plaintext. The copy is then opened from the disk and checked before it gets its
name: `verify-vault` passes, and every item, every custody entry and the vault's id are the
same as in the vault. Only then is it renamed into place, and only then does the vault's
custody log say a backup was made ("backup", naming the copy's own entry); the copy's log ends
with "backup-copy", naming the vault's head it was made from. A copy that fails any step is
removed and the vault is unchanged.

`restore` goes the other way: the backup is checked, exported again into a new file beside the
vault's place (its passphrase stays the backup's), checked again, and moved into place; a vault
already there is replaced only when the caller says so, under that vault's writer lock.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidencekit.atomic import refuse_vault_target
from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import EvidenceKitError
from evidencekit.vault import copying, custody, schema, shelf
from evidencekit.vault.connection import connect, translate
from evidencekit.vault.copying import CopyNotVerified, ReplaceNotConfirmed, TargetExists
from evidencekit.vault.kdf import derive_key, new_salt, sqlcipher_key_pragma
from evidencekit.vault.lock import WriterLock
from evidencekit.vault.store import Vault, check_new_passphrase, kdf_params_for
from evidencekit.vault.subjects import VAULT
from evidencekit.vault.verify import verify_vault

__all__ = ["BackupResult", "CopyNotVerified", "ReplaceNotConfirmed", "TargetExists"]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    items: int
    custody_entries: int  # in the copy, its own last entry included
    size: int


def backup_vault(
    vault: Vault, target: Path, passphrase: str, *, replace: bool = False
) -> BackupResult:
    """Write a checked, encrypted copy of `vault` to `target`, opened by `passphrase`."""
    if not vault.writable:
        raise RuntimeError("a backup is logged in the vault: open it for writing")
    target = Path(target)
    refuse_vault_target(target, vault.path)
    if target.exists() and not replace:
        raise TargetExists()
    check_new_passphrase(passphrase)
    needed = copying.size_needed(vault.path)
    temp = copying.new_file_beside(target, needed=needed)
    try:
        key = _export(vault.conn, temp, passphrase, vault.settings)
        seq, head = vault.custody_head()
        mark = _append_in_file(
            temp, key, vault.settings.operator, "backup-copy",
            {"source_seq": seq, "source_hash": head, "vault_id": vault.meta("vault_id")},
        )  # fmt: skip
        checked = check_copy(vault, temp, key)
        copying.publish(temp, target, replace=replace)
    except BaseException as exc:
        copying.discard(temp)
        _raise_typed(exc, target, needed)
        raise
    vault.log_action("backup", VAULT, {"file": target.name, "copy_entry": mark, "items": checked})
    return BackupResult(target, checked, seq + 1, target.stat().st_size)


def restore_vault(
    backup: Path, passphrase: str, target: Path, settings: Settings, *, replace: bool = False
) -> BackupResult:
    """Make `target` a checked copy of the backup at `backup` (opened by `passphrase`, which
    then opens the restored vault too). A vault at `target` is replaced only if `replace`."""
    target, backup = Path(target), Path(backup)
    with Vault.open(backup, passphrase, settings, write=False) as source:
        report = verify_vault(source)
        if not report.ok:
            bad = "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)
            raise CopyNotVerified(
                "The backup did not pass its check, so nothing was restored from it. Your "
                "vault (if there is one) was not changed.",
                detail=bad,
            )
        target, folder = _restore_place(target, passphrase, settings)
        refuse_vault_target(target, backup)
        if target.exists() and not replace:
            raise ReplaceNotConfirmed()
        ensure_private_dir(target.parent)
        needed = copying.size_needed(backup)
        temp = copying.new_file_beside(target, needed=needed)
        try:
            conn = source.conn
            conn.execute("PRAGMA query_only = OFF")  # only the attached new file is written
            try:
                key = _export(conn, temp, passphrase, settings)
            finally:
                conn.execute("PRAGMA query_only = ON")
            seq, head = source.custody_head()
            _append_in_file(
                temp, key, settings.operator, "restore",
                {"from_file": backup.name, "backup_seq": seq, "backup_hash": head},
            )  # fmt: skip
            checked = check_copy(source, temp, key)
            _put_in_place(temp, target)
        except BaseException as exc:
            copying.discard(temp)
            _raise_typed(exc, target, needed)
            raise
    if folder is not None:
        shelf.after_close(folder, target, settings)  # padding and times, as after any use
    return BackupResult(target, checked, seq + 1, target.stat().st_size)


def _restore_place(target: Path, passphrase: str, settings: Settings) -> tuple[Path, Path | None]:
    """Where a restore writes, and the shelf it goes onto (issue 14, duress). A place that is
    a shelf (or whose vault moved onto one) gets the restored vault as one more look-alike
    file; the shelf file this passphrase already opens is the vault it replaces, so no second
    file on a shelf ever shares a passphrase, and no plain `default.ekv` appears beside it."""
    place = shelf.resolve(target)
    if not shelf.is_shelf(place):
        return place, None
    found = shelf.find(place, passphrase, settings)
    return (found[0][0] if found else shelf.new_name(place)), place


def _put_in_place(temp: Path, target: Path) -> None:
    if not target.exists():
        copying.publish(temp, target, replace=False)
        return
    # The vault being replaced may be open in the app: its writer lock says so (VaultBusy).
    lock = WriterLock(target)
    lock.acquire()
    try:
        for suffix in ("-wal", "-shm"):  # the old vault's journal must not meet the new file
            with contextlib.suppress(FileNotFoundError):
                target.with_name(target.name + suffix).unlink()
        copying.publish(temp, target, replace=True)
    finally:
        lock.release()


def _export(conn: Any, temp: Path, passphrase: str, settings: Settings) -> bytes:
    """Copy the whole database on `conn` into `temp` under a fresh salt; return the key."""
    params = kdf_params_for(settings)
    salt = new_salt(params)
    key = derive_key(passphrase, salt, params)
    conn.execute(f"ATTACH DATABASE ? AS copy KEY {sqlcipher_key_pragma(key, salt)}", (str(temp),))
    try:
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute("SELECT sqlcipher_export('copy')")
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE copy")
    return key


def _append_in_file(
    path: Path, key: bytes, operator: str, action: str, details: dict[str, Any]
) -> str:
    """One custody entry written into the copy only; its hash."""
    conn = connect(path, key, write=True)
    try:
        schema.migrate(conn)  # a backup made by an older EvidenceKit is brought up to date
        conn.execute("BEGIN IMMEDIATE")
        entry = custody.append(conn, operator, action, VAULT, details)
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return entry.hash


def check_copy(source: Vault, temp: Path, key: bytes) -> int:
    """The copy, read back from the disk, against its source; the number of items checked.
    Raises CopyNotVerified naming the first difference."""
    with Vault.open_with_key(temp, key, source.settings, write=False) as copy:
        report = verify_vault(copy)
        problems = [f"{c.name}: {c.detail}" for c in report.checks if not c.ok]
        if copy.meta("vault_id") != source.meta("vault_id"):
            problems.append("the copy has another vault id")
        ours = source.custody(None)
        theirs = copy.custody(None)
        if [e.hash for e in theirs[: len(ours)]] != [e.hash for e in ours]:
            problems.append("the custody log differs")
        uids = sorted(i.id for i in source.items())
        if sorted(i.id for i in copy.items()) != uids:
            problems.append("the copy holds other items")
        for uid in uids:
            if copying.item_facts(copy.conn, uid) != copying.item_facts(source.conn, uid):
                problems.append(f"item {uid} differs")
                break
    if problems:
        raise CopyNotVerified(detail="; ".join(problems[:5]))
    return len(uids)


def _raise_typed(exc: BaseException, target: Path, needed: int) -> None:
    if isinstance(exc, Exception) and not isinstance(exc, EvidenceKitError):
        mapped = translate(exc, target, needed=needed)
        if mapped is not exc:
            raise mapped from exc

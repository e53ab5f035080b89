"""Clinic hand-over: one case moves from a support worker's vault into a new vault of its own,
the victim's (her passphrase, e.g. on her USB stick), and only then leaves the clinic's vault.

Steps, each of which leaves the clinic's vault as it was when it fails:

1. Her vault is built in a new owner-only file beside the target: a new vault id and a new
   signing key of her own. Its custody log starts with the clinic's log up to now, entry for
   entry: the entries about this case, its items, the vault, the signing identities and the
   log's anchors as they are; every other entry as its hashes alone (`custody.WITHHELD`), so no
   other person's evidence is named and the chain stays whole. Each item's intake entry then
   still follows the custody head its sealed manifest names, and the clinic's trusted
   timestamps over that log (its anchors) stay valid in hers.
2. The case, its items and every row of every table that refers to an item (found from the
   schema, see copying.py), and the stored bytes they use, are copied unchanged: same seals,
   same hashes, same timestamp tokens, same capture times.
3. Her log goes on with "transfer-in" (the clinic vault's id, the head of its log, the items,
   the seqs it withheld: only those may be hashes alone, see custody.verify_chain)
   and "identity-import": her new key, endorsed by the clinic's key (`endorse_successor`). Her
   bundles are signed by her key; the verifier accepts the clinic-sealed items in them because
   that endorsement, signed by the clinic's key, hands over to hers (`verify.identities.
   Successions`). Her lawyer confirms her key's fingerprint with her, as for any vault, and may
   confirm the clinic's with the clinic; the clinic's private key never leaves the clinic.
4. Her file is opened from the disk and checked: `verify-vault` passes and every item's facts
   equal the clinic's. Only then does it get its name (never over an existing file).
5. In one transaction of the clinic's vault: "transfer-out" (her vault's id, her key, her
   "transfer-in" entry's hash, the items), and the case and its items are removed. The vault
   deletes with SQLCipher's secure_delete (freed content is zeroed), then VACUUM rewrites the
   file without the freed pages. What that cannot reach is said in the help: copies of old
   pages that flash media (SSDs, USB sticks) keep in blocks they no longer use, the WAL's
   freed space, and earlier backups; all of them are encrypted under the clinic's passphrase.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidencekit import __version__
from evidencekit.atomic import refuse_vault_target
from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import CaseNotFound, EvidenceKitError
from evidencekit.seal.identity import Identity, endorse_successor, generate_identity
from evidencekit.vault import copying, custody, items, meta, schema, seals
from evidencekit.vault.connection import connect, translate
from evidencekit.vault.copying import CopyNotVerified, TargetExists
from evidencekit.vault.custody import TRANSFER_IN, CustodyEntry
from evidencekit.vault.kdf import derive_key, new_salt
from evidencekit.vault.store import Vault, check_new_passphrase, kdf_params_for
from evidencekit.vault.subjects import (
    BUNDLE,
    CUSTODY,
    IDENTITY,
    VAULT,
    case_subject,
    is_kind,
    item_subject,
    like_pattern,
    parse_subject,
)
from evidencekit.vault.verify import verify_vault

TRANSFER_OUT = "transfer-out"
# Entries about the clinic's vault itself that her log keeps whole: its making (it names the
# key that sealed the items) and, if it was itself handed over, where it came from.
_VAULT_SHOWN = ("create", TRANSFER_IN)


class EmptyCase(EvidenceKitError):
    exit_code = 2
    message = "That case holds no evidence, so there is nothing to hand over. Nothing was changed."


@dataclass(frozen=True)
class HandoverResult:
    path: Path
    case: str
    items: tuple[str, ...]
    vault_id: str  # her vault's
    identity: str  # her key's certificate fingerprint (SHA-256)
    clinic_entry: str  # hash of the clinic's "transfer-out" entry
    compacted: bool  # VACUUM ran; False when there was no room (the case is removed anyway)


def hand_over_case(
    vault: Vault, case: str, target: Path, her_passphrase: str, *, operator_note: str = ""
) -> HandoverResult:
    """Move `case` from `vault` (open for writing) into a new vault at `target`."""
    if not vault.writable:
        raise RuntimeError("a hand-over changes the vault: open it for writing")
    target = Path(target)
    refuse_vault_target(target, vault.path)
    if target.exists():
        raise TargetExists()
    check_new_passphrase(her_passphrase)
    uids = [i.id for i in vault.items(case)]  # CaseNotFound when there is no such case
    if not uids:
        raise EmptyCase()
    needed = copying.size_needed(vault.path)
    temp = copying.new_file_beside(target, needed=needed)
    try:
        her = _build(vault, case, uids, temp, her_passphrase, operator_note)
        check_transfer(vault, temp, her.key, uids)
        copying.publish(temp, target, replace=False)
    except BaseException as exc:
        copying.discard(temp)
        if isinstance(exc, Exception) and not isinstance(exc, EvidenceKitError):
            mapped = translate(exc, target, needed=needed)
            if mapped is not exc:
                raise mapped from exc
        raise
    entry = _remove_from_clinic(vault, case, uids, her)
    return HandoverResult(
        target, case, tuple(uids), her.vault_id, her.identity.fingerprint_sha256,
        entry.hash, compact(vault),
    )  # fmt: skip


@dataclass(frozen=True)
class _Her:
    key: bytes
    vault_id: str
    identity: Identity
    entry_hash: str  # her "transfer-in" entry


def _build(
    vault: Vault, case: str, uids: list[str], temp: Path, passphrase: str, note: str
) -> _Her:
    params = kdf_params_for(vault.settings)
    salt = new_salt(params)
    key = derive_key(passphrase, salt, params)
    src = vault.conn
    dst = connect(temp, key, salt=salt, write=True)
    try:
        schema.migrate(dst)
        dst.execute("BEGIN IMMEDIATE")
        vault_id = str(uuid.uuid4())
        for k, v in (
            ("vault_id", vault_id),
            ("created_at", now_iso_z_ms()),
            ("created_by", f"EvidenceKit {__version__}"),
        ):
            meta.add(dst, k, v)
        head_seq, head_hash, withheld = _copy_log(src, dst, vault.custody(None), case, uids)
        case_id = _copy_case(src, dst, case)
        for uid in uids:
            _copy_item(src, dst, uid, case_id)
        _copy_anchors(src, dst, head_seq)
        clinic_key = vault.identity()
        identity = generate_identity()
        details: dict[str, Any] = {
            "from_vault": vault.meta("vault_id"),
            "from_seq": head_seq,
            "from_hash": head_hash,
            "case": case,
            "items": uids,
            "withheld": withheld,  # under this entry's hash: the only rows verify_chain accepts
        }
        if note:
            details["note"] = note
        operator = vault.settings.operator
        entry = custody.append(dst, operator, TRANSFER_IN, VAULT, details)
        seals.save_identity(dst, identity)
        custody.append(
            dst, operator, "identity-import", IDENTITY,
            {
                "fingerprint": identity.fingerprint_sha256,
                "replaces": clinic_key.fingerprint_sha256,
                "endorsement": endorse_successor(clinic_key, identity),
            },
        )  # fmt: skip
        dst.execute("COMMIT")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
    return _Her(key, vault_id, identity, entry.hash)


def _shown(entry: CustodyEntry, subjects: set[str], uids: set[str]) -> bool:
    """Whether a clinic entry goes into her log as it is (else as its hashes alone)."""
    if entry.action == custody.WITHHELD and not entry.object:
        return False
    if entry.object == VAULT and entry.action not in _VAULT_SHOWN:
        return False  # the clinic's housekeeping (backups, passphrase changes): not hers
    if entry.object in subjects or is_kind(entry.object, CUSTODY):
        return True
    exported = entry.details.get("items") if is_kind(entry.object, BUNDLE) else None
    # A bundle entry is shown only when every item it names is hers: no other item's id.
    return isinstance(exported, list) and bool(exported) and set(exported) <= uids


def _copy_log(
    src: Any, dst: Any, entries: list[CustodyEntry], case: str, uids: list[str]
) -> tuple[int, str | None, list[int]]:
    """Copy the log; (its head seq, head hash, the seqs written as hashes alone)."""
    subjects = {item_subject(u) for u in uids} | {case_subject(case), VAULT, IDENTITY}
    withheld: list[int] = []
    for entry in entries:
        if _shown(entry, subjects, set(uids)):
            # The details exactly as stored (their canonical JSON is what the hash covers).
            stored = src.execute("SELECT details FROM custody WHERE seq = ?", (entry.seq,))
            row = (
                entry.seq, entry.at, entry.operator, entry.action, entry.object,
                stored.fetchone()[0], entry.prev_hash, entry.hash,
            )  # fmt: skip
        else:
            row = custody.withheld_row(entry.seq, entry.prev_hash, entry.hash)
            withheld.append(entry.seq)
        dst.execute(
            "INSERT INTO custody (seq, at, operator, action, object, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
    head = (entries[-1].seq, entries[-1].hash) if entries else (0, None)
    return head[0], head[1], withheld


def _copy_case(src: Any, dst: Any, case: str) -> int:
    name, created = src.execute(
        "SELECT name, created_at FROM cases WHERE name = ?", (case,)
    ).fetchone()
    cur = dst.execute("INSERT INTO cases (name, created_at) VALUES (?, ?)", (name, created))
    return int(cur.lastrowid)


def _copy_blob(src: Any, dst: Any, sha256: str) -> None:
    if dst.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha256,)).fetchone():
        return
    blob_id, size, count = src.execute(
        "SELECT id, size, chunk_count FROM blobs WHERE sha256 = ?", (sha256,)
    ).fetchone()
    new_id = dst.execute(
        "INSERT INTO blobs (sha256, size, chunk_count) VALUES (?, ?, ?)", (sha256, size, count)
    ).lastrowid
    for seq, data in src.execute(
        "SELECT seq, data FROM chunks WHERE blob_id = ? ORDER BY seq", (blob_id,)
    ):
        dst.execute("INSERT INTO chunks (blob_id, seq, data) VALUES (?, ?, ?)", (new_id, seq, data))


def _insert_rows(
    src: Any, dst: Any, table: str, where: str, value: Any, replace: dict[str, Any]
) -> Any:
    """Copy the rows of `table` where `where` = `value`, renumbered, with `replace` applied;
    the last new row id."""
    local = copying.local_id_column(src, table)
    names = [c for c in copying.columns(src, table) if c != local or c in replace]
    listed = ", ".join(copying.name(c) for c in names)
    marks = ", ".join("?" for _ in names)
    # Every name in these two statements went through copying.name (a plain schema word).
    select = f"SELECT {listed} FROM {copying.name(table)} WHERE {copying.name(where)} = ?"  # noqa: S608
    insert = f"INSERT INTO {copying.name(table)} ({listed}) VALUES ({marks})"  # noqa: S608
    last = None
    for row in src.execute(select, (value,)).fetchall():
        values = [replace.get(c, v) for c, v in zip(names, row, strict=True)]
        last = dst.execute(insert, values).lastrowid
    return last


def _copy_item(src: Any, dst: Any, uid: str, case_id: int) -> None:
    old = int(src.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0])
    for sha256 in sorted(copying.blob_refs(src, uid)):
        _copy_blob(src, dst, sha256)
    new = int(_insert_rows(src, dst, "items", "uid", uid, {"case_id": case_id}))
    for table, column in copying.item_tables(src):
        _insert_rows(src, dst, table, column, old, {column: new})
    found = src.execute(
        "SELECT title, url, notes, body FROM search WHERE rowid = ?", (old,)
    ).fetchone()
    if found is not None:
        dst.execute(
            "INSERT INTO search (rowid, title, url, notes, body) VALUES (?, ?, ?, ?, ?)",
            (new, *found),
        )


def _copy_anchors(src: Any, dst: Any, head_seq: int) -> None:
    """The clinic's trusted timestamps over its log (custody:<seq>): they cover hashes that
    her log holds unchanged, so they stay valid there."""
    subjects = [
        str(r[0])
        for r in src.execute(
            "SELECT DISTINCT subject FROM timestamps WHERE item_id IS NULL AND subject LIKE ?",
            (like_pattern(CUSTODY),),
        )
    ]
    for subject in subjects:
        if int(parse_subject(subject)[1]) > head_seq:
            continue
        for (token,) in src.execute(
            "SELECT token_sha256 FROM timestamps WHERE subject = ? AND token_sha256 IS NOT NULL",
            (subject,),
        ).fetchall():
            _copy_blob(src, dst, str(token))
        _insert_rows(src, dst, "timestamps", "subject", subject, {})


def check_transfer(vault: Vault, temp: Path, key: bytes, uids: list[str]) -> None:
    """Her vault, read back from the disk: verify-vault passes, it holds exactly these items,
    each item's facts equal the clinic's, and every entry of the clinic's log up to the
    hand-over is in hers with the same hash (whole, or withheld)."""
    with Vault.open_with_key(temp, key, vault.settings, write=False) as her:
        report = verify_vault(her)
        problems = [f"{c.name}: {c.detail}" for c in report.checks if not c.ok]
        if sorted(i.id for i in her.items()) != sorted(uids):
            problems.append("her vault holds other items than the case")
        for uid in uids:
            if copying.item_facts(her.conn, uid) != copying.item_facts(vault.conn, uid):
                problems.append(f"item {uid} is not the same in her vault")
        clinic = [e.hash for e in vault.custody(None)]
        if [e.hash for e in her.custody(None)][: len(clinic)] != clinic:
            problems.append("her custody log does not continue the clinic's")
    if problems:
        raise CopyNotVerified(
            "Her vault was made but did not pass its check, so it was removed. Nothing was "
            "removed from this vault.",
            detail="; ".join(problems[:5]),
        )


def _remove_from_clinic(vault: Vault, case: str, uids: list[str], her: _Her) -> CustodyEntry:
    details = {
        "to_vault": her.vault_id,
        "to_identity": her.identity.fingerprint_sha256,
        "transfer_in_entry": her.entry_hash,
        "items": uids,
    }
    with vault.transaction() as conn:
        entry = custody.append(
            conn, vault.settings.operator, TRANSFER_OUT, case_subject(case), details
        )
        for uid in uids:
            local = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
            for table, column in copying.item_tables(conn):
                table_sql, column_sql = copying.name(table), copying.name(column)
                conn.execute(f"DELETE FROM {table_sql} WHERE {column_sql} = ?", (local,))  # noqa: S608
            items.delete(conn, uid)
        case_id = conn.execute("SELECT id FROM cases WHERE name = ?", (case,)).fetchone()
        if case_id is not None:
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id[0],))
    return entry


def compact(vault: Vault) -> bool:
    """VACUUM: rebuild the vault file without the pages the removal freed. It needs room for a
    second copy; without it the removal still stands (its content was zeroed) and False says
    the file was not rebuilt."""
    conn = vault.conn
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # noqa: BLE001 - the case is gone either way; only the rebuild failed
        with contextlib.suppress(Exception):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return False
    return True


__all__ = ["CaseNotFound", "EmptyCase", "HandoverResult", "TargetExists", "hand_over_case"]

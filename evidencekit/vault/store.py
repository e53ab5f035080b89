"""The vault: one encrypted SQLCipher file holding every item, artifact and custody entry.

Open it with `Vault.create` or `Vault.open`; use it as a context manager so it is always closed.
Opened for writing, it holds an OS lock (one writer at a time); readers need no lock. Every
change is one transaction: a process killed half-way leaves the vault as it was before.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit import __version__
from evidencekit.atomic import atomic_output, fsync_dir, refuse_vault_target, sweep_parts
from evidencekit.clock import iso_z_auto, now_iso_z_ms, parse_iso_z
from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import (
    AmbiguousItemId,
    ArtifactNotFound,
    CaseExists,
    CaseNotFound,
    DiskFull,
    EvidenceKitError,
    IdentityDamaged,
    ItemNotFound,
    NoPermission,
    ReadOnlyMedia,
    VaultExists,
    VaultLeftSplit,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from evidencekit.seal.identity import DEFAULT_LABEL, Identity, generate_identity, sign_detached
from evidencekit.seal.manifest import MANIFEST_NAME, ArtifactEntry, build_manifest
from evidencekit.vault import blobs, connection, custody, faults, reserve, schema, seals
from evidencekit.vault.connection import (
    PAGE_SIZE,
    DatabaseError,
    closed,
    connect,
    damaged_length,
    raise_typed,
    read_only_place,
    remove_idle_sidecars,
    sidecar,
    translate,
)
from evidencekit.vault.custody import CustodyEntry
from evidencekit.vault.kdf import SALT_SIZE, KdfParams, derive_key, new_salt, params_from_salt
from evidencekit.vault.lock import WriterLock
from evidencekit.vault.records import (
    ArtifactSource,
    CaseInfo,
    ItemRecord,
    NewItem,
    Note,
)

if TYPE_CHECKING:
    from evidencekit.seal.timestamps import TimestampOutcome

log = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 8
_OUTPUT_FOLDERS = "output_folders"  # meta key: where decrypted copies were written
_MAX_OUTPUT_FOLDERS = 20
TOKEN_MEDIA_TYPE = "application/timestamp-reply"  # noqa: S105 - a media type
SIGNATURE_NAME = "manifest.p7s"
SIGNATURE_MEDIA_TYPE = "application/pkcs7-signature"
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are read aloud and typed


def kdf_params_for(settings: Settings) -> KdfParams:
    return KdfParams.from_memory_mib(
        settings.kdf_memory_mib, settings.kdf_iterations, settings.kdf_lanes
    )


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase()


def read_salt(path: Path) -> bytes:
    """The vault's 16-byte plaintext header (see kdf.py)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SALT_SIZE)
    except FileNotFoundError as exc:
        raise VaultNotFound() from exc
    except IsADirectoryError as exc:
        raise VaultNotFound("That place is a folder, not a vault file.") from exc
    except PermissionError as exc:
        raise NoPermission(path=path, access="read", detail=str(exc)) from exc
    except OSError as exc:
        mapped = faults.from_os_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


def new_item_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(12))


class Vault:
    """An open vault. Not thread-safe: one thread uses it at a time."""

    def __init__(self, path: Path, conn: Any, settings: Settings, lock: WriterLock | None) -> None:
        self.path = path
        self.settings = settings
        self._conn = conn
        self._lock = lock
        self._identity: Identity | None = None
        # Set by close() when the vault could not be folded back into its one file.
        self.left_split: VaultLeftSplit | None = None
        # A reader met a WAL a crashed writer left, with no room on the disk to fold it in.
        self._unfoldable = (
            lock is None
            and connection.wal_has_content(path)
            and not connection.room_to_fold(path)
            and not read_only_place(path)
        )

    # --- opening and closing ----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        settings: Settings,
        *,
        identity_label: str = DEFAULT_LABEL,
    ) -> Vault:
        """Make a new vault at `path` (which must not exist) and open it for writing.

        Built under a temporary name and moved into place only when complete, so an
        interrupted `init` never leaves a half-made vault under the real name. A signing
        identity (self-signed, named `identity_label`, never the user's name by default) is
        made with it.
        """
        identity = generate_identity(identity_label)
        path = Path(path)
        if path.exists():
            raise VaultExists()
        check_new_passphrase(passphrase)
        if faults.read_only_fs(path.parent):
            raise ReadOnlyMedia(
                f"“{path.parent}” is on read-only media: a vault cannot be made there. Choose "
                "a place on a writable disk; nothing was changed."
            )
        try:
            ensure_private_dir(path.parent)
            return cls._create(path, passphrase, settings, identity)
        except OSError as exc:
            raise_typed(exc, path)
        except DatabaseError as exc:
            raise_typed(exc, path, needed=faults.MARGIN)

    @classmethod
    def _create(cls, path: Path, passphrase: str, settings: Settings, identity: Identity) -> Vault:
        params = kdf_params_for(settings)
        salt = new_salt(params)
        key = derive_key(passphrase, salt, params)
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        try:
            conn = connect(temp, key, salt=salt, write=True)
            try:
                schema.migrate(conn)
                conn.execute("BEGIN IMMEDIATE")
                for k, v in (
                    ("vault_id", str(uuid.uuid4())),
                    ("created_at", now_iso_z_ms()),
                    ("created_by", f"EvidenceKit {__version__}"),
                ):
                    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (k, v))
                seals.save_identity(conn, identity)
                custody.append(
                    conn,
                    settings.operator,
                    "create",
                    "vault",
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
            _publish_no_clobber(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        return cls.open(path, passphrase, settings, write=True)

    @classmethod
    def open(cls, path: Path, passphrase: str, settings: Settings, *, write: bool) -> Vault:
        """Open an existing vault. Raises WrongPassphrase, VaultBusy, VaultNotFound, ..."""
        path = Path(path)
        salt = read_salt(path)
        params = params_from_salt(salt)
        if params is None:
            # Not our header: not a vault, or its first bytes are damaged. A file that is not
            # whole pages long was cut short; otherwise the passphrase cannot open it, and we
            # must not guess further.
            raise damaged_length(path) or WrongPassphrase()
        if write:
            faults.check_writable_vault(path)
        key = derive_key(passphrase, salt, params)
        return cls.open_with_key(path, key, settings, write=write)

    @classmethod
    def open_with_key(cls, path: Path, key: bytes, settings: Settings, *, write: bool) -> Vault:
        lock: WriterLock | None = None
        if write:
            faults.check_writable_vault(path)
            lock = WriterLock(path)
            try:
                lock.acquire()
            except OSError as exc:
                raise_typed(exc, path)
            _remove_stale_copies(path)
        try:
            conn = connect(path, key, write=write)
            try:
                if write:
                    schema.migrate(conn)
                    _sweep_output_folders(conn)
                elif conn.execute("PRAGMA user_version").fetchone()[0] != schema.CURRENT_VERSION:
                    _upgrade_for_reading(path, conn)
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
        return cls(path, conn, settings, lock)

    def close(self) -> None:
        """Fold the WAL back into the one vault file and close (on every path, errors too).

        When the fold is not possible (the disk is full, the disk failed), the latest changes
        stay safe in the `-wal` file beside the vault; `left_split` then says so in plain words.
        """
        if self._conn is None:
            return
        conn, self._conn = self._conn, None
        problem = ""
        try:
            if self._lock is not None:
                problem = _fold(conn)
        finally:
            try:
                conn.close()
            except Exception as exc:  # noqa: BLE001 - closing must not raise over the real error
                problem = problem or str(exc)
            finally:
                closed(self.path)
                if self._lock is not None:
                    remove_idle_sidecars(self.path)
                    self._lock.release()
        if not problem and self._unfoldable and connection.wal_has_content(self.path):
            problem = "database or disk is full"  # a reader could not fold what it found
        if problem and sidecar(self.path, "-wal").exists():
            full = faults.from_sqlite_error(_Reason(problem), self.path)
            reason = "the disk is full" if isinstance(full, DiskFull) else problem
            self.left_split = VaultLeftSplit(path=self.path, reason=reason, detail=problem)
            log.warning("vault left in WAL mode beside its -wal file: %s", problem)

    def close_keeping_lock(self) -> WriterLock | None:
        """Close the database but hand the writer lock to the caller (for a file swap)."""
        lock, self._lock = self._lock, None
        self.close()
        return lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def writable(self) -> bool:
        return self._lock is not None

    @property
    def conn(self) -> Any:
        """The raw connection, for the vault's own maintenance modules (verify, rekey)."""
        if self._conn is None:
            raise RuntimeError("the vault is closed")
        return self._conn

    @contextlib.contextmanager
    def transaction(self, *, needed: int | None = None) -> Iterator[Any]:
        """One write transaction; rolled back on any error (or a kill: SQLite's journal).

        Before it commits, the room the vault file will need to take the transaction in from
        the WAL is reserved on disk: a commit that then could not be folded back into the one
        file (the disk full half-way through a checkpoint, leaving the `.ekv` alone
        inconsistent) cannot happen. A full disk, read-only media or a disk error become
        typed errors; `needed` (bytes) is what the change needs, for the message.
        """
        if not self.writable:
            raise RuntimeError("the vault was opened read-only")
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise_typed(exc, self.path, needed=needed)
        reserved: tuple[int, int] | None = None
        try:
            yield conn
            reserved = self._reserve_for_fold(conn, needed)
            conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back(conn, reserved)
            if isinstance(exc, Exception) and not isinstance(exc, EvidenceKitError):
                mapped = translate(exc, self.path, needed=needed or faults.MARGIN)
                if mapped is not exc:
                    raise mapped from exc
            raise

    def _reserve_for_fold(self, conn: Any, needed: int | None) -> tuple[int, int] | None:
        """Reserve the room the vault file needs for this transaction (see reserve.py), so the
        checkpoint after the commit always has it. Returns what to give back on rollback."""
        fd = self._lock.fileno() if self._lock is not None else None
        if fd is None:  # pragma: no cover - Windows (sidecar lock)
            return None
        target = int(conn.execute("PRAGMA page_count").fetchone()[0]) * PAGE_SIZE
        size = os.fstat(fd).st_size
        if target <= size:
            return None
        try:
            reserve.reserve(fd, size, target - size)
        except OSError as exc:
            reserve.give_back(fd, size, target - size)
            mapped = faults.from_os_error(exc, self.path, needed=needed or target - size)
            if mapped is None:
                raise
            if isinstance(mapped, DiskFull) and needed is None:
                mapped = DiskFull(
                    folder=self.path.parent, needed=target - size + faults.MARGIN, detail=str(exc)
                )
            raise mapped from exc
        return size, target

    def _roll_back(self, conn: Any, reserved: tuple[int, int] | None) -> None:
        """Undo the open transaction (SQLite may have rolled it back already after a full
        disk), give back the WAL's space, and drop a reservation this transaction made."""
        with contextlib.suppress(Exception):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        with contextlib.suppress(Exception):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        fd = self._lock.fileno() if self._lock is not None else None
        if reserved is not None and fd is not None:
            reserve.give_back(fd, reserved[0], reserved[1] - reserved[0])

    def remember_output_folder(self, folder: Path) -> None:
        """Note a folder we write decrypted copies into, so that a copy or export killed half
        way is cleaned up (its plaintext `.part` file) the next time the vault is opened."""
        folders = [str(Path(folder).resolve())]
        folders += [f for f in json.loads(self.meta(_OUTPUT_FOLDERS) or "[]") if f not in folders]
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (_OUTPUT_FOLDERS, json.dumps(folders[:_MAX_OUTPUT_FOLDERS])),
            )

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # --- signing identity ---------------------------------------------------------------------

    def identity(self) -> Identity:
        """The identity that signs new items; made on first use in a vault that has none."""
        if self._identity is None:
            found = seals.active_identity(self.conn)
            if found is None:
                if not self.writable:
                    raise IdentityDamaged("This vault has no signing identity yet.")
                with self.transaction() as conn:
                    found = generate_identity()
                    seals.save_identity(conn, found)
                    custody.append(
                        conn, self.settings.operator, "identity-create", "identity",
                        {"fingerprint": found.fingerprint_sha256},
                    )  # fmt: skip
            self._identity = found
        return self._identity

    def replace_identity(self, identity: Identity) -> None:
        """Sign new items with `identity` from now on; the old one is kept, inactive."""
        old = self.identity()
        with self.transaction() as conn:
            seals.save_identity(conn, identity)
            custody.append(
                conn,
                self.settings.operator,
                "identity-import",
                "identity",
                {"fingerprint": identity.fingerprint_sha256, "replaces": old.fingerprint_sha256},
            )
        self._identity = identity

    # --- cases ------------------------------------------------------------------------------

    def _case_id(self, conn: Any, name: str | None, *, create: bool) -> int | None:
        if not name:
            return None
        row = conn.execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            raise CaseNotFound(f"There is no case called “{name}”.")
        case_id = conn.execute(
            "INSERT INTO cases (name, created_at) VALUES (?, ?)", (name, now_iso_z_ms())
        ).lastrowid
        custody.append(conn, self.settings.operator, "create-case", f"case:{name}", {})
        return int(case_id)

    def cases(self) -> list[CaseInfo]:
        rows = self.conn.execute(
            "SELECT c.name, c.created_at, count(i.id) FROM cases c "
            "LEFT JOIN items i ON i.case_id = c.id GROUP BY c.id ORDER BY c.name"
        ).fetchall()
        return [CaseInfo(r[0], r[1], int(r[2])) for r in rows]

    def create_case(self, name: str) -> None:
        with self.transaction() as conn:
            self._case_id(conn, name, create=True)

    def rename_case(self, old: str, new: str) -> None:
        """Give a case another name; its items follow. Raises CaseNotFound / CaseExists."""
        new = new.strip()
        if not new:
            raise ValueError("a case needs a name")
        with self.transaction() as conn:
            case_id = self._case_id(conn, old, create=False)
            if new == old:
                return
            if conn.execute("SELECT 1 FROM cases WHERE name = ?", (new,)).fetchone():
                raise CaseExists(f"There is already a case called “{new}”. Nothing was changed.")
            conn.execute("UPDATE cases SET name = ? WHERE id = ?", (new, case_id))
            custody.append(
                conn, self.settings.operator, "rename-case", f"case:{old}", {"new_name": new}
            )

    # --- items ------------------------------------------------------------------------------

    def add_item(self, new: NewItem, artifacts: Sequence[ArtifactSource]) -> ItemRecord:
        """Store an item with all its artifacts and its manifest, in one transaction."""
        names = [a.name for a in artifacts]
        if len(set(names)) != len(names) or MANIFEST_NAME in names:
            raise ValueError("artifact names must be unique and not 'manifest.json'")
        uid = new_item_id()
        chunk = self.settings.chunk_size
        identity = self.identity()
        sizes = [len(a.data) if a.data is not None else a.size or 0 for a in artifacts]
        # The bytes go into the WAL first, then into the vault file: twice, for a moment.
        needed = 2 * sum(sizes) + faults.MARGIN
        with self.transaction(needed=needed) as conn:
            case_id = self._case_id(conn, new.case, create=True)
            stored: list[ArtifactEntry] = []
            for source in artifacts:
                if source.data is not None:
                    blob = blobs.put_bytes(conn, source.data, chunk)
                else:
                    assert source.stream is not None
                    blob = blobs.put_stream(conn, source.stream, chunk)
                stored.append(ArtifactEntry(source.name, source.media_type, blob.size, blob.sha256))
            _, head = custody.head(conn)
            manifest = build_manifest(
                {
                    "id": uid,
                    "kind": new.kind,
                    "url": new.url,
                    "final_url": new.final_url,
                    "file_name": new.file_name,
                    "status": new.status,
                    "captured_at": new.captured_at,
                    "operator": self.settings.operator,
                    "operator_role": self.settings.operator_role,
                    "vault_id": self.meta("vault_id"),
                    **new.manifest_fields,
                },
                stored,
                head,
            )
            manifest_blob = blobs.put_bytes(conn, manifest.data, chunk)
            stored.append(
                ArtifactEntry(
                    MANIFEST_NAME, "application/json", manifest_blob.size, manifest.sha256
                )
            )
            # Sealed at once: the signature covers the manifest, which names every artifact.
            signature = sign_detached(identity, manifest.data)
            signature_blob = blobs.put_bytes(conn, signature, chunk)
            stored.append(
                ArtifactEntry(
                    SIGNATURE_NAME, SIGNATURE_MEDIA_TYPE, signature_blob.size, signature_blob.sha256
                )
            )
            item_id = conn.execute(
                "INSERT INTO items (uid, case_id, kind, title, url, final_url, file_name, status, "
                "captured_at, operator, manifest_sha256, metadata, sensitive) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid,
                    case_id,
                    new.kind,
                    new.title,
                    new.url,
                    new.final_url,
                    new.file_name,
                    new.status,
                    new.captured_at,
                    self.settings.operator,
                    manifest.sha256,
                    json.dumps(new.metadata, ensure_ascii=False, sort_keys=True),
                    int(new.sensitive),
                ),
            ).lastrowid
            conn.executemany(
                "INSERT INTO artifacts (item_id, name, media_type, size, sha256) "
                "VALUES (?, ?, ?, ?, ?)",
                [(item_id, a.name, a.media_type, a.size, a.sha256) for a in stored],
            )
            seals.save_seal(conn, item_id, manifest.sha256, identity.fingerprint_sha256)
            if new.note:
                self._insert_note(conn, item_id, new.note)
            conn.execute(
                "INSERT INTO search (rowid, title, url, notes, body) VALUES (?, ?, ?, ?, ?)",
                (
                    item_id,
                    new.title or new.file_name or "",
                    " ".join(u for u in (new.url, new.final_url) if u),
                    new.note or "",
                    new.text,
                ),
            )
            details: dict[str, Any] = {
                "kind": new.kind,
                "manifest_sha256": manifest.sha256,
                "signed_by": identity.fingerprint_sha256,
                "artifacts": len(stored),
            }
            if new.case:
                details["case"] = new.case
            if self.settings.operator_role:
                details["role"] = self.settings.operator_role
            if new.consent:
                details["consent"] = new.consent
            custody.append(conn, self.settings.operator, new.action, f"item:{uid}", details)
        return self.item(uid)

    def _insert_note(self, conn: Any, item_id: int, body: str) -> None:
        conn.execute(
            "INSERT INTO notes (item_id, body, author, created_at) VALUES (?, ?, ?, ?)",
            (item_id, body, self.settings.operator, now_iso_z_ms()),
        )

    def resolve(self, id_or_prefix: str) -> str:
        """The full item id for an id or an unambiguous prefix of one (at least 4 characters)."""
        text = id_or_prefix.strip().lower()
        row = self.conn.execute("SELECT uid FROM items WHERE uid = ?", (text,)).fetchone()
        if row is not None:
            return str(row[0])
        if len(text) < 4 or any(c not in _ID_ALPHABET for c in text):
            raise ItemNotFound(f"No item has the id “{id_or_prefix}”.")
        rows = self.conn.execute(
            "SELECT uid FROM items WHERE substr(uid, 1, ?) = ? LIMIT 2", (len(text), text)
        ).fetchall()
        if not rows:
            raise ItemNotFound(f"No item has the id “{id_or_prefix}”.")
        if len(rows) > 1:
            raise AmbiguousItemId()
        return str(rows[0][0])

    def _row_to_item(self, row: Any) -> ItemRecord:
        (item_id, uid, case, kind, title, url, final_url, file_name, status, captured_at,
         operator, manifest_sha256, metadata, sensitive, hidden) = row  # fmt: skip
        conn = self.conn
        artifacts = tuple(
            ArtifactEntry(*a)
            for a in conn.execute(
                "SELECT name, media_type, size, sha256 FROM artifacts WHERE item_id = ? "
                "ORDER BY name",
                (item_id,),
            )
        )
        notes = tuple(
            Note(*n)
            for n in conn.execute(
                "SELECT body, author, created_at FROM notes WHERE item_id = ? ORDER BY id",
                (item_id,),
            )
        )
        tags = tuple(
            t[0]
            for t in conn.execute("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag", (item_id,))
        )
        seal: dict[str, Any] | None = None
        sealed = seals.seal_of(conn, item_id)
        if sealed is not None:
            seal = {
                "digest": sealed[0],
                "signed_by": sealed[1],
                "timestamps": [t.to_json() for t in seals.timestamps_for(conn, f"item:{uid}")],
            }
        return ItemRecord(
            id=uid,
            kind=kind,
            case=case,
            title=title,
            url=url,
            final_url=final_url,
            file_name=file_name,
            status=status,
            captured_at=captured_at,
            operator=operator,
            manifest_sha256=manifest_sha256,
            sensitive=bool(sensitive),
            artifacts=artifacts,
            metadata=json.loads(metadata),
            notes=notes,
            tags=tags,
            seal=seal,
            hidden=bool(hidden),
        )

    _ITEM_SELECT = (
        "SELECT i.id, i.uid, c.name, i.kind, i.title, i.url, i.final_url, i.file_name, i.status, "
        "i.captured_at, i.operator, i.manifest_sha256, i.metadata, i.sensitive, i.hidden "
        "FROM items i LEFT JOIN cases c ON c.id = i.case_id "
    )

    def item(self, id_or_prefix: str) -> ItemRecord:
        uid = self.resolve(id_or_prefix)
        row = self.conn.execute(self._ITEM_SELECT + "WHERE i.uid = ?", (uid,)).fetchone()
        return self._row_to_item(row)

    def items(self, case: str | None = None) -> list[ItemRecord]:
        if case is not None:
            case_id = self._case_id(self.conn, case, create=False)
            rows = self.conn.execute(
                self._ITEM_SELECT + "WHERE i.case_id = ? ORDER BY i.captured_at, i.id", (case_id,)
            ).fetchall()
        else:
            rows = self.conn.execute(self._ITEM_SELECT + "ORDER BY i.captured_at, i.id").fetchall()
        return [self._row_to_item(r) for r in rows]

    def search(self, text: str) -> list[ItemRecord]:
        """Items whose title, URL, notes or captured text contain every word of `text`."""
        words = [w for w in text.split() if w]
        if not words:
            return []
        # Each word quoted (so FTS syntax in user text is inert) and prefix-matched.
        query = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
        rows = self.conn.execute(
            self._ITEM_SELECT + "JOIN search s ON s.rowid = i.id WHERE search MATCH ? "
            "ORDER BY s.rank",
            (query,),
        ).fetchall()
        return [self._row_to_item(r) for r in rows]

    def add_note(self, id_or_prefix: str, body: str) -> None:
        uid = self.resolve(id_or_prefix)
        with self.transaction() as conn:
            item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
            self._insert_note(conn, item_id, body)
            all_notes = " ".join(
                r[0] for r in conn.execute("SELECT body FROM notes WHERE item_id = ?", (item_id,))
            )
            conn.execute("UPDATE search SET notes = ? WHERE rowid = ?", (all_notes, item_id))
            custody.append(
                conn, self.settings.operator, "note", f"item:{uid}", {"chars": len(body)}
            )

    def set_tags(self, id_or_prefix: str, tags: Iterable[str]) -> None:
        uid = self.resolve(id_or_prefix)
        clean = sorted({t.strip() for t in tags if t.strip()})
        with self.transaction() as conn:
            item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
            conn.execute("DELETE FROM tags WHERE item_id = ?", (item_id,))
            conn.executemany(
                "INSERT INTO tags (item_id, tag) VALUES (?, ?)", [(item_id, t) for t in clean]
            )
            custody.append(conn, self.settings.operator, "tag", f"item:{uid}", {"tags": clean})

    def set_hidden(self, id_or_prefix: str, hidden: bool) -> None:
        """Show only a placeholder for this item ("never show me this"), or undo that.

        The evidence itself is unchanged; only what front ends display.
        """
        uid = self.resolve(id_or_prefix)
        with self.transaction() as conn:
            conn.execute("UPDATE items SET hidden = ? WHERE uid = ?", (int(hidden), uid))
            custody.append(
                conn, self.settings.operator, "hide" if hidden else "unhide", f"item:{uid}", {}
            )

    def delete_item(self, id_or_prefix: str, reason: str = "") -> None:
        """Remove an item and its bytes for good, leaving a tombstone in the custody log."""
        item = self.item(id_or_prefix)
        with self.transaction() as conn:
            item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (item.id,)).fetchone()[0]
            conn.execute("DELETE FROM search WHERE rowid = ?", (item_id,))
            conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            freed = blobs.collect_garbage(conn)
            details: dict[str, Any] = {
                "kind": item.kind,
                "captured_at": item.captured_at,
                "manifest_sha256": item.manifest_sha256,
                "blobs_removed": freed,
            }
            if reason:
                details["reason"] = reason
            custody.append(conn, self.settings.operator, "delete", f"item:{item.id}", details)

    # --- artifacts --------------------------------------------------------------------------

    def artifact_info(self, id_or_prefix: str, name: str) -> tuple[ItemRecord, ArtifactEntry]:
        item = self.item(id_or_prefix)
        info = item.artifact(name)
        if info is None:
            raise ArtifactNotFound(
                f"Item {item.id} has no file called “{name}”. "
                f"It has: {', '.join(a.name for a in item.artifacts)}."
            )
        return item, info

    def iter_artifact(self, id_or_prefix: str, name: str) -> Iterator[bytes]:
        """The artifact's bytes, chunk by chunk, hash-checked (VaultCorrupt at the end if not)."""
        _, info = self.artifact_info(id_or_prefix, name)
        try:
            yield from blobs.iter_chunks(self.conn, info.sha256)
        except (DatabaseError, OSError) as exc:
            raise_typed(exc, self.path)

    def read_artifact(self, id_or_prefix: str, name: str) -> bytes:
        """A small artifact, whole (a manifest, metadata). Use iter_artifact for big ones."""
        return b"".join(self.iter_artifact(id_or_prefix, name))

    def extract_artifact(self, id_or_prefix: str, name: str, out: Path) -> ArtifactEntry:
        """Write an artifact, decrypted, to `out` (atomically), logging the copy first.

        Logged before any byte leaves the vault, so no crash can leave an unrecorded copy; a
        copy that then fails is logged as such.
        """
        item, info = self.artifact_info(id_or_prefix, name)
        refuse_vault_target(out, self.path)
        if not self.writable:
            # Read-only media (a lawyer's CD): the copy is made, but cannot be logged; the
            # front end says so.
            with atomic_output(out) as handle:
                for chunk in self.iter_artifact(item.id, name):
                    handle.write(chunk)
            return info
        self.remember_output_folder(Path(out).parent)
        self.log_action("extract", f"item:{item.id}", {"artifact": name, "sha256": info.sha256})
        try:
            with atomic_output(out) as handle:
                for chunk in self.iter_artifact(item.id, name):
                    handle.write(chunk)
        except Exception as exc:
            with contextlib.suppress(EvidenceKitError):  # the vault's own disk may be full too
                self.log_action(
                    "extract-failed",
                    f"item:{item.id}",
                    {"artifact": name, "reason": str(exc)[:200]},
                )
            raise
        return info

    # --- timestamps -------------------------------------------------------------------------

    def record_timestamps(self, subject: str, digest_hex: str, outcome: TimestampOutcome) -> None:
        """Store what a round of TSA requests gave for `subject` ('item:<id>' or 'custody:<n>').

        Tokens become artifacts (`timestamp.tsr`, `timestamp-2.tsr`, ...) of the item; answers
        that were not valid tokens are kept as 'failed' facts; with no token at all the subject
        is (still) 'pending'. Each event is logged in the custody chain.
        """
        item_id: int | None = None
        with self.transaction() as conn:
            if subject.startswith("item:"):
                row = conn.execute(
                    "SELECT id FROM items WHERE uid = ?", (subject.removeprefix("item:"),)
                ).fetchone()
                if row is None:
                    raise ItemNotFound()
                item_id = int(row[0])
            operator = self.settings.operator
            for token in outcome.tokens:
                blob = blobs.put_bytes(conn, token.response_der, self.settings.chunk_size)
                gen_time = iso_z_auto(token.gen_time)
                seals.add_granted(
                    conn, subject, item_id, digest_hex, token.tsa_url, gen_time, blob.sha256
                )
                details: dict[str, Any] = {
                    "digest": digest_hex,
                    "tsa": token.tsa_url,
                    "gen_time": gen_time,
                    "token_sha256": blob.sha256,
                    # TSA time minus this computer's clock: a wrong laptop clock shows here.
                    "clock_skew_s": token.clock_skew_s,
                }
                if item_id is not None:
                    name = self._next_token_name(conn, item_id)
                    conn.execute(
                        "INSERT INTO artifacts (item_id, name, media_type, size, sha256) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (item_id, name, TOKEN_MEDIA_TYPE, blob.size, blob.sha256),
                    )
                    details["artifact"] = name
                action = "timestamp" if item_id is not None else "anchor"
                custody.append(conn, operator, action, subject, details)
            for failure in outcome.failures:
                if not failure.retryable:
                    seals.add_failed(
                        conn, subject, item_id, digest_hex, failure.tsa_url, failure.reason
                    )
                    custody.append(
                        conn, operator, "timestamp-rejected", subject,
                        {"tsa": failure.tsa_url, "reason": failure.reason},
                    )  # fmt: skip
            if not outcome.tokens and subject.startswith("item:"):
                reasons = " ".join(f.reason for f in outcome.failures)
                if seals.mark_pending(conn, subject, item_id, digest_hex, reasons):
                    custody.append(
                        conn, operator, "timestamp-pending", subject,
                        {"digest": digest_hex, "reason": reasons},
                    )  # fmt: skip

    @staticmethod
    def _next_token_name(conn: Any, item_id: int) -> str:
        count = conn.execute(
            "SELECT count(*) FROM artifacts WHERE item_id = ? AND name LIKE 'timestamp%.tsr'",
            (item_id,),
        ).fetchone()[0]
        return "timestamp.tsr" if count == 0 else f"timestamp-{count + 1}.tsr"

    def subjects_without_timestamp(self) -> list[tuple[str, str]]:
        """(subject, digest) of every sealed item that holds no granted token yet."""
        rows = self.conn.execute(
            "SELECT 'item:' || i.uid, s.digest FROM items i JOIN seals s ON s.item_id = i.id "
            "WHERE NOT EXISTS (SELECT 1 FROM timestamps t WHERE t.item_id = i.id "
            "AND t.status = 'granted') ORDER BY i.id"
        ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    def last_anchor_time(self) -> datetime | None:
        row = self.conn.execute(
            "SELECT max(updated_at) FROM timestamps WHERE subject LIKE 'custody:%' "
            "AND status = 'granted'"
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return parse_iso_z(str(row[0]))

    # --- custody ----------------------------------------------------------------------------

    def custody(self, item_ids: Iterable[str] | None = None) -> list[CustodyEntry]:
        objects = None if item_ids is None else [f"item:{i}" for i in item_ids]
        return custody.entries(self.conn, objects=objects)

    def log_action(self, action: str, obj: str, details: dict[str, Any]) -> CustodyEntry:
        """Append a custody entry for something done outside the vault (an export, a view)."""
        with self.transaction() as conn:
            return custody.append(conn, self.settings.operator, action, obj, details)


def _publish_no_clobber(temp: Path, final: Path) -> None:
    """Move a finished file into place, refusing to replace one that appeared meanwhile."""
    try:
        os.link(temp, final)  # atomic, and fails if `final` exists
    except FileExistsError as exc:
        raise VaultExists() from exc
    except OSError:
        # File systems without hard links (FAT on a USB stick): best effort.
        if final.exists():
            raise VaultExists() from None
        os.replace(temp, final)
    fsync_dir(final.parent)


class _Reason(Exception):
    """A SQLite error's text, kept after its connection is gone (for the split notice)."""


def _fold(conn: Any) -> str:
    """Checkpoint the WAL into the vault file and empty it; '' when done, else why not.

    The WAL file itself goes when the connection closes (SQLite deletes it, and the -shm, when
    the last connection closes cleanly). A reader still open elsewhere keeps them, and folds
    them in when it closes: that is not a problem.
    """
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except Exception as exc:  # noqa: BLE001 - reported, never raised over the real error
        return str(exc)
    return ""


def _remove_stale_copies(path: Path) -> None:
    """Drop temporary copies an interrupted init or passphrase change left behind.

    Only called with the writer lock held, so no other process is still making them. They
    are encrypted, but they are clutter and hold old data.
    """
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*"):
        if leftover.suffix in (".rekey", ".tmp") or leftover.name.endswith((".rekey-journal",)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _upgrade_for_reading(path: Path, conn: Any) -> None:
    """A reader met an older vault: upgrade it once, as a writer would (or refuse if newer)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.CURRENT_VERSION:
        schema.migrate(conn)  # raises VaultTooNew
    if read_only_place(path):
        raise ReadOnlyMedia(
            f"The vault “{path}” was made by an older EvidenceKit and must be brought up to date "
            "once before it can be read, which cannot be done where it is (read-only media, or "
            "a folder you may not write): copy it to a writable disk and open it there."
        )
    lock = WriterLock(path)
    lock.acquire()  # VaultBusy if a writer is at work: it will have upgraded it by then
    try:
        conn.execute("PRAGMA query_only = OFF")
        schema.migrate(conn)
        conn.execute("PRAGMA query_only = ON")
    finally:
        lock.release()


def _sweep_output_folders(conn: Any) -> None:
    """Remove plaintext `.part` files a killed copy or export left in folders we wrote to."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_OUTPUT_FOLDERS,)).fetchone()
    try:
        folders = json.loads(row[0]) if row else []
    except ValueError:
        return
    for folder in folders:
        if isinstance(folder, str) and Path(folder).is_dir():
            sweep_parts(Path(folder))

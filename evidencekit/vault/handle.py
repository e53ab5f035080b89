"""An open vault file: its connection, the writer lock, transactions, and closing it back into
one file. `Vault` (store.py) builds on it with what the vault holds."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import (
    DiskFull,
    EvidenceKitError,
    ReadOnlyMedia,
    VaultExists,
    VaultLeftSplit,
    WrongPassphrase,
)
from evidencekit.seal.identity import DEFAULT_LABEL, Identity, generate_identity
from evidencekit.vault import connection, faults, opening, reserve
from evidencekit.vault.connection import (
    DatabaseError,
    closed,
    damaged_length,
    raise_typed,
    read_only_place,
    remove_idle_sidecars,
    sidecar,
    translate,
)
from evidencekit.vault.files import read_salt
from evidencekit.vault.kdf import derive_key, params_from_salt
from evidencekit.vault.lock import WriterLock
from evidencekit.vault.passphrase import check_new_passphrase

log = logging.getLogger(__name__)


class VaultFile:
    """An open vault file. Not thread-safe: one thread uses it at a time."""

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
    ) -> Self:
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
            opening.make(path, passphrase, settings, identity)
            return cls.open(path, passphrase, settings, write=True)
        except OSError as exc:
            raise_typed(exc, path)
        except DatabaseError as exc:
            raise_typed(exc, path, needed=faults.MARGIN)

    @classmethod
    def open(cls, path: Path, passphrase: str, settings: Settings, *, write: bool) -> Self:
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
    def open_with_key(cls, path: Path, key: bytes, settings: Settings, *, write: bool) -> Self:
        conn, lock = opening.connect_vault(path, key, write=write)
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
        """Close the database but hand the writer lock to the caller (for a file swap). The
        WAL is folded in first, while the lock is still ours: a swap must find every change
        in the one file (the caller checks `connection.wal_has_content` when that matters)."""
        if self._conn is not None and self._lock is not None:
            _fold(self._conn)
        lock, self._lock = self._lock, None
        self.close()
        return lock

    def __enter__(self) -> Self:
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
        fd = self._lock.fileno() if self._lock is not None else None
        return reserve.for_commit(conn, fd, self.path, needed)

    def _roll_back(self, conn: Any, reserved: tuple[int, int] | None) -> None:
        fd = self._lock.fileno() if self._lock is not None else None
        reserve.roll_back(conn, fd, reserved)


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

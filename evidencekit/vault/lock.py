"""One writer at a time: an OS lock held for as long as a vault is open for writing.

On POSIX we `flock` the vault file itself (SQLite uses fcntl byte-range locks, which do not
interact with flock on Linux and the BSDs), so no lock file is left beside the vault. On Windows
`msvcrt.locking` would collide with SQLite's own byte locks, so a sidecar `.lock` file is used.
The kernel drops the lock when the process dies, so a crash never leaves the vault "in use".
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from evidencekit.errors import VaultBusy


class WriterLock:
    """Held while a vault is open for writing. `acquire` raises VaultBusy if another holds it."""

    def __init__(self, vault_path: Path) -> None:
        self._path = vault_path
        self._handle: IO[bytes] | None = None
        self._sidecar: Path | None = None

    def acquire(self) -> None:
        handle: IO[bytes]
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            self._sidecar = _sidecar_for(self._path)
            handle = open(self._sidecar, "a+b")
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError as exc:
                handle.close()
                raise VaultBusy() from exc
        else:
            import fcntl

            # Read-write: the same descriptor reserves room for the vault to grow (see
            # Vault.transaction). Never a second descriptor on the vault: closing one would drop
            # SQLite's own POSIX locks on it.
            try:
                handle = open(self._path, "r+b")
            except PermissionError:
                handle = open(self._path, "rb")
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                handle.close()
                raise VaultBusy() from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.close()  # closing the descriptor drops the lock
        self._handle = None
        if self._sidecar is not None:  # pragma: no cover - Windows only
            try:
                self._sidecar.unlink()
            except OSError:
                pass

    def fileno(self) -> int | None:
        """The locked descriptor on the vault file itself (POSIX), for reserving space."""
        if self._handle is None or self._sidecar is not None:
            return None
        return self._handle.fileno()

    @property
    def held(self) -> bool:
        return self._handle is not None


def locked_file(vault_path: Path, platform: str = sys.platform) -> Path:
    """The file whose lock `WriterLock(vault_path)` takes: the vault itself (POSIX), or its
    sidecar on Windows — one `.lock` shared by a whole shelf, so take it once per shelf."""
    return _sidecar_for(vault_path) if platform == "win32" else vault_path


def _sidecar_for(vault_path: Path) -> Path:
    """The Windows lock file. On a shelf (vault/shelf.py: files named 16 hex characters) one
    lock file, `.lock`, serves every file there, so its name never says which one is open
    (one writer per shelf at a time); elsewhere `<vault>.lock`, as before."""
    if len(vault_path.stem) == 16 and all(c in "0123456789abcdef" for c in vault_path.name):
        return vault_path.with_name(".lock")
    return vault_path.with_name(vault_path.name + ".lock")

"""Atomic file output: write under a temporary name beside the target, then rename.

A reader (or a court) never finds a half-written file under the final name, whatever happens
to the process: either the old file (or none) is there, or the complete new one.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, NoReturn

from evidencekit.errors import OutputFileError

log = logging.getLogger(__name__)

# `.<name>.<12 hex>.part`: what temp_path_beside makes (and nothing else should look like it).
_PART = re.compile(r"^\..+\.[0-9a-f]{12}\.part$")


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_VAULT_SIDECARS = ("", "-wal", "-shm", "-journal")


def refuse_vault_target(target: Path, vault_path: Path) -> None:
    """Refuse to write a copy over the vault itself (or its journal files).

    An atomic rename onto the vault's name would silently replace the only copy of the
    evidence with the copy being written: one mistyped `-o` must never do that.
    """
    target = Path(target)
    for suffix in _VAULT_SIDECARS:
        protected = vault_path.with_name(vault_path.name + suffix)
        same = target.exists() and protected.exists() and os.path.samefile(target, protected)
        if same or target.resolve() == protected.resolve():
            raise OutputFileError(
                f"“{target}” is the vault file itself. Nothing was written: "
                "choose another name for the copy."
            )


def temp_path_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")


def lock_part(handle: IO[bytes]) -> bool:
    """An exclusive lock on a temporary file, held while it is written (POSIX only): a sweep
    never deletes a part that a live process is still writing."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: open files cannot be deleted anyway
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def sweep_parts(folder: Path, name: str | None = None) -> int:
    """Delete unfinished temporary files (of `name`, or of any file) that a killed process
    left in `folder`: they may hold decrypted evidence. Parts still being written are kept."""
    removed = 0
    pattern = f".{name}.*.part" if name else ".*.part"
    try:
        candidates = [p for p in folder.glob(pattern) if _PART.match(p.name)]
    except OSError:
        return 0
    for leftover in candidates:
        try:
            with open(leftover, "rb") as handle:
                if not lock_part(handle):
                    continue
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    if removed:
        log.info("removed %d unfinished file(s) left by an interrupted copy or export", removed)
    return removed


def check_output_target(path: Path) -> None:
    """Refuse, before any work, a target that is a folder or lies in a missing folder."""
    if path.is_dir():
        raise OutputFileError(f"“{path}” is a folder. Give a file name to write to.")
    if not path.parent.is_dir():
        raise OutputFileError(f"The folder “{path.parent}” does not exist.")


def _typed(exc: OSError, path: Path, temp: Path, expected_size: int | None) -> Exception:
    """A full disk, read-only media or a folder we may not write, in plain words. An error
    about some other file (a font the writer reads) is left for the caller to explain."""
    import errno

    from evidencekit.vault.faults import from_os_error

    ours = exc.filename is None or os.fspath(exc.filename) in (os.fspath(path), os.fspath(temp))
    if not ours or (exc.filename is None and exc.errno in (errno.EACCES, errno.EPERM)):
        return exc
    needed = None if expected_size is None else expected_size + 1_000_000
    return from_os_error(exc, path.parent, needed=needed) or exc


class _SaysDiskErrors:
    """Mixed into a buffered file: its full disk (ENOSPC, EDQUOT) or read-only media (EROFS)
    is said at once as DiskFull / ReadOnlyMedia, which are not OSError: a writer that catches
    OSError for other reasons (a network error while signing) cannot take a full disk for
    something else."""

    plain: tuple[Path, Path, int | None]

    def write(self, data: Any) -> int:
        try:
            return super().write(data)  # type: ignore[misc]
        except OSError as exc:
            _raise_said(exc, self.plain)

    def flush(self) -> None:
        try:
            super().flush()  # type: ignore[misc]
        except OSError as exc:
            _raise_said(exc, self.plain)


class _PlainWriter(_SaysDiskErrors, io.BufferedWriter):
    """A plaintext output file that says a full disk or read-only media plainly."""


class _PlainRandom(_SaysDiskErrors, io.BufferedRandom):
    """The same, readable too (the PDF signer goes back over what it wrote)."""


def _raise_said(exc: OSError, plain: tuple[Path, Path, int | None]) -> NoReturn:
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS):
        typed = _typed(exc, *plain)
        if typed is not exc:
            raise typed from exc
    raise exc


def _open_plain(
    fd: int, path: Path, temp: Path, expected_size: int | None, *, readable: bool
) -> BinaryIO:
    raw = io.FileIO(fd, "r+b" if readable else "wb", closefd=True)
    handle: _PlainWriter | _PlainRandom = _PlainRandom(raw) if readable else _PlainWriter(raw)
    handle.plain = (path, temp, expected_size)
    return handle


@contextlib.contextmanager
def atomic_output(
    path: Path, *, mode: int = 0o600, readable: bool = False, expected_size: int | None = None
) -> Iterator[BinaryIO]:
    """Yield a binary handle; on success the bytes appear at `path` atomically, owner-only.

    `readable` gives a read-write handle (for writers that go back over what they wrote, like
    the PDF signer). A full disk (ENOSPC, EDQUOT), read-only media (EROFS) or a folder this user
    may not write (EACCES) come out as DiskFull, ReadOnlyMedia or NoPermission, after the
    unfinished file is removed; `expected_size` (bytes, if the writer can tell) lets DiskFull
    say how much to free.
    """
    path = Path(path)
    check_output_target(path)
    temp = temp_path_beside(path)
    access = os.O_RDWR if readable else os.O_WRONLY
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | access | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        typed = _typed(exc, path, temp, expected_size)
        if typed is not exc:
            raise typed from exc
        raise OutputFileError(f"Cannot write in “{path.parent}”: {exc.strerror}.") from exc
    try:
        with _open_plain(fd, path, temp, expected_size, readable=readable) as handle:
            lock_part(handle)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            typed = _typed(exc, path, temp, expected_size)
            if typed is not exc:
                raise typed from exc
        raise

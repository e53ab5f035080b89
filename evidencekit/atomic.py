"""Atomic file output: write under a temporary name beside the target, then rename.

A reader (or a court) never finds a half-written file under the final name, whatever happens
to the process: either the old file (or none) is there, or the complete new one.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from evidencekit.errors import OutputFileError


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


@contextlib.contextmanager
def atomic_output(path: Path, *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary handle; on success the bytes appear at `path` atomically, owner-only."""
    path = Path(path)
    if path.is_dir():
        raise OutputFileError(f"“{path}” is a folder. Give a file name to write to.")
    if not path.parent.is_dir():
        raise OutputFileError(f"The folder “{path.parent}” does not exist.")
    temp = temp_path_beside(path)
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        raise OutputFileError(f"Cannot write in “{path.parent}”: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise

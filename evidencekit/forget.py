""" "Forget this computer": remove what EvidenceKit wrote in its own places on this machine.

What goes: the app's data folder (the default vault `default.ekv`, the shelf of look-alike
files a duress passphrase makes, anything else there), its settings folder, its cache and state
folders, browser temp folders of captures that a crash left, and the disguised "Notes"
launcher (`launchers.py`) when it is ours. Nothing here needs a list of vaults: the places are
the app's own folders, so no setting ever has to name a vault, and everything in them goes.

What stays: vaults anywhere else (a USB stick, a folder chosen with --vault), bundles and
copies she exported, backups, and what the operating system keeps on its own (see the help:
flash media, snapshots, cloud sync, the browser Playwright installed).

Each file is overwritten before it is deleted: its first 64 KiB with random bytes (a vault's
first 16 bytes are the salt its key is derived with; without them no passphrase opens it
again, even from a copy of the rest), the remainder with zeros. On a hard disk that erases the
bytes; on flash media (SSDs, USB sticks, phones) the drive may keep the old blocks, which are
then encrypted vault pages without their salt.

Every vault in these folders must be closed: a vault open for writing (its writer lock held)
stops the whole run before anything is removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from evidencekit import launchers
from evidencekit.capture import tempdirs
from evidencekit.config import APP_NAME, config_dir, data_dir
from evidencekit.errors import EvidenceKitError, UsageError
from evidencekit.vault.lock import WriterLock, locked_file

CONFIRM_WORD = "FORGET"  # what the CLI asks her to type; the app asks for its own word
_HEAD = 64 * 1024
_BLOCK = 1024 * 1024


class ForgetNotConfirmed(UsageError):
    message = "Nothing was removed: forgetting this computer needs the word typed to confirm it."


class ForgetIncomplete(EvidenceKitError):
    exit_code = 1
    message = (
        "Not everything could be removed from this computer. What is left is listed; close "
        "other programs that may use it and try again."
    )


@dataclass(frozen=True)
class ForgetPlan:
    """What would be removed: folders of the app that exist, and the launcher."""

    folders: tuple[Path, ...]
    files: int
    size: int
    launcher: bool

    @property
    def empty(self) -> bool:
        return not self.folders and not self.launcher


@dataclass
class ForgetReport:
    removed: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


def app_folders() -> list[Path]:
    """The app's own folders on this machine (whether or not they exist), none inside another."""
    found = [
        data_dir(),
        config_dir(),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
    ]
    unique: list[Path] = []
    for folder in sorted(set(found), key=lambda p: len(p.parts)):
        if not any(u == folder or u in folder.parents for u in unique):
            unique.append(folder)
    return unique


def plan(places: launchers.Places | None = None) -> ForgetPlan:
    folders = tuple(f for f in app_folders() if f.is_dir() and not f.is_symlink())
    files = [p for f in folders for p in _files(f)]
    size = sum(_size(p) for p in files)
    return ForgetPlan(folders, len(files), size, launchers.is_installed(places))


def forget_this_computer(
    *, confirmed: bool, places: launchers.Places | None = None
) -> ForgetReport:
    """Remove everything `plan()` lists. `confirmed` is the typed word's answer."""
    if not confirmed:
        raise ForgetNotConfirmed()
    planned = plan(places)
    locks = _lock_all(planned.folders)  # VaultBusy before anything is removed
    report = ForgetReport()
    try:
        for folder in planned.folders:
            for path in _files(folder):
                try:
                    scrub(path)
                    report.removed.append(path)
                except OSError:
                    report.left.append(path)
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                report.left.append(folder)
    finally:
        for lock in locks:
            lock.release()
    with contextlib.suppress(OSError):
        tempdirs.sweep_abandoned()
    if planned.launcher:
        try:
            report.removed += launchers.remove_launcher(places)
        except launchers.LauncherError:
            report.left.append(launchers.Places.here().entry if places is None else places.entry)
    if report.left:
        raise ForgetIncomplete(detail=", ".join(str(p) for p in report.left[:10]))
    return report


def scrub(path: Path) -> None:
    """Overwrite a file in place (random head, zeroed rest), flush it to the disk, delete it."""
    size = _size(path)
    with open(path, "r+b", buffering=0) as handle:
        handle.write(secrets.token_bytes(min(size, _HEAD)))
        done = min(size, _HEAD)
        zeros = bytes(_BLOCK)
        while done < size:
            step = min(_BLOCK, size - done)
            handle.write(zeros[:step])
            done += step
        os.fsync(handle.fileno())
    path.unlink()


def _lock_all(folders: tuple[Path, ...]) -> list[WriterLock]:
    """Take the writer lock of every file in the folders (vaults and look-alikes): a vault
    still open for writing somewhere raises VaultBusy and nothing has been removed."""
    locks: list[WriterLock] = []
    taken: set[Path] = set()  # on Windows a whole shelf shares one lock file: take it once
    try:
        for folder in folders:
            for path in _files(folder):
                if path.name.endswith(("-wal", "-shm", "-journal", ".lock")):
                    continue
                if locked_file(path) in taken:
                    continue
                taken.add(locked_file(path))
                lock = WriterLock(path)
                lock.acquire()
                locks.append(lock)
    except BaseException:
        for lock in locks:
            lock.release()
        raise
    return locks


def _files(folder: Path) -> list[Path]:
    """Every regular file under `folder`, never following a link out of it."""
    found = []
    for root, _dirs, names in os.walk(folder, followlinks=False):
        for name in names:
            path = Path(root) / name
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return sorted(found)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

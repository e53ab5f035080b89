"""A shelf: one folder of look-alike files, some of them vaults, the rest padding (issue 14).

She may have a second passphrase that opens a decoy vault. For that to protect her, nothing
may say which file is her real vault, or that there is one besides the decoy: not a name, a
size, a header, a time, a file beside it, a setting. So vaults that share a passphrase rule
live on a shelf (`<data dir>/shelf/` by default, any folder with `--vault DIR`):

- every file is named 16 random hex characters, vault or padding (padding.py);
- the unlock rule: the typed passphrase is tried against *every* file, each with its own
  header's KDF parameters: one Argon2id derivation per file, then the first page's HMAC of
  each (connection.first_page_authentic), whichever file matches, or none. So the real
  passphrase, the decoy's and a wrong one cost the same work and look the same. The
  derivations run one after another: each already uses several cores (4 Argon2id lanes:
  0.15 s at 64 MiB here, 0.43 s with one lane), and cryptography 50's Argon2id with lanes
  > 1 deadlocks when two threads derive at once (seen here);
- every file on the shelf has an empty `-wal` and a zeroed `-shm` beside it (`dress`), like
  the pair SQLite keeps beside an open vault; a shelf vault is checkpointed after every
  commit and every file's times are then evened out (store.py), so between commits her
  vault's `-wal` is empty and no time is newer than another's: a crash leaves nothing that
  stands out by name, size or time; `tidy` (run at every look at the shelf) replaces the
  pairs no one uses and evens out the times again;
- after a shelf vault closes, padding is added where its size class needs companions, and
  every file gets the same access and modification time.

Nothing is ever wiped: opening with any passphrase only reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING

from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import UsageError, VaultNotFound, WrongPassphrase
from evidencekit.vault import kdf, padding
from evidencekit.vault.connection import first_page_authentic, remove_idle_sidecars, sidecar
from evidencekit.vault.kdf import SALT_SIZE, params_from_salt

if TYPE_CHECKING:
    from evidencekit.vault.store import Vault

FOLDER_NAME = "shelf"  # beside the vault file it replaced: <data dir>/shelf by default
_NAME = re.compile(r"[0-9a-f]{16}")


class PassphraseTaken(UsageError):
    """A new passphrase would open a vault that is already on the shelf (exit 2)."""

    message = (
        "That passphrase already opens a vault in this folder. Choose a different one; "
        "nothing was changed."
    )


def members(folder: Path) -> list[Path]:
    """The shelf's files (vaults and padding), in name order; sidecars and temporary files
    are not members."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(
        Path(e.path)
        for e in entries
        if _NAME.fullmatch(e.name) and e.is_file(follow_symlinks=False)
    )


def is_shelf(path: Path) -> bool:
    return path.is_dir()


def resolve(path: Path) -> Path:
    """Where a vault path points for opening: the path itself, or, for a vault file that was
    moved onto the shelf beside it when she set a second passphrase, that shelf."""
    if path.exists():
        return path
    beside = path.parent / FOLDER_NAME
    if beside.is_dir() and members(beside):
        return beside
    return path


def shelf_of(path: Path) -> Path | None:
    """The shelf a chosen file belongs to (she picked one of its files), else None."""
    return path.parent if path in members(path.parent) and len(members(path.parent)) > 1 else None


def new_name(folder: Path) -> Path:
    """A free random name on the shelf (free of sidecars too)."""
    while True:
        candidate = folder / secrets.token_hex(8)
        if not any(p.name.startswith(candidate.name) for p in folder.iterdir()):
            return candidate


# --- keeping the shelf uniform ----------------------------------------------------------------


SIDECARS = (("-wal", 0), ("-shm", 32 * 1024))  # SQLite's files beside an open WAL vault


def _with_sidecars(folder: Path) -> list[Path]:
    files = members(folder)
    return files + [sidecar(p, suffix) for p in files for suffix, _size in SIDECARS]


def even_out_times(folder: Path, at_ns: int | None = None) -> None:
    """Give every file on the shelf, and the sidecars beside each, the same access and
    modification time: `at_ns`, else the latest modification time among the shelf's files."""
    files = members(folder)
    if not files:
        return
    if at_ns is None:
        stamps = []
        for path in files:
            with contextlib.suppress(OSError):
                stamps.append(path.stat().st_mtime_ns)
        at_ns = max(stamps, default=time.time_ns())
    # A planted symlink's target is never touched, where the system lets us say so.
    own = os.utime not in os.supports_follow_symlinks
    for path in _with_sidecars(folder):
        with contextlib.suppress(OSError):
            os.utime(path, ns=(at_ns, at_ns), follow_symlinks=own)


def dress(folder: Path) -> None:
    """Give every file on the shelf the pair SQLite keeps beside an open vault: an empty
    `-wal` and a `-shm` of zeros, of the sizes SQLite's own have between our commits. Then
    the pair beside her vault while it is open, or left by a crash, is one pair among many.
    Never touches an existing file (O_EXCL): SQLite may have just made its own; a zeroed
    `-shm` is one SQLite re-initialises when it opens the vault, and an empty `-wal` holds
    nothing to replay."""
    for path in members(folder):
        for suffix, size in SIDECARS:
            try:
                fd = os.open(sidecar(path, suffix), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except OSError:
                continue  # there already (SQLite's, or ours), or read-only media
            try:
                if size:
                    os.write(fd, bytes(size))
            finally:
                os.close(fd)


def tidy(folder: Path) -> None:
    """What every look at the shelf does first: remove the empty `-wal`/`-shm` files a vault
    killed between commits left (only those no connection uses), and even out the times."""
    for path in members(folder):
        if _open_here(path):
            continue  # a vault this process is still closing (the app just locked)
        remove_idle_sidecars(path)  # ours, and those a crash left (when idle and empty)
        _remove_stale_copies(path)
    sweep_abandoned(folder)
    dress(folder)
    even_out_times(folder)


# `.<name>.<hex>.tmp` (a vault or padding being written) and its SQLite files, or a scratch
# folder `.<random>.tmp` of a decoy set-up.
_TEMP = re.compile(r"\.([0-9a-f]{16})\.([0-9a-f]{32})\.tmp(-wal|-shm|-journal)?|\.[^.]+\.tmp")


def sweep_abandoned(folder: Path) -> None:
    """Remove what a killed set-up, padding write or vault creation left, only when its
    writer is gone (padding.hold): it names nothing that exists, but it is clutter."""
    import shutil

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _TEMP.fullmatch(entry.name)
        if found is None:
            continue
        path = Path(entry.path)
        if found.group(1) and (folder / found.group(1)).exists():
            continue  # a finished file's copy: _remove_stale_copies, under that file's lock
        held = path.with_name(path.name.removesuffix(found.group(3) or ""))
        if not padding.abandoned(held if held.exists() else path):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()


def _open_here(path: Path) -> bool:
    """Whether this process has `path` open: a second descriptor on it, once closed, would
    drop SQLite's own POSIX locks on it (lock.py)."""
    from evidencekit.vault import connection

    return connection._open_here[connection._key(path)] > 0


def _remove_stale_copies(path: Path) -> None:
    """The `.<name>.*.rekey`/`.tmp` copies an interrupted passphrase change left (they name
    the file), when no writer holds that file (else it is still at work)."""
    from evidencekit.errors import VaultBusy
    from evidencekit.vault.files import remove_stale_copies
    from evidencekit.vault.lock import WriterLock

    lock = WriterLock(path)
    try:
        lock.acquire()
    except (VaultBusy, OSError):
        return
    try:
        remove_stale_copies(path)
    finally:
        lock.release()


def top_up(folder: Path, vault_path: Path, settings: Settings) -> None:
    """Add the padding the class of `vault_path` needs (padding.plan), with its KDF header."""
    files = members(folder)
    try:
        size = vault_path.stat().st_size
    except OSError:
        return
    others = []
    for path in files:
        if path != vault_path:
            with contextlib.suppress(OSError):
                others.append(path.stat().st_size)
    params = padding.header_params(vault_path, _settings_params(settings))
    for size_wanted in padding.plan(size, others):
        padding.write(new_name(folder), size_wanted, params)


def after_close(folder: Path, vault_path: Path, settings: Settings) -> None:
    """Run by `Vault.close` for a shelf vault: padding where needed, then one time for all."""
    with contextlib.suppress(OSError):
        top_up(folder, vault_path, settings)
    dress(folder)
    even_out_times(folder, time.time_ns())


# --- the unlock rule --------------------------------------------------------------------------


def _settings_params(settings: Settings) -> kdf.KdfParams:
    return kdf.KdfParams.from_memory_mib(
        settings.kdf_memory_mib, settings.kdf_iterations, settings.kdf_lanes
    )


def _bearable(params: kdf.KdfParams, ours: kdf.KdfParams) -> bool:
    """Whether a header's cost is one we would make: a file planted on the shelf must not make
    every unlock derive with 4 GiB (padding copies the cost of a real vault, so it passes)."""
    return params.memory_log2_kib <= max(20, ours.memory_log2_kib) and params.iterations <= max(
        10, ours.iterations
    )


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_SIZE)
    except OSError:
        salt = b""
    return salt.ljust(SALT_SIZE, b"\0")


def find(folder: Path, passphrase: str, settings: Settings) -> list[tuple[Path, bytes]]:
    """Every shelf file `passphrase` opens, with its key. Always one key derivation and one
    first-page check per file, whatever matches."""
    fallback = _settings_params(settings)
    found = []
    for path in members(folder):
        salt = _header(path)
        params = params_from_salt(salt)
        if params is None or not _bearable(params, fallback):
            params = fallback  # not a vault of ours (or a planted one): the same work anyway
        key = kdf.derive_key(passphrase, salt, params)
        if first_page_authentic(path, key):
            found.append((path, key))
    return found


def open_shelf(folder: Path, passphrase: str, settings: Settings, *, write: bool) -> Vault:
    """The vault on the shelf that `passphrase` opens. WrongPassphrase when none does."""
    from evidencekit.vault.store import Vault

    if not members(folder):
        raise VaultNotFound("There is no vault in that folder.")
    tidy(folder)
    found = find(folder, passphrase, settings)
    if not found:
        raise WrongPassphrase()
    path, key = found[0]  # two files never share a passphrase: add_vault and passwd refuse it
    vault = Vault.open_with_key(path, key, settings, write=write)
    vault.shelf = folder
    return vault


def open_place(path: Path, passphrase: str, settings: Settings, *, write: bool) -> Vault:
    """Open what a vault path names: a shelf (a folder) or one vault file, as before."""
    from evidencekit.vault.store import Vault

    place = resolve(Path(path))
    if is_shelf(place):
        return open_shelf(place, passphrase, settings, write=write)
    return Vault.open(place, passphrase, settings, write=write)


def refuse_taken(folder: Path, passphrase: str, settings: Settings) -> None:
    """PassphraseTaken if `passphrase` opens any file on the shelf."""
    if find(folder, passphrase, settings):
        raise PassphraseTaken()


def add_vault(
    folder: Path, passphrase: str, settings: Settings, *, identity_label: str | None = None
) -> Vault:
    """Make a new vault on the shelf under a random name and open it for writing."""
    from evidencekit.seal.identity import DEFAULT_LABEL
    from evidencekit.vault.passphrase import check_new_passphrase
    from evidencekit.vault.store import Vault

    check_new_passphrase(passphrase)
    ensure_private_dir(folder)
    tidy(folder)
    refuse_taken(folder, passphrase, settings)
    vault = Vault.create(
        new_name(folder), passphrase, settings, identity_label=identity_label or DEFAULT_LABEL
    )
    vault.shelf = folder
    return vault

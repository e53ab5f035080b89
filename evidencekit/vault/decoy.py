"""Setting a second passphrase: a decoy vault beside her real one, on a shelf (shelf.py).

`set_up_decoy(vault, decoy_passphrase, settings)` with her vault open for writing:

- a vault already on a shelf: a new vault is made on the same shelf;
- a vault file alone (`default.ekv`, a file on a stick): a shelf is made in the folder
  `shelf` beside it, and the vault is *copied* onto it under a random name (a copy, not a
  rename: a new file, born with the others, instead of one much older than its neighbours),
  checked byte for byte against the original, and only then is the original removed. On any
  failure before that, what was made on the new shelf is removed and her vault stays where it
  was, untouched. The file is moved, never changed: its seals and custody log are as before.

Then the decoy vault is made under the second passphrase, with nothing in it: she fills it
herself (a few notes or pictures of her choice) by opening it with that passphrase. It holds
nothing of the real vault: its own id, its own signing identity, its own custody log. Padding
is added for both vaults' size classes, plus a few files more, in random order.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import tempfile
from pathlib import Path

from evidencekit.atomic import fsync_dir
from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import VaultBusy, VaultCorrupt
from evidencekit.vault import connection, padding, shelf
from evidencekit.vault.connection import first_page_authentic, remove_idle_sidecars
from evidencekit.vault.files import publish_no_clobber, read_salt
from evidencekit.vault.kdf import derive_key, params_from_salt
from evidencekit.vault.passphrase import check_new_passphrase
from evidencekit.vault.store import Vault

_rng = random.SystemRandom()


def set_up_decoy(
    vault: Vault, decoy_passphrase: str, settings: Settings, *, folder: Path | None = None
) -> Path:
    """Make a decoy vault opened by `decoy_passphrase` beside `vault` (open for writing) and
    return the shelf folder. `vault` is closed when this returns."""
    check_new_passphrase(decoy_passphrase)
    if not vault.writable:
        raise RuntimeError("the vault must be open for writing")
    _refuse_same(vault.path, decoy_passphrase)
    if vault.shelf is not None:
        place = vault.shelf
        shelf.refuse_taken(place, decoy_passphrase, settings)  # before closing: she stays in
        vault.close()
        shelf.add_vault(place, decoy_passphrase, settings).close()
        return place
    place = folder or vault.path.parent / shelf.FOLDER_NAME
    existed = place.exists()
    ensure_private_dir(place)
    shelf.tidy(place)
    shelf.refuse_taken(place, decoy_passphrase, settings)
    original = vault.path
    lock = vault.close_keeping_lock()  # folded into one file; nobody writes it meanwhile
    if connection.wal_has_content(original):  # a reader elsewhere kept changes in the -wal
        if lock is not None:
            lock.release()
        if not existed:
            with contextlib.suppress(OSError):
                place.rmdir()  # nothing was put in it
        raise VaultBusy()  # nothing moved: the copy would miss her latest changes
    made: list[Path] = []
    try:
        _fill_new_shelf(place, original, decoy_passphrase, settings, made)
        shelf.dress(place)
        shelf.even_out_times(place)
        # Still under her writer lock: nobody can have written the original since the copy.
        original.unlink()
    except BaseException:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        if lock is not None:
            lock.release()
    remove_idle_sidecars(original)
    fsync_dir(original.parent)
    return place


def _refuse_same(path: Path, passphrase: str) -> None:
    """PassphraseTaken when the second passphrase is the one that opens `path` itself."""
    salt = read_salt(path)
    params = params_from_salt(salt)
    if params is not None and first_page_authentic(path, derive_key(passphrase, salt, params)):
        raise shelf.PassphraseTaken(
            "The second passphrase must be different from the one that opens this vault. "
            "Nothing was changed."
        )


def _fill_new_shelf(
    place: Path, original: Path, decoy_passphrase: str, settings: Settings, made: list[Path]
) -> None:
    """Her vault's copy, the decoy and the padding, each file *created* in random order (so
    the order of their inode numbers and birth times says nothing), then filled and named.

    The decoy is made first in a scratch folder and copied in like her vault: SQLite makes
    its own files, and their order would otherwise give it away."""
    scratch = Path(tempfile.mkdtemp(prefix=".", suffix=".tmp", dir=place))
    held = os.open(scratch, os.O_RDONLY)  # the folder itself, held while it is in use
    try:
        padding.hold(held)
        decoy = scratch / "new"
        Vault.create(decoy, decoy_passphrase, settings).close()
        remove_idle_sidecars(decoy)
        fallback = shelf._settings_params(settings)
        jobs: list[tuple[Path | None, int, Path]] = [(original, 0, original), (decoy, 0, decoy)]
        for size, like in _padding(place, [original, decoy]):
            jobs.append((None, size, like))
        _rng.shuffle(jobs)
        names: set[str] = set()
        slots = []
        for job in jobs:  # create every file now, in this order
            target = shelf.new_name(place)
            while target.name in names:
                target = shelf.new_name(place)
            names.add(target.name)
            temp = padding.temp_name(target)
            fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            slots.append((job, target, temp, fd))
            padding.hold(fd)  # a set-up killed now leaves it for the next look to sweep
        try:
            for (source, size, like), target, temp, fd in slots:
                if source is not None:
                    _copy_checked(source, fd, temp, target)
                else:
                    padding.fill(fd, size, padding.header_params(like, fallback))
                    publish_no_clobber(temp, target)
                made.append(target)
        finally:
            for _job, _target, temp, fd in slots:
                with contextlib.suppress(OSError):
                    os.close(fd)
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        os.close(held)


def _copy_checked(source: Path, fd: int, temp: Path, target: Path) -> None:
    """Copy a vault file into `temp` (open as `fd`), fsync, name it `target`, compare hashes."""
    digest = hashlib.sha256()
    with open(source, "rb") as src:
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            os.write(fd, chunk)  # a regular file: written whole
    os.fsync(fd)
    publish_no_clobber(temp, target)
    if _sha256(target) != digest.hexdigest() or _sha256(source) != digest.hexdigest():
        target.unlink()
        raise VaultCorrupt(
            "The copy of the vault did not match the original, so nothing was moved. The "
            "disk may be failing: make a backup of the vault now."
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _padding(place: Path, vaults: list[Path]) -> list[tuple[int, Path]]:
    """Sizes of padding for each vault's size class, and a few files more (6-9 in all), each
    with the vault whose KDF header it copies."""
    sizes = {p: p.stat().st_size for p in vaults}
    others = [p.stat().st_size for p in shelf.members(place)]
    jobs: list[tuple[int, Path]] = []
    for path in vaults:
        around = others + [s for s, _ in jobs] + [sizes[v] for v in vaults if v != path]
        jobs += [(s, path) for s in padding.plan(sizes[path], around)]
    top = max(padding.size_class(size) for size in sizes.values())
    count = len(others) + len(vaults) + len(jobs)
    jobs += [(s, _rng.choice(vaults)) for s in padding.extras(top, count)]
    return jobs

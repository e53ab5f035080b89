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
from pathlib import Path

from evidencekit.atomic import fsync_dir
from evidencekit.config import Settings, ensure_private_dir
from evidencekit.errors import VaultCorrupt
from evidencekit.vault import padding, shelf
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
    ensure_private_dir(place)
    shelf.tidy(place)
    shelf.refuse_taken(place, decoy_passphrase, settings)
    original = vault.path
    lock = vault.close_keeping_lock()  # folded into one file; nobody writes it meanwhile
    made: list[Path] = []
    try:
        real = shelf.new_name(place)
        _copy_checked(original, real)
        made.append(real)
        decoy = shelf.add_vault(place, decoy_passphrase, settings)
        made.append(decoy.path)
        decoy.shelf = None  # its padding is planned below, with the real vault's
        decoy.close()
        _pad(place, [real, decoy.path], settings, made)
        shelf.even_out_times(place)
    except BaseException:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        if lock is not None:
            lock.release()
    original.unlink()
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


def _copy_checked(source: Path, target: Path) -> None:
    """Copy the vault file to `target` (temporary name, fsync, rename), then compare hashes."""
    temp = padding.temp_name(target)
    digest = hashlib.sha256()
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            while chunk := src.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        publish_no_clobber(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
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


def _pad(place: Path, vaults: list[Path], settings: Settings, made: list[Path]) -> None:
    """Padding for each vault's size class and a few files more, written in random order."""
    others = [p.stat().st_size for p in shelf.members(place) if p not in vaults]
    jobs: list[tuple[int, Path]] = []
    fallback = shelf._settings_params(settings)
    for path in vaults:
        size = path.stat().st_size
        planned = padding.plan(size, others + [s for s, _ in jobs] + _sizes(vaults, path))
        jobs += [(s, path) for s in planned]
    top = max(padding.size_class(p.stat().st_size) for p in vaults)
    count = len(shelf.members(place)) + len(jobs)
    jobs += [(s, _rng.choice(vaults)) for s in padding.extras(top, count)]
    _rng.shuffle(jobs)
    for size, like in jobs:
        target = shelf.new_name(place)
        padding.write(target, size, padding.header_params(like, fallback))
        made.append(target)


def _sizes(vaults: list[Path], but: Path) -> list[int]:
    return [p.stat().st_size for p in vaults if p != but]

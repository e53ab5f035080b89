"""Padding files for a shelf: random bytes that look, from outside, exactly like a vault.

What an examiner sees of a shelf file without a passphrase, and how padding matches it:

- its name: 16 random hex characters, for vaults and padding alike (`shelf.new_name`);
- its first 16 bytes: a vault's are a masked Argon2id salt whose unmasked last four bytes
  are the KDF parameters (kdf.py). Anyone who reads our source can unmask them, so padding
  carries a real masked salt too, with the parameters of the vault it stands beside;
- its length: whole 4096-byte pages, like every SQLCipher file; the rest is random, as an
  encrypted page is;
- its size: sizes fall in *classes* (powers of two, everything under 128 KiB one class). A
  real vault grows with evidence (hundreds of MB), a decoy stays small. So every class a
  vault is in holds at least `COMPANIONS` other files, with sizes spread evenly over the
  class: the real vault is never alone as "the big one", only one of three or more.

The plan uses only sizes on the shelf and the size of the vault just closed, never a list of
which file is what (there is none anywhere). Padding is only ever added, never removed or
rewritten: we cannot tell padding from the other vault without its passphrase either.
Disk cost: at most two files per size class a vault passed through, about 3 to 6 times the
largest vault's size in all.
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import sys
from collections.abc import Iterable
from pathlib import Path

from evidencekit.vault.files import publish_no_clobber
from evidencekit.vault.kdf import SALT_SIZE, KdfParams, new_salt, params_from_salt

PAGE_SIZE = 4096
MIN_CLASS = 16  # 2**16 = 64 KiB: a new, nearly empty vault and anything below 128 KiB
COMPANIONS = 2  # other files in each class a vault is in
_CHUNK = 1024 * 1024
_rng = random.SystemRandom()


def size_class(size: int) -> int:
    """The power-of-two class of a file size (`MIN_CLASS` for everything small)."""
    return max(MIN_CLASS, size.bit_length() - 1)


def size_in_class(cls: int, rng: random.Random = _rng) -> int:
    """A size spread evenly over class `cls`, in whole pages (at least 8 pages)."""
    low = 8 if cls == MIN_CLASS else (1 << cls) // PAGE_SIZE
    high = (1 << (cls + 1)) // PAGE_SIZE  # exclusive
    return rng.randrange(low, high) * PAGE_SIZE


def plan(vault_size: int, other_sizes: Iterable[int], rng: random.Random = _rng) -> list[int]:
    """Sizes of the padding to add so that the class of a vault of `vault_size` bytes holds
    at least `COMPANIONS` files besides it."""
    cls = size_class(vault_size)
    present = sum(1 for size in other_sizes if size_class(size) == cls)
    return [size_in_class(cls, rng) for _ in range(max(0, COMPANIONS - present))]


SHELF_FILES = (6, 9)  # a new shelf holds this many files in all (at random), at least


def extras(top_class: int, count: int, rng: random.Random = _rng) -> list[int]:
    """More files in random classes up to `top_class`, made once when a shelf is set up, so
    that there are `SHELF_FILES` in all (at least one more than planned): the number of files
    says nothing about the number of vaults."""
    wanted = max(1, rng.randint(*SHELF_FILES) - count)
    return [size_in_class(rng.randint(MIN_CLASS, top_class), rng) for _ in range(wanted)]


def temp_name(final: Path) -> Path:
    """Where a shelf file is written before it gets its name: the same pattern for padding
    and for a vault being made (opening.make), so a leftover says nothing about which."""
    return final.with_name(f".{final.name}.{secrets.token_hex(16)}.tmp")


def hold(fd: int) -> None:
    """Mark a temporary file as being written: an `flock` the kernel drops when the writer
    dies, so a look at the shelf knows which leftovers are abandoned (`sweep_abandoned`)."""
    if sys.platform != "win32":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def abandoned(path: Path) -> bool:
    """Whether nobody holds `path` (see `hold`): its writer is gone."""
    if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed there anyway
        return True
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def write(final: Path, size: int, params: KdfParams) -> None:
    """One padding file of `size` bytes at `final`: written under a temporary name, made
    durable, then moved into place (never over an existing file)."""
    temp = temp_name(final)
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        hold(fd)
        fill(fd, size, params)
        publish_no_clobber(temp, final)
    finally:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def fill(fd: int, size: int, params: KdfParams) -> None:
    """Write a padding file's bytes into `fd` (a masked salt, then random) and fsync it."""
    os.write(fd, new_salt(params))
    left = size - SALT_SIZE
    while left > 0:
        step = min(_CHUNK, left)
        left -= os.write(fd, os.urandom(step))
    os.fsync(fd)


def header_params(path: Path, fallback: KdfParams) -> KdfParams:
    """The KDF parameters a shelf file's header carries (`fallback` when it carries none)."""
    try:
        with open(path, "rb") as handle:
            found = params_from_salt(handle.read(SALT_SIZE))
    except OSError:
        found = None
    return found or fallback

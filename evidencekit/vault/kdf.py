"""Passphrase -> vault key, with Argon2id, and where its salt and cost parameters live.

The vault is one SQLCipher file. SQLCipher keeps a 16-byte salt in plaintext at the start of
the file; when we give it a raw key plus salt (`x'<key><salt>'`) it writes *our* salt there.
We use those 16 bytes as our own small header, so the file stays a single file and its KDF cost
can be raised later (a rekey writes a new salt):

    bytes 0..11   random
    bytes 12..15  version, log2(memory KiB), iterations, lanes  XOR  SHA-256(bytes 0..11)[:4]

The XOR keeps the file's first bytes indistinguishable from random: nothing in an EvidenceKit
vault says "EvidenceKit" to someone browsing the disk. The whole 16 bytes are the Argon2id salt.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

SALT_SIZE = 16
KEY_SIZE = 32
_HEADER_VERSION = 1
_MIN_MEMORY_LOG2 = 3  # 8 KiB: Argon2's floor; only tests go this low, and only when told to


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Memory is a power of two in KiB so it fits one header byte."""

    memory_log2_kib: int = 16  # 2**16 KiB = 64 MiB
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        if not _MIN_MEMORY_LOG2 <= self.memory_log2_kib <= 22:  # 4 GiB ceiling
            raise ValueError("Argon2id memory must be between 8 KiB and 4 GiB")
        if not 1 <= self.iterations <= 255 or not 1 <= self.lanes <= 255:
            raise ValueError("Argon2id iterations and lanes must be between 1 and 255")

    @property
    def memory_kib(self) -> int:
        return 1 << self.memory_log2_kib

    @classmethod
    def from_memory_mib(cls, memory_mib: int, iterations: int = 3, lanes: int = 4) -> KdfParams:
        """Parameters for the largest power-of-two memory not above `memory_mib` MiB."""
        if memory_mib < 1:
            raise ValueError("Argon2id memory must be at least 1 MiB")
        return cls((memory_mib * 1024).bit_length() - 1, iterations, lanes)


def _mask(random_part: bytes) -> bytes:
    return hashlib.sha256(random_part).digest()[:4]


def new_salt(params: KdfParams) -> bytes:
    """A fresh 16-byte salt carrying `params`."""
    random_part = os.urandom(12)
    block = bytes([_HEADER_VERSION, params.memory_log2_kib, params.iterations, params.lanes])
    return random_part + bytes(a ^ b for a, b in zip(block, _mask(random_part), strict=True))


def params_from_salt(salt: bytes) -> KdfParams | None:
    """The parameters a salt carries, or None when the header is not one of ours (or damaged)."""
    if len(salt) != SALT_SIZE:
        return None
    block = bytes(a ^ b for a, b in zip(salt[12:], _mask(salt[:12]), strict=True))
    if block[0] != _HEADER_VERSION:
        return None
    try:
        return KdfParams(block[1], block[2], block[3])
    except ValueError:
        return None


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The 256-bit SQLCipher key for `passphrase`.

    NFC-normalised first, so an 'ë' typed on any keyboard gives the same key.
    """

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(
        salt=salt,
        length=KEY_SIZE,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def sqlcipher_key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """`PRAGMA key` / `rekey` value for a raw key (and, when creating, our salt)."""
    material = key.hex() + (salt.hex() if salt is not None else "")
    return f"\"x'{material}'\""

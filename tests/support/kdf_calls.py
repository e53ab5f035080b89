"""Counting key derivations: the shelf must cost one per file, whichever passphrase is typed."""

from __future__ import annotations

import pytest

from evidencekit.vault import kdf


def record_derivations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, kdf.KdfParams]]:
    """Every `kdf.derive_key` call from now on, as (salt, params), still done for real."""
    calls: list[tuple[bytes, kdf.KdfParams]] = []
    real = kdf.derive_key

    def derive(passphrase: str, salt: bytes, params: kdf.KdfParams) -> bytes:
        calls.append((salt, params))
        return real(passphrase, salt, params)

    monkeypatch.setattr(kdf, "derive_key", derive)
    return calls

"""What an attacker or an accident does to a vault, and what the user then sees."""

from __future__ import annotations

import random
from pathlib import Path

from evidencekit.config import Settings
from evidencekit.jobs.imports import import_file
from evidencekit.vault.connection import connect
from evidencekit.vault.kdf import derive_key, params_from_salt
from evidencekit.vault.store import Vault, read_salt
from tests.conftest import TEST_PASSPHRASE, Cli

MARKER = b"PLAINTEXT-MARKER-7f3a9c-Qeveria"


def _all_vault_bytes(path: Path) -> bytes:
    data = b""
    for candidate in path.parent.iterdir():
        if candidate.name.startswith(path.name):  # the vault, its -wal and -shm
            data += candidate.read_bytes()
    return data


def test_vault_file_holds_no_plaintext(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "threat.txt"
    source.write_bytes((MARKER + b" ") * 5000)
    import_file(vault, source, case="MARKER-CASE", note=MARKER.decode())
    # While open (WAL holds the fresh pages) and after closing.
    assert MARKER not in _all_vault_bytes(vault_path)
    assert b"MARKER-CASE" not in _all_vault_bytes(vault_path)
    vault.close()
    assert MARKER not in _all_vault_bytes(vault_path)
    assert b"SQLite format 3" not in vault_path.read_bytes()[:100]
    assert oct(vault_path.stat().st_mode & 0o777) == oct(0o600)


def test_header_reveals_nothing_but_opens(vault_path: Path, settings: Settings) -> None:
    Vault.create(vault_path, TEST_PASSPHRASE, settings).close()
    salt = read_salt(vault_path)
    params = params_from_salt(salt)
    assert params is not None and params.memory_kib == settings.kdf_memory_mib * 1024
    assert b"EvidenceKit" not in vault_path.read_bytes()


def test_default_kdf_is_at_least_64_mib(vault_path: Path) -> None:
    Vault.create(vault_path, TEST_PASSPHRASE, Settings()).close()
    params = params_from_salt(read_salt(vault_path))
    assert params is not None and params.memory_kib >= 64 * 1024


def test_wrong_passphrase_cli(cli_vault: Cli) -> None:
    result = cli_vault("list", passphrase="not the passphrase")
    assert result.code == 3
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "passphrase does not open this vault" in lines[0]
    assert "Traceback" not in result.err and "ERROR" not in result.err


def test_missing_vault_and_no_passphrase(cli: Cli, tmp_path: Path) -> None:
    result = cli("list")
    assert result.code == 2 and "no vault" in result.err.lower()
    assert "Traceback" not in result.err
    result = cli("init", passphrase=None)
    assert result.code == 2 and "No passphrase" in result.err


def test_short_passphrase_refused(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--kdf-memory-mib", "8", passphrase="short")
    assert result.code == 2 and "too short" in result.err
    assert not vault_path.exists()


def test_init_refuses_to_overwrite(cli_vault: Cli, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    result = cli_vault("init", "--kdf-memory-mib", "8")
    assert result.code == 2 and "already exists" in result.err
    assert vault_path.read_bytes() == before


def _populate(cli: Cli, tmp_path: Path, count: int = 6) -> None:
    files = []
    for n in range(count):
        f = tmp_path / f"screenshot-{n}.bin"
        f.write_bytes(random.randbytes(300_000))
        files.append(str(f))
    assert cli("import", *files).code == 0


def test_flipped_bytes_are_reported(cli_vault: Cli, vault_path: Path, tmp_path: Path) -> None:
    _populate(cli_vault, tmp_path)
    size = vault_path.stat().st_size
    pristine = vault_path.read_bytes()
    rng = random.Random(1234)
    for _ in range(8):
        damaged = bytearray(pristine)
        offset = rng.randrange(4096 * 2, size - 1)  # past the header page: the vault still opens
        damaged[offset] ^= 0xFF
        vault_path.write_bytes(bytes(damaged))
        result = cli_vault("verify-vault")
        assert result.code in (1, 3), result
        assert "Traceback" not in result.err
        text = result.out + result.err
        assert "BAD" in text or "damaged" in text
    # Damage at the very start: cannot be told from a wrong passphrase, and says so.
    damaged = bytearray(pristine)
    damaged[40] ^= 0x01
    vault_path.write_bytes(bytes(damaged))
    result = cli_vault("list")
    assert result.code == 3 and "damaged" in result.err and "Traceback" not in result.err
    vault_path.write_bytes(pristine)
    assert cli_vault("verify-vault").code == 0


def test_rewritten_custody_entry_is_named(cli_vault: Cli, vault_path: Path, tmp_path: Path) -> None:
    _populate(cli_vault, tmp_path, count=3)
    assert cli_vault("verify-vault").code == 0
    # An attacker who knows the key rewrites entry 3 through SQL (dropping our guard first).
    salt = read_salt(vault_path)
    key = derive_key(TEST_PASSPHRASE, salt, params_from_salt(salt))
    conn = connect(vault_path, key, write=True)
    conn.execute("DROP TRIGGER custody_no_update")
    conn.execute('UPDATE custody SET details = \'{"kind":"web"}\' WHERE seq = 3')
    conn.close()
    result = cli_vault("verify-vault", "--json")
    assert result.code == 1
    assert "entry 3" in result.out and "changed" in result.out


def test_custody_log_refuses_updates(vault: Vault, tmp_path: Path) -> None:
    import pytest
    from sqlcipher3 import dbapi2

    with pytest.raises(dbapi2.DatabaseError, match="append-only"):
        vault.conn.execute("DELETE FROM custody WHERE seq = 1")

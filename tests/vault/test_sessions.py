"""Saved logins in the vault (issue 12): kept encrypted, listed without secrets, each use and
removal in the custody log (never the cookies), removal overwrites before it deletes."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.errors import SessionNotFound
from evidencekit.vault import schema
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE, Cli


def _state(value: str) -> dict[str, object]:
    return {
        "cookies": [
            {
                "name": "sid", "value": value, "domain": "example.org", "path": "/",
                "expires": -1, "httpOnly": True, "secure": True, "sameSite": "Lax",
            }
        ],
        "origins": [
            {"origin": "https://example.org", "localStorage": [{"name": "t", "value": value}]}
        ],
    }  # fmt: skip


def _files(vault_path: Path) -> list[Path]:
    return [p for p in vault_path.parent.iterdir() if p.name.startswith(vault_path.name)]


def test_a_session_round_trip_and_its_custody(vault: Vault, vault_path: Path) -> None:
    secret = secrets.token_hex(20)
    info = vault.add_session(
        site="example.org",
        start_url="https://example.org/",
        storage=_state(secret),
        account="@rita_k",
        account_source="page",
        consent="Ana agreed, 2 Dec",
    )
    assert vault.sessions() == [info]
    assert vault.sessions_for_site("example.org") == [info]
    assert vault.sessions_for_site("example.com") == []
    assert info.last_used_at is None
    assert vault.session_secret(info.id[:5]).storage == _state(secret)
    assert "value" not in json.dumps(info.to_json())  # listing shows no secrets

    vault.record_session_use(info.id, url="https://example.org/p/1", outcome="captured")
    assert vault.session(info.id).last_used_at is not None

    # The secret is nowhere in the file or its WAL in plaintext (SQLCipher encrypts pages).
    for path in _files(vault_path):
        assert secret.encode() not in path.read_bytes(), path

    removed = vault.remove_session(info.id)
    assert removed.id == info.id and vault.sessions() == []
    with pytest.raises(SessionNotFound):
        vault.session_secret(info.id)
    log = [e for e in vault.custody() if e.action.startswith("session-")]
    assert [e.action for e in log] == ["session-add", "session-use", "session-remove"]
    assert {e.object for e in log} == {f"session:{info.id}"}
    assert log[0].details["account"] == "@rita_k" and log[0].details["cookies"] == 1
    assert log[1].details == {"url": "https://example.org/p/1", "outcome": "captured"}
    assert secret not in json.dumps([e.details for e in vault.custody()])
    assert verify_vault(vault).ok


def _plain_pages(vault_path: Path, settings: Settings) -> bytes:
    """Every page of the (folded) vault file, decrypted as SQLCipher 4 stores it: AES-256-CBC
    under the raw key, the IV in the 80 reserved bytes at the end of each page (16 IV + 64
    HMAC), page 1 starting after the 16-byte salt. Free pages and free space inside pages
    included: what a thief with the passphrase could read beyond the database's rows."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    from evidencekit.vault.connection import PAGE_SIZE
    from evidencekit.vault.files import read_salt
    from evidencekit.vault.kdf import derive_key, params_from_salt

    salt = read_salt(vault_path)
    params = params_from_salt(salt)
    assert params is not None
    key = derive_key(TEST_PASSPHRASE, salt, params)
    data = vault_path.read_bytes()
    assert (
        not Path(str(vault_path) + "-wal").exists()
        or not Path(str(vault_path) + "-wal").stat().st_size
    )
    out = []
    for n in range(len(data) // PAGE_SIZE):
        page = data[n * PAGE_SIZE : (n + 1) * PAGE_SIZE]
        start = 16 if n == 0 else 0
        iv = page[PAGE_SIZE - 80 : PAGE_SIZE - 64]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[start : PAGE_SIZE - 80]) + decryptor.finalize())
    return b"".join(out)


def test_removal_leaves_no_trace_in_any_page(vault_path: Path, settings: Settings) -> None:
    secret = secrets.token_hex(20)
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as vault:
        kept = vault.add_session(site="a.org", start_url="https://a.org/", storage=_state(secret))
    # The control: decrypted, the pages hold the login (the decryption above is right).
    assert secret.encode() in _plain_pages(vault_path, settings)

    # What removal without care would leave: a plain DELETE with secure_delete off leaves the
    # cell's bytes in the page's free space (measured: the secret is still found).
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        vault.conn.execute("PRAGMA secure_delete = OFF")
        vault.conn.execute("DELETE FROM sessions")
    assert secret.encode() in _plain_pages(vault_path, settings)

    # `sessions remove`: overwritten, then deleted, with secure_delete on -> gone from every page.
    other = secrets.token_hex(20)
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        info = vault.add_session(site="a.org", start_url="https://a.org/", storage=_state(other))
    assert other.encode() in _plain_pages(vault_path, settings)
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        vault.remove_session(info.id)
    assert other.encode() not in _plain_pages(vault_path, settings)
    assert kept.id != info.id


def test_a_version_3_vault_gains_the_sessions_table(vault_path: Path, settings: Settings) -> None:
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as vault:
        vault.conn.execute("DROP TABLE sessions")
        vault.conn.execute("PRAGMA user_version = 3")
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert vault.sessions() == []


def test_sessions_cli_lists_and_removes(
    cli_vault: Cli, vault_path: Path, settings: Settings
) -> None:
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        info = vault.add_session(
            site="example.org", start_url="https://example.org/", storage=_state("s3cr3t-value"),
            account="@rita_k", account_source="operator",
        )  # fmt: skip
    listed = cli_vault("sessions", "--json")
    assert listed.code == 0, listed.err
    (row,) = json.loads(listed.out)
    assert (row["id"], row["site"], row["account"]) == (info.id, "example.org", "@rita_k")
    assert row["created_at"] and row["last_used_at"] is None
    assert "s3cr3t" not in listed.out
    text = cli_vault("sessions")
    assert info.id in text.out and "example.org" in text.out and "never" in text.out
    missing = cli_vault("sessions", "remove", "zzzzzz")
    assert missing.code == 2 and "no saved login" in missing.err
    gone = cli_vault("sessions", "remove", info.id)
    assert gone.code == 0, gone.err
    assert json.loads(cli_vault("sessions", "--json").out) == []
    log = json.loads(cli_vault("log", "--json").out)
    assert [e["action"] for e in log if e["action"].startswith("session-")] == [
        "session-add",
        "session-remove",
    ]

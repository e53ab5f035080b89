"""The CLI contract: commands, --json shapes, exit codes, plain errors."""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.errors import VaultTooNew
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE, Cli


def _import(cli: Cli, *files: Path, case: str | None = None) -> list[dict]:
    args = ["import", *map(str, files), "--json"]
    if case:
        args += ["--case", case]
    result = cli(*args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_json_shapes(cli_vault: Cli, tmp_path: Path) -> None:
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 2000)
    chat = tmp_path / "chat.txt"
    chat.write_text("Më dërgo para ose i publikoj fotot.", encoding="utf-8")

    imported = _import(cli_vault, photo, chat, case="Rasti A")
    assert [o["file_name"] for o in imported] == ["IMG_0042.jpg", "chat.txt"]
    for obj in imported:
        for key in ("id", "kind", "case", "file_name", "final_url", "status", "captured_at",
                    "manifest_sha256", "artifacts"):  # fmt: skip
            assert key in obj
        assert obj["kind"] == "file" and obj["case"] == "Rasti A"
        assert obj["captured_at"].endswith("Z")
        for artifact in obj["artifacts"]:
            assert set(artifact) >= {"name", "media_type", "size", "sha256"}
    jpeg = next(a for a in imported[0]["artifacts"] if a["name"].startswith("original/"))
    assert jpeg["media_type"] == "image/jpeg"
    assert jpeg["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()

    listed = json.loads(cli_vault("list", "--json").out)
    assert [o["id"] for o in listed] == [o["id"] for o in imported]
    by_case = json.loads(cli_vault("list", "--case", "Rasti A", "--json").out)
    assert len(by_case) == 2
    shown = json.loads(cli_vault("show", imported[1]["id"][:6], "--json").out)
    assert shown["id"] == imported[1]["id"]
    assert shown["metadata"]["media_type"] == "text/plain"
    found = json.loads(cli_vault("search", "publikoj", "--json").out)
    assert [o["id"] for o in found] == [imported[1]["id"]]
    cases = json.loads(cli_vault("cases", "--json").out)
    assert cases == [
        {"name": "Rasti A", "created_at": cases[0]["created_at"], "items": 2, "minor_safe": False}
    ]
    log = json.loads(cli_vault("log", "--json").out)
    actions = [e["action"] for e in log]
    # No TSA answers in tests unless one is started: each import is sealed, timestamp pending.
    assert actions == [
        "create", "create-case", "import", "import", "timestamp-pending", "timestamp-pending"
    ]  # fmt: skip
    assert all(e["prev_hash"] == p["hash"] for p, e in itertools.pairwise(log))
    report = json.loads(cli_vault("verify-vault", "--json").out)
    assert report["ok"] is True and {c["name"] for c in report["checks"]} >= {"custody log"}


def test_artifact_extract_is_logged(cli_vault: Cli, tmp_path: Path) -> None:
    f = tmp_path / "voice.ogg"
    f.write_bytes(b"OggS" + bytes(range(256)) * 10)
    item = _import(cli_vault, f)[0]
    out = tmp_path / "copy.ogg"
    result = cli_vault("artifact", item["id"], "original/voice.ogg", "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes() == f.read_bytes()
    log = json.loads(cli_vault("log", "--item", item["id"], "--json").out)
    assert [e["action"] for e in log] == ["import", "timestamp-pending", "extract"]
    missing = cli_vault("artifact", item["id"], "nope.png", "-o", str(out))
    assert missing.code == 2 and "no file called" in missing.err
    nowhere = cli_vault("artifact", item["id"], "original/voice.ogg", "-o", "/nonexistent/x")
    assert nowhere.code == 1 and "does not exist" in nowhere.err


def test_delete_leaves_a_tombstone(cli_vault: Cli, tmp_path: Path) -> None:
    f = tmp_path / "a.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x01" * 5000)
    item = _import(cli_vault, f)[0]
    refused = cli_vault("delete", item["id"])
    assert refused.code == 2 and "--yes" in refused.err
    assert cli_vault("delete", item["id"], "--yes", "--reason", "mistake").code == 0
    assert json.loads(cli_vault("list", "--json").out) == []
    log = json.loads(cli_vault("log", "--json").out)
    tomb = log[-1]
    assert tomb["action"] == "delete" and tomb["object"] == f"item:{item['id']}"
    assert tomb["details"]["manifest_sha256"] == item["manifest_sha256"]
    assert tomb["details"]["reason"] == "mistake"
    assert cli_vault("verify-vault").code == 0
    assert cli_vault("show", item["id"]).code == 2


def test_import_checks_every_input_first(cli_vault: Cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine")
    result = cli_vault("import", str(good), str(tmp_path / "missing.txt"), str(tmp_path))
    assert result.code == 2
    assert "missing.txt" in result.err and "folder" in result.err
    assert "Nothing was imported" in result.err and "Traceback" not in result.err
    assert json.loads(cli_vault("list", "--json").out) == []


def test_passwd_keeps_everything(cli_vault: Cli, tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("evidence")
    item = _import(cli_vault, f)[0]
    result = cli_vault("passwd", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": "a brand new one"})
    assert result.code == 0, result.err
    assert cli_vault("list").code == 3
    listed = cli_vault("list", "--json", passphrase="a brand new one")
    assert [o["id"] for o in json.loads(listed.out)] == [item["id"]]
    log = json.loads(cli_vault("log", "--json", passphrase="a brand new one").out)
    assert log[-1]["action"] == "passphrase-change"


def test_usage_errors_exit_2(cli_vault: Cli) -> None:
    assert cli_vault("frobnicate").code == 2
    assert cli_vault("show").code == 2
    assert cli_vault().code == 2


def test_newer_vault_is_refused(vault_path: Path, settings: Settings) -> None:
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as v:
        v.conn.execute("PRAGMA user_version = 99")
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False)


def test_settings_file_corrupt_falls_back(tmp_path: Path) -> None:
    from evidencekit.config import load_settings

    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"kdf_memory_mib": "lots", "operator": "Arta"}))
    assert load_settings(path) == Settings()  # one bad value: the whole file is ignored
    path.write_text(json.dumps({"operator": "Arta", "tsa_urls": ["http://127.0.0.1:1/"]}))
    loaded = load_settings(path)
    assert loaded.operator == "Arta" and loaded.tsa_urls == ("http://127.0.0.1:1/",)


def test_older_vault_is_migrated_forward(vault_path: Path, settings: Settings, tmp_path) -> None:
    """A version-1 vault (before sealing existed) opens, upgrades, and gains a signing identity."""
    from evidencekit.vault import schema
    from evidencekit.vault.connection import connect
    from evidencekit.vault.kdf import derive_key, new_salt
    from evidencekit.vault.store import kdf_params_for

    params = kdf_params_for(settings)
    salt = new_salt(params)
    conn = connect(vault_path, derive_key(TEST_PASSPHRASE, salt, params), salt=salt, write=True)
    for statement in schema._split(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as reader:
        assert reader.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert reader.items() == []
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as writer:
        from evidencekit.jobs.imports import import_file

        f = tmp_path / "old.txt"
        f.write_text("from before the upgrade")
        item = import_file(writer, f)
        assert item.seal is not None and item.seal["signed_by"]
        from evidencekit.vault.verify import verify_vault

        assert verify_vault(writer).ok
        actions = [e.action for e in writer.custody()]
        assert "identity-create" in actions


def test_passphrase_file_with_windows_line_end(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_bytes(b"my long passphrase\r\n")
    made = cli("--passphrase-file", str(secret), "init", "--kdf-memory-mib", "8", passphrase=None)
    assert made.code == 0, made.err
    # Typed later (here: from the environment), the same passphrase opens it: no stray "\r".
    assert cli("list", passphrase="my long passphrase").code == 0


def test_file_name_that_is_not_utf8(cli_vault: Cli, tmp_path: Path) -> None:
    import os

    raw = os.path.join(os.fsencode(str(tmp_path)), b"foto-\xff.jpg")
    with open(raw, "wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    result = cli_vault("import", os.fsdecode(raw), "--json")
    assert result.code == 0, result.err
    item = json.loads(result.out)[0]
    assert item["file_name"] == "foto-\ufffd.jpg"
    shown = json.loads(cli_vault("show", item["id"], "--json").out)
    assert shown["metadata"]["original_name_bytes_hex"] == b"foto-\xff.jpg".hex()
    assert cli_vault("verify-vault").code == 0

"""What the desktop app added to the core: renaming a case, "never show me this", the support
worker's consent in the custody log, the schema step that holds it, GUI settings, and the two
safety facts the unlock screen shows (a synced folder, a passphrase's strength)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from evidencekit.config import Settings, load_settings, save_settings
from evidencekit.errors import CaseExists, CaseNotFound
from evidencekit.jobs.imports import import_file
from evidencekit.sync_folders import synced_folder
from evidencekit.vault import schema
from evidencekit.vault.passphrase import passphrase_strength
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE


def _file(tmp_path: Path, name: str = "post.txt") -> Path:
    path = tmp_path / name
    path.write_text("a threatening message", encoding="utf-8")
    return path


def test_rename_case(vault: Vault, tmp_path: Path) -> None:
    item = import_file(vault, _file(tmp_path), case="Instagram")
    vault.rename_case("Instagram", "Instagram — Ana")
    assert [c.name for c in vault.cases()] == ["Instagram — Ana"]
    assert vault.item(item.id).case == "Instagram — Ana"
    entry = vault.custody()[-1]
    assert (entry.action, entry.object, entry.details) == (
        "rename-case",
        "case:Instagram",
        {"new_name": "Instagram — Ana"},
    )
    vault.create_case("Other")
    with pytest.raises(CaseExists):
        vault.rename_case("Other", "Instagram — Ana")
    with pytest.raises(CaseNotFound):
        vault.rename_case("Nope", "Whatever")
    assert {c.name for c in vault.cases()} == {"Instagram — Ana", "Other"}


def test_hidden_is_display_only_and_logged(vault: Vault, tmp_path: Path) -> None:
    item = import_file(vault, _file(tmp_path))
    assert not item.hidden
    vault.set_hidden(item.id, True)
    hidden = vault.item(item.id)
    assert hidden.hidden
    assert hidden.artifacts == item.artifacts and hidden.manifest_sha256 == item.manifest_sha256
    vault.set_hidden(item.id, False)
    assert not vault.item(item.id).hidden
    actions = [e.action for e in vault.custody([item.id])]
    assert actions[-2:] == ["hide", "unhide"]
    assert verify_vault(vault).ok  # the chain and every seal are still intact


def test_consent_goes_into_the_custody_entry(vault_path: Path, settings: Settings, tmp_path):
    worker = dataclasses.replace(settings, operator="Arta", operator_role="support worker")
    with Vault.create(vault_path, TEST_PASSPHRASE, worker) as vault:
        item = import_file(vault, _file(tmp_path), consent="Ana agreed, 12 May")
        entry = next(e for e in vault.custody([item.id]) if e.action == "import")
    assert entry.operator == "Arta"
    assert entry.details["role"] == "support worker"
    assert entry.details["consent"] == "Ana agreed, 12 May"


def test_a_version_2_vault_gains_the_hidden_column(vault_path: Path, settings, tmp_path) -> None:
    with Vault.create(vault_path, TEST_PASSPHRASE, settings) as vault:
        item = import_file(vault, _file(tmp_path))
        vault.conn.execute("ALTER TABLE items DROP COLUMN hidden")
        vault.conn.execute("PRAGMA user_version = 2")
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        assert vault.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert not vault.item(item.id).hidden


def test_gui_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"kdf_memory_mib": 128}), encoding="utf-8")
    saved = save_settings(path, language="sq", neutral_title=True, auto_lock_minutes=2)
    assert (saved.language, saved.neutral_title, saved.auto_lock_minutes) == ("sq", True, 2)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    # Only what was changed is written; what was there stays; defaults are not pinned.
    assert on_disk == {
        "kdf_memory_mib": 128,
        "language": "sq",
        "neutral_title": True,
        "auto_lock_minutes": 2,
    }
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ValueError):
        save_settings(path, no_such_setting=1)


def test_bool_and_int_settings_are_not_mixed_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"neutral_title": 1}), encoding="utf-8")
    assert load_settings(path).neutral_title is False  # 1 is not true/false: defaults
    path.write_text(json.dumps({"auto_lock_minutes": True}), encoding="utf-8")
    assert load_settings(path).auto_lock_minutes == 5


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/OneDrive - Contoso/evidence.ekv", "OneDrive"),
        ("/home/ana/Dropbox (Personal)/v.ekv", "Dropbox"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/v.ekv", "iCloud Drive"),
        ("C:/Users/ana/Google Drive/v.ekv", "Google Drive"),
        ("/home/ana/Documents/dropbox.ekv", None),  # a file name is not a sync folder
        ("/media/ana/USB STICK/v.ekv", None),
    ],
)
def test_synced_folder(path: str, service: str | None) -> None:
    assert synced_folder(Path(path)) == service


def test_passphrase_strength() -> None:
    assert passphrase_strength("short") == 0
    assert passphrase_strength("aaaaaaaaaaaa") == 1
    assert passphrase_strength("password") == 1
    assert passphrase_strength("green lamp under the river") == 4
    assert passphrase_strength("llamba e gjelbër nën lumë") == 4

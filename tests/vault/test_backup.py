"""`backup` and `restore` (issue 14 part 4) on real SQLCipher files: a checked copy, logged in
both, never in plaintext; every failure (a copy that does not verify, a full or read-only
disk, a wrong passphrase, a vault in the way) leaves the vault as it was."""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.errors import DiskFull, ReadOnlyMedia, VaultBusy, WrongPassphrase
from evidencekit.vault import backup as backup_module
from evidencekit.vault.backup import backup_vault, restore_vault
from evidencekit.vault.copying import CopyNotVerified, ReplaceNotConfirmed, TargetExists
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE, Cli
from tests.support.bundles import add_import, add_web_item, import_file
from tests.support.tmpfs import small_tmpfs

OWN = "a passphrase of the copy alone"
MARK = b"Postimi 1"  # plaintext that add_web_item stores (text.txt): never outside a vault


@pytest.fixture
def filled(vault: Vault, tmp_path: Path) -> Vault:
    add_web_item(vault, 1)
    add_import(vault, tmp_path)
    vault.add_note(vault.items()[0].id, "shënim: kërcënim")
    vault.set_tags(vault.items()[0].id, ["kërcënim"])
    return vault


def _facts(vault: Vault) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
    return sorted(
        (i.id, i.manifest_sha256, sorted((a.name, a.sha256, a.size) for a in i.artifacts))
        for i in vault.items()
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_backup_is_the_same_vault_checked_and_logged_in_both(
    filled: Vault, tmp_path: Path, settings: Settings
) -> None:
    target = tmp_path / "stick" / "backup.ekv"
    target.parent.mkdir()
    before = _facts(filled)
    result = backup_vault(filled, target, OWN)
    assert result.items == 2 and target.is_file()
    assert _leftovers(target.parent) == []
    assert MARK not in target.read_bytes()  # encrypted: not one run of the evidence
    last = filled.custody(None)[-1]
    assert last.action == "backup" and last.details["file"] == "backup.ekv"
    with pytest.raises(WrongPassphrase):  # its own passphrase, not the vault's
        Vault.open(target, TEST_PASSPHRASE, settings, write=False)
    with Vault.open(target, OWN, settings, write=False) as copy:
        assert verify_vault(copy).ok
        assert _facts(copy) == before
        assert copy.meta("vault_id") == filled.meta("vault_id")
        entries = copy.custody(None)
        assert entries[-1].action == "backup-copy"
        assert entries[-1].hash == last.details["copy_entry"]  # each log names the other
        assert entries[-1].details["source_seq"] == last.seq - 1
        assert copy.identity().fingerprint_sha256 == filled.identity().fingerprint_sha256


def test_a_copy_that_does_not_verify_is_removed_and_the_vault_untouched(
    filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup.ekv"
    entries = len(filled.custody(None))
    real = backup_module._append_in_file

    def then_the_disk_flips_a_byte(path: Path, *args: object, **kwargs: object) -> str:
        done = real(path, *args, **kwargs)  # type: ignore[arg-type]
        with open(path, "r+b") as handle:  # a page in the middle goes bad on the way
            handle.seek(5 * 4096 + 300)
            byte = handle.read(1)
            handle.seek(5 * 4096 + 300)
            handle.write(bytes([byte[0] ^ 0xFF]))
        return done

    monkeypatch.setattr(backup_module, "_append_in_file", then_the_disk_flips_a_byte)
    with pytest.raises(CopyNotVerified) as raised:
        backup_vault(filled, target, TEST_PASSPHRASE)
    assert "Your vault was not changed" in str(raised.value)
    assert not target.exists()
    assert [p.name for p in tmp_path.glob(".backup.ekv*")] == []
    assert len(filled.custody(None)) == entries  # no "backup" claimed
    assert verify_vault(filled).ok


def test_an_existing_file_is_not_replaced_unless_asked(filled: Vault, tmp_path: Path) -> None:
    target = tmp_path / "backup.ekv"
    target.write_bytes(b"an older copy")
    with pytest.raises(TargetExists):
        backup_vault(filled, target, TEST_PASSPHRASE)
    assert target.read_bytes() == b"an older copy"
    backup_vault(filled, target, TEST_PASSPHRASE, replace=True)
    assert target.stat().st_size > 4096


def test_restore_checks_the_backup_and_never_replaces_without_asking(
    filled: Vault, tmp_path: Path, settings: Settings
) -> None:
    copy = tmp_path / "backup.ekv"
    backup_vault(filled, copy, OWN)
    before = _facts(filled)
    filled.close()
    place = tmp_path / "new-laptop" / "default.ekv"
    with pytest.raises(WrongPassphrase):
        restore_vault(copy, "not the passphrase at all", place, settings)
    assert not place.exists()
    result = restore_vault(copy, OWN, place, settings)
    assert result.items == 2
    with Vault.open(place, OWN, settings, write=True) as restored:
        assert _facts(restored) == before and verify_vault(restored).ok
        assert [e.action for e in restored.custody(None)][-2:] == ["backup-copy", "restore"]
    size = place.stat().st_size
    with pytest.raises(ReplaceNotConfirmed):
        restore_vault(copy, OWN, place, settings)
    assert place.stat().st_size == size
    with Vault.open(place, OWN, settings, write=True), pytest.raises(VaultBusy):
        restore_vault(copy, OWN, place, settings, replace=True)  # open in the app: refused
    restore_vault(copy, OWN, place, settings, replace=True)
    assert _leftovers(place.parent) == []


def test_a_damaged_backup_is_not_restored(
    filled: Vault, tmp_path: Path, settings: Settings
) -> None:
    copy = tmp_path / "backup.ekv"
    backup_vault(filled, copy, TEST_PASSPHRASE)
    data = bytearray(copy.read_bytes())
    data[len(data) - 2000] ^= 0x01  # a late page: the passphrase still opens the file
    copy.write_bytes(bytes(data))
    place = tmp_path / "restored.ekv"
    with pytest.raises(CopyNotVerified) as raised:
        restore_vault(copy, TEST_PASSPHRASE, place, settings)
    assert "nothing was restored" in str(raised.value)
    assert not place.exists() and _leftovers(tmp_path) == []


# --- the machine says no: a real small disk ------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path, "2m") as mount:
        yield mount


def _big(vault: Vault, tmp_path: Path) -> None:
    """Enough evidence that a copy cannot fit on the 2 MB stick (random bytes: no squeezing)."""
    video = tmp_path / "video.bin"
    video.write_bytes(secrets.token_bytes(3 * 1024 * 1024))
    import_file(vault, video)


def test_a_backup_onto_a_full_stick_is_disk_full_and_leaves_nothing(
    vault: Vault, tmp_path: Path, stick: Path
) -> None:
    _big(vault, tmp_path)
    entries = len(vault.custody(None))
    assert sum(a.size for i in vault.items() for a in i.artifacts) > 3 * 1024 * 1024
    with pytest.raises(DiskFull):
        backup_vault(vault, stick / "backup.ekv", TEST_PASSPHRASE)
    assert list(stick.iterdir()) == []
    assert len(vault.custody(None)) == entries and verify_vault(vault).ok


def test_a_backup_onto_read_only_media_is_said_so(
    filled: Vault, tmp_path: Path, stick: Path
) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
    try:
        with pytest.raises(ReadOnlyMedia):
            backup_vault(filled, stick / "backup.ekv", TEST_PASSPHRASE)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(stick)], check=True)
    assert list(stick.iterdir()) == []


# --- the command line ------------------------------------------------------------------------


def test_cli_backup_and_restore(cli_vault: Cli, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("mesazh kërcënues")
    assert cli_vault("import", str(tmp_path / "note.txt")).code == 0
    out = tmp_path / "copy.ekv"
    own = tmp_path / "own.txt"
    own.write_text(OWN + "\n")
    done = cli_vault("backup", "-o", str(out), "--new-passphrase-file", str(own), "--json")
    assert done.code == 0, done.err
    assert '"items": 1' in done.out and out.is_file()
    again = cli_vault("backup", "-o", str(out))
    assert again.code == 2 and "already exists" in again.err and "Traceback" not in again.err
    place = tmp_path / "restored.ekv"
    wrong = cli_vault("--vault", str(place), "restore", str(out))  # the vault's, not the copy's
    assert wrong.code == 3 and not place.exists()
    done = cli_vault("--vault", str(place), "restore", str(out), passphrase=OWN)
    assert done.code == 0, done.err
    refused = cli_vault("--vault", str(place), "restore", str(out), passphrase=OWN)
    assert refused.code == 2 and "replace" in refused.err
    listed = cli_vault("--vault", str(place), "list", passphrase=OWN)
    assert "note.txt" in listed.out


def test_restore_onto_a_shelf_adds_a_look_alike_file(
    filled: Vault, tmp_path: Path, settings: Settings
) -> None:
    """With a duress shelf (issue 14) the restored vault joins it under a random name; no
    plain vault file appears beside it; the shelf file its passphrase opens is the one a
    second restore replaces."""
    from evidencekit.vault import shelf

    copy = tmp_path / "backup.ekv"
    backup_vault(filled, copy, OWN)
    folder = tmp_path / "data" / "shelf"
    shelf.add_vault(folder, "the decoy's own passphrase", settings).close()
    before = set(shelf.members(folder))
    place = tmp_path / "data" / "default.ekv"  # the default place: moved onto the shelf
    result = restore_vault(copy, OWN, place, settings)
    assert not place.exists() and result.path.parent == folder
    assert result.path in set(shelf.members(folder)) - before
    with shelf.open_place(place, OWN, settings, write=False) as restored:
        assert restored.path == result.path and len(restored.items()) == 2
    with pytest.raises(ReplaceNotConfirmed):
        restore_vault(copy, OWN, place, settings)
    again = restore_vault(copy, OWN, place, settings, replace=True)
    assert again.path == result.path
    assert len(shelf.find(folder, OWN, settings)) == 1
    assert all(p.parent == folder for p in shelf.members(folder))
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_a_backup_onto_a_stick_without_hard_links_is_published_and_logged(
    filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    """FAT (most USB sticks) has no hard links: the copy is moved into place instead, and the
    backup must then succeed and be logged, not report a failure for a file already there."""
    import errno
    import os

    def no_hard_links(src: object, dst: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # what vfat answers

    monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "stick" / "backup.ekv"
    target.parent.mkdir()
    result = backup_vault(filled, target, OWN)
    assert result.items == 2 and target.is_file()
    assert _leftovers(target.parent) == []
    assert filled.custody(None)[-1].action == "backup"
    with Vault.open(target, OWN, settings, write=False) as copy:
        assert verify_vault(copy).ok

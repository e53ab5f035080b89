""" "Forget this computer" (issue 14 part 4): the app's own folders (default vault, the shelf of
look-alike files, settings, cache) and the Notes launcher go, each file overwritten first;
a vault elsewhere (a USB stick) stays; nothing happens without the word or while a vault is
open."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import pytest

from evidencekit import launchers
from evidencekit.vault.lock import WriterLock
from tests.conftest import TEST_KDF_MIB, Cli


@pytest.fixture
def machine(cli: Cli, tmp_path: Path, isolated_env: dict[str, str]) -> dict[str, Path]:
    """A computer the app was used on: its default vault, a shelf, settings, a cache, the
    launcher, and a vault on a USB stick."""
    home = Path(isolated_env["HOME"])
    data = Path(isolated_env["XDG_DATA_HOME"]) / "EvidenceKit"
    default = data / "default.ekv"
    env = {"EVIDENCEKIT_VAULT": str(default)}
    assert cli("init", "--kdf-memory-mib", str(TEST_KDF_MIB), extra_env=env).code == 0
    shelf = data / "shelf"
    shelf.mkdir()
    for _ in range(3):  # look-alike files: a vault is among them, nothing says which
        (shelf / secrets.token_hex(8)).write_bytes(secrets.token_bytes(8192))
    settings = Path(isolated_env["XDG_CONFIG_HOME"]) / "EvidenceKit" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"language": "sq"}')
    cache = Path(isolated_env["XDG_CACHE_HOME"]) / "EvidenceKit" / "thumbs"
    cache.mkdir(parents=True)
    (cache / "x").write_bytes(b"cached")
    places = launchers.Places(sys.platform, home, dict(isolated_env))
    if sys.platform.startswith("linux"):
        launchers.add_launcher(places)
    usb = tmp_path / "usb" / "hers.ekv"
    usb.parent.mkdir()
    assert cli("--vault", str(usb), "init", "--kdf-memory-mib", str(TEST_KDF_MIB)).code == 0
    return {
        "default": default,
        "data": data,
        "settings": settings,
        "cache": cache.parent,
        "usb": usb,
        "launcher": places.entry,
    }


def test_forget_removes_the_apps_places_and_nothing_else(
    cli: Cli, machine: dict[str, Path], tmp_path: Path
) -> None:
    witness = tmp_path / "same-inode"
    os.link(machine["default"], witness)  # shows what happened to the vault's bytes
    original = witness.read_bytes()
    usb_before = machine["usb"].read_bytes()

    listed = cli("forget-this-computer", "--dry-run")
    assert listed.code == 0 and str(machine["data"]) in listed.out
    assert "NOT touched" in listed.out and machine["default"].exists()

    done = cli("forget-this-computer", "--confirm", "FORGET")
    assert done.code == 0, done.err
    for gone in ("data", "settings", "cache"):
        assert not machine[gone].exists(), gone
    if sys.platform.startswith("linux"):
        assert not machine["launcher"].exists()
    # Overwritten in place before it was deleted: the salt is gone, the rest is zeros.
    scrubbed = witness.read_bytes()
    assert len(scrubbed) == len(original) and scrubbed[:16] != original[:16]
    assert scrubbed[64 * 1024 :] == bytes(len(original) - 64 * 1024)
    # The vault on the stick is untouched and still opens.
    assert machine["usb"].read_bytes() == usb_before
    assert cli("--vault", str(machine["usb"]), "list").code == 0


def test_nothing_goes_without_the_word(cli: Cli, machine: dict[str, Path]) -> None:
    for given in ((), ("--confirm", "forget please")):
        refused = cli("forget-this-computer", *given)
        assert refused.code == 2 and "Nothing was removed" in refused.err
    assert machine["default"].exists() and machine["settings"].exists()
    assert len(list((machine["data"] / "shelf").iterdir())) == 3


def test_nothing_goes_while_a_vault_is_open(cli: Cli, machine: dict[str, Path]) -> None:
    lock = WriterLock(machine["default"])  # the app has it open for writing
    lock.acquire()
    try:
        busy = cli("forget-this-computer", "--confirm", "FORGET")
    finally:
        lock.release()
    assert busy.code == 3, busy.err
    assert machine["default"].exists() and len(list((machine["data"] / "shelf").iterdir())) == 3
    assert machine["settings"].exists()


def test_on_windows_a_shelf_is_locked_once_not_once_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows locks a sidecar, and a whole shelf shares one (`.lock`): a second lock on it from
    another handle fails, so forgetting must take it once. Windows cannot run here: its rule
    (`locked_file(..., "win32")`) and msvcrt's refusal of a second lock are modelled."""
    from evidencekit import forget
    from evidencekit.errors import VaultBusy
    from evidencekit.vault import lock as lock_module

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    for _ in range(3):
        (shelf / secrets.token_hex(8)).write_bytes(os.urandom(4096))
    names = sorted(p for p in shelf.iterdir())
    assert {lock_module.locked_file(p, "win32") for p in names} == {shelf / ".lock"}
    assert lock_module.locked_file(tmp_path / "case.ekv", "win32") == tmp_path / "case.ekv.lock"
    assert lock_module.locked_file(names[0], "linux") == names[0]

    held: set[Path] = set()

    class WindowsLock:
        def __init__(self, path: Path) -> None:
            self.file = lock_module.locked_file(path, "win32")

        def acquire(self) -> None:
            if self.file in held:  # msvcrt.locking on a second handle: refused
                raise VaultBusy()
            held.add(self.file)

        def release(self) -> None:
            held.discard(self.file)

    monkeypatch.setattr(forget, "WriterLock", WindowsLock)
    monkeypatch.setattr(forget, "locked_file", lambda p: lock_module.locked_file(p, "win32"))
    locks = forget._lock_all((shelf,))
    assert len(locks) == 1 and held == {shelf / ".lock"}

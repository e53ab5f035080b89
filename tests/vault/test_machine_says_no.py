"""When the machine says no: a full disk, read-only media, no permission, a damaged file.

Real faults, not mocks: a small tmpfs filled to the brim, the same tmpfs remounted read-only, the
CLI run as an unprivileged user against files it may not use, vault files cut short. Every answer
must be one plain line with the right exit code, nothing may be lost, and the vault must be one
file again when the command ends (a copy of the `.ekv` alone opens).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.errors import DiskFull
from evidencekit.vault.records import ArtifactSource, NewItem
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_KDF_MIB, TEST_PASSPHRASE, Cli, CliResult
from tests.support.tmpfs import IS_ROOT, small_tmpfs
from tests.support.tsa import TsaServer

MB = 1_000_000
needs_root = pytest.mark.skipif(
    not IS_ROOT, reason="mounting a small tmpfs (a disk to fill, read-only media) needs root"
)


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 8 MB file system (tmpfs), unmounted afterwards."""
    with small_tmpfs(tmp_path, "8m") as mount:
        yield mount


def fill(disk: Path, leave: int) -> Path:
    """Fill `disk` with a filler file until only about `leave` bytes are free."""
    filler = disk / f"filler-{len(list(disk.glob('filler-*')))}"
    left = shutil.disk_usage(disk).free - leave
    with open(filler, "wb") as handle:
        block = bytes(1 << 20)
        try:
            while left > 0:
                left -= handle.write(block[: min(left, len(block))])
        except OSError:
            pass
    return filler


def empty(disk: Path) -> None:
    for filler in disk.glob("filler-*"):
        filler.unlink()


def remount(disk: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True)


def sidecars(vault: Path) -> list[str]:
    return [p.name for p in vault.parent.iterdir() if p.name.startswith(vault.name + "-")]


def vault_cli(cli: Cli, vault: Path) -> Cli:
    env = {**cli.env, "EVIDENCEKIT_VAULT": str(vault)}
    if isinstance(cli, _AsNobody):
        return _AsNobody(env, cli.cwd, cli.drop)
    return Cli(env, cli.cwd)


def assert_plain(result: CliResult, code: int, *words: str) -> None:
    """One plain line (a note line may follow), the exit code, the words; never a wrong
    passphrase, never "unexpected"."""
    assert result.code == code, (result.code, result.err)
    lines = result.err.strip().splitlines()
    assert 1 <= len(lines) <= 2, result.err
    assert "Traceback" not in result.err and "unexpected" not in result.err, result.err
    assert "passphrase does not open" not in result.err, result.err
    for word in words:
        assert word in result.err, (word, result.err)


def assert_whole(cli: Cli, vault: Path, tmp_path: Path, items: int) -> None:
    """One file, which opens alone (copied without anything beside it) and is intact."""
    assert sidecars(vault) == [], sidecars(vault)
    alone = tmp_path / "alone" / "copy.ekv"
    alone.parent.mkdir(exist_ok=True)
    shutil.copyfile(vault, alone)
    listed = vault_cli(cli, alone)("list", "--json")
    assert listed.code == 0, listed.err
    assert len(json.loads(listed.out)) == items
    checked = vault_cli(cli, alone)("verify-vault")
    assert checked.code == 0, checked.out + checked.err


@pytest.fixture
def stick_vault(cli: Cli, small_disk: Path, tmp_path: Path) -> tuple[Cli, Path]:
    """A vault on the small disk holding one imported file."""
    vault = small_disk / "case.ekv"
    run = vault_cli(cli, vault)
    assert run("init", "--kdf-memory-mib", str(TEST_KDF_MIB)).code == 0
    first = tmp_path / "screenshot.png"
    first.write_bytes(os.urandom(200_000))
    assert run("import", str(first), "--case", "A").code == 0
    return run, vault


# --- a full disk ---------------------------------------------------------------------------


@needs_root
def test_import_onto_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path
) -> None:
    run, vault = stick_vault
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(2 * MB))
    fill(small_disk, leave=300_000)
    result = run("import", str(video))
    assert_plain(result, 1, "is full", str(small_disk), "MB", "nothing was lost")
    assert_whole(run, vault, tmp_path, items=1)
    empty(small_disk)
    assert run("import", str(video)).code == 0
    assert_whole(run, vault, tmp_path, items=2)


@needs_root
@pytest.mark.parametrize("leave", [1_300_000, 1_700_000, 2_100_000])
def test_a_commit_never_leaves_the_vault_file_alone_inconsistent(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path, leave: int
) -> None:
    """Room for the WAL but not for the WAL *and* the file's growth: the commit must not land
    where the fold into the one file could then fail half-way."""
    run, vault = stick_vault
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(1 * MB))
    fill(small_disk, leave=leave)
    result = run("import", str(photo))
    if result.code != 0:
        assert_plain(result, 1, "is full")
    assert_whole(run, vault, tmp_path, items=1 if result.code else 2)


@needs_root
def test_passwd_on_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path
) -> None:
    run, vault = stick_vault
    fill(small_disk, leave=100_000)
    result = run("passwd", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": "a new long passphrase"})
    assert_plain(result, 1, "is full", str(small_disk), "nothing was lost")
    assert [p.name for p in small_disk.iterdir() if not p.name.startswith("filler")] == [
        "case.ekv"
    ]  # no half-made copy either
    assert run("list", passphrase="a new long passphrase").code == 3
    assert_whole(run, vault, tmp_path, items=1)


@needs_root
def test_timestamp_on_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path, tsa: TsaServer
) -> None:
    run, vault = stick_vault  # its item's timestamp is pending (no TSA answered)
    fill(small_disk, leave=0)
    result = run("--tsa", tsa.url, "timestamp")
    assert_plain(result, 1, "is full", str(small_disk), "nothing was lost")
    assert sidecars(vault) == []
    # Reading still works on the full disk.
    listed = run("list", "--json")
    assert listed.code == 0, listed.err
    assert sidecars(vault) == []
    empty(small_disk)
    assert run("--tsa", tsa.url, "timestamp").code == 0
    assert_whole(run, vault, tmp_path, items=1)


@needs_root
@pytest.mark.parametrize("when", ["writing", "signing"])
def test_export_onto_a_full_disk(
    cli_vault: Cli, small_disk: Path, tmp_path: Path, tsa: TsaServer, when: str
) -> None:
    """The disk fills while the report is written, or only at the very end, while it is
    signed and time-stamped (a full disk is never taken for a timestamp server that failed)."""
    from tests.support.bundles import CASE, add_import, add_web_item

    vault = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    with Vault.open(vault, TEST_PASSPHRASE, Settings(), write=True) as opened:
        add_web_item(opened, 1, height=3000)
        add_import(opened, tmp_path)
    trials = []
    for tsa_args in (["--tsa", tsa.url], []):  # signed and time-stamped (B-LTA), or not (B-B)
        trial = tmp_path / f"trial-{len(trials)}.pdf"
        assert cli_vault(*tsa_args, "export", "--case", CASE, "-o", str(trial)).code == 0
        trials.append(trial.stat().st_size)
    with_timestamp, without = trials
    assert with_timestamp > without + 3 * 4096  # tmpfs counts whole 4 KiB pages
    # "signing": room for the bundle without a timestamp, not for the one with it.
    fill(small_disk, leave=200_000 if when == "writing" else with_timestamp - 4096)
    out = small_disk / "bundle.pdf"
    result = cli_vault("--tsa", tsa.url, "export", "--case", CASE, "-o", str(out))
    assert_plain(result, 1, "is full", str(small_disk), "nothing was lost")
    assert "timestamp" not in result.out + result.err
    assert [p.name for p in small_disk.iterdir() if not p.name.startswith("filler")] == []
    assert sidecars(vault) == []
    with Vault.open(vault, TEST_PASSPHRASE, Settings(), write=False) as opened:
        assert verify_vault(opened).ok
        assert len([e for e in opened.custody() if e.action == "export"]) == 2  # the trials
    empty(small_disk)
    assert cli_vault("--tsa", tsa.url, "export", "--case", CASE, "-o", str(out)).code == 0


@needs_root
def test_a_full_disk_reaches_a_writer_as_disk_full_not_oserror(small_disk: Path) -> None:
    """Inside atomic_output a full disk is DiskFull at the write itself: a writer that catches
    OSError for its own reasons (the PDF signer, for a timestamp server that fails) can never
    take it for something else. The unfinished file is gone."""
    from evidencekit.atomic import atomic_output

    fill(small_disk, leave=100_000)
    seen: list[BaseException] = []
    with pytest.raises(DiskFull):
        with atomic_output(small_disk / "bundle.pdf", readable=True) as handle:
            try:
                for _ in range(100):
                    handle.write(os.urandom(64 * 1024))
                handle.flush()
            except OSError as exc:  # what the signer does
                seen.append(exc)
                raise RuntimeError("taken for a network error") from exc
    assert seen == []
    assert [p.name for p in small_disk.iterdir() if not p.name.startswith("filler")] == []


@needs_root
def test_export_from_a_vault_on_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path
) -> None:
    run, vault = stick_vault
    fill(small_disk, leave=0)
    result = run("export", "--case", "A", "-o", str(tmp_path / "bundle.pdf"))
    assert_plain(result, 1, "is full", str(small_disk))
    assert not (tmp_path / "bundle.pdf").exists()
    empty(small_disk)
    assert_whole(run, vault, tmp_path, items=1)


@needs_root
def test_capture_store_path_on_a_full_disk(small_disk: Path, settings: Settings) -> None:
    """What `capture` does with a finished page (Vault.add_item with the artifacts in memory):
    a full disk is DiskFull, and the vault is as it was."""
    path = small_disk / "case.ekv"
    with Vault.create(path, TEST_PASSPHRASE, settings) as vault:
        fill(small_disk, leave=400_000)
        new = NewItem(kind="web", captured_at="2026-01-01T00:00:00Z", url="https://x.example/")
        sources = [
            ArtifactSource("screenshot.png", "image/png", data=os.urandom(1_500_000)),
            ArtifactSource("page.html", "text/html", data=b"<p>hi</p>"),
        ]
        with pytest.raises(DiskFull) as caught:
            vault.add_item(new, sources)
        assert "is full" in str(caught.value) and str(small_disk) in str(caught.value)
        assert caught.value.missing is not None and caught.value.missing >= 2 * MB
        assert vault.items() == []
        empty(small_disk)
        vault.add_item(new, sources)
    assert sidecars(path) == []
    with Vault.open(path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert verify_vault(vault).ok and len(vault.items()) == 1


@needs_root
@pytest.mark.browser
def test_capture_onto_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path
) -> None:
    """A real capture (headless Chromium, the fixture site) into a vault whose disk is full."""
    from evidencekit.capture.browser import find_browser
    from evidencekit.errors import BrowserNotFound

    try:
        find_browser()
    except BrowserNotFound as error:
        pytest.skip(f"no browser: {error}")
    from tests.support.site import SiteServer

    run, vault = stick_vault
    fill(small_disk, leave=150_000)
    with SiteServer() as site:
        result = run("capture", site.url("/marker/full-disk"), timeout=240)
    assert result.code == 1, result.err
    assert "is full" in result.err and str(small_disk) in result.err, result.err
    assert "Traceback" not in result.err and "unexpected" not in result.err
    empty(small_disk)
    assert_whole(run, vault, tmp_path, items=1)


# --- read-only media -----------------------------------------------------------------------


@needs_root
def test_read_only_media_can_be_read_not_changed(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path, tsa: TsaServer
) -> None:
    run, vault = stick_vault
    item = json.loads(run("list", "--json").out)[0]["id"]
    remount(small_disk, "ro")
    try:
        for args in (("list",), ("show", item), ("log",), ("verify-vault",), ("cases",),
                     ("search", "screenshot"), ("identity", "show")):  # fmt: skip
            result = run(*args)
            assert result.code == 0, (args, result.err)
        copy = tmp_path / "copy.png"
        extracted = run("artifact", item, "original/screenshot.png", "-o", str(copy))
        assert extracted.code == 0, extracted.err
        assert "not recorded" in extracted.err
        assert copy.stat().st_size == 200_000
        for args in (
            ("import", str(copy)),
            ("note", item, "seen"),
            ("--tsa", tsa.url, "timestamp"),
            ("passwd",),
            ("export", "--case", "A", "-o", str(tmp_path / "b.pdf")),
        ):
            result = run(*args, extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": "another passphrase"})
            assert_plain(result, 2, "read-only media", str(vault))
        assert sidecars(vault) == []
    finally:
        remount(small_disk, "rw")
    assert_whole(run, vault, tmp_path, items=1)


@needs_root
def test_read_only_media_with_an_unfolded_vault(
    small_disk: Path, settings: Settings, cli: Cli
) -> None:
    """A vault copied while it was open (its -wal beside it) and then write-protected: said in
    plain words, never "wrong passphrase", never stale data shown as current."""
    source = small_disk.parent / "live.ekv"
    with Vault.create(source, TEST_PASSPHRASE, settings) as vault:
        vault.create_case("A")  # committed, still in the -wal
        assert (source.parent / "live.ekv-wal").stat().st_size > 0
        shutil.copyfile(source, small_disk / "case.ekv")
        shutil.copyfile(source.parent / "live.ekv-wal", small_disk / "case.ekv-wal")
    remount(small_disk, "ro")
    try:
        result = vault_cli(cli, small_disk / "case.ekv")("cases")
        assert_plain(result, 2, "-wal", "writable disk")
    finally:
        remount(small_disk, "rw")


# --- damaged files -------------------------------------------------------------------------


@pytest.mark.parametrize("cut", ["half", "half-pages", "one-page-less"])
def test_a_vault_cut_short_is_damaged_not_a_wrong_passphrase(
    cli_vault: Cli, tmp_path: Path, cut: str
) -> None:
    vault = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(3 * MB))
    assert cli_vault("import", str(big)).code == 0
    size = vault.stat().st_size
    new_size = {
        "half": size // 2 + 100,
        "half-pages": size // 2 // 4096 * 4096,
        "one-page-less": size - 4096,
    }[cut]
    os.truncate(vault, new_size)
    for args in (("list",), ("verify-vault",), ("import", str(big))):
        result = cli_vault(*args)
        assert_plain(result, 1, "damaged")
    if cut == "half":  # not whole pages: damaged whatever the passphrase
        assert_plain(cli_vault("list", passphrase="not the passphrase"), 1, "damaged")


def test_a_damaged_later_page_is_damage_not_a_wrong_passphrase(
    cli_vault: Cli, tmp_path: Path
) -> None:
    vault = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(2 * MB))
    item = json.loads(cli_vault("import", str(big), "--json").out)[0]["id"]
    with open(vault, "r+b") as handle:
        handle.seek(100 * 4096 + 500)
        handle.write(b"\xff" * 16)
    copied = cli_vault("artifact", item, "original/video.mp4", "-o", str(tmp_path / "out.mp4"))
    assert_plain(copied, 1, "damaged")
    assert not (tmp_path / "out.mp4").exists()
    checked = cli_vault("verify-vault")
    assert checked.code == 1 and "BAD" in checked.out
    assert "passphrase" not in checked.err


def test_the_first_page_tells_a_wrong_key_from_damage(vault: Vault, vault_path: Path) -> None:
    from evidencekit.vault.connection import first_page_authentic
    from evidencekit.vault.kdf import derive_key, params_from_salt
    from evidencekit.vault.store import read_salt

    vault.close()
    salt = read_salt(vault_path)
    params = params_from_salt(salt)
    assert params is not None
    right = derive_key(TEST_PASSPHRASE, salt, params)
    assert first_page_authentic(vault_path, right)
    assert not first_page_authentic(vault_path, derive_key("not the passphrase", salt, params))
    with open(vault_path, "r+b") as handle:
        handle.seek(2000)
        handle.write(b"\x00" * 8)
    assert not first_page_authentic(vault_path, right)


@needs_root
def test_a_crashed_writers_wal_on_a_full_disk(
    stick_vault: tuple[Cli, Path], small_disk: Path, tmp_path: Path
) -> None:
    """A writer killed with its last change still in the -wal, then the disk fills: readers
    still read everything, do not try a fold that could stop half-way, and say the vault is
    still in two files; with room again, the next command folds it."""
    run, vault = stick_vault
    crash = (
        "import os\n"
        "from pathlib import Path\n"
        "from evidencekit.config import Settings\n"
        "from evidencekit.vault.store import Vault\n"
        f"v = Vault.open(Path({str(vault)!r}), {TEST_PASSPHRASE!r}, Settings(), write=True)\n"
        "v.create_case('B')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash], env=run.env, check=True, timeout=60)
    assert (small_disk / "case.ekv-wal").stat().st_size > 0
    fill(small_disk, leave=0)
    cases = run("cases", "--json")
    assert sorted(c["name"] for c in json.loads(cases.out)) == ["A", "B"]
    assert cases.code == 1 and "case.ekv-wal" in cases.err, cases.err
    assert (small_disk / "case.ekv-wal").exists()
    empty(small_disk)
    assert run("cases").code == 0
    assert_whole(run, vault, tmp_path, items=1)


# --- permissions (as an unprivileged user: root may read anything) ---------------------------


@pytest.fixture
def nobody(cli: Cli) -> Iterator[tuple[Cli, Path]]:
    """A CLI that runs as the unprivileged user 65534, and a folder of its own."""
    if not IS_ROOT:
        pytest.skip("permission tests switch to an unprivileged user, which needs root")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed")
    drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(
        [*drop, sys.executable, "-c", "import sqlcipher3, evidencekit"],
        cwd="/",
        capture_output=True,
        env={**cli.env},
    )
    if probe.returncode != 0:
        pytest.skip("this Python (or the repository) cannot be used by an unprivileged user")
    base = Path(tempfile.mkdtemp(prefix="ek-perm-", dir="/tmp"))
    os.chmod(base, 0o755)
    home = base / "home"
    home.mkdir()
    os.chown(home, 65534, 65534)
    env = {**cli.env, "HOME": str(home)}
    for name in ("data", "config", "cache"):
        env[f"XDG_{name.upper()}_HOME"] = str(home / name)
    try:
        yield _AsNobody(env, Path("/"), drop), base
    finally:
        shutil.rmtree(base, ignore_errors=True)


class _AsNobody(Cli):
    def __init__(self, env: dict[str, str], cwd: Path, drop: list[str]) -> None:
        super().__init__(env, cwd)
        self.drop = drop

    def __call__(self, *args: str, **kwargs: object) -> CliResult:
        env = {**self.env, "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE}
        proc = subprocess.run(
            [*self.drop, sys.executable, "-m", "evidencekit", *args],
            env=env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _vault_for_nobody(cli: Cli, folder: Path, tmp_path: Path) -> Path:
    folder.mkdir(mode=0o755)
    vault = folder / "case.ekv"
    run = vault_cli(cli, vault)
    assert run("init", "--kdf-memory-mib", str(TEST_KDF_MIB)).code == 0
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(100_000))
    assert run("import", str(photo)).code == 0
    os.chown(vault, 65534, 65534)
    os.chmod(folder, 0o755)  # init made it private (root's); the tests set what they need
    return vault


def test_a_vault_nobody_may_read(nobody: tuple[Cli, Path], cli: Cli, tmp_path: Path) -> None:
    run_as, base = nobody
    vault = _vault_for_nobody(cli, base / "v", tmp_path)
    os.chown(vault.parent, 65534, 65534)
    os.chmod(vault, 0o000)
    run = vault_cli(run_as, vault)
    for args in (("list",), ("import", "/etc/hostname")):
        result = run(*args)
        assert_plain(result, 2, "may not read this file", str(vault))
    os.chmod(vault, 0o600)
    os.chown(vault, 0, 0)  # someone else's vault
    assert_plain(run("list"), 2, "may not read this file")


def test_a_vault_nobody_may_only_read(nobody: tuple[Cli, Path], cli: Cli, tmp_path: Path) -> None:
    run_as, base = nobody
    vault = _vault_for_nobody(cli, base / "v", tmp_path)
    os.chown(vault.parent, 65534, 65534)
    os.chmod(vault, 0o400)
    run = vault_cli(run_as, vault)
    listed = run("list", "--json")
    assert listed.code == 0, listed.err
    assert run("verify-vault").code == 0
    assert_plain(run("import", "/etc/hostname"), 2, "may not write this file", str(vault))
    assert sidecars(vault) == []


def test_a_vault_in_a_folder_nobody_may_write(
    nobody: tuple[Cli, Path], cli: Cli, tmp_path: Path
) -> None:
    run_as, base = nobody
    vault = _vault_for_nobody(cli, base / "v", tmp_path)  # the folder stays root's
    os.chmod(vault, 0o600)
    run = vault_cli(run_as, vault)
    listed = run("list", "--json")
    assert listed.code == 0, listed.err
    result = run("import", "/etc/hostname")
    assert_plain(result, 2, "may not write in the folder", str(vault.parent))
    assert sidecars(vault) == []


def test_an_output_folder_nobody_may_write(
    nobody: tuple[Cli, Path], cli: Cli, tmp_path: Path
) -> None:
    run_as, base = nobody
    vault = _vault_for_nobody(cli, base / "v", tmp_path)
    os.chown(vault.parent, 65534, 65534)
    run = vault_cli(run_as, vault)
    item = json.loads(run("list", "--json").out)[0]["id"]
    result = run("artifact", item, "original/photo.jpg", "-o", str(base / "copy.jpg"))
    assert_plain(result, 2, "may not write in the folder", str(base))


# --- the one-file promise when a fold is impossible -----------------------------------------


def test_a_vault_left_split_is_said(
    cli_vault: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """If the WAL cannot be folded back when a command ends, a second line says so (and
    where the changes are), and the exit code is 1."""
    from evidencekit import cli as cli_module
    from evidencekit.vault import handle

    vault = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    for key, value in cli_vault.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("EVIDENCEKIT_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setattr(handle, "_fold", lambda conn: "database or disk is full")
    # A reader elsewhere keeps the -wal file from being removed when the command closes.
    with Vault.open(vault, TEST_PASSPHRASE, Settings(), write=False):
        code = cli_module.main(["cases"])
        assert code == 0
        code = cli_module.main(["note", "nope", "x"])  # fails (no such item) *and* cannot fold
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert "No item" in err[0]
    assert "case.ekv-wal" in err[1] and "disk is full" in err[1]


def test_passwd_nothing_else_left_beside_the_vault(cli_vault: Cli) -> None:
    vault = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    done = cli_vault("passwd", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": "a new long passphrase"})
    assert done.code == 0, done.err
    assert sidecars(vault) == [] and [p.name for p in vault.parent.glob(".case.ekv*")] == []


# --- the app's words -----------------------------------------------------------------------


def test_the_app_explains_each_new_error_in_its_own_words(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    from evidencekit.errors import NoPermission, ReadOnlyMedia, VaultLeftSplit
    from ui.messages import explain

    cases = {
        DiskFull(folder=tmp_path, needed=5 * MB): "The disk is full.",
        ReadOnlyMedia(path=tmp_path / "case.ekv"): "This disk can only be read, not written.",
        NoPermission(path=tmp_path, access="folder"): "not allowed to use that file or folder",
        VaultLeftSplit(path=tmp_path / "case.ekv", reason="the disk is full"): "second file",
    }
    for error, words in cases.items():
        explained = explain(error)
        assert words in explained.headline, (error, explained)
        assert explained.advice and str(error) in explained.details

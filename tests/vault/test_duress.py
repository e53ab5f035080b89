"""A second passphrase and a decoy vault, through the real CLI (issue 14 part 1).

After she sets it up: no file under the test's HOME (data, config, cache), no setting and
nothing in the decoy (every table dumped) names her vault's file, its old path, its vault_id,
its signing identity's fingerprint or its salt; vaults and padding look alike by name, size
class, header and time; the second passphrase, hers and a wrong one cost one derivation per
file; a process killed between commits leaves nothing beside her vault after the next look.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.vault import decoy, kdf, padding, shelf
from evidencekit.vault.kdf import params_from_salt
from evidencekit.vault.store import Vault
from tests.conftest import REPO, TEST_KDF_MIB, TEST_PASSPHRASE, Cli
from tests.support.kdf_calls import record_derivations

DECOY = "blue kettle on the stove"
WRONG = "none of them opens with this"


@pytest.fixture
def home_cli(cli: Cli, isolated_env: dict[str, str]) -> Cli:
    """The CLI with the default vault place (the user's data dir), as she would run it."""
    env = dict(cli.env)
    env.pop("EVIDENCEKIT_VAULT")
    return Cli(env, cli.cwd)


def _data(isolated_env: dict[str, str]) -> Path:
    return Path(isolated_env["XDG_DATA_HOME"]) / "EvidenceKit"


def _ok(result) -> str:
    assert result.code == 0, result.err
    return result.out


@pytest.fixture
def set_up(home_cli: Cli, isolated_env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    """Her vault with evidence, a decoy she filled with a picture; what names her vault."""
    _ok(home_cli("init", "--kdf-memory-mib", str(TEST_KDF_MIB)))
    evidence = tmp_path / "threat-from-him.txt"
    evidence.write_text("I know where you live.", encoding="utf-8")
    _ok(home_cli("import", str(evidence), "--case", "Rasti A"))
    fingerprint = json.loads(_ok(home_cli("identity", "show", "--json")))["fingerprint_sha256"]
    old_path = _data(isolated_env) / "default.ekv"
    salt = old_path.read_bytes()[:16]
    with Vault.open(old_path, TEST_PASSPHRASE, Settings(), write=False) as vault:
        vault_id = vault.meta("vault_id")
    out = _ok(home_cli("decoy", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": DECOY}))
    place = _data(isolated_env) / "shelf"
    assert str(place) in out and not old_path.exists()
    cat = tmp_path / "cat.jpg"
    cat.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(3000))
    _ok(home_cli("import", str(cat), passphrase=DECOY))
    # Times as the CLI left them (our own reads below move access times, as any reader's).
    times = [(p.stat().st_mtime_ns, p.stat().st_atime_ns) for p in shelf.members(place)]
    [(real, _key)] = shelf.find(place, TEST_PASSPHRASE, Settings())
    return {
        "times": times,
        "place": place,
        "real": real,
        "tokens": {
            "real file name": real.name,
            "old path": str(old_path),
            "vault_id": str(vault_id),
            "fingerprint": str(fingerprint),
            "salt": salt.hex(),
        },
    }


def _at_rest(place: Path) -> list[str]:
    """What a shelf at rest holds: its files, each with an empty -wal and a -shm of zeros."""
    return sorted(p.name + s for p in shelf.members(place) for s in ("", "-shm", "-wal"))


def _hits(data: bytes, tokens: dict[str, str]) -> list[str]:
    text = data.lower()
    found = []
    for what, token in tokens.items():
        for form in {token, token.lower(), token.replace(":", "")}:
            if form.lower().encode() in text or form.encode("utf-16-le").lower() in text:
                found.append(what)
    return found


def test_nothing_outside_her_vault_names_it(set_up, isolated_env, home_cli) -> None:
    tokens = set_up["tokens"]
    scanned = 0
    for root in ("HOME",):
        for folder, _dirs, names in os.walk(isolated_env[root]):
            for name in names:
                path = Path(folder) / name
                assert not _hits(name.encode(), {"old": "default.ekv"}), path
                data = path.read_bytes()
                scanned += 1
                own = {k: v for k, v in tokens.items() if path != set_up["real"] or k != "salt"}
                assert not _hits(data, own), (path, _hits(data, own))
    assert scanned >= len(shelf.members(set_up["place"])) >= 4
    # The shelf's file names say nothing, and every file has the same pair beside it.
    place = set_up["place"]
    assert sorted(p.name for p in place.iterdir()) == _at_rest(place)
    sizes = {
        (s, (place / (p.name + s)).stat().st_size)
        for p in shelf.members(place)
        for s in ("-wal", "-shm")
    }
    assert sizes == {("-wal", 0), ("-shm", 32768)}


def test_the_decoy_holds_nothing_of_her_vault(set_up) -> None:
    with shelf.open_shelf(set_up["place"], DECOY, Settings(), write=False) as vault:
        assert vault.path != set_up["real"]
        tables = [
            r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        dump = bytearray()
        for table in tables:
            for row in vault.conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    dump += value if isinstance(value, bytes) else str(value).encode()
                    dump += b"\n"
        assert [i.file_name for i in vault.items()] == ["cat.jpg"]  # the normal import works
    assert len(tables) >= 10 and len(dump) > 3000
    assert not _hits(bytes(dump), set_up["tokens"]), _hits(bytes(dump), set_up["tokens"])


def test_vaults_and_padding_look_alike(set_up) -> None:
    place = set_up["place"]
    files = shelf.members(place)
    assert len(set(set_up["times"])) == 1  # one modification and access time for all
    vaults = {p for pw in (TEST_PASSPHRASE, DECOY) for p, _k in shelf.find(place, pw, Settings())}
    assert len(vaults) == 2 and len(files) >= 5
    headers = {p: params_from_salt(p.read_bytes()[:16]) for p in files}
    assert all(headers.values()), "every file carries a vault-like masked header"
    assert {headers[p] for p in set(files) - vaults} <= {headers[v] for v in vaults}
    assert all(p.stat().st_size % 4096 == 0 for p in files)
    for vault in vaults:
        cls = padding.size_class(vault.stat().st_size)
        alike = [p for p in files if p != vault and padding.size_class(p.stat().st_size) == cls]
        assert len(alike) >= padding.COMPANIONS, (vault.stat().st_size, alike)


def test_every_passphrase_costs_one_derivation_per_file(set_up, monkeypatch) -> None:
    place = set_up["place"]
    calls = record_derivations(monkeypatch)
    work = {}
    for passphrase in (TEST_PASSPHRASE, DECOY, WRONG):
        calls.clear()
        try:
            with shelf.open_place(place, passphrase, Settings(), write=False) as vault:
                opened = vault.path
        except Exception as exc:  # noqa: BLE001 - the wrong one: the usual error
            opened = type(exc).__name__
        work[passphrase] = (len(calls), len({salt for salt, _params in calls}), opened)
    files = len(shelf.members(place))
    assert {w[:2] for w in work.values()} == {(files, files)}, work
    assert work[TEST_PASSPHRASE][2] == set_up["real"]
    assert work[WRONG][2] == "WrongPassphrase"


def test_the_cli_contract_holds_on_a_shelf(set_up, home_cli, tmp_path, isolated_env) -> None:
    place = set_up["place"]
    mine = json.loads(_ok(home_cli("list", "--json")))
    assert [i["file_name"] for i in mine] == ["threat-from-him.txt"]
    theirs = json.loads(_ok(home_cli("--vault", str(place), "list", "--json", passphrase=DECOY)))
    assert [i["file_name"] for i in theirs] == ["cat.jpg"]
    old = _data(isolated_env) / "default.ekv"  # the path she used before still finds it
    assert _ok(home_cli("--vault", str(old), "list")).count("threat-from-him.txt") == 1
    wrong = home_cli("list", passphrase=WRONG)
    assert wrong.code == 3 and "does not open" in wrong.err
    taken = home_cli("passwd", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": DECOY})
    assert taken.code == 2 and "already opens a vault" in taken.err
    assert _ok(home_cli("list", passphrase=DECOY)).count("cat.jpg") == 1
    # A vault file alone, elsewhere, is untouched by all this.
    alone = tmp_path / "stick" / "evidence.ekv"
    _ok(home_cli("--vault", str(alone), "init", "--kdf-memory-mib", str(TEST_KDF_MIB)))
    assert _ok(home_cli("--vault", str(alone), "list")).strip() != ""
    assert sorted(p.name for p in alone.parent.iterdir()) == ["evidence.ekv"]


def test_a_crash_between_commits_leaves_nothing_beside_her_vault(set_up, home_cli) -> None:
    place, real = set_up["place"], set_up["real"]
    script = (
        "import os, sys\n"
        "from evidencekit.config import Settings\n"
        "from evidencekit.vault import shelf\n"
        "v = shelf.open_shelf(shelf.Path(sys.argv[1]), sys.argv[2], Settings(), write=True)\n"
        "item = v.items()[0].id\n"
        "v.add_note(item, 'written just before the power went')\n"
        "os._exit(0)\n"
    )
    env = {**home_cli.env, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script, str(place), TEST_PASSPHRASE], env=env, check=True)
    # What the kill left: her vault's pair, in use until then, among the same pairs beside
    # every file; names, sizes and times alike (folded and evened out after the commit).
    assert sorted(p.name for p in place.iterdir()) == _at_rest(place)
    for suffix in ("", "-wal", "-shm"):
        group = [place / (p.name + suffix) for p in shelf.members(place)]
        assert len({p.stat().st_mtime_ns for p in group}) == 1, suffix
        if suffix:
            assert len({p.stat().st_size for p in group}) == 1, suffix
    assert (place / (real.name + "-shm")).read_bytes() != bytes(32768)  # only its content
    # The next look at the shelf, with any passphrase, replaces the pairs no one uses.
    assert home_cli("list", passphrase=WRONG).code == 3
    assert sorted(p.name for p in place.iterdir()) == _at_rest(place)
    assert {(place / (p.name + "-shm")).read_bytes() for p in shelf.members(place)} == {
        bytes(32768)
    }
    assert len({p.stat().st_mtime_ns for p in shelf.members(place)}) == 1
    [item] = json.loads(_ok(home_cli("list", "--json")))
    shown = json.loads(_ok(home_cli("show", item["id"], "--json")))
    assert "written just before the power went" in json.dumps(shown)


def test_set_up_refuses_and_leaves_her_vault_as_it_was(home_cli, isolated_env, monkeypatch) -> None:
    _ok(home_cli("init", "--kdf-memory-mib", str(TEST_KDF_MIB)))
    old = _data(isolated_env) / "default.ekv"
    before = old.read_bytes()
    same = home_cli("decoy", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": TEST_PASSPHRASE})
    assert same.code == 2 and "different" in same.err
    short = home_cli("decoy", extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": "abc"})
    assert short.code == 2
    assert old.read_bytes() == before

    # A disk that fills up half-way through the padding: everything made is taken back.
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(padding, "fill", full)
    settings = Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1)
    vault = Vault.open(old, TEST_PASSPHRASE, settings, write=True)
    with pytest.raises(OSError):
        decoy.set_up_decoy(vault, DECOY, settings)
    assert old.read_bytes() == before
    assert shelf.members(old.parent / "shelf") == []
    with Vault.open(old, TEST_PASSPHRASE, settings, write=True) as again:
        assert again.meta("vault_id")


def test_a_growing_vault_is_never_alone_in_its_size_class(tmp_path: Path, isolated_env) -> None:
    from evidencekit.jobs.imports import import_file

    settings = Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1)
    place = decoy.set_up_decoy(
        Vault.create(tmp_path / "her.ekv", TEST_PASSPHRASE, settings), DECOY, settings
    )
    classes = set()
    for n in range(4):  # from ~150 KiB to a few MiB: through several size classes
        video = tmp_path / f"video-{n}.bin"
        video.write_bytes(os.urandom(400_000 * 2**n))
        with shelf.open_shelf(place, TEST_PASSPHRASE, settings, write=True) as vault:
            import_file(vault, video)
            real = vault.path
        files = shelf.members(place)
        size = real.stat().st_size
        classes.add(padding.size_class(size))
        alike = [
            p
            for p in files
            if p != real and padding.size_class(p.stat().st_size) == padding.size_class(size)
        ]
        assert len(alike) >= padding.COMPANIONS, (size, [p.stat().st_size for p in files])
        assert len({p.stat().st_mtime_ns for p in files}) == 1
        assert sorted(p.name for p in place.iterdir()) == _at_rest(place)
    assert len(classes) >= 3
    with shelf.open_shelf(place, DECOY, settings, write=False) as other:
        assert other.items() == []  # the decoy was never touched by her work


def test_a_planted_file_costs_no_more_than_any_other(
    tmp_path: Path, isolated_env, monkeypatch
) -> None:
    settings = Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1)
    place = decoy.set_up_decoy(
        Vault.create(tmp_path / "her.ekv", TEST_PASSPHRASE, settings), DECOY, settings
    )
    # Someone drops a look-alike whose header asks for 4 GiB and 255 passes per try.
    planted = place / "00112233aabbccdd"
    planted.write_bytes(kdf.new_salt(kdf.KdfParams(22, 255, 1)) + os.urandom(8 * 4096))
    calls = record_derivations(monkeypatch)
    with shelf.open_shelf(place, TEST_PASSPHRASE, settings, write=False) as vault:
        assert vault.path != planted
    asked = [params for _salt, params in calls]
    assert len(asked) == len(shelf.members(place))
    assert max(p.memory_log2_kib for p in asked) <= 20 and max(p.iterations for p in asked) <= 10


def test_leftovers_of_a_killed_writer_are_swept_only_when_abandoned(
    tmp_path: Path, isolated_env
) -> None:
    import fcntl

    settings = Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1)
    place = decoy.set_up_decoy(
        Vault.create(tmp_path / "her.ekv", TEST_PASSPHRASE, settings), DECOY, settings
    )
    at_rest = _at_rest(place)
    gone = place / f".{'ab' * 8}.{'cd' * 16}.tmp"  # a padding write or a new vault, killed
    gone.write_bytes(os.urandom(8192))
    (place / (gone.name + "-wal")).write_bytes(b"")
    scratch = place / ".k1ll3d0n.tmp"  # a set-up killed while making the decoy
    scratch.mkdir()
    (scratch / "new").write_bytes(os.urandom(4096))
    busy = place / f".{'ef' * 8}.{'01' * 16}.tmp"  # another process writing right now
    busy.write_bytes(b"")
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(Exception, match="passphrase"):
            shelf.open_place(place, WRONG, settings, write=False)
        assert sorted(p.name for p in place.iterdir()) == sorted([*at_rest, busy.name])
    finally:
        os.close(fd)
    shelf.tidy(place)
    assert sorted(p.name for p in place.iterdir()) == at_rest


def test_set_up_never_moves_her_vault_while_changes_sit_in_its_wal(
    vault: Vault, tmp_path: Path, settings: Settings
) -> None:
    """A reader elsewhere (another window) in the middle of reading keeps the writer's latest
    changes in the -wal file: the set-up copies only the main file, so it must refuse then —
    her vault stays where it was, whole — instead of moving a copy that misses them."""
    from evidencekit.errors import VaultBusy
    from evidencekit.jobs.imports import import_file

    def add(name: str) -> None:
        (tmp_path / name).write_text(f"evidence {name}", encoding="utf-8")
        import_file(vault, tmp_path / name)

    add("first.txt")
    reader = Vault.open(vault.path, TEST_PASSPHRASE, settings, write=False)
    try:
        reader.conn.execute("BEGIN")
        reader.conn.execute("SELECT count(*) FROM items").fetchone()  # a snapshot held open
        add("latest.txt")  # lands in the -wal, past the snapshot
        with pytest.raises(VaultBusy):
            decoy.set_up_decoy(vault, "a second passphrase of hers", settings)
    finally:
        reader.conn.execute("ROLLBACK")
        reader.close()
    assert vault.path.is_file() and not (vault.path.parent / "shelf").exists()
    with Vault.open(vault.path, TEST_PASSPHRASE, settings, write=False) as again:
        assert len(again.items()) == 2

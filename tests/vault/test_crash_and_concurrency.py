"""kill -9 at random moments, and two writers at once: the vault must always come out whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import REPO, TEST_PASSPHRASE, Cli

MIB = 1024 * 1024


def _snapshot(path: Path, settings: Settings, passphrase: str = TEST_PASSPHRASE) -> dict[str, str]:
    with Vault.open(path, passphrase, settings, write=False) as v:
        report = verify_vault(v)
        assert report.ok, report.to_json()
        unfinished = v.conn.execute("SELECT count(*) FROM blobs WHERE sha256 IS NULL").fetchone()
        assert unfinished[0] == 0
        return {i.id: i.manifest_sha256 for i in v.items()}


def _wait_then_kill(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """Kill -9 after `delay` s; True if the process was still running when killed."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_kill9_during_import_20_times(
    cli_vault: Cli, vault_path: Path, tmp_path: Path, settings: Settings
) -> None:
    small = tmp_path / "earlier.png"
    small.write_bytes(os.urandom(200_000))
    assert cli_vault("import", str(small), "--case", "A").code == 0
    big = tmp_path / "video.mp4"
    with open(big, "wb") as handle:
        for _ in range(96):
            handle.write(os.urandom(MIB))

    # How long a whole import takes here, so the kills land inside it.
    start = time.monotonic()
    proc = cli_vault.popen("import", str(big), stdout=subprocess.DEVNULL)
    assert proc.wait(timeout=300) == 0
    full = time.monotonic() - start
    baseline = _snapshot(vault_path, settings)
    assert len(baseline) == 2

    rng = random.Random(20261129)
    killed = 0
    for _ in range(20):
        proc = cli_vault.popen(
            "import", str(big), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if _wait_then_kill(proc, rng.uniform(0.05, full * 0.95)):
            killed += 1
        after = _snapshot(vault_path, settings)
        # Earlier items intact and unchanged; at most a *complete* new item appeared.
        assert {k: after[k] for k in baseline} == baseline
        for new_id in set(after) - set(baseline):
            baseline[new_id] = after[new_id]
    assert killed >= 12, f"only {killed} of 20 kills landed while importing"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_kill9_during_passphrase_change(
    cli_vault: Cli, vault_path: Path, tmp_path: Path, settings: Settings
) -> None:
    files = []
    for n in range(8):
        f = tmp_path / f"photo-{n}.jpg"
        f.write_bytes(os.urandom(3 * MIB))
        files.append(str(f))
    assert cli_vault("import", *files).code == 0
    expected = _snapshot(vault_path, settings)

    # How long a whole passphrase change takes here, so kills land before, during and after.
    env = {
        **cli_vault.env,
        "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE,
        "EVIDENCEKIT_NEW_PASSPHRASE": "first new passphrase",
    }
    start = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "evidencekit", "passwd"], env=env, cwd=tmp_path, check=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    full = time.monotonic() - start
    current = "first new passphrase"
    rng = random.Random(7)
    outcomes = set()
    for round_no in range(10):
        new = f"new passphrase {round_no}"
        env = {
            **cli_vault.env,
            "EVIDENCEKIT_PASSPHRASE": current,
            "EVIDENCEKIT_NEW_PASSPHRASE": new,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "evidencekit", "passwd"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Mostly random moments inside the change; every fourth round is let finish.
        delay = full * 4 if round_no % 4 == 3 else rng.uniform(0.05, full * 1.2)
        _wait_then_kill(proc, delay)
        opened = []
        for candidate in (current, new):
            try:
                assert _snapshot(vault_path, settings, candidate) == expected
                opened.append(candidate)
            except Exception as exc:
                if "does not open" not in str(exc):
                    raise
        assert len(opened) == 1, "the vault must open with exactly the old or the new passphrase"
        outcomes.add("new" if opened[0] == new else "old")
        current = opened[0]
    # The kills landed both before and after the switch at least once over the rounds.
    assert outcomes == {"old", "new"}, outcomes
    # Leftover temporary copies are cleaned up by the next writer.
    with Vault.open(vault_path, current, settings, write=True):
        pass
    assert not [p for p in vault_path.parent.iterdir() if p.name.endswith(".rekey")]


HOLDER = """
import sys
from evidencekit.config import Settings
from evidencekit.vault.store import Vault
v = Vault.open(sys.argv[1], sys.argv[2], Settings(), write=True)
print("ready", flush=True)
sys.stdin.readline()
v.close()
"""


def test_second_writer_is_told_vault_in_use(
    cli_vault: Cli, vault_path: Path, tmp_path: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault_path), TEST_PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=cli_vault.env,
        cwd=REPO,
    )
    try:
        assert holder.stdout.readline().strip() == b"ready"
        f = tmp_path / "x.txt"
        f.write_text("x")
        result = cli_vault("import", str(f))
        assert result.code == 3
        assert "in use" in result.err and "Traceback" not in result.err
        assert "locked" not in result.err.lower()
        # Reading is still possible while someone writes.
        assert cli_vault("list").code == 0
    finally:
        holder.communicate(b"\n", timeout=30)
    assert cli_vault("import", str(f)).code == 0

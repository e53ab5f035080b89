"""Browser temp folders left by a crash are swept up; folders in use never are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from evidencekit.capture import tempdirs

HOLDER = """
import sys, time
from evidencekit.capture import tempdirs
folder, in_ram, owner = tempdirs.make_temp_dir()
(folder / "cache-page.html").write_text("ABUSIVE-PAGE-CACHE")
print(folder, flush=True)
time.sleep(600)
"""


def _start_holder(env: dict[str, str]) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    return proc, Path(proc.stdout.readline().strip())


@pytest.mark.timeout(60)
def test_folder_of_a_killed_process_is_swept_and_a_live_one_kept(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    live, live_folder = _start_holder(env)
    dead, dead_folder = _start_holder(env)
    try:
        dead.kill()  # a crash: no clean-up ran
        dead.wait()
        assert (dead_folder / "cache-page.html").exists()
        parents = sorted({live_folder.parent, dead_folder.parent})
        assert tempdirs.sweep_abandoned(parents) >= 1
        assert not dead_folder.exists()
        assert (live_folder / "cache-page.html").exists()  # its owner still holds the lock
    finally:
        live.kill()
        live.wait()
    assert tempdirs.sweep_abandoned(sorted({live_folder.parent})) >= 1
    assert not live_folder.exists()


def test_unlocked_fresh_folder_gets_a_grace_period(tmp_path: Path) -> None:
    fresh = tmp_path / f"{tempdirs.PREFIX}fresh"
    fresh.mkdir()
    old = tmp_path / f"{tempdirs.PREFIX}old"
    old.mkdir()
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    unrelated = tmp_path / "someone-else"
    unrelated.mkdir()
    assert tempdirs.sweep_abandoned([tmp_path]) == 1
    assert fresh.exists() and unrelated.exists() and not old.exists()


def test_a_ram_folder_without_room_for_a_browser_is_not_used(monkeypatch, tmp_path: Path) -> None:
    """Docker's /dev/shm is 64 MB: a browser there dies mid-capture. Too little free room →
    the disk's temporary folder (recorded as not in RAM), still owner-only and locked."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(tempdirs, "RAM_MIN_FREE_BYTES", 1 << 62)  # more than any RAM folder
    folder, in_ram, owner = tempdirs.make_temp_dir()
    try:
        assert in_ram is False and folder.parent == tmp_path
        assert folder.stat().st_mode & 0o777 == 0o700
        assert (folder / tempdirs.OWNER_LOCK).exists()
    finally:
        tempdirs.release(owner)
        shutil.rmtree(folder)

"""A virtual X screen (Xvfb) for tests that open a visible browser window (issue 12's login).

`virtual_screen(log)` starts Xvfb on a free display, yields ":N" once its socket takes
connections, and stops it after; None when Xvfb is missing or does not start (the caller
skips). The -displayfd pipe stays open while Xvfb runs: a server reset writes the number
again, and a closed pipe is fatal to it ("Cannot write display number"); -noreset avoids
resets too.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path


def _accepts(path: str, within_s: float) -> bool:
    """Whether the X server's socket takes connections (it can lag its -displayfd line)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(path)
                return True
            except OSError:
                time.sleep(0.05)
    return False


@contextlib.contextmanager
def virtual_screen(log: Path) -> Iterator[str | None]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    read_end, write_end = os.pipe()
    with log.open("w") as errors:
        proc = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 20)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        ok = bool(number) and _accepts(f"/tmp/.X11-unix/X{number}", 20)
        yield f":{number}" if ok else None
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(read_end)

"""Small helpers shared by the sealing tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_openssl(openssl: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run openssl with stdout and stderr together: its verdict lines go to either."""
    return subprocess.run(
        [openssl, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
        check=False,
    )

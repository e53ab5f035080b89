"""Looking for secrets on disk: which files under some folders hold given bytes (a session
cookie, a token), for the tests that promise nothing leaves the vault in plaintext."""

from __future__ import annotations

import os
from pathlib import Path

MAX_FILE = 2**28  # bigger files are no test's temp files; reading them would only be slow


def files_holding(roots: list[Path], needles: list[bytes]) -> list[str]:
    """Every readable regular file under `roots` that holds one of `needles` (symlinks are not
    followed), as "path: first bytes of the needle…"."""
    found = []
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                try:
                    if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                found += [f"{path}: {n[:8]!r}…" for n in needles if n in data]
    return found

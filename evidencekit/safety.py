"""Facts the front ends show to keep people safe: whether a vault sits in a cloud-synced folder,
and how hard a new passphrase would be to guess.

Plain functions, no I/O beyond looking at a path's parts: the GUI and the CLI ask, then word
the answer for a person.
"""

from __future__ import annotations

import math
import string
from pathlib import Path

from evidencekit.vault.store import MIN_PASSPHRASE_LENGTH

# Folder names the sync clients create (per-user roots); a vault under one is copied to a
# company's servers and to every device signed in to the same account.
SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("icloud drive", "iCloud Drive"),
    ("icloud", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),  # macOS: ~/Library/Mobile Documents/com~apple~CloudDocs
    ("com~apple~clouddocs", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
)


def synced_folder(path: Path) -> str | None:
    """The sync service whose folder holds `path` (e.g. "OneDrive"), or None.

    Matches folder names only ("OneDrive - Company", "Dropbox (Personal)" included), so a file
    merely *called* dropbox.ekv is not flagged.
    """
    for part in Path(path).expanduser().parent.parts:
        lowered = part.lower()
        for prefix, service in SYNC_FOLDERS:
            if lowered == prefix or lowered.startswith((prefix + " ", prefix + "-")):
                return service
    return None


def passphrase_strength(passphrase: str) -> int:
    """A rough 0-4 score: 0 too short to use, 1 weak, 2 fair, 3 good, 4 strong.

    Estimated from length and the kinds of characters used; several ordinary words
    ("green lamp under the river") score well, as they should.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return 0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(not c.isalnum() for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):  # ë, ç and other letters
        pool += 20
    distinct = len(set(passphrase))
    # Repeats ("aaaaaaaa", "abababab") add little: count distinct characters double at most.
    effective = min(len(passphrase), distinct * 2)
    bits = effective * math.log2(max(pool, 2))
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4

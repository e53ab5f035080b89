"""Whether a path sits in a cloud-synced folder (OneDrive, iCloud Drive, Dropbox, Google
Drive): a vault or a bundle there is copied to a company's servers and to every device signed
in to the same account, so the front ends warn before she puts one there.

A plain function, no I/O beyond looking at a path's parts: the GUI asks, then words the answer.
"""

from __future__ import annotations

from pathlib import Path

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

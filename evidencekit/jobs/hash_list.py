"""A case's hash list (issue 14): every picture's SHA-256, MD5 and PDQ as CSV.

What platforms' report forms and hash-sharing programmes (StopNCII, Take It Down, a
platform's own PDQ list) ask for: the hashes, never the pictures. One row per picture of
the case's items (a capture's `media/<name>`, an imported `original/<name>`, and pictures
whose bytes were never kept, minor-safe), the same for `evidencekit hashes` and the app.

Items stored before the vault kept picture hashes are hashed first, so the list is whole.
Writing it is atomic (`atomic.py`) and a custody entry (`export-hashes`) records how many
rows and the list's SHA-256; the list holds no picture and no page text.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evidencekit.atomic import atomic_output, refuse_vault_target
from evidencekit.jobs.reposts import hash_older_items, picture_records
from evidencekit.vault.store import Vault

COLUMNS = (
    "sha256",
    "md5",
    "pdq",
    "pdq_quality",
    "item",
    "picture",
    "size_bytes",
    "width",
    "height",
    "picture_kept",
)


@dataclass(frozen=True)
class HashList:
    """The CSV of one case and what it holds."""

    case: str
    csv: bytes
    pictures: int
    items: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.csv).hexdigest()


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _text(name: str) -> str:
    """A picture's name, never read as a formula by a spreadsheet (OWASP's CSV injection
    advice: a leading quote). Names of kept pictures start with media/ or original/; a
    minor-safe picture's is its file name or address, which anyone may have chosen."""
    return "'" + name if name[:1] in ("=", "+", "-", "@", "\t", "\r") else name


def case_hash_list(
    vault: Vault, case: str, on_item: Callable[[str], None] | None = None
) -> HashList:
    """The case's hash list (after hashing any of its items not hashed yet; on read-only
    media their hashes are made for the list only). Raises CaseNotFound for a case that is
    not there."""
    unhashed: set[str] = set()
    if vault.writable:
        hash_older_items(vault, case, on_item)
    else:
        vault.items(case)  # CaseNotFound
        unhashed = set(vault.items_to_hash(case))
    out = io.StringIO()
    # Plain RFC 4180 CSV, "\r\n" line ends, UTF-8 without BOM: what import tools expect.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    pictures = 0
    items = vault.items(case)
    for item in items:
        kept = picture_records(vault, item) if item.id in unhashed else None
        for p in kept if kept is not None else vault.picture_hashes(item.id):
            writer.writerow(
                [_cell(v) for v in (p.sha256, p.md5, p.pdq, p.pdq_quality, item.id,
                                    _text(p.name), p.size, p.width, p.height,
                                    "yes" if p.stored else "no")]
            )  # fmt: skip
            pictures += 1
    return HashList(case, out.getvalue().encode("utf-8"), pictures, len(items))


def write_hash_list(vault: Vault, hash_list: HashList, out: Path | None) -> None:
    """Write the list to `out` atomically (None: the caller prints it) and log it."""
    destination = "standard output"
    if out is not None:
        refuse_vault_target(out, vault.path)
        with atomic_output(out, mode=0o600, expected_size=len(hash_list.csv)) as handle:
            handle.write(hash_list.csv)
        destination = "file"
    if vault.writable:
        vault.record_hash_list_export(
            hash_list.case,
            {
                "pictures": hash_list.pictures,
                "items": hash_list.items,
                "sha256": hash_list.sha256,
                "to": destination,
            },
        )

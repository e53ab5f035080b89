"""The vault's index of picture hashes (issue 14): the front door's part and its SQL.

`Vault` (store.py) inherits `PictureIndex`. Each kept picture of an item (a capture's
`media/<name>`, an imported `original/<name>`) has one row: SHA-256, MD5, PDQ hash and quality,
size in bytes and pixels (table `picture_hashes`, schema version 5). An item whose pictures
were looked at is marked in `picture_hashes_done`, with or without pictures, so that
`items_to_hash` finds exactly the items stored before version 5 or whose hashing failed.

The rows are derived from sealed artifacts and can be recomputed from them at any time, so
they are not sealed and changing them is not a custody event; writing the case's hash list
to a file is (`record_hash_list_export`). Hashing itself happens outside the vault
(`evidencekit/jobs/reposts.py`): the vault only keeps and hands out the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from evidencekit.clock import now_iso_z_ms
from evidencekit.vault import custody, items
from evidencekit.vault.handle import VaultFile
from evidencekit.vault.subjects import case_subject

_SELECT = (
    "SELECT i.uid, p.name, p.size, p.sha256, p.md5, p.pdq, p.pdq_quality, p.width, p.height, "
    "p.stored, p.pdq_turned FROM picture_hashes p JOIN items i ON i.id = p.item_id "
)
_INSERT = (
    "INSERT INTO picture_hashes (item_id, name, size, sha256, md5, pdq, pdq_quality, width, "
    "height, stored, pdq_turned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class PictureRecord:
    """One picture of an item and its hashes; `pdq` is None for bytes that do not decode."""

    name: str
    size: int
    sha256: str
    md5: str
    pdq: str | None
    pdq_quality: int | None
    width: int | None
    height: int | None
    stored: bool = True  # False: only the hashes were kept, never the picture (minor-safe)
    pdq_turned: tuple[str, ...] = ()  # the PDQ of the picture mirrored and turned (7 forms)


class Fingerprint(NamedTuple):
    """A picture as the matcher sees it: which item holds it, and the hashes it compares."""

    item_id: str
    name: str
    sha256: str
    pdq: str | None
    pdq_quality: int | None


def _record(row: Sequence[Any]) -> PictureRecord:
    name, size, sha256, md5, pdq, quality, width, height, stored, turned = row
    return PictureRecord(
        name, size, sha256, md5, pdq, quality, width, height, bool(stored),
        tuple(turned.split()) if turned else (),
    )  # fmt: skip


class PictureIndex(VaultFile):
    """The picture-hash part of `Vault`."""

    def set_picture_hashes(self, id_or_prefix: str, pictures: Sequence[PictureRecord]) -> None:
        """Keep `pictures` as the item's picture hashes (replacing any it had) and mark the
        item as hashed, in one transaction."""
        uid = items.resolve(self.conn, id_or_prefix)
        with self.transaction() as conn:
            row_id = items.row_id(conn, uid)
            conn.execute("DELETE FROM picture_hashes WHERE item_id = ?", (row_id,))
            conn.executemany(
                _INSERT,
                [
                    (row_id, p.name, p.size, p.sha256, p.md5, p.pdq, p.pdq_quality,
                     p.width, p.height, int(p.stored), " ".join(p.pdq_turned) or None)
                    for p in pictures
                ],
            )  # fmt: skip
            conn.execute(
                "INSERT OR REPLACE INTO picture_hashes_done (item_id, hashed_at) VALUES (?, ?)",
                (row_id, now_iso_z_ms()),
            )

    def picture_hashes(self, id_or_prefix: str) -> list[PictureRecord]:
        """The item's pictures and their hashes, by name."""
        uid = items.resolve(self.conn, id_or_prefix)
        rows = self.conn.execute(_SELECT + "WHERE i.uid = ? ORDER BY p.name", (uid,)).fetchall()
        return [_record(r[1:]) for r in rows]

    def picture_fingerprints(self) -> list[Fingerprint]:
        """Every picture of the vault, by item, as matching reads it (no order, no turned
        forms: 10,000 pictures in about 20 ms)."""
        rows = self.conn.execute(
            "SELECT i.uid, p.name, p.sha256, p.pdq, p.pdq_quality "
            "FROM picture_hashes p JOIN items i ON i.id = p.item_id"
        ).fetchall()
        return list(map(Fingerprint._make, rows))

    def items_to_hash(self, case: str | None = None) -> list[str]:
        """Ids of the items (of `case`, or all) whose pictures were never hashed, oldest first."""
        query = (
            "SELECT i.uid FROM items i LEFT JOIN cases c ON c.id = i.case_id "
            "WHERE i.id NOT IN (SELECT item_id FROM picture_hashes_done)"
        )
        params: tuple[Any, ...] = ()
        if case is not None:
            query += " AND c.name = ?"
            params = (case,)
        rows = self.conn.execute(query + " ORDER BY i.captured_at, i.id", params).fetchall()
        return [str(r[0]) for r in rows]

    def record_hash_list_export(self, case: str, details: dict[str, Any]) -> None:
        """The custody entry for a case's hash list written out of the vault."""
        with self.transaction() as conn:
            custody.append(
                conn, self.settings.operator, "export-hashes", case_subject(case), details
            )

"""The vault: one encrypted SQLCipher file holding every item, artifact and custody entry.

Open it with `Vault.create` or `Vault.open`; use it as a context manager so it is always closed.
Opened for writing, it holds an OS lock (one writer at a time); readers need no lock. Every
change is one transaction: a process killed half-way leaves the vault as it was before.

`Vault` is the vault's one front door: nothing outside `evidencekit/vault/` runs SQL or holds
its connection. The SQL lives beside it, one module per part of the store (`items`, `cases`,
`blobs`, `custody`, `seals`, `stamps`, `meta`), each working on the connection it is given.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit.atomic import atomic_output, refuse_vault_target
from evidencekit.clock import parse_iso_z
from evidencekit.errors import (
    ArtifactNotFound,
    CaseNotFound,
    EvidenceKitError,
    IdentityDamaged,
)
from evidencekit.seal.identity import Identity, endorse_successor, generate_identity
from evidencekit.seal.manifest import MANIFEST_NAME, ArtifactEntry
from evidencekit.vault import (
    blobs,
    cases,
    custody,
    faults,
    items,
    meta,
    seals,
    stamps,
)
from evidencekit.vault.connection import (
    DatabaseError,
    raise_typed,
)
from evidencekit.vault.custody import CustodyEntry
from evidencekit.vault.files import read_salt
from evidencekit.vault.handle import VaultFile
from evidencekit.vault.items import SIGNATURE_MEDIA_TYPE, SIGNATURE_NAME, new_item_id
from evidencekit.vault.opening import kdf_params_for
from evidencekit.vault.passphrase import MIN_PASSPHRASE_LENGTH, check_new_passphrase
from evidencekit.vault.picture_index import PictureIndex
from evidencekit.vault.records import ArtifactSource, CaseInfo, ItemRecord, NewItem
from evidencekit.vault.seals import TimestampRow
from evidencekit.vault.session_store import SavedLogins
from evidencekit.vault.sessions import SessionInfo, SessionSecret
from evidencekit.vault.stamps import TOKEN_MEDIA_TYPE
from evidencekit.vault.subjects import (
    IDENTITY,
    case_subject,
    item_subject,
    parse_subject,
)

if TYPE_CHECKING:
    from evidencekit.seal.timestamps import TimestampOutcome

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "SIGNATURE_MEDIA_TYPE",
    "SIGNATURE_NAME",
    "TOKEN_MEDIA_TYPE",
    "SessionInfo",
    "SessionSecret",
    "Vault",
    "check_new_passphrase",
    "kdf_params_for",
    "new_item_id",
    "read_salt",
]

log = logging.getLogger(__name__)


class Vault(SavedLogins, PictureIndex, VaultFile):
    """An open vault. Not thread-safe: one thread uses it at a time. Saved logins (issue 12):
    `SavedLogins` in session_store.py; picture hashes (issue 14): `PictureIndex`."""

    # The shelf folder this vault was opened from (shelf.py), or None for a vault file alone.
    shelf: Path | None = None

    @contextlib.contextmanager
    def transaction(self, *, needed: int | None = None) -> Iterator[Any]:
        """`VaultFile.transaction`; on a shelf, the WAL is then folded in and emptied and every
        file's times evened out, so a crash between commits leaves nothing that stands out."""
        with super().transaction(needed=needed) as conn:
            yield conn
        if self.shelf is not None:
            from evidencekit.vault import shelf

            with contextlib.suppress(DatabaseError):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            shelf.even_out_times(self.shelf, time.time_ns())  # no file newer than the rest

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """`VaultFile.close`; on a shelf, then padding where needed and even times."""
        was_open = self._conn is not None
        super().close()
        if was_open and self.shelf is not None:
            from evidencekit.vault import shelf

            shelf.after_close(self.shelf, self.path, self.settings)

    def remember_output_folder(self, folder: Path) -> None:
        """Note a folder we write decrypted copies into, so that a copy or export killed half
        way is cleaned up (its plaintext `.part` file) the next time the vault is opened."""
        with self.transaction() as conn:
            meta.remember_output_folder(conn, str(Path(folder).resolve()))

    def meta(self, key: str) -> str | None:
        return meta.get(self.conn, key)

    # --- signing identity ---------------------------------------------------------------------

    def identity(self) -> Identity:
        """The identity that signs new items; made on first use in a vault that has none."""
        if self._identity is None:
            found = seals.active_identity(self.conn)
            if found is None:
                if not self.writable:
                    raise IdentityDamaged("This vault has no signing identity yet.")
                with self.transaction() as conn:
                    found = generate_identity()
                    seals.save_identity(conn, found)
                    custody.append(
                        conn, self.settings.operator, "identity-create", IDENTITY,
                        {"fingerprint": found.fingerprint_sha256},
                    )  # fmt: skip
            self._identity = found
        return self._identity

    def replace_identity(self, identity: Identity) -> None:
        """Sign new items with `identity` from now on; the old one is kept, inactive.

        The custody entry carries an endorsement signed by the old key (`endorse_successor`):
        it is what lets a verifier accept a bundle signed by the new key for items the old one
        sealed; a bundle re-signed by anyone else has none."""
        old = self.identity()
        details = {
            "fingerprint": identity.fingerprint_sha256,
            "replaces": old.fingerprint_sha256,
            "endorsement": endorse_successor(old, identity),
        }
        with self.transaction() as conn:
            seals.save_identity(conn, identity)
            custody.append(conn, self.settings.operator, "identity-import", IDENTITY, details)
        self._identity = identity

    # --- cases ------------------------------------------------------------------------------

    def _case_id(self, conn: Any, name: str | None, *, create: bool) -> int | None:
        if not name:
            return None
        case_id = cases.find(conn, name)
        if case_id is not None:
            return case_id
        if not create:
            raise CaseNotFound(f"There is no case called “{name}”.")
        case_id = cases.insert(conn, name)
        custody.append(conn, self.settings.operator, "create-case", case_subject(name), {})
        return case_id

    def cases(self) -> list[CaseInfo]:
        return cases.listed(self.conn)

    def create_case(self, name: str) -> None:
        with self.transaction() as conn:
            self._case_id(conn, name, create=True)

    def case_minor_safe(self, name: str | None) -> bool:
        """Whether the case keeps pictures as hashes only (False for no case or none by that
        name): every capture and import into it is then minor-safe (issue 14 part 2)."""
        return bool(name) and cases.minor_safe(self.conn, cases.find(self.conn, str(name)))

    def set_case_minor_safe(self, name: str, on: bool) -> None:
        """Turn the case's "someone may be under 18" setting on or off (the case is made if it
        does not exist yet); each change is a custody entry ``case-minor-safe``."""
        with self.transaction() as conn:
            case_id = self._case_id(conn, name, create=True)
            assert case_id is not None
            if cases.minor_safe(conn, case_id) == on:
                return
            cases.set_minor_safe(conn, case_id, on)
            custody.append(
                conn, self.settings.operator, "case-minor-safe", case_subject(name), {"on": on}
            )

    def rename_case(self, old: str, new: str) -> None:
        """Give a case another name; its items follow. Raises CaseNotFound / CaseExists."""
        new = new.strip()
        if not new:
            raise ValueError("a case needs a name")
        with self.transaction() as conn:
            case_id = self._case_id(conn, old, create=False)
            if new == old:
                return
            cases.rename(conn, case_id, new)
            custody.append(
                conn, self.settings.operator, "rename-case", case_subject(old), {"new_name": new}
            )

    # --- items ------------------------------------------------------------------------------

    def add_item(
        self,
        new: NewItem,
        artifacts: Sequence[ArtifactSource],
        *,
        on_sealed: Callable[[str], None] | None = None,
    ) -> ItemRecord:
        """Store an item with all its artifacts and its manifest, in one transaction.
        `on_sealed(manifest_sha256)`: as soon as it is signed (`items.insert`), uncommitted."""
        names = [a.name for a in artifacts]
        if len(set(names)) != len(names) or MANIFEST_NAME in names:
            raise ValueError("artifact names must be unique and not 'manifest.json'")
        uid = new_item_id()
        identity = self.identity()
        sizes = [len(a.data) if a.data is not None else a.size or 0 for a in artifacts]
        # The bytes go into the WAL first, then into the vault file: twice, for a moment.
        needed = 2 * sum(sizes) + faults.MARGIN
        with self.transaction(needed=needed) as conn:
            manifest_sha256 = items.insert(
                conn,
                new,
                artifacts,
                uid=uid,
                case_id=self._case_id(conn, new.case, create=True),
                identity=identity,
                operator=self.settings.operator,
                operator_role=self.settings.operator_role,
                vault_id=self.meta("vault_id"),
                chunk_size=self.settings.chunk_size,
                on_sealed=on_sealed,
            )
            details: dict[str, Any] = {
                "kind": new.kind,
                "manifest_sha256": manifest_sha256,
                "signed_by": identity.fingerprint_sha256,
                "artifacts": len(artifacts) + 2,  # and the manifest and its signature
            }
            if new.case:
                details["case"] = new.case
            if self.settings.operator_role:
                details["role"] = self.settings.operator_role
            if new.consent:
                details["consent"] = new.consent
            custody.append(conn, self.settings.operator, new.action, item_subject(uid), details)
        return self.item(uid)

    def resolve(self, id_or_prefix: str) -> str:
        """The full item id for an id or an unambiguous prefix of one (at least 4 characters)."""
        return items.resolve(self.conn, id_or_prefix)

    def item(self, id_or_prefix: str) -> ItemRecord:
        return items.get(self.conn, self.resolve(id_or_prefix))

    def items(self, case: str | None = None) -> list[ItemRecord]:
        if case is not None:
            return items.listed(self.conn, self._case_id(self.conn, case, create=False))
        return items.listed(self.conn)

    def captures_of_address(self, id_or_prefix: str) -> list[ItemRecord]:
        """The first capture of this item's address and each later capture linked to it
        (`recapture_of` in their metadata; issue 12), oldest first."""
        item = self.item(id_or_prefix)
        return items.chain(self.conn, str(item.metadata.get("recapture_of") or item.id))

    def search(self, text: str) -> list[ItemRecord]:
        """Items whose title, URL, notes or captured text contain every word of `text`."""
        return items.search(self.conn, text)

    def add_note(self, id_or_prefix: str, body: str) -> None:
        uid = self.resolve(id_or_prefix)
        with self.transaction() as conn:
            items.add_note(conn, uid, body, self.settings.operator)
            custody.append(
                conn, self.settings.operator, "note", item_subject(uid), {"chars": len(body)}
            )

    def set_tags(self, id_or_prefix: str, tags: Iterable[str]) -> None:
        uid = self.resolve(id_or_prefix)
        clean = sorted({t.strip() for t in tags if t.strip()})
        with self.transaction() as conn:
            items.set_tags(conn, uid, clean)
            custody.append(conn, self.settings.operator, "tag", item_subject(uid), {"tags": clean})

    def set_hidden(self, id_or_prefix: str, hidden: bool) -> None:
        """Show only a placeholder for this item ("never show me this"), or undo that.

        The evidence itself is unchanged; only what front ends display.
        """
        uid = self.resolve(id_or_prefix)
        action = "hide" if hidden else "unhide"
        with self.transaction() as conn:
            items.set_hidden(conn, uid, hidden)
            custody.append(conn, self.settings.operator, action, item_subject(uid), {})

    def delete_item(self, id_or_prefix: str, reason: str = "") -> None:
        """Remove an item and its bytes for good, leaving a tombstone in the custody log."""
        item = self.item(id_or_prefix)
        with self.transaction() as conn:
            details: dict[str, Any] = {
                "kind": item.kind,
                "captured_at": item.captured_at,
                "manifest_sha256": item.manifest_sha256,
                "blobs_removed": items.delete(conn, item.id),
            }
            if reason:
                details["reason"] = reason
            custody.append(conn, self.settings.operator, "delete", item_subject(item.id), details)

    # --- artifacts and stored bytes -----------------------------------------------------------

    def artifact_info(self, id_or_prefix: str, name: str) -> tuple[ItemRecord, ArtifactEntry]:
        item = self.item(id_or_prefix)
        info = item.artifact(name)
        if info is None:
            raise ArtifactNotFound(
                f"Item {item.id} has no file called “{name}”. "
                f"It has: {', '.join(a.name for a in item.artifacts)}."
            )
        return item, info

    def iter_artifact(self, id_or_prefix: str, name: str) -> Iterator[bytes]:
        """The artifact's bytes, chunk by chunk, hash-checked (VaultCorrupt at the end if not)."""
        _, info = self.artifact_info(id_or_prefix, name)
        try:
            yield from blobs.iter_chunks(self.conn, info.sha256)
        except (DatabaseError, OSError) as exc:
            raise_typed(exc, self.path)

    def read_artifact(self, id_or_prefix: str, name: str) -> bytes:
        """A small artifact, whole (a manifest, metadata). Use iter_artifact for big ones."""
        return b"".join(self.iter_artifact(id_or_prefix, name))

    def iter_blob(self, sha256: str) -> Iterator[bytes]:
        """Stored bytes by their SHA-256 (a custody anchor's token), chunk by chunk, checked."""
        return blobs.iter_chunks(self.conn, sha256)

    def blob_size(self, sha256: str) -> int | None:
        """The size of the stored bytes with this SHA-256, or None if the vault lacks them."""
        return blobs.size_of(self.conn, sha256)

    def extract_artifact(self, id_or_prefix: str, name: str, out: Path) -> ArtifactEntry:
        """Write an artifact, decrypted, to `out` (atomically), logging the copy first.

        Logged before any byte leaves the vault, so no crash can leave an unrecorded copy; a
        copy that then fails is logged as such.
        """
        item, info = self.artifact_info(id_or_prefix, name)
        refuse_vault_target(out, self.path)
        if not self.writable:
            # Read-only media (a lawyer's CD): the copy is made, but cannot be logged; the
            # front end says so.
            with atomic_output(out) as handle:
                for chunk in self.iter_artifact(item.id, name):
                    handle.write(chunk)
            return info
        subject = item_subject(item.id)
        self.remember_output_folder(Path(out).parent)
        self.log_action("extract", subject, {"artifact": name, "sha256": info.sha256})
        try:
            with atomic_output(out) as handle:
                for chunk in self.iter_artifact(item.id, name):
                    handle.write(chunk)
        except Exception as exc:
            with contextlib.suppress(EvidenceKitError):  # the vault's own disk may be full too
                self.log_action(
                    "extract-failed", subject, {"artifact": name, "reason": str(exc)[:200]}
                )
            raise
        return info

    # --- timestamps -------------------------------------------------------------------------

    def record_timestamps(self, subject: str, digest_hex: str, outcome: TimestampOutcome) -> None:
        """Store what a round of TSA requests gave for `subject` ('item:<id>' or 'custody:<n>').

        Tokens become artifacts (`timestamp.tsr`, `timestamp-2.tsr`, ...) of the item; answers
        that were not valid tokens are kept as 'failed' facts; with no token at all the subject
        is (still) 'pending'. Each event is logged in the custody chain.
        """
        with self.transaction() as conn:
            stamps.record(
                conn, self.settings.operator, self.settings.chunk_size, subject, digest_hex, outcome
            )

    def timestamps(self, subject: str) -> list[TimestampRow]:
        """Every timestamp row (granted, pending, failed) for `subject`, oldest first."""
        return seals.timestamps_for(self.conn, subject)

    def item_timestamps(self, item_id: str) -> list[TimestampRow]:
        return self.timestamps(item_subject(item_id))

    def subjects_without_timestamp(self) -> list[tuple[str, str]]:
        """(subject, digest) of every sealed item that holds no granted token yet."""
        return [(item_subject(uid), digest) for uid, digest in seals.unstamped_items(self.conn)]

    def last_anchor_time(self) -> datetime | None:
        when = seals.last_anchor_update(self.conn)
        return None if when is None else parse_iso_z(when)

    def custody_anchors(self) -> list[tuple[int, TimestampRow]]:
        """(custody seq, row) of every timestamp row of the granted custody anchors, the newest
        anchor first (its rows oldest first)."""
        found = []
        for subject in seals.anchor_subjects(self.conn):
            seq = int(parse_subject(subject)[1])
            found += [(seq, row) for row in seals.timestamps_for(self.conn, subject)]
        return found

    def newest_anchor_token(self) -> bytes | None:
        """The DER bytes of the newest granted custody anchor token, or None."""
        sha256 = seals.newest_anchor_token(self.conn)
        return None if sha256 is None else b"".join(self.iter_blob(sha256))

    # --- custody ----------------------------------------------------------------------------

    def custody(self, item_ids: Iterable[str] | None = None) -> list[CustodyEntry]:
        objects = None if item_ids is None else [item_subject(i) for i in item_ids]
        return custody.entries(self.conn, objects=objects)

    def custody_head(self) -> tuple[int, str | None]:
        """(last seq, last hash) of the custody log — (0, None) when it is empty."""
        return custody.head(self.conn)

    def log_action(self, action: str, obj: str, details: dict[str, Any]) -> CustodyEntry:
        """Append a custody entry for something done outside the vault (an export, a view)."""
        with self.transaction() as conn:
            return custody.append(conn, self.settings.operator, action, obj, details)

"""Evidence items inside the vault: their rows, artifacts, notes, tags and search text.

Plain storage on the connection, run inside the caller's transaction for changes (as
`blobs`, `custody` and `seals` do); `Vault` is the front door that opens the transaction and
logs each change in the custody chain.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from evidencekit.clock import now_iso_z_ms
from evidencekit.errors import AmbiguousItemId, ItemNotFound
from evidencekit.seal.identity import Identity, sign_detached
from evidencekit.seal.manifest import MANIFEST_NAME, ArtifactEntry, build_manifest
from evidencekit.vault import blobs, custody, seals
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem, Note
from evidencekit.vault.subjects import item_subject

SIGNATURE_NAME = "manifest.p7s"
SIGNATURE_MEDIA_TYPE = "application/pkcs7-signature"
ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are read aloud and typed

_ITEM_SELECT = (
    "SELECT i.id, i.uid, c.name, i.kind, i.title, i.url, i.final_url, i.file_name, i.status, "
    "i.captured_at, i.operator, i.manifest_sha256, i.metadata, i.sensitive, i.hidden "
    "FROM items i LEFT JOIN cases c ON c.id = i.case_id "
)


def new_item_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(12))


# --- reading ---------------------------------------------------------------------------------


def resolve(conn: Any, id_or_prefix: str) -> str:
    """The full item id for an id or an unambiguous prefix of one (at least 4 characters)."""
    text = id_or_prefix.strip().lower()
    row = conn.execute("SELECT uid FROM items WHERE uid = ?", (text,)).fetchone()
    if row is not None:
        return str(row[0])
    if len(text) < 4 or any(c not in ID_ALPHABET for c in text):
        raise ItemNotFound(f"No item has the id “{id_or_prefix}”.")
    rows = conn.execute(
        "SELECT uid FROM items WHERE substr(uid, 1, ?) = ? LIMIT 2", (len(text), text)
    ).fetchall()
    if not rows:
        raise ItemNotFound(f"No item has the id “{id_or_prefix}”.")
    if len(rows) > 1:
        raise AmbiguousItemId()
    return str(rows[0][0])


def row_id(conn: Any, uid: str) -> int | None:
    """The item's row id (what artifacts, notes, tags and timestamps refer to), or None."""
    row = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def get(conn: Any, uid: str) -> ItemRecord:
    row = conn.execute(_ITEM_SELECT + "WHERE i.uid = ?", (uid,)).fetchone()
    return _row_to_item(conn, row)


def listed(conn: Any, case_id: int | None = None) -> list[ItemRecord]:
    """Every item in capture order, or only those of one case (by its row id)."""
    if case_id is not None:
        rows = conn.execute(
            _ITEM_SELECT + "WHERE i.case_id = ? ORDER BY i.captured_at, i.id", (case_id,)
        ).fetchall()
    else:
        rows = conn.execute(_ITEM_SELECT + "ORDER BY i.captured_at, i.id").fetchall()
    return [_row_to_item(conn, r) for r in rows]


def search(conn: Any, text: str) -> list[ItemRecord]:
    """Items whose title, URL, notes or captured text contain every word of `text`."""
    words = [w for w in text.split() if w]
    if not words:
        return []
    # Each word quoted (so FTS syntax in user text is inert) and prefix-matched.
    query = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
    rows = conn.execute(
        _ITEM_SELECT + "JOIN search s ON s.rowid = i.id WHERE search MATCH ? ORDER BY s.rank",
        (query,),
    ).fetchall()
    return [_row_to_item(conn, r) for r in rows]


def chain(conn: Any, root_uid: str) -> list[ItemRecord]:
    """The item `root_uid` and every item whose metadata says it captures it again
    (`recapture_of`, issue 12), oldest first."""
    rows = conn.execute(
        _ITEM_SELECT + "WHERE i.uid = ? OR json_extract(i.metadata, '$.recapture_of') = ? "
        "ORDER BY i.captured_at, i.id",
        (root_uid, root_uid),
    ).fetchall()
    return [_row_to_item(conn, r) for r in rows]


def _row_to_item(conn: Any, row: Any) -> ItemRecord:
    (item_id, uid, case, kind, title, url, final_url, file_name, status, captured_at,
     operator, manifest_sha256, metadata, sensitive, hidden) = row  # fmt: skip
    artifacts = tuple(
        ArtifactEntry(*a)
        for a in conn.execute(
            "SELECT name, media_type, size, sha256 FROM artifacts WHERE item_id = ? ORDER BY name",
            (item_id,),
        )
    )
    notes = tuple(
        Note(*n)
        for n in conn.execute(
            "SELECT body, author, created_at FROM notes WHERE item_id = ? ORDER BY id",
            (item_id,),
        )
    )
    tags = tuple(
        t[0]
        for t in conn.execute("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag", (item_id,))
    )
    seal: dict[str, Any] | None = None
    sealed = seals.seal_of(conn, item_id)
    if sealed is not None:
        seal = {
            "digest": sealed[0],
            "signed_by": sealed[1],
            "timestamps": [t.to_json() for t in seals.timestamps_for(conn, item_subject(uid))],
        }
    return ItemRecord(
        id=uid,
        kind=kind,
        case=case,
        title=title,
        url=url,
        final_url=final_url,
        file_name=file_name,
        status=status,
        captured_at=captured_at,
        operator=operator,
        manifest_sha256=manifest_sha256,
        sensitive=bool(sensitive),
        artifacts=artifacts,
        metadata=json.loads(metadata),
        notes=notes,
        tags=tags,
        seal=seal,
        hidden=bool(hidden),
    )


# --- writing (inside the caller's transaction) -------------------------------------------------


def insert(
    conn: Any,
    new: NewItem,
    artifacts: Sequence[ArtifactSource],
    *,
    uid: str,
    case_id: int | None,
    identity: Identity,
    operator: str,
    operator_role: str,
    vault_id: str | None,
    chunk_size: int,
    on_sealed: Callable[[str], None] | None = None,
) -> str:
    """Store an item: every artifact's bytes, its manifest (naming every artifact by hash and
    the custody head) and the manifest's signature; returns the manifest's SHA-256.

    `on_sealed(manifest_sha256)` is called (in this thread, inside the transaction) as soon as
    the manifest is built and signed. With every artifact in memory (a capture) that is before
    any blob is written: a manifest needs only each artifact's size and SHA-256, known from its
    bytes, and the custody head, read here under the writer lock the transaction holds (so it
    is the head the item's own custody entry follows). Streamed artifacts (imports) are hashed
    while they are written, so then it comes after them. Nothing is committed yet when it is
    called: the caller may use the digest (ask a TSA) but must record nothing for it before
    the transaction has committed."""
    in_memory = all(source.data is not None for source in artifacts)
    stored: list[ArtifactEntry] = []
    for source in artifacts:
        if source.data is not None and in_memory:
            digest = hashlib.sha256(source.data).hexdigest()
            stored.append(ArtifactEntry(source.name, source.media_type, len(source.data), digest))
            continue
        if source.data is not None:
            blob = blobs.put_bytes(conn, source.data, chunk_size)
        else:
            assert source.stream is not None
            blob = blobs.put_stream(conn, source.stream, chunk_size)
        stored.append(ArtifactEntry(source.name, source.media_type, blob.size, blob.sha256))
    _, head = custody.head(conn)
    manifest = build_manifest(
        {
            "id": uid,
            "kind": new.kind,
            "url": new.url,
            "final_url": new.final_url,
            "file_name": new.file_name,
            "status": new.status,
            "captured_at": new.captured_at,
            "operator": operator,
            "operator_role": operator_role,
            "vault_id": vault_id,
            **new.manifest_fields,
        },
        stored,
        head,
    )
    # Sealed at once: the signature covers the manifest, which names every artifact.
    signature = sign_detached(identity, manifest.data)
    if on_sealed is not None:
        on_sealed(manifest.sha256)
    if in_memory:  # the bytes the manifest names, hashed above from these very objects
        for source, entry in zip(artifacts, stored, strict=True):
            assert source.data is not None
            blobs.put_bytes(conn, source.data, chunk_size, sha256=entry.sha256)
    manifest_blob = blobs.put_bytes(conn, manifest.data, chunk_size)
    stored.append(
        ArtifactEntry(MANIFEST_NAME, "application/json", manifest_blob.size, manifest.sha256)
    )
    signature_blob = blobs.put_bytes(conn, signature, chunk_size)
    stored.append(
        ArtifactEntry(
            SIGNATURE_NAME, SIGNATURE_MEDIA_TYPE, signature_blob.size, signature_blob.sha256
        )
    )
    item_id = conn.execute(
        "INSERT INTO items (uid, case_id, kind, title, url, final_url, file_name, status, "
        "captured_at, operator, manifest_sha256, metadata, sensitive) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uid,
            case_id,
            new.kind,
            new.title,
            new.url,
            new.final_url,
            new.file_name,
            new.status,
            new.captured_at,
            operator,
            manifest.sha256,
            json.dumps(new.metadata, ensure_ascii=False, sort_keys=True),
            int(new.sensitive),
        ),
    ).lastrowid
    conn.executemany(
        "INSERT INTO artifacts (item_id, name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?)",
        [(item_id, a.name, a.media_type, a.size, a.sha256) for a in stored],
    )
    seals.save_seal(conn, item_id, manifest.sha256, identity.fingerprint_sha256)
    if new.note:
        _insert_note(conn, item_id, new.note, operator)
    conn.execute(
        "INSERT INTO search (rowid, title, url, notes, body) VALUES (?, ?, ?, ?, ?)",
        (
            item_id,
            new.title or new.file_name or "",
            " ".join(u for u in (new.url, new.final_url) if u),
            new.note or "",
            new.text,
        ),
    )
    return manifest.sha256


def add_artifact(conn: Any, item_id: int, entry: ArtifactEntry) -> None:
    conn.execute(
        "INSERT INTO artifacts (item_id, name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?)",
        (item_id, entry.name, entry.media_type, entry.size, entry.sha256),
    )


def next_token_name(conn: Any, item_id: int) -> str:
    """The name the item's next timestamp token gets: timestamp.tsr, timestamp-2.tsr, ..."""
    count = conn.execute(
        "SELECT count(*) FROM artifacts WHERE item_id = ? AND name LIKE 'timestamp%.tsr'",
        (item_id,),
    ).fetchone()[0]
    return "timestamp.tsr" if count == 0 else f"timestamp-{count + 1}.tsr"


def _insert_note(conn: Any, item_id: int, body: str, author: str) -> None:
    conn.execute(
        "INSERT INTO notes (item_id, body, author, created_at) VALUES (?, ?, ?, ?)",
        (item_id, body, author, now_iso_z_ms()),
    )


def add_note(conn: Any, uid: str, body: str, author: str) -> None:
    """Add a note to the item and to its search text."""
    item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
    _insert_note(conn, item_id, body, author)
    all_notes = " ".join(
        r[0] for r in conn.execute("SELECT body FROM notes WHERE item_id = ?", (item_id,))
    )
    conn.execute("UPDATE search SET notes = ? WHERE rowid = ?", (all_notes, item_id))


def set_tags(conn: Any, uid: str, tags: Iterable[str]) -> None:
    item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
    conn.execute("DELETE FROM tags WHERE item_id = ?", (item_id,))
    conn.executemany("INSERT INTO tags (item_id, tag) VALUES (?, ?)", [(item_id, t) for t in tags])


def set_hidden(conn: Any, uid: str, hidden: bool) -> None:
    conn.execute("UPDATE items SET hidden = ? WHERE uid = ?", (int(hidden), uid))


def delete(conn: Any, uid: str) -> int:
    """Remove the item (its artifacts, notes, tags follow) and every blob nothing refers to
    any more; returns how many blobs went."""
    item_id = conn.execute("SELECT id FROM items WHERE uid = ?", (uid,)).fetchone()[0]
    conn.execute("DELETE FROM search WHERE rowid = ?", (item_id,))
    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
    return blobs.collect_garbage(conn)

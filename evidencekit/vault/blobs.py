"""Content-addressed artifact storage: bytes streamed in and out in ~1 MiB chunks.

A blob's id is the SHA-256 of its whole content, known only once it has been streamed in, so
chunks are written under a row id first and the hash is set at the end. Identical content is
stored once. Every function here runs inside the caller's transaction: a blob half-written when
the process dies is rolled back with everything else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from evidencekit.errors import VaultCorrupt
from evidencekit.vault.records import Readable


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int


def put_stream(conn: Any, stream: Readable, chunk_size: int) -> StoredBlob:
    """Stream `stream` into the vault; return its SHA-256 and size. Memory: one chunk."""
    blob_id = conn.execute("INSERT INTO blobs (sha256) VALUES (NULL)").lastrowid
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
        conn.execute(
            "INSERT INTO chunks (blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, chunk)
        )
        seq += 1
    return _finish(conn, blob_id, digest.hexdigest(), size, seq)


def put_bytes(conn: Any, data: bytes, chunk_size: int, *, sha256: str | None = None) -> StoredBlob:
    """Store bytes already in memory (a screenshot, a manifest). `sha256`: their hash, when
    the caller just took it of this very (immutable) object, so it is not taken twice."""
    sha = sha256 if sha256 is not None else hashlib.sha256(data).hexdigest()
    existing = conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    if existing is not None:
        return StoredBlob(sha, existing[0])
    blob_id = conn.execute("INSERT INTO blobs (sha256) VALUES (NULL)").lastrowid
    view = memoryview(data)
    count = 0
    for seq, start in enumerate(range(0, len(data), chunk_size)):
        conn.execute(
            "INSERT INTO chunks (blob_id, seq, data) VALUES (?, ?, ?)",
            (blob_id, seq, bytes(view[start : start + chunk_size])),
        )
        count = seq + 1
    return _finish(conn, blob_id, sha, len(data), count)


def _finish(conn: Any, blob_id: int, sha: str, size: int, chunk_count: int) -> StoredBlob:
    if conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone():
        # Same content already stored: keep the old copy, drop the new one.
        conn.execute("DELETE FROM chunks WHERE blob_id = ?", (blob_id,))
        conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
    else:
        conn.execute(
            "UPDATE blobs SET sha256 = ?, size = ?, chunk_count = ? WHERE id = ?",
            (sha, size, chunk_count, blob_id),
        )
    return StoredBlob(sha, size)


def iter_chunks(conn: Any, sha256: str) -> Iterator[bytes]:
    """Yield a blob's bytes chunk by chunk, checking order, size and hash as it goes.

    Raises VaultCorrupt at the end if what was read does not match what was recorded, so a
    caller writing the bytes somewhere must treat that output as unusable (see atomic writes).
    """
    row = conn.execute(
        "SELECT id, size, chunk_count FROM blobs WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is None:
        raise VaultCorrupt(f"The stored file {sha256[:12]}… is missing from the vault.")
    blob_id, size, chunk_count = row
    digest = hashlib.sha256()
    total = 0
    expected_seq = 0
    # One query per chunk keeps memory bounded whatever the blob size.
    for expected_seq in range(chunk_count):
        chunk_row = conn.execute(
            "SELECT data FROM chunks WHERE blob_id = ? AND seq = ?", (blob_id, expected_seq)
        ).fetchone()
        if chunk_row is None:
            raise VaultCorrupt(f"Part {expected_seq + 1} of stored file {sha256[:12]}… is missing.")
        data = bytes(chunk_row[0])
        digest.update(data)
        total += len(data)
        yield data
    if total != size or digest.hexdigest() != sha256:
        raise VaultCorrupt(f"The stored file {sha256[:12]}… does not match its SHA-256 any more.")


def size_of(conn: Any, sha256: str) -> int | None:
    """The stored size of a blob, or None when the vault does not hold it."""
    row = conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def check_blob(conn: Any, sha256: str) -> str | None:
    """Re-hash one blob; None when it is intact, else what is wrong, in plain words."""
    try:
        for _ in iter_chunks(conn, sha256):
            pass
    except VaultCorrupt as exc:
        return str(exc)
    extra = conn.execute(
        "SELECT count(*) FROM chunks c JOIN blobs b ON c.blob_id = b.id "
        "WHERE b.sha256 = ? AND c.seq >= b.chunk_count",
        (sha256,),
    ).fetchone()[0]
    if extra:
        return f"The stored file {sha256[:12]}… has {extra} unexpected extra part(s)."
    return None


def collect_garbage(conn: Any) -> int:
    """Delete blobs no artifact refers to any more; return how many."""
    rows = conn.execute(
        "SELECT id FROM blobs WHERE sha256 IS NULL "
        "OR (sha256 NOT IN (SELECT sha256 FROM artifacts) "
        "AND sha256 NOT IN (SELECT token_sha256 FROM timestamps WHERE token_sha256 IS NOT NULL))"
    ).fetchall()
    for (blob_id,) in rows:
        conn.execute("DELETE FROM chunks WHERE blob_id = ?", (blob_id,))
        conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))
    return len(rows)

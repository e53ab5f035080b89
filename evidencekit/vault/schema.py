"""The vault's tables, and the forward migrations that bring an older vault up to date.

`MIGRATIONS[n]` turns a version-n vault into version n+1; `user_version` holds the version.
A vault newer than this code is refused rather than guessed at.
"""

from __future__ import annotations

from typing import Any

from evidencekit.errors import VaultTooNew

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
-- Content-addressed artifact bodies: one row per distinct SHA-256, bytes in `chunks`.
CREATE TABLE blobs (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT UNIQUE,          -- NULL only while a blob is being streamed in
    size        INTEGER NOT NULL DEFAULT 0,
    chunk_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,   -- the evidence id people see and type
    case_id         INTEGER REFERENCES cases(id),
    kind            TEXT NOT NULL CHECK (kind IN ('web', 'file')),
    title           TEXT NOT NULL DEFAULT '',
    url             TEXT,
    final_url       TEXT,
    file_name       TEXT,
    status          INTEGER,
    captured_at     TEXT NOT NULL,
    operator        TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    metadata        TEXT NOT NULL DEFAULT '{}',  -- JSON
    sensitive       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE artifacts (
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL REFERENCES blobs(sha256),
    PRIMARY KEY (item_id, name)
);
CREATE INDEX artifacts_by_sha ON artifacts(sha256);
CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE tags (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (item_id, tag)
);
-- Append-only, hash-chained. Rows are never updated or deleted by the app.
CREATE TABLE custody (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    details   TEXT NOT NULL,   -- canonical JSON
    prev_hash TEXT,            -- NULL for the first entry
    hash      TEXT NOT NULL
);
CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody
    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
-- Full-text search over what a person would look for. Rows keyed by items.id.
CREATE VIRTUAL TABLE search USING fts5(
    title, url, notes, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""

# Sealing: the vault's signing identity, each item's signature, and trusted timestamps.
_V2 = """
CREATE TABLE identities (
    id          INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,     -- SHA-256 of the certificate DER, hex
    subject     TEXT NOT NULL,
    storage     TEXT NOT NULL,            -- JSON of Identity.to_storage (bytes as base64)
    created_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE seals (
    item_id     INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    digest      TEXT NOT NULL,            -- the manifest's SHA-256
    signed_by   TEXT NOT NULL,            -- identity fingerprint
    signed_at   TEXT NOT NULL
);
-- One row per token obtained (granted), per rejected answer (failed), and one 'pending' row
-- per subject still waiting for its first token.
CREATE TABLE timestamps (
    id            INTEGER PRIMARY KEY,
    subject       TEXT NOT NULL,          -- 'item:<id>' or 'custody:<seq>'
    item_id       INTEGER REFERENCES items(id) ON DELETE CASCADE,
    digest        TEXT NOT NULL,          -- hex SHA-256 the token covers
    tsa_url       TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('granted', 'pending', 'failed')),
    gen_time      TEXT,
    token_sha256  TEXT,                   -- blob holding the TimeStampResp DER
    reason        TEXT NOT NULL DEFAULT '',
    requested_at  TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX timestamps_by_subject ON timestamps(subject);
"""

# "Never show me this": the item stays evidence, but front ends show only a placeholder.
_V3 = """
ALTER TABLE items ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
"""

# Saved logins (issue 12): a site's Playwright storage state (cookies + local storage) as JSON,
# inside the encrypted vault only. Removal overwrites the row before deleting it.
_V4 = """
CREATE TABLE IF NOT EXISTS sessions (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,   -- the id people see and type
    site          TEXT NOT NULL,          -- host without www./m., e.g. instagram.com
    start_url     TEXT NOT NULL,
    account       TEXT NOT NULL DEFAULT '',  -- the handle as shown, '' when none was visible
    account_source TEXT NOT NULL DEFAULT '', -- 'page' (read from it) or 'operator' (typed)
    consent       TEXT NOT NULL DEFAULT '',
    storage       TEXT NOT NULL,          -- JSON: Playwright storage state; never leaves the vault
    created_at    TEXT NOT NULL,
    last_used_at  TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_site ON sessions(site);
"""

# Reposts found without looking (issue 14): each kept picture's SHA-256, MD5 and PDQ hash
# (evidencekit/picture_hashes.py), for matching new captures against the whole vault and for
# the case's hash list. Derived from the sealed artifacts (so not itself sealed), except for
# pictures whose bytes were never kept (`stored` = 0, minor-safe captures): then these hashes
# are all there is, and the sealed metadata.json holds them too. `picture_hashes_done` marks
# the items already looked at, so that items stored before version 5 (and items whose hashing
# failed) are found and hashed later by `evidencekit hashes --index`.
_V5 = """
CREATE TABLE IF NOT EXISTS picture_hashes (
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,            -- the artifact's name, e.g. media/photo.jpg
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    md5         TEXT NOT NULL,
    pdq         TEXT,                     -- 64 hex; NULL when the bytes do not decode
    pdq_quality INTEGER,
    pdq_turned  TEXT,                     -- the 7 mirrored/turned PDQ forms, space-separated
    width       INTEGER,
    height      INTEGER,
    stored      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (item_id, name)
);
CREATE INDEX IF NOT EXISTS picture_hashes_by_sha256 ON picture_hashes(sha256);
CREATE TABLE IF NOT EXISTS picture_hashes_done (
    item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    hashed_at  TEXT NOT NULL
);
"""

# MIGRATIONS[i] upgrades a vault at version i to i + 1. Version 0 is an empty database.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5]
CURRENT_VERSION = len(MIGRATIONS)


def migrate(conn: Any) -> int:
    """Bring the open vault to CURRENT_VERSION inside one transaction; return the old version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > CURRENT_VERSION:
        raise VaultTooNew()
    for step in range(version, CURRENT_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return int(version)


def _split(script: str) -> list[str]:
    """Split a migration script into whole statements (trigger bodies stay whole)."""
    from sqlcipher3 import dbapi2

    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if dbapi2.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError("migration script ends inside a statement")
    return statements

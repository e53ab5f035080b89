"""`verify-vault`: re-read and re-hash everything, and walk the custody chain.

Returns a report of checks rather than raising: a damaged vault is a finding, not a crash.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from evidencekit.errors import VaultCorrupt
from evidencekit.seal.identity import verify_detached
from evidencekit.seal.manifest import MANIFEST_NAME
from evidencekit.seal.tokens import verify_token
from evidencekit.vault import blobs, custody, seals
from evidencekit.vault.connection import PAGE_SIZE, DatabaseError
from evidencekit.vault.store import Vault


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


@dataclass
class VaultReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.checks.append(Check(name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": [c.to_json() for c in self.checks]}


def _damaged(exc: Exception) -> str:
    return f"part of the vault file could not be decrypted or read ({exc})"


def _unreserved(vault: Vault, conn: Any, bad_pages: list[str]) -> list[str]:
    """Drop the failures of pages past the vault's end that are only zeros: room reserved for
    a commit that a kill interrupted (see reserve.py), never part of the vault."""
    if not bad_pages:
        return bad_pages
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    try:
        with open(vault.path, "rb") as handle:
            handle.seek(pages * PAGE_SIZE)
            while block := handle.read(1 << 20):
                if block.count(0) != len(block):
                    return bad_pages
    except OSError:
        return bad_pages
    past_end = re.compile(r"page (\d+)")
    kept = []
    for line in bad_pages:
        found = past_end.search(str(line))
        if found is None or int(found.group(1)) <= pages:
            kept.append(line)
    return kept


def verify_vault(vault: Vault) -> VaultReport:
    """Check the vault file page by page, every stored file's hash, manifests and the chain."""
    conn = vault.conn
    report = VaultReport()

    try:
        bad_pages = _unreserved(
            vault, conn, [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        )
        report.add(
            "encrypted pages",
            not bad_pages,
            "every page decrypts and passes its authentication check"
            if not bad_pages
            else "; ".join(str(p) for p in bad_pages[:5]),
        )
        structure = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        report.add(
            "database structure",
            structure == ["ok"],
            "consistent" if structure == ["ok"] else "; ".join(structure[:5]),
        )
    except DatabaseError as exc:
        report.add("encrypted pages", False, _damaged(exc))
        return report

    try:
        _check_blobs(conn, report)
        _check_items(vault, report)
        _check_seals(vault, report)
        _check_timestamps(vault, report)
        count, problem = custody.verify_chain(conn)
        # Rows a hand-over kept as hashes alone: said, so a reader sees what was not shown.
        (withheld,) = conn.execute(
            "SELECT count(*) FROM custody WHERE action = ? AND object = ''", (custody.WITHHELD,)
        ).fetchone()
        intact = f"{count} entries, every link intact" + (
            f" ({withheld} withheld by a hand-over, hash kept)" if withheld else ""
        )
        report.add(
            "custody log", problem is None, intact if problem is None else f"broken at {problem}"
        )
    except DatabaseError as exc:
        report.add("readable", False, _damaged(exc))
    return report


def _check_blobs(conn: Any, report: VaultReport) -> None:
    shas = [r[0] for r in conn.execute("SELECT sha256 FROM blobs ORDER BY id")]
    problems = []
    for sha in shas:
        if sha is None:
            problems.append("a stored file was never finished")
            continue
        problem = blobs.check_blob(conn, sha)
        if problem:
            problems.append(problem)
    missing = conn.execute(
        "SELECT count(*) FROM artifacts WHERE sha256 NOT IN (SELECT sha256 FROM blobs "
        "WHERE sha256 IS NOT NULL)"
    ).fetchone()[0]
    if missing:
        problems.append(f"{missing} artifact(s) point to a stored file that is missing")
    sizes = conn.execute(
        "SELECT count(*) FROM artifacts a JOIN blobs b ON a.sha256 = b.sha256 "
        "WHERE a.size != b.size"
    ).fetchone()[0]
    if sizes:
        problems.append(f"{sizes} artifact(s) record a size different from the stored file")
    report.add(
        "stored files",
        not problems,
        f"{len(shas)} files re-hashed, all match" if not problems else "; ".join(problems[:5]),
    )


def _check_items(vault: Vault, report: VaultReport) -> None:
    problems = []
    items = vault.items()
    for item in items:
        manifest = item.artifact(MANIFEST_NAME)
        if manifest is None:
            problems.append(f"item {item.id} has no manifest")
            continue
        if manifest.sha256 != item.manifest_sha256:
            problems.append(f"item {item.id}: its manifest is not the one it was sealed with")
            continue
        try:
            data = b"".join(blobs.iter_chunks(vault.conn, manifest.sha256))
        except VaultCorrupt as exc:
            problems.append(f"item {item.id}: {exc}")
            continue
        if hashlib.sha256(data).hexdigest() != item.manifest_sha256:
            problems.append(f"item {item.id}: manifest bytes do not match the seal digest")
    report.add(
        "items",
        not problems,
        f"{len(items)} items, each with its manifest" if not problems else "; ".join(problems[:5]),
    )


def _check_seals(vault: Vault, report: VaultReport) -> None:
    """Every sealed item's manifest.p7s verifies over its manifest, by the recorded signer."""
    from evidencekit.vault.store import SIGNATURE_NAME

    problems = []
    sealed = 0
    for item in vault.items():
        if item.seal is None:
            problems.append(f"item {item.id} is not signed")
            continue
        signature = item.artifact(SIGNATURE_NAME)
        if signature is None:
            problems.append(f"item {item.id}: its signature file is missing")
            continue
        try:
            check = verify_detached(
                vault.read_artifact(item.id, SIGNATURE_NAME),
                vault.read_artifact(item.id, MANIFEST_NAME),
            )
        except VaultCorrupt as exc:
            problems.append(f"item {item.id}: {exc}")
            continue
        if not check.ok:
            problems.append(f"item {item.id}: {check.why}")
        elif check.signer_fingerprint_sha256 != item.seal["signed_by"]:
            problems.append(f"item {item.id}: signed by another certificate than recorded")
        elif item.seal["digest"] != item.manifest_sha256:
            problems.append(f"item {item.id}: the seal covers another manifest")
        else:
            sealed += 1
    report.add(
        "signatures",
        not problems,
        f"{sealed} item signatures verify" if not problems else "; ".join(problems[:5]),
    )


def _check_timestamps(vault: Vault, report: VaultReport) -> None:
    """Every stored token is valid and covers the digest it is recorded for."""
    rows = vault.conn.execute(
        "SELECT subject, digest, token_sha256 FROM timestamps WHERE status = 'granted'"
    ).fetchall()
    problems = []
    for subject, digest, token_sha in rows:
        try:
            token = b"".join(blobs.iter_chunks(vault.conn, token_sha))
        except VaultCorrupt as exc:
            problems.append(f"{subject}: {exc}")
            continue
        check = verify_token(token, bytes.fromhex(digest))
        if not check.ok:
            problems.append(f"{subject}: {check.why}")
    pending = len(seals.pending(vault.conn))
    detail = f"{len(rows)} timestamp tokens valid"
    if pending:
        detail += f"; {pending} item(s) still waiting for one"
    report.add("timestamps", not problems, detail if not problems else "; ".join(problems[:5]))

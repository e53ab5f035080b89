"""Checks of what the bundle carries: bundle.json, every attached file's SHA-256, each item's
manifest, signature and timestamp tokens, and the custody chain.

These checks do not lean on the PDF signature: an item's manifest was signed and time-stamped
when it was captured, so its files can be checked even in a bundle whose PDF signature fails.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bundle import bundle_json
from evidencekit.bundle.checks import Check, failed, passed, tsa_label, unsure
from evidencekit.bundle.pdfread import READ_ERRORS, Attached, attachments, digest, read_small
from evidencekit.seal.identity import verify_detached
from evidencekit.seal.tokens import TokenCheck, verify_token
from evidencekit.vault.custody import entry_hash

log = logging.getLogger(__name__)


@dataclass
class _Context:
    reader: PdfFileReader
    found: dict[str, Attached]
    trusted: Sequence[x509.Certificate]
    known: set[str] = field(default_factory=set)  # the vault's identities, per its custody log
    measured: dict[str, str] = field(default_factory=dict)  # attachment name -> SHA-256
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)  # item id -> manifest

    def read(self, attachment: str) -> bytes:
        return read_small(self.reader, self.found[attachment].ref)

    def token(self, attachment: str, digest_hex: str) -> TokenCheck:
        return verify_token(
            self.read(attachment),
            bytes.fromhex(digest_hex),
            trusted_roots=list(self.trusted) or None,
        )


def _short(value: str) -> str:
    return value[:16] + "…"


def vault_identities(entries: Sequence[dict[str, Any]]) -> set[str]:
    """Certificate fingerprints the custody log records for this vault: the one it was made
    with and every identity made or imported since. A bundle re-signed by anyone else (with a
    bundle.json rewritten to name them) is caught here, unless the log itself was rewritten,
    which breaks its trusted timestamp."""
    found: set[str] = set()
    for entry in entries:
        details = entry.get("details") if not entry.get("hidden") else None
        if not isinstance(details, dict):
            continue
        if entry.get("action") == "create" and entry.get("object") == "vault":
            found.add(str(details.get("identity") or ""))
        elif entry.get("action") in ("identity-create", "identity-import"):
            found.add(str(details.get("fingerprint") or ""))
    found.discard("")
    return found


def check_content(
    reader: PdfFileReader, signer_fingerprint: str | None, trusted: Sequence[x509.Certificate]
) -> tuple[list[Check], dict[str, Any]]:
    try:
        found = attachments(reader)
    except READ_ERRORS as exc:
        log.debug("attachment list unreadable: %s", type(exc).__name__)
        return [failed("attachments", "The list of attached files is damaged.")], {}
    if bundle_json.BUNDLE_JSON_NAME not in found:
        return [
            failed(
                "bundle.json",
                "This PDF carries no bundle.json: it is not an EvidenceKit bundle, or its index "
                "was removed.",
            )
        ], {}
    ctx = _Context(reader, found, trusted)
    try:
        parsed = bundle_json.parse(ctx.read(bundle_json.BUNDLE_JSON_NAME))
        ctx.known = vault_identities(parsed.custody_entries)
    except bundle_json.BundleJsonInvalid as exc:
        return [failed("bundle.json", f"{exc}.")], {}
    except READ_ERRORS:
        return [failed("bundle.json", "bundle.json cannot be read from the PDF (damaged).")], {}
    raw = parsed.raw
    facts = {"bundle_id": parsed.bundle_id, "bundle_fingerprint": parsed.fingerprint}
    rows = [
        passed(
            "bundle.json",
            f"Bundle {parsed.bundle_id}, made {raw.get('created_at')} with EvidenceKit "
            f"{(raw.get('created_by') or {}).get('version')}: {len(parsed.items)} item(s), "
            f"{len(parsed.attachments)} attached file(s) listed.",
        )
    ]
    if signer_fingerprint is not None:
        if signer_fingerprint == parsed.fingerprint and signer_fingerprint in ctx.known:
            rows.append(
                passed(
                    "identity",
                    "The PDF was signed by the certificate the bundle names, which the vault's "
                    "custody log records as its own.",
                )
            )
        elif signer_fingerprint == parsed.fingerprint:
            rows.append(
                failed(
                    "identity",
                    f"The PDF was signed by certificate {_short(signer_fingerprint)}, which the "
                    "vault's custody log never records: it was re-signed by someone else.",
                )
            )
        else:
            rows.append(
                failed(
                    "identity",
                    f"The PDF was signed by certificate {_short(signer_fingerprint)}, but the "
                    f"bundle names {_short(parsed.fingerprint)}: it was re-signed by someone else.",
                )
            )
    for check in (_attachments, _items, _custody):
        try:
            rows += check(ctx, parsed)
        except READ_ERRORS as exc:
            log.debug("content check %s stopped: %s", check.__name__, type(exc).__name__)
            rows.append(
                failed(
                    check.__name__.strip("_"),
                    "This part of the bundle is damaged or inconsistent and could not be checked "
                    f"({type(exc).__name__}).",
                )
            )
    return rows, facts


def _attachments(ctx: _Context, parsed: bundle_json.ParsedBundle) -> list[Check]:
    problems: list[str] = []
    total = 0
    listed = {a["name"]: a for a in parsed.attachments}
    for name, entry in listed.items():
        if name not in ctx.found:
            problems.append(f"{name} is missing")
            continue
        sha, size = digest(ctx.reader, ctx.found[name].ref)
        ctx.measured[name] = sha
        total += size
        if sha != entry["sha256"] or (isinstance(entry.get("size"), int) and size != entry["size"]):
            problems.append(f"{name} does not match its SHA-256")
    extra = sorted(set(ctx.found) - set(listed) - {bundle_json.BUNDLE_JSON_NAME})
    problems += [f"{name} is attached but not listed" for name in extra]
    if problems:
        shown = "; ".join(problems[:8]) + (
            f"; and {len(problems) - 8} more" if len(problems) > 8 else ""
        )
        return [
            failed("attachments", f"{len(problems)} problem(s) with the attached files: {shown}.")
        ]
    return [
        passed(
            "attachments",
            f"All {len(listed)} attached files are present and match their SHA-256 in "
            f"bundle.json ({total:,} bytes hashed).",
        )
    ]


def _items(ctx: _Context, parsed: bundle_json.ParsedBundle) -> list[Check]:
    return [_item(ctx, item) for item in parsed.items]


def _item(ctx: _Context, item: dict[str, Any]) -> Check:
    name = f"item {item['number']} ({item['id']})"
    seal = str(item["manifest_sha256"])
    files = {a["name"]: a for a in item["artifacts"]}
    entry = files.get("manifest.json")
    if entry is None or entry.get("attachment") not in ctx.found:
        return failed(name, "Its manifest.json is not attached, so its files cannot be checked.")
    manifest_bytes = ctx.read(entry["attachment"])
    if hashlib.sha256(manifest_bytes).hexdigest() != seal:
        return failed(name, "Its manifest.json does not match the item's seal digest.")
    manifest = json.loads(manifest_bytes)
    ctx.manifests[str(item["id"])] = manifest
    if (manifest.get("item") or {}).get("id") != item["id"]:
        return failed(name, "Its manifest belongs to another item.")
    matched = withheld = 0
    for sealed in manifest["artifacts"]:
        listed = files.get(sealed["name"])
        if listed is None or listed["sha256"] != sealed["sha256"]:
            return failed(name, f"Its file {sealed['name']} is not the one sealed in its manifest.")
        if listed.get("withheld"):
            withheld += 1
        elif ctx.measured.get(listed.get("attachment") or "") != sealed["sha256"]:
            return failed(
                name, f"Its attached {sealed['name']} is not the file sealed in its manifest."
            )
        else:
            matched += 1
    signature = files.get("manifest.p7s")
    if signature is None and not item.get("seal"):
        # Items stored before manifests were signed: nothing to check, and nothing wrong.
        return unsure(name, "Its files match its manifest, but the manifest was never signed.")
    if signature is None or signature.get("attachment") not in ctx.found:
        return failed(name, "Its manifest signature (manifest.p7s) is not attached.")
    signed = verify_detached(ctx.read(signature["attachment"]), manifest_bytes)
    if not signed.ok:
        return failed(name, f"Its manifest signature is not valid: {signed.why}")
    signer = signed.signer_fingerprint_sha256 or ""
    expected_signer = (item.get("seal") or {}).get("signed_by")
    if expected_signer and expected_signer != signer:
        return failed(name, "Its manifest was signed by another certificate than the one recorded.")
    if signer not in ctx.known:
        return failed(name, "Its manifest was signed by a certificate this vault never recorded.")
    stamps: list[str] = []
    for token in item.get("timestamps") or []:
        listed = files.get(token["artifact"])
        if listed is None or listed.get("attachment") not in ctx.found:
            return failed(name, f"Its timestamp {token['artifact']} is not attached.")
        check = ctx.token(listed["attachment"], seal)
        if not check.ok and check.trusted is not False:
            return failed(name, f"Its timestamp {token['artifact']} is not valid: {check.why}")
        when = check.gen_time.strftime("%Y-%m-%d %H:%M:%S UTC") if check.gen_time else "?"
        stamps.append(f"{tsa_label(check)} at {when}")
    kept = f"{matched} file(s) match it" + (
        f", {withheld} withheld (hash listed)" if withheld else ""
    )
    summary = f"Manifest {_short(seal)} intact and signed by certificate {_short(signer)}; {kept}"
    if not stamps:
        return unsure(
            name,
            f"{summary}; but it was never time-stamped, so its time rests on the capturing "
            "computer's clock.",
        )
    return passed(name, f"{summary}; time-stamped by {'; '.join(stamps)}.")


def _custody(ctx: _Context, parsed: bundle_json.ParsedBundle) -> list[Check]:
    name = "custody"
    entries = parsed.custody_entries
    if not entries:
        return [failed(name, "bundle.json holds no custody entries.")]
    previous: str | None = None
    hidden = 0
    by_seq: dict[int, dict[str, Any]] = {}
    for expected, entry in enumerate(entries, start=1):
        seq = entry["seq"]
        if seq != expected:
            return [failed(name, f"Custody entry {expected} is missing (the next one is {seq}).")]
        if entry.get("prev_hash") != previous:
            return [failed(name, f"Custody entry {seq} does not link to the entry before it.")]
        if entry.get("hidden"):
            hidden += 1
        else:
            recomputed = entry_hash(
                seq,
                entry["at"],
                entry["operator"],
                entry["action"],
                entry["object"],
                entry["details"],
                entry["prev_hash"],
            )
            if recomputed != entry["hash"]:
                return [
                    failed(
                        name,
                        f"Custody entry {seq} ({entry['action']}) was changed after it was "
                        "written.",
                    )
                ]
        previous = entry["hash"]
        by_seq[seq] = entry
    for item in parsed.items:
        logged = [
            e
            for e in by_seq.values()
            if e.get("object") == f"item:{item['id']}"
            and e.get("action") in ("capture", "import")
            and (e.get("details") or {}).get("manifest_sha256") == item["manifest_sha256"]
        ]
        if not logged:
            return [
                failed(name, f"The custody log does not record how item {item['number']} came in.")
            ]
        manifest = ctx.manifests.get(str(item["id"]))
        if manifest is not None and manifest.get("custody_head") != logged[0].get("prev_hash"):
            return [
                failed(
                    name,
                    f"Item {item['number']}'s manifest names another place in the custody log "
                    "than where its capture is logged.",
                )
            ]
    summary = (
        f"{len(entries)} entries chain correctly from the first to the last"
        + (f" ({hidden} about other items are shown only by their hashes)" if hidden else "")
        + "; every item's capture or import is logged with its seal digest"
    )
    anchor = parsed.anchor
    if not anchor:
        return [
            unsure(
                name,
                f"{summary}; but the log carries no trusted timestamp, so nothing independent "
                "shows it was not rewritten before this bundle was made.",
            )
        ]
    anchored = by_seq.get(int(anchor["seq"]))
    if anchored is None or anchored["hash"] != anchor["hash"]:
        return [failed(name, "The custody timestamp covers an entry that is not in the log.")]
    if anchor.get("attachment") not in ctx.found:
        return [failed(name, "The custody timestamp token is not attached.")]
    check = ctx.token(anchor["attachment"], anchor["hash"])
    if not check.ok and check.trusted is not False:
        return [failed(name, f"The custody timestamp is not valid: {check.why}")]
    when = check.gen_time.strftime("%Y-%m-%d %H:%M:%S UTC") if check.gen_time else "?"
    return [
        passed(
            name,
            f"{summary}; the chain up to entry {anchor['seq']} was time-stamped by "
            f"{tsa_label(check)} at {when}.",
        )
    ]

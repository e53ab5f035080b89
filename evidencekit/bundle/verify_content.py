"""Checks of what the bundle carries: bundle.json, every attached file's SHA-256, each item's
manifest, signature and timestamp tokens, and the custody chain.

These checks do not lean on the PDF signature: an item's manifest was signed and time-stamped
when it was captured, so its files can be checked even in a bundle whose PDF signature fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bundle import bundle_json
from evidencekit.bundle.checks import (
    Check,
    dated_before,
    failed,
    parse_utc,
    passed,
    span,
    tsa_label,
    unsure,
    when,
)
from evidencekit.bundle.pdfread import READ_ERRORS, Attached, attachments, digest, read_small
from evidencekit.bundle.trust import UNTRUSTED_HINT, TokenVerdict, Trust, judge_token
from evidencekit.seal.identity import verify_detached
from evidencekit.seal.manifest import MANIFEST_NAME
from evidencekit.seal.tokens import verify_token
from evidencekit.vault.custody import entry_hash

log = logging.getLogger(__name__)


SIGNATURE_NAME = "manifest.p7s"  # the manifest's detached signature (vault.store)


def is_token_name(name: str) -> bool:
    """An item's timestamp token file: timestamp.tsr, timestamp-2.tsr, …"""
    return name.startswith("timestamp") and name.endswith(".tsr")


@dataclass(frozen=True)
class Identities:
    """Certificate fingerprints the custody log records as the vault's own. Only those
    recorded at or before the entry its trusted timestamp covers (`anchored_seq`) are shown to
    predate the bundle; ones recorded later rest on the log alone, as do all when the log has
    no trusted timestamp."""

    covered: frozenset[str]
    later: frozenset[str]
    anchored_seq: int | None

    def doubt(self, fingerprint: str) -> str:
        """Why an identity recorded after the anchor is not shown to be the vault's own."""
        if self.anchored_seq is None:
            return (
                f"the custody log records certificate {_short(fingerprint)} as the vault's own, "
                "but that log carries no trusted timestamp, so nothing independent shows it "
                "was not added just before this bundle was made"
            )
        return (
            f"the custody log records certificate {_short(fingerprint)} as the vault's own only "
            f"after entry {self.anchored_seq}, the last one covered by a trusted timestamp, so "
            "nothing independent shows it was not added just before this bundle was made"
        )


@dataclass
class _Context:
    reader: PdfFileReader
    found: dict[str, Attached]
    trust: Trust
    identities: Identities = field(
        default_factory=lambda: Identities(frozenset(), frozenset(), None)
    )
    measured: dict[str, str] = field(default_factory=dict)  # attachment name -> SHA-256
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)  # item id -> manifest
    by_item: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # bundle.json's list

    def read(self, attachment: str) -> bytes:
        return read_small(self.reader, self.found[attachment].ref)

    def token(self, attachment: str, digest_hex: str) -> TokenVerdict:
        # Validity without roots, then trust apart: an untrusted authority is "unsure", a
        # broken token is "failed".
        check = verify_token(self.read(attachment), bytes.fromhex(digest_hex))
        return judge_token(check, self.trust)


def _short(value: str) -> str:
    return value[:16] + "…"


def anchored_seq(entries: Sequence[dict[str, Any]], anchor: dict[str, Any] | None) -> int | None:
    """The sequence number of the custody entry the log's trusted timestamp covers, when that
    entry is in the log with the hash the anchor names; else None."""
    if not isinstance(anchor, dict):
        return None
    seq = anchor.get("seq")
    if not isinstance(seq, int):
        return None
    for entry in entries:
        if entry.get("seq") == seq:
            return seq if entry.get("hash") == anchor.get("hash") else None
    return None


def vault_identities(entries: Iterable[dict[str, Any]], anchored: int | None) -> Identities:
    """Certificate fingerprints the custody log records for this vault: the one it was made
    with and every identity made or imported since. A bundle re-signed by anyone else (with a
    bundle.json rewritten to name them) is caught here, unless the log itself was rewritten,
    which breaks its trusted timestamp; hence only identities recorded at or before the
    anchored entry count as covered by it."""
    covered: set[str] = set()
    later: set[str] = set()
    for entry in entries:
        details = entry.get("details") if not entry.get("hidden") else None
        if not isinstance(details, dict):
            continue
        found = ""
        if entry.get("action") == "create" and entry.get("object") == "vault":
            found = str(details.get("identity") or "")
        elif entry.get("action") in ("identity-create", "identity-import"):
            found = str(details.get("fingerprint") or "")
        if not found:
            continue
        seq = entry.get("seq")
        if anchored is not None and isinstance(seq, int) and seq <= anchored:
            covered.add(found)
        else:
            later.add(found)
    return Identities(frozenset(covered), frozenset(later - covered), anchored)


def check_content(
    reader: PdfFileReader, signer_fingerprint: str | None, trust: Trust
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
    ctx = _Context(reader, found, trust)
    try:
        parsed = bundle_json.parse(ctx.read(bundle_json.BUNDLE_JSON_NAME))
        ctx.identities = vault_identities(
            parsed.custody_entries, anchored_seq(parsed.custody_entries, parsed.anchor)
        )
        for entry in parsed.attachments:
            if entry.get("item") is not None:
                ctx.by_item.setdefault(str(entry["item"]), []).append(entry)
    except bundle_json.BundleJsonInvalid as exc:
        return [failed("bundle.json", f"{exc}.")], {}
    except READ_ERRORS:
        return [failed("bundle.json", "bundle.json cannot be read from the PDF (damaged).")], {}
    raw = parsed.raw
    facts = {"bundle_id": parsed.bundle_id, "bundle_fingerprint": parsed.fingerprint}
    listed = len(parsed.attachments)
    rows = [
        passed(
            "bundle.json",
            f"Bundle {parsed.bundle_id}, made {raw.get('created_at')} with EvidenceKit "
            f"{(raw.get('created_by') or {}).get('version')}: {_count(len(parsed.items), 'item')};"
            f" it lists {_count(listed, 'attached file')}, and with bundle.json itself "
            f"{_count(listed + 1, 'file')} are attached.",
        )
    ]
    if signer_fingerprint is not None:
        rows.append(_identity(ctx, signer_fingerprint, parsed.fingerprint))
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


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _identity(ctx: _Context, signer: str, named: str) -> Check:
    name = "identity"
    if signer != named:
        return failed(
            name,
            f"The PDF was signed by certificate {_short(signer)}, but the bundle names "
            f"{_short(named)}: it was re-signed by someone else.",
        )
    if signer in ctx.identities.covered:
        return passed(
            name,
            "The PDF was signed by the certificate the bundle names, which the vault's custody "
            "log records as its own (before its trusted timestamp).",
        )
    if signer in ctx.identities.later:
        return unsure(
            name,
            f"The PDF was signed by the certificate the bundle names; but "
            f"{ctx.identities.doubt(signer)}.",
        )
    return failed(
        name,
        f"The PDF was signed by certificate {_short(signer)}, which the vault's custody log "
        "never records: it was re-signed by someone else.",
    )


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
            f"All {_count(len(listed) + 1, 'attached file')} are the expected ones: the "
            f"{_count(len(listed), 'file')} bundle.json lists are present and match their "
            f"SHA-256 ({total:,} bytes hashed), and nothing else is attached.",
        )
    ]


def _items(ctx: _Context, parsed: bundle_json.ParsedBundle) -> list[Check]:
    return [_item(ctx, item) for item in parsed.items]


def _claimed_capture_time(manifest: dict[str, Any]) -> dt.datetime | None:
    """The latest capture time the manifest writes (the capturing computer's clock)."""
    item = manifest.get("item")
    if not isinstance(item, dict):
        return None
    times = [parse_utc(item.get(key)) for key in ("captured_at", "capture_ended_at")]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _unsealed(ctx: _Context, item: dict[str, Any], manifest: dict[str, Any]) -> list[str]:
    """Files listed under the item that its manifest does not name (besides the manifest
    itself, its signature and timestamp tokens, which are checked on their own)."""
    files = {a["name"]: a for a in item["artifacts"]}
    sealed = {a["name"] for a in manifest["artifacts"]}

    def covered(name: object) -> bool:
        return isinstance(name, str) and (
            name in sealed or name in (MANIFEST_NAME, SIGNATURE_NAME) or is_token_name(name)
        )

    extra = [str(n) for n in files if not covered(n)]
    for entry in ctx.by_item.get(str(item["id"]), []):
        listed = files.get(entry.get("artifact"))
        if listed is None or listed.get("attachment") != entry["name"]:
            extra.append(str(entry["name"]))
    return sorted(set(extra))


def _item(ctx: _Context, item: dict[str, Any]) -> Check:
    name = f"item {item['number']} ({item['id']})"
    seal = str(item["manifest_sha256"])
    files = {a["name"]: a for a in item["artifacts"]}
    entry = files.get(MANIFEST_NAME)
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
    extra = _unsealed(ctx, item, manifest)
    if extra:
        shown = ", ".join(extra[:3]) + (f" and {len(extra) - 3} more" if len(extra) > 3 else "")
        return failed(
            name,
            f"A file is listed under this item that its seal does not cover ({shown}): its "
            "manifest does not name it, so nothing shows it was captured with the item.",
        )
    signature = files.get(SIGNATURE_NAME)
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
    doubts: list[str] = []
    if signer in ctx.identities.later:
        doubts.append(ctx.identities.doubt(signer))
    elif signer not in ctx.identities.covered:
        return failed(name, "Its manifest was signed by a certificate this vault never recorded.")
    tokens = [str(t["artifact"]) for t in item.get("timestamps") or []]
    tokens += [n for n in files if is_token_name(n) and n not in tokens]
    verdicts: list[TokenVerdict] = []
    for token in tokens:
        listed = files.get(token)
        if listed is None or listed.get("attachment") not in ctx.found:
            return failed(name, f"Its timestamp {token} is not attached.")
        verdict = ctx.token(listed["attachment"], seal)
        if not verdict.valid:
            return failed(name, f"Its timestamp {token} is not valid: {verdict.how}")
        verdicts.append(verdict)
    kept = f"{_count(matched, 'file')} match{'es' if matched == 1 else ''} it" + (
        f", {withheld} withheld (hash listed)" if withheld else ""
    )
    summary = f"Manifest {_short(seal)} intact and signed by certificate {_short(signer)}; {kept}"
    if not verdicts:
        doubts.append(
            "it was never time-stamped, so its time rests on the capturing computer's clock"
        )
        return unsure(name, f"{summary}; but {'; and '.join(doubts)}.")
    mixed = any(v.trusted for v in verdicts) and not all(v.trusted for v in verdicts)

    def described(v: TokenVerdict) -> str:
        said = f"{tsa_label(v.check)} at {when(v.check.gen_time)}"
        if v.trusted:
            return f"{said} ({v.how})"
        return f"{said} (not independently trusted)" if mixed else said

    stamps = "; ".join(described(v) for v in verdicts)
    claimed = _claimed_capture_time(manifest)
    earliest = min((v.gen_time for v in verdicts if v.gen_time is not None), default=None)
    if claimed is not None and earliest is not None and dated_before(earliest, claimed):
        doubts.append(
            f"the timestamp authority dated it {when(earliest)}, "
            f"{span(claimed - earliest)} before the computer says it was captured "
            f"({when(claimed)}): the computer's clock may have been wrong, or the item was "
            "back-dated"
        )
    if not any(v.trusted for v in verdicts):
        doubts.append(
            (
                "its timestamp authority is not independently trusted"
                if len(verdicts) == 1
                else "none of its timestamp authorities is independently trusted"
            )
            + f": {verdicts[0].how}; {UNTRUSTED_HINT}"
        )
    if doubts:
        return unsure(name, f"{summary}; time-stamped by {stamps}. But {'; and '.join(doubts)}.")
    return passed(name, f"{summary}; time-stamped by {stamps}.")


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
    verdict = ctx.token(anchor["attachment"], anchor["hash"])
    if not verdict.valid or verdict.gen_time is None:
        return [failed(name, f"The custody timestamp is not valid: {verdict.how}")]
    stamped = (
        f"{summary}; the chain up to entry {anchor['seq']} was time-stamped by "
        f"{tsa_label(verdict.check)} at {when(verdict.gen_time)}"
    )
    written = parse_utc(anchored.get("at"))
    if written is not None and dated_before(verdict.gen_time, written):
        return [
            unsure(
                name,
                f"{stamped}. But the timestamp authority dated it "
                f"{span(written - verdict.gen_time)} before the time entry {anchor['seq']} says "
                f"it was written ({when(written)}): the computer's clock may have been wrong, or "
                "the log was back-dated.",
            )
        ]
    if not verdict.trusted:
        return [
            unsure(
                name,
                f"{stamped}; but the authority is not independently trusted: {verdict.how}; "
                f"{UNTRUSTED_HINT}.",
            )
        ]
    return [passed(name, f"{stamped}; {verdict.how}.")]

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit import bundle_format
from evidencekit.bilingual import Bi
from evidencekit.seal.identity import SignatureCheck, verify_detached
from evidencekit.seal.manifest import MANIFEST_NAME
from evidencekit.seal.tokens import verify_token
from evidencekit.vault.custody import entry_hash
from evidencekit.vault.subjects import item_subject
from evidencekit.verify import embedded, identities, limits
from evidencekit.verify import texts as T
from evidencekit.verify.checks import (
    Check,
    dated_before,
    failed,
    iso,
    parse_utc,
    passed,
    printable,
    tsa_label,
    tsa_name,
    unsure,
)
from evidencekit.verify.identities import Identities, anchored_seq, short, vault_identities
from evidencekit.verify.pdfread import READ_ERRORS, Attached, attachments, digest, read_small
from evidencekit.verify.pictures import check_pages
from evidencekit.verify.trust import UNTRUSTED_HINT, TokenVerdict, Trust, judge_token

log = logging.getLogger(__name__)


SIGNATURE_NAME = "manifest.p7s"  # the manifest's detached signature (vault.store)


def is_token_name(name: str) -> bool:
    """An item's timestamp token file: timestamp.tsr, timestamp-2.tsr, …"""
    return name.startswith("timestamp") and name.endswith(".tsr")


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
    # item id -> its valid tokens, for the report's facts: the app shows them from here rather
    # than reading them back out of a sentence.
    stamps: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seals: dict[tuple[str, str], SignatureCheck] = field(default_factory=dict)

    def read(self, attachment: str) -> bytes:
        return read_small(self.reader, self.found[attachment].ref)

    def seal(self, signature: str, manifest: str) -> SignatureCheck:
        """An item's manifest signature (attachment names) checked once, for the identity
        row and the item's own."""
        key = (signature, manifest)
        if key not in self.seals:
            self.seals[key] = verify_detached(self.read(signature), self.read(manifest))
        return self.seals[key]

    def token(self, attachment: str, digest_hex: str) -> TokenVerdict:
        # Validity without roots, then trust apart: an untrusted authority is "unsure", a
        # broken token is "failed".
        check = verify_token(self.read(attachment), bytes.fromhex(digest_hex))
        return judge_token(check, self.trust)


def check_content(
    reader: PdfFileReader, signer_fingerprint: str | None, trust: Trust
) -> tuple[list[Check], dict[str, Any]]:
    try:
        found = attachments(reader)
    except embedded.RepeatedNode as exc:
        return [failed("attachments", exc.reason)], {}
    except READ_ERRORS as exc:
        log.debug("attachment list unreadable: %s", type(exc).__name__)
        return [failed("attachments", T.ATTACHMENT_LIST_DAMAGED)], {}
    if bundle_format.BUNDLE_JSON_NAME not in found:
        return [failed("bundle.json", T.NO_BUNDLE_JSON)], {}
    ctx = _Context(reader, found, trust)
    try:
        parsed = bundle_format.parse(ctx.read(bundle_format.BUNDLE_JSON_NAME))
        ctx.identities = vault_identities(
            parsed.custody_entries, anchored_seq(parsed.custody_entries, parsed.anchor)
        )
        for entry in parsed.attachments:
            if entry.get("item") is not None:
                ctx.by_item.setdefault(str(entry["item"]), []).append(entry)
    except bundle_format.BundleJsonInvalid as exc:
        return [failed("bundle.json", T.BUNDLE_JSON_INVALID.format(why=exc.reason))], {}
    except READ_ERRORS:
        return [failed("bundle.json", T.BUNDLE_JSON_UNREADABLE)], {}
    raw = parsed.raw
    facts: dict[str, Any] = {
        "bundle_id": parsed.bundle_id,
        "bundle_fingerprint": parsed.fingerprint,
    }
    listed = len(parsed.attachments)
    said = T.BUNDLE_JSON_OK.format(
        id=parsed.bundle_id,
        created=raw.get("created_at"),
        version=(raw.get("created_by") or {}).get("version"),
        items=T.count(len(parsed.items), *T.ITEM),
        listed=T.count(listed, *T.ATTACHED_FILE),
        files=T.count(listed + 1, *T.FILE),
    )
    rows = [passed("bundle.json", said)]
    if signer_fingerprint is not None:
        rows.append(_identity(ctx, parsed, signer_fingerprint))
    for check in (_attachments, _items, _custody, check_pages):
        try:
            rows += check(ctx, parsed)
        except READ_ERRORS as exc:
            log.debug("content check %s stopped: %s", check.__name__, type(exc).__name__)
            damaged = T.PART_DAMAGED.format(error=type(exc).__name__)
            rows.append(failed(check.__name__.strip("_"), damaged))
    facts["items"] = _item_facts(ctx, parsed, rows)
    return rows, facts


def _item_facts(
    ctx: _Context, parsed: bundle_format.ParsedBundle, rows: Sequence[Check]
) -> list[dict[str, Any]]:
    """Per item: its id, number, status and valid timestamps ({"tsa", "time" in ISO 8601 UTC,
    "trusted"}), for programs (the app) that must not parse the English sentences."""
    status = {r.name: str(r.status) for r in rows}
    return [
        {
            "id": str(item["id"]),
            "number": item["number"],
            "timestamps": ctx.stamps.get(str(item["id"]), []),
            # Row names went through `printable`, like everything a bundle supplies.
            "status": status.get(printable(_item_name(item)), "failed"),
        }
        for item in parsed.items
    ]


def _item_name(item: dict[str, Any]) -> str:
    return f"item {item['number']} ({item['id']})"


def _seals(ctx: _Context, parsed: bundle_format.ParsedBundle) -> Iterator[SignatureCheck]:
    """Each item's manifest signature, where both files are attached."""
    for item in parsed.items:
        files = {a.get("name"): a for a in item.get("artifacts") or () if isinstance(a, dict)}
        names = [(files.get(n) or {}).get("attachment") for n in (SIGNATURE_NAME, MANIFEST_NAME)]
        if all(isinstance(n, str) and n in ctx.found for n in names):
            yield ctx.seal(str(names[0]), str(names[1]))


def _identity(ctx: _Context, parsed: bundle_format.ParsedBundle, signer: str) -> Check:
    name = "identity"
    named = parsed.fingerprint
    if signer != named:
        return failed(name, T.IDENTITY_RESIGNED.format(signer=short(signer), named=short(named)))
    known = ctx.identities.covered | ctx.identities.later
    if signer not in known:
        return failed(name, T.IDENTITY_UNKNOWN.format(signer=short(signer)))
    others = identities.strangers(_seals(ctx, parsed), signer, parsed.custody_entries)
    if others:
        said = T.IDENTITY_NOT_SEALER.format(signer=short(signer), sealer=short(others[0]))
        return failed(name, said)
    if signer in ctx.identities.covered:
        return passed(name, T.IDENTITY_COVERED)
    return unsure(name, T.IDENTITY_LATER.format(doubt=ctx.identities.doubt(signer)))


def _listed_size(entry: dict[str, Any]) -> int | None:
    """The size bundle.json lists for an attachment: inflating it stops past that (issue 11)."""
    size = entry.get("size")
    return size if isinstance(size, int) and not isinstance(size, bool) else None


def _attachments(ctx: _Context, parsed: bundle_format.ParsedBundle) -> list[Check]:
    problems: list[Bi] = []
    sizes: dict[str, int] = {}
    listed = {a["name"]: a for a in parsed.attachments}
    for name, entry in listed.items():
        if name not in ctx.found:
            problems.append(T.ATTACHMENT_MISSING.format(name=name))
            continue
        sha, size = digest(ctx.reader, ctx.found[name].ref, _listed_size(entry))
        ctx.measured[name] = sha
        sizes[name] = size
        if sha != entry["sha256"] or (isinstance(entry.get("size"), int) and size != entry["size"]):
            problems.append(T.ATTACHMENT_MISMATCH.format(name=name))
    extra = sorted(set(ctx.found) - set(listed) - {bundle_format.BUNDLE_JSON_NAME})
    problems += [T.ATTACHMENT_UNLISTED.format(name=name) for name in extra]
    problems += embedded.problems(ctx.reader, ctx.found, parsed, sizes)  # all a viewer offers
    if problems:
        shown = T.more(Bi.join(problems[:8], "; "), len(problems) - 8, "; ")
        said = T.ATTACHMENT_PROBLEMS.format(count=len(problems), shown=shown)
        return [failed("attachments", said)]
    said = T.ATTACHMENTS_OK.format(
        all=T.count(len(listed) + 1, *T.ATTACHED_FILE),
        listed=T.count(len(listed), *T.FILE),
        all_n=T.number(len(listed) + 1),  # Albanian names the files once, then counts them
        listed_n=T.number(len(listed)),
        size=T.number(sum(sizes.values())),
    )
    return [passed("attachments", said)]


def _items(ctx: _Context, parsed: bundle_format.ParsedBundle) -> list[Check]:
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
    name = _item_name(item)
    seal = str(item["manifest_sha256"])
    files = {a["name"]: a for a in item["artifacts"]}
    entry = files.get(MANIFEST_NAME)
    if entry is None or entry.get("attachment") not in ctx.found:
        return failed(name, T.ITEM_NO_MANIFEST)
    manifest_bytes = ctx.read(entry["attachment"])
    if hashlib.sha256(manifest_bytes).hexdigest() != seal:
        return failed(name, T.ITEM_MANIFEST_MISMATCH)
    manifest = json.loads(manifest_bytes)
    ctx.manifests[str(item["id"])] = manifest
    if (manifest.get("item") or {}).get("id") != item["id"]:
        return failed(name, T.ITEM_MANIFEST_OTHER)
    matched = withheld = 0
    for sealed in manifest["artifacts"]:
        listed = files.get(sealed["name"])
        if listed is None or listed["sha256"] != sealed["sha256"]:
            return failed(name, T.ITEM_FILE_NOT_SEALED.format(name=sealed["name"]))
        if listed.get("withheld"):
            withheld += 1
        elif ctx.measured.get(listed.get("attachment") or "") != sealed["sha256"]:
            return failed(name, T.ITEM_ATTACHED_NOT_SEALED.format(name=sealed["name"]))
        else:
            matched += 1
    extra = _unsealed(ctx, item, manifest)
    if extra:
        shown = T.more(Bi.same(", ".join(extra[:3])), len(extra) - 3, " ")
        return failed(name, T.ITEM_UNSEALED_FILE.format(shown=shown))
    signature = files.get(SIGNATURE_NAME)
    if signature is None and not item.get("seal"):
        # Items stored before manifests were signed: nothing to check, and nothing wrong.
        return unsure(name, T.ITEM_NEVER_SIGNED)
    if signature is None or signature.get("attachment") not in ctx.found:
        return failed(name, T.ITEM_NO_SIGNATURE)
    signed = ctx.seal(signature["attachment"], entry["attachment"])
    if not signed.ok:
        return failed(name, T.ITEM_SIGNATURE_INVALID.format(why=signed.reason))
    signer = signed.signer_fingerprint_sha256 or ""
    expected_signer = (item.get("seal") or {}).get("signed_by")
    if expected_signer and expected_signer != signer:
        return failed(name, T.ITEM_OTHER_SIGNER)
    doubts: list[Bi] = []
    if signer in ctx.identities.later:
        doubts.append(ctx.identities.doubt(signer))
    elif signer not in ctx.identities.covered:
        return failed(name, T.ITEM_UNKNOWN_SIGNER)
    tokens = [str(t["artifact"]) for t in item.get("timestamps") or []]
    tokens += [n for n in files if is_token_name(n) and n not in tokens]
    verdicts: list[TokenVerdict] = []
    for token in tokens:
        listed = files.get(token)
        if listed is None or listed.get("attachment") not in ctx.found:
            return failed(name, T.ITEM_TOKEN_MISSING.format(token=token))
        verdict = ctx.token(listed["attachment"], seal)
        if not verdict.valid:
            return failed(name, T.ITEM_TOKEN_INVALID.format(token=token, why=verdict.how))
        verdicts.append(verdict)
    ctx.stamps[str(item["id"])] = [
        {"tsa": tsa_name(v.check), "time": iso(v.check.gen_time), "trusted": v.trusted}
        for v in verdicts
    ]
    kept = T.ITEM_FILES_MATCH[matched != 1].format(files=T.count(matched, *T.FILE))
    if withheld:
        kept = Bi.join([kept, T.ITEM_WITHHELD.format(count=withheld)], "")
    summary = T.ITEM_SUMMARY.format(seal=short(seal), signer=short(signer), kept=kept)
    if not verdicts:
        doubts.append(T.ITEM_NEVER_STAMPED)
        return unsure(name, T.ITEM_BUT.format(summary=summary, doubts=Bi.join(doubts, T.AND_ALSO)))
    mixed = any(v.trusted for v in verdicts) and not all(v.trusted for v in verdicts)

    def described(v: TokenVerdict) -> Bi:
        said = T.ITEM_STAMP.format(tsa=tsa_label(v.check), when=T.when(v.check.gen_time))
        if v.trusted:
            return T.ITEM_STAMP_HOW.format(said=said, how=v.how)
        return T.ITEM_STAMP_UNTRUSTED.format(said=said) if mixed else said

    stamps = Bi.join((described(v) for v in verdicts), "; ")
    claimed = _claimed_capture_time(manifest)
    earliest = min((v.gen_time for v in verdicts if v.gen_time is not None), default=None)
    if claimed is not None and earliest is not None and dated_before(earliest, claimed):
        doubts.append(
            T.ITEM_BACKDATED.format(
                earliest=T.when(earliest),
                span=T.span(claimed - earliest),
                claimed=T.when(claimed),
            )
        )
    if not any(v.trusted for v in verdicts):
        untrusted = T.ITEM_TSA_UNTRUSTED if len(verdicts) == 1 else T.ITEM_TSAS_UNTRUSTED
        doubts.append(untrusted.format(how=verdicts[0].how, hint=UNTRUSTED_HINT))
    if doubts:
        said = T.ITEM_STAMPED_BUT.format(
            summary=summary, stamps=stamps, doubts=Bi.join(doubts, T.AND_ALSO)
        )
        return unsure(name, said)
    return passed(name, T.ITEM_STAMPED.format(summary=summary, stamps=stamps))


_CUSTODY_CONTENT = {"at", "operator", "action", "object", "details"}


def _custody(ctx: _Context, parsed: bundle_format.ParsedBundle) -> list[Check]:
    name = "custody"
    entries = parsed.custody_entries
    if not entries:
        return [failed(name, T.CUSTODY_EMPTY)]
    previous: str | None = None
    hidden = 0
    by_seq: dict[int, dict[str, Any]] = {}
    for expected, entry in enumerate(entries, start=1):
        limits.check_time()
        seq = entry["seq"]
        if seq != expected:
            return [failed(name, T.CUSTODY_GAP.format(expected=expected, seq=seq))]
        if entry.get("prev_hash") != previous:
            return [failed(name, T.CUSTODY_UNLINKED.format(seq=seq))]
        # A hidden entry is exported as its hashes alone; one marked hidden that still carries
        # content is re-hashed like any other, so the mark cannot hide a rewritten entry.
        if entry.get("hidden") and not _CUSTODY_CONTENT & set(entry):
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
                return [failed(name, T.CUSTODY_CHANGED.format(seq=seq, action=entry["action"]))]
        previous = entry["hash"]
        by_seq[seq] = entry
    for item in parsed.items:
        limits.check_time()
        logged = [
            e
            for e in by_seq.values()
            if e.get("object") == item_subject(item["id"])
            and e.get("action") in ("capture", "import")
            and (e.get("details") or {}).get("manifest_sha256") == item["manifest_sha256"]
        ]
        if not logged:
            return [failed(name, T.CUSTODY_NO_INTAKE.format(number=item["number"]))]
        manifest = ctx.manifests.get(str(item["id"]))
        if manifest is not None and manifest.get("custody_head") != logged[0].get("prev_hash"):
            return [failed(name, T.CUSTODY_MANIFEST_ELSEWHERE.format(number=item["number"]))]
    parts = [T.CUSTODY_CHAINED.format(count=len(entries))]
    if hidden:
        parts.append(T.CUSTODY_HIDDEN.format(hidden=hidden))
    summary = Bi.join([*parts, T.CUSTODY_ALL_LOGGED], "")
    anchor = parsed.anchor
    if not anchor:
        return [unsure(name, T.CUSTODY_UNANCHORED.format(summary=summary))]
    anchored = by_seq.get(int(anchor["seq"]))
    if anchored is None or anchored["hash"] != anchor["hash"]:
        return [failed(name, T.CUSTODY_ANCHOR_NOT_IN_LOG)]
    if anchor.get("attachment") not in ctx.found:
        return [failed(name, T.CUSTODY_TOKEN_MISSING)]
    verdict = ctx.token(anchor["attachment"], anchor["hash"])
    if not verdict.valid or verdict.gen_time is None:
        return [failed(name, T.CUSTODY_TOKEN_INVALID.format(why=verdict.how))]
    stamped = T.CUSTODY_STAMPED.format(
        summary=summary,
        seq=anchor["seq"],
        tsa=tsa_label(verdict.check),
        when=T.when(verdict.gen_time),
    )
    written = parse_utc(anchored.get("at"))
    if written is not None and dated_before(verdict.gen_time, written):
        backdated = T.CUSTODY_BACKDATED.format(
            stamped=stamped,
            span=T.span(written - verdict.gen_time),
            seq=anchor["seq"],
            written=T.when(written),
        )
        return [unsure(name, backdated)]
    if not verdict.trusted:
        return [
            unsure(name, T.BUT_UNTRUSTED.format(said=stamped, how=verdict.how, hint=UNTRUSTED_HINT))
        ]
    return [passed(name, T.TRUSTED_HOW.format(said=stamped, how=verdict.how))]

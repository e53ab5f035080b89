"""The export job: items from the vault -> one signed PDF a court can read and a machine can check.

Steps: ask a timestamp server (anchor the custody log, time-stamp items still pending), plan the
bundle, lay out the report, write the file (pictures and attachments streamed from the vault),
sign it in place, then move it under its final name and log the export in the custody chain.

The file is written under a temporary name beside the target and renamed only when it is
complete and signed: an interrupted export never leaves a file under the final name. If the
timestamp server fails half-way through signing, the bundle is made again, signed without a
trusted timestamp, and its report says so: the report never describes a signature the file
does not have.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from evidencekit.atomic import (
    atomic_output,
    check_output_target,
    refuse_vault_target,
    sweep_parts,
)
from evidencekit.bundle import plan as planning
from evidencekit.bundle.assemble import write_unsigned
from evidencekit.bundle.report import lay_out
from evidencekit.bundle.sign import SignResult, TimestampLost, sign_in_place
from evidencekit.errors import NothingToExport
from evidencekit.jobs.seal import anchor_custody, timestamp_subject
from evidencekit.seal.tokens import token_from_der
from evidencekit.vault.records import ItemRecord
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import bundle_subject, item_subject

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stages are timestamps, report, pictures, attachments, signing,
done. Called from the thread running the export."""

_HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    sha256: str
    size: int
    items: int
    attachments: int
    pages: int
    level: str  # PAdES level reached: "B-LTA" or "B-B"
    tsa_url: str | None
    blurred: bool
    originals: str  # "attached" or "withheld"
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "bundle_id": self.bundle_id,
            "sha256": self.sha256,
            "size": self.size,
            "items": self.items,
            "attachments": self.attachments,
            "pages": self.pages,
            "pades_level": self.level,
            "tsa": self.tsa_url,
            "blurred": self.blurred,
            "originals": self.originals,
            "warnings": list(self.warnings),
        }


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def remove_stale_parts(path: Path) -> int:
    """Delete temporary files an interrupted export left beside `path` (they hold plaintext
    evidence). A part still locked by a running export is left alone."""
    return sweep_parts(path.parent, path.name)


def _sha256_of(handle: IO[bytes]) -> tuple[str, int]:
    handle.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(_HASH_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


async def _timestamp_phase(
    vault: Vault, items: Sequence[ItemRecord], tsa_urls: Sequence[str], progress: Progress
) -> tuple[str | None, list[bytes], list[str]]:
    """Anchor the custody log; if a TSA answers, time-stamp pending items and anchor again.

    Returns the TSA to sign with (None when none answered), the certificates it sent, and
    warnings in plain words.
    """
    if not tsa_urls:
        return None, [], ["No timestamp server is configured."]
    progress("timestamps", 0, 1)
    anchor = await anchor_custody(vault, tsa_urls, force=True)
    if anchor is None or anchor.status != "granted":
        problems = " ".join(anchor.problems) if anchor else ""
        return None, [], [f"No timestamp server answered. {problems}".strip()]
    tsa_url = anchor.granted[0]
    pending = [i for i in items if i.timestamp_status != "granted" and i.seal is not None]
    warnings = []
    for item in pending:
        report = await timestamp_subject(
            vault, item_subject(item.id), item.manifest_sha256, [tsa_url], want=1
        )
        if report.status != "granted":
            warnings.append(f"Item {item.id} is still without a trusted timestamp.")
    if pending:
        await anchor_custody(vault, [tsa_url], force=True)
    progress("timestamps", 1, 1)
    return tsa_url, _anchor_certificates(vault), warnings


def _anchor_certificates(vault: Vault) -> list[bytes]:
    """The certificates inside the newest custody anchor token (the TSA's chain)."""
    der = vault.newest_anchor_token()
    if der is None:
        return []
    token = token_from_der(der)
    if token is None:
        return []
    return [c.chosen.dump() for c in token["content"]["certificates"] or []]


def resolve_items(vault: Vault, item_ids: Sequence[str]) -> list[ItemRecord]:
    seen: dict[str, ItemRecord] = {}
    for given in item_ids:
        record = vault.item(given)
        seen.setdefault(record.id, record)
    if not seen:
        raise NothingToExport()
    return sorted(seen.values(), key=lambda r: (r.captured_at, r.id))


async def export_bundle_async(
    vault: Vault,
    item_ids: Sequence[str],
    out_path: Path,
    *,
    blur: bool = False,
    include_originals: bool = True,
    tsa_urls: Sequence[str] = (),
    case: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Export the items (ids or unambiguous prefixes) to `out_path` as a signed bundle.

    `blur` blurs every picture in the report (items marked sensitive are always blurred);
    `include_originals=False` withholds the original files (their hashes are still listed).
    Raises an `EvidenceKitError` when the export cannot be made; then nothing is written under
    `out_path`.
    """
    if not vault.writable:
        raise ValueError("exporting needs the vault open for writing (the export is logged)")
    report = progress or _no_progress
    out_path = Path(out_path)
    check_output_target(out_path)
    refuse_vault_target(out_path, vault.path)
    vault.remember_output_folder(out_path.parent)
    items = resolve_items(vault, item_ids)
    remove_stale_parts(out_path)
    tsa_url, tsa_certs, warnings = await _timestamp_phase(vault, items, tsa_urls, report)
    items = [vault.item(i.id) for i in items]  # timestamps may have been added
    base = _plan(vault, items, case, blur, include_originals)
    attempts: list[tuple[str, str | None]] = [("B-LTA", tsa_url)] if tsa_url else []
    attempts.append(("B-B", None))
    for level, url in attempts:
        plan = base.with_level(level, url)
        try:
            made = await _make(vault, plan, out_path, tsa_certs, report)
        except TimestampLost:
            warnings.append(
                "The timestamp server stopped answering while the bundle was being signed; "
                "it was made again and signed without a trusted timestamp (PAdES B-B)."
            )
            continue
        break
    else:  # pragma: no cover - the last attempt (B-B) never raises TimestampLost
        raise AssertionError("no signing attempt was made")
    signed = made.signed
    digest, size = made.sha256, made.size
    result = ExportResult(
        path=out_path,
        bundle_id=plan.bundle_id,
        sha256=digest,
        size=size,
        items=len(items),
        attachments=made.attachments,
        pages=made.pages,
        level=signed.level,
        tsa_url=signed.tsa_url,
        blurred=blur,
        originals="attached" if include_originals else "withheld",
        warnings=tuple(warnings),
    )
    vault.log_action(
        "export",
        bundle_subject(plan.bundle_id),
        {
            "items": [i.id for i in items],
            "file_name": out_path.name,
            "sha256": digest,
            "size": size,
            "pades_level": signed.level,
            "tsa": signed.tsa_url,
            "blur": blur,
            "originals": result.originals,
        },
    )
    report("done", 1, 1)
    log.info("bundle written: %d items, %d bytes, %s", len(items), size, signed.level)
    return result


@dataclass(frozen=True)
class _Made:
    signed: SignResult
    sha256: str
    size: int
    attachments: int
    pages: int


async def _make(
    vault: Vault,
    plan: planning.BundlePlan,
    out_path: Path,
    tsa_certs: list[bytes],
    report: Progress,
) -> _Made:
    """Lay out, write, sign and publish one bundle at the plan's signature level."""
    report("report", 0, 1)
    laid = lay_out(plan)
    report("report", 1, 1)
    with atomic_output(out_path, readable=True) as handle:
        assembled = write_unsigned(handle, vault, plan, laid, report)
        report("signing", 0, 1)
        handle.flush()
        signed = await sign_in_place(
            handle,
            plan.identity,
            bundle_id=plan.bundle_id,
            tsa_url=plan.tsa_url,
            tsa_certs_der=tsa_certs,
        )
        digest, size = _sha256_of(handle)
    report("signing", 1, 1)
    return _Made(signed, digest, size, assembled.files, laid.pages)


def _plan(
    vault: Vault,
    items: list[ItemRecord],
    case: str | None,
    blur: bool,
    include_originals: bool,
) -> planning.BundlePlan:
    now = dt.datetime.now(dt.UTC)
    width = max(2, len(str(len(items))))
    planned = tuple(
        planning.plan_item(vault, n, width, record, blur=blur, include_originals=include_originals)
        for n, record in enumerate(items, start=1)
    )
    cases = {i.case for i in items if i.case}
    return planning.BundlePlan(
        bundle_id=planning.new_bundle_id(now),
        created_at=now,
        case_label=planning.case_label(items, case),
        operator=vault.settings.operator,
        role=vault.settings.operator_role,
        vault_id=vault.meta("vault_id") or "",
        identity=vault.identity(),
        items=planned,
        custody=planning.snapshot_custody(vault, items, cases),
        level="B-B",
        tsa_url=None,
        blur=blur,
        include_originals=include_originals,
    )


def export_bundle(
    vault: Vault,
    item_ids: Sequence[str],
    out_path: Path,
    *,
    blur: bool = False,
    include_originals: bool = True,
    tsa_urls: Sequence[str] = (),
    case: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """`export_bundle_async` for callers without an event loop (never inside one)."""
    return asyncio.run(
        export_bundle_async(
            vault,
            item_ids,
            out_path,
            blur=blur,
            include_originals=include_originals,
            tsa_urls=tsa_urls,
            case=case,
            progress=progress,
        )
    )

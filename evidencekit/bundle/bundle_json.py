"""`bundle.json`: the machine-readable index attached to every bundle.

It lists every item, every artifact (attached or withheld) with its SHA-256, the timestamp
tokens, the derived images the report shows, and the custody entries with their chain hashes.
The format's name and the verifier's reading of it (`parse`) live in `evidencekit.bundle_format`,
which the verifier imports without this module.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization

from evidencekit.bundle_format import BUNDLE_FORMAT, BUNDLE_JSON_NAME, MEDIA_TYPE
from evidencekit.clock import iso_z_ms, now_iso_z_ms

if TYPE_CHECKING:  # annotations only: writing the index needs no vault code of its own
    from evidencekit.bundle.plan import BundlePlan, PlannedItem

__all__ = ["BUNDLE_FORMAT", "BUNDLE_JSON_NAME", "MEDIA_TYPE", "build"]


def _item(item: PlannedItem, derived: list[dict[str, Any]]) -> dict[str, Any]:
    record = item.record
    rows = {t.token_sha256: t for t in item.timestamps if t.token_sha256}
    return {
        "number": item.number,
        "id": record.id,
        "kind": record.kind,
        "case": record.case,
        "title": record.title,
        "url": record.url,
        "final_url": record.final_url,
        "file_name": record.file_name,
        "status": record.status,
        "captured_at": record.captured_at,
        "operator": record.operator,
        "sensitive": record.sensitive,
        "manifest_sha256": record.manifest_sha256,
        "seal": record.seal,
        "artifacts": [
            {
                **f.info.to_json(),
                "attachment": f.attachment,
                "withheld": f.withheld,
            }
            for f in item.files
        ],
        "timestamps": [
            {
                "artifact": f.info.name,
                "sha256": f.info.sha256,
                "tsa": rows[f.info.sha256].tsa_url if f.info.sha256 in rows else None,
                "time": rows[f.info.sha256].gen_time if f.info.sha256 in rows else None,
            }
            for f in item.files
            if f.info.name.startswith("timestamp") and f.info.name.endswith(".tsr")
        ],
        "timestamp_status": record.timestamp_status,
        "report_images": derived,
    }


def build(plan: BundlePlan, derived: dict[str, list[dict[str, Any]]]) -> bytes:
    """The document's bytes (UTF-8, sorted keys). `derived` maps item id -> report images."""
    identity = plan.identity
    attachments: list[dict[str, Any]] = []
    for item in plan.items:
        for f in item.files:
            if f.attachment is not None:
                attachments.append(
                    {
                        "name": f.attachment,
                        "media_type": f.info.media_type,
                        "size": f.info.size,
                        "sha256": f.info.sha256,
                        "item": item.record.id,
                        "artifact": f.info.name,
                    }
                )
    anchor = plan.custody.anchor
    if anchor is not None:
        attachments.append(
            {
                "name": anchor.attachment,
                "media_type": "application/timestamp-reply",
                "size": anchor.size,
                "sha256": anchor.token_sha256,
                "item": None,
                "artifact": None,
            }
        )
    document = {
        "format": BUNDLE_FORMAT,
        "bundle_id": plan.bundle_id,
        "created_at": iso_z_ms(plan.created_at),
        "written_at": now_iso_z_ms(),
        "created_by": {"app": "EvidenceKit", "version": plan.app_version},
        "prepared_by": {"operator": plan.operator, "role": plan.role},
        "case": plan.case_label or None,
        "vault_id": plan.vault_id,
        "hash_algorithm": "sha-256",
        "identity": {
            "subject": identity.subject,
            "fingerprint_sha256": identity.fingerprint_sha256,
            "certificate_pem": identity.certificate.public_bytes(serialization.Encoding.PEM).decode(
                "ascii"
            ),
        },
        "signature": {"planned_level": plan.level, "tsa": plan.tsa_url},
        "options": {
            "blur": plan.blur,
            "originals": "attached" if plan.include_originals else "withheld",
        },
        "items": [_item(i, derived.get(i.record.id, [])) for i in plan.items],
        "attachments": attachments,
        "custody": {
            "entries": list(plan.custody.entries),
            "anchor": None
            if anchor is None
            else {
                "seq": anchor.seq,
                "hash": anchor.digest,
                "attachment": anchor.attachment,
                "tsa": anchor.tsa_url,
                "time": anchor.gen_time,
                "token_sha256": anchor.token_sha256,
            },
        },
    }
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()

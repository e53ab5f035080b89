"""Recording what a round of TSA requests gave, inside one transaction of the caller's.

Tokens become blobs, timestamp rows and (for an item) artifacts named `timestamp.tsr`,
`timestamp-2.tsr`, ...; each event is logged in the custody chain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evidencekit.clock import iso_z_auto
from evidencekit.errors import ItemNotFound
from evidencekit.seal.manifest import ArtifactEntry
from evidencekit.vault import blobs, custody, items, seals
from evidencekit.vault.subjects import ITEM, parse_subject

if TYPE_CHECKING:
    from evidencekit.seal.timestamps import TimestampOutcome

TOKEN_MEDIA_TYPE = "application/timestamp-reply"  # noqa: S105 - a media type


def record(
    conn: Any,
    operator: str,
    chunk_size: int,
    subject: str,
    digest_hex: str,
    outcome: TimestampOutcome,
) -> None:
    """Store `outcome` for `subject` ('item:<id>' or 'custody:<n>'): tokens as 'granted', answers
    that were not valid tokens as 'failed' facts; with no token at all an item is 'pending'."""
    kind, value = parse_subject(subject)
    item_id: int | None = None
    if kind == ITEM:
        item_id = items.row_id(conn, value)
        if item_id is None:
            raise ItemNotFound()
    for token in outcome.tokens:
        blob = blobs.put_bytes(conn, token.response_der, chunk_size)
        gen_time = iso_z_auto(token.gen_time)
        seals.add_granted(conn, subject, item_id, digest_hex, token.tsa_url, gen_time, blob.sha256)
        details: dict[str, Any] = {
            "digest": digest_hex,
            "tsa": token.tsa_url,
            "gen_time": gen_time,
            "token_sha256": blob.sha256,
            # TSA time minus this computer's clock: a wrong laptop clock shows here.
            "clock_skew_s": token.clock_skew_s,
        }
        if item_id is not None:
            name = items.next_token_name(conn, item_id)
            items.add_artifact(
                conn, item_id, ArtifactEntry(name, TOKEN_MEDIA_TYPE, blob.size, blob.sha256)
            )
            details["artifact"] = name
        action = "timestamp" if item_id is not None else "anchor"
        custody.append(conn, operator, action, subject, details)
    for failure in outcome.failures:
        if not failure.retryable:
            seals.add_failed(conn, subject, item_id, digest_hex, failure.tsa_url, failure.reason)
            custody.append(
                conn, operator, "timestamp-rejected", subject,
                {"tsa": failure.tsa_url, "reason": failure.reason},
            )  # fmt: skip
    if not outcome.tokens and kind == ITEM:
        reasons = " ".join(f.reason for f in outcome.failures)
        if seals.mark_pending(conn, subject, item_id, digest_hex, reasons):
            custody.append(
                conn, operator, "timestamp-pending", subject,
                {"digest": digest_hex, "reason": reasons},
            )  # fmt: skip

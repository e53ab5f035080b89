"""Trusted timestamps for items and for the custody log, asked for outside any transaction.

An item is signed the moment it is stored (`Vault.add_item`). Its timestamp needs the network,
so it is asked for afterwards: a token that arrives is verified (by `seal.timestamps`) and
stored as `timestamp.tsr`; when no TSA answers the item stays sealed locally and is marked
*pending*, and `timestamp --pending` asks again later. The capture itself never fails for this.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from evidencekit.seal.timestamps import DEFAULT_TIMEOUT_S, timestamp_with_any
from evidencekit.seal.tsa_list import resolve_tsa_urls
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import custody_subject, item_subject

__all__ = [
    "TimestampReport",
    "anchor_custody",
    "resolve_tsa_urls",
    "timestamp_item",
    "timestamp_pending",
    "timestamp_subject",
]

log = logging.getLogger(__name__)

# The custody log's head is time-stamped at most this often during normal activity.
ANCHOR_INTERVAL = dt.timedelta(hours=1)


@dataclass(frozen=True)
class TimestampReport:
    """What one request round did for one subject (an item or the custody log)."""

    subject: str
    status: str  # granted / pending
    granted: tuple[str, ...]  # TSA URLs that gave a token
    problems: tuple[str, ...]  # one plain sentence per TSA that did not

    def to_json(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "status": self.status,
            "granted_by": list(self.granted),
            "problems": list(self.problems),
        }


async def timestamp_subject(
    vault: Vault,
    subject: str,
    digest_hex: str,
    tsa_urls: Sequence[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    want: int = 2,
) -> TimestampReport:
    """Ask the TSAs for tokens over `digest_hex` and record the outcome for `subject`."""
    outcome = await timestamp_with_any(
        bytes.fromhex(digest_hex), tsa_urls, timeout_s=timeout_s, want=want
    )
    vault.record_timestamps(subject, digest_hex, outcome)
    return TimestampReport(
        subject=subject,
        status=outcome.status,
        granted=tuple(t.tsa_url for t in outcome.tokens),
        problems=tuple(f.reason for f in outcome.failures),
    )


async def timestamp_item(
    vault: Vault, item_id: str, tsa_urls: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> TimestampReport:
    item = vault.item(item_id)
    report = await timestamp_subject(
        vault, item_subject(item.id), item.manifest_sha256, tsa_urls, timeout_s=timeout_s
    )
    if report.status == "granted":
        # We are online: a good moment to anchor the custody log, if it is due.
        await anchor_custody(vault, tsa_urls, timeout_s=timeout_s)
    return report


async def timestamp_pending(
    vault: Vault, tsa_urls: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> list[TimestampReport]:
    """Ask again for every item (and custody anchor) that still has no token."""
    reports = []
    for subject, digest in vault.subjects_without_timestamp():
        reports.append(
            await timestamp_subject(vault, subject, digest, tsa_urls, timeout_s=timeout_s)
        )
    if any(r.status == "granted" for r in reports):
        await anchor_custody(vault, tsa_urls, timeout_s=timeout_s)
    return reports


async def anchor_custody(
    vault: Vault,
    tsa_urls: Sequence[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    force: bool = False,
) -> TimestampReport | None:
    """Time-stamp the custody log's head, so the chain up to here cannot be rewritten unseen.

    Done at every export (`force`) and otherwise at most once per ANCHOR_INTERVAL.
    """
    last = vault.last_anchor_time()
    if not force and last is not None and dt.datetime.now(dt.UTC) - last < ANCHOR_INTERVAL:
        return None
    seq, head = vault.custody_head()
    if head is None:
        return None
    return await timestamp_subject(
        vault, custody_subject(seq), head, tsa_urls, timeout_s=timeout_s, want=1
    )

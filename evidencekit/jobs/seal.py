"""Trusted timestamps for items and for the custody log, asked for outside any transaction.

An item is signed the moment it is stored (`Vault.add_item`). Its timestamp needs the network,
so it is asked for afterwards: a token that arrives is verified (by `seal.timestamps`) and
stored as `timestamp.tsr`; when no TSA answers the item stays sealed locally and is marked
*pending*, and `timestamp --pending` asks again later. The capture itself never fails for this.
A capture asks earlier, while its item is being stored (`request_tokens` as soon as the
manifest is signed, before the blobs are written: `Vault.add_item(on_sealed=...)`), and
records the answer (`record_item_tokens`) only once the item has committed; a store that fails
drops the answer unrecorded.

With `vault_lock` (a batch storing other pages meanwhile) the TSAs are asked without holding it:
only reading and recording touch the vault, so a slow TSA never stops the next page's storing.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from evidencekit.blocking import run_blocking
from evidencekit.seal.timestamps import (
    DEFAULT_TIMEOUT_S,
    TimestampOutcome,
    load_checking_code,
    timestamp_with_any,
)
from evidencekit.seal.tsa_list import resolve_tsa_urls
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import custody_subject, item_subject

__all__ = [
    "TimestampReport",
    "anchor_custody",
    "load_checking_code",
    "record_item_tokens",
    "request_tokens",
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
    vault_lock: asyncio.Lock | None = None,
) -> TimestampReport:
    """Ask the TSAs for tokens over `digest_hex` and record the outcome for `subject`."""
    outcome = await request_tokens(digest_hex, tsa_urls, timeout_s=timeout_s, want=want)
    async with _held(vault_lock):
        vault.record_timestamps(subject, digest_hex, outcome)
    return _report(subject, outcome)


async def request_tokens(
    digest_hex: str,
    tsa_urls: Sequence[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    want: int = 2,
) -> TimestampOutcome:
    """The TSAs' answers over `digest_hex` (each token checked), recorded nowhere: network
    only, no vault. A capture asks this while its item's transaction is still open (issue 15)
    and records the outcome with `record_item_tokens` once it has committed."""
    return await timestamp_with_any(
        bytes.fromhex(digest_hex), tsa_urls, timeout_s=timeout_s, want=want
    )


async def record_item_tokens(
    vault: Vault,
    item_id: str,
    digest_hex: str,
    outcome: TimestampOutcome,
    tsa_urls: Sequence[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    vault_lock: asyncio.Lock | None = None,
) -> TimestampReport:
    """Record what `request_tokens` gave for a stored item (whose manifest's SHA-256 is
    `digest_hex`), then anchor the custody log if that is due, as `timestamp_item` does."""
    subject = item_subject(item_id)
    if vault_lock is not None:  # a batch: the commit off the event loop, the other pages go on
        await run_blocking(vault_lock, vault.record_timestamps, subject, digest_hex, outcome)
    else:
        vault.record_timestamps(subject, digest_hex, outcome)
    report = _report(subject, outcome)
    if report.status == "granted":
        # We are online: a good moment to anchor the custody log, if it is due. After the
        # item's token is recorded, so the anchor covers that custody entry too.
        await anchor_custody(vault, tsa_urls, timeout_s=timeout_s, vault_lock=vault_lock)
    return report


def _report(subject: str, outcome: TimestampOutcome) -> TimestampReport:
    return TimestampReport(
        subject=subject,
        status=outcome.status,
        granted=tuple(t.tsa_url for t in outcome.tokens),
        problems=tuple(f.reason for f in outcome.failures),
    )


def _held(lock: asyncio.Lock | None) -> contextlib.AbstractAsyncContextManager[object]:
    return lock if lock is not None else contextlib.nullcontext()


async def timestamp_item(
    vault: Vault,
    item_id: str,
    tsa_urls: Sequence[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    vault_lock: asyncio.Lock | None = None,
) -> TimestampReport:
    async with _held(vault_lock):
        item = vault.item(item_id)
    outcome = await request_tokens(item.manifest_sha256, tsa_urls, timeout_s=timeout_s)
    return await record_item_tokens(
        vault,
        item.id,
        item.manifest_sha256,
        outcome,
        tsa_urls,
        timeout_s=timeout_s,
        vault_lock=vault_lock,
    )


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
    vault_lock: asyncio.Lock | None = None,
) -> TimestampReport | None:
    """Time-stamp the custody log's head, so the chain up to here cannot be rewritten unseen.

    Done at every export (`force`) and otherwise at most once per ANCHOR_INTERVAL (when
    pages of a batch ask at the same time, the first answer is kept and the others dropped).
    """
    async with _held(vault_lock):
        last = vault.last_anchor_time()
        if not force and last is not None and dt.datetime.now(dt.UTC) - last < ANCHOR_INTERVAL:
            return None
        seq, head = vault.custody_head()
    if head is None:
        return None
    outcome = await timestamp_with_any(bytes.fromhex(head), tsa_urls, timeout_s=timeout_s, want=1)
    async with _held(vault_lock):
        if not force and vault.last_anchor_time() != last:
            return None  # another page of this batch anchored the log meanwhile
        vault.record_timestamps(custody_subject(seq), head, outcome)
    return _report(custody_subject(seq), outcome)

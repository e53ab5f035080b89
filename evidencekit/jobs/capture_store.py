"""One captured page into the vault, with its timestamp and picture hashes beside the store.

The capture job's `store_one` (jobs/capture.py) calls `store_stamped`. Three things run side
by side (issue 15):

- the store: `Vault.add_item` in a helper thread under the vault lock. It hands out the
  manifest's SHA-256 (`on_sealed`) as soon as the manifest is built and signed, which for a
  capture (every artifact in memory) is before any blob is written;
- the timestamp request over that digest, started then (network only: `seal.request_tokens`,
  no vault access);
- the pictures' and videos' hashes, from the very byte objects being stored
  (`memory_hashes.hash_in_memory`), from the start.

Nothing of the last two is recorded before the item's transaction has committed: then the
token (`seal.record_item_tokens`, with the custody anchor when due) and the hashes
(`memory_hashes.keep_hashes`). If the store fails (a full disk, a busy vault, anything), the
request is cancelled and its answer, and the hashes, are dropped unrecorded; the store's error
is raised as before. A hashing error never fails the capture: the item stays unhashed for
`hash_older_items`.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from evidencekit.blocking import run_blocking
from evidencekit.capture.timings import PageTimings
from evidencekit.errors import EvidenceKitError
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject

if TYPE_CHECKING:
    from types import ModuleType

    from evidencekit.jobs.seal import TimestampReport

log = logging.getLogger(__name__)


def _settle(future: asyncio.Future[str], digest: str) -> None:
    if not future.done():  # cancelled meanwhile: the store failed or the job was cancelled
        future.set_result(digest)


async def store_stamped(
    vault: Vault,
    vault_lock: asyncio.Lock,
    new: NewItem,
    sources: Sequence[ArtifactSource],
    *,
    tsa_urls: Sequence[str],
    clock: PageTimings,
    sealing: Awaitable[tuple[ModuleType, ModuleType]],
    on_stored: Callable[[], None] | None = None,
) -> tuple[ItemRecord, TimestampReport]:
    """Store `new` with `sources` (see the module's docstring); returns the item as stored
    (before its token) and the timestamp's report. `sealing` gives the seal and reposts
    modules (loaded in the background); `on_stored` is called once the item has committed."""
    loop = asyncio.get_running_loop()
    sealed: asyncio.Future[str] = loop.create_future()
    committed: asyncio.Future[ItemRecord] = loop.create_future()

    def on_sealed(digest: str) -> None:  # the store's thread, inside its transaction
        loop.call_soon_threadsafe(_settle, sealed, digest)

    async def stamp() -> TimestampReport:
        digest = await sealed
        seal, _ = await asyncio.shield(sealing)  # shared by every page: a cancel stops here
        with clock.span("timestamp", "TSA round trip, asked beside the store"):
            outcome = await seal.request_tokens(digest, tsa_urls)
        item = await committed  # recorded only once the item is in the vault
        with clock.span("timestamp-record", "the token checked in and recorded, after the store"):
            if item.manifest_sha256 != digest:  # cannot happen; never record it for another
                log.error("item %s: its manifest is not the one handed out; asked again", item.id)
                again: TimestampReport = await seal.timestamp_item(
                    vault, item.id, tsa_urls, vault_lock=vault_lock
                )
                return again
            report: TimestampReport = await seal.record_item_tokens(
                vault, item.id, digest, outcome, tsa_urls, vault_lock=vault_lock
            )
            return report

    async def hash_pictures() -> None:
        await asyncio.shield(sealing)  # NumPy, Pillow: loaded with the sealing code
        memory = importlib.import_module("evidencekit.jobs.memory_hashes")
        with clock.span("picture-hashes", "from the bytes in memory, beside the store"):
            try:
                records, not_hashed = await memory.hash_in_memory(sources, new.metadata)
                item = await committed
                await memory.keep_hashes(vault, vault_lock, item.id, records, not_hashed)
            except EvidenceKitError as error:
                log.warning("the pictures of a capture were not hashed: %s", error)
            except Exception:  # a decoder's surprise must not turn a stored page into a failure
                log.exception("the pictures of a capture were not hashed")

    stamping = asyncio.ensure_future(stamp())
    hashing = asyncio.ensure_future(hash_pictures())
    try:
        # Off the event loop: storing tens of MB must not stall the other pages. A cancel
        # waits for the write to finish (see run_blocking): never half-closed.
        with clock.span("store", "blobs, manifest, signature, custody entry"):
            item: ItemRecord = await run_blocking(
                vault_lock, functools.partial(vault.add_item, new, sources, on_sealed=on_sealed)
            )
    except BaseException:
        # The store failed (nothing stored) or the job was cancelled (after the write ended:
        # the item may be there, then pending and unhashed for the later passes). Either way
        # the token asked for meanwhile and the hashes are dropped, never recorded.
        for pending in (sealed, committed, stamping, hashing):
            pending.cancel()
        await asyncio.gather(stamping, hashing, return_exceptions=True)
        raise
    committed.set_result(item)
    if on_stored is not None:
        on_stored()
    # From here the item is in the vault: nothing may turn it into a failed capture. Both
    # finish before this returns (nothing touches the vault after); a token that could not be
    # recorded leaves the item pending, for `timestamp --pending`, and says why.
    stamped, hashed = await asyncio.gather(stamping, hashing, return_exceptions=True)
    for outcome in (stamped, hashed):
        if isinstance(outcome, BaseException) and not isinstance(outcome, EvidenceKitError):
            raise outcome  # a cancel, or a bug: not a TSA's or a full disk's trouble
    if isinstance(stamped, EvidenceKitError):
        log.warning("item %s is stored; its timestamp was not recorded: %s", item.id, stamped)
        seal, _ = await asyncio.shield(sealing)
        unrecorded: TimestampReport = seal.TimestampReport(
            subject=item_subject(item.id), status="pending", granted=(), problems=(str(stamped),)
        )
        return item, unrecorded
    assert not isinstance(stamped, BaseException)
    return item, stamped

"""Capture web pages into the vault: load once, store every artifact sealed, and time-stamp.

The job the CLI and the GUI both run. Each page is stored as soon as its capture finishes (so a
batch never holds every page in memory), signed inside the same transaction, and time-stamped
over its manifest, asked while its blobs are written and recorded once it is stored
(`capture_store.py`); a TSA that does not answer leaves it sealed and *pending*, never failed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import importlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evidencekit.blocking import run_blocking
from evidencekit.capture import CaptureOutcome, CaptureSettings, PageCapture, capture_many, login
from evidencekit.capture.browser import BrowserStart
from evidencekit.capture.login import site_of, viewer_notice
from evidencekit.capture.metadata import metadata_bytes
from evidencekit.capture.result import LoggedInSession
from evidencekit.capture.timings import PageTimings, RunTimings
from evidencekit.capture.urls import PreparedUrl, as_prepared, mask_credentials
from evidencekit.clock import iso_z_ms
from evidencekit.errors import EvidenceKitError, SessionExpired
from evidencekit.jobs.capture_store import store_stamped
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import SessionInfo, Vault

if TYPE_CHECKING:
    from types import ModuleType

    from evidencekit.jobs.seal import TimestampReport

log = logging.getLogger(__name__)

# Steps reported through `on_progress(url, step)`: the browser's own, then ours.
STEPS = ("opening", "loading", "scrolling", "saving", "sealing", "time-stamping", "done", "failed")


@dataclass(frozen=True)
class StoredCapture:
    """One address of a batch: the stored item, or the error that stopped it."""

    url: str
    item: ItemRecord | None
    error: EvidenceKitError | None
    timestamp: TimestampReport | None = None
    link: PreparedUrl | None = None
    """What was removed from the link as pasted (names only), if anything."""
    timings: PageTimings | None = None
    """Every stage of this address, also those after its metadata.json was sealed (store,
    timestamp, closing)."""

    @property
    def ok(self) -> bool:
        return self.item is not None

    def to_json(self) -> dict[str, object]:
        cleaned = (
            {"link_cleaned": self.link.as_json()}
            if self.link is not None and (self.link.changed or self.link.kept_parameters)
            else {}
        )
        if self.item is None:
            assert self.error is not None
            return {
                "url": self.url,
                "error": str(self.error),
                "exit_code": self.error.exit_code,
                **cleaned,
            }
        data: dict[str, object] = {"input": self.url, **self.item.to_json(), **cleaned}
        data["timestamp_status"] = self.item.timestamp_status
        data["warnings"] = list(self.item.metadata.get("warnings", []))
        if self.timings is not None:
            data["timings"] = self.timings.as_json()
        return data


def new_item_for(
    capture: PageCapture,
    *,
    case: str | None,
    note: str | None,
    sensitive: bool = False,
    consent: str | None = None,
) -> NewItem:
    """The vault record for a finished capture: key facts also go into its manifest."""
    meta = capture.metadata
    tool = meta.get("tool", {}) if isinstance(meta.get("tool"), dict) else {}
    browser = meta.get("browser")
    return NewItem(
        kind="web",
        action="capture",
        captured_at=iso_z_ms(capture.ended_at),
        case=case,
        title=capture.title,
        url=capture.requested_url,
        final_url=capture.final_url,
        status=capture.status,
        metadata={**meta, "warnings": list(capture.warnings)},
        manifest_fields={
            "capture_started_at": iso_z_ms(capture.started_at),
            "capture_ended_at": iso_z_ms(capture.ended_at),
            "tool": tool,
            "browser": browser,
            "warnings": list(capture.warnings),
        },
        text=capture.text,
        note=note,
        sensitive=sensitive,
        consent=consent,
    )


def session_for(
    vault: Vault, url: str, *, session_id: str | None = None, consent: str = ""
) -> LoggedInSession | None:
    """The saved login a capture of `url` uses: `session_id` if it is a login to the page's
    site, else the newest saved for its site, else None (logged out). Its storage state is
    read into memory only."""
    site = site_of(url)
    chosen = None
    if session_id is not None:
        given = vault.session(session_id)  # SessionNotFound for an id that is not there
        if given.site == site:
            chosen = given.id
    if chosen is None:
        found = vault.sessions_for_site(site)
        if not found:
            return None
        chosen = found[0].id
    secret = vault.session_secret(chosen)
    info = secret.info
    return LoggedInSession(
        session_id=info.id,
        site=info.site,
        account=info.account,
        account_source=info.account_source,
        consent_note=consent or info.consent,
        storage_json=json.dumps(secret.storage),
    )


async def login_into_vault(
    vault: Vault,
    site_or_url: str,
    settings: CaptureSettings,
    *,
    done: asyncio.Event | None = None,
    account: str = "",
    consent: str = "",
    vault_lock: asyncio.Lock | None = None,
) -> tuple[SessionInfo, tuple[str, ...]]:
    """The login job of both front ends: a visible window (capture/login.py) until she closes
    it or `done` is set, then its storage state, straight from memory into the vault.

    Returns the saved login and, when the last page still looked like a login form, why (the
    front end says she may not have finished). Raises `NoDisplay`, `NoLoginMade`, ...
    """
    result = await login.open_login_window(site_or_url, settings, done=done)
    named = account.strip()
    add = functools.partial(
        vault.add_session,
        site=result.site,
        start_url=result.start_url,
        storage=result.storage,
        account=named or result.account,
        account_source="operator" if named else ("page" if result.account else ""),
        consent=consent,
    )
    info = await run_blocking(vault_lock or asyncio.Lock(), add)
    return info, result.login_wall_last


def viewer_warnings(sessions: Mapping[str, LoggedInSession]) -> dict[str, str]:
    """For each address to be captured logged in: what it is, if its owner may see who
    looked (a story, a live video, a profile with a viewer list)."""
    return {url: what for url in sessions if (what := viewer_notice(url)) is not None}


def with_links(capture: PageCapture, links: Mapping[str, object] | None) -> PageCapture:
    """The capture with `links` added to its metadata and so to its metadata.json (sealed)."""
    if not links:
        return capture
    metadata = {**capture.metadata, **links}
    artifacts = [
        dataclasses.replace(a, data=metadata_bytes(metadata)) if a.name == "metadata.json" else a
        for a in capture.artifacts
    ]
    return dataclasses.replace(capture, metadata=metadata, artifacts=artifacts)


def artifact_sources(capture: PageCapture) -> list[ArtifactSource]:
    return [ArtifactSource(a.name, a.media_type, data=a.data) for a in capture.artifacts]


def _sealing_code() -> tuple[ModuleType, ModuleType]:
    """The TSA client, the token's check and the pictures' hashing (aiohttp, pyHanko, NumPy,
    Pillow: over half a second of imports), first needed when the first page is stored."""
    seal = importlib.import_module("evidencekit.jobs.seal")
    seal.load_checking_code()
    return seal, importlib.import_module("evidencekit.jobs.reposts")


class _SealingCode:
    """`_sealing_code` imported once in the background: begun when the first page has loaded
    and is being scrolled (mostly waiting for the page), not while Chromium, the page's
    context and its first load need the CPU (issue 15); at the latest when a page is stored."""

    def __init__(self, run: RunTimings) -> None:
        self._run = run
        self._task: asyncio.Future[tuple[ModuleType, ModuleType]] | None = None

    def begin(self) -> asyncio.Future[tuple[ModuleType, ModuleType]]:
        if self._task is None:
            self._task = asyncio.ensure_future(asyncio.to_thread(self._load))
        return self._task

    def _load(self) -> tuple[ModuleType, ModuleType]:
        with self._run.span("sealing-code-import", "TSA client, token check, picture hashing"):
            return _sealing_code()


async def capture_into_vault(
    vault: Vault,
    urls: Sequence[str | PreparedUrl],
    settings: CaptureSettings,
    *,
    tsa_urls: Sequence[str],
    case: str | None = None,
    note: str | None = None,
    concurrency: int = 3,
    on_progress: Callable[[str, str], None] | None = None,
    on_result: Callable[[StoredCapture], None] | None = None,
    consent: str | None = None,
    vault_lock: asyncio.Lock | None = None,
    sessions: Mapping[str, LoggedInSession] | None = None,
    linked: Mapping[str, Mapping[str, object]] | None = None,
    timings: RunTimings | None = None,
    browser: BrowserStart | None = None,
    keep_browser: bool = False,
) -> list[StoredCapture]:
    """Capture each URL (in parallel browser contexts), store and seal it, then time-stamp it.

    Results come back in the order of `urls`; one failure never stops the others.
    `consent` (a support worker's note of the person's consent) goes into each item's custody
    entry. Pass `vault_lock` when other tasks on the same loop use the vault meanwhile (the GUI).
    `sessions` (cleaned address -> saved login, from `session_for`) captures those addresses
    logged in; each use is a custody entry of the session ("session-use"), a login wall met
    with it is `SessionExpired` for that address (nothing stored). Ask before capturing what
    `viewer_warnings` names. `linked` (cleaned address -> keys) adds keys to that item's
    metadata.json, sealed with it: how it is linked to other items (`recapture_of`, ...).
    `timings` is the run's clock (the CLI's, from the process start); each result carries its
    stages in `timings`. `browser` is one the caller started early (while the vault's key was
    derived); it is closed here as soon as the last page is captured, while storing goes on,
    unless `keep_browser` (the app's warm browser, capture/warm.py: the caller gives it back).
    A capture that fails or is cancelled midway closes it in any case.
    """
    run = timings or RunTimings(from_process_start=False)
    sealing = _SealingCode(run)
    if not settings.minor_safe and vault.case_minor_safe(case):  # the case's setting (issue 14)
        settings = dataclasses.replace(settings, minor_safe=True)
    sessions = dict(sessions or {})
    # Credentials and (unless kept) share-tracking codes come out of each link before anything
    # is opened: from here on only the cleaned address exists (progress, results, the vault).
    links: dict[str, PreparedUrl] = {}
    refused: dict[str, StoredCapture] = {}
    order: list[str] = []
    for raw in urls:
        try:
            link = as_prepared(raw, keep_share_parameters=settings.keep_share_parameters)
        except EvidenceKitError as error:  # not an address (nothing is opened for it)
            key = mask_credentials(str(raw).strip())
            refused.setdefault(key, StoredCapture(key, None, error))
            order.append(key)
            continue
        links.setdefault(link.url, link)  # the same address twice is captured once
        order.append(link.url)
    for stored in refused.values():
        if on_progress is not None:
            on_progress(stored.url, "failed")
        if on_result is not None:
            on_result(stored)
    if vault_lock is None:  # the vault connection is used by one task at a time
        vault_lock = asyncio.Lock()
    pending: dict[str, asyncio.Task[StoredCapture]] = {}

    def progress(url: str, step: str) -> None:
        if step == "scrolling":  # the page is in: its scrolling is mostly waiting for it
            sealing.begin()
        if on_progress is not None:
            on_progress(url, step)

    async def store(outcome: CaptureOutcome) -> StoredCapture:
        result = await store_one(outcome)
        used = sessions.get(outcome.url)
        if used is not None:
            if result.item is not None:
                use = "captured"
            else:
                use = "expired" if isinstance(result.error, SessionExpired) else "failed"
            item_id = result.item.id if result.item is not None else None
            async with vault_lock:
                try:
                    vault.record_session_use(
                        used.session_id, url=outcome.url, outcome=use, item_id=item_id
                    )
                except EvidenceKitError as error:  # the login was used; the log must say so
                    log.error("could not log the use of a saved login: %s", error)
        progress(outcome.url, "done" if result.ok else "failed")
        if on_result is not None:
            on_result(result)
        return result

    async def store_one(outcome: CaptureOutcome) -> StoredCapture:
        clock = outcome.timings or run.page()
        link = links.get(outcome.url)
        if outcome.capture is None:
            assert outcome.error is not None
            result = StoredCapture(outcome.url, None, outcome.error, link=link, timings=clock)
        else:
            progress(outcome.url, "sealing")
            page = with_links(outcome.capture, (linked or {}).get(outcome.url))
            # One list of sources: the objects stored are the objects hashed (capture_store).
            sources = artifact_sources(page)
            try:
                item, report = await store_stamped(
                    vault,
                    vault_lock,
                    new_item_for(page, case=case, note=note, consent=consent),
                    sources,
                    tsa_urls=tsa_urls,
                    clock=clock,
                    sealing=sealing.begin(),
                    on_stored=functools.partial(progress, outcome.url, "time-stamping"),
                )
            except EvidenceKitError as error:
                result = StoredCapture(outcome.url, None, error, link=link, timings=clock)
            else:
                async with vault_lock:
                    item = vault.item(item.id)
                result = StoredCapture(outcome.url, item, None, report, link=link, timings=clock)
        return result

    def captured(outcome: CaptureOutcome) -> None:
        pending[outcome.url] = asyncio.get_running_loop().create_task(store(outcome))

    # Groups: logged out, then each saved login (its own settings; a fresh context per page
    # in one browser, so no login is ever seen by another page).
    groups: dict[str | None, list[PreparedUrl]] = {}
    for url, link in links.items():
        used = sessions.get(url)
        groups.setdefault(used.session_id if used else None, []).append(link)
    by_id = {s.session_id: s for s in sessions.values()}
    start = browser if browser is not None or not links else BrowserStart(settings, run)
    try:
        if start is not None:
            own = await start.browser()
            for session_id, group in groups.items():
                await capture_many(
                    group,
                    settings
                    if session_id is None
                    else dataclasses.replace(settings, session=by_id[session_id]),
                    concurrency=concurrency,
                    browser=own,
                    on_result=captured,
                    on_progress=progress,
                    timings=run,
                )
            # The last page is in memory: the browser closes while it is stored and sealed.
            loop = asyncio.get_running_loop()
            closing = None if keep_browser else loop.create_task(start.close())
            results = {url: await task for url, task in pending.items()}
            if closing is not None:
                await closing
        else:
            results = {}
    except BaseException:
        # Cancelled (the GUI's Cancel, a lock): stop storing too, so nothing outlives the call.
        for task in pending.values():
            task.cancel()
        if start is not None:
            await start.close()
        raise
    results.update(refused)
    return [results[key] for key in dict.fromkeys(order)]

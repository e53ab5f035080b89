"""An unlocked vault, as the GUI holds it: every use of it is a `Job` on the job thread.

The GUI thread never calls the vault (SQLCipher work, hashing, key derivation) itself. All
calls funnel through one asyncio lock on the job loop, so a capture storing a page, a list
refresh and a note being added never interleave on the vault's single connection.
Locking = `close()`: running jobs are cancelled, the vault is closed and the object dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from evidencekit.blocking import run_blocking
from evidencekit.config import Settings
from evidencekit.vault.records import ItemRecord
from evidencekit.vault.shelf import open_place
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject
from ui import blur
from ui.workers import Job, LoopThread, lower_child_priority

if TYPE_CHECKING:
    from evidencekit.capture.browser import BrowserStart
    from evidencekit.capture.result import CaptureSettings
    from evidencekit.capture.warm import WarmBrowser

log = logging.getLogger(__name__)

ROLE_VICTIM = "victim"
ROLE_SUPPORT = "support worker"


@dataclass(frozen=True)
class Who:
    """Who is using the app this session (written into the custody log)."""

    name: str = ""
    role: str = ROLE_VICTIM

    @property
    def operator(self) -> str:
        return self.name.strip() or "owner"


@dataclass(frozen=True)
class ItemDetails:
    item: ItemRecord
    custody: list[Any]


def open_vault_job(
    runner: LoopThread,
    path: Path,
    passphrase: str,
    settings: Settings,
    who: Who,
    *,
    create: bool,
    parent: QObject | None = None,
) -> Job:
    """Open (or create) the vault on the job thread; succeeds with the `Vault`."""
    settings = dataclasses.replace(settings, operator=who.operator, operator_role=who.role)

    async def work(job: Job) -> Vault:
        if create:
            return await asyncio.to_thread(Vault.create, path, passphrase, settings)
        # A shelf folder: the passphrase is tried against every file on it (vault/shelf.py).
        return await asyncio.to_thread(open_place, path, passphrase, settings, write=True)

    return Job(runner, work, parent, name="unlock").start()


class VaultSession(QObject):
    """The open vault plus who is using it; hands out jobs that use it one at a time."""

    changed = Signal()  # items or cases changed: views reload
    closed = Signal()  # the vault is closed and its writer lock released

    def __init__(
        self,
        runner: LoopThread,
        vault: Vault,
        who: Who,
        tsa_urls: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.who = who
        self.tsa_urls = tuple(tsa_urls)
        self.path = vault.path
        # Asked once per session when a support worker captures or imports.
        self.consent: str | None = None
        self._vault: Vault | None = vault
        self._lock = asyncio.Lock()
        self._jobs: set[Job] = set()
        self._warm: WarmBrowser | None = None  # made on the worker loop, at first use
        self._giving_way: set[asyncio.Future[None]] = set()
        self.is_open = True
        self.is_closing = False

    # --- plumbing ---------------------------------------------------------------------------

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is locked")
        return self._vault

    @property
    def lock(self) -> asyncio.Lock:
        return self._lock

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Inside a job: run a blocking vault call off the loop, one at a time."""
        return run_blocking(self._lock, function, *args)

    def job(self, work: Callable[[Job], Any], name: str, *, changes: bool = False) -> Job:
        """Start `work` as a job bound to this session (cancelled when it locks)."""
        job = Job(self.runner, work, self, name=name)
        if not self.is_open:
            # A late request from a view being torn down (an answer arrived after the lock):
            # it ends as cancelled and never touches the vault.
            job.cancel()
            return job.start()
        self._jobs.add(job)
        job.finished.connect(self._job_finished)
        if changes:
            job.succeeded.connect(self.notify_changed)
        return job.start()

    def warm_up_browser(self, settings: CaptureSettings) -> None:
        """She is typing a link: start the capture browser now, so the capture need not wait
        for it (capture/warm.py). Safe to call on every keystroke."""
        if self.is_open:
            self.runner.loop.call_soon_threadsafe(self._warm_up, settings)

    def _warm_up(self, settings: CaptureSettings) -> None:
        if self.is_open:
            started = self.warm_browser().warm_up(settings)
            if started is not None:  # a new start: its processes give way to the window
                task = asyncio.ensure_future(self._give_way_once_started(started))
                self._giving_way.add(task)
                task.add_done_callback(self._giving_way.discard)

    @staticmethod
    async def _give_way_once_started(start: BrowserStart) -> None:
        with contextlib.suppress(Exception):  # it failed to start: the capture will say so
            await start.browser()
            lower_child_priority()

    def warm_browser(self) -> WarmBrowser:
        """The session's warm browser (on the worker loop only)."""
        if self._warm is None:
            from evidencekit.capture.warm import WarmBrowser  # Playwright: not at the app's start

            self._warm = WarmBrowser()
        return self._warm

    def _job_finished(self) -> None:
        self._jobs = {j for j in self._jobs if not j.done}

    def notify_changed(self, _result: object = None) -> None:
        if self.is_open:
            self.changed.emit()

    @property
    def busy(self) -> bool:
        return any(not j.done for j in self._jobs)

    def close(self) -> None:
        """Lock: cancel running jobs, close the vault, forget it. Safe to call twice."""
        if not self.is_open:
            return
        self.is_open = False
        vault, self._vault = self._vault, None
        jobs = [j for j in self._jobs if not j.done]
        for job in jobs:
            job.cancel()
        self.is_closing = True
        closer = Job(self.runner, lambda _job: self._shutdown(vault, jobs), self, name="lock")
        closer.finished.connect(self._closed)
        closer.start()

    def _closed(self) -> None:
        self.is_closing = False
        self.closed.emit()

    async def _shutdown(self, vault: Vault | None, jobs: list[Job]) -> None:
        for job in jobs:
            await job.wait_done(timeout=5)
        if self._warm is not None:  # no browser outlives the session
            await self._warm.close()
        if vault is None:
            return
        try:
            await asyncio.wait_for(self._lock.acquire(), timeout=5)
            locked = True
        except TimeoutError:
            locked = False  # a stuck call: close anyway; SQLite rolls its transaction back
        try:
            await asyncio.to_thread(vault.close)
        finally:
            if locked:
                self._lock.release()

    # --- reading ----------------------------------------------------------------------------

    def load_cases(self) -> Job:
        async def work(job: Job) -> Any:
            return await self.call(self.vault.cases)

        return self.job(work, "cases")

    def load_items(self, case: str | None, text: str) -> Job:
        """Items of `case` (None: all), narrowed by a full-text search when `text` is given."""

        def read() -> list[ItemRecord]:
            vault = self.vault
            if text.strip():
                found = vault.search(text)
                return [i for i in found if case is None or i.case == case]
            return vault.items(case)

        async def work(job: Job) -> Any:
            return await self.call(read)

        return self.job(work, "items")

    def load_details(self, item_id: str) -> Job:
        def read() -> ItemDetails:
            item = self.vault.item(item_id)
            return ItemDetails(item, self.vault.custody([item.id]))

        async def work(job: Job) -> Any:
            return await self.call(read)

        return self.job(work, "details")

    def load_picture(
        self, item: ItemRecord, *, reveal: bool, width: int, height: int | None, full: bool
    ) -> Job:
        """A QImage of the item (blurred unless `reveal`); None when it has no picture.

        Revealing is logged in the custody log ("view"), as every look at the media is.
        """
        name = blur.picture_artifact(item, full=full)

        async def work(job: Job) -> Any:
            if name is None or item.hidden:
                return None
            data = await self.call(self.vault.read_artifact, item.id, name)
            if reveal:
                await self.call(
                    self.vault.log_action, "view", item_subject(item.id), {"artifact": name}
                )
            try:
                return await asyncio.to_thread(
                    blur.render, data, blurred=not reveal, width=width, height=height
                )
            except ValueError:
                return None

        return self.job(work, "picture")

    # --- changing ---------------------------------------------------------------------------

    def _change(self, name: str, function: Callable[..., Any], *args: Any) -> Job:
        async def work(job: Job) -> Any:
            return await self.call(function, *args)

        return self.job(work, name, changes=True)

    def create_case(self, name: str) -> Job:
        return self._change("create-case", self.vault.create_case, name)

    def rename_case(self, old: str, new: str) -> Job:
        return self._change("rename-case", self.vault.rename_case, old, new)

    def add_note(self, item_id: str, text: str) -> Job:
        return self._change("note", self.vault.add_note, item_id, text)

    def set_tags(self, item_id: str, tags: list[str]) -> Job:
        return self._change("tags", self.vault.set_tags, item_id, tags)

    def set_hidden(self, item_id: str, hidden: bool) -> Job:
        return self._change("hide", self.vault.set_hidden, item_id, hidden)

    def retry_timestamps(self, timeout_s: float = 5) -> Job:
        """Ask the TSAs again for every item still waiting ("pending — added when online")."""
        from evidencekit.jobs.seal import timestamp_pending

        async def work(job: Job) -> Any:
            async with self._lock:
                return await timestamp_pending(self.vault, self.tsa_urls, timeout_s=timeout_s)

        return self.job(work, "timestamp-pending", changes=True)

    def run(self, work: Callable[[Job], Any], name: str, *, changes: bool = True) -> Job:
        """A longer job (capture, import, export) written in its own module."""
        return self.job(work, name, changes=changes)

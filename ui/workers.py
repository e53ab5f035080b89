"""Run core jobs off the GUI thread: one QThread with its own asyncio loop, and `Job` adapters.

The core is async at heart (Playwright, the TSA client); its jobs run as coroutines on a loop
that lives in `LoopThread`, never on the GUI thread. A `Job` is the QObject face of one such
coroutine: it lives in the GUI thread and re-emits what the coroutine reports as signals, which
Qt queues to the GUI thread. Workers never touch widgets: they only emit plain data.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import gc
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

log = logging.getLogger(__name__)


class LoopThread(QThread):
    """A thread running an asyncio event loop until `stop()`; coroutines go in with `submit`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencekit-jobs")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()

    def run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            # Whatever is still running is cancelled and allowed to unwind (browsers close,
            # transactions roll back) before the loop goes away.
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()
            self._loop = None

    def start_loop(self) -> None:
        """Start the thread and wait (briefly, once) until its loop accepts work."""
        if self.isRunning():
            return
        self._ready.clear()
        self.start()
        if not self._ready.wait(10):
            raise RuntimeError("the job thread did not start")

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the job thread is not running")
        return self._loop

    def submit(self, job: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        """Schedule a coroutine on the loop; never blocks the caller."""
        return asyncio.run_coroutine_threadsafe(job, self.loop)

    def stop(self, timeout_ms: int = 15000) -> bool:
        """Stop the loop (running jobs are cancelled and unwind) and wait for the thread."""
        if self._loop is not None and self.isRunning():
            self._loop.call_soon_threadsafe(self._loop.stop)
        return self.wait(timeout_ms)


def lower_child_priority(step: int = 10) -> int:
    """Let the processes we started (the browser, Playwright's driver) give way to the window.

    A capture runs Chromium beside us; on a busy two-core laptop it would otherwise take the
    CPU from the GUI thread long enough to make the window stutter. Only the child processes
    are made nicer: lowering our own job thread instead would make it hold Python's GIL while
    descheduled, and the window would wait for it (priority inversion). Linux only (it reads
    /proc); raising a nice value needs no privilege. Returns how many processes were changed.
    """
    if not sys.platform.startswith("linux"):
        return 0
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    changed = 0
    todo = list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            if os.getpriority(os.PRIO_PROCESS, pid) < step:
                os.setpriority(os.PRIO_PROCESS, pid, step)
                changed += 1
        except OSError:
            continue
    return changed


class Cancelled(Exception):
    """What a cancelled job reports through `failed` (so callers handle one path)."""


class Job(QObject):
    """The GUI-thread face of one coroutine running on a `LoopThread`.

    `work(job)` is called on the loop; it may call `job.report(value)` as often as it likes.
    Exactly one of `succeeded(result)` / `failed(exception)` follows, then `finished()`.
    A cancelled job fails with `Cancelled`.
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        runner: LoopThread,
        work: Callable[[Job], Awaitable[Any]],
        parent: QObject | None = None,
        *,
        name: str = "job",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._runner = runner
        self._work = work
        self._future: concurrent.futures.Future[Any] | None = None
        self._task: asyncio.Task[Any] | None = None
        self.done = False
        self.cancel_requested = False
        self.finished.connect(self._mark_done)

    def start(self) -> Job:
        """Submit on the next turn of the GUI event loop.

        Callers connect to the signals right after `start()` returns; a coroutine submitted at
        once could finish (and emit) before those connections exist, and the result would be
        lost. Deferring by one turn makes "start, then connect" always safe.
        """
        QTimer.singleShot(0, self, self._submit)
        return self

    def _submit(self) -> None:
        if self.cancel_requested:
            self.failed.emit(Cancelled())
            self.finished.emit()
            return
        self._future = self._runner.submit(self._main())

    def _mark_done(self) -> None:
        self.done = True

    def report(self, value: object) -> None:
        """Called from the loop: hand a progress value to the GUI thread."""
        self.progress.emit(value)

    async def _main(self) -> None:
        self._task = asyncio.current_task()
        try:
            result = await self._work(self)
        except asyncio.CancelledError:
            self.failed.emit(Cancelled())
        except Exception as error:  # every failure travels to the GUI as a value
            if not isinstance(error, _EXPECTED):
                log.exception("job %s failed", self.objectName())
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    def cancel(self) -> None:
        """Ask the coroutine to stop (it unwinds: the browser closes, nothing half-stored)."""
        self.cancel_requested = True
        if self._future is not None:
            self._future.cancel()

    async def wait_done(self, timeout: float) -> None:
        """On the loop: wait until this job's coroutine has unwound (after `cancel`)."""
        task = self._task
        if task is not None and not task.done():
            with contextlib.suppress(BaseException):
                await asyncio.wait({task}, timeout=timeout)


def _expected_errors() -> tuple[type[BaseException], ...]:
    from evidencekit.errors import EvidenceKitError

    return (EvidenceKitError, OSError)


_EXPECTED = _expected_errors()


def warm_up_job(runner: LoopThread, parent: QObject | None = None) -> Job:
    """Load the core's heavy modules on the job thread, once, at start-up.

    Importing Playwright, reportlab and pyHanko takes a second or more; done lazily it would
    happen in the middle of the first capture or export. Done here it happens while the person
    is still typing her passphrase, and `freeze_garbage` can then take all of it out of the
    garbage collector's way.
    """

    async def work(job: Job) -> None:
        def load() -> None:
            import evidencekit.bundle
            import evidencekit.jobs.capture
            import evidencekit.jobs.imports
            import evidencekit.jobs.seal  # noqa: F401

        await asyncio.to_thread(load)

    return Job(runner, work, parent, name="warm-up").start()


def share_the_gil_quickly() -> None:
    """Let the GUI thread get Python's GIL back within about 1 ms of asking (default 5 ms).

    While a capture runs, several of our threads run Python at once (Playwright's messages,
    storing, time-stamping). With the default interval the GUI thread could lose the GIL to
    them round after round; the cost of switching more often is small next to a frozen window.
    """
    sys.setswitchinterval(0.001)


def freeze_garbage() -> None:
    """Move every object alive now out of the cyclic garbage collector's reach.

    A full collection walks every object (about 100 ms once Qt, Playwright and reportlab are
    loaded) while holding the GIL, which freezes the window for as long, whichever thread
    triggered it. Start-up objects live as long as the app, so they need no collecting.
    (No collection first: that would be the very pause this avoids; a little start-up garbage
    kept for good costs only memory.)
    """
    gc.freeze()

"""Run a capture's independent steps side by side (issue 15), each timed as its own stage.

`together` is `asyncio.gather` that, when one step fails or the capture is cancelled (its time
limit), cancels the others and waits for them, then raises that first error itself (not an
ExceptionGroup), so the engine's error mapping and "nothing half-made" still hold.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, TypeVar

from evidencekit.capture.timings import PageTimings

T = TypeVar("T")


async def timed(clock: PageTimings, stage: str, work: Awaitable[T]) -> T:
    """Await `work`, recorded as `stage` on `clock`."""
    with clock.span(stage):
        return await work


async def together(*steps: Awaitable[Any]) -> list[Any]:
    """Every step's result, in order; the first failure cancels the rest and is raised."""
    tasks = [asyncio.ensure_future(step) for step in steps]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise

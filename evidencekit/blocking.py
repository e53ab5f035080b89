"""Blocking vault calls from async code, without ever letting two touch the vault at once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any


async def run_blocking(lock: asyncio.Lock, function: Callable[..., Any], *args: Any) -> Any:
    """Run a blocking vault call in a helper thread while holding `lock`.

    A thread cannot be interrupted: if the awaiting task is cancelled, the lock is still held
    until the call returns, so nothing else (closing the vault, say) touches the vault while a
    write transaction is still open in that thread.
    """
    async with lock:
        call = asyncio.ensure_future(asyncio.to_thread(function, *args))
        try:
            return await asyncio.shield(call)
        except asyncio.CancelledError:
            with contextlib.suppress(BaseException):
                await call
            raise

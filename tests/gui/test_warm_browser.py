"""The capture browser starts while she types the link (issue 15): the capture then uses it
(its metadata says when that browser started, before the capture), it is kept for the next
capture, and locking the vault closes it. Real window (offscreen), real Chromium, fixture site."""

from __future__ import annotations

import json
import os
import sys

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import unlock

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def _idle_browser(session):
    """The warm browser's Playwright Browser once started, else None (read from the test
    thread: attribute reads only)."""
    warm = session._warm
    start = warm._idle if warm is not None else None
    if start is None or start.starting or start._task.exception() is not None:
        return None
    return start._task.result()


def _child_nice_values() -> list[int]:
    """The nice values of this process's descendants (the driver, Chromium and its helpers)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except OSError:
                continue
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], list(parents.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, []))
        try:
            found.append(os.getpriority(os.PRIO_PROCESS, pid))
        except OSError:
            continue
    return found


def test_typing_a_link_starts_the_browser_the_capture_then_uses(
    qtbot, window, ctx, site, tsa, browser_available
) -> None:
    ctx.tsa_override = (tsa.url,)
    unlock(qtbot, window)
    session = window.session
    page = window.vault_page
    qtbot.mouseClick(page.items.capture_button, Qt.MouseButton.LeftButton)
    panel = page.capture
    assert session._warm is None  # nothing started before she typed a link
    panel.links.setPlainText("not a link yet")
    qtbot.wait(200)
    assert session._warm is None or not session._warm.idle
    panel.links.setPlainText(site.url("/lazy.html"))
    qtbot.waitUntil(lambda: _idle_browser(session) is not None, timeout=60_000)
    browser = _idle_browser(session)
    assert browser.is_connected()
    if sys.platform.startswith("linux"):  # the warm browser gives way to the window at once
        qtbot.waitUntil(lambda: min(_child_nice_values(), default=0) >= 10, timeout=30_000)

    with qtbot.waitSignal(panel.run_finished, timeout=180_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    row = panel.rows[site.url("/lazy.html")]
    assert row.error is None and row.item is not None, row.state.text()
    metadata = json.loads(session.vault.read_artifact(row.item.id, "metadata.json"))
    assert metadata["browser"]["started_at"] < metadata["time"]["started_at_utc"]
    # Kept for the next capture: the same browser, no page of this one left open in it.
    qtbot.waitUntil(lambda: _idle_browser(session) is browser, timeout=30_000)
    assert browser.is_connected() and not browser.contexts

    with qtbot.waitSignal(window.locked, timeout=30_000):
        window.lock()
    qtbot.waitUntil(lambda: not browser.is_connected(), timeout=30_000)

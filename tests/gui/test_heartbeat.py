"""The window never freezes: while capture, import, export and verify run (on the job thread),
a 10 ms timer on the GUI thread keeps ticking, and no gap between ticks exceeds 100 ms.

On a shared two-core machine the operating system sometimes simply runs nobody of ours for a
while (other people's jobs, the browser we started). Linux counts, per thread, the time it was
ready to run but waiting for a CPU (/proc/self/task/<tid>/schedstat): that part of a gap is
the machine's, not the app's. What remains is what the app did to its own window: the GUI
thread busy, or waiting for a job thread to let go of Python's GIL. That must stay under
100 ms; both figures are printed.

Runs as a support worker, so it also checks that the session's consent note is recorded with
each capture and import in the custody log.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.gui.conftest import make_png, unlock
from tests.gui.remote import servers_elsewhere
from ui.jobs import load_certificates

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

BOUND_MS = 100
TICK_MS = 10


class Heartbeat:
    """A 10 ms timer on the GUI thread; each gap split into the machine's and the app's share."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        stat = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")
        self._stat = stat if stat.exists() else None
        self.last = (0.0, 0.0)
        self.gaps: list[float] = []  # wall-clock gaps (ms)
        self.waits: list[float] = []  # of which: ready to run, but no CPU was free (ms)

    def _waited_ms(self) -> float:
        if self._stat is None:
            return 0.0
        return int(self._stat.read_text().split()[1]) / 1e6

    def _tick(self) -> None:
        now, waited = time.monotonic() * 1000, self._waited_ms()
        self.gaps.append(now - self.last[0])
        self.waits.append(waited - self.last[1])
        self.last = (now, waited)

    def start(self) -> None:
        self.last = (time.monotonic() * 1000, self._waited_ms())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def own_ms(self) -> list[float]:
        return [gap - wait for gap, wait in zip(self.gaps, self.waits)]


@pytest.fixture
def remote(tmp_path):
    with servers_elsewhere(tmp_path / "pki") as urls:
        yield urls


def test_gui_thread_never_stalls(qtbot, window, ctx, remote, browser_available, tmp_path):
    ctx.tsa_override = (remote["tsa"],)
    ctx.trusted_certs = load_certificates([Path(remote["tsa_root"])])
    unlock(qtbot, window, support="Arta")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=20_000)
    page = window.vault_page
    page.show_capture()
    panel = page.capture
    consent = "Ana agreed that I capture these posts for her case, 12 May."
    panel.consent.setPlainText(consent)
    urls = [remote["site"] + "lazy.html", remote["site"] + "marker/HEARTBEAT"]
    picture = make_png(tmp_path / "chat.png", size=(1200, 2400))  # made before measuring
    panel.links.setPlainText("\n".join(urls))

    beat = Heartbeat()
    beat.start()
    with qtbot.waitSignal(panel.run_finished, timeout=240_000):
        panel.capture_button.click()
    captured = [panel.rows[u].item for u in urls]
    assert all(captured), [panel.rows[u].state.text() for u in urls]
    with qtbot.waitSignal(panel.run_finished, timeout=60_000):
        page.add_files([picture])
    imported = panel.rows[str(picture)].item
    assert imported is not None
    page.show_list()
    qtbot.waitUntil(lambda: len(page.items.items) == 3, timeout=10_000)

    page.show_export()
    wizard = page.export
    wizard.next()
    wizard.blur_no.setChecked(True)  # the heavier path: full pictures in the report
    wizard.next()
    wizard.path.setText(str(tmp_path / "bundle.pdf"))
    wizard.next()
    wizard.next()  # Export
    qtbot.waitUntil(
        lambda: wizard.result is not None or wizard.message.isVisible(), timeout=120_000
    )
    assert wizard.result is not None, wizard.message.text
    verify = window.verify_view
    with qtbot.waitSignal(verify.verified, timeout=120_000):
        window.verify_file(wizard.result)  # as "Check this bundle now" does
    beat.stop()

    print(
        f"\nheartbeat: {len(beat.gaps)} ticks; longest gap {max(beat.gaps):.1f} ms, of "
        f"which the app's own share at most {max(beat.own_ms):.1f} ms (the rest: waiting "
        f"for a CPU, up to {max(beat.waits):.1f} ms); bound {BOUND_MS} ms"
    )
    assert verify.summary.verdict == "valid"
    assert len(beat.gaps) > 50  # the timer really ran throughout
    assert max(beat.own_ms) < BOUND_MS

    # Support-worker mode: consent and role are in the custody entry of every new item.
    vault = window.session.vault
    for item in [*captured, imported]:
        entry = next(e for e in vault.custody([item.id]) if e.action in ("capture", "import"))
        assert entry.details["consent"] == consent
        assert entry.details["role"] == "support worker"
        assert entry.operator == "Arta"

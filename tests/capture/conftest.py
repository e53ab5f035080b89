"""Fixtures for the capture tests: the fixture site (http and https), a server that never
answers, an event loop in a thread (pytest-asyncio is not used), and one real browser per test
module driven through that loop.

Tests are skipped only when no browser can be found at all (the skip says how to install one).
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from evidencekit.capture import CaptureSettings, PageCapture, capture_page
from evidencekit.capture.browser import find_browser, launch_browser
from evidencekit.errors import BrowserNotFound
from tests.support.site import HangServer, SiteServer, make_self_signed_cert

T = TypeVar("T")


class LoopThread:
    """An asyncio loop running in its own thread; `run` waits for a coroutine's result."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, job: Coroutine[Any, Any, T], timeout: float = 150) -> T:
        future = asyncio.run_coroutine_threadsafe(job, self.loop)
        try:
            return future.result(timeout)
        except BaseException:
            future.cancel()
            raise

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()


@pytest.fixture(scope="session")
def browser_available() -> None:
    try:
        find_browser()
    except BrowserNotFound as error:
        pytest.skip(f"no browser for capture tests: {error}")


@pytest.fixture(scope="session")
def loop() -> Iterator[LoopThread]:
    runner = LoopThread()
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def site() -> Iterator[SiteServer]:
    with SiteServer() as server:
        yield server


@pytest.fixture(scope="session")
def tls_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    return make_self_signed_cert(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def tls_site(tls_cert: tuple[Path, Path, bytes]) -> Iterator[SiteServer]:
    with SiteServer(tls=(tls_cert[0], tls_cert[1])) as server:
        yield server


@pytest.fixture()
def hang_server() -> Iterator[HangServer]:
    server = HangServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(loop: LoopThread, browser_available: None) -> Iterator[Any]:
    manager = launch_browser(CaptureSettings())
    launched = loop.run(manager.__aenter__())
    yield launched
    loop.run(manager.__aexit__(None, None, None))


class Capturer:
    """Captures pages with the module's browser, once per (path, settings)."""

    def __init__(self, loop: LoopThread, browser: Any, site: SiteServer) -> None:
        self.loop, self.browser, self.site = loop, browser, site
        self._done: dict[tuple[str, CaptureSettings], PageCapture] = {}

    def __call__(self, url_or_path: str, settings: CaptureSettings | None = None) -> PageCapture:
        settings = settings or CaptureSettings()
        key = (url_or_path, settings)
        if key not in self._done:
            url = url_or_path if "://" in url_or_path else self.site.url(url_or_path)
            self._done[key] = self.loop.run(capture_page(url, settings, browser=self.browser))
        return self._done[key]


@pytest.fixture(scope="module")
def capture(loop: LoopThread, browser: Any, site: SiteServer) -> Capturer:
    return Capturer(loop, browser, site)


@pytest.fixture()
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this test and the commands it runs, so a scan of it covers every temp file."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "TMP", "TEMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder

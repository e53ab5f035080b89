"""Addresses that cannot be captured fail fast, typed, and leave nothing half-made."""

from __future__ import annotations

import time

import pytest

from evidencekit.capture import CaptureSettings, capture_page, capture_page_sync, validate_url
from evidencekit.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
    BadUrl,
    CaptureTimedOut,
    ConnectionRefused,
    HostNotFound,
    PageIsDownload,
)
from tests.support.site import free_port

BAD = [
    "",
    "   ",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<h1>x</h1>",
    "chrome://settings",
    "about:blank",
    "ftp://example.org/x",
    "example.org/post/1",
    "http://",
    "https:///path-only",
    "http://exa mple.org/",
    "http://example.org:99999/",
    "http://..example.org/",
    "https://example.org/\x00",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_urls_are_refused_before_any_browser(url):
    with pytest.raises(BadUrl) as caught:
        validate_url(url)
    assert caught.value.exit_code == EXIT_USAGE
    started = time.monotonic()
    with pytest.raises(BadUrl):
        capture_page_sync(url, CaptureSettings())  # would take > 0.5 s if it launched
    assert time.monotonic() - started < 0.5


@pytest.mark.parametrize(
    "url", ["https://example.org/post/1?x=2#c", "http://127.0.0.1:8080/", "  https://b.example/  "]
)
def test_good_urls_pass(url):
    assert validate_url(url) == url.strip()


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_unresolvable_host(loop, browser):
    with pytest.raises(HostNotFound) as caught:
        loop.run(
            capture_page("http://no-such-host.invalid/post/1", CaptureSettings(), browser=browser)
        )
    assert caught.value.exit_code == EXIT_USAGE
    assert "ERR_NAME_NOT_RESOLVED" in (caught.value.detail or "")


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_refused_connection(loop, browser):
    url = f"http://127.0.0.1:{free_port()}/post/1"
    with pytest.raises(ConnectionRefused) as caught:
        loop.run(capture_page(url, CaptureSettings(), browser=browser))
    assert caught.value.exit_code == EXIT_USAGE


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_address_that_is_a_download(loop, browser, site):
    with pytest.raises(PageIsDownload) as caught:
        loop.run(capture_page(site.url("/download.bin"), CaptureSettings(), browser=browser))
    assert caught.value.exit_code == EXIT_USAGE


@pytest.mark.browser
@pytest.mark.timeout(60)
def test_server_that_never_answers_times_out_on_time(loop, browser, hang_server):
    settings = CaptureSettings(timeout_s=4)
    started = time.monotonic()
    with pytest.raises(CaptureTimedOut) as caught:
        loop.run(capture_page(hang_server.url, settings, browser=browser))
    elapsed = time.monotonic() - started
    assert 4 <= elapsed < 7
    assert caught.value.exit_code == EXIT_FAILED
    assert caught.value.step == "loading the page"
    assert "while loading the page" in str(caught.value)
    # the browser is still usable afterwards (the timed-out context was closed)
    assert browser.is_connected()

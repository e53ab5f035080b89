"""capture_many: parallel contexts in one browser; a failure never stops the others."""

from __future__ import annotations

import pytest

from evidencekit.capture import CaptureSettings, capture_many
from evidencekit.errors import BadUrl, ConnectionRefused
from tests.support.site import free_port

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


def test_many_pages_one_bad_one(loop, browser, site):
    urls = [
        site.url("/lazy.html"),
        "ftp://example.org/nope",
        f"http://127.0.0.1:{free_port()}/refused",
        site.url("/r/start"),
        site.url("/post/removed"),
    ]
    progress: dict[str, list[str]] = {}
    finished: list[str] = []
    outcomes = loop.run(
        capture_many(
            urls,
            CaptureSettings(),
            concurrency=3,
            browser=browser,
            on_progress=lambda url, step: progress.setdefault(url, []).append(step),
            on_result=lambda outcome: finished.append(outcome.url),
        )
    )
    assert [o.url for o in outcomes] == urls
    assert [o.ok for o in outcomes] == [True, False, False, True, True]
    assert isinstance(outcomes[1].error, BadUrl)
    assert isinstance(outcomes[2].error, ConnectionRefused)
    assert outcomes[3].capture is not None and outcomes[3].capture.final_url == site.url("/r/final")
    assert outcomes[4].capture is not None and outcomes[4].capture.status == 404
    assert sorted(finished) == sorted(urls)
    for url in (urls[0], urls[3], urls[4]):
        assert progress[url] == ["opening", "loading", "scrolling", "saving"]
    assert browser.is_connected()

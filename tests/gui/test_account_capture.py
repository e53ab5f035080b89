"""“Capture this account” in the capture panel (issue 12): the profile page, then its latest N
posts, each its own item linked to the account's item, through real Chromium and the small
profile site of tests/capture/test_account.py (a TikTok-like ``/@handle`` listing
``/@handle/video/<id>`` newest first, with the numeric id in schema.org ProfilePage JSON-LD)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.capture.test_account import ACCOUNT_ID, HANDLE, POSTS, _Handler
from tests.gui.conftest import unlock

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


@pytest.fixture
def profile_site() -> Iterator[tuple[str, list[str]]]:
    from http.server import ThreadingHTTPServer

    hits: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("H", (_Handler,), {"hits": hits}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _panel(qtbot, window):
    unlock(qtbot, window)
    page = window.vault_page
    qtbot.mouseClick(page.items.capture_button, Qt.MouseButton.LeftButton)
    return page.capture


def test_capture_this_account_from_the_panel(
    qtbot, window, ctx, tsa, profile_site, browser_available, tmp_path
) -> None:
    ctx.tsa_override = (tsa.url,)
    base, hits = profile_site
    panel = _panel(qtbot, window)
    url = f"{base}/@{HANDLE}"
    assert not panel.posts.isEnabled() and panel.posts.value() == 12  # the default
    panel.links.setPlainText(url)
    panel.account.setChecked(True)
    assert panel.posts.isEnabled()
    panel.posts.setValue(2)
    panel.grab().save(str(tmp_path / "account-option.png"))

    with qtbot.waitSignal(panel.run_finished, timeout=240_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    posts = [f"{base}/@{HANDLE}/video/{p}" for p in POSTS[:2]]
    assert list(panel.rows) == [url, *posts]  # the account first, its posts as they came
    for key, row in panel.rows.items():
        assert row.error is None and row.item is not None, (key, row.state.text())
    profile = panel.rows[url].item
    assert profile.metadata["account_capture"] == {"posts_asked": 2}
    for post in posts:
        item = panel.rows[post].item
        assert item.metadata["account_item"] == profile.id
        assert item.metadata["account"]["account_id"] == ACCOUNT_ID
    headline = panel.message.headline.text()
    assert headline == f"Account captured: @{HANDLE}, account number {ACCOUNT_ID}", headline
    advice = panel.message.advice.text()
    assert advice.startswith("2 of the 2 latest posts found on its page were captured"), advice
    assert not any(f"/video/{p}" in h for p in POSTS[2:] for h in hits)  # only the latest 2
    panel.grab().save(str(tmp_path / "account-done.png"))

    # an ordinary capture afterwards lists only what was pasted
    panel.account.setChecked(False)
    panel.links.setPlainText(posts[0])
    with qtbot.waitSignal(panel.run_finished, timeout=120_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert list(panel.rows) == [posts[0]]


def test_one_account_at_a_time(qtbot, window) -> None:
    panel = _panel(qtbot, window)
    panel.links.setPlainText("https://www.tiktok.com/@a\nhttps://www.tiktok.com/@b")
    panel.account.setChecked(True)
    qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert not panel.running and not panel.rows
    assert panel.message.headline.text() == "Paste the address of one account only."


def test_the_account_option_in_albanian(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    assert window.translators.install("sq")
    try:
        window.retranslate()
        panel = window.vault_page.capture
        assert panel.account.text() == (
            "Kjo është një ll&ogari: ruani profilin dhe postimet e fundit të saj"
        )
        panel.links.setPlainText("https://www.tiktok.com/@a\nhttps://www.tiktok.com/@b")
        panel.account.setChecked(True)
        panel.capture_button.click()  # (the rebuilt window is not on screen offscreen)
        assert panel.message.headline.text() == "Ngjitni adresën e vetëm një llogarie."
        panel.resize(1100, 420)
        panel.grab().save(str(tmp_path / "account-option-sq.png"))
    finally:
        window.translators.install("en")

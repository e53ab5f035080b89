"""“Log in to a site…” in the app (issue 12): the dialog opens a visible Chromium window (on a
virtual screen), she logs in there, presses Done; the login is kept in the vault and the
app's next capture of that site is made with it, headless; a story is captured logged out."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

import evidencekit.capture.login as login_mod
from tests.gui.conftest import unlock
from tests.support.login_site import GATED_TEXT, PASSWORD, USER, LoginSiteServer
from tests.support.xvfb import virtual_screen

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


@pytest.fixture()
def login_site() -> Iterator[LoginSiteServer]:
    with LoginSiteServer() as server:
        yield server


@pytest.fixture()
def screen(tmp_path, monkeypatch) -> Iterator[str]:
    with virtual_screen(tmp_path / "xvfb.log") as found:
        if found is None:
            pytest.skip("no Xvfb screen can be made here (dev.py installs xvfb)")
        monkeypatch.setenv("DISPLAY", found)  # for the browser window; Qt stays offscreen
        yield found


def test_log_in_from_the_app_then_capture_with_it(
    qtbot, window, ctx, tsa, browser_available, login_site, screen, monkeypatch
) -> None:
    logged_in = threading.Event()
    original = login_mod.open_login_window

    async def drive(page: Any) -> None:  # what she does in the window
        await page.fill("#user", USER)
        await page.fill("#password", PASSWORD)
        await page.click("#submit")
        await page.wait_for_url("**/home")
        await page.wait_for_selector("text=Logged in as")
        logged_in.set()

    async def driven(start: str, settings: Any, *, done: asyncio.Event, **_: Any) -> Any:
        return await original(start, settings, done=done, on_open=drive)

    monkeypatch.setattr(login_mod, "open_login_window", driven)
    ctx.tsa_override = (tsa.url,)
    unlock(qtbot, window)
    page = window.vault_page
    qtbot.mouseClick(page.items.capture_button, Qt.MouseButton.LeftButton)
    panel = page.capture
    dialog = panel.open_login()
    dialog.site.setText(login_site.url("/login"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.done_button.isEnabled()
    qtbot.waitUntil(logged_in.is_set, timeout=60_000)
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved:
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    info = saved.args[0]
    assert info.site == "127.0.0.1" and info.account == f"@{USER}"
    assert "kept in the vault" in dialog.message.headline.text()
    qtbot.waitUntil(lambda: dialog.saved_list.count() == 1, timeout=10_000)
    assert "127.0.0.1" in dialog.saved_list.item(0).text()
    dialog.reject()

    # The app's next capture of that site is made with the saved login; for the story she is
    # asked first, and she says: logged out.
    from ui.dialogs import Ask

    qtbot.waitUntil(lambda: panel.login_sites == {"127.0.0.1"}, timeout=10_000)
    panel.links.setPlainText(login_site.url("/post/gated") + "\n" + login_site.url("/story/1"))
    Ask.answer(False)
    with qtbot.waitSignal(panel.run_finished, timeout=180_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert Ask.pending_answers() == 0
    gated = panel.rows[login_site.url("/post/gated")]
    assert gated.error is None and gated.item is not None, gated.state.text()
    login = gated.item.metadata["login"]
    assert login["logged_in"] is True and login["session_id"] == info.id
    assert len(login["blocked_requests"]) == 2
    assert GATED_TEXT not in json.dumps(login)
    # The story may tell its owner who looked: the app captures it logged out; no view.
    story = panel.rows[login_site.url("/story/1")]
    assert story.item is not None and story.item.metadata["login"] == {"logged_in": False}
    assert login_site.state.views == []
    # Asked again, she accepts: logged in, and the site records that she looked.
    panel.links.setPlainText(login_site.url("/story/1"))
    Ask.answer(True)
    with qtbot.waitSignal(panel.run_finished, timeout=180_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    story = panel.rows[login_site.url("/story/1")]
    assert story.item is not None and story.item.metadata["login"]["logged_in"] is True
    assert login_site.state.views == [USER]


def test_a_saved_login_is_removed_from_the_app(qtbot, window, ctx) -> None:
    from ui.dialogs import Ask

    unlock(qtbot, window)
    vault = window.vault_page.session.vault
    panel = window.vault_page.capture
    vault.add_session(
        site="x.com", start_url="https://x.com/", storage={"cookies": [{"name": "a"}]}
    )
    dialog = panel.open_login()
    qtbot.waitUntil(lambda: dialog.saved_list.count() == 1, timeout=10_000)
    dialog.saved_list.setCurrentRow(0)
    Ask.answer(False)  # she keeps it
    assert dialog.remove_selected() is None and dialog.saved_list.count() == 1
    Ask.answer(True)
    job = dialog.remove_selected()
    assert job is not None
    qtbot.waitUntil(lambda: dialog.saved_list.count() == 0, timeout=10_000)
    assert not dialog.remove_button.isEnabled()
    dialog.reject()
    actions = [e.action for e in vault.custody() if e.action.startswith("session-")]
    assert actions == ["session-add", "session-remove"]

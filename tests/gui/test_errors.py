"""When things go wrong she sees a calm, plain message with what to try, and the app keeps
working: a wrong passphrase, an address that is not one, no browser, a capture she stops."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import make_png, unlock


def test_wrong_passphrase_then_right_one(qtbot, window, ctx, settings) -> None:
    Vault.create(ctx.default_vault, TEST_PASSPHRASE, settings).close()
    window.unlock_page.set_path(ctx.default_vault)
    page = window.unlock_page
    assert not page.creating
    for _attempt in range(3):  # no lockout, however many tries
        page.passphrase.setText("wrong horse battery")
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: page.message.isVisible() and page.open_button.isEnabled(), timeout=20_000
        )
        assert page.message.headline.text() == "That passphrase did not open this vault."
        assert "no limit on tries" in page.message.advice.text()
        assert not page.message.details_button.isVisible()  # no English noise for this one
        assert page.passphrase.hasFocus() or page.passphrase.selectedText()
        page.message.dismiss()
    unlock(qtbot, window)
    assert window.session is not None


def test_passphrases_that_differ_are_caught_before_anything_is_made(qtbot, window, ctx) -> None:
    page = window.unlock_page
    page.passphrase.setText("green lamp under")
    page.repeat.setText("green lamp undr")
    page.open_button.click()
    assert page.message.isVisible()
    assert page.message.headline.text() == "The two passphrases are not the same."
    assert not ctx.default_vault.exists()


def test_bad_addresses_are_explained_and_nothing_runs(qtbot, window) -> None:
    unlock(qtbot, window)
    vault_page = window.vault_page
    vault_page.show_capture()
    panel = vault_page.capture
    panel.links.setPlainText("not a link\nftp://example.org/file\nwww.example.org/post")
    panel.capture_button.click()
    assert not panel.running  # nothing was sent to a browser
    assert len(panel.rows) == 3
    for row in panel.rows.values():
        assert row.error is not None
        assert row.state.text().startswith("This is not a web address EvidenceKit can capture.")
        assert "https://" in row.state.text()
    assert panel.capture_button.isEnabled()


def test_no_browser_found(qtbot, window, ctx, site, tmp_path) -> None:
    ctx.settings = dataclasses.replace(ctx.settings, browser_path=str(tmp_path / "no-chrome"))
    unlock(qtbot, window)
    vault_page = window.vault_page
    vault_page.show_capture()
    panel = vault_page.capture
    url = site.url("/marker/NO-BROWSER")
    panel.links.setPlainText(url)
    with qtbot.waitSignal(panel.run_finished, timeout=60_000):
        panel.capture_button.click()
    expected = "No web browser was found that EvidenceKit can use to capture pages."
    assert panel.rows[url].state.text().startswith(expected)
    assert panel.message.isVisible() and panel.message.headline.text() == expected
    assert "Add files" in panel.message.advice.text()  # what still works without a browser
    # ...and it does: adding a file works right after.
    with qtbot.waitSignal(panel.run_finished, timeout=30_000):
        vault_page.add_files([make_png(tmp_path / "from-the-phone.png")])
    assert all(r.item is not None for r in panel.rows.values())


@pytest.mark.browser
def test_stop_a_capture(qtbot, window, browser_available) -> None:
    from tests.support.site import HangServer

    server = HangServer().start()
    try:
        unlock(qtbot, window)
        vault_page = window.vault_page
        vault_page.show_capture()
        panel = vault_page.capture
        panel.links.setPlainText(server.url)
        panel.capture_button.click()
        row = panel.rows[server.url]
        qtbot.waitUntil(lambda: row.step in ("opening", "loading"), timeout=60_000)
        with qtbot.waitSignal(panel.run_finished, timeout=60_000):
            panel.stop_button.click()
        assert row.state.text().startswith("Stopped, as you asked.")
        assert panel.capture_button.isEnabled()
        assert window.session is not None and not window.session.busy
    finally:
        server.stop()


def test_import_of_a_missing_file_is_explained(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    vault_page = window.vault_page
    good = make_png(tmp_path / "ok.png")
    with qtbot.waitSignal(vault_page.capture.run_finished, timeout=30_000):
        vault_page.add_files([tmp_path / "gone.png", good])
    rows = vault_page.capture.rows
    assert rows[str(tmp_path / "gone.png")].state.text().startswith("This file could not be added.")
    assert rows[str(good)].item is not None  # one bad file does not stop the others

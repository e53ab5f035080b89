"""A link pasted into the capture panel: she is told what comes out of it (credentials always,
share codes unless she keeps them), and only the cleaned address is loaded and stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import unlock

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def test_the_panel_says_what_comes_out_and_captures_the_clean_link(
    qtbot, window, ctx, site, tsa, browser_available
) -> None:
    ctx.tsa_override = (tsa.url,)
    unlock(qtbot, window)
    page = window.vault_page
    qtbot.mouseClick(page.items.capture_button, Qt.MouseButton.LeftButton)
    panel = page.capture
    clean = site.url("/marker/GUI-LINK?id=5")
    pasted = clean.replace("http://", "http://maria:GUI-PASSWORD@") + "&igsh=GUI-SHARE-CODE"
    panel.links.setPlainText(pasted)

    assert not panel.link_notice_box.isHidden()
    notice = panel.link_notice.text()
    assert "igsh" in notice and "password" in notice
    assert "GUI-PASSWORD" not in notice and "GUI-SHARE-CODE" not in notice
    assert not panel.keep_share.isHidden() and not panel.keep_share.isChecked()
    panel.keep_share.setChecked(True)  # the notice follows her choice ...
    assert "kept" in panel.link_notice.text()
    panel.keep_share.setChecked(False)  # ... and she changes her mind: drop them

    with qtbot.waitSignal(panel.run_finished, timeout=180_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert list(panel.rows) == [clean]  # the row shows the address actually loaded
    row = panel.rows[clean]
    assert row.error is None and row.item is not None, row.state.text()
    assert "igsh" in row.removed and "GUI-SHARE-CODE" not in row.removed
    item = row.item
    assert item.url == clean
    metadata = window.session.vault.read_artifact(item.id, "metadata.json")
    assert b"GUI-PASSWORD" not in metadata and b"GUI-SHARE-CODE" not in metadata
    assert b"removed from the link you pasted" in metadata
    hits = [h.path for h in site.state.hits if "GUI-LINK" in h.path]
    assert hits and all("GUI-SHARE-CODE" not in h and "igsh" not in h for h in hits)

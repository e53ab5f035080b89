"""The whole journey through the widgets, on real parts: make a vault, capture a page of the
fixture site with real Chromium (time-stamped by the loopback TSA), see it appear blurred,
reveal it on purpose, export a bundle and have the verify view call it valid.

Waits on signals and conditions only; no sleeps.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import Qt

from tests.gui.conftest import unlock

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def _thumbnail_is_blurred(view, item_id: str) -> bool:
    return item_id in view._thumbs and view.revealed is None


def test_capture_reveal_export_verify(
    tsa_pki, qtbot, window, ctx, site, tsa, browser_available, answers, tmp_path: Path
) -> None:
    ctx.tsa_override = (tsa.url,)
    unlock(qtbot, window)
    page = window.vault_page
    items = page.items

    # Capture one link through the capture panel.
    qtbot.mouseClick(items.capture_button, Qt.MouseButton.LeftButton)
    panel = page.capture
    assert page.center.currentWidget() is panel
    url = site.url("/marker/GUI-FLOW-MARKER")
    panel.links.setPlainText(url)
    panel.note.setText("first capture from the app")
    steps: list[str] = []
    with qtbot.waitSignal(panel.run_finished, timeout=180_000):
        qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.running, timeout=5_000)
        panel._job.progress.connect(lambda v: steps.append(v[2]) if v[0] == "step" else None)
    row = panel.rows[url]
    assert row.error is None, row.state.text()
    assert row.item is not None and row.item.timestamp_status == "granted"
    assert {"sealing", "time-stamping"} <= set(steps)

    # Back in the list: the item is there, its picture blurred.
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    item_id = row.item.id
    qtbot.waitUntil(lambda: any(i.id == item_id for i in items.items), timeout=10_000)
    qtbot.waitUntil(lambda: _thumbnail_is_blurred(items, item_id), timeout=10_000)

    # Reveal on purpose, after the content warning; one at a time.
    items.select(item_id)
    answers.answer(True)  # "Show it"
    items.reveal_selected()
    assert answers.asked[-1] == "Content warning"
    assert items.revealed == item_id

    # The detail view: blurred until chosen, sealed and time-stamped.
    page.open_item(item_id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == item_id, timeout=10_000)
    assert not detail.viewer.showing_clear
    answers.answer(True)
    detail.viewer.ask_reveal()
    qtbot.waitUntil(lambda: detail.viewer.showing_clear, timeout=10_000)
    detail.viewer.blur_again()
    assert not detail.viewer.showing_clear
    assert "time-stamped" in detail.seal_summary.text()
    qtbot.mouseClick(detail.back_button, Qt.MouseButton.LeftButton)

    # Export through the wizard, onto "a USB stick".
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    qtbot.mouseClick(items.export_button, Qt.MouseButton.LeftButton)
    wizard = page.export
    assert wizard.chosen_ids() == [item_id]
    wizard.next()  # items -> choices
    wizard.next()  # choices -> place
    wizard.path.setText(str(stick / "for-the-lawyer.pdf"))
    wizard.next()  # place -> summary
    wizard.next()  # Export
    assert wizard._job is not None
    qtbot.waitUntil(lambda: wizard._job is None, timeout=120_000)
    assert not wizard.message.isVisible(), wizard.message.text
    summary = wizard.result
    assert summary is not None
    assert wizard.pages.currentIndex() == 4  # the result page: where it is, its fingerprint
    assert summary.path == stick / "for-the-lawyer.pdf" and summary.path.exists()
    assert len(summary.sha256) == 64

    # The lawyer's view. She got the vault's certificate from the sender (as the CLI's
    # `identity export-cert` writes it) and knows the time-stamp authority's root: she adds
    # both with "Trust a certificate…", then checks the bundle. Valid.
    signer_pem = tmp_path / "signer.pem"
    certificate = window.session.vault.identity().certificate
    signer_pem.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    verify = window.verify_view
    window.show_verify()
    answers.answer([tsa_pki.root_pem, signer_pem])
    verify.trust_button.click()
    assert len(ctx.trusted_certs) == 2
    with qtbot.waitSignal(verify.verified, timeout=120_000) as verified:
        verify.check(summary.path)
    assert verified.args[0].verdict == "valid", verified.args[0].checks
    assert "Valid" in verify.verdict.text()

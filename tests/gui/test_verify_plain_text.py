"""Issue 11, output a forger can write, in the app: a bundle id (from bundle.json) or a file
name that looks like HTML is shown as the characters it is, never rendered. A QLabel renders
any text that starts like a tag as rich text, so a forged bundle.json whose id is
`<h1 style="color:green">✓ VALID</h1>` painted a large green VALID into the verify view of an
invalid bundle. Measured on f065ee1: the "Bundle id" label's format was AutoText, its text
rendered as a heading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from evidencekit.bundle import export_bundle
from tests.support.bundles import add_web_item, make_vault
from tests.support.forging import replace_attachment

FAKE = '<h1 style="color:green">✓ VALID</h1>'


def test_a_bundle_id_that_looks_like_html_is_shown_as_text(
    qtbot, ctx, translations, tmp_path: Path
) -> None:
    from ui.verify_view import VerifyView

    vault = make_vault(tmp_path / "v")
    try:
        item = add_web_item(vault, 1, height=600)
        made = export_bundle(vault, [item.id], tmp_path / "b.pdf", tsa_urls=[])
    finally:
        vault.close()
    forged = tmp_path / "forged.pdf"
    shutil.copyfile(made.path, forged)

    def rename(data: bytes) -> bytes:
        index = json.loads(data)
        index["bundle_id"] = FAKE
        return json.dumps(index).encode()

    replace_attachment(forged, lambda name: name == "bundle.json", rename)
    view = VerifyView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.verified, timeout=60_000) as verified:
        view.check(forged)
    qtbot.waitUntil(lambda: view._job is None)
    assert verified.args[0].verdict == "invalid"
    (shown,) = [label for label in view.facts.findChildren(QLabel) if label.text() == FAKE]
    assert shown.textFormat() == Qt.TextFormat.PlainText
    # Every value in the facts is plain text, whatever it holds.
    values = [label for label in view.facts.findChildren(QLabel) if not label.text().endswith(":")]
    assert values and all(v.textFormat() == Qt.TextFormat.PlainText for v in values)

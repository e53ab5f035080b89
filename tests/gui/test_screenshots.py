"""Pictures of every main screen, in English and in Albanian, for people to look at.

Saved to test-output/screenshots/<lang>-NN-name.png (git-ignored). The flow uses real parts:
a real vault, two imported pictures, one real capture of the fixture site, a real export and
verification. Each screen is also checked for the obvious: it rendered, and no visible text
was left untranslated in Albanian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTreeWidget, QWidget

from tests.gui.conftest import ROOT, make_png, unlock

OUT = ROOT / "test-output" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _save(widget: QWidget, lang: str, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = OUT / f"{lang}-{name}.png"
    assert widget.grab().save(str(path)), path
    assert path.stat().st_size > 5000, f"{path} looks empty"
    return path


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton) and child.text():
            texts.append(child.text())
        if isinstance(child, QTreeWidget):  # tables: their headers and every cell
            texts += _tree_texts(child)
    return texts


def _tree_texts(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    texts = [header.text(c) for c in range(tree.columnCount())]
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        texts += [item.text(c) for c in range(tree.columnCount())]
    return [t for t in texts if t]


def _english_left(widget: QWidget, english: set[str]) -> list[str]:
    return [t for t in _visible_texts(widget) if t in english]


@pytest.mark.parametrize("lang", ["en", "sq"])
def test_screenshots(
    tsa_pki,
    qtbot,
    window,
    ctx,
    site,
    tsa,
    browser_available,
    answers,
    tmp_path,
    lang,
    english_texts,
) -> None:
    ctx.tsa_override = (tsa.url,)
    ctx.trusted_certs = [tsa_pki.root_cert]  # the lawyer knows the test authority's root
    for old in OUT.glob(f"{lang}-*.png"):  # only this run's pictures remain
        old.unlink()
    if lang != "en":
        assert window.translators.install(lang)
        window.retranslate()
    shots = []
    page = window.unlock_page
    page.passphrase.setText("green lamp under")
    shots.append(_save(window, lang, "01-make-vault"))

    unlock(qtbot, window, support="Arta")
    vault = window.vault_page
    # Two pictures from "a phone" and one real web capture.
    files = [
        make_png(tmp_path / "chat-screenshot.png"),
        make_png(tmp_path / "photo-posted.png", (30, 90, 160)),
    ]
    answers.answer("Ana agreed that I save these posts for her case.")
    with qtbot.waitSignal(vault.capture.run_finished, timeout=60_000):
        vault.add_files(files)
    vault.capture.links.setPlainText(site.url("/marker/SCREENSHOT") + "\nnot a link")
    with qtbot.waitSignal(vault.capture.run_finished, timeout=120_000):
        vault.capture.start_capture()
    shots.append(_save(window, lang, "02-capture-results"))

    vault.show_list()
    items = vault.items
    qtbot.waitUntil(lambda: len(items.items) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: all(i.id in items._thumbs for i in items.items), timeout=10_000)
    shots.append(_save(window, lang, "03-evidence-grid"))

    web = next(i for i in items.items if i.kind == "web")
    vault.open_item(web.id)
    detail = vault.detail
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == web.id, timeout=10_000)
    qtbot.waitUntil(lambda: detail.viewer._blurred is not None, timeout=10_000)
    shots.append(_save(window, lang, "04-item-about"))
    detail.tabs.setCurrentIndex(1)
    shots.append(_save(window, lang, "05-item-seal"))
    detail.tabs.setCurrentIndex(4)
    shots.append(_save(window, lang, "06-item-history"))
    vault.show_list()

    vault.show_export()
    wizard = vault.export
    wizard.next()
    shots.append(_save(window, lang, "07-export-choices"))
    wizard.next()
    wizard.path.setText(str(tmp_path / "bundle.pdf"))
    wizard.next()
    shots.append(_save(window, lang, "08-export-summary"))
    wizard.next()  # Export
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=120_000)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 4, timeout=10_000)
    shots.append(_save(window, lang, "09-export-done"))

    verify = window.verify_view
    with qtbot.waitSignal(verify.verified, timeout=120_000):
        wizard.check_button.click()  # "Check this bundle now"
    assert verify.summary.verdict == "valid"
    if lang == "sq":
        # The verifier's details are the core's Albanian sentences, not its English ones.
        rows = [verify.checks.topLevelItem(i) for i in range(verify.checks.topLevelItemCount())]
        shown = [row.text(2) for row in rows]
        assert shown == [c.detail_sq for c in verify.summary.checks]
        assert not set(shown) & {c.detail for c in verify.summary.checks}
        assert verify.checks.headerItem().text(2) == "Hollësi teknike"
        left = _english_left(verify, english_texts)
        assert not left, f"untranslated in the verify view: {left}"
    shots.append(_save(window, lang, "11-verify-valid"))

    window.show_help()
    shots.append(_save(window, lang, "10-help"))

    window.show_settings()
    shots.append(_save(window.settings_dialog, lang, "12-settings"))
    window.settings_dialog.reject()

    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    window.unlock_page.passphrase.setText("not the passphrase")
    window.unlock_page.open_button.click()
    qtbot.waitUntil(lambda: window.unlock_page.message.isVisible(), timeout=20_000)
    shots.append(_save(window, lang, "13-wrong-passphrase"))

    if lang != "en":
        # Every visible word was translated: none of the English texts is still on screen.
        for widget in (window, window.settings_dialog):
            left = _english_left(widget, english_texts)
            assert not left, f"untranslated on screen: {left}"
    window.translators.install("en")
    assert len(shots) >= 12


@pytest.fixture(scope="session")
def english_texts() -> set[str]:
    """Every source text of the translation files (what would show if a string was missed)."""
    import xml.etree.ElementTree as ET

    texts: set[str] = set()
    for message in ET.parse(ROOT / "resources/translations/evidencekit_sq.ts").iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        # Names that are the same in both languages ("EvidenceKit", "OK") are not misses.
        if source and source != translation:
            texts.add(source)
    return texts

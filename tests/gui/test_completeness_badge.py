"""The completeness badge: each web capture in the list shows how many of the facts a court
needs were found (a line of text, a coloured "6/7" on its thumbnail, what is missing in the
tooltip), and the item detail lists the platform facts and the score. Also in Albanian."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from evidencekit.capture.completeness import completeness_score
from evidencekit.capture.platforms.registry import platform_facts
from tests.gui.conftest import unlock
from tests.support.bundles import add_web_item
from ui.thumb_list import COMPLETE_COLOUR, INCOMPLETE_COLOUR

SITE = Path(__file__).resolve().parent.parent / "support" / "site" / "platforms"


def _meta(name: str, url: str) -> dict:
    record = platform_facts(url, url, (SITE / name).read_text(encoding="utf-8"))
    return {
        "platform_facts": record,
        "completeness": completeness_score(record, login_wall=False, removed=None),
    }


def _corner_has(image: QImage, colour: QColor) -> bool:
    """Some pixel of the bottom-right corner is `colour` (the badge's background)."""
    w, h = image.width(), image.height()
    for y in range(h * 3 // 4, h):
        for x in range(w * 3 // 4, w):
            c = image.pixelColor(x, y)
            if max(abs(c.red() - colour.red()), abs(c.green() - colour.green()),
                   abs(c.blue() - colour.blue())) <= 8:  # fmt: skip
                return True
    return False


def test_badge_in_the_list_and_facts_in_the_detail(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    vault = window.session.vault
    telegram = add_web_item(
        vault, 1, metadata=_meta("telegram.html", "https://t.me/s/leaks_fixture/42")
    )
    tiktok = add_web_item(
        vault,
        2,
        metadata=_meta(
            "tiktok.html", "https://www.tiktok.com/@nightowl.market/video/7301234567890123456"
        ),
    )
    older = add_web_item(vault, 4)  # captured before the score existed: no badge
    page = window.vault_page
    page.show_list()
    view = page.items
    view.reload()
    qtbot.waitUntil(
        lambda: {telegram.id, tiktok.id, older.id} <= {i.id for i in view.items}, timeout=10_000
    )
    rows = {view.list.item(i).data(256): view.list.item(i) for i in range(view.list.count())}
    assert "Facts found: 6 of 7" in rows[telegram.id].text()
    assert "Missing: the account id" in rows[telegram.id].toolTip()
    assert "Facts found: 7 of 7" in rows[tiktok.id].text()
    assert "Every fact a court needs was found." in rows[tiktok.id].toolTip()
    assert "Facts found" not in rows[older.id].text()
    # the badge is on the thumbnail, amber when something is missing, green when complete
    qtbot.waitUntil(
        lambda: telegram.id in view._thumbs and tiktok.id in view._thumbs, timeout=10_000
    )
    size = view.thumb_size
    amber = rows[telegram.id].icon().pixmap(size).toImage()
    green = rows[tiktok.id].icon().pixmap(size).toImage()
    plain = rows[older.id].icon().pixmap(size).toImage()
    assert _corner_has(amber, INCOMPLETE_COLOUR) and not _corner_has(amber, COMPLETE_COLOUR)
    assert _corner_has(green, COMPLETE_COLOUR) and not _corner_has(green, INCOMPLETE_COLOUR)
    assert not _corner_has(plain, INCOMPLETE_COLOUR) and not _corner_has(plain, COMPLETE_COLOUR)
    shots = Path(os.environ.get("EVIDENCEKIT_SHOTS", str(tmp_path)))
    assert view.grab().save(str(shots / "badge-list.png"))

    page.open_item(telegram.id)
    detail = page.detail
    qtbot.waitUntil(
        lambda: detail.item is not None and detail.item.id == telegram.id, timeout=10_000
    )
    text = " | ".join(label.text() for label in detail.about.findChildren(type(detail.title)))
    qtbot.wait(200)  # let the About tab lay out its rows
    assert detail.about.grab().save(str(shots / "badge-detail.png"))
    for phrase in (
        "Platform:",
        "Telegram",
        "Handle:",
        "leaks_fixture",
        "Account id:",
        "not found on the page",
        "2024-05-02T21:30:00Z (the page showed: 21:30)",
        "Completeness:",
        "Facts found: 6 of 7\nMissing: the account id",
    ):
        assert phrase in text, phrase


def test_the_badge_speaks_albanian(qtbot, qapp, translations) -> None:
    from ui.app import Translators
    from ui.thumb_list import badge_words

    meta = _meta("telegram.html", "https://t.me/s/leaks_fixture/42")
    translators = Translators(qapp, translations)
    assert translators.install("sq")
    try:
        assert badge_words(meta) == ("Fakte të gjetura: 6 nga 7", "Mungojnë: numri i llogarisë")
    finally:
        translators.install("en")
    assert badge_words(meta) == ("Facts found: 6 of 7", "Missing: the account id")
    assert badge_words({}) is None
    assert badge_words({"completeness": {"found": 9, "needed": 7}}) is None  # not believed

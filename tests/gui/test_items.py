"""Cases and items through the widgets: make and rename a case, add files (button and drag and
drop), blurred thumbnails, one reveal at a time (press and hold), "never show me this", search,
sort, notes and tags — and every change lands in the custody log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from tests.gui.conftest import make_png, unlock


def _add(qtbot, window, paths: list[Path]) -> list:
    page = window.vault_page
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files(paths)
    items = [page.capture.rows[str(p)].item for p in paths]
    assert all(items)
    page.show_list()
    qtbot.waitUntil(
        lambda: {i.id for i in items} <= {i.id for i in page.items.items}, timeout=10_000
    )
    return items


def _brightest(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    best = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            best = max(best, min(colour.red(), colour.green(), colour.blue()))
    return best


def _custody_actions(window, item_id: str) -> list[str]:
    return [e.action for e in window.session.vault.custody([item_id])]


def test_cases_made_and_renamed(qtbot, window, answers, tmp_path) -> None:
    unlock(qtbot, window)
    cases = window.vault_page.cases
    answers.answer("Instagram")
    cases.new_button.click()
    qtbot.waitUntil(lambda: cases.case_names() == ["Instagram"], timeout=10_000)
    qtbot.waitUntil(lambda: cases.selected == "Instagram", timeout=10_000)
    item = _add(qtbot, window, [make_png(tmp_path / "post.png")])[0]
    assert item.case == "Instagram"  # added into the case on screen
    answers.answer("Instagram — Ana")
    cases.rename_button.click()
    qtbot.waitUntil(lambda: cases.case_names() == ["Instagram — Ana"], timeout=10_000)
    assert window.session.vault.item(item.id).case == "Instagram — Ana"
    log = [(e.action, e.object) for e in window.session.vault.custody()]
    assert ("rename-case", "case:Instagram") in log
    # A name that is taken: a plain message, nothing changed.
    answers.answer("Other")
    cases.new_button.click()
    qtbot.waitUntil(lambda: "Other" in cases.case_names(), timeout=10_000)
    cases.select("Other")
    answers.answer("Instagram — Ana")
    cases.rename_button.click()
    qtbot.waitUntil(lambda: cases.message.isVisible(), timeout=10_000)
    assert cases.message.headline.text() == "A case with this name already exists."


def test_thumbnails_are_blurred_and_revealed_one_at_a_time(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    first, second = _add(
        qtbot,
        window,
        [make_png(tmp_path / "one.png"), make_png(tmp_path / "two.png", (20, 120, 40))],
    )
    view = window.vault_page.items
    qtbot.waitUntil(lambda: first.id in view._thumbs and second.id in view._thumbs, timeout=10_000)
    # The sharp white lines of the picture do not survive the blur.
    assert _brightest(view._thumbs[first.id].toImage()) < 235

    def press_and_hold(item_id: str) -> None:
        view.select(item_id)
        rect = view.list.visualItemRect(view.list.currentItem())
        qtbot.mousePress(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    press_and_hold(first.id)
    qtbot.waitUntil(lambda: view.revealed == first.id, timeout=5_000)
    qtbot.waitUntil(
        lambda: _brightest(view.row_icon(first.id).pixmap(view.thumb_size).toImage()) > 240,
        timeout=10_000,
    )
    qtbot.mouseRelease(view.list.viewport(), Qt.MouseButton.LeftButton)
    assert view.revealed is None  # let go: blurred again
    # Revealing another blurs the first.
    view._reveal(first.id)
    view._reveal(second.id)
    assert view.revealed == second.id
    assert "view" in _custody_actions(window, first.id)  # looking is part of the record


def test_never_show_me_this(qtbot, window, answers, tmp_path) -> None:
    unlock(qtbot, window)
    item = _add(qtbot, window, [make_png(tmp_path / "hurtful.png")])[0]
    page = window.vault_page
    page.open_item(item.id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None, timeout=10_000)
    answers.answer(True)  # "Never show it"
    detail.hide_button.click()
    qtbot.waitUntil(lambda: detail.item.hidden, timeout=10_000)
    assert not detail.viewer.hold_button.isEnabled()
    assert not detail.viewer.show_button.isEnabled()
    assert "hide" in _custody_actions(window, item.id)
    page.show_list()
    view = page.items
    qtbot.waitUntil(lambda: any(i.hidden for i in view.items), timeout=10_000)
    view.select(item.id)
    view.reveal_selected()  # no dialog: a calm message instead
    assert view.message.isVisible() and view.revealed is None
    assert window.session.vault.item(item.id).artifacts  # the evidence itself is untouched


def test_search_and_sort(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    page = window.vault_page
    page.capture.note.setText("threatening message from the ex")
    a = _add(qtbot, window, [make_png(tmp_path / "b-threat.png")])[0]
    page.capture.note.setText("")
    b = _add(qtbot, window, [make_png(tmp_path / "a-photo.png")])[0]
    view = page.items
    view.search.setText("threatening")
    qtbot.waitUntil(lambda: [i.id for i in view.items] == [a.id], timeout=10_000)
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.items) == 2, timeout=10_000)
    view.sort.setCurrentIndex(2)  # by title
    titles = [view.list.item(i).text().split("\n")[0] for i in range(view.list.count())]
    assert titles == ["a-photo.png", "b-threat.png"]
    view.sort.setCurrentIndex(0)  # newest first
    first = view.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert first == b.id


def test_notes_and_tags_go_to_the_custody_log(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    item = _add(qtbot, window, [make_png(tmp_path / "post.png")])[0]
    page = window.vault_page
    page.open_item(item.id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None, timeout=10_000)
    detail.note_edit.setPlainText("Posted by the account @someone at 22:10")
    detail.note_button.click()
    qtbot.waitUntil(lambda: "@someone" in detail.notes.text(), timeout=10_000)
    detail.tags_edit.setText("threat, ex-partner")
    detail.tags_button.click()
    qtbot.waitUntil(lambda: detail.item.tags == ("ex-partner", "threat"), timeout=10_000)
    actions = _custody_actions(window, item.id)
    assert "note" in actions and "tag" in actions
    history = [
        detail.history.topLevelItem(i).text(2) for i in range(detail.history.topLevelItemCount())
    ]
    assert "Note added" in history and "Tags changed" in history


def test_files_dropped_on_the_list_are_added(qtbot, window, tmp_path) -> None:
    unlock(qtbot, window)
    view = window.vault_page.items
    path = make_png(tmp_path / "dropped.png")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel = window.vault_page.capture
    with qtbot.waitSignal(panel.run_finished, timeout=30_000):
        view.list.dropEvent(event)
    assert panel.rows[str(path)].item is not None

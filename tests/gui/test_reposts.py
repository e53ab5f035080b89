"""Reposts in the app (issue 14): an item whose picture is already in another item says so,
with a link to the other item and both pictures blurred, never revealed on their own."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtGui import QImage

from tests.gui.conftest import unlock

PHOTOS = Path(__file__).resolve().parent.parent / "support" / "photos"


def _add(qtbot, window, paths: list[Path]) -> list:
    page = window.vault_page
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files(paths)
    items = [page.capture.rows[str(p)].item for p in paths]
    assert all(items)
    return items


def _again(tmp_path: Path, photo: str) -> Path:
    """The photo as it comes back on a new account: smaller and saved again."""
    image = Image.open(PHOTOS / photo).convert("RGB")
    out = tmp_path / f"again-{photo}"
    image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.LANCZOS).save(out, quality=55)
    return out


def _pixels(image: QImage) -> bytes:
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888)  # kept while copied
    return bytes(converted.constBits())


def test_repost_is_a_link_with_both_pictures_blurred(qtbot, window, tmp_path, monkeypatch) -> None:
    from ui import blur
    from ui import format as fmt

    unlock(qtbot, window)
    first, other, second = _add(
        qtbot, window, [PHOTOS / "cat.jpg", PHOTOS / "rocket.jpg", _again(tmp_path, "cat.jpg")]
    )
    page = window.vault_page
    detail = page.detail
    page.open_item(second.id)
    panel = detail.reposts
    qtbot.waitUntil(lambda: panel.isVisible() and len(panel.rows) == 1, timeout=15_000)
    (row,) = panel.rows
    assert row.other.id == first.id
    words = panel.words(row)
    assert f"already appears in item {first.id}" in words
    assert "(imported " in words and "file cat.jpg" in words  # the core's words, as the CLI's
    monkeypatch.setattr(fmt, "language", lambda: "sq")  # what an Albanian window shows
    assert f"gjendet tashmë te prova {first.id}" in panel.words(row)
    monkeypatch.undo()
    assert panel.links[0].text() == f"Open item {first.id}"

    # Both thumbnails: exactly the app's blurred rendering of each picture, never the picture.
    vault = window.session.vault
    wanted = []
    for item_id, name in ((second.id, "original/again-cat.jpg"), (first.id, "original/cat.jpg")):
        data = vault.read_artifact(item_id, name)
        wanted.append(
            (
                _pixels(blur.render(data, blurred=True, width=72, height=72)),
                _pixels(blur.render(data, blurred=False, width=72, height=72)),
            )
        )

    def shown() -> list[bytes]:
        return [_pixels(t.pixmap().toImage()) for t in panel.thumbs if not t.pixmap().isNull()]

    qtbot.waitUntil(lambda: shown() == [w[0] for w in wanted], timeout=15_000)
    assert all(blurred != sharp for blurred, sharp in wanted)
    window.grab().save(str(tmp_path / "reposts.png"))
    for item in (first, second):
        assert "view" not in [e.action for e in vault.custody([item.id])]  # nothing revealed

    # The link opens the other item, which names this one back.
    panel.links[0].click()
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == first.id, timeout=15_000)
    qtbot.waitUntil(
        lambda: len(panel.rows) == 1 and panel.rows[0].other.id == second.id, timeout=15_000
    )

    # A different photo: nothing is said.
    page.open_item(other.id)
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == other.id, timeout=15_000)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=15_000)
    assert panel.rows == []


def test_case_picture_hashes_saved_from_the_case_list(qtbot, window, answers, tmp_path) -> None:
    from evidencekit.picture_hashes import hash_picture

    unlock(qtbot, window)
    cases = window.vault_page.cases
    assert not cases.hashes_button.isEnabled()  # all evidence: no case chosen
    answers.answer("Instagram — Ana")
    cases.new_button.click()
    qtbot.waitUntil(lambda: cases.selected == "Instagram — Ana", timeout=10_000)
    assert cases.hashes_button.isEnabled()
    (item,) = _add(qtbot, window, [PHOTOS / "coffee.jpg"])
    target = tmp_path / "out" / "ana.csv"
    target.parent.mkdir()
    answers.answer(str(target))
    cases.hashes_button.click()
    saved = f"Saved the hashes of 1 picture to {target}."  # the English plural forms
    qtbot.waitUntil(lambda: cases.message.headline.text() == saved, timeout=15_000)
    expected = hash_picture((PHOTOS / "coffee.jpg").read_bytes())
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("sha256,md5,pdq,pdq_quality,item,picture,size_bytes")
    assert lines[1].split(",")[:6] == [
        expected.sha256, expected.md5, expected.pdq, str(expected.pdq_quality), item.id,
        "original/coffee.jpg",
    ]  # fmt: skip
    assert (target.stat().st_mode & 0o777) == 0o600
    actions = [e.action for e in window.session.vault.custody()]
    assert "export-hashes" in actions


def test_older_items_are_hashed_in_the_background_after_unlocking(qtbot, window) -> None:
    unlock(qtbot, window)
    (item,) = _add(qtbot, window, [PHOTOS / "astronaut.jpg"])
    vault = window.session.vault
    qtbot.waitUntil(lambda: window.vault_page.detail.reposts.older_job.done, timeout=15_000)
    # As a vault made before picture hashes: the item stored, its pictures never hashed.
    vault.conn.execute("DELETE FROM picture_hashes")
    vault.conn.execute("DELETE FROM picture_hashes_done")
    with qtbot.waitSignal(window.locked, timeout=20_000):
        window.lock()
    unlock(qtbot, window)
    vault = window.session.vault
    job = window.vault_page.detail.reposts.older_job
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert vault.items_to_hash() == []
    (kept,) = vault.picture_hashes(item.id)
    assert kept.name == "original/astronaut.jpg" and kept.pdq is not None

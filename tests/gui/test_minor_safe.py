"""The app's minor-safe switch and case setting (issue 14 part 2), through real widgets, a real
vault and real Chromium: a capture with "Someone in these pictures may be under 18" ticked keeps
no picture (hashes in the record, boxes in the screenshot); the case setting, set in the list
of cases, makes an import into that case keep the picture's hashes only (turning it off asks
first); a PDF is refused in plain words; the help page says what it protects against."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt

from tests.capture.test_minor_safe import Needles, _box_is_plain, vault_dump
from tests.gui.conftest import unlock
from tests.support.minor_safe_site import PLACES, MinorSafeSite, Pictures

pytestmark = pytest.mark.timeout(300)


def _panel(qtbot, window):
    unlock(qtbot, window)
    page = window.vault_page
    qtbot.mouseClick(page.items.capture_button, Qt.MouseButton.LeftButton)
    return page.capture


@pytest.mark.browser
def test_capture_with_the_switch_keeps_no_picture(
    qtbot, window, ctx, tsa, browser_available, tmp_path
) -> None:
    ctx.tsa_override = (tsa.url,)
    panel = _panel(qtbot, window)
    assert not panel.minor_safe.isChecked()  # off unless she says so
    with MinorSafeSite() as site:
        panel.links.setPlainText(site.url)
        panel.minor_safe.setChecked(True)
        panel.grab().save(str(tmp_path / "minor-safe-switch.png"))
        with qtbot.waitSignal(panel.run_finished, timeout=240_000):
            qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
        pictures = site.pictures.all
    row = panel.rows[site.url]
    assert row.error is None and row.item is not None, row.state.text()
    assert "No picture was kept" in row.state.text()
    vault = window.session.vault
    item = vault.item(row.item.id)
    kept = {p["sha256"] for p in item.metadata["minor_safe"]["pictures"]}
    assert {hashlib.sha256(d).hexdigest() for d in pictures.values()} <= kept
    assert not [a.name for a in item.artifacts if a.name.startswith("media/")]
    assert Needles(pictures).found_in(vault_dump(vault)) == set()
    shot = vault.read_artifact(item.id, "screenshot.png")
    assert all(_box_is_plain(shot, place) for place in PLACES.values())


def test_the_case_setting_applies_to_imports(qtbot, window, answers, tmp_path) -> None:
    unlock(qtbot, window)
    page = window.vault_page
    cases = page.cases
    window.session.create_case("Dosja e Anës")
    qtbot.waitUntil(lambda: "Dosja e Anës" in cases.case_names(), timeout=10_000)
    cases.select("Dosja e Anës")
    assert cases.minor_safe.isEnabled() and not cases.minor_safe.isChecked()
    qtbot.mouseClick(cases.minor_safe, Qt.MouseButton.LeftButton)
    vault = window.session.vault
    qtbot.waitUntil(lambda: cases.is_minor_safe("Dosja e Anës"), timeout=10_000)
    assert vault.case_minor_safe("Dosja e Anës")
    assert "never the pictures" in cases.message.headline.text()
    cases.grab().save(str(tmp_path / "minor-safe-case.png"))

    photo = tmp_path / "photo.jpg"
    data = Pictures().jpeg
    photo.write_bytes(data)
    pdf = tmp_path / "chat.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    panel = page.capture
    panel.set_cases(cases.case_names(), "Dosja e Anës")  # as the vault page does
    qtbot.waitUntil(lambda: not panel.minor_safe.isEnabled(), timeout=10_000)
    assert panel.minor_safe.isChecked() and panel.minor_safe_note.isVisibleTo(panel)
    panel.set_cases(cases.case_names(), None)  # another case: her own choice again (off)
    qtbot.waitUntil(lambda: panel.minor_safe.isEnabled(), timeout=10_000)
    assert not panel.minor_safe.isChecked()  # and the case's setting alone is enough below
    with qtbot.waitSignal(panel.run_finished, timeout=60_000):
        panel.start_import([photo, pdf], "Dosja e Anës")
    done = panel.rows[str(photo)]
    assert done.item is not None, done.state.text()
    item = vault.item(done.item.id)
    assert "picture-hashes.json" in [a.name for a in item.artifacts]
    assert item.metadata["minor_safe"]["pictures"][0]["sha256"] == hashlib.sha256(data).hexdigest()
    refused = panel.rows[str(pdf)]
    assert refused.item is None and refused.error is not None
    assert "may hold pictures" in refused.state.text() + panel.message.headline.text()
    assert Needles({"photo": data}).found_in(vault_dump(vault)) == set()

    # Turning it off asks first; "Cancel" leaves it on.
    answers.answer(False)
    qtbot.mouseClick(cases.minor_safe, Qt.MouseButton.LeftButton)
    assert cases.minor_safe.isChecked() and vault.case_minor_safe("Dosja e Anës")
    answers.answer(True)
    qtbot.mouseClick(cases.minor_safe, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not cases.is_minor_safe("Dosja e Anës"), timeout=10_000)
    assert not vault.case_minor_safe("Dosja e Anës")


def test_the_help_page_says_what_it_protects_against(window) -> None:
    help_page = window.help_page
    text = help_page.text.toPlainText()
    for phrase in (
        "If someone in the pictures may be under 18",
        "plain grey boxes",
        "It does not remove them from the internet",
        "takeitdown.ncmec.org",
        "ALO 116 111",
    ):
        assert phrase in text, phrase

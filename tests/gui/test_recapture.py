"""“Capture again” in the app (issue 12): the item detail's button captures the address again
through real Chromium, linked to the first capture; the message and the item's facts say
"still online on …", then, once the fixture site has taken the post down, "removed between …
and …"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import unlock
from ui.jobs import capture_job

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _facts(detail) -> list[str]:
    return [label.accessibleName() for label in detail.about.findChildren(QLabel)]


def test_capture_again_from_the_item_detail(
    qtbot, window, ctx, tsa, site, browser_available
) -> None:
    ctx.tsa_override = (tsa.url,)
    unlock(qtbot, window)
    session = window.session
    url = site.url("/post/later/g1")
    site.state.taken_down.discard("g1")
    job = capture_job(session, [url], ctx.settings, note=None, case="Rita")
    with qtbot.waitSignal(job.succeeded, timeout=120_000) as done:
        pass
    [first] = [stored.item for stored in done.args[0]]
    page = window.vault_page
    page.open_item(first.id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == first.id)
    assert detail.again_button.isVisible()

    qtbot.mouseClick(detail.again_button, Qt.MouseButton.LeftButton)
    assert not detail.again_button.isEnabled()  # one at a time
    qtbot.waitUntil(lambda: detail.again_button.isEnabled(), timeout=120_000)
    assert detail.message.headline.text().startswith("Captured again as ")
    assert detail.message.advice.text().startswith("Still online on ")
    again = [i for i in session.vault.items() if i.metadata.get("recapture_of") == first.id]
    assert len(again) == 1 and again[0].case == "Rita"
    # the first item's facts now say it too (read from the vault's chain)
    qtbot.waitUntil(
        lambda: any(f.startswith("Online or removed: Still online on") for f in _facts(detail)),
        timeout=10_000,
    )

    site.state.taken_down.add("g1")
    page.open_item(again[0].id)
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == again[0].id)
    qtbot.mouseClick(detail.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.again_button.isEnabled(), timeout=120_000)
    assert f"Captures again: {first.id}" in _facts(detail)
    advice = detail.message.advice.text()
    assert advice.startswith("Removed between ") and "(first seen removed)" in advice
    chain = [i for i in session.vault.items() if i.metadata.get("recapture_of") == first.id]
    assert sorted(i.status for i in chain) == [200, 404]
    qtbot.waitUntil(
        lambda: any(f.startswith("Online or removed: Removed between") for f in _facts(detail)),
        timeout=10_000,
    )


def test_an_imported_file_has_no_capture_again(qtbot, window, tmp_path) -> None:
    from evidencekit.jobs.imports import import_file

    unlock(qtbot, window)
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    item = import_file(window.session.vault, picture, case=None)
    page = window.vault_page
    page.open_item(item.id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.item is not None and detail.item.id == item.id)
    assert not detail.again_button.isVisible()


def test_the_item_detail_says_how_it_was_logged_in(qtbot, window) -> None:
    from tests.bundle.test_login_report import LOGIN
    from tests.support.bundles import add_web_item

    unlock(qtbot, window)
    vault = window.session.vault
    logged_in = add_web_item(vault, 1, metadata={"login": LOGIN})
    logged_out = add_web_item(vault, 2, metadata={"login": {"logged_in": False}})
    older = add_web_item(vault, 3)
    page = window.vault_page
    detail = page.detail
    shown = {}
    for item in (logged_in, logged_out, older):
        page.open_item(item.id)
        qtbot.waitUntil(lambda item=item: detail.item is not None and detail.item.id == item.id)
        shown[item.id] = [f for f in _facts(detail) if f.startswith("Logged in:")]
    assert shown[logged_in.id] == [
        "Logged in: Yes, seen logged in as @rita_k\nConsent: Rita agreed on 1 Dec 2026, in person"
        "\nRequests blocked so nothing changed on the platform: 2"
    ]
    assert shown[logged_out.id] == ["Logged in: No: captured logged out"]
    assert shown[older.id] == []  # made before the login record: nothing said

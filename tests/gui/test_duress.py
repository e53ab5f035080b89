"""The second passphrase through the real widgets (issue 14 part 1): set it from the vault page,
the window locks, the unlock page now names the shelf; the second passphrase opens the decoy
(which takes an ordinary import), hers opens her vault, a wrong one gets the calm message; all
three cost one key derivation per file on the shelf, whichever file matches."""

from __future__ import annotations

from evidencekit.vault import shelf
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import make_png, unlock
from tests.support.kdf_calls import record_derivations

DECOY = "blue kettle on the stove"


def _lock(qtbot, window) -> None:
    with qtbot.waitSignal(window.locked, timeout=30_000):
        window.lock()


def test_second_passphrase_opens_the_decoy_through_the_unlock_screen(
    qtbot, window, ctx, tmp_path, monkeypatch, answers
) -> None:
    unlock(qtbot, window)  # makes her vault where the app puts it by default
    page = window.vault_page
    real_id = window.session.vault.meta("vault_id")
    fingerprint = window.session.vault.identity().fingerprint_sha256
    with qtbot.waitSignal(page.capture.run_finished, timeout=30_000):
        page.add_files([make_png(tmp_path / "threat.png")])

    page.second_button.click()
    dialog = page.second_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText(TEST_PASSPHRASE)  # her own passphrase is refused
    dialog.repeat.setText(TEST_PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: dialog.ok_button.isEnabled() and dialog.message.isVisible(), timeout=30_000
    )
    assert window.session is not None, "a refused second passphrase must not lock her out"
    dialog.passphrase.setText(DECOY)
    dialog.repeat.setText(DECOY)
    with qtbot.waitSignal(window.locked, timeout=60_000):
        dialog.ok_button.click()

    place = ctx.default_vault.parent / shelf.FOLDER_NAME
    files = shelf.members(place)
    assert not ctx.default_vault.exists() and len(files) >= 4
    unlock_page = window.unlock_page
    assert unlock_page._path == place and not unlock_page.creating
    label = unlock_page.path_label.text()

    # Choosing any one of the shelf's files (say, on a stick) stands for the whole shelf.
    answers.answer([files[-1]])
    unlock_page.choose_button.click()
    assert unlock_page._path == place and unlock_page.path_label.text() == label

    derived = record_derivations(monkeypatch)  # (salt, params) of every key derived
    unlock(qtbot, window, DECOY)
    decoy = window.session.vault
    assert decoy.path in files and decoy.meta("vault_id") != real_id
    assert window.vault_page.items.items == []  # empty until she fills it
    with qtbot.waitSignal(window.vault_page.capture.run_finished, timeout=30_000):
        window.vault_page.add_files([make_png(tmp_path / "cat.png", (20, 140, 60))])
    assert len(window.session.vault.items()) == 1
    decoy_work = len(derived)
    _lock(qtbot, window)

    assert window.unlock_page.path_label.text() == label  # the same screen for any passphrase
    derived.clear()
    unlock(qtbot, window, TEST_PASSPHRASE)
    assert window.session.vault.meta("vault_id") == real_id
    real_name = window.session.vault.path.name
    assert [i.file_name for i in window.session.vault.items()] == ["threat.png"]
    real_work = len(derived)
    _lock(qtbot, window)

    derived.clear()
    wrong = window.unlock_page
    wrong.passphrase.setText("not any of them at all")
    wrong.open_button.click()
    qtbot.waitUntil(
        lambda: wrong.message.isVisible() and wrong.open_button.isEnabled(), timeout=30_000
    )
    assert window.session is None
    assert "did not open" in wrong.message.headline.text()
    wrong_work = len(derived)

    count = len(shelf.members(place))
    assert decoy_work == real_work == wrong_work == count, (decoy_work, real_work, wrong_work)
    # Each file tried once, with its own header.
    assert len({salt for salt, _params in derived}) == count

    # Settings the app writes, and every file under the test's folders (HOME, the shelf, the
    # settings file): none names her vault's file, old path, id or signing key.
    window.ctx.save(auto_lock_minutes=7, neutral_title=True)
    assert ctx.settings_path.exists()
    tokens = [real_name, str(ctx.default_vault), ctx.default_vault.name, real_id, fingerprint]
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            scanned += 1
            for token in tokens:
                assert token.lower().encode() not in data, (path, token)
                if not path.name.startswith(real_name):  # her vault (and the pair beside
                    # it, as beside every file there) carries its own name
                    assert token.lower() not in str(path.relative_to(tmp_path)).lower(), path
    assert scanned >= count + 1

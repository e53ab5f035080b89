"""Backup, hand-over and “Forget this computer” in the app (issue 14 part 4): real widgets
offscreen, the real vault on the job thread; dialogs answered through `Ask`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import unlock
from tests.support.bundles import add_web_item
from ui.dialogs import Ask

HERS = "her passphrase on her stick"
SHOTS = Path("/tmp/ek/backup")


def _vault_with_cases(ctx, settings) -> None:
    ctx.default_vault.parent.mkdir(parents=True, exist_ok=True)
    with Vault.create(ctx.default_vault, TEST_PASSPHRASE, settings) as vault:
        add_web_item(vault, 1, case="Hers")
        add_web_item(vault, 2, case="Hers")
        add_web_item(vault, 3, case="Another")


def _shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def test_a_backup_from_the_app_is_a_checked_copy(qtbot, window, ctx, settings, tmp_path) -> None:
    _vault_with_cases(ctx, settings)
    unlock(qtbot, window)
    page = window.vault_page
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    dialog = page.backup_dialog
    target = tmp_path / "stick-backup.ekv"
    Ask.answer(str(target))
    qtbot.mouseClick(dialog.choose_target, Qt.MouseButton.LeftButton)
    assert dialog.target.text() == str(target)
    dialog.passphrase.setText("a passphrase of the copy")
    dialog.repeat.setText("not the same one")
    dialog.backup_button.click()
    assert "not the same" in dialog.message.text and not target.exists()
    dialog.repeat.setText("a passphrase of the copy")
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done, timeout=30_000)
    assert "3 items copied" in dialog.message.text, dialog.message.text
    _shot(dialog, "backup-dialog.png")
    with Vault.open(target, "a passphrase of the copy", settings, write=False) as copy:
        assert verify_vault(copy).ok and len(copy.items()) == 3

    # Restoring onto the open vault itself is refused in plain words; the vault stays.
    dialog.source.setText(str(target))
    dialog.source_passphrase.setText("a passphrase of the copy")
    dialog.restore_to.setText(str(ctx.default_vault))
    Ask.answer(True)  # "Replace that vault?" yes: still refused, it is open
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: "already open" in dialog.message.text, timeout=30_000)
    assert Ask.pending_answers() == 0 and "Replace that vault?" in Ask.asked
    qtbot.waitUntil(lambda: dialog.job.done and dialog.restore_button.isEnabled(), timeout=9_000)
    elsewhere = tmp_path / "restored.ekv"
    dialog.restore_to.setText(str(elsewhere))
    dialog.source_passphrase.setText("a passphrase of the copy")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.job.done, timeout=30_000)
    assert "3 items copied" in dialog.message.text and elsewhere.is_file()


def test_a_hand_over_from_the_app(qtbot, window, ctx, settings, tmp_path) -> None:
    _vault_with_cases(ctx, settings)
    unlock(qtbot, window, support="Arta")
    page = window.vault_page
    qtbot.waitUntil(lambda: "Hers" in page.cases.case_names(), timeout=10_000)
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    dialog = page.handover_dialog
    dialog.case.setCurrentText("Hers")
    target = tmp_path / "her-stick.ekv"
    Ask.answer(str(target))
    qtbot.mouseClick(dialog.choose_target, Qt.MouseButton.LeftButton)
    dialog.passphrase.setText(HERS)
    dialog.repeat.setText(HERS)
    Ask.answer(False)  # "Hand over this case?" -> Not now: nothing happens
    dialog.hand_button.click()
    assert dialog.job is None and not target.exists()
    Ask.answer(True)
    dialog.hand_button.click()
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done, timeout=60_000)
    assert "no longer in this one" in dialog.message.text, dialog.message.text
    _shot(dialog, "handover-dialog.png")
    qtbot.waitUntil(lambda: "Hers" not in page.cases.case_names(), timeout=10_000)
    with Vault.open(target, HERS, settings, write=False) as her:
        assert verify_vault(her).ok and len(her.items()) == 2
        assert her.custody(None)[-2].action == "transfer-in"
        assert her.custody(None)[-2].operator == "Arta"


def test_forget_this_computer_from_the_app(qtbot, window, ctx, settings, isolated_env) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.forget_dialog import ForgetDialog

    data = Path(isolated_env["XDG_DATA_HOME"]) / "EvidenceKit"
    data.mkdir(parents=True)
    mine = data / "default.ekv"
    Vault.create(mine, TEST_PASSPHRASE, settings).close()
    dialog = ForgetDialog(window)
    qtbot.addWidget(dialog)
    assert str(data) in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.forget_button.isEnabled()
    dialog.typed.setText("forget")
    assert not dialog.forget_button.isEnabled()  # the word exactly, nothing close to it
    dialog.typed.setText("FORGET")
    assert dialog.forget_button.isEnabled() and dialog.confirmed
    _shot(dialog, "forget-dialog.png")
    unlock(qtbot, window)  # the app's own vault (in the test's place) is open
    window.forget_this_computer()
    qtbot.waitUntil(lambda: "forgotten" in window.status.text(), timeout=30_000)
    assert not data.exists() and window.session is None


def test_restore_while_locked_into_the_apps_own_place(qtbot, window, ctx, settings, tmp_path):
    """A new computer: nothing but a backup on her stick. Settings → Restore a backup…"""
    from evidencekit.vault.backup import backup_vault

    old = tmp_path / "old-laptop" / "vault.ekv"
    old.parent.mkdir()
    with Vault.create(old, TEST_PASSPHRASE, settings) as vault:
        add_web_item(vault, 1, case="Hers")
        backup_vault(vault, tmp_path / "stick.ekv", "the backup's passphrase")
    assert not ctx.default_vault.exists() and window.unlock_page.creating
    window.show_settings()
    qtbot.mouseClick(window.settings_dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.restore_dialog
    assert dialog.restore_to.text() == str(ctx.default_vault)
    assert not dialog.backup_button.isVisible()  # no vault open: restore only
    dialog.source.setText(str(tmp_path / "stick.ekv"))
    dialog.source_passphrase.setText("the backup's passphrase")
    with qtbot.waitSignal(dialog.restored, timeout=30_000):
        dialog.restore_button.click()
    assert ctx.default_vault.is_file()
    qtbot.waitUntil(lambda: not window.unlock_page.creating, timeout=5_000)
    unlock(qtbot, window, "the backup's passphrase")
    assert len(window.vault_page.items.items) == 1

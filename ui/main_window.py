"""The one window: a top bar that is always there (quick exit, lock, help, verify, settings)
and one page at a time below it.

Locking is by replacement (KeePassXC's DatabaseWidget::lock): the vault page and the session
are dropped, the vault is closed on the job thread, and a fresh unlock page takes their place.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.store import Vault
from ui.context import AppContext
from ui.help_page import HelpPage
from ui.jobs import ExportSummary
from ui.language import Translators
from ui.messages import role_name
from ui.safety import EscapeTwice, InactivityLock, window_title
from ui.session import VaultSession, Who
from ui.unlock import UnlockPage
from ui.vault_page import VaultPage
from ui.verify_view import VerifyView
from ui.widgets import button
from ui.workers import freeze_garbage, share_the_gil_quickly, warm_up_job

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    locked = Signal()  # the vault is closed and forgotten
    unlocked = Signal()
    quick_exited = Signal()

    def __init__(
        self,
        ctx: AppContext,
        translators: Translators | None = None,
        *,
        quit_on_quick_exit: bool = False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.translators = translators
        self.quit_on_quick_exit = quit_on_quick_exit
        self.session: VaultSession | None = None
        self._closing: list[VaultSession] = []  # locked, vault still being closed
        self.vault_page: VaultPage | None = None
        self.last_quick_exit_s: float | None = None
        app = QApplication.instance()
        assert app is not None
        self.inactivity = InactivityLock(app, ctx.lock_after_ms(), self)
        self.inactivity.timed_out.connect(self.lock)
        self.escape = EscapeTwice(app, self)
        self.escape.triggered.connect(self.quick_exit)
        # Made once (not per language): two of the same shortcut would cancel each other.
        # Ctrl+L is KeePassXC's lock key; F1 opens help.
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self._build()
        self.warmed_up = False
        share_the_gil_quickly()
        warm_up = warm_up_job(ctx.runner, self)
        warm_up.finished.connect(self._warmed_up)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 175, metrics.height() * 48)

    def _warmed_up(self) -> None:
        freeze_garbage()
        self.warmed_up = True

    # --- building (again, after a language change) --------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(window_title(self.ctx.settings))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar(central))
        line = QFrame(central)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status.setAccessibleName(self.tr("Session"))
        self.help_page = HelpPage(self.stack)
        self.help_page.back_requested.connect(self.show_home)
        self.verify_view = VerifyView(self.ctx, self.stack)
        self.verify_view.back_requested.connect(self.show_home)
        self.stack.addWidget(self.help_page)
        self.stack.addWidget(self.verify_view)
        self.unlock_page = self._new_unlock_page()
        if self.session is not None:
            self._show_vault_page()
        else:
            self.stack.setCurrentWidget(self.unlock_page)
        self._update_bar()

    def _top_bar(self, parent: QWidget) -> QWidget:
        bar = QWidget(parent)
        bar.setObjectName("topBar")
        bar.setAutoFillBackground(True)
        row = QHBoxLayout(bar)
        self.brand = QLabel(window_title(self.ctx.settings), bar)
        font = self.brand.font()
        font.setBold(True)
        self.brand.setFont(font)
        row.addWidget(self.brand)
        row.addStretch(1)
        self.help_button = button(
            self.tr("Help and support"), bar, tip=self.tr("Where to get help in Albania (F1)")
        )
        self.help_button.clicked.connect(self.show_help)
        self.verify_button = button(
            self.tr("Check a bundle"), bar, tip=self.tr("Check a bundle someone gave you")
        )
        self.verify_button.clicked.connect(self.show_verify)
        self.settings_button = button(self.tr("Settings"), bar)
        self.settings_button.clicked.connect(self.show_settings)
        self.lock_button = button(
            self.tr("Lock"), bar, tip=self.tr("Close the vault now; the passphrase opens it again")
        )
        self.lock_button.clicked.connect(self.lock)
        self.quick_exit_button = button(
            self.tr("Quick exit"),
            bar,
            tip=self.tr("Hide this window at once and lock the vault (or press Esc twice)"),
        )
        self.quick_exit_button.setObjectName("quickExit")
        # Stands out through the palette's own highlight colours, so a high-contrast theme
        # keeps its contrast; bold rather than red: noticeable, not alarming.
        self.quick_exit_button.setStyleSheet(
            "QPushButton#quickExit { background-color: palette(highlight); "
            "color: palette(highlighted-text); font-weight: bold; border-radius: 3px; "
            "padding: 4px 14px; }"
        )
        self.quick_exit_button.clicked.connect(self.quick_exit)
        for widget in (
            self.help_button,
            self.verify_button,
            self.settings_button,
            self.lock_button,
            self.quick_exit_button,
        ):
            row.addWidget(widget)
        return bar

    def _new_unlock_page(self) -> UnlockPage:
        page = UnlockPage(self.ctx, self.stack)
        page.unlocked.connect(self._on_unlocked)
        page.verify_requested.connect(self.show_verify)
        self.stack.addWidget(page)
        return page

    def retranslate(self) -> None:
        """After a language change: build every screen again, keeping the open session."""
        old = self.centralWidget()
        self.vault_page = None
        self._build()
        if old is not None:
            old.deleteLater()

    def apply_settings(self) -> None:
        self.setWindowTitle(window_title(self.ctx.settings))
        self.brand.setText(window_title(self.ctx.settings))
        self.inactivity.set_timeout(self.ctx.lock_after_ms())
        self.ctx.clipboard.clear_ms = self.ctx.settings.clipboard_clear_s * 1000

    # --- pages ------------------------------------------------------------------------------

    def show_home(self) -> None:
        if self.vault_page is not None:
            self.stack.setCurrentWidget(self.vault_page)
        else:
            self.stack.setCurrentWidget(self.unlock_page)

    def show_help(self) -> None:
        self.stack.setCurrentWidget(self.help_page)
        self.help_page.setFocus()

    def show_verify(self) -> None:
        self.stack.setCurrentWidget(self.verify_view)
        self.verify_view.setFocus()

    def verify_file(self, made: object) -> None:
        """Check a bundle just exported, trusting the vault's own certificate for it."""
        self.show_verify()
        if isinstance(made, ExportSummary):
            extra = [made.signer_certificate] if made.signer_certificate is not None else []
            self.verify_view.check(made.path, extra)
        else:
            self.verify_view.check(made)  # type: ignore[arg-type]

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.applied.connect(self._settings_applied)
        dialog.forget_requested.connect(self.forget_this_computer)
        dialog.restore_requested.connect(self.show_restore)
        dialog.open()
        self.settings_dialog = dialog

    def show_restore(self) -> None:
        """Restore a backup (issue 14), also while locked: into the app's own place if free."""
        from ui.backup_dialog import BackupDialog

        self.restore_dialog = BackupDialog(self.ctx, self.session, self)
        self.restore_dialog.restored.connect(self._restored)
        self.restore_dialog.open()

    def _restored(self, _path: object) -> None:
        if self.session is None:
            self.lock()  # a fresh unlock page, which finds the restored vault

    def forget_this_computer(self) -> None:
        """Lock, then remove the app's vaults and settings here (issue 14; ui/forget_dialog)."""
        from ui.forget_dialog import forget_job

        def start() -> None:
            self.forget = forget_job(self.ctx.runner, True, self)
            self.forget.succeeded.connect(self._forgotten)
            self.forget.failed.connect(self._forget_failed)

        if self.session is not None:
            self.locked.connect(start, Qt.ConnectionType.SingleShotConnection)
            self.lock()
        else:
            start()

    def _forgotten(self, _report: object) -> None:
        self.lock()  # a fresh unlock page, which finds no vault here any more
        self.status.setText(self.tr("EvidenceKit has forgotten this computer."))

    def _forget_failed(self, error: BaseException) -> None:
        from ui.messages import explain

        self.status.setText(explain(error).headline)

    def _settings_applied(self, language_changed: bool) -> None:
        if language_changed and self.translators is not None:
            self.translators.follow_setting(self.ctx.settings.language)
            self.retranslate()
        self.apply_settings()

    def _update_bar(self) -> None:
        open_ = self.session is not None
        self.lock_button.setEnabled(open_)
        if self.session is not None:
            who = self.session.who
            text = self.tr("Using the vault as: %1").replace("%1", role_name(who.role))
            if who.name:
                text += f" — {who.name}"
            self.status.setText(text)
        else:
            self.status.setText(self.tr("Locked"))

    # --- unlock and lock ------------------------------------------------------------------

    def _on_unlocked(self, vault: Vault, who: Who) -> None:
        self.session = VaultSession(self.ctx.runner, vault, who, self.ctx.tsa_urls(), self)
        self._show_vault_page()
        self.inactivity.activate()
        self._update_bar()
        self.unlocked.emit()
        # Items still waiting for a time-stamp get one now if we are online.
        self.session.retry_timestamps()

    def _show_vault_page(self) -> None:
        assert self.session is not None
        self.vault_page = VaultPage(self.ctx, self.session, self.stack)
        self.vault_page.verify_requested.connect(self.verify_file)
        self.stack.addWidget(self.vault_page)
        self.stack.setCurrentWidget(self.vault_page)

    def lock(self) -> None:
        """Drop the vault: close it on the job thread, replace its page with a fresh unlock."""
        self.ctx.clipboard.clear()
        self.inactivity.deactivate()
        session, self.session = self.session, None
        page, self.vault_page = self.vault_page, None
        fresh = self._new_unlock_page()
        old_unlock, self.unlock_page = self.unlock_page, fresh
        if self.stack.currentWidget() in (page, old_unlock) or page is not None:
            self.stack.setCurrentWidget(fresh)
        for old in (page, old_unlock):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self._update_bar()
        if session is None:
            return
        self._closing.append(session)
        session.closed.connect(self._on_closed)
        session.close()

    def _on_closed(self) -> None:
        done = [s for s in self._closing if not s.is_closing]
        self._closing = [s for s in self._closing if s.is_closing]
        for session in done:
            session.deleteLater()  # nothing of the closed session (who, consent) stays behind
        self.locked.emit()

    def quick_exit(self) -> None:
        """Hide at once, then lock and clear the clipboard; the app quits when asked to."""
        self.last_quick_exit_s = time.monotonic()
        self.hide()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                widget.hide()
        self.ctx.clipboard.clear()
        was_open = self.session is not None
        self.lock()
        self.quick_exited.emit()
        if self.quit_on_quick_exit:
            if was_open:
                self.locked.connect(QCoreApplication.quit, Qt.ConnectionType.QueuedConnection)
                QTimer.singleShot(10_000, QCoreApplication.quit)  # never hang hidden
            else:
                QTimer.singleShot(0, QCoreApplication.quit)

    def shutdown(self) -> None:
        """At exit: lock, and stop the job thread once the vault is closed."""
        self.escape.remove()
        self.inactivity.deactivate()
        if self.session is not None:
            self.lock()
        # Let the job thread close every vault still closing before it stops (bounded wait).
        deadline = time.monotonic() + 15
        for closing in list(self._closing):
            if not closing.is_closing:
                continue
            waiter = QEventLoop()
            closing.closed.connect(waiter.quit)
            QTimer.singleShot(max(1, int((deadline - time.monotonic()) * 1000)), waiter.quit)
            if closing.is_closing:
                waiter.exec()
        self.ctx.clipboard.clear()
        self.ctx.runner.stop()

    def showEvent(self, event: QShowEvent) -> None:
        self.escape.install()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A closed window must not react to keys or idle time any more.
        self.escape.remove()
        self.inactivity.deactivate()
        if self.session is not None:
            self.lock()
        self.ctx.clipboard.clear()
        super().closeEvent(event)

"""The open vault: cases on the side; the evidence, one item, the capture panel or the export
steps in the middle (one at a time, each with a way back)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ui.capture_panel import CapturePanel
from ui.cases_panel import CasesPanel
from ui.context import AppContext
from ui.export_wizard import ExportWizard
from ui.item_detail import ItemDetail
from ui.items_view import ItemsView
from ui.second_passphrase import SecondPassphraseDialog
from ui.session import VaultSession
from ui.widgets import button


class VaultPage(QWidget):
    verify_requested = Signal(object)  # a bundle just made: check it in the verify view

    def __init__(self, ctx: AppContext, session: VaultSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        self.cases = CasesPanel(session, split)
        split.addWidget(self.cases)
        self.center = QStackedWidget(split)
        split.addWidget(self.center)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        em = self.fontMetrics().averageCharWidth()
        split.setSizes([em * 28, em * 110])
        layout.addWidget(split)
        # Issue 14: a checked copy of the vault, and the clinic hand-over of one case.
        copies = QHBoxLayout()
        self.backup_button = button(self.tr("Backup…"), self)
        self.backup_button.clicked.connect(self.show_backup)
        self.handover_button = button(self.tr("Hand over a case…"), self)
        self.handover_button.clicked.connect(self.show_handover)
        copies.addWidget(self.backup_button)
        copies.addWidget(self.handover_button)
        # Issue 14 part 1: the same button in every vault, the second one too.
        self.second_button = button(
            self.tr("Second passphrase…"),
            self,
            tip=self.tr("A passphrase that opens a separate, harmless vault if you are forced."),
        )
        self.second_button.clicked.connect(self.ask_second_passphrase)
        copies.addWidget(self.second_button)
        copies.addStretch(1)
        self.second_dialog: SecondPassphraseDialog | None = None
        layout.addLayout(copies)

        self.items = ItemsView(session, self.center)
        self.detail = ItemDetail(ctx, session, self.center)
        self.capture = CapturePanel(ctx, session, self.center)
        self.export = ExportWizard(ctx, session, self.center)
        for page in (self.items, self.detail, self.capture, self.export):
            self.center.addWidget(page)

        self.cases.case_selected.connect(self._case_selected)
        self.items.open_item.connect(self.open_item)
        self.items.capture_requested.connect(self.show_capture)
        self.items.files_requested.connect(self.add_files)
        self.items.export_requested.connect(self.show_export)
        self.detail.back_requested.connect(self.show_list)
        self.capture.back_requested.connect(self.show_list)
        self.capture.open_item.connect(self.open_item)
        self.export.back_requested.connect(self.show_list)
        self.export.verify_requested.connect(self.verify_requested)
        self.center.currentChanged.connect(self._page_changed)
        self.items.reload()
        self.setTabOrder(self.cases, self.center)

    def _page_changed(self, _index: int) -> None:
        # Cases belong with the list; an item, a capture or an export gets the whole width.
        self.cases.setVisible(self.center.currentWidget() is self.items)

    def _case_selected(self, case: str | None) -> None:
        self.items.set_case(case)
        if self.center.currentWidget() is self.detail:
            self.show_list()

    def show_list(self) -> None:
        self.detail.viewer.blur_again()  # leaving an item always blurs it again
        self.center.setCurrentWidget(self.items)
        self.items.list.setFocus()

    def open_item(self, item_id: str) -> None:
        self.detail.show_item(item_id)
        self.center.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()

    def show_capture(self) -> None:
        self.capture.set_cases(self.cases.case_names(), self.cases.selected)
        self.center.setCurrentWidget(self.capture)
        self.capture.links.setFocus()

    def add_files(self, paths: list[Path]) -> None:
        self.capture.set_cases(self.cases.case_names(), self.cases.selected)
        self.center.setCurrentWidget(self.capture)
        self.capture.start_import(paths, self.cases.selected)

    def show_export(self) -> None:
        self.export.start(self.items.items, self.cases.selected)
        self.center.setCurrentWidget(self.export)

    def show_backup(self) -> None:
        from ui.backup_dialog import BackupDialog

        self.backup_dialog = BackupDialog(self.ctx, self.session, self)
        self.backup_dialog.open()

    def show_handover(self) -> None:
        from ui.handover_dialog import HandoverDialog

        names = self.cases.case_names()
        self.handover_dialog = HandoverDialog(
            self.ctx, self.session, names, self.cases.selected, self
        )
        self.handover_dialog.open()

    def ask_second_passphrase(self) -> None:
        """The dialog, not blocking (tests and screen readers reach its fields); once the
        second vault is made the window locks, so she can open either vault."""
        dialog = SecondPassphraseDialog(self.session, self)
        dialog.set_up.connect(self._lock_window)
        self.second_dialog = dialog
        dialog.open()

    def _lock_window(self) -> None:
        # The main window owns locking (MainWindow.lock); the page only asks for it.
        lock = getattr(self.window(), "lock", None)
        if callable(lock):
            lock()

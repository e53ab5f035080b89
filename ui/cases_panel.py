"""The list of cases on the side: all evidence, then each case; make one, rename one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.vault.records import CaseInfo
from ui.dialogs import Ask
from ui.hash_list_export import save_case_hashes, saved_words
from ui.session import VaultSession
from ui.widgets import MessagePanel, button, heading

ALL = "\x00all"  # the "All evidence" row (no case can have this name: it starts with NUL)


class CasesPanel(QWidget):
    case_selected = Signal(object)  # the case name, or None for all evidence

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._selected: str | None = None
        self._want: str | None = None  # made or renamed: select it when it appears
        self._cases: list[CaseInfo] = []
        self._job: object | None = None
        self._hash_job: object | None = None
        self._job_minor: object | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Cases"), self, scale=1.15))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Cases"))
        self.list.setAccessibleDescription(
            self.tr("Choose a case to see its evidence, or all evidence.")
        )
        self.list.currentItemChanged.connect(self._changed)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = button(self.tr("New case…"), self)
        self.new_button.clicked.connect(self._new_case)
        self.rename_button = button(self.tr("Rename…"), self)
        self.rename_button.clicked.connect(self._rename)
        row.addWidget(self.new_button)
        row.addWidget(self.rename_button)
        layout.addLayout(row)
        # Issue 14 part 2: the case's setting; every capture and import into it then keeps
        # pictures as hashes only (the core applies it, whatever the capture panel says).
        self.minor_safe = QCheckBox(
            self.tr("Someone in this case's pictures may be under 18"), self
        )
        self.minor_safe.setAccessibleName(
            self.tr("Someone in this case's pictures may be under 18")
        )
        self.minor_safe.setToolTip(
            self.tr(
                "Then every capture and import into this case keeps no picture or video, only "
                "its hashes, size and place. What is already in the case stays as it is."
            )
        )
        self.minor_safe.setEnabled(False)
        self.minor_safe.clicked.connect(self._set_minor_safe)
        layout.addWidget(self.minor_safe)
        # Issue 14: the case's picture hashes (never the pictures), for platform reports.
        self.hashes_button = button(
            self.tr("Picture hashes…"),
            self,
            tip=self.tr("Save the SHA-256, MD5 and PDQ hash of every picture of this case"),
        )
        self.hashes_button.setEnabled(False)
        self.hashes_button.clicked.connect(self._save_hashes)
        layout.addWidget(self.hashes_button)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        session.changed.connect(self.reload)
        self.reload()

    @property
    def selected(self) -> str | None:
        return self._selected

    def case_names(self) -> list[str]:
        return [c.name for c in self._cases]

    def reload(self) -> None:
        self._job = job = self._session.load_cases()
        job.succeeded.connect(self._loaded)

    def _loaded(self, cases: list[CaseInfo]) -> None:
        if self.sender() is not self._job or not self._session.is_open:
            return  # an older answer, or the vault was locked meanwhile
        self._cases = cases
        # A case just made or renamed is selected once it shows up in an answer.
        wanted = self._want or self._selected
        self.list.blockSignals(True)
        self.list.clear()
        total = QListWidgetItem(self.tr("All evidence"))
        total.setData(Qt.ItemDataRole.UserRole, ALL)
        self.list.addItem(total)
        current = total
        for case in cases:
            text = self.tr("%1 (%n item(s))", "", case.item_count).replace("%1", case.name)
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, case.name)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.list.addItem(row)
            if case.name == wanted:
                current = row
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        selected = None if current is total else str(current.data(Qt.ItemDataRole.UserRole))
        if self._want is not None and selected == self._want:
            self._want = None
        changed = selected != self._selected
        self._selected = selected
        self.rename_button.setEnabled(selected is not None)
        self.hashes_button.setEnabled(selected is not None)
        self._show_minor_safe()
        if changed:
            self.case_selected.emit(selected)

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        value = current.data(Qt.ItemDataRole.UserRole) if current is not None else ALL
        self._selected = None if value == ALL else str(value)
        self.rename_button.setEnabled(self._selected is not None)
        self.hashes_button.setEnabled(self._selected is not None)
        self._show_minor_safe()
        self.case_selected.emit(self._selected)

    def _show_minor_safe(self) -> None:
        case = next((c for c in self._cases if c.name == self._selected), None)
        self.minor_safe.setEnabled(case is not None)
        self.minor_safe.setChecked(case is not None and case.minor_safe)

    def is_minor_safe(self, name: str | None) -> bool:
        return any(c.name == name and c.minor_safe for c in self._cases)

    def _set_minor_safe(self, on: bool) -> None:
        name = self._selected
        if name is None:
            return
        if not on and not Ask.confirm(
            self,
            self.tr("Keep pictures again?"),
            self.tr(
                "New captures and imports into this case will keep pictures and videos again. "
                "Do this only if you are sure nobody in them is under 18."
            ),
            self.tr("Keep pictures again"),
            self.tr("Cancel"),
        ):
            self.minor_safe.setChecked(True)
            return
        session = self._session

        async def work(job: object) -> None:
            await session.call(session.vault.set_case_minor_safe, name, on)

        self._job_minor = job = session.run(work, "case-minor-safe")
        job.failed.connect(self.message.show_error)
        if on:
            self.message.show_text(
                self.tr(
                    "From now on, captures and imports into this case keep only the pictures' "
                    "hashes, never the pictures."
                )
            )

    def select(self, name: str | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            if (name is None and value == ALL) or value == name:
                self.list.setCurrentItem(item)
                return

    def _new_case(self) -> None:
        name = Ask.text(
            self,
            self.tr("New case"),
            self.tr("A name for the case (for example the site, or the person's name):"),
        )
        if not name or not name.strip():
            return
        self._want = name.strip()
        job = self._session.create_case(name.strip())
        job.failed.connect(self.message.show_error)

    def _rename(self) -> None:
        old = self._selected
        if old is None:
            return
        new = Ask.text(self, self.tr("Rename case"), self.tr("New name for the case:"), old)
        if not new or not new.strip() or new.strip() == old:
            return
        self._want = new.strip()
        job = self._session.rename_case(old, new.strip())
        job.failed.connect(self._rename_failed)

    def _save_hashes(self) -> None:
        if self._selected is None:
            return
        job = self._hash_job = save_case_hashes(self, self._session, self._selected)
        if job is None:
            return
        job.succeeded.connect(
            lambda result: self.message.show_text(saved_words(result[0], result[1]))
        )
        job.failed.connect(self.message.show_error)

    def _rename_failed(self, error: BaseException) -> None:
        self._want = None
        self.message.show_error(error)

"""Export for a lawyer, in four short steps: which items, blurred or not and with originals or
not, where to save (a USB stick is a normal answer), then a summary, progress and the result:
the bundle's place and its fingerprint to give the lawyer.

Nothing leaves the app without this explicit choice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidencekit.sync_folders import synced_folder
from evidencekit.vault.records import ItemRecord
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs import Ask
from ui.jobs import ExportSummary, export_job
from ui.messages import export_stage
from ui.session import VaultSession
from ui.widgets import Facts, MessagePanel, button, heading, paragraph
from ui.workers import Job

ID_ROLE = Qt.ItemDataRole.UserRole


class ExportWizard(QWidget):
    back_requested = Signal()
    verify_requested = Signal(object)  # the ExportSummary of the bundle just made
    exported = Signal(object)  # ExportSummary

    def __init__(self, ctx: AppContext, session: VaultSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._session = session
        self._job: Job | None = None
        self._case: str | None = None
        self._items: list[ItemRecord] = []
        self.result: ExportSummary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Back to the list"), self)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title = heading(self.tr("Export for a lawyer"), self, scale=1.3)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.step_label = QLabel(self)
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.message = MessagePanel(self)
        layout.addWidget(self.message)
        nav = QHBoxLayout()
        self.previous_button = button(self.tr("Previous step"), self)
        self.previous_button.clicked.connect(self.previous)
        self.next_button = button(self.tr("Next step"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        nav.addStretch(1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        for page in (
            self._items_page(),
            self._choices_page(),
            self._place_page(),
            self._summary_page(),
            self._result_page(),
        ):
            self.pages.addWidget(page)
        self._go(0)

    # --- the pages ----------------------------------------------------------------------------

    def _items_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Which items go into the bundle?"), page, scale=1.1))
        self.item_list = QListWidget(page)
        self.item_list.setAccessibleName(self.tr("Items to export"))
        self.item_list.itemChanged.connect(self._update_nav)
        layout.addWidget(self.item_list, 1)
        row = QHBoxLayout()
        self.all_button = button(self.tr("Choose all"), page)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = button(self.tr("Choose none"), page)
        self.none_button.clicked.connect(lambda: self._check_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _choices_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            heading(self.tr("How should pictures appear in the report?"), page, scale=1.1)
        )
        self.blur_yes = QRadioButton(self.tr("Blurred (recommended)"), page)
        self.blur_no = QRadioButton(self.tr("Not blurred"), page)
        self.blur_yes.setChecked(True)
        group = QButtonGroup(page)
        for radio in (self.blur_yes, self.blur_no):
            radio.setAccessibleName(radio.text())
            group.addButton(radio)
            layout.addWidget(radio)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Blurred pictures protect you when the report is printed or shown in court. "
                    "The lawyer can still open the original files, if you include them."
                ),
                page,
            )
        )
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(heading(self.tr("Include the original files?"), page, scale=1.1))
        self.originals = QCheckBox(
            self.tr("Include the original files (screenshots, page copies, videos)"), page
        )
        self.originals.setChecked(True)
        self.originals.setAccessibleName(self.originals.text())
        layout.addWidget(self.originals)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Without them the bundle is smaller and still proves what was captured (each "
                    "file's fingerprint is listed), but nobody can open the originals from it."
                ),
                page,
            )
        )
        layout.addStretch(1)
        return page

    def _place_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Where should the bundle be saved?"), page, scale=1.1))
        layout.addWidget(
            paragraph(
                self.tr(
                    "A USB stick is a good place: you can give it to the lawyer. The file is "
                    "written completely or not at all."
                ),
                page,
            )
        )
        row = QHBoxLayout()
        self.path = QLineEdit(page)
        self.path.setAccessibleName(self.tr("Where to save the bundle"))
        self.path.textChanged.connect(self._place_changed)
        row.addWidget(self.path, 1)
        self.choose_button = button(self.tr("Choose…"), page)
        self.choose_button.clicked.connect(self._choose_place)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.place_warning = paragraph("", page)
        layout.addWidget(self.place_warning)
        layout.addStretch(1)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Ready to export"), page, scale=1.1))
        self.summary = Facts(None, page)
        layout.addWidget(self.summary)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.progress_text = QLabel(page)
        layout.addWidget(self.progress_text)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("The bundle is ready"), page, scale=1.1))
        self.result_facts = Facts(self._ctx.clipboard, page)
        layout.addWidget(self.result_facts)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Give the fingerprint to the lawyer separately, for example read it out on the "
                    "phone or send it in another message. It lets them check that the file they "
                    "received is exactly the one you made."
                ),
                page,
            )
        )
        self.check_button = button(self.tr("Check this bundle now"), page)
        self.check_button.clicked.connect(self._check_now)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # --- flow ---------------------------------------------------------------------------------

    def start(self, items: list[ItemRecord], case: str | None) -> None:
        """Begin again with the items on screen, all chosen."""
        self.result = None
        self._case = case
        self._items = list(items)
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in sorted(items, key=lambda i: i.captured_at):
            row = QListWidgetItem(f"{fmt.title(item)} — {fmt.when(item.captured_at)}")
            row.setData(ID_ROLE, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            self.item_list.addItem(row)
        self.item_list.blockSignals(False)
        stamp = dt.datetime.now().strftime("%Y-%m-%d")
        name = f"evidence-{_safe(case)}-{stamp}.pdf" if case else f"evidence-{stamp}.pdf"
        self.path.setText(str(Path.home() / name))
        self.message.hide()
        self._go(0)

    def chosen_ids(self) -> list[str]:
        return [
            str(self.item_list.item(i).data(ID_ROLE))
            for i in range(self.item_list.count())
            if self.item_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.item_list.count()):
            self.item_list.item(i).setCheckState(state)

    def _go(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        steps = self.pages.count() - 1
        if index < steps:
            self.step_label.setText(
                self.tr("Step %1 of %2").replace("%1", str(index + 1)).replace("%2", str(steps))
            )
        else:
            self.step_label.setText(self.tr("Done"))
        if index == 3:
            self._fill_summary()
        self._update_nav()

    def _update_nav(self) -> None:
        index = self.pages.currentIndex()
        running = self._job is not None
        self.previous_button.setVisible(index < 4)
        self.previous_button.setEnabled(0 < index < 4 and not running)
        self.back_button.setEnabled(not running)
        if index == 3:
            self.next_button.setText(self.tr("Stop") if running else self.tr("Export"))
        elif index == 4:
            self.next_button.setText(self.tr("Back to the list"))
        else:
            self.next_button.setText(self.tr("Next step"))
        self.next_button.setAccessibleName(self.next_button.text())
        ok = True
        if index == 0:
            ok = bool(self.chosen_ids())
        elif index == 2:
            ok = bool(self.path.text().strip())
        self.next_button.setEnabled(ok)

    def previous(self) -> None:
        if self.pages.currentIndex() > 0:
            self._go(self.pages.currentIndex() - 1)

    def next(self) -> None:
        index = self.pages.currentIndex()
        if index == 3:
            if self._job is not None:
                self._job.cancel()
            else:
                self._export()
        elif index == 4:
            self.back_requested.emit()
        else:
            self._go(index + 1)

    def _place_changed(self) -> None:
        text = self.path.text().strip()
        service = synced_folder(Path(text)) if text else None
        self.place_warning.setText(
            self.tr("Note: this folder is copied to the internet by %1.").replace("%1", service)
            if service
            else ""
        )
        self._update_nav()

    def _choose_place(self) -> None:
        current = Path(self.path.text().strip() or str(Path.home() / "evidence.pdf"))
        chosen = Ask.save_file(
            self, self.tr("Save the bundle"), current, self.tr("PDF bundle (*.pdf)")
        )
        if chosen is not None:
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.path.setText(str(chosen))

    def _fill_summary(self) -> None:
        self.summary.clear()
        count = len(self.chosen_ids())
        self.summary.add(self.tr("Items"), self.tr("%n item(s)", "", count))
        self.summary.add(
            self.tr("Pictures in the report"),
            self.tr("Blurred") if self.blur_yes.isChecked() else self.tr("Not blurred"),
        )
        self.summary.add(
            self.tr("Original files"),
            self.tr("Included") if self.originals.isChecked() else self.tr("Not included"),
        )
        self.summary.add(self.tr("Saved as"), self.path.text().strip())
        hidden = [i for i in self._items if i.hidden and i.id in self.chosen_ids()]
        if hidden and not self.blur_yes.isChecked():
            self.summary.add(
                self.tr("Please note"),
                self.tr("Pictures you chose never to see stay blurred in the report."),
            )

    def _export(self) -> None:
        out = Path(self.path.text().strip()).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        if out.exists() and not Ask.confirm(
            self,
            self.tr("Replace the file?"),
            self.tr("A file with this name is already there. Replace it with the new bundle?"),
            self.tr("Replace"),
            self.tr("Keep it"),
        ):
            return
        self.message.hide()
        self.progress.show()
        self.progress_text.setText(self.tr("Making the bundle…"))
        self._job = export_job(
            self._session,
            self.chosen_ids(),
            out,
            blur=self.blur_yes.isChecked(),
            include_originals=self.originals.isChecked(),
            case=self._case,
        )
        self._job.progress.connect(self._progress)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.finished.connect(self._finished)
        self._update_nav()

    def _progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 3:
            stage, done, total = value
            self.progress.setRange(0, int(total) or 1)
            self.progress.setValue(int(done))
            self.progress_text.setText(export_stage(str(stage)) + "…")

    def _done(self, summary: ExportSummary) -> None:
        self.result = summary
        self.result_facts.clear()
        self.result_facts.add(self.tr("Saved at"), str(summary.path), copy=True)
        self.result_facts.add(
            self.tr("Fingerprint (SHA-256)"), summary.sha256, copy=True, mono=True
        )
        if summary.bundle_id:
            self.result_facts.add(self.tr("Bundle id"), summary.bundle_id, copy=True)
        if not summary.trusted_time:
            self.result_facts.add(
                self.tr("Time-stamp"),
                self.tr(
                    "No time-stamp server answered, so the bundle's signature has no trusted "
                    "time. Export again when this computer is online."
                ),
            )
        self.exported.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self.message.show_error(error)

    def _finished(self) -> None:
        self._job = None
        self.progress.hide()
        self.progress_text.clear()
        if self.result is not None:
            self._go(4)
        else:
            self._update_nav()

    def _check_now(self) -> None:
        if self.result is not None:
            # She made it with her own key, so she may trust that key for this check.
            self.verify_requested.emit(self.result)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "case"

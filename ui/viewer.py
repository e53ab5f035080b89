"""The screenshot of one item: blurred until she chooses to look, zoomable, scrollable.

Looking is always on purpose: press and hold (released: blurred again), or "Show picture" after
a content warning. The clear picture is loaded only then, and dropped when blurred again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from evidencekit.vault.records import ItemRecord
from ui.blur import picture_artifact
from ui.dialogs import Ask
from ui.placeholders import placeholder
from ui.session import VaultSession
from ui.widgets import button
from ui.workers import Job

BLURRED_WIDTH = 360  # the blurred picture is small; scaling it up only smooths it more
CLEAR_WIDTH = 1600


class _Canvas(QScrollArea):
    zoom_wheel = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_wheel.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)


class PictureViewer(QWidget):
    revealed_changed = Signal(bool)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._item: ItemRecord | None = None
        self._blurred: QPixmap | None = None
        self._clear: QPixmap | None = None
        self._want_clear = False
        self._jobs: dict[Job, bool] = {}
        self._zoom = 1.0  # relative to "fit width"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.hold_button = button(
            self.tr("Press and hold to look"),
            self,
            tip=self.tr("The picture shows while you hold the button, and blurs when you let go"),
        )
        self.hold_button.pressed.connect(self._hold)
        self.hold_button.released.connect(self.blur_again)
        self.show_button = button(self.tr("Show picture…"), self)
        self.show_button.clicked.connect(self.ask_reveal)
        self.blur_button = button(self.tr("Blur again"), self)
        self.blur_button.clicked.connect(self.blur_again)
        self.zoom_out = button(self.tr("Smaller"), self, tip=self.tr("Zoom out (Ctrl+wheel)"))
        self.zoom_out.clicked.connect(lambda: self.zoom_by(-1))
        self.zoom_fit = button(self.tr("Fit width"), self)
        self.zoom_fit.clicked.connect(self.fit)
        self.zoom_in = button(self.tr("Larger"), self, tip=self.tr("Zoom in (Ctrl+wheel)"))
        self.zoom_in.clicked.connect(lambda: self.zoom_by(1))
        for widget in (self.hold_button, self.show_button, self.blur_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.zoom_fit, self.zoom_in):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.canvas = _Canvas(self)
        self.canvas.setWidgetResizable(False)
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.canvas.zoom_wheel.connect(self.zoom_by)
        self.canvas.setAccessibleName(self.tr("Picture of the page"))
        self.picture = QLabel(self.canvas)
        self.picture.setScaledContents(True)  # scaled while painting: only what is visible
        self.picture.setAccessibleName(self.tr("Picture (blurred)"))
        self.canvas.setWidget(self.picture)
        layout.addWidget(self.canvas, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self._update_buttons()

    # --- which item ---------------------------------------------------------------------------

    def set_item(self, item: ItemRecord) -> None:
        changed = self._item is None or self._item.id != item.id or self._item.hidden != item.hidden
        self._item = item
        if not changed:
            return
        self._blurred = self._clear = None
        self._want_clear = False
        self._zoom = 1.0
        if item.hidden:
            self._show_placeholder(self.tr("You chose never to see this picture."))
        elif picture_artifact(item, full=True) is None:
            self._show_placeholder(
                self.tr("This item has no picture. Its files are listed under “Files”.")
            )
        else:
            self._show_placeholder(self.tr("Blurred"))
            self._load(reveal=False)
        self._update_buttons()

    @property
    def showing_clear(self) -> bool:
        return self._clear is not None and self._want_clear

    def _has_picture(self) -> bool:
        return (
            self._item is not None
            and not self._item.hidden
            and picture_artifact(self._item, full=True) is not None
        )

    def _load(self, *, reveal: bool) -> None:
        assert self._item is not None
        job = self._session.load_picture(
            self._item,
            reveal=reveal,
            width=CLEAR_WIDTH if reveal else BLURRED_WIDTH,
            height=None,
            full=True,
        )
        self._jobs[job] = reveal
        job.succeeded.connect(self._loaded)
        job.finished.connect(self._job_done)

    def _loaded(self, image: object) -> None:
        reveal = self._jobs.get(self.sender())  # type: ignore[call-overload]
        if reveal is None or image is None:
            return
        pixmap = QPixmap.fromImage(image)  # type: ignore[arg-type]
        if reveal:
            if not self._want_clear:
                return  # let go before it arrived
            self._clear = pixmap
        else:
            self._blurred = pixmap
        self._render()

    def _job_done(self) -> None:
        self._jobs.pop(self.sender(), None)  # type: ignore[call-overload]

    # --- looking ------------------------------------------------------------------------------

    def _hold(self) -> None:
        if self._has_picture():
            self._reveal()

    def ask_reveal(self) -> None:
        if not self._has_picture():
            return
        if Ask.confirm(
            self,
            self.tr("Content warning"),
            self.tr(
                "This picture may show intimate or hurtful content. You do not have to look at "
                "it: the evidence is kept safe either way. You can also ask someone you trust "
                "to look for you. Show it now?"
            ),
            self.tr("Show it"),
            self.tr("Keep it blurred"),
        ):
            self._reveal()

    def _reveal(self) -> None:
        self._want_clear = True
        self._load(reveal=True)
        self._update_buttons()

    def blur_again(self) -> None:
        self._want_clear = False
        self._clear = None  # the clear pixels leave memory
        self._render()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._has_picture()
        self.hold_button.setEnabled(has)
        self.show_button.setEnabled(has and not self._want_clear)
        self.blur_button.setEnabled(has and self._want_clear)
        for widget in (self.zoom_in, self.zoom_out, self.zoom_fit):
            widget.setEnabled(has)
        self.revealed_changed.emit(self._want_clear)

    # --- drawing ------------------------------------------------------------------------------

    def _show_placeholder(self, text: str) -> None:
        viewport = self.canvas.viewport().size()
        size = QSize(max(viewport.width() - 8, 240), max(viewport.height() - 8, 160))
        self.picture.setPixmap(placeholder(size, text))
        self.picture.resize(size)
        self.picture.setAccessibleName(text)
        self.note.clear()

    def _render(self) -> None:
        pixmap = self._clear if (self._want_clear and self._clear is not None) else self._blurred
        if pixmap is None:
            return
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(
            self.tr("Picture (shown)") if pixmap is self._clear else self.tr("Picture (blurred)")
        )
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        pixmap = self.picture.pixmap()
        if pixmap is None or pixmap.isNull():
            return
        room = self.canvas.maximumViewportSize()
        fit = room.width()
        if pixmap.height() * fit / max(pixmap.width(), 1) > room.height():
            fit -= self.canvas.verticalScrollBar().sizeHint().width()  # a tall page scrolls
        width = max(int(fit * self._zoom), 50)
        height = int(pixmap.height() * width / max(pixmap.width(), 1))
        self.picture.resize(width, height)

    def zoom_by(self, steps: int) -> None:
        self._zoom = min(4.0, max(0.25, self._zoom * (1.25**steps)))
        self._apply_zoom()

    def fit(self) -> None:
        self._zoom = 1.0
        self._apply_zoom()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._blurred is not None or self._clear is not None:
            self._apply_zoom()

"""Small widgets every screen uses: an in-window message panel (never a pop-up), headings,
copy buttons that go through the clipboard guard, and read-only fact rows.

Colours come from the palette (so high-contrast themes apply); sizes from the system font
(relative, never fixed pixels), so a larger system font makes everything larger.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evidencekit.errors import EvidenceKitError
from ui.messages import Explanation, explain
from ui.safety import ClipboardGuard

translate = QCoreApplication.translate


def heading(text: str, parent: QWidget | None = None, *, scale: float = 1.35) -> QLabel:
    """A bold label sized relative to the system font."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def paragraph(text: str, parent: QWidget | None = None, *, selectable: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def button(text: str, parent: QWidget | None = None, *, tip: str = "") -> QPushButton:
    """A push button with its accessible name set (and a description when there is a tip)."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(text.replace("&", ""))
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
    return widget


class MessagePanel(QFrame):
    """A calm message inside the window: headline, what to try, and copyable details."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messagePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        top.addWidget(self.headline, 1)
        self.close_button = button(translate("Widgets", "Close this message"), self)
        self.close_button.setText(translate("Widgets", "OK"))
        self.close_button.clicked.connect(self.dismiss)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.advice)
        self.details_button = button(translate("Widgets", "Show details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(translate("Widgets", "Details for someone helping you"))
        self.details.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.details.hide()
        layout.addWidget(self.details)
        self.hide()

    def show_error(self, error: BaseException) -> Explanation:
        explanation = explain(error)
        # Details help someone who helps her; for a plain, expected failure (a wrong
        # passphrase) they would only be noise in another language.
        helpful = getattr(error, "detail", None) or not isinstance(error, EvidenceKitError)
        details = explanation.details if helpful else ""
        self.show_text(explanation.headline, explanation.advice, details)
        return explanation

    def show_text(self, headline: str, advice: str = "", details: str = "") -> None:
        self.headline.setText(headline)
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        self.details.setPlainText(details)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(details))
        self.setAccessibleName(headline)
        self.setAccessibleDescription(advice)
        self._tint()
        self.show()

    def _tint(self) -> None:
        # A soft mix of the window colour and the highlight colour: visible, never alarming,
        # and derived from the palette so a high-contrast theme stays high-contrast.
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        mixed = base.toRgb()
        mixed.setRgbF(
            base.redF() * 0.85 + accent.redF() * 0.15,
            base.greenF() * 0.85 + accent.greenF() * 0.15,
            base.blueF() * 0.85 + accent.blueF() * 0.15,
        )
        palette.setColor(QPalette.ColorRole.Window, mixed)
        self.setPalette(palette)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(
            translate("Widgets", "Hide details") if shown else translate("Widgets", "Show details")
        )

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    @property
    def text(self) -> str:
        return self.headline.text() + "\n" + self.advice.text()


class CopyButton(QPushButton):
    """Copies a value through the clipboard guard (cleared again after a short time)."""

    def __init__(self, guard: ClipboardGuard, what: str, parent: QWidget | None = None):
        super().__init__(translate("Widgets", "Copy"), parent)
        self._guard = guard
        self.value = ""
        self.setAccessibleName(translate("Widgets", "Copy %1").replace("%1", what))
        self.setToolTip(
            translate(
                "Widgets", "Copies %1. It is cleared from the clipboard after a short time."
            ).replace("%1", what)
        )
        self.clicked.connect(self._copy)

    def _copy(self) -> None:
        if self.value:
            self._guard.copy(self.value)


class Facts(QWidget):
    """Rows of "label: value", values selectable; optional copy buttons."""

    def __init__(self, guard: ClipboardGuard | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._guard = guard
        self._form = QFormLayout(self)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setContentsMargins(0, 0, 0, 0)

    def clear(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)

    def add(self, label: str, value: str, *, copy: bool = False, mono: bool = False) -> QLabel:
        shown = QLabel(self)
        # Values come from the file being checked (a bundle id, a file name): a QLabel would
        # render one that starts like a tag as HTML (a forged big green "VALID").
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setText(value or "—")
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAccessibleName(f"{label}: {value}")
        if mono:
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setPointSizeF(shown.font().pointSizeF())
            shown.setFont(font)
            # Hashes have no spaces: let them break anywhere rather than widen the window.
            shown.setText(_breakable(value) if value else "—")
        title = QLabel(label + ":", self)
        title.setBuddy(shown)
        if copy and self._guard is not None and value:
            row = QWidget(self)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(shown, 1)
            copier = CopyButton(self._guard, label, row)
            copier.value = value
            box.addWidget(copier, 0, Qt.AlignmentFlag.AlignTop)
            self._form.addRow(title, row)
        else:
            self._form.addRow(title, shown)
        return shown


def _breakable(text: str) -> str:
    # A zero-width space every 16 characters lets QLabel wrap a 64-character digest.
    return "\u200b".join(text[i : i + 16] for i in range(0, len(text), 16))

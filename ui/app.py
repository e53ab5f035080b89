"""Start the desktop app.

A placeholder window until the GUI issue lands; it already follows the app's rules: a neutral
title, no sounds, no notifications.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


class PlaceholderWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("EvidenceKit")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        text = QLabel(
            self.tr(
                "EvidenceKit keeps evidence of online abuse safe and ready for court.\n\n"
                "The full window is on its way. For now, use the 'evidencekit' command."
            ),
            body,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("About EvidenceKit"))
        layout.addWidget(text)
        self.setCentralWidget(body)
        self.resize(640, 360)


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("EvidenceKit")
    window = PlaceholderWindow()
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())

"""GUI tests run offscreen unless --onscreen is given (Dangerzone's habit)."""

from __future__ import annotations

import os


def pytest_configure(config: object) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

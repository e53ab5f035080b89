"""The browser side of EvidenceKit: load a web page once in Chromium and take every artifact
(screenshots, DOM, MHTML, WARC, media, text, metadata) from that load, in memory.

The names below are loaded when first used (PEP 562), so `capture.browser` can start Chromium
before the rest of the capture code is imported (issue 15: import time is on the critical path
of a short page).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidencekit.capture.batch import CaptureOutcome, capture_many
    from evidencekit.capture.browser import find_browser, launch_browser
    from evidencekit.capture.engine import capture_page, capture_page_sync
    from evidencekit.capture.result import Artifact, CaptureSettings, PageCapture
    from evidencekit.capture.urls import PreparedUrl, prepare_url, validate_url

_WHERE = {
    "CaptureOutcome": "batch",
    "capture_many": "batch",
    "find_browser": "browser",
    "launch_browser": "browser",
    "capture_page": "engine",
    "capture_page_sync": "engine",
    "Artifact": "result",
    "CaptureSettings": "result",
    "PageCapture": "result",
    "PreparedUrl": "urls",
    "prepare_url": "urls",
    "validate_url": "urls",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "Artifact",
    "CaptureOutcome",
    "CaptureSettings",
    "PageCapture",
    "PreparedUrl",
    "capture_many",
    "capture_page",
    "capture_page_sync",
    "find_browser",
    "launch_browser",
    "prepare_url",
    "validate_url",
]

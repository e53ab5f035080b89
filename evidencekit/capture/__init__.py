"""The browser side of EvidenceKit: load a web page once in Chromium and take every artifact
(screenshots, DOM, MHTML, WARC, media, text, metadata) from that load, in memory.
"""

from evidencekit.capture.batch import CaptureOutcome, capture_many
from evidencekit.capture.browser import find_browser, launch_browser
from evidencekit.capture.engine import capture_page, capture_page_sync
from evidencekit.capture.result import Artifact, CaptureSettings, PageCapture
from evidencekit.capture.urls import PreparedUrl, prepare_url, validate_url

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

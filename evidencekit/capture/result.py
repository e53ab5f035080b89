"""What a capture is asked to do (`CaptureSettings`) and what it hands back (`PageCapture`).

Everything here is plain data held in memory: the caller (the vault) decides where bytes go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Artifact:
    """One file of a capture, e.g. ``screenshot.png`` or ``media/photo.jpg``."""

    name: str
    media_type: str
    data: bytes = field(repr=False)

    @cached_property
    def sha256(self) -> str:
        """Lower-case hex SHA-256 of `data`."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class PageCapture:
    """Everything one page load produced, ready to be sealed and stored."""

    requested_url: str
    final_url: str
    status: int | None
    title: str
    text: str = field(repr=False)
    started_at: dt.datetime
    ended_at: dt.datetime
    artifacts: list[Artifact] = field(repr=False)
    metadata: dict[str, Any] = field(repr=False)
    warnings: list[str]

    def artifact(self, name: str) -> Artifact:
        """The artifact called `name`; KeyError if the capture has none by that name."""
        for item in self.artifacts:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [item.name for item in self.artifacts]


@dataclass(frozen=True)
class LoggedInSession:
    """A saved login a capture uses (issue 12): held in memory only, never recorded whole.

    `storage_json` is Playwright's storage state (cookies and local storage) as read from the
    vault; only `facts()` (no secrets) goes into the capture's metadata."""

    session_id: str
    site: str
    account: str = ""
    account_source: str = ""
    consent_note: str = ""
    storage_json: str = field(default="", repr=False, compare=False)

    def facts(self) -> dict[str, Any]:
        return {
            "logged_in": True,
            "session_id": self.session_id,
            "site": self.site,
            "account_as_shown": self.account or None,
            "account_source": self.account_source or None,
            "consent_note": self.consent_note or None,
        }


@dataclass(frozen=True)
class CaptureSettings:
    """How a page is captured. Every value is recorded in the capture's metadata."""

    viewport: tuple[int, int] = (1280, 900)
    """Browser window size in CSS pixels (width, height)."""

    device_scale_factor: float = 1
    """Device pixels per CSS pixel (2 gives screenshots twice as wide and tall)."""

    locale: str = "en-US"
    """Browser language (navigator.language and the Accept-Language header)."""

    timeout_s: float = 90
    """Hard limit for the whole capture; past it the capture stops and saves nothing."""

    load_cap_s: float = 15
    """How long to wait for the page's load event before carrying on with what arrived."""

    max_scroll_height_px: int = 60_000
    """Stop scrolling (and cut the screenshot) this far down an endless page."""

    max_scroll_time_s: float = 30
    """Stop scrolling after this long, however far down the page is."""

    network_idle_cap_s: float = 5
    """How long to wait for the network to go quiet after scrolling."""

    icon_max_px: int = 32
    """An image whose sides are all at most this many pixels, both as the file is (natural
    size) and as the page shows it (rendered size), is an icon: listed, not saved. So is a
    1x1 tracker. Everything else the page shows is saved, however few bytes it has."""

    max_media_bytes: int = 512 * 1024 * 1024
    """A media file larger than this is listed in metadata but not saved (memory bound)."""

    hide_overlays: bool = True
    """Hide recognised cookie/consent/login overlays in ``screenshot.png`` (never clicked)."""

    browser_path: str | None = None
    """A Chromium, Chrome or Edge program to use instead of the one found automatically."""

    browser_args: tuple[str, ...] = ()
    """Extra Chromium command-line flags (e.g. ``--proxy-server=...``), used at launch."""

    operator_name: str = ""
    """Who made the capture (may be empty)."""

    operator_role: str = ""
    """Their role, e.g. "victim" or "support worker" (may be empty)."""

    user_agent: str | None = None
    """User-Agent to send; None keeps the browser's own."""

    keep_share_parameters: bool = False
    """Keep share-tracking parameters (``igsh``, ``si``, ``_t``…) in the address; by default
    they are removed before the page is opened (they identify who shared the link)."""

    minor_safe: bool = False
    """Someone in the pictures may be under 18 (issue 14): no picture or video bytes are kept
    anywhere; pictures are covered before every screenshot, only their hashes, sizes and places
    are recorded (`capture/minor_safe.py`)."""

    session: LoggedInSession | None = field(default=None, repr=False)
    """Capture logged in with this saved login (issue 12); None captures logged out. While
    logged in, every request that could change something on the site (any method but GET
    and HEAD) is blocked and recorded."""

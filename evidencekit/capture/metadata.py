"""Assemble ``metadata.json``: everything on the EVIDENCE.md checklist for one web capture.

All values are JSON that canonicalises (no floats: non-integers are strings).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import itertools
import json
import os
import platform
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from playwright.async_api import Browser

from evidencekit import build_info
from evidencekit.capture.browser import launch_details
from evidencekit.capture.guards import PageGuards
from evidencekit.capture.journal import Journal
from evidencekit.capture.jsonsafe import json_safe
from evidencekit.capture.media import MediaResult
from evidencekit.capture.overlays import Overlay
from evidencekit.capture.result import CaptureSettings
from evidencekit.capture.screenshot import ShotInfo
from evidencekit.capture.settle import ScrollReport
from evidencekit.capture.traffic import Exchange, TrafficRecorder
from evidencekit.clock import iso_z_ms

SCHEMA = "evidencekit.capture.metadata/1"
CLOCK_SOURCE = "system clock"


def app_version() -> str:
    package = importlib.import_module("evidencekit")
    return str(getattr(package, "__version__", "0.1.0"))


def package_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def local_zone(moment: dt.datetime) -> dict[str, Any]:
    """The computer's time zone at `moment`: abbreviation, UTC offset, IANA name if known."""
    local = moment.astimezone()
    offset = local.strftime("%z")
    name = os.environ.get("TZ") or None
    if name is None:
        try:
            target = os.readlink("/etc/localtime")
            name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else None
        except (OSError, IndexError):
            name = None
    return {
        "abbreviation": local.tzname(),
        "utc_offset": f"{offset[:3]}:{offset[3:]}" if offset else None,
        "name": name,
    }


def redirect_chain(documents: list[Exchange]) -> tuple[list[dict[str, Any]], Exchange | None]:
    """Each hop of the main-frame loads (HTTP redirects and page-made navigations), and the
    exchange that delivered the captured document."""
    answered = [ex for ex in documents if ex.status is not None]
    hops: list[dict[str, Any]] = []
    for current, following in itertools.pairwise(answered):
        location = current.header("location")
        if following.redirect_from == current.seq and location is not None:
            hops.append(
                {
                    "kind": "http",
                    "status": current.status,
                    "from": current.url,
                    "to": urljoin(current.url, location),
                }
            )
        else:
            hops.append(
                {"kind": "page", "status": current.status, "from": current.url, "to": following.url}
            )
    return hops, (answered[-1] if answered else None)


def settings_json(settings: CaptureSettings) -> dict[str, Any]:
    width, height = settings.viewport
    return {
        "viewport": {"width": width, "height": height},
        "device_scale_factor": settings.device_scale_factor,
        "locale": settings.locale,
        "timeout_s": settings.timeout_s,
        "load_cap_s": settings.load_cap_s,
        "max_scroll_height_px": settings.max_scroll_height_px,
        "max_scroll_time_s": settings.max_scroll_time_s,
        "network_idle_cap_s": settings.network_idle_cap_s,
        "icon_max_px": settings.icon_max_px,
        "keep_share_parameters": settings.keep_share_parameters,
        "max_media_bytes": settings.max_media_bytes,
        "hide_overlays": settings.hide_overlays,
        "minor_safe": settings.minor_safe,
        "user_agent_override": settings.user_agent,
        "headless": True,
        "javascript": True,
        "ignore_https_errors": True,
        "service_workers": "blocked",
        "downloads": "refused",
        "fresh_browser_context": True,
    }


@dataclass(frozen=True)
class CaptureFacts:
    """Everything a capture learned, handed to `build_metadata`."""

    requested_url: str
    final_url: str
    address_at_end: str
    settings: CaptureSettings
    journal: Journal
    ended_at: dt.datetime
    redirects: list[dict[str, Any]]
    main: Exchange | None
    page: dict[str, Any]
    tls: dict[str, Any] | None
    browser: dict[str, Any]
    user_agent: str
    guards: PageGuards
    scroll: ScrollReport
    shot: ShotInfo
    overlays: list[Overlay]
    media: MediaResult
    traffic: TrafficRecorder
    login_wall: list[str]
    broken_images: list[str]
    link_as_pasted: dict[str, Any]
    glyphs: dict[str, Any]
    #: What the platform's page means (`capture.platforms`), and the completeness score.
    platform_facts: dict[str, Any] | None = None
    completeness: dict[str, Any] | None = None
    #: Each stage's start and end so far (`capture.timings`): what the tool did, and when.
    timings: dict[str, Any] | None = None


def build_metadata(f: CaptureFacts) -> dict[str, Any]:
    """The metadata dictionary (JSON-safe) of one capture."""
    main = f.main
    failed = [
        {"url": ex.url, "resource_type": ex.resource_type, "error": ex.failure}
        for ex in f.traffic.exchanges
        if ex.failure
    ]
    received = sum(len(ex.body) for ex in f.traffic.exchanges if ex.body and not ex.by_capture_tool)
    metadata = {
        "schema": SCHEMA,
        "requested_url": f.requested_url,
        "link_as_pasted": f.link_as_pasted,
        "final_url": f.final_url,
        "address_at_end": f.address_at_end,
        "redirects": f.redirects,
        "http": {
            "status": main.status if main else None,
            "status_text": main.status_text if main else None,
            "headers": [[n, v] for n, v in main.response_headers] if main else [],
            "server_ip": main.server_ip if main else None,
            "server_port": main.server_port if main else None,
        },
        "tls": f.tls,
        **f.page,
        "time": {
            "started_at_utc": iso_z_ms(f.journal.started_at),
            "ended_at_utc": iso_z_ms(f.ended_at),
            "duration_ms": f.journal.elapsed_ms(),
            "local_zone": local_zone(f.ended_at),
            "clock_source": CLOCK_SOURCE,
        },
        "tool": {
            "name": "EvidenceKit",
            "version": app_version(),
            **build_info.tool_facts(),
            "python": platform.python_version(),
            "playwright_version": package_version("playwright"),
            "warcio_version": package_version("warcio"),
            "os": platform.system(),
        },
        "browser": f.browser,
        "user_agent": f.user_agent,
        "language": f.settings.locale,
        "settings": settings_json(f.settings),
        "operator": {"name": f.settings.operator_name, "role": f.settings.operator_role},
        "logged_in": False,
        "session": None,
        "actions": f.journal.actions,
        "dialogs": f.guards.dialogs,
        "popups": f.guards.popups,
        "downloads": f.guards.downloads,
        "blocked_navigations": f.guards.blocked_navigations,
        "address_changes": f.guards.address_changes,
        "overlays_hidden": [o.as_json() for o in f.overlays],
        "consent_wall": {"detected": bool(f.overlays)},
        "login_wall": {"detected": bool(f.login_wall), "reasons": f.login_wall},
        "scroll": {
            "steps": f.scroll.steps,
            "reached_px": f.scroll.reached_px,
            "page_height_px": f.scroll.page_height_px,
            "cut": f.scroll.cut,
            "cut_reason": f.scroll.cut_reason,
            "duration_ms": f.scroll.duration_ms,
        },
        "screenshot": f.shot.as_json(),
        "viewport_screenshot": "viewport.png: the first window right after the load event, "
        "before scrolling, with any overlay as the page showed it",
        "media": f.media.saved,
        "media_not_saved": f.media.skipped,
        "broken_images": f.broken_images,
        "missing_glyphs": f.glyphs,
        "network": {
            "requests": sum(1 for ex in f.traffic.exchanges if not ex.by_capture_tool),
            "responses": sum(
                1 for ex in f.traffic.exchanges if ex.status is not None and not ex.by_capture_tool
            ),
            "bytes_received": received,
            "failed": failed,
            "unanswered": [
                ex.url
                for ex in f.traffic.exchanges
                if ex.status is None and not ex.failure and not ex.by_capture_tool
            ],
            "fetched_by_evidencekit": [ex.url for ex in f.traffic.exchanges if ex.by_capture_tool],
        },
        "platform_facts": f.platform_facts,
        "completeness": f.completeness,
        "timings": f.timings,
        "warnings": f.journal.warnings,
    }
    return dict(json_safe(metadata))


def metadata_bytes(metadata: dict[str, Any]) -> bytes:
    """``metadata.json``: sorted keys, indented, UTF-8 (the vault hashes its canonical form)."""
    return (json.dumps(metadata, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def browser_facts(browser: Browser) -> dict[str, Any]:
    details = launch_details(browser)
    facts: dict[str, Any] = {
        "engine": browser.browser_type.name,
        "version": browser.version,
        "headless": True,
    }
    if details is not None:
        facts.update(
            {
                "name": details.choice.name,
                "product": details.product,
                "found_by": details.choice.source,
                "sandboxed": details.sandboxed,
                "temp_files_in_ram": details.temp_in_ram,
                "extra_args": list(details.args),
                "started_at": details.started_at,
            }
        )
    return facts


def warcinfo(browser: Browser, user_agent: str, settings: CaptureSettings) -> dict[str, str]:
    details = launch_details(browser)
    name = details.choice.name if details else "Chromium"
    info = {
        "software": f"EvidenceKit/{app_version()} (Playwright {package_version('playwright')}; "
        f"warcio {package_version('warcio')})",
        "browser": f"{name} {browser.version} (headless)",
        "http-header-user-agent": user_agent,
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/"
        "warc-1.1/",
        "description": "Every request and response of one page load, as the browser received "
        "them. Bodies are stored decoded: original Content-Encoding and Transfer-Encoding "
        "headers are kept as X-EvidenceKit-Orig-*.",
    }
    if settings.operator_name:
        info["operator"] = settings.operator_name
    return info

"""Choose the reader for a page and run it: by the address's host first; for an address no
reader knows (an archived copy, a mirror, the test site), by the platform's own page
structure, and the record says so (``recognised_by: "page structure"``). Whatever a platform
reader leaves empty, the generic OpenGraph / JSON-LD reader may fill.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any
from urllib.parse import urljoin, urlsplit

from evidencekit.capture.platforms import (
    facebook,
    generic,
    instagram,
    telegram,
    tiktok,
    x,
    youtube,
)
from evidencekit.capture.platforms.record import JsonResponse, PageInput, PostRecord, read_safely

READERS: tuple[ModuleType, ...] = (tiktok, instagram, facebook, x, telegram, youtube)


def _host_matches(host: str, names: tuple[str, ...]) -> bool:
    return any(host == name or host.endswith("." + name) for name in names)


def choose(page: PageInput) -> tuple[ModuleType, str]:
    """(reader module, how it was recognised)."""
    for url in (page.final_url, page.url):
        host = (urlsplit(url).hostname or "").lower()
        for module in READERS:
            if _host_matches(host, module.HOSTS):
                return module, "address"
    head = page.html[:2_000_000]
    for module in READERS:
        if any(marker in head for marker in module.MARKERS):
            return module, "page structure"
        wanted = getattr(module, "RESPONSE_MARKERS", ())
        if any(marker in r.url for r in page.responses for marker in wanted):
            return module, "page structure"
    return generic, "address"


def _absolute(record: PostRecord, base: str) -> None:
    for entry in record.media:
        entry["url"] = urljoin(base, entry["url"])[:4000]


def read_page(page: PageInput) -> PostRecord:
    module, how = choose(page)
    platform = getattr(module, "__name__", "generic").rsplit(".", 1)[-1]
    record = read_safely(module.read, page, platform)
    record.recognised_by = how
    if module is not generic:
        try:
            generic.fill_from_page_facts(record, page)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            record.problems.append(f"the page's meta data could not be read ({error!r:.200})")
    _absolute(record, page.final_url or page.url)
    return record


def platform_facts(
    url: str,
    final_url: str,
    html: str,
    responses: list[JsonResponse] | None = None,
    facts: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The platform record (JSON) of one captured page."""
    return read_page(PageInput(url, final_url, html, responses or [], facts)).as_json()

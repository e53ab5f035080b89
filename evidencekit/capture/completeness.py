"""Completeness warnings that need the whole picture: error status, a page that says the post
is gone, a login wall, broken pictures, an untrusted certificate.
"""

from __future__ import annotations

import re

from evidencekit.capture.journal import Journal

_REMOVED_TEXT = re.compile(
    r"(this (post|tweet|page|video|photo|content|account) (was|has been|is) (removed|deleted|"
    r"unavailable|suspended|no longer available)|page not found|isn.t available|"
    r"no longer available|content unavailable)",
    re.IGNORECASE,
)


def add_completeness_warnings(
    journal: Journal,
    status: int | None,
    text: str,
    login: list[str],
    broken: list[str],
    tls_warnings: list[str],
) -> None:
    if status in (404, 410):
        journal.warn(
            f"The server answered {status} ({'Gone' if status == 410 else 'Not Found'}): "
            "the page says it was removed / not found."
        )
    elif status is not None and status >= 400:
        journal.warn(f"The server answered HTTP {status}: this may be an error page.")
    elif _REMOVED_TEXT.search(text[:50_000]):
        journal.warn("The page's text says the post was removed or is not available.")
    if login:
        journal.warn("The page seems to ask for a login (" + "; ".join(login) + ").")
    if broken:
        shown = ", ".join(broken[:5]) + (f" and {len(broken) - 5} more" if len(broken) > 5 else "")
        journal.warn(f"{len(broken)} pictures on the page failed to load: {shown}")
    for warning in tls_warnings:
        journal.warn(warning)

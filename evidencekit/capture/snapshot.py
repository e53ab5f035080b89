"""The page's content as text formats: the rendered DOM (``page.html``), a single-file MHTML
archive (``page.mhtml``, CDP ``Page.captureSnapshot``) and the visible text (``text.txt``).
"""

from __future__ import annotations

import logging

from playwright.async_api import CDPSession, Page

from evidencekit.capture.journal import Journal

log = logging.getLogger(__name__)

_TEXT_JS = "() => document.body ? document.body.innerText : ''"


async def rendered_html(page: Page, journal: Journal) -> bytes:
    """The DOM as it is now (after scripts ran), serialised with its doctype, UTF-8."""
    journal.doing("saving the page's HTML")
    return (await page.content()).encode("utf-8")


async def mhtml(cdp: CDPSession, journal: Journal) -> bytes:
    """An MHTML snapshot: HTML, CSS, images and frames (not video) in one file."""
    journal.doing("saving the MHTML snapshot")
    result = await cdp.send("Page.captureSnapshot", {"format": "mhtml"})
    # MHTML is a MIME document: its parts are 7-bit (quoted-printable/base64) text.
    return str(result["data"]).encode("utf-8")


async def visible_text(page: Page, journal: Journal) -> str:
    """The text a reader sees (``innerText`` of the body: hidden elements left out)."""
    journal.doing("saving the visible text")
    return str(await page.evaluate(_TEXT_JS))

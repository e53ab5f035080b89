"""The page's content as text formats: the rendered DOM (``page.html``), a single-file MHTML
archive (``page.mhtml``, CDP ``Page.captureSnapshot``) and the visible text (``text.txt``).
"""

from __future__ import annotations

import logging

from playwright.async_api import CDPSession, Page

from evidencekit.capture.journal import Journal
from evidencekit.capture.jsonsafe import repair_text

log = logging.getLogger(__name__)

_TEXT_JS = "() => document.body ? document.body.innerText : ''"


async def rendered_html(page: Page, journal: Journal) -> bytes:
    """The DOM as it is now (after scripts ran), serialised with its doctype, UTF-8."""
    journal.doing("saving the page's HTML")
    return utf8(await page.content(), journal, "page.html")


async def mhtml(cdp: CDPSession, journal: Journal) -> bytes:
    """An MHTML snapshot: HTML, CSS, images and frames (not video) in one file."""
    journal.doing("saving the MHTML snapshot")
    result = await cdp.send("Page.captureSnapshot", {"format": "mhtml"})
    # MHTML is a MIME document: its parts are 7-bit (quoted-printable/base64) text.
    return utf8(str(result["data"]), journal, "page.mhtml")


async def visible_text(page: Page, journal: Journal) -> str:
    """The text a reader sees (``innerText`` of the body: hidden elements left out)."""
    journal.doing("saving the visible text")
    text, count = repair_text(str(await page.evaluate(_TEXT_JS)))
    if count:
        _note_repair(journal, "text.txt", count)
    return text


def utf8(text: str, journal: Journal, name: str) -> bytes:
    """UTF-8 bytes of page text; broken characters are replaced and the change recorded."""
    repaired, count = repair_text(text)
    if count:
        _note_repair(journal, name, count)
    return repaired.encode("utf-8")


def _note_repair(journal: Journal, name: str, count: int) -> None:
    detail = (
        f"{count} broken character(s) (unpaired UTF-16 surrogates) in {name} were replaced by "
        "U+FFFD so the file is valid UTF-8; the bytes the server sent are unchanged in "
        "traffic.warc.gz"
    )
    journal.act("text-repaired", detail, artifact=name, count=count)
    journal.warn(detail)

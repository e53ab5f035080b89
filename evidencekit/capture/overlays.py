"""Recognise what stands between the reader and the post: cookie/consent overlays (hidden for
the full-page screenshot only, never clicked) and login walls (reported, not bypassed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from playwright.async_api import Page

from evidencekit.capture.journal import Journal

log = logging.getLogger(__name__)

#: Fixed/sticky elements are overlays when their id/class/label (or short text) speak of
#: cookies or consent, or when they are dialogs covering > 30 % of the window. An element
#: holding most of the page's text is never taken for an overlay (app shells are fixed too).
_FIND_JS = """() => {
  const words = new RegExp('cookie|consent|gdpr|privacy.?(choices|settings|preferences)|'
    + 'onetrust|didomi|cookiebot|usercentrics|quantcast|\\bcmp\\b|truste', 'i');
  const textWords = /cookie|consent|gdpr|accept all/i;
  const vw = innerWidth, vh = innerHeight;
  const bodyText = document.body ? document.body.innerText.length : 0;
  const path = (el) => {
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1)
      return '#' + CSS.escape(el.id);
    const parent = el.parentElement;
    if (!parent) return el.tagName.toLowerCase();
    const same = [...parent.children].filter((c) => c.tagName === el.tagName);
    const nth = same.length > 1 ? `:nth-of-type(${same.indexOf(el) + 1})` : '';
    return path(parent) + ' > ' + el.tagName.toLowerCase() + nth;
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (found.some((f) => f.el.contains(el))) continue;
    const cs = getComputedStyle(el);
    if (cs.position !== 'fixed' && cs.position !== 'sticky') continue;
    if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    const cover = (w * h) / (vw * vh);
    if (cover <= 0) continue;
    const text = (el.innerText || '').trim();
    if (bodyText > 2000 && text.length > bodyText / 2) continue;
    const label = [el.id, el.getAttribute('class'), el.getAttribute('aria-label'),
                   el.getAttribute('aria-labelledby')].join(' ');
    const role = el.getAttribute('role') || '';
    const modal = el.getAttribute('aria-modal') === 'true' || /dialog/.test(role)
                  || el.tagName === 'DIALOG';
    let reason = null;
    if (words.test(label)) reason = 'consent words in its id/class/label';
    else if (text.length < 1500 && textWords.test(text)) reason = 'consent words in its text';
    else if (modal && cover > 0.3) reason = 'a dialog covering much of the window';
    if (reason) found.push({el, selector: path(el), text: text.slice(0, 200), reason,
                            cover_percent: Math.round(cover * 100)});
  }
  const lock = [document.documentElement, document.body].some(
    (el) => el && getComputedStyle(el).overflowY === 'hidden');
  return {overlays: found.map(({el, ...rest}) => rest), scroll_locked: lock};
}"""

_LOGIN_JS = """() => {
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const reasons = [];
  if ([...document.querySelectorAll('input[type=password]')].some(visible))
    reasons.push('a password field is shown');
  const text = document.body ? document.body.innerText.slice(0, 20000) : '';
  const ask = new RegExp('(log ?in|sign ?in|sign up|create an account)[^.\\n]{0,40}'
    + '(to (see|view|continue|read|watch)|to see more|continue)', 'i');
  const m = text.match(ask);
  if (m) reasons.push('the page asks to log in: "' + m[0].slice(0, 80) + '"');
  if (/\\/(login|signin|sign_in|sign-in|accounts\\/login|auth)(\\/|\\?|$)/i.test(location.pathname))
    reasons.push('the address is a login page');
  return reasons;
}"""


@dataclass(frozen=True)
class Overlay:
    """One element hidden for the full-page screenshot."""

    selector: str
    text: str
    reason: str
    cover_percent: int

    def as_json(self) -> dict[str, Any]:
        return {
            "selector": self.selector,
            "text_excerpt": self.text,
            "reason": self.reason,
            "covered_percent_of_window": self.cover_percent,
            "hidden_in": ["screenshot.png"],
        }


async def find_overlays(page: Page, journal: Journal) -> tuple[list[Overlay], bool]:
    """Overlays covering content now, and whether the page locked scrolling."""
    journal.doing("looking for cookie and consent overlays")
    found = await page.evaluate(_FIND_JS)
    overlays = [
        Overlay(str(o["selector"]), str(o["text"]), str(o["reason"]), int(o["cover_percent"]))
        for o in found["overlays"]
    ]
    return overlays, bool(found["scroll_locked"])


def hiding_css(overlays: list[Overlay]) -> str | None:
    """CSS that hides `overlays` during a screenshot (Playwright's `style=`), or None."""
    if not overlays:
        return None
    targets = ", ".join(f"{o.selector}, {o.selector} *" for o in overlays)
    return f"{targets} {{ visibility: hidden !important; }}"


def record_overlays(overlays: list[Overlay], scroll_locked: bool, journal: Journal) -> None:
    for overlay in overlays:
        journal.act(
            "overlay-hidden",
            f"hid {overlay.selector} ({overlay.reason}, {overlay.cover_percent}% of the window) "
            f'in screenshot.png only; it was not clicked. Its text: "{overlay.text[:120]}"',
        )
    if overlays:
        journal.warn(
            "A cookie/consent or similar overlay covered the page. It was hidden in "
            "screenshot.png only (never clicked); viewport.png, page.html and page.mhtml "
            "keep the page as it showed itself."
        )
        if scroll_locked:
            journal.act("scroll-locked", "the page had switched off scrolling (overflow hidden)")


async def detect_login_wall(page: Page) -> list[str]:
    """Reasons to think the page shows a login wall instead of the post (empty if none)."""
    return [str(reason) for reason in await page.evaluate(_LOGIN_JS)]

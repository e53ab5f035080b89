"""Text the screenshot shows as boxes: characters this computer has no font for.

The screenshot is evidence of what the page showed, not of the capturing machine's fonts; a
Chinese post rendered as a row of boxes ("tofu") must never pass silently. In every frame, the
distinct characters of the visible text (bounded) are drawn on a canvas in their element's
font and compared with a code point that surely has no glyph (U+10FFFF): identical pixels and
width mean the browser drew its "missing glyph" box. They are grouped by writing system and
reported as a completeness warning.

Verified in headless Chromium: a character no installed font covers renders exactly like
U+10FFFF (the primary font's .notdef box), while every covered one differs.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from evidencekit.capture.journal import Journal

log = logging.getLogger(__name__)

MAX_TEXT_NODES = 20_000
MAX_PAIRS = 6_000
"""Distinct (font, character) pairs tested per frame: bounds the work on huge pages."""

_GLYPHS_JS = r"""([maxNodes, maxPairs]) => {
  if (!document.body) return {missing: [], tested: 0, cut: false};
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);
  const ignorable = /[\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{M}]/u;
  const byFont = new Map();
  let pairs = 0, nodes = 0, cut = false;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++nodes > maxNodes) { cut = true; break; }
    const el = node.parentElement;
    if (!el || skip.has(el.tagName) || !node.data.trim()) continue;
    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true})) continue;
    const cs = getComputedStyle(el);
    const font = `${cs.fontStyle} ${cs.fontWeight} 32px ${cs.fontFamily}`;
    let chars = byFont.get(font);
    if (!chars) { chars = new Set(); byFont.set(font, chars); }
    for (const ch of node.data) {
      if (ch.codePointAt(0) < 0x80 || ignorable.test(ch) || chars.has(ch)) continue;
      if (pairs >= maxPairs) { cut = true; break; }
      chars.add(ch); pairs++;
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = 56; canvas.height = 56;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (ch) => {
    ctx.clearRect(0, 0, 56, 56);
    ctx.fillText(ch, 4, 4);
    const data = ctx.getImageData(0, 0, 56, 56).data;
    let h1 = 0, h2 = 7;
    for (let i = 3; i < data.length; i += 4) {
      h1 = (Math.imul(h1, 31) + data[i]) >>> 0;
      h2 = (Math.imul(h2, 131) + data[i] * (i & 255)) >>> 0;
    }
    return `${h1}:${h2}:${ctx.measureText(ch).width.toFixed(3)}`;
  };
  const missing = new Set();
  let tested = 0;
  for (const [font, chars] of byFont) {
    ctx.font = font; ctx.textBaseline = 'top'; ctx.fillStyle = '#000';
    const tofu = draw('\u{10FFFF}');
    if (tofu.startsWith('0:7:')) continue;  // nothing drawn for it: cannot judge in this font
    for (const ch of chars) {
      tested++;
      if (!missing.has(ch) && draw(ch) === tofu) missing.add(ch);
    }
  }
  return {missing: [...missing], tested, cut};
}"""

#: Writing systems by code point range, where a character's Unicode name does not say it
#: plainly (checked first; everything else is named from `unicodedata.name`).
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x2E80, 0x2FDF, "Chinese (Han)"),
    (0x3000, 0x303F, "Chinese/Japanese punctuation"),
    (0x3040, 0x309F, "Japanese (Hiragana)"),
    (0x30A0, 0x30FF, "Japanese (Katakana)"),
    (0x3100, 0x312F, "Chinese (Bopomofo)"),
    (0x3130, 0x318F, "Korean (Hangul)"),
    (0x3400, 0x4DBF, "Chinese (Han)"),
    (0x4E00, 0x9FFF, "Chinese (Han)"),
    (0xAC00, 0xD7AF, "Korean (Hangul)"),
    (0xE000, 0xF8FF, "private-use (no standard meaning)"),
    (0xF900, 0xFAFF, "Chinese (Han)"),
    (0x1F000, 0x1FAFF, "emoji and symbols"),
    (0x20000, 0x3134F, "Chinese (Han)"),
    (0xF0000, 0x10FFFF, "private-use (no standard meaning)"),
)
_NAME_WORDS = {
    "CJK": "Chinese (Han)",
    "HANGUL": "Korean (Hangul)",
    "HIRAGANA": "Japanese (Hiragana)",
    "KATAKANA": "Japanese (Katakana)",
}
_GENERIC_FIRST = {"SMALL", "CAPITAL", "LETTER", "DIGIT", "MODIFIER", "COMBINING", "OLD"}


def script_of(ch: str) -> str:
    """A plain name for the writing system of `ch` (e.g. "Chinese (Han)", "Arabic")."""
    cp = ord(ch)
    for low, high, name in _RANGES:
        if low <= cp <= high:
            return name
    try:
        words = unicodedata.name(ch).split()
    except ValueError:
        return "unassigned code points"
    if words[0] in _NAME_WORDS:
        return _NAME_WORDS[words[0]]
    if words[0] in _GENERIC_FIRST and len(words) > 1:
        return words[1].title()
    category = unicodedata.category(ch)
    if category.startswith("S") or category.startswith("P"):
        return "symbols"
    first = words[0].title()
    # Scripts whose names have two words (Old Italic, Canadian Syllabics…) keep the first.
    return first


def group_by_script(chars: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for ch in sorted(set(chars)):
        groups.setdefault(script_of(ch), []).append(ch)
    return groups


def warning_for(script: str, count: int) -> str:
    noun = "character" if count == 1 else "characters"
    return (
        f"{count} {noun} in {script} script could not be shown: the computer has no font for "
        "them; the screenshot shows boxes there (the text itself is kept in text.txt and "
        "page.html)."
    )


async def _frame_missing(frame: Any) -> tuple[list[str], int, bool]:
    try:
        raw = await frame.evaluate(_GLYPHS_JS, [MAX_TEXT_NODES, MAX_PAIRS])
    except PlaywrightError as error:  # a frame that went away or refuses scripts
        log.debug("glyph check skipped a frame: %s", error.message.splitlines()[0])
        return [], 0, False
    return [str(c) for c in raw["missing"]], int(raw["tested"]), bool(raw["cut"])


async def check_glyphs(page: Page, journal: Journal) -> dict[str, Any]:
    """Find characters drawn as boxes, warn per writing system, and return the report."""
    journal.doing("checking that every character could be shown")
    missing: list[str] = []
    tested, cut = 0, False
    for frame in page.frames:
        chars, count, frame_cut = await _frame_missing(frame)
        missing += chars
        tested += count
        cut = cut or frame_cut
    groups = group_by_script(missing)
    for script, chars in groups.items():
        journal.warn(warning_for(script, len(chars)))
    if groups:
        journal.act(
            "missing-glyphs",
            f"{len(set(missing))} distinct characters had no font on this computer",
            scripts={s: len(c) for s, c in groups.items()},
        )
    return {
        "characters_tested": tested,
        "check_cut_short": cut,
        "missing": {
            script: [f"U+{ord(c):04X}" for c in chars[:50]] for script, chars in groups.items()
        },
        "missing_count": {script: len(chars) for script, chars in groups.items()},
    }

"""Minor-safe capture (issue 14 part 2), the page side: pictures and videos covered with plain
boxes before any screenshot is taken.

When someone in the pictures may be under 18, storing the pictures is itself a crime almost
everywhere. So the page is never photographed with its pictures showing: from the first byte
of every frame (an init script) a style sheet hides every picture the page could paint, and
right before each screenshot `cover` walks every frame and shadow root and paints a plain grey
box in place of each one, so the screenshot still shows the page's layout and text.

What is covered: ``<img>`` (``<picture>``, ``srcset``), ``<video>`` (and its poster),
``<canvas>``, ``<embed>``/``<object>``, ``<input type=image>``, SVG ``<image>``/``<feImage>``,
CSS background images (elements and ``::before``/``::after``), CSS ``content: url()``, list and
border images and masks, in every frame Playwright reaches (cross-origin iframes included) and
in every shadow root (closed ones too: ``attachShadow`` is watched from the first byte).

The page's own rules can still win where an inline style cannot reach (`!important` on a
pseudo-element, in a cascade layer): after marking, the sweep reads every element and its
``::before``/``::after``/``::marker`` again, and an element whose picture still paints is
flattened to grey (an inline `!important` filter over everything it paints) under a grey box;
if even that does not hold, `cover` raises `PicturesNotCovered` and no screenshot is taken.

An element's original CSS background is kept in a ``data-evidencekit-background`` attribute so
the media scan (`media.py`) still finds the picture to hash it. The bytes-side rules (what is
kept of each picture, the WARC, the DOM) are in `minor_safe_bytes.py`.
"""

from __future__ import annotations

import json
import logging

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from evidencekit.capture.journal import Journal
from evidencekit.errors import EXIT_FAILED, EvidenceKitError

log = logging.getLogger(__name__)

BOX_GREY = (192, 192, 192)
"""The plain box's colour (#c0c0c0): what a picture looks like in a minor-safe screenshot."""

_CSS = """
img, video, canvas, embed, object, input[type=image], picture, iframe[src^="data:"] {
  object-position: -100000px -100000px !important; overflow: clip !important;
  background: #c0c0c0 !important; filter: contrast(0) brightness(1.5) !important;
  mix-blend-mode: normal !important;
}
*, *::before, *::after, *::marker {
  background-image: none !important; border-image-source: none !important;
  list-style-image: none !important; mask-image: none !important;
  -webkit-mask-image: none !important; -webkit-mask-box-image-source: none !important;
}
*::first-letter, *::first-line, *::backdrop, *::placeholder, *::file-selector-button {
  background-image: none !important; border-image-source: none !important;
  mask-image: none !important; -webkit-mask-image: none !important;
}
svg image, svg feImage { visibility: hidden !important; }
[data-evidencekit-covered] { background-color: #c0c0c0 !important; }
[data-evidencekit-covered-before]::before, [data-evidencekit-covered-after]::after {
  background-color: #c0c0c0 !important;
}
[data-evidencekit-content-before]::before, [data-evidencekit-content-after]::after {
  content: "" !important;
}
"""

#: Installed in every frame at document start (Playwright init script) and again by `cover`;
#: idempotent. `window.__evidencekitMinorSafe()` covers what the frame shows now.
INSTALL_JS = r"""(() => {
  if (window.__evidencekitMinorSafe) return;
  const CSS = __CSS__;
  const GREY = '#c0c0c0';
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  const roots = new Set();
  const adopt = (root) => {
    try {
      if (!root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    } catch (e) { /* a document being replaced: the next sweep adopts again */ }
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.add(root); adopt(root);
    return root;
  };
  adopt(document);
  const PICTURE = new Set(['IMG', 'VIDEO', 'CANVAS', 'EMBED', 'OBJECT', 'PICTURE']);
  const hasPicture = (value) => !!value && value !== 'none' &&
    /url\(|image-set\(|paint\(|element\(/.test(value);
  const force = (el, name, value) => el.style.setProperty(name, value, 'important');
  const coverBox = (el) => {
    force(el, 'object-position', '-100000px -100000px');
    force(el, 'overflow', 'clip');
    force(el, 'background', GREY);
    force(el, 'filter', 'contrast(0) brightness(1.5)');
    el.setAttribute('data-evidencekit-covered', '');
  };
  const coverSvg = (el) => {
    force(el, 'visibility', 'hidden');
    if (el.localName === 'feImage') {  // a filter painting a picture: it paints nothing now
      el.removeAttribute('href');
      el.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
      return;
    }
    if (el.localName !== 'image' || el.__evidencekitBox) return;
    let box = null;
    try { box = el.getBBox(); } catch (e) { return; }
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of [['x', box.x], ['y', box.y], ['width', box.width],
                          ['height', box.height]]) rect.setAttribute(k, String(v));
    const transform = el.getAttribute('transform');
    if (transform) rect.setAttribute('transform', transform);
    rect.setAttribute('fill', GREY);
    rect.setAttribute('data-evidencekit-covered', '');
    el.parentNode.insertBefore(rect, el);
    el.__evidencekitBox = rect;
  };
  const DRAWS = ['background-image', 'content', 'mask-image', '-webkit-mask-image',
                 'border-image-source', '-webkit-mask-box-image-source', 'list-style-image'];
  const stillDrawn = (cs) => DRAWS.filter((name) => hasPicture(cs.getPropertyValue(name)));
  const FLAT = 'contrast(0) brightness(1.5)';
  // The element that paints `el` and its pseudo-elements (`display: contents` has no box).
  const painter = (el) => {
    while (el && getComputedStyle(el).display === 'contents') {
      el = el.parentElement || (el.parentNode && el.parentNode.host) || null;
    }
    return el;
  };
  // Flatten `el` and everything it paints (pseudo-elements wherever they are placed) to the
  // box grey with an inline `!important` filter, which no style sheet rule can beat, and put
  // a grey box on top of it. False when that could not be made to hold.
  const seal = (el) => {
    const host = painter(el);
    if (!host) return false;
    force(host, 'transition', 'none');  // a transition would only reach the grey later
    force(host, 'filter', FLAT);
    host.setAttribute('data-evidencekit-covered', '');
    const doc = host.ownerDocument;
    const r = host.getBoundingClientRect();
    let box = host.__evidencekitOverlay;
    if (!box || !box.isConnected) {
      box = doc.createElement('evidencekit-box');
      box.setAttribute('data-evidencekit-covered', '');
      doc.documentElement.appendChild(box);
      host.__evidencekitOverlay = box;
    }
    const view = doc.defaultView;
    for (const [k, v] of [['position', 'absolute'], ['display', 'block'], ['margin', '0'],
        ['padding', '0'], ['border', '0'], ['transform', 'none'], ['filter', 'none'],
        ['opacity', '1'], ['visibility', 'visible'], ['background', GREY],
        ['pointer-events', 'none'], ['z-index', '2147483647'], ['transition', 'none'],
        ['left', (r.left + view.scrollX) + 'px'], ['top', (r.top + view.scrollY) + 'px'],
        ['width', r.width + 'px'], ['height', r.height + 'px']]) force(box, k, v);
    return getComputedStyle(host).filter === FLAT;
  };
  // Every pseudo-element that can paint a picture of its own on `el`.
  const pseudosOf = (el) => {
    const names = ['before', 'after', 'marker', 'first-letter', 'first-line'];
    if (el.localName === 'input' || el.localName === 'textarea') {
      names.push('placeholder', 'file-selector-button');
    }
    return names;
  };
  // A top-layer element's ::backdrop is painted apart from it, over the whole window: neither
  // a filter on the element nor a box in the page reaches it.
  const backdropDrawn = (el) =>
    (el.localName === 'dialog' || el.hasAttribute('popover') ||
     el === el.ownerDocument.fullscreenElement) &&
    stillDrawn(getComputedStyle(el, '::backdrop')).length > 0;
  const describe = (el) => el.localName + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const sweep = () => {
    let covered = 0;
    adopt(document);
    for (const root of roots) adopt(root);
    // Read the page's own styles with ours switched off, in one task: nothing is painted
    // between switching it off and on again.
    sheet.disabled = true;
    const marks = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot && !roots.has(el.shadowRoot)) {
          roots.add(el.shadowRoot); adopt(el.shadowRoot);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
        const tag = el.tagName;
        if (PICTURE.has(tag) || (tag === 'INPUT' && el.type === 'image')) {
          marks.push(() => coverBox(el)); covered++; continue;
        }
        if (el instanceof SVGElement && (el.localName === 'image' || el.localName === 'feImage')) {
          marks.push(() => coverSvg(el)); covered++; continue;
        }
        const cs = getComputedStyle(el);
        if (hasPicture(cs.backgroundImage)) {
          const bg = cs.backgroundImage;
          marks.push(() => {
            if (!el.hasAttribute('data-evidencekit-background')) {
              el.setAttribute('data-evidencekit-background', bg);
            }
            force(el, 'background-image', 'none');
            el.setAttribute('data-evidencekit-covered', '');
          });
          covered++;
        }
        if (hasPicture(cs.content) && cs.content !== 'normal') {
          marks.push(() => force(el, 'content', 'normal')); covered++;
        }
        for (const pseudo of ['before', 'after']) {
          const ps = getComputedStyle(el, '::' + pseudo);
          if (hasPicture(ps.backgroundImage)) {
            const bg = ps.backgroundImage;
            marks.push(() => {
              el.setAttribute('data-evidencekit-background-' + pseudo, bg);
              el.setAttribute('data-evidencekit-covered-' + pseudo, '');
            });
            covered++;
          }
          if (hasPicture(ps.content)) {
            marks.push(() => el.setAttribute('data-evidencekit-content-' + pseudo, ''));
            covered++;
          }
        }
      }
    };
    try {
      visit(document);
      for (const root of roots) visit(root);
    } finally {
      sheet.disabled = false;
    }
    for (const mark of marks) mark();
    // The page's own rule can still win: `!important` on a pseudo-element (which takes no
    // inline style), in a cascade layer, or on a property only our sheet set. Read again what
    // is painted now and seal off whatever still draws a picture.
    const unsafe = [];
    const seen = new Set();
    const recheck = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) recheck(el.shadowRoot);
        if (seen.has(el) || el.localName === 'evidencekit-box') continue;
        seen.add(el);
        if (PICTURE.has(el.tagName)) continue;  // boxed above, whatever its styles say
        let left = stillDrawn(getComputedStyle(el));
        for (const name of left) force(el, name, name === 'content' ? 'normal' : 'none');
        if (left.length) left = stillDrawn(getComputedStyle(el));
        for (const pseudo of pseudosOf(el)) {
          left = left.concat(stillDrawn(getComputedStyle(el, '::' + pseudo)));
        }
        if (left.length && !seal(el)) unsafe.push(describe(el));
        if (backdropDrawn(el)) unsafe.push(describe(el) + '::backdrop');
        if (left.length) covered++;
      }
    };
    recheck(document);
    for (const root of roots) recheck(root);
    return {covered, unsafe};
  };
  Object.defineProperty(window, '__evidencekitMinorSafe', {value: sweep});
})();""".replace("__CSS__", json.dumps(_CSS))


class PicturesNotCovered(EvidenceKitError):
    """A picture on the page could not be covered: no screenshot was taken."""

    exit_code = EXIT_FAILED
    message = (
        "A picture on this page could not be covered, so no screenshot was taken and nothing "
        "was saved. Capture it again without the under-18 setting only if you are sure no one "
        "in the pictures is under 18, or ask your support worker for help."
    )


_SWEEP_JS = "() => { " + INSTALL_JS + " return window.__evidencekitMinorSafe(); }"


async def install(page: Page) -> None:
    """Hide pictures in every frame of `page` from the first byte of each document."""
    await page.add_init_script(INSTALL_JS)


async def cover(page: Page, journal: Journal, before: str) -> int:
    """Paint a plain box over every picture every frame shows now; return how many.

    Called right before each screenshot (`before` names it). A frame that cannot be reached
    is still under the style sheet the init script put in it; it is recorded.
    """
    journal.doing(f"covering pictures before {before}")
    covered, missed, unsafe = 0, 0, []
    for frame in page.frames:
        try:
            result = await frame.evaluate(_SWEEP_JS)
        except PlaywrightError as error:  # a frame that went away or cannot be scripted
            missed += 1
            log.debug("minor-safe: a frame was not swept: %s", error.message.splitlines()[0])
            continue
        covered += int(result["covered"])
        unsafe += [str(what) for what in result["unsafe"]]
    if unsafe:
        journal.act(
            "minor-safe-not-covered",
            f"{len(unsafe)} pictures could not be covered before {before}; no screenshot taken",
            artifact=before,
            count=len(unsafe),
        )
        raise PicturesNotCovered(detail="not covered: " + ", ".join(unsafe[:10]))
    journal.act(
        "minor-safe-covered",
        f"covered {covered} pictures/videos with plain boxes before {before}"
        + (
            f"; {missed} frames could not be reached (their style sheet hides pictures)"
            if missed
            else ""
        ),
        artifact=before,
        count=covered,
    )
    return covered

"""Each image and video the page shows, as its own artifact (``media/<name>``).

Bytes come from what the page itself loaded. A video the page streamed as byte ranges is put
back together from those ranges when they cover the whole file (and agree where they
overlap); otherwise it is fetched whole through the same browser context (same cookies).
Only what is plainly an icon or a tracker (by its size in pixels, as a file and as shown:
never by byte count) is listed in the metadata instead of saved.
"""

from __future__ import annotations

import io
import logging
import mimetypes
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from PIL import Image
from playwright.async_api import APIRequestContext, Frame, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from evidencekit.capture import minor_safe_bytes
from evidencekit.capture.journal import Journal
from evidencekit.capture.result import Artifact, CaptureSettings
from evidencekit.capture.traffic import Exchange, TrafficRecorder
from evidencekit.clock import utc_now

log = logging.getLogger(__name__)

#: Run in every frame: each picture, video and CSS background the frame shows, with its place
#: in the frame's window (CSS px) and, where the DOM knows it, its natural size.
_DOM_JS = r"""(maxElements) => {
  const rect = (el) => { const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height]; };
  const out = [];
  for (const img of document.images) {
    const url = img.currentSrc || img.src;
    const w = img.naturalWidth, h = img.naturalHeight;
    if (url) out.push({kind: 'img', url, rect: rect(img), w, h});
  }
  for (const el of document.querySelectorAll('video, audio')) {
    const inner = [...el.querySelectorAll('source')].map((s) => s.src);
    const sources = [el.currentSrc, el.src, ...inner];
    const url = sources.find((s) => s);
    const w = el.videoWidth || 0, h = el.videoHeight || 0;
    if (url) out.push({kind: el.tagName.toLowerCase(), url, rect: rect(el), w, h});
    if (el.poster) out.push({kind: 'poster', url: el.poster, rect: rect(el), w: 0, h: 0});
  }
  for (const el of document.querySelectorAll('svg image')) {
    const href = el.href && el.href.baseVal;
    try { if (href) out.push({kind: 'svg-image', url: new URL(href, document.baseURI).href,
                              rect: rect(el), w: 0, h: 0}); } catch (e) { /* not an address */ }
  }
  for (const el of document.querySelectorAll('input[type=image][src]')) {
    out.push({kind: 'img', url: el.src, rect: rect(el), w: 0, h: 0});
  }
  const urls = /url\(\s*(['"]?)(.*?)\1\s*\)/g;
  let n = 0;
  for (const el of document.querySelectorAll('*')) {
    if (++n > maxElements) break;
    for (const pseudo of [null, '::before', '::after']) {
      // A minor-safe capture has covered backgrounds already (minor_safe.py kept each one)
      const mark = 'data-evidencekit-background' + (pseudo ? '-' + pseudo.slice(2) : '');
      const bg = el.getAttribute(mark) || getComputedStyle(el, pseudo).backgroundImage;
      if (!bg || !bg.includes('url(')) continue;
      for (const m of bg.matchAll(urls)) {
        let url;
        try { url = new URL(m[2], document.baseURI).href; } catch (e) { continue; }
        // A pseudo-element's own box is not known: its size stays unknown (not the host's).
        const where = pseudo ? [0, 0, 0, 0] : rect(el);
        out.push({kind: 'css-background', url, rect: where, w: 0, h: 0, pseudo: !!pseudo});
      }
    }
  }
  return out;
}"""

_FRAME_INSET_JS = """(el) => { const cs = getComputedStyle(el);
  return [el.clientLeft + parseFloat(cs.paddingLeft || '0'),
          el.clientTop + parseFloat(cs.paddingTop || '0')]; }"""

MAX_ELEMENTS = 50_000
"""Elements per frame whose CSS background is looked at (bounds the work on huge pages)."""

_RANGE_RE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")
_STREAM_KINDS = frozenset({"video", "audio"})


@dataclass
class _Candidate:
    url: str
    kinds: set[str] = field(default_factory=set)
    positions: list[list[int]] = field(default_factory=list)
    dom_size: tuple[int, int] = (0, 0)
    exchanges: list[Exchange] = field(default_factory=list)
    frames: set[str] = field(default_factory=set)
    """Addresses of the iframes that show it (empty when only the page itself does)."""

    @property
    def rendered(self) -> tuple[int, int] | None:
        """The largest size (CSS px) at which the page shows it; None if it shows it nowhere."""
        sizes = [(p[2], p[3]) for p in self.positions if p[2] > 0 and p[3] > 0]
        return max(sizes, key=lambda wh: wh[0] * wh[1]) if sizes else None

    @property
    def streamed(self) -> bool:
        return bool(self.kinds & _STREAM_KINDS) or any(
            ex.resource_type == "media" for ex in self.exchanges
        )


@dataclass
class MediaResult:
    artifacts: list[Artifact] = field(default_factory=list)
    saved: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    shows_video: bool = False
    """The page shows a <video> or loaded a media stream (then yt-dlp is asked: videos.py)."""
    hashed: list[dict[str, Any]] = field(default_factory=list)
    """Minor-safe (issue 14): each picture/video kept as hashes, size and places only."""


def assemble_ranges(slices: list[Exchange]) -> bytes | None:
    """The whole file from 206 slices, or None unless they cover it exactly and agree."""
    parts: list[tuple[int, int, bytes]] = []
    totals = set()
    for ex in slices:
        m = _RANGE_RE.fullmatch((ex.header("content-range") or "").strip())
        if not m or ex.body is None:
            return None
        start, end, total = (int(g) for g in m.groups())
        if len(ex.body) != end - start + 1:
            return None
        parts.append((start, end, ex.body))
        totals.add(total)
    if len(totals) != 1:
        return None
    total = totals.pop()
    out = bytearray()
    for start, end, body in sorted(parts, key=lambda p: p[0]):
        if start > len(out):
            return None  # a gap
        overlap = min(len(out) - start, len(body))
        if bytes(out[start : start + overlap]) != body[:overlap]:
            return None  # the file changed between requests
        if end + 1 > len(out):
            out += body[len(out) - start :]
    return bytes(out) if len(out) == total else None


def _image_size(data: bytes) -> tuple[int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(image.width), int(image.height)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def _media_type(header: str | None, data: bytes, url: str) -> str:
    if header:
        return header.split(";")[0].strip().lower()
    guessed = mimetypes.guess_type(urlsplit(url).path)[0]
    return guessed or "application/octet-stream"


def _name(url: str, media_type: str, taken: set[str]) -> str:
    base = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")[:80] or "media"
    if "." not in base:
        base += mimetypes.guess_extension(media_type) or ""
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    name, n = f"media/{base}", 2
    while name in taken:
        name = f"media/{stem}-{n}{dot}{ext}"
        n += 1
    taken.add(name)
    return name


#: Time kept back from a whole-file fetch for everything that still follows it.
_RESERVE_S = 10.0


async def _refetch(
    request: APIRequestContext,
    url: str,
    referer: str,
    settings: CaptureSettings,
    remaining_s: float | None,
) -> tuple[Exchange | None, str | None]:
    """GET the whole file; (exchange, None) or (None, why not).

    Bounded by what is left of the capture's time limit, so one huge video is skipped
    (and said so) instead of failing the whole capture.
    """
    headers = {"Referer": referer}
    budget = 60.0 if remaining_s is None else remaining_s - _RESERVE_S
    if budget < 1:
        return None, "no time was left to fetch it"
    started = utc_now()
    try:
        head = await request.head(
            url, headers=headers, fail_on_status_code=False, timeout=budget * 1000
        )
        size = head.headers.get("content-length")
        if head.ok and size and size.isdigit() and int(size) > settings.max_media_bytes:
            return None, f"larger than the {settings.max_media_bytes} byte limit ({size} bytes)"
        response = await request.get(
            url, headers=headers, fail_on_status_code=False, timeout=budget * 1000
        )
        body = await response.body()
    except PlaywrightTimeoutError:
        return None, f"it could not be fetched within {budget:.0f} s"
    except PlaywrightError as error:
        return None, f"could not be fetched: {error.message.splitlines()[0]}"
    exchange = Exchange(
        seq=-1,
        url=url,
        method="GET",
        resource_type="media",
        started_at=started,
        main_frame_navigation=False,
        request_headers=[("Referer", referer)],
        status=response.status,
        status_text=response.status_text,
        response_headers=[(h["name"], h["value"]) for h in response.headers_array],
        responded_at=utc_now(),
        body=body,
    )
    if response.status != 200:
        return exchange, f"the server answered {response.status} when fetched whole"
    return exchange, None


async def _frame_offset(frame: Frame) -> tuple[float, float] | None:
    """Where `frame`'s window starts on the main page's viewport (None: not shown)."""
    if frame.parent_frame is None:
        return 0.0, 0.0
    try:
        element = await frame.frame_element()
        box = await element.bounding_box()
        inset = await element.evaluate(_FRAME_INSET_JS)
    except PlaywrightError:
        return None
    if box is None or box["width"] <= 0 or box["height"] <= 0:
        return None
    return box["x"] + float(inset[0]), box["y"] + float(inset[1])


async def _shown_media(page: Page) -> list[tuple[dict[str, Any], str | None]]:
    """What every frame shows, with rectangles in main-page CSS px (full-page screenshot
    coordinates), and the frame's address for what an iframe shows."""
    scroll = await page.evaluate("() => [scrollX, scrollY]")
    found: list[tuple[dict[str, Any], str | None]] = []
    for frame in page.frames:
        offset = await _frame_offset(frame)
        try:
            items = await frame.evaluate(_DOM_JS, MAX_ELEMENTS)
        except PlaywrightError as error:  # a frame that went away meanwhile
            log.debug("media scan skipped a frame: %s", error.message.splitlines()[0])
            continue
        for item in items:
            x, y, w, h = (float(v) for v in item["rect"])
            if offset is None:  # an iframe that is not shown: nothing of it is seen
                x, y, w, h = 0.0, 0.0, 0.0, 0.0
            else:
                x, y = x + offset[0] + float(scroll[0]), y + offset[1] + float(scroll[1])
            item["rect"] = [x, y, w, h]
            found.append((item, None if frame.parent_frame is None else frame.url))
    return found


def icon_or_tracker(
    natural: tuple[int, int] | None, rendered: tuple[int, int] | None, limit: int
) -> str | None:
    """Why an image is plainly an icon or a tracker (so not kept), or None to keep it.

    Decided on what the page shows, never on bytes: a 1x1 picture is a tracker; one whose
    sides are all at most `limit` px both as a file and as shown is an icon. An image whose
    size is not known is kept (when in doubt, keep: a lost picture is lost for good).
    """
    if natural == (1, 1) and (rendered is None or max(rendered) <= 1):
        return "a 1x1 px tracker"
    if natural is None or max(natural) > limit:
        return None
    if rendered is not None and max(rendered) > limit:
        return None
    shown = f"shown at {rendered[0]}x{rendered[1]} px" if rendered else "not shown on the page"
    return f"an icon: {natural[0]}x{natural[1]} px, {shown} (both at most {limit} px)"


async def collect_media(
    page: Page,
    request: APIRequestContext,
    traffic: TrafficRecorder,
    journal: Journal,
    settings: CaptureSettings,
) -> MediaResult:
    """Find, complete and filter the page's images and videos."""
    journal.doing("saving images and videos")
    candidates: dict[str, _Candidate] = {}
    for ex in traffic.exchanges:
        redirect = ex.status is not None and 300 <= ex.status < 400
        if ex.resource_type in ("image", "media") and not redirect:
            candidates.setdefault(ex.url, _Candidate(ex.url)).exchanges.append(ex)
    for item, frame_url in await _shown_media(page):
        url = str(item["url"])
        if url.startswith("blob:") and item["kind"] in _STREAM_KINDS:
            journal.warn(
                "A video or sound on the page is streamed in pieces (a blob: address); it could "
                "not be saved as one file. The WARC holds the pieces the page loaded."
            )
            continue
        minor_data = settings.minor_safe and url.lower().startswith("data:")
        if not url.startswith(("http://", "https://")) and not minor_data:
            continue  # a data: picture is in the page's own HTML (minor-safe: it is hashed)
        cand = candidates.setdefault(url, _Candidate(url))
        cand.kinds.add(str(item["kind"]))
        if frame_url is not None:
            cand.kinds.add("in-iframe")
            cand.frames.add(frame_url)
        if not item.get("pseudo"):
            cand.positions.append([round(float(v)) for v in item["rect"]])
        if item["w"] and item["h"]:
            cand.dom_size = (int(item["w"]), int(item["h"]))
    result, taken = MediaResult(), set[str]()
    result.shows_video = any("video" in c.kinds or c.streamed for c in candidates.values())
    for cand in candidates.values():
        await _one(cand, page, request, traffic, journal, settings, result, taken)
    journal.act(
        "media",
        f"saved {len(result.saved)} images/videos; listed {len(result.skipped)} more not saved",
    )
    return result


async def _one(
    cand: _Candidate,
    page: Page,
    request: APIRequestContext,
    traffic: TrafficRecorder,
    journal: Journal,
    settings: CaptureSettings,
    result: MediaResult,
    taken: set[str],
) -> None:
    entry: dict[str, Any] = {"url": cand.url, "shown_as": sorted(cand.kinds)}
    if cand.url.lower().startswith("data:"):  # only in minor-safe mode
        result.hashed.extend(minor_safe_bytes.data_url_entry(entry, cand.url, cand.positions))
        return
    whole = [ex for ex in cand.exchanges if ex.status in (200, 203) and ex.body is not None]
    slices = [ex for ex in cand.exchanges if ex.status == 206]
    source: Exchange | None = whole[-1] if whole else None
    data = source.body if source else None
    how = "loaded by the page"
    if data is None and slices:
        source = slices[0]
        data = assemble_ranges(slices)
        how = f"put together from {len(slices)} byte ranges the page loaded"
    loaded = any(ex.status in (200, 203) for ex in cand.exchanges)
    if data is None and (cand.streamed or loaded):  # shown, but its bytes were not kept
        fetched, why = await _refetch(request, cand.url, page.url, settings, journal.remaining_s())
        if fetched is not None:
            traffic.add_own_fetch(fetched)
            journal.act("media-fetched", f"fetched {cand.url} whole ({why or 'ok'})")
        if fetched is None or why:
            result.skipped.append({**entry, "reason": f"not saved: {why}"})
            journal.warn(f"A picture or video on the page could not be saved: {cand.url} ({why}).")
            return
        source, data, how = fetched, fetched.body, "fetched whole by EvidenceKit (see WARC)"
    if data is None or source is None:
        statuses = sorted({ex.status for ex in cand.exchanges if ex.status})
        failures = sorted({ex.failure for ex in cand.exchanges if ex.failure})
        if not cand.exchanges:
            reason = "the page did not load it"
        elif not statuses:
            reason = "failed: " + ", ".join(failures) if failures else "no answer from the server"
        elif not loaded and not slices:
            reason = "the server answered " + ", ".join(str(s) for s in statuses)
        else:
            reason = "its body was not kept"
        result.skipped.append({**entry, "reason": reason})
        return
    media_type = _media_type(source.header("content-type"), data, cand.url)
    is_image = media_type.startswith("image/")
    size = _image_size(data) if is_image else None
    natural = size or (cand.dom_size if all(cand.dom_size) else None)
    rendered = cand.rendered
    width, height = natural or rendered or (0, 0)
    entry.update(
        {
            "size": len(data),
            "width": width or None,
            "height": height or None,
            "natural_px": list(natural) if natural else None,
            "rendered_css_px": list(rendered) if rendered else None,
        }
    )
    if cand.frames:
        entry["in_iframes"] = sorted(cand.frames)
    if is_image and not cand.streamed:
        why = icon_or_tracker(natural, rendered, settings.icon_max_px)
        if why is not None:
            result.skipped.append({**entry, "reason": why})
            return
    if len(data) > settings.max_media_bytes:
        result.skipped.append({**entry, "reason": "larger than the media size limit"})
        return
    if settings.minor_safe:  # someone may be under 18: hashes, size and places only
        facts = {"obtained": how, "http_status": source.status, "positions_css_px": cand.positions}
        result.hashed.append(minor_safe_bytes.hashed_entry(entry, data, media_type, **facts))
        return
    artifact = Artifact(_name(cand.url, media_type, taken), media_type, data)
    result.artifacts.append(artifact)
    result.saved.append(
        {
            **entry,
            "name": artifact.name,
            "media_type": media_type,
            "sha256": artifact.sha256,
            "obtained": how,
            "http_status": source.status,
            "positions_css_px": cand.positions,
        }
    )

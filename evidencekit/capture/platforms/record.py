"""The one record every platform reader fills, the page it reads, and the small safe helpers
they share (walking untrusted JSON, decoding a JSON value assigned in a script, times).

Everything here is pure: a reader gets the addresses, the page's HTML and the JSON responses
the traffic recorder kept, and never a browser. A value the page does not hold stays None:
nothing is guessed. Hostile or garbled data never raises out of a reader (see `read_safely`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from evidencekit.capture.platforms.dom import Node, parse_html

#: Scripts and responses larger than this are not parsed (a page can carry megabytes of JSON).
MAX_JSON_CHARS = 8_000_000
#: Lists kept in the record are cut at this many entries.
MAX_ITEMS = 50
MAX_TEXT = 20_000


@dataclass(frozen=True)
class JsonResponse:
    """One recorded response whose body parsed as JSON."""

    url: str
    data: Any


@dataclass
class PageInput:
    """What a reader may look at."""

    url: str
    final_url: str
    html: str
    responses: list[JsonResponse] = field(default_factory=list)
    #: `pagefacts.page_facts` of the live page, when there is one (else read from `html`).
    facts: dict[str, Any] | None = None

    @cached_property
    def dom(self) -> Node:
        return parse_html(self.html)

    @cached_property
    def page_facts(self) -> dict[str, Any]:
        if self.facts is not None:
            return self.facts
        from evidencekit.capture.pagefacts import facts_from_html

        return facts_from_html(self.dom)

    @property
    def meta(self) -> dict[str, str]:
        meta = self.page_facts.get("meta")
        return meta if isinstance(meta, dict) else {}


@dataclass
class PostRecord:
    """The platform's facts about one post (or channel / profile page)."""

    platform: str
    author_name: str | None = None
    handle: str | None = None
    account_id: str | None = None
    post_id: str | None = None
    posted_at_utc: str | None = None
    posted_at_shown: str | None = None
    text: str | None = None
    media: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    comments: list[dict[str, Any]] = field(default_factory=list)
    #: What the platform's own data says: "removed", "private", "login required", or None.
    unavailable: str | None = None
    #: Where each fact came from (the blob or response), for the lawyer to find it again.
    sources: list[str] = field(default_factory=list)
    #: "address" when the host named the platform, "page structure" when only its data did.
    recognised_by: str = "address"
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "recognised_by": self.recognised_by,
            "author_name": self.author_name,
            "handle": self.handle,
            "account_id": self.account_id,
            "post_id": self.post_id,
            "posted_at_utc": self.posted_at_utc,
            "posted_at_shown": self.posted_at_shown,
            "text": self.text,
            "media": self.media[:MAX_ITEMS],
            "counts": self.counts,
            "comments": self.comments[:MAX_ITEMS],
            "unavailable": self.unavailable,
            "sources": self.sources,
            "problems": self.problems,
        }

    def fill(self, **values: Any) -> None:
        """Set each field that is still empty (the first source to know a fact wins)."""
        for name, value in values.items():
            if getattr(self, name) in (None, "") and value not in (None, ""):
                setattr(self, name, value)

    def add_media(self, kind: str, url: Any) -> None:
        if isinstance(url, str) and url and len(self.media) < MAX_ITEMS:
            entry = {"kind": kind, "url": url[:4000]}
            if entry not in self.media:
                self.media.append(entry)

    def count(self, name: str, value: Any) -> None:
        parsed = as_count(value)
        if parsed is not None and name not in self.counts:
            self.counts[name] = parsed


Reader = Callable[[PageInput], PostRecord]


def read_safely(reader: Reader, page: PageInput, platform: str) -> PostRecord:
    """Run a reader; a page built to break it yields an empty record saying so, never a crash."""
    try:
        return reader(page)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        return PostRecord(
            platform, problems=[f"the page's data could not be read ({error!r:.200})"]
        )


# --- untrusted values ------------------------------------------------------------------------


def dig(value: Any, *path: str | int) -> Any:
    """`value[path[0]][path[1]]...`, or None as soon as a step does not fit."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(value, list) or not -len(value) <= step < len(value):
                return None
        elif not isinstance(value, dict):
            return None
        value = value[step] if isinstance(step, int) else value.get(step)
    return value


def text_of(value: Any, limit: int = MAX_TEXT) -> str | None:
    """A non-empty string (cut to `limit`), or None; numbers become their digits (ids)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()[:limit]
    return None


def id_of(value: Any) -> str | None:
    """A platform id: digits only (or the letters/digits/_- of an id string)."""
    text = text_of(value, 200)
    if text and re.fullmatch(r"[A-Za-z0-9_\-]{1,200}", text):
        return text
    return None


_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
#: Larger integers do not survive canonical JSON (RFC 8785 numbers are doubles).
MAX_COUNT = 2**53 - 1


def as_count(value: Any) -> int | None:
    """A count: an int, digits ("1234", "1,234") or a shown short form ("1.2K", "3M");
    None for anything else, and for a number too large to be true."""
    count = _count(value)
    return count if count is not None and count <= MAX_COUNT else None


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    match = re.fullmatch(r"(\d{1,15})(?:\.(\d{1,3}))?([kKmMbB]?)", text)
    if not match:
        return None
    whole, frac, suffix = match.groups()
    if not suffix:
        return int(whole) if frac is None else None
    scale = _SUFFIX[suffix.lower()]
    return int(whole) * scale + int((frac or "0").ljust(3, "0")[:3]) * scale // 1000


def epoch_utc(value: Any) -> str | None:
    """Seconds since 1970 (int or digits) as ISO UTC, or None."""
    seconds = as_count(value) if not isinstance(value, int) else value
    if seconds is None or not 0 < seconds < 32_503_680_000:  # before the year 3000
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc(value: Any) -> str | None:
    """An ISO 8601 time with a zone (or a date alone) as ISO UTC, or None."""
    text = text_of(value, 64)
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date().isoformat() if len(text) == 10 else None
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict inside `value` (depth-first, bounded depth)."""
    if depth > 60:
        return
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, depth + 1)


def loads(text: str) -> Any:
    """JSON from untrusted text, or None."""
    if not text or len(text) > MAX_JSON_CHARS:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def assigned_json(html: str, name: str) -> Any:
    """The JSON value a script assigns to `name` (``var ytInitialData = {...};``), or None."""
    decoder = json.JSONDecoder()
    for match in re.finditer(re.escape(name) + r"\s*=\s*", html[:MAX_JSON_CHARS]):
        start = match.end()
        if start < len(html) and html[start] in "{[":
            try:
                return decoder.raw_decode(html, start)[0]
            except (ValueError, RecursionError):
                continue
    return None


def script_json(dom: Node, **attrs: str) -> Any:
    """The JSON inside the first <script> with these attributes, or None."""
    for script in dom.find_all("script", **attrs):
        data = loads(script.raw_text())
        if data is not None:
            return data
    return None


def obj(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}

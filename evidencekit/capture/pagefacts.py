"""What the page says about itself: title, OpenGraph/Twitter/meta fields, JSON-LD, and the
post's platform fields (author, handle, id, post time) where they can be recognised.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from playwright.async_api import Page

from evidencekit.capture.jsonsafe import json_safe
from evidencekit.capture.platforms.dom import Node

log = logging.getLogger(__name__)

_FACTS_JS = """() => {
  const meta = {};
  for (const el of document.querySelectorAll('meta[property], meta[name]')) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || '').trim();
    const wanted = /^(og:|twitter:|article:|profile:|author$|description$|date$|robots$)/i;
    if (!wanted.test(key)) continue;
    const value = (el.getAttribute('content') || '').slice(0, 2000);
    if (!(key in meta)) meta[key] = value;
  }
  const jsonld = [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map((s) => s.textContent.slice(0, 200000));
  const times = [...document.querySelectorAll('time')].slice(0, 20).map((t) => ({
    shown: (t.innerText || '').trim().slice(0, 200), datetime: t.getAttribute('datetime') }));
  const canonical = document.querySelector('link[rel=canonical]');
  return {title: document.title, lang: document.documentElement.lang || null,
          canonical: canonical ? canonical.href : null, meta, jsonld, times};
}"""

_POST_TYPES = {
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "BlogPosting",
    "Article",
    "NewsArticle",
    "VideoObject",
    "ImageObject",
    "Comment",
}


_MAX_SAFE_INTEGER = 2**53 - 1


def _big_ints_as_text(value: Any) -> Any:
    """Integers canonical JSON cannot carry (beyond 2**53) as their digits: a page's JSON-LD
    may hold any number, and the metadata must stay hashable."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value) if abs(value) > _MAX_SAFE_INTEGER else value
    if isinstance(value, dict):
        return {k: _big_ints_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_big_ints_as_text(v) for v in value]
    return value


def _parse_jsonld(texts: list[str]) -> list[Any]:
    out: list[Any] = []
    for text in texts:
        try:
            out.append(_big_ints_as_text(json_safe(json.loads(text))))
        except (ValueError, RecursionError):
            out.append({"unparsed": text[:2000]})
    return out


def _nodes(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [node for item in value for node in _nodes(item)]
    if isinstance(value, dict):
        return [value, *_nodes(value.get("@graph", []))]
    return []


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _post_fields(meta: dict[str, str], jsonld: list[Any], times: list[Any]) -> dict[str, Any]:
    post: dict[str, Any] = {}
    for node in _nodes(jsonld):
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not _POST_TYPES.intersection(str(k) for k in kinds):
            continue
        author = node.get("author")
        author = author[0] if isinstance(author, list) and author else author
        if isinstance(author, dict):
            post.setdefault("author", _first(author.get("name")))
            post.setdefault("handle", _first(author.get("alternateName"), author.get("identifier")))
            post.setdefault("author_url", _first(author.get("url")))
        elif isinstance(author, str):
            post.setdefault("author", author)
        post.setdefault("post_id", _first(node.get("identifier"), node.get("@id")))
        post.setdefault("published", _first(node.get("datePublished"), node.get("dateCreated")))
        post.setdefault("text", _first(node.get("articleBody"), node.get("text")))
        post.setdefault("headline", _first(node.get("headline"), node.get("name")))
    post.setdefault("platform", _first(meta.get("og:site_name"), meta.get("twitter:site")))
    post.setdefault("author", _first(meta.get("author"), meta.get("article:author")))
    post.setdefault("handle", _first(meta.get("twitter:creator")))
    post.setdefault("published", _first(meta.get("article:published_time")))
    shown = [t for t in times if isinstance(t, dict) and t.get("shown")]
    if shown:
        post.setdefault("time_as_shown", shown[0]["shown"])
        post.setdefault("time_machine", shown[0].get("datetime"))
    return {key: value for key, value in post.items() if value is not None}


def _assemble(raw: dict[str, Any]) -> dict[str, Any]:
    meta = {str(k): str(v) for k, v in raw["meta"].items()}
    jsonld = _parse_jsonld([str(t) for t in raw["jsonld"]])
    times = json_safe(raw["times"])
    return {
        "title": str(raw["title"]),
        "lang": raw["lang"],
        "canonical_url": raw["canonical"],
        "meta": meta,
        "opengraph": {k: v for k, v in meta.items() if k.lower().startswith("og:")},
        "json_ld": jsonld,
        "times_shown": times,
        "post": _post_fields(meta, jsonld, times),
    }


async def page_facts(page: Page) -> dict[str, Any]:
    """Title, language, canonical link, meta fields, JSON-LD and recognised post fields."""
    return _assemble(await page.evaluate(_FACTS_JS))


_WANTED_META = re.compile(
    r"^(og:|twitter:|article:|profile:|author$|description$|date$|robots$)", re.IGNORECASE
)


def facts_from_html(dom: Node) -> dict[str, Any]:
    """`page_facts` read from saved HTML instead of a live page (same shape; the text of
    <time> elements is their markup text, not the rendered one)."""
    meta: dict[str, str] = {}
    for el in dom.find_all("meta"):
        key = (el.get("property") or el.get("name") or "").strip()
        if key and _WANTED_META.search(key) and key not in meta:
            meta[key] = (el.get("content") or "")[:2000]
    title = dom.find("title")
    html = dom.find("html")
    canonical = next((el for el in dom.find_all("link") if el.get("rel") == "canonical"), None)
    return _assemble(
        {
            "title": title.text() if title else "",
            "lang": (html.get("lang") if html else None) or None,
            "canonical": canonical.get("href") if canonical else None,
            "meta": meta,
            "jsonld": [
                s.raw_text()[:200000] for s in dom.find_all("script", type="application/ld+json")
            ],
            "times": [
                {"shown": t.text()[:200], "datetime": t.get("datetime")}
                for t in dom.find_all("time")[:20]
            ],
        }
    )

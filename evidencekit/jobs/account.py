"""Capture an account (issue 12): its profile page, then its latest N posts, each a capture of
its own linked to the account's item, so a renamed or deleted account stays on record by id.

The profile page is captured first (sealed like any capture, ``account_capture`` in its
metadata.json). The posts are the links to post addresses its rendered page holds (page.html
as sealed), in page order (profiles list the newest first), on the account's own site and,
where the address names the account (``/@handle``), under that handle. Each post's
metadata.json gets ``account_item`` (the profile's item id) and ``account`` (platform, handle,
numeric account id, name, as read from the profile), sealed with it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from evidencekit.capture import CaptureSettings
from evidencekit.capture.login import site_of, viewer_notice
from evidencekit.capture.result import LoggedInSession
from evidencekit.capture.urls import prepare_url
from evidencekit.errors import EvidenceKitError
from evidencekit.jobs.capture import StoredCapture, capture_into_vault
from evidencekit.vault.store import Vault

DEFAULT_POSTS = 12
MAX_POSTS = 200

#: Paths of one post on each platform (as their addresses are documented and as yt-dlp's and
#: gallery-dl's extractors match them), then generic ones for other sites.
POST_PATHS = (
    re.compile(r"^/@[^/]+/(?:video|photo)/\d{5,25}/?$"),  # TikTok
    re.compile(r"^/(?:[^/]+/)?(?:p|reel|reels|tv)/[A-Za-z0-9_-]{5,80}/?$"),  # Instagram
    re.compile(r"^/[^/]+/status(?:es)?/\d{1,25}/?$"),  # X / Twitter
    re.compile(r"^/[^/]+/(?:posts|videos|photos)/[^/]+(?:/\d+)?/?$"),  # Facebook
    re.compile(r"^/(?:permalink|story|photo)\.php$"),  # Facebook (ids in the query)
    re.compile(r"^/(?:watch|shorts/[A-Za-z0-9_-]{6,20})/?$"),  # YouTube
    re.compile(r"^/(?:s/)?[A-Za-z0-9_]{4,64}/\d{1,12}/?$"),  # t.me/channel/123
    re.compile(r"^/(?:.+/)?(?:post|posts|status|p|video|videos)/[^/]+/?$"),  # generic
)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and len(self.hrefs) < 50_000:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _is_post(path: str, query: str) -> bool:
    if path == "/watch" and not re.search(r"(?:^|&)v=", query):
        return False
    return any(p.match(path) for p in POST_PATHS)


def post_links(html: str, account_url: str, limit: int = DEFAULT_POSTS) -> list[str]:
    """Addresses of the account's posts its page links to, in page order, at most `limit`."""
    parser = _Links()
    try:
        parser.feed(html)
        parser.close()
    except (ValueError, AssertionError):  # a broken page: what was read so far counts
        pass
    base = urlsplit(account_url)
    site = site_of(account_url)
    first = base.path.strip("/").split("/")[0] if base.path.strip("/") else ""
    handle = first if first.startswith("@") else None
    found: list[str] = []
    for href in parser.hrefs:
        try:
            parts = urlsplit(urljoin(account_url, href.strip()))
        except ValueError:
            continue
        if parts.scheme not in ("http", "https") or site_of(parts.geturl()) != site:
            continue
        if handle and not parts.path.startswith(f"/{handle}/"):
            continue  # another account's post (suggestions, reposts)
        if not _is_post(parts.path, parts.query):
            continue
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        if url not in found and url.rstrip("/") != account_url.rstrip("/"):
            found.append(url)
        if len(found) >= limit:
            break
    return found


def _profile_entities(jsonld: Any) -> Iterable[dict[str, Any]]:
    items = jsonld if isinstance(jsonld, list) else [jsonld]
    for item in items:
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        if isinstance(graph, list):
            yield from _profile_entities(graph)
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "ProfilePage" in kinds and isinstance(item.get("mainEntity"), dict):
            yield item["mainEntity"]
        elif any(k in ("Person", "Organization") for k in kinds):
            yield item


def account_identity(metadata: dict[str, Any]) -> dict[str, Any]:
    """Who the account is, as its captured profile says: the platform reader's facts, else
    schema.org ProfilePage JSON-LD (``mainEntity``: identifier, alternateName, name)."""
    facts = metadata.get("platform_facts") if isinstance(metadata, dict) else None
    facts = facts if isinstance(facts, dict) else {}
    out: dict[str, Any] = {
        "platform": facts.get("platform"),
        "handle": facts.get("handle"),
        "account_id": facts.get("account_id"),
        "name": facts.get("author_name"),
        "source": "platform facts" if facts.get("account_id") or facts.get("handle") else None,
    }
    for entity in _profile_entities(metadata.get("json_ld")):
        ident = entity.get("identifier")
        if isinstance(ident, dict):
            ident = ident.get("value")
        handle = entity.get("alternateName") or entity.get("additionalName")
        before = dict(out)
        for key, value in (("account_id", ident), ("handle", handle), ("name", entity.get("name"))):
            if out.get(key) in (None, "") and isinstance(value, str | int) and str(value):
                out[key] = str(value)[:200]
        if out != before and out["source"] is None:
            out["source"] = "the page's schema.org ProfilePage"
        break
    return out


@dataclass
class AccountCapture:
    """The profile's capture and each post's (posts empty when the profile failed)."""

    account: StoredCapture
    identity: dict[str, Any] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)
    posts: list[StoredCapture] = field(default_factory=list)
    logged_out_posts: list[str] = field(default_factory=list)
    """Posts captured logged out because their owner may see who looked (viewer_notice)."""


async def capture_account(
    vault: Vault,
    url: str,
    settings: CaptureSettings,
    *,
    tsa_urls: Sequence[str],
    posts: int = DEFAULT_POSTS,
    case: str | None = None,
    note: str | None = None,
    consent: str | None = None,
    session: LoggedInSession | None = None,
    concurrency: int = 3,
    on_progress: Callable[[str, str], None] | None = None,
    vault_lock: asyncio.Lock | None = None,
) -> AccountCapture:
    """The account page, then up to `posts` of its posts, each linked to the account item."""
    posts = max(0, min(posts, MAX_POSTS))
    link = prepare_url(url, keep_share_parameters=settings.keep_share_parameters)
    lock = vault_lock or asyncio.Lock()
    common: dict[str, Any] = {
        "tsa_urls": tsa_urls,
        "case": case,
        "note": note,
        "consent": consent,
        "vault_lock": lock,
        "on_progress": on_progress,
        "concurrency": concurrency,
    }
    [profile] = await capture_into_vault(
        vault,
        [link],
        settings,
        sessions={link.url: session} if session is not None else None,
        linked={link.url: {"account_capture": {"posts_asked": posts}}},
        **common,
    )
    result = AccountCapture(profile)
    if profile.item is None:
        return result
    item = profile.item
    result.identity = account_identity(item.metadata)
    async with lock:
        html = vault.read_artifact(item.id, "page.html").decode("utf-8", "replace")
    cleaned: list[str] = []
    for found in post_links(html, item.final_url or link.url, posts):
        try:
            cleaned.append(prepare_url(found).url)
        except EvidenceKitError:
            continue
    result.found = cleaned = list(dict.fromkeys(cleaned))
    if not cleaned:
        return result
    account = {k: v for k, v in result.identity.items() if v is not None}
    account["url"] = item.final_url or link.url
    sessions: dict[str, LoggedInSession] = {}
    for post in cleaned:
        if session is None or site_of(post) != session.site:
            continue
        if viewer_notice(post) is not None:
            result.logged_out_posts.append(post)  # safe by default: never tell her abuser
            continue
        sessions[post] = session
    result.posts = await capture_into_vault(
        vault,
        cleaned,
        settings,
        sessions=sessions,
        linked={post: {"account_item": item.id, "account": account} for post in cleaned},
        **common,
    )
    return result


def to_json(result: AccountCapture) -> dict[str, Any]:
    return {
        "account": result.account.to_json(),
        "account_identity": result.identity,
        "posts_found": result.found,
        "posts": [{**p.to_json(), "account_item": result.account.item.id} for p in result.posts]
        if result.account.item is not None
        else [],
        "posts_captured_logged_out": result.logged_out_posts,
    }


__all__ = ["AccountCapture", "account_identity", "capture_account", "post_links", "to_json"]

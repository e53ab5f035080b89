"""Facebook (www/m/mbasic.facebook.com: /HANDLE/posts/ID, /permalink.php?story_fbid=ID&id=
ACCOUNT, /story.php, /groups/GROUP/posts/ID, /photo?fbid=ID).

Today's ("Comet", 2020 on) page ships its data as server-side JSON in
``<script type="application/json" data-sjs>`` blobs (``require`` arrays whose ``__bbox.result
.data`` hold the story) and in ``/api/graphql/`` answers (several JSON objects, one a line).
A story node has ``__typename: "Story"``, ``post_id``, ``actors[]`` (``id``, ``name``, ``url``),
``message.text``, ``creation_time`` (epoch seconds, often deeper in ``comet_sections``),
``attachments``; counts sit in its ``feedback``: ``reaction_count.count``,
``comment_count.total_count`` / ``comments.total_count``, ``share_count.count``. Comments are
``Comment`` nodes (``body.text``, ``author``, ``created_time``). The address itself carries
the post id and, for permalink.php, the account id. yt-dlp's Facebook extractor and
facebook-scraper read the same blobs; their keys change often, so each value is looked for
anywhere inside the story node.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from evidencekit.capture.platforms.record import (
    PageInput,
    PostRecord,
    dig,
    epoch_utc,
    id_of,
    loads,
    obj,
    text_of,
    walk,
)

HOSTS = ("facebook.com", "fb.com", "fb.watch")
MARKERS: tuple[str, ...] = ()
_POST_PATH = re.compile(
    r"^/([A-Za-z0-9.\-]{1,80})/(?:posts|videos|photos)/(?:[^/]+/)?([A-Za-z0-9]{5,80})"
)


def _address_ids(url: str) -> tuple[str | None, str | None, str | None]:
    """(post id, account id, handle) the address names."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    post = id_of(next(iter(query.get("story_fbid") or query.get("fbid") or []), None))
    account = id_of(next(iter(query.get("id") or []), None))
    handle = None
    match = _POST_PATH.match(parts.path)
    if match:
        handle, post = match.group(1), post or id_of(match.group(2))
        if handle in ("groups", "watch"):
            handle = None
    return post, account, handle


def _blobs(page: PageInput) -> list[Any]:
    blobs = [loads(s.raw_text()) for s in page.dom.find_all("script", type="application/json")]
    for response in page.responses:
        if "/api/graphql" in response.url:
            blobs.append(response.data)
    return [b for b in blobs if b is not None]


def _first(node: Any, key: str) -> Any:
    for inner in walk(node):
        if key in inner and inner[key] not in (None, "", [], {}):
            return inner[key]
    return None


def _handle_from(url: Any) -> str | None:
    text = text_of(url, 500)
    if not text:
        return None
    path = urlsplit(text).path.strip("/")
    return path if re.fullmatch(r"[A-Za-z0-9.]{1,80}", path) and path != "profile.php" else None


def read(page: PageInput) -> PostRecord:
    record = PostRecord("Facebook")
    post_id, account_id, handle = _address_ids(page.final_url)
    blobs = _blobs(page)
    story = None
    for blob in blobs:
        for node in walk(blob):
            if "post_id" in node and ("actors" in node or node.get("__typename") == "Story"):
                if post_id is None or id_of(node.get("post_id")) == post_id or story is None:
                    story = node
                if post_id is not None and id_of(node.get("post_id")) == post_id:
                    break
    if story is not None:
        record.sources.append("data-sjs JSON blobs / GraphQL responses (Story node)")
        actor = dig(story, "actors", 0)
        actor = obj(actor)
        record.fill(
            author_name=text_of(actor.get("name"), 300),
            account_id=id_of(actor.get("id")),
            handle=_handle_from(actor.get("url")),
            post_id=id_of(story.get("post_id")),
            posted_at_utc=epoch_utc(_first(story, "creation_time")),
            text=text_of(dig(story, "message", "text"))
            or text_of(_first(story, "message") and dig(_first(story, "message"), "text")),
        )
        record.count("likes", dig(_first(story, "reaction_count"), "count"))
        comments = _first(story, "comment_count") or _first(story, "comments")
        record.count("comments", dig(comments, "total_count"))
        record.count("shares", dig(_first(story, "share_count"), "count"))
        for node in walk(story.get("attachments")):
            if node.get("__typename") in ("Photo", "Video"):
                uri = (
                    dig(node, "image", "uri")
                    or dig(node, "photo_image", "uri")
                    or node.get("playable_url")
                )
                record.add_media(str(node["__typename"]).lower(), uri)
    for blob in blobs:
        for node in walk(blob):
            if node.get("__typename") == "Comment" and isinstance(node.get("body"), dict):
                author = obj(node.get("author"))
                entry = {
                    "id": id_of(node.get("legacy_fbid")) or text_of(node.get("id"), 200),
                    "author_name": text_of(author.get("name"), 300),
                    "account_id": id_of(author.get("id")),
                    "posted_at_utc": epoch_utc(node.get("created_time")),
                    "text": text_of(dig(node, "body", "text"), 5000),
                }
                if entry not in record.comments:
                    record.comments.append(entry)
    record.fill(post_id=post_id, account_id=account_id, handle=handle)
    if post_id or account_id:
        record.sources.append("the address (story_fbid / id / path)")
    abbr = page.dom.find("abbr")
    if abbr is not None:
        record.fill(posted_at_shown=abbr.text()[:200] or None)
        record.fill(posted_at_utc=epoch_utc(abbr.get("data-utime")))
    return record

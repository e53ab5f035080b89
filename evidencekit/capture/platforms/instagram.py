"""Instagram (www.instagram.com/p/CODE/, /reel/CODE/, /tv/CODE/).

Two shapes of the post object, as instaloader, gallery-dl and yt-dlp read them:
- the GraphQL "shortcode_media" shape: ``window._sharedData`` (``entry_data.PostPage[0]
  .graphql.shortcode_media``, until about 2020), ``window.__additionalDataLoaded(path, {graphql
  ...})`` (2020-22) and the ``/graphql/query`` answers of today's web app
  (``data.xdt_shortcode_media``): ``id``, ``shortcode``, ``taken_at_timestamp``, ``owner``
  (``id``, ``username``, ``full_name``), ``edge_media_to_caption.edges[0].node.text``,
  ``edge_media_preview_like.count``, ``edge_media_to_parent_comment`` (count and edges of
  comments), ``video_view_count``, ``display_url`` / ``video_url``, ``edge_sidecar_to_children``;
- the private-API "v1 item" shape: ``/api/v1/media/ID/info/`` answers and the page's
  ``<script type="application/json" data-sjs>`` blobs
  (``xdt_api__v1__media__shortcode__web_info.items[0]``): ``pk``, ``code``, ``taken_at``,
  ``user`` (``pk``, ``username``, ``full_name``), ``caption.text``, ``like_count``,
  ``comment_count``, ``play_count``, ``image_versions2.candidates``, ``video_versions``,
  ``carousel_media``; comments from ``/api/v1/media/ID/comments/`` (``comments[]``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from evidencekit.capture.platforms.record import (
    MAX_JSON_CHARS,
    PageInput,
    PostRecord,
    assigned_json,
    dig,
    epoch_utc,
    id_of,
    loads,
    obj,
    text_of,
    walk,
)

HOSTS = ("instagram.com",)
MARKERS = (
    "window._sharedData",
    "xdt_shortcode_media",
    "__additionalDataLoaded",
    "xdt_api__v1__media__shortcode__web_info",
)
_CODE = re.compile(r"/(?:p|reel|reels|tv)/([A-Za-z0-9_\-]{5,80})")


def _blobs(page: PageInput) -> list[tuple[str, Any]]:
    blobs: list[tuple[str, Any]] = []
    shared = assigned_json(page.html, "window._sharedData")
    if shared is not None:
        blobs.append(("window._sharedData", shared))
    for match in re.finditer(r"__additionalDataLoaded\(\s*(['\"]).{0,300}?\1\s*,\s*", page.html):
        try:
            blobs.append(
                (
                    "window.__additionalDataLoaded",
                    json.JSONDecoder().raw_decode(page.html[:MAX_JSON_CHARS], match.end())[0],
                )
            )
        except (ValueError, RecursionError):
            continue
    for script in page.dom.find_all("script", type="application/json"):
        data = loads(script.raw_text())
        if data is not None:
            blobs.append(("<script type=application/json> blobs", data))
    for response in page.responses:
        if "/graphql" in response.url or "/api/v1/media/" in response.url:
            blobs.append(
                (f"{'GraphQL' if '/graphql' in response.url else 'API'} responses", response.data)
            )
    return blobs


def _find(blobs: list[tuple[str, Any]], code: str | None) -> tuple[str, str, dict[str, Any]] | None:
    """(shape, where, post) of the post with this shortcode (or the first one)."""
    first = None
    for where, blob in blobs:
        for node in walk(blob):
            for key in ("shortcode_media", "xdt_shortcode_media"):
                if isinstance(node.get(key), dict):
                    post = node[key]
                    if code is None or post.get("shortcode") == code:
                        return "graph", where, post
                    first = first or ("graph", where, post)
            items = node.get("items")
            if (
                isinstance(items, list)
                and items
                and isinstance(items[0], dict)
                and "taken_at" in items[0]
            ):
                post = items[0]
                if code is None or post.get("code") == code:
                    return "v1", where, post
                first = first or ("v1", where, post)
    return first


def _graph(record: PostRecord, post: dict[str, Any]) -> None:
    owner = obj(post.get("owner"))
    record.fill(
        author_name=text_of(owner.get("full_name"), 300),
        handle=text_of(owner.get("username"), 100),
        account_id=id_of(owner.get("id")),
        post_id=id_of(post.get("id")),
        posted_at_utc=epoch_utc(post.get("taken_at_timestamp")),
        text=text_of(dig(post, "edge_media_to_caption", "edges", 0, "node", "text")),
    )
    record.count("likes", dig(post, "edge_media_preview_like", "count"))
    record.count("likes", dig(post, "edge_liked_by", "count"))
    comments = post.get("edge_media_to_parent_comment") or post.get("edge_media_to_comment")
    record.count("comments", dig(comments, "count"))
    record.count("views", post.get("video_view_count"))
    children = [dig(e, "node") for e in dig(post, "edge_sidecar_to_children", "edges") or []]
    for node in [c for c in children if isinstance(c, dict)] or [post]:
        record.add_media(
            "video" if node.get("is_video") else "image",
            node.get("video_url") or node.get("display_url"),
        )
    for edge in dig(comments, "edges") or []:
        node = dig(edge, "node")
        if isinstance(node, dict):
            record.comments.append(
                {
                    "id": id_of(node.get("id")),
                    "handle": text_of(dig(node, "owner", "username"), 100),
                    "account_id": id_of(dig(node, "owner", "id")),
                    "posted_at_utc": epoch_utc(node.get("created_at")),
                    "text": text_of(node.get("text"), 5000),
                }
            )


def _v1(record: PostRecord, post: dict[str, Any]) -> None:
    user = obj(post.get("user"))
    record.fill(
        author_name=text_of(user.get("full_name"), 300),
        handle=text_of(user.get("username"), 100),
        account_id=id_of(user.get("pk")) or id_of(user.get("id")),
        post_id=id_of(post.get("pk")),
        posted_at_utc=epoch_utc(post.get("taken_at")),
        text=text_of(dig(post, "caption", "text")),
    )
    record.count("likes", post.get("like_count"))
    record.count("comments", post.get("comment_count"))
    record.count("views", post.get("play_count") or post.get("view_count"))
    for key in ("comments", "preview_comments"):
        for comment in post.get(key) or []:
            _v1_comment(record, comment)
    for node in [c for c in post.get("carousel_media") or [] if isinstance(c, dict)] or [post]:
        video = dig(node, "video_versions", 0, "url")
        record.add_media(
            "video" if video else "image",
            video or dig(node, "image_versions2", "candidates", 0, "url"),
        )


def _v1_comment(record: PostRecord, comment: Any) -> None:
    if not isinstance(comment, dict) or not isinstance(comment.get("user"), dict):
        return
    entry = {
        "id": id_of(comment.get("pk")),
        "handle": text_of(comment["user"].get("username"), 100),
        "account_id": id_of(comment["user"].get("pk")),
        "posted_at_utc": epoch_utc(comment.get("created_at")),
        "text": text_of(comment.get("text"), 5000),
    }
    if entry not in record.comments:
        record.comments.append(entry)


def read(page: PageInput) -> PostRecord:
    record = PostRecord("Instagram")
    match = _CODE.search(page.final_url) or _CODE.search(page.url)
    blobs = _blobs(page)
    found = _find(blobs, match.group(1) if match else None)
    if found is not None:
        shape, where, post = found
        record.sources.append(where)
        (_graph if shape == "graph" else _v1)(record, post)
    for where, blob in blobs:
        if "comments" in where.lower() or isinstance(dig(blob, "comments"), list):
            for comment in dig(blob, "comments") or []:
                _v1_comment(record, comment)
    shown = page.dom.find("time")
    if shown is not None and record.post_id:
        record.fill(posted_at_shown=shown.text()[:200] or None)
    return record

"""YouTube (www/m.youtube.com/watch?v=ID, /shorts/ID, youtu.be/ID).

The watch page assigns two JSON objects in scripts, as yt-dlp's YouTube extractor reads them:
``ytInitialPlayerResponse`` (``videoDetails``: ``videoId``, ``title``, ``author``,
``channelId``, ``shortDescription``, ``viewCount``; ``microformat.playerMicroformatRenderer``:
``publishDate`` / ``uploadDate`` (ISO with a zone since 2023, a date before),
``ownerProfileUrl`` ".../@handle", ``externalChannelId``; ``playabilityStatus.status`` OK,
ERROR, LOGIN_REQUIRED, UNPLAYABLE with a ``reason``) and ``ytInitialData`` (the watch-next
page: ``videoPrimaryInfoRenderer.dateText.simpleText`` - the date as shown -,
``videoSecondaryInfoRenderer.owner.videoOwnerRenderer`` with the channel name and
``canonicalBaseUrl`` "/@handle"; the like button's ``likeCount`` where present). Comments come
from the page's own ``/youtubei/v1/next`` answers: ``commentEntityPayload`` objects in
``frameworkUpdates.entityBatchUpdate.mutations`` (2024 on: ``properties.commentId``,
``properties.content.content``, ``properties.publishedTime``, ``author.channelId``,
``author.displayName`` "@handle") or, before, ``commentRenderer`` objects (``commentId``,
``contentText.runs``, ``authorText.simpleText``, ``authorEndpoint.browseEndpoint.browseId``,
``publishedTimeText``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from evidencekit.capture.platforms.record import (
    PageInput,
    PostRecord,
    assigned_json,
    dig,
    id_of,
    iso_utc,
    obj,
    text_of,
    walk,
)

HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com")
MARKERS = ("ytInitialPlayerResponse",)


def _handle(url: Any) -> str | None:
    text = text_of(url, 500)
    match = re.search(r"/@([A-Za-z0-9._\-]{1,100})", text or "")
    return match.group(1) if match else None


def _run_text(value: Any) -> str | None:
    if isinstance(value, dict):
        return text_of(value.get("simpleText"), 300) or text_of(
            "".join(str(r.get("text", "")) for r in value.get("runs") or [] if isinstance(r, dict)),
            300,
        )
    return None


def _comments(record: PostRecord, page: PageInput) -> None:
    seen: set[str] = set()
    for response in page.responses:
        if "/youtubei/v1/next" not in response.url:
            continue
        for node in walk(response.data):
            entity, old = obj(node.get("commentEntityPayload")), obj(node.get("commentRenderer"))
            if entity:
                props, author = obj(entity.get("properties")), obj(entity.get("author"))
                name = text_of(author.get("displayName"), 300)
                entry = {
                    "id": id_of(props.get("commentId")),
                    "author_name": name,
                    "handle": name[1:] if name and name.startswith("@") else None,
                    "account_id": id_of(author.get("channelId")),
                    "posted_at_shown": text_of(props.get("publishedTime"), 100),
                    "text": text_of(dig(props, "content", "content"), 5000),
                }
            elif old:
                name = _run_text(old.get("authorText"))
                entry = {
                    "id": id_of(old.get("commentId")),
                    "author_name": name,
                    "handle": name[1:] if name and name.startswith("@") else None,
                    "account_id": id_of(dig(old, "authorEndpoint", "browseEndpoint", "browseId")),
                    "posted_at_shown": _run_text(old.get("publishedTimeText")),
                    "text": text_of(
                        "".join(
                            str(r.get("text", ""))
                            for r in dig(old, "contentText", "runs") or []
                            if isinstance(r, dict)
                        ),
                        5000,
                    ),
                }
            else:
                continue
            key = entry["id"] or repr(entry)
            if key not in seen:
                seen.add(key)
                record.comments.append(entry)
    if record.comments:
        record.sources.append("/youtubei/v1/next responses (comments)")


def read(page: PageInput) -> PostRecord:
    record = PostRecord("YouTube")
    player = assigned_json(page.html, "ytInitialPlayerResponse")
    initial = assigned_json(page.html, "ytInitialData")
    details = dig(player, "videoDetails") if isinstance(dig(player, "videoDetails"), dict) else {}
    micro = dig(player, "microformat", "playerMicroformatRenderer")
    micro = obj(micro)
    if player is not None:
        record.sources.append("ytInitialPlayerResponse")
        status = dig(player, "playabilityStatus", "status")
        if isinstance(status, str) and status != "OK":
            reason = text_of(dig(player, "playabilityStatus", "reason"), 300)
            kind = "login required" if status == "LOGIN_REQUIRED" else "not available"
            record.unavailable = f"{kind} ({status}{': ' + reason if reason else ''})"
    record.fill(
        author_name=text_of(details.get("author"), 300)
        or text_of(micro.get("ownerChannelName"), 300),
        account_id=id_of(details.get("channelId")) or id_of(micro.get("externalChannelId")),
        handle=_handle(micro.get("ownerProfileUrl")),
        post_id=id_of(details.get("videoId")),
        posted_at_utc=iso_utc(micro.get("publishDate")) or iso_utc(micro.get("uploadDate")),
        text=text_of(details.get("shortDescription")) or text_of(details.get("title")),
    )
    record.count("views", details.get("viewCount"))
    thumbs = dig(details, "thumbnail", "thumbnails")
    if isinstance(thumbs, list) and thumbs:
        record.add_media("thumbnail", dig(thumbs, -1, "url"))
    if record.post_id:
        record.add_media("video", f"https://www.youtube.com/watch?v={record.post_id}")
    if initial is not None:
        record.sources.append("ytInitialData")
        for node in walk(initial):
            primary = node.get("videoPrimaryInfoRenderer")
            if isinstance(primary, dict):
                record.fill(posted_at_shown=_run_text(primary.get("dateText")))
            owner = dig(node, "videoSecondaryInfoRenderer", "owner", "videoOwnerRenderer")
            if isinstance(owner, dict):
                base = dig(owner, "navigationEndpoint", "browseEndpoint", "canonicalBaseUrl")
                record.fill(
                    author_name=_run_text(owner.get("title")),
                    handle=_handle(base),
                    account_id=id_of(
                        dig(owner, "navigationEndpoint", "browseEndpoint", "browseId")
                    ),
                )
            if "likeCount" in node:
                record.count("likes", node.get("likeCount"))
    _comments(record, page)
    if not record.post_id:
        parts = urlsplit(page.final_url)
        vid: str | None = next(iter(parse_qs(parts.query).get("v") or []), None)
        short = re.match(r"^/(?:shorts|live|embed)/([A-Za-z0-9_\-]{11})", parts.path)
        if parts.hostname and parts.hostname.endswith("youtu.be"):
            vid = parts.path.strip("/")[:11] or None
        record.fill(post_id=id_of(vid or (short.group(1) if short else None)))
    return record

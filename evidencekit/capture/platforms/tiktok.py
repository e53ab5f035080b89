"""TikTok (www.tiktok.com/@handle/video/ID and /photo/ID).

The page embeds its data as JSON in a script, in one of three shapes seen over the years (as
yt-dlp's TikTok extractor also reads them): ``__UNIVERSAL_DATA_FOR_REHYDRATION__`` (2023 on:
``__DEFAULT_SCOPE__["webapp.video-detail"]`` holding ``statusCode`` and
``itemInfo.itemStruct``), ``SIGI_STATE`` (2022-23: ``ItemModule[id]``, ``UserModule.users``,
``VideoPage.statusCode``) and ``__NEXT_DATA__`` (before: ``props.pageProps``). The item has
``id``, ``desc``, ``createTime`` (epoch seconds), ``author`` (``id``, ``uniqueId``,
``nickname``; in SIGI_STATE a handle string with ``authorId``/``nickname`` beside it),
``stats`` (``diggCount``, ``commentCount``, ``shareCount``, ``playCount``), ``video`` and, for
photo posts, ``imagePost.images[].imageURL.urlList``. statusCode 0 is a post, 10216 a
private one, any other a post that is not available. Comments come from the page's own
``/api/comment/list/`` requests (``comments[]`` with ``cid``, ``text``, ``create_time``,
``user.uid`` / ``unique_id`` / ``nickname``).
"""

from __future__ import annotations

import re
from typing import Any

from evidencekit.capture.platforms.record import (
    PageInput,
    PostRecord,
    as_count,
    dig,
    epoch_utc,
    id_of,
    obj,
    script_json,
    text_of,
)

HOSTS = ("tiktok.com",)
MARKERS = ('id="__UNIVERSAL_DATA_FOR_REHYDRATION__"', 'id="SIGI_STATE"')
_VIDEO_ID = re.compile(r"/(?:video|photo)/(\d{5,25})")
_STATUS = {10216: "private"}


def _item(page: PageInput, want: str | None) -> tuple[Any, Any, str | None]:
    """(item, statusCode, where) from whichever blob the page has."""
    dom = page.dom
    universal = script_json(dom, id="__UNIVERSAL_DATA_FOR_REHYDRATION__")
    detail = dig(universal, "__DEFAULT_SCOPE__", "webapp.video-detail")
    if isinstance(detail, dict):
        return (
            dig(detail, "itemInfo", "itemStruct"),
            detail.get("statusCode"),
            ("__UNIVERSAL_DATA_FOR_REHYDRATION__ (webapp.video-detail)"),
        )
    sigi = script_json(dom, id="SIGI_STATE")
    modules = dig(sigi, "ItemModule")
    if isinstance(modules, dict) and modules:
        item = modules.get(want) if want else None
        item = item if isinstance(item, dict) else next(iter(modules.values()))
        users = dig(sigi, "UserModule", "users")
        if isinstance(item, dict) and isinstance(users, dict):
            user = users.get(item.get("author")) if isinstance(item.get("author"), str) else None
            if isinstance(user, dict):
                item = {**item, "author": user}
        return item, dig(sigi, "VideoPage", "statusCode"), "SIGI_STATE (ItemModule)"
    props = dig(script_json(dom, id="__NEXT_DATA__"), "props", "pageProps")
    if isinstance(props, dict):
        return dig(props, "itemInfo", "itemStruct"), props.get("statusCode"), "__NEXT_DATA__"
    return None, None, None


def read(page: PageInput) -> PostRecord:
    record = PostRecord("TikTok")
    match = _VIDEO_ID.search(page.final_url) or _VIDEO_ID.search(page.url)
    want = match.group(1) if match else None
    item, status, where = _item(page, want)
    if where:
        record.sources.append(where)
    if isinstance(status, int) and not isinstance(status, bool) and status != 0:
        record.unavailable = _STATUS.get(status, f"not available (TikTok status {status})")
    if isinstance(item, dict):
        author = item.get("author")
        if isinstance(author, dict):
            record.fill(
                author_name=text_of(author.get("nickname"), 300),
                handle=text_of(author.get("uniqueId"), 100),
                account_id=id_of(author.get("id")),
            )
        else:
            record.fill(
                handle=text_of(author, 100),
                author_name=text_of(item.get("nickname"), 300),
                account_id=id_of(item.get("authorId")),
            )
        record.fill(
            post_id=id_of(item.get("id")),
            posted_at_utc=epoch_utc(item.get("createTime")),
            text=text_of(item.get("desc")),
        )
        stats = obj(item.get("stats"))
        stats_v2 = obj(item.get("statsV2"))
        for name, key in (
            ("likes", "diggCount"),
            ("comments", "commentCount"),
            ("shares", "shareCount"),
            ("views", "playCount"),
        ):
            record.count(name, stats.get(key))
            record.count(name, stats_v2.get(key))
        video = obj(item.get("video"))
        record.add_media("video", video.get("playAddr") or video.get("downloadAddr"))
        record.add_media("cover", video.get("cover"))
        for image in dig(item, "imagePost", "images") or []:
            record.add_media("image", dig(image, "imageURL", "urlList", 0))
    for response in page.responses:
        if "/api/comment/list" not in response.url:
            continue
        for comment in dig(response.data, "comments") or []:
            if not isinstance(comment, dict):
                continue
            user = obj(comment.get("user"))
            record.comments.append(
                {
                    "id": id_of(comment.get("cid")),
                    "author_name": text_of(user.get("nickname"), 300),
                    "handle": text_of(user.get("unique_id"), 100),
                    "account_id": id_of(user.get("uid")),
                    "posted_at_utc": epoch_utc(comment.get("create_time")),
                    "text": text_of(comment.get("text"), 5000),
                    "likes": as_count(comment.get("digg_count")),
                }
            )
        if record.comments and "/api/comment/list/ responses" not in record.sources:
            record.sources.append("/api/comment/list/ responses")
    # The date the page shows under the author's name (a <span> after the nickname).
    shown = page.dom.find(data_e2e="browser-nickname")
    if shown is not None:
        spans = [s.text() for s in shown.find_all("span") if s.text()]
        record.fill(posted_at_shown=spans[-1][:200] if len(spans) > 1 else None)
    return record

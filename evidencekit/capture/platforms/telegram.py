"""Telegram public posts and channels (t.me/CHANNEL/ID, t.me/s/CHANNEL, t.me/s/CHANNEL/ID,
and the ``?embed=1`` widget), as the public web preview renders them (the markup snscrape's
Telegram scraper and Telegram's own post widget use): each post is a
``div.tgme_widget_message`` with ``data-post="CHANNEL/ID"``, the author in
``.tgme_widget_message_owner_name``, the text in ``.tgme_widget_message_text``, the views in
``.tgme_widget_message_views`` ("1.2K"), the time in ``.tgme_widget_message_date time``
(``datetime`` attribute with a zone, and the shown text), photos as ``background-image`` of
``a.tgme_widget_message_photo_wrap``, videos as ``video.tgme_widget_message_video``. The
channel page adds ``.tgme_channel_info_header_title`` and ``_username``. The plain post page
(t.me/CHANNEL/ID, no /s/) shows the post in an ``?embed=1`` frame and says only in its og:
tags who posted what. The web preview
shows no numeric channel id, so the account id stays missing unless the page carries one
(``data-peer`` on newer widgets: its digits after "c").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from evidencekit.capture.platforms.dom import Node
from evidencekit.capture.platforms.record import (
    PageInput,
    PostRecord,
    as_count,
    id_of,
    iso_utc,
    text_of,
)

HOSTS = ("t.me", "telegram.me", "telegram.dog")
MARKERS = ('class="tgme_widget_message ',)
_BG = re.compile(r"background-image\s*:\s*url\(['\"]?([^'\")]+)")


def _wanted(url: str) -> tuple[str | None, str | None]:
    path = [p for p in urlsplit(url).path.split("/") if p]
    if path[:1] == ["s"]:
        path = path[1:]
    channel = path[0] if path else None
    post = path[1] if len(path) > 1 and path[1].isdigit() else None
    return channel, post


def _one(node: Node, cls: str) -> Node | None:
    return node.find(class_=cls)


def read(page: PageInput) -> PostRecord:
    record = PostRecord("Telegram")
    channel, post = _wanted(page.final_url)
    messages = [
        m for m in page.dom.find_all("div", class_="tgme_widget_message") if m.get("data-post")
    ]
    chosen = None
    if post is not None:
        chosen = next(
            (
                m
                for m in messages
                if (m.get("data-post") or "").lower() == f"{channel}/{post}".lower()
            ),
            None,
        )
    elif messages:
        chosen = messages[-1]  # a channel page: the newest post is last
    header = _one(page.dom, "tgme_channel_info_header_title")
    username = _one(page.dom, "tgme_channel_info_header_username")
    if header is not None:
        record.fill(author_name=header.text()[:300] or None)
    if username is not None:
        record.fill(handle=username.text().lstrip("@")[:100] or None)
    if chosen is not None:
        record.sources.append("tgme_widget_message markup (t.me web preview)")
        data_post = chosen.get("data-post") or ""
        name, _, number = data_post.rpartition("/")
        owner = _one(chosen, "tgme_widget_message_owner_name")
        text = _one(chosen, "tgme_widget_message_text")
        date = _one(chosen, "tgme_widget_message_date")
        time = date.find("time") if date is not None else None
        peer = re.fullmatch(r"c(\d{1,20})(?:_.*)?", chosen.get("data-peer") or "")
        record.fill(
            author_name=owner.text()[:300] if owner is not None else None,
            handle=text_of(name, 100),
            post_id=id_of(number),
            text=text.text()[:20_000] if text is not None else None,
            posted_at_utc=iso_utc(time.get("datetime")) if time is not None else None,
            posted_at_shown=time.text()[:200] if time is not None else None,
            account_id=peer.group(1) if peer else None,
        )
        views = _one(chosen, "tgme_widget_message_views")
        if views is not None:
            record.count("views", views.text())
        for photo in chosen.find_all(class_="tgme_widget_message_photo_wrap"):
            bg = _BG.search(photo.get("style") or "")
            record.add_media("image", bg.group(1) if bg else None)
        for video in chosen.find_all("video"):
            record.add_media("video", video.get("src"))
        reply_count = _one(chosen, "tgme_widget_message_replies")
        if reply_count is not None:
            record.count("comments", as_count(reply_count.text().split(" ")[0]))
    elif post is not None and messages:
        record.problems.append(f"post {channel}/{post} is not among the posts the page shows")
    if post is None and chosen is not None:
        record.problems.append("a channel page: the facts are those of its newest post shown")
    if chosen is None and post is not None and channel and page.meta.get("og:title"):
        # t.me/CHANNEL/ID itself: the post is in an embedded widget frame; the page's own
        # meta tags carry the channel's name and the post's text (filled in by the generic
        # reader), the address names the channel and the post.
        record.fill(handle=id_of(channel), post_id=post, author_name=page.meta["og:title"][:300])
        record.sources.append("the address (t.me/CHANNEL/ID) and the page's og: tags")
    error = _one(page.dom, "tgme_widget_message_error")
    if error is not None and chosen is None:
        record.unavailable = "not available (" + error.text()[:200] + ")"
    return record

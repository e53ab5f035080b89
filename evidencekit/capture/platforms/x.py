"""X / Twitter (x.com or twitter.com/HANDLE/status/ID).

The web app renders the post from GraphQL answers it fetches, so the facts are in the
recorded responses, not the HTML (as yt-dlp's and gallery-dl's Twitter extractors read them):
``/i/api/graphql/<query id>/TweetDetail`` (``data.threaded_conversation_with_injections_v2
.instructions[].entries[]``, each ``content.itemContent.tweet_results.result`` or, in a
conversation module, ``content.items[].item.itemContent...``) and
``TweetResultByRestId`` (``data.tweetResult.result``). A result is a ``Tweet`` (or a
``TweetWithVisibilityResults`` wrapping ``tweet``) with ``rest_id``, ``legacy`` (``full_text``,
``created_at`` like "Wed Oct 10 20:19:24 +0000 2018", ``favorite_count``, ``reply_count``,
``retweet_count``, ``quote_count``, ``extended_entities.media[]``), ``views.count``,
``note_tweet`` for long posts, and ``core.user_results.result`` for the author (``rest_id``;
``legacy.screen_name`` / ``legacy.name``, moved to ``core.screen_name`` / ``core.name`` in
2025). A ``TweetTombstone`` or ``TweetUnavailable`` means the post is not shown.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from evidencekit.capture.platforms.record import (
    PageInput,
    PostRecord,
    as_count,
    dig,
    id_of,
    loads,
    obj,
    text_of,
    walk,
)

HOSTS = ("x.com", "twitter.com")
MARKERS: tuple[str, ...] = ()
RESPONSE_MARKERS = ("/i/api/graphql/",)
_STATUS_ID = re.compile(r"/status(?:es)?/(\d{1,25})")
_QUERIES = ("/TweetDetail", "/TweetResultByRestId")


def twitter_time(value: Any) -> str | None:
    text = text_of(value, 64)
    if text is None:
        return None
    try:
        moment = dt.datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
    except ValueError:
        return None
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unwrap(result: Any) -> Any:
    if isinstance(result, dict) and result.get("__typename") == "TweetWithVisibilityResults":
        return result.get("tweet")
    return result


def _results(data: Any) -> list[dict[str, Any]]:
    """Every tweet result in a GraphQL answer (the focal post and the replies shown)."""
    found = []
    for node in walk(data):
        result = (
            _unwrap(node.get("tweet_results", {}).get("result"))
            if isinstance(node.get("tweet_results"), dict)
            else None
        )
        if isinstance(result, dict):
            found.append(result)
    direct = _unwrap(dig(data, "data", "tweetResult", "result"))
    if isinstance(direct, dict):
        found.append(direct)
    return found


def _user(tweet: dict[str, Any]) -> dict[str, str | None]:
    user = dig(tweet, "core", "user_results", "result")
    user = obj(user)
    return {
        "account_id": id_of(user.get("rest_id")) or id_of(dig(tweet, "legacy", "user_id_str")),
        "handle": text_of(dig(user, "core", "screen_name"), 100)
        or text_of(dig(user, "legacy", "screen_name"), 100),
        "author_name": text_of(dig(user, "core", "name"), 300)
        or text_of(dig(user, "legacy", "name"), 300),
    }


def _text(tweet: dict[str, Any]) -> str | None:
    return text_of(dig(tweet, "note_tweet", "note_tweet_results", "result", "text")) or text_of(
        dig(tweet, "legacy", "full_text")
    )


def _focal_asked(url: str) -> str | None:
    """The focalTweetId / tweetId the app asked the API for (its ``variables`` parameter)."""
    raw = next(iter(parse_qs(urlsplit(url).query).get("variables") or []), None)
    variables = loads(raw) if raw else None
    return id_of(obj(variables).get("focalTweetId")) or id_of(obj(variables).get("tweetId"))


def read(page: PageInput) -> PostRecord:
    record = PostRecord("X (Twitter)")
    match = _STATUS_ID.search(page.final_url) or _STATUS_ID.search(page.url)
    want = match.group(1) if match else None
    if want is None:  # an address that does not name the post: the one the app asked for
        want = next(
            (
                asked
                for r in page.responses
                if any(q in r.url for q in _QUERIES) and (asked := _focal_asked(r.url))
            ),
            None,
        )
    tweets: list[dict[str, Any]] = []
    for response in page.responses:
        if any(query in response.url for query in _QUERIES):
            tweets += _results(response.data)
            if "GraphQL TweetDetail responses" not in record.sources:
                record.sources.append("GraphQL TweetDetail responses")
    focal = next((t for t in tweets if want and id_of(t.get("rest_id")) == want), None)
    if focal is None and want:
        gone = next(
            (t for t in tweets if t.get("__typename") in ("TweetTombstone", "TweetUnavailable")),
            None,
        )
        if gone is not None:
            said = text_of(dig(gone, "tombstone", "text", "text"), 500)
            record.unavailable = "removed" + (f" ({said})" if said else "")
    if focal is not None:
        legacy = obj(focal.get("legacy"))
        record.fill(
            **_user(focal),
            post_id=id_of(focal.get("rest_id")),
            posted_at_utc=twitter_time(legacy.get("created_at")),
            text=_text(focal),
        )
        for name, key in (
            ("likes", "favorite_count"),
            ("comments", "reply_count"),
            ("shares", "retweet_count"),
            ("quotes", "quote_count"),
        ):
            record.count(name, legacy.get(key))
        record.count("views", dig(focal, "views", "count"))
        for media in dig(legacy, "extended_entities", "media") or []:
            kind = text_of(dig(media, "type"), 40) or "media"
            variants = [
                v for v in dig(media, "video_info", "variants") or [] if isinstance(v, dict)
            ]
            best = max(
                (v for v in variants if v.get("content_type") == "video/mp4"),
                key=lambda v: as_count(v.get("bitrate")) or 0,
                default=None,
            )
            record.add_media(kind, best.get("url") if best else dig(media, "media_url_https"))
        seen = {record.post_id}
        for reply in tweets:
            rid = id_of(reply.get("rest_id"))
            if rid in seen or reply.get("__typename") not in (None, "Tweet"):
                continue
            seen.add(rid)
            rlegacy = obj(reply.get("legacy"))
            record.comments.append(
                {
                    "id": rid,
                    **_user(reply),
                    "posted_at_utc": twitter_time(rlegacy.get("created_at")),
                    "text": _text(reply),
                    "in_reply_to": id_of(rlegacy.get("in_reply_to_status_id_str")),
                }
            )
    # The time the page shows (the post's own <time>, inside its permalink).
    if want:
        for link in page.dom.find_all("a"):
            if (link.get("href") or "").endswith(f"/status/{want}"):
                time = link.find("time")
                if time is not None and time.text():
                    record.fill(posted_at_shown=time.text()[:200])
                    break
    if record.handle is None and match:
        handle = re.search(r"^https?://[^/]+/([A-Za-z0-9_]{1,15})/status/", page.final_url)
        if handle:
            # the address names a handle, but X shows the post under any handle in the address
            record.problems.append(f"handle only in the address ({handle.group(1)}), not confirmed")
    return record

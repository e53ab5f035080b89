"""The platform readers over the fixture pages (no browser): each fills the record from the
structures its platform's page really carries; a fact the page does not hold stays missing
and is named in the completeness score; hostile or garbled data never crashes a reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from evidencekit.canonical import canonical_json
from evidencekit.capture.completeness import completeness_score, removed_reason
from evidencekit.capture.platforms.record import JsonResponse, PageInput, as_count
from evidencekit.capture.platforms.registry import choose, platform_facts
from evidencekit.capture.platforms.responses import json_responses
from evidencekit.capture.traffic import Exchange

SITE = Path(__file__).resolve().parent.parent / "support" / "site" / "platforms"
TIKTOK_URL = "https://www.tiktok.com/@nightowl.market/video/7301234567890123456"
X_URL = "https://x.com/harasser_acct/status/1790000000000000001"
X_API = "https://x.com/i/api/graphql/Qm9ja0RldGFpbA/TweetDetail?variables=%7B%7D"
TT_API = "https://www.tiktok.com/api/comment/list/?aweme_id=7301234567890123456"


def _json(path: str) -> Any:
    return json.loads((SITE / path).read_text(encoding="utf-8"))


def read(name: str, url: str, responses: list[JsonResponse] | None = None) -> dict[str, Any]:
    return platform_facts(url, url, (SITE / name).read_text(encoding="utf-8"), responses)


def epoch(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


EXPECTED: dict[str, tuple[str, dict[str, Any]]] = {
    "tiktok.html": (
        TIKTOK_URL,
        {
            "platform": "TikTok",
            "author_name": "Night Owl \U0001f989",
            "handle": "nightowl.market",
            "account_id": "6801234567890123456",
            "post_id": "7301234567890123456",
            "posted_at_utc": epoch(1700000000),
            "posted_at_shown": "2023-11-14",
            "text": "Night market haul #fyp",
            "counts": {"likes": 1520, "comments": 2, "shares": 33, "views": 40123},
        },
    ),
    "instagram.html": (
        "https://www.instagram.com/p/C1aBcDeFgHi/",
        {
            "platform": "Instagram",
            "author_name": "Quiet Account",
            "handle": "quiet.account_2",
            "account_id": "51234567890",
            "post_id": "3260000000000000001",
            "posted_at_utc": epoch(1704067200),
            "posted_at_shown": "January 1, 2024",
            "text": "you know what you did",
            "counts": {"likes": 87, "comments": 1},
        },
    ),
    "instagram-2019.html": (
        "https://www.instagram.com/p/B9xYzAbCdEf/",
        {
            "platform": "Instagram",
            "author_name": "Old Name",
            "handle": "old.handle",
            "account_id": "1234567",
            "post_id": "2100000000000000001",
            "posted_at_utc": epoch(1577836800),
            "posted_at_shown": None,
            "text": "first caption",
            "counts": {"likes": 44, "comments": 1, "views": 901},
        },
    ),
    "facebook.html": (
        "https://www.facebook.com/permalink.php?story_fbid=7000000000000001&id=100089000000001",
        {
            "platform": "Facebook",
            "author_name": "Arben K.",
            "handle": "arben.k.fixture",
            "account_id": "100089000000001",
            "post_id": "7000000000000001",
            "posted_at_utc": epoch(1710000000),
            "posted_at_shown": "March 9, 2024 at 4:00 PM",
            "text": "Look what I found about her...",
            "counts": {"likes": 23, "comments": 1, "shares": 4},
        },
    ),
    "telegram.html": (
        "https://t.me/s/leaks_fixture/42",
        {
            "platform": "Telegram",
            "author_name": "Leaks Channel",
            "handle": "leaks_fixture",
            "account_id": None,  # the public web preview shows no numeric channel id
            "post_id": "42",
            "posted_at_utc": "2024-05-02T21:30:00Z",
            "posted_at_shown": "21:30",
            "text": "New photos of her tonight\nshare before they delete",
            "counts": {"views": 1200},
        },
    ),
    "youtube.html": (
        "https://www.youtube.com/watch?v=dQw4fixture",
        {
            "platform": "YouTube",
            "author_name": "Rumour Mill",
            "handle": "rumourmill.fixture",
            "account_id": "UCfixture0000000000000001",
            "post_id": "dQw4fixture",
            "posted_at_utc": "2024-02-10T17:30:00Z",  # 09:30 at -08:00
            "posted_at_shown": "Feb 10, 2024",
            "text": "Part 2. Watch till the end; with a }; inside to test the decoder",
            "counts": {"views": 12873},
        },
    ),
    "generic.html": (
        "https://forum.example/t/991",
        {
            "platform": "web",
            "author_name": "Forum User",
            "handle": "forum_user_7",
            "account_id": None,
            "post_id": "post-991",
            "posted_at_utc": "2024-06-01T10:00:00Z",
            "text": "Posting this so everyone knows.",
            "counts": {},
        },
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_reader_fills_the_record_from_its_fixture(name: str) -> None:
    url, expected = EXPECTED[name]
    record = read(name, url)
    assert {key: record[key] for key in expected} == expected
    assert record["recognised_by"] == "address"
    assert record["problems"] == []
    assert record["sources"], "the record says where its facts came from"
    for entry in record["media"]:
        assert entry["url"].startswith(("https://", "http://")), entry


def test_tiktok_comments_come_from_the_recorded_api_answer() -> None:
    record = read(
        "tiktok.html", TIKTOK_URL, [JsonResponse(TT_API, _json("tiktok/api/comment/list"))]
    )
    assert [(c["handle"], c["account_id"], c["text"]) for c in record["comments"]] == [
        ("asker_1", "7000000000000000001", "where is this?"),
        ("second.one", "7000000000000000002", "you again"),
    ]
    assert record["media"][0] == {
        "kind": "video",
        "url": "https://v16-webapp.tiktok.com/fixture/play.mp4",
    }


def test_x_reads_the_graphql_answer_not_the_empty_shell() -> None:
    shell_only = read("x.html", X_URL)
    assert shell_only["post_id"] is None and shell_only["account_id"] is None
    assert shell_only["text"] is None, "nothing is invented from the shell page"
    record = read(
        "x.html", X_URL, [JsonResponse(X_API, _json("x/i/api/graphql/Qm9ja0RldGFpbA/TweetDetail"))]
    )
    assert record["handle"] == "harasser_acct"
    assert record["account_id"] == "123456789"
    assert record["post_id"] == "1790000000000000001"
    assert record["posted_at_utc"] == "2024-03-14T21:15:00Z"
    assert record["text"] == "I know where you live. Everyone will see these."
    assert record["counts"] == {"likes": 12, "comments": 1, "shares": 3, "quotes": 0, "views": 5120}
    assert record["media"] == [
        {"kind": "photo", "url": "https://pbs.twimg.com/media/FixturePhoto.jpg"}
    ]
    [reply] = record["comments"]  # unwrapped from TweetWithVisibilityResults
    assert (reply["handle"], reply["account_id"], reply["in_reply_to"]) == (
        "bystander",
        "987654321",
        "1790000000000000001",
    )


def test_instagram_and_facebook_comments() -> None:
    ig = read("instagram.html", "https://www.instagram.com/p/C1aBcDeFgHi/")
    assert [(c["handle"], c["account_id"]) for c in ig["comments"]] == [
        ("friend.of.victim", "61234567890")
    ]
    assert [m["kind"] for m in ig["media"]][:2] == ["image", "video"]
    fb = read("facebook.html", EXPECTED["facebook.html"][0])
    assert [(c["author_name"], c["account_id"], c["text"]) for c in fb["comments"]] == [
        ("Drita M.", "100089000000777", "Take it down now")
    ]


def test_telegram_channel_page_takes_the_newest_post_and_says_so() -> None:
    record = read("telegram.html", "https://t.me/s/leaks_fixture")
    assert record["post_id"] == "42"
    assert "a channel page" in record["problems"][0]
    older = read("telegram.html", "https://t.me/s/leaks_fixture/41")
    assert (older["post_id"], older["text"], older["counts"]) == (
        "41",
        "older post",
        {"views": 980},
    )


def test_a_platform_page_at_another_address_is_recognised_by_its_structure() -> None:
    html = (SITE / "tiktok.html").read_text(encoding="utf-8")
    page = PageInput("http://127.0.0.1:8000/platforms/tiktok.html", "http://127.0.0.1:8000/x", html)
    module, how = choose(page)
    assert (module.__name__.rsplit(".", 1)[-1], how) == ("tiktok", "page structure")
    for host in ("https://tiktok.com.evil.example/@a/video/1", "https://eviltiktok.com/@a/video/1"):
        assert choose(PageInput(host, host, "<p>hi</p>"))[0].__name__.endswith("generic")


# --- missing facts are missing ---------------------------------------------------------------


def _tiktok(detail: Any) -> str:
    blob = json.dumps({"__DEFAULT_SCOPE__": {"webapp.video-detail": detail}})
    return (
        f'<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{blob}</script>'
    )


def test_a_missing_fact_is_reported_missing_never_invented() -> None:
    item = {"id": "7301", "desc": "text", "author": {"uniqueId": "someone"}}  # no id, no time
    record = platform_facts(
        TIKTOK_URL, TIKTOK_URL, _tiktok({"statusCode": 0, "itemInfo": {"itemStruct": item}})
    )
    assert record["handle"] == "someone"
    assert record["account_id"] is None and record["posted_at_utc"] is None
    assert record["counts"] == {}
    score = completeness_score(record, login_wall=False, removed=None)
    assert score["score"] == "5/7"
    missing = " ".join(m["en"] for m in score["missing"])
    assert "numeric account id" in missing and "When it was posted" in missing
    assert all(m["sq"] and m["sq"] != m["en"] for m in score["missing"])


def test_private_removed_and_login_required_come_from_the_platform_data() -> None:
    private = platform_facts(TIKTOK_URL, TIKTOK_URL, _tiktok({"statusCode": 10216}))
    assert private["unavailable"] == "private"
    gone = platform_facts(TIKTOK_URL, TIKTOK_URL, _tiktok({"statusCode": 10204}))
    assert gone["unavailable"] == "not available (TikTok status 10204)"
    tomb = {
        "data": {
            "tweetResult": {
                "result": {
                    "__typename": "TweetTombstone",
                    "tombstone": {"text": {"text": "This Post was deleted by the Post author."}},
                }
            }
        }
    }
    x = platform_facts(
        X_URL,
        X_URL,
        "<html></html>",
        [
            JsonResponse(
                X_URL.replace("harasser_acct/status", "i/api/graphql/q/TweetResultByRestId?"), tomb
            )
        ],
    )
    assert x["unavailable"] == "removed (This Post was deleted by the Post author.)"
    yt = platform_facts(
        "https://www.youtube.com/watch?v=abcdefghijk",
        "https://www.youtube.com/watch?v=abcdefghijk",
        '<script>var ytInitialPlayerResponse = {"playabilityStatus":'
        '{"status":"LOGIN_REQUIRED","reason":"Sign in to confirm your age"}};</script>',
    )
    assert yt["unavailable"] == "login required (LOGIN_REQUIRED: Sign in to confirm your age)"
    assert yt["post_id"] == "abcdefghijk"  # from the address, which names it
    score = completeness_score(yt, login_wall=False, removed=None)
    keys = {f["key"]: f["found"] for f in score["facts"]}
    assert keys["no_login_wall"] is False and keys["not_removed"] is False
    assert any("Sign in to confirm your age" in m["en"] for m in score["missing"])


def test_completeness_of_a_full_record_and_of_a_login_wall() -> None:
    url, _ = EXPECTED["tiktok.html"]
    record = read("tiktok.html", url)
    full = completeness_score(record, login_wall=False, removed=None)
    assert (full["score"], full["complete"], full["missing"]) == ("7/7", True, [])
    walled = completeness_score(record, login_wall=True, removed=None)
    assert walled["score"] == "6/7"
    assert walled["missing"][0]["en"].startswith("The page asked for a login")
    removed = completeness_score(record, login_wall=False, removed=removed_reason(404, ""))
    assert removed["score"] == "6/7"
    assert removed["missing"][-1] == {
        "en": "Why: the server answered 404.",
        "sq": "Pse: serveri u përgjigj 404.",
    }
    assert removed_reason(None, "Sorry, this page isn't available.") is not None
    assert removed_reason(200, "a normal post") is None


# --- hostile pages ---------------------------------------------------------------------------

HOSTILE = [
    _tiktok(
        {
            "statusCode": "0",
            "itemInfo": {
                "itemStruct": {
                    "author": ["x"],
                    "createTime": "abc",
                    "stats": "many",
                    "id": {"$": 1},
                }
            },
        }
    ),
    _tiktok(
        {
            "statusCode": 0,
            "itemInfo": {
                "itemStruct": {"createTime": 10**30, "stats": {"diggCount": -5, "playCount": 1e308}}
            },
        }
    ),
    # Counts beyond 2**53 do not survive canonical JSON: before the cap (commit a7be747) this
    # record held likes=10**20 and canonical_json raised NotCanonicalizable, so the vault could
    # not have hashed the capture's metadata. Now a count too large to be true is dropped.
    _tiktok(
        {
            "statusCode": 0,
            "itemInfo": {
                "itemStruct": {
                    "stats": {"diggCount": 10**20, "playCount": 2**53},
                    "statsV2": {"shareCount": "99999999999999999"},
                }
            },
        }
    ),
    '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">'
    '{"__DEFAULT_SCOPE__": {"webapp.video-detail": ',
    '<script id="SIGI_STATE" type="application/json">'
    + "[" * 100_000
    + "]" * 100_000
    + "</script>",
    '<script id="SIGI_STATE" type="application/json">'
    '{"ItemModule": {"1": 5, "2": null}, "UserModule": []}</script>',
    '<script>var ytInitialPlayerResponse = {"videoDetails": [1,2], "microformat": "x"</script>',
    "<script>window._sharedData = " + '{"a":' * 5000 + "1" + "}" * 5000 + ";</script>",
    '<div class="tgme_widget_message" data-post="/"><time datetime="yesterday">?</time>'
    '<div class="tgme_widget_message_views">1.2.3K</div>',
    '<<<>>><div <div class="tgme_widget_message" data-post="a/1"></span></div></p></html><script',
    '<script type="application/json" data-sjs>'
    '{"post_id": [], "actors": "nobody", "creation_time": -1}</script>',
]
URLS = [
    TIKTOK_URL,
    X_URL,
    "https://www.instagram.com/p/C1aBcDeFgHi/",
    "https://www.facebook.com/some.page/",
    "https://t.me/s/a/1",
    "https://www.youtube.com/watch?v=abcdefghijk",
    "https://forum.example/",
]


@pytest.mark.parametrize("html", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_and_garbled_data_never_crashes_and_invents_nothing(html: str) -> None:
    junk = [
        JsonResponse(X_API, {"data": {"threaded_conversation_with_injections_v2": "no"}}),
        JsonResponse(X_API, [[[{"tweet_results": {"result": {"rest_id": [], "legacy": 7}}}]]]),
        JsonResponse(TT_API, {"comments": [None, 3, {"user": "x", "text": ["a"]}]}),
        JsonResponse(TT_API, {"comments": [{"user": {}, "digg_count": 10**20, "cid": 10**20}]}),
    ]
    for url in URLS:
        record = platform_facts(url, url, html, junk)
        canonical_json(record)  # JSON the vault can hash, whatever came in
        assert record["posted_at_utc"] in (None,) or record["posted_at_utc"].endswith("Z")
        assert all(isinstance(v, int) and v >= 0 for v in record["counts"].values())
        assert record["account_id"] is None, (url, record)
        score = completeness_score(record, login_wall=False, removed=None)
        assert score["found"] <= 7


def test_counts_as_shown_are_read_strictly() -> None:
    assert [as_count(v) for v in ("1.2K", "3M", "1,234", "980", "2.05B")] == [
        1200,
        3_000_000,
        1234,
        980,
        2_050_000_000,
    ]
    assert [as_count(v) for v in ("1.2.3K", "-4", "lots", "", True, 1.5, "1.5")] == [None] * 7


def _exchange(seq: int, url: str, body: bytes, ctype: str, kind: str = "fetch") -> Exchange:
    ex = Exchange(seq, url, "GET", kind, dt.datetime.now(dt.UTC), False, body=body)
    ex.response_headers = [("Content-Type", ctype)]
    return ex


def test_json_responses_are_picked_from_the_traffic() -> None:
    exchanges = [
        _exchange(0, "https://a/api/graphql/", b'for (;;);{"a": 1}', "application/json"),
        _exchange(1, "https://a/api/graphql/", b'{"a": 1}\n{"b": 2}\n', "text/html", "xhr"),
        _exchange(2, "https://a/page", b'{"a": 1}', "text/html", "document"),
        _exchange(3, "https://a/x", b"<html>{}", "application/json"),
        _exchange(4, "https://a/y", b'{"broken": ', "application/json"),
    ]
    found = json_responses(exchanges)
    assert [r.data for r in found] == [{"a": 1}, [{"a": 1}, {"b": 2}]]


def test_tiktok_sigi_state_shape_of_2022() -> None:
    sigi = {
        "ItemModule": {
            "7100000000000000001": {
                "id": "7100000000000000001",
                "desc": "old shape",
                "createTime": 1650000000,
                "author": "old.handle",
                "nickname": "Old Nick",
                "authorId": "6700000000000000001",
                "stats": {"diggCount": 5, "commentCount": 0, "shareCount": 1, "playCount": 90},
            }
        },
        "UserModule": {
            "users": {
                "old.handle": {
                    "id": "6700000000000000001",
                    "uniqueId": "old.handle",
                    "nickname": "Old Nick",
                }
            }
        },
        "VideoPage": {"statusCode": 0},
    }
    html = f'<script id="SIGI_STATE" type="application/json">{json.dumps(sigi)}</script>'
    url = "https://www.tiktok.com/@old.handle/video/7100000000000000001"
    record = platform_facts(url, url, html)
    assert (record["handle"], record["account_id"], record["author_name"]) == (
        "old.handle",
        "6700000000000000001",
        "Old Nick",
    )
    assert record["posted_at_utc"] == epoch(1650000000)
    assert record["sources"] == ["SIGI_STATE (ItemModule)"]


def test_telegram_plain_post_page_reads_its_og_tags_and_address() -> None:
    html = (
        '<meta property="og:title" content="Leaks Channel">'
        '<meta property="og:description" content="New photos of her tonight">'
        '<iframe src="https://t.me/leaks_fixture/42?embed=1"></iframe>'
    )
    url = "https://t.me/leaks_fixture/42"
    record = platform_facts(url, url, html)
    assert (record["handle"], record["post_id"], record["author_name"], record["text"]) == (
        "leaks_fixture",
        "42",
        "Leaks Channel",
        "New photos of her tonight",
    )
    assert record["account_id"] is None and record["posted_at_utc"] is None


def test_json_ld_with_numbers_beyond_canonical_json_stays_hashable() -> None:
    # Measured before the fix: facts_from_html of this page made canonical_json raise
    # NotCanonicalizable ("integer 100000000000000000000 is too large"); the live capture's
    # page_facts shares the same parsing.
    from evidencekit.capture.pagefacts import facts_from_html
    from evidencekit.capture.platforms.dom import parse_html

    page = (
        '<script type="application/ld+json">'
        '{"@type": "Article", "identifier": 100000000000000000000, "n": [9007199254740993]}'
        "</script>"
    )
    facts = facts_from_html(parse_html(page))
    canonical_json(facts)
    assert facts["json_ld"][0]["identifier"] == "100000000000000000000"
    assert facts["json_ld"][0]["n"] == ["9007199254740993"]


def test_youtube_comments_from_both_answer_shapes() -> None:
    url = "https://www.youtube.com/watch?v=dQw4fixture"
    api = "https://www.youtube.com/youtubei/v1/next?prettyPrint=false"
    new_shape = {
        "frameworkUpdates": {
            "entityBatchUpdate": {
                "mutations": [
                    {
                        "entityKey": "Eg0SC2RRdzRmaXh0dXJl",
                        "payload": {
                            "commentEntityPayload": {
                                "properties": {
                                    "commentId": "UgzFixtureComment1",
                                    "content": {"content": "this is her, everyone"},
                                    "publishedTime": "2 days ago",
                                },
                                "author": {
                                    "channelId": "UCcommenter00000000000001",
                                    "displayName": "@commenter.one",
                                },
                            }
                        },
                    }
                ]
            }
        }
    }
    old_shape = {
        "onResponseReceivedEndpoints": [
            {
                "reloadContinuationItemsCommand": {
                    "continuationItems": [
                        {
                            "commentThreadRenderer": {
                                "comment": {
                                    "commentRenderer": {
                                        "commentId": "UgxOldFixture2",
                                        "authorText": {"simpleText": "@older.voice"},
                                        "authorEndpoint": {
                                            "browseEndpoint": {
                                                "browseId": "UColder0000000000000000002"
                                            }
                                        },
                                        "contentText": {
                                            "runs": [{"text": "report "}, {"text": "it"}]
                                        },
                                        "publishedTimeText": {"runs": [{"text": "1 year ago"}]},
                                    }
                                }
                            }
                        }
                    ]
                }
            }
        ]
    }
    record = read("youtube.html", url, [JsonResponse(api, new_shape), JsonResponse(api, old_shape)])
    assert [
        (c["handle"], c["account_id"], c["text"], c["posted_at_shown"]) for c in record["comments"]
    ] == [
        ("commenter.one", "UCcommenter00000000000001", "this is her, everyone", "2 days ago"),
        ("older.voice", "UColder0000000000000000002", "report it", "1 year ago"),
    ]

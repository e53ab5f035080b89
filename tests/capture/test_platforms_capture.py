"""Real Chromium against the platform fixture pages: metadata.json carries the platform record
(read from the rendered page and the API answers the page's own scripts fetched, as the
traffic recorder kept them) and the completeness score."""

from __future__ import annotations

import json

import pytest

from evidencekit.canonical import canonical_json

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


def test_tiktok_page_and_its_comment_api_answer(capture, site):
    result = capture("/platforms/tiktok.html")
    meta = result.metadata
    assert json.loads(result.artifact("metadata.json").data) == meta
    canonical_json(meta)
    record = meta["platform_facts"]
    # served from 127.0.0.1, so recognised by the page's own data blob, and it says so
    assert (record["platform"], record["recognised_by"]) == ("TikTok", "page structure")
    assert record["handle"] == "nightowl.market"
    assert record["account_id"] == "6801234567890123456"
    assert record["post_id"] == "7301234567890123456"
    assert record["posted_at_utc"] == "2023-11-14T22:13:20Z"
    assert record["posted_at_shown"] == "2023-11-14"
    assert record["counts"] == {"likes": 1520, "comments": 2, "shares": 33, "views": 40123}
    assert [c["handle"] for c in record["comments"]] == ["asker_1", "second.one"]
    assert {"kind": "image", "url": site.url("/img/c03080-640x360.png")} in record["media"]
    score = meta["completeness"]
    assert (score["score"], score["complete"], score["missing"]) == ("7/7", True, [])


def test_x_post_rendered_from_its_graphql_answer(capture):
    result = capture("/platforms/x.html")
    meta = result.metadata
    assert "I know where you live" in result.text  # the page rendered it from the answer
    record = meta["platform_facts"]
    assert (record["platform"], record["recognised_by"]) == ("X (Twitter)", "page structure")
    assert record["post_id"] == "1790000000000000001"  # the focalTweetId the app asked for
    assert (record["handle"], record["account_id"]) == ("harasser_acct", "123456789")
    assert record["posted_at_utc"] == "2024-03-14T21:15:00Z"
    assert record["posted_at_shown"], "the shown time is read from the rendered permalink"
    assert record["counts"]["views"] == 5120
    assert [c["handle"] for c in record["comments"]] == ["bystander"]
    assert meta["completeness"]["score"] == "7/7"


def test_telegram_channel_without_account_id_scores_what_is_missing(capture):
    meta = capture("/platforms/telegram.html").metadata
    record = meta["platform_facts"]
    assert (record["platform"], record["handle"], record["post_id"]) == (
        "Telegram",
        "leaks_fixture",
        "42",
    )
    assert record["account_id"] is None
    score = meta["completeness"]
    assert score["score"] == "6/7"
    [missing] = score["missing"]
    assert "numeric account id" in missing["en"] and "numri" in missing["sq"].lower()


def test_an_ordinary_page_gets_the_generic_record(capture):
    meta = capture("/lazy.html").metadata
    record = meta["platform_facts"]
    assert record["platform"] == "web"
    assert record["post_id"] == "1234567890123456789" == meta["post"]["post_id"]
    assert meta["completeness"]["found"] <= meta["completeness"]["needed"] == 7


@pytest.mark.parametrize(
    ("path", "platform", "handle", "account_id", "post_id"),
    [
        (
            "/platforms/instagram.html",
            "Instagram",
            "quiet.account_2",
            "51234567890",
            "3260000000000000001",
        ),
        (
            "/platforms/youtube.html",
            "YouTube",
            "rumourmill.fixture",
            "UCfixture0000000000000001",
            "dQw4fixture",
        ),
    ],
)
def test_embedded_data_blobs_survive_the_rendered_page(
    capture, path, platform, handle, account_id, post_id
):
    meta = capture(path).metadata
    record = meta["platform_facts"]
    assert (record["platform"], record["recognised_by"]) == (platform, "page structure")
    assert (record["handle"], record["account_id"], record["post_id"]) == (
        handle,
        account_id,
        post_id,
    )
    assert meta["completeness"]["score"] == "7/7"

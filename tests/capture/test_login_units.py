"""The parts of logged-in capture that need no browser (issue 12): which saved login fits an
address, which pages tell their owner who looked, her login taken out of the sealed traffic,
and that no setting or record carries the storage state."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from evidencekit.capture.guards import graphql_read_name
from evidencekit.capture.login import (
    REMOVED,
    has_display,
    login_facts,
    login_url,
    remove_login_secrets,
    site_of,
    viewer_notice,
)
from evidencekit.capture.metadata import settings_json
from evidencekit.capture.result import CaptureSettings, LoggedInSession
from evidencekit.capture.traffic import Exchange
from evidencekit.capture.warc import build_warc
from evidencekit.clock import utc_now

SECRET = "9f2c0d7e5b1a4c3d8e6f"


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.instagram.com/p/Cx1/", "instagram.com"),
        ("https://m.facebook.com/story.php?id=1", "facebook.com"),
        ("https://x.com/someone/status/1", "x.com"),
        ("http://127.0.0.1:8123/post/gated", "127.0.0.1"),
        ("https://t.me/channel/12", "t.me"),
    ],
)
def test_the_site_of_an_address(url: str, site: str) -> None:
    assert site_of(url) == site


def test_a_bare_site_name_opens_its_https_home() -> None:
    assert login_url("instagram.com") == "https://instagram.com/"
    assert login_url(" https://www.tiktok.com/login ") == "https://www.tiktok.com/login"


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("https://www.instagram.com/stories/someone/3141/", "an Instagram story"),
        ("https://www.instagram.com/someone/live/", "an Instagram live video"),
        ("https://www.facebook.com/stories/1234/", "a Facebook story"),
        ("https://www.linkedin.com/in/someone/", "a LinkedIn profile (it shows who viewed it)"),
        ("https://www.tiktok.com/@someone", "a TikTok profile (it can show who viewed it)"),
        ("http://127.0.0.1:8000/story/1", "a story"),
        ("https://example.org/live", "a live video"),
        ("https://www.instagram.com/p/Cx1/", None),
        ("https://x.com/someone/status/1", None),
        ("https://www.tiktok.com/@someone/video/1", None),
        ("https://example.org/history/storyline", None),
    ],
)
def test_pages_that_tell_their_owner_who_looked(url: str, what: str | None) -> None:
    assert viewer_notice(url) == what


def test_a_window_needs_a_screen_on_linux_only() -> None:
    assert not has_display("linux", {})
    assert has_display("linux", {"DISPLAY": ":0"})
    assert has_display("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert has_display("win32", {}) and has_display("darwin", {})


def _exchange() -> Exchange:
    now = utc_now()
    return Exchange(
        seq=0,
        url="https://example.org/post/1",
        method="GET",
        resource_type="document",
        started_at=now,
        main_frame_navigation=True,
        request_headers=[
            ("Host", "example.org"),
            ("Cookie", f"sid={SECRET}; theme=dark"),
            ("Authorization", f"Bearer {SECRET}"),
            ("Accept", "text/html"),
        ],
        status=200,
        status_text="OK",
        response_headers=[
            ("Content-Type", "text/html"),
            ("Set-Cookie", f"sid={SECRET}; Path=/; HttpOnly"),
        ],
        responded_at=now,
        body=b"<p>post</p>",
    )


def test_her_login_is_taken_out_of_the_sealed_traffic() -> None:
    info = {"software": "EvidenceKit test"}
    # The control: as recorded, the WARC carries the session cookie (measured: found 3 times).
    before = gzip.decompress(build_warc([_exchange()], info))
    assert before.count(SECRET.encode()) == 3
    exchange = _exchange()
    assert remove_login_secrets([exchange]) == 3
    after = gzip.decompress(build_warc([exchange], info))
    assert SECRET.encode() not in after
    assert dict(exchange.request_headers)["Cookie"] == f"sid={REMOVED}; theme={REMOVED}"
    assert dict(exchange.request_headers)["Authorization"] == REMOVED
    assert dict(exchange.request_headers)["Accept"] == "text/html"
    assert dict(exchange.response_headers)["Set-Cookie"] == f"sid={REMOVED}; Path=/; HttpOnly"


def test_no_setting_or_record_carries_the_storage_state() -> None:
    storage = json.dumps({"cookies": [{"name": "sid", "value": SECRET}], "origins": []})
    session = LoggedInSession("abcd234567", "example.org", "@rita_k", "page", "", storage)
    settings = CaptureSettings(session=session)
    assert SECRET not in repr(session) and SECRET not in repr(settings)
    assert SECRET not in json.dumps(settings_json(settings))
    facts = login_facts(session, [{"method": "POST", "url": "https://example.org/like"}], [], 2)
    assert SECRET not in json.dumps(facts)
    assert facts["logged_in"] is True and facts["account_as_shown"] == "@rita_k"
    assert facts["consent_note"] is None and facts["secret_header_values_removed_from_traffic"] == 2
    assert login_facts(None, []) == {"logged_in": False}


def test_which_saved_login_a_capture_uses(vault: Any) -> None:
    from evidencekit.errors import SessionNotFound
    from evidencekit.jobs.capture import session_for, viewer_warnings

    def state(value: str) -> dict[str, Any]:
        return {"cookies": [{"name": "sid", "value": value}], "origins": []}

    old = vault.add_session(site="x.com", start_url="https://x.com/", storage=state("1"))
    new = vault.add_session(site="x.com", start_url="https://x.com/", storage=state("2"))
    other = vault.add_session(
        site="instagram.com", start_url="https://instagram.com/", storage=state("3")
    )
    post = "https://x.com/someone/status/1"
    chosen = session_for(vault, post)  # the newest login to the site
    assert chosen is not None and chosen.session_id == new.id
    assert json.loads(chosen.storage_json)["cookies"][0]["value"] == "2"
    picked = session_for(vault, post, session_id=old.id, consent="she agreed")
    assert (
        picked is not None and picked.session_id == old.id and picked.consent_note == "she agreed"
    )
    # A login to another site is never sent to this one: the site's own login is used.
    mismatched = session_for(vault, post, session_id=other.id)
    assert mismatched is not None and mismatched.site == "x.com"
    assert session_for(vault, "https://www.tiktok.com/@a/video/1") is None
    with pytest.raises(SessionNotFound):
        session_for(vault, post, session_id="nosuchlogin")
    assert session_for(vault, post, session_id=old.id) is not None
    assert viewer_warnings({"https://www.instagram.com/stories/a/1/": picked, post: picked}) == {
        "https://www.instagram.com/stories/a/1/": "an Instagram story"
    }
    assert not [e for e in vault.custody() if e.action == "session-use"]  # choosing is no use


FB_GRAPHQL = "https://www.facebook.com/api/graphql/"
IG_GRAPHQL = "https://www.instagram.com/graphql/query"


def _named(name: str, extra: str = "&doc_id=1") -> str:
    return f"av=1&fb_api_req_friendly_name={name}{extra}"


@pytest.mark.parametrize(
    ("url", "body", "name"),
    [
        # Reads: how Facebook and Instagram load posts and comments (POST GraphQL queries).
        (FB_GRAPHQL, _named("CometUFICommentsProviderQuery"), "CometUFICommentsProviderQuery"),
        (
            IG_GRAPHQL,
            _named("PolarisPostActionLoadPostQueryQuery"),
            "PolarisPostActionLoadPostQueryQuery",
        ),
        # Writes stay blocked: likes, story "seen" receipts, follows; and anything unnamed.
        (FB_GRAPHQL, _named("CometUFIFeedbackReactMutation"), None),
        (IG_GRAPHQL, _named("PolarisStoriesV3SeenMutation"), None),
        (IG_GRAPHQL, _named("usePolarisFollowMutation"), None),
        (IG_GRAPHQL, "doc_id=3", None),
        (IG_GRAPHQL, _named("AQuery", "&fb_api_req_friendly_name=BMutation"), None),
        ("https://www.instagram.com/api/v1/web/likes/1/like/", _named("XQuery"), None),
        ("https://evil.example/api/graphql/", _named("XQuery"), None),
        ("https://facebook.com.evil.example/api/graphql/", _named("XQuery"), None),
        ("https://x.com/i/api/graphql/abc/FavoriteTweet", '{"queryId":"abc"}', None),
    ],
)
def test_which_posts_a_logged_in_capture_lets_through(url: str, body: str, name: str | None):
    assert graphql_read_name(url, body) == name


def test_a_page_without_her_account_is_flagged() -> None:
    from evidencekit.capture.login import account_warning

    seen_at_login = LoggedInSession("abcd234567", "x.com", "@rita_k", "page")
    assert account_warning(seen_at_login, "@rita_k") is None
    warning = account_warning(seen_at_login, "")
    assert warning is not None and "did not show the account" in warning
    other = account_warning(seen_at_login, "@someone_else")
    assert other is not None and "@someone_else" in other
    # An account she typed herself, or none at all, cannot be checked against the page.
    assert account_warning(LoggedInSession("abcd234567", "x.com", "@rita", "operator"), "") is None
    assert account_warning(LoggedInSession("abcd234567", "x.com"), "") is None

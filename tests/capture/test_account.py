"""Capture an account (issue 12): the profile page, then its latest N posts, each its own
sealed item whose metadata.json names the account's item (`account_item`) and the account's
handle and numeric id as its profile showed them, so a renamed or deleted account is still
on record by id. Real Chromium, a real vault, a small profile site on 127.0.0.1 modelled on
a TikTok profile (``/@handle`` listing ``/@handle/video/<id>``, newest first; schema.org
ProfilePage JSON-LD with the numeric id, as X and Instagram profiles carry it)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from evidencekit.capture import CaptureSettings
from evidencekit.jobs import account as account_job
from evidencekit.vault.store import Vault
from tests.conftest import Cli, closed_port_url

pytestmark = [pytest.mark.timeout(300)]

HANDLE = "rita_k_2024"
ACCOUNT_ID = "7012345678901234567"
POSTS = [f"73{n:017d}" for n in range(14, 0, -1)]  # newest first, as a profile lists them


def _profile() -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": {
            "@type": "Person",
            "name": "Rita K.",
            "alternateName": f"@{HANDLE}",
            "identifier": ACCOUNT_ID,
        },
    }
    tiles = "".join(
        f'<a href="/@{HANDLE}/video/{p}"><img src="/thumb/{p}.png" alt="post {p}"></a>'
        for p in POSTS
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Rita K. (@"
        f'{HANDLE})</title><script type="application/ld+json">{json.dumps(ld)}</script>'
        f"</head><body><h1>@{HANDLE}</h1><nav><a href='/about'>About</a>"
        "<a href='/@someone_else/video/7399999999999999999'>Suggested</a></nav>"
        f"<main>{tiles}</main></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    hits: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path == f"/@{HANDLE}":
            body, status = _profile(), 200
        elif self.path.startswith(f"/@{HANDLE}/video/"):
            post = self.path.rsplit("/", 1)[-1]
            body = f"<!doctype html><title>Post {post}</title><p>POST-{post} by @{HANDLE}</p>"
            status = 200
        elif self.path.startswith("/thumb/"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            body, status = "<!doctype html><title>Other</title><p>other</p>", 200
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def profile_site() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("H", (_Handler,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_post_links_are_the_accounts_posts_in_page_order() -> None:
    url = f"https://www.tiktok.com/@{HANDLE}"
    links = account_job.post_links(_profile(), url, 3)
    assert links == [f"https://www.tiktok.com/@{HANDLE}/video/{p}" for p in POSTS[:3]]
    assert len(account_job.post_links(_profile(), url, 100)) == len(POSTS)  # not the others'
    x = '<a href="/rita/status/123">t</a><a href="https://evil.example/rita/status/9">e</a>'
    assert account_job.post_links(x, "https://x.com/rita", 5) == ["https://x.com/rita/status/123"]
    ig = '<a href="/p/Cabc123XYZ/">p</a><a href="/explore/">e</a><a href="/reel/Dxyz98765/">r</a>'
    assert account_job.post_links(ig, "https://www.instagram.com/rita/", 5) == [
        "https://www.instagram.com/p/Cabc123XYZ/",
        "https://www.instagram.com/reel/Dxyz98765/",
    ]
    assert account_job.post_links("<a href=", "https://x.com/rita", 5) == []  # broken page


def test_identity_from_platform_facts_or_profile_json_ld() -> None:
    ld = {"@type": "ProfilePage", "mainEntity": {"identifier": "42", "alternateName": "@r"}}
    assert account_job.account_identity({"json_ld": [ld]})["account_id"] == "42"
    facts = {"platform_facts": {"platform": "X", "handle": "r", "account_id": "7"}, "json_ld": [ld]}
    got = account_job.account_identity(facts)
    assert got["account_id"] == "7" and got["source"] == "platform facts"
    assert account_job.account_identity({})["account_id"] is None


@pytest.mark.browser
def test_capture_an_account_and_its_latest_posts(
    loop: Any, browser_available: None, profile_site: tuple[str, list[str]], vault: Vault
) -> None:
    base, hits = profile_site
    result = loop.run(
        account_job.capture_account(
            vault, f"{base}/@{HANDLE}", CaptureSettings(), tsa_urls=[closed_port_url()], posts=3
        )
    )
    profile = result.account.item
    assert profile is not None
    assert result.identity["account_id"] == ACCOUNT_ID
    assert result.identity["handle"] == f"@{HANDLE}"
    assert result.found == [f"{base}/@{HANDLE}/video/{p}" for p in POSTS[:3]]
    assert [p.ok for p in result.posts] == [True, True, True]
    sealed = json.loads(vault.read_artifact(profile.id, "metadata.json"))
    assert sealed["account_capture"] == {"posts_asked": 3}
    for stored, post in zip(result.posts, POSTS[:3], strict=True):
        assert stored.item is not None and stored.item.url.endswith(post)
        meta = json.loads(vault.read_artifact(stored.item.id, "metadata.json"))
        assert meta["account_item"] == profile.id
        assert meta["account"]["account_id"] == ACCOUNT_ID
        assert meta["account"]["url"] == f"{base}/@{HANDLE}"
        assert f"POST-{post}" in vault.read_artifact(stored.item.id, "text.txt").decode()
    # Only the profile and its three newest posts were opened (not the suggested account's).
    assert not [h for h in hits if "someone_else" in h or h.endswith(POSTS[3])]


@pytest.mark.browser
def test_cli_capture_account(
    cli_vault: Cli, browser_available: None, profile_site: tuple[str, list[str]], tmp_path: Path
) -> None:
    base, _hits = profile_site
    out = cli_vault(
        "capture", "--account", f"{base}/@{HANDLE}", "--posts", "2", "--json", timeout=280
    )
    assert out.code == 0, out.err
    data = json.loads(out.out)
    assert data["account_identity"]["account_id"] == ACCOUNT_ID
    assert len(data["posts"]) == 2
    assert {p["account_item"] for p in data["posts"]} == {data["account"]["id"]}
    bad = cli_vault("capture", "--posts", "2", f"{base}/@{HANDLE}")
    assert bad.code != 0 and "--account" in bad.err

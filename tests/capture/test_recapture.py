"""`evidencekit recapture ID`: real Chromium, the fixture site, a real vault and TSA. A post is
captured, captured again while still online ("still online on …"), then taken down and captured
again ("removed between <last seen online> and <first seen removed>"). Each later capture is
linked to the first in its sealed metadata.json and in the custody log, and the report says
what the chain showed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencekit import online_history
from tests.conftest import Cli
from tests.support.bundles import run, tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(400)]


def _json(result) -> list[dict]:
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_still_online_then_removed_between_two_captures(
    cli_vault: Cli, site, tsa, tmp_path: Path
) -> None:
    env = {"EVIDENCEKIT_TSA_URLS": tsa.url}
    url = site.url("/post/later/r1")
    site.state.taken_down.discard("r1")
    [first] = _json(
        cli_vault("capture", "--case", "Recapture", url, "--json", timeout=280, extra_env=env)
    )
    assert first["status"] == 200
    [again] = _json(cli_vault("recapture", first["id"], "--json", timeout=280, extra_env=env))
    assert again["recapture_of"] == first["id"] and again["status"] == 200
    assert again["url"] == url and again["case"] == "Recapture"
    assert again["history"]["state"] == "online"
    assert again["history_text"] == f"Still online on {again['captured_at']}"

    site.state.taken_down.add("r1")
    # Asked for by the second item's id: still linked to the first, and sees the whole chain.
    [gone] = _json(cli_vault("recapture", again["id"], "--json", timeout=280, extra_env=env))
    assert gone["status"] == 404 and gone["recapture_of"] == first["id"]
    history = gone["history"]
    assert history["state"] == "removed" and history["captures"] == 3
    assert history["last_seen_online"] == again["captured_at"]
    assert history["first_seen_removed"] == gone["captured_at"]
    assert gone["history_text"] == (
        f"Removed between {again['captured_at']} (last seen online) and "
        f"{gone['captured_at']} (first seen removed)"
    )

    # The link is sealed: it is in the item's metadata.json (hashed into the manifest).
    meta_path = tmp_path / "metadata.json"
    assert cli_vault("artifact", gone["id"], "metadata.json", "-o", str(meta_path)).code == 0
    meta = json.loads(meta_path.read_text())
    assert meta["recapture_of"] == first["id"]
    assert [c["item_id"] for c in meta["recapture"]["earlier"]] == [first["id"], again["id"]]
    assert [c["online"] for c in meta["recapture"]["earlier"]] == [True, True]
    # ...and what the sealed record says is what the job said.
    chain = online_history.chain_captures(
        gone["id"], gone["captured_at"], meta["http"]["status"], meta
    )
    assert online_history.online_history(chain or []) == history
    # The custody log links them too.
    log = json.loads(cli_vault("log", "--json").out)
    links = [e for e in log if e["action"] == "recapture"]
    assert [e["details"]["recapture_of"] for e in links] == [first["id"], first["id"]]

    # The report of the three says it, in both languages.
    out = tmp_path / "bundle.pdf"
    exported = cli_vault(
        "export", first["id"], again["id"], gone["id"], "-o", str(out), timeout=280, extra_env=env
    )
    assert exported.code == 0, exported.err
    text = " ".join(run(tool("pdftotext"), out, "-").stdout.split())
    assert f"Still online on {again['captured_at']}" in text
    assert f"Removed between {again['captured_at']} (last seen online) and" in text
    assert "Hequr midis" in text and "Ende në internet më" in text
    assert "Captured again Kapur përsëri" in text
    assert "removed (the server answered 404) · e hequr (serveri u përgjigj 404)" in text
    # ...and the sealed bundle of the chain verifies as it is.
    fingerprint = json.loads(cli_vault("identity", "show", "--json").out)["fingerprint_sha256"]
    checked = cli_vault(
        "verify", str(out), "--trust", str(tsa.pki.root_pem), "--trust-fingerprint", fingerprint,
        "--json", passphrase=None,
    )  # fmt: skip
    assert json.loads(checked.out)["verdict"] == "valid", checked.out


def test_an_imported_file_or_unknown_id_is_refused(cli_vault: Cli, tmp_path: Path) -> None:
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    imported = cli_vault("import", str(picture), "--json")
    assert imported.code == 0, imported.err
    item = json.loads(imported.out)
    item = item[0] if isinstance(item, list) else item
    refused = cli_vault("recapture", item["id"])
    assert refused.code == 2 and "imported file" in refused.err
    assert cli_vault("recapture", "ffffffffffff").code != 0


def _c(when: str, online: bool) -> dict:
    return {"item_id": when, "captured_at_utc": when, "online": online, "removed_why": None}


def test_the_history_of_a_chain() -> None:
    """The latest capture decides; a removal is dated from the last capture that saw it
    online to the first of the removed captures since."""
    h = online_history.online_history
    assert h([]) is None
    assert h([_c("1", True), _c("2", True)])["last_seen_online"] == "2"
    removed = h([_c("1", True), _c("2", True), _c("3", False), _c("4", False)])
    assert (removed["last_seen_online"], removed["first_seen_removed"]) == ("2", "3")
    # back online after a gap: online again (the gap is in the list of captures)
    assert h([_c("1", True), _c("2", False), _c("3", True)])["state"] == "online"
    # never seen online
    never = h([_c("1", False), _c("2", False)])
    assert never["last_seen_online"] is None and never["first_seen_removed"] == "1"
    words = online_history.history_words(never)
    assert words is not None and words.en == "Already removed when first captured, on 1"
    # order comes from the times, not from the list
    assert h([_c("3", False), _c("1", True)])["first_seen_removed"] == "3"


def test_removed_is_read_from_what_the_capture_recorded() -> None:
    why = online_history.removed_why
    assert why(404, {}) == "the server answered 404"
    assert why(410, {}) == "the server answered 410"
    assert why(200, {}) is None
    gone = {"completeness": {"facts": [{"key": "not_removed", "found": False}]}}
    assert why(200, gone) == online_history.REMOVED_SAID
    assert why(200, {"completeness": {"facts": [{"key": "not_removed", "found": True}]}}) is None
    assert why(200, {"completeness": "odd"}) is None


# --- the saved login: used again only if the first capture was logged in -----------------


@pytest.fixture()
def login_site():
    from tests.support.login_site import LoginSiteServer

    with LoginSiteServer() as server:
        yield server


def _saved_login(vault, login_site) -> str:
    """A saved login of the login site, as the login window would have kept it (the server
    is told the session exists; the cookie goes into the vault only)."""
    import secrets

    from tests.support.login_site import USER

    sid = secrets.token_hex(24)
    with login_site.state.lock:
        login_site.state.sessions[sid] = USER
    cookie = {
        "name": "sid", "value": sid, "domain": "127.0.0.1", "path": "/", "expires": -1,
        "httpOnly": True, "secure": False, "sameSite": "Lax",
    }  # fmt: skip
    info = vault.add_session(
        site="127.0.0.1",
        start_url=login_site.url("/login"),
        storage={"cookies": [cookie], "origins": []},
        account=f"@{USER}",
        account_source="page",
        consent="she asked for it",
    )
    return info.id


def test_a_logged_in_first_capture_is_captured_again_logged_in(
    tmp_path: Path, tsa, login_site, browser_available
) -> None:
    import asyncio

    from evidencekit.capture import CaptureSettings
    from evidencekit.jobs.capture import capture_into_vault, session_for
    from evidencekit.jobs.recapture import plan, recapture_into_vault
    from tests.support.bundles import make_vault
    from tests.support.login_site import GATED_TEXT

    vault = make_vault(tmp_path)
    try:
        session_id = _saved_login(vault, login_site)
        gated, public = login_site.url("/post/gated"), login_site.url("/post/public")
        settings = CaptureSettings(viewport=(1000, 700))
        login = session_for(vault, gated)
        assert login is not None
        [first] = asyncio.run(
            capture_into_vault(
                vault, [gated], settings, tsa_urls=[tsa.url], sessions={gated: login}
            )
        )
        [out] = asyncio.run(capture_into_vault(vault, [public], settings, tsa_urls=[tsa.url]))
        assert first.item is not None and out.item is not None
        assert first.item.metadata["login"]["logged_in"] is True
        assert out.item.metadata["login"] == {"logged_in": False}

        plans = plan(vault, [first.item.id, out.item.id], CaptureSettings())
        assert plans[0].session is not None and plans[0].session.session_id == session_id
        assert plans[1].session is None  # logged out the first time: logged out again
        assert plans[0].settings.viewport == (1000, 700)  # the first's window
        done = asyncio.run(recapture_into_vault(vault, plans, tsa_urls=[tsa.url]))
        items = [stored.item for _, stored in done]
        assert all(i is not None for i in items)
        again_gated, again_public = items
        assert again_gated.metadata["login"]["logged_in"] is True
        assert again_gated.metadata["login"]["session_id"] == session_id
        assert GATED_TEXT in vault.read_artifact(again_gated.id, "text.txt").decode()
        assert again_public.metadata["login"] == {"logged_in": False}
        assert again_gated.metadata["settings"]["viewport"] == {"width": 1000, "height": 700}

        # With the saved login gone, it is captured logged out, and the plan says why.
        vault.remove_session(session_id)
        [later] = plan(vault, [again_gated.id], CaptureSettings())
        assert later.session is None and later.first.id == first.item.id
        assert "no saved login of its site is left" in str(later.logged_out_why)
    finally:
        vault.close()


def test_recapture_cli_captures_a_story_logged_out_unless_told(
    tmp_path: Path, cli, tsa, login_site, browser_available
) -> None:
    """A story first captured logged in: `recapture` captures it again logged out (its owner
    sees who viewed it) and says so; with the flag, logged in (the server records the view)."""
    import asyncio

    from evidencekit.capture import CaptureSettings
    from evidencekit.cli.session_commands import VIEWER_FLAG
    from evidencekit.jobs.capture import capture_into_vault, session_for
    from tests.support.bundles import make_vault

    vault = make_vault(tmp_path / "v")
    try:
        _saved_login(vault, login_site)
        story = login_site.url("/story/1")
        login = session_for(vault, story)
        [first] = asyncio.run(
            capture_into_vault(
                vault, [story], CaptureSettings(), tsa_urls=[tsa.url], sessions={story: login}
            )
        )
        assert first.item is not None and first.item.metadata["login"]["logged_in"] is True
        path = vault.path
    finally:
        vault.close()
    views = len(login_site.state.views)
    assert views == 1
    env = {"EVIDENCEKIT_VAULT": str(path), "EVIDENCEKIT_TSA_URLS": tsa.url}
    out = cli("recapture", first.item.id, timeout=280, extra_env=env)
    assert out.code == 0, out.err
    assert "captured logged out" in out.err and VIEWER_FLAG in out.err
    assert "again as " in out.out and f"(first: {first.item.id})" in out.out
    assert len(login_site.state.views) == views  # no view recorded
    told = cli("recapture", first.item.id, VIEWER_FLAG, "--json", timeout=280, extra_env=env)
    assert told.code == 0, told.err
    assert len(login_site.state.views) == views + 1  # logged in, as she chose


def test_a_first_capture_says_what_its_recaptures_in_the_bundle_showed(tmp_path: Path) -> None:
    """The hook for the report (bundle/capture_details.web_details `later`): the first item
    of a chain lists its later captures and what they say; alone it says nothing."""
    from evidencekit.bundle.capture_details import web_details
    from tests.support.bundles import add_web_item, make_vault

    vault = make_vault(tmp_path)
    try:
        first = add_web_item(vault, 1, captured_at="2024-05-01T10:00:04.000Z")
        gone = {
            "recapture_of": first.id,
            "recapture": {"earlier": [online_history.seen(first.id, first.captured_at, 200, {})]},
            "completeness": {"facts": [{"key": "not_removed", "found": False}]},
        }
        later = add_web_item(vault, 2, captured_at="2024-05-08T09:00:00.000Z", metadata=gone)
        later = vault.item(later.id)
        first = vault.item(first.id)
    finally:
        vault.close()
    alone = " ".join(str(v) for _, v in web_details(first.metadata))
    assert "Captured again" not in alone
    rows = dict(web_details(first.metadata, later=[later]))
    [label] = [k for k in rows if k.startswith("Captured again later")]
    text = " ".join(rows[label])
    assert f"· {later.id}: removed" in text and "this capture · kjo kapje: online" in text
    assert (
        "Removed between 2024-05-01T10:00:04.000Z (last seen online) and "
        "2024-05-08T09:00:00.000Z (first seen removed)"
    ) in text


def test_the_vault_finds_the_captures_of_an_address(tmp_path: Path) -> None:
    """Vault.captures_of_address: asked by the first's id, a recapture's id or a prefix, the
    same chain, oldest first; other items and an item whose *text* names the id are not in it."""
    from tests.support.bundles import add_web_item, make_vault

    vault = make_vault(tmp_path)
    try:
        first = add_web_item(vault, 1, captured_at="2024-05-01T10:00:00.000Z")
        other = add_web_item(vault, 2, captured_at="2024-05-02T10:00:00.000Z")
        linked = {"recapture_of": first.id}
        late = add_web_item(vault, 3, captured_at="2024-05-09T10:00:00.000Z", metadata=linked)
        mid = add_web_item(vault, 4, captured_at="2024-05-05T10:00:00.000Z", metadata=linked)
        add_web_item(vault, 5, metadata={"note": {"recapture_of": first.id}, "x": first.id})
        want = [first.id, mid.id, late.id]
        for asked in (first.id, late.id, mid.id[:6]):
            assert [i.id for i in vault.captures_of_address(asked)] == want
        assert [i.id for i in vault.captures_of_address(other.id)] == [other.id]
    finally:
        vault.close()


def test_a_chain_keeps_its_first_id_when_the_first_item_was_deleted(tmp_path: Path) -> None:
    from evidencekit.capture import CaptureSettings
    from evidencekit.jobs.recapture import plan
    from tests.support.bundles import add_web_item, make_vault

    vault = make_vault(tmp_path)
    try:
        first = add_web_item(vault, 1, captured_at="2024-05-01T10:00:00.000Z")
        linked = {"recapture_of": first.id}
        mid = add_web_item(vault, 2, captured_at="2024-05-05T10:00:00.000Z", metadata=linked)
        late = add_web_item(vault, 3, captured_at="2024-05-09T10:00:00.000Z", metadata=linked)
        vault.delete_item(first.id, "asked to")
        [planned] = plan(vault, [late.id], CaptureSettings())
        assert planned.root_id == first.id and planned.first.id == mid.id
        assert planned.links()["recapture_of"] == first.id
        assert [c["item_id"] for c in planned.links()["recapture"]["earlier"]] == [mid.id, late.id]
        assert planned.url == mid.url
        # two items of one chain: one capture
        assert [p.asked for p in plan(vault, [mid.id, late.id], CaptureSettings())] == [mid.id]
    finally:
        vault.close()

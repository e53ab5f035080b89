"""Logged-in capture end to end (issue 12): a real login in a visible Chromium window on a
virtual screen (Xvfb), driven by the test as she would; the login kept only in the vault;
captures of that site headless with it, sealed; state-changing requests blocked; stories asked
about first; an expired login detected; no cookie anywhere on disk outside the vault.

Against tests/support/login_site.py (form POST, HttpOnly session cookie, a gated post that
POSTs "seen" and "like" receipts when it loads, a story that records viewers, expiry).
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import evidencekit.capture.login as login_mod
from evidencekit.capture import tempdirs
from evidencekit.capture.browser import launch_details
from evidencekit.cli import main as cli_main
from evidencekit.config import Settings
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE, Cli
from tests.support.login_site import GATED_TEXT, PASSWORD, STORY_TEXT, USER, LoginSiteServer
from tests.support.scan import files_holding
from tests.support.xvfb import virtual_screen

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

CONSENT = "Rita agreed on 1 Dec that her account is used for this"


@pytest.fixture(scope="module")
def display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A virtual X screen for the visible window (Xvfb, installed by dev.py)."""
    with virtual_screen(tmp_path_factory.mktemp("xvfb") / "xvfb.log") as screen:
        if screen is None:
            pytest.skip("no Xvfb screen can be made here (dev.py installs xvfb)")
        yield screen


@pytest.fixture()
def login_site() -> Iterator[LoginSiteServer]:
    with LoginSiteServer() as server:
        yield server


def _login_in_process(
    monkeypatch: pytest.MonkeyPatch,
    vault_path: Path,
    url: str,
    drive: Any,
    *extra: str,
    expect: int = 0,
) -> dict[str, Any]:
    """`evidencekit login URL --json` in this process, its window driven by `drive(page, done)`
    (as a person would: type, click, then press Done or close the window)."""
    original = login_mod.open_login_window

    async def driven(start: str, settings: Any, *, done: asyncio.Event, **_: Any) -> Any:
        return await original(
            start, settings, done=done, on_open=functools.partial(drive, done=done)
        )

    monkeypatch.setattr(login_mod, "open_login_window", driven)
    monkeypatch.setenv("EVIDENCEKIT_PASSPHRASE", TEST_PASSPHRASE)
    out_file = vault_path.parent / "login-out.json"
    saved = sys.stdout
    with open(out_file, "w", encoding="utf-8") as handle:
        sys.stdout = handle
        try:
            code = cli_main(["--vault", str(vault_path), "login", url, "--json", *extra])
        finally:
            sys.stdout = saved
    assert code == expect
    text = out_file.read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text) if expect == 0 else {}
    out_file.unlink()
    return result


WINDOWS: list[Any] = []  # what launch_browser knew about each login window's browser


async def _log_in(page: Any, *, done: asyncio.Event, then: str) -> None:
    WINDOWS.append(launch_details(page.context.browser))
    await page.fill("#user", USER)
    await page.fill("#password", PASSWORD)
    await page.click("#submit")
    await page.wait_for_url("**/home")
    await page.wait_for_function("localStorage.getItem('ls_token') !== null")
    # The control for blocking: in a normal logged-in browser the gated post sends its
    # "seen" and "like" POSTs as soon as it loads.
    await page.goto(page.url.replace("/home", "/post/gated"))
    await page.wait_for_selector("text=" + GATED_TEXT)
    await page.goto(page.url.replace("/post/gated", "/account"))
    await page.wait_for_selector("text=Logged in as")
    if then == "done":
        done.set()  # she presses Done (Enter in the terminal)
    else:
        await page.close()  # she closes the window


def _cli_tty(cli: Cli, args: list[str], answers: str, env: dict[str, str]) -> tuple[int, str, str]:
    """The command with a terminal as its stdin, answering its questions with `answers`."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "evidencekit", *args],
        env={**cli.env, "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE, **env},
        cwd=cli.cwd,
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(slave)
    os.write(master, answers.encode())
    try:
        out, err = proc.communicate(timeout=280)
    finally:
        os.close(master)
    return proc.returncode, out, err


def _metadata(cli: Cli, item_id: str, tmp: Path) -> dict[str, Any]:
    target = tmp / f"{item_id}-metadata.json"
    assert cli("artifact", item_id, "metadata.json", "-o", str(target)).code == 0
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    target.unlink()
    return data


def _text(cli: Cli, item_id: str, tmp: Path) -> str:
    target = tmp / f"{item_id}-text.txt"
    assert cli("artifact", item_id, "text.txt", "-o", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    target.unlink()
    return text


def test_logged_out_capture_meets_the_login_wall(cli_vault: Cli, login_site: LoginSiteServer):
    result = cli_vault("capture", login_site.url("/post/gated"), "--json", timeout=280)
    assert result.code == 0, result.err
    (obj,) = json.loads(result.out)
    assert any("log" in w.lower() for w in obj["warnings"]), obj["warnings"]
    assert login_site.state.posts == []


def test_login_then_capture_headless_with_the_saved_login(
    cli_vault: Cli,
    vault_path: Path,
    settings: Settings,
    login_site: LoginSiteServer,
    display: str,
    private_tmp: Path,
    tsa: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", display)
    drive = functools.partial(_log_in, then="done")
    made = _login_in_process(monkeypatch, vault_path, login_site.url("/login"), drive)
    assert made["site"] == "127.0.0.1"
    assert made["account"] == f"@{USER}" and made["account_source"] == "page"
    assert made["warning"] is None
    # The window's browser kept its profile and temp files in RAM where there is room (else
    # in the temp folder, which is scanned below), and they went with it.
    window = WINDOWS[-1]
    assert window is not None and not window.temp_dir.exists()
    in_ram = tempdirs.ram_folder_usable()
    assert window.temp_in_ram is in_ram
    assert window.temp_dir.parent == (Path(tempdirs.RAM_DIR) if in_ram else private_tmp)
    state = login_site.state
    (sid,) = state.cookie_values
    seen_in_window = sorted(p for p in state.posts if p[0].startswith("/api/"))
    assert seen_in_window == [("/api/like", USER), ("/api/seen", USER)]  # the control
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        storage = vault.session_secret(made["id"]).storage
    (token,) = [e["value"] for o in storage["origins"] for e in o["localStorage"]]
    needles = [sid.encode(), token.encode()]
    shm = [Path("/dev/shm")] if Path("/dev/shm").is_dir() else []
    # After the window: the login is nowhere but inside the (encrypted) vault.
    assert files_holding([tmp_path, private_tmp, *shm], needles) == []

    env = {"EVIDENCEKIT_TSA_URLS": tsa.url, "TMPDIR": str(private_tmp)}
    result = cli_vault(
        "capture", login_site.url("/post/gated"), "--json", "--consent", CONSENT,
        timeout=280, extra_env=env,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert f"logged in as @{USER}" in result.err
    (obj,) = json.loads(result.out)
    assert obj["timestamp_status"] == "granted" and obj["seal"]["digest"]
    assert not any("log" in w.lower() and "in" in w.lower() for w in obj["warnings"]), obj
    shown = cli_vault("show", obj["id"], "--json")
    meta = _metadata(cli_vault, obj["id"], tmp_path)
    assert "Headless" in meta["user_agent"]
    login = meta["login"]
    assert login["logged_in"] is True and login["session_id"] == made["id"]
    assert login["account_as_shown"] == f"@{USER}" and login["consent_note"] == CONSENT
    assert login["account_shown_on_page"] == f"@{USER}"  # the page says who is logged in
    blocked = sorted((b["method"], b["url"]) for b in login["blocked_requests"])
    assert blocked == [("POST", login_site.url("/api/like")), ("POST", login_site.url("/api/seen"))]
    assert login["secret_header_values_removed_from_traffic"] >= 1
    assert sorted(p for p in state.posts if p[0].startswith("/api/")) == seen_in_window
    assert shown.code == 0
    assert GATED_TEXT in _text(cli_vault, obj["id"], tmp_path)

    # The custody log: the login made, then used for this item; never a cookie.
    log = json.loads(cli_vault("log", "--json").out)
    uses = [e for e in log if e["action"].startswith("session-")]
    assert [e["action"] for e in uses] == ["session-add", "session-use"]
    assert uses[1]["details"]["item"] == obj["id"]
    assert uses[1]["details"]["outcome"] == "captured"
    listed = json.loads(cli_vault("sessions", "--json").out)
    assert listed[0]["last_used_at"] is not None

    # Export the warc: the sealed traffic holds no login either (it goes to others).
    warc = tmp_path / "traffic.warc.gz"
    assert cli_vault("artifact", obj["id"], "traffic.warc.gz", "-o", str(warc)).code == 0
    import gzip

    plain = gzip.decompress(warc.read_bytes())
    assert sid.encode() not in plain and b"sid=[removed" in plain
    warc.unlink()
    assert files_holding([tmp_path, private_tmp, *shm], needles) == []

    # A story: without a terminal to ask on, nothing is opened.
    story = login_site.url("/story/1")
    refused = cli_vault("capture", story, "--json", extra_env=env)
    assert refused.code == 2 and "may see that you looked" in refused.err
    assert state.views == [] and not [h for h in state.hits if h[1] == "/story/1"]
    # Asked on a terminal, she says no, and no to logged out: nothing is opened.
    code, out, err = _cli_tty(cli_vault, ["capture", story, "--json"], "n\nn\n", env)
    assert code == 2 and "owner may see" in err and "Nothing was captured" in out, err
    assert state.views == [] and not [h for h in state.hits if h[1] == "/story/1"]
    # No, then yes to logged out: captured without her login (the story's wall), no view.
    code, out, err = _cli_tty(cli_vault, ["capture", story, "--json"], "n\ny\n", env)
    assert code == 0, err
    (logged_out,) = json.loads(out)
    assert _metadata(cli_vault, logged_out["id"], tmp_path)["login"] == {"logged_in": False}
    assert state.views == []
    # With the flag she accepts it: the site records her view (the server does see it).
    seen = cli_vault(
        "capture", story, "--json", "--i-understand-they-may-see-i-looked", extra_env=env
    )
    assert seen.code == 0, seen.err
    assert state.views == [USER]
    assert STORY_TEXT in _text(cli_vault, json.loads(seen.out)[0]["id"], tmp_path)

    # The site forgets the login: the wall again is reported, nothing stored as logged in.
    before = len(json.loads(cli_vault("list", "--json").out))
    state.expire_sessions()
    expired = cli_vault("capture", login_site.url("/post/gated"), "--json", extra_env=env)
    assert expired.code == 1, expired.err
    assert "no longer works" in expired.err and "evidencekit login 127.0.0.1" in expired.err
    assert len(json.loads(cli_vault("list", "--json").out)) == before
    log = json.loads(cli_vault("log", "--json").out)
    assert [e["details"]["outcome"] for e in log if e["action"] == "session-use"][-1] == "expired"
    # A page anyone may see shows no wall: it is kept, with a warning that her account was
    # not on it (it may have been served as to someone logged out).
    public = cli_vault("capture", login_site.url("/post/public"), "--json", extra_env=env)
    assert public.code == 0, public.err
    (obj,) = json.loads(public.out)
    assert any("did not show the account" in w for w in obj["warnings"]), obj["warnings"]
    assert _metadata(cli_vault, obj["id"], tmp_path)["login"]["account_shown_on_page"] is None

    # Removed for good; the log says so.
    assert cli_vault("sessions", "remove", made["id"]).code == 0
    assert json.loads(cli_vault("sessions", "--json").out) == []
    assert files_holding([tmp_path, private_tmp, *shm], needles) == []


def test_closing_the_window_keeps_the_login_with_the_account_she_names(
    cli_vault: Cli,
    vault_path: Path,
    settings: Settings,
    login_site: LoginSiteServer,
    display: str,
    private_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", display)
    drive = functools.partial(_log_in, then="close")
    made = _login_in_process(
        monkeypatch, vault_path, login_site.url("/login"), drive, "--account", "@rita.k"
    )
    assert made["account"] == "@rita.k" and made["account_source"] == "operator"
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        storage = vault.session_secret(made["id"]).storage
    assert [c["name"] for c in storage["cookies"]] == ["sid"]
    assert storage["cookies"][0]["value"] == login_site.state.cookie_values[0]


def test_a_window_closed_before_logging_in_saves_nothing(
    cli_vault: Cli,
    vault_path: Path,
    settings: Settings,
    login_site: LoginSiteServer,
    display: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DISPLAY", display)

    async def close_at_once(page: Any, *, done: asyncio.Event) -> None:
        await page.wait_for_selector("#user")
        await page.close()

    _login_in_process(monkeypatch, vault_path, login_site.url("/login"), close_at_once, expect=1)
    assert "closed before" in capsys.readouterr().err
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert vault.sessions() == []
        assert not [e for e in vault.custody() if e.action.startswith("session-")]


def test_no_screen_is_said_plainly(cli_vault: Cli, login_site: LoginSiteServer) -> None:
    result = cli_vault("login", login_site.url("/login"), extra_env={"DISPLAY": ""})
    assert result.code == 2 and "no screen" in result.err, result.err
    assert login_site.state.hits == []

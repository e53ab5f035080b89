"""`evidencekit capture` end to end: real Chromium, the fixture site on 127.0.0.1, a real
SQLCipher vault and a real TSA on loopback. What is stored, how it is sealed, what is refused,
and that nothing of the page is left in plaintext outside the vault."""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import Cli, closed_port_url

EXPECTED = {
    "screenshot.png",
    "viewport.png",
    "page.html",
    "page.mhtml",
    "traffic.warc.gz",
    "metadata.json",
    "text.txt",
    "manifest.json",
    "manifest.p7s",
}

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _capture(cli: Cli, *args: str, env: dict[str, str] | None = None):
    return cli("capture", *args, "--json", timeout=280, extra_env=env)


def test_capture_stores_sealed_item(cli_vault: Cli, site, tsa, tmp_path: Path) -> None:
    result = _capture(
        cli_vault, "--case", "Instagram", site.url("/r/start"), site.url("/post/removed"),
        env={"EVIDENCEKIT_TSA_URLS": tsa.url},
    )  # fmt: skip
    assert result.code == 0, result.err
    redirected, removed = json.loads(result.out)
    for obj in (redirected, removed):
        names = {a["name"] for a in obj["artifacts"]}
        assert EXPECTED <= names, EXPECTED - names
        assert "timestamp.tsr" in names
        assert obj["timestamp_status"] == "granted"
        assert obj["kind"] == "web" and obj["case"] == "Instagram"
        assert obj["seal"]["digest"] == obj["manifest_sha256"]
    assert redirected["url"] == site.url("/r/start")
    assert redirected["final_url"] == site.url("/r/final") and redirected["status"] == 200
    assert removed["status"] == 404  # proof of removal is evidence too

    # What the vault holds is what was captured: metadata has the whole redirect chain.
    meta_path = tmp_path / "metadata.json"
    assert cli_vault("artifact", redirected["id"], "metadata.json", "-o", str(meta_path)).code == 0
    metadata = json.loads(meta_path.read_text())
    hops = [(h["status"], h["to"]) for h in metadata["redirects"] if h["kind"] == "http"]
    assert hops == [(301, site.url("/r/middle")), (302, site.url("/r/final"))]
    recorded = {a["name"]: a["sha256"] for a in redirected["artifacts"]}
    assert hashlib.sha256(meta_path.read_bytes()).hexdigest() == recorded["metadata.json"]
    # The manifest lists every artifact it seals.
    manifest = tmp_path / "manifest.json"
    assert cli_vault("artifact", redirected["id"], "manifest.json", "-o", str(manifest)).code == 0
    listed = {a["name"]: a["sha256"] for a in json.loads(manifest.read_bytes())["artifacts"]}
    for name, sha in listed.items():
        assert recorded[name] == sha
    assert set(listed) == set(recorded) - {"manifest.json", "manifest.p7s", "timestamp.tsr"}
    # Searchable by the page's text; the custody log has the captures.
    found = json.loads(cli_vault("search", "REDIRECT-FINAL-MARKER", "--json").out)
    assert [o["id"] for o in found] == [redirected["id"]]
    actions = [e["action"] for e in json.loads(cli_vault("log", "--json").out)]
    assert actions.count("capture") == 2 and actions.count("timestamp") == 2
    assert cli_vault("verify-vault").code == 0


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<p>x</p>",
        "chrome://settings",
        "http://",
        "not a url at all",
        "http://[::1",
    ],
)
def test_bad_addresses_are_refused(cli_vault: Cli, url: str) -> None:
    result = cli_vault("capture", url)
    assert result.code == 2
    assert "Nothing was captured" in result.err and "Traceback" not in result.err
    assert json.loads(cli_vault("list", "--json").out) == []


def test_unreachable_hosts_fail_cleanly(cli_vault: Cli, site) -> None:
    refused = closed_port_url().replace("/tsa", "/post")
    result = _capture(
        cli_vault, "http://no-such-host.invalid/post", refused, site.url("/lazy.html")
    )
    assert result.code == 2, result.err  # only input-type failures: the bad ones are bad input
    bad_host, bad_port, good = json.loads(result.out)
    assert bad_host["exit_code"] == 2 and "found" in bad_host["error"].lower()
    assert bad_port["exit_code"] == 2 and "refused" in bad_port["error"].lower()
    assert good["status"] == 200 and good["timestamp_status"] == "pending"
    assert "Traceback" not in result.err
    assert [o["url"] for o in json.loads(cli_vault("list", "--json").out)] == [good["url"]]


def test_batch_from_file(cli_vault: Cli, site, tmp_path: Path) -> None:
    listing = tmp_path / "links.txt"
    paths = ["/marker/batch-a", "/marker/batch-b", "/marker/batch-c", "/marker/batch-d"]
    listing.write_text("# links she was sent\n" + "\n".join(site.url(p) for p in paths) + "\n")
    result = _capture(cli_vault, "--from-file", str(listing))
    assert result.code == 0, result.err
    objs = json.loads(result.out)
    assert [o["url"] for o in objs] == [site.url(p) for p in paths]
    assert len({o["id"] for o in objs}) == 4


def _files_containing(roots: list[Path], marker: bytes, since: float) -> list[str]:
    hits = []
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                try:
                    if path.stat().st_mtime < since - 1:
                        continue
                    with open(path, "rb") as handle:
                        if marker in handle.read():
                            hits.append(str(path))
                except OSError:
                    continue
    return hits


def test_no_plaintext_left_outside_the_vault(cli_vault: Cli, site, tmp_path: Path) -> None:
    token = f"SECRET-{uuid.uuid4().hex}"
    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir()
    started = time.time()
    result = _capture(cli_vault, site.url(f"/marker/{token}"), env={"TMPDIR": str(private_tmp)})
    assert result.code == 0, result.err
    item = json.loads(result.out)[0]
    assert [o["id"] for o in json.loads(cli_vault("search", token, "--json").out)] == [item["id"]]
    home = Path(cli_vault.env["HOME"])
    roots = [private_tmp, home, tmp_path]
    if Path("/dev/shm").is_dir():
        roots.append(Path("/dev/shm"))
    assert _files_containing(roots, token.encode(), started) == []
    # The browser's ephemeral folders are gone.
    leftovers = [p for p in private_tmp.iterdir()]
    if Path("/dev/shm").is_dir():
        leftovers += [
            p for p in Path("/dev/shm").iterdir()
            if p.stat().st_mtime >= started - 1 and "playwright" in p.name
        ]  # fmt: skip
    assert leftovers == []


def test_broken_characters_never_stop_a_capture(cli_vault: Cli, site, tmp_path: Path) -> None:
    result = _capture(cli_vault, site.url("/surrogate.html"))
    assert result.code == 0, result.err
    item = json.loads(result.out)[0]
    assert item["title"] == "Broken \ufffd title"
    assert any("U+FFFD" in w for w in item["warnings"])
    text = tmp_path / "text.txt"
    assert cli_vault("artifact", item["id"], "text.txt", "-o", str(text)).code == 0
    assert "half an emoji \ufffd here" in text.read_text(encoding="utf-8")
    assert cli_vault("verify-vault").code == 0


def test_a_copy_never_replaces_the_vault(cli_vault: Cli, site, vault_path: Path) -> None:
    result = _capture(cli_vault, site.url("/marker/keep-me"))
    item = json.loads(result.out)[0]
    before = vault_path.read_bytes()
    for args in (
        ["artifact", item["id"], "text.txt", "-o", str(vault_path)],
        ["identity", "export-cert", str(vault_path)],
        ["export", item["id"], "-o", str(vault_path)],
    ):
        refused = cli_vault(*args)
        assert refused.code != 0 and "vault file itself" in refused.err, (args, refused.err)
    assert vault_path.read_bytes() == before
    assert cli_vault("verify-vault").code == 0

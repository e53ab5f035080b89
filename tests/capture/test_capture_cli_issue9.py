"""`evidencekit capture` end to end for what a pasted link, a failure, the browser's traces and
a heavy page must do: real Chromium, the fixture site, a real vault, a loopback TSA."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidencekit.capture import tempdirs
from tests.conftest import TEST_PASSPHRASE, Cli, closed_port_url
from tests.support import heavy_site

pytestmark = [pytest.mark.browser, pytest.mark.timeout(400)]

PASSWORD, SHARE_CODE = "secret-pw-7f3a", "XYZ-share-91b"


def _plain(name: str, data: bytes) -> bytes:
    return gzip.decompress(data) if name.endswith(".gz") else data


def _artifact(cli: Cli, item: str, name: str, folder: Path) -> bytes:
    out = folder / name.replace("/", "_")
    result = cli("artifact", item, name, "-o", str(out))
    assert result.code == 0, result.err
    return out.read_bytes()


def test_secrets_in_a_pasted_link_reach_nothing(cli_vault: Cli, site, tsa, tmp_path: Path):
    pasted = site.base_url.replace("://", f"://user:{PASSWORD}@") + (
        f"/marker/pasted-link?igsh={SHARE_CODE}&id=5"
    )
    result = cli_vault("--tsa", tsa.url, "capture", pasted, timeout=200)
    assert result.code == 0, result.err
    assert "removed from the link you pasted: a user name and password; the share-tracking " \
        "parameter igsh" in result.out  # fmt: skip
    outputs = [result.out, result.err]
    item = json.loads(cli_vault("list", "--json").out)[0]
    assert item["url"] == site.url("/marker/pasted-link?id=5")
    outputs += [cli_vault(*args).out for args in (
        ("list", "--json"), ("list",), ("show", item["id"], "--json"), ("show", item["id"]),
        ("log", "--json"), ("search", "pasted", "--json"),
    )]  # fmt: skip
    meta = json.loads(cli_vault("show", item["id"], "--json").out)
    assert "id=5" in json.dumps(meta)
    folder = tmp_path / "artifacts"
    folder.mkdir()
    names = [a["name"] for a in meta["artifacts"]]
    for name in names:
        data = _plain(name, _artifact(cli_vault, item["id"], name, folder))
        assert PASSWORD.encode() not in data and SHARE_CODE.encode() not in data, name
        assert b"secret" not in data and b"XYZ" not in data, name
    metadata = json.loads(_artifact(cli_vault, item["id"], "metadata.json", folder))
    assert metadata["link_as_pasted"]["share_parameters_removed"] == ["igsh"]
    for text in outputs:
        assert PASSWORD not in text and SHARE_CODE not in text
        assert "secret" not in text and "XYZ" not in text
    bundle = tmp_path / "bundle.pdf"
    exported = cli_vault("--tsa", tsa.url, "export", item["id"], "-o", str(bundle), timeout=200)
    assert exported.code == 0, exported.err
    raw = bundle.read_bytes()
    assert PASSWORD.encode() not in raw and SHARE_CODE.encode() not in raw
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(bundle), "-"], capture_output=True, text=True).stdout
        assert "id=5" in text.replace("\n", "")
        assert "secret" not in text and "XYZ" not in text


def test_share_parameters_kept_on_request(cli_vault: Cli, site):
    url = site.url("/marker/kept-by-choice?igsh=KEEPME&id=5")
    result = cli_vault("capture", "--keep-share-parameters", url, "--json", timeout=200)
    assert result.code == 0, result.err
    stored = json.loads(result.out)[0]
    assert stored["url"] == url
    assert stored["link_cleaned"]["share_parameters_kept"] == ["igsh"]


def test_a_failed_capture_explains_itself_on_stderr(cli_vault: Cli, site):
    refused = closed_port_url().replace("/tsa", "/post")
    result = cli_vault("capture", refused, timeout=200)
    assert result.code == 2
    assert "refused" in result.err.lower() and refused in result.err
    assert f"FAILED  {refused}" in result.out  # the per-link line may stay on stdout
    as_json = cli_vault("capture", refused, "--json", timeout=200)
    assert as_json.code == 2 and "refused" in as_json.err.lower()
    assert json.loads(as_json.out)[0]["exit_code"] == 2


def _held_by_a_live_process(folder: Path) -> bool:
    lock = folder / tempdirs.OWNER_LOCK
    return lock.exists() and not tempdirs._abandoned(folder)


def _new_entries(folder: Path, since: float) -> list[str]:
    found = []
    for entry in folder.iterdir():
        try:
            if entry.lstat().st_mtime >= since - 1:
                found.append(entry.name)
        except OSError:
            continue
    return found


def test_the_browser_leaves_no_trace_in_home_or_tmp(cli_vault: Cli, site, tmp_path: Path):
    home = tmp_path / "empty-home"
    home.mkdir()
    private_tmp = tmp_path / "private-tmp"
    private_tmp.mkdir()
    # Chromium writes under XDG_CONFIG_HOME / XDG_CACHE_HOME when set, else under HOME: both
    # ways are tried (XDG folders unset, then pointing into the empty home).
    base = {k: v for k, v in cli_vault.env.items() if not k.startswith("XDG_")}
    base.update({"HOME": str(home), "TMPDIR": str(private_tmp),
                 "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE})  # fmt: skip
    with_xdg = {**base, "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_CACHE_HOME": str(home / ".cache")}  # fmt: skip
    started = time.time()
    before_tmp = set(os.listdir("/tmp")) if Path("/tmp").is_dir() else set()
    for env in (base, with_xdg):
        proc = subprocess.run(
            [sys.executable, "-m", "evidencekit", "capture", site.url("/lazy.html")],
            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=200,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert list(home.rglob("*")) == [], sorted(str(p) for p in home.rglob("*"))
        assert list(private_tmp.iterdir()) == []
    if Path("/tmp").is_dir():  # nothing of the browser's in the real /tmp either
        browserish = [
            name for name in set(os.listdir("/tmp")) - before_tmp
            if any(word in name.lower() for word in ("chrom", "playwright", "crash"))
        ]  # fmt: skip
        assert browserish == []
    if Path("/dev/shm").is_dir():  # its RAM folder went with it
        # Our captures have exited: a folder whose owner lock is still held belongs to some
        # other live process on this machine (another capture, another test run), not to them.
        shm = Path("/dev/shm")
        left = [
            n for n in _new_entries(shm, started)
            if "evidencekit" in n and not _held_by_a_live_process(shm / n)
        ]  # fmt: skip
        assert not left


def test_heavy_page_into_the_vault_exported_and_verified(cli_vault: Cli, site, tsa, tmp_path: Path):
    started = time.monotonic()
    result = cli_vault("--tsa", tsa.url, "capture", site.url("/heavy/"), "--json", timeout=300)
    took = time.monotonic() - started
    assert result.code == 0, result.err
    stored = json.loads(result.out)[0]
    assert stored["timestamp_status"] == "granted"
    assert not any("could not be shown" in w for w in stored["warnings"])
    folder = tmp_path / "heavy"
    folder.mkdir()
    meta = json.loads(_artifact(cli_vault, stored["id"], "metadata.json", folder))
    assert meta["network"]["requests"] >= 200
    saved = {m["url"].removeprefix(site.base_url): m for m in meta["media"]}
    names = {a["name"] for a in stored["artifacts"]}
    for p in heavy_site.PICTURES:
        if p.keep:
            assert p.path in saved and saved[p.path]["name"] in names, p.path
        else:
            assert p.path not in saved, p.path
    shot = folder / "screenshot.png"
    assert cli_vault("artifact", stored["id"], "screenshot.png", "-o", str(shot)).code == 0
    print(f"heavy page: {meta['network']['requests']} requests, {len(saved)} media, "
          f"capture {took:.1f} s (CLI, incl. start, seal and timestamp)")  # fmt: skip
    bundle = tmp_path / "heavy.pdf"
    exported = cli_vault("--tsa", tsa.url, "export", stored["id"], "-o", str(bundle), timeout=300)
    assert exported.code == 0, exported.err
    # The lawyer confirms the vault's key (its certificate, handed over), as `valid` requires.
    cert = tmp_path / "vault.pem"
    assert cli_vault("identity", "export-cert", str(cert)).code == 0
    checked = cli_vault(
        "verify", str(bundle), "--trust", str(tsa.pki.root_pem), "--trust", str(cert), "--json",
        passphrase=None,
    )  # fmt: skip
    assert json.loads(checked.out)["verdict"] == "valid", checked.out
    # The report is readable: every picture kept has its row (file name in the bundle), the
    # technical pages are tables with labels in both languages, not `key: value` runs.
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "poppler-utils is installed by dev.py"
    text = subprocess.run(
        [pdftotext, "-raw", str(bundle), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    for m in meta["media"]:
        assert "".join(m["name"].split()) in flat, m["name"]
    for heading in ("Media saved", "Media të ruajtura", "Capture settings", "Parametrat e kapjes"):
        assert heading in text
    for raw_key in ("positions_css_px", "rendered_css_px", "icon_max_px", "shown_as"):
        assert raw_key not in text, raw_key

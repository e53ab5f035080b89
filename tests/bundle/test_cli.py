"""`evidencekit export` and `verify` as a user runs them: real subprocesses, real vault, real TSA,
real captures when a browser is available, and kill -9 in the middle of an export."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.vault.store import Vault
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE, Cli
from tests.support.bundles import CASE, TALL_PX, add_import, add_web_item, run, tool
from tests.support.tsa import TsaServer


def _fill(vault_path: Path, folder: Path, *, tall: int = 3) -> list[str]:
    with Vault.open(vault_path, TEST_PASSPHRASE, Settings(), write=True) as vault:
        ids = [add_web_item(vault, n, height=TALL_PX).id for n in range(1, tall + 1)]
        ids.append(add_import(vault, folder).id)
    return ids


def test_cli_export_case_then_verify(cli_vault: Cli, tmp_path: Path, tsa: TsaServer) -> None:
    vault_path = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    _fill(vault_path, tmp_path, tall=1)
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    exported = cli_vault("--tsa", tsa.url, "export", "--case", CASE, "-o", str(out), "--json")
    assert exported.code == 0, exported.err
    result = json.loads(exported.out)
    assert result["pades_level"] == "B-LTA" and result["items"] == 2
    assert out.exists() and out.stat().st_size == result["size"]
    assert "Traceback" not in exported.err
    root = str(tsa.pki.root_pem)  # the loopback TSA is trusted only when its root is given
    unconfirmed = cli_vault("verify", str(out), "--trust", root, passphrase=None)
    assert unconfirmed.code == 4 and "Verdict: INDETERMINATE" in unconfirmed.out
    # The victim reads her vault's fingerprint (`identity show`) to the lawyer, who types it
    # in groups of four, as it is read aloud.
    shown = json.loads(cli_vault("identity", "show", "--json").out)["fingerprint_sha256"]
    spoken = " ".join(shown[i : i + 4] for i in range(0, 64, 4)).upper()
    confirmed = ("--trust", root, "--trust-fingerprint", spoken)
    human = cli_vault("verify", str(out), *confirmed, passphrase=None)
    assert human.code == 0 and "Verdict: VALID" in human.out, human.out
    checked = cli_vault("verify", str(out), *confirmed, "--json", passphrase=None)
    assert json.loads(checked.out)["verdict"] == "valid"
    log = json.loads(cli_vault("log", "--json").out)
    assert log[-1]["action"] == "export" and log[-1]["details"]["sha256"] == result["sha256"]
    # The lawyer got the vault's certificate from the victim: the signer is now trusted.
    cert = tmp_path / "vault.pem"
    assert cli_vault("identity", "export-cert", str(cert)).code == 0
    trusted = cli_vault(
        "verify", str(out), "--trust", str(cert), "--trust", root, "--json", passphrase=None
    )
    signer = next(c for c in json.loads(trusted.out)["checks"] if c["name"] == "signer")
    assert trusted.code == 0 and "trusted: it is one of the certificates" in signer["detail"]


def test_cli_export_usage_errors(cli_vault: Cli, tmp_path: Path) -> None:
    out = str(tmp_path / "b.pdf")
    for args in (("export", "-o", out), ("export", "--case", "A", "abcd", "-o", out),
                 ("export", "--case", "no such case", "-o", out)):  # fmt: skip
        result = cli_vault(*args)
        assert result.code == 2, (args, result.err)
        assert "Traceback" not in result.err and result.err.strip()
    assert not Path(out).exists()


def test_kill_during_export_leaves_no_bundle_and_an_intact_vault(
    cli_vault: Cli, tmp_path: Path, tsa: TsaServer
) -> None:
    vault_path = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    ids = _fill(vault_path, tmp_path)
    out = tmp_path / "bundle.pdf"
    proc = cli_vault.popen(
        "--tsa", tsa.url, "export", "--case", CASE, "-o", str(out),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    part = None
    while time.monotonic() < deadline and proc.poll() is None:
        part = next(tmp_path.glob(".bundle.pdf.*.part"), None)
        if part is not None:
            break
        time.sleep(0.005)
    assert part is not None, "the export finished before it could be interrupted"
    # From now on the TSA hangs: the export cannot finish before it is killed.
    tsa.mode = "hang"
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()
    tsa.mode = "good"
    with Vault.open(vault_path, TEST_PASSPHRASE, Settings(), write=False) as vault:
        assert verify_vault(vault).ok
        assert sorted(i.id for i in vault.items()) == sorted(ids)
        assert not [e for e in vault.custody() if e.action == "export"]
    # The next export cleans the plaintext leftover and succeeds.
    again = cli_vault("--tsa", tsa.url, "export", "--case", CASE, "-o", str(out))
    assert again.code == 0, again.err
    assert out.exists() and not list(tmp_path.glob(".bundle.pdf.*.part"))


def _capture_available(cli: Cli) -> bool:
    return cli("capture", "--help", passphrase=None).code == 0


@pytest.mark.browser
def test_real_captures_from_the_fixture_site(
    cli_vault: Cli, tmp_path: Path, tsa: TsaServer
) -> None:
    if not _capture_available(cli_vault):
        pytest.skip("the capture command is not available yet")
    from evidencekit.capture.browser import find_browser
    from evidencekit.errors import BrowserNotFound

    try:
        find_browser()
    except BrowserNotFound as error:
        pytest.skip(f"no browser: {error}")
    from tests.support.site import SiteServer

    with SiteServer() as site:
        urls = [site.url("/r/start"), site.url("/post/removed"), site.url("/marker/bundle-test")]
        captured = cli_vault("--tsa", tsa.url, "capture", *urls, "--case", "Live", "--json",
                             timeout=240)  # fmt: skip
    assert captured.code == 0, captured.err
    assert len(json.loads(captured.out)) == 3
    note = tmp_path / "shënim.txt"
    note.write_text("Mesazh i marrë më 1 maj.\n", encoding="utf-8")
    assert cli_vault("--tsa", tsa.url, "import", str(note), "--case", "Live").code == 0
    out = tmp_path / "live.pdf"
    exported = cli_vault("--tsa", tsa.url, "export", "--case", "Live", "-o", str(out), "--json")
    assert exported.code == 0, exported.err
    assert json.loads(exported.out)["items"] == 4
    signer = json.loads(cli_vault("identity", "show", "--json").out)["fingerprint_sha256"]
    checked = cli_vault(
        "verify",
        str(out),
        "--trust",
        str(tsa.pki.root_pem),
        "--trust-fingerprint",
        signer,
        "--json",
        passphrase=None,
    )
    report = json.loads(checked.out)
    assert checked.code == 0 and report["verdict"] == "valid", report
    assert "Signature is Valid." in run(tool("pdfsig"), out).stdout
    text = " ".join(run(tool("pdftotext"), out, "-").stdout.split())
    assert "404 (removed / not found)" in text
    assert "/r/middle" in text  # the redirect chain, from the capture's own metadata

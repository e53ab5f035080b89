"""Issue 11, attacks 6 and 7: output a forger can write, document timestamps older than the
signature, and custody entries marked hidden to escape the re-hash.

Measured on the code before these rules (the commit "after the signed revision, accept only
what export writes"), B-LTA bundle, TSA root and vault certificate given with --trust:
- bundle.json's bundle id and a custody action carrying ANSI escapes: printed raw by
  `evidencekit verify` (8 ESC bytes on stdout; the id in the bundle.json row, the action in the
  custody row) - a terminal repaints the screen with "Verdict: VALID";
- a "timestamp" custody entry with its operator rewritten and marked "hidden" (bundle re-signed
  with the vault's key): the custody row passed ("8 entries chain correctly…"), verdict
  indeterminate only because the re-signed copy has no signature timestamp;
- a document timestamp made a day before the signature it covers (B-B bundle): the document
  timestamp row passed, verdict indeterminate (only because the signature has no timestamp).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.seal.identity import export_certificate_pem
from evidencekit.verify import load_certificates, verify_bundle
from evidencekit.verify.checks import Status, printable
from tests.conftest import Cli
from tests.support import forge_revisions, forge_small
from tests.support.bundles import Made, add_web_item, make_vault
from tests.support.tsa import TsaPki

ESCAPES = "\x1b[2J\x1b[H\x1b[1;32mVerdict: VALID\x1b[0m\r\n\u202e"


def _trusted(made: Made, tsa_pki: TsaPki, tmp_path: Path) -> list[Any]:
    cert = tmp_path / "vault.pem"
    cert.write_bytes(export_certificate_pem(made.vault.identity()))
    return load_certificates([tsa_pki.root_pem, cert])


def test_printable_replaces_every_control_and_format_character() -> None:
    assert printable("plain Ëlë, 12\u00a0345 ✓") == "plain Ëlë, 12\u00a0345 ✓"
    cleaned = printable(ESCAPES)
    assert cleaned.isprintable()
    assert "\x1b" not in cleaned and "\r" not in cleaned and "\u202e" not in cleaned
    assert cleaned.count("\ufffd") == 7  # each one replaced, none silently dropped


def test_escapes_in_bundle_json_never_reach_the_output(
    case_bundle: Made, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "escapes.pdf"
    shutil.copyfile(case_bundle.path, path)

    def change(data: dict[str, Any]) -> None:
        data["bundle_id"] = "EKB-" + ESCAPES
        entry = data["custody"]["entries"][0]
        entry["action"] = "create" + ESCAPES  # its hash no longer matches: the row quotes it

    forge_small.rewrite_bundle_json(path, change, case_bundle.vault.identity())
    report = verify_bundle(path)
    assert report.verdict == "invalid"
    custody = next(c for c in report.checks if c.name == "custody")
    assert custody.status is Status.FAILED and "\ufffd" in custody.detail
    for args in (["verify", str(path)], ["verify", "--lang", "sq", str(path)]):
        result = cli(*args, passphrase=None)
        assert result.code == 1, result.err
        shown = result.out + result.err
        assert "EKB-" in shown and "\ufffd" in shown
        assert not any(c in shown for c in "\x1b\r\u202e"), repr(shown[:400])
    result = cli("verify", "--json", str(path), passphrase=None)
    data = json.loads(result.out)
    assert data["bundle_id"] == printable("EKB-" + ESCAPES)
    assert all(printable(c["detail"]) == c["detail"] for c in data["checks"])


def test_a_rewritten_custody_entry_marked_hidden_is_still_rehashed(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    path = tmp_path / "hidden.pdf"
    shutil.copyfile(case_bundle.path, path)
    seen: dict[str, Any] = {}

    def change(data: dict[str, Any]) -> None:
        entry = next(
            e
            for e in data["custody"]["entries"]
            if not e.get("hidden") and e.get("action") in ("timestamp", "anchor")
        )
        entry["operator"] = "Someone else"
        entry["hidden"] = True
        seen["seq"] = entry["seq"]

    forge_small.rewrite_bundle_json(path, change, case_bundle.vault.identity())
    report = verify_bundle(path, trusted_certs=_trusted(case_bundle, tsa_pki, tmp_path))
    custody = next(c for c in report.checks if c.name == "custody")
    assert custody.status is Status.FAILED, custody.detail
    assert f"entry {seen['seq']}" in custody.detail
    assert report.verdict == "invalid"


def test_a_genuine_hidden_entry_is_counted_not_rehashed(case_bundle: Made) -> None:
    """What export writes for a hidden entry (hashes only) stays acceptable."""
    report = verify_bundle(case_bundle.path)
    custody = next(c for c in report.checks if c.name == "custody")
    assert custody.status is not Status.FAILED


@pytest.fixture(scope="module")
def own_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    """A vault of this module's own: exporting from the session's case vault would add to the
    custody log other tests read."""
    folder = tmp_path_factory.mktemp("small-rules")
    vault = make_vault(folder)
    item = add_web_item(vault, 1, height=900)
    result = export_bundle(vault, [item.id], folder / "bb.pdf", tsa_urls=[])
    assert result.level == "B-B"
    yield Made(vault, [item], result, None)
    vault.close()


@pytest.fixture
def b_b_bundle(own_vault: Made, tmp_path: Path) -> Path:
    path = tmp_path / "bb.pdf"
    shutil.copyfile(own_vault.path, path)
    return path


def test_a_document_timestamp_older_than_the_signature_is_invalid(
    own_vault: Made, b_b_bundle: Path, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    day_before = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    forge_revisions.stamp(b_b_bundle, tsa_pki.timestamper(fixed_dt=day_before))
    report = verify_bundle(b_b_bundle, trusted_certs=_trusted(own_vault, tsa_pki, tmp_path))
    row = next(c for c in report.checks if c.name == "document timestamp")
    assert row.status is Status.FAILED, row.detail
    assert "cannot be older than what it seals" in row.detail
    assert row.detail_sq
    assert report.verdict == "invalid"


def test_a_document_timestamp_after_the_signature_is_accepted(
    own_vault: Made, b_b_bundle: Path, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    forge_revisions.stamp(b_b_bundle, tsa_pki.timestamper())
    report = verify_bundle(b_b_bundle, trusted_certs=_trusted(own_vault, tsa_pki, tmp_path))
    row = next(c for c in report.checks if c.name == "document timestamp")
    assert row.status is Status.PASSED, row.detail


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_bundle_json_with_nan_or_infinity_is_not_json(constant: str) -> None:
    """Python's json reads them (and would print them back into --json, which strict parsers
    refuse); RFC 8259 has no such numbers. Measured before: parsed, printed as `NaN`."""
    from evidencekit import bundle_format

    with pytest.raises(bundle_format.BundleJsonInvalid):
        bundle_format.parse(f'{{"format": "evidencekit-bundle/1", "n": {constant}}}'.encode())

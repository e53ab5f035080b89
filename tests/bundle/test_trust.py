"""Whom the verifier trusts: --trust for the signer and for timestamp authorities, the built-in
roots, timestamps that contradict the capturing computer's clock, and files an item's seal does
not cover. Real bundles, real pyHanko, real TSAs on 127.0.0.1 (one of them back-dating)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from evidencekit.bundle import export_bundle
from evidencekit.clock import now_iso_z_ms
from evidencekit.seal.identity import generate_identity
from evidencekit.vault import blobs
from evidencekit.verify import trust, verify_bundle
from evidencekit.verify.checks import BundleReport, Check, Status
from tests.conftest import Cli
from tests.support.bundles import Made, add_import, add_web_item, make_vault
from tests.support.tsa import TsaPki, TsaServer

TIMESTAMP_ROWS = ("signature timestamp", "document timestamp", "custody")


def _row(report: BundleReport, name: str) -> Check:
    return next(c for c in report.checks if c.name == name)


def _items(report: BundleReport) -> list[Check]:
    return [c for c in report.checks if c.name.startswith("item ")]


def _pem(path: Path, cert: object) -> Path:
    path.write_bytes(cert.public_bytes(Encoding.PEM))  # type: ignore[attr-defined]
    return path


@pytest.fixture(scope="module")
def backdated_bundle(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Made]:
    """Two items captured just now, time-stamped (and the bundle signed) by a TSA whose clock
    says 20 hours ago."""
    folder = tmp_path_factory.mktemp("backdated")
    vault = make_vault(folder)
    items = [
        add_web_item(vault, 1, height=900, captured_at=now_iso_z_ms()),
        add_import(vault, folder),
    ]
    with TsaServer(tsa_pki, mode="backdated") as tsa:
        result = export_bundle(vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url])
        yield Made(vault, items, result, tsa)
    vault.close()


# --- timestamp authorities ------------------------------------------------------------------


def test_without_trust_tokens_of_an_unknown_tsa_are_indeterminate(case_bundle: Made) -> None:
    report = verify_bundle(case_bundle.path)
    assert report.verdict == "indeterminate", report.summary()
    assert report.exit_code == 4
    assert not [c for c in report.checks if c.status is Status.FAILED], report.summary()
    unsure = [_row(report, n) for n in TIMESTAMP_ROWS] + _items(report)
    for row in unsure:
        assert row.status is Status.INDETERMINATE, row
        assert "not independently trusted" in row.detail, row
        assert "pass that authority's root certificate with --trust <TSA root>.pem" in row.detail
    # What to do is said once, for the whole report.
    (advice,) = report.advice
    assert "timestamps by EvidenceKit Test TSA (EvidenceKit tests) are intact" in advice
    assert "Anyone can run a timestamp authority" in advice
    assert f"evidencekit verify {case_bundle.path} --trust <TSA root>.pem" in advice
    assert "leads to no root in the built-in list" in _row(report, "signature timestamp").detail
    assert "its timestamp authority is not independently trusted" in _items(report)[0].detail
    assert report.facts["signed_at"] and report.facts["signed_at_trusted"] is False
    # The signer row is no failure without --trust, but no pass either (issue 11): the
    # fingerprint is shown to confirm with the sender.
    signer = _row(report, "signer")
    assert signer.status is Status.INDETERMINATE and "is not confirmed" in signer.detail
    assert case_bundle.vault.identity().fingerprint_sha256 in signer.detail


def test_with_the_tsa_root_trusted_the_bundle_is_valid(case_bundle: Made) -> None:
    assert case_bundle.tsa is not None
    signer = case_bundle.vault.identity().fingerprint_sha256
    report = verify_bundle(
        case_bundle.path,
        trusted_certs=[case_bundle.tsa.pki.root_cert],
        trusted_fingerprints=[signer],
    )
    assert report.verdict == "valid", report.summary()
    assert report.exit_code == 0
    for row in [_row(report, n) for n in TIMESTAMP_ROWS] + _items(report):
        assert row.ok and "given with --trust" in row.detail, row


def test_a_tsa_leading_to_a_built_in_root_is_trusted_without_trust(
    case_bundle: Made, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert case_bundle.tsa is not None
    root = case_bundle.tsa.pki.root_cert
    monkeypatch.setattr(trust, "builtin_tsa_roots", lambda: (root,))
    signer = case_bundle.vault.identity().fingerprint_sha256
    report = verify_bundle(case_bundle.path, trusted_fingerprints=[signer])
    assert report.verdict == "valid", report.summary()
    assert "a root in the built-in list" in _row(report, "signature timestamp").detail


def test_another_tsa_root_given_leaves_the_timestamps_indeterminate(
    case_bundle: Made, tmp_path: Path
) -> None:
    """The lawyer trusts the vault's certificate and some TSA root, but not this bundle's TSA:
    not a failure (she may just not have passed the right root), yet not valid either."""
    stranger = TsaPki.create(tmp_path / "other-tsa")
    vault_cert = case_bundle.vault.identity().certificate
    report = verify_bundle(case_bundle.path, trusted_certs=[vault_cert, stranger.root_cert])
    assert report.verdict == "indeterminate", report.summary()
    assert _row(report, "signer").ok
    stamp = _row(report, "signature timestamp")
    assert stamp.status is Status.INDETERMINATE
    assert "leads neither to a certificate given with --trust nor to a root" in stamp.detail


def test_the_built_in_roots_are_mozillas_and_load_quietly() -> None:
    trust.builtin_tsa_roots.cache_clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        roots = trust.builtin_tsa_roots()
    assert not caught, [str(w.message) for w in caught]
    names = {r.subject.rfc4514_string() for r in roots}
    assert len(roots) > 100
    # The roots the public TSAs EvidenceKit asks by default lead to (see verify/trust.py).
    assert any("CN=DigiCert Trusted Root G4" in n for n in names)
    assert any("CN=USERTrust RSA Certification Authority" in n for n in names)
    assert not any("FreeTSA" in n for n in names)


# --- the signer ----------------------------------------------------------------------------


def test_trusting_an_unrelated_certificate_makes_the_bundle_invalid(case_bundle: Made) -> None:
    assert case_bundle.tsa is not None
    stranger = generate_identity("Someone Else").certificate
    for given in ([stranger], [stranger, case_bundle.tsa.pki.root_cert]):
        report = verify_bundle(case_bundle.path, trusted_certs=given)
        assert report.verdict == "invalid", report.summary()
        signer = _row(report, "signer")
        assert signer.status is Status.FAILED
        assert "a certificate other than the one(s) you trust" in signer.detail
        assert case_bundle.vault.identity().fingerprint_sha256 in signer.detail
        # Nothing else is held against the bundle.
        assert [c.name for c in report.checks if c.status is Status.FAILED] == ["signer"]


def test_cli_text_and_json_for_trust_outcomes(case_bundle: Made, cli: Cli, tmp_path: Path) -> None:
    assert case_bundle.tsa is not None
    bundle = str(case_bundle.path)
    root = str(case_bundle.tsa.pki.root_pem)
    stranger = str(_pem(tmp_path / "stranger.pem", generate_identity("Stranger").certificate))

    plain = cli("verify", bundle, passphrase=None)
    assert plain.code == 4 and plain.out.startswith("Verdict: INDETERMINATE"), plain.out
    assert "[??  ] signature timestamp: Time-stamped by EvidenceKit Test TSA" in plain.out
    assert "--trust <TSA root>.pem" in plain.out and "[FAIL]" not in plain.out
    assert "\nWhat you can do:\n  - The timestamps by EvidenceKit Test TSA" in plain.out
    assert "Traceback" not in plain.err and "Warning" not in plain.err, plain.err

    wrong = cli("verify", bundle, "--trust", stranger, passphrase=None)
    assert wrong.code == 1 and wrong.out.startswith("Verdict: INVALID"), wrong.out
    assert "[FAIL] signer: Signed by" in wrong.out
    assert "a certificate other than the one(s) you trust" in wrong.out

    signer = case_bundle.vault.identity().fingerprint_sha256
    good = cli(
        "verify", bundle, "--trust", root, "--trust-fingerprint", signer, "--json", passphrase=None
    )
    assert good.code == 0, good.out
    data = json.loads(good.out)
    assert data["verdict"] == "valid"
    assert {c["status"] for c in data["checks"]} == {"passed"}
    assert data["advice"] == []

    unsure = json.loads(cli("verify", bundle, "--json", passphrase=None).out)
    statuses = {c["name"]: c["status"] for c in unsure["checks"]}
    assert unsure["verdict"] == "indeterminate"
    assert statuses["signature timestamp"] == statuses["custody"] == "indeterminate"
    assert statuses["signer"] == "indeterminate" and statuses["signature"] == "passed"
    assert all(not c["ok"] for c in unsure["checks"] if c["status"] == "indeterminate")
    assert len(unsure["advice"]) == 1 and "--trust <TSA root>.pem" in unsure["advice"][0]


# --- times that contradict each other ------------------------------------------------------


def test_a_backdated_tsa_makes_the_bundle_indeterminate(backdated_bundle: Made) -> None:
    assert backdated_bundle.tsa is not None
    report = verify_bundle(
        backdated_bundle.path, trusted_certs=[backdated_bundle.tsa.pki.root_cert]
    )
    assert report.verdict == "indeterminate", report.summary()
    assert not [c for c in report.checks if c.status is Status.FAILED], report.summary()
    items = _items(report)
    assert len(items) == 2
    for row in items:
        assert row.status is Status.INDETERMINATE, row
        assert "before the computer says it was captured" in row.detail, row
        assert "the computer's clock may have been wrong, or the item was back-dated" in row.detail
        assert "not independently trusted" not in row.detail  # the TSA itself is trusted
    custody = _row(report, "custody")
    assert custody.status is Status.INDETERMINATE
    assert "or the log was back-dated" in custody.detail
    stamp = _row(report, "signature timestamp")
    assert stamp.status is Status.INDETERMINATE and "before the time the signer's" in stamp.detail


def test_an_old_capture_time_stamped_later_is_no_contradiction(case_bundle: Made) -> None:
    """The case bundle's web items say they were captured in 2024 and were time-stamped at
    export: later than the capture is how it should be."""
    assert case_bundle.tsa is not None
    report = verify_bundle(case_bundle.path, trusted_certs=[case_bundle.tsa.pki.root_cert])
    assert all(row.ok and "back-dated" not in row.detail for row in _items(report))


# --- files an item's seal does not cover ----------------------------------------------------


def test_an_unsealed_file_listed_under_an_item_makes_the_bundle_invalid(
    tmp_path: Path, tsa: TsaServer
) -> None:
    """A file slipped into an item after it was sealed (here straight into the vault's tables)
    travels in the bundle under that item, but its manifest never named it."""
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=900)
    other = add_import(vault, tmp_path)
    with vault.transaction() as conn:
        blob = blobs.put_bytes(conn, b"MZ not part of the capture", vault.settings.chunk_size)
        row = conn.execute("SELECT id FROM items WHERE uid = ?", (item.id,)).fetchone()
        conn.execute(
            "INSERT INTO artifacts (item_id, name, media_type, size, sha256) "
            "VALUES (?, ?, ?, ?, ?)",
            (row[0], "payload.exe", "application/octet-stream", blob.size, blob.sha256),
        )
    out = tmp_path / "b.pdf"
    export_bundle(vault, [item.id, other.id], out, tsa_urls=[tsa.url])
    vault.close()
    report = verify_bundle(out, trusted_certs=[tsa.pki.root_cert])
    assert report.verdict == "invalid", report.summary()
    failed = [c for c in report.checks if c.status is Status.FAILED]
    assert [c.name for c in failed] == [f"item 1 ({item.id})"], report.summary()
    assert "A file is listed under this item that its seal does not cover" in failed[0].detail
    assert "payload.exe" in failed[0].detail
    assert _items(report)[1].ok  # the other item is untouched


def test_one_trusted_token_is_enough_for_an_item(tsa: TsaServer, tmp_path: Path) -> None:
    """An item time-stamped by two authorities, only one of which the reader trusts: the
    trusted token settles it, and the other is named as not independently trusted."""
    import asyncio

    from evidencekit.jobs.seal import timestamp_item

    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=900)
    with TsaServer(TsaPki.create(tmp_path / "other-pki")) as other:
        report = asyncio.run(timestamp_item(vault, item.id, [other.url, tsa.url]))
        assert report.status == "granted" and len(report.granted) == 2
    out = tmp_path / "b.pdf"
    export_bundle(vault, [item.id], out, tsa_urls=[tsa.url])
    signer = vault.identity().fingerprint_sha256
    vault.close()
    checked = verify_bundle(out, trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[signer])
    assert checked.verdict == "valid", checked.summary()
    (row,) = _items(checked)
    assert row.ok and row.detail.count("EvidenceKit Test TSA") == 2
    assert "(not independently trusted)" in row.detail
    assert "leads to a certificate given with --trust" in row.detail
    assert checked.advice == ()  # nothing left to settle

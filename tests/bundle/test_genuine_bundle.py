"""The genuine bundle, after issue 11: `valid` once the signer is confirmed (by certificate or
by fingerprint), and two independent tools agree its signature is intact: poppler's `pdfsig`
and pyHanko's own command line (`pyhanko sign validate`, from pyhanko-cli)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from evidencekit.verify import verify_bundle
from tests.support.bundles import Made, tool


def _vault_pem(made: Made, folder: Path) -> Path:
    """The vault's certificate, as `identity export-cert` writes it for the lawyer."""
    path = folder / "vault.pem"
    path.write_bytes(made.vault.identity().certificate.public_bytes(serialization.Encoding.PEM))
    return path


def test_the_genuine_bundle_is_valid_with_the_signer_confirmed(case_bundle: Made) -> None:
    assert case_bundle.tsa is not None
    root = case_bundle.tsa.pki.root_cert
    identity = case_bundle.vault.identity()
    by_fingerprint = verify_bundle(
        case_bundle.path, trusted_certs=[root], trusted_fingerprints=[identity.fingerprint_sha256]
    )
    by_certificate = verify_bundle(case_bundle.path, trusted_certs=[root, identity.certificate])
    for report in (by_fingerprint, by_certificate):
        assert report.verdict == "valid" and report.exit_code == 0, report.summary()
        assert all(c.ok for c in report.checks)
        headline = report.summary().splitlines()[0]
        assert headline.startswith("Verdict: VALID — the attached files are exactly those")
        assert "who wrote the post, or that nothing was left out" in headline
        assert report.summary("sq").startswith("Përfundimi: E VLEFSHME — skedarët")
    # Unconfirmed, nothing else changes: the one indeterminate row is the signer's.
    unconfirmed = verify_bundle(case_bundle.path, trusted_certs=[root])
    assert unconfirmed.verdict == "indeterminate" and unconfirmed.exit_code == 4
    assert [c.name for c in unconfirmed.checks if not c.ok] == ["signer"]


def test_pdfsig_still_says_the_signature_is_valid(case_bundle: Made) -> None:
    shown = subprocess.run(
        [tool("pdfsig"), str(case_bundle.path)], capture_output=True, text=True, check=False
    )
    assert "Signature is Valid." in shown.stdout, shown.stdout


def _pyhanko() -> str:
    found = Path(sys.executable).with_name("pyhanko")
    path = str(found) if found.exists() else shutil.which("pyhanko")
    if path is None:
        pytest.skip("pyHanko's command line (pyhanko-cli) is not installed")
    return path


def test_pyhankos_own_validator_agrees(case_bundle: Made, tmp_path: Path) -> None:
    """`pyhanko sign validate`, trusting only the vault's certificate and the TSA's root (no
    system store, nothing fetched), judges the signature VALID, intact and trusted, and the
    changes after it signature maintenance only."""
    assert case_bundle.tsa is not None
    trust = ["--trust", str(_vault_pem(case_bundle, tmp_path))]
    trust += ["--trust", str(case_bundle.tsa.pki.root_pem), "--trust-replace"]
    command = [_pyhanko(), "sign", "validate", "--no-revocation-check", *trust]
    fingerprint = case_bundle.vault.identity().fingerprint_sha256

    summary = subprocess.run(
        [*command, "--executive-summary", str(case_bundle.path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert summary.returncode == 0, summary.stdout + summary.stderr
    assert summary.stdout.strip() == f"EvidenceKit-Signature:{fingerprint}:VALID"

    pretty = subprocess.run(
        [*command, "--pretty-print", str(case_bundle.path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    ).stdout
    assert "The signature is cryptographically sound." in pretty
    assert "The signer's certificate is trusted." in pretty
    assert "All modifications relate to signature maintenance" in pretty
    assert "The signature is judged VALID." in pretty

    # A control: trusting someone else's certificate instead, pyHanko says untrusted.
    from evidencekit.seal.identity import generate_identity

    stranger = tmp_path / "stranger.pem"
    stranger.write_bytes(generate_identity().certificate.public_bytes(serialization.Encoding.PEM))
    other = [a if a != trust[1] else str(stranger) for a in command]
    refused = subprocess.run(
        [*other, "--executive-summary", str(case_bundle.path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert refused.returncode != 0 and ":INVALID" in refused.stdout, refused.stdout

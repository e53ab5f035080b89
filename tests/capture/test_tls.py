"""https pages: the certificate chain is recorded, and so is whether the browser trusted it."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from evidencekit.canonical import canonical_json
from evidencekit.capture import CaptureSettings, capture_page

pytestmark = [pytest.mark.browser, pytest.mark.timeout(90)]


def test_self_signed_page_is_captured_and_marked_untrusted(capture, tls_site, tls_cert):
    der = tls_cert[2]
    result = capture(tls_site.url("/r/start"))
    assert result.status == 200
    assert result.final_url == tls_site.url("/r/final")
    assert "REDIRECT-FINAL-MARKER" in result.text
    tls = result.metadata["tls"]
    assert tls["trusted"] is False
    assert tls["certificate_error"] == "net::ERR_CERT_AUTHORITY_INVALID"
    assert tls["protocol"].startswith("TLS 1.")
    assert tls["cipher"]
    assert tls["fingerprint_sha256"] == hashlib.sha256(der).hexdigest()
    assert [base64.b64decode(c["der_base64"]) for c in tls["chain"]] == [der]
    assert "evidencekit-test.local" in tls["subject"] == tls["issuer"]
    assert tls["chain"][0]["subject_alt_names"] == ["localhost", "127.0.0.1"]
    assert tls["valid_from"] < tls["valid_to"]
    assert any("not trusted" in w for w in result.warnings)
    canonical_json(result.metadata)


def test_trusted_chain_is_reported_as_trusted(loop, tls_site, tls_cert, browser_available):
    """Positive control: tell Chromium to accept this key, and the verdict flips to trusted."""
    cert = x509.load_der_x509_certificate(tls_cert[2])
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    pin = base64.b64encode(hashlib.sha256(spki).digest()).decode()
    settings = CaptureSettings(browser_args=(f"--ignore-certificate-errors-spki-list={pin}",))
    result = loop.run(capture_page(tls_site.url("/r/final"), settings))
    tls = result.metadata["tls"]
    assert tls["trusted"] is True
    assert tls["certificate_error"] is None
    assert tls["fingerprint_sha256"] == hashlib.sha256(tls_cert[2]).hexdigest()
    assert not any("not trusted" in w for w in result.warnings)
    assert result.metadata["browser"]["extra_args"] == list(settings.browser_args)

"""The vault's signing identity: generation, storage, PKCS#12 import and detached signatures,
with real openssl as the independent judge of the signatures."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from evidencekit.errors import IdentityDamaged, IdentityImportFailed
from evidencekit.seal.identity import (
    Identity,
    export_certificate_pem,
    generate_identity,
    load_pkcs12,
    sign_detached,
    verify_detached,
)
from tests.support.openssl import run_openssl
from tests.support.tsa import TsaPki

MANIFEST = b'{"artifacts":[],"format":"evidencekit-manifest/1","item":{"note":"\xc3\xab"}}\r\n\x00'
DER = serialization.Encoding.DER
PASSWORD = b"correct horse battery staple"


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _cert_for(
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey] | None = None,
    *,
    days: tuple[int, int] = (-1, 365),
) -> x509.Certificate:
    """A leaf certificate for `key`, self-signed unless `issuer` is given."""
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Clinic Signer")])
    issuer_name, signing_key = (issuer[0].subject, issuer[1]) if issuer else (name, key)
    algorithm = None if isinstance(signing_key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=days[0]))
        .not_valid_after(now + dt.timedelta(days=days[1]))
        .sign(signing_key, algorithm)
    )


def _p12(
    key: object, cert: x509.Certificate | None, cas: list[x509.Certificate] | None = None
) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"signer",
        key,  # type: ignore[arg-type]
        cert,
        cas,
        serialization.BestAvailableEncryption(PASSWORD),
    )


# --- generation and storage -----------------------------------------------------------------


def test_generated_identity_is_a_self_signed_p256_signing_certificate() -> None:
    identity = generate_identity()
    cert = identity.certificate
    assert cert.subject == cert.issuer
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "EvidenceKit vault"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "EvidenceKit"
    assert identity.subject == "O=EvidenceKit,CN=EvidenceKit vault"
    cert.verify_directly_issued_by(cert)  # raises if the self-signature is wrong
    assert isinstance(identity.private_key, ec.EllipticCurvePrivateKey)
    assert identity.private_key.curve.name == "secp256r1"
    assert identity.chain == ()

    lifetime = identity.not_after - identity.not_before
    assert dt.timedelta(days=3652) <= lifetime <= dt.timedelta(days=3653)
    assert identity.not_before <= dt.datetime.now(dt.UTC)
    assert identity.not_before.tzinfo is not None

    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False

    assert len(identity.fingerprint_sha256) == 64
    assert identity.fingerprint_sha256 == cert.fingerprint(hashes.SHA256()).hex()
    assert identity.fingerprint_sha256 == identity.fingerprint_sha256.lower()
    other = generate_identity("Support clinic")
    assert other.certificate.serial_number != cert.serial_number
    assert other.subject == "O=EvidenceKit,CN=Support clinic"
    assert "private_key" not in repr(identity)


def test_labels_must_fit_a_common_name() -> None:
    for label in ("", "   ", "x" * 65):
        with pytest.raises(ValueError):
            generate_identity(label)


def test_storage_round_trip_keeps_key_certificate_and_chain(tsa_pki: TsaPki) -> None:
    identity = generate_identity()
    stored = identity.to_storage()
    assert isinstance(stored["private_key_pkcs8"], bytes)
    assert isinstance(stored["certificate"], bytes)
    assert stored["chain_pem"] == ""
    again = Identity.from_storage(stored)
    assert again.fingerprint_sha256 == identity.fingerprint_sha256
    assert again.chain == ()
    # The restored key signs for the same certificate.
    assert verify_detached(sign_detached(again, MANIFEST), MANIFEST).ok

    with_chain = Identity(identity.certificate, identity.private_key, (tsa_pki.root_cert,))
    restored = Identity.from_storage(with_chain.to_storage())
    assert restored.chain == (tsa_pki.root_cert,)


def test_damaged_storage_is_refused() -> None:
    stored = generate_identity().to_storage()
    foreign_key = generate_identity().to_storage()["private_key_pkcs8"]
    for damaged in (
        {**stored, "private_key_pkcs8": foreign_key},
        {**stored, "certificate": b"\x30\x00"},
        {**stored, "format": "evidencekit-identity/99"},
        {k: v for k, v in stored.items() if k != "certificate"},
    ):
        with pytest.raises(IdentityDamaged):
            Identity.from_storage(damaged)


def test_exported_certificate_is_the_pem_of_the_signing_certificate() -> None:
    identity = generate_identity()
    pem = export_certificate_pem(identity)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert x509.load_pem_x509_certificate(pem) == identity.certificate
    assert b"PRIVATE" not in pem


# --- detached signatures --------------------------------------------------------------------


def test_openssl_verifies_the_detached_signature_and_catches_one_changed_byte(
    openssl: str, tmp_path: Path
) -> None:
    identity = generate_identity()
    manifest = tmp_path / "manifest.json"
    manifest.write_bytes(MANIFEST)
    p7s = tmp_path / "manifest.p7s"
    p7s.write_bytes(sign_detached(identity, MANIFEST))
    cert_pem = tmp_path / "vault-cert.pem"
    cert_pem.write_bytes(export_certificate_pem(identity))
    verify: list[str | Path] = [
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        p7s,
        "-out",
        "/dev/null",
    ]

    result = run_openssl(openssl, *verify, "-content", manifest, "-noverify")
    assert result.returncode == 0 and "Verification successful" in result.stdout, result.stdout
    # A lawyer who trusts the exported certificate can drop -noverify.
    result = run_openssl(openssl, *verify, "-content", manifest, "-CAfile", cert_pem)
    assert result.returncode == 0 and "Verification successful" in result.stdout, result.stdout

    for at in (0, len(MANIFEST) // 2, len(MANIFEST) - 1):
        changed = tmp_path / f"changed-{at}.json"
        changed.write_bytes(_flip(MANIFEST, at))
        result = run_openssl(openssl, *verify, "-content", changed, "-noverify")
        assert result.returncode != 0 and "Verification failure" in result.stdout, result.stdout


def test_verify_detached_agrees_with_openssl() -> None:
    identity = generate_identity()
    signature = sign_detached(identity, MANIFEST)
    cert_der = identity.certificate.public_bytes(DER)

    check = verify_detached(signature, MANIFEST, expected_cert_der=cert_der)
    assert check.ok and check and check.why == ""
    assert check.signer_fingerprint_sha256 == identity.fingerprint_sha256
    assert check.signer_subject == identity.subject
    assert check.signer_cert_der == cert_der
    assert check.signing_time is not None
    assert abs(check.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)

    for at in (0, len(MANIFEST) // 2, len(MANIFEST) - 1):
        changed = verify_detached(signature, _flip(MANIFEST, at))
        assert not changed.ok and not changed
        assert changed.why == "The signature is not valid: the signed content has been changed."
    assert not verify_detached(signature, MANIFEST + b" ").ok
    assert not verify_detached(signature, b"").ok


def test_verify_detached_refuses_another_signer_and_broken_signatures() -> None:
    identity = generate_identity()
    signature = sign_detached(identity, MANIFEST)
    stranger = generate_identity().certificate.public_bytes(DER)
    check = verify_detached(signature, MANIFEST, expected_cert_der=stranger)
    assert not check.ok and check.why == "It was signed by a different certificate."

    # The signature value is the last field of the SignerInfo, so near the end of the DER.
    assert not verify_detached(_flip(signature, len(signature) - 10), MANIFEST).ok

    assert verify_detached(b"not a signature", MANIFEST).why.startswith("It is not a signature")
    assert not verify_detached(signature[:-5], MANIFEST).ok


def test_verify_detached_checks_the_signature_value_itself() -> None:
    identity = generate_identity()
    signature = sign_detached(identity, MANIFEST)
    # Re-sign the same attributes with another key: content digest intact, signature wrong.
    content_info = cms.ContentInfo.load(signature)
    signer_info = content_info["content"]["signer_infos"][0]
    other = ec.generate_private_key(ec.SECP256R1())
    signed_attrs = signer_info["signed_attrs"].untag().dump()
    signer_info["signature"] = other.sign(signed_attrs, ec.ECDSA(hashes.SHA256()))
    forged = content_info.dump(force=True)
    check = verify_detached(forged, MANIFEST)
    assert not check.ok
    assert "does not verify with the signer's certificate" in check.why


# --- PKCS#12 import -------------------------------------------------------------------------


def test_pkcs12_import_with_the_right_and_the_wrong_password(openssl: str, tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _cert_for(key)
    data = _p12(key, cert)

    with pytest.raises(IdentityImportFailed) as caught:
        load_pkcs12(data, b"wrong password")
    assert str(caught.value) == "The password for that certificate file is wrong."
    with pytest.raises(IdentityImportFailed, match="protected by a password"):
        load_pkcs12(data, None)

    identity = load_pkcs12(data, PASSWORD)
    assert identity.fingerprint_sha256 == cert.fingerprint(hashes.SHA256()).hex()
    assert identity.chain == ()


def test_pkcs12_with_rsa_key_and_chain_signs_for_openssl(
    tsa_pki: TsaPki, openssl: str, tmp_path: Path
) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _cert_for(key, (tsa_pki.root_cert, tsa_pki.root_key))
    identity = load_pkcs12(_p12(key, cert, [tsa_pki.root_cert]), PASSWORD)
    assert identity.chain == (tsa_pki.root_cert,)
    assert isinstance(identity.private_key, rsa.RSAPrivateKey)

    (tmp_path / "m.json").write_bytes(MANIFEST)
    (tmp_path / "m.p7s").write_bytes(sign_detached(identity, MANIFEST))
    result = run_openssl(
        openssl,
        *("cms", "-verify", "-binary", "-inform", "DER", "-out", "/dev/null"),
        *("-in", tmp_path / "m.p7s", "-content", tmp_path / "m.json"),
        *("-CAfile", tsa_pki.root_pem, "-purpose", "any"),
    )
    assert result.returncode == 0 and "Verification successful" in result.stdout, result.stdout
    assert verify_detached((tmp_path / "m.p7s").read_bytes(), MANIFEST).ok


def test_pkcs12_without_password_opens_with_none() -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    cert = _cert_for(key)
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, cert, None, serialization.NoEncryption()
    )
    assert load_pkcs12(data, None).certificate == cert


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"\x30\x03\x02\x01\x03", b"-----BEGIN CERTIFICATE-----\nMIIB\n"],
)
def test_things_that_are_not_pkcs12_are_named_so(data: bytes) -> None:
    with pytest.raises(IdentityImportFailed, match="not a certificate file"):
        load_pkcs12(data, PASSWORD)


def test_pkcs12_that_cannot_sign_is_refused_with_the_reason() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    edwards = ed25519.Ed25519PrivateKey.generate()
    cases = [
        (_p12(None, _cert_for(ec_key)), "holds no private key"),
        (_p12(ec_key, None), "holds no certificate for its key"),
        (_p12(weak, _cert_for(weak)), "too weak (1024 bits"),
        (_p12(edwards, _cert_for(edwards)), "cannot sign with"),
        (_p12(ec_key, _cert_for(ec_key, days=(-400, -1))), "expired on"),
        (_p12(ec_key, _cert_for(ec_key, days=(5, 400))), "only valid from"),
    ]
    for data, words in cases:
        with pytest.raises(IdentityImportFailed, match=re.escape(words)):
            load_pkcs12(data, PASSWORD)


def test_an_attached_signature_is_not_taken_for_a_detached_one() -> None:
    identity = generate_identity()
    attached = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(MANIFEST)
        .add_signer(identity.certificate, identity.private_key, hashes.SHA256())
        .sign(DER, [pkcs7.PKCS7Options.Binary])
    )
    check = verify_detached(attached, MANIFEST)
    assert not check.ok
    assert "not a detached signature" in check.why


def test_pkcs12_whose_key_does_not_fit_its_certificate_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Neither cryptography nor openssl will write such a file, so the loader is made to return
    # the mismatched pair that a hand-made file could carry.
    key = ec.generate_private_key(ec.SECP256R1())
    stranger = ec.generate_private_key(ec.SECP256R1())
    data = _p12(key, _cert_for(key))
    monkeypatch.setattr(
        pkcs12, "load_key_and_certificates", lambda *_: (key, _cert_for(stranger), [])
    )
    with pytest.raises(IdentityImportFailed, match="does not belong to its certificate"):
        load_pkcs12(data, PASSWORD)

"""The vault's signing identity: the key and certificate that sign every item's manifest.

By default a fresh ECDSA P-256 key with a self-signed certificate that names the vault, not the
person: a victim's name must not travel in every bundle unless she chooses so. A person or an
organisation can import their own certificate from a PKCS#12 file instead. The identity lives
inside the encrypted vault; `to_storage`/`from_storage` are its only serialised form.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from asn1crypto import cms as asn1_cms
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from evidencekit.bilingual import Bi
from evidencekit.canonical import canonical_json
from evidencekit.errors import IdentityDamaged, IdentityImportFailed
from evidencekit.seal.cms import NO_REASON, check_signed_data, to_cryptography

log = logging.getLogger(__name__)

SignerKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

DEFAULT_LABEL = "EvidenceKit vault"
STORAGE_FORMAT = "evidencekit-identity/1"
VALIDITY = dt.timedelta(days=3653)  # ten years, leap days included
MIN_RSA_BITS = 2048
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, NotImplementedError)


@dataclass(frozen=True)
class Identity:
    """A signing key, its certificate and the certificates above it (none when self-signed)."""

    certificate: x509.Certificate
    private_key: SignerKey = field(repr=False)
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint_sha256(self) -> str:
        """SHA-256 of the certificate's DER, lowercase hex without colons."""
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()

    @property
    def not_before(self) -> dt.datetime:
        return self.certificate.not_valid_before_utc

    @property
    def not_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc

    def to_storage(self) -> dict[str, str | bytes]:
        """The identity as plain values for the (encrypted) vault. The key is unencrypted
        PKCS#8 DER: the vault is the protection, and a second passphrase would be forgotten."""
        return {
            "format": STORAGE_FORMAT,
            "private_key_pkcs8": self.private_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            "certificate": self.certificate.public_bytes(serialization.Encoding.DER),
            "chain_pem": "".join(
                c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in self.chain
            ),
        }

    @classmethod
    def from_storage(cls, data: Mapping[str, str | bytes]) -> Identity:
        """Rebuild an identity from `to_storage`'s values; `IdentityDamaged` if they don't fit."""
        if data.get("format") != STORAGE_FORMAT:
            raise IdentityDamaged(detail=f"unknown identity format {data.get('format')!r}")
        key_der, cert_der, chain_pem = (
            data.get("private_key_pkcs8"),
            data.get("certificate"),
            data.get("chain_pem", ""),
        )
        if not isinstance(key_der, bytes) or not isinstance(cert_der, bytes):
            raise IdentityDamaged(detail="key or certificate missing")
        if not isinstance(chain_pem, str):
            raise IdentityDamaged(detail="chain is not PEM text")
        try:
            key = serialization.load_der_private_key(key_der, password=None)
            cert = x509.load_der_x509_certificate(cert_der)
            chain = x509.load_pem_x509_certificates(chain_pem.encode()) if chain_pem else []
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            raise IdentityDamaged(detail=str(exc)) from exc
        if not isinstance(key, SignerKey) or not _key_matches(key, cert):
            raise IdentityDamaged(detail="the key does not belong to the certificate")
        return cls(certificate=cert, private_key=key, chain=tuple(chain))


# Why a detached signature does not hold, in both languages.
NOT_A_SIGNATURE = Bi("It is not a signature.", "Nuk është nënshkrim.")
SIGNATURE_UNREADABLE = Bi(
    "It is not a signature (it cannot be read).", "Nuk është nënshkrim (nuk mund të lexohet)."
)
NOT_DETACHED = Bi(
    "It is not a detached signature (it carries its own content).",
    "Nuk është nënshkrim i shkëputur (mbart vetë përmbajtjen).",
)
SIGNATURE_INVALID = Bi(
    "The signature is not valid: {why}.", "Nënshkrimi nuk është i vlefshëm: {why}."
)
OTHER_SIGNER = Bi(
    "It was signed by a different certificate.", "U nënshkrua me një certifikatë tjetër."
)
REASONS = (NOT_A_SIGNATURE, SIGNATURE_UNREADABLE, NOT_DETACHED, SIGNATURE_INVALID, OTHER_SIGNER)


@dataclass(frozen=True)
class SignatureCheck:
    """Verdict on a detached signature; `reason` says what is wrong when `ok` is False."""

    ok: bool
    reason: Bi
    signer_subject: str | None = None
    signer_fingerprint_sha256: str | None = None
    signer_cert_der: bytes | None = field(default=None, repr=False)
    signing_time: dt.datetime | None = None
    """The signer's own clock, as written in the signature: a claim, not a trusted time."""

    @property
    def why(self) -> str:
        """The reason in English ("" when nothing is wrong)."""
        return self.reason.en

    def __bool__(self) -> bool:
        return self.ok


def generate_identity(label: str = DEFAULT_LABEL) -> Identity:
    """A new ECDSA P-256 key and a self-signed certificate "CN=<label>, O=EvidenceKit"."""
    label = label.strip()
    if not label or len(label) > 64:  # 64: the X.520 upper bound for a common name
        raise ValueError("the identity label must be 1 to 64 characters")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, label),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EvidenceKit"),
        ]
    )
    # Whole seconds: certificates cannot hold fractions, and the start must not be in the future.
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # a.k.a. nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    log.info(
        "generated a signing identity, certificate %s", cert.fingerprint(hashes.SHA256()).hex()
    )
    return Identity(certificate=cert, private_key=key)


def load_pkcs12(data: bytes, password: bytes | None) -> Identity:
    """Import an identity from a PKCS#12 (.p12/.pfx) file; `IdentityImportFailed` says why not."""
    if not _looks_like_pkcs12(data):
        raise IdentityImportFailed(
            "That file is not a certificate file of the kind that can sign (PKCS#12, .p12 or .pfx)."
        )
    # A file saved with an empty password opens with b"" but not with None: try both when the
    # person gave none.
    attempts = [password] if password is not None else [None, b""]
    loaded = None
    for attempt in attempts:
        try:
            loaded = pkcs12.load_key_and_certificates(data, attempt)
            break
        except UnsupportedAlgorithm as exc:
            raise IdentityImportFailed(
                "That certificate file is protected with an old method EvidenceKit cannot read. "
                "Export it again (choosing AES encryption) and import the new file.",
                detail=str(exc),
            ) from exc
        except ValueError:
            continue  # wrong password, or malformed content behind a well-formed envelope
    if loaded is None:
        if password is None:
            raise IdentityImportFailed(
                "That certificate file is protected by a password. Give its password to import it."
            )
        raise IdentityImportFailed("The password for that certificate file is wrong.")
    key, cert, additional = loaded
    if key is None:
        raise IdentityImportFailed(
            "That certificate file holds no private key, so it cannot be used to sign."
        )
    if cert is None:
        raise IdentityImportFailed("That certificate file holds no certificate for its key.")
    if not isinstance(key, SignerKey):
        raise IdentityImportFailed(
            "The key in that certificate file is of a kind EvidenceKit cannot sign with "
            "(it supports RSA and elliptic-curve keys)."
        )
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < MIN_RSA_BITS:
        raise IdentityImportFailed(
            f"The key in that certificate file is too weak ({key.key_size} bits; "
            f"at least {MIN_RSA_BITS} are needed)."
        )
    if not _key_matches(key, cert):
        raise IdentityImportFailed(
            "The key in that certificate file does not belong to its certificate."
        )
    _require_usable(cert)
    chain = tuple(c for c in additional if c != cert)
    identity = Identity(certificate=cert, private_key=key, chain=chain)
    log.info("imported a signing identity, certificate %s", identity.fingerprint_sha256)
    return identity


def sign_detached(identity: Identity, data: bytes) -> bytes:
    """A detached CMS (PKCS#7) signature over `data`, SHA-256, DER: the `.p7s` beside a file.

    Checks with `openssl cms -verify -binary -inform DER -in X.p7s -content X -noverify`.
    The signed signing-time attribute is this computer's clock, a claim; the trusted time is
    the RFC 3161 token's.
    """
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(identity.certificate, identity.private_key, hashes.SHA256())
    )
    for cert in identity.chain:
        builder = builder.add_certificate(cert)
    # Binary: sign the bytes as they are, not with line endings rewritten as for S/MIME text.
    return builder.sign(
        serialization.Encoding.DER,
        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
    )


def verify_detached(
    signature_der: bytes, data: bytes, *, expected_cert_der: bytes | None = None
) -> SignatureCheck:
    """Check a detached signature over `data`; with `expected_cert_der`, also that this exact
    certificate made it. Returns a `SignatureCheck`; never raises for a bad signature.

    It does not judge trust in the certificate (a vault's certificate is self-signed): compare
    the fingerprint with one obtained another way.
    """
    try:
        content_info = asn1_cms.ContentInfo.load(signature_der, strict=True)
        if content_info["content_type"].native != "signed_data":
            return SignatureCheck(False, NOT_A_SIGNATURE)
        signed_data = content_info["content"]
        encap = signed_data["encap_content_info"]
        embedded = encap["content"]
        content_type = encap["content_type"].native
    except _PARSE_ERRORS:
        return SignatureCheck(False, SIGNATURE_UNREADABLE)
    if embedded:
        return SignatureCheck(False, NOT_DETACHED)
    check = check_signed_data(signed_data, data, content_type)
    if not check.ok or check.signer_cert is None:
        return SignatureCheck(False, SIGNATURE_INVALID.format(why=check.reason))
    cert_der = check.signer_cert.dump()
    why = NO_REASON
    if expected_cert_der is not None and cert_der != expected_cert_der:
        why = OTHER_SIGNER
    return SignatureCheck(
        ok=why is NO_REASON,
        reason=why,
        signer_subject=to_cryptography(check.signer_cert).subject.rfc4514_string(),
        signer_fingerprint_sha256=hashlib.sha256(cert_der).hexdigest(),
        signer_cert_der=cert_der,
        signing_time=_signing_time(check.signed_attrs),
    )


def export_certificate_pem(identity: Identity, *, include_chain: bool = False) -> bytes:
    """The certificate as PEM, to hand to whoever checks signatures (the key never leaves)."""
    certs = [identity.certificate, *(identity.chain if include_chain else ())]
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(
            pfx["version"].native == "v3"
            and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
        )
    except _PARSE_ERRORS:
        return False


def _key_matches(key: SignerKey, cert: x509.Certificate) -> bool:
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    return key.public_key().public_bytes(der, spki) == cert.public_key().public_bytes(der, spki)


def _require_usable(cert: x509.Certificate) -> None:
    now = dt.datetime.now(dt.UTC)
    if now > cert.not_valid_after_utc:
        raise IdentityImportFailed(
            f"That certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}; "
            "it can no longer sign."
        )
    if now < cert.not_valid_before_utc:
        raise IdentityImportFailed(
            f"That certificate is only valid from {cert.not_valid_before_utc:%Y-%m-%d}."
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no restriction
    if not (usage.digital_signature or usage.content_commitment):
        raise IdentityImportFailed("That certificate is not allowed to sign documents.")


def _signing_time(signed_attrs: asn1_cms.CMSAttributes | None) -> dt.datetime | None:
    for attr in signed_attrs or ():
        if attr["type"].native == "signing_time":
            value = attr["values"][0].native
            if isinstance(value, dt.datetime):
                return value.astimezone(dt.UTC)
    return None


# --- succession: an identity certifies the one that replaces it --------------------------------

SUCCESSION_FORMAT = "evidencekit-identity-succession/1"


@dataclass(frozen=True)
class Succession:
    """What a valid endorsement certifies: the key `predecessor` handed over to `successor`."""

    predecessor: str  # certificate SHA-256 fingerprints, lowercase hex
    successor: str
    successor_cert_der: bytes = field(repr=False)


def endorse_successor(old: Identity, new: Identity) -> dict[str, object]:
    """A statement naming `old` and `new` (with `new`'s certificate), signed by `old`'s key:
    what the custody log's `identity-import` entry carries so that a bundle signed by `new`
    can be traced back to items `old` sealed. Nobody without `old`'s key can make one."""
    statement = {
        "format": SUCCESSION_FORMAT,
        "predecessor": old.fingerprint_sha256,
        "successor": new.fingerprint_sha256,
        "successor_certificate": base64.b64encode(
            new.certificate.public_bytes(serialization.Encoding.DER)
        ).decode("ascii"),
    }
    signature = sign_detached(old, canonical_json(statement))
    return {"statement": statement, "signature": base64.b64encode(signature).decode("ascii")}


def read_endorsement(value: object, predecessor_cert_der: bytes) -> Succession | None:
    """The succession `value` (an `endorse_successor` result, as read from a custody entry)
    certifies, when it is signed by exactly the certificate `predecessor_cert_der` and names it
    as the predecessor; else None (never raises for malformed input)."""
    if not isinstance(value, dict):
        return None
    statement, signature = value.get("statement"), value.get("signature")
    if not isinstance(statement, dict) or not isinstance(signature, str):
        return None
    if statement.get("format") != SUCCESSION_FORMAT:
        return None
    predecessor = hashlib.sha256(predecessor_cert_der).hexdigest()
    successor, cert_b64 = statement.get("successor"), statement.get("successor_certificate")
    if statement.get("predecessor") != predecessor or not isinstance(successor, str):
        return None
    try:
        cert_der = base64.b64decode(str(cert_b64), validate=True)
        signature_der = base64.b64decode(signature, validate=True)
        signed = canonical_json(statement)
    except (binascii.Error, ValueError, TypeError):
        return None
    if hashlib.sha256(cert_der).hexdigest() != successor:
        return None
    check = verify_detached(signature_der, signed, expected_cert_der=predecessor_cert_der)
    if not check.ok:
        return None
    return Succession(predecessor, successor, cert_der)

"""Checks of one CMS signature and of a certificate's path to trusted roots.

Shared by timestamp tokens and detached manifest signatures. The CMS check answers one
question without trusting anything: was this content signed by the key of the certificate the
signature names? Whether that certificate deserves trust is `check_chain`'s (or the caller's)
business. Both return a reason in plain words instead of raising, made in English and
Albanian where it arises (`Bi`): the vault and the CLI say the English, the verifier either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.x509 import verification

from evidencekit.bilingual import Bi

log = logging.getLogger(__name__)

# SHA-1 and MD5 are refused: a collision on signed attributes is a forged signature.
ALLOWED_DIGESTS = frozenset({"sha256", "sha384", "sha512"})

# Anything asn1crypto or pyHanko raise on a malformed or unsupported structure.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, NotImplementedError)

_QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator")
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_levels: dict[str, int] = {}


@contextmanager
def quiet_pyhanko() -> Iterator[None]:
    """Silence pyHanko's loggers below ERROR for the duration (it logs whole tracebacks for
    conditions we report ourselves). Re-entrant and thread-safe; restores the levels after."""
    global _quiet_depth
    with _quiet_lock:
        if _quiet_depth == 0:
            for name in _QUIET_LOGGERS:
                logger = logging.getLogger(name)
                _saved_levels[name] = logger.level
                logger.setLevel(max(logger.level, logging.ERROR))
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name, level in _saved_levels.items():
                    logging.getLogger(name).setLevel(level)


# Why a signature does not hold: fragments that follow "… is not valid:" in a sentence.
ONE_SIGNATURE = Bi("it must carry exactly one signature", "duhet të ketë saktësisht një nënshkrim")
ALGORITHM_UNREADABLE = Bi(
    "its signature algorithm could not be read", "algoritmi i nënshkrimit nuk mund të lexohej"
)
WEAK_HASH = Bi(
    "it uses a weak or unknown hash algorithm ({name})",
    "përdor një algoritëm hash-i të dobët ose të panjohur ({name})",
)
NO_SIGNED_ATTRIBUTES = Bi(
    "its signature has no signed attributes", "nënshkrimi nuk ka atribute të nënshkruara"
)
WRONG_CERTIFICATE = Bi(
    "the certificate it names is not the one that signed",
    "certifikata që përmend nuk është ajo që nënshkroi",
)
NO_CERTIFICATE = Bi(
    "the signer's certificate is not included", "certifikata e nënshkruesit nuk është përfshirë"
)
UNNAMED_CERTIFICATE = Bi(
    "it does not name its certificate (signing-certificate attribute)",
    "nuk e përmend certifikatën e vet (atributi signing-certificate)",
)
MALFORMED = Bi("its signature is malformed ({error})", "nënshkrimi është i keqformuar ({error})")
DOES_NOT_VERIFY = Bi(
    "its signature does not verify with the signer's certificate",
    "nënshkrimi nuk verifikohet me certifikatën e nënshkruesit",
)
CONTENT_CHANGED = Bi(
    "the signed content has been changed", "përmbajtja e nënshkruar është ndryshuar"
)
# Why a certificate is not trusted (`chain_problem`): fragments too.
NO_ROOTS = Bi(
    "no trusted root certificates were given", "nuk u dha asnjë certifikatë rrënjë e besuar"
)
NO_PATH = Bi(
    "its certificate does not lead to a trusted root ({error})",
    "certifikata e tij nuk çon te asnjë certifikatë rrënjë e besuar ({error})",
)
NO_REASON = Bi("", "")
REASONS = (
    ONE_SIGNATURE,
    ALGORITHM_UNREADABLE,
    WEAK_HASH,
    NO_SIGNED_ATTRIBUTES,
    WRONG_CERTIFICATE,
    NO_CERTIFICATE,
    UNNAMED_CERTIFICATE,
    MALFORMED,
    DOES_NOT_VERIFY,
    CONTENT_CHANGED,
    NO_ROOTS,
    NO_PATH,
)


@dataclass(frozen=True)
class SignerCheck:
    """Outcome of `check_signed_data`. `ok` is False with `reason` set when anything is wrong."""

    ok: bool
    reason: Bi
    signer_cert: asn1_x509.Certificate | None = None
    """The certificate that made the signature (as found in the SignedData)."""
    other_certs: tuple[asn1_x509.Certificate, ...] = field(default=())
    """The other certificates the SignedData carries (possible intermediates)."""
    signed_attrs: asn1_cms.CMSAttributes | None = None

    @property
    def why(self) -> str:
        """The reason in English ("" when nothing is wrong)."""
        return self.reason.en


def load_checking_code() -> None:
    """Import the pyHanko parts `check_signed_data` uses (a quarter of a second, mostly
    dataclass set-up). A capture calls this in the background while its page loads, so the
    first timestamp token's check does not pay for it on the critical path (issue 15)."""
    import pyhanko.sign.general
    import pyhanko.sign.validation.generic_cms  # noqa: F401


def check_signed_data(
    signed_data: asn1_cms.SignedData,
    content: bytes,
    content_type: str,
    *,
    require_signing_cert_attr: bool = False,
) -> SignerCheck:
    """Check that `content` is what the single signer of `signed_data` signed.

    `content_type` is the asn1crypto name the content-type attribute must carry ("data" for a
    detached signature, "tst_info" for a timestamp token). With `require_signing_cert_attr` the
    ESS signing-certificate(-v2) attribute must be present (RFC 3161 requires it); when present
    it must match the signer's certificate in any case.
    """
    # pyHanko is imported here, not at the top: loading it costs a quarter of a second, and
    # signing (what most commands do) never needs it.
    from pyhanko.sign.general import extract_signer_info
    from pyhanko.sign.validation.generic_cms import (
        extract_certs_for_validation,
        get_signing_cert_attr,
        validate_sig_integrity,
    )

    with quiet_pyhanko():
        try:
            signer_info = extract_signer_info(signed_data)
        except _PARSE_ERRORS:
            return SignerCheck(False, ONE_SIGNATURE)
        try:
            md_name = signer_info["digest_algorithm"]["algorithm"].native
            sig_hash = _signature_hash(signer_info)
        except _PARSE_ERRORS:
            return SignerCheck(False, ALGORITHM_UNREADABLE)
        if md_name not in ALLOWED_DIGESTS or (
            sig_hash is not None and sig_hash not in ALLOWED_DIGESTS
        ):
            return SignerCheck(False, WEAK_HASH.format(name=md_name))
        signed_attrs = signer_info["signed_attrs"]
        if not signed_attrs:
            # Without signed attributes nothing binds the content type or the certificate.
            return SignerCheck(False, NO_SIGNED_ATTRIBUTES)
        try:
            certs = extract_certs_for_validation(signed_data)
        except _PARSE_ERRORS as exc:
            log.debug("signer certificate not usable: %s", exc)
            if "signing certificate attribute" in str(exc).lower():
                return SignerCheck(False, WRONG_CERTIFICATE)
            return SignerCheck(False, NO_CERTIFICATE)
        signer_cert = certs.signer_cert
        try:
            if require_signing_cert_attr and get_signing_cert_attr(signed_attrs) is None:
                return SignerCheck(False, UNNAMED_CERTIFICATE)
            actual = hashlib.new(md_name, content).digest()
            intact, valid = validate_sig_integrity(signer_info, signer_cert, content_type, actual)
        except _PARSE_ERRORS as exc:
            log.debug("signature structure refused: %s", exc)
            return SignerCheck(False, MALFORMED.format(error=_first_line(exc)))
    if not valid:
        return SignerCheck(False, DOES_NOT_VERIFY)
    if not intact:
        return SignerCheck(False, CONTENT_CHANGED)
    return SignerCheck(
        True,
        NO_REASON,
        signer_cert=signer_cert,
        other_certs=tuple(certs.other_certs),
        signed_attrs=signed_attrs,
    )


def _signature_hash(signer_info: asn1_cms.SignerInfo) -> str | None:
    """The hash the signature algorithm itself names (sha1_rsa, PSS parameters), if any.

    Plain "rsassa_pkcs1v15" and "ecdsa" name none: they use the digest algorithm's.
    """
    try:
        hash_algo: str = signer_info["signature_algorithm"].hash_algo
    except ValueError:
        return None
    return hash_algo


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def to_cryptography(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def _basic_constraints_ca(
    _policy: verification.Policy, cert: x509.Certificate, ext: x509.BasicConstraints | None
) -> None:
    if ext is None or not ext.ca:
        raise ValueError(f"{cert.subject.rfc4514_string()} is not a certificate authority")


def check_chain(
    leaf: x509.Certificate,
    intermediates: Iterable[x509.Certificate],
    trusted_roots: Sequence[x509.Certificate],
    at: dt.datetime,
) -> str:
    """Return "" when `leaf` leads to one of `trusted_roots`, else why not (plain words)."""
    problem = chain_problem(leaf, intermediates, trusted_roots, at)
    return "" if problem is None else problem.en


def chain_problem(
    leaf: x509.Certificate,
    intermediates: Iterable[x509.Certificate],
    trusted_roots: Sequence[x509.Certificate],
    at: dt.datetime,
) -> Bi | None:
    """None when `leaf` leads to one of `trusted_roots`, else why not, in both languages.

    Signatures, names, validity at `at` and CA flags are checked by cryptography's path
    builder. The end-entity's extensions are the caller's to judge (a TSA certificate has no
    client or server purpose), and revocation is not checked: this runs offline.
    """
    if not trusted_roots:
        return NO_ROOTS
    ca_policy = verification.ExtensionPolicy.permit_all().require_present(
        x509.BasicConstraints, verification.Criticality.AGNOSTIC, _basic_constraints_ca
    )
    try:
        verifier = (
            verification.PolicyBuilder()
            .store(verification.Store(list(trusted_roots)))
            .time(at)
            .extension_policies(
                ca_policy=ca_policy, ee_policy=verification.ExtensionPolicy.permit_all()
            )
            .build_client_verifier()
        )
        verifier.verify(leaf, list(intermediates))
    except verification.VerificationError as exc:
        log.debug("certificate path refused: %s", exc)
        return NO_PATH.format(error=_first_line(exc))
    return None

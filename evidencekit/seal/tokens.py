"""Offline checks of RFC 3161 timestamp tokens: what makes a token valid for a digest.

Used on receipt by the client (`timestamps.request_timestamp`, with the nonce it sent) and later
by the bundle verifier (`verify_token`). Everything here reads bytes and returns a verdict;
nothing touches the network.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from asn1crypto import cms as asn1_cms
from asn1crypto import core, tsp
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from evidencekit.bilingual import Bi
from evidencekit.seal.cms import NO_REASON, chain_problem, check_signed_data, to_cryptography

log = logging.getLogger(__name__)

GRANTED = frozenset({"granted", "granted_with_mods"})
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, NotImplementedError)


class TimeStampResp(core.Sequence):
    """RFC 3161 TimeStampResp. asn1crypto's `tsp.TimeStampResp` makes the token mandatory and
    so cannot read a refusal, which has none; here it is optional, as the RFC says."""

    _fields: ClassVar[list[tuple[Any, ...]]] = [
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", asn1_cms.ContentInfo, {"optional": True}),
    ]


NOT_A_TIMESTAMP = Bi("It is not a timestamp.", "Nuk është vulë kohore.")
# Why a token does not hold: fragments, made a sentence by `_Facts.verdict`.
NOT_SIGNED = Bi(
    "it is not a timestamp (not a signed structure)",
    "nuk është vulë kohore (nuk është strukturë e nënshkruar)",
)
SIGNS_ELSE = Bi(
    "it is not a timestamp (it signs something else)", "nuk është vulë kohore (vulos diçka tjetër)"
)
UNREADABLE = Bi(
    "it is not a timestamp (it cannot be read)", "nuk është vulë kohore (nuk mund të lexohet)"
)
NO_TIME = Bi("the token has no usable time", "vula kohore nuk ka një kohë të përdorshme")
OTHER_HASH = Bi(
    "the token is for another hash algorithm ({name})",
    "vula kohore është për një algoritëm tjetër hash-i ({name})",
)
OTHER_FILE = Bi("the token is for a different file", "vula kohore i përket një skedari tjetër")
WRONG_NONCE = Bi(
    "the token carries the wrong nonce (a replayed or mixed-up answer)",
    "vula kohore ka një numër të rastësishëm (nonce) të gabuar: është një përgjigje e "
    "përsëritur ose e ngatërruar",
)
SIGNATURE_INVALID = Bi(
    "the token's signature is not valid: {why}",
    "nënshkrimi i vulës kohore nuk është i vlefshëm: {why}",
)
NO_PURPOSE = Bi(
    "the token was not signed by a timestamp authority's certificate (it has no purpose)",
    "vula kohore nuk është nënshkruar me certifikatën e një autoriteti vulash kohore "
    "(certifikata nuk ka një qëllim të përcaktuar)",
)
NOT_TSA = Bi(
    "the token was not signed by a timestamp authority's certificate",
    "vula kohore nuk është nënshkruar me certifikatën e një autoriteti vulash kohore",
)
NOT_CRITICAL = Bi(
    "the token's certificate does not mark its timestamping purpose as critical",
    "certifikata e vulës kohore nuk e shënon si kritik qëllimin e saj për vulosje kohore",
)
OUTSIDE_VALIDITY = Bi(
    "the token's time lies outside its certificate's validity",
    "koha e vulës kohore bie jashtë periudhës së vlefshmërisë së certifikatës së saj",
)
UNTRUSTED = Bi(
    "the token's signer is not trusted: {why}",
    "nënshkruesi i vulës kohore nuk është i besuar: {why}",
)
FRAGMENTS = (
    NOT_SIGNED,
    SIGNS_ELSE,
    UNREADABLE,
    NO_TIME,
    OTHER_HASH,
    OTHER_FILE,
    WRONG_NONCE,
    SIGNATURE_INVALID,
    NO_PURPOSE,
    NOT_TSA,
    NOT_CRITICAL,
    OUTSIDE_VALIDITY,
    UNTRUSTED,
)


@dataclass(frozen=True)
class TokenCheck:
    """Offline verdict on a token; `reason` says what is wrong when `ok` is False."""

    ok: bool
    reason: Bi
    trusted: bool | None = None
    """True/False: whether the signer's certificate leads to a given trusted root; None when
    no roots were given (then `ok` means "intact and well-formed", not "trusted")."""
    gen_time: dt.datetime | None = None
    serial: int | None = None
    nonce: int | None = None
    policy: str | None = None
    tsa_name: str | None = None
    tsa_subject: str | None = None
    tsa_cert_chain_der: tuple[bytes, ...] = field(default=(), repr=False)
    accuracy_us: int | None = None

    @property
    def why(self) -> str:
        """The reason in English ("" when nothing is wrong)."""
        return self.reason.en

    def __bool__(self) -> bool:
        return self.ok


def verify_token(
    token_der: bytes,
    digest: bytes,
    *,
    trusted_roots: Sequence[x509.Certificate] | None = None,
    expected_nonce: int | None = None,
) -> TokenCheck:
    """Check a stored token offline: it covers `digest`, its signature is valid and made by a
    timestamping certificate that was valid at the token's time, and (given `trusted_roots`)
    that certificate leads to one of them. Accepts a bare token or a whole TimeStampResp.

    Returns a `TokenCheck`; raises only for a digest that is not 32 bytes.
    """
    require_sha256(digest)
    content_info = token_from_der(token_der)
    if content_info is None:
        return TokenCheck(False, NOT_A_TIMESTAMP)
    return check_token(content_info, digest, expected_nonce, trusted_roots)


@dataclass
class _Facts:
    """What a token says about itself, gathered while checking it."""

    gen_time: dt.datetime | None = None
    serial: int | None = None
    nonce: int | None = None
    policy: str | None = None
    tsa_name: str | None = None
    tsa_subject: str | None = None
    tsa_cert_chain_der: tuple[bytes, ...] = ()
    accuracy_us: int | None = None

    def verdict(self, why: Bi | None = None, *, trusted: bool | None = None) -> TokenCheck:
        return TokenCheck(
            ok=why is None,
            reason=NO_REASON if why is None else sentence(why),
            trusted=trusted,
            **asdict(self),
        )


def check_token(
    content_info: asn1_cms.ContentInfo,
    digest: bytes,
    expected_nonce: int | None,
    trusted_roots: Sequence[x509.Certificate] | None,
) -> TokenCheck:
    """The checks behind `verify_token`, on a parsed token; `expected_nonce` None skips that
    one (a stored token's nonce only matters on receipt). The first failure is the verdict."""
    facts = _Facts()
    try:
        if content_info["content_type"].native != "signed_data":
            return facts.verdict(NOT_SIGNED)
        signed_data = content_info["content"]
        encap = signed_data["encap_content_info"]
        if encap["content_type"].native != "tst_info":
            return facts.verdict(SIGNS_ELSE)
        tst_der = bytes(encap["content"])
        tst_info = tsp.TSTInfo.load(tst_der, strict=True)
        imprint = tst_info["message_imprint"]
        imprint_alg = imprint["hash_algorithm"]["algorithm"].native
        imprint_value = imprint["hashed_message"].native
        gen_time = tst_info["gen_time"].native
        facts.serial = tst_info["serial_number"].native
        facts.nonce = tst_info["nonce"].native
        facts.policy = tst_info["policy"].dotted
        facts.tsa_name = _general_name(tst_info["tsa"])
        facts.accuracy_us = _accuracy_us(tst_info["accuracy"])
    except _PARSE_ERRORS as exc:
        log.debug("token not readable: %s", exc)
        return facts.verdict(UNREADABLE)
    if not isinstance(gen_time, dt.datetime) or gen_time.tzinfo is None:
        return facts.verdict(NO_TIME)
    facts.gen_time = gen_time.astimezone(dt.UTC)
    if imprint_alg != "sha256":
        return facts.verdict(OTHER_HASH.format(name=imprint_alg))
    if imprint_value != digest:
        return facts.verdict(OTHER_FILE)
    if expected_nonce is not None and facts.nonce != expected_nonce:
        return facts.verdict(WRONG_NONCE)

    signer = check_signed_data(signed_data, tst_der, "tst_info", require_signing_cert_attr=True)
    if not signer.ok or signer.signer_cert is None:
        return facts.verdict(SIGNATURE_INVALID.format(why=signer.reason))
    cert = to_cryptography(signer.signer_cert)
    facts.tsa_subject = cert.subject.rfc4514_string()
    facts.tsa_cert_chain_der = tuple(c.dump() for c in (signer.signer_cert, *signer.other_certs))

    why_not_tsa = _not_a_tsa_certificate(cert)
    if why_not_tsa is not None:
        return facts.verdict(why_not_tsa)
    if not cert.not_valid_before_utc <= facts.gen_time <= cert.not_valid_after_utc:
        return facts.verdict(OUTSIDE_VALIDITY)
    if trusted_roots is None:
        return facts.verdict()
    others = [to_cryptography(c) for c in signer.other_certs]
    why_untrusted = chain_problem(cert, others, trusted_roots, facts.gen_time)
    if why_untrusted is not None:
        return facts.verdict(UNTRUSTED.format(why=why_untrusted), trusted=False)
    return facts.verdict(trusted=True)


def _not_a_tsa_certificate(cert: x509.Certificate) -> Bi | None:
    """RFC 3161 2.3: the signer's certificate has exactly one purpose, timeStamping, marked
    critical. openssl refuses anything else, so we do too."""
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        return NO_PURPOSE
    if list(eku.value) != [ExtendedKeyUsageOID.TIME_STAMPING]:
        return NOT_TSA
    if not eku.critical:
        return NOT_CRITICAL
    return None


def token_from_der(der: bytes) -> asn1_cms.ContentInfo | None:
    """A bare TimeStampToken, or the token inside a granted TimeStampResp."""
    try:
        content_info = asn1_cms.ContentInfo.load(der, strict=True)
        if content_info["content_type"].native == "signed_data":
            return content_info
    except _PARSE_ERRORS:
        pass  # not a bare token; perhaps a whole response
    return token_from_response(der)


def token_from_response(der: bytes) -> asn1_cms.ContentInfo | None:
    """The token inside a granted TimeStampResp, or None."""
    try:
        response = TimeStampResp.load(der, strict=True)
        if response["status"]["status"].native in GRANTED and response["time_stamp_token"]:
            token: asn1_cms.ContentInfo = response["time_stamp_token"]
            return token
    except _PARSE_ERRORS:
        pass  # neither form: the caller reports "not a timestamp"
    return None


def _accuracy_us(accuracy: tsp.Accuracy) -> int | None:
    if not accuracy:
        return None
    native = accuracy.native
    return (
        (native.get("seconds") or 0) * 1_000_000
        + (native.get("millis") or 0) * 1_000
        + (native.get("micros") or 0)
    )


def _general_name(name: object) -> str | None:
    if not name:
        return None
    if getattr(name, "name", None) == "directory_name":
        human: str = name.chosen.human_friendly  # type: ignore[attr-defined]
        return human
    return str(getattr(name, "native", name))


def require_sha256(digest: bytes) -> None:
    """A wrong-sized digest is a programming error, not a user's: ValueError."""
    if not isinstance(digest, bytes) or len(digest) != 32:
        raise ValueError("digest must be the 32 bytes of a SHA-256 hash")


def _sentence(fragment: str) -> str:
    return fragment[:1].upper() + fragment[1:] + "."


def sentence(fragment: Bi) -> Bi:
    """A reason fragment as a sentence, in both languages: capital first, full stop last."""
    return Bi(_sentence(fragment.en), _sentence(fragment.sq))

"""Whom the verifier trusts: the certificates given with --trust, and a built-in list of root
certificates for timestamp authorities.

A timestamp token is *valid* when it is intact, covers the right digest and was signed by a
timestamp authority's certificate (tokens.check_token). It is *trusted* when that certificate
leads, at the token's time, to a certificate given with --trust or to a root in the built-in
list. Anyone can make a timestamp authority of their own in a minute, so a valid token from an
authority nobody vouches for proves nothing about time: the verifier calls it "not
independently trusted" (indeterminate), never "valid".

The built-in list is Mozilla's root store as shipped by the `certifi` package. DigiCert's
timestamp certificates lead to "DigiCert Trusted Root G4", which is in it; Sectigo's lead to
"USERTrust RSA Certification Authority" through the cross-certificate of its timestamping root
(a token that does not carry that cross-certificate stays untrusted: nothing is fetched).
FreeTSA (freetsa.org) has a root of its own that is in no such list, so its tokens stay "not
independently trusted" unless the reader passes FreeTSA's root
(https://freetsa.org/files/cacert.pem) with --trust. Mozilla's list is made for web servers,
not timestamp authorities; what makes a certificate a timestamp authority's is its sole,
critical timeStamping purpose, which every token's certificate must carry anyway.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import shlex
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from evidencekit.bilingual import Bi
from evidencekit.errors import InputFileError
from evidencekit.seal.cms import check_chain
from evidencekit.seal.tokens import TokenCheck
from evidencekit.verify import texts as T
from evidencekit.verify.checks import tsa_label

log = logging.getLogger(__name__)

BUILTIN_STORE = T.BUILTIN_STORE.en
_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


_FINGERPRINT_SEPARATORS = re.compile(r"[\s:]+")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def parse_fingerprint(text: str) -> str:
    """A certificate's SHA-256 fingerprint as a person types, pastes or reads it aloud: any
    case, with colons or spaces between the digits (as viewers and `identity show` print it),
    normalised to 64 lowercase hex digits. Raises ValueError with a plain reason otherwise.
    The one parser the CLI's --trust-fingerprint and the app's field both use."""
    digits = _FINGERPRINT_SEPARATORS.sub("", text).lower()
    if not _SHA256_HEX.fullmatch(digits):
        count = len(digits)
        raise ValueError(
            f"“{text.strip()}” is not a SHA-256 fingerprint: that is 64 hexadecimal digits "
            f"(0-9, A-F; colons and spaces between them are fine), and this has {count} "
            "characters"
            + ("." if all(c in "0123456789abcdef" for c in digits) else ", some not hexadecimal.")
        )
    return digits


@functools.cache
def builtin_tsa_roots() -> tuple[x509.Certificate, ...]:
    """Mozilla's root certificates from `certifi` (read once). Empty, with a log line, when the
    file is missing (a broken install): then no timestamp is trusted without --trust."""
    try:
        import certifi

        data = Path(certifi.where()).read_bytes()
    except (ImportError, OSError) as exc:
        log.warning("the built-in list of trusted roots cannot be read: %s", exc)
        return ()
    roots: list[x509.Certificate] = []
    for block in _PEM_BLOCK.findall(data):
        # A few old roots have a serial number RFC 5280 forbids; cryptography warns about
        # them on stderr, which a verifier's output must not carry.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    return tuple(roots)


@dataclass
class Trust:
    """The certificates one verification trusts, and which of the given ones turned out to be
    a timestamp authority's (so that the signer check does not count them as the signer's)."""

    given: tuple[x509.Certificate, ...]
    builtin: tuple[x509.Certificate, ...]
    fingerprints: frozenset[str] = frozenset()  # --trust-fingerprint, normalised
    tsa_anchors: set[str] = field(default_factory=set)  # fingerprints among `given`
    untrusted_tsas: dict[Bi, None] = field(default_factory=dict)  # names, in order met

    @classmethod
    def of(
        cls,
        given: Sequence[x509.Certificate],
        builtin: Sequence[x509.Certificate] | None = None,
        fingerprints: Sequence[str] = (),
    ) -> Trust:
        """`fingerprints`: the signer's certificate fingerprints the reader confirmed (each
        passed through `parse_fingerprint`; a malformed one raises ValueError)."""
        return cls(
            tuple(given),
            tuple(builtin_tsa_roots() if builtin is None else builtin),
            frozenset(parse_fingerprint(f) for f in fingerprints),
        )


@dataclass(frozen=True)
class TsaTrust:
    """Whether a valid token's authority is trusted, and how, in words for a report row."""

    trusted: bool
    how: Bi  # "its authority's certificate leads to …", or why it is not trusted


def judge_tsa(check: TokenCheck, trust: Trust) -> TsaTrust:
    """Trust in the authority of a token that `check_token` found valid. The path is checked
    at the token's own time: a certificate that expired since does not spoil an old token."""
    if not check.tsa_cert_chain_der or check.gen_time is None:
        return TsaTrust(False, T.TSA_CERT_UNREADABLE)
    try:
        leaf = x509.load_der_x509_certificate(check.tsa_cert_chain_der[0])
        others = [x509.load_der_x509_certificate(d) for d in check.tsa_cert_chain_der[1:]]
    except ValueError:
        return TsaTrust(False, T.TSA_CERTS_UNREADABLE)
    at = check.gen_time
    anchors = [
        c
        for c in trust.given
        if fingerprint(c) == fingerprint(leaf) or not check_chain(leaf, others, [c], at)
    ]
    if anchors:
        trust.tsa_anchors.update(fingerprint(c) for c in anchors)
        return TsaTrust(True, T.TSA_LEADS_TO_GIVEN)
    if trust.builtin and not check_chain(leaf, others, trust.builtin, at):
        return TsaTrust(True, T.TSA_LEADS_TO_BUILTIN.format(store=T.BUILTIN_STORE))
    trust.untrusted_tsas[tsa_label(check)] = None
    if trust.given:
        return TsaTrust(False, T.TSA_LEADS_NOWHERE_GIVEN.format(store=T.BUILTIN_STORE))
    return TsaTrust(False, T.TSA_LEADS_NOWHERE.format(store=T.BUILTIN_STORE))


UNTRUSTED_HINT = T.UNTRUSTED_HINT
"""Ends every row about an untrusted authority; the full advice comes once (`untrusted_advice`)."""


def untrusted_advice(trust: Trust, bundle: str) -> Bi | None:
    """What the reader can do about the authorities that were not trusted, said once for the
    whole report (the rows only point to --trust); None when every authority was trusted."""
    if not trust.untrusted_tsas:
        return None
    names = Bi.join(trust.untrusted_tsas, T.AND)
    which = T.THIS_AUTHORITY if len(trust.untrusted_tsas) == 1 else T.ONE_OF_THESE_AUTHORITIES
    return T.UNTRUSTED_ADVICE.format(names=names, which=which, bundle=shlex.quote(bundle))


@dataclass(frozen=True)
class TokenVerdict:
    """A token judged for a report row: failed (not a valid token for this data), untrusted
    (valid, but its authority is not trusted) or trusted."""

    check: TokenCheck
    valid: bool
    trusted: bool
    how: Bi  # why not valid, or how (not) trusted

    @property
    def gen_time(self) -> dt.datetime | None:
        return self.check.gen_time if self.valid else None


def judge_token(check: TokenCheck, trust: Trust) -> TokenVerdict:
    """`check` must come from a check without trusted roots (`trusted is None`): validity and
    trust are judged apart, so an untrusted authority is never mistaken for a broken token."""
    if not check.ok:
        return TokenVerdict(check, False, False, check.reason)
    tsa = judge_tsa(check, trust)
    return TokenVerdict(check, True, tsa.trusted, tsa.how)


def load_certificates(paths: Sequence[str | Path]) -> list[x509.Certificate]:
    """Certificates a reader chose to trust, from files (PEM, one or several, or DER).

    What `verify --trust` and the app's "Trust a certificate…" both read; raises
    InputFileError with a plain reason.
    """
    found: list[x509.Certificate] = []
    for given in paths:
        try:
            data = Path(given).read_bytes()
        except OSError as exc:
            raise InputFileError(f"The certificate file “{given}” cannot be read.") from exc
        try:
            if b"-----BEGIN" in data:
                found += x509.load_pem_x509_certificates(data)
            else:
                found.append(x509.load_der_x509_certificate(data))
        except ValueError as exc:
            raise InputFileError(f"“{given}” is not a certificate file (PEM or DER).") from exc
    return found

"""Checks of the PDF signature itself: intact, covering the whole file (or followed only by
validation data and document timestamps), who signed, and the timestamps on it."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from evidencekit.bilingual import Bi
from evidencekit.seal.cms import check_chain, to_cryptography
from evidencekit.seal.tokens import check_token
from evidencekit.verify import texts as T
from evidencekit.verify.checks import (
    Check,
    dated_before,
    failed,
    iso,
    passed,
    tsa_label,
    unsure,
)
from evidencekit.verify.pdfread import READ_ERRORS
from evidencekit.verify.revisions import changes_after_signing, too_many_revisions
from evidencekit.verify.trust import UNTRUSTED_HINT, TokenVerdict, Trust, fingerprint, judge_token

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignerFacts:
    """What the signer row needs. The row is made last (`signer_row`): whether a certificate
    given with --trust was meant for the signer is known only once every timestamp has shown
    which of them are timestamp authorities' roots."""

    cert: x509.Certificate
    others: tuple[x509.Certificate, ...]
    at: dt.datetime  # when to check its path: the signature's time
    position: int  # where its row goes among the signature rows


@dataclass(frozen=True)
class SignatureFacts:
    fingerprint: str | None
    subject: str | None
    level: str  # what the file reaches: B-B, B-T, B-LT, B-LTA (or "none")
    signed_at: str = ""  # the signature timestamp's time (ISO 8601, UTC), "" without one
    signer_clock: str = ""  # the time the signer's own computer wrote (a claim)
    signed_at_trusted: bool = False  # the signature timestamp's authority is trusted
    signer: SignerFacts | None = None


def _padding_ok(contents: bytes) -> bool:
    """The signature value is DER followed only by zero bytes: nothing hides in the padding."""
    try:
        parsed = asn1_cms.ContentInfo.load(contents)
        length = len(parsed.dump())
    except READ_ERRORS:
        return False
    return not contents[length:].strip(b"\x00")


def check_signature(
    reader: PdfFileReader, file_size: int, trust: Trust
) -> tuple[list[Check], SignatureFacts]:
    """The rows about the PDF signature, but for the signer's (see `SignerFacts`); facts for
    the report's header."""
    try:
        signatures = reader.embedded_regular_signatures
        stamps = reader.embedded_timestamp_signatures
    except READ_ERRORS as exc:
        log.debug("signature fields unreadable: %s", type(exc).__name__)
        return [failed("signature", T.SIGNATURE_FIELDS_DAMAGED)], SignatureFacts(None, None, "none")
    if not signatures:
        return [failed("signature", T.NOT_SIGNED)], SignatureFacts(None, None, "none")
    signature = signatures[0]
    too_many = too_many_revisions(reader, signature.signed_revision)
    if too_many is not None:
        # Refused before pyHanko's analysis, whose cost grows with the square of the count.
        refused = T.CHANGED_AFTER_SIGNING_BECAUSE.format(why=too_many)
        return [failed("whole file", refused)], SignatureFacts(None, None, "none")
    context = ValidationContext(trust_roots=list(_asn1(trust.given)), allow_fetching=False)
    status = validate_pdf_signature(signature, context, context)
    rows: list[Check] = []
    cert = to_cryptography(signature.signer_cert)
    fingerprint = hashlib.sha256(signature.signer_cert.dump()).hexdigest()
    subject = cert.subject.rfc4514_string()
    if status.intact and status.valid and _padding_ok(signature.pkcs7_content):
        since = T.when(signature.self_reported_timestamp)
        rows.append(passed("signature", T.SIGNATURE_INTACT.format(when=since)))
    else:
        rows.append(failed("signature", T.SIGNATURE_BROKEN))
    rows.append(
        _coverage(reader, signature, status.coverage, status.modification_level, stamps, file_size)
    )
    signer_position = len(rows)
    token_row, stamp = _signature_timestamp(signature, trust)
    stamped_at = stamp.gen_time if stamp is not None else None
    rows.append(token_row)
    signed = stamped_at or signature.self_reported_timestamp
    stamp_rows, archived = _document_timestamps(stamps, trust, signed)
    rows += stamp_rows
    has_dss = "/DSS" in reader.root
    level = "B-B"
    if stamped_at is not None:
        level = "B-LT" if has_dss else "B-T"
        if archived and has_dss:
            level = "B-LTA"
    signer = SignerFacts(
        cert,
        tuple(to_cryptography(c) for c in signature.other_embedded_certs),
        stamped_at or signature.self_reported_timestamp or dt.datetime.now(dt.UTC),
        signer_position,
    )
    return rows, SignatureFacts(
        fingerprint,
        subject,
        level,
        iso(stamped_at),
        iso(signature.self_reported_timestamp),
        signed_at_trusted=stamp is not None and stamp.trusted,
        signer=signer,
    )


def _asn1(certs: Sequence[x509.Certificate]) -> Iterator[asn1_x509.Certificate]:
    for cert in certs:
        yield asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _last_signed_end(signatures: Sequence[EmbeddedPdfSignature]) -> int:
    return max(int(s.byte_range[2]) + int(s.byte_range[3]) for s in signatures)


def _coverage(
    reader: PdfFileReader,
    signature: EmbeddedPdfSignature,
    coverage: SignatureCoverageLevel | None,
    modification: ModificationLevel | None,
    stamps: Sequence[EmbeddedPdfSignature],
    file_size: int,
) -> Check:
    name = "whole file"
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return passed(name, T.COVERS_WHOLE_FILE)
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION or modification is None:
        return failed(name, T.COVERS_NONSTANDARD)
    if modification > ModificationLevel.LTA_UPDATES:
        return failed(name, T.CHANGED_AFTER_SIGNING)
    # pyHanko's analysis is not enough on its own (see verify/revisions.py): ours, too.
    later = [s.signed_revision for s in stamps]
    unexpected = changes_after_signing(reader, signature.signed_revision, later)
    if unexpected is not None:
        return failed(name, T.CHANGED_AFTER_SIGNING_BECAUSE.format(why=unexpected))
    end = _last_signed_end([signature, *stamps])
    if end < file_size:
        return failed(name, T.ADDED_AFTER_SIGNED_PART.format(size=T.number(file_size - end)))
    if stamps:
        return passed(name, T.COVERS_WITH_DOCUMENT_TIMESTAMP)
    return passed(name, T.COVERS_WITH_VALIDATION_DATA)


def signer_row(signer: SignerFacts, trust: Trust) -> Check:
    """Who signed, and whether the reader confirmed that key. Passed when the signer's
    certificate is one given with --trust or issued under one, or its fingerprint one given
    with --trust-fingerprint. Failed when the reader named the signer (a fingerprint, or a
    certificate that is not a timestamp authority's root) and it is someone else.
    Indeterminate otherwise: an intact signature by a key nobody vouched for proves only that
    whoever holds that key signed (anyone can make a key named "EvidenceKit vault"), so its
    fingerprint is shown for the reader to confirm with the person who gave the bundle."""
    name = "signer"
    cert = signer.cert
    own = fingerprint(cert)
    head = T.SIGNED_BY.format(subject=cert.subject.rfc4514_string(), fingerprint=own)
    if any(fingerprint(c) == own for c in trust.given):
        return passed(name, T.SIGNER_GIVEN.format(head=head))
    if own in trust.fingerprints:
        return passed(name, T.SIGNER_FINGERPRINT_GIVEN.format(head=head))
    # A root given for a timestamp authority vouches for times, not for signers: it may also
    # issue certificates to anyone (a national CA's citizens), so a chain to it confirms no one.
    for_signer = [c for c in trust.given if fingerprint(c) not in trust.tsa_anchors]
    if for_signer and not check_chain(cert, signer.others, for_signer, signer.at):
        return passed(name, T.SIGNER_UNDER_GIVEN.format(head=head))
    if trust.fingerprints:
        return failed(name, T.SIGNER_NOT_THE_FINGERPRINT.format(head=head))
    if for_signer:
        return failed(name, T.SIGNER_OTHER.format(head=head))
    note = T.SIGNER_NOTE_TSA_ROOTS if trust.given else Bi.same("")
    return unsure(name, T.SIGNER_NOT_CONFIRMED.format(head=head, note=note))


def _signature_timestamp(
    signature: EmbeddedPdfSignature, trust: Trust
) -> tuple[Check, TokenVerdict | None]:
    """The row, and the token's verdict when the signature carries a valid timestamp."""
    name = "signature timestamp"
    attrs = signature.signer_info["unsigned_attrs"]
    tokens = [
        a["values"][0] for a in (attrs or ()) if a["type"].native == "signature_time_stamp_token"
    ]
    if not tokens:
        return unsure(name, T.NO_SIGNATURE_TIMESTAMP), None
    value = signature.signer_info["signature"].native
    verdict = judge_token(check_token(tokens[0], hashlib.sha256(value).digest(), None, None), trust)
    check = verdict.check
    if not verdict.valid or check.gen_time is None:
        return failed(name, T.SIGNATURE_TIMESTAMP_INVALID.format(why=verdict.how)), None
    said = T.SIGNATURE_STAMPED.format(tsa=tsa_label(check), when=T.when(check.gen_time))
    claimed = signature.self_reported_timestamp
    if claimed is not None and dated_before(check.gen_time, claimed):
        backdated = T.SIGNATURE_BACKDATED.format(
            said=said, span=T.span(claimed - check.gen_time), claimed=T.when(claimed)
        )
        return unsure(name, backdated), verdict
    if not verdict.trusted:
        return unsure(name, _untrusted(said, verdict)), verdict
    return passed(name, T.TRUSTED_HOW.format(said=said, how=verdict.how)), verdict


def _untrusted(said: Bi, verdict: TokenVerdict) -> Bi:
    return T.BUT_UNTRUSTED.format(said=said, how=verdict.how, hint=UNTRUSTED_HINT)


def _document_timestamps(
    stamps: Sequence[EmbeddedPdfSignature], trust: Trust, signed: dt.datetime | None
) -> tuple[list[Check], bool]:
    """`signed`: when the signature was made (its timestamp's time, else the signer's clock). A
    document timestamp covers the signature, so it cannot be older: one that is (beyond the
    clocks' tolerance) was made for another file or by a clock that lies."""
    name = "document timestamp"
    if not stamps:
        return [passed(name, T.NO_DOCUMENT_TIMESTAMP)], False
    rows = []
    all_ok = True
    for stamp in stamps:
        context = ValidationContext(trust_roots=list(_asn1(trust.given)), allow_fetching=False)
        status = validate_pdf_timestamp(stamp, context)
        content_info = asn1_cms.ContentInfo(
            {"content_type": "signed_data", "content": stamp.signed_data}
        )
        verdict = judge_token(check_token(content_info, stamp.compute_digest(), None, None), trust)
        check = verdict.check
        if not (status.intact and status.valid and _padding_ok(stamp.pkcs7_content)):
            all_ok = False
            why = verdict.how if not verdict.valid else T.DOES_NOT_MATCH_FILE
            rows.append(failed(name, T.DOCUMENT_TIMESTAMP_INVALID.format(why=why)))
        elif not verdict.valid:
            all_ok = False
            rows.append(failed(name, T.DOCUMENT_TIMESTAMP_INVALID.format(why=verdict.how)))
        else:
            said = T.DOCUMENT_STAMPED.format(tsa=tsa_label(check), when=T.when(check.gen_time))
            if (
                signed is not None
                and check.gen_time is not None
                and dated_before(check.gen_time, signed)
            ):
                all_ok = False
                before = T.DOCUMENT_TIMESTAMP_BEFORE_SIGNATURE.format(
                    said=said, span=T.span(signed - check.gen_time), signed=T.when(signed)
                )
                rows.append(failed(name, before))
            elif verdict.trusted:
                rows.append(passed(name, T.TRUSTED_HOW.format(said=said, how=verdict.how)))
            else:
                rows.append(unsure(name, _untrusted(said, verdict)))
    return rows, all_ok

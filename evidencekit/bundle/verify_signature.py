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
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from evidencekit.bundle.checks import Check, failed, passed, tsa_label, unsure
from evidencekit.bundle.pdfread import READ_ERRORS
from evidencekit.seal.cms import check_chain, to_cryptography
from evidencekit.seal.tokens import TokenCheck, check_token

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureFacts:
    fingerprint: str | None
    subject: str | None
    level: str  # what the file reaches: B-B, B-T, B-LT, B-LTA (or "none")
    signed_at: str = ""  # the signature timestamp's time (ISO 8601, UTC), "" without one
    signer_clock: str = ""  # the time the signer's own computer wrote (a claim)


def _iso(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "an unknown time"
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _padding_ok(contents: bytes) -> bool:
    """The signature value is DER followed only by zero bytes: nothing hides in the padding."""
    try:
        parsed = asn1_cms.ContentInfo.load(contents)
        length = len(parsed.dump())
    except READ_ERRORS:
        return False
    return not contents[length:].strip(b"\x00")


def _trust_note(check: TokenCheck) -> str:
    if check.trusted is True:
        return "the authority's certificate leads to a certificate given with --trust"
    if check.trusted is False:
        return (
            "the authority's certificate leads to none of the certificates given with --trust "
            "(not independently confirmed)"
        )
    return "the authority's certificate was not checked against a trusted root (see --trust)"


def check_signature(
    reader: PdfFileReader, file_size: int, trusted: Sequence[x509.Certificate]
) -> tuple[list[Check], SignatureFacts]:
    """The rows about the PDF signature; facts for the report's header."""
    try:
        signatures = reader.embedded_regular_signatures
        stamps = reader.embedded_timestamp_signatures
    except READ_ERRORS as exc:
        log.debug("signature fields unreadable: %s", type(exc).__name__)
        return [
            failed("signature", "The PDF's signature fields are damaged and cannot be read.")
        ], (SignatureFacts(None, None, "none"))
    if not signatures:
        return [
            failed(
                "signature",
                "This PDF is not signed, so nothing shows that it came unchanged from an "
                "EvidenceKit vault.",
            )
        ], SignatureFacts(None, None, "none")
    signature = signatures[0]
    context = ValidationContext(trust_roots=list(_asn1(trusted)), allow_fetching=False)
    status = validate_pdf_signature(signature, context, context)
    rows: list[Check] = []
    cert = to_cryptography(signature.signer_cert)
    fingerprint = hashlib.sha256(signature.signer_cert.dump()).hexdigest()
    subject = cert.subject.rfc4514_string()
    if status.intact and status.valid and _padding_ok(signature.pkcs7_content):
        rows.append(
            passed(
                "signature",
                f"The PDF signature is intact: not one signed byte has changed since "
                f"{_when(signature.self_reported_timestamp)} (signer's clock).",
            )
        )
    else:
        rows.append(
            failed(
                "signature",
                "The PDF signature does not match the file: its content was changed after "
                "it was signed (tampering or corruption).",
            )
        )
    rows.append(
        _coverage(reader, signature, status.coverage, status.modification_level, stamps, file_size)
    )
    rows.append(_signer(cert, fingerprint, subject, signature, trusted))
    token_row, stamped_at = _signature_timestamp(signature, trusted)
    stamped = stamped_at is not None
    rows.append(token_row)
    stamp_rows, archived = _document_timestamps(stamps, trusted)
    rows += stamp_rows
    has_dss = "/DSS" in reader.root
    level = "B-B"
    if stamped:
        level = "B-LT" if has_dss else "B-T"
        if archived and has_dss:
            level = "B-LTA"
    return rows, SignatureFacts(
        fingerprint, subject, level, _iso(stamped_at), _iso(signature.self_reported_timestamp)
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
        return passed(name, "The signature covers the whole file: nothing was added after it.")
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION or modification is None:
        return failed(
            name, "The signature does not cover its part of the file in the standard way."
        )
    if modification > ModificationLevel.LTA_UPDATES:
        return failed(
            name,
            "The file was changed after it was signed: content was added or replaced in a later "
            "update (only validation data and document timestamps may follow a signature).",
        )
    end = _last_signed_end([signature, *stamps])
    if end < file_size:
        return failed(
            name,
            f"{file_size - end:,} bytes were added after the end of the last signed part of the "
            "file. The signed part itself is what was signed; the added bytes are not covered.",
        )
    if stamps:
        return passed(
            name,
            "The signature covers the document as it was signed; after it come only validation "
            "data and a document timestamp (as PAdES allows), and that timestamp covers the "
            "file to its last byte.",
        )
    return passed(
        name,
        "The signature covers the document as it was signed; after it come only validation "
        "data (as PAdES allows).",
    )


def _signer(
    cert: x509.Certificate,
    fingerprint: str,
    subject: str,
    signature: EmbeddedPdfSignature,
    trusted: Sequence[x509.Certificate],
) -> Check:
    name = "signer"
    prints = {c.fingerprint(hashes.SHA256()).hex() for c in trusted}
    if fingerprint in prints:
        how = "trusted: it is one of the certificates given with --trust"
    elif trusted:
        others = [to_cryptography(c) for c in signature.other_embedded_certs]
        at = signature.self_reported_timestamp or dt.datetime.now(dt.UTC)
        why_not = check_chain(cert, others, list(trusted), at)
        how = (
            "trusted: its certificate leads to one given with --trust"
            if not why_not
            else "identity not independently confirmed: it matches none of the certificates "
            "given with --trust"
        )
    else:
        how = (
            "identity not independently confirmed: compare the fingerprint with the one the "
            "person who prepared the bundle gives you, or pass her certificate with --trust"
        )
    return passed(name, f"Signed by {subject}, certificate SHA-256 {fingerprint}; {how}.")


def _signature_timestamp(
    signature: EmbeddedPdfSignature, trusted: Sequence[x509.Certificate]
) -> tuple[Check, dt.datetime | None]:
    """The row, and the trusted time when the signature carries a valid timestamp."""
    name = "signature timestamp"
    attrs = signature.signer_info["unsigned_attrs"]
    tokens = [
        a["values"][0] for a in (attrs or ()) if a["type"].native == "signature_time_stamp_token"
    ]
    if not tokens:
        return (
            unsure(
                name,
                "The signature has no trusted timestamp: the time of signing is only the "
                "signer's own clock.",
            ),
            None,
        )
    value = signature.signer_info["signature"].native
    check = check_token(tokens[0], hashlib.sha256(value).digest(), None, list(trusted) or None)
    if not check.ok and check.trusted is not False:
        return failed(name, f"The signature's timestamp is not valid: {check.why}"), None
    return (
        passed(
            name,
            f"Time-stamped by {tsa_label(check)} at {_when(check.gen_time)}; the token covers "
            f"this signature; {_trust_note(check)}.",
        ),
        check.gen_time,
    )


def _document_timestamps(
    stamps: Sequence[EmbeddedPdfSignature], trusted: Sequence[x509.Certificate]
) -> tuple[list[Check], bool]:
    name = "document timestamp"
    if not stamps:
        return [passed(name, "None (the bundle is not archived with a document timestamp).")], False
    rows = []
    all_ok = True
    for stamp in stamps:
        context = ValidationContext(trust_roots=list(_asn1(trusted)), allow_fetching=False)
        status = validate_pdf_timestamp(stamp, context)
        content_info = asn1_cms.ContentInfo(
            {"content_type": "signed_data", "content": stamp.signed_data}
        )
        check = check_token(content_info, stamp.compute_digest(), None, list(trusted) or None)
        ok = status.intact and status.valid and _padding_ok(stamp.pkcs7_content)
        if ok and (check.ok or check.trusted is False):
            rows.append(
                passed(
                    name,
                    f"A document timestamp by {tsa_label(check)} at {_when(check.gen_time)} "
                    f"seals the file up to its end (PAdES B-LTA); {_trust_note(check)}.",
                )
            )
        else:
            all_ok = False
            why = check.why if not check.ok else "it does not match the file"
            rows.append(failed(name, f"A document timestamp is not valid: {why}"))
    return rows, all_ok

"""The bundle's PAdES signature, made in place on the finished file with the vault's identity.

With a timestamp server: PAdES B-LTA (the signature carries a signature timestamp, validation
data are stored in the DSS in the signature's own revision, then a document timestamp seals
everything up to the last byte, so no later byte escapes a signature). Without one: B-B.

The vault's certificate is usually self-signed, so there is no revocation data to fetch for
it; the timestamp authority's chain is taken from a token it issued moments before (the custody
anchor) and used only to collect validation data, not as a statement of trust to the reader.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import aiohttp
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import (
    DSSContentSettings,
    PdfSignatureMetadata,
    PdfSigner,
    SigDSSPlacementPreference,
    TimestampDSSContentSettings,
)
from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from evidencekit.seal.cms import quiet_pyhanko
from evidencekit.seal.identity import Identity

log = logging.getLogger(__name__)

FIELD_NAME = "EvidenceKit-Signature"
TIMESTAMP_FIELD_NAME = "EvidenceKit-DocumentTimestamp"
TSA_TIMEOUT_S = 20


class TimestampLost(Exception):
    """The timestamp server stopped answering while the bundle was being signed."""


@dataclass(frozen=True)
class SignResult:
    level: str  # "B-LTA" or "B-B"
    tsa_url: str | None


def _asn1_cert(cert_der: bytes) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert_der)


def _signer(identity: Identity) -> signers.SimpleSigner:
    der = serialization.Encoding.DER
    cert = _asn1_cert(identity.certificate.public_bytes(der))
    key = asn1_keys.PrivateKeyInfo.load(
        identity.private_key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    chain = [_asn1_cert(c.public_bytes(der)) for c in identity.chain]
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),
    )


async def sign_in_place(
    handle: BinaryIO,
    identity: Identity,
    *,
    bundle_id: str,
    tsa_url: str | None,
    tsa_certs_der: Sequence[bytes] = (),
) -> SignResult:
    """Sign the PDF open in `handle` (read-write), appending to it.

    Raises `TimestampLost` if a timestamp server was to be used and failed part-way; the
    caller must then start again without one (the file is no longer what the report says).
    """
    signer = _signer(identity)
    der = serialization.Encoding.DER
    if tsa_url is None:
        meta = PdfSignatureMetadata(
            field_name=FIELD_NAME,
            subfilter=SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=f"EvidenceKit evidence bundle {bundle_id}",
        )
        timestamper = None
    else:
        # Trust anchors for *collecting* validation data only: the vault's certificate(s) and
        # every certificate the TSA itself sent. Readers judge trust on their own.
        anchors = [
            _asn1_cert(identity.certificate.public_bytes(der)),
            *(_asn1_cert(c.public_bytes(der)) for c in identity.chain),
            *(_asn1_cert(c) for c in tsa_certs_der),
        ]
        context = ValidationContext(
            trust_roots=anchors, allow_fetching=True, revocation_mode="soft-fail"
        )
        meta = PdfSignatureMetadata(
            field_name=FIELD_NAME,
            subfilter=SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=f"EvidenceKit evidence bundle {bundle_id}",
            embed_validation_info=True,
            use_pades_lta=True,
            timestamp_field_name=TIMESTAMP_FIELD_NAME,
            validation_context=context,
            dss_settings=DSSContentSettings(
                include_vri=False,
                placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE,
                next_ts_settings=TimestampDSSContentSettings(
                    include_vri=False, update_before_ts=True
                ),
            ),
        )
        timestamper = HTTPTimeStamper(tsa_url, timeout=TSA_TIMEOUT_S)
    pdf_signer = PdfSigner(meta, signer, timestamper=timestamper)
    with quiet_pyhanko():
        writer = IncrementalPdfFileWriter(handle, strict=False)
        try:
            # pyHanko sizes /Contents from a dummy signature (with a real token when a TSA
            # is used), so long certificate chains still fit.
            await pdf_signer.async_sign_pdf(writer, in_place=True)
        # Network failures only: a full disk or a failing write while signing is not the
        # timestamp server's fault and must not turn into a quietly weaker (B-B) bundle.
        except (
            TimestampRequestError,
            aiohttp.ClientError,
            TimeoutError,
            ConnectionError,
            socket.gaierror,
        ) as exc:
            if tsa_url is None:
                raise
            log.warning("the timestamp server failed while signing: %s", type(exc).__name__)
            raise TimestampLost(str(exc)) from exc
        except SigningError as exc:
            if tsa_url is None:
                raise
            log.warning("signing with validation data failed: %s", type(exc).__name__)
            raise TimestampLost(str(exc)) from exc
    handle.flush()
    return SignResult("B-LTA" if tsa_url else "B-B", tsa_url)

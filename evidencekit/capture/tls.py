"""TLS facts of the captured page: protocol, cipher, certificate chain (DER) with fingerprints,
and whether the browser trusted the chain.

Everything comes from one CDP event, ``Security.visibleSecurityStateChanged``, for the page's
main frame: protocol, cipher, key exchange, and the certificate chain as base64 DER.
(``Network.getCertificate`` returns an empty list unless the Network domain was enabled on our
own CDP session before the load; enabling it would double every network event, so it is not.)

Trust: captures run with certificate errors ignored (so a self-signed page is still captured),
which hides the verdict from Playwright. Chromium still computes it and reports it in the same
event (``certificateNetworkError``, e.g. ``net::ERR_CERT_AUTHORITY_INVALID``). So the verdict is
the browser's own, with its own trust store, for the connection that delivered the page; no
second connection is made.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from playwright.async_api import CDPSession

from evidencekit.clock import iso_z_ms

log = logging.getLogger(__name__)

TRUST_BASIS = (
    "Chromium's own certificate verification for the page's connection "
    "(CDP Security.visibleSecurityStateChanged: certificateNetworkError)"
)


class SecurityWatcher:
    """Keeps the browser's latest security verdict for the page's main frame."""

    def __init__(self, cdp: CDPSession) -> None:
        self._cdp = cdp
        self.state: dict[str, Any] | None = None
        cdp.on("Security.visibleSecurityStateChanged", self._on_state)

    def _on_state(self, event: dict[str, Any]) -> None:
        self.state = event.get("visibleSecurityState")

    async def start(self) -> None:
        await self._cdp.send("Security.enable")


def _name(value: x509.Name) -> str:
    return value.rfc4514_string()


def describe_certificate(der: bytes) -> dict[str, Any]:
    """Subject, issuer, validity, serial, SANs and SHA-256 of one DER certificate."""
    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        sans = [str(v) for v in san.get_values_for_type(x509.DNSName)]
        sans += [str(v) for v in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        sans = []
    return {
        "subject": _name(cert.subject),
        "issuer": _name(cert.issuer),
        "serial_number": format(cert.serial_number, "x"),
        "not_before": iso_z_ms(cert.not_valid_before_utc),
        "not_after": iso_z_ms(cert.not_valid_after_utc),
        "subject_alt_names": sans,
        "sha256": hashlib.sha256(der).hexdigest(),
        "der_base64": base64.b64encode(der).decode("ascii"),
    }


def tls_facts(
    url: str, watcher: SecurityWatcher, details: dict[str, Any] | None = None
) -> tuple[dict[str, Any] | None, list[str]]:
    """TLS metadata for the page at `url` (None for plain http) and warnings about it.

    `details` (Playwright's ``Response.security_details()``) fills in when CDP said nothing.
    """
    if urlsplit(url).scheme != "https":
        return None, []
    warnings: list[str] = []
    state = watcher.state or {}
    cert_state: dict[str, Any] = state.get("certificateSecurityState") or {}
    chain_b64 = [str(item) for item in cert_state.get("certificate", [])]
    chain = [describe_certificate(base64.b64decode(item)) for item in chain_b64]
    details = details or {}
    facts: dict[str, Any] = {
        "protocol": cert_state.get("protocol") or details.get("protocol"),
        "cipher": cert_state.get("cipher"),
        "key_exchange": cert_state.get("keyExchange") or None,
        "key_exchange_group": cert_state.get("keyExchangeGroup") or None,
        "subject": chain[0]["subject"] if chain else details.get("subjectName"),
        "issuer": chain[0]["issuer"] if chain else details.get("issuer"),
        "valid_from": chain[0]["not_before"] if chain else _epoch(details.get("validFrom")),
        "valid_to": chain[0]["not_after"] if chain else _epoch(details.get("validTo")),
        "fingerprint_sha256": chain[0]["sha256"] if chain else None,
        "chain": chain,
        "browser_security_state": state.get("securityState"),
        "certificate_error": cert_state.get("certificateNetworkError"),
        "trusted": None,
        "trust_basis": TRUST_BASIS,
    }
    if not cert_state:
        warnings.append("The browser gave no verdict on the site's certificate (trust unknown).")
    elif facts["certificate_error"]:
        facts["trusted"] = False
        warnings.append(
            "The site's certificate is not trusted by the browser "
            f"({facts['certificate_error']}); the page was captured anyway."
        )
    else:
        facts["trusted"] = True
    if not chain:
        warnings.append("The site's certificate chain could not be read.")
    return facts, warnings


def _epoch(value: Any) -> str | None:
    if isinstance(value, int | float):
        return iso_z_ms(dt.datetime.fromtimestamp(value, dt.UTC))
    return None

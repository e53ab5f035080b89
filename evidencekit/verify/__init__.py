"""The verifier a lawyer runs on a court bundle: offline, no vault, nothing of the export side.

    verify_bundle(path, *, trusted_certs=(), trusted_fingerprints=()) -> BundleReport
    load_certificates(paths) -> list of certificates the reader vouches for (--trust)
    parse_fingerprint(text) -> the signer's fingerprint as typed, normalised (--trust-fingerprint)

It needs neither reportlab, nor the vault's store, nor the capture engine
(`tests/test_boundaries.py` says so). What it shares with the export side — the bundle.json
format and the bilingual text value — lives in `evidencekit.bundle_format` and
`evidencekit.bilingual`. Names are loaded on first use, so importing the package is cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidencekit.verify.checks import BundleReport, Check, Status
    from evidencekit.verify.trust import load_certificates, parse_fingerprint
    from evidencekit.verify.verifier import verify_bundle

_WHERE = {
    "BundleReport": "checks",
    "Check": "checks",
    "Status": "checks",
    "load_certificates": "trust",
    "parse_fingerprint": "trust",
    "verify_bundle": "verifier",
}

__all__ = [
    "BundleReport",
    "Check",
    "Status",
    "load_certificates",
    "parse_fingerprint",
    "verify_bundle",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'evidencekit.verify' has no attribute {name!r}")
    return getattr(importlib.import_module(f"evidencekit.verify.{_WHERE[name]}"), name)

"""Court bundles: one signed PDF with the report, every original file attached, and a verifier.

    export_bundle(vault, item_ids, out_path, *, blur=False, include_originals=True,
                  tsa_urls=(), case=None, progress=None) -> ExportResult
    verify_bundle(path, *, trusted_certs=()) -> BundleReport   (no vault needed)

Names are loaded on first use: verifying needs neither reportlab nor the vault's code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidencekit.bundle.checks import BundleReport, Check, Status
    from evidencekit.bundle.export import (
        ExportResult,
        Progress,
        export_bundle,
        export_bundle_async,
        remove_stale_parts,
    )
    from evidencekit.bundle.verify import verify_bundle

_WHERE = {
    "BundleReport": "checks",
    "Check": "checks",
    "Status": "checks",
    "ExportResult": "export",
    "Progress": "export",
    "export_bundle": "export",
    "export_bundle_async": "export",
    "remove_stale_parts": "export",
    "verify_bundle": "verify",
}

__all__ = [
    "BundleReport",
    "Check",
    "ExportResult",
    "Progress",
    "Status",
    "export_bundle",
    "export_bundle_async",
    "remove_stale_parts",
    "verify_bundle",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'evidencekit.bundle' has no attribute {name!r}")
    return getattr(importlib.import_module(f"evidencekit.bundle.{_WHERE[name]}"), name)

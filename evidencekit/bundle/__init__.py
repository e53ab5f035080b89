"""Court bundles: one signed PDF with the report and every original file attached.

    export_bundle(vault, item_ids, out_path, *, blur=False, include_originals=True,
                  tsa_urls=(), case=None, progress=None) -> ExportResult

The verifier is its own package, `evidencekit.verify`, and imports nothing from here. Names are
loaded on first use: importing the package does not load reportlab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidencekit.bundle.export import (
        ExportResult,
        Progress,
        export_bundle,
        export_bundle_async,
        remove_stale_parts,
    )

_WHERE = {
    "ExportResult": "export",
    "Progress": "export",
    "export_bundle": "export",
    "export_bundle_async": "export",
    "remove_stale_parts": "export",
}

__all__ = [
    "ExportResult",
    "Progress",
    "export_bundle",
    "export_bundle_async",
    "remove_stale_parts",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'evidencekit.bundle' has no attribute {name!r}")
    return getattr(importlib.import_module(f"evidencekit.bundle.{_WHERE[name]}"), name)

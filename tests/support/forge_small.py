"""A forger who holds the vault's key: rewrite a bundle's bundle.json and sign the whole file
again, so that the PDF signature is intact and only the verifier's other checks can object.

`rewrite_bundle_json(path, change, identity)` opens the bundle with pikepdf, applies `change` to
its bundle.json (a dict), drops the old signatures (their fields, widgets and the DSS) and
signs the result with `identity` (B-B, no timestamp server).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf

from evidencekit.bundle.sign import sign_in_place
from evidencekit.seal.identity import Identity

BUNDLE_JSON = "bundle.json"


def _drop_signatures(pdf: pikepdf.Pdf) -> None:
    root = pdf.Root
    if "/AcroForm" in root:
        del root["/AcroForm"]
    if "/DSS" in root:
        del root["/DSS"]
    for page in pdf.pages:
        if "/Annots" in page.obj:
            kept = [a for a in page.obj.Annots if a.get("/FT") != "/Sig"]
            page.obj.Annots = pikepdf.Array(kept)


def rewrite_bundle_json(
    path: Path, change: Callable[[dict[str, Any]], None], identity: Identity
) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        spec = pdf.attachments[BUNDLE_JSON]
        data = json.loads(spec.get_file().read_bytes())
        change(data)
        new = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        stream = pdf.make_stream(new)
        stream.Type = pikepdf.Name.EmbeddedFile
        stream.Subtype = spec.obj.EF.F.Subtype
        # Both names of the embedded file point to the new bytes (as export writes them).
        spec.obj.EF = pikepdf.Dictionary(F=stream, UF=stream)
        _drop_signatures(pdf)
        pdf.save(path)
    with open(path, "r+b") as handle:
        asyncio.run(sign_in_place(handle, identity, bundle_id="forged", tsa_url=None))

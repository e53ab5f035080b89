"""A stranger re-signs a genuine bundle with a key of their own (issue 11, attack 2).

What the forger has: the victim's bundle PDF, a key they made (with the same subject as a
vault's, "CN=EvidenceKit vault, O=EvidenceKit"), and any public timestamp authority. What they
do, as `resign`:

1. cut the PDF back to its first revision (the report and attachments, before the signature);
2. keep every sealed item as it is, and rewrite bundle.json: their certificate as the bundle's
   identity, an `identity-import` custody entry appended to the log (chained to the last entry
   with a correct hash) and the log re-anchored over that entry with a fresh token;
3. swap the old anchor token for the new one among the attachments (same place, new name);
4. sign the result, with a signature timestamp, validation data and a document timestamp, the
   way `export` does (B-LTA).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from cryptography.hazmat.primitives import serialization

from evidencekit.bundle.sign import sign_in_place
from evidencekit.clock import now_iso_z_ms
from evidencekit.seal.identity import Identity
from evidencekit.seal.timestamps import request_timestamp
from evidencekit.vault.custody import entry_hash
from tests.support.forging import revision_starts
from tests.support.tsa import TsaPki

BUNDLE_JSON = "bundle.json"


@dataclass(frozen=True)
class Forged:
    path: Path
    signer: Identity
    entry: dict[str, Any]  # the custody entry the forger appended


def old_style_details(new: Identity, old_fingerprint: str) -> dict[str, Any]:
    """What `Vault.replace_identity` wrote before issue 11: nothing signed by the old key."""
    return {"fingerprint": new.fingerprint_sha256, "replaces": old_fingerprint}


def _embedded(pdf: pikepdf.Pdf) -> pikepdf.Array:
    return pdf.Root.Names.EmbeddedFiles.Names


def _spec(pdf: pikepdf.Pdf, name: str) -> tuple[int, pikepdf.Dictionary]:
    names = _embedded(pdf)
    for i in range(0, len(names), 2):
        if str(names[i]) == name:
            return i, names[i + 1]
    raise KeyError(name)


def _rewrite(spec: pikepdf.Dictionary, data: bytes) -> None:
    """New bytes for a file specification's embedded file (/F and /UF are one stream)."""
    stream = spec.EF.F
    stream.write(zlib.compress(data), filter=pikepdf.Name.FlateDecode)
    stream.Params.Size = len(data)
    stream.Params.CheckSum = pikepdf.String(hashlib.md5(data).digest())


def _rename(pdf: pikepdf.Pdf, old: str, new: str) -> None:
    index, spec = _spec(pdf, old)
    _embedded(pdf)[index] = pikepdf.String(new)
    spec.F = pikepdf.String(new)
    spec.UF = pikepdf.String(new)


async def resign(
    genuine: Path,
    out: Path,
    signer: Identity,
    tsa_url: str,
    pki: TsaPki,
    *,
    details: dict[str, Any] | None = None,
) -> Forged:
    """`genuine` re-signed by `signer` as described above. `details` are the appended custody
    entry's (default: the old-style `{"fingerprint", "replaces"}`)."""
    data = genuine.read_bytes()
    first = data[: revision_starts(data)[0]]
    with pikepdf.open(io.BytesIO(first)) as pdf:
        _, spec = _spec(pdf, BUNDLE_JSON)
        document = json.loads(spec.EF.F.read_bytes())
        old_fingerprint = document["identity"]["fingerprint_sha256"]
        entries = document["custody"]["entries"]
        last = entries[-1]
        seq, at = last["seq"] + 1, now_iso_z_ms()
        details = old_style_details(signer, old_fingerprint) if details is None else details
        action, obj, operator = "identity-import", "identity", last.get("operator", "x")
        digest = entry_hash(seq, at, operator, action, obj, details, last["hash"])
        entry = {
            "seq": seq,
            "at": at,
            "operator": operator,
            "action": action,
            "object": obj,
            "details": details,
            "prev_hash": last["hash"],
            "hash": digest,
        }
        entries.append(entry)
        token = await request_timestamp(bytes.fromhex(digest), tsa_url)
        old_anchor = document["custody"]["anchor"]["attachment"]
        new_anchor = f"custody-anchor-{seq}.tsr"
        document["custody"]["anchor"] = {
            "seq": seq,
            "hash": digest,
            "attachment": new_anchor,
            "tsa": tsa_url,
            "time": token.gen_time.isoformat().replace("+00:00", "Z"),
            "token_sha256": hashlib.sha256(token.response_der).hexdigest(),
        }
        for listed in document["attachments"]:
            if listed["name"] == old_anchor:
                listed.update(
                    name=new_anchor,
                    size=len(token.response_der),
                    sha256=hashlib.sha256(token.response_der).hexdigest(),
                )
        document["identity"] = {
            "subject": signer.subject,
            "fingerprint_sha256": signer.fingerprint_sha256,
            "certificate_pem": signer.certificate.public_bytes(serialization.Encoding.PEM).decode(
                "ascii"
            ),
        }
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        _rewrite(spec, text.encode())
        _, anchor_spec = _spec(pdf, old_anchor)
        _rewrite(anchor_spec, token.response_der)
        _rename(pdf, old_anchor, new_anchor)
        pdf.save(out)
    der = serialization.Encoding.DER
    tsa_certs = [pki.root_cert.public_bytes(der), pki.tsa_cert.public_bytes(der)]
    with open(out, "r+b") as handle:
        await sign_in_place(
            handle,
            signer,
            bundle_id=document["bundle_id"],
            tsa_url=tsa_url,
            tsa_certs_der=tsa_certs,
        )
    return Forged(out, signer, entry)


def resign_now(*args: Any, **kwargs: Any) -> Forged:
    return asyncio.run(resign(*args, **kwargs))


def self_signed_endorsement(victim_fingerprint: str, forger: Identity) -> dict[str, Any]:
    """What a forger can write for an `identity-import` entry: a hand-over statement in the
    right format, naming the victim's key as predecessor, but signed with the forger's own key
    (he does not have the victim's)."""
    import base64

    from evidencekit.canonical import canonical_json
    from evidencekit.seal.identity import sign_detached

    der = forger.certificate.public_bytes(serialization.Encoding.DER)
    statement = {
        "format": "evidencekit-identity-succession/1",
        "predecessor": victim_fingerprint,
        "successor": forger.fingerprint_sha256,
        "successor_certificate": base64.b64encode(der).decode("ascii"),
    }
    signature = sign_detached(forger, canonical_json(statement))
    return {
        **old_style_details(forger, victim_fingerprint),
        "endorsement": {"statement": statement, "signature": base64.b64encode(signature).decode()},
    }


def replace_identity_the_old_way(vault: Any, identity: Identity) -> None:
    """What `Vault.replace_identity` did before issue 11 (a vault that imported an identity
    then): the new identity saved and an `identity-import` entry naming both keys, nothing
    signed by the old one."""
    from evidencekit.vault import custody, seals
    from evidencekit.vault.subjects import IDENTITY

    old = vault.identity()
    with vault.transaction() as conn:
        seals.save_identity(conn, identity)
        custody.append(
            conn,
            vault.settings.operator,
            "identity-import",
            IDENTITY,
            old_style_details(identity, old.fingerprint_sha256),
        )
    vault._identity = identity

"""The manifest of an item: one canonical JSON document that names every artifact by hash.

Its SHA-256 is the item's seal digest, the value that gets signed and time-stamped. It is
stored as the artifact `manifest.json` holding exactly these canonical bytes, so anyone can run
`sha256sum manifest.json` and get the digest back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from evidencekit.canonical import canonical_json

MANIFEST_FORMAT = "evidencekit-manifest/1"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class ArtifactEntry:
    """One stored artifact as the manifest names it (and as the vault hands it back)."""

    name: str
    media_type: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class Manifest:
    data: bytes  # the canonical bytes, exactly as stored

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def build_manifest(
    item: Mapping[str, Any], artifacts: Iterable[ArtifactEntry], custody_head: str | None
) -> Manifest:
    """The canonical manifest for an item.

    `item` holds the item's key metadata (id, kind, URL or file name, times, operator, tool
    versions); `custody_head` is the hash of the custody-log entry before this item was added,
    which ties the item into the chain.
    """
    listed = sorted(artifacts, key=lambda a: a.name)
    names = [a.name for a in listed]
    if len(set(names)) != len(names):
        raise ValueError("two artifacts share a name")
    if MANIFEST_NAME in names:
        raise ValueError("the manifest cannot list itself")
    document = {
        "format": MANIFEST_FORMAT,
        "hash_algorithm": "sha-256",
        "item": dict(item),
        "artifacts": [a.to_json() for a in listed],
        "custody_head": custody_head,
    }
    return Manifest(canonical_json(document))

"""Which signing identities the custody log records as the vault's own, and which of them its
trusted timestamp shows to predate the bundle (a re-signed bundle is caught here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T


@dataclass(frozen=True)
class Identities:
    """Certificate fingerprints the custody log records as the vault's own. Only those
    recorded at or before the entry its trusted timestamp covers (`anchored_seq`) are shown to
    predate the bundle; ones recorded later rest on the log alone, as do all when the log has
    no trusted timestamp."""

    covered: frozenset[str]
    later: frozenset[str]
    anchored_seq: int | None

    def doubt(self, fingerprint: str) -> Bi:
        """Why an identity recorded after the anchor is not shown to be the vault's own."""
        if self.anchored_seq is None:
            return T.DOUBT_LOG_UNANCHORED.format(fingerprint=short(fingerprint))
        return T.DOUBT_AFTER_ANCHOR.format(fingerprint=short(fingerprint), seq=self.anchored_seq)


def short(value: str) -> str:
    """A fingerprint or digest cut to its first 16 characters for a sentence."""
    return value[:16] + "…"


def anchored_seq(entries: Sequence[dict[str, Any]], anchor: dict[str, Any] | None) -> int | None:
    """The sequence number of the custody entry the log's trusted timestamp covers, when that
    entry is in the log with the hash the anchor names; else None."""
    if not isinstance(anchor, dict):
        return None
    seq = anchor.get("seq")
    if not isinstance(seq, int):
        return None
    for entry in entries:
        if entry.get("seq") == seq:
            return seq if entry.get("hash") == anchor.get("hash") else None
    return None


def vault_identities(entries: Iterable[dict[str, Any]], anchored: int | None) -> Identities:
    """Certificate fingerprints the custody log records for this vault: the one it was made
    with and every identity made or imported since. A bundle re-signed by anyone else (with a
    bundle.json rewritten to name them) is caught here, unless the log itself was rewritten,
    which breaks its trusted timestamp; hence only identities recorded at or before the
    anchored entry count as covered by it."""
    covered: set[str] = set()
    later: set[str] = set()
    for entry in entries:
        details = entry.get("details") if not entry.get("hidden") else None
        if not isinstance(details, dict):
            continue
        found = ""
        if entry.get("action") == "create" and entry.get("object") == "vault":
            found = str(details.get("identity") or "")
        elif entry.get("action") in ("identity-create", "identity-import"):
            found = str(details.get("fingerprint") or "")
        if not found:
            continue
        seq = entry.get("seq")
        if anchored is not None and isinstance(seq, int) and seq <= anchored:
            covered.add(found)
        else:
            later.add(found)
    return Identities(frozenset(covered), frozenset(later - covered), anchored)

"""Which signing identities the custody log records as the vault's own, which of them its
trusted timestamp shows to predate the bundle, and which key each sealing key handed over to
(a re-signed bundle is caught here)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.seal.identity import SignatureCheck, read_endorsement
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


def grouped(fingerprint_hex: str) -> str:
    """A fingerprint for reading aloud: upper case, in groups of four ("4C3A 9F01 …")."""
    value = fingerprint_hex.upper()
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


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


class Successions:
    """The hand-overs the custody log certifies: each `identity-import` entry whose endorsement
    is signed by the key it replaces (`seal.identity.endorse_successor`). An entry without one
    (as written before issue 11, or by a forger) certifies nothing."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self._by_predecessor: dict[str, list[object]] = {}
        for entry in entries:
            details = entry.get("details") if not entry.get("hidden") else None
            if entry.get("action") != "identity-import" or not isinstance(details, dict):
                continue
            endorsement = details.get("endorsement")
            statement = endorsement.get("statement") if isinstance(endorsement, dict) else None
            if isinstance(statement, dict) and isinstance(statement.get("predecessor"), str):
                self._by_predecessor.setdefault(statement["predecessor"], []).append(endorsement)

    def leads_to(self, sealer_cert_der: bytes, signer: str) -> bool:
        """Whether the key of `sealer_cert_der` is the signer's (`signer`, a certificate
        fingerprint) or handed over to it, directly or through certified successors. Each
        endorsement is checked against the certificate of the key it names as predecessor, so
        a chain holds only if every key in it signed the next hand-over."""
        pending = [sealer_cert_der]
        seen: set[str] = set()
        while pending:
            der = pending.pop()
            own = hashlib.sha256(der).hexdigest()
            if own == signer:
                return True
            if own in seen:
                continue
            seen.add(own)
            for endorsement in self._by_predecessor.get(own, ()):
                succession = read_endorsement(endorsement, der)
                if succession is not None:
                    pending.append(succession.successor_cert_der)
        return False


def strangers(
    seals: Iterable[SignatureCheck], signer: str, entries: Iterable[dict[str, Any]]
) -> list[str]:
    """Issue 11, rule (a): the keys that sealed items (their valid manifest signatures) and
    are neither the bundle's signer nor led to it by certified hand-overs (`Successions`). A
    custody entry alone certifies nothing: anyone can append one and have it time-stamped."""
    successions = Successions(entries)
    found: dict[str, bytes] = {}
    for seal in seals:
        if seal.ok and seal.signer_cert_der and seal.signer_fingerprint_sha256:
            found[seal.signer_fingerprint_sha256] = seal.signer_cert_der
    return sorted(f for f, der in found.items() if not successions.leads_to(der, signer))

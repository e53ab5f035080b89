"""Which timestamp authorities to ask. Kept apart from the network client so that choosing
them costs no heavy imports."""

from __future__ import annotations

from collections.abc import Sequence

PUBLIC_TSAS: tuple[str, ...] = (
    "http://timestamp.digicert.com",
    "http://timestamp.sectigo.com",
    "https://freetsa.org/tsr",
)
"""Free public TSAs, tried in this order when the user names none. Plain http is usual for
TSAs: the token's own signature, not the transport, is what protects it.

The order matters for the bundle verifier, which trusts a token only when its authority leads
to a certificate the reader gives with --trust or to a root in its built-in list (Mozilla's,
from certifi; see evidencekit/verify/trust.py). DigiCert's and Sectigo's timestamp
certificates lead to roots in that list; FreeTSA's root is in no such list, so its tokens are
"not independently trusted" (indeterminate) unless the reader passes FreeTSA's root
(https://freetsa.org/files/cacert.pem) with --trust. FreeTSA therefore comes last: a fallback
when the others cannot be reached, never the authority a bundle is signed with by default.
"""


def resolve_tsa_urls(configured: Sequence[str]) -> tuple[str, ...]:
    """The TSAs to ask: the configured ones, else the built-in public list."""
    urls = tuple(u.strip() for u in configured if u.strip())
    return urls or PUBLIC_TSAS

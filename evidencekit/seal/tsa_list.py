"""Which timestamp authorities to ask. Kept apart from the network client so that choosing
them costs no heavy imports."""

from __future__ import annotations

from collections.abc import Sequence

PUBLIC_TSAS: tuple[str, ...] = (
    "https://freetsa.org/tsr",
    "http://timestamp.digicert.com",
    "http://timestamp.sectigo.com",
)
"""Free public TSAs, tried in this order when the user names none. Plain http is usual for
TSAs: the token's own signature, not the transport, is what protects it."""


def resolve_tsa_urls(configured: Sequence[str]) -> tuple[str, ...]:
    """The TSAs to ask: the configured ones, else the built-in public list."""
    urls = tuple(u.strip() for u in configured if u.strip())
    return urls or PUBLIC_TSAS

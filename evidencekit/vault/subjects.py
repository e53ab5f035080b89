"""What a custody entry or a timestamp is about: the subject strings, made and read here only.

A subject is "<kind>:<value>": "item:<id>", "custody:<seq>", "case:<name>", "bundle:<id>",
"session:<id>"; a few are a bare word ("vault", "identity"). They are stored in the vault and
written into bundles, so their spelling is part of the vault format.
"""

from __future__ import annotations

ITEM = "item"
CUSTODY = "custody"
CASE = "case"
BUNDLE = "bundle"
VAULT = "vault"
IDENTITY = "identity"
SESSION = "session"


def item_subject(item_id: str) -> str:
    return f"{ITEM}:{item_id}"


def custody_subject(seq: int) -> str:
    return f"{CUSTODY}:{seq}"


def case_subject(name: str) -> str:
    return f"{CASE}:{name}"


def bundle_subject(bundle_id: str) -> str:
    return f"{BUNDLE}:{bundle_id}"


def session_subject(session_id: str) -> str:
    """A saved login (issue 12): its custody entries are about "session:<id>"."""
    return f"{SESSION}:{session_id}"


def parse_subject(text: str) -> tuple[str, str]:
    """(kind, value): "item:abc" -> ("item", "abc"); a bare word -> (word, "")."""
    kind, _, value = text.partition(":")
    return kind, value


def is_kind(text: str, kind: str) -> bool:
    """Whether `text` is a subject of `kind` ("item", "custody", ...)."""
    return text.startswith(kind + ":")


def like_pattern(kind: str) -> str:
    """The SQL LIKE pattern matching every subject of `kind` (for the vault's queries)."""
    return kind + ":%"

"""Check a web address before any browser is involved, and clean it as people paste it.

Only http(s) with a site name is captured. A pasted link can carry a user name and password
(``https://user:pass@host/``) and share-tracking codes that identify the person who shared it
(see `sharelinks`). `prepare_url` removes the credentials always and the share codes unless
asked to keep them, and says what it removed: parameter *names* only, never a value, never
the password. The cleaned address is the one the browser loads and every artifact shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from evidencekit.capture.sharelinks import is_share_parameter
from evidencekit.errors import BadUrl

ALLOWED_SCHEMES = ("http", "https")


def mask_credentials(text: str) -> str:
    """`text` with anything that looks like a user name and password replaced by "…"."""
    head, sep, rest = text.partition("://")
    if sep:
        authority, slash, tail = rest.partition("/")
        if "@" in authority:
            authority = "…@" + authority.rsplit("@", 1)[1]
        text = head + sep + authority + slash + tail
    return text


def _shown(text: str) -> str:
    """`text` cut for an error message, credentials masked."""
    return mask_credentials(text)[:200]


def validate_url(raw: str) -> str:
    """Return the address to load (surrounding spaces removed) or raise `BadUrl`."""
    text = raw.strip()
    shown = _shown(text)
    if not text:
        raise BadUrl("No web address was given.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise BadUrl(f"The address contains spaces or control characters: {shown!r}")
    try:
        parts = urlsplit(text)
    except ValueError as error:  # e.g. an unclosed IPv6 bracket
        raise BadUrl(f"The address is not written correctly: {shown!r}") from error
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        if not scheme or "." in scheme:
            raise BadUrl(f"Write the whole address, starting with https:// ({shown!r}).")
        raise BadUrl(
            f"EvidenceKit captures web pages (http:// or https:// addresses), "
            f"not {scheme}: addresses ({shown!r})."
        )
    host = parts.hostname
    if not host or host.startswith(".") or ".." in host:
        raise BadUrl(f"The address has no valid site name in it: {shown!r}")
    try:
        parts.port  # noqa: B018  # raises ValueError for a bad port
    except ValueError as error:
        raise BadUrl(f"The port number in the address is not valid: {shown!r}") from error
    return text


@dataclass(frozen=True)
class PreparedUrl:
    """A pasted link made ready to load, and what was taken out of it (names only)."""

    url: str
    """The address to load: no credentials, share codes dropped unless kept."""
    removed_credentials: bool = False
    """The link had a user name and/or password in it (removed; never recorded)."""
    removed_parameters: tuple[str, ...] = ()
    """Names of the share-tracking parameters removed."""
    kept_parameters: tuple[str, ...] = ()
    """Names of share-tracking parameters found but kept, because she chose to keep them."""

    @property
    def changed(self) -> bool:
        return self.removed_credentials or bool(self.removed_parameters)

    def summary(self) -> str:
        """One plain sentence, e.g. "removed from the link you pasted: a user name and
        password; the share-tracking parameters igsh, utm_source" ("" when nothing was)."""
        parts = []
        if self.removed_credentials:
            parts.append("a user name and password")
        if self.removed_parameters:
            word = "parameter" if len(self.removed_parameters) == 1 else "parameters"
            parts.append(f"the share-tracking {word} " + ", ".join(self.removed_parameters))
        return "removed from the link you pasted: " + "; ".join(parts) if parts else ""

    def as_json(self) -> dict[str, object]:
        return {
            "credentials_removed": self.removed_credentials,
            "share_parameters_removed": list(self.removed_parameters),
            "share_parameters_kept": list(self.kept_parameters),
            "summary": self.summary(),
        }


def _param_name(piece: str) -> str:
    return unquote_plus(piece.split("=", 1)[0])


def _without_credentials(parts: SplitResult) -> str:
    netloc = parts.netloc.rsplit("@", 1)[1] if "@" in parts.netloc else parts.netloc
    return netloc


def prepare_url(raw: str, *, keep_share_parameters: bool = False) -> PreparedUrl:
    """Validate `raw` (raise `BadUrl`) and clean it: see the module's description.

    The remaining query keeps its exact spelling and order. A pure function: front ends call
    it to show her what will be removed, and hand the `PreparedUrl` (or the raw link) on.
    """
    text = validate_url(raw)
    parts = urlsplit(text)
    had_credentials = "@" in parts.netloc
    host, path = parts.hostname or "", parts.path
    kept_pieces: list[str] = []
    removed: list[str] = []
    kept_share: list[str] = []
    for piece in parts.query.split("&") if parts.query else []:
        name = _param_name(piece)
        if piece and is_share_parameter(host, path, name):
            if keep_share_parameters:
                kept_share.append(name)
                kept_pieces.append(piece)
            else:
                removed.append(name)
            continue
        kept_pieces.append(piece)
    query = "&".join(kept_pieces) if kept_pieces != [""] else ""
    cleaned = urlunsplit(
        (parts.scheme, _without_credentials(parts), parts.path, query, parts.fragment)
    )
    if not (had_credentials or removed):
        cleaned = text  # untouched: exactly as given (urlunsplit may respell empty parts)
    return PreparedUrl(
        cleaned,
        had_credentials,
        tuple(dict.fromkeys(removed)),
        tuple(dict.fromkeys(kept_share)),
    )


def as_prepared(link: str | PreparedUrl, *, keep_share_parameters: bool) -> PreparedUrl:
    """`link` cleaned, unless a front end prepared it already (its record of what was removed,
    and her choice to keep share codes, then stand)."""
    if isinstance(link, PreparedUrl):
        return link
    return prepare_url(link, keep_share_parameters=keep_share_parameters)

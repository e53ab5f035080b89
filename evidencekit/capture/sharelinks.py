"""Share-tracking parameters, per platform: the parts of a pasted link that say who shared it.

A link copied from an app's "Share" button carries codes that identify the person who shared
it (often the victim herself) and the device or account she used: Instagram's ``igsh``,
TikTok's ``_t``/``_r``/``u_code``, YouTube's ``si``, Facebook's ``mibextid``… They do not
change which post is shown, so EvidenceKit offers to drop them before the page is opened.

One table, by site: `GENERIC` applies everywhere, `BY_SITE` adds what each platform uses.
A name ending in ``*`` is a prefix (``utm_*``). `STATUS_ONLY` lists names dropped only on a
site's post pages (X's ``s``/``t`` mean something else elsewhere).
"""

from __future__ import annotations

import re

#: Click and campaign trackers any site may carry.
GENERIC: frozenset[str] = frozenset(
    {
        "utm_*",
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igsh",
        "igshid",
        "mibextid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
    }
)

#: Registrable domain -> parameters that identify the sharer on that platform.
BY_SITE: dict[str, frozenset[str]] = {
    "instagram.com": frozenset({"igsh", "igshid", "ig_rid", "ig_mid"}),
    "threads.net": frozenset({"igsh", "igshid", "xmt", "slof"}),
    "tiktok.com": frozenset(
        {
            "_t",
            "_r",
            "_d",
            "u_code",
            "share_app_id",
            "share_author_id",
            "share_item_id",
            "share_link_id",
            "sender_device",
            "sender_web_id",
            "is_from_webapp",
            "is_copy_url",
            "social_share_type",
            "tt_from",
            "timestamp",
            "user_id",
            "sec_user_id",
            "utm_*",
            "checksum",
            "enter_from",
            "iid",
            "web_id",
            "preview_pb",
            "embed_source",
            "refer",
            "source",
        }
    ),
    "youtube.com": frozenset({"si", "feature", "pp"}),
    "youtu.be": frozenset({"si", "feature"}),
    "facebook.com": frozenset(
        {"mibextid", "fbclid", "rdid", "share_url", "sfnsn", "extid", "paipv", "eav", "_rdr"}
    ),
    "fb.watch": frozenset({"mibextid", "fbclid"}),
    "fb.com": frozenset({"mibextid", "fbclid", "rdid", "sfnsn"}),
    "messenger.com": frozenset({"mibextid", "fbclid"}),
    "x.com": frozenset({"ref_src", "ref_url"}),
    "twitter.com": frozenset({"ref_src", "ref_url"}),
    "reddit.com": frozenset({"share_id", "rdt", "context_share"}),
    "snapchat.com": frozenset({"share_id", "sid", "locale_share"}),
    "spotify.com": frozenset({"si", "nd"}),
    "linkedin.com": frozenset({"trk", "trackingId", "lipi", "rcm", "midToken", "midSig"}),
    "pinterest.com": frozenset({"invite_code", "sender", "sfo", "mweb_unauth_id"}),
    "telegram.me": frozenset(),
    "t.me": frozenset(),
}

#: Parameters dropped only on post pages (path matches), per registrable domain.
STATUS_ONLY: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "x.com": (re.compile(r"/[^/]+/status/\d+"), frozenset({"s", "t"})),
    "twitter.com": (re.compile(r"/[^/]+/status/\d+"), frozenset({"s", "t"})),
}


def site_of(host: str) -> str | None:
    """The table's key for `host` (``m.facebook.com`` -> ``facebook.com``), or None."""
    host = host.lower().rstrip(".")
    for domain in (*BY_SITE, *STATUS_ONLY):
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _matches(name: str, patterns: frozenset[str]) -> bool:
    lowered = name.lower()
    for pattern in patterns:
        if pattern.endswith("*"):
            if lowered.startswith(pattern[:-1].lower()):
                return True
        elif lowered == pattern.lower():
            return True
    return False


def is_share_parameter(host: str, path: str, name: str) -> bool:
    """True when query parameter `name` on `host`/`path` identifies who shared the link."""
    if _matches(name, GENERIC):
        return True
    site = site_of(host)
    if site is None:
        return False
    if _matches(name, BY_SITE.get(site, frozenset())):
        return True
    status = STATUS_ONLY.get(site)
    return bool(status and status[0].match(path) and _matches(name, status[1]))

"""What a capture wrote in English (a browser's network error, why a picture was not saved,
how it was obtained, what a request asked for) said in plain words in both languages.

Wording not known here is kept as the capture wrote it, and the Albanian says so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts

log = logging.getLogger(__name__)

Patterns = Sequence[tuple[str, Callable[[re.Match[str]], Bi]]]

NET_ERRORS: dict[str, Bi] = {
    "NAME_NOT_RESOLVED": Bi(
        "the site's name could not be found (DNS)", "emri i faqes nuk u gjet (DNS)"
    ),
    "NAME_RESOLUTION_FAILED": Bi(
        "the site's name could not be looked up (DNS)", "emri i faqes nuk u kërkua dot (DNS)"
    ),
    "CONNECTION_REFUSED": Bi("the server refused the connection", "serveri e refuzoi lidhjen"),
    "CONNECTION_RESET": Bi("the connection was cut off", "lidhja u ndërpre"),
    "CONNECTION_CLOSED": Bi("the server closed the connection", "serveri e mbylli lidhjen"),
    "EMPTY_RESPONSE": Bi(
        "the server closed the connection without answering",
        "serveri e mbylli lidhjen pa u përgjigjur",
    ),
    "CONNECTION_TIMED_OUT": Bi(
        "the server did not answer in time", "serveri nuk u përgjigj në kohë"
    ),
    "TIMED_OUT": Bi("no answer in time", "pa përgjigje në kohë"),
    "ADDRESS_UNREACHABLE": Bi(
        "the server's address could not be reached", "adresa e serverit nuk u arrit"
    ),
    "INTERNET_DISCONNECTED": Bi("there was no internet connection", "nuk kishte lidhje interneti"),
    "ABORTED": Bi(
        "cancelled (by the page itself, or because the capture ended)",
        "u anulua (nga vetë faqja, ose sepse mbaroi kapja)",
    ),
    "BLOCKED_BY_CLIENT": Bi("blocked by the browser", "u bllokua nga shfletuesi"),
    "BLOCKED_BY_RESPONSE": Bi(
        "blocked: the server does not let other sites use it",
        "u bllokua: serveri nuk lejon faqe të tjera ta përdorin",
    ),
    "BLOCKED_BY_ORB": Bi(
        "blocked by the browser's safety rules for content from other sites",
        "u bllokua nga rregullat e sigurisë së shfletuesit për përmbajtje nga faqe të tjera",
    ),
    "SSL_PROTOCOL_ERROR": Bi(
        "the secure (https) connection failed", "lidhja e sigurt (https) dështoi"
    ),
    "HTTP2_PROTOCOL_ERROR": Bi(
        "the server's answer was malformed", "përgjigjja e serverit ishte e gabuar"
    ),
    "TOO_MANY_REDIRECTS": Bi("too many redirects", "shumë ridrejtime"),
    "FAILED": Bi("failed (no reason given)", "dështoi (pa arsye të dhënë)"),
}
CERT_ERROR = Bi(
    "the site's security certificate was not accepted", "certifikata e sigurisë nuk u pranua"
)


def net_reason(error: Any) -> Bi:
    """A browser's error (``net::ERR_NAME_NOT_RESOLVED``) in plain words, both languages."""
    text = "" if error is None else str(error)
    match = re.search(r"ERR_([A-Z0-9_]+)", text)
    if match:
        code = match.group(1)
        if code.startswith("CERT_") or (code.startswith("SSL_") and code not in NET_ERRORS):
            return CERT_ERROR
        if code in NET_ERRORS:
            return NET_ERRORS[code]
    if text.strip().lower() in ("failed", ""):
        return NET_ERRORS["FAILED"]
    return recorded(text)


def recorded(text: str) -> Bi:
    """A reason whose wording is not known here: kept as the capture wrote it."""
    return Bi(text, f"siç u regjistrua (anglisht): {text}")


_REFETCH: tuple[tuple[str, Callable[[re.Match[str]], Bi]], ...] = (
    (
        r"no time was left to fetch it",
        lambda m: Bi("no time was left to fetch it", "nuk mbeti kohë për ta marrë"),
    ),
    (
        r"larger than the (\d+) byte limit \((\d+) bytes\)",
        lambda m: Bi(
            f"larger than the {int(m[1]):,}-byte limit ({int(m[2]):,} bytes)",
            f"më i madh se kufiri prej {int(m[1]):,} bajtësh ({int(m[2]):,} bajt)",
        ),
    ),
    (
        r"it could not be fetched within (\S+) s",
        lambda m: Bi(f"it could not be fetched within {m[1]} s", f"nuk u mor dot brenda {m[1]} s"),
    ),
    (
        r"could not be fetched: (.*)",
        lambda m: Bi(
            f"it could not be fetched: {net_reason(m[1]).en}",
            f"nuk u mor dot: {net_reason(m[1]).sq}",
        ),
    ),
    (
        r"the server answered (\d+) when fetched whole",
        lambda m: Bi(
            f"the server answered {m[1]} when EvidenceKit fetched it whole",
            f"serveri u përgjigj {m[1]} kur EvidenceKit e kërkoi të plotë",
        ),
    ),
)

_SKIPPED: tuple[tuple[str, Callable[[re.Match[str]], Bi]], ...] = (
    (
        r"under (\d+) bytes",
        lambda m: Bi(
            f"too small to keep (under {int(m[1]):,} bytes): usually an icon or a tracker",
            f"shumë e vogël për t'u ruajtur (nën {int(m[1]):,} bajt): zakonisht ikonë ose gjurmues",
        ),
    ),
    (
        r"under (\d+)x(\d+) px \(icon/tracker\)",
        lambda m: Bi(
            f"too small to keep (under {m[1]} × {m[2]} px): an icon or a tracker",
            f"shumë e vogël për t'u ruajtur (nën {m[1]} × {m[2]} px): ikonë ose gjurmues",
        ),
    ),
    (
        r"larger than the media size limit",
        lambda m: Bi(
            "larger than the size limit for one file (see Capture settings)",
            "më e madhe se kufiri për një skedar (shih parametrat e kapjes)",
        ),
    ),
    (
        r"the page did not load it",
        lambda m: Bi("the page named it but never loaded it", "faqja e përmendi por nuk e ngarkoi"),
    ),
    (
        r"failed: (.*)",
        lambda m: Bi(
            f"loading failed: {net_reason(m[1]).en}", f"ngarkimi dështoi: {net_reason(m[1]).sq}"
        ),
    ),
    (
        r"no answer from the server",
        lambda m: Bi("the server did not answer", "serveri nuk u përgjigj"),
    ),
    (
        r"the server answered (.*)",
        lambda m: Bi(
            f"the server answered {m[1]} instead of sending the file",
            f"serveri u përgjigj {m[1]} në vend që të dërgonte skedarin",
        ),
    ),
    (
        r"its body was not kept",
        lambda m: Bi("the browser did not keep its bytes", "shfletuesi nuk i ruajti bajtet e saj"),
    ),
    (
        r"not saved: (.*)",
        lambda m: matched(m[1], _REFETCH),
    ),
)


def matched(text: str, patterns: Patterns) -> Bi:
    for pattern, make in patterns:
        match = re.fullmatch(pattern, text.strip())
        if match:
            return make(match)
    return recorded(text)


def skip_reason(reason: Any) -> Bi:
    """Why a picture or video was not saved, in plain words."""
    if reason is None or reason == "":
        return texts.NOT_RECORDED
    return matched(str(reason), _SKIPPED)


KINDS: dict[str, Bi] = {
    "img": Bi("picture", "foto"),
    "video": Bi("video", "video"),
    "audio": Bi("sound", "zë"),
    "poster": Bi("video's cover picture", "kopertina e videos"),
    "svg-image": Bi("picture in a drawing (SVG)", "foto brenda një vizatimi (SVG)"),
    "css-background": Bi("background picture", "foto në sfond"),
    "in-iframe": Bi("inside a frame of another page", "brenda një kuadri të një faqeje tjetër"),
}
OBTAINED: tuple[tuple[str, Callable[[re.Match[str]], Bi]], ...] = (
    (r"loaded by the page", lambda m: Bi("loaded by the page", "e ngarkoi faqja")),
    (
        r"a data: address in the page",
        lambda m: Bi("written inside the page", "e shkruar brenda faqes"),
    ),
    (
        r"put together from (\d+) byte ranges the page loaded",
        lambda m: Bi(
            f"put together from the {m[1]} pieces the page loaded",
            f"u bashkua nga {m[1]} pjesët që ngarkoi faqja",
        ),
    ),
    (
        r"fetched whole by EvidenceKit \(see WARC\)",
        lambda m: Bi(
            "fetched whole by EvidenceKit (in the WARC)", "marrë e plotë nga EvidenceKit (te WARC)"
        ),
    ),
)
REQUEST_KINDS: dict[str, Bi] = {
    "document": Bi("a page", "një faqe"),
    "image": Bi("a picture", "një foto"),
    "media": Bi("video or sound", "video ose zë"),
    "script": Bi("a program (script)", "një program (script)"),
    "stylesheet": Bi("the page's styles", "stilet e faqes"),
    "font": Bi("a font", "një shkronjë"),
    "xhr": Bi("data", "të dhëna"),
    "fetch": Bi("data", "të dhëna"),
    "websocket": Bi("a live connection", "një lidhje e vazhdueshme"),
    "manifest": Bi("the site's manifest", "manifesti i faqes"),
    "ping": Bi("a tracking ping", "një sinjal gjurmimi"),
}


# --- the capture details (bundle/capture_details.py, capture_actions.py) -------------------------

#: Where the browser was found (metadata ``browser.found_by``, see capture/browser.py).
FOUND_BY: dict[str, Bi] = {
    "system": Bi(
        "the system's own browser, installed on this computer",
        "shfletuesi i vetë sistemit, i instaluar në këtë kompjuter",
    ),
    "playwright": Bi(
        "the browser downloaded for Playwright", "shfletuesi i shkarkuar për Playwright"
    ),
    "chrome": Bi(
        "Google Chrome, installed on this computer", "Google Chrome, i instaluar në këtë kompjuter"
    ),
    "msedge": Bi(
        "Microsoft Edge, installed on this computer",
        "Microsoft Edge, i instaluar në këtë kompjuter",
    ),
    "settings": Bi(
        "the browser chosen in EvidenceKit's settings",
        "shfletuesi i zgjedhur te parametrat e EvidenceKit",
    ),
    "EVIDENCEKIT_BROWSER": Bi(
        "the browser named by the EVIDENCEKIT_BROWSER variable",
        "shfletuesi i caktuar nga ndryshorja EVIDENCEKIT_BROWSER",
    ),
}
CLOCK_SOURCES: dict[str, Bi] = {
    "system clock": Bi("the computer's own clock", "ora e vetë kompjuterit"),
}
REDIRECT_KINDS: dict[str, Bi] = {
    "http": Bi("the server redirected", "serveri e ridrejtoi"),
    "page": Bi("the page went on to another address", "faqja kaloi vetë në një adresë tjetër"),
}
DIALOG_TYPES: dict[str, Bi] = {
    "alert": Bi("a message (alert)", "një mesazh (alert)"),
    "confirm": Bi("a question (confirm)", "një pyetje (confirm)"),
    "prompt": Bi("a request to type something (prompt)", "një kërkesë për të shkruar (prompt)"),
    "beforeunload": Bi(
        "“leave this page?” (beforeunload)", "“të largoheni nga faqja?” (beforeunload)"
    ),
}

#: What the capture did, by the kind the capture's journal gave it (capture/journal.py).
ACTION_KINDS: dict[str, Bi] = {
    "navigate": Bi("opened the address", "hapi adresën"),
    "loaded": Bi("the page loaded", "faqja u ngarkua"),
    "load-capped": Bi("stopped waiting for the page to load", "ndaloi pritjen e ngarkimit"),
    "network-idle": Bi("the network went quiet", "rrjeti u qetësua"),
    "network-busy": Bi("the network was still busy", "rrjeti ishte ende i zënë"),
    "navigation-locked": Bi("the page held on this address", "faqja u mbajt në këtë adresë"),
    "navigation-blocked": Bi("leaving the page blocked", "largimi nga faqja u bllokua"),
    "address-changed": Bi("the page changed its address", "faqja ndryshoi adresën"),
    "dialog-dismissed": Bi("a dialog closed", "një dritare dialogu u mbyll"),
    "popup-closed": Bi("a new window closed", "një dritare e re u mbyll"),
    "download-refused": Bi("a download refused", "një shkarkim u refuzua"),
    "overlay-hidden": Bi("an overlay hidden", "një mbulesë u fsheh"),
    "scrolled": Bi("scrolled down", "rrëshqiti poshtë"),
    "scrolled-top": Bi("back to the top", "u kthye në krye"),
    "scroll-cut": Bi("scrolling stopped early", "rrëshqitja u ndal para fundit"),
    "scroll-locked": Bi("the page locked scrolling", "faqja bllokoi rrëshqitjen"),
    "scroll-stuck": Bi("scrolling got stuck", "rrëshqitja ngeci"),
    "screenshot-full": Bi("full-page screenshot", "pamja e plotë e faqes"),
    "screenshot-viewport": Bi("screenshot of the first window", "pamja e dritares së parë"),
    "screenshot-short": Bi("the screenshot came out short", "pamja doli më e shkurtër"),
    "media": Bi("pictures and videos saved", "fotot dhe videot u ruajtën"),
    "minor-safe-covered": Bi(
        "pictures covered with plain boxes", "fotot u mbuluan me kuti të thjeshta"
    ),
    "media-fetched": Bi("a file fetched whole", "një skedar u mor i plotë"),
    "link-cleaned": Bi(
        "tracking codes taken out of the link", "kodet gjurmuese u hoqën nga lidhja"
    ),
    "link-share-parameters-kept": Bi(
        "share-tracking codes kept in the link", "kodet e gjurmimit të shpërndarjes u mbajtën"
    ),
    "missing-glyphs": Bi("characters with no font", "shenja pa shkronja (font)"),
    "text-repaired": Bi("broken characters replaced", "shenjat e prishura u zëvendësuan"),
    "minor-safe-not-covered": Bi(
        "pictures that could not be covered", "fotot që nuk mund të mbuloheshin"
    ),
    "videos-started": Bi("video download started (yt-dlp)", "nisi shkarkimi i videos (yt-dlp)"),
    "videos": Bi("videos asked of yt-dlp", "videot u kërkuan përmes yt-dlp"),
    "videos-user-agent": Bi(
        "yt-dlp sent the browser name read at load",
        "yt-dlp dërgoi emrin e shfletuesit të lexuar në ngarkim",
    ),
    "state-changes-blocked": Bi(
        "changes to the site blocked (logged in)",
        "ndryshimet në sajt u bllokuan (me hyrje në llogari)",
    ),
    "request-blocked": Bi(
        "a request that could change the site blocked",
        "një kërkesë që mund të ndryshonte sajtin u bllokua",
    ),
    "graphql-read-allowed": Bi(
        "a data read let through (GraphQL)", "një lexim të dhënash u lejua (GraphQL)"
    ),
    "login-secrets-removed": Bi(
        "login cookies and keys taken out of the evidence",
        "cookie-t dhe çelësat e hyrjes u hoqën nga prova",
    ),
}

#: The extra facts some actions carry (``actions[].data``).
ACTION_DATA: dict[str, Bi] = {
    "artifact": Bi("File", "Skedari"),
    "count": Bi("How many", "Sa"),
    "when": Bi("When", "Kur"),
    "because": Bi("Why", "Pse"),
    "asked_for": Bi("Address asked for", "Adresa e kërkuar"),
    "sent": Bi("Sent", "U dërgua"),
    "at_end": Bi("At the end", "Në fund"),
}

"""The technical pages of a web capture, as tables a person reads: the screenshot, scrolling,
the capture settings, the network (with failed requests in plain words), and the media
(their tables in `media_tables.py`; how values are shown, `capture_values.py`).

Values come from the capture's metadata.json, read tolerantly: a key an older capture lacks is
shown as "not recorded", a key a newer one adds is listed at the end as it is. Reasons the
capture wrote in English are said again in both languages where their wording is known.

"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.capture_values import (
    MISSING,
    URL_SHOWN,
    WHOLE_IN,
    Row,
    bi_label,
    bi_value,
    duration_ms,
    head_row,
    known_rows,
    number,
    plain,
    reason_markup,
    shown,
    size_px,
    viewport_size,
    word,
)
from evidencekit.bundle.capture_words import (
    REQUEST_KINDS,
    net_reason,
)
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Styles,
    clean,
    key_value,
    table,
)
from evidencekit.bundle.media_tables import media_not_saved, media_saved
from evidencekit.bundle.video_tables import video_sections

log = logging.getLogger(__name__)


def _seconds(value: Any) -> str:
    return shown(value, " s") if value is not None else MISSING


def _bytes(value: Any) -> str:
    n = number(value)
    return f"{n} bytes · bajt" if n is not None else shown(value)


def _px(value: Any) -> str:
    n = number(value)
    return f"{n} px" if n is not None else shown(value)


def _user_agent(value: Any) -> str:
    if value is None:
        return bi_value(Bi("no: the browser's own", "jo: ai i vetë shfletuesit"))
    return shown(value)


def _min_px(value: Any) -> str:
    n = number(value)
    return f"{n} × {n} px" if n is not None else shown(value)


SETTINGS: tuple[tuple[str, Bi, Callable[[Any], str]], ...] = (
    ("viewport", Bi("Browser window", "Dritarja e shfletuesit"), viewport_size),
    (
        "device_scale_factor",
        Bi("Screenshot pixels per CSS px", "Piksele të pamjes për një px CSS"),
        shown,
    ),
    ("locale", Bi("Browser language", "Gjuha e shfletuesit"), shown),
    ("timeout_s", Bi("Time limit for the capture", "Koha më e gjatë për kapjen"), _seconds),
    (
        "load_cap_s",
        Bi("Longest wait for the page to load", "Pritja më e gjatë për ngarkimin"),
        _seconds,
    ),
    (
        "network_idle_cap_s",
        Bi("Longest wait for the network to go quiet", "Pritja më e gjatë që të qetësohet rrjeti"),
        _seconds,
    ),
    (
        "max_scroll_height_px",
        Bi("Scrolling stops at a page height of", "Rrëshqitja ndalon në lartësinë e faqes"),
        _px,
    ),
    (
        "max_scroll_time_s",
        Bi("Longest time spent scrolling", "Koha më e gjatë e rrëshqitjes"),
        _seconds,
    ),
    (
        "icon_max_px",
        Bi(
            "Pictures not saved as icons: 1 × 1 px, or both sides at most (as a file and as shown)",
            "Fotot që nuk ruhen si ikona: 1 × 1 px, ose të dyja brinjët deri në (si skedar dhe "
            "siç shfaqen)",
        ),
        _px,
    ),
    (
        "min_media_bytes",
        Bi("Pictures and videos smaller than this are not saved", "Media më të vogla nuk ruhen"),
        _bytes,
    ),
    (
        "min_media_px",
        Bi("Pictures smaller than this are not saved", "Fotot më të vogla nuk ruhen"),
        _min_px,
    ),
    (
        "keep_share_parameters",
        Bi(
            "Share-tracking codes kept in the pasted link",
            "Kodet që gjurmojnë shpërndarjen u mbajtën në lidhje",
        ),
        shown,
    ),
    ("max_media_bytes", Bi("Largest picture or video saved", "Media më e madhe që ruhet"), _bytes),
    (
        "hide_overlays",
        Bi("Cookie banners and pop-ups hidden", "Njoftimet për cookies dhe dritaret e fshehura"),
        shown,
    ),
    (
        "minor_safe",
        Bi(
            "Someone in the pictures may be under 18: pictures kept as hashes only",
            "Dikush në foto mund të jetë nën 18 vjeç: fotot u mbajtën vetëm si hash-e",
        ),
        shown,
    ),
    (
        "user_agent_override",
        Bi("Browser identity (user agent) changed", "Identiteti i shfletuesit i ndryshuar"),
        _user_agent,
    ),
    ("headless", Bi("Browser without a visible window", "Shfletues pa dritare të dukshme"), shown),
    ("javascript", Bi("JavaScript on", "JavaScript i aktivizuar"), shown),
    (
        "ignore_https_errors",
        Bi("Pages with certificate errors still loaded", "Faqet me gabime certifikate ngarkohen"),
        shown,
    ),
    (
        "service_workers",
        Bi("Service workers", "Service workers"),
        word({"blocked": Bi("blocked", "të bllokuar"), "allowed": Bi("allowed", "të lejuar")}),
    ),
    (
        "downloads",
        Bi("Downloads", "Shkarkimet"),
        word({"refused": Bi("refused", "të refuzuara"), "allowed": Bi("allowed", "të lejuara")}),
    ),
    (
        "fresh_browser_context",
        Bi("Fresh browser profile (no cookies, no login)", "Profil i ri (pa cookies, pa hyrje)"),
        shown,
    ),
)


#: Settings that only some versions of EvidenceKit record: shown when present, never as "not
#: recorded" (the byte and side limits for media were replaced by the icon rule).
_SETTINGS_OF_SOME_VERSIONS = frozenset(
    {"icon_max_px", "min_media_bytes", "min_media_px", "keep_share_parameters", "minor_safe"}
)


def settings_rows(settings: Any) -> list[Row]:
    """The capture settings as a short labelled list."""
    if not isinstance(settings, Mapping):
        return [(bi_label(texts.SETTINGS), shown(settings))]
    known = [s for s in SETTINGS if s[0] in settings or s[0] not in _SETTINGS_OF_SOME_VERSIONS]
    return known_rows(settings, known)


def _stitched(shot: Mapping[str, Any]) -> str:
    stitched, parts = shot.get("stitched"), number(shot.get("parts"))
    if stitched is None:
        return MISSING
    if not stitched:
        return bi_value(Bi("one piece", "një copë"))
    return bi_value(Bi(f"stitched from {parts or '?'} parts", f"bashkuar nga {parts or '?'} pjesë"))


def screenshot_rows(shot: Any) -> list[Row]:
    if not isinstance(shot, Mapping):
        return [(bi_label(texts.SCREENSHOT_FACTS), shown(shot))]
    covered, page = number(shot.get("covered_css_height")), number(shot.get("page_css_height"))
    rows: list[Row] = [
        (
            bi_label(Bi("Size of screenshot.png", "Madhësia e screenshot.png")),
            size_px(shot.get("width_px"), shot.get("height_px")),
        ),
        (
            bi_label(Bi("Size of the page", "Madhësia e faqes")),
            size_px(shot.get("page_css_width"), shot.get("page_css_height"), " CSS px"),
        ),
        (
            bi_label(Bi("Part of the page shown, from the top", "Pjesa e faqes që shfaqet")),
            f"{covered} / {page or '?'} CSS px" if covered else MISSING,
        ),
        (
            bi_label(Bi("Whole page captured", "U kap e gjithë faqja")),
            shown(shot.get("whole_page")),
        ),
        (bi_label(Bi("Made in", "E bërë në")), _stitched(shot)),
    ]
    known = {"width_px", "height_px", "page_css_width", "page_css_height", "covered_css_height"}
    known |= {"whole_page", "stitched", "parts"}
    rows += [(clean(k, 80), shown(v)) for k, v in shot.items() if k not in known]
    return rows


SCROLL: tuple[tuple[str, Bi, Callable[[Any], str]], ...] = (
    ("steps", Bi("Scroll steps", "Hapat e rrëshqitjes"), shown),
    ("reached_px", Bi("How far down the window got", "Deri ku arriti dritarja"), _px),
    ("page_height_px", Bi("Height of the page", "Lartësia e faqes"), _px),
    ("cut", Bi("Stopped before the end of the page", "U ndal para fundit të faqes"), shown),
    ("cut_reason", Bi("Why it stopped", "Pse u ndal"), shown),
    ("duration_ms", Bi("Time spent scrolling", "Koha e rrëshqitjes"), duration_ms),
)


def scroll_rows(scroll: Any) -> list[Row]:
    if not isinstance(scroll, Mapping):
        return [(bi_label(texts.SCROLLING), shown(scroll))]
    data = dict(scroll)
    if not data.get("cut") and data.get("cut_reason") is None:
        data["cut_reason"] = "—"
    return known_rows(data, SCROLL)


def network_rows(network: Any) -> list[Row]:
    """The network in numbers (the failed requests have their own table)."""
    if not isinstance(network, Mapping):
        return [(bi_label(texts.NETWORK), shown(network))]

    def count(key: str) -> str:
        value = network.get(key)
        return f"{len(value):,}" if isinstance(value, list) else MISSING

    own = network.get("fetched_by_evidencekit")
    own_rows: Any = (
        [clean(u, URL_SHOWN, WHOLE_IN) for u in own] if isinstance(own, list) and own else None
    )
    rows: list[Row] = [
        (
            bi_label(Bi("Requests the page made", "Kërkesat që bëri faqja")),
            shown(network.get("requests")),
        ),
        (bi_label(Bi("Answers received", "Përgjigjet e marra")), shown(network.get("responses"))),
        (bi_label(Bi("Bytes received", "Bajt të marrë")), shown(network.get("bytes_received"))),
        (bi_label(Bi("Requests that failed", "Kërkesat që dështuan")), count("failed")),
        (bi_label(Bi("Requests with no answer", "Kërkesat pa përgjigje")), count("unanswered")),
        (
            bi_label(Bi("Fetched by EvidenceKit itself", "Marrë nga vetë EvidenceKit")),
            own_rows
            if own_rows
            else (bi_value(texts.NONE_LISTED) if isinstance(own, list) else MISSING),
        ),
    ]
    known = {"requests", "responses", "bytes_received", "failed", "unanswered"}
    known |= {"fetched_by_evidencekit"}
    rows += [(clean(k, 80), shown(v)) for k, v in network.items() if k not in known]
    return rows


def failed_requests(network: Any, styles: Styles) -> list[Flowable]:
    """Requests that failed, with the browser's reason in plain words, and those unanswered."""
    if not isinstance(network, Mapping):
        return [Paragraph(bi_value(texts.NOT_RECORDED), styles.muted)]
    head = (texts.COL_NO, texts.COL_ADDRESS, texts.COL_ASKED, texts.COL_REASON)
    rows: list[list[Any]] = [head_row(head, styles)]
    failed = network.get("failed")
    for entry in failed if isinstance(failed, list) else []:
        if not isinstance(entry, Mapping):
            entry = {"url": plain(entry)}
        kind = entry.get("resource_type")
        asked = bi_value(REQUEST_KINDS.get(str(kind), Bi.same(str(kind)))) if kind else MISSING
        error = entry.get("error")
        reason = net_reason(error)
        code = plain(error) if error and reason.en != plain(error) else ""
        rows.append(
            [
                Paragraph(str(len(rows)), styles.small),
                Paragraph(clean(entry.get("url"), URL_SHOWN, WHOLE_IN), styles.small),
                Paragraph(asked, styles.small),
                Paragraph(reason_markup(reason, code), styles.small),
            ]
        )
    unanswered = network.get("unanswered")
    no_answer = Bi("no answer before the capture ended", "pa përgjigje deri në fund të kapjes")
    for url in unanswered if isinstance(unanswered, list) else []:
        rows.append(
            [
                Paragraph(str(len(rows)), styles.small),
                Paragraph(clean(plain(url), URL_SHOWN, WHOLE_IN), styles.small),
                Paragraph("—", styles.small),
                Paragraph(reason_markup(no_answer), styles.small),
            ]
        )
    if len(rows) == 1:
        return [Paragraph(bi_value(texts.NONE_LISTED), styles.muted)]
    widths = [8 * mm, 86 * mm, 26 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [
        Paragraph(texts.FAILED_NOTE.en, styles.small),
        Paragraph(texts.FAILED_NOTE.sq, styles.muted),
        table(rows, widths, zebra=True),
    ]


def technical_pages(meta: Mapping[str, Any], styles: Styles) -> list[Flowable]:
    """The screenshot, scrolling, settings, network and media sections of one capture."""
    network = meta.get("network")
    sections: list[tuple[Bi, list[Flowable]]] = [
        (texts.SCREENSHOT_FACTS, [_list(screenshot_rows(meta.get("screenshot")), styles)]),
        (texts.SCROLLING, [_list(scroll_rows(meta.get("scroll")), styles)]),
        (texts.SETTINGS, [_list(settings_rows(meta.get("settings")), styles)]),
        (texts.NETWORK, [_list(network_rows(network), styles)]),
        (texts.FAILED_REQUESTS, failed_requests(network, styles)),
        (texts.MEDIA_SAVED, media_saved(meta.get("media"), styles)),
        (texts.MEDIA_NOT_SAVED, media_not_saved(meta.get("media_not_saved"), styles)),
    ]
    # A heading never sits alone at the foot of a page: it goes with its table (a table
    # longer than a page then starts on a fresh one, and continues from there).
    out = [KeepTogether([Paragraph(h.heading(), styles.h2), *body]) for h, body in sections]
    return out + video_sections(meta, styles)  # nothing for a capture made before yt-dlp


def _list(rows: list[Row], styles: Styles) -> Flowable:
    return key_value(rows, styles, key_width=62 * mm)

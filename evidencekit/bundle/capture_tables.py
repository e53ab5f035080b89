"""The technical pages of a web capture, as tables a person reads: the screenshot, scrolling,
the capture settings, the network (with failed requests in plain words) and one row per
picture or video, saved or not.

Values come from the capture's metadata.json, read tolerantly: a key an older capture lacks is
shown as "not recorded", a key a newer one adds is listed at the end as it is. Reasons the
capture wrote in English are said again in both languages where their wording is known.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.capture_words import (
    KINDS,
    OBTAINED,
    REQUEST_KINDS,
    matched,
    net_reason,
    skip_reason,
)
from evidencekit.bundle.layout import FRAME_WIDTH, Styles, clean, key_value, mono, table, whole

log = logging.getLogger(__name__)

SOFT = "#52606d"
SHA_SHOWN = 16
PLACES_SHOWN = 4
URL_SHOWN = 300
WHOLE_IN = "the attached metadata.json"


def bi_label(bi: Bi) -> str:
    """A label on two lines: English, then Albanian in softer ink."""
    return f"{clean(bi.en)}<br/><font color='{SOFT}'>{clean(bi.sq)}</font>"


def bi_value(bi: Bi) -> str:
    return clean(bi.en) if bi.en == bi.sq else f"{clean(bi.en)} · {clean(bi.sq)}"


MISSING = f"<font color='{SOFT}'>{bi_value(texts.NOT_RECORDED)}</font>"
YES, NO = Bi("yes", "po"), Bi("no", "jo")


def number(value: Any) -> str | None:
    """An integer grouped in thousands, or None when the value is not one."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return f"{int(value):,}"
    except ValueError:
        return None


def plain(value: Any) -> str:
    """Any JSON value as short readable text (nested values as compact JSON)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def shown(value: Any, unit: str = "") -> str:
    """A scalar as markup: missing values say so, yes/no in both languages, numbers grouped."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return bi_value(YES if value else NO)
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return whole(plain(value)) + (unit if isinstance(value, int | float) else "")


def size_px(width: Any, height: Any, unit: str = " px") -> str:
    w, h = number(width), number(height)
    if w is None and h is None:
        return MISSING
    return f"{w or '?'} × {h or '?'}{unit}"


Row = tuple[str, Any]
Field = tuple[str, Bi, Callable[[Any], str]]
NONE = Bi("none", "asnjë")


def as_is(value: Any) -> str:
    """A scalar exactly as recorded (a port, a version, a name): no grouping of digits."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return bi_value(YES if value else NO)
    return whole(plain(value))


def anything(value: Any) -> str:
    """Any JSON value in words and whole: the value of a key this version does not know."""
    if value is None or value == "":
        return MISSING
    if value == [] or value == {}:
        return bi_value(NONE)
    if isinstance(value, Mapping):
        return "; ".join(f"{clean(k, 80)}: {anything(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(anything(v) for v in value)
    return as_is(value)


def inline_label(bi: Bi) -> str:
    """A label at the start of a line: "Found by · U gjet nga:", in softer ink."""
    return f"<font color='{SOFT}'>{bi_value(bi)}:</font>"


def labelled(data: Any, fields: Sequence[Field], *, only_present: bool = False) -> list[str]:
    """A nested value as labelled lines in both languages: one per known key (a missing one
    says "not recorded", unless `only_present`), then each key not known here as it is."""
    if not isinstance(data, Mapping):
        return [anything(data)]
    out = [
        f"{inline_label(label)} {show(data[key]) if key in data else MISSING}"
        for key, label, show in fields
        if key in data or not only_present
    ]
    names = {key for key, _, _ in fields}
    out += [
        f"<font color='{SOFT}'>{clean(key, 80)}:</font> {anything(value)}"
        for key, value in data.items()
        if key not in names
    ]
    return out


def _known_rows(
    data: Mapping[str, Any],
    known: Sequence[tuple[str, Bi, Callable[[Any], str]]],
) -> list[Row]:
    """One row per known key (missing: "not recorded"), then any key not known here."""
    rows: list[Row] = [
        (bi_label(label), show(data[key]) if key in data else MISSING) for key, label, show in known
    ]
    names = {key for key, _, _ in known}
    rows += [(clean(key, 80), shown(value)) for key, value in data.items() if key not in names]
    return rows


def _seconds(value: Any) -> str:
    return shown(value, " s") if value is not None else MISSING


def _bytes(value: Any) -> str:
    n = number(value)
    return f"{n} bytes · bajt" if n is not None else shown(value)


def _px(value: Any) -> str:
    n = number(value)
    return f"{n} px" if n is not None else shown(value)


def word(words: Mapping[str, Bi]) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        if isinstance(value, str) and value in words:
            return bi_value(words[value])
        return shown(value)

    return show


def viewport_size(value: Any) -> str:
    if isinstance(value, Mapping):
        return size_px(value.get("width"), value.get("height"), " CSS px")
    return shown(value)


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
    {"icon_max_px", "min_media_bytes", "min_media_px", "keep_share_parameters"}
)


def settings_rows(settings: Any) -> list[Row]:
    """The capture settings as a short labelled list."""
    if not isinstance(settings, Mapping):
        return [(bi_label(texts.SETTINGS), shown(settings))]
    known = [s for s in SETTINGS if s[0] in settings or s[0] not in _SETTINGS_OF_SOME_VERSIONS]
    return _known_rows(settings, known)


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


def duration_ms(value: Any) -> str:
    n = number(value)
    return f"{int(value) / 1000:.1f} s" if n is not None else shown(value)


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
    return _known_rows(data, SCROLL)


def _kind(entry: Mapping[str, Any]) -> str:
    kinds = entry.get("shown_as")
    if not isinstance(kinds, list):
        return ""  # the media type below still says what it is
    if not kinds:
        return bi_value(Bi("only in the page's traffic", "vetëm në trafikun e faqes"))
    return ", ".join(bi_value(KINDS.get(str(k), Bi.same(str(k)))) for k in kinds)


def _places(entry: Mapping[str, Any]) -> str:
    places = entry.get("positions_css_px")
    lines: list[str] = []
    if isinstance(places, list):
        for place in places[:PLACES_SHOWN]:
            if isinstance(place, list) and len(place) == 4:
                x, y, w, h = (number(v) or "?" for v in place)
                lines.append(f"{x}, {y} · {w} × {h}")
            else:
                lines.append(clean(plain(place), 120))
        if len(places) > PLACES_SHOWN:
            more = len(places) - PLACES_SHOWN
            lines.append(
                f"<font color='{SOFT}'>+ {more:,} more places · edhe {more:,} vende "
                "(metadata.json)</font>"
            )
        if not places:
            lines.append(bi_value(Bi("not shown on the page", "nuk u shfaq në faqe")))
    else:
        lines.append(MISSING)
    rendered = entry.get("shown_css_px")
    if (
        isinstance(rendered, list)
        and len(rendered) == 2
        and all(number(v) is not None for v in rendered)
    ):
        lines.append(f"shown at · shfaqur {size_px(rendered[0], rendered[1])}")
    elif rendered is not None:  # a shape this version does not know: shown as it is
        lines.append(f"shown at · shfaqur {clean(plain(rendered), 120)}")
    return "<br/>".join(lines)


def _from(url: Any) -> str:
    if not url:
        return MISSING
    return f"<font color='{SOFT}'>{clean(url, URL_SHOWN, WHOLE_IN)}</font>"


USUAL_WAY = "loaded by the page"


def _what(entry: Mapping[str, Any]) -> str:
    """What the file is; how it was obtained only when not the usual way (see the note)."""
    status = entry.get("http_status")
    kind = clean(entry.get("media_type") or "", 80) or MISSING
    parts = [_kind(entry), kind + (f" · HTTP {clean(status)}" if status is not None else "")]
    parts = [p for p in parts if p]
    obtained = entry.get("obtained")
    if not obtained:
        parts.append(
            f"<font color='{SOFT}'>how obtained: not recorded · si u mor: nuk u regjistrua</font>"
        )
    elif obtained != USUAL_WAY:
        parts.append(f"<font color='{SOFT}'>{bi_value(matched(str(obtained), OBTAINED))}</font>")
    return "<br/>".join(parts)


def _head(labels: Sequence[Bi], styles: Styles) -> list[Any]:
    return [Paragraph(bi_label(b), styles.cell_bold) for b in labels]


def media_saved(media: Any, styles: Styles) -> list[Flowable]:
    """One row per saved picture or video."""
    entries = [m for m in media or [] if isinstance(m, Mapping)] if isinstance(media, list) else []
    if not entries:
        text = texts.NONE_LISTED if isinstance(media, list) else texts.NOT_RECORDED
        return [Paragraph(bi_value(text), styles.muted)]
    head = [texts.COL_NO, texts.COL_FILE, texts.COL_WHAT, texts.COL_PIXELS, texts.COL_BYTES]
    head += [texts.COL_WHERE, texts.COL_SHA]
    rows: list[list[Any]] = [_head(head, styles)]
    for number_, entry in enumerate(entries, start=1):
        sha = str(entry.get("sha256") or "")
        sha_text = mono(sha[:SHA_SHOWN]) + "…" if sha else MISSING
        size = number(entry.get("size"))
        rows.append(
            [
                Paragraph(str(number_), styles.small),
                Paragraph(
                    (clean(entry.get("name"), 200) if entry.get("name") else MISSING)
                    + "<br/>"
                    + _from(entry.get("url")),
                    styles.small,
                ),
                Paragraph(_what(entry), styles.small),
                Paragraph(size_px(entry.get("width"), entry.get("height"), ""), styles.small),
                Paragraph(size if size is not None else MISSING, styles.small),
                Paragraph(_places(entry), styles.small),
                Paragraph(sha_text, styles.mono),
            ]
        )
    widths = [8 * mm, 48 * mm, 32 * mm, 17 * mm, 15 * mm, 33 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [
        Paragraph(texts.MEDIA_SAVED_NOTE.en, styles.small),
        Paragraph(texts.MEDIA_SAVED_NOTE.sq, styles.muted),
        table(rows, widths, zebra=True),
    ]


def _known_size(entry: Mapping[str, Any]) -> str:
    parts = []
    size = number(entry.get("size"))
    if size is not None:
        parts.append(f"{size} bytes · bajt")
    if entry.get("width") or entry.get("height"):
        parts.append(size_px(entry.get("width"), entry.get("height")))
    return "<br/>".join(parts) or MISSING


def media_not_saved(skipped: Any, styles: Styles) -> list[Flowable]:
    """One row per picture or video found but not saved, with the reason in plain words."""
    entries = [m for m in skipped if isinstance(m, Mapping)] if isinstance(skipped, list) else []
    if not entries:
        text = texts.NONE_LISTED if isinstance(skipped, list) else texts.NOT_RECORDED
        return [Paragraph(bi_value(text), styles.muted)]
    head = (texts.COL_NO, texts.COL_ADDRESS, texts.COL_WHY_NOT, texts.COL_KNOWN)
    rows: list[list[Any]] = [_head(head, styles)]
    for number_, entry in enumerate(entries, start=1):
        url = entry.get("url")
        rows.append(
            [
                Paragraph(str(number_), styles.small),
                Paragraph(clean(url, URL_SHOWN, WHOLE_IN) if url else MISSING, styles.small),
                Paragraph(_reason_markup(skip_reason(entry.get("reason"))), styles.small),
                Paragraph(_known_size(entry), styles.small),
            ]
        )
    widths = [8 * mm, 74 * mm, 68 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [
        Paragraph(texts.MEDIA_NOT_SAVED_NOTE.en, styles.small),
        Paragraph(texts.MEDIA_NOT_SAVED_NOTE.sq, styles.muted),
        table(rows, widths, zebra=True),
    ]


def _reason_markup(reason: Bi, code: str = "") -> str:
    text = f"{clean(reason.en)}<br/><font color='{SOFT}'>{clean(reason.sq)}</font>"
    if code:
        text += f"<br/><font color='{SOFT}' size='6'>{clean(code, 200)}</font>"
    return text


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
    rows: list[list[Any]] = [_head(head, styles)]
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
                Paragraph(_reason_markup(reason, code), styles.small),
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
                Paragraph(_reason_markup(no_answer), styles.small),
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
    return [KeepTogether([Paragraph(h.heading(), styles.h2), *body]) for h, body in sections]


def _list(rows: list[Row], styles: Styles) -> Flowable:
    return key_value(rows, styles, key_width=62 * mm)

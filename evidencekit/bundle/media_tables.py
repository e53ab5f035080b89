"""A web capture's media as tables: one row per picture or video saved (name, address, what it
is, pixels, bytes, where the page showed it, SHA-256), and one per picture or video found but
not saved, with the reason in plain words in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.capture_values import (
    MISSING,
    SOFT,
    URL_SHOWN,
    WHOLE_IN,
    bi_value,
    head_row,
    number,
    plain,
    reason_markup,
    size_px,
)
from evidencekit.bundle.capture_words import (
    KINDS,
    OBTAINED,
    matched,
    skip_reason,
)
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Styles,
    clean,
    mono,
    table,
)

SHA_SHOWN = 16


PLACES_SHOWN = 4


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


def media_saved(media: Any, styles: Styles) -> list[Flowable]:
    """One row per saved picture or video."""
    entries = [m for m in media or [] if isinstance(m, Mapping)] if isinstance(media, list) else []
    if not entries:
        text = texts.NONE_LISTED if isinstance(media, list) else texts.NOT_RECORDED
        return [Paragraph(bi_value(text), styles.muted)]
    head = [texts.COL_NO, texts.COL_FILE, texts.COL_WHAT, texts.COL_PIXELS, texts.COL_BYTES]
    head += [texts.COL_WHERE, texts.COL_SHA]
    rows: list[list[Any]] = [head_row(head, styles)]
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
    rows: list[list[Any]] = [head_row(head, styles)]
    for number_, entry in enumerate(entries, start=1):
        url = entry.get("url")
        rows.append(
            [
                Paragraph(str(number_), styles.small),
                Paragraph(clean(url, URL_SHOWN, WHOLE_IN) if url else MISSING, styles.small),
                Paragraph(reason_markup(skip_reason(entry.get("reason"))), styles.small),
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

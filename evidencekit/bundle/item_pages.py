"""One item's pages: summary, the picture (sliced, or blurred), the capture details from the
EVIDENCE.md checklist, what the capture did to the page, warnings, files with SHA-256,
timestamps and notes.

Metadata keys are read tolerantly: a capture made by an older or newer version may lack some,
and a missing value is shown as missing, never invented.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bundle import texts
from evidencekit.bundle.capture_tables import technical_pages
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Bookmark,
    PictureSlices,
    SlotRegistry,
    Styles,
    clean,
    key_value,
    mono,
    spacer,
    table,
    whole,
)
from evidencekit.bundle.plan import BundlePlan, PlannedItem
from evidencekit.bundle.preview import blurred_layout, shows_blurred

log = logging.getLogger(__name__)

MISSING = "<font color='#7b8794'>not recorded</font>"
SHOWN_ONCE = 600  # a value repeated in the summary is cut there; Capture details has it whole
WHOLE_BELOW = "Capture details below and the attached metadata.json"


def fmt(value: Any, depth: int = 0) -> str:
    """A JSON value as compact, escaped text for a table cell."""
    if value is None or value == "":
        return MISSING if depth == 0 else "—"
    if value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        parts = [f"{clean(k, 80)}: {fmt(v, depth + 1)}" for k, v in value.items()]
        return "; ".join(parts) if depth else "<br/>".join(parts)
    if isinstance(value, list):
        shown = [fmt(v, depth + 1) for v in value[:40]]
        more = f" … and {len(value) - 40} more" if len(value) > 40 else ""
        return ("<br/>" if depth == 0 else ", ").join(shown) + more
    return clean(value)


def lines(value: Any) -> list[str] | str:
    """A JSON value for `key_value`: a mapping or list gives one line of the table per entry,
    every value whole (tables continue long lines on the next page)."""
    if isinstance(value, Mapping) and value:
        return [f"{clean(k, 80)}: {_whole(v)}" for k, v in value.items()]
    if isinstance(value, list) and value:
        return [_whole(v) for v in value]
    if isinstance(value, str) and value:
        return whole(value)
    return fmt(value)


def _whole(value: Any) -> str:
    if isinstance(value, str):
        return whole(value) if value else "—"
    if isinstance(value, Mapping | list) and value:
        if isinstance(value, Mapping):
            return "; ".join(f"{clean(k, 80)}: {_whole(v)}" for k, v in value.items())
        return ", ".join(_whole(v) for v in value)
    return fmt(value, 1)


def local_time(utc_iso: str | None, offset: str | None) -> str:
    """The same moment at the capture computer's UTC offset, when both are known."""
    if not utc_iso or not offset:
        return ""
    try:
        moment = dt.datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = (int(p) for p in offset.lstrip("+-").split(":"))
        zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    except ValueError:
        return ""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") + f" (UTC{offset})"


def tsa_summary(item: PlannedItem) -> str:
    granted = [t for t in item.timestamps if t.status == "granted"]
    if granted:
        return "<br/>".join(f"{clean(t.gen_time)} — {clean(t.tsa_url)}" for t in granted)
    pending = [t for t in item.timestamps if t.status == "pending"]
    if pending:
        return "<font color='#8d2b0b'>pending: no trusted timestamp yet</font>"
    return "<font color='#8d2b0b'>none</font>"


def status_text(item: PlannedItem) -> str:
    record = item.record
    if record.kind != "web":
        return "imported file"
    status = record.status
    if status is None:
        return "no answer recorded"
    if status in (404, 410):
        return f"{status} (removed / not found)"
    if status >= 400:
        return f"{status} (error page)"
    return str(status)


def _summary(item: PlannedItem, plan: BundlePlan, styles: Styles) -> Flowable:
    record = item.record
    meta = record.metadata
    zone = (meta.get("time") or {}).get("local_zone") or {}
    rows: list[tuple[str, Any]] = []
    if record.kind == "web":
        rows.append(("Address requested", clean(record.url, SHOWN_ONCE, WHOLE_BELOW)))
        if record.final_url and record.final_url != record.url:
            rows.append(("Address reached", clean(record.final_url, SHOWN_ONCE, WHOLE_BELOW)))
    else:
        rows.append(("File name", clean(record.file_name)))
    local = local_time(record.captured_at, zone.get("utc_offset"))
    rows += [
        (
            "Captured at (UTC)" if record.kind == "web" else "Imported at (UTC)",
            clean(record.captured_at) + (f"<br/>local: {clean(local)}" if local else ""),
        ),
        ("Trusted time (TSA)", tsa_summary(item)),
        ("Status", clean(status_text(item))),
        ("Item id", mono(record.id)),
        ("Seal (manifest SHA-256)", mono(record.manifest_sha256)),
        ("Sealed by certificate", mono((record.seal or {}).get("signed_by") or "not sealed")),
        ("Operator", clean(record.operator)),
    ]
    if record.sensitive or record.hidden:
        rows.append(("Marked sensitive", "yes: pictures are blurred in this report"))
    if record.tags:
        rows.append(("Tags", clean(", ".join(record.tags))))
    return key_value(rows, styles)


def _picture(
    item: PlannedItem, plan: BundlePlan, styles: Styles, registry: SlotRegistry
) -> list[Flowable]:
    out: list[Flowable] = []
    preview = item.preview
    if preview is None:
        if item.preview_problem:
            out.append(Paragraph(clean(item.preview_problem), styles.muted))
        return out
    out.append(Paragraph(texts.SCREENSHOT.heading(), styles.h2))
    artifact = preview.artifact
    width, height = preview.image.width, preview.image.height
    planned = item.file(artifact.name)
    withheld = planned is None or planned.withheld
    if shows_blurred(preview, withheld):
        layout = blurred_layout(width, height)
        original = texts.ORIGINAL_WITHHELD if withheld else texts.ORIGINAL_ATTACHED
        for language in ("en", "sq"):
            template = getattr(texts.BLURRED_NOTE, language)
            out.append(
                Paragraph(
                    template.format(
                        name=clean(artifact.name),
                        sha=mono(artifact.sha256),
                        factor=layout.factor,
                        radius=layout.radius,
                        original=original.en,
                        original_sq=original.sq,
                    ),
                    styles.notice,
                )
            )

        def label(start: int, end: int) -> str:
            return (
                f"BLURRED COPY / KOPJE E TURBULLUAR of {artifact.name} · rows {start:,}–"
                f"{end - 1:,} of {height:,}"
            )

        slices = PictureSlices(
            registry, item.number, width, height, label, shared_cover=layout.cover_rows
        )
    else:
        kept = "JPEG data as captured" if preview.image.jpeg_passthrough else "original pixels"
        out.append(Paragraph(texts.LOSSLESS_NOTE.en, styles.small))
        out.append(Paragraph(texts.LOSSLESS_NOTE.sq, styles.small))

        def label(start: int, end: int) -> str:
            return (
                f"{artifact.name} · rows {start:,}–{end - 1:,} of {height:,} · {width:,} px "
                f"wide · {kept} · rreshtat {start:,}–{end - 1:,} nga {height:,}"
            ).replace(",", " ")

        slices = PictureSlices(
            registry,
            item.number,
            width,
            height,
            label,
            shared_cover=height if preview.image.jpeg_passthrough else None,
        )
    out += [spacer(1.5), slices]
    return out


def _same_or_whole(value: Any, requested: Any) -> Any:
    if value and value == requested:
        return "same as the requested URL · e njëjtë me adresën e kërkuar"
    return fmt(value) if not value else whole(value)


def _web_details(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The capture's facts, one labelled line each; lists get one line per entry. The
    screenshot, scrolling, settings, network and media have tables of their own."""
    http = meta.get("http") or {}
    time = meta.get("time") or {}
    tool = meta.get("tool") or {}
    browser = meta.get("browser") or {}
    settings = meta.get("settings") or {}
    tls = meta.get("tls")
    operator = meta.get("operator") or {}
    requested = meta.get("requested_url")

    def address(value: Any) -> str:
        # The same long address three times over would fill pages with one value.
        return "(the requested URL · adresa e kërkuar)" if value == requested else whole(value)

    redirects = [
        f"{clean(r.get('status'))} {address(r.get('from'))} → {address(r.get('to'))}"
        for r in meta.get("redirects") or []
        if isinstance(r, Mapping)
    ]
    headers = [
        f"{clean(h[0], 200)}: {whole(h[1])}"
        for h in http.get("headers") or []
        if isinstance(h, list | tuple) and len(h) == 2
    ]
    server = f"{http.get('server_ip')}:{http.get('server_port')}" if http.get("server_ip") else None
    tls_text: Any = (
        "none: the page was fetched over plain http"
        if tls is None and "tls" in meta
        else {
            key: (tls or {}).get(key)
            for key in (
                "protocol",
                "cipher",
                "subject",
                "issuer",
                "valid_from",
                "valid_to",
                "fingerprint_sha256",
                "trusted",
                "certificate_error",
            )
        }
    )
    if isinstance(tls, Mapping):
        tls_text["chain"] = f"{len(tls.get('chain') or [])} certificate(s), DER in metadata.json"
    return [
        ("Requested URL", fmt(requested) if not requested else whole(requested)),
        ("Final URL", _same_or_whole(meta.get("final_url"), requested)),
        ("Address at the end", _same_or_whole(meta.get("address_at_end"), requested)),
        ("Redirects", redirects or "none"),
        ("HTTP status", fmt(f"{http.get('status')} {http.get('status_text') or ''}".strip())),
        ("Server IP and port", fmt(server)),
        ("Response headers", headers or MISSING),
        ("TLS", tls_text if isinstance(tls_text, str) else lines(tls_text)),
        ("Page title", lines(meta.get("title"))),
        ("Page language", fmt(meta.get("lang"))),
        ("Post, as recognised", lines(meta.get("post"))),
        ("Capture started (UTC)", fmt(time.get("started_at_utc"))),
        ("Capture ended (UTC)", fmt(time.get("ended_at_utc"))),
        ("Local time zone", fmt(time.get("local_zone"))),
        ("Clock source", fmt(time.get("clock_source"))),
        ("Browser", lines(browser)),
        ("Tool", lines(tool)),
        ("User agent", lines(meta.get("user_agent"))),
        (
            "Viewport, scale, language",
            fmt(
                {
                    "viewport": settings.get("viewport"),
                    "device scale factor": settings.get("device_scale_factor"),
                    "language": meta.get("language"),
                }
            ),
        ),
        ("Logged in", fmt({"logged in": meta.get("logged_in"), "session": meta.get("session")})),
        ("Operator", fmt(operator)),
        ("Consent", lines(meta.get("consent"))),
    ]


def _file_details(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    return [
        ("Original name", fmt(meta.get("original_name"))),
        ("Size (bytes)", fmt(meta.get("size"))),
        ("Media type", fmt(f"{meta.get('media_type')} ({meta.get('media_type_source')})")),
        ("File times (UTC)", fmt(meta.get("file_times"))),
        ("Tool", fmt(meta.get("tool"))),
    ]


def _actions(meta: Mapping[str, Any], styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [Paragraph(h, styles.cell_bold) for h in ("Time (UTC)", "Kind", "What happened")]
    ]
    for action in meta.get("actions") or []:
        if isinstance(action, Mapping):
            rows.append(
                [
                    Paragraph(clean(action.get("time")), styles.cell),
                    Paragraph(clean(action.get("kind")), styles.cell),
                    Paragraph(clean(action.get("detail")), styles.cell),
                ]
            )
    for key, label in (
        ("overlays_hidden", "overlay hidden in screenshot"),
        ("dialogs", "dialog"),
        ("popups", "pop-up blocked"),
        ("downloads", "download refused"),
        ("blocked_navigations", "navigation blocked"),
    ):
        for entry in meta.get(key) or []:
            rows.append(["", Paragraph(label, styles.cell), Paragraph(fmt(entry, 1), styles.cell)])
    if len(rows) == 1:
        return [Paragraph("Nothing was recorded.", styles.muted)]
    return [table(rows, [40 * mm, 30 * mm, FRAME_WIDTH - 70 * mm], zebra=True)]


def _files(item: PlannedItem, styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("File", "Type", "Bytes", "SHA-256", "In this PDF as")
        ]
    ]
    for planned in item.files:
        info = planned.info
        rows.append(
            [
                Paragraph(clean(info.name), styles.cell),
                Paragraph(clean(info.media_type), styles.small),
                Paragraph(f"{info.size:,}", styles.small),
                Paragraph(mono(info.sha256[:32]) + "<br/>" + mono(info.sha256[32:]), styles.mono),
                Paragraph(
                    clean(planned.attachment) if planned.attachment else "<b>withheld</b>",
                    styles.small,
                ),
            ]
        )
    widths = [36 * mm, 26 * mm, 16 * mm, 48 * mm, FRAME_WIDTH - 126 * mm]
    out: list[Flowable] = [table(rows, widths, zebra=True)]
    if any(f.withheld for f in item.files):
        out.append(Paragraph(texts.WITHHELD_FILES.en + " " + texts.WITHHELD_FILES.sq, styles.muted))
    return out


def _timestamps(item: PlannedItem, styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("Token file", "Timestamp authority", "Time (UTC)")
        ]
    ]
    for planned, row in item.token_files():
        rows.append(
            [
                Paragraph(clean(planned.info.name), styles.cell),
                Paragraph(clean(row.tsa_url if row else "not in the vault's records"), styles.cell),
                Paragraph(clean(row.gen_time if row else ""), styles.cell),
            ]
        )
    for row in item.timestamps:
        if row.status != "granted":
            rows.append(
                [
                    Paragraph(clean(row.status), styles.cell),
                    Paragraph(clean(row.tsa_url or "—"), styles.cell),
                    Paragraph(clean(row.reason), styles.small),
                ]
            )
    if len(rows) == 1:
        return [Paragraph("No trusted timestamp was requested for this item.", styles.muted)]
    return [table(rows, [34 * mm, 70 * mm, FRAME_WIDTH - 104 * mm])]


def item_story(
    item: PlannedItem, plan: BundlePlan, styles: Styles, registry: SlotRegistry
) -> list[Flowable]:
    record = item.record
    meta = record.metadata
    heading = f"{texts.ITEM.en} {item.number} · {texts.ITEM.sq} {item.number}"
    story: list[Flowable] = [
        Bookmark(f"item-{item.number}", f"{item.number}. {item.label[:80]}", 0),
        Paragraph(heading, styles.h1),
    ]
    if record.title:
        story.append(Paragraph(clean(record.title, 300, WHOLE_BELOW), styles.body))
    story += [spacer(2), _summary(item, plan, styles)]
    story += _picture(item, plan, styles, registry)
    details = _web_details(meta) if record.kind == "web" else _file_details(meta)
    heading_text = texts.CAPTURE_DETAILS if record.kind == "web" else texts.FILE_DETAILS
    story += [Paragraph(heading_text.heading(), styles.h2), key_value(details, styles)]
    if record.kind == "web":
        story += technical_pages(meta, styles)
        story += [Paragraph(texts.ACTIONS.heading(), styles.h2), *_actions(meta, styles)]
    warnings = [w for w in meta.get("warnings") or [] if isinstance(w, str)]
    warning_flow: list[Flowable] = [Paragraph(texts.WARNINGS.heading(), styles.h2)]
    if warnings:
        warning_flow += [Paragraph("• " + clean(w), styles.warn) for w in warnings]
    else:
        warning_flow.append(Paragraph("None recorded · Asnjë e regjistruar", styles.muted))
    story.append(KeepTogether(warning_flow))
    story += [Paragraph(texts.FILES.heading(), styles.h2), *_files(item, styles)]
    story += [Paragraph(texts.TIMESTAMPS.heading(), styles.h2), *_timestamps(item, styles)]
    if record.notes:
        story.append(Paragraph(texts.NOTES.heading(), styles.h2))
        for note in record.notes:
            story.append(
                Paragraph(
                    f"{clean(note.created_at)} — {clean(note.author)}: {whole(note.body)}",
                    styles.body,
                )
            )
    return story

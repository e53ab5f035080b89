"""One item's pages: summary, the picture (sliced, or blurred), the capture details from the
EVIDENCE.md checklist, what the capture did to the page, warnings, files with SHA-256,
timestamps and notes. The capture details are laid out in `capture_details.py`, what the
capture did in `capture_actions.py`, the technical tables in `capture_tables.py`.

Metadata keys are read tolerantly: a capture made by an older or newer version may lack some,
and a missing value is shown as missing, never invented.

"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bundle import texts
from evidencekit.bundle.capture_actions import actions_table
from evidencekit.bundle.capture_details import file_details, web_details
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
from evidencekit.bundle.minor_safe_section import minor_safe_story
from evidencekit.bundle.plan import BundlePlan, PlannedItem
from evidencekit.bundle.preview import blurred_layout, shows_blurred
from evidencekit.clock import parse_iso_z

log = logging.getLogger(__name__)


SHOWN_ONCE = 600  # a value repeated in the summary is cut there; Capture details has it whole


WHOLE_BELOW = "Capture details below and the attached metadata.json"


def local_time(utc_iso: str | None, offset: str | None) -> str:
    """The same moment at the capture computer's UTC offset, when both are known."""
    if not utc_iso or not offset:
        return ""
    try:
        moment = parse_iso_z(utc_iso)
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
    if record.kind == "web":
        # A first capture says what its recaptures in this bundle showed (still online, removed).
        later = [p.record for p in plan.items if p.record.metadata.get("recapture_of") == record.id]
        details = web_details(meta, later)
    else:
        details = file_details(meta)
    heading_text = texts.CAPTURE_DETAILS if record.kind == "web" else texts.FILE_DETAILS
    story += [Paragraph(heading_text.heading(), styles.h2), key_value(details, styles)]
    if record.kind == "web":
        story += technical_pages(meta, styles)
        story += [Paragraph(texts.ACTIONS.heading(), styles.h2), *actions_table(meta, styles)]
    story += minor_safe_story(
        meta, styles, record.kind
    )  # issue 14: why no picture was kept, the hashes
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

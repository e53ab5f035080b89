"""The report's bundle-wide sections: cover, index, hash certificate (FRE 902(13)/(14)),
Berkeley Protocol checklist, chain of custody, limits and a note about the file itself."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.fonts import MONO
from evidencekit.bundle.item_pages import status_text
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Bookmark,
    Styles,
    clean,
    key_value,
    mono,
    spacer,
    table,
)
from evidencekit.bundle.plan import BundlePlan, PlannedItem

log = logging.getLogger(__name__)

WHOLE_BELOW = "the item's Capture details and its metadata.json"


def _both(bi: Bi, styles: Styles, **values: Any) -> list[Flowable]:
    return [
        Paragraph(bi.en.format(mono=MONO, **values), styles.body),
        Paragraph(bi.sq.format(mono=MONO, **values), styles.second),
        spacer(1.5),
    ]


def when(plan: BundlePlan) -> str:
    utc = plan.created_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    local = plan.created_at.astimezone()
    return f"{utc}<br/>local: {local:%Y-%m-%d %H:%M:%S} (UTC{local:%z})"


def cover(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    level = texts.LEVEL_LTA if plan.level == "B-LTA" else texts.LEVEL_BB
    tsa = clean(plan.tsa_url or "")
    prepared = clean(plan.operator) + (f" ({clean(plan.role)})" if plan.role else "")
    rows = [
        (texts.CASE.heading(), clean(plan.case_label or "—")),
        (texts.PREPARED_BY.heading(), prepared),
        (texts.PREPARED_ON.heading(), when(plan)),
        (texts.ITEM_COUNT.heading(), str(len(plan.items))),
        (texts.BUNDLE_ID.heading(), mono(plan.bundle_id)),
        (texts.FINGERPRINT.heading(), mono(plan.identity.fingerprint_sha256)),
        (
            texts.SIGNATURE.heading(),
            level.en.format(tsa=tsa)
            + "<br/><font color='#52606d'>"
            + level.sq.format(tsa=tsa)
            + "</font>",
        ),
    ]
    story: list[Flowable] = [
        Bookmark("cover", "Cover · Kopertina"),
        spacer(6),
        Paragraph(texts.TITLE.heading(), styles.title),
        Paragraph(clean(plan.case_label) if plan.case_label else "", styles.h2),
        spacer(3),
        key_value(rows, styles, key_width=52 * mm),
        spacer(4),
        # What the pages are, and what is the evidence: said before anything else is explained.
        Paragraph(texts.EVIDENCE_IS_THE_FILES.en, styles.notice),
        spacer(1.5),
        Paragraph(texts.EVIDENCE_IS_THE_FILES.sq, styles.notice),
        spacer(4),
        Paragraph(texts.HOW_TO_VERIFY.heading(), styles.h1),
    ]
    for number, step in enumerate(texts.HOW_TO_VERIFY_STEPS, start=1):
        story.append(Paragraph(f"{number}. " + step.en.format(mono=MONO), styles.body))
        story.append(Paragraph(f"{number}. " + step.sq.format(mono=MONO), styles.second))
        story.append(spacer(1.5))
    if plan.blur or any(i.record.sensitive or i.record.hidden for i in plan.items):
        story.append(
            Paragraph(
                "Pictures of items marked sensitive (or all pictures, when asked) are shown only "
                "as strongly blurred copies. · Pamjet e provave të shënuara si të ndjeshme "
                "shfaqen vetëm si kopje të turbulluara fort.",
                styles.notice,
            )
        )
    return story


def _moment(iso: str) -> str:
    """An ISO UTC time on two short lines: date, then time to the second (the item's own pages
    give the full precision)."""
    text = clean(iso)
    if "T" not in text:
        return text
    day, time = text.split("T", 1)
    return f"{day}<br/>{time[:8]}"


def index(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    head = [
        "No.",
        "URL or file name",
        "Captured (UTC)",
        "TSA time (UTC)",
        "Status",
        "Seal digest",
    ]
    rows: list[list[Any]] = [[Paragraph(h, styles.cell_bold) for h in head]]
    for item in plan.items:
        granted = [t.gen_time for t in item.timestamps if t.status == "granted" and t.gen_time]
        digest = item.record.manifest_sha256
        rows.append(
            [
                Paragraph(
                    f'<a href="#item-{item.number}" color="#243b53">{item.number}</a>', styles.cell
                ),
                Paragraph(
                    f'<a href="#item-{item.number}" color="#243b53">'
                    f"{clean(item.label, 300, WHOLE_BELOW)}</a>",
                    styles.cell,
                ),
                Paragraph(_moment(item.record.captured_at), styles.small),
                Paragraph(
                    _moment(granted[0]) if granted else "<b>none / pending</b>", styles.small
                ),
                Paragraph(clean(status_text(item)), styles.small),
                Paragraph(mono(digest[:32]) + "<br/>" + mono(digest[32:]), styles.mono),
            ]
        )
    widths = [9 * mm, 50 * mm, 23 * mm, 23 * mm, 20 * mm, FRAME_WIDTH - 125 * mm]
    return [
        Bookmark("index", "Index · Lista"),
        Paragraph(texts.INDEX.heading(), styles.h1),
        table(rows, widths, zebra=True),
    ]


def certificate(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    date = plan.created_at.strftime("%Y-%m-%d %H:%M UTC")
    story: list[Flowable] = [
        Bookmark("certificate", "Hash certificate · Vërtetimi me hash"),
        Paragraph(texts.CERTIFICATE.heading(), styles.h1),
        Paragraph(
            "I, the undersigned, certify that: · Unë, i/e nënshkruari/a, vërtetoj se:", styles.body
        ),
        spacer(1.5),
    ]
    for number, statement in enumerate(texts.CERT_STATEMENTS, start=1):
        values = {"version": plan.app_version, "vault_id": plan.vault_id, "date": date}
        story.append(Paragraph(f"{number}. " + clean(statement.en.format(**values)), styles.body))
        story.append(Paragraph(f"{number}. " + clean(statement.sq.format(**values)), styles.second))
        story.append(spacer(1.5))
    head = ["Item", "File", "Bytes", "SHA-256"]
    rows: list[list[Any]] = [[Paragraph(h, styles.cell_bold) for h in head]]
    for item in plan.items:
        for planned in item.files:
            info = planned.info
            rows.append(
                [
                    Paragraph(str(item.number), styles.cell),
                    Paragraph(
                        clean(info.name) + (" <b>(withheld)</b>" if planned.withheld else ""),
                        styles.cell,
                    ),
                    Paragraph(f"{info.size:,}", styles.small),
                    Paragraph(mono(info.sha256), styles.mono),
                ]
            )
    story.append(table(rows, [11 * mm, 50 * mm, 18 * mm, FRAME_WIDTH - 79 * mm], zebra=True))
    lines = [
        [Paragraph(line.heading(), styles.cell_bold), Paragraph("", styles.cell)]
        for line in texts.CERT_LINES
    ]
    signature = table(lines, [52 * mm, FRAME_WIDTH - 52 * mm], header=False)
    # Room to write by hand above each line.
    signature.setStyle(
        [("TOPPADDING", (0, 0), (-1, -1), 16), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    )
    story.append(
        KeepTogether(
            [
                spacer(4),
                Paragraph(texts.CERT_SIGN.en, styles.body),
                Paragraph(texts.CERT_SIGN.sq, styles.second),
                spacer(2),
                signature,
            ]
        )
    )
    return story


def _checklist_marks(item: PlannedItem) -> list[tuple[Bi, str]]:
    record, meta = item.record, item.record.metadata
    web = record.kind == "web"
    names = {f.info.name for f in item.files}
    media = [n for n in names if n.startswith("media/")]
    not_saved = meta.get("media_not_saved") or []
    shot = meta.get("screenshot") or {}
    actions = meta.get("actions") or []
    granted = any(t.status == "granted" for t in item.timestamps)
    yes, no, partly, na = texts.YES, texts.NO, texts.PARTLY, texts.NOT_APPLICABLE
    return [
        (yes, f"requested {record.url}; reached {record.final_url}")
        if web
        else (na, "imported file"),
        (yes, "page.html (rendered DOM), page.mhtml, traffic.warc.gz (as served)")
        if web and "page.html" in names
        else (no if web else na, "no HTML file" if web else "imported file"),
        (
            yes if shot.get("whole_page", True) else partly,
            "screenshot.png; the capture time is printed beside it in this report and sealed in "
            "the manifest"
            + (" and the trusted timestamp" if granted else "")
            + ("" if shot.get("whole_page", True) else "; the page was cut (see warnings)"),
        )
        if web and "screenshot.png" in names
        else (no if web else na, "no screenshot" if web else "imported file"),
        (
            yes if media and not not_saved else partly if media else (na if not not_saved else no),
            f"{len(media)} saved as media/…; {len(not_saved)} found but not saved (listed in "
            "metadata.json)",
        )
        if web
        else (na, "imported file"),
        (yes, f"manifest {record.manifest_sha256[:16]}… signed at collection"),
        (yes, f"{len(actions)} actions recorded (see the item's pages)") if web else (na, "—"),
        (
            yes,
            f"operator {record.operator}; clock: "
            + str((meta.get("time") or {}).get("clock_source") or "system clock")
            + ("; logged in: " + ("yes" if meta.get("logged_in") else "no") if web else ""),
        ),
        (yes, "custody entries in this report and in bundle.json"),
    ]


def checklist(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Bookmark("checklist", "Berkeley checklist · Lista e kontrollit"),
        Paragraph(texts.CHECKLIST.heading(), styles.h1),
    ]
    for item in plan.items:
        rows: list[list[Any]] = [
            [Paragraph(h, styles.cell_bold) for h in ("¶", "Requirement · Kërkesa", "Met", "How")]
        ]
        for (para, requirement), (mark, how) in zip(
            texts.CHECKLIST_ROWS, _checklist_marks(item), strict=True
        ):
            rows.append(
                [
                    Paragraph(para, styles.small),
                    Paragraph(
                        f"{requirement.en}<br/><font color='#52606d'>{requirement.sq}</font>",
                        styles.cell,
                    ),
                    Paragraph(f"<b>{mark.en}</b> · {mark.sq}", styles.cell),
                    Paragraph(clean(how, 400, WHOLE_BELOW), styles.small),
                ]
            )
        block = [
            Paragraph(
                # A heading names the item; its pages show the whole address.
                f"{texts.ITEM.en} {item.number} · {clean(item.label[:120])}"
                + ("…" if len(item.label) > 120 else ""),
                styles.h2,
            ),
            table(rows, [10 * mm, 62 * mm, 24 * mm, FRAME_WIDTH - 96 * mm]),
        ]
        story.append(KeepTogether(block))
    return story


def _details(details: dict[str, Any]) -> str:
    """An entry's details, one "key: value" a line (long values cut; bundle.json has them
    whole)."""
    parts = []
    for key in sorted(details):
        value = details[key]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{clean(key, 60)}: {clean(text, 200, 'bundle.json')}")
    return "<br/>".join(parts)


def custody(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    snapshot = plan.custody
    story: list[Flowable] = [
        Bookmark("custody", "Chain of custody · Zinxhiri i ruajtjes"),
        Paragraph(texts.CUSTODY.heading(), styles.h1),
        Paragraph(
            "Every action on the evidence, in order. Each entry's hash covers its content and "
            "the previous entry's hash, so an entry cannot be changed, removed or reordered "
            "without breaking the chain. Entries about other items or cases in the same vault "
            "are not shown here; bundle.json keeps their hashes, so the chain can still be "
            "checked from start to end.",
            styles.body,
        ),
        Paragraph(
            "Çdo veprim mbi provat, sipas radhës. Hash-i i çdo hyrjeje mbulon përmbajtjen e saj "
            "dhe hash-in e hyrjes së mëparshme, ndaj asnjë hyrje nuk mund të ndryshohet, hiqet "
            "apo zhvendoset pa e prishur zinxhirin. Hyrjet për prova ose çështje të tjera të së "
            "njëjtës kasafortë nuk shfaqen këtu; bundle.json ruan hash-et e tyre, që zinxhiri "
            "të kontrollohet nga fillimi në fund.",
            styles.second,
        ),
        spacer(2),
    ]
    head = ["#", "Time (UTC)", "Who", "Action", "Object and details"]
    rows: list[list[Any]] = [[Paragraph(h, styles.cell_bold) for h in head]]
    hidden_run: list[int] = []

    def flush_hidden() -> None:
        if hidden_run:
            span = (
                f"{hidden_run[0]}–{hidden_run[-1]}" if len(hidden_run) > 1 else str(hidden_run[0])
            )
            note = Paragraph("about other items; hashes in bundle.json", styles.small)
            rows.append(["", "", "", Paragraph(f"<i>entries {span}</i>", styles.small), note])
            hidden_run.clear()

    shown = {e.seq: e for e in snapshot.shown}
    for entry in snapshot.entries:
        seq = int(entry["seq"])
        if seq not in shown:
            hidden_run.append(seq)
            continue
        flush_hidden()
        full = shown[seq]
        body = (
            f"{clean(full.object)}<br/>{_details(full.details)}<br/>"
            f"<font face='{MONO}' size='6'>prev {full.prev_hash or '(none: first entry)'}<br/>"
            f"hash {full.hash}</font>"
        )
        rows.append(
            [
                Paragraph(str(seq), styles.small),
                Paragraph(clean(full.at), styles.small),
                Paragraph(clean(full.operator), styles.small),
                Paragraph(clean(full.action), styles.cell),
                Paragraph(body, styles.small),
            ]
        )
    flush_hidden()
    story.append(
        table(rows, [9 * mm, 27 * mm, 18 * mm, 22 * mm, FRAME_WIDTH - 76 * mm], zebra=True)
    )
    anchor = snapshot.anchor
    if anchor is not None:
        story.append(
            Paragraph(
                f"The chain up to entry {anchor.seq} (hash {mono(anchor.digest)}) was time-stamped "
                f"by {clean(anchor.tsa_url)} at {clean(anchor.gen_time)}; the token is attached as "
                f"{clean(anchor.attachment)}.",
                styles.small,
            )
        )
    else:
        story.append(
            Paragraph(
                "The custody log has no trusted timestamp yet (no timestamp server was reachable).",
                styles.warn,
            )
        )
    return story


def _elliptic(plan: BundlePlan) -> bool:
    return isinstance(plan.identity.private_key, ec.EllipticCurvePrivateKey)


def limits(plan: BundlePlan, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Bookmark("limits", "Limits · Kufizimet"),
        Paragraph(texts.LIMITS.heading(), styles.h1),
    ]
    for bi in texts.LIMITS_TEXT:
        story += _both(bi, styles)
    story += [
        spacer(4),
        Paragraph(texts.ABOUT.heading(), styles.h2),
        *_both(texts.ABOUT_TEXT, styles),
        *(_both(texts.ABOUT_ECDSA, styles) if _elliptic(plan) else []),
        Paragraph(
            f"Made by EvidenceKit {clean(plan.app_version)} on "
            f"{plan.created_at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC.",
            styles.muted,
        ),
    ]
    return story

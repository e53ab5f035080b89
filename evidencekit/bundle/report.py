"""Lay out the report with reportlab: cover, index, one section per item, hash certificate,
Berkeley checklist, custody log, limits. Returns a small PDF whose pictures are placeholders
(see `layout.PictureSlices`), plus the slots the PDF writer must fill.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable

from evidencekit.bundle import sections
from evidencekit.bundle.fonts import register_fonts
from evidencekit.bundle.item_pages import item_story
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_SIZE,
    SlotRegistry,
    Styles,
    page_canvas,
)
from evidencekit.bundle.plan import BundlePlan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaidOut:
    pdf: bytes  # reportlab's PDF: text, tables, empty picture slots
    slots: SlotRegistry
    pages: int


def title_of(plan: BundlePlan) -> str:
    case = f" — {plan.case_label}" if plan.case_label else ""
    return f"Evidence bundle {plan.bundle_id}{case}"


def build_story(plan: BundlePlan, registry: SlotRegistry) -> list[Flowable]:
    styles = Styles()
    story: list[Flowable] = [*sections.cover(plan, styles), PageBreak()]
    story += [*sections.index(plan, styles), PageBreak()]
    for item in plan.items:
        story += [*item_story(item, plan, styles, registry), PageBreak()]
    story += [*sections.certificate(plan, styles), PageBreak()]
    story += [*sections.checklist(plan, styles), PageBreak()]
    story += [*sections.custody(plan, styles), PageBreak()]
    story += sections.limits(plan, styles)
    return story


def lay_out(plan: BundlePlan) -> LaidOut:
    register_fonts()
    # Binary streams (no ASCII85): smaller, and what every reader expects.
    rl_config.useA85 = 0
    registry = SlotRegistry()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title_of(plan),
        author=plan.operator,
        subject="Evidence captured and sealed with EvidenceKit",
        creator=f"EvidenceKit {plan.app_version}",
        invariant=0,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = f"{plan.case_label} · " if plan.case_label else ""
    footer += f"prepared {plan.created_at:%Y-%m-%d %H:%M} UTC by {plan.operator}"
    doc.build(build_story(plan, registry), canvasmaker=page_canvas(plan.bundle_id, footer))
    pages = doc.page
    log.info("report laid out: %d pages, %d picture slots", pages, len(registry.slots))
    return LaidOut(buffer.getvalue(), registry, pages)

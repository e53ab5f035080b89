"""The report's page furniture and building blocks: styles, the running header ("bundle id,
page X of Y" on every page), tables, bookmarks, and the flowable that lays out tall pictures.

Pictures are not drawn by reportlab: each slice is a named placeholder (an empty form) that the
PDF writer later replaces with the real, losslessly encoded image band, streamed from the
vault. That keeps reportlab's in-memory document small whatever the screenshots weigh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from evidencekit.bundle.fonts import MONO, SANS, SANS_BOLD
from evidencekit.bundle.texts import PAGE

log = logging.getLogger(__name__)

PAGE_SIZE = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 14 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
MAX_TEXT = 1500  # longer page-supplied values are cut where they are repeated (labels, index)
MIN_ROW_PART = 20.0
"""Shortest piece (pt) a table row is cut into when it is taller than what is left of a page.

Every table splits between rows, and a row taller than a whole frame is cut inside itself
(reportlab's `splitInRow`): however long a captured value is, it continues on the next page.
"""

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#243b53")
RULE = colors.HexColor("#bcccdc")
SHADE = colors.HexColor("#eef2f6")
WARN = colors.HexColor("#8d2b0b")
SLOT_PREFIX = "ekslot"


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": SANS,
        "fontSize": 8.5,
        "leading": 11.2,
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle = field(default_factory=lambda: _style("body"))
    second: ParagraphStyle = field(
        # The other language of a bilingual pair: same size (Albanian is first-class), softer ink.
        default_factory=lambda: _style("second", textColor=colors.HexColor("#3e4c59"))
    )
    small: ParagraphStyle = field(default_factory=lambda: _style("small", fontSize=7, leading=9))
    muted: ParagraphStyle = field(
        default_factory=lambda: _style("muted", fontSize=7, leading=9, textColor=MUTED)
    )
    mono: ParagraphStyle = field(
        default_factory=lambda: _style("mono", fontName=MONO, fontSize=6.6, leading=8.4)
    )
    cell: ParagraphStyle = field(default_factory=lambda: _style("cell", fontSize=7.4, leading=9.4))
    cell_bold: ParagraphStyle = field(
        default_factory=lambda: _style("cellb", fontName=SANS_BOLD, fontSize=7.4, leading=9.4)
    )
    title: ParagraphStyle = field(
        default_factory=lambda: _style(
            "title", fontName=SANS_BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=4
        )
    )
    h1: ParagraphStyle = field(
        default_factory=lambda: _style(
            "h1", fontName=SANS_BOLD, fontSize=14, leading=18, textColor=ACCENT, spaceAfter=6
        )
    )
    h2: ParagraphStyle = field(
        default_factory=lambda: _style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=10,
            leading=13,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=3,
        )
    )
    notice: ParagraphStyle = field(
        # Calm, not alarming: a safety measure explained, not a warning.
        default_factory=lambda: _style("notice", fontSize=8, leading=10.5, textColor=ACCENT)
    )
    warn: ParagraphStyle = field(
        default_factory=lambda: _style("warn", fontSize=8, leading=10.5, textColor=WARN)
    )


def clean(value: object, limit: int | None = MAX_TEXT, whole_in: str = "") -> str:
    """Page-supplied text made safe for reportlab's markup: escaped, no control chars, and cut
    at `limit` characters (None: never) with a note saying so and where the whole value is."""
    text = "" if value is None else str(value)
    text = "".join(c if c in "\n\t" or ord(c) >= 32 else "\ufffd" for c in text)
    cut = ""
    if limit is not None and len(text) > limit:
        more = f"{len(text) - limit:,}"
        where = whole_in or "the attached files"
        cut = (
            f" <font color='#52606d'>[… shortened here: {more} more characters; the whole "
            f"value is in {escape(where)} · e shkurtuar këtu: edhe {more.replace(',', ' ')} "
            f"shenja; vlera e plotë është te {escape(where)}]</font>"
        )
        text = text[:limit]
    return escape(text).replace("\n", "<br/>") + cut


def whole(value: object) -> str:
    """Page-supplied text in full (escaped): tables cut tall rows across pages."""
    return clean(value, None)


def mono(value: str) -> str:
    return f"<font face='{MONO}'>{escape(value)}</font>"


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = False,
    groups: Sequence[int] | None = None,
) -> Table:
    """A plain grid table: a shaded header row repeated on every page it spans.

    Rows that belong together (one file's several lines) share a group number in `groups`:
    they are shaded alike, with no rule between them. Rows split across pages, and a row
    taller than a page continues on the next one (see `MIN_ROW_PART`)."""
    commands: list[tuple[Any, ...]] = [
        # Plain-string cells (even empty ones) would otherwise be set in Helvetica, a font
        # that is neither embedded nor able to draw ë.
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    group_of = list(groups) if groups is not None else list(range(len(rows)))
    if len(group_of) != len(rows):
        raise ValueError("one group number per row")
    for row, group in enumerate(group_of):
        last = row + 1 == len(rows) or group_of[row + 1] != group
        if last:
            commands.append(("LINEBELOW", (0, row), (-1, row), 0.25, RULE))
        if zebra and (group - group_of[0]) % 2 == (0 if header else 1) and row >= int(header):
            commands.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor("#f8fafc")))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    result = Table(
        list(rows),
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitByRow=1,
        splitInRow=MIN_ROW_PART,
    )
    result.setStyle(TableStyle(commands))
    return result


def key_value(rows: Sequence[tuple[str, Any]], styles: Styles, key_width: float = 44 * mm) -> Table:
    """A two-column table of labels and values (values already markup or flowables).

    A value may be a list: each element gets its own line of the table under the one label
    (one response header, one redirect...), so no single line grows with the list."""
    data: list[list[Any]] = []
    groups: list[int] = []
    for group, (k, v) in enumerate(rows):
        parts = list(v) if isinstance(v, list | tuple) else [v]
        for n, part in enumerate(parts or ["—"]):
            label = Paragraph(k if n == 0 else "", styles.cell_bold)
            value = part if isinstance(part, Flowable) else Paragraph(part, styles.cell)
            data.append([label, value])
            groups.append(group)
    return table(data, [key_width, FRAME_WIDTH - key_width], header=False, groups=groups)


class Bookmark(Flowable):
    """An invisible mark: a named destination (for links) and an outline entry."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=True)


def page_canvas(bundle_id: str, footer: str) -> type[rl_canvas.Canvas]:
    """A canvas that writes every page's header once the page count is known.

    Pages are held back until `save` (the classic "page X of Y" recipe). Bookmarks name the
    page being written when they are made, so they are held back with their page and replayed.
    """

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Platypus passes initialFontName=None: without ours every page would start by
            # selecting Helvetica (not embedded, no ë).
            kwargs["initialFontName"] = kwargs.get("initialFontName") or SANS
            kwargs.setdefault("pageCompression", 1)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._marks: list[tuple[str, tuple[Any, ...]]] = []

        def bookmarkPage(self, key: str, *args: Any, **kwargs: Any) -> None:
            self._marks.append(("bookmark", (key,)))

        def addOutlineEntry(
            self, title: str, key: str, level: int = 0, closed: bool | None = None
        ) -> None:
            self._marks.append(("outline", (title, key, level, closed)))

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for kind, args in state["_marks"]:
                    if kind == "bookmark":
                        rl_canvas.Canvas.bookmarkPage(self, args[0])
                    else:
                        rl_canvas.Canvas.addOutlineEntry(self, *args)
                self._furniture(number, total)
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

        def _furniture(self, number: int, total: int) -> None:
            width, height = PAGE_SIZE
            self.saveState()
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            top = height - 11 * mm
            self.drawString(MARGIN_X, top, f"EvidenceKit · {bundle_id}")
            self.drawRightString(
                width - MARGIN_X,
                top,
                f"{PAGE.en.format(page=number, pages=total)} · "
                f"{PAGE.sq.format(page=number, pages=total)}",
            )
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
            self.drawString(MARGIN_X, 8 * mm, footer)
            self.restoreState()

    return NumberedCanvas


# --- pictures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Where one image XObject goes: a placeholder the writer fills in."""

    name: str
    item: int  # the item's number in the bundle
    rows: tuple[int, int]  # source rows this slice shows
    cover: tuple[int, int]  # source rows the XObject spans (== rows, or the whole image)
    shared: bool  # one XObject for every slice (blurred copies, JPEG kept as it is)


class SlotRegistry:
    """The slots actually drawn, in drawing order (platypus may lay a flowable out twice)."""

    def __init__(self) -> None:
        self.slots: dict[str, Slot] = {}

    def for_item(self, item: int) -> list[Slot]:
        return sorted((s for s in self.slots.values() if s.item == item), key=lambda s: s.rows)


LabelFn = Callable[[int, int], str]


class PictureSlices(Flowable):
    """A picture at full frame width (never enlarged past 1 pt per pixel), cut into page-sized
    slices when tall. Each slice is labelled with the rows it shows."""

    LABEL_HEIGHT = 11.0
    MIN_ROWS = 120

    def __init__(
        self,
        registry: SlotRegistry,
        item: int,
        width_px: int,
        height_px: int,
        label: LabelFn,
        *,
        shared_cover: int | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> None:
        super().__init__()
        self.registry, self.item = registry, item
        self.width_px, self.height_px = width_px, height_px
        self.label, self.shared_cover = label, shared_cover
        self.start, self.end = start, height_px if end is None else end

    def _scale(self, avail_width: float) -> float:
        return min(avail_width / self.width_px, 1.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._draw_width = self.width_px * self._scale(avail_width)
        self.width = avail_width
        self.height = (self.end - self.start) * self._scale(avail_width) + self.LABEL_HEIGHT + 4
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        scale = self._scale(avail_width)
        rows = int((avail_height - self.LABEL_HEIGHT - 4) / scale)
        if rows >= self.end - self.start:
            return [self]
        if rows < min(self.MIN_ROWS, self.end - self.start):
            return []
        cut = self.start + rows
        return [self._part(self.start, cut), self._part(cut, self.end)]

    def _part(self, start: int, end: int) -> PictureSlices:
        return PictureSlices(
            self.registry,
            self.item,
            self.width_px,
            self.height_px,
            self.label,
            shared_cover=self.shared_cover,
            start=start,
            end=end,
        )

    def draw(self) -> None:
        canv = self.canv
        scale = self._draw_width / self.width_px
        shared = self.shared_cover is not None
        name = f"{SLOT_PREFIX}{self.item}s" if shared else f"{SLOT_PREFIX}{self.item}r{self.start}"
        cover = (0, self.shared_cover or 0) if shared else (self.start, self.end)
        self.registry.slots[name] = Slot(name, self.item, (self.start, self.end), cover, shared)
        if not canv._doc.hasForm(name):
            # An empty form now; the writer puts the real image under the same object number.
            form = pdfdoc.PDFFormXObject(lowerx=0, lowery=0, upperx=1, uppery=1)
            form.setStreamList([])
            canv._doc.addForm(name, form)
        top = self.height
        shown = (self.end - self.start) * scale
        bottom = top - shown
        canv.saveState()
        path = canv.beginPath()
        path.rect(0, bottom, self._draw_width, shown)
        canv.clipPath(path, stroke=0, fill=0)
        # The image's unit square is mapped onto the rows it covers; the clip keeps this slice.
        cover_top = top + (self.start - cover[0]) * scale
        cover_height = (cover[1] - cover[0]) * scale
        canv.transform(self._draw_width, 0, 0, cover_height, 0, cover_top - cover_height)
        canv.doForm(name)
        canv.restoreState()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.rect(0, bottom, self._draw_width, shown, stroke=1, fill=0)
        canv.setFont(SANS, 6.8)
        canv.setFillColor(MUTED)
        canv.drawString(0, bottom - 8.5, self.label(self.start, self.end))
        canv.restoreState()


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)

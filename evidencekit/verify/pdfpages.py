"""What the report's pages show, read from the PDF itself: each page's lines of text and every
picture a viewer could paint on it. Used to check the pages against the sealed files
(`pictures.py`, `pagefacts.py`).

Text comes from the pages' content streams: the text operators are read in order and each
string is decoded through its font's /ToUnicode map (the report embeds DejaVu subsets, which
carry one). A line is what a text block draws between two line moves. This is not a general PDF
text extractor: it reads what a PDF writer put on the page, in the order it was written, which
is all the checks need (a label, then its value).

Pictures: every image reachable from a page - its resources (and forms', patterns' and Type 3
fonts' resources, however nested), its annotations' appearances, and inline images in its
content - whether or not the content seems to draw it: what a viewer may show counts.

Everything is bounded: pages, nesting, bytes inflated per stream and in total. Past a bound the
reader raises `PagesUnreadable`, and the checks report the file as invalid.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.verify import limits
from evidencekit.verify.pagepaint import Box, Canvas, follow
from evidencekit.verify.pdftext import Font, Op, _get, tokens

MAX_PAGES = 20_000
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # one page's (or form's) content, once inflated
MAX_TOTAL_CONTENT = 512 * 1024 * 1024  # every content stream of the document together
MAX_DEPTH = 12  # forms inside forms, page tree levels
MAX_OBJECTS = 200_000
HEADING_SIZE = 12.0
"""Type at least this large is a heading: the report sets item headings at 14 pt and anything
a capture supplies (a title, an address) at 10 pt or less, so a page whose title reads like an
item heading cannot start a new item."""  # resource dictionaries, fonts, forms visited in all


class PagesUnreadable(Exception):
    """The pages cannot be read within the verifier's bounds (or are malformed)."""


def _key(ref: Any) -> tuple[int, int] | None:
    if isinstance(ref, generic.IndirectObject):
        ref = ref.reference
    if isinstance(ref, generic.Reference):
        return (ref.idnum, ref.generation)
    return None


@dataclass
class Picture:
    """An image XObject a page can show (one object, however many pages use it)."""

    key: tuple[int, int]
    stream: generic.StreamObject


@dataclass
class Page:
    number: int  # 1-based
    lines: list[str] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)  # first appearance order, once each
    inline_pictures: int = 0
    headings: list[str] = field(default_factory=list)  # lines set in large type (>= 12 pt)
    bold: set[int] = field(default_factory=set)  # indexes of lines wholly in the bold face
    source: Any = None  # (page dictionary, resources), to follow the content again (`paint`)


@dataclass
class _Budget:
    content: int = 0
    objects: int = 0

    def visit(self) -> None:
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise PagesUnreadable("the pages refer to too many objects")


def inflate(stream: generic.StreamObject, limit: int = MAX_CONTENT_BYTES) -> bytes:
    """A stream's bytes: unfiltered or Flate (what PDF writers use for content and CMaps),
    never more than `limit` bytes once inflated."""
    filters = _get(stream, "/Filter")
    names = [] if filters is None else [filters] if isinstance(filters, str) else list(filters)
    encoded = stream.encoded_data
    if not names:
        data = encoded
    elif [str(n) for n in names] == ["/FlateDecode"] and "/DecodeParms" not in stream:
        inflater = zlib.decompressobj()
        data = inflater.decompress(encoded, limit + 1)
    else:
        raise PagesUnreadable("a page's content is encoded in a way the report never uses")
    if len(data) > limit:
        raise PagesUnreadable("a page's content is far larger than a report page's")
    limits.charge_inflated(len(data))  # the verification's overall budget (verify/limits.py)
    return data


# --- pages -------------------------------------------------------------------------------------


def _pages(reader: PdfFileReader) -> Iterator[tuple[generic.DictionaryObject, Any]]:
    """Each page dictionary with its (possibly inherited) /Resources, in order."""
    seen: set[tuple[int, int]] = set()
    count = 0

    def walk(node_ref: Any, inherited: Any, depth: int) -> Iterator[tuple[Any, Any]]:
        nonlocal count
        key = _key(node_ref)
        if key is not None:
            if key in seen:
                raise PagesUnreadable("the page tree loops back on itself")
            seen.add(key)
        node = node_ref.get_object()
        if not isinstance(node, generic.DictionaryObject) or depth > MAX_DEPTH * 4:
            raise PagesUnreadable("the page tree is malformed")
        resources = _get(node, "/Resources", inherited)
        if "/Kids" in node:
            for kid in node.raw_get("/Kids").get_object():
                yield from walk(kid, resources, depth + 1)
        else:
            count += 1
            if count > MAX_PAGES:
                raise PagesUnreadable("the document has more pages than the verifier reads")
            yield node, resources

    yield from walk(reader.root.raw_get("/Pages"), None, 0)


def _stream_parts(contents: Any) -> list[generic.StreamObject]:
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return []
    if isinstance(contents, generic.StreamObject):
        return [contents]
    if isinstance(contents, generic.ArrayObject):
        parts = [c.get_object() for c in contents]
        if all(isinstance(p, generic.StreamObject) for p in parts):
            return parts
    raise PagesUnreadable("a page's content is malformed")


class _PageReader:
    def __init__(self, budget: _Budget) -> None:
        self.budget = budget
        self.fonts: dict[tuple[int, int] | int, Font] = {}

    def font(self, resources: Any, name: str) -> Font:
        fonts = (
            _get(resources, "/Font") if isinstance(resources, generic.DictionaryObject) else None
        )
        raw = (
            fonts.raw_get(name)
            if isinstance(fonts, generic.DictionaryObject) and name in fonts
            else None
        )
        key = _key(raw) or id(raw)
        if key not in self.fonts:
            self.budget.visit()
            obj = raw.get_object() if raw is not None else None
            self.fonts[key] = Font(
                obj if isinstance(obj, generic.DictionaryObject) else None, inflate
            )
        return self.fonts[key]

    def collect_pictures(
        self, resources: Any, page: Page, seen: set[tuple[int, int]], depth: int
    ) -> None:
        """Every image reachable from `resources` (forms, patterns, Type 3 fonts inside)."""
        if depth > MAX_DEPTH or not isinstance(resources, generic.DictionaryObject):
            return
        for group in ("/XObject", "/Pattern", "/Font"):
            entries = _get(resources, group)
            if not isinstance(entries, generic.DictionaryObject):
                continue
            for name in list(entries.keys()):
                raw = entries.raw_get(name)
                self.visit_object(raw, page, seen, depth)

    def visit_object(self, raw: Any, page: Page, seen: set[tuple[int, int]], depth: int) -> None:
        key = _key(raw)
        if key is not None:
            if key in seen:
                return
            seen.add(key)
        self.budget.visit()
        obj = raw.get_object()
        if not isinstance(obj, generic.DictionaryObject):
            return
        if _get(obj, "/Subtype") == "/Image":
            if not isinstance(obj, generic.StreamObject):
                return
            if key is None:
                page.inline_pictures += 1  # a direct stream object cannot exist; be safe
                return
            page.pictures.append(Picture(key, obj))
            return
        self.collect_pictures(_get(obj, "/Resources"), page, seen, depth + 1)

    def appearances(self, page_dict: Any, page: Page, seen: set[tuple[int, int]]) -> None:
        annots = _get(page_dict, "/Annots")
        if not isinstance(annots, generic.ArrayObject):
            return
        for raw in annots:
            self.budget.visit()
            annot = raw.get_object()
            if not isinstance(annot, generic.DictionaryObject):
                continue
            ap = _get(annot, "/AP")
            if not isinstance(ap, generic.DictionaryObject):
                continue
            for kind in ("/N", "/R", "/D"):
                if kind not in ap:
                    continue
                entry = ap.raw_get(kind)
                value = entry.get_object()
                if isinstance(value, generic.StreamObject):
                    self.visit_object(entry, page, seen, 1)
                elif isinstance(value, generic.DictionaryObject):
                    for state in list(value.keys()):
                        self.visit_object(value.raw_get(state), page, seen, 1)

    def text(self, data: bytes, resources: Any, page: Page, depth: int) -> None:
        """Lines of text the content draws, forms it draws read where they are drawn."""
        line: list[str] = []
        font = Font(None)
        size = 0.0
        biggest = 0.0  # the largest type in the line being read
        operands: list[Any] = []

        plain = False  # some of the line being read is not in the bold face

        def newline() -> None:
            nonlocal biggest, plain
            if line:
                page.lines.append("".join(line))
                if biggest >= HEADING_SIZE:
                    page.headings.append(page.lines[-1])
                if not plain:
                    page.bold.add(len(page.lines) - 1)
                line.clear()
            biggest, plain = size, False

        for token in tokens(data):
            if not isinstance(token, Op):
                operands.append(token)
                if len(operands) > 64:
                    del operands[:-16]
                continue
            op = token.name
            if op == b"Tf" and len(operands) >= 2 and isinstance(operands[-2], str):
                font = self.font(resources, operands[-2])
                size = abs(operands[-1]) if isinstance(operands[-1], float) else 0.0
                biggest = max(biggest, size)
            elif op == b"Tj" and operands and isinstance(operands[-1], bytearray):
                line.append(font.text(bytes(operands[-1])))
                plain = plain or not font.bold
            elif op in (b"'", b'"') and operands and isinstance(operands[-1], bytearray):
                newline()
                line.append(font.text(bytes(operands[-1])))
                plain = plain or not font.bold
            elif op == b"TJ" and operands and isinstance(operands[-1], list):
                for part in operands[-1]:
                    if isinstance(part, bytearray):
                        line.append(font.text(bytes(part)))
                        plain = plain or not font.bold
                    elif isinstance(part, float) and part <= -250:
                        line.append(" ")
            elif op in (b"Td", b"TD"):
                if len(operands) >= 2 and operands[-1] != 0:
                    newline()
            elif op in (b"T*", b"Tm", b"BT", b"ET"):
                newline()
            elif op == b"EI":
                page.inline_pictures += 1
            elif op == b"Do" and operands and isinstance(operands[-1], str) and depth < MAX_DEPTH:
                newline()
                self.form_text(resources, operands[-1], page, depth)
            operands.clear()
        newline()

    def form_text(self, resources: Any, name: str, page: Page, depth: int) -> None:
        xobjects = (
            _get(resources, "/XObject") if isinstance(resources, generic.DictionaryObject) else None
        )
        if not isinstance(xobjects, generic.DictionaryObject) or name not in xobjects:
            return
        self.budget.visit()
        form = xobjects[name]
        if not isinstance(form, generic.StreamObject) or _get(form, "/Subtype") != "/Form":
            return
        data = self.content(form)
        self.text(data, _get(form, "/Resources", resources), page, depth + 1)

    def content(self, stream: generic.StreamObject) -> bytes:
        data = inflate(stream)
        self.budget.content += len(data)
        if self.budget.content > MAX_TOTAL_CONTENT:
            raise PagesUnreadable("the pages' content is far larger than a report's")
        return data


def read_pages(reader: PdfFileReader) -> list[Page]:
    """Every page's text lines and pictures, in page order. Raises `PagesUnreadable`."""
    budget = _Budget()
    pages: list[Page] = []
    try:
        for number, (page_dict, resources) in enumerate(_pages(reader), start=1):
            limits.check_time()
            page = Page(number, source=(page_dict, resources))
            worker = _PageReader(budget)
            data = b"\n".join(
                worker.content(s) for s in _stream_parts(_get(page_dict, "/Contents"))
            )
            worker.text(data, resources, page, 0)
            seen: set[tuple[int, int]] = set()
            worker.collect_pictures(resources, page, seen, 0)
            worker.appearances(page_dict, page, seen)
            pages.append(page)
    except (PagesUnreadable, RecursionError):
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, zlib.error) as exc:
        raise PagesUnreadable(f"a page is malformed ({type(exc).__name__})") from exc
    return pages


ITEM_HEADER = re.compile(r"Item (\d{1,6}) · Prova (\d{1,6})")
"""The heading every item's first page starts with (bundle/item_pages.py: texts.ITEM)."""


@dataclass
class Sections:
    """The pages as a reader takes them: each item's run from its heading to the next one."""

    front: list[Page]  # before the first item's heading (cover, index)
    items: dict[int, list[Page]]  # item number -> its pages (the last one runs to the end)
    headed: dict[int, list[int]]  # item number -> the pages headed with it


def sections(pages: list[Page]) -> Sections:
    front: list[Page] = []
    items: dict[int, list[Page]] = {}
    headed: dict[int, list[int]] = {}
    current: int | None = None
    for page in pages:
        for line in page.headings:
            match = ITEM_HEADER.fullmatch(line.strip())
            if match and match.group(1) == match.group(2):
                current = int(match.group(1))
                headed.setdefault(current, []).append(page.number)
                break
        if current is None:
            front.append(page)
        else:
            items.setdefault(current, []).append(page)
    return Sections(front, items, headed)


def paint(page: Page) -> tuple[Canvas, list[Box]]:
    """Where the page's content paints its pictures and everything else, and the rectangles of
    its annotations (a viewer paints those over the content). Raises `PagesUnreadable`."""
    page_dict, resources = page.source
    worker = _PageReader(_Budget())
    canvas = Canvas()
    try:
        data = b"\n".join(worker.content(s) for s in _stream_parts(_get(page_dict, "/Contents")))
        follow(data, resources, canvas, worker.content)
        boxes: list[Box] = []
        for raw in _get(page_dict, "/Annots") or []:
            rect = _get(raw.get_object(), "/Rect")
            if isinstance(rect, generic.ArrayObject) and len(rect) == 4:
                x0, y0, x1, y1 = (float(v.get_object()) for v in rect)
                boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, zlib.error) as exc:
        raise PagesUnreadable(f"a page is malformed ({type(exc).__name__})") from exc
    return canvas, boxes

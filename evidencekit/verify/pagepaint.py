"""Where a page paints its pictures, and whether anything is painted over them.

A picture whose every pixel is the sealed one can still be hidden: drawn half outside its clip,
faded by a graphics state, or covered by a white box, a patch of text, another image or an
annotation. This module follows a page's content the way a viewer does, as far as positions go:
the transformation matrix (cm, q/Q, forms' /Matrix), rectangular clips, path and text extents,
and records each picture drawn and each thing painted. `over_pictures` then says which pictures
are not shown whole and uncovered.

Extents are bounding boxes; text is measured generously (0.6 em a character, from below the
baseline to a full em above), so a picture is never taken as uncovered when something may lie on
it. The report's own frame around each slice (a thin stroked rectangle on its edge) and its
labels below the slices do not touch the pictures' inside.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T
from evidencekit.verify.pdftext import Op, _get, tokens

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
EDGE = 1.0  # pt: how far inside a picture's edge something must reach to cover it
MAX_DEPTH = 8
_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF order: `m n` applies m first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box(points: Sequence[tuple[float, float]]) -> Box | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _meet(a: Box | None, b: Box | None) -> Box | None:
    """The intersection (None = no limit)."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _inside(box: Box, area: Box) -> bool:
    """Does `box` reach into `area` shrunk by EDGE?"""
    return (
        box[2] > area[0] + EDGE
        and box[0] < area[2] - EDGE
        and box[3] > area[1] + EDGE
        and box[1] < area[3] - EDGE
    )


def _near(a: Box, b: Box, by: float = 1.0) -> bool:
    return all(abs(x - y) <= by for x, y in zip(a, b, strict=True))


@dataclass
class Drawn:
    key: tuple[int, int]
    square: Box  # the image's unit square on the page
    visible: Box  # ... and the part of it the clip lets through
    straight: bool  # upright, not flipped, not skewed
    faded: bool  # a graphics state (opacity, blend, soft mask) was in effect
    order: int
    square_pixels: bool = True  # as wide as tall on the page (a slice is never stretched)


@dataclass
class Painted:
    box: Box
    order: int
    frame: bool = False  # a stroked single rectangle (the report's frame around a slice)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    clip: Box | None = None
    faded: bool = False


@dataclass
class Canvas:
    """What a page's content drew, in order."""

    drawn: list[Drawn] = field(default_factory=list)
    painted: list[Painted] = field(default_factory=list)
    order: int = 0

    def next(self) -> int:
        self.order += 1
        return self.order


def _key(raw: Any) -> tuple[int, int] | None:
    if isinstance(raw, generic.IndirectObject):
        return (raw.reference.idnum, raw.reference.generation)
    return None


def _numbers(operands: list[Any], count: int) -> list[float] | None:
    values = operands[-count:]
    if len(values) != count or not all(isinstance(v, float) for v in values):
        return None
    return values


def follow(
    content: bytes,
    resources: Any,
    canvas: Canvas,
    read: Callable[[generic.StreamObject], bytes],
    state: _State | None = None,
    depth: int = 0,
) -> None:
    """Follow one content stream (a page's or a form's), recording into `canvas`."""
    gs = state or _State()
    stack: list[_State] = []
    points: list[tuple[float, float]] = []
    rects = 0
    segments = 0
    clip_next = False
    operands: list[Any] = []
    text = IDENTITY
    line = IDENTITY
    size = leading = 0.0
    scale = 1.0
    mode = 0

    def show(count: int) -> None:
        nonlocal text
        width = count * size * 0.6 * scale
        m = multiply(text, gs.ctm)
        corners = [_apply(m, x, y) for x in (0.0, width) for y in (-0.3 * size, size)]
        box = _box(corners)
        if box is not None and mode not in (3, 7):
            canvas.painted.append(Painted(_meet(box, gs.clip) or box, canvas.next()))
        text = multiply((1.0, 0.0, 0.0, 1.0, width, 0.0), text)

    def newline(tx: float, ty: float) -> None:
        nonlocal text, line
        line = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), line)
        text = line

    for token in tokens(content):
        if not isinstance(token, Op):
            operands.append(token)
            if len(operands) > 64:
                del operands[:-16]
            continue
        op = token.name
        if op == b"q":
            stack.append(_State(gs.ctm, gs.clip, gs.faded))
        elif op == b"Q":
            if stack:
                gs = stack.pop()
        elif op == b"cm" and (n := _numbers(operands, 6)):
            gs.ctm = multiply((n[0], n[1], n[2], n[3], n[4], n[5]), gs.ctm)
        elif op == b"gs":
            gs.faded = True
        elif op == b"re" and (n := _numbers(operands, 4)):
            x, y, w, h = n
            points += [_apply(gs.ctm, px, py) for px in (x, x + w) for py in (y, y + h)]
            rects += 1
        elif op in (b"m", b"l") and (n := _numbers(operands, 2)):
            points.append(_apply(gs.ctm, n[0], n[1]))
            segments += 1
        elif op in (b"c", b"v", b"y"):
            count = {b"c": 6, b"v": 4, b"y": 4}[op]
            if n := _numbers(operands, count):
                points += [_apply(gs.ctm, n[i], n[i + 1]) for i in range(0, count, 2)]
                segments += 1
        elif op in (b"W", b"W*"):
            clip_next = True
        elif op in _PAINT or op == b"n":
            box = _box(points)
            if op in _PAINT and box is not None:
                frame = op in (b"S", b"s") and rects == 1 and segments == 0
                canvas.painted.append(Painted(_meet(box, gs.clip) or box, canvas.next(), frame))
            if clip_next and box is not None:
                gs.clip = _meet(gs.clip, box)
            points, rects, segments, clip_next = [], 0, 0, False
        elif op == b"sh":
            canvas.painted.append(Painted(gs.clip or (-1e9, -1e9, 1e9, 1e9), canvas.next()))
        elif op == b"EI":
            square = _box([_apply(gs.ctm, x, y) for x in (0.0, 1.0) for y in (0.0, 1.0)])
            if square is not None:
                canvas.painted.append(Painted(_meet(square, gs.clip) or square, canvas.next()))
        elif op == b"BT":
            text = line = IDENTITY
        elif op == b"Tf" and (n := _numbers(operands, 1)):
            size = abs(n[0])
        elif op == b"TL" and (n := _numbers(operands, 1)):
            leading = n[0]
        elif op == b"Tz" and (n := _numbers(operands, 1)):
            scale = n[0] / 100
        elif op == b"Tr" and (n := _numbers(operands, 1)):
            mode = int(n[0])
        elif op in (b"Td", b"TD") and (n := _numbers(operands, 2)):
            newline(n[0], n[1])
            if op == b"TD":
                leading = -n[1]
        elif op == b"Tm" and (n := _numbers(operands, 6)):
            text = line = (n[0], n[1], n[2], n[3], n[4], n[5])
        elif op == b"T*":
            newline(0.0, -leading)
        elif op in (b"Tj", b"'", b'"') and operands and isinstance(operands[-1], bytearray):
            if op != b"Tj":
                newline(0.0, -leading)
            show(len(operands[-1]))
        elif op == b"TJ" and operands and isinstance(operands[-1], list):
            count = sum(len(p) for p in operands[-1] if isinstance(p, bytearray))
            count += max(0, int(-sum(p for p in operands[-1] if isinstance(p, float)) / 600))
            show(count)
        elif op == b"Do" and operands and isinstance(operands[-1], str):
            _do(operands[-1], resources, canvas, read, gs, depth)
        operands.clear()


def _do(
    name: str,
    resources: Any,
    canvas: Canvas,
    read: Callable[[generic.StreamObject], bytes],
    gs: _State,
    depth: int,
) -> None:
    xobjects = _get(resources, "/XObject")
    if not isinstance(xobjects, generic.DictionaryObject) or name not in xobjects:
        return
    raw = xobjects.raw_get(name)
    target = raw.get_object()
    if not isinstance(target, generic.StreamObject):
        return
    corners = [_apply(gs.ctm, x, y) for x in (0.0, 1.0) for y in (0.0, 1.0)]
    square = _box(corners)
    if square is None:
        return
    if _get(target, "/Subtype") == "/Image":
        a, b, c, d, _, _ = gs.ctm
        key = _key(raw)
        visible = _meet(square, gs.clip) or square
        if key is not None:
            straight = a > 0 and d > 0 and abs(b) < 1e-9 and abs(c) < 1e-9
            width, height = _get(target, "/Width"), _get(target, "/Height")
            square_pixels = True
            if (
                straight
                and isinstance(width, int)
                and isinstance(height, int)
                and width > 0 < height
            ):
                # Pixels stay square: rows are never squeezed together (or columns apart).
                square_pixels = abs(a / width - d / height) <= 0.01 * (a / width)
            order = canvas.next()
            canvas.drawn.append(
                Drawn(key, square, visible, straight, gs.faded, order, square_pixels)
            )
        canvas.painted.append(Painted(visible, canvas.order if key else canvas.next()))
        return
    if _get(target, "/Subtype") != "/Form" or depth >= MAX_DEPTH:
        return
    matrix = _get(target, "/Matrix")
    m = IDENTITY
    if isinstance(matrix, generic.ArrayObject) and len(matrix) == 6:
        m = tuple(float(v) for v in matrix)  # type: ignore[assignment]
    inner = _State(multiply(m, gs.ctm), gs.clip, gs.faded)
    bbox = _get(target, "/BBox")
    if isinstance(bbox, generic.ArrayObject) and len(bbox) == 4:
        x0, y0, x1, y1 = (float(v) for v in bbox)
        area = _box([_apply(inner.ctm, x, y) for x in (x0, x1) for y in (y0, y1)])
        inner.clip = _meet(inner.clip, area)
    follow(read(target), _get(target, "/Resources", resources), canvas, read, inner, depth + 1)


def over_pictures(
    canvas: Canvas,
    annotations: Sequence[Box],
    whole: set[tuple[int, int]],
    page: int,
    number: int,
) -> list[Bi]:
    """Why pictures on this page are not shown whole and uncovered. `whole`: the pictures that
    must be shown entire (lossless slices); every picture must be shown uncovered, unfaded."""
    problems: list[Bi] = []
    for drawn in canvas.drawn:
        if drawn.faded or not drawn.straight:
            problems.append(T.PICTURE_DISTORTED.format(number=number, page=page))
            continue
        if drawn.key in whole and not drawn.square_pixels:
            problems.append(T.PICTURE_DISTORTED.format(number=number, page=page))
            continue
        if drawn.key in whole and not _near(drawn.visible, drawn.square):
            problems.append(T.PICTURE_CUT.format(number=number, page=page))
            continue
        for thing in canvas.painted:
            if thing.order <= drawn.order or not _inside(thing.box, drawn.visible):
                continue
            if thing.frame and _near(thing.box, drawn.visible):
                continue
            problems.append(T.PICTURE_COVERED.format(number=number, page=page))
            break
        else:
            if any(_inside(box, drawn.visible) for box in annotations):
                problems.append(T.PICTURE_COVERED.format(number=number, page=page))
    return problems

"""Every file a PDF viewer could offer, not only the ones in the attachment list.

A viewer offers embedded files from the catalog's name tree, but also from associated-file
(/AF) arrays on the catalog, pages, annotations and XObjects, from FileAttachment annotations,
and from any file specification with an /EF dictionary, under its /F, /UF, /DOS, /Mac or
/Unix entry. `offered` walks the whole object graph of the latest revision from the trailer
(/Root, /Info), once per object (a visited set of references), and records every file
specification and every stream typed /EmbeddedFile it meets, with where it was found.

It reads dictionaries only: a stream's dictionary is parsed from the file without reading its
data (`_peek`), so a bundle carrying a video of gigabytes costs no more to walk than one
without, and nothing lands in pyHanko's object cache but small objects.

`problems` then holds them against the name tree and bundle.json: every file offered must be
a name-tree entry, hold one stream under every /EF key, be the only one to use that stream,
carry its listed name and size, and be listed in bundle.json either as one of an item's files
or as the custody anchor's token (bundle.json itself is the bundle's own index).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import read_non_whitespace
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.xref import ObjStreamRef, read_object_header

from evidencekit.bilingual import Bi
from evidencekit.verify import limits, objstreams
from evidencekit.verify import texts as T

EF_KEYS = ("/F", "/UF", "/DOS", "/Mac", "/Unix")
_TRAIL = 4  # keys kept of the path to a file, for the reason


class RepeatedNode(ValueError):
    """A walk met the same object twice (a loop, or nodes that list each other), or a
    dictionary that defines a key twice (which of the two a viewer takes is anyone's guess)."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


class Listed(Protocol):
    """What `pdfread.Attached` gives of a name-tree entry."""

    @property
    def ref(self) -> generic.Reference: ...  # the stream hashed

    @property
    def spec_ref(self) -> generic.Reference: ...  # its file specification


Key = tuple[int, int]


@dataclass(frozen=True)
class Where:
    page: int | None  # 1-based, when the path to it passed through a page
    top: str  # "/Root" or "/Info"
    trail: tuple[str, ...]

    def said(self) -> Bi:
        path = " → ".join(self.trail[-_TRAIL:])
        if self.page is not None:
            return T.EMBEDDED_WHERE_PAGE.format(page=self.page, path=path)
        if self.top == "/Info":
            return T.EMBEDDED_WHERE_INFO.format(path=path)
        return T.EMBEDDED_WHERE_CATALOG.format(path=path)


@dataclass(frozen=True)
class Spec:
    """A file specification with /EF (or /RF) met in the walk."""

    key: Key | None  # its own reference; None when it is a direct object
    where: Where
    names: tuple[str | None, str | None]  # its /F and /UF
    streams: tuple[tuple[str, Key | None], ...]  # /EF key -> the stream it names
    related: bool  # it has /RF (related files): EvidenceKit never writes them

    @property
    def shown(self) -> str:
        return self.names[1] or self.names[0] or "?"


@dataclass
class Offered:
    specs: list[Spec] = field(default_factory=list)
    streams: dict[Key, tuple[Where, int | None]] = field(default_factory=dict)  # size in /Params
    active: list[tuple[Bi, Where]] = field(default_factory=list)  # see `_active`
    visited: int = 0


# Actions that only move the view (a link to a page, to a web address) are harmless; export
# writes none at all (its links are plain destinations), nor anything else `_active` finds.
_MOVES_ONLY = {"/GoTo", "/URI"}
_ACTIVE_KEYS = {
    "/JS": T.ACTIVE_JAVASCRIPT,
    "/JavaScript": T.ACTIVE_JAVASCRIPT,
    "/AA": T.ACTIVE_ON_EVENT,
    "/OpenAction": T.ACTIVE_ON_OPEN,
    "/XFA": T.ACTIVE_XFA,
    "/OCProperties": T.ACTIVE_OPTIONAL,
    "/OC": T.ACTIVE_OPTIONAL,
}


def _active(obj: generic.DictionaryObject, reached_by: str) -> tuple[Bi, str] | None:
    """What in `obj` a viewer runs or obeys beyond showing the pages: JavaScript, actions on
    opening or on events, an XFA form, optional content, or an action (reached by /A or /Next)
    that does more than move the view (/Launch, /Hide, /SetOCGState, /ImportData, ...)."""
    for key, what in _ACTIVE_KEYS.items():
        if key in obj:
            return what, key
    # /Next also links outline items (with /Title); an action's /Next is an action (with /S).
    action = reached_by == "/A" or (reached_by == "/Next" and "/S" in obj)
    if action or str(_get(obj, "/Type")) == "/Action":
        kind = str(_get(obj, "/S"))
        if kind not in _MOVES_ONLY:
            return T.ACTIVE_ACTION.format(kind=kind), "/S"
    return None


def _key(ref: generic.Reference | generic.IndirectObject) -> Key:
    return (ref.idnum, ref.generation)


def _value(stream: Any, container: generic.Reference) -> generic.PdfObject:
    """One object at the stream's position; dictionaries and arrays by `_dictionary` and
    here, so that a key defined twice is seen at any depth."""
    read_non_whitespace(stream, seek_back=True)
    start = stream.read(2)
    stream.seek(-len(start), os.SEEK_CUR)
    if start == b"<<":
        return _dictionary(stream, container)
    if start[:1] == b"[":
        stream.read(1)
        items = generic.ArrayObject()
        while True:
            if read_non_whitespace(stream) == b"]":
                return items
            stream.seek(-1, os.SEEK_CUR)
            items.append(_value(stream, container))
    return generic.read_object(stream, container)


def _dictionary(stream: Any, container: generic.Reference) -> generic.DictionaryObject:
    """The dictionary at the stream's position, without the stream data that may follow it."""
    stream.read(2)  # "<<"
    data: dict[generic.NameObject, generic.PdfObject] = {}
    while True:
        token = read_non_whitespace(stream)
        if token == b">":
            stream.read(1)
            return generic.DictionaryObject(data)
        stream.seek(-1, os.SEEK_CUR)
        name = generic.NameObject.read_from_stream(stream)
        value = _value(stream, container)
        if name in data:  # pyHanko keeps the first; a viewer may take the second
            raise RepeatedNode(T.EMBEDDED_KEY_TWICE.format(key=str(name)))
        data[name] = value


def dictionary_at(stream: Any, container: generic.Reference) -> generic.DictionaryObject:
    """The dictionary at the stream's position (a trailer), read here: RepeatedNode when it
    defines a key twice (see `_dictionary`); ValueError when there is none."""
    if stream.read(2) != b"<<":
        raise ValueError("no dictionary where the cross-reference section says")
    stream.seek(-2, os.SEEK_CUR)
    return _dictionary(stream, container)


def peek(reader: PdfFileReader, ref: generic.Reference) -> generic.PdfObject:
    """`_peek` for other modules (objstreams reads cross-reference stream dictionaries)."""
    return _peek(reader, ref)


def _peek(reader: PdfFileReader, ref: generic.Reference) -> generic.PdfObject:
    """The object `ref` names as of the latest revision; for a stream, only its dictionary.
    Read from the file even when pyHanko holds it already: only here are keys defined twice
    seen (pyHanko keeps the first silently)."""
    marker = reader.xrefs[ref]
    if marker is None:
        return generic.NullObject()
    if isinstance(marker, ObjStreamRef) and not reader.encrypted:
        # In an object stream (never a stream itself): read there too, for keys twice.
        data, start = objstreams.locate(reader, marker)
        data.seek(start)
        return _value(data, generic.Reference(ref.idnum, ref.generation, reader))
    if not isinstance(marker, int) or reader.encrypted:
        return reader.get_object(ref)
    stream = reader.stream
    stream.seek(marker)
    if read_object_header(stream, strict=False) != (ref.idnum, ref.generation):
        raise ValueError("an object is not where the cross-reference table says")
    read_non_whitespace(stream, seek_back=True)
    if stream.read(2) != b"<<":
        return reader.get_object(ref)
    stream.seek(-2, os.SEEK_CUR)
    return _dictionary(stream, generic.Reference(ref.idnum, ref.generation, reader))


def _children(obj: generic.PdfObject) -> Iterator[tuple[str, generic.PdfObject]]:
    if isinstance(obj, generic.DictionaryObject):
        for key in list(obj.keys()):
            yield str(key), obj.raw_get(key)
    elif isinstance(obj, generic.ArrayObject):
        for index in range(len(obj)):
            yield "", obj.raw_get(index)


def _pages(reader: PdfFileReader) -> dict[Key, int]:
    """Page references -> page numbers, from the page tree (each node once)."""
    numbers: dict[Key, int] = {}
    seen: set[Key] = set()
    pending: list[generic.PdfObject] = [reader.root.raw_get("/Pages")]
    while pending:
        node = pending.pop()
        if isinstance(node, generic.IndirectObject):
            if _key(node) in seen:
                raise RepeatedNode(T.EMBEDDED_PAGE_TREE_REPEATS)
            seen.add(_key(node))
            if str(_get(node.get_object(), "/Type")) == "/Page":
                numbers[_key(node)] = len(numbers) + 1
                continue
        resolved = node.get_object()
        if isinstance(resolved, generic.DictionaryObject) and "/Kids" in resolved:
            kids = resolved["/Kids"]
            pending += [kids.raw_get(i) for i in reversed(range(len(kids)))]
    return numbers


def _get(obj: generic.DictionaryObject, key: str) -> generic.PdfObject | None:
    """`obj[key]` resolved (a dictionary's own `get` would hand back a bare reference)."""
    return obj[key] if key in obj else None


def _text(value: generic.PdfObject | None) -> str | None:
    """A file name as a viewer shows it; anything but a text string (bytes pyHanko could not
    decode, a number) is shown as its raw form, which never equals a listed name."""
    if value is None or isinstance(value, (generic.TextStringObject, str)):
        return None if value is None else str(value)
    return repr(value)


def _spec(obj: generic.DictionaryObject, key: Key | None, where: Where) -> Spec:
    names = (_text(_get(obj, "/F")), _text(_get(obj, "/UF")))
    embedded = _get(obj, "/EF")
    streams: list[tuple[str, Key | None]] = []
    if isinstance(embedded, generic.DictionaryObject):
        for name in embedded:
            raw = embedded.raw_get(name)
            streams.append(
                (str(name), _key(raw) if isinstance(raw, generic.IndirectObject) else None)
            )
    return Spec(key, where, names, tuple(streams), "/RF" in obj)


def _size(obj: generic.DictionaryObject) -> int | None:
    params = _get(obj, "/Params")
    size = _get(params, "/Size") if isinstance(params, generic.DictionaryObject) else None
    return int(size) if isinstance(size, int) else None


def offered(reader: PdfFileReader) -> Offered:
    """Every file specification and embedded-file stream reachable from the trailer."""
    pages = _pages(reader)
    found = Offered()
    visited: set[Key] = set()
    queue: deque[tuple[generic.PdfObject, Where]] = deque()
    trailer = reader.trailer_view
    for top in ("/Root", "/Info"):
        if top in trailer:
            queue.append((trailer.raw_get(top), Where(None, top, ())))
    while queue:
        obj, where = queue.popleft()
        key: Key | None = None
        if isinstance(obj, generic.IndirectObject):
            key = _key(obj)
            if key in visited:
                continue
            visited.add(key)
            if len(visited) % limits.EVERY == 0:
                limits.check_time()
            obj = _peek(reader, obj.reference)
            if key in pages:
                where = Where(pages[key], where.top, ())
        if isinstance(obj, generic.DictionaryObject):
            active = _active(obj, where.trail[-1] if where.trail else "")
            if active is not None:
                trail = (*where.trail, active[1])
                found.active.append((active[0], Where(where.page, where.top, trail)))
            if "/EF" in obj or "/RF" in obj:
                found.specs.append(_spec(obj, key, where))
            if key is not None and str(_get(obj, "/Type")) == "/EmbeddedFile":
                found.streams[key] = (where, _size(obj))
        for name, child in _children(obj):
            if isinstance(
                child, (generic.DictionaryObject, generic.ArrayObject, generic.IndirectObject)
            ):
                trail = (*where.trail, name) if name else where.trail
                queue.append((child, Where(where.page, where.top, trail)))
    found.visited = len(visited)
    return found


def _ascii(name: str) -> str:
    """How export writes /F: every character outside printable ASCII becomes '_'."""
    return "".join(c if 32 <= ord(c) < 127 else "_" for c in name)


def _spec_problems(spec: Spec, listed: dict[Key, str]) -> list[Bi]:
    where = spec.where.said()
    name = listed.get(spec.key) if spec.key is not None else None
    if name is None:
        return [T.EMBEDDED_UNLISTED.format(name=spec.shown, where=where)]
    problems: list[Bi] = []
    if spec.related:
        problems.append(T.EMBEDDED_RELATED.format(name=name))
    targets = {stream for _, stream in spec.streams}
    if len(targets) != 1 or None in targets:
        problems.append(T.EMBEDDED_TWO_CONTENTS.format(name=name))
    f_name, uf_name = spec.names
    if (uf_name is not None and uf_name != name) or f_name not in (None, name, _ascii(name)):
        shown = uf_name if uf_name not in (None, name) else f_name
        problems.append(T.EMBEDDED_OTHER_NAME.format(name=name, shown=shown))
    return problems


def _listing_problems(parsed: Any) -> list[Bi]:
    """bundle.json's list: each name once, each either an item's file or the anchor token."""
    problems: list[Bi] = []
    items = {str(item.get("id")): item for item in parsed.items if isinstance(item, dict)}
    anchor = (parsed.anchor or {}).get("attachment") if isinstance(parsed.anchor, dict) else None
    seen: set[str] = set()
    for entry in parsed.attachments:
        name = entry["name"]
        if name in seen:
            problems.append(T.EMBEDDED_LISTED_TWICE.format(name=name))
        seen.add(name)
        item = entry.get("item")
        if item is None:
            if name != anchor or entry.get("artifact") is not None:
                problems.append(T.EMBEDDED_NO_ITEM.format(name=name))
            continue
        owner = items.get(str(item))
        files = owner.get("artifacts") if owner is not None else None
        if not isinstance(files, list):
            problems.append(T.EMBEDDED_NO_SUCH_ITEM.format(name=name, item=item))
        elif not any(
            isinstance(f, dict)
            and f.get("name") == entry.get("artifact")
            and f.get("attachment") == name
            for f in files
        ):
            problems.append(T.EMBEDDED_NOT_ITEM_FILE.format(name=name, item=item))
    return problems


def problems(
    reader: PdfFileReader,
    found: Mapping[str, Listed],
    parsed: Any,
    sizes: dict[str, int],
) -> list[Bi]:
    """What is wrong with the files the PDF offers, against the name tree (`found`, name ->
    entry), bundle.json (`parsed`) and the sizes measured while hashing (`sizes`)."""
    try:
        walked = offered(reader)
    except RepeatedNode as exc:
        return [T.EMBEDDED_WALK_REPEATS.format(why=exc.reason)]
    listed = {_key(entry.spec_ref): name for name, entry in found.items()}
    out: list[Bi] = []
    users: dict[Key, list[Spec]] = {}
    for spec in walked.specs:
        out += _spec_problems(spec, listed)
        for stream in {s for _, s in spec.streams if s is not None}:
            users.setdefault(stream, []).append(spec)
    for _stream, specs in sorted(users.items()):
        if len(specs) > 1:
            shown = ", ".join(sorted({s.shown for s in specs}))
            out.append(T.EMBEDDED_SHARED.format(names=shown))
    out += [
        T.EMBEDDED_ACTIVE.format(what=what, where=where.said()) for what, where in walked.active
    ]
    for stream, (where, _) in sorted(walked.streams.items()):
        if stream not in users:
            out.append(T.EMBEDDED_STRAY.format(where=where.said()))
    for name, entry in found.items():
        recorded = walked.streams.get(_key(entry.ref), (None, None))[1]
        if recorded is not None and name in sizes and recorded != sizes[name]:
            out.append(T.EMBEDDED_SIZE.format(name=name, size=recorded, real=sizes[name]))
    return out + _listing_problems(parsed)

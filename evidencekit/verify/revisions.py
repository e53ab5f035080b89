"""What may change in a bundle after it was signed: only what `export` itself writes.

Export signs the finished report in one revision (the signature and, for B-LTA, the validation
data beside it). Then, for B-LTA, it adds one document timestamp as an incremental update, and
pyHanko may add validation data (the DSS) before it. A later revision can add or change anything
else too: an annotation or a widget painted over a page, a page's content, the document's /Info,
the catalog. A viewer shows those changes, yet no signature over the evidence covers them.

pyHanko's own modification analysis lets some of them through (it counts a signature widget
whose /Rect holds an indirect number as invisible, and an /Info rewrite followed by a document
timestamp as "LTA updates"). So the verifier compares the revisions' objects itself and accepts,
after the signed revision, exactly this and nothing else:

- validation data: the catalog's /DSS entry and what it holds;
- one document timestamp: a new signature field whose widget is invisible by literal numbers
  (a /Rect of zero width or height, no appearance), its /DocTimeStamp value, the field appended
  to the form's /Fields and the widget to its page's /Annots;
- /Info's /ModDate and the XMP's dates, which pyHanko rewrites whenever it writes a revision.

Everything else (a changed or new object of any other kind, a freed object, a new /Root, /Info
or /Encrypt in the trailer) makes the bundle invalid. Only standard library and pyHanko objects.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T

MAX_LATER_REVISIONS = 3
"""Revisions export can write after the signed one: validation data, a document timestamp, and
validation data for that timestamp. pyHanko's own analysis costs grow with the square of the
number of revisions, so more than this is refused before it runs."""

MAX_XMP_BYTES = 1024 * 1024
_MAX_DEPTH = 32
_MAX_DSS_OBJECTS = 100_000
_XMP_DATES = {
    "{http://ns.adobe.com/xap/1.0/}ModifyDate",
    "{http://ns.adobe.com/xap/1.0/}MetadataDate",
}
_WIDGET_KEYS = {"/FT", "/T", "/Type", "/Subtype", "/F", "/Rect", "/P", "/V", "/TU"}
_STAMP_KEYS = {"/Type", "/Filter", "/SubFilter", "/Contents", "/ByteRange", "/M"}
_CONTAINERS = {"/ObjStm", "/XRef"}  # where objects and the cross-reference table are stored


class _Refused(Exception):
    """A later revision holds something export never writes; `reason` says what, for people."""

    def __init__(self, reason: Bi) -> None:
        super().__init__(reason.en)
        self.reason = reason


def too_many_revisions(reader: PdfFileReader, signed_revision: int) -> Bi | None:
    """Why there are more revisions after the signed one than export writes, or None."""
    later = reader.total_revisions - 1 - signed_revision
    if later <= MAX_LATER_REVISIONS:
        return None
    return T.TOO_MANY_REVISIONS.format(count=T.number(later), allowed=MAX_LATER_REVISIONS)


def changes_after_signing(
    reader: PdfFileReader, signed_revision: int, stamp_revisions: Iterable[int]
) -> Bi | None:
    """Why a revision after `signed_revision` holds more than export writes, or None.

    `stamp_revisions`: the revisions in which a document timestamp was signed (each covers
    its own revision); only one of them may follow the signature."""
    stamps = {r for r in stamp_revisions if r > signed_revision}
    if len(stamps) > 1:
        return T.MORE_THAN_ONE_DOCUMENT_TIMESTAMP.format(count=len(stamps))
    try:
        for revision in range(signed_revision + 1, reader.total_revisions):
            _Revision(reader, revision, revision in stamps).check()
    except _Refused as refused:
        return refused.reason
    return None


def _ref(value: object) -> generic.Reference | None:
    return value.reference if isinstance(value, generic.IndirectObject) else None


def _same(a: object, b: object, depth: int = 0) -> bool:
    """Two PDF values are the same, references compared by number (never followed)."""
    if depth > _MAX_DEPTH:
        raise _Refused(T.NESTED_TOO_DEEP)
    if isinstance(a, generic.IndirectObject) or isinstance(b, generic.IndirectObject):
        return _ref(a) == _ref(b)
    if isinstance(a, generic.StreamObject) or isinstance(b, generic.StreamObject):
        if not (isinstance(a, generic.StreamObject) and isinstance(b, generic.StreamObject)):
            return False
        return a.encoded_data == b.encoded_data and _same_dict(a, b, depth)
    if isinstance(a, generic.DictionaryObject) and isinstance(b, generic.DictionaryObject):
        return _same_dict(a, b, depth)
    if isinstance(a, list) and isinstance(b, list):  # ArrayObject, or a raw slice of one
        # Iterating a list gives the raw values: references are compared, never followed.
        return len(a) == len(b) and all(
            _same(x, y, depth + 1) for x, y in zip(list.__iter__(a), list.__iter__(b), strict=True)
        )
    if isinstance(a, generic.TextStringObject | generic.ByteStringObject):
        return isinstance(b, generic.TextStringObject | generic.ByteStringObject) and (
            a.original_bytes == b.original_bytes
        )
    return type(a) is type(b) and a == b


def _same_dict(
    a: generic.DictionaryObject,
    b: generic.DictionaryObject,
    depth: int,
    but: frozenset[str] = frozenset(),
) -> bool:
    keys = set(a) - but
    if keys != set(b) - but:
        return False
    return all(_same(a.raw_get(k), b.raw_get(k), depth + 1) for k in keys)


def _raw_ref(container: generic.DictionaryObject, key: str) -> generic.Reference | None:
    return _ref(container.raw_get(key)) if key in container else None


def _literal_number(value: object) -> bool:
    return isinstance(value, generic.NumberObject | generic.FloatObject)


def _invisible_rect(rect: object) -> bool:
    """A /Rect of four literal numbers enclosing no area (no reference a viewer may resolve)."""
    if not isinstance(rect, generic.ArrayObject) or len(rect) != 4:
        return False
    if not all(_literal_number(v) for v in rect):
        return False
    x1, y1, x2, y2 = (float(v) for v in rect)
    return x1 == x2 or y1 == y2


@dataclass
class _Revision:
    """One revision after the signed one, compared object by object with the one before."""

    reader: PdfFileReader
    number: int
    is_stamp: bool
    widgets: list[generic.Reference] = field(default_factory=list)  # appended to /Fields
    pages_with_widget: list[generic.Reference] = field(default_factory=list)

    def check(self) -> None:
        xrefs = self.reader.xrefs
        if xrefs.refs_freed_in_revision(self.number):
            raise _Refused(T.OBJECT_FREED)
        old = self.reader.get_historical_resolver(self.number - 1)
        new = self.reader.get_historical_resolver(self.number)
        root = self._trailer(old, new)
        catalog = old(root)
        if not isinstance(catalog, generic.DictionaryObject):
            raise _Refused(T.CATALOG_CHANGED)
        info = _raw_ref(old.trailer_view, "/Info")
        judges = {
            root: self._catalog,
            _raw_ref(catalog, "/Metadata"): self._xmp,
            info: self._info,
            _raw_ref(catalog, "/AcroForm"): self._form,
        }
        special = {ref: judge for ref, judge in judges.items() if ref is not None}
        dss_old, _ = _dss(old, catalog)
        changed = sorted(xrefs.explicit_refs_in_revision(self.number), key=lambda r: r.idnum)
        added: list[generic.Reference] = []
        for ref in changed:
            if xrefs.get_historical_ref(ref, self.number - 1) is None:
                added.append(ref)
                continue
            before, after = old(ref), new(ref)
            judge = special.get(ref)
            if judge is not None:
                judge(before, after)
            elif ref in dss_old:
                continue  # validation data may be rewritten
            elif _is_page(before):
                self._page(ref, before, after)
            elif not _same(before, after):
                raise _Refused(T.OBJECT_CHANGED.format(what=_kind(before), number=ref.idnum))
        self._check_added(new, added)

    def _trailer(self, old: HistoricalResolver, new: HistoricalResolver) -> generic.Reference:
        before, after = old.trailer_view, new.trailer_view
        if "/Encrypt" in after:
            raise _Refused(T.TRAILER_CHANGED)
        for key in ("/Root", "/Info"):
            if (key in before) != (key in after):
                raise _Refused(T.TRAILER_CHANGED)
            if key in before and _ref(before.raw_get(key)) != _ref(after.raw_get(key)):
                raise _Refused(T.TRAILER_CHANGED)
        root = _ref(before.raw_get("/Root"))
        if root is None:
            raise _Refused(T.TRAILER_CHANGED)
        return root

    def _catalog(self, before: object, after: object) -> None:
        # /DSS holds validation data only; nothing in it is shown.
        if not (
            isinstance(before, generic.DictionaryObject)
            and isinstance(after, generic.DictionaryObject)
            and _same_dict(before, after, 0, but=frozenset({"/DSS"}))
        ):
            raise _Refused(T.CATALOG_CHANGED)
        if "/DSS" in after and _ref(after.raw_get("/DSS")) is None:
            raise _Refused(T.CATALOG_CHANGED)

    def _info(self, before: object, after: object) -> None:
        if not (
            isinstance(before, generic.DictionaryObject)
            and isinstance(after, generic.DictionaryObject)
            and _same_dict(before, after, 0, but=frozenset({"/ModDate"}))
            and isinstance(
                after.get("/ModDate"), generic.TextStringObject | generic.ByteStringObject | None
            )
        ):
            raise _Refused(T.INFO_CHANGED)

    def _xmp(self, before: object, after: object) -> None:
        if not (
            isinstance(before, generic.StreamObject) and isinstance(after, generic.StreamObject)
        ):
            raise _Refused(T.XMP_CHANGED)
        if not _same_dict(before, after, 0, but=frozenset({"/Length", "/Filter", "/DecodeParms"})):
            raise _Refused(T.XMP_CHANGED)
        if _xmp_without_dates(before) != _xmp_without_dates(after):
            raise _Refused(T.XMP_CHANGED)

    def _form(self, before: object, after: object) -> None:
        if not (
            self.is_stamp
            and isinstance(before, generic.DictionaryObject)
            and isinstance(after, generic.DictionaryObject)
            and _same_dict(before, after, 0, but=frozenset({"/Fields"}))
        ):
            raise _Refused(T.FORM_CHANGED)
        old_fields, new_fields = before.raw_get("/Fields"), after.raw_get("/Fields")
        if not (
            isinstance(old_fields, generic.ArrayObject)
            and isinstance(new_fields, generic.ArrayObject)
            and len(new_fields) == len(old_fields) + 1
            and _same(list(old_fields), list(new_fields)[:-1])
            and _ref(list(new_fields)[-1]) is not None
        ):
            raise _Refused(T.FORM_CHANGED)
        self.widgets.append(list(new_fields)[-1].reference)

    def _page(self, ref: generic.Reference, before: object, after: object) -> None:
        """A page may change only by getting the document timestamp's widget in /Annots."""
        assert isinstance(before, generic.DictionaryObject)
        if not (
            self.is_stamp
            and isinstance(after, generic.DictionaryObject)
            and _same_dict(before, after, 0, but=frozenset({"/Annots"}))
        ):
            raise _Refused(T.PAGE_CHANGED)
        old_annots = before.raw_get("/Annots") if "/Annots" in before else generic.ArrayObject()
        new_annots = after.raw_get("/Annots") if "/Annots" in after else None
        if not (
            isinstance(old_annots, generic.ArrayObject)
            and isinstance(new_annots, generic.ArrayObject)
            and len(new_annots) == len(old_annots) + 1
            and _same(list(old_annots), list(new_annots)[:-1])
            and _ref(list(new_annots)[-1]) is not None
        ):
            raise _Refused(T.PAGE_CHANGED)
        self.pages_with_widget.append(ref)
        self.widgets.append(list(new_annots)[-1].reference)

    def _check_added(self, new: HistoricalResolver, added: list[generic.Reference]) -> None:
        """New objects: the timestamp's widget and value, validation data, object containers."""
        if self.is_stamp and (len(set(self.widgets)) != 1 or len(self.widgets) != 2):
            raise _Refused(T.STAMP_FIELD_WRONG)
        catalog = new(new.root_ref)
        assert isinstance(catalog, generic.DictionaryObject)
        containers, streams = _dss(new, catalog)
        dss = containers | streams
        allowed: set[generic.Reference] = set()
        if self.widgets:
            widget_ref = self.widgets[0]
            if widget_ref not in added:
                raise _Refused(T.STAMP_FIELD_WRONG)
            allowed.add(widget_ref)
            allowed.add(self._widget(new, widget_ref))
        for ref in added:
            if ref in allowed or ref in dss:
                continue
            obj = new(ref)
            if isinstance(obj, generic.StreamObject) and obj.get("/Type") in _CONTAINERS:
                continue
            raise _Refused(T.OBJECT_ADDED.format(what=_kind(obj), number=ref.idnum))

    def _widget(self, new: HistoricalResolver, ref: generic.Reference) -> generic.Reference:
        """The document timestamp's field: invisible by literal numbers; returns its value."""
        widget = new(ref)
        if not isinstance(widget, generic.DictionaryObject) or set(widget) - _WIDGET_KEYS:
            raise _Refused(T.STAMP_FIELD_WRONG)
        if widget.get("/FT") != "/Sig" or widget.get("/Subtype") != "/Widget":
            raise _Refused(T.STAMP_FIELD_WRONG)
        if not _invisible_rect(widget.raw_get("/Rect") if "/Rect" in widget else None):
            raise _Refused(T.STAMP_FIELD_VISIBLE)
        if "/P" in widget and _ref(widget.raw_get("/P")) not in self.pages_with_widget:
            raise _Refused(T.STAMP_FIELD_WRONG)
        value_ref = _ref(widget.raw_get("/V")) if "/V" in widget else None
        if value_ref is None:
            raise _Refused(T.STAMP_FIELD_WRONG)
        value = new(value_ref)
        if (
            not isinstance(value, generic.DictionaryObject)
            or set(value) - _STAMP_KEYS
            or value.get("/Type") != "/DocTimeStamp"
        ):
            raise _Refused(T.STAMP_FIELD_WRONG)
        return value_ref


def _dss(
    resolver: HistoricalResolver, catalog: generic.DictionaryObject
) -> tuple[set[generic.Reference], set[generic.Reference]]:
    """What the catalog's /DSS holds: its dictionaries and arrays (which pyHanko may rewrite),
    and the streams they point to (certificates, OCSP responses, CRLs; not looked into)."""
    containers: set[generic.Reference] = set()
    streams: set[generic.Reference] = set()
    pending = [catalog.raw_get("/DSS")] if "/DSS" in catalog else []
    while pending:
        value = pending.pop()
        ref = _ref(value)
        if ref is not None:
            if ref in containers or ref in streams:
                continue
            if len(containers) + len(streams) > _MAX_DSS_OBJECTS:
                raise _Refused(T.NESTED_TOO_DEEP)
            value = resolver(ref)
            if isinstance(value, generic.StreamObject):
                # Certificates, OCSP responses, CRLs: data, pointing nowhere else (pyHanko
                # counts whatever such a stream's dictionary points to as validation data).
                if any(_ref(value.raw_get(k)) is not None for k in value if k != "/Length"):
                    raise _Refused(T.DSS_POINTS_ELSEWHERE)
                streams.add(ref)
                continue
            containers.add(ref)
        if isinstance(value, generic.DictionaryObject):
            # /Type and /TU are a name and a date: neither may lead to other objects.
            if any(_ref(value.raw_get(k)) is not None for k in ("/Type", "/TU") if k in value):
                raise _Refused(T.DSS_POINTS_ELSEWHERE)
            pending += list(value.values())
        elif isinstance(value, generic.ArrayObject):
            pending += list(value)
    return containers, streams


def _is_page(obj: object) -> bool:
    return isinstance(obj, generic.DictionaryObject) and obj.get("/Type") == "/Page"


def _kind(obj: object) -> Bi:
    """What an object is, in words: a page, an annotation, a picture, ..."""
    if isinstance(obj, generic.DictionaryObject):
        kind = obj.get("/Type"), obj.get("/Subtype")
        if kind[0] == "/Page":
            return T.KIND_PAGE
        if kind[0] == "/Annot" or kind[1] in ("/Widget", "/FreeText", "/Square", "/Stamp"):
            return T.KIND_ANNOTATION
        if kind[1] in ("/Image", "/Form"):
            return T.KIND_PICTURE
        if kind[0] in ("/Filespec", "/EmbeddedFile"):
            return T.KIND_FILE
        if isinstance(obj, generic.StreamObject):
            return T.KIND_STREAM
    return T.KIND_OBJECT


def _xmp_without_dates(stream: generic.StreamObject) -> object:
    """The XMP packet as a tree (namespace prefixes resolved), without the dates pyHanko
    rewrites; a packet that is too large or not XML is refused."""
    data = stream.data
    # No document type, so no entities to expand: what makes XML parsers unsafe (defusedxml's
    # concerns) cannot occur, and XMP never needs one.
    if len(data) > MAX_XMP_BYTES or b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise _Refused(T.XMP_CHANGED)
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD allowed, see above
    except ET.ParseError as exc:
        raise _Refused(T.XMP_CHANGED) from exc

    def shape(element: ET.Element, depth: int) -> object:
        if depth > _MAX_DEPTH:
            raise _Refused(T.NESTED_TOO_DEEP)
        attributes = sorted((k, v) for k, v in element.attrib.items() if k not in _XMP_DATES)
        children = [shape(c, depth + 1) for c in element if c.tag not in _XMP_DATES]
        return (element.tag, attributes, (element.text or "").strip(), children)

    return shape(root, 0)

"""Files a PDF viewer offers besides the bundle's list, forged the way issue 11's review did.

Each `edit_*` function changes a bundle through pyHanko's `IncrementalPdfFileWriter`. It is
applied one of two ways:

- `after_signing`: an incremental update appended after the genuine signature and document
  timestamp (the signed bytes untouched);
- `inside_signature`: the same edit made to the bundle's unsigned report, which is then
  signed again with the vault's own identity (`sign_in_place`, with the TSA): the PDF
  signature is intact and covers the forgery, so only the verifier's own look at the embedded
  files can catch it.

`pikepdf_inside_signature` does the same with a pikepdf rewrite of the whole file (objects
renumbered, packed into object streams). `name_tree_repeats_pdf` writes a ~2 KB PDF whose
name tree nodes list each other as kids, again and again.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pikepdf
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from evidencekit.bundle.sign import sign_in_place
from evidencekit.seal.identity import Identity
from tests.support.forging import revision_starts
from tests.support.tsa import TsaPki, TsaServer

Edit = Callable[[IncrementalPdfFileWriter], None]

PLANTED = b"<p>Signed statement: the accused wrote nothing.</p>"
PLANTED_NAME = "item-01/confession.html"


def lookalike(name: str) -> str:
    """`name` with its last Latin "p" swapped for a Cyrillic "р" (U+0440): it reads the same."""
    at = name.rindex("p")
    return name[:at] + "\u0440" + name[at + 1 :]


def _name(value: str) -> generic.NameObject:
    return generic.NameObject("/" + value)


def _stream(writer: IncrementalPdfFileWriter, data: bytes) -> generic.IndirectObject:
    params = generic.DictionaryObject({"/Size": generic.NumberObject(len(data))})
    return writer.add_object(
        generic.StreamObject({"/Type": _name("EmbeddedFile"), "/Params": params}, stream_data=data)
    )


def _filespec(
    writer: IncrementalPdfFileWriter, file_name: str, data: bytes
) -> generic.DictionaryObject:
    embedded = _stream(writer, data)
    return generic.DictionaryObject(
        {
            "/Type": _name("Filespec"),
            "/F": generic.TextStringObject(file_name),
            "/UF": generic.TextStringObject(file_name),
            "/AFRelationship": _name("Source"),
            "/EF": generic.DictionaryObject({"/F": embedded, "/UF": embedded}),
        }
    )


def _name_tree(writer: IncrementalPdfFileWriter) -> generic.ArrayObject:
    node = writer.root["/Names"]["/EmbeddedFiles"]
    assert isinstance(node.get_object(), generic.DictionaryObject)
    names = node.get_object()["/Names"]
    assert isinstance(names, generic.ArrayObject)
    return names


def _spec_ref(
    writer: IncrementalPdfFileWriter, matches: Callable[[str], bool]
) -> generic.IndirectObject:
    names = _name_tree(writer)
    index = next(i for i in range(0, len(names), 2) if matches(str(names[i])))
    ref = names.raw_get(index + 1)
    assert isinstance(ref, generic.IndirectObject)
    return ref


def edit_catalog_af(writer: IncrementalPdfFileWriter) -> None:
    """A file in the catalog's /AF array only: the name tree and bundle.json never list it
    (a PDF/A-3 viewer lists associated files)."""
    spec = writer.add_object(_filespec(writer, PLANTED_NAME, PLANTED))
    af = writer.root["/AF"]
    af.append(spec)
    writer.update_root()


def edit_page_af(writer: IncrementalPdfFileWriter) -> None:
    """A direct (not indirect) filespec in page 1's own /AF array."""
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    page["/AF"] = generic.ArrayObject([_filespec(writer, PLANTED_NAME, PLANTED)])
    writer.mark_update(page_ref)


def edit_xobject_af(writer: IncrementalPdfFileWriter) -> None:
    """A form XObject in page 1's resources whose own /AF offers a planted file."""
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    form = writer.add_object(
        generic.StreamObject(
            {
                "/Type": _name("XObject"),
                "/Subtype": _name("Form"),
                "/BBox": generic.ArrayObject(generic.NumberObject(n) for n in (0, 0, 1, 1)),
                "/AF": generic.ArrayObject(
                    [writer.add_object(_filespec(writer, PLANTED_NAME, PLANTED))]
                ),
            },
            stream_data=b"",
        )
    )
    resources = page.raw_get("/Resources")
    if isinstance(resources, generic.IndirectObject):
        target, holder = resources.get_object(), resources
    else:
        target, holder = resources, page_ref
    xobjects = target.raw_get("/XObject") if "/XObject" in target else None
    if isinstance(xobjects, generic.IndirectObject):
        xobjects.get_object()["/EkPlanted"] = form
        writer.mark_update(xobjects)
    else:
        if xobjects is None:
            target["/XObject"] = xobjects = generic.DictionaryObject()
        xobjects["/EkPlanted"] = form
    writer.mark_update(holder)


def edit_file_annotation(writer: IncrementalPdfFileWriter) -> None:
    """A FileAttachment annotation (a paperclip icon) on page 1, offering a planted file."""
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    annotation = writer.add_object(
        generic.DictionaryObject(
            {
                "/Type": _name("Annot"),
                "/Subtype": _name("FileAttachment"),
                "/Rect": generic.ArrayObject(generic.NumberObject(n) for n in (40, 40, 60, 64)),
                "/Contents": generic.TextStringObject("The original post"),
                "/FS": writer.add_object(_filespec(writer, PLANTED_NAME, PLANTED)),
            }
        )
    )
    annots = page.get("/Annots")
    if annots is None:
        page["/Annots"] = generic.ArrayObject([annotation])
    else:
        annots.get_object().append(annotation)
        writer.update_container(annots)
    writer.mark_update(page_ref)


def edit_f_differs(writer: IncrementalPdfFileWriter) -> None:
    """Item 1's page.html keeps its genuine /EF /UF stream (what the verifier hashed), while
    its /EF /F points at an altered copy (what a viewer reading /F extracts)."""
    spec_ref = _spec_ref(writer, lambda name: name.endswith("page.html"))
    spec = spec_ref.get_object()
    genuine = spec["/EF"].raw_get("/UF")
    spec["/EF"] = generic.DictionaryObject({"/F": _stream(writer, PLANTED), "/UF": genuine})
    writer.mark_update(spec_ref)


# A key pyHanko will write, turned afterwards into a second /F in the same dictionary (pyHanko
# cannot write one): same length, so every offset of the update stays right.
_TWIN_MARK, _TWIN = b"/Zz ", b"/F  "


def edit_f_twice(writer: IncrementalPdfFileWriter) -> None:
    """Item 1's page.html /EF dictionary defines /F twice: first the genuine stream (what
    pyHanko, and so the verifier, reads), then an altered one (what a viewer taking the last
    definition extracts)."""
    spec_ref = _spec_ref(writer, lambda name: name.endswith("page.html"))
    spec = spec_ref.get_object()
    genuine = spec["/EF"].raw_get("/UF")
    spec["/EF"] = generic.DictionaryObject(
        {"/F": genuine, "/UF": genuine, _TWIN_MARK.decode().strip(): _stream(writer, PLANTED)}
    )
    writer.mark_update(spec_ref)


def _rewrite_bundle_json(writer: IncrementalPdfFileWriter, change: Callable[[dict], None]) -> None:
    spec_ref = _spec_ref(writer, lambda name: name == "bundle.json")
    spec = spec_ref.get_object()
    index = json.loads(spec["/EF"]["/UF"].data)
    change(index)
    data = json.dumps(index, ensure_ascii=False, sort_keys=True, indent=1).encode()
    new = _stream(writer, data)
    spec["/EF"] = generic.DictionaryObject({"/F": new, "/UF": new})
    writer.mark_update(spec_ref)


def lookalike_edit(item: str | None) -> Edit:
    """A look-alike of item 1's page.html name added to the name tree and the catalog's /AF
    AND listed in bundle.json with its right SHA-256 and size, but under no item (`item`
    None) or under an item id that bundle.json's items do not have."""

    def edit(writer: IncrementalPdfFileWriter) -> None:
        names = _name_tree(writer)
        genuine = next(
            str(names[i]) for i in range(0, len(names), 2) if str(names[i]).endswith("page.html")
        )
        name = lookalike(genuine)
        spec = writer.add_object(_filespec(writer, name, PLANTED))
        names.append(generic.TextStringObject(name))
        names.append(spec)
        writer.update_container(names)
        writer.root["/AF"].append(spec)
        writer.update_root()
        entry = {
            "name": name,
            "media_type": "text/html",
            "size": len(PLANTED),
            "sha256": hashlib.sha256(PLANTED).hexdigest(),
            "item": item,
            "artifact": None if item is None else "page.html",
        }
        _rewrite_bundle_json(writer, lambda index: index["attachments"].append(entry))

    return edit


def edit_other_name(writer: IncrementalPdfFileWriter) -> None:
    """Item 1's page.html, genuine bytes, shown by a viewer (its /UF) under another name."""
    spec_ref = _spec_ref(writer, lambda name: name.endswith("page.html"))
    spec_ref.get_object()["/UF"] = generic.TextStringObject("invoice.html")
    writer.mark_update(spec_ref)


def edit_wrong_size(writer: IncrementalPdfFileWriter) -> None:
    """Item 1's page.html stream claims (in /Params /Size, what a viewer shows) another size."""
    spec = _spec_ref(writer, lambda name: name.endswith("page.html")).get_object()
    params_ref = spec["/EF"]["/UF"].raw_get("/Params")
    assert isinstance(params_ref, generic.IndirectObject)
    params_ref.get_object()["/Size"] = generic.NumberObject(7)
    writer.mark_update(params_ref)


def edit_related_files(writer: IncrementalPdfFileWriter) -> None:
    """Item 1's page.html filespec gains related files (/RF), a planted file among them."""
    spec_ref = _spec_ref(writer, lambda name: name.endswith("page.html"))
    spec = spec_ref.get_object()
    related = writer.add_object(
        generic.ArrayObject([generic.TextStringObject("part2.html"), _stream(writer, PLANTED)])
    )
    spec["/RF"] = generic.DictionaryObject({"/F": related})
    writer.mark_update(spec_ref)


def edit_stray_stream(writer: IncrementalPdfFileWriter) -> None:
    """An embedded-file stream hung on page 1 (under /PieceInfo) that no filespec names."""
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page_ref.get_object()["/PieceInfo"] = generic.DictionaryObject(
        {"/Hidden": generic.DictionaryObject({"/Data": _stream(writer, PLANTED)})}
    )
    writer.mark_update(page_ref)


def edit_shared_stream(writer: IncrementalPdfFileWriter) -> None:
    """A second filespec, under another name, pointing at item 1's genuine page.html stream,
    offered in the catalog's /AF (two names for one file)."""
    genuine = _spec_ref(writer, lambda name: name.endswith("page.html")).get_object()
    stream = genuine["/EF"].raw_get("/UF")
    spec = generic.DictionaryObject(
        {
            "/Type": _name("Filespec"),
            "/F": generic.TextStringObject(PLANTED_NAME),
            "/UF": generic.TextStringObject(PLANTED_NAME),
            "/EF": generic.DictionaryObject({"/F": stream, "/UF": stream}),
        }
    )
    writer.root["/AF"].append(writer.add_object(spec))
    writer.update_root()


def edit_name_tree_loop(writer: IncrementalPdfFileWriter) -> None:
    """The bundle's name tree replaced by two nodes that list each other (and themselves)."""
    first = writer.add_object(generic.DictionaryObject())
    second = writer.add_object(generic.DictionaryObject())
    first.get_object()["/Kids"] = generic.ArrayObject([second, first])
    second.get_object()["/Kids"] = generic.ArrayObject([first, second])
    names = writer.root["/Names"]
    names["/EmbeddedFiles"] = first
    writer.update_container(names)
    writer.update_root()


def _apply(path: Path, edit: Edit) -> None:
    start = path.stat().st_size
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        edit(writer)
        writer.write_in_place()
        handle.seek(start)
        update = handle.read()
        if _TWIN_MARK in update:
            handle.seek(start)
            handle.write(update.replace(_TWIN_MARK, _TWIN))


def after_signing(source: Path, target: Path, edit: Edit) -> Path:
    """`edit` as an incremental update appended after the genuine signed bundle."""
    target.write_bytes(source.read_bytes())
    _apply(target, edit)
    return target


def unsigned_report(source: Path) -> bytes:
    """The bundle as export wrote it before signing (its first revision)."""
    data = source.read_bytes()
    return data[: revision_starts(data)[0]]


def resign(path: Path, identity: Identity, tsa: TsaServer, pki: TsaPki) -> None:
    """Sign `path` in place as export does: the vault's identity, B-LTA with the TSA."""
    der = serialization.Encoding.DER
    certs = [pki.tsa_cert.public_bytes(der), pki.root_cert.public_bytes(der)]
    with open(path, "r+b") as handle:
        asyncio.run(
            sign_in_place(
                handle, identity, bundle_id="forged", tsa_url=tsa.url, tsa_certs_der=certs
            )
        )


def inside_signature(
    source: Path, target: Path, edit: Edit, identity: Identity, tsa: TsaServer, pki: TsaPki
) -> Path:
    """`edit` made to the unsigned report, then the whole signed again with the vault's key."""
    target.write_bytes(unsigned_report(source))
    _apply(target, edit)
    resign(target, identity, tsa, pki)
    return target


def pikepdf_inside_signature(
    source: Path,
    target: Path,
    edit: Callable[[pikepdf.Pdf], None],
    identity: Identity,
    tsa: TsaServer,
    pki: TsaPki,
) -> Path:
    """`edit` by pikepdf on the unsigned report, saved as a new file (objects renumbered and
    packed into object streams), then signed with the vault's key."""
    with pikepdf.open(io.BytesIO(unsigned_report(source))) as pdf:
        edit(pdf)
        pdf.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    resign(target, identity, tsa, pki)
    return target


def pikepdf_catalog_af(pdf: pikepdf.Pdf) -> None:
    """pikepdf's version of `edit_catalog_af`: a planted file in the catalog's /AF only."""
    spec = pikepdf.AttachedFileSpec(pdf, PLANTED, filename=PLANTED_NAME)
    pdf.Root.AF.append(spec.obj)


def name_tree_repeats_pdf(path: Path, depth: int = 30) -> Path:
    """A one-page PDF of about 2 KB whose /EmbeddedFiles name tree is a chain of `depth`
    nodes, each listing the next one twice as its kids (the last holds an empty /Names): no
    node is deeper than `depth`, yet a walk without a visited set makes 2^depth visits."""
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        node = pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array()))
        for _ in range(depth - 1):
            node = pdf.make_indirect(pikepdf.Dictionary(Kids=pikepdf.Array([node, node])))
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=node)
        pdf.save(path)
    return path

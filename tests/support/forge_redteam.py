"""Forgeries from issue 11's red-team pass, for tests/bundle/test_forgery_redteam.py.

- `twin_in_object_stream`: an incremental update whose object stream lists one object twice:
  the genuine version first (pyHanko, with strict=False, takes the first entry with the
  number), a changed one at the index the cross-reference stream names (what poppler, pdf.js
  and MuPDF read). Written by hand: no library writes such a stream.
- `white_square`: the change used with it: a link annotation turned into a white square over
  the whole page (poppler draws it without any appearance stream, so no new object is needed).
- `f_twice_in_object_stream`: the report's page.html /EF defining /F twice, inside an object
  stream (pikepdf packs the objects; a key of the same length is renamed afterwards).
- `identity_under`: a signing identity whose certificate a timestamp authority's root issued.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper

from evidencekit.seal.identity import Identity, load_pkcs12
from tests.support.forge_embedded import PLANTED
from tests.support.tsa import TsaPki

Change = Callable[[generic.DictionaryObject], generic.DictionaryObject]


def _bytes(obj: generic.PdfObject) -> bytes:
    out = io.BytesIO()
    obj.write_to_stream(out)
    return out.getvalue()


def first_link(path: Path) -> tuple[int, generic.Reference]:
    """The page index and reference of the first link annotation in the file."""
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        for index, page_ref in enumerate(reader.root["/Pages"]["/Kids"]):
            for annotation in page_ref.get_object().get("/Annots") or ():
                if annotation.get_object().get("/Subtype") == "/Link":
                    return index, annotation.reference
    raise LookupError("no link annotation")


def white_square(annotation: generic.DictionaryObject) -> generic.DictionaryObject:
    """A link annotation turned into a white, filled square over the whole page."""
    name = generic.NameObject
    white = generic.ArrayObject(generic.FloatObject(1) for _ in range(3))
    annotation[name("/Subtype")] = name("/Square")
    annotation[name("/Rect")] = generic.ArrayObject(
        generic.NumberObject(v) for v in (0, 0, 596, 842)
    )
    annotation[name("/IC")] = white
    annotation[name("/C")] = white
    annotation[name("/F")] = generic.NumberObject(4)
    return annotation


def last_startxref(data: bytes) -> int:
    """Where the file's last cross-reference section starts, as its last startxref says."""
    return int(re.findall(rb"startxref\s+(\d+)", data)[-1])


def _genuine_and_changed(
    path: Path, ref: generic.Reference, change: Change
) -> tuple[bytes, generic.DictionaryObject, generic.DictionaryObject, int, Any, Any]:
    """The file's bytes, object `ref` as it is and as `change` makes it, and the trailer's
    /Size, /Root and /Info (raw references), for an update written by hand."""
    data = path.read_bytes()
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        obj = reader.get_object(ref)
        genuine = generic.DictionaryObject({k: obj.raw_get(k) for k in obj})
        changed = change(generic.DictionaryObject(dict(genuine)))
        trailer = reader.trailer_view
        size = int(trailer["/Size"])
        root, info = trailer.raw_get("/Root"), trailer.raw_get("/Info")
    return data, genuine, changed, size, root, info


def twin_in_object_stream(
    path: Path, ref: generic.Reference, change: Change, *, distinct: bool = False
) -> None:
    """Append an update holding object `ref` in a new object stream whose header pyHanko and a
    viewer read differently. By default the header lists `ref` twice: the genuine version at
    index 0 (pyHanko takes the first entry with the number), `change`d at index 1, where the
    cross-reference stream points (poppler, pdf.js, MuPDF). With `distinct`, each number
    appears once: the changed version at index 0 under another number, the genuine one at
    index 1 as `ref`, and the cross-reference stream names index 0 for `ref` (pdf.js reads by
    index alone, pyHanko by number alone)."""
    data, genuine, changed, size, root, info = _genuine_and_changed(path, ref, change)
    startxref = last_startxref(data)
    if distinct:
        numbers, first, second, index = (size + 2, ref.idnum), changed, genuine, 0
    else:
        numbers, first, second, index = (ref.idnum, ref.idnum), genuine, changed, 1
    one, two = _bytes(first), _bytes(second)
    header = f"{numbers[0]} 0 {numbers[1]} {len(one) + 1} ".encode()
    body = header + one + b"\n" + two
    stream_number, xref_number = size, size + 1
    out = bytearray(data)
    stream_at = len(out)
    out += (
        (
            f"{stream_number} 0 obj\n<< /Type /ObjStm /N 2 /First {len(header)} "
            f"/Length {len(body)} >>\nstream\n"
        ).encode()
        + body
        + b"\nendstream\nendobj\n"
    )
    xref_at = len(out)
    rows = (
        struct.pack(">BIH", 2, stream_number, index)
        + struct.pack(">BIH", 1, stream_at, 0)
        + struct.pack(">BIH", 1, xref_at, 0)
    )
    head = (
        f"<< /Type /XRef /Size {xref_number + 1} /W [1 4 2] "
        f"/Index [{ref.idnum} 1 {stream_number} 2] /Prev {startxref} "
        f"/Root {root.idnum} {root.generation} R /Info {info.idnum} {info.generation} R "
        f"/Length {len(rows)} >>"
    )
    out += f"{xref_number} 0 obj\n{head}\nstream\n".encode() + rows + b"\nendstream\nendobj\n"
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


_MARK, _TWIN = b"/Zz ", b"/F  "


def f_twice_in_object_stream(pdf: pikepdf.Pdf) -> None:
    """Item 1's page.html /EF: /F and /UF the genuine stream, then (after the rename that
    `save_with_twin` makes) a second /F naming an altered copy, which poppler extracts."""
    for name, spec in pdf.attachments.items():
        if name.endswith("page.html"):
            genuine = spec.obj.EF.UF
            planted = pikepdf.Stream(pdf, PLANTED)
            planted.Type = pikepdf.Name.EmbeddedFile
            planted.Params = pikepdf.Dictionary(Size=len(PLANTED))
            spec.obj.EF = pikepdf.Dictionary(
                {"/F": genuine, "/UF": genuine, "/Zz": pdf.make_indirect(planted)}
            )
            return
    raise LookupError("no page.html attached")


def save_with_twin(pdf: pikepdf.Pdf, target: Path) -> None:
    """Save with the objects packed into uncompressed object streams, /Zz renamed /F."""
    pdf.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=False)
    data = target.read_bytes()
    assert data.count(_MARK) == 1
    target.write_bytes(data.replace(_MARK, _TWIN))


def identity_under(pki: TsaPki, common_name: str = "EvidenceKit vault") -> Identity:
    """A signing identity (key and certificate) issued by the timestamp authority's root CA:
    what anyone holding a certificate from a CA that also runs a TSA has."""
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(pki.root_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=300))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(pki.root_key, hashes.SHA256())
    )
    password = b"forger"
    p12 = pkcs12.serialize_key_and_certificates(
        b"forger", key, cert, [pki.root_cert], serialization.BestAvailableEncryption(password)
    )
    return load_pkcs12(p12, password)


# --- what a viewer runs or obeys beyond the pages (made inside the vault's signature) ---

WHITE_BOX_JS = (
    "this.addAnnot({page: 1, type: 'Square', rect: [0, 0, 596, 842], "
    "fillColor: color.white, strokeColor: color.white});"
)


def _js(script: str = WHITE_BOX_JS) -> generic.DictionaryObject:
    return generic.DictionaryObject(
        {
            generic.NameObject("/S"): generic.NameObject("/JavaScript"),
            generic.NameObject("/JS"): generic.TextStringObject(script),
        }
    )


def edit_names_javascript(writer: Any) -> None:
    """Document-level JavaScript (/Names /JavaScript), which Acrobat runs on opening: it paints
    a white box over page 2."""
    names = writer.root["/Names"]
    names["/JavaScript"] = generic.DictionaryObject(
        {
            generic.NameObject("/Names"): generic.ArrayObject(
                [generic.TextStringObject("cover"), writer.add_object(_js())]
            )
        }
    )
    writer.update_container(names)


def edit_open_action(writer: Any) -> None:
    """The catalog's /OpenAction runs the same script."""
    writer.root["/OpenAction"] = writer.add_object(_js())
    writer.update_root()


def edit_page_event(writer: Any) -> None:
    """Page 2's /AA runs it when the page is shown."""
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(1)
    page = page_ref.get_object()
    page["/AA"] = generic.DictionaryObject({generic.NameObject("/O"): _js()})
    writer.update_container(page)


def edit_link_hides(writer: Any) -> None:
    """A link on the index page does not go anywhere: it hides the page's other annotations
    (a /Hide action, no JavaScript)."""
    index = writer.root["/Pages"]["/Kids"].raw_get(1).get_object()
    link = index["/Annots"].raw_get(0)
    annotation = link.get_object()
    annotation["/A"] = generic.DictionaryObject(
        {
            generic.NameObject("/S"): generic.NameObject("/Hide"),
            generic.NameObject("/T"): generic.TextStringObject("any"),
        }
    )
    writer.update_container(annotation)


def edit_xfa(writer: Any) -> None:
    """An XFA form in /AcroForm, which Acrobat may show instead of the pages."""
    xfa = writer.add_object(
        generic.StreamObject(
            stream_data=b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>'
        )
    )
    writer.root["/AcroForm"] = writer.add_object(
        generic.DictionaryObject({"/Fields": generic.ArrayObject(), "/XFA": xfa})
    )
    writer.update_root()


def bump_generation(path: Path, idnum: int) -> None:
    """Append an update (classic table) that gives object `idnum` generation 1, as an empty
    stream typed /ObjStm: pyHanko, asked for generation 0, falls back to the older revision,
    while viewers find the number redefined (poppler rebuilds its table)."""
    data = path.read_bytes()
    with open(path, "rb") as handle:
        trailer = PdfFileReader(handle, strict=False).trailer_view
        size = int(trailer["/Size"])
        root, info = trailer.raw_get("/Root"), trailer.raw_get("/Info")
    startxref = last_startxref(data)
    out = bytearray(data)
    at = len(out)
    out += (
        f"{idnum} 1 obj\n<< /Type /ObjStm /N 0 /First 0 /Length 0 >>\nstream\n\nendstream\nendobj\n"
    ).encode()
    xref = len(out)
    out += (
        f"xref\n{idnum} 1\n{at:010d} 00001 n \ntrailer\n<< /Size {size} "
        f"/Root {root.idnum} {root.generation} R /Info {info.idnum} {info.generation} R "
        f"/Prev {startxref} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


def twice_in_section(path: Path, ref: generic.Reference, change: Change, *, stream: bool) -> None:
    """Append an update whose one cross-reference section lists object `ref` twice: first at
    the `change`d copy (what poppler, pdf.js and qpdf keep), then at a genuine copy (what
    pyHanko keeps: the last). A classic table with two subsections, or (`stream`) a
    cross-reference stream whose /Index names the object twice."""
    data, genuine, changed, size, root, info = _genuine_and_changed(path, ref, change)
    startxref = last_startxref(data)
    out = bytearray(data)
    first = len(out)
    out += f"{ref.idnum} 0 obj\n".encode() + _bytes(changed) + b"\nendobj\n"
    second = len(out)
    out += f"{ref.idnum} 0 obj\n".encode() + _bytes(genuine) + b"\nendobj\n"
    at = len(out)
    tail = f"/Root {root.idnum} {root.generation} R /Info {info.idnum} {info.generation} R"
    if stream:
        rows = b"".join(struct.pack(">BIH", 1, offset, 0) for offset in (first, second, at))
        head = (
            f"<< /Type /XRef /Size {size + 1} /W [1 4 2] "
            f"/Index [{ref.idnum} 1 {ref.idnum} 1 {size} 1] /Prev {startxref} {tail} "
            f"/Length {len(rows)} >>"
        )
        out += f"{size} 0 obj\n{head}\nstream\n".encode() + rows + b"\nendstream\nendobj\n"
    else:
        out += (
            f"xref\n{ref.idnum} 1\n{first:010d} 00000 n \n{ref.idnum} 1\n{second:010d} 00000 n \n"
            f"trailer\n<< /Size {size} {tail} /Prev {startxref} >>\n"
        ).encode()
    out += f"startxref\n{at}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def deeply_nested_info(path: Path, depth: int) -> None:
    """Append an update rewriting /Info with a Title of `depth` nested arrays (a few hundred
    kilobytes that a recursive parser never finishes)."""
    data = path.read_bytes()
    with open(path, "rb") as handle:
        trailer = PdfFileReader(handle, strict=False).trailer_view
        size = int(trailer["/Size"])
        root, info = trailer.raw_get("/Root"), trailer.raw_get("/Info")
    startxref = last_startxref(data)
    out = bytearray(data)
    at = len(out)
    nested = b"[" * depth + b"]" * depth
    out += f"{info.idnum} 0 obj\n<< /Title ".encode() + nested + b" >>\nendobj\n"
    xref = len(out)
    out += (
        f"xref\n{info.idnum} 1\n{at:010d} 00000 n \ntrailer\n<< /Size {size} "
        f"/Root {root.idnum} {root.generation} R /Info {info.idnum} {info.generation} R "
        f"/Prev {startxref} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


# --- a whole other document, hung under the validation data, opened by a second /Root ---

OTHER_WORDS = b"Nothing happened here"


def hang_document_under_dss(path: Path) -> generic.Reference:
    """Append an update that adds a one-page document of the forger's ("Nothing happened
    here") and hangs it under the DSS: as a certificate stream's /X (so pyHanko's DSS rule
    counts it as validation data) and as the DSS's /Type (so a walk of the DSS's dictionaries
    reaches it). Returns its catalog's reference."""
    name = generic.NameObject
    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        font = generic.DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/Type1"),
                name("/BaseFont"): name("/Helvetica"),
            }
        )
        content = writer.add_object(
            generic.StreamObject(stream_data=b"BT /F1 36 Tf 72 700 Td (" + OTHER_WORDS + b") Tj ET")
        )
        resources = generic.DictionaryObject(
            {name("/Font"): generic.DictionaryObject({name("/F1"): font})}
        )
        page = generic.DictionaryObject(
            {
                name("/Type"): name("/Page"),
                name("/MediaBox"): generic.ArrayObject(
                    generic.NumberObject(v) for v in (0, 0, 595, 842)
                ),
                name("/Contents"): content,
                name("/Resources"): resources,
            }
        )
        page_ref = writer.add_object(page)
        pages = writer.add_object(
            generic.DictionaryObject(
                {
                    name("/Type"): name("/Pages"),
                    name("/Kids"): generic.ArrayObject([page_ref]),
                    name("/Count"): generic.NumberObject(1),
                }
            )
        )
        page[name("/Parent")] = pages
        catalog = writer.add_object(
            generic.DictionaryObject({name("/Type"): name("/Catalog"), name("/Pages"): pages})
        )
        dss_ref = writer.root.raw_get("/DSS")
        dss = dss_ref.get_object()
        holder = writer.add_object(generic.StreamObject({name("/X"): catalog}, stream_data=b"0"))
        certs = dss.raw_get("/Certs")
        certs.get_object().append(holder)
        if isinstance(certs, generic.IndirectObject):
            writer.mark_update(certs)
        dss[name("/Type")] = catalog
        writer.mark_update(dss_ref)
        writer.write_in_place()
        return catalog.reference


def stamp_with_second_root(path: Path, timestamper: Any, catalog: generic.Reference) -> None:
    """A document timestamp whose revision's trailer names /Root twice: the genuine catalog
    first (pyHanko keeps it), `catalog` last (poppler and qpdf open it). pyHanko cannot write
    a key twice, so a placeholder key of the same length is written as /Root."""
    original = generic.NameObject.write_to_stream

    def write(self: generic.NameObject, stream: Any, *args: Any, **kwargs: Any) -> None:
        if self == "/Zzzz":
            stream.write(b"/Root")
            return
        original(self, stream, *args, **kwargs)

    with open(path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        writer.set_custom_trailer_entry("/Zzzz", generic.IndirectObject(catalog.idnum, 0, writer))
        generic.NameObject.write_to_stream = write  # type: ignore[method-assign]
        try:
            stamper = PdfTimeStamper(timestamper)
            asyncio.run(stamper.async_timestamp_pdf(writer, "sha256", in_place=True))
        finally:
            generic.NameObject.write_to_stream = original  # type: ignore[method-assign]


# --- a stranger's re-signing that also strips the items' seals (their manifest.p7s) ---


def strip_seals(pdf: pikepdf.Pdf, document: dict[str, Any]) -> None:
    """Each item's manifest.p7s taken out of bundle.json (its artifact, its attachment, the
    item's "seal") and out of the PDF: the items then read as stored before manifests were
    signed, with no sealing key to compare with the bundle's signer."""
    dropped = set()
    for item in document["items"]:
        kept = []
        for artifact in item["artifacts"]:
            if artifact["name"] == "manifest.p7s":
                dropped.add(artifact["attachment"])
            else:
                kept.append(artifact)
        item["artifacts"] = kept
        item.pop("seal", None)
    document["attachments"] = [a for a in document["attachments"] if a["name"] not in dropped]
    for name in dropped:
        del pdf.attachments[name]


def hybrid_update(path: Path, *, root_twice: bool = False) -> None:
    """Append a hybrid-reference update that changes nothing: a classic table (object 0 only)
    whose trailer's /XRefStm points at a cross-reference stream listing itself. With
    `root_twice`, that trailer names the same /Root twice."""
    data = path.read_bytes()
    with open(path, "rb") as handle:
        trailer = PdfFileReader(handle, strict=False).trailer_view
        size = int(trailer["/Size"])
        root, info = trailer.raw_get("/Root"), trailer.raw_get("/Info")
    startxref = last_startxref(data)
    out = bytearray(data)
    stream_at = len(out)
    rows = struct.pack(">BIH", 1, stream_at, 0)
    out += (
        f"{size} 0 obj\n<< /Type /XRef /Size {size + 1} /W [1 4 2] /Index [{size} 1] "
        f"/Length {len(rows)} >>\nstream\n"
    ).encode()
    out += rows + b"\nendstream\nendobj\n"
    table_at = len(out)
    again = f" /Root {root.idnum} {root.generation} R" if root_twice else ""
    out += (
        f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size {size + 1} "
        f"/Root {root.idnum} {root.generation} R /Info {info.idnum} {info.generation} R "
        f"/Prev {startxref} /XRefStm {stream_at}{again} >>\nstartxref\n{table_at}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


def junk_object(path: Path, ref: generic.Reference, change: Change) -> None:
    """Append object `ref`, `change`d, with no cross-reference section naming it: bytes that
    pyHanko never reads, but a viewer that rebuilds its table by scanning the file takes as
    the object's last definition."""
    with open(path, "rb") as handle:
        obj = PdfFileReader(handle, strict=False).get_object(ref)
        changed = change(generic.DictionaryObject({k: obj.raw_get(k) for k in obj}))
    with open(path, "ab") as handle:
        handle.write(f"{ref.idnum} {ref.generation} obj\n".encode() + _bytes(changed))
        handle.write(b"\nendobj\n")


def stamp_pointing_past_its_table(path: Path, timestamper: Any) -> None:
    """A document timestamp whose startxref points one byte past its table ("ref" instead of
    "xref"): pyHanko finds the table nearby, poppler and qpdf rebuild theirs."""
    from pyhanko.pdf_utils import writer as pyhanko_writer

    original = pyhanko_writer.write_xref_table

    def off_by_one(stream: Any, positions: Any) -> int:
        return int(original(stream, positions)) + 1

    pyhanko_writer.write_xref_table = off_by_one  # type: ignore[assignment]
    try:
        with open(path, "r+b") as handle:
            writer = IncrementalPdfFileWriter(handle, strict=False)
            stamper = PdfTimeStamper(timestamper)
            asyncio.run(stamper.async_timestamp_pdf(writer, "sha256", in_place=True))
    finally:
        pyhanko_writer.write_xref_table = original  # type: ignore[assignment]

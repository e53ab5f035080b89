"""Write the unsigned bundle: the report's pages, the pictures, every attached file streamed from
the vault, bundle.json, the name tree and AF array, XMP metadata and the output intent.

Memory stays bounded by the largest single chunk, band or picture slice: the report's text is
held by reportlab (small), everything else passes through on its way to the file.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.metadata.model import VENDOR as PYHANKO_VENDOR

from evidencekit.bundle import bundle_json, pdfa
from evidencekit.bundle.attachments import (
    DATA,
    SOURCE,
    WrittenFile,
    af_array,
    write_attachment,
    write_name_tree,
)
from evidencekit.bundle.layout import SLOT_PREFIX
from evidencekit.bundle.pdfwriter import BasePdf, PdfOut, name, ref, text
from evidencekit.bundle.plan import BundlePlan
from evidencekit.bundle.preview import write_item_pictures
from evidencekit.bundle.report import LaidOut, title_of
from evidencekit.errors import ExportFailed
from evidencekit.vault.store import Vault

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Assembled:
    files: int


def _describe(item_number: int, artifact: str, item_id: str) -> str:
    return f"Item {item_number} ({item_id}): {artifact}, as stored in the vault"


def write_unsigned(
    handle: BinaryIO, vault: Vault, plan: BundlePlan, laid: LaidOut, progress: Progress
) -> Assembled:
    base = BasePdf.parse(laid.pdf)
    slot_objects = {
        key.removeprefix("FormXob."): number
        for key, number in base.xobject_refs("FormXob." + SLOT_PREFIX).items()
    }
    missing = set(laid.slots.slots) - set(slot_objects)
    if missing:
        raise ExportFailed(detail=f"picture slots not found in the report: {sorted(missing)}")
    replaced = set(slot_objects.values()) | {base.root} | ({base.info} if base.info else set())
    out = PdfOut(handle, first_free=base.size)
    for number, (start, end) in sorted(base.spans.items(), key=lambda kv: kv[1][0]):
        if number not in replaced:
            out.copy_span(number, base.data[start:end])

    derived: dict[str, list[dict[str, object]]] = {}
    total = len(plan.items)
    for done, item in enumerate(plan.items):
        progress("pictures", done, total)
        derived[item.record.id] = write_item_pictures(
            out, vault, item, laid.slots.for_item(item.number), slot_objects
        )
    progress("pictures", total, total)

    written: list[WrittenFile] = []
    to_attach = [(item, f) for item in plan.items for f in item.files if f.attachment]
    total_files = len(to_attach) + (1 if plan.custody.anchor else 0) + 1
    for done, (item, planned) in enumerate(to_attach):
        progress("attachments", done, total_files)
        assert planned.attachment is not None
        written.append(
            write_attachment(
                out,
                file_name=planned.attachment,
                media_type=planned.info.media_type,
                description=_describe(item.number, planned.info.name, item.record.id),
                relationship=SOURCE,
                chunks=vault.iter_artifact(item.record.id, planned.info.name),
                compress=planned.compress,
                expected_sha256=planned.info.sha256,
                expected_size=planned.info.size,
                modified=plan.created_at,
            )
        )
    anchor = plan.custody.anchor
    if anchor is not None:
        written.append(
            write_attachment(
                out,
                file_name=anchor.attachment,
                media_type="application/timestamp-reply",
                description=f"Trusted timestamp over custody entry {anchor.seq}",
                relationship=SOURCE,
                chunks=vault.iter_blob(anchor.token_sha256),
                compress=False,
                expected_sha256=anchor.token_sha256,
                expected_size=anchor.size,
                modified=plan.created_at,
            )
        )
    index = bundle_json.build(plan, derived)

    written.append(
        write_attachment(
            out,
            file_name=bundle_json.BUNDLE_JSON_NAME,
            media_type=bundle_json.MEDIA_TYPE,
            description="Machine-readable index of this bundle (items, files, SHA-256, custody)",
            relationship=DATA,
            chunks=[index],
            compress=True,
            expected_sha256=hashlib.sha256(index).hexdigest(),
            expected_size=len(index),
            modified=plan.created_at,
        )
    )
    progress("attachments", total_files, total_files)
    _finish(out, base, plan, written)
    return Assembled(len(written))


def _finish(out: PdfOut, base: BasePdf, plan: BundlePlan, written: list[WrittenFile]) -> None:
    names_tree = write_name_tree(out, written)
    about = pdfa.Described(
        title=title_of(plan),
        author=plan.operator,
        subject=f"{len(plan.items)} item(s) of evidence with their original files attached",
        creator=f"EvidenceKit {plan.app_version}",
        # pyHanko's signing rewrites the XMP producer to its own name and appends that name
        # to the info dictionary's: starting from exactly its name keeps the two equal (PDF/A
        # wants them to agree). EvidenceKit is named as the creator.
        producer=PYHANKO_VENDOR,
        moment=plan.created_at,
    )
    metadata = pdfa.write_metadata(out, pdfa.xmp_packet(about))
    intent = pdfa.write_output_intent(out)
    info_number = base.info if base.info is not None else out.reserve()
    out.write_object(info_number, pdfa.info_dict(about))

    catalog = generic.DictionaryObject(dict(base.catalog()))
    names = generic.DictionaryObject()
    if "/Names" in catalog:
        names.update(dict(catalog["/Names"].get_object()))
    names["/EmbeddedFiles"] = ref(names_tree)
    catalog["/Names"] = names
    catalog["/AF"] = af_array(written)
    catalog["/Metadata"] = ref(metadata)
    if intent is not None:
        catalog["/OutputIntents"] = generic.ArrayObject([ref(intent)])
    catalog["/Lang"] = text("en")
    catalog["/ViewerPreferences"] = generic.DictionaryObject(
        {"/DisplayDocTitle": generic.BooleanObject(True)}
    )
    if "/Outlines" in catalog:
        catalog["/PageMode"] = name("UseOutlines")
    out.write_object(base.root, catalog)
    out.finish(root=base.root, info=info_number, document_id=os.urandom(16))

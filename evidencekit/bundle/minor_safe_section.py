"""The report's section for a minor-safe item (issue 14 part 2): why no picture was kept, where
to turn, and one row per picture or video with its hashes, size and place on the page.

Read from the item's ``minor_safe`` record (metadata.json of a capture, the metadata of an
import: `capture/minor_safe_bytes.py`, `jobs/minor_safe_import.py`). An item without it shows
nothing here. The words are calm and plain, in English and Albanian: the reader may be the
young person herself, her parent, a support worker or a court.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle.capture_values import MISSING, bi_value, head_row, number, size_px
from evidencekit.bundle.layout import FRAME_WIDTH, Styles, clean, mono, table
from evidencekit.bundle.media_tables import _from, _kind, _places

HEADING = Bi(
    "No pictures kept: only their hashes",
    "Asnjë foto nuk u ruajt: vetëm hash-et e tyre",
)
WHY = Bi(
    "Someone in these pictures may be under 18. Keeping such pictures is itself a crime almost "
    "everywhere, for the person who keeps them, for a support worker and for a lawyer. So "
    "EvidenceKit kept no picture or video here: the screenshots show plain grey boxes where "
    "they were, and each one is recorded only by its hashes (SHA-256 and MD5 of its bytes, and "
    "PDQ, a hash that recognises the same picture after it was re-compressed or resized), its "
    "size and its place on the page. With these hashes, platforms and the police can find and "
    "remove the same pictures without anyone having to look at them.",
    "Dikush në këto foto mund të jetë nën 18 vjeç. Ruajtja e fotove të tilla është në vetvete "
    "krim pothuajse kudo, për personin që i ruan, për një punonjës mbështetës dhe për një "
    "avokat. Prandaj EvidenceKit nuk ruajti asnjë foto apo video këtu: pamjet e ekranit tregojnë "
    "kuti gri të thjeshta aty ku ishin, dhe secila regjistrohet vetëm me hash-et e saj (SHA-256 "
    "dhe MD5 të bajteve të saj, dhe PDQ, një hash që e njeh të njëjtën foto edhe pasi është "
    "rikompresuar ose zvogëluar), madhësinë dhe vendin e saj në faqe. Me këto hash-e, "
    "platformat dhe policia mund t'i gjejnë dhe t'i heqin të njëjtat foto pa pasur nevojë që "
    "dikush t'i shikojë.",
)
WHERE_TO_TURN = Bi(
    "Where to turn. Take It Down (takeitdown.ncmec.org), run by the US National Center for "
    "Missing & Exploited Children, helps remove nude or sexual pictures taken before 18 from "
    "the platforms that take part, using only hashes made on your own device: the pictures are "
    "never sent. In Albania: ALO 116 111, the free national helpline for children and young "
    "people (free and confidential), and the State Police: call 129, or report to its "
    "cybercrime unit. You do not have to do this alone: a support worker or a lawyer can make "
    "these reports with you.",
    "Ku mund të drejtoheni. Take It Down (takeitdown.ncmec.org), i Qendrës Kombëtare Amerikane "
    "për Fëmijët e Zhdukur dhe të Shfrytëzuar (NCMEC), ndihmon që fotot nudo ose seksuale të "
    "bëra para moshës 18 vjeç të hiqen nga platformat që marrin pjesë, duke përdorur vetëm "
    "hash-e të krijuara në pajisjen tuaj: fotot nuk dërgohen kurrë. Në Shqipëri: ALO 116 111, "
    "linja kombëtare falas e këshillimit për fëmijë dhe të rinj (falas dhe konfidenciale), dhe "
    "Policia e Shtetit: telefononi 129, ose raportoni te njësia e saj për krimet kibernetike. "
    "Nuk keni pse ta bëni këtë vetëm: një punonjës mbështetës ose një avokat mund t'i bëjë këto "
    "raportime bashkë me ju.",
)
WHY_FILE = Bi(
    "Someone in this picture may be under 18. Keeping such pictures is itself a crime almost "
    "everywhere, for the person who keeps them, for a support worker and for a lawyer. So "
    "EvidenceKit did not keep this file: it is recorded only by its hashes (SHA-256 and MD5 of "
    "its bytes, and for a picture PDQ, a hash that recognises the same picture after it was "
    "re-compressed or resized) and its size. With these hashes, platforms and the police can "
    "find and remove the same picture without anyone having to look at it.",
    "Dikush në këtë foto mund të jetë nën 18 vjeç. Ruajtja e fotove të tilla është në vetvete "
    "krim pothuajse kudo, për personin që i ruan, për një punonjës mbështetës dhe për një "
    "avokat. Prandaj EvidenceKit nuk e ruajti këtë skedar: ai regjistrohet vetëm me hash-et e "
    "tij (SHA-256 dhe MD5 të bajteve të tij, dhe për një foto PDQ, një hash që e njeh të "
    "njëjtën foto edhe pasi është rikompresuar ose zvogëluar) dhe madhësinë e tij. Me këto "
    "hash-e, platformat dhe policia mund ta gjejnë dhe ta heqin të njëjtën foto pa pasur nevojë "
    "që dikush ta shikojë.",
)
NONE_FOUND = Bi(
    "No picture or video was found on the page.",
    "Në faqe nuk u gjet asnjë foto apo video.",
)
COL_NO = Bi("No.", "Nr.")
COL_WHAT = Bi("Picture or video", "Foto ose video")
COL_SIZE = Bi("Size", "Madhësia")
COL_WHERE = Bi("Place on the page (CSS px)", "Vendi në faqe (px CSS)")
COL_HASHES = Bi("Hashes", "Hash-et")
NO_PDQ = Bi("no PDQ (not a picture that decodes)", "pa PDQ (nuk është foto që lexohet)")
EMBEDDED = Bi(
    "Pictures written inside the page's own text (data: addresses, base64) were replaced by a "
    "marker naming their SHA-256: {count}.",
    "Fotot e shkruara brenda tekstit të vetë faqes (adresa data:, base64) u zëvendësuan me një "
    "shenjë që tregon SHA-256 e tyre: {count}.",
)


def record_of(meta: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The item's minor-safe record, or None for an ordinary item."""
    record = meta.get("minor_safe")
    return record if isinstance(record, Mapping) and record.get("on") is True else None


def _what(entry: Mapping[str, Any]) -> str:
    name = entry.get("file_name")
    parts = [clean(name, 200)] if name else []
    kind = _kind(entry)
    if kind:
        parts.append(kind)
    parts.append(clean(entry.get("media_type") or "", 80) or MISSING)
    if entry.get("url"):
        parts.append(_from(entry.get("url")))
    return "<br/>".join(parts)


def _size(entry: Mapping[str, Any]) -> str:
    size = number(entry.get("bytes"))
    lines = [f"{size} bytes · bajt" if size is not None else MISSING]
    if entry.get("width") and entry.get("height"):
        lines.append(size_px(entry.get("width"), entry.get("height")))
    return "<br/>".join(lines)


def _hashes(entry: Mapping[str, Any]) -> str:
    lines = []
    for key, label in (("sha256", "SHA-256"), ("md5", "MD5"), ("pdq", "PDQ")):
        value = entry.get(key)
        if value:  # in lines of 32 characters: a hash has no place to wrap
            text = str(value)[:128]
            parts = "<br/>".join(mono(text[i : i + 32]) for i in range(0, len(text), 32))
            lines.append(f"{label}:<br/>{parts}")
    if not entry.get("pdq"):
        lines.append(bi_value(NO_PDQ))
    elif entry.get("pdq_quality") is not None:
        lines.append(f"PDQ quality · cilësia: {clean(entry.get('pdq_quality'))}")
    return "<br/>".join(lines)


def minor_safe_story(meta: Mapping[str, Any], styles: Styles, kind: str) -> list[Flowable]:
    """The section, or [] when the item is not minor-safe (`kind`: "web" or "file")."""
    record = record_of(meta)
    if record is None:
        return []
    why = WHY if kind == "web" else WHY_FILE
    story: list[Flowable] = [
        KeepTogether(
            [
                Paragraph(HEADING.heading(), styles.h2),
                Paragraph(clean(why.en, None), styles.body),
                Paragraph(clean(why.sq, None), styles.muted),
            ]
        ),
        Paragraph(clean(WHERE_TO_TURN.en, None), styles.body),
        Paragraph(clean(WHERE_TO_TURN.sq, None), styles.muted),
    ]
    pictures = record.get("pictures")
    entries = [p for p in pictures if isinstance(p, Mapping)] if isinstance(pictures, list) else []
    embedded = record.get("embedded_pictures_removed")
    if isinstance(embedded, list) and embedded:
        note = EMBEDDED.format(count=len(embedded))
        story += [Paragraph(note.en, styles.small), Paragraph(note.sq, styles.muted)]
    if not entries:
        story.append(Paragraph(bi_value(NONE_FOUND), styles.muted))
        return story
    rows: list[list[Any]] = [head_row((COL_NO, COL_WHAT, COL_SIZE, COL_WHERE, COL_HASHES), styles)]
    for index, entry in enumerate(entries, start=1):
        rows.append(
            [
                Paragraph(str(index), styles.small),
                Paragraph(_what(entry), styles.small),
                Paragraph(_size(entry), styles.small),
                Paragraph(_places(entry), styles.small),
                Paragraph(_hashes(entry), styles.small),
            ]
        )
    widths = [8 * mm, 44 * mm, 24 * mm, 30 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    story.append(table(rows, widths, zebra=True))
    return story

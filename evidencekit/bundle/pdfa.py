"""PDF/A-3 conventions the bundle follows: XMP metadata matching the document info, an sRGB
output intent, embedded fonts (reportlab subsets), associated files with relationships.

The bundle does not *claim* PDF/A-3 conformance (no `pdfaid` entry in the XMP): nobody has
validated it with a PDF/A validator, and an evidence file must not claim what it has not shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from xml.sax.saxutils import escape

from pyhanko.pdf_utils import generic

from evidencekit.bundle.pdfwriter import PdfOut, name, ref, text
from evidencekit.clock import iso_z_s

log = logging.getLogger(__name__)

SRGB_CONDITION = "sRGB IEC61966-2.1"


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string in UTC: D:YYYYMMDDHHmmSSZ."""
    return moment.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def _xmp_date(moment: dt.datetime) -> str:
    return iso_z_s(moment)


@dataclass(frozen=True)
class Described:
    """What the document says about itself, in the info dictionary and in XMP alike."""

    title: str
    author: str
    subject: str
    creator: str
    producer: str
    moment: dt.datetime


def info_dict(about: Described) -> generic.DictionaryObject:
    return generic.DictionaryObject(
        {
            "/Title": text(about.title),
            "/Author": text(about.author),
            "/Subject": text(about.subject),
            "/Creator": text(about.creator),
            "/Producer": text(about.producer),
            "/CreationDate": text(pdf_date(about.moment)),
            "/ModDate": text(pdf_date(about.moment)),
        }
    )


def xmp_packet(about: Described) -> bytes:
    """The XMP packet saying the same as the info dictionary (PDF/A requires they agree)."""
    title, author, subject = about.title, about.author, about.subject
    creator, producer = about.creator, about.producer
    when = _xmp_date(about.moment)
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt>
   </dc:description>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


def write_metadata(out: PdfOut, packet: bytes) -> int:
    """The XMP stream, uncompressed so that any tool can read it."""
    dictionary = generic.DictionaryObject({"/Type": name("Metadata"), "/Subtype": name("XML")})
    return out.add_stream(dictionary, [packet], compress=False)


def srgb_profile() -> bytes | None:
    """An sRGB ICC profile made by Little CMS (through Pillow); None if Pillow lacks it."""
    try:
        from PIL import ImageCms

        profile: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    except (ImportError, OSError, ValueError) as exc:
        log.warning("no sRGB profile available, the PDF will have no output intent: %s", exc)
        return None
    return profile


def write_output_intent(out: PdfOut) -> int | None:
    """An sRGB output intent (how the report's colours are meant), or None if no profile."""
    profile = srgb_profile()
    if profile is None:
        return None
    icc = out.add_stream(
        generic.DictionaryObject({"/N": generic.NumberObject(3)}), [profile], compress=True
    )
    return out.add_object(
        generic.DictionaryObject(
            {
                "/Type": name("OutputIntent"),
                "/S": name("GTS_PDFA1"),
                "/OutputConditionIdentifier": text(SRGB_CONDITION),
                "/Info": text(SRGB_CONDITION),
                "/RegistryName": text("http://www.color.org"),
                "/DestOutputProfile": ref(icc),
            }
        )
    )

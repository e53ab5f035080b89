"""Issue 11, attack 3: the pages a judge reads must be bound to the sealed files.

The forger holds the vault's own key. They take a genuine bundle's report, change what a page
shows (a screenshot slice's pixels, a printed fact, an extra picture) while every attached file
stays genuine, and sign it again with the vault's identity and a trusted timestamp, as `export`
does. Every other check passes, so only the page checks (verify/pictures.py, pagefacts.py) can
tell.

Measured on the code before this change (commit 41cd280), with the TSA root given as --trust:
the black box over rows 100-399 of item 1's first slice and the capture time rewritten from
2024-05-01 to 2024-05-03 both verified `valid`, every row passed (exactly like the genuine
bundle). Since the signer confirmation rule (helper B) a bundle whose signer is not confirmed is
`indeterminate`, so each test confirms the signer with the vault's certificate and compares
with the genuine bundle's own verdict.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from cryptography import x509
from PIL import Image, ImageDraw
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.bundle import export_bundle
from evidencekit.bundle import texts as bundle_texts
from evidencekit.bundle.export import _anchor_certificates
from evidencekit.jobs.imports import import_file
from evidencekit.verify import pictures as pictures_module
from evidencekit.verify import verify_bundle
from evidencekit.verify.checks import BundleReport, Check
from evidencekit.verify.pdfpages import ITEM_HEADER, read_pages
from tests.support import forge_pages as F
from tests.support.bundles import TALL_PX, Made, add_media_rich_item, add_web_item, make_vault
from tests.support.tsa import TsaPki, TsaServer


def _trust(made: Made, tsa_pki: TsaPki) -> list[x509.Certificate]:
    """The TSA's root and the vault's own certificate: the signer confirmed, as a lawyer does
    with --trust."""
    root = x509.load_pem_x509_certificate(tsa_pki.root_pem.read_bytes())
    return [root, made.vault.identity().certificate]


def _verify(path: Path, made: Made, tsa_pki: TsaPki) -> BundleReport:
    return verify_bundle(path, trusted_certs=_trust(made, tsa_pki))


def _row(report: BundleReport, name: str) -> Check:
    return next(c for c in report.checks if c.name == name)


def _forge(made: Made, target: Path, change: Callable[[pikepdf.Pdf], None], **save: Any) -> Path:
    assert made.tsa is not None
    return F.forge(
        made.path,
        target,
        change,
        made.vault.identity(),
        made.tsa.url,
        _anchor_certificates(made.vault),
        **save,
    )


def _not_pages(report: BundleReport) -> dict[str, str]:
    return {
        c.name: str(c.status) for c in report.checks if c.name not in ("pictures", "page facts")
    }


@pytest.fixture(scope="module")
def genuine(case_bundle: Made, tsa_pki: TsaPki) -> BundleReport:
    return _verify(case_bundle.path, case_bundle, tsa_pki)


def test_the_genuine_bundle_passes_both_page_checks(genuine: BundleReport) -> None:
    assert genuine.verdict == "valid"
    pictures = _row(genuine, "pictures")
    assert pictures.ok
    # 4 items: the 12,000 px capture, two 2,400 px ones, the import (1,334 px): all compared.
    assert f"{TALL_PX + 2 * 2400 + 1334:,} rows" in pictures.detail
    facts = _row(genuine, "page facts")
    assert facts.ok and "for 4 items" in facts.detail
    assert facts.detail_sq and pictures.detail_sq


def test_the_heading_the_verifier_reads_is_the_one_the_report_prints() -> None:
    heading = f"{bundle_texts.ITEM.en} 7 · {bundle_texts.ITEM.sq} 7"
    assert ITEM_HEADER.fullmatch(heading)


def test_a_screenshot_slice_painted_over_is_invalid(
    case_bundle: Made, genuine: BundleReport, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    def hide_words(pdf: pikepdf.Pdf) -> None:
        _, image = F.page_images(pdf)[0]  # item 1's first slice
        F.repaint(image, F.black_box(100, 400, 0, 1280))

    forged = _forge(case_bundle, tmp_path / "painted.pdf", hide_words)
    report = _verify(forged, case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert _not_pages(report) == _not_pages(genuine)  # the key holder passes everything else
    pictures = _row(report, "pictures")
    assert not pictures.ok
    assert "item 1" in pictures.detail and "rows 100–399 differ" in pictures.detail
    assert "prova 1" in pictures.detail_sq and "100–399" in pictures.detail_sq


def test_one_changed_pixel_deep_in_the_tall_screenshot_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    def one_pixel(pdf: pikepdf.Pdf) -> None:
        _, image = F.page_images(pdf)[5]  # item 1's sixth slice, thousands of rows down
        F.repaint(image, F.black_box(700, 701, 640, 641))

    report = _verify(_forge(case_bundle, tmp_path / "pixel.pdf", one_pixel), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert not _row(report, "pictures").ok


def test_an_inverted_picture_with_its_samples_kept_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Same samples, other colours: a /Decode array makes a viewer paint them inverted."""

    def invert(pdf: pikepdf.Pdf) -> None:
        _, image = F.page_images(pdf)[0]
        image["/Decode"] = pikepdf.Array([1, 0, 1, 0, 1, 0])

    report = _verify(_forge(case_bundle, tmp_path / "inverted.pdf", invert), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "stored in a way the report never writes" in _row(report, "pictures").detail


def test_an_extra_picture_over_an_item_page_or_on_the_cover_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    def extra_on(page_index: int) -> Callable[[pikepdf.Pdf], None]:
        def change(pdf: pikepdf.Pdf) -> None:
            patch = pikepdf.Stream(pdf, F.png_predicted(b"\x00" * 300, 10, 3))
            patch.Type, patch.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            patch.Width, patch.Height, patch.BitsPerComponent = 10, 10, 8
            patch.ColorSpace = pikepdf.Name.DeviceRGB
            patch.Filter = pikepdf.Name.FlateDecode
            patch.DecodeParms = pikepdf.Dictionary(Predictor=15, Colors=3, Columns=10)
            page = pdf.pages[page_index]
            resources = page.obj.Resources
            if "/XObject" not in resources:
                resources.XObject = pikepdf.Dictionary()
            resources.XObject.Im9 = pdf.make_indirect(patch)
            page.contents_add(pikepdf.Stream(pdf, b"q 200 0 0 60 40 500 cm /Im9 Do Q"))

        return change

    on_item = _verify(
        _forge(case_bundle, tmp_path / "extra.pdf", extra_on(2)), case_bundle, tsa_pki
    )
    assert on_item.verdict == "invalid"
    assert "item 1" in _row(on_item, "pictures").detail
    on_cover = _verify(
        _forge(case_bundle, tmp_path / "cover.pdf", extra_on(0)), case_bundle, tsa_pki
    )
    assert on_cover.verdict == "invalid"
    assert "page 1 shows a picture that belongs to no item" in _row(on_cover, "pictures").detail


@pytest.mark.parametrize(
    ("label", "old", "new"),
    [
        ("Captured at (UTC)", b"(2024-05-01T10:01:00.000Z) Tj", b"(2024-05-03T10:01:00.000Z) Tj"),
        ("Status", b"(200) Tj", b"(404) Tj"),
        (
            "Address requested",
            b"(https://social.example/post/1)",
            b"(https://social.example/post/9)",
        ),
    ],
)
def test_a_printed_fact_changed_is_invalid(
    case_bundle: Made,
    genuine: BundleReport,
    tsa_pki: TsaPki,
    tmp_path: Path,
    label: str,
    old: bytes,
    new: bytes,
) -> None:
    def rewrite(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 2, old, new)  # item 1's first page

    report = _verify(_forge(case_bundle, tmp_path / "fact.pdf", rewrite), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert _not_pages(report) == _not_pages(genuine)
    facts = _row(report, "page facts")
    assert f"item 1 (page 3): “{label}” is not the sealed value" in facts.detail
    assert "prova 1 (faqja 3)" in facts.detail_sq


def test_the_seal_digest_and_trusted_time_printed_are_checked(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    with pikepdf.open(case_bundle.path) as pdf:
        page = pdf.pages[2].obj.Contents.read_bytes()
    seal = case_bundle.items[0].manifest_sha256.encode()
    assert seal in page
    found = re.search(rb"\((\d{4}-\d\d-\d\dT\d\d:\d\d:)(\d\d)", page[page.index(b"Trusted") :])
    assert found is not None
    stamp = found.group(1) + found.group(2)
    later = found.group(1) + (b"59" if found.group(2) != b"59" else b"58")

    def rewrite(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 2, seal, seal[:-1] + (b"0" if seal[-1:] != b"0" else b"1"))
        F.edit_page_text(pdf, 2, b"(" + stamp, b"(" + later)

    report = _verify(_forge(case_bundle, tmp_path / "seal.pdf", rewrite), case_bundle, tsa_pki)
    facts = _row(report, "page facts")
    assert report.verdict == "invalid"
    assert "“Seal (manifest SHA-256)” is not the sealed value" in facts.detail
    assert "“Trusted time (TSA)” is not the sealed value" in facts.detail


def test_an_item_heading_removed_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Without its heading, item 2's pages read as item 1's: its facts are nowhere and its
    pictures are extra ones of item 1."""

    def unhead(pdf: pikepdf.Pdf) -> None:
        for index, page in enumerate(pdf.pages):
            if b"(Item 2 " in page.obj.Contents.read_bytes():
                F.edit_page_text(pdf, index, b"(Item 2 ", b"(Part 2 ")
                return
        raise AssertionError("no item 2 heading")

    report = _verify(_forge(case_bundle, tmp_path / "unheaded.pdf", unhead), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "no page is headed as item 2" in _row(report, "page facts").detail
    assert not _row(report, "pictures").ok


def test_a_blurred_export_names_its_pictures_as_derived(tmp_path: Path, tsa_pki: TsaPki) -> None:
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=1800)
    with TsaServer(tsa_pki) as tsa:
        made = export_bundle(vault, [item.id], tmp_path / "b.pdf", tsa_urls=[tsa.url], blur=True)
    trust = [x509.load_pem_x509_certificate(tsa_pki.root_pem.read_bytes())]
    report = verify_bundle(made.path, trusted_certs=[*trust, vault.identity().certificate])
    vault.close()
    assert report.verdict == "valid"
    pictures = _row(report, "pictures")
    assert pictures.ok
    assert "blurred copy made from screenshot.png" in pictures.detail
    assert "a derived picture, not compared" in pictures.detail
    assert "figurë e prejardhur, nuk u krahasua" in pictures.detail_sq


def test_the_picture_check_on_the_tall_screenshot_costs_little(
    case_bundle: Made, tsa_pki: TsaPki, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 12,000 px capture is compared band by band: the picture check takes a part of the
    whole verification, not a multiple of it (measured: about 0.3 s of 0.9 s here)."""
    spent: list[float] = []
    real = pictures_module.check_pictures

    def timed(*args: Any, **kwargs: Any) -> Check:
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    monkeypatch.setattr(pictures_module, "check_pictures", timed)
    start = time.perf_counter()
    report = _verify(case_bundle.path, case_bundle, tsa_pki)
    whole = time.perf_counter() - start
    assert report.verdict == "valid"
    assert len(spent) == 1
    print(f"picture check {spent[0]:.2f} s of {whole:.2f} s")
    assert spent[0] < whole


# --- pictures of other kinds: a JPEG shown as captured, transparency, a palette ---------------


def _picture_file(folder: Path, name: str, image: Image.Image, **save: Any) -> Path:
    path = folder / name
    image.save(path, **save)
    return path


@pytest.fixture(scope="module")
def kinds_bundle(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Made]:
    """Imports: a JPEG (embedded as captured), an RGBA PNG with a transparent band (a soft
    mask in the PDF), a palette PNG; and a web capture."""
    folder = tmp_path_factory.mktemp("kinds-bundle")
    vault = make_vault(folder)
    photo = Image.new("RGB", (640, 480), (40, 120, 200))
    ImageDraw.Draw(photo).ellipse((100, 80, 540, 400), fill=(240, 200, 150))
    clear = Image.new("RGBA", (600, 900), (20, 30, 40, 255))
    ImageDraw.Draw(clear).rectangle((0, 300, 599, 420), fill=(255, 0, 0, 0))
    ImageDraw.Draw(clear).text((20, 40), "fjalë kërcënuese", fill=(250, 250, 250, 255))
    palette = Image.new("P", (500, 700), 3)
    palette.putpalette([i % 256 for i in range(768)])
    ImageDraw.Draw(palette).rectangle((50, 50, 450, 200), fill=200)
    items = [
        import_file(vault, _picture_file(folder, "photo.jpg", photo, quality=85)),
        import_file(vault, _picture_file(folder, "clear.png", clear)),
        import_file(vault, _picture_file(folder, "palette.png", palette)),
        add_web_item(vault, 1, height=1500),
    ]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url])
        yield Made(vault, items, result, tsa)
    vault.close()


def _images_of(pdf: pikepdf.Pdf, **wanted: Any) -> list[pikepdf.Object]:
    return [
        image
        for _, image in F.page_images(pdf)
        if all(image.get(f"/{k}") == v for k, v in wanted.items())
    ]


def test_a_jpeg_transparency_and_a_palette_are_compared_and_pass(
    kinds_bundle: Made, tsa_pki: TsaPki
) -> None:
    report = _verify(kinds_bundle.path, kinds_bundle, tsa_pki)
    assert report.verdict == "valid"
    pictures = _row(report, "pictures")
    assert "1 JPEG picture(s) shown as captured" in pictures.detail
    # clear.png (900 rows), palette.png (700), the capture (1,500): all compared.
    assert f"{900 + 700 + 1500:,} rows" in pictures.detail
    with pikepdf.open(kinds_bundle.path) as pdf:
        assert _images_of(pdf, Filter="/DCTDecode")  # the JPEG is embedded as it is
        assert any("/SMask" in image for _, image in F.page_images(pdf))  # transparency kept


def test_a_jpeg_swapped_for_another_is_invalid(
    kinds_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    def swap(pdf: pikepdf.Pdf) -> None:
        (image,) = _images_of(pdf, Filter="/DCTDecode")
        other = io.BytesIO()
        Image.new("RGB", (640, 480), (0, 0, 0)).save(other, format="JPEG")
        image.write(other.getvalue(), filter=pikepdf.Name.DCTDecode)

    report = _verify(_forge(kinds_bundle, tmp_path / "jpeg.pdf", swap), kinds_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "is not the sealed original/photo.jpg byte for byte" in _row(report, "pictures").detail


def test_a_soft_mask_that_hides_rows_is_invalid(
    kinds_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The colour samples stay genuine; the mask makes rows 40-99 transparent (the white page
    shows through where the words were)."""

    def hide(pdf: pikepdf.Pdf) -> None:
        (image,) = [i for _, i in F.page_images(pdf) if "/SMask" in i]
        F.repaint(image.SMask, F.black_box(40, 100, 0, 600))

    report = _verify(_forge(kinds_bundle, tmp_path / "mask.pdf", hide), kinds_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "rows 40–99 differ" in _row(report, "pictures").detail


def test_withheld_originals_show_derived_pictures(tmp_path: Path, tsa_pki: TsaPki) -> None:
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=1200)
    with TsaServer(tsa_pki) as tsa:
        made = export_bundle(
            vault, [item.id], tmp_path / "b.pdf", tsa_urls=[tsa.url], include_originals=False
        )
    trust = [x509.load_pem_x509_certificate(tsa_pki.root_pem.read_bytes())]
    report = verify_bundle(made.path, trusted_certs=[*trust, vault.identity().certificate])
    vault.close()
    pictures = _row(report, "pictures")
    assert pictures.ok and "a derived picture, not compared" in pictures.detail
    assert _row(report, "page facts").ok


# --- genuine pixels, hidden: covered, cut, faded -----------------------------------------------


def _over_first_slice(content: bytes, *, before: bool = False) -> Callable[[pikepdf.Pdf], None]:
    """Add `content` to item 1's first page (page 3), after (or before) what it draws."""

    def change(pdf: pikepdf.Pdf) -> None:
        pdf.pages[2].contents_add(pikepdf.Stream(pdf, content), prepend=before)

    return change


@pytest.mark.parametrize(
    ("how", "content", "said"),
    [
        ("white box", b"q 1 1 1 rg 100 300 250 40 re f Q", "something is painted over"),
        ("words", b"BT /F2+0 9 Tf 1 0 0 1 80 320 Tm (nothing here) Tj ET", "painted over"),
        ("clip", b"", "not shown whole"),
        ("faded", b"", "faded, stretched, turned or flipped"),
    ],
)
def test_genuine_pixels_hidden_on_the_page_are_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path, how: str, content: bytes, said: str
) -> None:
    def change(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[2]
        if how == "clip":  # the slice's clip made shorter: its top rows are cut off
            F.edit_page_text(
                pdf, 2, b"n 0 15 510.2362 508.6417 re W* n", b"n 0 15 510.2362 400 re W* n"
            )
        elif how == "faded":  # drawn at 5 % opacity
            page.obj.Resources.ExtGState = pikepdf.Dictionary(Faint=pikepdf.Dictionary(ca=0.05))
            F.edit_page_text(pdf, 2, b"re W* n", b"re W* n /Faint gs")
        else:
            _over_first_slice(content)(pdf)

    report = _verify(_forge(case_bundle, tmp_path / f"{how}.pdf", change), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    pictures = _row(report, "pictures")
    assert "item 1" in pictures.detail and said in pictures.detail


def test_an_annotation_over_the_picture_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """A white square annotation (a viewer paints it over the page) on the first slice."""

    def cover(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[2]
        box = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Square,
            Rect=[100, 300, 350, 340],
            IC=[1, 1, 1],
            C=[1, 1, 1],
            F=4,
        )
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(box)]))

    report = _verify(_forge(case_bundle, tmp_path / "annot.pdf", cover), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "something is painted over the picture on page 3" in _row(report, "pictures").detail


def test_a_slice_left_undrawn_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Item 1's second slice stays in the page's resources, but the page no longer paints it:
    those rows of the screenshot are on no page."""

    def undraw(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 3, b" Do\n", b" n\n")

    report = _verify(_forge(case_bundle, tmp_path / "undrawn.pdf", undraw), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "item 1: a part of its picture is on no page" in _row(report, "pictures").detail


def test_awkward_genuine_facts_still_match(tmp_path: Path, tsa_pki: TsaPki) -> None:
    """A 3,000-character address (cut on the page), one with an emoji the font cannot draw and
    a control character, a 2,000-character title; and a bundle made without any TSA."""
    vault = make_vault(tmp_path)
    long = "https://video.example/" + "a%20b/" * 500 + "?q=" + "x" * 300
    items = [
        add_media_rich_item(vault, 1, media_count=3, url=long, title="T" * 2000),
        add_media_rich_item(vault, 2, media_count=3, url="https://ëxample.al/pöst/😀 a\u200b\x07b"),
    ]
    with TsaServer(tsa_pki) as tsa:
        stamped = export_bundle(
            vault, [i.id for i in items], tmp_path / "a.pdf", tsa_urls=[tsa.url]
        )
    unstamped = export_bundle(vault, [i.id for i in items], tmp_path / "b.pdf", tsa_urls=[])
    for made in (stamped, unstamped):
        report = verify_bundle(made.path, trusted_certs=[vault.identity().certificate])
        assert _row(report, "page facts").ok, _row(report, "page facts").detail
        assert _row(report, "pictures").ok
    vault.close()


def test_a_screenshot_left_out_of_the_pages_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The forger drops item 2's picture from its pages and from bundle.json's report_images
    (the index, re-signed with the vault's key, then describes no picture)."""

    def drop(pdf: pikepdf.Pdf) -> None:
        index = json.loads(pdf.attachments["bundle.json"].get_file().read_bytes())
        item = next(i for i in index["items"] if i["number"] == 2)
        item["report_images"] = []
        pdf.attachments["bundle.json"] = pikepdf.AttachedFileSpec(
            pdf, json.dumps(index).encode(), mime_type="application/json"
        )
        for page in pdf.pages:
            xobjects = page.obj.Resources.get("/XObject")
            if xobjects is not None and any("ekslot2" in str(k) for k in xobjects.keys()):
                del page.obj.Resources["/XObject"]

    report = _verify(_forge(case_bundle, tmp_path / "dropped.pdf", drop), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert [c.name for c in report.checks if c.status == "failed"] == ["pictures"]
    assert (
        "item 2: its sealed screenshot is attached but the pages do not show it"
        in _row(report, "pictures").detail
    )


def test_a_slice_squeezed_to_half_its_height_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Every row still painted, inside its clip, nothing over it: but rows squeezed together
    (the words unreadable)."""

    def squeeze(pdf: pikepdf.Pdf) -> None:
        data = pdf.pages[2].obj.Contents.read_bytes()
        found = re.search(rb"([\d.]+) 0 0 ([\d.]+) 0 ([\d.]+) cm\s*/\S+ Do", data)
        assert found is not None
        half = str(float(found.group(2)) / 2).encode()
        F.edit_page_text(pdf, 2, found.group(0), found.group(0).replace(found.group(2), half, 1))

    report = _verify(_forge(case_bundle, tmp_path / "squeezed.pdf", squeeze), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert "faded, stretched, turned or flipped" in _row(report, "pictures").detail


def test_pages_the_verifier_cannot_read_are_invalid_in_plain_words(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Item 1's page content re-encoded with a filter the report never uses (ASCIIHex): a
    viewer reads it; the verifier will not guess, and says why."""

    def reencode(pdf: pikepdf.Pdf) -> None:
        stream = pdf.pages[2].obj.Contents
        stream.write(stream.read_bytes().hex().encode() + b">", filter=pikepdf.Name.ASCIIHexDecode)

    # qpdf would otherwise store it Flate-compressed again when saving.
    keep = {"stream_decode_level": pikepdf.StreamDecodeLevel.none, "compress_streams": False}
    report = _verify(
        _forge(case_bundle, tmp_path / "hex.pdf", reencode, **keep), case_bundle, tsa_pki
    )
    assert report.verdict == "invalid"
    pages = _row(report, "pages")
    assert "cannot be read within the verifier's limits" in pages.detail
    assert pages.detail_sq.startswith("Faqet e raportit nuk mund të lexohen")


@pytest.mark.parametrize("fake", [f"{bundle_texts.ITEM.en} 2 · {bundle_texts.ITEM.sq} 2", "Status"])
def test_a_captured_title_that_reads_like_the_reports_own_words_changes_nothing(
    tmp_path: Path, tsa_pki: TsaPki, fake: str
) -> None:
    """The abuser's page may be titled "Item 2 · Prova 2" or "Status": printed in the regular
    small type (title, capture details), it must neither split item 1's pages nor pass for a
    label (either would make genuine evidence invalid). Measured with headings and labels read
    from every line instead: 'page facts' failed (item 2 headed twice; "Status" not printed
    once)."""
    vault = make_vault(tmp_path)
    items = [
        add_web_item(vault, 1, height=1500, metadata={"title": fake}),
        add_web_item(vault, 2, height=900),
    ]
    with TsaServer(tsa_pki) as tsa:
        made = export_bundle(vault, [i.id for i in items], tmp_path / "b.pdf", tsa_urls=[tsa.url])
    with made.path.open("rb") as handle:
        lines = [p.lines for p in read_pages(PdfFileReader(handle, strict=False))]
    assert sum(fake in page for page in lines) >= 2  # under the heading, in the details
    report = verify_bundle(made.path, trusted_certs=[vault.identity().certificate])
    vault.close()
    assert _row(report, "page facts").ok, _row(report, "page facts").detail
    assert _row(report, "pictures").ok


def test_the_index_of_items_is_checked_too(
    case_bundle: Made, genuine: BundleReport, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The index (page 2) prints each item's status: "200" for item 1 becomes "404"."""
    assert (
        "and so are those of the index of items and the cover" in _row(genuine, "page facts").detail
    )

    def rewrite(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 1, b"(200) Tj", b"(404) Tj")

    report = _verify(_forge(case_bundle, tmp_path / "index.pdf", rewrite), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert _not_pages(report) == _not_pages(genuine)
    facts = _row(report, "page facts")
    assert "the index of items does not print item 1's sealed facts" in facts.detail
    assert "lista e provave nuk shtyp" in facts.detail_sq


def test_an_index_over_several_pages_still_matches(tmp_path: Path, tsa_pki: TsaPki) -> None:
    """45 items: the index runs over three pages, its header row repeated on each."""
    vault = make_vault(tmp_path)
    items = [add_web_item(vault, n, height=200) for n in range(1, 46)]
    made = export_bundle(vault, [i.id for i in items], tmp_path / "b.pdf", tsa_urls=[])
    with made.path.open("rb") as handle:
        pages = read_pages(PdfFileReader(handle, strict=False))
    headed = [p.number for p in pages if "No." in p.lines]
    assert len(headed) >= 2  # the header row on more than one index page
    report = verify_bundle(made.path, trusted_certs=[vault.identity().certificate])
    vault.close()
    assert _row(report, "page facts").ok, _row(report, "page facts").detail


def test_a_slice_label_naming_other_rows_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The pixels are genuine, but the label under them says they are rows 5,000 on."""

    def relabel(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 2, b"rows 0", b"rows 5 000")

    report = _verify(_forge(case_bundle, tmp_path / "label.pdf", relabel), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert (
        "the label under the picture on page 3 does not name the rows it shows"
        in _row(report, "pictures").detail
    )


def test_a_cover_naming_another_certificate_is_invalid(
    case_bundle: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The cover's fingerprint is what a lawyer may read out to the victim: it must be the
    signer's."""
    fingerprint = case_bundle.vault.identity().fingerprint_sha256.encode()

    def rename(pdf: pikepdf.Pdf) -> None:
        F.edit_page_text(pdf, 0, fingerprint, b"0" * 64)

    report = _verify(_forge(case_bundle, tmp_path / "cover.pdf", rename), case_bundle, tsa_pki)
    assert report.verdict == "invalid"
    assert (
        "the cover does not print the bundle's signing certificate"
        in _row(report, "page facts").detail
    )

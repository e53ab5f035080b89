"""A case of 3 web captures + 1 import exported to one bundle and checked every way we can:
our verifier, poppler's pdfsig, pdfdetach, pdftotext, pdfimages, pdffonts, and the vault itself."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

from cryptography import x509
from PIL import Image

from evidencekit.verify import verify_bundle
from tests.support.bundles import CASE, TALL_PX, Made, run, sha256_file, tool


def _tsa_root(made: Made) -> x509.Certificate:
    assert made.tsa is not None
    return made.tsa.pki.root_cert


def test_case_bundle_verifies_valid(case_bundle: Made) -> None:
    result = case_bundle.result
    assert result.level == "B-LTA"
    assert result.items == 4
    # The loopback TSA is one nobody vouches for: its root is given, as a lawyer would, and
    # the vault's key fingerprint the sender read out to her.
    fingerprint = case_bundle.vault.identity().fingerprint_sha256
    report = verify_bundle(
        case_bundle.path, trusted_certs=[_tsa_root(case_bundle)], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "valid", report.summary()
    assert report.exit_code == 0
    names = [c.name for c in report.checks]
    expected = {"pdf", "signature", "whole file", "signer", "signature timestamp"}
    expected |= {"document timestamp", "bundle.json", "identity", "attachments", "custody"}
    assert expected <= set(names)
    assert sum(n.startswith("item ") for n in names) == 4
    assert report.facts["pades_level"] == "B-LTA"
    assert report.facts["bundle_id"] == result.bundle_id
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", report.facts["signed_at"])
    assert report.facts["signer_fingerprint"] == fingerprint
    signer = next(c for c in report.checks if c.name == "signer")
    assert signer.ok and fingerprint in signer.detail
    assert "its fingerprint is the one given with --trust-fingerprint" in signer.detail
    # Without the fingerprint nobody confirmed the key: indeterminate (exit 4), not valid.
    unconfirmed = verify_bundle(case_bundle.path, trusted_certs=[_tsa_root(case_bundle)])
    assert unconfirmed.verdict == "indeterminate" and unconfirmed.exit_code == 4
    signer = next(c for c in unconfirmed.checks if c.name == "signer")
    assert signer.status.value == "indeterminate" and "is not confirmed" in signer.detail
    assert "timestamp authorities' roots, not the signer's" in signer.detail
    assert report.facts["signed_at_trusted"] is True
    # JSON: the CLI contract's shape.
    data = report.to_json()
    assert data["verdict"] == "valid"
    assert all({"name", "ok", "detail"} <= set(c) for c in data["checks"])
    json.dumps(data)


def test_trusting_the_vault_certificate_marks_the_signer_trusted(case_bundle: Made) -> None:
    vault_cert = case_bundle.vault.identity().certificate
    report = verify_bundle(case_bundle.path, trusted_certs=[vault_cert, _tsa_root(case_bundle)])
    assert report.verdict == "valid", report.summary()
    signer = next(c for c in report.checks if c.name == "signer")
    assert "trusted: it is one of the certificates given with --trust" in signer.detail
    # The vault's certificate alone: the signer is trusted, the loopback TSA still is not.
    alone = verify_bundle(case_bundle.path, trusted_certs=[vault_cert])
    assert alone.verdict == "indeterminate", alone.summary()
    assert next(c for c in alone.checks if c.name == "signer").ok


def test_trusting_the_tsa_root_marks_timestamps_trusted(case_bundle: Made) -> None:
    vault_cert = case_bundle.vault.identity().certificate
    report = verify_bundle(case_bundle.path, trusted_certs=[_tsa_root(case_bundle), vault_cert])
    assert report.verdict == "valid", report.summary()
    stamp = next(c for c in report.checks if c.name == "signature timestamp")
    assert "leads to a certificate given with --trust" in stamp.detail
    for row in report.checks:
        if row.name.startswith("item ") or row.name in ("custody", "document timestamp"):
            assert row.ok and "not independently trusted" not in row.detail, row


def test_poppler_pdfsig_says_signature_is_valid(case_bundle: Made) -> None:
    out = run(tool("pdfsig"), case_bundle.path)
    text = out.stdout + out.stderr
    signatures = re.split(r"Signature #\d+:", text)[1:]
    assert len(signatures) == 2, text  # the signature and the document timestamp
    assert "Signature Field Name: EvidenceKit-Signature" in signatures[0]
    assert "Signature Validation: Signature is Valid." in signatures[0]
    assert "Signing Hash Algorithm: SHA-256" in signatures[0]
    assert "Total document signed" in signatures[1]  # the document timestamp reaches the end


def test_attachments_match_bundle_json_and_the_vault(case_bundle: Made, tmp_path: Path) -> None:
    pdfdetach = tool("pdfdetach")
    listing = run(pdfdetach, "-list", case_bundle.path)
    assert listing.returncode == 0, listing.stderr
    listed = [re.sub(r"^\d+: ", "", line) for line in listing.stdout.splitlines()[1:]]
    out = tmp_path / "files"
    out.mkdir()
    saved = run(pdfdetach, "-saveall", "-o", out, case_bundle.path)
    assert saved.returncode == 0, saved.stderr
    index = json.loads((out / "bundle.json").read_bytes())
    assert sorted(listed) == sorted([a["name"] for a in index["attachments"]] + ["bundle.json"])
    vault = case_bundle.vault
    checked = 0
    for entry in index["attachments"]:
        data = (out / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["size"]
        if entry["item"] is not None:
            assert data == vault.read_artifact(entry["item"], entry["artifact"])
            checked += 1
    expected = sum(len(i.artifacts) for i in (vault.item(x.id) for x in case_bundle.items))
    assert checked == expected  # every artifact of every item, timestamps included
    names = {e["artifact"] for e in index["attachments"] if e["artifact"]}
    for required in ("screenshot.png", "page.html", "page.mhtml", "traffic.warc.gz",
                     "metadata.json", "manifest.json", "manifest.p7s", "timestamp.tsr",
                     "media/photo.jpg"):  # fmt: skip
        assert required in names
    assert index["custody"]["anchor"] is not None
    assert (out / index["custody"]["anchor"]["attachment"]).exists()


def test_attachments_carry_media_types_and_af_relationships(case_bundle: Made) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(case_bundle.path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        root = reader.root
        af = root["/AF"]
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
        assert len(af) == len(names) // 2
        relationships = set()
        for index in range(0, len(names), 2):
            spec = names[index + 1]
            relationships.add(str(spec["/AFRelationship"]))
            stream = spec["/EF"]["/F"]
            assert "/" in str(stream["/Subtype"])[1:]  # a media type such as image/png
            assert int(stream["/Params"]["/Size"]) >= 0
        assert relationships == {"/Source", "/Data"}
        assert "/Metadata" in root and "/OutputIntents" in root


def test_report_text_has_albanian_and_every_section(case_bundle: Made) -> None:
    raw = run(tool("pdftotext"), case_bundle.path, "-").stdout
    text = " ".join(raw.split())  # headings may wrap
    for phrase in ("Dosje provash", "Çështja", "Si ta verifikoni këtë dosje", CASE,
                   "Zinxhiri i ruajtjes së provave", "Çfarë provon një kapje dhe çfarë jo",
                   "Lista e provave", "Dritë Çela", "FRE 902(13), 902(14)", "¶¶ 153–155",
                   "Berkeley", "What a capture proves", "PAdES B-LTA", "404 (removed / not found)",
                   "A picture on the page failed to load",
                   # How to verify: pass the timestamp authority's root when it is not trusted.
                   "a timestamp authority is not independently trusted",
                   "nuk është i besuar në mënyrë të pavarur"):  # fmt: skip
        assert phrase in text, phrase
    # Every artifact's SHA-256 is printed in the hash certificate.
    flat = re.sub(r"\s+", "", raw)
    for item in case_bundle.items:
        for artifact in case_bundle.vault.item(item.id).artifacts:
            assert artifact.sha256 in flat
    pages = int(re.search(r"page 1 of (\d+)", text).group(1))  # type: ignore[union-attr]
    assert pages == case_bundle.result.pages
    assert f"page {pages} of {pages} · faqja {pages} nga {pages}" in text


def test_fonts_are_embedded_and_render_albanian(case_bundle: Made, tmp_path: Path) -> None:
    fonts = run(tool("pdffonts"), case_bundle.path).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\b", line) for line in fonts), fonts  # emb, sub
    assert all("DejaVu" in line for line in fonts)
    # Render the cover, then read its text back: ë and ç come out as themselves, not boxes.
    png = tmp_path / "cover"
    rendered = run(
        tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", case_bundle.path, png
    )
    assert rendered.returncode == 0
    image = Image.open(next(tmp_path.glob("cover*.png")))
    assert image.size[0] > 400 and image.getextrema() != ((255, 255),) * 3
    cover = run(tool("pdftotext"), "-f", "1", "-l", "1", case_bundle.path, "-").stdout
    assert "Përgatitur nga" in cover and "Çështja" in cover and "\ufffd" not in cover


def test_tall_screenshot_is_sliced_losslessly(case_bundle: Made, tmp_path: Path) -> None:
    listing = run(tool("pdfimages"), "-list", case_bundle.path).stdout.splitlines()[2:]
    widths_heights = [(int(row.split()[3]), int(row.split()[4])) for row in listing]
    tall = [h for w, h in widths_heights if w == 1280]
    # Item 1's 12,000 px screenshot + 2,400 px ones for items 2 and 3, in page-sized slices.
    assert sum(tall) == TALL_PX + 2 * 2400
    assert max(tall) < 2000  # each slice fits one page at full width
    text = run(tool("pdftotext"), case_bundle.path, "-").stdout
    assert "rows 0–" in text and f"of {TALL_PX:,}".replace(",", " ") in text
    # One slice, extracted, has exactly the original's pixels.
    run(tool("pdfimages"), "-png", "-f", "3", "-l", "6", case_bundle.path, tmp_path / "img")
    original = Image.open(
        io.BytesIO(case_bundle.vault.read_artifact(case_bundle.items[0].id, "screenshot.png"))
    )
    first = Image.open(sorted(tmp_path.glob("img-*.png"))[0]).convert("RGB")
    assert first.width == 1280
    assert first.tobytes() == original.crop((0, 0, 1280, first.height)).tobytes()


def test_export_is_in_the_custody_log(case_bundle: Made) -> None:
    entries = [e for e in case_bundle.vault.custody() if e.action == "export"]
    assert entries, "the export was not logged"
    details = entries[-1].details
    assert details["sha256"] == sha256_file(case_bundle.path) == case_bundle.result.sha256
    assert sorted(details["items"]) == sorted(i.id for i in case_bundle.items)
    assert details["pades_level"] == "B-LTA"
    assert entries[-1].object == f"bundle:{case_bundle.result.bundle_id}"
    anchors = [e for e in case_bundle.vault.custody() if e.action == "anchor"]
    assert anchors, "the custody log was not time-stamped at export"

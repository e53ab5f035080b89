"""Issue 11, red-team pass: forgeries that still got through after the issue's fixes.

Measured on the tree at e8f0941 (before verify/objstreams.py and the signer change), B-LTA
bundle, the TSA root and the vault's certificate given with --trust unless said otherwise:

- an update whose object stream lists a link annotation twice (genuine first, a white square
  over the whole page at the index the cross-reference stream names), then a trusted document
  timestamp: `valid`; poppler draws the index page blank. pyHanko's modification level is
  LTA_UPDATES and the verifier's own comparison of the revisions finds nothing changed,
  because both read the object through pyHanko, which takes the first entry with the number.
- the same with each number once, but the index naming the changed version: `valid`.
- inside the vault's signature, page.html's /EF defining /F twice within an object stream:
  `valid` (the check for keys defined twice read only objects outside object streams);
  poppler's pdfdetach extracts the altered copy.
- inside the vault's signature, what a viewer runs or obeys beyond the pages (document
  JavaScript painting a white box over page 2, the same as /OpenAction, a page's /AA, a link
  whose action hides annotations, an XFA form): `valid` each; nothing looked for them.
- a bundle made by a stranger whose certificate the TSA's root CA issued, verified with only
  that root given (as the report's advice tells a reader to do): `valid`, signer "leads to
  one given with --trust". After: indeterminate, "confirm F".
"""

from __future__ import annotations

import io
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel

from evidencekit.bundle import export_bundle
from evidencekit.seal.identity import export_certificate_pem
from evidencekit.verify import load_certificates, objstreams, verify_bundle
from evidencekit.verify import texts as T
from evidencekit.verify.checks import BundleReport, Status
from evidencekit.verify.revisions import changes_after_signing
from tests.support import forge_embedded, forge_redteam
from tests.support import forge_revisions as revisions
from tests.support.bundles import add_import, add_web_item, make_vault, tool
from tests.support.forging import revision_starts
from tests.support.tsa import TsaPki, TsaServer


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("redteam")
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=900), add_import(vault, folder)]
    with TsaServer(tsa_pki) as tsa:
        lta = export_bundle(vault, [i.id for i in items], folder / "lta.pdf", tsa_urls=[tsa.url])
        cert = folder / "vault.pem"
        cert.write_bytes(export_certificate_pem(vault.identity()))
        yield {"lta": lta.path, "vault": cert, "identity": vault.identity(), "tsa": tsa}
    vault.close()


def _verify(path: Path, pki: TsaPki, made: dict) -> BundleReport:
    return verify_bundle(path, trusted_certs=load_certificates([pki.root_pem, made["vault"]]))


def _failed(report: BundleReport) -> str:
    return " ".join(c.message.en for c in report.checks if c.status is Status.FAILED)


def _without_document_timestamp(made: dict, target: Path) -> Path:
    """The genuine bundle with its document timestamp's revision cut off (anyone can)."""
    data = made["lta"].read_bytes()
    target.write_bytes(data[: revision_starts(data)[-2]])
    return target


def _pyhanko_level(path: Path) -> ModificationLevel:
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        signature = reader.embedded_regular_signatures[0]
        return DEFAULT_DIFF_POLICY.review_file(reader, signature.signed_revision).modification_level


def _revisions_alone(path: Path) -> object:
    """verify/revisions.py's comparison alone (the check this attack defeated)."""
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        signature = reader.embedded_regular_signatures[0]
        later = [s.signed_revision for s in reader.embedded_timestamp_signatures]
        return changes_after_signing(reader, signature.signed_revision, later)


def _page_is_blank(path: Path, page: int) -> bool:
    """poppler's rendering of `page` (1-based) at 20 dpi holds only white pixels."""
    shown = subprocess.run(
        [tool("pdftoppm"), "-r", "20", "-f", str(page), "-l", str(page), "-gray", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    # PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    pixels = shown.split(b"\n", 3)[3]
    return set(pixels) == {255}


@pytest.mark.parametrize("distinct", [False, True], ids=["number-twice", "index-elsewhere"])
def test_an_object_stream_read_differently_by_pyhanko_and_viewers_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path, distinct: bool
) -> None:
    path = _without_document_timestamp(made, tmp_path / "forged.pdf")
    page, link = forge_redteam.first_link(path)
    forge_redteam.twin_in_object_stream(path, link, forge_redteam.white_square, distinct=distinct)
    revisions.stamp(path, tsa_pki.timestamper())
    # The weakened checks: pyHanko's level and our own comparison both read pyHanko's version.
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    assert _revisions_alone(path) is None
    if not distinct:  # poppler reads the index: the page a judge reads is white
        assert _page_is_blank(path, page + 1)
        assert not _page_is_blank(made["lta"], page + 1)
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"  # was "valid" on e8f0941
    assert report.exit_code == 1
    (row,) = [c for c in report.checks if c.name == "pdf"]
    assert row.status is Status.FAILED
    expected = T.OBJECT_STREAM_INDEX if distinct else T.OBJECT_STREAM_TWICE
    assert row.message.en.startswith(expected.en.split("{")[0])
    assert row.message.sq and row.message.sq != row.message.en


def test_the_genuine_bundle_and_ordinary_object_streams_read_one_way(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """No false alarm: the genuine bundle, and the same report packed into object streams by
    qpdf (as many PDF tools save), have object streams only one way to read."""
    assert _verify(made["lta"], tsa_pki, made).verdict == "valid"
    packed = tmp_path / "packed.pdf"
    with pikepdf.open(io.BytesIO(forge_embedded.unsigned_report(made["lta"]))) as pdf:
        pdf.save(packed, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    with open(packed, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        assert any(s.xref_data.xrefs_in_objstm for s in reader.xrefs._xref_sections)
        assert objstreams.problem(reader) is None


def test_a_key_defined_twice_inside_an_object_stream_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """With the vault's key: page.html's /EF has /F twice, in an object stream. pyHanko reads
    the first (genuine) one, poppler extracts the second (altered)."""
    target = tmp_path / "f-twice.pdf"
    with pikepdf.open(io.BytesIO(forge_embedded.unsigned_report(made["lta"]))) as pdf:
        forge_redteam.f_twice_in_object_stream(pdf)
        forge_redteam.save_with_twin(pdf, target)
    forge_embedded.resign(target, made["identity"], made["tsa"], tsa_pki)
    out = tmp_path / "detached"
    out.mkdir()
    subprocess.run(
        [tool("pdfdetach"), "-saveall", "-o", str(out), str(target)], check=True, timeout=60
    )
    (extracted,) = out.glob("*page.html")
    assert extracted.read_bytes() == forge_embedded.PLANTED  # what the lawyer would open
    report = _verify(target, tsa_pki, made)
    assert report.verdict == "invalid"  # was "valid" on e8f0941
    assert "defines /F twice" in _failed(report)


def test_a_signer_under_a_timestamp_authoritys_root_is_not_confirmed_by_it(
    tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """A stranger's own bundle, signed by a certificate the TSA's root CA issued (a national
    or commercial CA that runs a TSA issues certificates to anyone). The reader gives that root
    with --trust only for the timestamps, as the report's advice says."""
    vault = make_vault(tmp_path)
    try:
        forger = forge_redteam.identity_under(tsa_pki)
        vault.replace_identity(forger)
        items = [add_web_item(vault, 1, height=600)]
        with TsaServer(tsa_pki) as tsa:
            result = export_bundle(
                vault, [i.id for i in items], tmp_path / "f.pdf", tsa_urls=[tsa.url]
            )
    finally:
        vault.close()
    root_only = load_certificates([tsa_pki.root_pem])
    report = verify_bundle(result.path, trusted_certs=root_only)
    assert report.verdict == "indeterminate"  # was "valid" on e8f0941
    assert report.exit_code == 4
    (signer,) = [c for c in report.checks if c.name == "signer"]
    assert signer.status is Status.INDETERMINATE
    assert report.signer_unconfirmed and "confirm" in report.headline().en
    # Confirmed in person, the same bundle is valid; a certificate given for the signer
    # itself still is too.
    fingerprint = str(report.facts["signer_fingerprint"])
    confirmed = verify_bundle(
        result.path, trusted_certs=root_only, trusted_fingerprints=[fingerprint]
    )
    assert confirmed.verdict == "valid"
    own = tmp_path / "signer.pem"
    own.write_bytes(export_certificate_pem(forger))
    given = verify_bundle(result.path, trusted_certs=load_certificates([tsa_pki.root_pem, own]))
    assert given.verdict == "valid"


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (forge_redteam.edit_names_javascript, "JavaScript"),
        (forge_redteam.edit_open_action, "when it opens (/OpenAction)"),
        (forge_redteam.edit_page_event, "on an event (/AA) on page 2"),
        (forge_redteam.edit_link_hides, "an action of type /Hide on page 2"),
        (forge_redteam.edit_xfa, "an XFA form"),
    ],
    ids=["names-javascript", "open-action", "page-aa", "hide-action", "xfa"],
)
def test_what_a_viewer_runs_beyond_the_pages_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path, edit: forge_embedded.Edit, said: str
) -> None:
    """With the vault's key, inside the signature: the attachments and pages stay genuine, but
    the viewer is told to do something else on opening, on an event or on a click."""
    target = forge_embedded.inside_signature(
        made["lta"], tmp_path / "active.pdf", edit, made["identity"], made["tsa"], tsa_pki
    )
    report = _verify(target, tsa_pki, made)
    assert report.verdict == "invalid"  # was "valid" on e8f0941, for each of them
    (row,) = [c for c in report.checks if c.name == "attachments"]
    assert row.status is Status.FAILED and said in row.message.en
    assert "EvidenceKit never writes one" in row.message.en
    assert "EvidenceKit nuk shkruan kurrë" in row.message.sq


def test_an_object_given_a_new_generation_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Not a hole, pinned: page 1's content stream given generation 1 (pyHanko keeps reading
    generation 0 from the signed revision; poppler rebuilds its table), then a trusted
    document timestamp. pyHanko's analysis finds the new object unexplained: invalid on
    e8f0941 too."""
    path = _without_document_timestamp(made, tmp_path / "generation.pdf")
    with open(path, "rb") as handle:
        page = PdfFileReader(handle, strict=False).root["/Pages"]["/Kids"][0]
        contents = page.raw_get("/Contents").reference
    forge_redteam.bump_generation(path, contents.idnum)
    revisions.stamp(path, tsa_pki.timestamper())
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"
    assert "changed after it was signed" in _failed(report)


def test_a_section_listing_an_object_twice_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """One cross-reference table lists a link annotation twice: a white square over the page
    first (poppler, pdf.js and qpdf keep the first), the genuine one last (pyHanko keeps the
    last), then a trusted document timestamp. Measured on 8b1f761: `valid`, and poppler draws
    the index page blank."""
    path = _without_document_timestamp(made, tmp_path / "twice.pdf")
    page, link = forge_redteam.first_link(path)
    forge_redteam.twice_in_section(path, link, forge_redteam.white_square, stream=False)
    revisions.stamp(path, tsa_pki.timestamper())
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    assert _revisions_alone(path) is None
    with pikepdf.open(path) as pdf:  # qpdf reads the white square
        assert pdf.get_object(link.idnum, 0).Subtype == "/Square"
    assert _page_is_blank(path, page + 1)
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"
    (row,) = [c for c in report.checks if c.name == "pdf"]
    assert row.status is Status.FAILED
    assert f"lists object {link.idnum} twice" in row.message.en
    assert f"e liston objektin {link.idnum} dy herë" in row.message.sq


def test_a_cross_reference_stream_naming_an_object_twice_is_invalid(
    made: dict, tmp_path: Path, tsa_pki: TsaPki
) -> None:
    """Not a hole, pinned: the same in a cross-reference stream (/Index naming the object
    twice). pyHanko refuses such a stream outright (its subsections must increase), so no
    document timestamp can even be added; the verifier says invalid (on 8b1f761 too)."""
    path = _without_document_timestamp(made, tmp_path / "twice-stream.pdf")
    _, link = forge_redteam.first_link(path)
    forge_redteam.twice_in_section(path, link, forge_redteam.white_square, stream=True)
    assert _verify(path, tsa_pki, made).verdict == "invalid"


def test_nesting_too_deep_to_parse_is_invalid_at_once(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Not a hole, pinned: /Info rewritten with 300,000 nested arrays (600 KB). Measured on
    8b1f761: invalid in well under a second ("could not be checked to the end", the parser's
    recursion limit), no traceback."""
    path = tmp_path / "deep.pdf"
    path.write_bytes(made["lta"].read_bytes())
    forge_redteam.deeply_nested_info(path, 300_000)
    started = time.monotonic()
    report = _verify(path, tsa_pki, made)
    assert time.monotonic() - started < 10
    assert report.verdict == "invalid" and report.exit_code == 1
    assert "could not be checked to the end" in _failed(report)


def test_a_trailer_naming_a_second_catalog_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """A stranger hangs a one-page document of his own under the validation data, then adds a
    trusted document timestamp whose trailer names /Root twice: the genuine catalog first
    (what pyHanko, and so every check here, reads), his catalog last (what poppler and qpdf
    open: one page, "Nothing happened here", no attachments). Measured on f065ee1: `valid`."""
    path = _without_document_timestamp(made, tmp_path / "two-roots.pdf")
    catalog = forge_redteam.hang_document_under_dss(path)
    forge_redteam.stamp_with_second_root(path, tsa_pki.timestamper(), catalog)
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    with pikepdf.open(path) as pdf:  # what a viewer opens
        assert len(pdf.pages) == 1 and not pdf.attachments
        assert forge_redteam.OTHER_WORDS in pdf.pages[0].Contents.read_bytes()
    shown = subprocess.run(
        [tool("pdftotext"), str(path), "-"], capture_output=True, check=True, timeout=60
    )
    assert shown.stdout.decode().split() == forge_redteam.OTHER_WORDS.decode().split()
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"
    (row,) = [c for c in report.checks if c.name == "pdf"]
    assert row.status is Status.FAILED and "defines /Root twice" in row.message.en
    assert "dy dokumente të ndryshme" in row.message.sq


def test_validation_data_that_points_at_a_document_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """The same document hung under the DSS, with an ordinary document timestamp after it: no
    viewer opens it, but nothing export writes points from validation data to anything. pyHanko
    counts it as validation data. Measured on f065ee1: `valid`."""
    path = _without_document_timestamp(made, tmp_path / "hung.pdf")
    forge_redteam.hang_document_under_dss(path)
    revisions.stamp(path, tsa_pki.timestamper())
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"
    assert "validation data points at objects that are not validation data" in _failed(report)


@pytest.mark.parametrize("root_twice", [False, True], ids=["plain", "root-twice"])
def test_a_hybrid_reference_update(
    made: dict, tsa_pki: TsaPki, tmp_path: Path, root_twice: bool
) -> None:
    """A hybrid-reference update (classic table plus /XRefStm) that changes nothing, then a
    trusted document timestamp: still valid (the trailer check reads hybrid files too, with
    no false alarm); with /Root twice in its trailer: invalid (on f065ee1: valid both)."""
    path = _without_document_timestamp(made, tmp_path / "hybrid.pdf")
    forge_redteam.hybrid_update(path, root_twice=root_twice)
    revisions.stamp(path, tsa_pki.timestamper())
    report = _verify(path, tsa_pki, made)
    if root_twice:
        assert report.verdict == "invalid" and "defines /Root twice" in _failed(report)
    else:
        assert report.verdict == "valid", report.summary()


def test_a_startxref_that_misses_its_table_is_invalid(
    made: dict, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """A white square left as bytes no table names, then a trusted document timestamp whose
    startxref points one byte past its table. pyHanko corrects the pointer and never reads the
    square; poppler and qpdf rebuild their table from the whole file and draw it. Measured on
    b8ce492: `valid`, poppler draws the index page blank."""
    path = _without_document_timestamp(made, tmp_path / "off-by-one.pdf")
    page, link = forge_redteam.first_link(path)
    forge_redteam.junk_object(path, link, forge_redteam.white_square)
    forge_redteam.stamp_pointing_past_its_table(path, tsa_pki.timestamper())
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    assert _revisions_alone(path) is None
    with pikepdf.open(path) as pdf:
        assert pdf.get_object(link.idnum, 0).Subtype == "/Square"
    assert _page_is_blank(path, page + 1)
    report = _verify(path, tsa_pki, made)
    assert report.verdict == "invalid"
    (row,) = [c for c in report.checks if c.name == "pdf"]
    assert row.status is Status.FAILED and "where there is none" in row.message.en
    assert "ku nuk ka asnjë" in row.message.sq

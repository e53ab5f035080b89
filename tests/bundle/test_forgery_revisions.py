"""Issue 11, attack 1: after the signed revision, only what export writes may follow.

A stranger with no key adds an incremental update to a genuine bundle and seals it with a
document timestamp from an authority the reader trusts. Measured on the code before
verify/revisions.py (B-LTA bundle, TSA root and vault certificate given with --trust):

- widget with an indirect /Rect number and a white /MK /BG, own revision: `valid`
- the same widget in the document timestamp's own revision: `valid`
- /Info Title rewritten: `valid`
- a second document timestamp: `valid`
- a widget with an appearance stream, a FreeText note: `invalid` (pyHanko's analysis)

Each test below first shows that pyHanko's modification level alone lets the attack through
(the weakened check), then that the verifier says `invalid` with the reason in plain words.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel

from evidencekit.bundle import export_bundle
from evidencekit.seal.identity import export_certificate_pem
from evidencekit.verify import load_certificates, verify_bundle
from evidencekit.verify.checks import BundleReport, Status
from evidencekit.verify.revisions import (
    MAX_LATER_REVISIONS,
    changes_after_signing,
    too_many_revisions,
)
from tests.support import forge_revisions as forge
from tests.support.bundles import add_import, add_web_item, make_vault
from tests.support.tsa import TsaPki, TsaServer


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[dict[str, Path]]:
    """The same two items exported B-LTA (with a TSA) and B-B (without one)."""
    folder = tmp_path_factory.mktemp("revisions")
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=900), add_import(vault, folder)]
    ids = [i.id for i in items]
    with TsaServer(tsa_pki) as tsa:
        lta = export_bundle(vault, ids, folder / "lta.pdf", tsa_urls=[tsa.url])
    bb = export_bundle(vault, ids, folder / "bb.pdf", tsa_urls=[])
    assert (lta.level, bb.level) == ("B-LTA", "B-B")
    cert = folder / "vault.pem"
    cert.write_bytes(export_certificate_pem(vault.identity()))
    yield {"B-LTA": lta.path, "B-B": bb.path, "vault": cert}
    vault.close()


@pytest.fixture
def verify(bundles: dict[str, Path], tsa_pki: TsaPki) -> Callable[[Path], BundleReport]:
    trusted = load_certificates([tsa_pki.root_pem, bundles["vault"]])
    return lambda path: verify_bundle(path, trusted_certs=trusted)


def _copy(bundles: dict[str, Path], level: str, tmp_path: Path) -> Path:
    target = tmp_path / f"forged-{level}.pdf"
    shutil.copyfile(bundles[level], target)
    return target


def _pyhanko_level(path: Path) -> ModificationLevel:
    """pyHanko's own modification analysis, the weakened check this module goes beyond."""
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        signature = reader.embedded_regular_signatures[0]
        return DEFAULT_DIFF_POLICY.review_file(reader, signature.signed_revision).modification_level


def _ours(path: Path) -> str | None:
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        signature = reader.embedded_regular_signatures[0]
        stamps = [s.signed_revision for s in reader.embedded_timestamp_signatures]
        reason = changes_after_signing(reader, signature.signed_revision, stamps)
        return None if reason is None else reason.en


def _whole_file(report: BundleReport) -> str:
    row = next(c for c in report.checks if c.name == "whole file")
    assert row.status is Status.FAILED, row.detail
    assert row.detail_sq
    return row.detail


@pytest.mark.parametrize("level", ["B-LTA", "B-B"])
def test_the_genuine_bundle_has_only_what_export_writes(
    bundles: dict[str, Path], verify: Callable[[Path], BundleReport], level: str
) -> None:
    assert _ours(bundles[level]) is None
    report = verify(bundles[level])
    row = next(c for c in report.checks if c.name == "whole file")
    assert row.status is Status.PASSED, row.detail


@pytest.mark.parametrize("together", [False, True], ids=["own-revision", "with-the-timestamp"])
@pytest.mark.parametrize("level", ["B-LTA", "B-B"])
def test_a_widget_with_an_indirect_rect_is_invalid(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
    level: str,
    together: bool,
) -> None:
    path = _copy(bundles, level, tmp_path)
    forge.hide_with_widget(path, tsa_pki.timestamper(), together=together)
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES  # pyHanko alone: fine
    report = verify(path)
    assert report.verdict == "invalid"
    detail = _whole_file(report)
    assert "in a way EvidenceKit never changes a bundle" in detail


def test_the_widget_alone_is_refused_for_its_rect(
    bundles: dict[str, Path], tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Where the widget takes the place of the timestamp's own field (the one shape export
    writes), what gives it away is its /Rect: not literal numbers."""
    path = _copy(bundles, "B-B", tmp_path)
    forge.stamp_in_visible_field(path, tsa_pki.timestamper())
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    assert _ours(path) == (
        "a field added after signing can be painted over the page: its size is not literally zero"
    )


@pytest.mark.parametrize("level", ["B-LTA", "B-B"])
def test_a_rewritten_title_is_invalid(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
    level: str,
) -> None:
    path = _copy(bundles, level, tmp_path)
    forge.rewrite_title(path, tsa_pki.timestamper(), "Nothing happened here")
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    report = verify(path)
    assert report.verdict == "invalid"
    if level == "B-B":  # the B-LTA copy is refused first for its second timestamp
        assert "document's properties (title, author, subject) were changed" in _whole_file(report)


def test_a_second_document_timestamp_is_invalid(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
) -> None:
    path = _copy(bundles, "B-LTA", tmp_path)
    forge.stamp(path, tsa_pki.timestamper())
    assert _pyhanko_level(path) <= ModificationLevel.LTA_UPDATES
    report = verify(path)
    assert report.verdict == "invalid"
    assert "2 document timestamps were added after the signature" in _whole_file(report)


def test_one_document_timestamp_on_a_b_b_bundle_is_the_shape_export_writes(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
) -> None:
    """Anyone may add a trusted time later; it changes nothing a viewer shows."""
    path = _copy(bundles, "B-B", tmp_path)
    forge.stamp(path, tsa_pki.timestamper())
    assert _ours(path) is None
    assert verify(path).verdict != "invalid"


@pytest.mark.parametrize(
    ("attack", "words"),
    [
        (lambda p, t: forge.add_annotation(p, t, "FAKE"), "a page was changed after signing"),
        (
            lambda p, t: forge.hide_with_widget(p, t, appearance=True),
            "a page was changed after signing",
        ),
        (lambda p, t: forge.change_catalog(p, t), "the document's catalog was changed"),
        (lambda p, t: forge.replace_page_content(p, t), "a page was changed after signing"),
    ],
    ids=["note", "widget-with-appearance", "catalog-open-action", "page-content"],
)
def test_what_pyhanko_catches_ours_catches_too(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
    attack: Callable[[Path, object], None],
    words: str,
) -> None:
    """Ours does not lean on pyHanko's: each of these is found by both on their own."""
    path = _copy(bundles, "B-B", tmp_path)
    attack(path, tsa_pki.timestamper())
    ours = _ours(path)
    assert ours is not None and words in ours
    assert verify(path).verdict == "invalid"


def test_more_revisions_than_export_writes_are_refused_before_pyhanko_runs(
    bundles: dict[str, Path],
    verify: Callable[[Path], BundleReport],
    tsa_pki: TsaPki,
    tmp_path: Path,
) -> None:
    path = _copy(bundles, "B-B", tmp_path)
    for _ in range(MAX_LATER_REVISIONS + 1):
        forge.touch(path)
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        reason = too_many_revisions(reader, reader.embedded_regular_signatures[0].signed_revision)
    assert reason is not None
    report = verify(path)
    assert report.verdict == "invalid"
    detail = _whole_file(report)
    assert f"changed {MAX_LATER_REVISIONS + 1} times after it was signed" in detail
    assert not any(c.name == "signature" for c in report.checks)  # pyHanko was not asked

"""Issue 11, attack 4: files a PDF viewer offers that the verifier never checked; and from
attack 5, tree walks that never return.

Every forged file is built here, from the session's genuine case bundle, two ways
(`tests/support/forge_embedded.py`): as an incremental update after the genuine signature,
and inside the signature (the edit made to the unsigned report, then signed again with the
vault's own key and TSA, so the PDF signature is intact and covers the forgery).

Today's verdicts, measured on the code before this change (commit 41cd280) with the TSA root
and the vault's certificate given with --trust:
- inside the signature: every attack below was `valid`, every row passed (0.09-0.24 s each),
  the pikepdf rewrite too; only the name tree made a loop was `invalid` ("damaged", by the
  old walk's depth limit);
- after the signature: `invalid`, but only by the "whole file" row (pyHanko's modification
  level), which a document timestamp or the revision rules decide, not the files.
Each inside test also verifies with the new check switched off (`embedded.problems` answering
nothing): the attachments row then passes and every other row is as it is with the check,
so it is this check, and only it, that catches the attack.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit.verify import BundleReport, embedded, verify_bundle
from evidencekit.verify.checks import Check
from tests.support import forge_embedded as F
from tests.support.bundles import Made
from tests.support.tsa import TsaPki

# attack -> (the edit, words the attachments row must say)
ATTACKS: dict[str, tuple[F.Edit, str]] = {
    "a file in the catalog's /AF only": (F.edit_catalog_af, "in the document catalog (/AF)"),
    "a file in a page's /AF": (F.edit_page_af, "on page 1 (/AF)"),
    "a FileAttachment annotation": (F.edit_file_annotation, "on page 1 (/Annots → /FS)"),
    "a file in a form XObject's /AF": (
        F.edit_xobject_af,
        "on page 1 (/Resources → /XObject → /EkPlanted → /AF)",
    ),
    "/EF /F differs from /UF": (F.edit_f_differs, "holds more than one content"),
    "/EF defines /F twice": (F.edit_f_twice, "defines /F twice"),
    "a look-alike name listed under no item": (F.lookalike_edit(None), "as part of no item"),
    "a look-alike name under an item that does not exist": (
        F.lookalike_edit("nosuchitem"),
        "under item nosuchitem, which the bundle does not have",
    ),
    "two names for one stream": (F.edit_shared_stream, "under more than one name"),
    "a listed file shown under another name": (F.edit_other_name, "another name, “invoice.html”"),
    "a listed file claiming another size": (F.edit_wrong_size, "claims a size of 7 bytes"),
    "related files (/RF) on a listed file": (F.edit_related_files, "related files (/RF)"),
    "an embedded stream no filespec names": (F.edit_stray_stream, "no listed attachment names"),
}


@pytest.fixture(scope="module")
def trust(case_bundle: Made, tsa_pki: TsaPki) -> list[x509.Certificate]:
    """The TSA's root and the vault's own certificate: the signer confirmed."""
    return [tsa_pki.root_cert, case_bundle.vault.identity().certificate]


def _row(report: BundleReport, name: str) -> Check:
    return next(c for c in report.checks if c.name == name)


def _statuses(report: BundleReport) -> dict[str, str]:
    return {c.name: str(c.status) for c in report.checks if c.name != "attachments"}


def _weakened(
    path: Path, trust: list[x509.Certificate], monkeypatch: pytest.MonkeyPatch
) -> BundleReport:
    """The verdict with this issue's check switched off (the code as it was)."""
    with monkeypatch.context() as patched:
        patched.setattr(embedded, "problems", lambda *args: [])
        return verify_bundle(path, trusted_certs=trust)


def _caught(report: BundleReport, words: str) -> Check:
    row = _row(report, "attachments")
    assert report.verdict == "invalid"
    assert not row.ok and words in row.detail, row.detail
    assert row.detail_sq and row.detail_sq != row.detail  # said in Albanian too
    return row


def test_the_genuine_bundle_offers_only_its_listed_files(
    case_bundle: Made, trust: list[x509.Certificate]
) -> None:
    report = verify_bundle(case_bundle.path, trusted_certs=trust)
    assert _row(report, "attachments").ok, _row(report, "attachments").detail
    assert report.verdict == "valid", report.summary()
    with open(case_bundle.path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        walked = embedded.offered(reader)
        # export writes each file once: in the name tree, and the same object in the
        # catalog's /AF; the walk meets each filespec and each stream once.
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        assert len(walked.specs) == len(names) // 2 == len(walked.streams)
        # Only dictionaries were read: no embedded file's data is in pyHanko's cache.
        cached = [
            obj
            for obj in reader.resolved_objects.values()
            if isinstance(obj, generic.StreamObject) and obj.get("/Type") == "/EmbeddedFile"
        ]
        assert cached == []


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_inside_the_signature_only_this_check_catches_it(
    attack: str,
    case_bundle: Made,
    tsa_pki: TsaPki,
    trust: list[x509.Certificate],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Today (41cd280): valid, every row passed.
    edit, words = ATTACKS[attack]
    assert case_bundle.tsa is not None
    identity = case_bundle.vault.identity()
    forged = F.inside_signature(
        case_bundle.path, tmp_path / "forged.pdf", edit, identity, case_bundle.tsa, tsa_pki
    )
    report = verify_bundle(forged, trusted_certs=trust)
    _caught(report, words)
    assert _row(report, "signature").ok and _row(report, "whole file").ok
    weak = _weakened(forged, trust, monkeypatch)
    assert _row(weak, "attachments").ok  # the attack passes the check as it was...
    assert _statuses(weak) == _statuses(report)  # ...and every other row is blind to it


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_after_the_signature_this_check_catches_it_too(
    attack: str, case_bundle: Made, trust: list[x509.Certificate], tmp_path: Path
) -> None:
    # Today (41cd280): invalid by the "whole file" row only; the attachments row passed.
    edit, words = ATTACKS[attack]
    forged = F.after_signing(case_bundle.path, tmp_path / "forged.pdf", edit)
    _caught(verify_bundle(forged, trusted_certs=trust), words)


def test_a_pikepdf_rewrite_signed_with_the_vault_key(
    case_bundle: Made,
    tsa_pki: TsaPki,
    trust: list[x509.Certificate],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One revision before the signature, as export writes, but every object renumbered and
    the planted filespec packed into an object stream (the walk resolves those too)."""
    # Today (41cd280): valid, every row passed (0.11 s).
    assert case_bundle.tsa is not None
    forged = F.pikepdf_inside_signature(
        case_bundle.path,
        tmp_path / "rewritten.pdf",
        F.pikepdf_catalog_af,
        case_bundle.vault.identity(),
        case_bundle.tsa,
        tsa_pki,
    )
    _caught(verify_bundle(forged, trusted_certs=trust), F.PLANTED_NAME)
    genuine = verify_bundle(case_bundle.path, trusted_certs=trust)
    assert _weakened(forged, trust, monkeypatch).verdict == genuine.verdict


# --- tree walks that never return (attack 5) ---------------------------------------------------

_VISITS_CAP = 1_000_000


def _old_name_walk(node: generic.PdfObject, depth: int, visits: list[int]) -> None:
    """The name-tree walk as it was (41cd280: depth limit 32, no visited set), counting its
    visits and giving up after a million."""
    visits[0] += 1
    if visits[0] > _VISITS_CAP:
        raise TimeoutError
    if depth > 32:
        raise ValueError("the attachment list nests too deeply")
    for kid in node.get_object().get("/Kids", ()):
        _old_name_walk(kid, depth + 1, visits)


def _old_visits(path: Path) -> int:
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        visits = [0]
        try:
            _old_name_walk(reader.root["/Names"]["/EmbeddedFiles"], 0, visits)
        except TimeoutError:
            pass
        return visits[0]


def test_a_2kb_name_tree_whose_nodes_repeat_each_other(tmp_path: Path) -> None:
    # Today (41cd280), the walk as it was doubles its visits with every node: 1.5 KB (14
    # nodes) 0.03 s, 1.6 KB (16) 0.10 s, 1.7 KB (18) 0.34 s; this 2.5 KB file (30 nodes)
    # needs 2^30 visits: verify_bundle had not returned after 60 s in a subprocess.
    for depth in (10, 12):
        assert _old_visits(F.name_tree_repeats_pdf(tmp_path / f"{depth}.pdf", depth)) == (
            2**depth - 1
        )
    forged = F.name_tree_repeats_pdf(tmp_path / "repeats.pdf")
    assert forged.stat().st_size < 3000
    assert _old_visits(forged) > _VISITS_CAP  # the old walk: still going after a million
    started = time.monotonic()
    report = verify_bundle(forged)
    assert time.monotonic() - started < 1.0
    row = _row(report, "attachments")
    assert report.verdict == "invalid" and not row.ok
    assert "more than once (a loop)" in row.detail and row.detail_sq


def test_the_cli_returns_at_once_on_the_repeating_tree(tmp_path: Path) -> None:
    """The same through the real command line, in a process of its own, with a deadline."""
    forged = F.name_tree_repeats_pdf(tmp_path / "repeats.pdf")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "evidencekit", "verify", str(forged)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 1 and "a loop" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("where", ["after", "inside"])
def test_a_bundle_whose_name_tree_is_a_loop(
    where: str, case_bundle: Made, tsa_pki: TsaPki, trust: list[x509.Certificate], tmp_path: Path
) -> None:
    # Today (41cd280): invalid, "The list of attached files is damaged." (its depth limit).
    target = tmp_path / "loop.pdf"
    if where == "after":
        F.after_signing(case_bundle.path, target, F.edit_name_tree_loop)
    else:
        assert case_bundle.tsa is not None
        F.inside_signature(
            case_bundle.path,
            target,
            F.edit_name_tree_loop,
            case_bundle.vault.identity(),
            case_bundle.tsa,
            tsa_pki,
        )
    started = time.monotonic()
    report = verify_bundle(target, trusted_certs=trust)
    assert time.monotonic() - started < 5
    _caught(report, "more than once (a loop)")


def _pages_loop(writer: IncrementalPdfFileWriter) -> None:
    """Page 1 turned into a page-tree node whose kid is the page tree itself."""
    pages = writer.root.raw_get("/Pages")
    page_ref = pages.get_object()["/Kids"].raw_get(0)
    page_ref.get_object()["/Kids"] = generic.ArrayObject([pages])
    page_ref.get_object()["/Type"] = generic.NameObject("/Pages")
    writer.mark_update(page_ref)


def _pages_repeat(writer: IncrementalPdfFileWriter) -> None:
    """30 page-tree nodes, each listing the next one twice: 2^30 paths to the same pages."""
    node = writer.root.raw_get("/Pages")
    for _ in range(30):
        kids = generic.ArrayObject([node, node])
        node = writer.add_object(
            generic.DictionaryObject(
                {
                    "/Type": generic.NameObject("/Pages"),
                    "/Kids": kids,
                    "/Count": generic.NumberObject(1),
                }
            )
        )
    writer.root["/Pages"] = node
    writer.update_root()


@pytest.mark.parametrize("edit", [_pages_loop, _pages_repeat], ids=["loop", "repeats"])
def test_a_page_tree_that_repeats_itself_stops_the_walk(
    edit: F.Edit, case_bundle: Made, trust: list[x509.Certificate], tmp_path: Path
) -> None:
    """The walk that labels where a file was found reads the page tree: once per node."""
    # Control: the page tree as edited really repeats (the walk itself refuses it).
    forged = F.after_signing(case_bundle.path, tmp_path / "pages.pdf", edit)
    with open(forged, "rb") as handle:
        with pytest.raises(embedded.RepeatedNode):
            embedded.offered(PdfFileReader(handle, strict=False))
    started = time.monotonic()
    report = verify_bundle(forged, trusted_certs=trust)
    assert time.monotonic() - started < 5
    _caught(report, "the list of pages names the same page or part of itself more than once")


class _Counting(io.FileIO):
    """A file that counts the bytes read from it."""

    read_bytes = 0

    def readinto(self, buffer: Any) -> int | None:
        count = super().readinto(buffer)
        self.read_bytes += count or 0
        return count


def test_the_walk_reads_dictionaries_not_file_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 32 MiB embedded file, reached through the name tree, the catalog's /AF and a page's
    FileAttachment annotation: the walk reads its dictionary only, not its data."""
    big = tmp_path / "big.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        spec = pikepdf.AttachedFileSpec(pdf, os.urandom(32 * 1024 * 1024), filename="video.mp4")
        pdf.attachments["video.mp4"] = spec
        pdf.Root.AF = pikepdf.Array([spec.obj])
        annotation = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, FS=spec.obj
        )
        pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([annotation]))
        pdf.save(big)

    def walk() -> tuple[embedded.Offered, int]:
        with _Counting(big, "rb") as raw, io.BufferedReader(raw, 8192) as handle:
            reader = PdfFileReader(handle, strict=False)
            before = raw.read_bytes
            walked = embedded.offered(reader)
            return walked, raw.read_bytes - before

    walked, read = walk()
    assert len(walked.specs) == 1 and len(walked.streams) == 1
    assert read < 1024 * 1024, read  # a few read buffers, not 32 MiB
    # Control: the same walk resolving every object as pyHanko does reads the whole file.
    with monkeypatch.context() as patched:
        patched.setattr(embedded, "_peek", lambda reader, ref: reader.get_object(ref))
        _, whole = walk()
    assert whole > 32 * 1024 * 1024

"""A minor-safe bundle (issue 14 part 2): a real minor-safe capture and a minor-safe import,
exported and signed against the loopback TSA. The report says why no picture was kept and
where to turn (EN and SQ) and lists each picture's hashes; no run of any picture's bytes is in
the PDF (every stream inflated, every attachment); and the verifier, given the TSA root and the
vault's key, still says valid: the screenshot it compares is the covered one, as sealed.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.capture import CaptureSettings
from evidencekit.jobs.capture import capture_into_vault
from evidencekit.jobs.imports import import_file
from evidencekit.verify import verify_bundle
from tests.capture.test_minor_safe import Needles
from tests.support.bundles import CASE, make_vault, run, tool
from tests.support.minor_safe_site import MinorSafeSite
from tests.support.tsa import TsaPki, TsaServer

pytestmark = pytest.mark.usefixtures("browser_available")


def inflated_streams(pdf: bytes) -> list[bytes]:
    """Every Flate stream of the file, inflated (attachments, pages, pictures, bundle.json)."""
    out = []
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            out.append(zlib.decompressobj().decompress(pdf[match.end() :], 64 * 1024 * 1024))
        except zlib.error:
            continue  # not Flate (a JPEG as captured, or not a stream at all)
    return out


@pytest.fixture(scope="module")
def bundle(
    loop: Any, tsa_pki: TsaPki, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str, str, dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("minor-safe-bundle")
    vault = make_vault(folder)
    try:
        with MinorSafeSite() as site, TsaServer(tsa_pki) as tsa:
            pictures = site.pictures.all
            settings = CaptureSettings(minor_safe=True)
            job = capture_into_vault(vault, [site.url], settings, tsa_urls=[tsa.url], case=CASE)
            (stored,) = loop.run(job)
            assert stored.ok, stored.error
            photo = folder / "photo.jpg"
            photo.write_bytes(pictures["jpeg"])
            imported = import_file(vault, photo, case=CASE, minor_safe=True)
            photo.unlink()
            result = export_bundle(
                vault,
                [stored.item.id, imported.id],
                folder / "bundle.pdf",
                tsa_urls=[tsa.url],
                case=CASE,
            )
        fingerprint = vault.identity().fingerprint_sha256
    finally:
        vault.close()
    text = " ".join(run(tool("pdftotext"), result.path, "-").stdout.split())
    return Path(result.path), fingerprint, text, pictures


def test_the_report_says_why_and_where_to_turn(bundle: tuple[Path, str, str, Any]) -> None:
    _, _, text, pictures = bundle
    one = text[text.index("Item 1 · Prova 1") : text.index("Item 2 · Prova 2")]
    two = text[text.index("Item 2 · Prova 2") :]
    said = {
        one: (
            "Someone in these pictures may be under 18",
            "mund të jetë nën 18 vjeç",
            "grey boxes",
        ),
        two: (
            "Someone in this picture may be under 18",
            "Dikush në këtë foto",
            "did not keep this file",
        ),
    }
    for part, own in said.items():
        for phrase in (
            "No pictures kept: only their hashes · Asnjë foto nuk u ruajt: vetëm hash-et e tyre",
            *own,
            "takeitdown.ncmec.org",
            "ALO 116 111",
            "call 129",
            "telefononi 129",
            "cybercrime unit",
            "krimet kibernetike",
        ):
            assert phrase in part, phrase
    assert "minor_safe" not in one + two  # said in words, never as a raw key
    for name, data in pictures.items():
        sha = hashlib.sha256(data).hexdigest()
        assert sha[:32] in one and sha[32:] in one, name
    assert hashlib.sha256(pictures["jpeg"]).hexdigest()[:32] in two


def test_no_picture_bytes_in_the_bundle(bundle: tuple[Path, str, str, Any]) -> None:
    path, _, _, pictures = bundle
    pdf = path.read_bytes()
    needles = Needles(pictures)
    streams = inflated_streams(pdf)
    assert len(streams) > 10
    assert needles.found_in(pdf) == set()
    for stream in streams:
        assert needles.found_in(stream) == set()


def test_a_minor_safe_bundle_verifies(bundle: tuple[Path, str, str, Any], tsa_pki: TsaPki) -> None:
    path, fingerprint, _, _ = bundle
    report = verify_bundle(
        path, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "valid", report.summary()


def test_a_changed_minor_safe_bundle_is_invalid(
    bundle: tuple[Path, str, str, Any], tsa_pki: TsaPki, tmp_path: Path
) -> None:
    """Not weakened: one byte changed in the signed file still makes it invalid."""
    path, fingerprint, _, _ = bundle
    data = bytearray(path.read_bytes())
    at = data.index(b"stream", len(data) // 3) + 40  # inside a stream the signature covers
    data[at] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    report = verify_bundle(
        changed, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "invalid", report.summary()

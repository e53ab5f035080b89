"""Export options and failure paths: blurring, withheld originals, no timestamp server, a server
that fails while signing, progress reports, stale temporary files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle, remove_stale_parts
from evidencekit.bundle.blur import blur_factor
from evidencekit.vault.store import Vault
from evidencekit.verify import verify_bundle
from tests.conftest import closed_port_url
from tests.support.bundles import add_import, add_web_item, make_vault, run, tool
from tests.support.tsa import TsaServer


def _image_sizes(path: Path) -> list[tuple[int, int]]:
    rows = run(tool("pdfimages"), "-list", path).stdout.splitlines()[2:]
    return [(int(r.split()[3]), int(r.split()[4])) for r in rows]


def _text(path: Path) -> str:
    return " ".join(run(tool("pdftotext"), path, "-").stdout.split())


def test_blur_shows_only_small_blurred_copies_tied_to_the_original(
    tmp_path: Path, tsa: TsaServer
) -> None:
    vault = make_vault(tmp_path)
    web = add_web_item(vault, 1, height=3000)
    imported = add_import(vault, tmp_path)
    out = tmp_path / "blurred.pdf"
    result = export_bundle(vault, [web.id, imported.id], out, blur=True, tsa_urls=[tsa.url])
    assert result.blurred
    sizes = _image_sizes(out)
    assert sizes, "no picture at all"
    # Only the small copies: none of the originals' pixels are in the report.
    assert all(w <= 1280 // blur_factor(1280) + 1 for w, _ in sizes), sizes
    text = _text(out)
    assert "BLURRED COPY / KOPJE E TURBULLUAR" in text
    assert "strongly blurred copy" in text and "kopje e turbulluar fort" in text
    assert web.artifact("screenshot.png").sha256 in text.replace(" ", "")  # type: ignore[union-attr]
    # The originals are still attached, byte for byte.
    index = _bundle_json(out, tmp_path)
    shot = next(a for a in index["attachments"] if a["artifact"] == "screenshot.png")
    assert shot["sha256"] == web.artifact("screenshot.png").sha256  # type: ignore[union-attr]
    derived = index["items"][0]["report_images"][0]
    assert derived["kind"] == "blurred copy" and derived["of"] == "screenshot.png"
    signer = vault.identity().fingerprint_sha256
    verified = verify_bundle(out, trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[signer])
    assert verified.verdict == "valid"
    vault.close()


def test_sensitive_items_are_blurred_without_asking(tmp_path: Path, tsa: TsaServer) -> None:
    vault = make_vault(tmp_path)
    plain = add_web_item(vault, 1, height=900)
    sensitive = add_web_item(vault, 2, height=900, sensitive=True)
    out = tmp_path / "b.pdf"
    export_bundle(vault, [plain.id, sensitive.id], out, tsa_urls=[tsa.url])
    widths = sorted(w for w, _ in _image_sizes(out))
    assert widths[0] <= 161 and widths[-1] == 1280  # one blurred copy, one lossless picture
    vault.close()


def test_never_show_me_items_stay_blurred(tmp_path: Path, tsa: TsaServer) -> None:
    """An item she chose never to see again is blurred in the report even without --blur."""
    vault = make_vault(tmp_path)
    plain = add_web_item(vault, 1, height=900)
    hidden = add_web_item(vault, 2, height=900)
    vault.set_hidden(hidden.id, True)
    out = tmp_path / "b.pdf"
    export_bundle(vault, [plain.id, hidden.id], out, tsa_urls=[tsa.url])
    widths = sorted(w for w, _ in _image_sizes(out))
    assert widths[0] <= 161 and widths[-1] == 1280  # one blurred copy, one lossless picture
    assert "Marked sensitive" in _text(out)
    vault.close()


def test_withheld_originals_are_listed_by_hash_only(tmp_path: Path, tsa: TsaServer) -> None:
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=900, media=True)
    out = tmp_path / "withheld.pdf"
    result = export_bundle(vault, [item.id], out, include_originals=False, tsa_urls=[tsa.url])
    assert result.originals == "withheld"
    index = _bundle_json(out, tmp_path)
    attached = {a["artifact"] for a in index["attachments"] if a["artifact"]}
    assert attached == {"manifest.json", "manifest.p7s", "metadata.json", "timestamp.tsr"}
    artifacts = index["items"][0]["artifacts"]
    withheld = [a for a in artifacts if a["withheld"]]
    assert {a["name"] for a in withheld} >= {"screenshot.png", "page.html", "media/photo.jpg"}
    text = _text(out)
    assert "Withheld" in text and "withheld" in text
    flat = text.replace(" ", "")
    assert all(a["sha256"] in flat for a in withheld)
    # The screenshot's pixels must not leak through the report either: blurred copy only.
    assert max(w for w, _ in _image_sizes(out)) <= 161
    signer = vault.identity().fingerprint_sha256
    report = verify_bundle(out, trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[signer])
    assert report.verdict == "valid", report.summary()
    detail = next(c for c in report.checks if c.name.startswith("item 1")).detail
    assert "withheld" in detail
    vault.close()


def test_without_a_tsa_the_bundle_is_signed_b_b_and_says_so(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=900)
    out = tmp_path / "bb.pdf"
    result = export_bundle(vault, [item.id], out, tsa_urls=[closed_port_url()])
    assert result.level == "B-B" and result.tsa_url is None
    assert any("No timestamp server answered" in w for w in result.warnings)
    text = _text(out)
    assert "PAdES B-B" in text and "without a trusted timestamp" in text
    assert "PAdES B-LTA" not in text
    report = verify_bundle(out)
    assert report.verdict == "indeterminate", report.summary()
    assert report.exit_code == 4
    assert report.facts["pades_level"] == "B-B"
    assert report.facts["signed_at"] == "" and report.facts["signer_clock"]
    assert all(c.ok for c in report.checks if c.name in ("signature", "whole file", "attachments"))
    pdfsig = run(tool("pdfsig"), out).stdout
    assert "Signature Validation: Signature is Valid." in pdfsig
    vault.close()


def test_a_tsa_failing_while_signing_gives_an_honest_b_b_bundle(
    tmp_path: Path, tsa: TsaServer
) -> None:
    vault = make_vault(tmp_path)
    item = add_web_item(vault, 1, height=900)
    out = tmp_path / "lost.pdf"
    stages: list[tuple[str, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        stages.append((stage, done, total))
        if stage == "signing" and done == 0:
            tsa.mode = "http500"  # it answered the anchor request, now it fails

    result = export_bundle(vault, [item.id], out, tsa_urls=[tsa.url], progress=progress)
    assert result.level == "B-B"
    assert any("stopped answering while the bundle was being signed" in w for w in result.warnings)
    assert [s for s in stages if s[0] == "report"].count(("report", 0, 1)) == 2  # made twice
    text = _text(out)
    assert "PAdES B-B" in text and "PAdES B-LTA" not in text
    assert verify_bundle(out).facts["pades_level"] == "B-B"
    assert not list(tmp_path.glob(".lost.pdf.*"))
    vault.close()


def test_progress_is_reported_in_order(tmp_path: Path, tsa: TsaServer) -> None:
    vault = make_vault(tmp_path)
    items = [add_web_item(vault, n, height=900) for n in (1, 2)]
    stages: list[tuple[str, int, int]] = []
    export_bundle(
        vault,
        [i.id for i in items],
        tmp_path / "p.pdf",
        tsa_urls=[tsa.url],
        progress=lambda *a: stages.append(a),
    )
    order = list(dict.fromkeys(s[0] for s in stages))
    assert order == ["timestamps", "report", "pictures", "attachments", "signing", "done"]
    attachments = [s for s in stages if s[0] == "attachments"]
    assert attachments[-1][1] == attachments[-1][2] > 10
    assert stages[-1] == ("done", 1, 1)
    vault.close()


def test_stale_parts_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    import fcntl

    target = tmp_path / "bundle.pdf"
    stale = tmp_path / ".bundle.pdf.0123456789ab.part"
    stale.write_bytes(b"%PDF- half a bundle")
    live = tmp_path / ".bundle.pdf.ba9876543210.part"
    live.write_bytes(b"%PDF- being written")
    with open(live, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        assert remove_stale_parts(target) == 1
    assert not stale.exists() and live.exists()


def test_nothing_to_export_and_unknown_items_are_refused(tmp_path: Path, vault: Vault) -> None:
    from evidencekit.errors import ItemNotFound, NothingToExport

    for ids, error in (([], NothingToExport), (["zzzzzzzz"], ItemNotFound)):
        try:
            export_bundle(vault, ids, tmp_path / "x.pdf")
        except error:
            pass
        else:  # pragma: no cover - the assertion below explains
            raise AssertionError(f"{ids} was not refused")
    assert not (tmp_path / "x.pdf").exists()


def _bundle_json(pdf: Path, folder: Path) -> dict:
    out = folder / f"{pdf.stem}-files"
    out.mkdir(exist_ok=True)
    names = run(tool("pdfdetach"), "-list", pdf).stdout.splitlines()[1:]
    number = next(re.match(r"(\d+):", n).group(1) for n in names if n.endswith(" bundle.json"))  # type: ignore[union-attr]
    run(tool("pdfdetach"), "-save", number, "-o", out / "bundle.json", pdf)
    return json.loads((out / "bundle.json").read_bytes())


def test_fonts_come_from_the_shipped_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidencekit.bundle import fonts
    from evidencekit.errors import BundleResourceMissing

    repo_fonts = Path(fonts.__file__).resolve().parents[2] / "resources" / "fonts"
    assert fonts.font_path("DejaVuSans.ttf") == repo_fonts / "DejaVuSans.ttf"
    assert (repo_fonts / "LICENSE-DejaVu.txt").is_file()
    # An override folder comes first (a packaged app points it at its own resources).
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "DejaVuSans.ttf").write_bytes(b"not really a font")
    monkeypatch.setenv(fonts.RESOURCES_ENV, str(tmp_path))
    assert fonts.font_path("DejaVuSans.ttf") == tmp_path / "fonts" / "DejaVuSans.ttf"
    with pytest.raises(BundleResourceMissing):
        fonts.font_path("NoSuchFont.ttf")

"""Tampering and bad input: every altered bundle is `invalid`, every wrong file gets a clear
verdict and exit code, and nothing ever prints a traceback."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.bundle.sign import sign_in_place
from evidencekit.seal.identity import generate_identity
from evidencekit.verify import verify_bundle
from tests.conftest import Cli
from tests.support.bundles import Made, add_import, add_web_item, make_vault
from tests.support.forging import (
    contents_spans,
    forge_page_html,
    replace_attachment,
    revision_starts,
    sign_as_someone_else,
    unsigned_pdf,
)
from tests.support.tsa import TsaPki, TsaServer

FLIPS = 200


@pytest.fixture(scope="module")
def small_bundle(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Made]:
    """One web capture and one import, B-LTA: small, so 200 verifications stay quick."""
    folder = tmp_path_factory.mktemp("small-bundle")
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=900), add_import(vault, folder)]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url])
    yield Made(vault, items, result, None)
    vault.close()


def test_200_byte_flips_outside_the_signature_values_are_all_invalid(
    small_bundle: Made, tmp_path: Path
) -> None:
    data = small_bundle.path.read_bytes()
    excluded = contents_spans(data)
    assert len(excluded) == 2  # the signature and the document timestamp
    starts = revision_starts(data)
    assert len(starts) == 3  # the report, the signature (+ DSS), the document timestamp
    rng = random.Random(20240501)
    # Mostly anywhere, but make sure the later revisions (small, yet where the signatures
    # live) get their share.
    regions = [(0, len(data))] * 120 + [(starts[0], starts[1])] * 40 + [(starts[1], len(data))] * 40
    target = tmp_path / "flipped.pdf"
    survivors = []
    for low, high in regions:
        while True:
            at = rng.randrange(low, high)
            if not any(a <= at < b for a, b in excluded):
                break
        flipped = bytearray(data)
        flipped[at] ^= rng.randrange(1, 256)
        target.write_bytes(flipped)
        report = verify_bundle(target)
        if report.verdict != "invalid":
            survivors.append((at, report.summary()))
    assert len(regions) == FLIPS
    assert survivors == []


def test_a_flip_in_the_signature_padding_is_invalid(small_bundle: Made, tmp_path: Path) -> None:
    data = bytearray(small_bundle.path.read_bytes())
    _, end = contents_spans(bytes(data))[0]
    # The hex string ends with zero padding: change one of the last zeros.
    at = end - 3
    assert data[at : at + 1] == b"0"
    data[at] = ord("7")
    target = tmp_path / "padded.pdf"
    target.write_bytes(data)
    report = verify_bundle(target)
    assert report.verdict == "invalid"
    assert not next(c for c in report.checks if c.name == "signature").ok


def test_appended_bytes_are_reported(small_bundle: Made, tmp_path: Path) -> None:
    target = tmp_path / "appended.pdf"
    target.write_bytes(small_bundle.path.read_bytes() + b"\n% a note added later\n" * 3)
    report = verify_bundle(target)
    assert report.verdict == "invalid"
    appended = next(c for c in report.checks if c.name == "appended data")
    assert not appended.ok and "bytes were added after the end" in appended.detail
    # The signed part is still intact, and the report says so.
    assert next(c for c in report.checks if c.name == "signature").ok


def test_an_attachment_replaced_by_an_incremental_update_is_invalid(
    small_bundle: Made, tmp_path: Path
) -> None:
    target = forge_page_html(small_bundle.path, tmp_path / "replaced.pdf")
    report = verify_bundle(target)
    assert report.verdict == "invalid"
    failed = {c.name for c in report.checks if not c.ok}
    assert {"whole file", "attachments"} <= failed
    assert any(name.startswith("item 1") for name in failed)


def test_a_bundle_re_signed_with_its_index_rewritten_is_invalid(
    small_bundle: Made, tmp_path: Path
) -> None:
    """A forger takes the unsigned report, rewrites bundle.json to name their own certificate
    and signs: the signature is valid, but the vault's custody log never knew that certificate."""
    import asyncio

    from cryptography.hazmat.primitives import hashes

    data = small_bundle.path.read_bytes()
    target = tmp_path / "forged.pdf"
    target.write_bytes(data[: revision_starts(data)[0]])
    forger = generate_identity("Forger")
    fingerprint = forger.certificate.fingerprint(hashes.SHA256()).hex()

    def rewritten(old: bytes) -> bytes:
        index = json.loads(old)
        index["identity"]["fingerprint_sha256"] = fingerprint
        return json.dumps(index).encode()

    replace_attachment(target, lambda name: name == "bundle.json", rewritten)
    with open(target, "r+b") as handle:
        asyncio.run(sign_in_place(handle, forger, bundle_id="forged", tsa_url=None))
    report = verify_bundle(target)
    assert report.verdict == "invalid"
    identity = next(c for c in report.checks if c.name == "identity")
    assert not identity.ok and "never records" in identity.detail
    assert next(c for c in report.checks if c.name == "signature").ok  # a genuine signature...


def _bad_inputs(small_bundle: Made, folder: Path) -> dict[str, tuple[Path, int, str]]:
    """name -> (file, expected exit code, words the explanation must contain)."""
    import asyncio

    data = small_bundle.path.read_bytes()
    garbage = folder / "garbage.pdf"
    garbage.write_bytes(random.Random(1).randbytes(20_000))
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    truncated = folder / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    unsigned = unsigned_pdf(folder / "unsigned.pdf")
    foreign = unsigned_pdf(folder / "foreign.pdf")
    asyncio.run(sign_as_someone_else(foreign))
    # Our bundle's unsigned first revision, signed by someone else.
    resigned = folder / "resigned.pdf"
    resigned.write_bytes(data[: revision_starts(data)[0]])
    asyncio.run(sign_as_someone_else(resigned))
    return {
        "garbage": (garbage, 2, "not a PDF"),
        "empty": (empty, 2, "empty"),
        "truncated": (truncated, 1, "damaged"),
        "unsigned": (unsigned, 1, "not signed"),
        "foreign": (foreign, 1, "no bundle.json"),
        "resigned": (resigned, 1, "re-signed by someone else"),
    }


def test_bad_inputs_get_clear_verdicts_and_exit_codes(
    small_bundle: Made, tmp_path: Path, cli: Cli
) -> None:
    for name, (path, code, words) in _bad_inputs(small_bundle, tmp_path).items():
        result = cli("verify", str(path), "--json", passphrase=None)
        assert result.code == code, (name, result.out, result.err)
        assert "Traceback" not in result.err + result.out, name
        report = json.loads(result.out)
        assert report["verdict"] == "invalid", name
        details = " ".join(c["detail"] for c in report["checks"] if not c["ok"])
        assert words in details, (name, details)
        human = cli("verify", str(path), passphrase=None)
        assert human.code == code and "Verdict: INVALID" in human.out, name
        assert "Traceback" not in human.err, name


def test_missing_file_or_folder_is_a_usage_error(tmp_path: Path, cli: Cli) -> None:
    for target in (tmp_path / "nope.pdf", tmp_path):
        result = cli("verify", str(target), passphrase=None)
        assert result.code == 2
        assert "Traceback" not in result.err and result.err.strip()


def test_bad_trust_file_is_a_usage_error(small_bundle: Made, tmp_path: Path, cli: Cli) -> None:
    not_a_cert = tmp_path / "cert.pem"
    not_a_cert.write_text("hello")
    result = cli("verify", str(small_bundle.path), "--trust", str(not_a_cert), passphrase=None)
    assert result.code == 2 and "not a certificate" in result.err


def test_verify_needs_no_vault_and_no_passphrase(
    small_bundle: Made, cli: Cli, tsa_pki: TsaPki
) -> None:
    env = {"EVIDENCEKIT_VAULT": "/nonexistent/vault.ekv"}
    root = str(tsa_pki.root_pem)
    signer = small_bundle.vault.identity().fingerprint_sha256
    result = cli(
        "verify",
        str(small_bundle.path),
        "--trust",
        root,
        "--trust-fingerprint",
        signer,
        "--json",
        passphrase=None,
        extra_env=env,
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["verdict"] == "valid"


@pytest.mark.parametrize("seed", range(3))
def test_random_junk_inside_a_pdf_shell_never_crashes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    body = b"%PDF-1.7\n" + rng.randbytes(5000) + b"\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    target = tmp_path / "junk.pdf"
    target.write_bytes(body)
    report = verify_bundle(target)
    assert report.readable and report.verdict == "invalid"
    assert os.path.getsize(target) == len(body)

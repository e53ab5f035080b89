"""Issue 11, attack 2: a stranger re-signs a genuine bundle with a key of their own.

Built for real in each test (tests/support/forge_signer.py): a new key with the vault's own
subject "CN=EvidenceKit vault, O=EvidenceKit", the victim's sealed items kept, an
`identity-import` entry appended to the custody log and re-anchored with a fresh token from the
loopback TSA, bundle.json rewritten, the PDF re-signed with pyHanko (B-LTA). The loopback
TSA's root is passed with --trust throughout: it stands for a public TSA in certifi's list,
which any forger can use.

Measured on the code before this change (41cd280, `/tmp` copy, same builders, TSA root
trusted, no way to confirm the signer existed): every case below was `valid`, exit 0, all 12
rows passed: the genuine bundle; the re-signed one with an old-style entry; the re-signed one
with an endorsement the forger signed himself; a vault that replaced its identity (with or
without a signed endorsement) and exported. After: see each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.seal.identity import DEFAULT_LABEL, generate_identity
from evidencekit.verify import content as verify_content
from evidencekit.verify import identities as verify_identities
from evidencekit.verify import verify_bundle
from evidencekit.verify.checks import BundleReport, Status
from evidencekit.verify.identities import grouped
from tests.conftest import Cli
from tests.support.bundles import Made, add_import, add_web_item, make_vault
from tests.support.forge_signer import (
    replace_identity_the_old_way,
    resign_now,
    self_signed_endorsement,
)
from tests.support.tsa import TsaPki, TsaServer

SEALED_BY_SOMEONE_ELSE = "signed by someone other than whoever sealed the evidence"


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Made]:
    folder = tmp_path_factory.mktemp("signer-genuine")
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=900), add_import(vault, folder)]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url])
        yield Made(vault, items, result, tsa)
    vault.close()


def _verify(path: Path, pki: TsaPki, *fingerprints: str) -> BundleReport:
    return verify_bundle(path, trusted_certs=[pki.root_cert], trusted_fingerprints=fingerprints)


def _row(report: BundleReport, name: str):
    return next(c for c in report.checks if c.name == name)


def test_a_stranger_re_signing_with_the_vaults_subject_is_invalid(
    genuine: Made, tsa_pki: TsaPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert genuine.tsa is not None
    victim = genuine.vault.identity()
    stranger = generate_identity()  # the same label every vault uses
    assert stranger.subject == victim.subject == f"O=EvidenceKit,CN={DEFAULT_LABEL}"
    forged = resign_now(genuine.path, tmp_path / "f.pdf", stranger, genuine.tsa.url, tsa_pki)

    report = _verify(forged.path, tsa_pki)
    # Before: valid, exit 0, 12 rows passed (see the module docstring). After: invalid.
    assert report.verdict == "invalid" and report.exit_code == 1, report.summary()
    identity = _row(report, "identity")
    assert identity.status is Status.FAILED and SEALED_BY_SOMEONE_ELSE in identity.detail
    assert victim.fingerprint_sha256[:16] in identity.detail
    assert "Dosja u nënshkrua nga dikush tjetër" in identity.detail_sq
    # The forgery is otherwise a good one: signature, timestamps, items and the re-anchored
    # custody log all pass, so it is this rule that catches it - besides the page checks,
    # which see the swapped picture and the stranger's key printed where the sealer's was.
    failed = [c.name for c in report.checks if c.status is Status.FAILED]
    assert "identity" in failed, report.summary()
    assert set(failed) <= {"identity", "pictures", "page facts", "pages"}, report.summary()
    assert _row(report, "custody").ok and f"up to entry {forged.entry['seq']}" in (
        _row(report, "custody").detail
    )
    # Even when the forger hands the lawyer his own fingerprint (posing as the victim).
    fooled = _verify(forged.path, tsa_pki, stranger.fingerprint_sha256)
    assert fooled.verdict == "invalid" and _row(fooled, "signer").ok
    # Weakened: without rule (a) (and without the page checks, which also see the stranger's
    # key printed where the sealer's was), the forger whose fingerprint was believed gets
    # `valid`.
    monkeypatch.setattr(verify_identities, "strangers", lambda *_: [])
    monkeypatch.setattr(verify_content, "check_pages", lambda *_: [])
    assert _verify(forged.path, tsa_pki, stranger.fingerprint_sha256).verdict == "valid"
    # ... and one whose fingerprint nobody confirmed still only gets indeterminate (rule b).
    assert _verify(forged.path, tsa_pki).verdict == "indeterminate"


def test_an_endorsement_the_forger_signed_himself_certifies_nothing(
    genuine: Made, tsa_pki: TsaPki, tmp_path: Path
) -> None:
    assert genuine.tsa is not None
    victim = genuine.vault.identity().fingerprint_sha256
    stranger = generate_identity()
    details = self_signed_endorsement(victim, stranger)
    forged = resign_now(
        genuine.path, tmp_path / "f.pdf", stranger, genuine.tsa.url, tsa_pki, details=details
    )
    # Before: valid, exit 0 (the entry's details were not read beyond "fingerprint").
    report = _verify(forged.path, tsa_pki, stranger.fingerprint_sha256)
    assert report.verdict == "invalid", report.summary()
    assert SEALED_BY_SOMEONE_ELSE in _row(report, "identity").detail


def _vault_that_replaced_its_identity(folder: Path, tsa: TsaServer, *, certified: bool):
    """Item 1 sealed by the first key, then a new identity, then item 2 sealed by it; the
    bundle of both is signed by the new key."""
    vault = make_vault(folder)
    first = add_web_item(vault, 1, height=900)
    old = vault.identity()
    new = generate_identity()
    if certified:
        vault.replace_identity(new)
    else:
        replace_identity_the_old_way(vault, new)
    second = add_import(vault, folder)
    out = export_bundle(vault, [first.id, second.id], folder / "b.pdf", tsa_urls=[tsa.url]).path
    entry = [e for e in vault.custody(None) if e.action == "identity-import"][-1]
    vault.close()
    return out, old, new, entry


def test_a_vault_that_replaced_its_identity_exports_a_valid_bundle(
    tmp_path: Path, tsa: TsaServer
) -> None:
    out, old, new, entry = _vault_that_replaced_its_identity(tmp_path, tsa, certified=True)
    # The hand-over is signed by the old key and travels in bundle.json's custody entries.
    endorsement = entry.details["endorsement"]
    assert endorsement["statement"]["predecessor"] == old.fingerprint_sha256
    assert endorsement["statement"]["successor"] == new.fingerprint_sha256
    report = _verify(out, tsa.pki, new.fingerprint_sha256)
    # Before: valid (nothing was checked). After: still valid, with the new key confirmed.
    assert report.verdict == "valid" and report.exit_code == 0, report.summary()
    items = [c for c in report.checks if c.name.startswith("item ")]
    assert old.fingerprint_sha256[:16] in items[0].detail  # sealed by the old key
    assert new.fingerprint_sha256[:16] in items[1].detail  # sealed by the new one
    # The endorsement checks against the old key's certificate: altered, it certifies nothing.
    assert verify_identities.Successions([entry.to_json()]).leads_to(
        _der(old), new.fingerprint_sha256
    )
    broken = entry.to_json()
    statement = broken["details"]["endorsement"]["statement"]
    broken["details"]["endorsement"]["statement"] = {**statement, "successor": "0" * 64}
    assert not verify_identities.Successions([broken]).leads_to(_der(old), new.fingerprint_sha256)


def _der(identity) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return identity.certificate.public_bytes(serialization.Encoding.DER)


def test_an_uncertified_successor_is_invalid(tmp_path: Path, tsa: TsaServer) -> None:
    """A vault that replaced its identity the way it was done before issue 11: the log says
    so, but nothing the old key signed does; to the verifier that is what a forger writes."""
    out, old, new, _ = _vault_that_replaced_its_identity(tmp_path, tsa, certified=False)
    report = _verify(out, tsa.pki, new.fingerprint_sha256)
    # Before: valid, exit 0. After: invalid.
    assert report.verdict == "invalid", report.summary()
    identity = _row(report, "identity")
    assert SEALED_BY_SOMEONE_ELSE in identity.detail and old.fingerprint_sha256[:16] in (
        identity.detail
    )


def test_trust_fingerprint_on_the_command_line(genuine: Made, tsa_pki: TsaPki, cli: Cli) -> None:
    bundle, root = str(genuine.path), str(tsa_pki.root_pem)
    signer = genuine.vault.identity().fingerprint_sha256

    # Not confirmed: indeterminate, exit 4, the headline asks to confirm the key.
    unsure = cli("verify", bundle, "--trust", root, passphrase=None)
    assert unsure.code == 4, unsure.out
    first = unsure.out.splitlines()[0]
    assert first.startswith("Verdict: INDETERMINATE — unchanged since it was sealed on ")
    assert f"by key {grouped(signer)} — confirm {grouped(signer)} with the person who" in first
    assert "[??  ] signer:" in unsure.out and "[FAIL]" not in unsure.out
    albanian = cli("verify", bundle, "--trust", root, "--lang", "sq", passphrase=None)
    assert albanian.code == 4 and f"me çelësin {grouped(signer)} — konfirmojeni" in albanian.out

    # Right, in every way people write it: valid, exit 0, and the line says what that means.
    colons = ":".join(signer[i : i + 2] for i in range(0, 64, 2))
    for written in (signer, signer.upper(), colons, grouped(signer), f"  {grouped(signer)} "):
        good = cli(
            "verify", bundle, "--trust", root, "--trust-fingerprint", written, passphrase=None
        )
        assert good.code == 0, (written, good.out)
        assert good.out.startswith("Verdict: VALID — the attached files are exactly those sealed")
        assert "cannot prove that the page told the truth" in good.out.splitlines()[0]

    # Wrong (another key's): invalid, exit 1, the signer row says so.
    other = generate_identity().fingerprint_sha256
    wrong = cli("verify", bundle, "--trust", root, "--trust-fingerprint", other, passphrase=None)
    assert wrong.code == 1 and wrong.out.startswith("Verdict: INVALID"), wrong.out
    assert "[FAIL] signer:" in wrong.out and "not the key you were told to expect" in wrong.out
    # One of several given is enough.
    both = ("--trust-fingerprint", other, "--trust-fingerprint", signer)
    assert cli("verify", bundle, "--trust", root, *both, passphrase=None).code == 0

    # Malformed: a usage error (exit 2) in plain words, before the file is read.
    for bad in (signer[:-1], signer + "0", signer[:-1] + "g", "", "sha256:" + signer):
        refused = cli("verify", bundle, "--trust-fingerprint", bad, passphrase=None)
        assert refused.code == 2, (bad, refused.out, refused.err)
        assert "is not a SHA-256 fingerprint" in refused.err and "Traceback" not in refused.err
        assert refused.out == ""


def test_the_help_names_the_exit_codes(cli: Cli) -> None:
    shown = cli("verify", "--help", passphrase=None)
    assert shown.code == 0
    text = " ".join(shown.out.split())
    assert "--trust-fingerprint HEX" in text
    assert "0 valid, 1 invalid" in text and "4 indeterminate" in text


def _organisation_p12(folder: Path) -> tuple[Path, Path, Path, str]:
    """An organisation's CA and a signing certificate it issued, as a PKCS#12 file (what an
    eID or a clinic's certificate looks like): (p12, password file, CA pem, leaf fingerprint)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    usage = dict(
        key_encipherment=False, data_encipherment=False,
        key_agreement=False, encipher_only=False, decipher_only=False,
    )  # fmt: skip
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Shelter Network CA"))
        .issuer_name(name("Shelter Network CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_cert_sign=True,
                crl_sign=True,
                **usage,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("Shelter Tirana, evidence desk"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=300))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            # A signing certificate's usual pair (pyHanko's export insists on non-repudiation).
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_cert_sign=False,
                crl_sign=False,
                **usage,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    password = b"org secret"
    p12 = folder / "desk.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"desk", key, leaf, [ca], serialization.BestAvailableEncryption(password)
        )
    )
    password_file = folder / "password.txt"
    password_file.write_bytes(password)
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return p12, password_file, ca_pem, leaf.fingerprint(hashes.SHA256()).hex()


def test_an_organisation_certificate_imported_with_identity_import(
    cli_vault: Cli, tmp_path: Path, tsa: TsaServer
) -> None:
    """`identity import` of a certificate an organisation's CA issued: the hand-over is
    endorsed by the vault's first key, so items sealed before and after are one bundle; the
    lawyer who trusts the organisation's CA gets `valid` without a fingerprint.

    Measured before (41cd280, same flow through the vault API): valid, exit 0, both with the
    CA given and without it. After: valid with it, indeterminate (exit 4) without."""
    import json

    from evidencekit.config import Settings
    from evidencekit.vault.store import Vault
    from tests.conftest import TEST_PASSPHRASE

    vault_path = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    with Vault.open(vault_path, TEST_PASSPHRASE, Settings(), write=True) as vault:
        add_web_item(vault, 1, height=900)
    p12, password_file, ca_pem, desk = _organisation_p12(tmp_path)
    imported = cli_vault("identity", "import", str(p12), "--password-file", str(password_file))
    assert imported.code == 0, imported.err
    with Vault.open(vault_path, TEST_PASSPHRASE, Settings(), write=True) as vault:
        add_import(vault, tmp_path)
    log = json.loads(cli_vault("log", "--json").out)
    (entry,) = [e for e in log if e["action"] == "identity-import"]
    assert entry["details"]["endorsement"]["statement"]["successor"] == desk
    out = tmp_path / "b.pdf"
    exported = cli_vault("--tsa", tsa.url, "export", "--case", "Rasti i Elës", "-o", str(out))
    assert exported.code == 0, exported.err
    root = str(tsa.pki.root_pem)

    trusted = cli_vault(
        "verify", str(out), "--trust", root, "--trust", str(ca_pem), passphrase=None
    )
    assert trusted.code == 0, trusted.out
    assert "[ok  ] signer:" in trusted.out and "leads to one given with --trust" in trusted.out
    unconfirmed = cli_vault("verify", str(out), "--trust", root, passphrase=None)
    assert unconfirmed.code == 4, unconfirmed.out
    assert f"by key {grouped(desk)}" in unconfirmed.out.splitlines()[0]


def test_hand_overs_chain_but_never_loop_and_garbage_certifies_nothing() -> None:
    """A → B → C certified by each key in turn leads A to C; a loop (C → A) ends; a statement
    with any field changed, a signature from the wrong key or garbage of any shape certifies
    nothing and raises nothing."""
    from cryptography.hazmat.primitives import serialization

    from evidencekit.seal.identity import endorse_successor

    a, b, c = generate_identity(), generate_identity(), generate_identity()

    def entry(seq: int, details: object) -> dict:
        return {"seq": seq, "action": "identity-import", "object": "identity", "details": details}

    def der(identity) -> bytes:
        return identity.certificate.public_bytes(serialization.Encoding.DER)

    chain = [
        entry(1, {"endorsement": endorse_successor(a, b)}),
        entry(2, {"endorsement": endorse_successor(b, c)}),
        entry(3, {"endorsement": endorse_successor(c, a)}),
    ]
    found = verify_identities.Successions(chain)
    assert found.leads_to(der(a), c.fingerprint_sha256)
    assert found.leads_to(der(c), b.fingerprint_sha256)  # round the loop, once
    assert not found.leads_to(der(a), generate_identity().fingerprint_sha256)  # ends
    # Each link needs its own: without B → C, A no longer leads to C.
    assert not verify_identities.Successions([chain[0]]).leads_to(der(a), c.fingerprint_sha256)
    # A hidden entry or another action carries nothing.
    hidden = {**chain[0], "hidden": True}
    other = {**chain[0], "action": "note"}
    for entries in ([hidden], [other]):
        assert not verify_identities.Successions(entries).leads_to(der(a), b.fingerprint_sha256)
    good = endorse_successor(a, b)
    statement = good["statement"]
    garbage = [
        None, 7, "x", [], {}, {"statement": statement}, {"signature": good["signature"]},
        {"statement": "x", "signature": good["signature"]},
        {"statement": {**statement, "format": "other/1"}, "signature": good["signature"]},
        {"statement": {**statement, "successor_certificate": "!!"}, "signature": good["signature"]},
        {"statement": {**statement, "successor_certificate": 5}, "signature": good["signature"]},
        {"statement": {**statement, "extra": 1.5}, "signature": good["signature"]},
        {"statement": statement, "signature": "not base64!"},
        {"statement": statement, "signature": good["signature"][:-8]},
        endorse_successor(c, b) | {"statement": statement},  # signed by another key
    ]  # fmt: skip
    for value in garbage:
        broken = verify_identities.Successions([entry(1, {"endorsement": value})])
        assert not broken.leads_to(der(a), b.fingerprint_sha256), value


def test_fingerprints_are_read_as_people_write_them() -> None:
    from evidencekit.verify import parse_fingerprint

    value = generate_identity().fingerprint_sha256
    pairs = ":".join(value[i : i + 2] for i in range(0, 64, 2))
    for written in (value, value.upper(), pairs, pairs.upper(), grouped(value), f"\t{value}\n"):
        assert parse_fingerprint(written) == value
    assert grouped(value).count(" ") == 15 and grouped(value) == grouped(value).upper()
    for bad in ("", value[:-1], value + "a", value[:-1] + "z", value[:32] + "-" + value[32:]):
        with pytest.raises(ValueError, match="is not a SHA-256 fingerprint"):
            parse_fingerprint(bad)

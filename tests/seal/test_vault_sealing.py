"""Every item stored in a vault is sealed: signed at once, time-stamped when a TSA answers,
verifiable with openssl alone. Real TSA on 127.0.0.1, real openssl, real SQLCipher."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tests.conftest import Cli
from tests.support.tsa import TsaServer


def _import_one(cli: Cli, tmp_path: Path, *tsa: str, name: str = "threat.png") -> dict:
    f = tmp_path / name
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + name.encode() * 500)
    args = [a for url in tsa for a in ("--tsa", url)]
    result = cli(*args, "import", str(f), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)[0]


def _extract(cli: Cli, item_id: str, name: str, out: Path) -> Path:
    result = cli("artifact", item_id, name, "-o", str(out))
    assert result.code == 0, result.err
    return out


def test_granted_token_verifies_with_openssl(
    cli_vault: Cli, tmp_path: Path, tsa: TsaServer, tsa_pki, openssl: str
) -> None:
    item = _import_one(cli_vault, tmp_path, tsa.url)
    seal = item["seal"]
    assert seal["digest"] == item["manifest_sha256"]
    assert [t["status"] for t in seal["timestamps"]] == ["granted"]
    stamp = seal["timestamps"][0]
    assert stamp["tsa"] == tsa.url
    # The TSA's time is within a few seconds of the moment the item was stored.
    captured = dt.datetime.fromisoformat(item["captured_at"].replace("Z", "+00:00"))
    granted = dt.datetime.fromisoformat(stamp["time"].replace("Z", "+00:00"))
    assert abs((granted - captured).total_seconds()) < 2

    tsr = _extract(cli_vault, item["id"], "timestamp.tsr", tmp_path / "timestamp.tsr")
    manifest = _extract(cli_vault, item["id"], "manifest.json", tmp_path / "manifest.json")
    # Our nonce went out and came back.
    response = tsp.TimeStampResp.load(tsr.read_bytes())
    tst_info = response["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
    sent = tsa.request_for(bytes.fromhex(seal["digest"]))
    assert sent is not None and sent["cert_req"].native is True
    assert tst_info["nonce"].native == sent["nonce"].native
    # sha256sum manifest.json gives the seal digest, and openssl accepts the token over it.
    digest = subprocess.run(
        ["sha256sum", str(manifest)], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    assert digest == seal["digest"]
    out = subprocess.run(
        [openssl, "ts", "-verify", "-digest", digest, "-in", str(tsr),
         "-CAfile", str(tsa_pki.root_pem), "-untrusted", str(tsa_pki.tsa_pem)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "Verification: OK" in out.stdout, out.stdout + out.stderr
    assert cli_vault("verify-vault").code == 0


def test_cms_signature_verifies_with_openssl_and_fails_when_changed(
    cli_vault: Cli, tmp_path: Path, openssl: str
) -> None:
    item = _import_one(cli_vault, tmp_path)
    manifest = _extract(cli_vault, item["id"], "manifest.json", tmp_path / "manifest.json")
    p7s = _extract(cli_vault, item["id"], "manifest.p7s", tmp_path / "manifest.p7s")
    command = [openssl, "cms", "-verify", "-binary", "-content", str(manifest), "-inform", "DER",
               "-in", str(p7s), "-noverify", "-out", "/dev/null"]  # fmt: skip
    good = subprocess.run(command, capture_output=True, text=True)
    assert good.returncode == 0 and "Verification successful" in good.stderr
    changed = bytearray(manifest.read_bytes())
    changed[len(changed) // 2] ^= 0x01
    manifest.write_bytes(bytes(changed))
    bad = subprocess.run(command, capture_output=True, text=True)
    assert bad.returncode != 0 and "Verification successful" not in bad.stderr
    # The certificate that signed is the vault's identity.
    shown = json.loads(cli_vault("identity", "show", "--json").out)
    assert item["seal"]["signed_by"] == shown["fingerprint_sha256"]


def test_tsa_down_then_up(cli_vault: Cli, tmp_path: Path, tsa: TsaServer) -> None:
    tsa.mode = "down"
    item = _import_one(cli_vault, tmp_path, tsa.url)
    assert item["seal"]["timestamps"][0]["status"] == "pending"
    assert "timestamp.tsr" not in {a["name"] for a in item["artifacts"]}
    # Still down: the retry says so, exit 1, nothing invented.
    again = cli_vault("--tsa", tsa.url, "timestamp", "--pending", "--json")
    assert again.code == 1 and json.loads(again.out)[0]["status"] == "pending"
    tsa.mode = "good"
    result = cli_vault("--tsa", tsa.url, "timestamp", "--pending", "--json")
    assert result.code == 0, result.err
    assert [r["status"] for r in json.loads(result.out)] == ["granted"]
    shown = json.loads(cli_vault("show", item["id"], "--json").out)
    assert [t["status"] for t in shown["seal"]["timestamps"]] == ["granted"]
    assert "timestamp.tsr" in {a["name"] for a in shown["artifacts"]}
    actions = [e["action"] for e in json.loads(cli_vault("log", "--json").out)]
    assert actions.index("timestamp-pending") < actions.index("timestamp")
    assert "anchor" in actions  # online again: the custody log's head was time-stamped too
    assert cli_vault("verify-vault").code == 0
    nothing = cli_vault("--tsa", tsa.url, "timestamp", "--pending")
    assert nothing.code == 0 and "Nothing is waiting" in nothing.out


def test_bad_tsa_answers_are_never_kept(cli_vault: Cli, tmp_path: Path, tsa: TsaServer) -> None:
    for number, mode in enumerate(("wrong_digest", "wrong_nonce", "garbage", "http500")):
        tsa.mode = mode
        item = _import_one(cli_vault, tmp_path, tsa.url, name=f"{mode}-{number}.png")
        stamps = item["seal"]["timestamps"]
        assert "granted" not in {t["status"] for t in stamps}, mode
        assert "timestamp.tsr" not in {a["name"] for a in item["artifacts"]}, mode
        reasons = " ".join(t.get("reason", "") for t in stamps)
        assert reasons.strip(), mode
    log = json.loads(cli_vault("log", "--json").out)
    rejected = [e for e in log if e["action"] == "timestamp-rejected"]
    assert len(rejected) >= 3  # digest, nonce, garbage: rejected loudly; a 500 is just pending
    assert cli_vault("verify-vault").code == 0


def _p12(path: Path, password: bytes) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Qendra Ligjore Test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"org", key, cert, None, serialization.BestAvailableEncryption(password)
        )
    )
    return cert.fingerprint(hashes.SHA256()).hex()


def test_identity_import_export(cli_vault: Cli, tmp_path: Path) -> None:
    before = json.loads(cli_vault("identity", "show", "--json").out)
    assert "EvidenceKit vault" in before["subject"] and before["self_signed"]
    p12 = tmp_path / "org.p12"
    fingerprint = _p12(p12, b"right password")

    wrong = cli_vault(
        "identity", "import", str(p12), extra_env={"EVIDENCEKIT_P12_PASSWORD": "wrong"}
    )
    assert wrong.code == 2 and "password" in wrong.err and "Traceback" not in wrong.err
    kept = json.loads(cli_vault("identity", "show", "--json").out)
    assert kept["fingerprint_sha256"] == before["fingerprint_sha256"]

    ok = cli_vault(
        "identity", "import", str(p12), extra_env={"EVIDENCEKIT_P12_PASSWORD": "right password"}
    )
    assert ok.code == 0, ok.err
    now = json.loads(cli_vault("identity", "show", "--json").out)
    assert now["fingerprint_sha256"] == fingerprint
    item = _import_one(cli_vault, tmp_path)
    assert item["seal"]["signed_by"] == fingerprint

    pem = tmp_path / "vault-cert.pem"
    assert cli_vault("identity", "export-cert", str(pem)).code == 0
    cert = x509.load_pem_x509_certificates(pem.read_bytes())[0]
    assert cert.fingerprint(hashes.SHA256()).hex() == fingerprint
    assert b"PRIVATE" not in pem.read_bytes()
    assert cli_vault("verify-vault").code == 0


def test_two_tsas_give_two_tokens(cli_vault: Cli, tmp_path: Path, tsa_pki) -> None:
    with TsaServer(tsa_pki) as first, TsaServer(tsa_pki) as second:
        item = _import_one(cli_vault, tmp_path, first.url, second.url)
    stamps = item["seal"]["timestamps"]
    assert sorted(t["tsa"] for t in stamps) == sorted([first.url, second.url])
    assert {t["status"] for t in stamps} == {"granted"}
    names = {a["name"] for a in item["artifacts"]}
    assert {"timestamp.tsr", "timestamp-2.tsr"} <= names
    assert cli_vault("verify-vault").code == 0

"""RFC 3161 client against a real TSA on loopback, and the stored token against real openssl."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.general import as_signing_certificate, simple_cms_attribute

from evidencekit.errors import (
    TimestampFailed,
    TimestampRejected,
    TimestampUnavailable,
    TsaUrlInvalid,
)
from evidencekit.seal.identity import generate_identity, sign_detached
from evidencekit.seal.timestamps import (
    PUBLIC_TSAS,
    TimestampToken,
    build_request,
    request_timestamp,
    timestamp_with_any,
    verify_token,
)
from tests.support.openssl import run_openssl
from tests.support.tsa import BACKDATED_BY, TsaPki, TsaServer

DIGEST = hashlib.sha256(b'{"item":"a manifest"}').digest()
OTHER_DIGEST = hashlib.sha256(b"another manifest").digest()


def _get(url: str, *, timeout_s: float = 10) -> TimestampToken:
    return asyncio.run(request_timestamp(DIGEST, url, timeout_s=timeout_s))


def _local_token(pki: TsaPki, digest: bytes = DIGEST, **dummy_args: object) -> bytes:
    """A token straight from pyHanko's TSA (no HTTP), for the offline checks."""
    stamper = pki.timestamper()
    for name, value in dummy_args.items():
        setattr(stamper, name, value)
    response = stamper.request_tsa_response(build_request(digest, 12345))
    token: bytes = response["time_stamp_token"].dump()
    return token


# --- obtaining a token ----------------------------------------------------------------------


def test_good_tsa_grants_a_verified_token(tsa: TsaServer, tsa_pki: TsaPki) -> None:
    before = dt.datetime.now(dt.UTC)
    token = _get(tsa.url)
    after = dt.datetime.now(dt.UTC)

    # genTime is the TSA's real clock, which is this machine's clock here.
    assert token.gen_time.tzinfo is not None and token.gen_time.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=2) <= token.gen_time <= after + dt.timedelta(seconds=2)

    sent = tsa.last_request
    assert sent is not None
    assert sent["nonce"].native == token.nonce
    assert token.nonce.bit_length() > 32  # 64 random bits; below 2**32 has odds of 2**-32
    assert sent["cert_req"].native is True
    assert sent["message_imprint"]["hashed_message"].native == DIGEST
    assert sent["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"

    # What the token itself says, read independently of our parser's result.
    tst_info = tsp.TimeStampResp.load(token.response_der)["time_stamp_token"]["content"][
        "encap_content_info"
    ]["content"].parsed
    assert tst_info["nonce"].native == token.nonce
    assert tst_info["serial_number"].native == token.serial
    assert tst_info["message_imprint"]["hashed_message"].native == DIGEST

    assert token.digest == DIGEST
    assert token.tsa_url == tsa.url
    assert token.policy == "1.3.6.1.4.1.4146.2.2"
    assert "CN=EvidenceKit Test TSA" in token.tsa_subject
    assert token.tsa_cert_chain_der[0] == tsa_pki.tsa_cert.public_bytes(serialization.Encoding.DER)
    assert token.token_der in token.response_der
    assert tsa.requests == 1


def test_clock_skew_is_measured_and_never_a_reason_to_refuse(tsa: TsaServer) -> None:
    token = _get(tsa.url)
    assert abs(token.clock_skew_s) <= 2  # the loopback TSA uses this machine's clock
    # A TSA 20 hours behind (or this laptop 20 hours ahead): the token is kept, the
    # difference is exposed for the custody log.
    tsa.mode = "backdated"
    late = _get(tsa.url)
    expected = -int(BACKDATED_BY.total_seconds())
    assert isinstance(late.clock_skew_s, int)
    assert expected - 5 <= late.clock_skew_s <= expected + 5
    assert verify_token(late.token_der, DIGEST).ok


def test_openssl_verifies_the_stored_tsr(
    tsa: TsaServer, tsa_pki: TsaPki, openssl: str, tmp_path: Path
) -> None:
    token = _get(tsa.url)
    tsr = tmp_path / "timestamp.tsr"
    tsr.write_bytes(token.response_der)
    bare = tmp_path / "token.der"
    bare.write_bytes(token.token_der)
    common: list[str | Path] = ["ts", "-verify", "-CAfile", tsa_pki.root_pem]

    result = run_openssl(
        openssl, *common, "-digest", DIGEST.hex(), "-in", tsr, "-untrusted", tsa_pki.tsa_pem
    )
    assert result.returncode == 0 and "Verification: OK" in result.stdout, result.stdout
    # The token carries the TSA certificate (certReq), so -untrusted is not even needed.
    result = run_openssl(openssl, *common, "-digest", DIGEST.hex(), "-in", tsr)
    assert "Verification: OK" in result.stdout, result.stdout
    # The bare token verifies too, but only when openssl is told it is one.
    result = run_openssl(openssl, *common, "-digest", DIGEST.hex(), "-in", bare, "-token_in")
    assert "Verification: OK" in result.stdout, result.stdout
    result = run_openssl(openssl, *common, "-digest", DIGEST.hex(), "-in", bare)
    assert "Verification: OK" not in result.stdout

    # The same command refuses another file's digest and an unrelated root.
    result = run_openssl(openssl, *common, "-digest", OTHER_DIGEST.hex(), "-in", tsr)
    assert result.returncode != 0 and "Verification: FAILED" in result.stdout
    other_root = tmp_path / "other-root.pem"
    other_root.write_bytes(tsa_pki.plain_cert.public_bytes(serialization.Encoding.PEM))
    result = run_openssl(
        openssl, "ts", "-verify", "-CAfile", other_root, "-digest", DIGEST.hex(), "-in", tsr
    )
    assert result.returncode != 0 and "Verification: FAILED" in result.stdout


@pytest.mark.parametrize(
    ("mode", "error", "words"),
    [
        ("wrong_digest", TimestampRejected, "the token is for a different file"),
        ("wrong_nonce", TimestampRejected, "the token carries the wrong nonce"),
        ("garbage", TimestampRejected, "the answer is not a timestamp"),
        ("html", TimestampRejected, "the answer is not a timestamp (it is text/html content)"),
        ("huge", TimestampRejected, "the answer is too large to be a timestamp"),
        ("rejected", TimestampRejected, "refused the request (rejection; test TSA refuses"),
        ("bad_signature", TimestampRejected, "the token's signature is not valid"),
        ("no_eku", TimestampRejected, "not signed by a timestamp authority's certificate"),
        ("http500", TimestampUnavailable, "answered with server error 500"),
        ("down", TimestampUnavailable, "could not be reached (the connection was refused)"),
    ],
)
def test_bad_answers_are_rejected_in_plain_words(
    tsa: TsaServer, mode: str, error: type[TimestampFailed], words: str
) -> None:
    tsa.mode = mode
    with pytest.raises(error) as caught:
        _get(tsa.url)
    message = str(caught.value)
    assert words in message
    assert f"127.0.0.1:{tsa.port}" in message
    assert "Traceback" not in message and "\n" not in message
    assert tsa.requests == (0 if mode == "down" else 1)


@pytest.mark.timeout(30)
def test_a_hanging_tsa_gives_up_within_the_timeout(tsa: TsaServer) -> None:
    tsa.mode = "hang"
    with pytest.raises(TimestampUnavailable, match=r"did not answer within 1 second\."):
        _get(tsa.url, timeout_s=1)
    assert tsa.requests == 1


def test_the_server_comes_back_after_being_down(tsa: TsaServer) -> None:
    tsa.mode = "down"
    with pytest.raises(TimestampUnavailable):
        _get(tsa.url)
    tsa.mode = "good"
    assert _get(tsa.url).digest == DIGEST


def test_bad_urls_and_digests_are_refused_before_any_request() -> None:
    for url in ("ftp://example.org/tsr", "timestamp.digicert.com", "http://"):
        with pytest.raises(TsaUrlInvalid):
            _get(url)
    with pytest.raises(ValueError, match="32 bytes"):
        asyncio.run(request_timestamp(b"short", "http://127.0.0.1:9/"))


def test_public_tsas_are_listed_but_not_contacted_here() -> None:
    # FreeTSA last: its root is in no built-in trust list, so a bundle signed with its
    # tokens would verify as "indeterminate" unless the reader passes its root with --trust.
    assert PUBLIC_TSAS == (
        "http://timestamp.digicert.com",
        "http://timestamp.sectigo.com",
        "https://freetsa.org/tsr",
    )


# --- several TSAs ---------------------------------------------------------------------------


def test_one_down_one_good_gives_one_token_and_one_reason(tsa_pki: TsaPki) -> None:
    with TsaServer(tsa_pki, mode="down") as down, TsaServer(tsa_pki) as good:
        outcome = asyncio.run(timestamp_with_any(DIGEST, [down.url, good.url], timeout_s=5))
    assert outcome.status == "granted"
    assert [t.tsa_url for t in outcome.tokens] == [good.url]
    assert len(outcome.failures) == 1
    failure = outcome.failures[0]
    assert failure.tsa_url == down.url
    assert "could not be reached" in failure.reason
    assert failure.retryable is True


def test_two_good_give_two_tokens_in_url_order(tsa_pki: TsaPki) -> None:
    with TsaServer(tsa_pki) as first, TsaServer(tsa_pki) as second, TsaServer(tsa_pki) as third:
        outcome = asyncio.run(timestamp_with_any(DIGEST, [first.url, second.url, third.url]))
        assert third.requests == 0  # two wanted, two obtained: the third is never asked
    assert outcome.status == "granted"
    assert [t.tsa_url for t in outcome.tokens] == [first.url, second.url]
    assert outcome.tokens[0].serial != outcome.tokens[1].serial
    assert outcome.failures == ()
    for token in outcome.tokens:
        assert verify_token(token.token_der, DIGEST, trusted_roots=[tsa_pki.root_cert]).ok


def test_a_failure_makes_room_for_the_next_url(tsa_pki: TsaPki) -> None:
    with (
        TsaServer(tsa_pki, mode="wrong_digest") as liar,
        TsaServer(tsa_pki) as good,
        TsaServer(tsa_pki) as spare,
    ):
        outcome = asyncio.run(timestamp_with_any(DIGEST, [liar.url, good.url, spare.url], want=2))
    assert [t.tsa_url for t in outcome.tokens] == [good.url, spare.url]
    assert [(f.tsa_url, f.retryable) for f in outcome.failures] == [(liar.url, False)]
    assert "different file" in outcome.failures[0].reason


def test_all_failing_is_pending_with_reasons_not_an_exception(tsa_pki: TsaPki) -> None:
    with TsaServer(tsa_pki, mode="http500") as broken, TsaServer(tsa_pki, mode="garbage") as junk:
        urls = [broken.url, junk.url, "not a url"]
        outcome = asyncio.run(timestamp_with_any(DIGEST, urls, want=1))
    assert outcome.status == "pending"
    assert outcome.tokens == ()
    assert [f.tsa_url for f in outcome.failures] == urls
    assert "server error 500" in outcome.failures[0].reason
    assert "not a timestamp" in outcome.failures[1].reason
    assert "not a web address" in outcome.failures[2].reason
    assert [f.retryable for f in outcome.failures] == [True, False, False]


# --- checking a stored token offline --------------------------------------------------------


def test_verify_token_accepts_a_good_token_and_its_response(
    tsa: TsaServer, tsa_pki: TsaPki
) -> None:
    token = _get(tsa.url)
    for der in (token.token_der, token.response_der):
        check = verify_token(der, DIGEST, trusted_roots=[tsa_pki.root_cert])
        assert check.ok and check and check.why == ""
        assert check.trusted is True
        assert check.gen_time == token.gen_time
        assert check.serial == token.serial
        assert check.tsa_subject == token.tsa_subject
    untrusted = verify_token(token.token_der, DIGEST)
    assert untrusted.ok and untrusted.trusted is None
    assert verify_token(token.token_der, DIGEST, expected_nonce=token.nonce).ok
    assert not verify_token(token.token_der, DIGEST, expected_nonce=token.nonce + 1).ok


def test_verify_token_refuses_a_root_it_does_not_chain_to(tsa: TsaServer, tmp_path: Path) -> None:
    stranger = TsaPki.create(tmp_path / "stranger")
    check = verify_token(_get(tsa.url).token_der, DIGEST, trusted_roots=[stranger.root_cert])
    assert not check.ok and check.trusted is False
    assert "does not lead to a trusted root" in check.why


def test_verify_token_refuses_another_digest(tsa: TsaServer) -> None:
    check = verify_token(_get(tsa.url).token_der, OTHER_DIGEST)
    assert not check.ok and not check
    assert check.why == "The token is for a different file."


def test_verify_token_notices_a_changed_byte_in_the_signed_content(tsa: TsaServer) -> None:
    token = _get(tsa.url)
    tst_der = tsp.TimeStampResp.load(token.response_der)["time_stamp_token"]["content"][
        "encap_content_info"
    ]["content"].__bytes__()
    # The last byte of TSTInfo is in the TSA's name ("...tests"): still a well-formed token.
    at = token.token_der.index(tst_der) + len(tst_der) - 1
    tampered = token.token_der[:at] + b"t" + token.token_der[at + 1 :]
    assert tampered != token.token_der
    check = verify_token(tampered, DIGEST)
    assert not check.ok
    assert "the signed content has been changed" in check.why


def test_verify_token_refuses_a_flipped_signature_bit(tsa: TsaServer) -> None:
    token = _get(tsa.url)
    signature = tsp.TimeStampResp.load(token.response_der)["time_stamp_token"]["content"][
        "signer_infos"
    ][0]["signature"].native
    at = token.token_der.index(signature) + 10
    tampered = (
        token.token_der[:at] + bytes([token.token_der[at] ^ 0x80]) + token.token_der[at + 1 :]
    )
    check = verify_token(tampered, DIGEST)
    assert not check.ok
    assert "does not verify with the signer's certificate" in check.why


def test_verify_token_refuses_other_hash_algorithms(tsa_pki: TsaPki) -> None:
    stamper = tsa_pki.timestamper()
    request = build_request(DIGEST, 7)
    request["message_imprint"]["hash_algorithm"] = {"algorithm": "sha512"}
    token = stamper.request_tsa_response(request)["time_stamp_token"].dump()
    check = verify_token(token, DIGEST)
    assert not check.ok
    assert "another hash algorithm (sha512)" in check.why


def test_verify_token_refuses_a_sha1_signature(tsa_pki: TsaPki) -> None:
    check = verify_token(_local_token(tsa_pki, override_md="sha1"), DIGEST)
    assert not check.ok
    assert "weak or unknown hash algorithm (sha1)" in check.why


def test_verify_token_refuses_a_time_outside_the_certificate(tsa_pki: TsaPki) -> None:
    late = tsa_pki.tsa_cert.not_valid_after_utc + dt.timedelta(days=1)
    check = verify_token(_local_token(tsa_pki, fixed_dt=late), DIGEST)
    assert not check.ok
    assert "outside its certificate's validity" in check.why
    assert check.gen_time == late


def test_verify_token_wants_the_timestamping_purpose_critical(tsa_pki: TsaPki) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Lax TSA")]))
        .issuer_name(tsa_pki.root_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=False)
        .sign(tsa_pki.root_key, hashes.SHA256())
    )
    stamper = tsa_pki.timestamper()
    stamper.tsa_cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    stamper.tsa_key = stamper.tsa_key.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    token = stamper.request_tsa_response(build_request(DIGEST, 1))["time_stamp_token"].dump()
    check = verify_token(token, DIGEST)
    assert not check.ok
    assert "does not mark its timestamping purpose as critical" in check.why


def _token_with_ess(pki: TsaPki, named: x509.Certificate | None) -> bytes:
    """A token validly signed by the TSA whose ESS signing-certificate attribute names
    `named` instead of the TSA's certificate (None: the attribute is left out)."""
    stamper = pki.timestamper()
    original = stamper._sign_tst_info

    def sign(tst_info_data: bytes, md_algorithm: str, when: dt.datetime) -> object:
        _, attrs = original(tst_info_data, md_algorithm, when)
        kept = [a for a in attrs if a["type"].native != "signing_certificate"]
        if named is not None:
            asn1_cert = asn1_x509.Certificate.load(named.public_bytes(serialization.Encoding.DER))
            kept.append(
                simple_cms_attribute("signing_certificate", as_signing_certificate(asn1_cert))
            )
        new_attrs = type(attrs)(kept)
        key = serialization.load_der_private_key(stamper.tsa_key.dump(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        return key.sign(new_attrs.dump(), PKCS1v15(), hashes.SHA256()), new_attrs

    setattr(stamper, "_sign_tst_info", sign)  # replaces the method on this instance
    token: bytes = stamper.request_tsa_response(build_request(DIGEST, 1))["time_stamp_token"].dump()
    return token


def test_verify_token_wants_the_signing_certificate_attribute(tsa_pki: TsaPki) -> None:
    assert verify_token(_token_with_ess(tsa_pki, tsa_pki.tsa_cert), DIGEST).ok  # the control
    check = verify_token(_token_with_ess(tsa_pki, None), DIGEST)
    assert not check.ok
    assert "does not name its certificate" in check.why
    # Naming another certificate than the signer's (a substitution) is refused as well.
    check = verify_token(_token_with_ess(tsa_pki, tsa_pki.plain_cert), DIGEST)
    assert not check.ok
    assert "the certificate it names is not the one that signed" in check.why


def test_verify_token_says_what_is_not_a_timestamp(tsa_pki: TsaPki) -> None:
    assert verify_token(b"\x30\x03\x02\x01\x01", DIGEST).why == "It is not a timestamp."
    assert not verify_token(b"", DIGEST).ok
    # A valid signature over something else is still not a timestamp.
    signature = sign_detached(generate_identity(), b"data")
    check = verify_token(signature, DIGEST)
    assert not check.ok
    assert "not a timestamp" in check.why

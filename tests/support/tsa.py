"""A real RFC 3161 timestamp authority on 127.0.0.1, for tests only.

It signs genuine tokens (pyHanko's `DummyTimeStamper`, RSA key, real clock) under a small PKI
made at start-up, and can be switched into the ways real servers go wrong.

    from tests.support.tsa import TsaPki, TsaServer

    pki = TsaPki.create(tmp_path)              # root CA + TSA certificate, PEM files written
    with TsaServer(pki) as tsa:                # random free port, mode "good"
        token = await request_timestamp(digest, tsa.url)
        tsa.mode = "wrong_nonce"               # switch at any time, also to and from "down"
        tsa.requests                           # how many requests reached it so far
        tsa.last_request                       # the last TimeStampReq it received (asn1crypto)

    openssl ts -verify ... -CAfile pki.root_pem -untrusted pki.tsa_pem

Modes (`MODES`):
    good           a valid token over the requested digest, with the requested nonce
    wrong_digest   a valid token, but over another digest
    wrong_nonce    a valid token, but with another nonce
    garbage        HTTP 200, content type application/timestamp-reply, random bytes
    html           HTTP 200, a text/html page (a captive portal or a misconfigured proxy)
    huge           HTTP 200, application/timestamp-reply, 2 MiB of zeros
    http500        HTTP 500
    hang           accepts the request and never answers (until the server stops)
    down           nothing listens on the port (connection refused)
    rejected       a TimeStampResp with status "rejection" and no token
    bad_signature  a token whose signature bytes were altered
    no_eku         a token signed by a certificate without the timeStamping key usage
    backdated      a valid token whose time is BACKDATED_BY (20 h) before the real time: a TSA
                   whose clock is wrong, or one that back-dates on request

In pytest, `tests/conftest.py` has the fixtures `tsa_pki` (per session) and `tsa` (a running
server in mode "good", per test).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from evidencekit.seal.tokens import TimeStampResp

MODES = (
    "good",
    "wrong_digest",
    "wrong_nonce",
    "garbage",
    "html",
    "huge",
    "http500",
    "hang",
    "down",
    "rejected",
    "bad_signature",
    "no_eku",
    "backdated",
)

BACKDATED_BY = dt.timedelta(hours=20)

# A hanging request is released when the server stops; this only bounds a forgotten server.
_HANG_LIMIT_S = 120.0


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EvidenceKit tests"),
        ]
    )


def _leaf(
    common_name: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    timestamping: bool,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if timestamping:
        # RFC 3161 2.3: exactly this one purpose, and critical.
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass(frozen=True)
class TsaPki:
    """A root CA (EC P-256), a TSA certificate (RSA 2048) and a non-TSA certificate under it."""

    directory: Path
    root_cert: x509.Certificate
    root_key: ec.EllipticCurvePrivateKey = field(repr=False)
    tsa_cert: x509.Certificate
    tsa_key: rsa.RSAPrivateKey = field(repr=False)
    plain_cert: x509.Certificate  # valid signing cert, but without the timeStamping EKU
    plain_key: rsa.RSAPrivateKey = field(repr=False)
    root_pem: Path
    tsa_pem: Path

    @classmethod
    def create(cls, directory: Path) -> TsaPki:
        directory.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now(dt.UTC)
        root_key = ec.generate_private_key(ec.SECP256R1())
        root_cert = (
            x509.CertificateBuilder()
            .subject_name(_name("EvidenceKit Test Root CA"))
            .issuer_name(_name("EvidenceKit Test Root CA"))
            .public_key(root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=2))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False
            )
            .sign(root_key, hashes.SHA256())
        )
        tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        tsa_cert = _leaf("EvidenceKit Test TSA", tsa_key, root_cert, root_key, timestamping=True)
        plain_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        plain_cert = _leaf(
            "EvidenceKit Test Not-a-TSA", plain_key, root_cert, root_key, timestamping=False
        )
        root_pem = directory / "root.pem"
        tsa_pem = directory / "tsa.pem"
        root_pem.write_bytes(root_cert.public_bytes(serialization.Encoding.PEM))
        tsa_pem.write_bytes(tsa_cert.public_bytes(serialization.Encoding.PEM))
        return cls(
            directory=directory,
            root_cert=root_cert,
            root_key=root_key,
            tsa_cert=tsa_cert,
            tsa_key=tsa_key,
            plain_cert=plain_cert,
            plain_key=plain_key,
            root_pem=root_pem,
            tsa_pem=tsa_pem,
        )

    def timestamper(
        self, *, no_eku: bool = False, fixed_dt: dt.datetime | None = None
    ) -> DummyTimeStamper:
        """pyHanko's signing TSA over this PKI (also usable directly, without HTTP); with
        `fixed_dt` every token carries that time instead of the real clock's."""
        cert, key = (self.plain_cert, self.plain_key) if no_eku else (self.tsa_cert, self.tsa_key)
        key_der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        root = asn1_x509.Certificate.load(self.root_cert.public_bytes(serialization.Encoding.DER))
        return DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            tsa_key=asn1_keys.PrivateKeyInfo.load(key_der),
            certs_to_embed=SimpleCertificateStore.from_certs([root]),
            fixed_dt=fixed_dt,
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answer(pki: TsaPki, mode: str, body: bytes) -> bytes:
    """The TimeStampResp DER for one request in one of the token-producing modes."""
    req = tsp.TimeStampReq.load(body)
    if mode == "rejected":
        status = tsp.PKIStatusInfo(
            {
                "status": "rejection",
                "status_string": ["test TSA refuses this request"],
                "fail_info": tsp.PKIFailureInfo({"bad_alg"}),
            }
        )
        return TimeStampResp({"status": status}).dump()
    if mode == "wrong_digest":
        req["message_imprint"] = tsp.MessageImprint(
            {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": hashlib.sha256(b"some other file").digest(),
            }
        )
    elif mode == "wrong_nonce":
        req["nonce"] = req["nonce"].native + 1
    fixed = dt.datetime.now(dt.UTC) - BACKDATED_BY if mode == "backdated" else None
    stamper = pki.timestamper(no_eku=mode == "no_eku", fixed_dt=fixed)
    der = stamper.request_tsa_response(req).dump()
    if mode == "bad_signature":
        # Flip one bit in the middle of the signature value, leaving the structure intact.
        signer_info = tsp.TimeStampResp.load(der)["time_stamp_token"]["content"]["signer_infos"][0]
        signature = signer_info["signature"].native
        at = der.index(signature) + len(signature) // 2
        der = der[:at] + bytes([der[at] ^ 0x01]) + der[at + 1 :]
    return der


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        tsa = self.server.tsa
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        mode = tsa._count_request(body)
        if mode == "hang":
            tsa._stopping.wait(_HANG_LIMIT_S)
            self.close_connection = True
            return
        if mode == "http500":
            self._reply(500, "text/plain", b"internal error\n")
        elif mode == "garbage":
            self._reply(200, "application/timestamp-reply", os.urandom(200))
        elif mode == "huge":
            self._reply(200, "application/timestamp-reply", bytes(2 << 20))
        elif mode == "html":
            self._reply(200, "text/html", b"<html><body>Log in to use this Wi-Fi</body></html>")
        else:
            self._reply(200, "application/timestamp-reply", _answer(tsa.pki, mode, body))

    def _reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, tsa: TsaServer) -> None:
        self.tsa = tsa
        super().__init__(("127.0.0.1", port), _Handler)


class TsaServer:
    """The TSA over HTTP on 127.0.0.1 (see the module docstring). Start/stop or use `with`."""

    def __init__(self, pki: TsaPki, mode: str = "good") -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.pki = pki
        self.port = _free_port()
        self._mode = mode
        self._lock = threading.Lock()
        self._requests = 0
        self._last_body: bytes | None = None
        self._bodies: list[bytes] = []
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._started = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/tsr"

    @property
    def requests(self) -> int:
        """Requests that reached the server (all modes but "down")."""
        with self._lock:
            return self._requests

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self._lock:
            self._mode = mode
        if self._started:
            if mode == "down":
                self._close_listener()
            elif self._server is None:
                self._open_listener()

    def start(self) -> TsaServer:
        self._started = True
        self._stopping.clear()
        if self._mode != "down":
            self._open_listener()
        return self

    def stop(self) -> None:
        self._started = False
        self._stopping.set()  # releases "hang" handlers
        self._close_listener()

    def __enter__(self) -> TsaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def last_request(self) -> tsp.TimeStampReq | None:
        """The last request received, parsed (None before the first or if it was not one)."""
        with self._lock:
            body = self._last_body
        if body is None:
            return None
        try:
            return tsp.TimeStampReq.load(body, strict=True)
        except ValueError:
            return None

    def request_for(self, digest: bytes) -> tsp.TimeStampReq | None:
        """The last well-formed request received for `digest` (None if there was none)."""
        with self._lock:
            bodies = list(self._bodies)
        for body in reversed(bodies):
            try:
                request = tsp.TimeStampReq.load(body, strict=True)
            except ValueError:
                continue
            if request["message_imprint"]["hashed_message"].native == digest:
                return request
        return None

    def _count_request(self, body: bytes) -> str:
        with self._lock:
            self._requests += 1
            self._last_body = body
            self._bodies.append(body)
            return self._mode

    def _open_listener(self) -> None:
        server = _Server(self.port, self)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        self._server, self._thread = server, thread

    def _close_listener(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

"""RFC 3161 trusted timestamps: ask a timestamp authority (TSA) to sign our digest, and check
every answer before it is kept.

A token is accepted only when it is granted, covers exactly our SHA-256 digest, echoes our
nonce, and carries a valid CMS signature by a certificate with the timeStamping purpose. The
same checks, minus the nonce, run offline in `verify_token` for the bundle verifier.

Storage: `TimestampToken.response_der` is the TimeStampResp exactly as the TSA sent it; store it
as `timestamp.tsr` and check it with
    openssl ts -verify -digest <hex> -in timestamp.tsr -CAfile <root.pem> [-untrusted <tsa.pem>]
`token_der` is the bare TimeStampToken (what a PDF signature embeds); openssl reads it only with
`-token_in`. `verify_token` accepts either.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import aiohttp
from asn1crypto import tsp

from evidencekit.errors import (
    TimestampFailed,
    TimestampRejected,
    TimestampUnavailable,
    TsaUrlInvalid,
)
from evidencekit.seal.tokens import (
    GRANTED,
    TimeStampResp,
    TokenCheck,
    check_token,
    require_sha256,
    token_from_response,
    verify_token,
)
from evidencekit.seal.tsa_list import PUBLIC_TSAS

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "PUBLIC_TSAS",
    "TimestampOutcome",
    "TimestampToken",
    "TokenCheck",
    "TsaFailure",
    "build_request",
    "load_checking_code",
    "new_nonce",
    "request_timestamp",
    "timestamp_with_any",
    "verify_token",
]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 15.0
# A real answer is a few kilobytes; a server sending more is not a TSA (or is misbehaving).
MAX_RESPONSE_BYTES = 1 << 20
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, NotImplementedError)
# A clock difference worth a warning in the log (the bundle verifier's tolerance, too).
CLOCK_SKEW_NOTICE_S = 600


@dataclass(frozen=True)
class TimestampToken:
    """A verified RFC 3161 timestamp over one SHA-256 digest."""

    tsa_url: str
    """Where it was obtained."""
    digest: bytes
    """The SHA-256 digest it covers (the manifest digest)."""
    response_der: bytes = field(repr=False)
    """The TimeStampResp exactly as received: store this as `timestamp.tsr`."""
    token_der: bytes = field(repr=False)
    """The TimeStampToken alone (a CMS ContentInfo), as embedded in PDF signatures."""
    gen_time: dt.datetime
    """The time the TSA vouches for, aware, in UTC."""
    accuracy_us: int | None
    """The TSA's stated accuracy of gen_time in microseconds, when it states one."""
    serial: int
    """The TSA's serial number of this token."""
    nonce: int
    """The random nonce we sent and the TSA echoed."""
    policy: str
    """The TSA policy OID the token was issued under (dotted)."""
    tsa_name: str | None
    """The TSA's name as written in the token, if it wrote one."""
    tsa_subject: str
    """The subject of the certificate that signed the token (RFC 4514)."""
    tsa_cert_chain_der: tuple[bytes, ...] = field(repr=False)
    """The certificates in the token: the signer's first, then the others as given."""
    clock_skew_s: int = 0
    """The TSA's time minus this computer's when the answer arrived, in whole seconds
    (negative: the TSA's clock is behind ours, or ours is ahead). Never a reason to refuse a
    token (the computer's clock may be the wrong one); worth recording in the custody log, as
    a large difference is what a reader of the evidence will ask about."""


@dataclass(frozen=True)
class TsaFailure:
    """Why one TSA gave no token."""

    tsa_url: str
    reason: str
    """One plain sentence for people."""
    retryable: bool
    """True when asking again later may help (network trouble, timeout, HTTP error)."""


@dataclass(frozen=True)
class TimestampOutcome:
    """What `timestamp_with_any` got: tokens (in the order of the URLs) and per-URL failures."""

    digest: bytes
    tokens: tuple[TimestampToken, ...]
    failures: tuple[TsaFailure, ...]

    @property
    def status(self) -> Literal["granted", "pending"]:
        return "granted" if self.tokens else "pending"


def load_checking_code() -> None:
    """Import what checking a token needs (pyHanko's CMS parts), e.g. in the background
    before the first token arrives (a capture does, issue 15)."""
    from evidencekit.seal.cms import load_checking_code as load

    load()


def new_nonce() -> int:
    """64 random bits, the size `openssl ts -query` sends, which every TSA we know accepts."""
    return secrets.randbits(64)


def build_request(digest: bytes, nonce: int) -> tsp.TimeStampReq:
    require_sha256(digest)
    return tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": digest,
            },
            "nonce": nonce,
            # We keep the TSA's certificate with the token so it verifies offline, later.
            "cert_req": True,
        }
    )


async def request_timestamp(
    digest: bytes, tsa_url: str, *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> TimestampToken:
    """Obtain and verify a timestamp over `digest` (32-byte SHA-256) from one TSA.

    Raises `TimestampUnavailable` (no usable answer: unreachable, timeout, HTTP error; retry
    later), `TimestampRejected` (an answer that is not a valid token for our request; never
    returned) or `TsaUrlInvalid`.
    """
    host = _host(tsa_url)
    nonce = new_nonce()
    request_der = build_request(digest, nonce).dump()
    response_der = await _post(tsa_url, host, request_der, timeout_s)
    token = _accept_response(tsa_url, host, response_der, digest, nonce)
    log.info(
        "timestamp granted by %s at %s (serial %d, clock difference %+d s)",
        host,
        token.gen_time.isoformat(),
        token.serial,
        token.clock_skew_s,
    )
    if abs(token.clock_skew_s) > CLOCK_SKEW_NOTICE_S:
        log.warning(
            "this computer's clock and the timestamp server %s differ by %+d s",
            host,
            token.clock_skew_s,
        )
    return token


async def timestamp_with_any(
    digest: bytes,
    tsa_urls: Iterable[str],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    want: int = 2,
) -> TimestampOutcome:
    """Collect up to `want` tokens from `tsa_urls`, preferring earlier URLs.

    `want` requests run at a time; each failure starts the next URL, so the worst case takes
    about len(urls) / want * timeout_s. Never raises for TSA trouble: with no token the
    outcome's status is "pending" and `failures` says why per URL.
    """
    require_sha256(digest)
    urls = list(dict.fromkeys(tsa_urls))  # a URL listed twice is asked once
    if not urls:
        raise ValueError("no timestamp server URLs given")
    if want < 1:
        raise ValueError("want must be at least 1")
    tokens: dict[int, TimestampToken] = {}
    failures: dict[int, TsaFailure] = {}
    queue = iter(enumerate(urls))
    running: dict[asyncio.Task[TimestampToken], int] = {}

    def launch() -> None:
        while len(running) + len(tokens) < want:
            try:
                index, url = next(queue)
            except StopIteration:
                return
            task = asyncio.create_task(request_timestamp(digest, url, timeout_s=timeout_s))
            running[task] = index

    launch()
    try:
        while running:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                index = running.pop(task)
                try:
                    tokens[index] = task.result()
                except (TimestampFailed, TsaUrlInvalid) as exc:
                    log.warning("no timestamp from %s: %s", urls[index], exc)
                    failures[index] = TsaFailure(
                        urls[index], str(exc), retryable=isinstance(exc, TimestampUnavailable)
                    )
            launch()
    finally:
        for task in running:  # only when we were cancelled
            task.cancel()
    return TimestampOutcome(
        digest=digest,
        tokens=tuple(tokens[i] for i in sorted(tokens)),
        failures=tuple(failures[i] for i in sorted(failures)),
    )


# --- receiving ------------------------------------------------------------------------------


async def _post(url: str, host: str, body: bytes, timeout_s: float) -> bytes:
    headers = {
        "Content-Type": "application/timestamp-query",
        "Accept": "application/timestamp-reply",
    }
    # asyncio.timeout bounds the whole exchange (connect, send, slow or endless reply); the
    # aiohttp timeout is the same bound seen from inside, so whichever fires first wins.
    try:
        async with (
            asyncio.timeout(timeout_s),
            aiohttp.ClientSession(
                # Honour HTTP(S)_PROXY/NO_PROXY: some users can only go out through a proxy.
                trust_env=True,
                timeout=aiohttp.ClientTimeout(total=timeout_s),
            ) as session,
            session.post(url, data=body, headers=headers) as response,
        ):
            if response.status >= 400:
                raise _http_error(host, response.status)
            if (response.content_length or 0) > MAX_RESPONSE_BYTES:
                raise TimestampRejected(
                    _rejected(host, "the answer is too large to be a timestamp")
                )
            data = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > MAX_RESPONSE_BYTES:
                    raise TimestampRejected(
                        _rejected(host, "the answer is too large to be a timestamp")
                    )
            content_type = response.headers.get("Content-Type", "")
    except TimeoutError as exc:
        raise TimestampUnavailable(
            f"The timestamp server {host} did not answer within {timeout_s:g} "
            f"second{'' if timeout_s == 1 else 's'}."
        ) from exc
    except aiohttp.ClientConnectorError as exc:
        raise TimestampUnavailable(
            f"The timestamp server {host} could not be reached ({_connect_reason(exc)}).",
            detail=str(exc),
        ) from exc
    except (aiohttp.ClientError, OSError) as exc:
        raise TimestampUnavailable(
            f"The timestamp server {host} could not be reached (the connection failed).",
            detail=str(exc),
        ) from exc
    if not content_type.startswith("application/timestamp-reply"):
        # Not fatal by itself (some servers label it loosely); parsing decides. Remembered so
        # that a captive-portal page is named as such.
        log.debug("%s answered with content type %r", host, content_type)
        if token_from_response(bytes(data)) is None:
            what = content_type.split(";")[0].strip() or "unlabelled"
            raise TimestampRejected(
                _rejected(host, f"the answer is not a timestamp (it is {what} content)")
            )
    return bytes(data)


def _http_error(host: str, status: int) -> TimestampUnavailable:
    if status >= 500:
        return TimestampUnavailable(
            f"The timestamp server {host} answered with server error {status}."
        )
    return TimestampUnavailable(f"The timestamp server {host} refused the request (HTTP {status}).")


def _connect_reason(exc: aiohttp.ClientConnectorError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "its name was not found; check the address and the internet connection"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return "its HTTPS certificate is not valid"
    if isinstance(exc.os_error, ConnectionRefusedError):
        return "the connection was refused"
    return "no connection"


def _accept_response(
    url: str,
    host: str,
    response_der: bytes,
    digest: bytes,
    nonce: int,
    *,
    received_at: dt.datetime | None = None,
) -> TimestampToken:
    """The token in a TSA's answer, checked; `received_at` (default: now) is this computer's
    time of receipt, against which `clock_skew_s` is measured. A token whose time is far from
    ours is accepted all the same: on a victim's laptop the local clock is the doubtful one."""
    received_at = received_at or dt.datetime.now(dt.UTC)
    try:
        response = TimeStampResp.load(response_der, strict=True)
        status = response["status"]["status"].native
    except _PARSE_ERRORS as exc:
        raise TimestampRejected(_rejected(host, "the answer is not a timestamp")) from exc
    if status not in GRANTED:
        raise TimestampRejected(
            f"The timestamp server {host} refused the request ({_refusal(response)})."
        )
    content_info = response["time_stamp_token"]
    if not content_info:
        raise TimestampRejected(_rejected(host, "the answer holds no timestamp"))
    check = check_token(content_info, digest, nonce, None)
    if not check.ok or check.gen_time is None or check.serial is None or check.policy is None:
        raise TimestampRejected(_rejected(host, _fragment(check.why)))
    return TimestampToken(
        tsa_url=url,
        digest=digest,
        response_der=response_der,
        token_der=content_info.dump(),
        gen_time=check.gen_time,
        accuracy_us=check.accuracy_us,
        serial=check.serial,
        nonce=nonce,
        policy=check.policy,
        tsa_name=check.tsa_name,
        tsa_subject=check.tsa_subject or "",
        tsa_cert_chain_der=check.tsa_cert_chain_der,
        clock_skew_s=round((check.gen_time - received_at).total_seconds()),
    )


def _refusal(response: TimeStampResp) -> str:
    info = response["status"]
    parts = [str(info["status"].native).replace("_", " ")]
    try:
        parts += [str(text) for text in info["status_string"].native or ()]
        parts += [str(flag).replace("_", " ") for flag in info["fail_info"].native or ()]
    except _PARSE_ERRORS:
        pass  # the status alone is explanation enough
    # The server's words go into a one-line message: no control characters, no essays.
    text = " ".join("; ".join(parts).split())
    return "".join(ch for ch in text if ch.isprintable())[:200]


# --- words ----------------------------------------------------------------------------------


def _host(url: str) -> str:
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise TsaUrlInvalid(detail=url)
    return parsed.netloc


def _rejected(host: str, why: str) -> str:
    return f"The timestamp server {host} answered, but {why}."


def _fragment(sentence: str) -> str:
    """ "The token is for X." -> "the token is for X", to continue a sentence."""
    return sentence[:1].lower() + sentence[1:].rstrip(".")

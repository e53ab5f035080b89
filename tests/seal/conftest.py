"""Fixtures for the sealing tests: a test PKI per session, a running loopback TSA per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.seal.tsa_server import TsaPki, TsaServer


@pytest.fixture(scope="session")
def tsa_pki(tmp_path_factory: pytest.TempPathFactory) -> TsaPki:
    return TsaPki.create(tmp_path_factory.mktemp("tsa-pki"))


@pytest.fixture
def tsa(tsa_pki: TsaPki) -> Iterator[TsaServer]:
    """A TSA on 127.0.0.1 in mode "good"; tests switch `tsa.mode` as they need."""
    with TsaServer(tsa_pki) as server:
        yield server


@pytest.fixture(scope="session")
def openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("the openssl command is not installed")
    return path

"""Shared fixtures: an isolated home for every test, a fast-KDF vault, and CLI runners.

Tests never touch the real user's data folder: XDG dirs (and HOME) point into tmp_path.
KDF cost is lowered here through the explicit setting, never by default.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidencekit.config import Settings
from evidencekit.vault.store import Vault
from tests.support.tsa import TsaPki, TsaServer

TEST_PASSPHRASE = "correct horse battery"
TEST_KDF_MIB = 8  # explicit low cost for speed; the default stays 64 MiB
REPO = Path(__file__).resolve().parent.parent


# What this machine's environment may carry that would change what the tests see: a proxy
# (the loopback TSA and fixture site would be asked through it), Qt's scaling and style
# overrides (pixel checks), reportlab's settings (page layout), our own resource folder.
_MACHINE_ENV_PREFIXES = ("QT_SCALE", "QT_SCREEN_SCALE", "QT_FONT_DPI", "QT_STYLE_OVERRIDE", "RL_")
_MACHINE_ENV = ("QT_QPA_PLATFORMTHEME", "EVIDENCEKIT_RESOURCES")
_PROXY_ENV = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@pytest.fixture(autouse=True, scope="session")
def _machine_neutral_environment() -> Iterator[None]:
    """Every test (and every CLI the tests start) sees the same environment on any machine."""
    saved = dict(os.environ)
    for key in list(os.environ):
        if key in _MACHINE_ENV or key in _PROXY_ENV or key.startswith(_MACHINE_ENV_PREFIXES):
            del os.environ[key]
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost,::1"
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def settings() -> Settings:
    return Settings(kdf_memory_mib=TEST_KDF_MIB, kdf_iterations=1)


def closed_port_url() -> str:
    """A loopback URL nobody listens on: a TSA that is 'down' (refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"


@pytest.fixture(scope="session")
def tsa_pki(tmp_path_factory: pytest.TempPathFactory) -> TsaPki:
    return TsaPki.create(tmp_path_factory.mktemp("tsa-pki"))


@pytest.fixture
def tsa(tsa_pki: TsaPki) -> Iterator[TsaServer]:
    """A real RFC 3161 TSA on 127.0.0.1 in mode "good"; tests switch `tsa.mode` as they need."""
    with TsaServer(tsa_pki) as server:
        yield server


@pytest.fixture(scope="session")
def openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("the openssl command is not installed")
    return path


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        # Never the public TSAs from tests: by default a loopback port that refuses at once.
        "EVIDENCEKIT_TSA_URLS": closed_port_url(),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in ("EVIDENCEKIT_VAULT", "EVIDENCEKIT_PASSPHRASE", "EVIDENCEKIT_NEW_PASSPHRASE"):
        monkeypatch.delenv(key, raising=False)
    return env


@pytest.fixture
def vault_path(tmp_path: Path, isolated_env: dict[str, str]) -> Path:
    return tmp_path / "case.ekv"


@pytest.fixture
def vault(vault_path: Path, settings: Settings) -> Vault:
    v = Vault.create(vault_path, TEST_PASSPHRASE, settings)
    yield v
    v.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    """Runs `python -m evidencekit` in a real subprocess, as a user's shell would."""

    env: dict[str, str]
    cwd: Path

    def __call__(
        self,
        *args: str,
        passphrase: str | None = TEST_PASSPHRASE,
        timeout: float = 120,
        extra_env: dict[str, str] | None = None,
    ) -> CliResult:
        env = {**self.env, **(extra_env or {})}
        if passphrase is not None:
            env["EVIDENCEKIT_PASSPHRASE"] = passphrase
        else:
            env.pop("EVIDENCEKIT_PASSPHRASE", None)
        proc = subprocess.run(
            [sys.executable, "-m", "evidencekit", *args],
            env=env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    def popen(self, *args: str, **kwargs: object) -> subprocess.Popen[bytes]:
        env = {**self.env, "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE}
        return subprocess.Popen(  # type: ignore[call-overload]
            [sys.executable, "-m", "evidencekit", *args],
            env=env,
            cwd=self.cwd,
            stdin=subprocess.DEVNULL,
            **kwargs,
        )


@pytest.fixture
def cli(tmp_path: Path, isolated_env: dict[str, str], vault_path: Path) -> Cli:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVIDENCEKIT_")}
    env.update(isolated_env)
    env["EVIDENCEKIT_VAULT"] = str(vault_path)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return Cli(env, tmp_path)


@pytest.fixture
def cli_vault(cli: Cli) -> Cli:
    """A CLI runner whose vault already exists (made through `init`)."""
    result = cli("init", "--kdf-memory-mib", str(TEST_KDF_MIB))
    assert result.code == 0, result.err
    return cli

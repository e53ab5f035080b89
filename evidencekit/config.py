"""Settings: a typed table of keys and defaults, merged with the user's settings file.

No singleton: callers load a `Settings` once and pass it in. A missing or corrupt settings file
falls back to the defaults (with a log line), never to a crash.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "EvidenceKit"


def data_dir() -> Path:
    """Where EvidenceKit keeps its vault by default (created 0700 on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_vault_path() -> Path:
    return data_dir() / "default.ekv"


@dataclass(frozen=True)
class Settings:
    """Everything a user or a test may tune. Each field's comment says what it is for."""

    # Argon2id memory (MiB) for new vaults and passphrase changes. Lower only in tests.
    kdf_memory_mib: int = 64
    # Argon2id passes.
    kdf_iterations: int = 3
    # Argon2id lanes (parallelism).
    kdf_lanes: int = 4
    # Artifacts are stored in chunks of this many bytes, so memory stays bounded.
    chunk_size: int = 1024 * 1024
    # Who is acting, written into the custody log ("owner" when nobody says).
    operator: str = "owner"
    # The operator's role: "victim", "support worker", "lawyer", or empty.
    operator_role: str = ""
    # Timestamp authorities to ask, in order (empty: the built-in public list).
    tsa_urls: tuple[str, ...] = field(default_factory=tuple)
    # Path of a Chromium/Chrome/Edge binary (empty: auto-detect).
    browser_path: str = ""
    # Hard cap for one web capture, in seconds.
    capture_timeout_s: int = 90
    # How many pages a batch capture loads at once.
    capture_concurrency: int = 3
    # Interface language ("" follows the system; "sq" Albanian; "en" English).
    language: str = ""


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(f"{name} must be a list of strings")
        return tuple(value)
    if isinstance(default, bool) or not isinstance(value, type(default)):
        raise TypeError(f"{name} must be a {type(default).__name__}")
    return value


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, merged with the settings file at `path` (if readable), then `overrides`."""
    path = path or config_dir() / "settings.json"
    values: dict[str, Any] = {}
    defaults = Settings()
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise TypeError("the file does not hold an object")
            for f in dataclasses.fields(Settings):
                if f.name in raw:
                    values[f.name] = _coerce(f.name, raw[f.name], getattr(defaults, f.name))
        except (OSError, ValueError, TypeError) as exc:
            log.warning("Settings file %s ignored (%s); using defaults", path, exc)
            values = {}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return dataclasses.replace(defaults, **values)


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)

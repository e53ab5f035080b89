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

from evidencekit.atomic import atomic_output

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
    # The desktop app locks its vault after this many minutes without use (0: never).
    auto_lock_minutes: int = 5
    # The desktop app's window title says nothing about evidence ("Notes") when true.
    neutral_title: bool = False
    # Text the desktop app copied (a hash, a fingerprint) is cleared after this many seconds.
    clipboard_clear_s: int = 30


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(f"{name} must be a list of strings")
        return tuple(value)
    # bool is an int in Python: a bool setting takes only true/false, an int setting no bool.
    wrong_kind = isinstance(default, bool) != isinstance(value, bool)
    if wrong_kind or not isinstance(value, type(default)):
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


def save_settings(path: Path | None = None, **changes: Any) -> Settings:
    """Write `changes` (field=value) into the settings file, keeping its other keys.

    Only the keys given are written, so defaults that later improve (the KDF cost) are not
    pinned by a save. Written atomically, owner-only. Returns the settings now in force.
    """
    path = path or config_dir() / "settings.json"
    names = {f.name for f in dataclasses.fields(Settings)}
    unknown = set(changes) - names
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            raw = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            raw = {}  # a corrupt file is replaced; load_settings ignored it anyway
    for key, value in changes.items():
        raw[key] = list(value) if isinstance(value, tuple) else value
    ensure_private_dir(path.parent)
    text = json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    with atomic_output(path) as handle:
        handle.write(text.encode("utf-8"))
    return load_settings(path)


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)

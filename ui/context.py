"""What every screen shares: settings, the job thread, the clipboard guard, where the TSAs are.

Passed in explicitly (no singletons), so tests build one with their own settings file, a
loopback TSA and a short auto-lock time.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidencekit.config import Settings, default_vault_path, save_settings
from ui.safety import ClipboardGuard
from ui.workers import LoopThread

TSA_ENV = "EVIDENCEKIT_TSA_URLS"


@dataclass
class AppContext:
    settings: Settings
    runner: LoopThread
    clipboard: ClipboardGuard
    # The settings file (None: the user's usual one). Tests point it into tmp_path.
    settings_path: Path | None = None
    # Time-stamp servers to use instead of the settings (tests: a loopback TSA).
    tsa_override: tuple[str, ...] | None = None
    # Where a new vault goes unless the user picks another place.
    default_vault: Path = field(default_factory=default_vault_path)
    # Auto-lock after this many ms of no input; None: from settings (minutes). Test seam.
    auto_lock_ms: int | None = None
    # Certificates the reader of a bundle vouches for (added in the verify view; memory only).
    trusted_certs: list[Any] = field(default_factory=list)

    def tsa_urls(self) -> tuple[str, ...]:
        """The override, else $EVIDENCEKIT_TSA_URLS (as the CLI), else settings, else public."""
        from evidencekit.jobs.seal import resolve_tsa_urls

        if self.tsa_override is not None:
            return self.tsa_override
        if os.environ.get(TSA_ENV):
            return resolve_tsa_urls([u.strip() for u in os.environ[TSA_ENV].split(",")])
        return resolve_tsa_urls(self.settings.tsa_urls)

    def lock_after_ms(self) -> int:
        if self.auto_lock_ms is not None:
            return self.auto_lock_ms
        return max(0, self.settings.auto_lock_minutes) * 60_000

    def save(self, **changes: Any) -> None:
        """Remember settings the user changed (only those keys are written)."""
        self.settings = dataclasses.replace(self.settings, **changes)
        save_settings(self.settings_path, **changes)
        if "auto_lock_minutes" in changes:
            self.auto_lock_ms = None  # her own choice replaces any preset

"""What every command shares: where the vault is, the passphrase, settings, and output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit.config import Settings, default_vault_path, load_settings
from evidencekit.errors import EvidenceKitError, NoPassphrase, UsageError

if TYPE_CHECKING:  # imported when a vault is opened: a capture starts its browser first
    from evidencekit.vault.store import Vault

PASSPHRASE_ENV = "EVIDENCEKIT_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "EVIDENCEKIT_NEW_PASSPHRASE"  # noqa: S105
VAULT_ENV = "EVIDENCEKIT_VAULT"
TSA_ENV = "EVIDENCEKIT_TSA_URLS"


def vault_path(args: argparse.Namespace) -> Path:
    """--vault, else $EVIDENCEKIT_VAULT, else the default vault in the user's data folder."""
    if args.vault:
        return Path(args.vault).expanduser()
    if os.environ.get(VAULT_ENV):
        return Path(os.environ[VAULT_ENV]).expanduser()
    return default_vault_path()


def settings_for(args: argparse.Namespace) -> Settings:
    return load_settings(operator=args.operator or None, operator_role=args.role or None)


def tsa_urls(args: argparse.Namespace) -> tuple[str, ...]:
    """--tsa (repeatable), else $EVIDENCEKIT_TSA_URLS (comma-separated), else the settings,
    else the built-in public TSAs."""
    from evidencekit.seal.tsa_list import resolve_tsa_urls

    if args.tsa:
        return tuple(args.tsa)
    if os.environ.get(TSA_ENV):
        return resolve_tsa_urls([u.strip() for u in os.environ[TSA_ENV].split(",")])
    return resolve_tsa_urls(settings_for(args).tsa_urls)


def _read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"The passphrase file “{path}” cannot be read.") from exc
    # One trailing line end is how editors save a file (CRLF on Windows); the passphrase
    # itself may hold spaces, so nothing else is stripped.
    return text.removesuffix("\n").removesuffix("\r")


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def passphrase(args: argparse.Namespace, *, confirm: bool = False, prompt: str = "") -> str:
    """$EVIDENCEKIT_PASSPHRASE, else --passphrase-file, else typed on the terminal, unechoed."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if args.passphrase_file:
        return _read_passphrase_file(args.passphrase_file)
    if not _interactive():
        raise NoPassphrase()
    return _ask(prompt or "Vault passphrase: ", confirm=confirm)


def new_passphrase(args: argparse.Namespace) -> str:
    """For `passwd`: $EVIDENCEKIT_NEW_PASSPHRASE, else --new-passphrase-file, else typed twice."""
    if os.environ.get(NEW_PASSPHRASE_ENV):
        return os.environ[NEW_PASSPHRASE_ENV]
    if getattr(args, "new_passphrase_file", None):
        return _read_passphrase_file(args.new_passphrase_file)
    if not _interactive():
        raise NoPassphrase(
            "No new passphrase was given. Set EVIDENCEKIT_NEW_PASSPHRASE, use "
            "--new-passphrase-file, or run the command in a terminal to type it."
        )
    return _ask("New passphrase: ", confirm=True)


def _ask(prompt: str, *, confirm: bool) -> str:
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise UsageError("The two passphrases are not the same. Nothing was changed.")
    return first


_opened: list[Vault] = []  # every vault a command opened: closed (folded) when it ends


def open_vault(args: argparse.Namespace, *, write: bool, secret: str | None = None) -> Vault:
    """Open the vault with `secret`, else the passphrase as `passphrase` finds it."""
    settings = settings_for(args)
    secret = passphrase(args) if secret is None else secret
    # A folder (or a vault file moved onto the shelf beside it) is a shelf: the passphrase is
    # tried against every file on it (vault/shelf.py); a vault file opens as before.
    from evidencekit.vault.shelf import open_place

    vault = open_place(vault_path(args), secret, settings, write=write)
    _opened.append(vault)
    return vault


def track(vault: Vault) -> Vault:
    """Have `close_all` close (and fold) a vault a command opened itself."""
    _opened.append(vault)
    return vault


def close_all() -> list[EvidenceKitError]:
    """Close every vault the command opened (a no-op for those it closed), folding each back
    into its one file; the notices of those that could not be folded."""
    notices: list[EvidenceKitError] = []
    while _opened:
        vault = _opened.pop()
        vault.close()
        if vault.left_split is not None:
            notices.append(vault.left_split)
            vault.left_split = None
    return notices


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(text: str = "") -> None:
    print(text)


def short(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"

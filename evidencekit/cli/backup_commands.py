"""Copies and leaving (issue 14 part 4): `backup`, `restore`, `handover` (one case into a new
vault for the victim, then out of this one) and `forget-this-computer`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evidencekit.cli.common import (
    new_passphrase,
    open_vault,
    passphrase,
    print_json,
    say,
    settings_for,
    vault_path,
)
from evidencekit.errors import NoPassphrase


def register(commands: Any) -> None:
    p = commands.add_parser(
        "backup",
        help="write an encrypted, checked copy of the vault",
        description="Write an encrypted copy of the whole vault to FILE, check it, and log it. "
        "The copy opens with the vault's passphrase, or with its own (--own-passphrase).",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the copy to write")
    p.add_argument(
        "--own-passphrase",
        action="store_true",
        help="give the copy its own passphrase ($EVIDENCEKIT_NEW_PASSPHRASE, "
        "--new-passphrase-file, else typed twice)",
    )
    p.add_argument("--new-passphrase-file", metavar="FILE", help="the copy's own passphrase")
    p.add_argument("--replace", action="store_true", help="replace an older copy at FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser(
        "restore",
        help="make the vault a checked copy of a backup",
        description="Check the backup FILE and copy it to the vault's place (--vault or the "
        "default). The passphrase asked is the backup's; the restored vault keeps it. A vault "
        "already there is replaced only with --replace (or when you confirm in a terminal).",
    )
    p.add_argument("backup", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="replace the vault at that place")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore)

    p = commands.add_parser(
        "handover",
        help="move one case into a new vault for the victim (clinic hand-over)",
        description="Copy the case into a new vault at NEWVAULT with its own passphrase "
        "($EVIDENCEKIT_NEW_PASSPHRASE, --new-passphrase-file, else typed twice), check it item "
        "by item, and only then remove the case from this vault (securely deleted).",
    )
    p.add_argument("--case", required=True, metavar="C")
    p.add_argument("-o", "--output", required=True, metavar="NEWVAULT")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="her vault's passphrase")
    p.add_argument("--note", metavar="T", help="a note for both custody logs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_handover)

    p = commands.add_parser(
        "forget-this-computer",
        help="remove every vault and setting the app keeps in its own folders here",
        description="Remove the app's folders on this computer (its default vaults, the shelf, "
        "settings, cache) and the disguised launcher. Vaults elsewhere (a USB stick, a "
        "--vault you chose) are NOT touched. Asks you to type FORGET (or give --confirm FORGET).",
    )
    p.add_argument("--confirm", metavar="WORD", help="the word FORGET, to confirm")
    p.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forget)


def cmd_backup(args: argparse.Namespace) -> int:
    from evidencekit.vault.backup import backup_vault

    own = args.own_passphrase or bool(args.new_passphrase_file)
    vault = open_vault(args, write=True)
    secret = new_passphrase(args) if own else passphrase(args)
    result = backup_vault(vault, Path(args.output), secret, replace=args.replace)
    vault.close()
    if args.json:
        print_json(
            {"file": str(result.path), "items": result.items, "size": result.size,
             "own_passphrase": own}
        )  # fmt: skip
    else:
        say(
            f"Backup written to {result.path}: {_count(result.items)}, checked against the vault. "
            + ("It opens with its own passphrase." if own else "It opens with this passphrase.")
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from evidencekit.vault.backup import restore_vault
    from evidencekit.vault.copying import ReplaceNotConfirmed

    target = vault_path(args)
    secret = passphrase(args, prompt="Passphrase of the backup: ")
    settings = settings_for(args)
    try:
        result = restore_vault(Path(args.backup), secret, target, settings, replace=args.replace)
    except ReplaceNotConfirmed:
        sure = _confirm(
            f"A vault already exists at {target}. Restoring replaces it and everything in it "
            "that is not in the backup. Type REPLACE to go on: ",
            "REPLACE",
        )
        if not sure:
            raise
        result = restore_vault(Path(args.backup), secret, target, settings, replace=True)
    if args.json:
        print_json({"vault": str(result.path), "items": result.items, "size": result.size})
    else:
        say(f"Restored {_count(result.items)} into {result.path}, checked against the backup.")
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from evidencekit.vault.transfer import hand_over_case

    vault = open_vault(args, write=True)
    try:
        hers = new_passphrase(args)
    except NoPassphrase as exc:
        raise NoPassphrase(
            "No passphrase for her vault was given. Set EVIDENCEKIT_NEW_PASSPHRASE, use "
            "--new-passphrase-file, or run the command in a terminal to type it."
        ) from exc
    result = hand_over_case(
        vault, args.case, Path(args.output), hers, operator_note=args.note or ""
    )
    vault.close()
    if args.json:
        print_json(
            {
                "vault": str(result.path),
                "vault_id": result.vault_id,
                "case": result.case,
                "items": list(result.items),
                "identity": result.identity,
                "compacted": result.compacted,
            }
        )
        return 0
    say(
        f"The case “{result.case}” ({_count(len(result.items))}) is now in {result.path}, checked "
        "item by item, and was removed from this vault."
    )
    say(f"Her vault signs with its own key, fingerprint SHA-256 {result.identity}.")
    if not result.compacted:
        say("The vault file could not be rebuilt (too little free space); the removed evidence")
        say("was overwritten inside it all the same.")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from evidencekit import forget

    planned = forget.plan()
    if args.json and args.dry_run:
        print_json(
            {"folders": [str(f) for f in planned.folders], "files": planned.files,
             "bytes": planned.size, "launcher": planned.launcher}
        )  # fmt: skip
        return 0
    if not args.json:
        _describe(planned)
    if args.dry_run or planned.empty:
        return 0
    confirmed = args.confirm == forget.CONFIRM_WORD
    if args.confirm is None:
        confirmed = _confirm(
            f"Type {forget.CONFIRM_WORD} to remove all of this: ", forget.CONFIRM_WORD
        )
    report = forget.forget_this_computer(confirmed=confirmed)
    if args.json:
        print_json({"removed": [str(p) for p in report.removed]})
    else:
        say(f"Done: {len(report.removed)} files removed. EvidenceKit has forgotten this computer.")
    return 0


def _describe(planned: Any) -> None:
    if planned.empty:
        say("EvidenceKit keeps nothing in its own folders on this computer: nothing to remove.")
        return
    say("This removes, for good:")
    for folder in planned.folders:
        say(f"  {folder}")
    say(f"  ({planned.files} files, {planned.size:,} bytes: every vault kept there included)")
    if planned.launcher:
        say("  the 'Notes' launcher")
    say("Vaults anywhere else (a USB stick, a --vault you chose), exported bundles and backups")
    say("are NOT touched. Copy what you want to keep first.")


def _confirm(prompt: str, word: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return sys.stdin.readline().strip() == word


def _count(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"

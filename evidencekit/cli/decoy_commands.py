"""`decoy`: a second passphrase that opens a decoy vault (issue 14 part 1, vault/decoy.py).

Afterwards the vault is on a shelf, a folder of look-alike files (vault/shelf.py); every
command finds it as before (the old path, or `--vault` naming the folder) and tries the
passphrase it is given against each file there: her passphrase opens her vault, the second
one the decoy, with the same wait and the same screens.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from evidencekit.cli.common import new_passphrase, open_vault, say


def register(commands: Any) -> None:
    p = commands.add_parser(
        "decoy",
        help="set a second passphrase that opens a separate, harmless vault "
        "(your vault moves into a folder of look-alike files)",
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="the second passphrase (else $EVIDENCEKIT_NEW_PASSPHRASE, else asked twice)",
    )
    p.add_argument(
        "--shelf",
        metavar="DIR",
        help="the folder for the look-alike files (default: 'shelf' beside the vault file)",
    )
    p.set_defaults(handler=cmd_decoy)


def cmd_decoy(args: argparse.Namespace) -> int:
    from evidencekit.vault import shelf  # imported when used: every command starts sooner
    from evidencekit.vault.decoy import set_up_decoy

    vault = open_vault(args, write=True)
    second = new_passphrase(args)
    folder = Path(args.shelf).expanduser() if args.shelf else None
    place = set_up_decoy(vault, second, vault.settings, folder=folder)
    count = len(shelf.members(place))
    say(f"Your vault is now kept in the folder {place}, among {count} files that look alike.")
    say("The second passphrase opens a separate vault, empty for now. Put a few harmless")
    say("notes or pictures of your choice in it, for example (typing the second passphrase):")
    say(f"  evidencekit --vault {place} import FILE")
    say("Each passphrase opens its own vault, with the same command and the same wait.")
    say("Neither ever deletes anything.")
    return 0

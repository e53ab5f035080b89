"""`hashes`: a case's picture hashes as CSV, and the hashing of older items (issue 14).

Also the lines `show`, `import` and `capture` print when a picture of an item already appears
in another item: words and an item id, never the picture.

    evidencekit hashes --case C [-o FILE]   the case's hash list (stdout without -o)
    evidencekit hashes --index              hash the pictures of items stored before
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit.cli.common import open_vault, print_json, say
from evidencekit.errors import UsageError

if TYPE_CHECKING:
    from evidencekit.vault.store import Vault

# The jobs below load NumPy and Pillow: imported where used, so other commands start quickly.


def register(commands: Any) -> None:
    p = commands.add_parser(
        "hashes",
        help="the case's picture hashes (SHA-256, MD5, PDQ) as CSV, for platform reports",
        description="Write the SHA-256, MD5 and PDQ hash of every picture of a case as CSV "
        "(for platform reports and hash-sharing programmes: hashes, never pictures), or "
        "hash the pictures of items stored before this version (--index).",
    )
    p.add_argument("--case", metavar="C", help="the case whose pictures to list")
    p.add_argument("-o", "--output", metavar="FILE", help="write the CSV to FILE (default: print)")
    p.add_argument(
        "--index",
        action="store_true",
        help="hash the pictures of every item not hashed yet, so reposts among them are found",
    )
    p.add_argument("--json", action="store_true", help="with --index: print a JSON summary")
    p.set_defaults(handler=cmd_hashes)


def cmd_hashes(args: argparse.Namespace) -> int:
    from evidencekit.jobs.hash_list import case_hash_list, write_hash_list
    from evidencekit.jobs.reposts import hash_older_items

    if not args.case and not args.index:
        raise UsageError("Say which case: 'evidencekit hashes --case NAME' (or --index).")
    # Read-only media (a lawyer's copy): the list is still made, and she is told it is not
    # logged; `artifact` opens the same way. Imported here: vault_commands imports this module.
    from evidencekit.cli.vault_commands import _open_for_copy

    with open_vault(args, write=True) if args.index else _open_for_copy(args) as vault:
        if args.index:
            count = hash_older_items(vault, on_item=_Progress(len(vault.items_to_hash())))
            if args.json:
                print_json({"items_hashed": count})
            elif not args.case:
                say(f"Hashed the pictures of {count} older item(s).")
        if not args.case:
            return 0
        hash_list = case_hash_list(vault, args.case)
        out = Path(args.output) if args.output and args.output != "-" else None
        if out is None:
            sys.stdout.buffer.write(hash_list.csv)
            sys.stdout.buffer.flush()
        write_hash_list(vault, hash_list, out)
    if out is not None:
        say(
            f"Wrote {out}: {hash_list.pictures} picture(s) of {hash_list.items} item(s) "
            f"(sha256 of the list {hash_list.sha256})"
        )
    return 0


class _Progress:
    """'Hashed 100 of 2,345 items…' on stderr now and then: a big old vault takes minutes."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def __call__(self, _item_id: str) -> None:
        self.done += 1
        if self.done % 100 == 0 and self.done < self.total:
            sys.stderr.write(f"Hashed the pictures of {self.done:,} of {self.total:,} items…\n")


def repost_lines(vault: Vault, item_id: str) -> list[str]:
    """One line per picture of this item that another item holds too (English)."""
    from evidencekit.jobs.reposts import describe, reposts_of

    return [describe(r, vault.item(r.other_item)).en for r in reposts_of(vault, item_id)]


def repost_json(vault: Vault, item_id: str) -> list[dict[str, object]]:
    from evidencekit.jobs.reposts import reposts_of

    return [r.to_json() for r in reposts_of(vault, item_id)]


def item_json(vault: Vault, item_id: str) -> dict[str, object]:
    """The item object of `import --json` / `capture --json`, with its `reposts`."""
    return {**vault.item(item_id).to_json(), "reposts": repost_json(vault, item_id)}


def say_reposts(vault: Vault, item_id: str, indent: str) -> None:
    for line in repost_lines(vault, item_id):
        say(indent + line)


def say_unhashed(vault: Vault) -> None:
    if waiting := unhashed_notice(vault):
        say(waiting)


def unhashed_notice(vault: Vault) -> str | None:
    """Said after a capture or import while older items' pictures are not hashed yet."""
    waiting = len(vault.items_to_hash())
    if not waiting:
        return None
    return (
        f"{waiting} older item(s) have pictures not hashed yet, so reposts among them are not "
        "found. Run 'evidencekit hashes --index' once."
    )

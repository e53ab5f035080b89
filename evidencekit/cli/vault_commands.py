"""Commands over the vault itself: init, import, list, show, search, cases, artifact, log,
verify-vault, passwd, delete, note, tag."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit.cli import hash_commands
from evidencekit.cli.common import (
    new_passphrase,
    open_vault,
    passphrase,
    print_json,
    say,
    settings_for,
    short,
    track,
    tsa_urls,
    vault_path,
)
from evidencekit.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
    NoPermission,
    ReadOnlyMedia,
    UsageError,
)
from evidencekit.vault.subjects import item_subject

if TYPE_CHECKING:  # the vault and seal code is imported by the commands that use it (issue 15)
    from evidencekit.vault.records import ItemRecord
    from evidencekit.vault.store import Vault


def register(commands: Any) -> None:
    p = commands.add_parser("init", help="create a vault")
    p.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="N",
        help="Argon2id memory in MiB (default 64; lower only for tests)",
    )
    p.add_argument(
        "--identity-label",
        metavar="TEXT",
        help='name in the signing certificate (default "EvidenceKit vault"; not your name)',
    )
    p.set_defaults(handler=cmd_init)

    p = commands.add_parser("import", help="add local files as evidence")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--case", metavar="C")
    p.add_argument("--note", metavar="T")
    p.add_argument(
        "--minor-safe",
        action="store_true",
        help="someone in these pictures may be under 18: keep a picture or video as its "
        "hashes only (SHA-256, MD5, PDQ), never the file; files that may hold pictures are "
        "refused",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("list", help="list the items")
    p.add_argument("--case", metavar="C")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("show", help="show one item")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("search", help="find items by words in titles, links, notes, text")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = commands.add_parser("cases", help="list the cases")
    p.add_argument("--json", action="store_true")
    turn = p.add_mutually_exclusive_group()
    turn.add_argument(
        "--minor-safe",
        metavar="C",
        help="someone in case C's pictures may be under 18: every capture and import into it "
        "keeps pictures as hashes only (the case is made if it does not exist)",
    )
    turn.add_argument("--no-minor-safe", metavar="C", help="turn that setting off for case C")
    p.set_defaults(handler=cmd_cases)

    p = commands.add_parser("artifact", help="write one artifact, decrypted, to a file")
    p.add_argument("id", metavar="ID")
    p.add_argument("name", metavar="NAME")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write, or -")
    p.set_defaults(handler=cmd_artifact)

    p = commands.add_parser("log", help="the custody log")
    p.add_argument("--item", metavar="ID", help="only entries about this item")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)

    p = commands.add_parser("verify-vault", help="re-hash every file and check the custody chain")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify_vault)

    p = commands.add_parser("passwd", help="change the passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(handler=cmd_passwd)

    p = commands.add_parser("delete", help="remove an item for good (the custody log keeps a note)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", default="", metavar="TEXT")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_delete)

    p = commands.add_parser("note", help="add a note to an item")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(handler=cmd_note)

    p = commands.add_parser("tag", help="set an item's tags")
    p.add_argument("id", metavar="ID")
    p.add_argument("tags", nargs="*", metavar="TAG")
    p.set_defaults(handler=cmd_tag)


# --- creating and changing the vault ------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from evidencekit.seal.identity import DEFAULT_LABEL
    from evidencekit.vault import shelf
    from evidencekit.vault.store import Vault

    settings = settings_for(args)
    if args.kdf_memory_mib is not None:
        if args.kdf_memory_mib < 1:
            raise UsageError("--kdf-memory-mib must be at least 1.")
        from dataclasses import replace

        settings = replace(settings, kdf_memory_mib=args.kdf_memory_mib)
    path = vault_path(args)
    secret = passphrase(args, confirm=True, prompt="Choose a passphrase for the new vault: ")
    label = args.identity_label or DEFAULT_LABEL
    if shelf.is_shelf(path):  # a folder of look-alike files: one more vault on it
        if any(path.iterdir()) and not shelf.members(path):
            raise UsageError(
                f"The folder “{path}” holds other files. Give a vault file's name, an empty "
                "folder, or a folder of vaults made by EvidenceKit. Nothing was changed."
            )
        with shelf.add_vault(path, secret, settings, identity_label=label) as vault:
            fingerprint = vault.identity().fingerprint_sha256
        say(f"Created a new vault in the folder {path}")
    else:
        with Vault.create(path, secret, settings, identity_label=label) as vault:
            fingerprint = vault.identity().fingerprint_sha256
        say(f"Created the vault {path}")
    say(f"Its signing certificate's fingerprint: {fingerprint}")
    say("Keep the passphrase safe: without it nobody, not even you, can open the vault.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from evidencekit.vault import shelf
    from evidencekit.vault.rekey import change_passphrase

    vault = open_vault(args, write=True)
    new = new_passphrase(args)
    place = vault.shelf
    if place is not None:  # on a shelf, two vaults never share a passphrase
        shelf.refuse_taken(place, new, vault.settings)
    with track(change_passphrase(vault, new)) as reopened:
        reopened.shelf = place
    say("The passphrase was changed. Older copies of the vault still open with the old one.")
    return 0


# --- adding -------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    # Imported here: the import job pulls in picture decoding (Pillow, NumPy for PDQ), a
    # quarter of a second every other command (a capture above all) must not wait for.
    from evidencekit.jobs.imports import check_batch, import_files

    paths = [Path(f) for f in args.files]
    # Every input is checked before the vault is opened, so a typo is named before the
    # passphrase is asked; the job checks again (the same policy) before storing any.
    check_batch(paths, minor_safe=args.minor_safe)
    results: list[dict[str, Any]] = []
    urls = tsa_urls(args)

    def stored(path: Path, item: ItemRecord) -> None:
        if not args.json:
            safe = item.metadata.get("minor_safe") or {}
            if safe.get("pictures"):  # minor-safe (issue 14): the picture's hashes stand for it
                picture = safe["pictures"][0]
                say(
                    f"Imported {path.name} as {item.id}  (kept as its hashes only, never the "
                    f"picture: {picture['media_type']}, sha256 {picture['sha256']})"
                )
                return
            original = next(a for a in item.artifacts if a.name.startswith("original/"))
            say(
                f"Imported {path.name} as {item.id}  "
                f"({original.media_type}, sha256 {original.sha256})"
            )

    with open_vault(args, write=True) as vault:
        imported = asyncio.run(
            import_files(
                vault,
                paths,
                tsa_urls=urls,
                on_bad_file="refuse_all",
                case=args.case,
                note=args.note,
                on_stored=stored,
                minor_safe=args.minor_safe,
            )
        )
        for done in imported:
            assert done.item is not None  # refuse_all: a bad file raises, it is never skipped
            item_id = done.item.id
            shown = os.fsencode(str(done.path)).decode("utf-8", errors="replace")
            results.append({"input": shown, **hash_commands.item_json(vault, item_id)})
            if not args.json:
                say(f"  {item_id}: {timestamp_line(done.timestamp)}")
                hash_commands.say_reposts(vault, item_id, "  ")  # issue 14
        if not args.json:
            hash_commands.say_unhashed(vault)
    if args.json:
        print_json(results)
    return 0


def timestamp_line(report: Any) -> str:
    if report.status == "granted":
        return "sealed and time-stamped by " + ", ".join(report.granted)
    return (
        "sealed; trusted timestamp pending (run 'evidencekit timestamp' when online). "
        + " ".join(report.problems)
    )


# --- reading ------------------------------------------------------------------------------


def _item_line(item: ItemRecord) -> str:
    where = item.url if item.kind == "web" else item.file_name
    status = str(item.status) if item.status is not None else "-"
    return (
        f"{item.id}  {item.captured_at[:19].replace('T', ' ')}  {item.kind:<4}  {status:>3}  "
        f"{short(item.case or '-', 14):<14}  {short(where, 60)}"
    )


def _print_items(items: list[ItemRecord], as_json: bool) -> None:
    if as_json:
        print_json([i.to_json() for i in items])
        return
    if not items:
        say("No items.")
        return
    say(f"{'ID':<12}  {'CAPTURED (UTC)':<19}  KIND  ST.  {'CASE':<14}  WHAT")
    for item in items:
        say(_item_line(item))


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        _print_items(vault.items(case=args.case), args.json)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        _print_items(vault.search(" ".join(args.text)), args.json)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        item = vault.item(args.id)
        reposts = hash_commands.repost_lines(vault, item.id)  # issue 14: words, never pictures
        reposts_json = hash_commands.repost_json(vault, item.id)
    if args.json:
        print_json({**item.to_json(full=True), "reposts": reposts_json})
        return 0
    rows = [
        ("Id", item.id),
        ("Kind", "web capture" if item.kind == "web" else "imported file"),
        ("Case", item.case or "-"),
        ("Title", item.title or "-"),
    ]
    if item.kind == "web":
        rows += [("URL", item.url or "-"), ("Final URL", item.final_url or "-")]
        rows.append(("HTTP status", str(item.status) if item.status is not None else "-"))
    else:
        rows.append(("File name", item.file_name or "-"))
    rows += [
        ("Captured at", item.captured_at + " (UTC)"),
        ("Operator", item.operator),
        ("Seal digest", item.manifest_sha256),
    ]
    if item.tags:
        rows.append(("Tags", ", ".join(item.tags)))
    for label, value in rows:
        say(f"{label + ':':<13} {value}")
    say("Files:")
    for a in item.artifacts:
        say(f"  {a.name:<28} {a.size:>12,} B  {a.media_type:<24} sha256 {a.sha256}")
    for note in item.notes:
        say(f"Note ({note.author}, {note.created_at}): {note.body}")
    for line in reposts:
        say(line)
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    name = args.minor_safe or args.no_minor_safe
    if name is not None:
        if not name.strip():
            raise UsageError("Give the case's name.")
        with open_vault(args, write=True) as vault:
            vault.set_case_minor_safe(name, args.minor_safe is not None)
            cases = vault.cases()
        if not args.json:
            say(
                f"Case “{name}”: someone in its pictures may be under 18. Every capture and "
                "import into it keeps pictures as their hashes only, never the pictures."
                if args.minor_safe is not None
                else f"Case “{name}”: pictures are kept again in new captures and imports."
            )
            return 0
    else:
        with open_vault(args, write=False) as vault:
            cases = vault.cases()
    if args.json:
        print_json([c.to_json() for c in cases])
    elif not cases:
        say("No cases yet. Add items with --case NAME to start one.")
    else:
        for case in cases:
            safe = "   minor-safe: pictures as hashes only" if case.minor_safe else ""
            line = f"{case.name:<30} {case.item_count:>5} items   since {case.created_at[:10]}"
            say(line + safe)
    return 0


def _open_for_copy(args: argparse.Namespace) -> Vault:
    """For writing (so the copy is logged), else, on read-only media or where this user may
    not write, for reading: the copy is still made, and the user is told it is not logged."""
    try:
        return open_vault(args, write=True)
    except (ReadOnlyMedia, NoPermission) as exc:
        if isinstance(exc, NoPermission) and exc.access == "read":
            raise
        vault = open_vault(args, write=False)
        sys.stderr.write(
            "note: the vault cannot be changed where it is (read-only media, or a place you "
            "may not write), so this copy is not recorded in its custody log.\n"
        )
        return vault


def cmd_artifact(args: argparse.Namespace) -> int:
    with _open_for_copy(args) as vault:
        if args.output == "-":
            item, info = vault.artifact_info(args.id, args.name)
            # Logged before the first byte leaves the vault (see Vault.extract_artifact).
            if vault.writable:
                vault.log_action(
                    "extract", item_subject(item.id), {"artifact": args.name, "sha256": info.sha256}
                )
            for chunk in vault.iter_artifact(item.id, args.name):
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        else:
            info = vault.extract_artifact(args.id, args.name, Path(args.output))
            say(
                f"Wrote {args.output} ({info.size:,} bytes, sha256 {info.sha256})",
            )
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        ids = [vault.resolve(args.item)] if args.item else None
        entries = vault.custody(ids)
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        details = ", ".join(f"{k}={v}" for k, v in e.details.items())
        say(f"{e.seq:>5}  {e.at}  {short(e.operator, 16):<16} {e.action:<18} {e.object}  {details}")
    return 0


def cmd_verify_vault(args: argparse.Namespace) -> int:
    from evidencekit.vault.verify import verify_vault

    with open_vault(args, write=False) as vault:
        report = verify_vault(vault)
    if args.json:
        print_json(report.to_json())
    else:
        for check in report.checks:
            say(f"{'OK ' if check.ok else 'BAD'}  {check.name}: {check.detail}")
        say("The vault is intact." if report.ok else "The vault has problems (see BAD above).")
    return 0 if report.ok else EXIT_FAILED


# --- changing items -----------------------------------------------------------------------


def cmd_delete(args: argparse.Namespace) -> int:
    with open_vault(args, write=True) as vault:
        item = vault.item(args.id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("Deleting cannot be undone. Add --yes to confirm.")
            what = item.url or item.file_name or item.id
            say(f"This removes item {item.id} ({what}) and all its files from the vault for good.")
            say("The custody log will keep a note that it existed and was deleted.")
            if input("Type DELETE to confirm: ").strip() != "DELETE":
                say("Nothing was deleted.")
                return EXIT_USAGE
        vault.delete_item(item.id, args.reason)
    say(f"Deleted item {item.id}.")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with open_vault(args, write=True) as vault:
        vault.add_note(args.id, args.text)
    say("Note added.")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with open_vault(args, write=True) as vault:
        vault.set_tags(args.id, args.tags)
    say("Tags saved.")
    return 0

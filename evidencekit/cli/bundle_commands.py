"""`export` (items -> one signed PDF bundle) and `verify` (check a bundle; no vault needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from evidencekit.cli.common import open_vault, print_json, say, tsa_urls
from evidencekit.errors import UsageError

if TYPE_CHECKING:
    pass

# evidencekit.bundle (reportlab, pyHanko, Pillow) and evidencekit.verify (pyHanko) are imported
# in the commands that use them, so that every other command starts fast.

_STAGES = {
    "timestamps": "asking for trusted timestamps",
    "report": "laying out the report",
    "pictures": "adding the pictures",
    "attachments": "attaching the original files",
    "signing": "signing",
    "done": "done",
}


def register(commands: Any) -> None:
    p = commands.add_parser("export", help="write items into one signed PDF bundle")
    p.add_argument("ids", nargs="*", metavar="ID", help="items to export (or use --case)")
    p.add_argument("--case", metavar="C", help="export every item of this case")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument(
        "--blur",
        action="store_true",
        help="show every picture blurred in the report (sensitive items always are)",
    )
    p.add_argument(
        "--without-originals",
        action="store_true",
        help="do not attach the original files (their SHA-256 values are still listed)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser(
        "verify",
        help="check a bundle (offline, no vault needed)",
        description="Check a bundle offline. The verdict is valid only when the signer's key is "
        "confirmed: with --trust (its certificate, or one it was issued under) or "
        "--trust-fingerprint (read to you by the person who gave you the bundle).",
        epilog="Exit status: 0 valid, 1 invalid (changed, or not a genuine bundle), 2 not a "
        "readable PDF or a usage error, 4 indeterminate (nothing found changed, but not "
        "everything confirmed, e.g. the signer's key).",
    )
    p.add_argument("bundle", metavar="BUNDLE.pdf")
    p.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT.pem",
        help="a certificate you trust: the vault's (the signer's, or one it was issued under) "
        "or a timestamp authority's root; repeatable",
    )
    p.add_argument(
        "--trust-fingerprint",
        action="append",
        default=[],
        metavar="HEX",
        help="the SHA-256 fingerprint of the signer's certificate, as the person who gave you "
        "the bundle read it to you (any case; colons or spaces allowed); repeatable",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--lang",
        choices=("en", "sq"),
        default="en",
        help="the language of the report: en (English) or sq (shqip); --json gives both",
    )
    p.set_defaults(handler=cmd_verify)


class _ProgressLine:
    """One line on the terminal, rewritten in place; silent when stderr is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.live:
            return
        count = f" {done}/{total}" if total > 1 else ""
        self.stream.write(f"\r\x1b[2K{_STAGES.get(stage, stage)}{count}")
        if stage == "done":
            self.stream.write("\r\x1b[2K")
        self.stream.flush()


def cmd_export(args: argparse.Namespace) -> int:
    from evidencekit.bundle import export_bundle

    if bool(args.case) == bool(args.ids):
        raise UsageError("Give either --case C or item ids to export (not both, not neither).")
    urls = tsa_urls(args)
    with open_vault(args, write=True) as vault:
        ids = [item.id for item in vault.items(case=args.case)] if args.case else list(args.ids)
        result = export_bundle(
            vault,
            ids,
            Path(args.output),
            blur=args.blur,
            include_originals=not args.without_originals,
            tsa_urls=urls,
            case=args.case,
            progress=_ProgressLine(sys.stderr),
        )
    if args.json:
        print_json(result.to_json())
        return 0
    # The same counts as `verify` gives: every attached file, bundle.json included.
    listed = result.attachments - 1
    say(f"Wrote {result.path}: {_count(result.items, 'item')}, "
        f"{_count(result.attachments, 'attached file')} (bundle.json and the "
        f"{_count(listed, 'file')} it lists), {_count(result.pages, 'page')}, "
        f"{result.size:,} bytes.")  # fmt: skip
    if result.level == "B-LTA":
        say(f"Signed (PAdES B-LTA) and time-stamped by {result.tsa_url}.")
    else:
        say("Signed (PAdES B-B) without a trusted timestamp: no timestamp server answered.")
    say(f"Bundle id {result.bundle_id}; SHA-256 {result.sha256}")
    for warning in result.warnings:
        say(f"note: {warning}")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def cmd_verify(args: argparse.Namespace) -> int:
    from evidencekit.verify import load_certificates, parse_fingerprint, verify_bundle

    try:
        fingerprints = [parse_fingerprint(f) for f in args.trust_fingerprint or []]
    except ValueError as exc:
        raise UsageError(f"--trust-fingerprint: {exc}") from exc
    report = verify_bundle(
        args.bundle,
        trusted_certs=load_certificates(args.trust or []),
        trusted_fingerprints=fingerprints,
    )
    if args.json:
        print_json(report.to_json())
    else:
        say(report.summary(args.lang))
    return report.exit_code

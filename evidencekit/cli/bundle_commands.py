"""`export` (items -> one signed PDF bundle) and `verify` (check a bundle; no vault needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from evidencekit.cli.common import open_vault, print_json, say, tsa_urls
from evidencekit.errors import UsageError

if TYPE_CHECKING:
    from cryptography import x509

# evidencekit.bundle (reportlab, pyHanko, Pillow) is imported in the commands that use it, so
# that every other command starts fast.

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

    p = commands.add_parser("verify", help="check a bundle (offline, no vault needed)")
    p.add_argument("bundle", metavar="BUNDLE.pdf")
    p.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT.pem",
        help="a certificate to trust (the vault's, or a timestamp authority's root); repeatable",
    )
    p.add_argument("--json", action="store_true")
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
    say(f"Wrote {result.path}: {result.items} item(s), {result.attachments} attached file(s), "
        f"{result.pages} page(s), {result.size:,} bytes.")  # fmt: skip
    if result.level == "B-LTA":
        say(f"Signed (PAdES B-LTA) and time-stamped by {result.tsa_url}.")
    else:
        say("Signed (PAdES B-B) without a trusted timestamp: no timestamp server answered.")
    say(f"Bundle id {result.bundle_id}; SHA-256 {result.sha256}")
    for warning in result.warnings:
        say(f"note: {warning}")
    return 0


def _load_certificates(paths: list[str]) -> list[x509.Certificate]:
    from cryptography import x509

    found: list[x509.Certificate] = []
    for given in paths:
        try:
            data = Path(given).read_bytes()
        except OSError as exc:
            raise UsageError(f"The certificate file “{given}” cannot be read.") from exc
        try:
            if b"-----BEGIN" in data:
                found += x509.load_pem_x509_certificates(data)
            else:
                found.append(x509.load_der_x509_certificate(data))
        except ValueError as exc:
            raise UsageError(f"“{given}” is not a certificate file (PEM or DER).") from exc
    return found


def cmd_verify(args: argparse.Namespace) -> int:
    from evidencekit.bundle import verify_bundle

    report = verify_bundle(args.bundle, trusted_certs=_load_certificates(args.trust))
    if args.json:
        print_json(report.to_json())
    else:
        say(report.summary())
    return report.exit_code

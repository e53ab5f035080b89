"""Commands about seals: timestamp, identity show | export-cert | import."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evidencekit.atomic import atomic_output, refuse_vault_target
from evidencekit.cli.common import open_vault, print_json, say, tsa_urls
from evidencekit.errors import EXIT_FAILED, InputFileError, UsageError

if TYPE_CHECKING:  # the vault and seal code is imported by the commands that use it (issue 15)
    from evidencekit.jobs.seal import TimestampReport
    from evidencekit.vault.store import Vault

P12_PASSWORD_ENV = "EVIDENCEKIT_P12_PASSWORD"  # noqa: S105 - a variable name


def register(commands: Any) -> None:
    p = commands.add_parser("timestamp", help="request trusted timestamps still missing")
    p.add_argument(
        "--pending", action="store_true", help="only items still waiting (do not anchor the log)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_timestamp)

    p = commands.add_parser("identity", help="the vault's signing identity")
    sub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    q = sub.add_parser("show", help="subject, validity and fingerprint")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_identity_show)
    q = sub.add_parser("export-cert", help="write the certificate (PEM) to give to a lawyer")
    q.add_argument("output", metavar="OUT")
    q.set_defaults(handler=cmd_identity_export)
    q = sub.add_parser("import", help="sign from now on with a PKCS#12 (.p12/.pfx) identity")
    q.add_argument("p12", metavar="P12")
    q.add_argument("--password-file", metavar="FILE")
    q.set_defaults(handler=cmd_identity_import)


def describe_reports(reports: list[TimestampReport]) -> None:
    for report in reports:
        if report.status == "granted":
            say(f"{report.subject}: time-stamped by {', '.join(report.granted)}")
        else:
            say(f"{report.subject}: still pending. {' '.join(report.problems)}")


def cmd_timestamp(args: argparse.Namespace) -> int:
    from evidencekit.jobs.seal import anchor_custody, timestamp_pending

    urls = tsa_urls(args)

    async def run(vault: Vault) -> list[TimestampReport]:
        reports = await timestamp_pending(vault, urls)
        if not args.pending:
            anchor = await anchor_custody(vault, urls, force=True)
            if anchor is not None:
                reports.append(anchor)
        return reports

    with open_vault(args, write=True) as vault:
        reports = asyncio.run(run(vault))
    if args.json:
        print_json([r.to_json() for r in reports])
    elif not reports:
        say("Nothing is waiting for a timestamp.")
    else:
        describe_reports(reports)
    return 0 if all(r.status == "granted" for r in reports) else EXIT_FAILED


def _identity_json(vault: Vault) -> dict[str, Any]:
    identity = vault.identity()
    return {
        "subject": identity.subject,
        "fingerprint_sha256": identity.fingerprint_sha256,
        "not_before": identity.not_before.isoformat(),
        "not_after": identity.not_after.isoformat(),
        "self_signed": identity.certificate.issuer == identity.certificate.subject,
    }


def cmd_identity_show(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        data = _identity_json(vault)
    if args.json:
        print_json(data)
    else:
        say(f"Subject:      {data['subject']}")
        say(f"Valid:        {data['not_before'][:10]} to {data['not_after'][:10]}")
        say(f"Fingerprint:  {data['fingerprint_sha256']}")
        say("Give this fingerprint to your lawyer in person or by phone, so they can be sure")
        say("that bundles signed with it come from this vault.")
    return 0


def cmd_identity_export(args: argparse.Namespace) -> int:
    from evidencekit.seal.identity import export_certificate_pem

    with open_vault(args, write=True) as vault:
        identity = vault.identity()
        refuse_vault_target(Path(args.output), vault.path)
        with atomic_output(Path(args.output), mode=0o644) as handle:
            handle.write(export_certificate_pem(identity, include_chain=True))
        vault.log_action(
            "identity-export", "identity", {"fingerprint": identity.fingerprint_sha256}
        )
    say(f"Wrote the certificate to {args.output} (fingerprint {identity.fingerprint_sha256}).")
    return 0


def _p12_password(args: argparse.Namespace) -> bytes | None:
    if os.environ.get(P12_PASSWORD_ENV):
        return os.environ[P12_PASSWORD_ENV].encode("utf-8")
    if args.password_file:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"The password file “{args.password_file}” cannot be read.") from exc
        return text.removesuffix("\n").removesuffix("\r").encode("utf-8")
    if sys.stdin is not None and sys.stdin.isatty():
        typed = getpass.getpass("Password of the certificate file (empty if none): ")
        return typed.encode("utf-8") if typed else None
    return None


def cmd_identity_import(args: argparse.Namespace) -> int:
    from evidencekit.seal.identity import load_pkcs12

    try:
        data = Path(args.p12).read_bytes()
    except OSError as exc:
        raise InputFileError(f"The file “{args.p12}” cannot be read.") from exc
    password = _p12_password(args)
    with open_vault(args, write=True) as vault:
        identity = load_pkcs12(data, password)  # raises before anything changes
        vault.replace_identity(identity)
    say(f"New items will be signed by {identity.subject}")
    say(f"Fingerprint: {identity.fingerprint_sha256}")
    return 0

"""`recapture ID...`: capture an item's address again, linked to its first capture, and say
whether the post is still online or was removed between two captures."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from typing import Any

from evidencekit.cli import session_commands
from evidencekit.cli.common import open_vault, print_json, say, settings_for, tsa_urls
from evidencekit.errors import EXIT_FAILED, EXIT_USAGE


def register(commands: Any) -> None:
    p = commands.add_parser(
        "recapture",
        help="capture items' addresses again, linked to their first capture (still online, "
        "or removed between two captures)",
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="item ids (or unambiguous prefixes)")
    p.add_argument("--note", metavar="T")
    p.add_argument("--timeout", type=float, metavar="S", help="hard limit per page (default 90)")
    p.add_argument(
        "--logged-out", action="store_true", help="never use a saved login, even if the first was"
    )
    p.add_argument(
        "--consent", metavar="T", help="a note of her consent, recorded with each capture"
    )
    p.add_argument(
        session_commands.VIEWER_FLAG,
        dest="viewer_ok",
        action="store_true",
        help="capture stories, live videos and viewer-listed profiles logged in, although "
        "their owner may see that you looked (else they are captured logged out)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_recapture)


def cmd_recapture(args: argparse.Namespace) -> int:
    # Imported here: the browser machinery is heavy, and other commands never need it.
    from evidencekit.capture import CaptureSettings
    from evidencekit.jobs.capture import viewer_warnings
    from evidencekit.jobs.recapture import plan, recapture_into_vault, result_json

    settings = settings_for(args)
    capture_settings = CaptureSettings(
        timeout_s=args.timeout or settings.capture_timeout_s,
        browser_path=settings.browser_path or None,
        operator_name=settings.operator,
        operator_role=settings.operator_role,
    )
    with open_vault(args, write=True) as vault:
        plans = plan(vault, args.ids, capture_settings, consent=args.consent or "")
        if args.logged_out:
            plans = [dataclasses.replace(p, session=None) for p in plans]
        sessions = {p.url: p.session for p in plans if p.session is not None}
        warned = [] if args.viewer_ok else list(viewer_warnings(sessions))
        for url in warned:
            sys.stderr.write(
                f"{url}: its owner may see who looked at it logged in; captured logged out "
                f"(use {session_commands.VIEWER_FLAG} to capture it logged in).\n"
            )
        for p in plans:
            if p.logged_out_why and not args.logged_out:
                sys.stderr.write(f"{p.url}: captured logged out: {p.logged_out_why}.\n")
        done = asyncio.run(
            recapture_into_vault(
                vault,
                plans,
                tsa_urls=tsa_urls(args),
                note=args.note,
                consent=args.consent,
                concurrency=settings.capture_concurrency,
                logged_out=warned,
            )
        )
    rows = [result_json(p, s) for p, s in done]
    if args.json:
        print_json(rows)
    else:
        for row, (p, stored) in zip(rows, done, strict=True):
            if stored.item is None:
                say(f"FAILED  {p.url} (again for {p.root_id})")
                continue
            say(f"Captured {p.url} again as {stored.item.id} (first: {p.root_id})")
            if row.get("history_text"):
                say(f"        {row['history_text']}")
    failures = [s.error for _, s in done if s.error is not None]
    for p, stored in done:
        if stored.error is not None:
            sys.stderr.write(f"Could not capture {p.url} again: {stored.error}\n")
    if not failures:
        return 0
    if all(f.exit_code == EXIT_USAGE for f in failures):
        return EXIT_USAGE
    return EXIT_FAILED

"""`capture URL... [--from-file LIST]`: pages into the vault, sealed and time-stamped."""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from evidencekit.cli import hash_commands, session_commands
from evidencekit.cli.common import (
    open_vault,
    passphrase,
    print_json,
    say,
    settings_for,
    tsa_urls,
)
from evidencekit.errors import EXIT_FAILED, EXIT_USAGE, EvidenceKitError, UsageError

if TYPE_CHECKING:
    from evidencekit.capture import CaptureSettings
    from evidencekit.capture.timings import RunTimings
    from evidencekit.jobs.capture import StoredCapture
    from evidencekit.vault.store import Vault


def register(commands: Any) -> None:
    p = commands.add_parser("capture", help="capture web pages as evidence")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--from-file", metavar="LIST", help="a text file with one address per line")
    p.add_argument("--case", metavar="C")
    p.add_argument("--note", metavar="T")
    p.add_argument("--operator", dest="capture_operator", metavar="NAME", help="who captures")
    p.add_argument("--timeout", type=float, metavar="S", help="hard limit per page (default 90)")
    p.add_argument("--concurrency", type=int, metavar="N", help="pages at once (default 3)")
    p.add_argument(
        "--keep-share-parameters",
        action="store_true",
        help="keep share-tracking codes (igsh=, si=, _t=, utm_…) in the links; by default they "
        "are removed, since they can identify who shared the link",
    )
    p.add_argument(
        "--account",
        metavar="URL",
        help="capture an account: its profile page, then its latest posts (each its own item, "
        "linked to the account's)",
    )
    p.add_argument(
        "--posts", type=int, metavar="N", help="with --account: how many posts (default 12)"
    )
    p.add_argument(
        "--minor-safe",
        action="store_true",
        help="someone in these pictures may be under 18: keep no picture or video, only each "
        "one's SHA-256, MD5 and PDQ hashes, size and place (pictures are covered with plain "
        "boxes before the screenshots; no MHTML is kept)",
    )
    p.add_argument("--json", action="store_true")
    session_commands.add_capture_options(p)
    p.set_defaults(handler=cmd_capture)


def _read_list(path: str) -> list[str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"The list “{path}” cannot be read.") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


class _Progress:
    """One line per address, rewritten in place on a terminal; silent when piped."""

    def __init__(self, urls: list[str], stream: TextIO) -> None:
        self.urls = urls
        self.steps = dict.fromkeys(urls, "waiting")
        self.stream = stream
        self.live = stream.isatty()
        self.drawn = False

    def update(self, url: str, step: str) -> None:
        self.steps[url] = step
        if not self.live:
            return
        if self.drawn:
            self.stream.write(f"\x1b[{len(self.urls)}F")  # back to the first line
        for u in self.urls:
            self.stream.write(f"\x1b[2K{self.steps[u]:<14} {u[:100]}\n")
        self.stream.flush()
        self.drawn = True


def _line(result: StoredCapture) -> str:
    cleaned = result.link.summary() if result.link is not None else ""
    if result.item is None:
        return f"FAILED  {result.url}"
    item = result.item
    status = item.status
    parts = [f"Captured {result.url} as {item.id}"]
    if cleaned:
        parts.append(f"        {cleaned}")
    if result.link is not None and result.link.kept_parameters:
        kept = ", ".join(result.link.kept_parameters)
        parts.append(f"        share-tracking parameters kept, as asked: {kept}")
    if status is not None and status >= 400:
        removed = "removed or not found" if status in (404, 410) else "an error page"
        parts.append(f"        the server answered {status}: the page says it is {removed}")
        parts.append("        (kept as evidence: it shows what was there at this time)")
    for warning in item.metadata.get("warnings", [])[:5]:
        parts.append(f"        note: {warning}")
    if item.timestamp_status == "granted":
        parts.append("        sealed and time-stamped")
    else:
        parts.append("        sealed; trusted timestamp pending ('evidencekit timestamp' later)")
    return "\n".join(parts)


def _capture_settings(args: argparse.Namespace) -> CaptureSettings:
    from evidencekit.capture import CaptureSettings

    settings = settings_for(args)
    operator = args.capture_operator or settings.operator
    capture_settings = CaptureSettings(
        timeout_s=args.timeout or settings.capture_timeout_s,
        browser_path=settings.browser_path or None,
        operator_name=operator,
        operator_role=settings.operator_role,
        keep_share_parameters=args.keep_share_parameters,
        minor_safe=bool(getattr(args, "minor_safe", False)),
    )
    if args.capture_operator:
        args.operator = args.capture_operator
    return capture_settings


def _cmd_account(args: argparse.Namespace) -> int:
    """`capture --account URL [--posts N]`: the profile page, then its latest N posts."""
    from evidencekit.capture import prepare_url
    from evidencekit.jobs import account as account_job

    if args.urls or args.from_file:
        raise UsageError("Give either --account URL or addresses to capture, not both.")
    posts = account_job.DEFAULT_POSTS if args.posts is None else args.posts
    if not 0 <= posts <= account_job.MAX_POSTS:
        raise UsageError(f"--posts must be between 0 and {account_job.MAX_POSTS}.")
    link = prepare_url(args.account, keep_share_parameters=args.keep_share_parameters)
    capture_settings = _capture_settings(args)
    settings = settings_for(args)
    with open_vault(args, write=True) as vault:
        sessions, skipped = session_commands.choose_sessions(args, vault, [link])
        if skipped:
            say("Nothing was captured.")
            return EXIT_USAGE
        result = asyncio.run(
            account_job.capture_account(
                vault,
                link.url,
                capture_settings,
                tsa_urls=tsa_urls(args),
                posts=posts,
                case=args.case,
                note=args.note,
                consent=args.consent,
                session=sessions.get(link.url),
                concurrency=args.concurrency or settings.capture_concurrency,
            )
        )
    everything = [result.account, *result.posts]
    if args.json:
        print_json(account_job.to_json(result))
    else:
        say(_line(result.account))
        if result.account.item is not None:
            who = result.identity
            shown = ", ".join(
                f"{k} {who[k]}" for k in ("handle", "account_id", "name") if who.get(k)
            )
            say(f"        account: {shown or 'its handle and id were not found on the page'}")
            say(f"        {len(result.found)} post links found; capturing {len(result.posts)}")
        for post in result.posts:
            say(_line(post))
    for stored in everything:
        if stored.error is not None:
            sys.stderr.write(f"Could not capture {stored.url}: {stored.error}\n")
    failures = [r.error for r in everything if r.error is not None]
    if not failures:
        return 0
    return EXIT_FAILED


def _import_capture_code(run: RunTimings) -> None:
    """The capture code (the sealing code loads later, while the first page loads)."""
    with run.span("code-import", "the capture, sealing and picture-hashing code"):
        importlib.import_module("evidencekit.jobs.capture")
        # The ~100,000 objects of the code live as long as the process: out of the cyclic
        # collector's sight, so its full passes during the capture no longer walk them.
        gc.freeze()


def _import_then_open(args: argparse.Namespace, secret: str, run: RunTimings) -> Vault:
    """In a worker thread while Chromium boots: the code, then the vault's key derived and the
    vault opened (Argon2id releases the GIL, so the browser's start goes on). One after the
    other, not side by side: measured on 2 cores, three at once slowed the browser's start
    by more than they saved."""
    _import_capture_code(run)
    with run.span("vault-open", "passphrase key derivation (Argon2id) and opening"):
        return open_vault(args, write=True, secret=secret)


def cmd_capture(args: argparse.Namespace) -> int:
    # Imported here: the browser machinery is heavy, and other commands never need it.
    # Only what starts the browser is imported before it starts; the rest of the capture and
    # sealing code is imported while it boots (see `_import_capture_code`).
    from evidencekit.capture.browser import BrowserStart
    from evidencekit.capture.timings import RunTimings
    from evidencekit.capture.urls import PreparedUrl, mask_credentials, prepare_url

    run = RunTimings()  # every capture's metadata says how long each stage took (issue 15)
    run.ready()
    if args.account:
        return _cmd_account(args)
    if args.posts is not None:
        raise UsageError("--posts goes with --account URL.")
    urls = list(args.urls)
    if args.from_file:
        urls += _read_list(args.from_file)
    if not urls:
        raise UsageError("Give at least one address to capture (or --from-file LIST).")
    # Refuse bad addresses before opening anything: nothing is stored for them.
    bad: list[str] = []
    links: list[PreparedUrl] = []
    for url in urls:
        try:
            links.append(prepare_url(url, keep_share_parameters=args.keep_share_parameters))
        except EvidenceKitError as exc:
            bad.append(f"{mask_credentials(url.strip())}: {exc}")
    if bad:
        raise UsageError("\n".join(bad) + "\nNothing was captured.")
    capture_settings = _capture_settings(args)
    settings = settings_for(args)

    async def job() -> (
        tuple[list[StoredCapture], dict[str, Any], dict[str, Any], str | None] | None
    ):
        # Chromium boots while the passphrase's key is derived and the capture and sealing
        # code is imported (issue 15): none of them needs the others.
        async with BrowserStart(capture_settings, run) as browser:
            secret = passphrase(args)
            vault = await asyncio.to_thread(_import_then_open, args, secret, run)
            with vault:
                sessions, skipped = session_commands.choose_sessions(args, vault, links)
                wanted = [link for link in links if link.url not in skipped]
                if not wanted:
                    return None
                from evidencekit.jobs.capture import capture_into_vault

                progress = _Progress(list(dict.fromkeys(link.url for link in wanted)), sys.stderr)
                results = await capture_into_vault(
                    vault,
                    wanted,
                    capture_settings,
                    tsa_urls=tsa_urls(args),
                    case=args.case,
                    note=args.note,
                    concurrency=args.concurrency or settings.capture_concurrency,
                    on_progress=progress.update,
                    consent=args.consent,
                    sessions=sessions,
                    timings=run,
                    browser=browser,
                )
                # Issue 14: pictures other items already hold, as words (never the pictures).
                stored = [r.item.id for r in results if r.item is not None]
                reposts = {i: hash_commands.repost_lines(vault, i) for i in stored}
                reposts_json = {i: hash_commands.repost_json(vault, i) for i in stored}
                waiting = hash_commands.unhashed_notice(vault)
                closing = run.begin("vault-close")
            run.end(closing)
        return results, reposts, reposts_json, waiting

    done = asyncio.run(job())
    # Everything is stored and closed: the interpreter's exit need not walk what it is about
    # to drop (measured: about half a second of a short page's process on this machine).
    gc.freeze()
    if done is None:
        say("Nothing was captured.")
        return EXIT_USAGE
    results, reposts, reposts_json, waiting = done
    if args.json:
        print_json(
            [
                {**r.to_json(), "reposts": reposts_json[r.item.id]} if r.item else r.to_json()
                for r in results
            ]
        )
    else:
        for result in results:
            say(_line(result))
            for line in reposts.get(result.item.id, []) if result.item else []:
                say(f"        {line}")
        if waiting:
            say(waiting)
    # The contract: errors on stderr (the per-link line above stays on stdout too).
    for result in results:
        if result.error is not None:
            sys.stderr.write(f"Could not capture {result.url}: {result.error}\n")
    failures = [r.error for r in results if r.error is not None]
    if not failures:
        return 0
    if all(f.exit_code == EXIT_USAGE for f in failures):
        return EXIT_USAGE
    return EXIT_FAILED

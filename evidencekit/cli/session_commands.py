"""`login SITE-OR-URL`, `sessions [--json]`, `sessions remove ID`; and the logged-in choices of
`capture` (`--session`, `--logged-out`, `--consent`, `--i-understand-they-may-see-i-looked`).

A login is kept only inside the vault, encrypted; nothing here prints or writes its cookies.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
from typing import TYPE_CHECKING, Any

from evidencekit.cli.common import open_vault, print_json, say, settings_for, short
from evidencekit.errors import UsageError

if TYPE_CHECKING:
    from evidencekit.capture import PreparedUrl
    from evidencekit.capture.result import LoggedInSession
    from evidencekit.vault.store import SessionInfo, Vault

VIEWER_FLAG = "--i-understand-they-may-see-i-looked"


def register(commands: Any) -> None:
    p = commands.add_parser(
        "login",
        help="log in to a site in a visible browser window; the login is kept in the vault",
    )
    p.add_argument("site", metavar="SITE-OR-URL", help="e.g. instagram.com or a page's address")
    p.add_argument(
        "--account",
        metavar="HANDLE",
        help="the account you log in as, if the site does not show it",
    )
    p.add_argument(
        "--consent",
        metavar="T",
        help="a note of her consent to captures with this login (a support worker logging in)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_login)

    s = commands.add_parser("sessions", help="saved logins: list them, or remove one")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_sessions)
    actions = s.add_subparsers(dest="sessions_action", metavar="ACTION")
    r = actions.add_parser("remove", help="delete a saved login for good")
    r.add_argument("id", metavar="ID")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_sessions_remove)


def add_capture_options(p: argparse.ArgumentParser) -> None:
    """The logged-in options of `capture`."""
    p.add_argument(
        "--session",
        metavar="ID",
        help="capture logged in with this saved login (default: the newest saved for the site)",
    )
    p.add_argument(
        "--logged-out", action="store_true", help="never use a saved login for these pages"
    )
    p.add_argument(
        "--consent", metavar="T", help="a note of her consent, recorded with each capture"
    )
    p.add_argument(
        VIEWER_FLAG,
        dest="viewer_ok",
        action="store_true",
        help="capture stories, live videos and viewer-listed profiles logged in, although "
        "their owner may see that you looked",
    )


# --- login -----------------------------------------------------------------------------------


def _enter_sets(done: asyncio.Event, loop: asyncio.AbstractEventLoop) -> None:
    """Enter on the terminal means Done (a daemon thread: it may never return)."""

    def wait() -> None:
        try:
            line = sys.stdin.readline()
        except (OSError, ValueError):
            return
        if line:  # end of input is not "Done"
            loop.call_soon_threadsafe(done.set)

    threading.Thread(target=wait, name="login-enter", daemon=True).start()


def cmd_login(args: argparse.Namespace) -> int:
    from evidencekit.capture import CaptureSettings
    from evidencekit.capture.login import login_url
    from evidencekit.jobs.capture import login_into_vault

    start = login_url(args.site)
    settings = settings_for(args)
    capture_settings = CaptureSettings(browser_path=settings.browser_path or None)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    with open_vault(args, write=True) as vault:  # the passphrase first, then the window
        sys.stderr.write(
            f"A browser window opens at {start}.\n"
            "Log in there yourself. When you are done, close the window"
            + (" or press Enter here.\n" if interactive else ".\n")
        )

        async def run() -> tuple[SessionInfo, tuple[str, ...]]:
            done = asyncio.Event()
            if interactive:
                _enter_sets(done, asyncio.get_running_loop())
            return await login_into_vault(
                vault,
                start,
                capture_settings,
                done=done,
                account=args.account or "",
                consent=args.consent or "",
            )

        info, wall = asyncio.run(run())
    unfinished = ""
    if wall:
        unfinished = (
            f"The last page still looked like a login form ({'; '.join(wall[:2])}). If you "
            "did not finish logging in, remove this login "
            f"('evidencekit sessions remove {info.id}') and log in again."
        )
    if args.json:
        print_json({**info.to_json(), "warning": unfinished or None})
    else:
        shown = f" as {info.account}" if info.account else " (no account name was shown)"
        say(f"Saved the login to {info.site}{shown} in the vault as {info.id}.")
        say(f"Captures of {info.site} now use it; 'evidencekit sessions' lists saved logins.")
    if unfinished:
        sys.stderr.write(unfinished + "\n")
    return 0


# --- sessions --------------------------------------------------------------------------------


def cmd_sessions(args: argparse.Namespace) -> int:
    with open_vault(args, write=False) as vault:
        found = vault.sessions()
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    if not found:
        say("No saved logins. Make one with: evidencekit login SITE")
        return 0
    say(f"{'ID':<11} {'SITE':<24} {'ACCOUNT':<20} {'CREATED':<25} LAST USED")
    for s in found:
        say(
            f"{s.id:<11} {short(s.site, 24):<24} {short(s.account or '-', 20):<20} "
            f"{s.created_at:<25} {s.last_used_at or 'never'}"
        )
    return 0


def cmd_sessions_remove(args: argparse.Namespace) -> int:
    with open_vault(args, write=True) as vault:
        info = vault.remove_session(args.id)
    if args.json:
        print_json({"removed": info.id, "site": info.site})
    else:
        say(f"Removed the saved login {info.id} ({info.site}). The custody log notes it.")
    return 0


# --- capture, logged in ----------------------------------------------------------------------


def viewer_refusal(warnings: dict[str, str]) -> str:
    """Why a logged-in capture was not started without her say-so (no terminal to ask on)."""
    pages = "; ".join(f"{url} is {what}" for url, what in warnings.items())
    return (
        f"{pages}. Logged in, its owner may see that you looked. Nothing was captured. Add "
        f"{VIEWER_FLAG} to capture it logged in, or --logged-out to capture it without your login."
    )


def _ask(question: str) -> bool:
    sys.stderr.write(question)
    sys.stderr.flush()
    return input().strip().lower() in ("y", "yes", "p", "po")


def choose_sessions(
    args: argparse.Namespace, vault: Vault, links: list[PreparedUrl]
) -> tuple[dict[str, LoggedInSession], list[str]]:
    """Which addresses are captured logged in, after asking about pages that tell their owner
    who looked. Returns (address -> login, addresses she chose not to capture at all)."""
    from evidencekit.jobs.capture import session_for, viewer_warnings

    if args.logged_out:
        return {}, []
    chosen: dict[str, LoggedInSession] = {}
    for link in links:
        found = session_for(vault, link.url, session_id=args.session, consent=args.consent or "")
        if found is not None:
            chosen[link.url] = found
    skipped: list[str] = []
    warnings = viewer_warnings(chosen)
    if warnings and not args.viewer_ok:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise UsageError(viewer_refusal(warnings))
        for url, what in warnings.items():
            sys.stderr.write(
                f"\n{url}\nis {what}. Logged in, its owner may see that you looked at it.\n"
            )
            if _ask("Capture it logged in anyway? [y/N] "):
                continue
            del chosen[url]
            if not _ask("Capture it logged out instead? [y/N] "):
                skipped.append(url)
    for url, used in chosen.items():
        who = f" as {used.account}" if used.account else ""
        sys.stderr.write(f"Capturing {url} logged in{who} (saved login {used.session_id}).\n")
    return chosen, skipped

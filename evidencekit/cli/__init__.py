"""The command line: parses, calls the core, and turns typed errors into one plain line.

Exit codes (the CLI contract): 0 success/valid, 1 failed/invalid, 2 usage or input error,
3 wrong passphrase or vault locked/busy. Tracebacks only with --verbose.

When the machine says no: a full disk is 1 ("The disk (…) is full: free N MB and try again;
nothing was lost."), a damaged vault is 1, read-only media for a command that writes and a
file or folder this user may not read or write are 2 (the place given cannot be used as asked).
Every vault a command opened is closed and folded back into its one file whatever happens;
when that is not possible a second line says so (and a successful command then exits 1).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence

from evidencekit import build_info
from evidencekit.capture.browser_install import use_user_browser_folder
from evidencekit.cli import (
    backup_commands,
    browser_commands,
    bundle_commands,
    capture_commands,
    decoy_commands,
    hash_commands,
    recapture_commands,
    seal_commands,
    session_commands,
    vault_commands,
)
from evidencekit.cli.common import close_all, vault_path
from evidencekit.errors import EXIT_FAILED, EXIT_USAGE, EvidenceKitError

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with our code 2 and one plain line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"evidencekit: {message}\n")
        raise SystemExit(EXIT_USAGE)


class _VersionAction(argparse.Action):
    """--version: the build's identity (version, build date, its executable's SHA-256),
    worked out only when asked (hashing the executable is not free)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(build_info.describe() + "\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="evidencekit",
        description="Capture online abuse as evidence, kept in an encrypted vault.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and this build's identity"
    )
    parser.add_argument(
        "--vault", metavar="PATH", help="the vault file (default: your data folder)"
    )
    parser.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    parser.add_argument("--operator", metavar="NAME", help="who is acting (for the custody log)")
    parser.add_argument(
        "--role", metavar="ROLE", help='the operator\'s role, e.g. "victim" or "support worker"'
    )
    parser.add_argument(
        "--tsa",
        action="append",
        metavar="URL",
        help="a timestamp authority to ask (repeatable; default: $EVIDENCEKIT_TSA_URLS, "
        "else built-in public ones)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show details of errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    vault_commands.register(commands)
    seal_commands.register(commands)
    capture_commands.register(commands)
    bundle_commands.register(commands)
    session_commands.register(commands)
    recapture_commands.register(commands)
    hash_commands.register(commands)  # issue 14: the case's picture hashes
    backup_commands.register(commands)
    browser_commands.register(commands)
    decoy_commands.register(commands)  # issue 14: a second passphrase, a decoy vault
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["--video-frames-child"]:  # the built app's video decoder (video_frames.py)
        from evidencekit.video_frames_child import main as video_frames_child

        return video_frames_child(given[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    use_user_browser_folder()  # a built app keeps its browser where the user may write
    code = _run(args)
    try:
        notices = close_all()
    except Exception:  # noqa: BLE001 - never a traceback at the end of a command
        if args.verbose:
            traceback.print_exc()
        notices = []
    for notice in notices:
        sys.stderr.write(f"{notice}\n")
        code = code or notice.exit_code
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args) or 0)
    except EvidenceKitError as exc:
        return _report(exc, args)
    except KeyboardInterrupt:
        sys.stderr.write("Stopped. Nothing half-done was kept.\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - last line of defence: no tracebacks for users
        typed = _typed(exc, args)
        if typed is not None:
            return _report(typed, args)
        if args.verbose:
            traceback.print_exc()
        sys.stderr.write(
            f"Something unexpected went wrong ({type(exc).__name__}). "
            "Run the command again with --verbose to see details.\n"
        )
        return EXIT_FAILED


def _report(exc: EvidenceKitError, args: argparse.Namespace) -> int:
    if args.verbose:
        traceback.print_exc()
    sys.stderr.write(f"{exc}\n")
    extra = browser_commands.hint(exc, args)  # no browser: the command that installs one
    if extra:
        sys.stderr.write(f"{extra}\n")
    if exc.detail and args.verbose:
        sys.stderr.write(f"({exc.detail})\n")
    return exc.exit_code


def _typed(exc: Exception, args: argparse.Namespace) -> EvidenceKitError | None:
    """A full disk, read-only media, no permission or a damaged vault that reached us as a bare
    OSError or SQLite error (from code that did not translate it): said in plain words."""
    from evidencekit.vault.faults import translate_any

    try:
        where = vault_path(args)
    except Exception:  # noqa: BLE001 - no vault place known: the error's own file, if any
        where = None
    return translate_any(exc, where)

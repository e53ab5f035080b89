"""`browser install`: download Playwright's Chromium when no browser is found (issue 13).

Progress goes to stderr one line per step of the installer (about every 10 %); Ctrl+C stops
it and removes what it had begun (evidencekit/capture/browser_install.py).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import Any

from evidencekit.capture.browser_install import InstallProgress, install_browser
from evidencekit.cli.common import say, settings_for
from evidencekit.errors import BrowserNotFound, EvidenceKitError

INSTALL_COMMAND = "evidencekit browser install"


def register(commands: Any) -> None:
    p = commands.add_parser(
        "browser",
        help="the browser captures use: 'browser install' downloads Chromium (needs internet)",
    )
    p.set_defaults(handler=lambda _args: _usage(p))
    actions = p.add_subparsers(dest="browser_action", metavar="ACTION")
    i = actions.add_parser(
        "install",
        help="download Playwright's Chromium (about 170 MB) for captures, when this computer "
        "has no Chrome, Edge or Chromium",
    )
    i.set_defaults(handler=cmd_install)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


class _Printer:
    """One plain line per step; Playwright tries a download up to five times, say so."""

    def __init__(self) -> None:
        self.started: set[str] = set()

    def __call__(self, step: InstallProgress) -> None:
        if step.finished:
            line = f"{step.title}: done."
        elif step.percent:
            line = f"{step.title}: {step.percent} %" + (f" of {step.size}" if step.size else "")
        elif step.title in self.started:
            line = f"Trying again: {step.title}…"
        else:
            self.started.add(step.title)
            line = f"Downloading {step.title}…"
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def cmd_install(args: argparse.Namespace) -> int:
    folder = asyncio.run(install_browser(_Printer()))
    say(f"Chromium is installed in {folder}. Captures can use it now.")
    if settings_for(args).browser_path or os.environ.get("EVIDENCEKIT_BROWSER"):
        say("Note: a browser path is set (settings or EVIDENCEKIT_BROWSER); captures use that one.")
    return 0


def hint(error: EvidenceKitError, args: argparse.Namespace) -> str | None:
    """The extra line `evidencekit` prints after "no browser found": the command that helps.

    Not when a browser path was set and is wrong: installing Chromium would not fix that."""
    if not isinstance(error, BrowserNotFound):
        return None
    try:
        chosen = settings_for(args).browser_path or os.environ.get("EVIDENCEKIT_BROWSER")
    except Exception:  # noqa: BLE001 - an unreadable setting: still give the hint
        chosen = ""
    if chosen:
        return None
    return (
        "EvidenceKit can also download Chromium for you (about 170 MB, needs the internet): "
        f"{INSTALL_COMMAND}"
    )

"""Every failure a user can meet, one class each, with its message in plain words.

Front ends (the CLI, the GUI) catch `EvidenceKitError`, show `str(error)` and exit with
`error.exit_code`; they never show a traceback unless asked to (`--verbose`).
Exit codes follow the CLI contract: 1 operation failed, 2 usage or input error,
3 wrong passphrase or vault locked/busy; `verify` also exits 4 for an indeterminate verdict.

When the machine says no: a full disk is `DiskFull` (1: free space, try again), read-only media
is `ReadOnlyMedia` and a file or folder the user may not use is `NoPermission` (2: the place
given cannot be used as asked; trying again unchanged will not help), a damaged vault is
`VaultCorrupt` (1), and a vault whose latest changes could not be folded back into its one file
is `VaultLeftSplit` (1; reported after the command, which may itself have succeeded).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_INDETERMINATE = 4  # `verify`: nothing found changed, but not everything confirmed


class EvidenceKitError(Exception):
    """Base class: a failure we can explain to a person."""

    exit_code: int = EXIT_FAILED
    message: str = "Something went wrong."

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(message or self.message)


class UsageError(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "That command is not complete. Run 'evidencekit --help' to see how to use it."


# --- vault -------------------------------------------------------------------------------------


class VaultNotFound(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "There is no vault at that place. Create one with 'evidencekit init'."


class VaultExists(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "A vault already exists at that place. Nothing was changed."


class WrongPassphrase(EvidenceKitError):
    exit_code = EXIT_LOCKED
    message = (
        "The passphrase does not open this vault. Check it and try again "
        "(if you are sure it is right, the start of the vault file may be damaged)."
    )


class NoPassphrase(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = (
        "No passphrase was given. Set EVIDENCEKIT_PASSPHRASE, use --passphrase-file, "
        "or run the command in a terminal to type it."
    )


class WeakPassphrase(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "The passphrase is too short: use at least 8 characters."


class VaultBusy(EvidenceKitError):
    exit_code = EXIT_LOCKED
    message = (
        "The vault is in use by another EvidenceKit window or command. Close it, then try again."
    )


class VaultCorrupt(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The vault file is damaged: part of it could not be read or does not match its check."


class DiskFull(EvidenceKitError):
    """No space left (ENOSPC, EDQUOT, SQLITE_FULL). Built with the folder that could not grow,
    so the message names its disk; `needed` (bytes, when known) is what the whole operation
    needs there, and the message asks for what is missing of it."""

    exit_code = EXIT_FAILED
    message = "The disk is full: free some space and try again; nothing was lost."

    def __init__(
        self,
        message: str | None = None,
        *,
        folder: str | os.PathLike[str] | None = None,
        needed: int | None = None,
        detail: str | None = None,
    ) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.needed = needed
        self.missing = _missing_bytes(self.folder, needed)
        super().__init__(message or self._words(), detail=detail)

    def _words(self) -> str:
        where = ""
        if self.folder is not None:
            mount = mount_point(self.folder)
            where = (
                f" ({mount})" if mount == self.folder else f" ({mount}, holding “{self.folder}”)"
            )
        if self.missing is not None:
            free = f"free {math.ceil(self.missing / 1_000_000):,} MB"
        else:
            free = "free some space"
        return f"The disk{where} is full: {free} and try again; nothing was lost."


class ReadOnlyMedia(EvidenceKitError):
    """A writing command met a vault (or an output folder) on read-only media."""

    exit_code = EXIT_USAGE
    message = (
        "The vault is on read-only media: it can be read (list, show, log, verify-vault, "
        "artifact) but not changed. Copy it to a writable disk to change it; nothing was changed."
    )

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        detail: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        if message is None and self.path is not None:
            message = (
                f"The vault “{self.path}” is on read-only media ({mount_point(self.path)}): "
                "it can be read (list, show, log, verify-vault, artifact) but not changed. "
                "Copy it to a writable disk to change it; nothing was changed."
            )
        super().__init__(message, detail=detail)


class NoPermission(EvidenceKitError):
    """The operating system does not let this user read or write a file or folder."""

    exit_code = EXIT_USAGE
    message = "EvidenceKit may not use this file. Nothing was changed."

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        access: str = "read",
        detail: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.access = access
        if message is None and self.path is not None:
            if access == "folder":
                message = (
                    f"EvidenceKit may not write in the folder “{self.path}”: ask the computer's "
                    "owner for access, or choose a folder of your own. Nothing was changed."
                )
            else:
                message = (
                    f"EvidenceKit may not {access} this file: “{self.path}” (its permissions "
                    "do not allow it for this user). Ask the computer's owner for access. "
                    "Nothing was changed."
                )
        super().__init__(message, detail=detail)


class VaultLeftSplit(EvidenceKitError):
    """The vault could not be folded back into its one file when it was closed: its latest
    changes are safe, but in the `-wal` file beside it."""

    exit_code = EXIT_FAILED
    message = (
        "The vault's latest changes are still in the “-wal” file beside it. Keep the files "
        "together, and open the vault again with EvidenceKit (with free space) before copying it."
    )

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        reason: str = "",
        detail: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        if message is None and self.path is not None:
            because = f" ({reason})" if reason else ""
            message = (
                f"The vault's latest changes are still in “{self.path.name}-wal” beside it"
                f"{because}: they are safe, but keep the files together and open the vault "
                "again with EvidenceKit before copying it, so it becomes one file again."
            )
        super().__init__(message, detail=detail)


def mount_point(path: str | os.PathLike[str]) -> Path:
    """The mount point of the file system holding `path` (or of its nearest existing parent)."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    while not os.path.ismount(current) and current != current.parent:
        current = current.parent
    return current


def free_bytes(path: str | os.PathLike[str]) -> int | None:
    """Bytes this user may still write on the file system holding `path` (None if unknown)."""
    import shutil

    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    try:
        return shutil.disk_usage(current).free
    except OSError:
        return None


def _missing_bytes(folder: Path | None, needed: int | None) -> int | None:
    if folder is None or needed is None:
        return None
    free = free_bytes(folder)
    if free is None:
        return None
    return max(needed - free, 1_000_000)


class VaultTooNew(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = (
        "This vault was made by a newer version of EvidenceKit. Update EvidenceKit to open it."
    )


class ItemNotFound(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "No item with that id is in the vault."


class AmbiguousItemId(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "More than one item starts with that id. Type more of it."


class ArtifactNotFound(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "That item has no file with that name. 'evidencekit show ID' lists its files."


class CaseNotFound(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "There is no case with that name."


class CaseExists(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "A case with that name already exists. Nothing was changed."


class InputFileError(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "That file cannot be read."


class OutputFileError(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The file could not be written there."


# --- sealing -----------------------------------------------------------------------------------


class TimestampFailed(EvidenceKitError):
    """No trusted timestamp was obtained; catch this to handle both kinds below."""

    exit_code = EXIT_FAILED
    message = "No trusted timestamp could be obtained for this item."


class TimestampUnavailable(TimestampFailed):
    """The server could not be asked or did not answer (network, timeout, HTTP error).

    Worth trying again later: the item stays "pending".
    """

    message = (
        "The timestamp server could not be reached. The item is kept; "
        "run 'evidencekit timestamp --pending' later to try again."
    )


class TimestampRejected(TimestampFailed):
    """The server answered, but not with a valid timestamp for our file; nothing is kept."""

    message = (
        "The timestamp server's answer is not a valid timestamp for this file, so it was not kept."
    )


class TsaUrlInvalid(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = (
        "That timestamp server address is not a web address "
        "(it must start with http:// or https://)."
    )


class IdentityImportFailed(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "That certificate file cannot be used for signing."


class IdentityDamaged(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The vault's signing identity is damaged and cannot be used to sign."


# --- capture -----------------------------------------------------------------------------------


class BrowserNotFound(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = (
        "No Chromium, Google Chrome or Microsoft Edge browser was found on this computer. "
        "Install one, or run: evidencekit browser install"
    )


class BrowserLaunchFailed(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = (
        "The browser could not be started. Check that it is installed correctly, "
        "or point EVIDENCEKIT_BROWSER at another Chromium, Chrome or Edge."
    )


class BadUrl(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "That is not a web address EvidenceKit can capture: give one starting with https://"


class HostNotFound(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = (
        "The site's name could not be found. Check the address for typing mistakes "
        "and that this computer is online."
    )


class Offline(HostNotFound):
    """Chromium's ERR_INTERNET_DISCONNECTED: no network at all (the app words it like a site
    that cannot be found, whose advice names the connection)."""

    exit_code = EXIT_FAILED
    message = (
        "This computer is not connected to the internet, so the page could not be opened. "
        "Nothing was saved. Connect and try again."
    )


class ConnectionRefused(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "The site refused the connection. Check the address (and its port), or try later."


class PageIsDownload(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = (
        "That address starts a file download instead of showing a page. "
        "Save the file and add it with 'evidencekit import'."
    )


class PageLoadFailed(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The page could not be loaded. Nothing was saved."


class CaptureTimedOut(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The capture took too long and was stopped. Nothing was saved."

    def __init__(self, step: str, timeout_s: float, *, detail: str | None = None) -> None:
        self.step = step
        self.timeout_s = timeout_s
        super().__init__(
            f"The capture took longer than {timeout_s:g} s and was stopped while {step}. "
            "Nothing was saved. Try again, or allow more time with --timeout.",
            detail=detail,
        )


class CaptureFailed(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The capture failed unexpectedly. Nothing was saved."


class SessionNotFound(EvidenceKitError):  # issue 12: saved logins
    exit_code, message = EXIT_USAGE, "There is no saved login with that id (see 'sessions')."


class SessionExpired(EvidenceKitError):  # the login wall again, although logged in
    exit_code, message = EXIT_FAILED, "The saved login no longer works. Nothing was saved."


class NoDisplay(EvidenceKitError):
    exit_code, message = EXIT_USAGE, "A browser window cannot be opened here (no screen)."


class NoLoginMade(EvidenceKitError):
    exit_code, message = EXIT_FAILED, "The window closed before a login. Nothing was saved."


# --- bundle ------------------------------------------------------------------------------------


class NothingToExport(EvidenceKitError):
    exit_code = EXIT_USAGE
    message = "There is nothing to export: choose a case with --case, or give item ids."


class ExportFailed(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The bundle could not be made. Nothing was written under the file name you gave."


class BundleResourceMissing(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = (
        "A file EvidenceKit needs to write the report (its fonts) is missing. "
        "Reinstall EvidenceKit, then try again."
    )

"""Every failure a user can meet, one class each, with its message in plain words.

Front ends (the CLI, the GUI) catch `EvidenceKitError`, show `str(error)` and exit with
`error.exit_code`; they never show a traceback unless asked to (`--verbose`).
Exit codes follow the CLI contract: 1 operation failed, 2 usage or input error,
3 wrong passphrase or vault locked/busy.
"""

from __future__ import annotations

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


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
        "Install one with: python -m playwright install chromium"
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

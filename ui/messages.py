"""Every failure the app can meet, in plain translated words, with what to try next.

The core's errors carry English messages for the CLI; here each error *class* maps to our own
translated headline and advice (the English text stays available as copyable details for
someone helping). Also the names of capture steps and roles, translated in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from evidencekit import errors
from evidencekit.capture.browser_install import (
    BrowserInstallFailed,
    BrowserInstallOffline,
    BrowserInstallUnavailable,
)
from evidencekit.capture.minor_safe import PicturesNotCovered
from evidencekit.forget import ForgetIncomplete, ForgetNotConfirmed
from evidencekit.jobs.minor_safe_import import MinorSafeRefused
from evidencekit.launchers import LauncherError
from evidencekit.vault.copying import (
    CopyNotVerified,
    NoSuchFolder,
    ReplaceNotConfirmed,
    TargetExists,
)
from evidencekit.vault.shelf import PassphraseTaken
from evidencekit.vault.transfer import EmptyCase
from ui.workers import Cancelled

# lupdate finds calls spelled translate("Context", "text"); this alias keeps lines short.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Explanation:
    headline: str
    advice: str
    details: str  # the core's own (English) words, for whoever helps


Texts = Callable[[BaseException], tuple[str, str]]
"""Makes an error's (headline, advice), translated when called; it may use the error's fields."""


def _no_permission(_error: BaseException) -> tuple[str, str]:
    return (
        translate("Messages", "EvidenceKit is not allowed to use that file or folder."),
        translate("Messages", "Choose another place, or ask the computer's owner for access."),
    )


# Headline and advice per error class. A class not listed is explained by the nearest listed
# class in its MRO (TimestampUnavailable by TimestampFailed, Offline by HostNotFound, ...).
# The texts stay literal translate("Messages", ...) calls so that pyside6-lupdate finds them.
BY_ERROR_CLASS: dict[type[BaseException], Texts] = {
    errors.WrongPassphrase: lambda _error: (
        translate("Messages", "That passphrase did not open this vault."),
        translate(
            "Messages",
            "Check Caps Lock and the keyboard language, then try again. There is no limit "
            "on tries, and nothing is locked or deleted.",
        ),
    ),
    errors.VaultBusy: lambda _error: (
        translate("Messages", "This vault is already open in another EvidenceKit window."),
        translate(
            "Messages",
            "Close the other window (or wait until it finishes), then try again.",
        ),
    ),
    errors.VaultNotFound: lambda _error: (
        translate("Messages", "There is no vault at that place."),
        translate("Messages", "Choose the vault file again, or create a new vault."),
    ),
    PassphraseTaken: lambda _error: (
        translate("Messages", "That passphrase already opens a vault here."),
        translate(
            "Messages",
            "Choose a different second passphrase, not your own one. Nothing was changed.",
        ),
    ),
    errors.VaultExists: lambda _error: (
        translate("Messages", "A vault already exists at that place."),
        translate(
            "Messages",
            "Open it with its passphrase, or choose another name for the new vault. "
            "Nothing was changed.",
        ),
    ),
    errors.WeakPassphrase: lambda _error: (
        translate("Messages", "This passphrase is too short."),
        translate(
            "Messages",
            "Use at least 8 characters. A few ordinary words in a row are easy to remember "
            "and hard to guess.",
        ),
    ),
    errors.VaultCorrupt: lambda _error: (
        translate("Messages", "Part of the vault file could not be read."),
        translate(
            "Messages",
            "Do not delete it. Keep a copy of the file and ask someone with technical "
            "knowledge for help; a backup copy may still open.",
        ),
    ),
    errors.DiskFull: lambda _error: (
        translate("Messages", "The disk is full."),
        translate(
            "Messages",
            "Free some space on that disk (move or delete files you do not need), then try "
            "again. Nothing was lost.",
        ),
    ),
    errors.ReadOnlyMedia: lambda _error: (
        translate("Messages", "This disk can only be read, not written."),
        translate(
            "Messages",
            "Nothing can be added or changed on it. To work with the vault, copy the vault "
            "file to your computer first and open the copy. Nothing was changed.",
        ),
    ),
    errors.NoPermission: _no_permission,
    errors.VaultLeftSplit: lambda _error: (
        translate("Messages", "The latest changes are kept in a second file beside the vault."),
        translate(
            "Messages",
            "They are safe. Keep the files together, free some space on the disk, and open "
            "the vault again before you copy it.",
        ),
    ),
    errors.VaultTooNew: lambda _error: (
        translate("Messages", "This vault was made by a newer version of EvidenceKit."),
        translate("Messages", "Update EvidenceKit, then open the vault again."),
    ),
    errors.BrowserNotFound: lambda _error: (
        translate(
            "Messages",
            "No web browser was found that EvidenceKit can use to capture pages.",
        ),
        translate(
            "Messages",
            "Install Google Chrome, Microsoft Edge or Chromium, then try again. Adding "
            "saved files with “Add files…” works without a browser.",
        ),
    ),
    errors.BrowserLaunchFailed: lambda _error: (
        translate("Messages", "The browser could not be started."),
        translate(
            "Messages",
            "Restart the computer and try again. If it keeps happening, reinstall Chrome, "
            "Edge or Chromium.",
        ),
    ),
    errors.BadUrl: lambda _error: (
        translate("Messages", "This is not a web address EvidenceKit can capture."),
        translate(
            "Messages",
            "Copy the whole address from the browser's address bar. It starts with https://",
        ),
    ),
    errors.HostNotFound: lambda _error: (
        translate("Messages", "The site could not be found."),
        translate(
            "Messages",
            "Check the address for typing mistakes, and check that this computer is "
            "connected to the internet.",
        ),
    ),
    errors.ConnectionRefused: lambda _error: (
        translate("Messages", "The site refused the connection."),
        translate("Messages", "Check the address, or try again later."),
    ),
    errors.PageIsDownload: lambda _error: (
        translate("Messages", "This address downloads a file instead of showing a page."),
        translate("Messages", "Save the file on the computer, then add it with “Add files…”."),
    ),
    errors.CaptureTimedOut: lambda _error: (
        translate(
            "Messages",
            "The page took too long, so the capture was stopped. Nothing was saved.",
        ),
        translate("Messages", "Try again later, when the connection may be faster."),
    ),
    errors.PageLoadFailed: lambda _error: (
        translate("Messages", "The page could not be loaded. Nothing was saved."),
        translate("Messages", "Check the internet connection and try again in a few minutes."),
    ),
    errors.CaptureFailed: lambda _error: (
        translate("Messages", "The capture failed unexpectedly. Nothing was saved."),
        translate(
            "Messages",
            "Try again. If it fails again, the details below can help someone who helps you.",
        ),
    ),
    errors.SessionNotFound: lambda _error: (
        translate("Messages", "That saved login is no longer in the vault."),
        translate("Messages", "Choose another saved login, or log in to the site again."),
    ),
    errors.SessionExpired: lambda _error: (
        translate("Messages", "The saved login for this site no longer works. Nothing was saved."),
        translate(
            "Messages",
            "The site asks to log in again. Log in to the site again, or capture the page "
            "logged out.",
        ),
    ),
    errors.NoDisplay: lambda _error: (
        translate("Messages", "A browser window cannot be opened on this computer."),
        translate("Messages", "Log in on a computer with a screen."),
    ),
    errors.NoLoginMade: lambda _error: (
        translate(
            "Messages", "The window was closed before you were logged in. Nothing was saved."
        ),
        translate("Messages", "Open the login window again and log in before closing it."),
    ),
    errors.InputFileError: lambda _error: (
        translate("Messages", "This file could not be added."),
        translate(
            "Messages",
            "Check that the file is still there and that it opens, then try again.",
        ),
    ),
    errors.OutputFileError: lambda _error: (
        translate("Messages", "The file could not be saved there."),
        translate(
            "Messages",
            "Choose another place (another folder or a USB stick) and check that it has "
            "free space.",
        ),
    ),
    errors.CaseExists: lambda _error: (
        translate("Messages", "A case with this name already exists."),
        translate("Messages", "Choose another name."),
    ),
    errors.CaseNotFound: lambda _error: (
        translate("Messages", "That case is no longer in the vault."),
        translate("Messages", "Choose another case from the list."),
    ),
    errors.ItemNotFound: lambda _error: (
        translate("Messages", "This item is no longer in the vault."),
        translate("Messages", "Go back to the list; it shows what the vault holds now."),
    ),
    errors.TimestampFailed: lambda _error: (
        translate("Messages", "The time-stamp server could not give a time-stamp now."),
        translate(
            "Messages",
            "Your evidence is saved and sealed. The time-stamp will be added when this "
            "computer is online.",
        ),
    ),
    errors.IdentityDamaged: lambda _error: (
        translate("Messages", "The vault's signing key is damaged."),
        translate(
            "Messages",
            "The evidence already stored is safe. Ask someone with technical knowledge for "
            "help before adding more.",
        ),
    ),
    PicturesNotCovered: lambda _error: (
        translate("Messages", "A picture on this page could not be covered. Nothing was saved."),
        translate(
            "Messages",
            "Someone in the pictures may be under 18, so no screenshot was taken. You can ask "
            "your support worker for help with this page.",
        ),
    ),
    MinorSafeRefused: lambda _error: (
        translate("Messages", "This file was not added: it may hold pictures."),
        translate(
            "Messages",
            "Someone in these pictures may be under 18, so only pictures and videos (kept as "
            "their hashes, never the file) and plain text files can be added. Nothing was "
            "stored from this file.",
        ),
    ),
    LauncherError: lambda _error: (
        translate("Messages", "The “Notes” launcher could not be changed."),
        translate(
            "Messages",
            "Nothing else was touched. If another launcher is already there, its details "
            "below say where; remove or rename it, then try again.",
        ),
    ),
    BrowserInstallOffline: lambda _error: (
        translate("Messages", "The browser could not be downloaded: there is no internet."),
        translate(
            "Messages",
            "Connect this computer to the internet, then try again. Nothing was left "
            "half-installed, and everything else works as before.",
        ),
    ),
    BrowserInstallUnavailable: lambda _error: (
        translate("Messages", "This copy of EvidenceKit cannot download a browser by itself."),
        translate(
            "Messages",
            "Install Google Chrome, Microsoft Edge or Chromium, then try again.",
        ),
    ),
    BrowserInstallFailed: lambda _error: (
        translate("Messages", "The browser could not be installed."),
        translate(
            "Messages",
            "Nothing was left half-installed. Try again later, or install Google Chrome, "
            "Microsoft Edge or Chromium yourself.",
        ),
    ),
    # Backup, restore, hand-over and "forget this computer" (issue 14 part 4).
    CopyNotVerified: lambda _error: (
        translate("Messages", "The copy did not pass its check, so it was not kept."),
        translate(
            "Messages",
            "Nothing was removed or changed in your vault. Try again, on another disk or USB "
            "stick if this one may be failing.",
        ),
    ),
    ReplaceNotConfirmed: lambda _error: (
        translate("Messages", "A vault is already at that place, so nothing was restored."),
        translate("Messages", "Choose another place, or agree to replace that vault."),
    ),
    TargetExists: lambda _error: (
        translate("Messages", "A file with that name is already there."),
        translate("Messages", "Choose another name. Nothing was written or changed."),
    ),
    NoSuchFolder: lambda _error: (
        translate("Messages", "That folder does not exist."),
        translate(
            "Messages",
            "If it is on a USB stick, check that the stick is plugged in, then choose the "
            "place again. Nothing was written.",
        ),
    ),
    EmptyCase: lambda _error: (
        translate("Messages", "That case holds no evidence, so there is nothing to hand over."),
        translate("Messages", "Nothing was changed."),
    ),
    ForgetNotConfirmed: lambda _error: (
        translate("Messages", "Nothing was removed."),
        translate("Messages", "Type the word shown to confirm, then try again."),
    ),
    ForgetIncomplete: lambda _error: (
        translate("Messages", "Not everything could be removed from this computer."),
        translate(
            "Messages",
            "Close other programs that may be using these files, then try again. What is "
            "left is named in the details.",
        ),
    ),
    Cancelled: lambda _error: (
        translate("Messages", "Stopped, as you asked."),
        translate("Messages", "What was already saved stays in the vault."),
    ),
    PermissionError: _no_permission,
    OSError: lambda _error: (
        translate("Messages", "The computer could not read or write a file."),
        translate(
            "Messages",
            "Check that the disk or USB stick is still connected and has free space, then "
            "try again.",
        ),
    ),
}

# The core's errors that deliberately get the generic "Something went wrong." words (their
# English details are still shown), each with the reason. tests/gui/test_messages_table.py
# checks that every error in evidencekit.errors is either in BY_ERROR_CLASS or here.
DELIBERATELY_GENERIC: dict[type[errors.EvidenceKitError], str] = {
    errors.EvidenceKitError: "the base class: a failure nobody gave a kind to has no better words",
    errors.UsageError: "command-line only: an incomplete command or option; the app builds none",
    errors.NoPassphrase: "command-line only: the app always asks for the passphrase on screen",
    errors.AmbiguousItemId: "command-line only: the app picks items from its list, not by typed id",
    errors.ArtifactNotFound: "the app opens only files it listed itself, so this is an inner fault",
    errors.TsaUrlInvalid: "sealing moves on to the next server; its details name the bad address",
    errors.IdentityImportFailed: "command-line only: the app has no way to import a certificate",
    errors.NothingToExport: "the export wizard offers no export without items to put in it",
    errors.ExportFailed: "an inner fault in building the bundle; its details say what went wrong",
    errors.BundleResourceMissing: "a broken install; its own English says to reinstall",
}


def _texts(error: BaseException) -> tuple[str, str] | None:
    """Headline and advice for `error`'s class, translated now (most specific class first)."""
    for cls in type(error).__mro__:
        texts = BY_ERROR_CLASS.get(cls)
        if texts is not None:
            return texts(error)
    return None


def explain(error: BaseException) -> Explanation:
    """A translated headline and advice for `error`, plus its English details."""
    texts = _texts(error)
    if texts is not None:
        headline, advice = texts
    else:
        headline = translate("Messages", "Something went wrong.")
        advice = translate(
            "Messages", "Try again. The details below can help someone who helps you."
        )
    details = str(error) or type(error).__name__
    detail = getattr(error, "detail", None)
    if detail:
        details += "\n" + str(detail)
    return Explanation(headline, advice, details)


# --- words used across screens ------------------------------------------------------------


def step_name(step: str) -> str:
    """A capture step ("opening", ... "time-stamping", "done", "failed") in plain words."""
    names = {
        "waiting": translate("Messages", "Waiting"),
        "opening": translate("Messages", "Opening the page"),
        "loading": translate("Messages", "Loading"),
        "scrolling": translate("Messages", "Scrolling through the page"),
        "saving": translate("Messages", "Saving"),
        "sealing": translate("Messages", "Sealing"),
        "time-stamping": translate("Messages", "Time-stamping"),
        "done": translate("Messages", "Done"),
        "failed": translate("Messages", "Did not work"),
    }
    return names.get(step, step)


def export_stage(stage: str) -> str:
    """A stage of the export (the core's progress names) in plain words."""
    names = {
        "timestamps": translate("Messages", "Asking for time-stamps"),
        "report": translate("Messages", "Writing the report"),
        "pictures": translate("Messages", "Adding the pictures"),
        "attachments": translate("Messages", "Attaching the original files"),
        "signing": translate("Messages", "Signing"),
        "done": translate("Messages", "Done"),
    }
    return names.get(stage, stage)


def role_name(role: str) -> str:
    names = {
        "victim": translate("Messages", "The person this is about"),
        "support worker": translate("Messages", "Support worker"),
        "": translate("Messages", "Not said"),
    }
    return names.get(role, role)


def timestamp_words(status: str) -> str:
    names = {
        "granted": translate("Messages", "Sealed and time-stamped"),
        "pending": translate("Messages", "Sealed — time-stamp pending (added when online)"),
        "unsealed": translate("Messages", "Not sealed"),
    }
    return names.get(status, status)

"""Every failure the app can meet, in plain translated words, with what to try next.

The core's errors carry English messages for the CLI; here each error *class* maps to our own
translated headline and advice (the English text stays available as copyable details for
someone helping). Also the names of capture steps and roles, translated in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from evidencekit import errors
from ui.workers import Cancelled

# lupdate finds calls spelled translate("Context", "text"); this alias keeps lines short.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Explanation:
    headline: str
    advice: str
    details: str  # the core's own (English) words, for whoever helps


def _texts(error: BaseException) -> tuple[str, str] | None:
    """Headline and advice for `error`'s class, translated now (most specific class first)."""
    if isinstance(error, errors.WrongPassphrase):
        return (
            translate("Messages", "That passphrase did not open this vault."),
            translate(
                "Messages",
                "Check Caps Lock and the keyboard language, then try again. There is no limit "
                "on tries, and nothing is locked or deleted.",
            ),
        )
    if isinstance(error, errors.VaultBusy):
        return (
            translate("Messages", "This vault is already open in another EvidenceKit window."),
            translate(
                "Messages",
                "Close the other window (or wait until it finishes), then try again.",
            ),
        )
    if isinstance(error, errors.VaultNotFound):
        return (
            translate("Messages", "There is no vault at that place."),
            translate("Messages", "Choose the vault file again, or create a new vault."),
        )
    if isinstance(error, errors.VaultExists):
        return (
            translate("Messages", "A vault already exists at that place."),
            translate(
                "Messages",
                "Open it with its passphrase, or choose another name for the new vault. "
                "Nothing was changed.",
            ),
        )
    if isinstance(error, errors.WeakPassphrase):
        return (
            translate("Messages", "This passphrase is too short."),
            translate(
                "Messages",
                "Use at least 8 characters. A few ordinary words in a row are easy to remember "
                "and hard to guess.",
            ),
        )
    if isinstance(error, errors.VaultCorrupt):
        return (
            translate("Messages", "Part of the vault file could not be read."),
            translate(
                "Messages",
                "Do not delete it. Keep a copy of the file and ask someone with technical "
                "knowledge for help; a backup copy may still open.",
            ),
        )
    if isinstance(error, errors.DiskFull):
        return (
            translate("Messages", "The disk is full."),
            translate(
                "Messages",
                "Free some space on that disk (move or delete files you do not need), then try "
                "again. Nothing was lost.",
            ),
        )
    if isinstance(error, errors.ReadOnlyMedia):
        return (
            translate("Messages", "This disk can only be read, not written."),
            translate(
                "Messages",
                "Nothing can be added or changed on it. To work with the vault, copy the vault "
                "file to your computer first and open the copy. Nothing was changed.",
            ),
        )
    if isinstance(error, errors.NoPermission):
        return (
            translate("Messages", "EvidenceKit is not allowed to use that file or folder."),
            translate("Messages", "Choose another place, or ask the computer's owner for access."),
        )
    if isinstance(error, errors.VaultLeftSplit):
        return (
            translate("Messages", "The latest changes are kept in a second file beside the vault."),
            translate(
                "Messages",
                "They are safe. Keep the files together, free some space on the disk, and open "
                "the vault again before you copy it.",
            ),
        )
    if isinstance(error, errors.VaultTooNew):
        return (
            translate("Messages", "This vault was made by a newer version of EvidenceKit."),
            translate("Messages", "Update EvidenceKit, then open the vault again."),
        )
    if isinstance(error, errors.BrowserNotFound):
        return (
            translate(
                "Messages",
                "No web browser was found that EvidenceKit can use to capture pages.",
            ),
            translate(
                "Messages",
                "Install Google Chrome, Microsoft Edge or Chromium, then try again. Adding "
                "saved files with “Add files…” works without a browser.",
            ),
        )
    if isinstance(error, errors.BrowserLaunchFailed):
        return (
            translate("Messages", "The browser could not be started."),
            translate(
                "Messages",
                "Restart the computer and try again. If it keeps happening, reinstall Chrome, "
                "Edge or Chromium.",
            ),
        )
    if isinstance(error, errors.BadUrl):
        return (
            translate("Messages", "This is not a web address EvidenceKit can capture."),
            translate(
                "Messages",
                "Copy the whole address from the browser's address bar. It starts with https://",
            ),
        )
    if isinstance(error, errors.HostNotFound):
        return (
            translate("Messages", "The site could not be found."),
            translate(
                "Messages",
                "Check the address for typing mistakes, and check that this computer is "
                "connected to the internet.",
            ),
        )
    if isinstance(error, errors.ConnectionRefused):
        return (
            translate("Messages", "The site refused the connection."),
            translate("Messages", "Check the address, or try again later."),
        )
    if isinstance(error, errors.PageIsDownload):
        return (
            translate("Messages", "This address downloads a file instead of showing a page."),
            translate("Messages", "Save the file on the computer, then add it with “Add files…”."),
        )
    if isinstance(error, errors.CaptureTimedOut):
        return (
            translate(
                "Messages",
                "The page took too long, so the capture was stopped. Nothing was saved.",
            ),
            translate("Messages", "Try again later, when the connection may be faster."),
        )
    if isinstance(error, errors.PageLoadFailed):
        return (
            translate("Messages", "The page could not be loaded. Nothing was saved."),
            translate("Messages", "Check the internet connection and try again in a few minutes."),
        )
    if isinstance(error, errors.CaptureFailed):
        return (
            translate("Messages", "The capture failed unexpectedly. Nothing was saved."),
            translate(
                "Messages",
                "Try again. If it fails again, the details below can help someone who helps you.",
            ),
        )
    if isinstance(error, errors.InputFileError):
        return (
            translate("Messages", "This file could not be added."),
            translate(
                "Messages",
                "Check that the file is still there and that it opens, then try again.",
            ),
        )
    if isinstance(error, errors.OutputFileError):
        return (
            translate("Messages", "The file could not be saved there."),
            translate(
                "Messages",
                "Choose another place (another folder or a USB stick) and check that it has "
                "free space.",
            ),
        )
    if isinstance(error, errors.CaseExists):
        return (
            translate("Messages", "A case with this name already exists."),
            translate("Messages", "Choose another name."),
        )
    if isinstance(error, errors.CaseNotFound):
        return (
            translate("Messages", "That case is no longer in the vault."),
            translate("Messages", "Choose another case from the list."),
        )
    if isinstance(error, errors.ItemNotFound):
        return (
            translate("Messages", "This item is no longer in the vault."),
            translate("Messages", "Go back to the list; it shows what the vault holds now."),
        )
    if isinstance(error, errors.TimestampFailed):
        return (
            translate("Messages", "The time-stamp server could not give a time-stamp now."),
            translate(
                "Messages",
                "Your evidence is saved and sealed. The time-stamp will be added when this "
                "computer is online.",
            ),
        )
    if isinstance(error, errors.IdentityDamaged):
        return (
            translate("Messages", "The vault's signing key is damaged."),
            translate(
                "Messages",
                "The evidence already stored is safe. Ask someone with technical knowledge for "
                "help before adding more.",
            ),
        )
    if isinstance(error, Cancelled):
        return (
            translate("Messages", "Stopped, as you asked."),
            translate("Messages", "What was already saved stays in the vault."),
        )
    if isinstance(error, PermissionError):
        return (
            translate("Messages", "EvidenceKit is not allowed to use that file or folder."),
            translate("Messages", "Choose another place, or ask the computer's owner for access."),
        )
    if isinstance(error, OSError):
        return (
            translate("Messages", "The computer could not read or write a file."),
            translate(
                "Messages",
                "Check that the disk or USB stick is still connected and has free space, then "
                "try again.",
            ),
        )
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


def check_name(name: str) -> str:
    """A verifier check ("pdf", "whole file", "item 2 (abc…)") in plain words."""
    if name.startswith("item ") and name[5:6].isdigit():
        return translate("Messages", "Item %1").replace("%1", name[5:])
    names = {
        "pdf": translate("Messages", "The file is a readable PDF"),
        "appended data": translate("Messages", "Nothing was added after the end"),
        "signature": translate("Messages", "The signature is intact"),
        "whole file": translate("Messages", "The signature covers the whole file"),
        "signer": translate("Messages", "Who signed it"),
        "signature timestamp": translate("Messages", "Time-stamp of the signature"),
        "document timestamp": translate("Messages", "Long-term time-stamp"),
        "identity": translate("Messages", "The signer is the one the bundle names"),
        "bundle.json": translate("Messages", "The bundle's index"),
        "attachments": translate("Messages", "The attached files"),
        "items": translate("Messages", "The items"),
        "custody": translate("Messages", "The record of everything done to the evidence"),
    }
    return names.get(name, name)


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

"""Turning record fields into words for the screen: local times, sizes, titles, custody actions.

Display only; every value shown comes from the vault as it is.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt

from evidencekit.vault.records import ItemRecord

translate = QCoreApplication.translate


def language() -> str:
    """The language the app shows ("sq" or "en"), for texts the core gives in both (the
    verifier's details). `app.Translators.install` sets the default locale with the
    translation, so this follows the user's choice, not the computer's."""
    return "sq" if QLocale().language() == QLocale.Language.Albanian else "en"


def when(iso_utc: str | None, *, seconds: bool = False, compact: bool = False) -> str:
    """A UTC ISO 8601 time in the user's language and local time zone (`compact`: for a
    table column, short date and time to the second)."""
    if not iso_utc:
        return ""
    moment = QDateTime.fromString(iso_utc.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(iso_utc.replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso_utc
    local = moment.toLocalTime()
    if compact:
        locale = QLocale()
        short = locale.dateFormat(QLocale.FormatType.ShortFormat)
        return locale.toString(local, f"{short} HH:mm:ss")
    if not seconds:
        return QLocale().toString(local, QLocale.FormatType.ShortFormat)
    # "29 November 2026, 07:30:52 (UTC+01:00)": month names in the chosen language, no
    # weekday, and the offset, so a reader elsewhere knows which clock this is.
    offset = local.offsetFromUtc()
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    text = QLocale().toString(local, "d MMMM yyyy, HH:mm:ss")
    return f"{text} (UTC{sign}{hours:02d}:{minutes:02d})"


def size(n: int | None) -> str:
    if n is None:
        return ""
    return QLocale().formattedDataSize(n)


def title(item: ItemRecord) -> str:
    """What to call an item: its page title, else its site, else its file name."""
    if item.title.strip():
        return item.title.strip()
    if item.url:
        return urlsplit(item.url).hostname or item.url
    return item.file_name or item.id


def place(item: ItemRecord) -> str:
    if item.kind == "web":
        return item.url or ""
    return item.file_name or ""


def http_status(status: int | None) -> str:
    if status is None:
        return ""
    if 200 <= status < 300:
        return translate("Format", "The page was shown normally (%1)").replace("%1", str(status))
    if status in (404, 410):
        return translate(
            "Format", "The site said the page is removed or not found (%1) — kept as evidence"
        ).replace("%1", str(status))
    if status >= 400:
        return translate("Format", "The site answered with an error (%1)").replace(
            "%1", str(status)
        )
    return str(status)


def action_details(action_name: str, details: dict[str, Any]) -> str:
    """The few details of a custody entry a person cares about (consent, tags, who stamped)."""
    parts = []
    if details.get("consent"):
        parts.append(translate("Format", "Consent: %1").replace("%1", str(details["consent"])))
    if action_name == "tag":
        tags = details.get("tags") or []
        parts.append(", ".join(str(t) for t in tags) if tags else translate("Format", "no tags"))
    if details.get("tsa"):
        host = urlsplit(str(details["tsa"])).hostname or str(details["tsa"])
        parts.append(translate("Format", "from %1").replace("%1", host))
    if details.get("new_name"):
        parts.append(str(details["new_name"]))
    return "; ".join(parts)


def action(name: str) -> str:
    """A custody-log action in plain words."""
    words = {
        "create": translate("Format", "Vault made"),
        "capture": translate("Format", "Captured from the web"),
        "import": translate("Format", "Added from a file"),
        "timestamp": translate("Format", "Time-stamped"),
        "timestamp-pending": translate("Format", "Time-stamp waiting (offline)"),
        "timestamp-rejected": translate("Format", "A time-stamp answer was refused"),
        "note": translate("Format", "Note added"),
        "tag": translate("Format", "Tags changed"),
        "view": translate("Format", "Picture shown"),
        "hide": translate("Format", "Set to never show"),
        "unhide": translate("Format", "Allowed to show again"),
        "extract": translate("Format", "File copied out"),
        "export": translate("Format", "Exported in a bundle"),
        "delete": translate("Format", "Deleted"),
        "create-case": translate("Format", "Case made"),
        "rename-case": translate("Format", "Case renamed"),
        "anchor": translate("Format", "Record time-stamped"),
    }
    return words.get(name, name)

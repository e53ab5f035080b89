"""The language the app speaks: choosing it, installing the Qt translators, switching at run time.

Its own module so that both the start-up (`ui.app`) and the window (`ui.main_window`, which
switches when the setting changes) use it without importing each other.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "sq")


def pick_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting if it names one we have, else the system's."""
    if setting in LANGUAGES:
        return setting
    system = system or QLocale.system()
    for name in [system.name(), *system.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translators:
    """Our translation and Qt's own (for its standard buttons), swapped as a pair."""

    def __init__(self, app: QCoreApplication, folder: Path = TRANSLATIONS) -> None:
        self._app = app
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch to `language`; True when our own translation was found (English needs none)."""
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = []
        self.language = language
        ours = QTranslator(self._app)
        found = ours.load(f"evidencekit_{language}", str(self._folder))
        if found:
            self._app.installTranslator(ours)
            self._installed.append(ours)
        elif language != "en":
            log.warning("no translation for %s in %s", language, self._folder)
        qt_own = QTranslator(self._app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and qt_own.load(f"qtbase_{language}", qt_folder):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        # Dates and numbers follow the chosen language too (an English system keeps its own
        # conventions; English chosen on another system gets day-month-year dates).
        system = QLocale.system()
        if language == "sq":
            QLocale.setDefault(QLocale("sq_AL"))
        elif system.language() == QLocale.Language.English:
            QLocale.setDefault(system)
        else:
            QLocale.setDefault(QLocale("en_GB"))
        return found or language == "en"

    def follow_setting(self, setting: str) -> bool:
        """Switch to the language the setting asks for (the system's when it names none)."""
        return self.install(pick_language(setting))

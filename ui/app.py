"""Start the desktop app: translations, Qt settings kept off the disk, the job thread, the window.

The look follows the system: its font and size, its palette (high-contrast included), its
style. We add no sounds, no notifications and no tray icon.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from evidencekit.config import load_settings

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


def keep_qt_settings_off_disk() -> Path:
    """Point Qt's own settings (the file dialog's history and last folder) at a private
    temporary folder that is deleted on exit, so no list of opened files is left behind."""
    folder = Path(tempfile.mkdtemp(prefix="ek-qt-", dir=_ram_dir()))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    # The file dialog opens QSettings(UserScope, "QtProject"): the *native* format, which on
    # Linux and macOS is a file too; both formats are pointed at the private folder. (On
    # Windows the native format is the registry, which setPath cannot move.)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(kind, scope, str(folder))
    return folder


def _ram_dir() -> str | None:
    shm = Path("/dev/shm")  # noqa: S108 - only used through mkdtemp (0700)
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def no_core_dumps() -> None:
    """A crash must not write the decrypted evidence in memory to a core file."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows, or a hard limit we may not lower
        pass


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    no_core_dumps()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("EvidenceKit")
    qt_settings = keep_qt_settings_off_disk()
    try:
        from ui.context import AppContext
        from ui.main_window import MainWindow
        from ui.safety import ClipboardGuard
        from ui.workers import LoopThread

        settings = load_settings()
        translators = Translators(app)
        translators.install(pick_language(settings.language))
        runner = LoopThread()
        runner.start_loop()
        context = AppContext(
            settings=settings,
            runner=runner,
            clipboard=ClipboardGuard(settings.clipboard_clear_s * 1000),
        )
        window = MainWindow(context, translators, quit_on_quick_exit=True)
        window.show()
        code = int(app.exec())
        window.shutdown()
        return code
    finally:
        shutil.rmtree(qt_settings, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

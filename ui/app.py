"""Start the desktop app: translations (see `ui.language`), Qt settings kept off the disk, the job
thread, the window.

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

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from evidencekit import launchers
from evidencekit.capture.browser_install import use_user_browser_folder
from evidencekit.config import load_settings
from evidencekit.launchers import FILE_STEM, LAUNCHER_NAME, NEUTRAL_FLAG
from ui.language import LANGUAGES, TRANSLATIONS, Translators, pick_language

log = logging.getLogger(__name__)

__all__ = ["LANGUAGES", "TRANSLATIONS", "Translators", "main", "pick_language"]


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
    argv = list(argv if argv is not None else sys.argv)
    from ui.safety import neutral_in_force, start_disguised

    settings = load_settings()
    # The "Notes" launcher passes this: neutral title and icon, whatever the setting says.
    start_disguised(NEUTRAL_FLAG in argv[1:])
    neutral = neutral_in_force(settings)
    # Qt names the window's class (WM_CLASS) and its hidden X11 windows after argv[0] and the
    # application name, and taskbars match windows to menu entries by them: neutral means
    # "Notes" there too (fixed at start: a setting changed later applies at the next start).
    app = QApplication.instance() or QApplication([FILE_STEM, *argv[1:]] if neutral else argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(LAUNCHER_NAME if neutral else "EvidenceKit")
    if neutral and launchers.is_installed():
        app.setDesktopFileName(FILE_STEM)  # Wayland's app id: the taskbar shows that entry
    use_user_browser_folder()  # a built app installs its browser where she may write
    qt_settings = keep_qt_settings_off_disk()
    try:
        from ui.context import AppContext
        from ui.main_window import MainWindow
        from ui.safety import ClipboardGuard, apply_window_icon
        from ui.workers import LoopThread

        apply_window_icon(settings)
        translators = Translators(app)
        translators.follow_setting(settings.language)
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

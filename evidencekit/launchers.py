"""The disguised launcher: a menu entry called "Notes", with a notepad icon, that starts this app
with its neutral window title (issue 13, SAFETY: a glance at the menu or the dock tells nothing).

What it hides: the name in the applications menu, the Start menu or Launchpad, and the window's
title and icon while the app runs. What it does NOT hide: the program itself is still installed
under its own name (the .deb's /opt/evidencekit and its menu entry, the Windows installer's
entry in "Apps", the macOS app), and the launcher file names the program it starts.

Per system (everything goes into the user's own folders, no administrator needed):

- Linux: a desktop entry `$XDG_DATA_HOME/applications/local-notes.desktop` (Name "Notes";
  nothing in Name, GenericName, Comment, Keywords or the file name names EvidenceKit), and its
  icon copied to `$XDG_DATA_HOME/icons/hicolor/256x256/apps/local-notes.png`.
- Windows: a Start-menu shortcut `Notes.lnk` made by PowerShell's WScript.Shell, with its icon
  copied beside the app's data. Not run on Windows yet (written from Microsoft's documentation).
- macOS: a small `~/Applications/Notes.app` whose executable is a shell script that starts this
  app. Not run on a Mac yet; its structure is tested on Linux.

Adding twice rewrites the same files; removing deletes only the files that are ours (each is
checked before it is deleted) and nothing else. Every file is written atomically.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from evidencekit.atomic import atomic_output
from evidencekit.errors import EXIT_FAILED, EvidenceKitError

# The command-line flag the launcher passes: the app starts with the neutral title and icon
# even when the setting is off (ui/app.py reads it).
NEUTRAL_FLAG = "--neutral-title"
LAUNCHER_NAME = "Notes"
FILE_STEM = "local-notes"
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
INSTALLED_GUI = Path("/usr/bin/evidencekit-gui")  # the .deb's launcher on PATH
MAC_BUNDLE_ID = "local.notes.launcher"


class LauncherError(EvidenceKitError):
    exit_code = EXIT_FAILED
    message = "The “Notes” launcher could not be changed. Nothing else was touched."


@dataclass(frozen=True)
class Places:
    """Where the launcher's files go; tests point `home` and `env` into a temporary folder."""

    platform: str
    home: Path
    env: Mapping[str, str]

    @classmethod
    def here(cls) -> Places:
        return cls(sys.platform, Path.home(), os.environ)

    def _data_home(self) -> Path:
        value = self.env.get("XDG_DATA_HOME", "")
        # The XDG spec: a relative value is invalid and must be ignored.
        return Path(value) if value and os.path.isabs(value) else self.home / ".local" / "share"

    def _appdata(self, name: str, fallback: str) -> Path:
        value = self.env.get(name, "")
        return Path(value) if value else self.home / fallback

    @property
    def entry(self) -> Path:
        """The launcher itself: the file the menu shows."""
        if self.platform.startswith("win"):
            programs = self._appdata("APPDATA", "AppData/Roaming")
            return programs / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Notes.lnk"
        if self.platform == "darwin":
            return self.home / "Applications" / "Notes.app"
        return self._data_home() / "applications" / f"{FILE_STEM}.desktop"

    @property
    def icon(self) -> Path:
        """The icon copy the launcher points at (inside the bundle on macOS)."""
        if self.platform.startswith("win"):
            return self._appdata("LOCALAPPDATA", "AppData/Local") / "Notes" / "notes.ico"
        if self.platform == "darwin":
            return self.entry / "Contents" / "Resources" / "notes.icns"
        return self._data_home() / "icons" / "hicolor" / "256x256" / "apps" / f"{FILE_STEM}.png"


def app_command(
    *, frozen: bool | None = None, executable: str | None = None, installed: Path = INSTALLED_GUI
) -> list[str]:
    """The command that starts THIS desktop app with the neutral title.

    A PyInstaller build runs its own executable (through /usr/bin/evidencekit-gui when the
    .deb's link points at it, so the entry survives an update of /opt); a source tree runs
    this Python on the checkout's main.py.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    exe = Path(executable or sys.executable)
    if frozen:
        program = exe
        if installed.exists() and installed.resolve() == exe.resolve():
            program = installed
        return [str(program), NEUTRAL_FLAG]
    main_py = Path(__file__).resolve().parent.parent / "main.py"
    if exe.name.lower() == "python.exe":  # no console window behind the app on Windows
        windowed = exe.with_name("pythonw.exe")
        exe = windowed if windowed.exists() else exe
    return [str(exe), str(main_py), NEUTRAL_FLAG]


# --- Linux: a desktop entry --------------------------------------------------------------------


def _exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key").

    Quoted when it holds a reserved character; inside quotes ", `, $ and \\ are escaped with a
    backslash; % is doubled (field codes). The whole value is then a string value, whose own
    escape doubles every backslash again.
    """
    arg = arg.replace("%", "%%")
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not (set(arg) & reserved):
        quoted = arg
    else:
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        quoted = f'"{inner}"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: list[str], icon: Path) -> str:
    """The text of the Linux desktop entry. Its visible fields say only "Notes"."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={LAUNCHER_NAME}",
        "Name[sq]=Shënime",
        "GenericName=Notes",
        "GenericName[sq]=Shënime",
        "Comment=Write and keep notes",
        "Comment[sq]=Shkruani dhe ruani shënime",
        "Exec=" + " ".join(_exec_quote(arg) for arg in command),
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Utility;",
        "StartupNotify=false",
        f"StartupWMClass={LAUNCHER_NAME}",  # the app's window class when neutral (ui/app.py)
        "",
    ]
    return "\n".join(lines)


def _is_ours_desktop(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    execs = [line for line in text.splitlines() if line.startswith("Exec=")]
    return f"Name={LAUNCHER_NAME}" in text.splitlines() and any(NEUTRAL_FLAG in e for e in execs)


# --- Windows: a Start-menu shortcut -------------------------------------------------------------


def _is_ours_shortcut(path: Path) -> bool:
    """A .lnk stores its arguments as UTF-16 text: ours carry the neutral flag."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return NEUTRAL_FLAG.encode("utf-16-le") in data or NEUTRAL_FLAG.encode("ascii") in data


def _ps_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def shortcut_script(shortcut: Path, command: list[str], icon: Path) -> str:
    """The PowerShell that makes the .lnk (WScript.Shell's CreateShortcut). Untested on Windows."""
    arguments = subprocess.list2cmdline(command[1:])
    return "; ".join(
        [
            "$ErrorActionPreference = 'Stop'",
            "$shell = New-Object -ComObject WScript.Shell",
            f"$link = $shell.CreateShortcut({_ps_literal(str(shortcut))})",
            f"$link.TargetPath = {_ps_literal(command[0])}",
            f"$link.Arguments = {_ps_literal(arguments)}",
            f"$link.IconLocation = {_ps_literal(str(icon) + ',0')}",
            f"$link.Description = {_ps_literal(LAUNCHER_NAME)}",
            "$link.Save()",
        ]
    )


def _run_powershell(script: str) -> None:
    try:
        subprocess.run(
            ["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
            check=True,
            capture_output=True,
            timeout=60,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise LauncherError(detail=str(exc)) from exc


# --- macOS: a tiny application bundle ----------------------------------------------------------


def mac_info_plist() -> bytes:
    return plistlib.dumps(
        {
            "CFBundleName": LAUNCHER_NAME,
            "CFBundleDisplayName": LAUNCHER_NAME,
            "CFBundleIdentifier": MAC_BUNDLE_ID,
            "CFBundleExecutable": LAUNCHER_NAME,
            "CFBundleIconFile": "notes",
            "CFBundlePackageType": "APPL",
            "CFBundleVersion": "1",
            "LSMinimumSystemVersion": "11.0",
        }
    )


def mac_script(command: list[str]) -> str:
    return "#!/bin/sh\nexec " + " ".join(shlex.quote(arg) for arg in command) + ' "$@"\n'


def _mac_files(entry: Path, command: list[str]) -> dict[Path, tuple[bytes, int]]:
    contents = entry / "Contents"
    return {
        contents / "Info.plist": (mac_info_plist(), 0o644),
        contents / "MacOS" / LAUNCHER_NAME: (mac_script(command).encode("utf-8"), 0o755),
        contents / "Resources" / "notes.icns": ((ICONS / "notes.icns").read_bytes(), 0o644),
    }


def _is_ours_mac(entry: Path) -> bool:
    try:
        info = plistlib.loads((entry / "Contents" / "Info.plist").read_bytes())
    except (OSError, plistlib.InvalidFileException, ValueError):
        return False
    return isinstance(info, dict) and info.get("CFBundleIdentifier") == MAC_BUNDLE_ID


# --- the three operations ----------------------------------------------------------------------


def _write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path, mode=mode) as handle:
        handle.write(data)


def is_installed(places: Places | None = None) -> bool:
    """True when our launcher is there (someone else's file of the same name does not count)."""
    places = places or Places.here()
    if places.platform == "darwin":
        return _is_ours_mac(places.entry)
    if places.platform.startswith("win"):
        return _is_ours_shortcut(places.entry)
    return _is_ours_desktop(places.entry)


def add_launcher(places: Places | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the launcher (again); return the files written. Another program's file of the same
    name is never overwritten: `LauncherError` says so."""
    places = places or Places.here()
    command = command or app_command()
    entry = places.entry
    try:
        if places.platform == "darwin":
            if entry.exists() and not _is_ours_mac(entry):
                raise _taken(entry)
            files = _mac_files(entry, command)
            for path, (data, mode) in files.items():
                _write(path, data, mode)
            return list(files)
        if places.platform.startswith("win"):
            if entry.exists() and not _is_ours_shortcut(entry):
                raise _taken(entry)
            _write(places.icon, (ICONS / "notes.ico").read_bytes(), 0o644)
            entry.parent.mkdir(parents=True, exist_ok=True)
            _run_powershell(shortcut_script(entry, command, places.icon))
            return [places.icon, entry]
        if entry.exists() and not _is_ours_desktop(entry):
            raise _taken(entry)
        had_icon = places.icon.exists()
        _write(places.icon, (ICONS / "notes-256.png").read_bytes(), 0o644)
        try:
            _write(entry, desktop_entry(command, places.icon).encode("utf-8"), 0o644)
        except BaseException:  # OSError, or the typed NoPermission/DiskFull from atomic_output
            if not had_icon:  # no icon left behind without its launcher
                places.icon.unlink(missing_ok=True)
            raise
        return [places.icon, entry]
    except OSError as exc:
        raise LauncherError(detail=str(exc)) from exc


def remove_launcher(places: Places | None = None) -> list[Path]:
    """Delete the launcher's files, only if they are ours; return those deleted."""
    places = places or Places.here()
    entry = places.entry
    removed: list[Path] = []
    try:
        if places.platform == "darwin":
            if not _is_ours_mac(entry):
                return removed
            for path in _mac_files(entry, ["-"]):  # exactly the files add_launcher writes
                if path.exists():
                    path.unlink()
                    removed.append(path)
            for folder in (entry / "Contents" / "MacOS", entry / "Contents" / "Resources"):
                _rmdir_if_empty(folder)
            _rmdir_if_empty(entry / "Contents")
            _rmdir_if_empty(entry)
            return removed
        windows = places.platform.startswith("win")
        ours = _is_ours_shortcut(entry) if windows else _is_ours_desktop(entry)
        if ours:
            entry.unlink()
            removed.append(entry)
            if places.icon.is_file():
                places.icon.unlink()
                removed.append(places.icon)
            if windows:
                _rmdir_if_empty(places.icon.parent)
        return removed
    except OSError as exc:
        raise LauncherError(detail=str(exc)) from exc


def _rmdir_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty (someone else's file) or already gone: leave it
        pass


def _taken(path: Path) -> LauncherError:
    return LauncherError(
        f"There is already another launcher at “{path}”. It was left as it is; "
        "remove or rename it first if you want the “Notes” launcher."
    )

"""The disguised "Notes" launcher (evidencekit.launchers): real files in a temporary HOME.

Linux is run for real (and checked by `desktop-file-validate` when it is installed); the macOS
bundle's structure is written and read back here too; the Windows shortcut needs PowerShell, so
only the script it would run is checked.
"""

from __future__ import annotations

import configparser
import plistlib
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from evidencekit import launchers
from evidencekit.launchers import NEUTRAL_FLAG, LauncherError, Places

ROOT = Path(__file__).resolve().parents[2]
VISIBLE_KEYS = ("Name", "GenericName", "Comment", "Keywords")


def linux(tmp_path: Path) -> Places:
    home = tmp_path / "home"
    return Places("linux", home, {"XDG_DATA_HOME": str(home / "data")})


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def exec_args(value: str) -> list[str]:
    """Split an Exec value as a desktop environment does (Desktop Entry Spec, "The Exec key")."""
    value = value.replace("\\\\", "\\")  # the string value's own escape, undone first
    args: list[str] = []
    current, quoted, i, started = "", False, 0, False
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += ch
        i += 1
    if started or current:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def test_linux_entry_is_called_notes_and_names_nothing_else(tmp_path: Path) -> None:
    places = linux(tmp_path)
    written = launchers.add_launcher(places)
    assert places.entry in written and places.icon in written
    assert places.entry.parent == tmp_path / "home" / "data" / "applications"
    entry = read_entry(places.entry)
    assert entry["Name"] == "Notes" and entry["Name[sq]"] == "Shënime"
    assert entry["Type"] == "Application"
    for key, value in entry.items():
        if key.split("[")[0] in VISIBLE_KEYS:
            assert "evidence" not in value.lower(), (key, value)
    assert "evidence" not in places.entry.name.lower()
    assert "evidence" not in places.icon.name.lower()
    # The icon is the notepad, copied where the entry points.
    assert Path(entry["Icon"]) == places.icon
    assert places.icon.read_bytes() == (ROOT / "resources/icons/notes-256.png").read_bytes()
    assert launchers.is_installed(places)


def test_exec_starts_this_app_with_the_neutral_title(tmp_path: Path) -> None:
    places = linux(tmp_path)
    launchers.add_launcher(places)
    args = exec_args(read_entry(places.entry)["Exec"])
    assert args == launchers.app_command()
    assert args[0] == sys.executable and args[1] == str(ROOT / "main.py")
    assert args[-1] == NEUTRAL_FLAG


def test_exec_quoting_survives_spaces_quotes_and_percent(tmp_path: Path) -> None:
    places = linux(tmp_path)
    odd = ['/opt/My Apps/it\'s "here" $HOME`x`\\/run%s', "--neutral-title"]
    launchers.add_launcher(places, command=odd)
    assert exec_args(read_entry(places.entry)["Exec"]) == odd
    validate(places.entry)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate_accepts_it(tmp_path: Path) -> None:
    places = linux(tmp_path)
    launchers.add_launcher(places)
    validate(places.entry)


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_adding_twice_is_harmless_and_removing_takes_only_ours(tmp_path: Path) -> None:
    places = linux(tmp_path)
    apps = places.entry.parent
    icon_dir = places.icon.parent
    apps.mkdir(parents=True)
    icon_dir.mkdir(parents=True)
    neighbours = [apps / "firefox.desktop", apps / "notes-other.desktop", icon_dir / "other.png"]
    for path in neighbours:
        path.write_text("someone else's\n")
    first = launchers.add_launcher(places)
    text = places.entry.read_bytes()
    second = launchers.add_launcher(places)
    assert first == second and places.entry.read_bytes() == text
    assert sorted(p.name for p in apps.iterdir()) == [
        "firefox.desktop",
        "local-notes.desktop",
        "notes-other.desktop",
    ]  # no leftover temporary files from the atomic writes
    assert stat.S_IMODE(places.entry.stat().st_mode) == 0o644
    removed = launchers.remove_launcher(places)
    assert sorted(removed) == sorted([places.entry, places.icon])
    assert not places.entry.exists() and not places.icon.exists()
    assert all(p.read_text() == "someone else's\n" for p in neighbours)
    assert not launchers.is_installed(places)
    assert launchers.remove_launcher(places) == []  # removing again: nothing to do


def test_someone_elses_file_of_that_name_is_never_overwritten_or_removed(tmp_path: Path) -> None:
    places = linux(tmp_path)
    places.entry.parent.mkdir(parents=True)
    theirs = "[Desktop Entry]\nType=Application\nName=Notes\nExec=gnome-notes\n"
    places.entry.write_text(theirs)
    assert not launchers.is_installed(places)
    with pytest.raises(LauncherError) as caught:
        launchers.add_launcher(places)
    assert str(places.entry) in str(caught.value)
    assert launchers.remove_launcher(places) == []
    assert places.entry.read_text() == theirs
    assert not places.icon.exists()


def test_an_applications_folder_that_cannot_be_used_is_a_typed_error(tmp_path: Path) -> None:
    places = linux(tmp_path)
    places.entry.parent.parent.mkdir(parents=True)
    places.entry.parent.write_text("a file where the folder should be")  # fails even for root
    with pytest.raises(LauncherError) as caught:
        launchers.add_launcher(places)
    assert caught.value.detail  # what the system said, for whoever helps
    assert not places.icon.exists()  # no icon left behind without its launcher


def test_xdg_data_home_unset_or_relative_means_local_share(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for env in ({}, {"XDG_DATA_HOME": "relative/dir"}):
        places = Places("linux", home, env)
        assert places.entry == home / ".local/share/applications/local-notes.desktop"


def test_frozen_build_runs_its_own_executable_or_the_installed_link(tmp_path: Path) -> None:
    exe = tmp_path / "opt" / "evidencekit-gui"
    exe.parent.mkdir()
    exe.write_text("")
    link = tmp_path / "usr-bin-evidencekit-gui"
    missing = tmp_path / "none"
    assert launchers.app_command(frozen=True, executable=str(exe), installed=missing) == [
        str(exe),
        NEUTRAL_FLAG,
    ]
    link.symlink_to(exe)
    assert launchers.app_command(frozen=True, executable=str(exe), installed=link) == [
        str(link),
        NEUTRAL_FLAG,
    ]


def test_macos_bundle_structure_and_removal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    places = Places("darwin", home, {})
    fake_app = tmp_path / "My Apps" / "evidencekit-gui"  # prints what it was started with
    fake_app.parent.mkdir()
    fake_app.write_text('#!/bin/sh\nprintf "%s|" "$@"\n')
    fake_app.chmod(0o755)
    command = [str(fake_app), NEUTRAL_FLAG]
    written = launchers.add_launcher(places, command=command)
    app = home / "Applications" / "Notes.app"
    assert places.entry == app and launchers.is_installed(places)
    info = plistlib.loads((app / "Contents/Info.plist").read_bytes())
    assert info["CFBundleName"] == "Notes" and info["CFBundleExecutable"] == "Notes"
    assert not any("evidence" in str(v).lower() for v in info.values())
    script = app / "Contents/MacOS/Notes"
    assert stat.S_IMODE(script.stat().st_mode) == 0o755
    done = subprocess.run([str(script), "-psn_0_1"], capture_output=True, text=True, check=True)
    assert done.stdout == f"{NEUTRAL_FLAG}|-psn_0_1|"  # the app, its flag, what macOS adds
    icns = (app / "Contents/Resources/notes.icns").read_bytes()
    assert icns == (ROOT / "resources/icons/notes.icns").read_bytes()
    (app / "Contents" / "hers.txt").write_text("kept")  # something we did not write
    removed = launchers.remove_launcher(places)
    assert sorted(removed) == sorted(written)
    assert (app / "Contents" / "hers.txt").read_text() == "kept"
    with pytest.raises(LauncherError):  # no longer ours (no Info.plist): left alone
        launchers.add_launcher(places, command=command)
    shutil.rmtree(app)
    launchers.add_launcher(places, command=command)
    launchers.remove_launcher(places)
    assert not app.exists()


def test_windows_shortcut_script_quotes_paths(tmp_path: Path) -> None:
    places = Places("win32", tmp_path, {"APPDATA": r"C:\Users\O'Brien\AppData\Roaming"})
    assert places.entry.name == "Notes.lnk"
    command = [r"C:\Program Files\EvidenceKit\evidencekit-gui.exe", NEUTRAL_FLAG]
    script = launchers.shortcut_script(places.entry, command, places.icon)
    assert r"'C:\Users\O''Brien\AppData\Roaming" in script  # PowerShell's '' inside '…'
    assert r"$link.TargetPath = 'C:\Program Files\EvidenceKit\evidencekit-gui.exe'" in script
    assert f"$link.Arguments = '{NEUTRAL_FLAG}'" in script
    assert "$link.Description = 'Notes'" in script
    # Removal recognises only a shortcut that carries the flag (a .lnk stores UTF-16 text).
    # (On Linux a C:\ path is relative: real files go under tmp_path, never the cwd.)
    places = Places("win32", tmp_path, {"APPDATA": str(tmp_path / "Roaming")})
    assert places.entry.is_relative_to(tmp_path) and places.icon.is_relative_to(tmp_path)
    places.entry.parent.mkdir(parents=True, exist_ok=True)
    places.entry.write_bytes(b"L\0\0\0" + "C:\\Windows\\notepad.exe".encode("utf-16-le"))
    assert launchers.remove_launcher(places) == [] and places.entry.exists()
    places.entry.write_bytes(b"L\0\0\0" + NEUTRAL_FLAG.encode("utf-16-le"))
    assert launchers.remove_launcher(places) == [places.entry]

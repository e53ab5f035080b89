"""The "Notes" desktop entry's Exec, run for real: on a private X server (Xvfb) the app's
window is called "Notes", though the setting is off, and no X11 name of it (title, window
class, Qt's hidden windows) says EvidenceKit (issue 13)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from evidencekit import launchers
from evidencekit.launchers import Places
from tests.gui.test_launchers import exec_args, read_entry

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xwininfo")), reason="needs Xvfb and xwininfo"
)


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not say which display it took"
    return server, f":{number}"


def _window_names(display: str) -> str:
    done = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout


def test_the_entry_starts_this_app_with_the_window_called_notes(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    places = Places.here()  # the test's own HOME and XDG_DATA_HOME
    launchers.add_launcher(places)
    command = exec_args(read_entry(places.entry)["Exec"])
    server, display = _start_xvfb()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        names = ""
        while time.monotonic() < deadline and app.poll() is None:
            names = _window_names(display)
            if '"Notes"' in names:
                break
            time.sleep(0.2)
        assert app.poll() is None, app.communicate()[0].decode(errors="replace")[-2000:]
        assert '"Notes"' in names, names[-2000:]
        # Nothing X11 shows names the app: not the window's class (taskbars group and name
        # windows by it), not Qt's hidden helper windows.
        assert "evidencekit" not in names.lower(), names
        assert '("local-notes" "Notes")' in names  # WM_CLASS, matched by StartupWMClass
    finally:
        app.terminate()
        try:
            app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        server.terminate()
        server.wait(15)

"""The one-folder build against the source tree: folder size, `evidencekit --version` start time,
and the GUI's start to its first window (under Xvfb), measured side by side in one run.

"Cold" runs follow `echo 3 > /proc/sys/vm/drop_caches` (Linux, as root; otherwise the row says
the caches could not be dropped and the first run is only "first"). "Warm" is the median of
`--rounds` runs, alternating built and source so that both see the same machine load.

    python3 dev.py package
    .venv/bin/python benchmarks/package_startup.py [--dist dist/evidencekit] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin")


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def gui_to_window(command: list[str], env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting the GUI to its main window existing on the X screen."""
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < timeout:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True
            ).stdout
            if '"EvidenceKit": ("' in tree:  # the top-level window, with its WM_CLASS
                return time.perf_counter() - start
            time.sleep(0.02)
        raise SystemExit("the GUI showed no window in time")
    finally:
        process.terminate()
        process.wait(10)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "evidencekit")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args()
    built_cli = args.dist / "evidencekit"
    built_gui = args.dist / "evidencekit-gui"
    source_cli = VENV_BIN / "evidencekit"
    source_gui = [str(VENV_BIN / "python"), str(ROOT / "main.py")]
    home = tempfile.mkdtemp(prefix="ek-bench-")
    env = {**os.environ, "HOME": home}

    print(f"one-folder size: {folder_size(args.dist) / 1e6:.0f} MB ({args.dist})")
    pairs = {"built": [str(built_cli), "--version"], "source": [str(source_cli), "--version"]}
    for name, command in pairs.items():
        cold = drop_caches()
        label = "cold" if cold else "first (caches not dropped)"
        print(f"--version {name:6} {label}: {timed(command, env):.2f} s")
    warm: dict[str, list[float]] = {"built": [], "source": []}
    for _ in range(args.rounds):
        for name, command in pairs.items():
            warm[name].append(timed(command, env))
    for name, times in warm.items():
        print(f"--version {name:6} warm median of {args.rounds}: {statistics.median(times):.2f} s")

    if not args.no_gui and shutil.which("Xvfb") and shutil.which("xwininfo"):
        display = ":77"
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"]
        )
        try:
            time.sleep(1.0)
            genv = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            guis = {"built": [str(built_gui)], "source": source_gui}
            for name, command in guis.items():
                cold = drop_caches()
                label = "cold" if cold else "first (caches not dropped)"
                print(f"GUI to window {name:6} {label}: {gui_to_window(command, genv):.2f} s")
            gwarm: dict[str, list[float]] = {"built": [], "source": []}
            for _ in range(args.rounds):
                for name, command in guis.items():
                    gwarm[name].append(gui_to_window(command, genv))
            for name, times in gwarm.items():
                median = statistics.median(times)
                print(f"GUI to window {name:6} warm median of {args.rounds}: {median:.2f} s")
        finally:
            xvfb.terminate()
            xvfb.wait(10)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The one-folder build against the source tree, side by side in one run: folder and .deb size,
`evidencekit --version`, and the GUI's start until the UNLOCK SCREEN is on the screen (Xvfb).

"To the unlock screen" is measured from the pixels, not from a window existing: first each
variant is started once and its screen is read by OCR until it says "Open your vault" (a
vault exists in the benchmark's HOME); that frame is the variant's reference. Each timed run
then grabs the X screen in a loop (this process, Qt on the same Xvfb, ~every 20 ms) and stops
the clock at the first frame that matches the reference (at most 0.1 % of pixels differ: the
text cursor blinks). "Cold" runs follow `echo 3 > /proc/sys/vm/drop_caches` (Linux, as root;
otherwise the row says "first"); "warm" is the median of `--rounds`, built and source
alternating so both see the same machine load.

    python3 dev.py package
    .venv/bin/python benchmarks/package_startup.py [--dist dist/evidencekit] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin")
PASSPHRASE = "a long passphrase for the benchmark"


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


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


class Screen:
    """Frames of the X screen, grabbed by this process's own Qt (xcb on the benchmark's Xvfb)."""

    def __init__(self, display: str) -> None:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtGui import QGuiApplication

        self._app = QGuiApplication(["benchmark"])

    def frame(self):  # type: ignore[no-untyped-def]
        import numpy as np
        from PySide6.QtGui import QImage

        image = self._app.primaryScreen().grabWindow(0).toImage()
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).copy()

    def save(self, path: Path) -> None:
        self._app.primaryScreen().grabWindow(0).save(str(path), "PNG")


def reference(screen: Screen, command: list[str], env: dict[str, str], png: Path):  # type: ignore[no-untyped-def]
    """The variant's unlock screen, confirmed by OCR, as a frame."""
    from tests.support.package_smoke import read_text

    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            time.sleep(1.0)
            screen.save(png)
            text = read_text(png)
            if "open your vault" in text and "passphrase" in text:
                time.sleep(1.0)  # settled
                return screen.frame()
        raise SystemExit(f"{command[0]}: the unlock screen did not appear (last read: {text!r})")
    finally:
        process.terminate()
        process.wait(20)


def _changed(frame, other) -> float:  # type: ignore[no-untyped-def]
    """The share of pixels (4 bytes each) that differ between two frames."""
    return float((frame != other).reshape(-1, 4).any(axis=1).mean())


def to_unlock_screen(screen: Screen, command: list[str], env: dict[str, str], ref) -> float:  # type: ignore[no-untyped-def]
    """Seconds from starting the GUI to the first frame showing its unlock screen."""
    blank = screen.frame()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while time.perf_counter() - start < 90:
            frame = screen.frame()
            if frame.shape == ref.shape and _changed(frame, ref) < 0.001:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise SystemExit("the unlock screen did not appear in time")
    finally:
        process.terminate()
        process.wait(20)
        # The next run starts from an empty screen again.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _changed(screen.frame(), blank) > 0.001:
            time.sleep(0.05)


def side_by_side(
    label: str, measure: Callable[[str], float], names: list[str], rounds: int
) -> list[str]:
    rows = []
    cold = {}
    for name in names:
        dropped = drop_caches()
        cold[name] = measure(name)
        kind = "cold" if dropped else "first (caches not dropped)"
    warm: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        for name in names:
            warm[name].append(measure(name))
    built_warm, source_warm = (statistics.median(warm[n]) for n in names)
    rows.append(f"| {label}, {kind} | {cold['built']:.2f} s | {cold['source']:.2f} s | "
                f"{cold['built'] / cold['source']:.2f} |")  # fmt: skip
    rows.append(f"| {label}, warm (median of {rounds}) | {built_warm:.2f} s | "
                f"{source_warm:.2f} s | {built_warm / source_warm:.2f} |")  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "evidencekit")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args()
    built_cli, built_gui = args.dist / "evidencekit", args.dist / "evidencekit-gui"
    clis = {"built": [str(built_cli)], "source": [str(VENV_BIN / "evidencekit")]}
    guis = {"built": [str(built_gui)], "source": [str(VENV_BIN / "python"), str(ROOT / "main.py")]}
    home = Path(tempfile.mkdtemp(prefix="ek-bench-"))
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "LANGUAGE": "en"}
    names = ["built", "source"]

    debs = sorted(args.dist.parent.glob("evidencekit_*.deb"))
    print(f"one folder: {folder_size(args.dist) / 2**20:.0f} MiB ({args.dist})")
    for deb in debs:
        print(f".deb: {deb.stat().st_size / 2**20:.0f} MiB ({deb.name})")
    rows = ["| | built | source tree | built/source |", "|---|---|---|---|"]
    rows += side_by_side(
        "`evidencekit --version`", lambda n: timed([*clis[n], "--version"], env), names,
        args.rounds,
    )  # fmt: skip
    if not args.no_gui:
        from tests.support.xvfb import virtual_screen

        init = {**env, "EVIDENCEKIT_PASSPHRASE": PASSPHRASE}
        subprocess.run([str(built_cli), "init", "--kdf-memory-mib", "16"], env=init, check=True,
                       capture_output=True)  # fmt: skip
        with virtual_screen(home / "xvfb.log") as display:
            if display is None:
                raise SystemExit("Xvfb did not start")
            screen = Screen(display)
            genv = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            refs = {n: reference(screen, guis[n], genv, home / f"{n}.png") for n in names}
            rows += side_by_side(
                "GUI to its unlock screen (Xvfb)",
                lambda n: to_unlock_screen(screen, guis[n], genv, refs[n]), names, args.rounds,
            )  # fmt: skip
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

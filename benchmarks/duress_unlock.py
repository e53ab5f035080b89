"""Unlocking a shelf (issue 14 part 1) vs one vault file, side by side in one run.

Per round, in a new random order, so a noisy shared machine hurts all alike, each at the default KDF
cost (64 MiB Argon2id, 3 passes: what a person waits for):
  (a) one vault file, her passphrase (the floor: one derivation);
  (b) the shelf, her passphrase;  (c) the shelf, the second passphrase;  (d) a wrong one.
(b), (c) and (d) do the same work (one derivation and one first-page check per file), so they
should take the same time; b/a is the price of the shelf. Also: padding written at set-up.

    python benchmarks/duress_unlock.py [--rounds 3] [--mib 64]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from evidencekit.config import Settings
from evidencekit.errors import WrongPassphrase
from evidencekit.vault import shelf
from evidencekit.vault.decoy import set_up_decoy
from evidencekit.vault.store import Vault

REAL = "benchmark real passphrase"
SECOND = "benchmark second passphrase"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    try:
        action()
    except WrongPassphrase:
        pass
    return time.perf_counter() - start


def open_close(place: Path, passphrase: str, settings: Settings) -> Callable[[], None]:
    def run() -> None:
        shelf.open_place(place, passphrase, settings, write=False).close()

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mib", type=int, default=64)
    args = parser.parse_args()
    settings = Settings(kdf_memory_mib=args.mib)
    folder = Path(tempfile.mkdtemp(prefix="ek-duress-bench-"))
    try:
        alone = folder / "alone.ekv"
        Vault.create(alone, REAL, settings).close()
        moved = folder / "her.ekv"
        shutil.copy(alone, moved)
        start = time.perf_counter()
        place = set_up_decoy(Vault.open(moved, REAL, settings, write=True), SECOND, settings)
        set_up_s = time.perf_counter() - start
        files = len(shelf.members(place))
        cases = {
            "a one file, her passphrase": open_close(alone, REAL, settings),
            "b shelf, her passphrase": open_close(place, REAL, settings),
            "c shelf, second passphrase": open_close(place, SECOND, settings),
            "d shelf, wrong passphrase": open_close(place, "not one of them", settings),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        order = list(cases)
        for _ in range(args.rounds):
            random.shuffle(order)  # no case always runs first or after the same one
            for name in order:
                times[name].append(timed(cases[name]))
        medians = {name: statistics.median(t) for name, t in times.items()}
        print(f"shelf: {files} files; set-up (copy, decoy, padding) {set_up_s:.2f} s")
        floor = medians["a one file, her passphrase"]
        for name, median in medians.items():
            print(f"{name:32s} median {median:6.2f} s   ratio to a: {median / floor:.2f}")
        spread = max(list(medians.values())[1:]) / min(list(medians.values())[1:])
        print(f"b, c, d: slowest / fastest = {spread:.2f} (same work: ideally 1.00)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

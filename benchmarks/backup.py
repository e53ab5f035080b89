"""Backup and hand-over cost vs copying the vault file, side by side in one run.

Per round, alternating so a noisy shared machine hurts all alike:
  (a) floor: copy the closed vault file byte for byte and fsync it (what any backup costs);
  (b) backup: `backup_vault` (sqlcipher_export under a fresh key, read back, verify-vault,
      item-by-item comparison, custody entries) of the same vault;
  (c) hand-over: `hand_over_case` of a case holding half the vault's bytes (copy, check, then
      removal and VACUUM of the clinic's vault), on a fresh copy of the vault.
Prints medians and the ratios b/a and c/a. The KDF runs at the default 64 MiB (it is part of
what a person waits for), so small vaults are dominated by it.

    python benchmarks/backup.py [--mib 64] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from evidencekit.config import Settings
from evidencekit.jobs.imports import import_file
from evidencekit.vault.backup import backup_vault
from evidencekit.vault.store import Vault
from evidencekit.vault.transfer import hand_over_case

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"


def make_vault(folder: Path, mib: int, settings: Settings) -> Path:
    path = folder / "source.ekv"
    with Vault.create(path, PASSPHRASE, settings) as vault:
        for n, case in enumerate(("Hers", "Other")):
            blob = folder / f"video-{n}.bin"
            with open(blob, "wb") as handle:
                for _ in range(mib // 2):
                    handle.write(os.urandom(MIB))
            import_file(vault, blob, case=case)
            blob.unlink()
    return path


def floor(source: Path, folder: Path) -> float:
    target = folder / "plain-copy.ekv"
    start = time.perf_counter()
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, MIB)
        dst.flush()
        os.fsync(dst.fileno())
    took = time.perf_counter() - start
    target.unlink()
    return took


def backup(source: Path, folder: Path, settings: Settings) -> float:
    target = folder / "backup.ekv"
    with Vault.open(source, PASSPHRASE, settings, write=True) as vault:
        start = time.perf_counter()
        backup_vault(vault, target, PASSPHRASE)
        took = time.perf_counter() - start
    target.unlink()
    return took


def handover(source: Path, folder: Path, settings: Settings) -> float:
    clinic = folder / "clinic.ekv"
    shutil.copyfile(source, clinic)
    target = folder / "hers.ekv"
    with Vault.open(clinic, PASSPHRASE, settings, write=True) as vault:
        start = time.perf_counter()
        hand_over_case(vault, "Hers", target, "her benchmark passphrase")
        took = time.perf_counter() - start
    clinic.unlink()
    target.unlink()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()  # default KDF cost: 64 MiB Argon2id, 3 passes
    with tempfile.TemporaryDirectory(prefix="ek-bench-backup-") as tmp:
        folder = Path(tmp)
        source = make_vault(folder, args.mib, settings)
        size = source.stat().st_size
        times: dict[str, list[float]] = {"floor": [], "backup": [], "handover": []}
        for _ in range(args.rounds):
            times["floor"].append(floor(source, folder))
            times["backup"].append(backup(source, folder, settings))
            times["handover"].append(handover(source, folder, settings))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"vault: {size / MIB:.1f} MiB, {args.rounds} rounds, medians")
    b, c, a = med["backup"], med["handover"], med["floor"]
    print(f"  (a) copy the file + fsync : {a:.3f} s")
    print(f"  (b) backup (checked)      : {b:.3f} s   b/a = {b / a:.1f}")
    print(f"  (c) hand-over of half     : {c:.3f} s   c/a = {c / a:.1f}")


if __name__ == "__main__":
    main()

"""Vault ingest speed vs raw SQLCipher, and peak memory while importing a big file.

Measured side by side in one run, alternating, so a noisy shared machine hurts both equally:
  (a) raw: 1 MiB blob INSERTs into a fresh SQLCipher database with the same kind of raw key,
      same page settings (WAL, synchronous=FULL), one transaction;
  (b) ours: `import_file` of a file of the same size (read, hash, chunk, store, manifest, log).
Prints both throughputs and the ratio b/a (target >= 0.8), then the peak RSS of a separate
process importing a 512 MiB file (target < 150 MB).

    python benchmarks/vault_ingest.py [--mib 256] [--rounds 3] [--big-mib 512]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evidencekit.config import Settings
from evidencekit.jobs.imports import import_file
from evidencekit.vault.connection import connect
from evidencekit.vault.kdf import KdfParams, derive_key, new_salt
from evidencekit.vault.store import Vault

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"


def make_file(path: Path, mib: int) -> None:
    with open(path, "wb") as handle:
        for _ in range(mib):
            handle.write(os.urandom(MIB))


def raw_sqlcipher(folder: Path, source: Path) -> float:
    path = folder / f"raw-{time.monotonic_ns()}.db"
    params = KdfParams.from_memory_mib(8)
    salt = new_salt(params)
    conn = connect(path, derive_key(PASSPHRASE, salt, params), salt=salt, write=True)
    conn.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    with open(source, "rb") as handle:
        while chunk := handle.read(MIB):
            conn.execute("INSERT INTO chunks (data) VALUES (?)", (chunk,))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    for leftover in folder.glob(path.name + "*"):
        leftover.unlink()
    return elapsed


def ours(folder: Path, source: Path) -> float:
    path = folder / f"ours-{time.monotonic_ns()}.ekv"
    vault = Vault.create(path, PASSPHRASE, Settings(kdf_memory_mib=8))
    start = time.perf_counter()
    import_file(vault, source)
    elapsed = time.perf_counter() - start
    vault.close()
    for leftover in folder.glob(path.name + "*"):
        leftover.unlink()
    return elapsed


PEAK_CHILD = """
import resource, sys
from pathlib import Path
from evidencekit.config import Settings
from evidencekit.jobs.imports import import_file
from evidencekit.vault.store import Vault
with Vault.create(Path(sys.argv[1]), "benchmark passphrase", Settings()) as v:
    import_file(v, Path(sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_import(folder: Path, big_mib: int) -> tuple[float, float]:
    source = folder / "big.bin"
    make_file(source, big_mib)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", PEAK_CHILD, str(folder / "big.ekv"), str(source)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    source.unlink()
    kib = int(out.stdout.strip().splitlines()[-1])
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return kib * scale / 1e6, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=256, help="size of each ingest run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big-mib", type=int, default=512)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ek-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "source.bin"
        make_file(source, args.mib)
        raw_times, our_times = [], []
        for _ in range(args.rounds):
            raw_times.append(raw_sqlcipher(folder, source))
            our_times.append(ours(folder, source))
        raw = args.mib / statistics.median(raw_times)
        mine = args.mib / statistics.median(our_times)
        print(f"ingest of {args.mib} MiB, median of {args.rounds} alternating rounds")
        print(f"  raw SQLCipher 1 MiB inserts : {raw:7.1f} MiB/s")
        print(f"  EvidenceKit import_file     : {mine:7.1f} MiB/s")
        print(f"  ratio ours/raw              : {mine / raw:7.2f}   (target >= 0.80)")
        source.unlink()
        peak_mb, took = peak_rss_import(folder, args.big_mib)
        print(f"import of a {args.big_mib} MiB file (default 64 MiB Argon2id) in a fresh process")
        print(f"  peak RSS                    : {peak_mb:7.1f} MB   (target < 150 MB)")
        print(f"  time                        : {took:7.1f} s")


if __name__ == "__main__":
    main()

"""Capture cost (issue 15), whole processes side by side in one run on the local fixture site.

For each fixture page, `--rounds` alternating rounds of three whole processes on the same
Chromium (`--browser`, default /usr/lib/chromium/chromium):

  bare        benchmarks/bare_floor.py: launch, goto, stepped scroll until the height stops
              growing, 0.5 s network quiet capped at 5 s, full-page screenshot, close (the floor)
  EvidenceKit `python -m evidencekit capture URL --json`: every artifact, stored in an
              encrypted vault (real Argon2id, 64 MiB), signed, time-stamped by an RFC 3161 TSA
              on loopback; its per-stage timings come from the capture's own "timings"
  SingleFile  `single-file URL OUT.html` (npm single-file-cli), same browser, its defaults

Prints the medians, the per-stage table (EvidenceKit's stages vs the floor's), the ratios
EK / bare (target <= 1.10) and EK / SingleFile (< 1) per page, then a batch of `--pages`
local pages through one `capture` process at concurrency 3 vs 1 (target >= 1.8x).

`--before DIR` (a copy of an older tree, e.g. `git archive <commit> | tar -x -C DIR`) adds
that tree's `evidencekit capture` to every round: before and after side by side, same load.

SingleFile: `cd benchmarks/.tools && npm install single-file-cli` (the folder is not in git);
without it that column is skipped and a line says so.

Usage: .venv/bin/python benchmarks/capture.py [--rounds 5] [--pages 20] [--only /lazy.html]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fixture site and the loopback TSA live with the tests

from evidencekit.config import Settings  # noqa: E402
from evidencekit.vault.store import Vault  # noqa: E402
from tests.support.site import SiteServer  # noqa: E402
from tests.support.tsa import TsaPki, TsaServer  # noqa: E402

PAGES = {
    "/lazy.html": "lazy-loading post",
    "/video.html": "post with a video",
    "/heavy/": "heavy home page (200+ requests)",
    "/platforms/facebook.html": "social network post",
    "/platforms/youtube.html": "video platform page",
    "/thread?n=40": "40,000 px thread",
    "/feed.html": "endless feed",
}
SINGLE_FILE = ROOT / "benchmarks" / ".tools" / "node_modules" / "single-file-cli"
PASSPHRASE = "benchmark passphrase"  # a throwaway vault
#: Rows of the per-stage table: the floor's stage that does the same browser work, if any.
FLOOR_OF = {
    "process-ready": "process-ready",
    "browser-launch": "browser-launch",
    "page-open": "page-open",
    "navigate": "navigate+load",
    "scroll": "scroll",
    "network-quiet": "network-quiet",
    "screenshot": "screenshot",
    "browser-close": "browser-close",
}


def run(cmd: list[str], env: dict[str, str], timeout: float = 300) -> tuple[float, str]:
    started = time.perf_counter()
    # From the tree being measured: `python -m` puts the working folder first on sys.path.
    where = env.get("PYTHONPATH", str(ROOT))
    done = subprocess.run(cmd, env=env, cwd=where, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return took, done.stdout


class Bench:
    def __init__(self, args: argparse.Namespace, folder: Path, site: str, tsa: str) -> None:
        self.args, self.folder, self.site, self.tsa = args, folder, site, tsa
        self.vault = folder / "bench.ekv"
        self.env = {
            **os.environ,
            "EVIDENCEKIT_PASSPHRASE": PASSPHRASE,
            "EVIDENCEKIT_BROWSER": args.browser,
            "HOME": str(folder / "home"),
            "PYTHONPATH": str(ROOT),  # this tree's code, also when run from a snapshot of it
        }
        (folder / "home").mkdir()
        self.single_file = (SINGLE_FILE / "single-file-node.js").is_file()

    def bare(self, path: str) -> tuple[float, dict[str, int]]:
        script = str(ROOT / "benchmarks" / "bare_floor.py")
        took, out = run([sys.executable, script, self.site + path, self.args.browser], self.env)
        return took, {s["stage"]: s["duration_ms"] for s in json.loads(out)["stages"]}

    def tree_env(self, tree: Path) -> dict[str, str]:
        return {**self.env, "PYTHONPATH": str(tree)}

    def vault_for(self, tree: Path) -> Path:
        """This tree's vault: an older tree may not open a vault newer code made."""
        if tree == ROOT:
            return self.vault
        vault = self.folder / f"{tree.name}.ekv"
        if not vault.exists():
            run(
                [sys.executable, "-m", "evidencekit", "--vault", str(vault), "init"],
                self.tree_env(tree),
            )
        return vault

    def ek_command(self, urls: list[str], *extra: str, tree: Path = ROOT) -> list[str]:
        return [
            sys.executable,
            "-m",
            "evidencekit",
            "--vault",
            str(self.vault_for(tree)),
            "--tsa",
            self.tsa,
            "capture",
            *urls,
            "--json",
            *extra,
        ]

    def ek(self, path: str, tree: Path = ROOT) -> tuple[float, dict[str, int]]:
        took, out = run(self.ek_command([self.site + path], tree=tree), self.tree_env(tree))
        [result] = json.loads(out)
        assert result["timestamp_status"] == "granted", result
        names = {a["name"] for a in result["artifacts"]}
        assert {"screenshot.png", "traffic.warc.gz", "page.mhtml", "manifest.p7s"} <= names
        stages: dict[str, int] = defaultdict(int)
        for s in result["timings"]["stages"]:
            stages[s["stage"]] += s["duration_ms"]
        return took, dict(stages)

    def single(self, path: str) -> float:
        out = self.folder / "single-file.html"
        cmd = [
            "node",
            str(SINGLE_FILE / "single-file-node.js"),
            f"--browser-executable-path={self.args.browser}",
            "--browser-arg=--no-sandbox",
            self.site + path,
            str(out),
        ]
        took, _ = run(cmd, self.env)
        assert out.stat().st_size > 0
        out.unlink()
        return took


def per_page(bench: Bench, path: str) -> dict[str, float]:
    rounds, before = bench.args.rounds, bench.args.before
    tools = ["bare", "ek", "single"] + (["before"] if before else [])
    walls: dict[str, list[float]] = defaultdict(list)
    stages: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    bench.bare(path)  # warm the disk cache for all of them
    bench.ek(path)
    if before:
        bench.ek(path, before)
    for i in range(rounds):
        for tool in tools[:: 1 if i % 2 == 0 else -1]:
            if tool == "bare":
                took, got = bench.bare(path)
            elif tool in ("ek", "before"):
                took, got = bench.ek(path, before if tool == "before" else ROOT)
            elif bench.single_file:
                took, got = bench.single(path), {}
            else:
                continue
            walls[tool].append(took)
            for name, ms in got.items():
                stages[tool][name].append(ms)
    med = {tool: statistics.median(times) for tool, times in walls.items()}
    print(f"\n{path} ({PAGES.get(path, '')}), {rounds} alternating rounds, medians")
    line = f"  wall   bare {med['bare']:.2f} s   EvidenceKit {med['ek']:.2f} s"
    line += f"   SingleFile {med['single']:.2f} s" if "single" in med else "   SingleFile -"
    print(line + (f"   EK before {med['before']:.2f} s" if "before" in med else ""))
    floor = {k: statistics.median(v) for k, v in stages["bare"].items()}
    old = {k: statistics.median(v) for k, v in stages["before"].items()}
    print(
        f"  {'stage (EvidenceKit)':<22}{'EK ms':>8}{'floor ms':>10}"
        + ("  before ms" if old else "")
    )
    names = list(dict.fromkeys([*stages["ek"], *stages["before"]]))
    for name in names:
        ek = (
            f"{statistics.median(stages['ek'][name]):>8.0f}"
            if name in stages["ek"]
            else f"{'-':>8}"
        )
        twin = FLOOR_OF.get(name)
        floor_ms = f"{floor[twin]:>10.0f}" if twin in floor else f"{'':>10}"
        was = (f"{old[name]:>11.0f}" if name in old else f"{'-':>11}") if old else ""
        print(f"  {name:<22}{ek}{floor_ms}{was}")
    return med


def batch(bench: Bench) -> None:
    kinds = ["/lazy.html", "/r/start", "/consent.html", "/post/removed", "/thread?n=5"]
    urls = [
        bench.site + (f"/marker/bench-{i}" if i % 2 else kinds[i // 2 % 5])
        for i in range(bench.args.pages)
    ]
    trees = [("EvidenceKit", ROOT)] + (
        [("EK before", bench.args.before)] if bench.args.before else []
    )
    print(f"\nbatch: {len(urls)} local pages, one capture process, one browser")
    for label, tree in trees:
        took = {}
        for concurrency in (1, 3):
            cmd = bench.ek_command(urls, "--concurrency", str(concurrency), tree=tree)
            took[concurrency], out = run(cmd, bench.tree_env(tree), timeout=900)
            assert all("error" not in r for r in json.loads(out))
        print(f"  {label}: serial (concurrency 1) {took[1]:.2f} s, concurrency 3 {took[3]:.2f} s")
        print(f"    speedup = {took[1] / took[3]:.2f}x  (target >= 1.8x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--only", action="append", help="just these fixture pages")
    parser.add_argument("--browser", default="/usr/lib/chromium/chromium")
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument("--before", type=Path, help="an older tree to run side by side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ek-bench-") as tmp:
        folder = Path(tmp)
        pki = TsaPki.create(folder / "pki")
        Vault.create(folder / "bench.ekv", PASSPHRASE, Settings()).close()
        with SiteServer() as site, TsaServer(pki) as tsa:
            bench = Bench(args, folder, site.url("").rstrip("/"), tsa.url)
            if not bench.single_file:
                print(f"SingleFile: skipped, not installed in {SINGLE_FILE.parent.parent}")
                print("  (cd benchmarks/.tools && npm install single-file-cli)")
            ratios = {}
            for path in args.only or list(PAGES):
                ratios[path] = per_page(bench, path)
            print("\nratios of medians (one run)")
            head = f"  {'page':<28}{'EK/bare':>9}{'EK/SingleFile':>15}"
            print(head + (f"{'before/bare':>13}{'before/SF':>11}" if args.before else ""))
            for path, med in ratios.items():
                single = f"{med['ek'] / med['single']:>15.2f}" if "single" in med else f"{'-':>15}"
                line = f"  {path:<28}{med['ek'] / med['bare']:>9.2f}{single}"
                if "before" in med:
                    was_sf = med["before"] / med["single"] if "single" in med else float("nan")
                    line += f"{med['before'] / med['bare']:>13.2f}{was_sf:>11.2f}"
                print(line)
            print("  targets: EK/bare <= 1.10 on every page, EK/SingleFile < 1")
            if not args.no_batch:
                batch(bench)


if __name__ == "__main__":
    main()

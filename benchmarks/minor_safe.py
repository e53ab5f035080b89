"""Minor-safe capture (issue 14 part 2): what covering and hashing every picture costs.

Side by side in one run, with one browser: the heavy fixture page (tests/support/heavy_site.py,
60+ pictures, 200+ requests) and the small minor-safe fixture page, each captured normally and
minor-safe in alternation; each figure the median of several rounds (on a shared machine the
median, not the best, is what a person waits). Printed: seconds per capture, the ratio
minor-safe / normal, and what each keeps (artifacts, bytes, pictures hashed).

    python benchmarks/minor_safe.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evidencekit.capture import CaptureSettings, PageCapture, capture_page  # noqa: E402
from evidencekit.capture.browser import launch_browser  # noqa: E402
from tests.support.minor_safe_site import MinorSafeSite  # noqa: E402
from tests.support.site import SiteServer  # noqa: E402


async def _rounds(urls: dict[str, str], rounds: int) -> None:
    async with launch_browser(CaptureSettings()) as browser:
        await capture_page(next(iter(urls.values())), CaptureSettings(), browser=browser)  # warm
        print(f"{'page':<12} {'mode':<11} {'median s':>9} {'artifacts':>10} {'bytes':>12} "
              f"{'hashed':>7}")  # fmt: skip
        for page, url in urls.items():
            times: dict[bool, list[float]] = {False: [], True: []}
            last: dict[bool, PageCapture] = {}
            for _ in range(rounds):
                for minor in (False, True):
                    started = time.monotonic()
                    last[minor] = await capture_page(
                        url, CaptureSettings(minor_safe=minor), browser=browser
                    )
                    times[minor].append(time.monotonic() - started)
            for minor in (False, True):
                cap = last[minor]
                hashed = len(cap.metadata.get("minor_safe", {}).get("pictures", []))
                size = sum(a.size for a in cap.artifacts)
                mode = "minor-safe" if minor else "normal"
                print(f"{page:<12} {mode:<11} {statistics.median(times[minor]):>9.2f} "
                      f"{len(cap.artifacts):>10} {size:>12,} {hashed:>7}")  # fmt: skip
            ratio = statistics.median(times[True]) / statistics.median(times[False])
            print(f"{page:<12} ratio minor-safe / normal: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with SiteServer() as site, MinorSafeSite() as small:
        urls = {"heavy": site.url("/heavy/"), "small": small.url}
        asyncio.run(_rounds(urls, args.rounds))


if __name__ == "__main__":
    main()

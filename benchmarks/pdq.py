"""Reposts found without looking (issue 14): what hashing and matching cost, and what PDQ finds.

Side by side in one run, each figure the median of several rounds (on a shared machine the
median, not the best, is what a person waits):
  1. hashing one picture: `hash_picture` (SHA-256 + MD5 + decode + PDQ) vs SHA-256 alone of
     the same bytes, for a small post picture (360 px), a post-sized one (1080 px) and a
     phone photo (4032 x 3024); ratio ours / baseline;
     and one video (`hash_video`: the limited child process decodes it and hashes a frame
     every 2 s) of 20 s of H.264 at 30 frames a second, per video second;
  2. matching one new picture against a real SQLCipher vault holding 10,000 pictures
     (1,000 items of 10 pictures each): `reposts_of` (read the index, PDQ distance to each)
     vs the baseline a plain hash list gives (read the same index, exact SHA-256 lookup);
     and the capture/import hook as a whole (`hash_new_item`: read back, hash, store);
  3. what PDQ finds: the distance between each test photo and its re-compressed, resized,
     cropped, turned and mirrored copies (a match is <= 31 bits), by the photo's own hash and
     by the nearest of its mirrored and turned forms (what matching uses).

The 10,000 indexed pictures have random PDQ hashes (hashes of unrelated photos are as far
apart as random ones, about 128 bits: see part 3) so that making the vault takes seconds.

    python benchmarks/pdq.py [--pictures 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evidencekit.config import Settings  # noqa: E402
from evidencekit.jobs.reposts import hash_new_item, reposts_of  # noqa: E402
from evidencekit.picture_hashes import hash_picture, pdq_distance  # noqa: E402
from evidencekit.vault.picture_index import PictureRecord  # noqa: E402
from evidencekit.vault.records import ArtifactSource, NewItem  # noqa: E402
from evidencekit.vault.store import Vault  # noqa: E402
from evidencekit.video_frames import hash_video  # noqa: E402

PHOTOS = ROOT / "tests" / "support" / "photos"
PASSPHRASE = "benchmark passphrase"


def median_time(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def jpeg(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()


def sized(width: int, height: int) -> bytes:
    photo = Image.open(PHOTOS / "cat.jpg").convert("RGB")
    return jpeg(photo.resize((width, height), Image.BICUBIC), 90)


def part_hashing(rounds: int) -> None:
    print("1. Hashing one picture (median of", rounds, "rounds)")
    print(f"   {'picture':<22} {'bytes':>10} {'SHA-256 only':>13} {'all hashes':>11} {'ratio':>8}")
    for label, data in (
        ("360 x 239 (post)", (PHOTOS / "cat.jpg").read_bytes()),
        ("1080 x 717 (post)", sized(1080, 717)),
        ("4032 x 3024 (phone)", sized(4032, 3024)),
    ):
        base = median_time(lambda d=data: hashlib.sha256(d).hexdigest(), rounds)
        ours = median_time(lambda d=data: hash_picture(d), rounds)
        print(
            f"   {label:<22} {len(data):>10,} {base * 1000:>10.2f} ms {ours * 1000:>8.1f} ms "
            f"{ours / base:>7.0f}x"
        )


def video(width: int, height: int, seconds: int, fps: int = 30) -> bytes:
    """H.264 as platforms hand it out: the test photos one after another, 4 s each."""
    import av
    import numpy as np

    photos = sorted(PHOTOS.glob("*.jpg"))
    shown = [np.asarray(Image.open(p).convert("RGB").resize((width, height))) for p in photos]
    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "veryfast"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for n in range(seconds * fps):
            frame = av.VideoFrame.from_ndarray(shown[(n // (4 * fps)) % len(shown)], "rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


def part_video_hashing(rounds: int) -> None:
    seconds = 20
    print(f"   {'video, ' + str(seconds) + ' s at 30 fps':<22} {'bytes':>10} {'SHA-256 only':>13} "
          f"{'all hashes':>11} {'ratio':>8} {'per video s':>12}")  # fmt: skip
    for label, width, height in (("360 x 240", 360, 240), ("1280 x 720", 1280, 720),
                                 ("1920 x 1080", 1920, 1080)):  # fmt: skip
        data = video(width, height, seconds)
        base = median_time(lambda d=data: hashlib.sha256(d).hexdigest(), rounds)
        frames: list = []
        ours = median_time(lambda d=data, out=frames: out.append(hash_video(d)), rounds)
        assert frames[-1].not_hashed is None, frames[-1].not_hashed
        print(
            f"   {label:<22} {len(data):>10,} {base * 1000:>10.2f} ms {ours * 1000:>8.0f} ms "
            f"{ours / base:>7.0f}x {ours / seconds * 1000:>9.1f} ms  ({len(frames[-1].frames)} "
            "frames)"
        )
    one = video(360, 240, 1)
    start = median_time(lambda: hash_video(one), rounds)
    print(f"   (of which starting the child, PyAV and NumPy: about {start * 1000:.0f} ms a video)")


def random_pdq() -> str:
    bits = secrets.SystemRandom().sample(range(256), 128)  # PDQ sets half its bits
    return f"{sum(1 << b for b in bits):064x}"


def make_vault(folder: Path, pictures: int) -> Vault:
    settings = Settings(kdf_memory_mib=8, kdf_iterations=1)
    vault = Vault.create(folder / "bench.ekv", PASSPHRASE, settings)
    per_item = 10
    for n in range(pictures // per_item):
        item = vault.add_item(
            NewItem(kind="file", captured_at="2026-12-01T12:00:00.000Z", action="import",
                    title=f"item {n}", file_name=f"item-{n}.txt"),
            [ArtifactSource("original/note.txt", "text/plain", data=f"item {n}".encode())],
        )  # fmt: skip
        records = [
            PictureRecord(
                name=f"media/picture-{k}.jpg",
                size=100_000,
                sha256=secrets.token_hex(32),
                md5=secrets.token_hex(16),
                pdq=random_pdq(),
                pdq_quality=100,
                width=1080,
                height=1080,
            )
            for k in range(per_item)
        ]
        vault.set_picture_hashes(item.id, records)
    return vault


def new_item(vault: Vault, pictures: list[bytes]) -> str:
    files = [
        ArtifactSource(f"media/new-{n}.jpg", "image/jpeg", data=d) for n, d in enumerate(pictures)
    ]
    item = vault.add_item(
        NewItem(kind="web", captured_at="2026-12-01T13:00:00.000Z", title="new",
                url="https://example.org/post/1"),
        files,
    )  # fmt: skip
    return item.id


def part_matching(pictures: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        vault = make_vault(Path(tmp), pictures)
        made = time.perf_counter() - start
        indexed = len(vault.picture_fingerprints())
        data = sized(1080, 717)
        photos = [(PHOTOS / p).read_bytes() for p in sorted(n.name for n in PHOTOS.glob("*.jpg"))]
        one, twenty = new_item(vault, [data]), new_item(vault, (photos * 5)[:20])

        def hook(item_id: str) -> object:
            return asyncio.run(hash_new_item(vault, asyncio.Lock(), item_id))

        rows = []
        for label, item_id, count in (("1 picture", one, 1), ("20 pictures", twenty, 20)):
            hooked = median_time(lambda i=item_id: hook(i), rounds)
            ours = median_time(lambda i=item_id: reposts_of(vault, i), rounds)
            wanted = [p.sha256 for p in vault.picture_hashes(item_id)]

            def exact(wanted: list[str] = wanted) -> object:
                known = {p.sha256 for p in vault.picture_fingerprints()}
                return [w for w in wanted if w in known]

            base = median_time(exact, rounds)
            rows.append((label, count, base, ours, hooked))
        read = median_time(vault.picture_fingerprints, rounds)
        vault.close()
    print()
    print(f"2. Matching a new item against a real SQLCipher vault of {indexed:,} pictures")
    print(f"   (vault made in {made:.1f} s; median of {rounds} rounds; per new item)")
    print(f"   reading the whole index: {read * 1000:.1f} ms")
    print(
        f"   {'new item':<12} {'exact SHA-256':>14} {'PDQ <= 31':>10} {'ratio':>6} "
        f"{'per picture':>12} {'hook':>9}"
    )
    for label, count, base, ours, hooked in rows:
        print(
            f"   {label:<12} {base * 1000:>11.1f} ms {ours * 1000:>7.1f} ms {ours / base:>5.2f}x "
            f"{ours / count * 1000:>9.1f} ms {hooked * 1000:>6.0f} ms"
        )
    print("   (hook: what a capture or import adds: read the pictures back, hash, store)")


def part_distances() -> None:
    def crop(image: Image.Image, share: float) -> Image.Image:
        dx, dy = int(image.width * share), int(image.height * share)
        return image.crop((dx, dy, image.width - dx, image.height - dy))

    changes: dict[str, Callable[[Image.Image], bytes]] = {
        "JPEG q30": lambda im: jpeg(im, 30),
        "half size": lambda im: jpeg(im.resize((im.width // 2, im.height // 2), Image.LANCZOS)),
        "double": lambda im: jpeg(im.resize((im.width * 2, im.height * 2), Image.BICUBIC)),
        "grey": lambda im: jpeg(ImageOps.grayscale(im)),
        "crop 2%": lambda im: jpeg(crop(im, 0.02)),
        "crop 5%": lambda im: jpeg(crop(im, 0.05)),
        "turn 3°": lambda im: jpeg(im.rotate(3, resample=Image.BICUBIC)),
        "turn 90°": lambda im: jpeg(im.rotate(90, expand=True)),
        "mirror": lambda im: jpeg(ImageOps.mirror(im)),
        "upside dn": lambda im: jpeg(ImageOps.flip(im)),
    }
    print()
    print("3. PDQ distance (bits of 256) from each photo to its changed copy; <= 31 is a match.")
    print("   Each cell: the photo's own hash / the nearest of its 8 mirrored and turned forms")
    print("   " + f"{'photo':<14}" + "".join(f"{name:>10}" for name in changes))
    names = sorted(p.name for p in PHOTOS.glob("*.jpg"))
    hashes = {}
    for name in names:
        data = (PHOTOS / name).read_bytes()
        image = Image.open(io.BytesIO(data)).convert("RGB")
        own = hash_picture(data)
        original = hashes[name] = own.pdq
        cells = []
        for make in changes.values():
            again = hash_picture(make(image)).pdq
            nearest = min(pdq_distance(f, again) for f in (own.pdq, *own.pdq_turned))
            cells.append(f"{pdq_distance(original, again)}/{nearest}")
        print("   " + f"{name:<14}" + "".join(f"{c:>10}" for c in cells))
    apart = [
        pdq_distance(hashes[a], hashes[b]) for i, a in enumerate(names) for b in names[i + 1 :]
    ]
    print(f"   different photos: {min(apart)} to {max(apart)} bits apart")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pictures", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    part_hashing(args.rounds)
    part_video_hashing(min(args.rounds, 3))
    part_matching(args.pictures, args.rounds)
    part_distances()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

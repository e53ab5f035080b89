"""PDQ of sampled video frames (issue 14): real videos encoded here with PyAV from the test
photos, decoded by the real child process; its limits, its failures, and no plaintext copy of
the video left on disk."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from evidencekit.picture_hashes import MATCH_DISTANCE, pdq_distance, pdq_from_rgb
from evidencekit.video_frames import CHILD_FLAG, child_command, frame_name, hash_video, video_of
from evidencekit.video_frames_child import Limits

PHOTOS = Path(__file__).resolve().parent / "support" / "photos"


def still(photo: str, size: tuple[int, int]) -> np.ndarray:
    return np.asarray(Image.open(PHOTOS / photo).convert("RGB").resize(size, Image.LANCZOS))


def make_video(
    photos: list[str],
    *,
    container: str = "mp4",
    codec: str = "libx264",
    size: tuple[int, int] = (360, 240),
    seconds_each: float = 2.0,
    fps: int = 10,
    bit_rate: int | None = None,
    skip_s: float = 0.0,
) -> bytes:
    """A real video: each photo shown for `seconds_each`, encoded by FFmpeg (PyAV); `skip_s`
    cuts that much off the start (a repost that was cut)."""
    out = io.BytesIO()
    with av.open(out, mode="w", format=container) as video:
        stream = video.add_stream(codec, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        if bit_rate:
            stream.bit_rate = bit_rate
        shown = [still(p, size) for p in photos for _ in range(int(seconds_each * fps))]
        for pixels in shown[int(skip_s * fps) :]:
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                video.mux(packet)
        for packet in stream.encode():
            video.mux(packet)
    return out.getvalue()


def nearest(pdq: str, others: list[str]) -> int:
    return min(pdq_distance(pdq, other) for other in others)


def test_frames_are_sampled_every_two_seconds_and_hashed_like_the_pictures() -> None:
    video = make_video(["cat.jpg", "rocket.jpg", "coffee.jpg"])
    found = hash_video(video)
    assert found.not_hashed is None
    assert [f.at for f in found.frames] == [0.0, 2.0, 4.0]
    assert found.duration is not None and 5.5 < found.duration <= 6.1
    for frame, photo in zip(found.frames, ["cat.jpg", "rocket.jpg", "coffee.jpg"], strict=True):
        assert (frame.width, frame.height) == (360, 240)
        assert frame.pdq_quality >= 50 and len(frame.pdq_turned) == 7
        # the frame is the photo after a lossy H.264 round trip: the same picture by PDQ
        assert pdq_distance(frame.pdq, pdq_from_rgb(still(photo, (360, 240)))[0]) <= 16
    assert pdq_distance(found.frames[0].pdq, found.frames[1].pdq) > MATCH_DISTANCE


def test_a_re_encoded_smaller_cut_repost_matches_and_a_different_video_does_not() -> None:
    original = [f.pdq for f in hash_video(make_video(["cat.jpg", "rocket.jpg"])).frames]
    repost = hash_video(
        make_video(["cat.jpg", "rocket.jpg"], container="webm", codec="libvpx-vp9",
                   size=(240, 160), bit_rate=80_000, skip_s=1.0)
    )  # fmt: skip
    assert repost.not_hashed is None and len(repost.frames) == 2
    assert all(nearest(f.pdq, original) <= MATCH_DISTANCE for f in repost.frames)
    other = hash_video(make_video(["astronaut.jpg", "coffee.jpg"], container="webm",
                                  codec="libvpx-vp9"))  # fmt: skip
    assert other.frames and all(nearest(f.pdq, original) > MATCH_DISTANCE for f in other.frames)


def test_a_long_video_keeps_at_most_the_cap_spread_over_it() -> None:
    video = make_video(["cat.jpg", "rocket.jpg", "coffee.jpg", "astronaut.jpg"], fps=5)
    found = hash_video(video, max_frames=3)
    assert [f.at for f in found.frames] == [0.0, pytest.approx(2.7, abs=0.11),
                                           pytest.approx(5.4, abs=0.11)]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"not a video at all " * 50, "not a video that can be read"),
        (b"\x1a\x45\xdf\xa3" + os.urandom(3000), "not a video that can be read"),
    ],
)
def test_what_is_not_a_video_is_not_hashed_with_a_plain_reason(data: bytes, reason: str) -> None:
    found = hash_video(data)
    assert found.frames == () and found.not_hashed is not None and reason in found.not_hashed


def test_a_cut_off_video_keeps_the_frames_before_the_damage_or_says_why() -> None:
    whole = make_video(["cat.jpg", "rocket.jpg", "coffee.jpg"], container="webm",
                       codec="libvpx-vp9")  # fmt: skip
    half = hash_video(whole[: len(whole) // 2])  # WebM is read from the front: a real prefix
    assert half.not_hashed is None and 1 <= len(half.frames) < 3
    assert half.frames[0].pdq == hash_video(whole).frames[0].pdq
    mp4 = make_video(["cat.jpg", "rocket.jpg"])  # MP4's index is at its end: nothing readable
    assert hash_video(mp4[: len(mp4) // 2]).not_hashed == "it is not a video that can be read"


def test_a_huge_declared_frame_is_refused_before_decoding() -> None:
    # A raw-video header declaring 10,000 x 9,000 pixels: decoding it would need 135 MB a
    # frame; an attacker's file can declare anything.
    trap = b"YUV4MPEG2 W10000 H9000 F25:1 C420jpeg\nFRAME\n" + bytes(4096)
    found = hash_video(trap)
    assert found.frames == ()
    assert found.not_hashed == "its frames are too large (10000x9000 pixels)"
    small = make_video(["cat.jpg"])
    assert hash_video(small, max_pixels=300 * 200).not_hashed == (
        "its frames are too large (360x240 pixels)"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_the_child_runs_under_a_memory_limit() -> None:
    video = make_video(["cat.jpg"])
    found = hash_video(video, memory_bytes=100 * 1024 * 1024)  # too little to load FFmpeg
    assert found.not_hashed in (
        "decoding it needed more memory than allowed",
        *(f"the video decoder stopped on it (code {c})" for c in (1, 120)),
    )
    assert hash_video(video).not_hashed is None


def test_a_child_that_takes_too_long_is_stopped() -> None:
    found = hash_video(make_video(["cat.jpg", "rocket.jpg"]), timeout_s=0.05)
    assert found.frames == () and found.not_hashed == "decoding it took longer than 0.05 seconds"


@pytest.mark.skipif(os.name == "nt", reason="POSIX limits")
def test_the_child_may_write_no_file(tmp_path: Path) -> None:
    target = tmp_path / "leak"
    limits = Limits(10, 10, 1, 2.0, 2**31, 10)
    script = (
        "import sys; from evidencekit.video_frames_child import Limits, limit_self;"
        "limit_self(Limits.parse(sys.argv[1:]))\n"
        f"with open({str(target)!r}, 'wb') as f: f.write(b'x')"
    )
    done = subprocess.run([sys.executable, "-c", script, *limits.argv()], capture_output=True)
    assert done.returncode != 0 and b"File too large" in done.stderr
    assert not target.exists() or target.stat().st_size == 0


def _files_holding(needle: bytes, roots: list[Path], skip: Path, since: float) -> list[Path]:
    """Files under `roots` written since `since` that hold `needle` (other runs' folders, and
    files too large to be a copy of a small test video, are passed over)."""
    found = []
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            if Path(folder).is_relative_to(skip):
                continue
            for name in files:
                path = Path(folder) / name
                try:
                    facts = path.stat()
                    if facts.st_mtime < since or facts.st_size > 64 * 1024 * 1024:
                        continue
                    if path.is_file() and needle in path.read_bytes():
                        found.append(path)
                except OSError:
                    continue  # another user's or a vanished file
    return found


def test_no_temporary_file_holds_the_videos_bytes(tmp_path: Path) -> None:
    video = make_video(["rocket.jpg", "cat.jpg"], container="webm", codec="libvpx-vp9")
    since = time.time() - 1  # mtime granularity
    assert hash_video(video).frames
    damaged = hash_video(video[: len(video) // 3])  # the damaged path too
    assert damaged.frames or damaged.not_hashed
    needle = video[len(video) // 2 : len(video) // 2 + 64]  # encoded bytes: unique to it
    roots = [Path(tempfile.gettempdir())] + [Path(p) for p in ("/dev/shm", "/var/tmp")]
    pytest_dir = tmp_path.parent.parent  # pytest's own folder, where this test keeps nothing
    assert _files_holding(needle, [r for r in roots if r.is_dir()], pytest_dir, since) == []


def test_frame_names_carry_the_video_and_the_time() -> None:
    assert frame_name("media/clip.mp4", 12) == "media/clip.mp4@12.0s"
    assert video_of("media/clip.mp4@12.0s") == ("media/clip.mp4", 12.0)
    assert video_of("media/a@b.jpg") == ("media/a@b.jpg", None)
    assert video_of("media/clip.mp4") == ("media/clip.mp4", None)


def test_the_built_app_starts_the_child_through_its_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cli = tmp_path / ("evidencekit.exe" if os.name == "nt" else "evidencekit")
    cli.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "evidencekit-gui"))
    limits = Limits(1, 1, 1, 2.0, 1, 1)
    assert child_command(limits) == [str(cli), CHILD_FLAG, *limits.argv()]
    monkeypatch.undo()
    # ... and the command line's entry point answers that flag as the child does
    video = make_video(["coffee.jpg"])
    entry = "from evidencekit.cli import main; raise SystemExit(main())"
    limits = Limits(len(video), 10**6, 5, 2.0, 2**31, 60)
    done = subprocess.run([sys.executable, "-c", entry, CHILD_FLAG, *limits.argv()],
                          input=video, capture_output=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and done.stdout.startswith(b'{"frames": [{"at": 0.0')


@pytest.mark.parametrize(
    ("child_says", "reason"),
    [
        ('print(\'{"frames": [{"at": 0, "pdq": "zz", "turned": [], "quality": 9}]}\')',
         "the video decoder gave an answer that cannot be read"),
        ("print('[1, 2]')", "the video decoder stopped on it (code 0)"),
        ("import sys; sys.stdin.read(); raise SystemExit(3)",
         "the video decoder stopped on it (code 3)"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
         "the video decoder stopped on it (signal 9)"),
    ],
)  # fmt: skip
def test_what_a_broken_or_subverted_child_answers_is_checked(
    monkeypatch: pytest.MonkeyPatch, child_says: str, reason: str
) -> None:
    if "SIGKILL" in child_says and os.name == "nt":
        pytest.skip("POSIX signals")
    import evidencekit.video_frames as video_frames

    monkeypatch.setattr(
        video_frames, "child_command", lambda _l: [sys.executable, "-c", child_says]
    )
    found = hash_video(make_video(["cat.jpg"]))
    assert found == video_frames.VideoHashes((), reason)


def test_a_long_video_is_sampled_at_its_key_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ALL_FRAMES_UP_TO_S only key frames are decoded (run in this process to set it)."""
    import evidencekit.video_frames_child as child

    video = make_video(["cat.jpg", "rocket.jpg", "coffee.jpg"], seconds_each=3.0)
    with av.open(io.BytesIO(video)) as container:
        keys = [round(float(p.pts * p.time_base), 1) for p in container.demux(video=0)
                if p.is_keyframe and p.pts is not None]  # fmt: skip
    limits = Limits(len(video), 10**6, 90, 2.0, 2**33, 60)
    every_frame = [f["at"] for f in child.sample(video, limits)["frames"]]
    monkeypatch.setattr(child, "ALL_FRAMES_UP_TO_S", 1.0)
    key_frames = [f["at"] for f in child.sample(video, limits)["frames"]]
    assert every_frame == [0.0, 2.0, 4.0, 6.0, 8.0]
    # x264 starts a key frame at each cut to the next photo: those, and only those
    assert keys == [0.0, 3.0, 6.0] and key_frames == keys

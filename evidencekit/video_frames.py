"""PDQ hashes of a video's sampled frames (issue 14), decoded in a limited child process.

A repost of a video is rarely the same file: platforms re-encode, resize and cut. So, as for
pictures (`picture_hashes.py`), the *pictures* are compared: the first frame and one frame
every `EVERY_S` seconds (at most `MAX_FRAMES`, spread over a long video; past ten minutes key
frames only) are hashed with PDQ and kept in the picture index under the name
`<video>@<seconds>s` (e.g. `media/clip.mp4@12.0s`), so a frame matches a frame of another
video and a still picture that is a frame of it.

Why a child process: the video comes from an abuser's post or file, and decoding it means
running FFmpeg (through PyAV, whose wheels carry FFmpeg on Linux, Windows and macOS) on
hostile bytes. The child (`video_frames_child.py`) gets the bytes through a pipe (never a
file: evidence is not written to disk in plaintext), limits its own memory, CPU time and
file writes, refuses oversized frames before decoding them, and answers with hashes only.
The parent kills it after a wall-clock timeout. A video it cannot hash is "not hashed",
with a plain reason: never an error for the capture.

A PyInstaller build has no `python -m`: there the child is the `evidencekit` command-line
executable of the same folder, started with `--video-frames-child` (`evidencekit.cli.main`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from evidencekit.video_frames_child import Limits

EVERY_S = 2.0
MAX_FRAMES = 90
# Larger videos keep their file's SHA-256 and MD5 only: the parent and the child would each
# hold the whole file in memory (it is never written to a file to be read in parts).
MAX_VIDEO_BYTES = 256 * 1024 * 1024
MAX_FRAME_PIXELS = 8192 * 4320  # 8K; a larger declared frame is a trap, not a post's video
# The child's address space on top of the video's own bytes: its code, NumPy and FFmpeg map
# about 0.5 GB (measured: 400 MB is too little to start), plus decoding room for a few frames
# of the largest allowed size and their RGB copy.
CHILD_MEMORY_BYTES = 1536 * 1024 * 1024
CHILD_FLAG = "--video-frames-child"
ANSWER_BYTES = 1024 * 1024  # 90 frames' hashes are ~70 KB; more is not an answer of ours
_HEX64 = re.compile("[0-9a-f]{64}")


@dataclass(frozen=True)
class FrameHash:
    """One sampled frame: its time in the video and its PDQ hashes."""

    at: float  # seconds from the start, one decimal
    pdq: str
    pdq_quality: int
    pdq_turned: tuple[str, ...]
    width: int
    height: int


@dataclass(frozen=True)
class VideoHashes:
    frames: tuple[FrameHash, ...]
    not_hashed: str | None  # the plain reason when no frame could be hashed
    duration: float | None = None


def frame_name(video: str, at: float) -> str:
    return f"{video}@{at:.1f}s"


def video_of(name: str) -> tuple[str, float | None]:
    """'media/clip.mp4@12.0s' -> ('media/clip.mp4', 12.0); any other name -> (name, None)."""
    head, at, tail = name.rpartition("@")
    if at and tail.endswith("s"):
        try:
            return head, float(tail[:-1])
        except ValueError:
            pass
    return name, None


def child_command(limits: Limits) -> list[str]:
    """How to start the child: this Python with `-m`, or the built CLI with a flag."""
    if getattr(sys, "frozen", False):
        folder = Path(sys.executable).parent
        cli = folder / ("evidencekit.exe" if os.name == "nt" else "evidencekit")
        return [str(cli if cli.exists() else sys.executable), CHILD_FLAG, *limits.argv()]
    return [sys.executable, "-m", "evidencekit.video_frames_child", *limits.argv()]


def timeout_for(size: int) -> float:
    """Wall-clock seconds the child may take: generous for a slow laptop, never unbounded."""
    return min(300.0, 60.0 + size / (2 * 1024 * 1024))


def hash_video(
    data: bytes,
    *,
    every_s: float = EVERY_S,
    max_frames: int = MAX_FRAMES,
    max_pixels: int = MAX_FRAME_PIXELS,
    memory_bytes: int | None = None,
    timeout_s: float | None = None,
) -> VideoHashes:
    """The sampled frames' PDQ hashes of one video file (blocking: call it off the loop)."""
    if len(data) > MAX_VIDEO_BYTES:
        return VideoHashes((), f"it is larger than {MAX_VIDEO_BYTES // (1024 * 1024)} MB")
    timeout = timeout_s if timeout_s is not None else timeout_for(len(data))
    memory = memory_bytes if memory_bytes is not None else CHILD_MEMORY_BYTES + len(data)
    limits = Limits(MAX_VIDEO_BYTES, max_pixels, max_frames, every_s, memory,
                    cpu_s=int(timeout) + 1)  # fmt: skip
    answer, problem = _run_child(child_command(limits), data, timeout)
    if problem is not None:
        return VideoHashes((), problem)
    if "error" in answer:
        return VideoHashes((), str(answer["error"]))
    try:
        frames = tuple(_frame(f) for f in answer["frames"][:max_frames])
        duration = answer.get("duration")
        seconds = float(duration) if duration is not None else None
    except (KeyError, TypeError, ValueError):
        # The child decoded hostile bytes: what it says is checked, never trusted blindly.
        return VideoHashes((), "the video decoder gave an answer that cannot be read")
    return VideoHashes(frames, None if frames else "no frame of it could be decoded", seconds)


def _frame(found: dict) -> FrameHash:
    hashes = [found["pdq"], *found["turned"]]
    if len(hashes) != 8 or not all(isinstance(h, str) and _HEX64.fullmatch(h) for h in hashes):
        raise ValueError("not a PDQ hash")
    return FrameHash(float(found["at"]), hashes[0], int(found["quality"]), tuple(hashes[1:]),
                     int(found["width"]), int(found["height"]))  # fmt: skip


def _run_child(command: list[str], data: bytes, timeout: float) -> tuple[dict, str | None]:
    """Feed `data` to the child's stdin, read its one JSON line; (answer, None) or ({}, why)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window flashing
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env, creationflags=flags,
        )  # fmt: skip
    except OSError as exc:
        return {}, f"the video decoder could not be started ({exc.strerror or exc})"
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        child.kill()

    timer = threading.Timer(timeout, stop)
    timer.start()
    output: list[bytes] = []
    answer_pipe = child.stdout
    assert answer_pipe is not None and child.stdin is not None
    reader = threading.Thread(
        target=lambda: output.append(answer_pipe.read(ANSWER_BYTES)), daemon=True
    )  # the answer is read while the video is written: neither pipe can fill up and stall
    reader.start()
    try:
        child.stdin.write(data)
        child.stdin.close()
    except OSError:  # the child stopped reading (refused, or killed): its answer says why
        pass
    reader.join()
    code = child.wait()
    timer.cancel()
    if timed_out.is_set():
        return {}, f"decoding it took longer than {timeout:g} seconds"
    try:
        answer = json.loads((output[0] if output else b"").decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        answer = None
    if not isinstance(answer, dict):
        how = f"signal {-code}" if code < 0 else f"code {code}"
        return {}, f"the video decoder stopped on it ({how})"
    return answer, None

"""The child process that decodes one video and hashes sampled frames (issue 14).

Started by `evidencekit/video_frames.py` as `python -m evidencekit.video_frames_child LIMITS`
(a PyInstaller build: `evidencekit --video-frames-child LIMITS`). The video's bytes come in
on stdin and stay in memory (evidence is never written to disk in plaintext); one line of
JSON goes out on stdout: `{"frames": [...], "duration": s}` or `{"error": "plain reason"}`.

Decoding a file an abuser made is the riskiest thing EvidenceKit does (FFmpeg parses it), so
it happens here, never in the app: before reading a byte the child limits itself (address
space, CPU seconds, no file may be written, no core dump that could hold the video), and it
refuses a frame larger than the limit before decoding one. The parent adds a wall-clock
timeout and kills the child when it runs out.
"""

from __future__ import annotations

import io
import json
import math
import sys
from dataclasses import dataclass
from typing import Any

# A video longer than this is sampled at its key frames only, which a decoder gets about 4x
# cheaper: decoding every frame of 1080p costs ~50 ms per video second (benchmarks/pdq.py),
# so a 3-minute video adds ~9 s to its capture, and a 10-minute one would add half a minute.
ALL_FRAMES_UP_TO_S = 180.0


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_pixels: int
    max_frames: int
    every_s: float
    memory_bytes: int
    cpu_s: int

    def argv(self) -> list[str]:
        return [json.dumps(self.__dict__)]

    @classmethod
    def parse(cls, argv: list[str]) -> Limits:
        return cls(**json.loads(argv[0]))


class Refused(Exception):
    """The video is not hashed; the message is the plain reason."""


def limit_self(limits: Limits) -> None:
    """Limits the OS enforces on this process (POSIX; Windows has only the parent's timeout)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    wanted = [
        (resource.RLIMIT_CORE, 0),  # a crash must not leave the video's frames in a core file
        (resource.RLIMIT_FSIZE, 0),  # nothing may be written to a file (pipes are not files)
        (resource.RLIMIT_CPU, limits.cpu_s),
    ]
    if sys.platform.startswith("linux"):  # macOS does not enforce RLIMIT_AS
        wanted.append((resource.RLIMIT_AS, limits.memory_bytes))
    for which, value in wanted:
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):  # a lower hard limit is already set: keep it
            pass


def sample(data: bytes, limits: Limits) -> dict[str, Any]:
    """PDQ hashes of the video's first frame and one frame per `every_s` seconds after it."""
    import av  # here, after the limits: importing FFmpeg is part of what is limited
    import numpy as np

    from evidencekit.picture_hashes import pdq_dihedral_from_rgb

    def rgb(frame: av.VideoFrame) -> np.ndarray[Any, np.dtype[np.uint8]]:
        return np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.uint8)

    av.logging.set_level(None)  # FFmpeg's complaints about a broken file are not ours to print
    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.FFmpegError, ValueError, OSError) as exc:
        raise Refused("it is not a video that can be read") from exc
    with container:
        streams = container.streams.video
        if not streams:
            raise Refused("it holds no pictures (no video track)")
        stream = streams[0]  # a VideoStream: its width and height are the declared ones
        width, height = stream.width, stream.height
        if width * height > limits.max_pixels:
            raise Refused(f"its frames are too large ({width}x{height} pixels)")
        duration = None
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        every = limits.every_s
        if duration and duration / every > limits.max_frames:
            every = duration / limits.max_frames  # a long video: spread the frames over it
        # Two decoding threads: enough on a laptop, and the memory limit holds on a machine
        # with many cores (FFmpeg's default is one thread, and its frames, per core).
        stream.codec_context.thread_count = 2
        if duration is None or duration > ALL_FRAMES_UP_TO_S:
            stream.codec_context.skip_frame = "NONKEY"
        frames: list[dict[str, Any]] = []
        next_at = 0.0
        try:
            for frame in container.decode(stream):
                if frame.width * frame.height > limits.max_pixels:
                    raise Refused(f"a frame is too large ({frame.width}x{frame.height} pixels)")
                at = frame.time
                if at is None or (frames and at < next_at):
                    continue
                (pdq, *turned), quality = pdq_dihedral_from_rgb(rgb(frame))
                frames.append(
                    {"at": round(max(at, 0.0), 1), "pdq": pdq, "quality": quality,
                     "turned": turned, "width": frame.width, "height": frame.height}
                )  # fmt: skip
                next_at = (math.floor(at / every) + 1) * every
                if len(frames) >= limits.max_frames:
                    break
        except av.FFmpegError as exc:
            if not frames:
                raise Refused("its pictures cannot be decoded (the file is damaged)") from exc
            # A cut-off file: the frames before the damage are real frames of it; keep them.
    if not frames:
        raise Refused("no frame of it could be decoded")
    return {"frames": frames, "duration": duration}


def main(argv: list[str]) -> int:
    limits = Limits.parse(argv)
    limit_self(limits)
    try:
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise Refused("it is too large to decode here")
        if not data:
            raise Refused("the file is empty")
        answer = sample(data, limits)
    except Refused as refused:
        answer = {"error": str(refused)}
    except MemoryError:
        answer = {"error": "decoding it needed more memory than allowed"}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

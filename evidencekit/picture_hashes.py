"""A picture's hashes: SHA-256 and MD5 of its bytes, and its PDQ perceptual hash.

SHA-256 and MD5 find the same file again; PDQ (Meta's open photo-matching algorithm, the one
platforms and hash-sharing programmes use) finds the same *picture* again after it was
re-compressed, resized, lightly cropped or had a caption added, so a repost can be recognised
without anybody having to look at it.

Why our own few lines of NumPy instead of the `pdqhash` package: `pdqhash` (the maintained
binding to Meta's C++ code) publishes wheels for Windows and macOS only; on Linux pip builds
it from source, which needs a C++ compiler that a victim's or a clinic's fresh machine does
not have. So this is a straight port of Meta's reference (`pdqhashing.cpp`): luminance,
two passes of a Jarosz box filter, 64x64 decimation, a 16x16 block of the DCT, one bit per
coefficient above the median. tests/test_pdq_reference.py holds hashes that the C++ code
computed for the same photos and checks that ours agree (Meta's own rule for a port: within
a small distance, in practice 0 to 2 bits from float rounding near the median).
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

from evidencekit.errors import EXIT_USAGE, InputFileError

# Meta's published defaults for PDQ matching: a distance of 31 bits or fewer is "the same
# picture", and a hash whose quality is under 50 (a nearly flat or tiny picture) says too
# little to match on.
MATCH_DISTANCE = 31
MIN_QUALITY = 50

# More pixels than this is not a photo from a post but a trap (a "decompression bomb"):
# decoding it would take gigabytes of memory.
MAX_PIXELS = 80_000_000

_LUMA = np.array([0.299, 0.587, 0.114])  # the reference's luminance weights (BT.601)
_DOWNSAMPLE = 64
_DCT_ROWS = 16


class NotAPicture(InputFileError):
    """The bytes given are not a picture that can be decoded (or it is far too large)."""

    exit_code = EXIT_USAGE
    message = "This file is not a picture that can be read, so it cannot be hashed."


@dataclass(frozen=True)
class PictureHashes:
    """The hashes of one picture file and its size in pixels."""

    sha256: str  # hex, of the exact bytes
    md5: str  # hex, of the exact bytes (what many hash lists and platforms still ask for)
    pdq: str  # 64 hex characters: 256 bits, in the same notation as Meta's tools
    pdq_quality: int  # 0..100; below MIN_QUALITY the PDQ hash is not used for matching
    width: int
    height: int

    @property
    def matchable(self) -> bool:
        return self.pdq_quality >= MIN_QUALITY


def hash_picture(data: bytes) -> PictureHashes:
    """All hashes of one picture file (its first frame, as a viewer shows it)."""
    luma, width, height = _luminance(data)
    pdq, quality = pdq_from_luminance(luma)
    return PictureHashes(
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
        pdq=pdq,
        pdq_quality=quality,
        width=width,
        height=height,
    )


def pdq_distance(a_hex: str, b_hex: str) -> int:
    """Number of bits in which two PDQ hashes differ (0 = same, 256 = opposite)."""
    try:
        a, b = int(a_hex, 16), int(b_hex, 16)
    except ValueError as exc:
        raise ValueError(f"not a PDQ hash: {a_hex!r} / {b_hex!r}") from exc
    if len(a_hex) != 64 or len(b_hex) != 64:
        raise ValueError("a PDQ hash is 64 hex characters")
    return (a ^ b).bit_count()


def _luminance(data: bytes) -> tuple[NDArray[np.float64], int, int]:
    if not data:
        raise NotAPicture(detail="empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise NotAPicture(detail=f"{image.width}x{image.height} pixels")
                # As people see it: a phone photo's EXIF turn applied, first frame only.
                upright = ImageOps.exif_transpose(image)
                rgb = upright.convert("RGB")
    except NotAPicture:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise NotAPicture(detail=str(exc)) from exc
    except Image.DecompressionBombWarning as exc:
        raise NotAPicture(detail=str(exc)) from exc
    pixels = np.asarray(rgb, dtype=np.float64)
    return pixels @ _LUMA, rgb.width, rgb.height


def pdq_from_luminance(luma: NDArray[np.float64]) -> tuple[str, int]:
    """PDQ hash (hex) and quality of a picture given as rows x columns of luminance 0..255."""
    rows, cols = luma.shape
    filtered = luma
    for _ in range(2):  # the reference's PDQ_NUM_JAROSZ_XY_PASSES
        filtered = _box_filter(filtered, _jarosz_window(cols), axis=1)
        filtered = _box_filter(filtered, _jarosz_window(rows), axis=0)
    row_at = ((np.arange(_DOWNSAMPLE) + 0.5) * rows / _DOWNSAMPLE).astype(int)
    col_at = ((np.arange(_DOWNSAMPLE) + 0.5) * cols / _DOWNSAMPLE).astype(int)
    small = filtered[np.ix_(row_at, col_at)]
    quality = _quality(small)
    dct = _DCT @ small @ _DCT.T
    flat = dct.reshape(-1)  # bit k = row * 16 + column, as in the reference
    median = np.sort(flat)[(flat.size - 1) // 2]  # Torben's median: the lower middle value
    bits = flat > median
    # Meta's notation: sixteen 16-bit words, the word holding bits 240..255 first.
    words = [sum(1 << j for j in range(16) if bits[word * 16 + j]) for word in range(15, -1, -1)]
    return "".join(f"{w:04x}" for w in words), quality


def _jarosz_window(length: int) -> int:
    """Box width so that two passes blur away what decimation to 64 samples would alias."""
    return (length + 2 * _DOWNSAMPLE - 1) // (2 * _DOWNSAMPLE)


def _box_filter(values: NDArray[np.float64], window: int, axis: int) -> NDArray[np.float64]:
    """The reference's box1DFloat along one axis: a mean over a window that is cut short at
    both ends (output i averages inputs i-(window-half) .. i+half-1, half = (window+2)//2)."""
    if window <= 1:
        return values
    moved = np.moveaxis(values, axis, 0)
    length = moved.shape[0]
    half = (window + 2) // 2
    out_index = np.arange(length)
    low = np.maximum(0, out_index - (window - half))
    high = np.minimum(length - 1, out_index + half - 1)
    sums = np.concatenate([np.zeros((1, *moved.shape[1:])), np.cumsum(moved, axis=0)])
    counts = (high - low + 1).reshape((-1,) + (1,) * (moved.ndim - 1))
    result = (sums[high + 1] - sums[low]) / counts
    return np.moveaxis(result, 0, axis)


def _quality(small: NDArray[np.float64]) -> int:
    """The reference's image-domain quality: how much detail the 64x64 picture has."""
    down = np.trunc((small[:-1, :] - small[1:, :]) * 100 / 255)
    across = np.trunc((small[:, :-1] - small[:, 1:]) * 100 / 255)
    gradient_sum = int(np.abs(down).sum() + np.abs(across).sum())
    return min(100, gradient_sum // 90)


def _dct_matrix() -> NDArray[np.float64]:
    # Rows 1..16 of the 64-point DCT-II (row 0, the average brightness, carries no shape).
    scale = math.sqrt(2.0 / _DOWNSAMPLE)
    i = np.arange(1, _DCT_ROWS + 1).reshape(-1, 1)
    j = np.arange(_DOWNSAMPLE).reshape(1, -1)
    return scale * np.cos((math.pi / 2 / _DOWNSAMPLE) * i * (2 * j + 1))


_DCT = _dct_matrix()

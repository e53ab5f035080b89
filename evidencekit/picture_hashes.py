"""A picture's hashes: SHA-256 and MD5 of its bytes, and its PDQ perceptual hash.

SHA-256 and MD5 find the same file again; PDQ (Meta's open photo-matching algorithm, the one
platforms and hash-sharing programmes use) finds the same *picture* again after it was
re-compressed, resized or turned grey, so a repost can be recognised without anybody having
to look at it. A mirror image or a quarter turn changes the hash completely, so the hashes of
the picture's 7 mirrored and turned forms are made too (`pdq_turned`, Meta's dihedral
hashes). None of them survives a crop of 2 % or more, a small tilt or an added caption bar
(measured on real photos: benchmarks/pdq.py).

Why our own few lines of NumPy instead of the `pdqhash` package: `pdqhash` (the maintained
binding to Meta's C++ code) publishes wheels for Windows and macOS only; on Linux pip builds
it from source, which needs a C++ compiler that a victim's or a clinic's fresh machine does
not have. So this is a port of Meta's reference (`pdqhashing.cpp`): luminance, two passes
of a Jarosz box filter, 64x64 decimation, a 16x16 block of the DCT, one bit per coefficient
above the median (the blur and decimation computed as one matrix product: see
`pdq_from_rgb`). tests/test_pdq_reference.py holds hashes that the C++ code computed for
the test photos and checks that ours agree; while writing it, ours equalled the C++ code's
bit for bit on 26 scikit-image sample pictures and 44 changed copies of the test photos.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import warnings
from dataclasses import dataclass

# One BLAS thread: the products here are small, and on a busy laptop (or a clinic's shared
# machine) OpenBLAS's helper threads wait for each other, making a 360 px picture take 45 ms
# instead of 1 ms and a phone photo 1.2 s instead of 0.45 s (measured on 2 loaded cores).
# Only effective before NumPy is first imported, which in EvidenceKit is here; a value the
# user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
_BAND_ROWS = 256


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
    # The PDQ hashes of the same picture mirrored and turned (the 7 other members of the
    # dihedral group, Meta's "dihedral" hashes), made from the same DCT: a repost flipped or
    # turned to dodge matching is found by comparing these with the other picture's `pdq`.
    pdq_turned: tuple[str, ...] = ()

    @property
    def matchable(self) -> bool:
        return self.pdq_quality >= MIN_QUALITY


def hash_picture(data: bytes) -> PictureHashes:
    """All hashes of one picture file (its first frame, as a viewer shows it)."""
    pixels, width, height = _decode(data)
    (pdq, *turned), quality = pdq_dihedral_from_rgb(pixels)
    return PictureHashes(
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
        pdq=pdq,
        pdq_quality=quality,
        width=width,
        height=height,
        pdq_turned=tuple(turned),
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


class PdqTable:
    """Many PDQ hashes, read once, to find those near a picture's hash in one step."""

    def __init__(self, hashes: list[str]) -> None:
        self._words = _words(hashes)

    def near(self, forms: list[str], limit: int) -> dict[int, tuple[int, int]]:
        """Which hashes lie at most `limit` bits from one of `forms` (a picture's hash and its
        mirrored and turned forms): index -> (nearest distance, distance to forms[0]). All
        distances at once: 8 forms against 10,000 hashes take about a millisecond."""
        if not forms or not len(self._words):
            return {}
        apart = np.bitwise_count(_words(forms)[:, None, :] ^ self._words[None, :, :]).sum(axis=2)
        nearest = apart.min(axis=0)
        return {
            int(i): (int(nearest[i]), int(apart[0, i])) for i in np.flatnonzero(nearest <= limit)
        }


def _words(hexes: list[str]) -> NDArray[np.uint64]:
    """PDQ hashes as rows of four 64-bit words (one parse for all of them)."""
    if any(len(h) != 64 for h in hexes):
        raise ValueError("a PDQ hash is 64 hex characters")
    raw = bytes.fromhex("".join(hexes))
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(-1, 4)


def _decode(data: bytes) -> tuple[NDArray[np.uint8], int, int]:
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
    return np.asarray(rgb), rgb.width, rgb.height


def pdq_from_rgb(pixels: NDArray[np.uint8]) -> tuple[str, int]:
    """PDQ hash (hex) and quality of a picture given as rows x columns x RGB (0..255)."""
    hashes, quality = pdq_dihedral_from_rgb(pixels)
    return hashes[0], quality


def pdq_dihedral_from_rgb(pixels: NDArray[np.uint8]) -> tuple[list[str], int]:
    """The picture's PDQ hash and those of its 7 mirrored and turned forms, and its quality."""
    rows, cols = pixels.shape[:2]
    # The reference blurs the whole luminance picture (two box passes along rows and along
    # columns) and then keeps 64 x 64 samples of it. Both steps are linear and act on one
    # axis each, so the same samples are `R @ luma @ C.T`, with R and C the rows of the blur
    # that the samples read: one matrix product instead of four passes over every pixel (a
    # phone photo takes a tenth of the time), equal to the reference up to float rounding.
    # Done in bands of rows, so a phone photo never needs more than a few MB in floats.
    across = _sampling_matrix(cols).T
    down = _sampling_matrix(rows)
    small = np.zeros((_DOWNSAMPLE, _DOWNSAMPLE))
    for start in range(0, rows, _BAND_ROWS):
        band = pixels[start : start + _BAND_ROWS].reshape(-1, 3) @ _LUMA
        luma = band.reshape(-1, cols)
        small += down[:, start : start + luma.shape[0]] @ (luma @ across)
    quality = _quality(small)
    dct = _DCT @ small @ _DCT.T
    # Mirroring the picture left to right changes the sign of every odd-numbered DCT column
    # (cos(pi k (2(63 - j) + 1) / 128) = (-1)^k cos(pi k (2j + 1) / 128), k = 1..16); top to
    # bottom, of the rows; a turn by 90 degrees is a transposition and one mirror. So the 8
    # forms come from the one DCT, as in Meta's pdqDihedralHash256esFromFloatLuma.
    mirror = _DCT_SIGNS[None, :]
    flip = _DCT_SIGNS[:, None]
    forms = [dct, dct * mirror, dct * flip, dct * mirror * flip]
    forms += [f.T for f in forms]
    return [_hex_bits(f) for f in forms], quality


def _hex_bits(dct: NDArray[np.float64]) -> str:
    flat = dct.reshape(-1)  # bit k = row * 16 + column, as in the reference
    median = np.sort(flat)[(flat.size - 1) // 2]  # Torben's median: the lower middle value
    bits = flat > median
    # Meta's notation: sixteen 16-bit words, the word holding bits 240..255 first.
    words = [sum(1 << j for j in range(16) if bits[word * 16 + j]) for word in range(15, -1, -1)]
    return "".join(f"{w:04x}" for w in words)


def _jarosz_window(length: int) -> int:
    """Box width so that two passes blur away what decimation to 64 samples would alias."""
    return (length + 2 * _DOWNSAMPLE - 1) // (2 * _DOWNSAMPLE)


def _box_bounds(length: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The reference's box1DFloat: output i is the mean of inputs low[i] .. high[i], a window
    cut short at both ends (i-(window-half) .. i+half-1, half = (window+2)//2)."""
    window = _jarosz_window(length)
    out_index = np.arange(length)
    if window <= 1:
        return out_index, out_index
    half = (window + 2) // 2
    low = np.maximum(0, out_index - (window - half))
    high = np.minimum(length - 1, out_index + half - 1)
    return low, high


def _sampling_matrix(length: int) -> NDArray[np.float64]:
    """64 x length: row r holds the weights with which sample r of the twice box-filtered
    axis (the reference's decimation point int((r + 0.5) * length / 64)) reads the input."""
    low, high = _box_bounds(length)
    counts = (high - low + 1).astype(np.float64)
    at = ((np.arange(_DOWNSAMPLE) + 0.5) * length / _DOWNSAMPLE).astype(int)
    # First pass: the box rows of the sample points, as dense rows.
    index = np.arange(length)
    first = ((index >= low[at, None]) & (index <= high[at, None])) / counts[at, None]
    # Second pass: (first @ B)[r, i] = sum of first[r, o] / counts[o] over the outputs o whose
    # box covers input i. low and high never decrease, so those o are one run, from the first
    # o with high[o] >= i to the last with low[o] <= i: a difference of prefix sums.
    prefix = np.zeros((_DOWNSAMPLE, length + 1))
    np.cumsum(first / counts, axis=1, out=prefix[:, 1:])
    begin = np.searchsorted(high, index, side="left")
    end = np.searchsorted(low, index, side="right")
    return prefix[:, end] - prefix[:, begin]


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
_DCT_SIGNS = np.array([(-1.0) ** (k + 1) for k in range(_DCT_ROWS)])  # (-1)^k, k = 1..16

"""The passphrase rules: the shortest passphrase a vault accepts, and how hard a new one would
be to guess (the score the unlock screen shows while she types).

Plain functions, no I/O: the vault enforces the minimum, the front ends word the score.
"""

from __future__ import annotations

import math
import string

from evidencekit.errors import WeakPassphrase

MIN_PASSPHRASE_LENGTH = 8


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a new passphrase shorter than the minimum (`WeakPassphrase`)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase()


def passphrase_strength(passphrase: str) -> int:
    """A rough 0-4 score: 0 too short to use, 1 weak, 2 fair, 3 good, 4 strong.

    Estimated from length and the kinds of characters used; several ordinary words
    ("green lamp under the river") score well, as they should.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return 0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(not c.isalnum() for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):  # ë, ç and other letters
        pool += 20
    distinct = len(set(passphrase))
    # Repeats ("aaaaaaaa", "abababab") add little: count distinct characters double at most.
    effective = min(len(passphrase), distinct * 2)
    bits = effective * math.log2(max(pool, 2))
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4

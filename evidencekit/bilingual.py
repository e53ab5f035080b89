"""One text in English and Albanian (shqip): the value both the report and the verifier make
their words from, so neither side needs the other's code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Bi:
    """One text in both languages."""

    en: str
    sq: str

    def heading(self) -> str:
        return f"{self.en} · {self.sq}"

    def format(self, **values: object) -> Bi:
        """Both templates filled in. A `Bi` value gives each language its own words; any other
        value (a number, a fingerprint, a file name) is the same in both."""
        return Bi(
            self.en.format(**{k: v.en if isinstance(v, Bi) else v for k, v in values.items()}),
            self.sq.format(**{k: v.sq if isinstance(v, Bi) else v for k, v in values.items()}),
        )

    @staticmethod
    def same(text: str) -> Bi:
        """A name or a technical value that reads the same in both languages."""
        return Bi(text, text)

    @staticmethod
    def join(parts: Iterable[Bi], sep: Bi | str) -> Bi:
        shown = list(parts)
        en_sep, sq_sep = (sep.en, sep.sq) if isinstance(sep, Bi) else (sep, sep)
        return Bi(en_sep.join(p.en for p in shown), sq_sep.join(p.sq for p in shown))

"""Reading a page's content stream: a PDF lexer (operands and operators, inline image data
skipped) and fonts' /ToUnicode maps, for `pdfpages`. Bounded by what it is given: the caller
inflates streams with limits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pyhanko.pdf_utils import generic

MAX_CMAP_BYTES = 4 * 1024 * 1024


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """`obj[key]` with indirect references followed (pyHanko's `get` does not), or `default`."""
    if isinstance(obj, generic.DictionaryObject) and key in obj:
        return obj[key]
    return default


# --- the content-stream lexer ------------------------------------------------------------------

_TOKEN = re.compile(
    rb"[\x00\t\n\x0c\r ]+|%[^\r\n]*|<<|>>|\[|\]|\{|\}|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|\(|"
    rb"/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*|[^\x00\t\n\x0c\r ()<>\[\]{}/%]+"
)
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)\Z")
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


class Op:
    __slots__ = ("name",)

    def __init__(self, name: bytes) -> None:
        self.name = name


def _literal(data: bytes, at: int) -> tuple[bytes, int]:
    """A literal string starting after its '(' at `at`: its bytes and where it ends."""
    out = bytearray()
    depth = 1
    size = len(data)
    while at < size:
        c = data[at]
        at += 1
        if c == 0x5C:  # backslash
            if at >= size:
                break
            e = data[at]
            at += 1
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
            elif 0x30 <= e <= 0x37:
                digits = bytes([e])
                while len(digits) < 3 and at < size and 0x30 <= data[at] <= 0x37:
                    digits += data[at : at + 1]
                    at += 1
                out.append(int(digits, 8) & 0xFF)
            elif e in (0x0A, 0x0D):
                if e == 0x0D and at < size and data[at] == 0x0A:
                    at += 1
            else:
                out.append(e)
        elif c == 0x28:
            depth += 1
            out.append(c)
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), at
            out.append(c)
        else:
            out.append(c)
    return bytes(out), at


def tokens(data: bytes) -> Iterator[Any]:
    """Operands (numbers, names, strings as bytes, arrays as lists) and operators (_Op)."""
    at = 0
    size = len(data)
    stack: list[list[Any]] = []
    while at < size:
        match = _TOKEN.match(data, at)
        if match is None:
            at += 1
            continue
        token = match.group()
        at = match.end()
        value: Any
        first = token[:1]
        if first in b"\x00\t\n\x0c\r " or first == b"%":
            continue
        if token == b"(":
            value, at = _literal(data, at)
            value = bytearray(value)  # strings are bytearrays, names are str
        elif first == b"<" and token != b"<<":
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", token)
            value = bytearray(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
        elif token == b"[":
            stack.append([])
            continue
        elif token == b"]":
            if not stack:
                continue
            value = stack.pop()
        elif first == b"/":
            value = token.decode("latin-1")
        elif _NUMBER.match(token):
            value = float(token)
        elif token in (b"<<", b">>", b"{", b"}"):
            continue  # inline dictionaries (BDC properties): their contents pass as operands
        else:
            if stack:
                continue  # true/false/null inside an array
            if token == b"ID":
                # Inline image data: binary up to whitespace + EI + whitespace.
                end = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|\Z)").search(
                    data, at + 1
                )
                at = size if end is None else end.end()
                yield Op(b"EI")
                continue
            yield Op(token)
            continue
        if stack:
            stack[-1].append(value)
        else:
            yield value


# --- fonts -------------------------------------------------------------------------------------

_HEX = rb"<([0-9A-Fa-f]+)>"
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)


def _utf16(hex_digits: bytes) -> str:
    try:
        return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "replace")
    except ValueError:
        return "\ufffd"


class Font:
    """Decodes a font's string bytes to text through its /ToUnicode map."""

    def __init__(
        self,
        font: generic.DictionaryObject | None,
        inflate: Callable[[generic.StreamObject, int], bytes] | None = None,
    ) -> None:
        self.width = 1
        self.map: dict[int, str] | None = None
        self.bold = False  # the report's bold face (DejaVu Sans Bold): headings and labels
        if font is None:
            return
        self.bold = str(_get(font, "/BaseFont") or "").endswith("-Bold")
        subtype = _get(font, "/Subtype")
        if subtype == "/Type0":
            self.width = 2
        to_unicode = _get(font, "/ToUnicode")
        if isinstance(to_unicode, generic.StreamObject) and inflate is not None:
            self.map = self._cmap(inflate(to_unicode, MAX_CMAP_BYTES))

    def _cmap(self, data: bytes) -> dict[int, str]:
        found: dict[int, str] = {}
        for block in _BFCHAR.findall(data):
            pairs = re.findall(_HEX, block)
            for src, dst in zip(pairs[0::2], pairs[1::2], strict=False):
                self.width = max(1, len(src) // 2)
                found[int(src, 16)] = _utf16(dst)
        for block in _BFRANGE.findall(data):
            for lo, hi, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[^>]*>|\[[^\]]*\])", block
            ):
                low, high = int(lo, 16), int(hi, 16)
                if high - low > 65535:
                    continue
                self.width = max(1, len(lo) // 2)
                if dst.startswith(b"["):
                    for n, each in enumerate(re.findall(_HEX, dst)):
                        found[low + n] = _utf16(each)
                else:
                    digits = dst.strip(b"<>")
                    start = int(digits, 16) if digits else 0
                    for n in range(high - low + 1):
                        found[low + n] = chr(min(start + n, 0x10FFFF))
        return found

    def text(self, data: bytes) -> str:
        if self.map is None:
            return data.decode("latin-1")
        step = self.width
        return "".join(
            self.map.get(int.from_bytes(data[i : i + step], "big"), "\ufffd")
            for i in range(0, len(data) - step + 1, step)
        )

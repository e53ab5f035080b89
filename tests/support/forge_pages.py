"""Forging what a judge reads while every attached file stays genuine, for the page tests.

The forger here holds the vault's own key (the worst case: a stolen laptop, an insider): they
take a genuine bundle's report as it was before it was signed, change a picture's pixels or a
printed fact with pikepdf, and sign the result again with the vault's identity, time-stamped,
exactly as `export` would. Every attachment, manifest, token and custody entry stays genuine.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf

from evidencekit.bundle.sign import sign_in_place
from evidencekit.seal.identity import Identity
from tests.support.forging import revision_starts


def unsigned_report(source: Path, target: Path) -> Path:
    """The genuine bundle's first revision: the report as it was before it was signed."""
    data = source.read_bytes()
    target.write_bytes(data[: revision_starts(data)[0]])
    return target


def resign(path: Path, identity: Identity, tsa_url: str | None, tsa_certs: list[bytes]) -> None:
    """Sign `path` in place as `export` does (PAdES, with the TSA when one is given)."""
    with open(path, "r+b") as handle:
        asyncio.run(
            sign_in_place(
                handle,
                identity,
                bundle_id="forged",
                tsa_url=tsa_url,
                tsa_certs_der=tsa_certs,
            )
        )


def page_images(pdf: pikepdf.Pdf) -> list[tuple[int, pikepdf.Object]]:
    """(page index, image XObject) for every image on the pages, in page order, once each."""
    seen: set[tuple[int, int]] = set()
    found = []
    for index, page in enumerate(pdf.pages):
        resources = page.obj.get("/Resources")
        xobjects = resources.get("/XObject") if resources is not None else None
        for _, image in (xobjects or {}).items():
            if image.get("/Subtype") == "/Image" and image.objgen not in seen:
                seen.add(image.objgen)
                found.append((index, image))
    return found


def png_predicted(raw: bytes, width: int, colours: int) -> bytes:
    """Raw 8-bit samples as the report stores them: Flate data of PNG rows (filter 0)."""
    row = width * colours
    rows = [b"\x00" + raw[at : at + row] for at in range(0, len(raw), row)]
    return zlib.compress(b"".join(rows), 6)


def repaint(image: pikepdf.Object, paint: Callable[[bytearray, int, int, int], None]) -> None:
    """Change an image XObject's samples in place, keeping the report's own encoding (Flate,
    PNG predictors, same dictionary), so only the pixels differ."""
    width, height = int(image["/Width"]), int(image["/Height"])
    colours = 3 if image["/ColorSpace"] == "/DeviceRGB" else 1
    raw = bytearray(image.read_bytes())  # qpdf undoes Flate and the PNG predictor
    paint(raw, width, height, colours)
    parms = image["/DecodeParms"]
    image.write(png_predicted(bytes(raw), width, colours), filter=pikepdf.Name.FlateDecode)
    image["/DecodeParms"] = parms


def black_box(y0: int, y1: int, x0: int, x1: int) -> Callable[[bytearray, int, int, int], None]:
    """A painter: rows y0..y1, columns x0..x1 of the image turned black (words hidden)."""

    def paint(raw: bytearray, width: int, height: int, colours: int) -> None:
        for y in range(y0, min(y1, height)):
            start = (y * width + x0) * colours
            raw[start : start + (min(x1, width) - x0) * colours] = bytes(
                (min(x1, width) - x0) * colours
            )

    return paint


def edit_page_text(pdf: pikepdf.Pdf, page_index: int, old: bytes, new: bytes) -> None:
    """Replace bytes in one page's content stream (e.g. `(200) Tj` by `(404) Tj`)."""
    page = pdf.pages[page_index]
    contents = page.obj["/Contents"]
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    for stream in streams:
        data = stream.read_bytes()
        if old in data:
            stream.write(zlib.compress(data.replace(old, new, 1)), filter=pikepdf.Name.FlateDecode)
            return
    raise AssertionError(f"{old!r} is not on page {page_index + 1}")


def forge(
    source: Path,
    target: Path,
    change: Callable[[pikepdf.Pdf], None],
    identity: Identity,
    tsa_url: str | None,
    tsa_certs: list[bytes],
    **save: Any,
) -> Path:
    """`source`'s report, changed by `change(pdf)`, saved (pikepdf's `save` options) and
    re-signed with `identity`."""
    unsigned = target.with_suffix(".unsigned.pdf")
    unsigned_report(source, unsigned)
    with pikepdf.open(unsigned) as pdf:
        change(pdf)
        pdf.save(target, **save)
    unsigned.unlink()
    resign(target, identity, tsa_url, tsa_certs)
    return target

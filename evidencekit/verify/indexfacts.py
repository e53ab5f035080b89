"""The index of items (page 2 of the report) and the cover checked against the sealed facts.

The cover's bundle id, signing certificate fingerprint and number of items must be bundle.json's
(which the identity and item rows hold to the PDF's signer and the manifests).

Each row of the index (bundle/sections.py `index`) prints an item's number, its address or file
name, its capture time, its first trusted time, its status and its seal digest. The rows are
read back from the index pages' text: a row ends with the two halves of the item's seal digest
(64 hex digits the verifier knows), so rows are found however the layout wraps their cells; the
row's text, whitespace removed, must then be exactly what the sealed facts give: the number,
the address (cut where the report cuts it), the capture time and the status from the manifest,
one of the item's valid timestamps to the second, and the digest. The header row and each
page's running header and footer are set aside. A row the index has but the bundle does not,
or a row missing, is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T
from evidencekit.verify.pagefacts import Sealed, matches, squash, status_text
from evidencekit.verify.pdfpages import Page

INDEX_HEADING = "Index of items · Lista e provave"
HEADER = squash("No. URL or file name Captured (UTC) TSA time (UTC) Status Seal digest")
FURNITURE = 3  # the running header, page number and footer each page ends with
LABEL_CUT = 300  # the index cuts a long address here
_TIME = re.compile(r"\d{4}-\d\d-\d\d\d\d:\d\d:\d\d")


def _moment(value: object) -> str:
    """bundle/sections.py `_moment`, whitespace removed: the date, then the time to the second."""
    text = "" if value is None else str(value)
    if "T" not in text:
        return squash(text)
    day, time = text.split("T", 1)
    return squash(day + time[:8])


def _lines(front: Sequence[Page]) -> list[str] | None:
    """The index pages' lines, without headings, header rows and page furniture; None when
    the report has no index."""
    out: list[str] = []
    started = False
    for page in front:
        lines = [line.strip() for line in page.lines[: max(0, len(page.lines) - FURNITURE)]]
        if INDEX_HEADING in lines:
            started = True
            lines = lines[lines.index(INDEX_HEADING) + 1 :]
        elif not started:
            continue
        taken, at = "", 0
        while at < len(lines) and len(taken) < len(HEADER):
            taken += squash(lines[at])
            at += 1
        if taken == HEADER:
            lines = lines[at:]
        out += lines
    return out if started else None


def _sealed(manifest: dict[str, Any]) -> dict[str, Any]:
    found = manifest.get("item")
    return found if isinstance(found, dict) else {}


def _label(manifest: dict[str, Any], item: dict[str, Any]) -> str:
    sealed = _sealed(manifest)
    for key in ("url", "final_url", "file_name", "id"):
        if sealed.get(key):
            return "".join(c if c in "\n\t" or ord(c) >= 32 else "\ufffd" for c in str(sealed[key]))
    return str(item["id"])


def _row_matches(row: str, item: dict[str, Any], manifest: dict[str, Any], times: Any) -> bool:
    sealed = _sealed(manifest)
    digest = str(item["manifest_sha256"])
    tail = squash(status_text(sealed.get("kind"), sealed.get("status"))) + digest
    if not row.endswith(tail):
        return False
    row = row[: -len(tail)]
    if times is not None:  # the item's valid tokens (None: its row failed already)
        if times:
            stamped = {_moment(t) for t in times}
            if row[-18:] not in stamped or not _TIME.fullmatch(row[-18:]):
                return False
            row = row[:-18]
        elif row.endswith("none/pending"):
            row = row[: -len("none/pending")]
        else:
            return False
    elif _TIME.fullmatch(row[-18:]):
        row = row[:-18]
    captured = _moment(sealed.get("captured_at"))
    number = str(item["number"])
    if not row.endswith(captured) or not row.startswith(number):
        return False
    shown = row[len(number) : len(row) - len(captured)]
    wanted = squash(_label(manifest, item))
    if len(_label(manifest, item)) > LABEL_CUT:
        head = squash(_label(manifest, item)[:LABEL_CUT])
        return matches(shown[: len(head)], head) and shown[len(head) :].startswith("[…")
    return matches(shown, wanted)


def index_problems(ctx: Sealed, items: Sequence[dict[str, Any]], front: Sequence[Page]) -> list[Bi]:
    """Why the index does not print the sealed facts (empty when it does)."""
    lines = _lines(front)
    if lines is None:
        return [T.INDEX_MISSING]
    problems: list[Bi] = []
    at = 0
    for item in items:
        digest = str(item["manifest_sha256"])
        end = next(
            (
                n
                for n in range(at, len(lines) - 1)
                if lines[n] == digest[:32] and lines[n + 1] == digest[32:]
            ),
            None,
        )
        if end is None:
            problems.append(T.INDEX_ROW_DIFFERS.format(number=item["number"]))
            continue
        row = squash("".join(lines[at : end + 2]))
        at = end + 2
        manifest = ctx.manifests.get(str(item["id"]))
        if manifest is None:
            continue  # its seal is broken: the item's own row says so
        times = ctx.stamps.get(str(item["id"]))
        stamps = None if times is None else [t["time"] for t in times]
        if not _row_matches(row, item, manifest, stamps):
            problems.append(T.INDEX_ROW_DIFFERS.format(number=item["number"]))
    if any(line for line in lines[at:]):
        problems.append(T.INDEX_ROW_EXTRA)
    return problems


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _after(page: Page, label: str) -> str | None:
    """The line after a bold label on the page, or None."""
    for n, line in enumerate(page.lines[:-1]):
        if n in page.bold and line.strip() == label:
            return page.lines[n + 1].strip()
    return None


def cover_problems(front: Sequence[Page], bundle_id: str, fingerprint: str, items: int) -> list[Bi]:
    """The cover's bundle id, signing certificate and number of items (bundle/sections.py
    `cover`) against bundle.json's, which the identity and item rows hold to the signature and
    the manifests."""
    if not front:
        return [T.COVER_DIFFERS.format(what=T.COVER_ID)]
    cover = front[0]
    problems = []
    if _after(cover, "Bundle id · Identifikuesi i dosjes") != bundle_id:
        problems.append(T.COVER_DIFFERS.format(what=T.COVER_ID))
    if [line.strip() for line in cover.lines if _HEX64.fullmatch(line.strip())] != [fingerprint]:
        problems.append(T.COVER_DIFFERS.format(what=T.COVER_CERTIFICATE))
    if _after(cover, "Items · Numri i provave") != str(items):
        problems.append(T.COVER_DIFFERS.format(what=T.COVER_ITEMS))
    return problems

"""Each item page's key facts, read from the page's own text, checked against the sealed ones.

The summary table at the top of an item's first page (bundle/item_pages.py `_summary`) prints
the address, the capture time in UTC (and at the capture computer's offset), the trusted time,
the HTTP status, the item id, the seal digest and the sealing certificate. A forger holding the
vault's key could print other values there while every attached file stays genuine; so each
value is read back from the page (`pdfpages`) and compared with what is sealed: the item's
manifest (its SHA-256 is the seal), its metadata.json (sealed by the manifest) and its valid
timestamp tokens. Which page is which item's comes from the heading printed on it.

Compared without whitespace (the layout breaks long values into lines). A value longer than
the report prints whole is compared up to where the report cuts it. The timestamp authority's
address after the time is not sealed anywhere (a token names its authority by certificate) and
is not compared; nor are the operator's name, the title and the tags.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T
from evidencekit.verify.checks import Check, failed, iso, parse_utc, passed
from evidencekit.verify.pdfpages import Page, Sections
from evidencekit.verify.pdfread import READ_ERRORS, Attached

log = logging.getLogger(__name__)

SHOWN_ONCE = 600  # bundle/item_pages.py: a value longer than this is cut in the summary
WEB_LABELS = ("Address requested", "Address reached", "Captured at (UTC)")
FILE_LABELS = ("File name", "Imported at (UTC)")
COMMON_LABELS = (
    "Trusted time (TSA)",
    "Status",
    "Item id",
    "Seal (manifest SHA-256)",
    "Sealed by certificate",
    "Operator",
)
LABELS = frozenset(WEB_LABELS + FILE_LABELS + COMMON_LABELS)


class Sealed(Protocol):
    found: dict[str, Attached]
    manifests: dict[str, dict[str, Any]]
    stamps: dict[str, list[dict[str, Any]]]

    def read(self, attachment: str) -> bytes: ...


def squash(text: str) -> str:
    return "".join(text.split())


def _cleaned(value: object) -> str:
    """A value as the report prints it (bundle/layout.py `clean`): control characters shown
    as U+FFFD."""
    text = "" if value is None else str(value)
    return "".join(c if c in "\n\t" or ord(c) >= 32 else "\ufffd" for c in text)


def status_text(kind: object, status: object) -> str:
    """bundle/item_pages.py `status_text`, from the sealed values."""
    if kind != "web":
        return "imported file"
    if not isinstance(status, int):
        return "no answer recorded"
    if status in (404, 410):
        return f"{status} (removed / not found)"
    if status >= 400:
        return f"{status} (error page)"
    return str(status)


def local_time(utc_iso: object, offset: object) -> str:
    """bundle/item_pages.py `local_time`: the capture moment at the computer's UTC offset."""
    moment = parse_utc(utc_iso)
    if moment is None or not isinstance(offset, str) or not offset:
        return ""
    try:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = (int(p) for p in offset.lstrip("+-").split(":"))
        zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    except ValueError:
        return ""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") + f" (UTC{offset})"


def summary(pages: Sequence[Page]) -> dict[str, list[list[str]]]:
    """label -> the value lines after each occurrence of it, from the item's first pages.

    A label is a line in the bold face: what a capture supplies (a title, an address) is set in
    the regular one, so a title that reads "Status" is not taken for the label."""
    lines = [
        (line.strip(), n in page.bold) for page in pages[:2] for n, line in enumerate(page.lines)
    ]
    found: dict[str, list[list[str]]] = {}
    current: list[str] | None = None
    for line, bold in lines:
        if bold and line in LABELS:
            current = []
            found.setdefault(line, []).append(current)
            if line == "Operator":
                break  # the last label compared: what follows is the rest of the page
        elif current is not None:
            current.append(line)
    return found


def _metadata(ctx: Sealed, item: dict[str, Any]) -> dict[str, Any]:
    listed = next((a for a in item["artifacts"] if a.get("name") == "metadata.json"), None)
    attachment = (listed or {}).get("attachment")
    if not attachment or attachment not in ctx.found:
        return {}
    try:
        value = json.loads(ctx.read(attachment))
    except (*READ_ERRORS, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _expected(ctx: Sealed, item: dict[str, Any], manifest: dict[str, Any]) -> dict[str, str]:
    found = manifest.get("item")
    sealed: dict[str, Any] = found if isinstance(found, dict) else {}
    kind = sealed.get("kind")
    out: dict[str, str] = {}
    if kind == "web":
        out["Address requested"] = _cleaned(sealed.get("url"))
        final = sealed.get("final_url")
        if final and final != sealed.get("url"):
            out["Address reached"] = _cleaned(final)
        out["Captured at (UTC)"] = _cleaned(sealed.get("captured_at"))
    else:
        out["File name"] = _cleaned(sealed.get("file_name"))
        out["Imported at (UTC)"] = _cleaned(sealed.get("captured_at"))
    out["Status"] = status_text(kind, sealed.get("status"))
    out["Item id"] = str(sealed.get("id"))
    out["Seal (manifest SHA-256)"] = str(item["manifest_sha256"])
    out["Sealed by certificate"] = str((item.get("seal") or {}).get("signed_by") or "not sealed")
    return out


def matches(shown: str, wanted: str) -> bool:
    """Equal, where the page may show U+FFFD for a character its font cannot draw (an emoji,
    say): one for one, so no character can be added, dropped or changed into another."""
    return len(shown) == len(wanted) and all(
        a == b or a == "\ufffd" for a, b in zip(shown, wanted, strict=True)
    )


def _same(printed: list[str], expected: str) -> bool:
    shown, wanted = squash("".join(printed)), squash(expected)
    if len(expected) > SHOWN_ONCE:
        # Cut where the report cuts it, then a note "[… shortened here: …]".
        head = squash(expected[:SHOWN_ONCE])
        return matches(shown[: len(head)], head) and shown[len(head) :].startswith("[…")
    return matches(shown, wanted)


def _times(lines: list[str]) -> list[str]:
    """The UTC times (to the second) printed under "Trusted time (TSA)"."""
    found = []
    for line in lines:
        moment = parse_utc(line.split(" — ")[0].strip())
        if moment is not None:
            found.append(iso(moment))
    return found


def _item(ctx: Sealed, item: dict[str, Any], pages: Sequence[Page]) -> list[Bi]:
    number = item["number"]
    manifest = ctx.manifests.get(str(item["id"]))
    if manifest is None:
        return []  # its seal is broken: the item's own row says so
    page = pages[0].number if pages else 0
    printed = summary(pages)
    problems: list[Bi] = []
    expected = _expected(ctx, item, manifest)
    kind = (manifest.get("item") or {}).get("kind")
    for label in WEB_LABELS if kind == "web" else FILE_LABELS:
        if label not in expected and label in printed:
            problems.append(T.FACT_EXTRA.format(number=number, page=page, label=label))
    for label, wanted in expected.items():
        values = printed.get(label, [])
        if len(values) != 1:
            problems.append(T.FACT_MISSING.format(number=number, page=page, label=label))
            continue
        lines = values[0]
        if label.endswith("(UTC)"):
            local = [line for line in lines[1:] if line.startswith("local:")]
            zone = (_metadata(ctx, item).get("time") or {}).get("local_zone") or {}
            computed = local_time(
                wanted, zone.get("utc_offset") if isinstance(zone, dict) else None
            )
            if (
                len(lines) > 1 + len(local)
                or len(local) > 1
                or (local and squash(local[0]) != squash("local: " + computed))
            ):
                problems.append(T.FACT_DIFFERS.format(number=number, page=page, label=label))
                continue
            lines = lines[:1]
        if not _same(lines, wanted):
            problems.append(T.FACT_DIFFERS.format(number=number, page=page, label=label))
    stamps = ctx.stamps.get(str(item["id"]))
    values = printed.get("Trusted time (TSA)", [])
    if len(values) != 1:
        problems.append(T.FACT_MISSING.format(number=number, page=page, label="Trusted time (TSA)"))
    elif stamps is not None and sorted(_times(values[0])) != sorted(s["time"] for s in stamps):
        problems.append(T.FACT_DIFFERS.format(number=number, page=page, label="Trusted time (TSA)"))
    return problems


def check_facts(
    ctx: Sealed, items: Sequence[dict[str, Any]], split: Sections, index: Sequence[Bi] = ()
) -> Check:
    """One row: each item's page prints the sealed facts, under its own heading; `index`: what
    is wrong with the index of items (indexfacts.py)."""
    problems: list[Bi] = list(index)
    numbers = {item["number"] for item in items}
    for number, headed in sorted(split.headed.items()):
        if number not in numbers:
            problems.append(T.FACT_UNKNOWN_ITEM.format(number=number, page=headed[0]))
        elif len(headed) > 1:
            problems.append(T.FACT_HEADED_TWICE.format(number=number, pages=headed[1]))
    checked = 0
    for item in items:
        if item["number"] not in split.headed:
            problems.append(T.FACT_NO_PAGE.format(number=item["number"]))
            continue
        pages = split.items.get(item["number"], [])
        found = _item(ctx, item, pages)
        problems += found
        checked += 1
    if problems:
        shown = T.more(Bi.join(problems[:4], "; "), len(problems) - 4, "; ")
        return failed("page facts", T.FACTS_FAILED.format(shown=shown))
    return passed("page facts", T.FACTS_OK.format(items=T.count(checked, *T.ITEM)))

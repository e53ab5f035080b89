"""What the capture did to the page, as one table: its own actions (scrolling, waiting,
hiding overlays, ...) with the time and facts of each, then what the page tried and the
capture stopped (dialogs, new windows, downloads, leaving the page).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.capture_values import (
    MISSING,
    SOFT,
    Field,
    anything,
    as_is,
    as_text,
    bi_label,
    bi_value,
    duration_ms,
    labelled,
    list_of,
    percent,
    word,
)
from evidencekit.bundle.capture_words import (
    ACTION_DATA,
    ACTION_KINDS,
    DIALOG_TYPES,
)
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Styles,
    clean,
    table,
)


def _kind_cell(kind: Any) -> str:
    if not kind:
        return MISSING
    said = ACTION_KINDS.get(str(kind))
    code = f"<font color='{SOFT}' size='6'>{clean(kind, 80)}</font>"
    return f"{bi_label(said)}<br/>{code}" if said else clean(kind, 200)


def _time_cell(entry: Mapping[str, Any]) -> str:
    text = as_is(entry.get("time"))
    elapsed = entry.get("elapsed_ms")
    if elapsed is not None:
        text += f"<br/><font color='{SOFT}'>+{duration_ms(elapsed)}</font>"
    return text


_URL: Field = ("url", Bi("Address", "Adresa"), as_text)


#: What the page tried and the capture stopped, each kind with its own facts.
GUARDS: tuple[tuple[str, Bi, tuple[Field, ...]], ...] = (
    (
        "overlays_hidden",
        Bi("overlay hidden in the screenshot", "mbulesë e fshehur në pamje"),
        (
            ("selector", Bi("Element (CSS selector)", "Elementi (përzgjedhësi CSS)"), as_text),
            ("text_excerpt", Bi("Text on it", "Teksti në të"), as_text),
            ("reason", Bi("Why it was taken for an overlay", "Pse u mor për mbulesë"), as_text),
            (
                "covered_percent_of_window",
                Bi("Part of the window it covered", "Pjesa e dritares që mbulonte"),
                percent,
            ),
            ("hidden_in", Bi("Hidden in", "U fsheh në"), list_of),
        ),
    ),
    (
        "dialogs",
        Bi("dialog", "dritare dialogu"),
        (
            ("type", Bi("Kind of dialog", "Lloji i dialogut"), word(DIALOG_TYPES)),
            ("message", Bi("It said", "Thoshte"), as_text),
            ("default_value", Bi("Text offered", "Teksti i propozuar"), as_text),
        ),
    ),
    ("popups", Bi("new window blocked", "dritare e re e bllokuar"), (_URL,)),
    (
        "downloads",
        Bi("download refused", "shkarkim i refuzuar"),
        (_URL, ("suggested_filename", Bi("File name offered", "Emri i propozuar"), as_text)),
    ),
    ("blocked_navigations", Bi("leaving the page blocked", "largimi nga faqja u bllokua"), (_URL,)),
)


#: Facts only some entries have (a prompt's offered text): shown when present.
_SOMETIMES = frozenset({"default_value"})


ACTION_FIELDS: tuple[Field, ...] = tuple(
    (key, label, as_text) for key, label in ACTION_DATA.items()
)


def actions_table(meta: Mapping[str, Any], styles: Styles) -> list[Flowable]:
    head = (
        Bi("Time (UTC)", "Koha (UTC)"),
        Bi("Kind", "Lloji"),
        Bi("What happened", "Çfarë ndodhi"),
    )
    rows: list[list[Any]] = [[Paragraph(bi_label(h), styles.cell_bold) for h in head]]
    for action in meta.get("actions") or []:
        if not isinstance(action, Mapping):
            rows.append(["", "", Paragraph(anything(action), styles.cell)])
            continue
        detail = as_is(action.get("detail"))
        data = action.get("data")
        extra = (
            # Each kind carries its own facts: a field another kind has is not "missing" here.
            labelled(data, ACTION_FIELDS, only_present=True)
            if isinstance(data, Mapping)
            else ([] if data is None else [anything(data)])
        )
        rest = {
            k: v
            for k, v in action.items()
            if k not in {"time", "elapsed_ms", "kind", "detail", "data"}
        }
        extra += labelled(rest, ())
        rows.append(
            [
                Paragraph(_time_cell(action), styles.cell),
                Paragraph(_kind_cell(action.get("kind")), styles.cell),
                Paragraph("<br/>".join([detail, *extra]), styles.cell),
            ]
        )
    for key, label, fields in GUARDS:
        for entry in meta.get(key) or []:
            if isinstance(entry, Mapping):
                time_text = as_is(entry["time"]) if entry.get("time") else ""
                used = [f for f in fields if f[0] in entry or f[0] not in _SOMETIMES]
                detail = "<br/>".join(
                    labelled({k: v for k, v in entry.items() if k != "time"}, used)
                )
            else:
                time_text, detail = "", anything(entry)
            rows.append(
                [
                    Paragraph(time_text, styles.cell),
                    Paragraph(bi_label(label), styles.cell),
                    Paragraph(detail, styles.cell),
                ]
            )
    if len(rows) == 1:
        return [Paragraph(bi_value(texts.NOTHING_RECORDED), styles.muted)]
    return [table(rows, [40 * mm, 36 * mm, FRAME_WIDTH - 76 * mm], zebra=True)]

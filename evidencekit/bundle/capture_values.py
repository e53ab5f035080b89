"""How a capture's recorded values are shown in the report: labels in both languages, missing
values as "not recorded", numbers grouped, nested values as labelled lines, and the small
pieces every capture table shares (the bilingual table head, a reason in both languages).

Values come from the capture's metadata.json, read tolerantly: a key an older capture lacks is
shown as "not recorded", a key a newer one adds is listed at the end as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reportlab.platypus import Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.layout import (
    Styles,
    clean,
    whole,
)

SOFT = "#52606d"


URL_SHOWN = 300


WHOLE_IN = "the attached metadata.json"


def bi_label(bi: Bi) -> str:
    """A label on two lines: English, then Albanian in softer ink."""
    return f"{clean(bi.en)}<br/><font color='{SOFT}'>{clean(bi.sq)}</font>"


def bi_value(bi: Bi) -> str:
    return clean(bi.en) if bi.en == bi.sq else f"{clean(bi.en)} · {clean(bi.sq)}"


MISSING = f"<font color='{SOFT}'>{bi_value(texts.NOT_RECORDED)}</font>"


YES, NO = Bi("yes", "po"), Bi("no", "jo")


def number(value: Any) -> str | None:
    """An integer grouped in thousands, or None when the value is not one."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return f"{int(value):,}"
    except ValueError:
        return None


def plain(value: Any) -> str:
    """Any JSON value as short readable text (nested values as compact JSON)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def shown(value: Any, unit: str = "") -> str:
    """A scalar as markup: missing values say so, yes/no in both languages, numbers grouped."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return bi_value(YES if value else NO)
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return whole(plain(value)) + (unit if isinstance(value, int | float) else "")


def size_px(width: Any, height: Any, unit: str = " px") -> str:
    w, h = number(width), number(height)
    if w is None and h is None:
        return MISSING
    return f"{w or '?'} × {h or '?'}{unit}"


Row = tuple[str, Any]


Field = tuple[str, Bi, Callable[[Any], str]]


NONE = Bi("none", "asnjë")


def as_is(value: Any) -> str:
    """A scalar exactly as recorded (a port, a version, a name): no grouping of digits."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return bi_value(YES if value else NO)
    return whole(plain(value))


def anything(value: Any) -> str:
    """Any JSON value in words and whole: the value of a key this version does not know."""
    if value is None or value == "":
        return MISSING
    if value == [] or value == {}:
        return bi_value(NONE)
    if isinstance(value, Mapping):
        return "; ".join(f"{clean(k, 80)}: {anything(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(anything(v) for v in value)
    return as_is(value)


def inline_label(bi: Bi) -> str:
    """A label at the start of a line: "Found by · U gjet nga:", in softer ink."""
    return f"<font color='{SOFT}'>{bi_value(bi)}:</font>"


def labelled(data: Any, fields: Sequence[Field], *, only_present: bool = False) -> list[str]:
    """A nested value as labelled lines in both languages: one per known key (a missing one
    says "not recorded", unless `only_present`), then each key not known here as it is."""
    if not isinstance(data, Mapping):
        return [anything(data)]
    out = [
        f"{inline_label(label)} {show(data[key]) if key in data else MISSING}"
        for key, label, show in fields
        if key in data or not only_present
    ]
    names = {key for key, _, _ in fields}
    out += [
        f"<font color='{SOFT}'>{clean(key, 80)}:</font> {anything(value)}"
        for key, value in data.items()
        if key not in names
    ]
    return out


def known_rows(
    data: Mapping[str, Any],
    known: Sequence[tuple[str, Bi, Callable[[Any], str]]],
) -> list[Row]:
    """One row per known key (missing: "not recorded"), then any key not known here."""
    rows: list[Row] = [
        (bi_label(label), show(data[key]) if key in data else MISSING) for key, label, show in known
    ]
    names = {key for key, _, _ in known}
    rows += [(clean(key, 80), shown(value)) for key, value in data.items() if key not in names]
    return rows


def word(words: Mapping[str, Bi]) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        if isinstance(value, str) and value in words:
            return bi_value(words[value])
        return shown(value)

    return show


def viewport_size(value: Any) -> str:
    if isinstance(value, Mapping):
        return size_px(value.get("width"), value.get("height"), " CSS px")
    return shown(value)


def duration_ms(value: Any) -> str:
    n = number(value)
    return f"{int(value) / 1000:.1f} s" if n is not None else shown(value)


def as_text(value: Any) -> str:
    return as_is(value)


def list_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(anything(v) for v in value) if value else bi_value(NONE)
    return anything(value)


def percent(value: Any) -> str:
    if isinstance(value, int | str) and not isinstance(value, bool) and value != "":
        return f"{as_is(value)} %"
    return anything(value)


def none_means(meaning: Bi) -> Callable[[Any], str]:
    """A key whose recorded null means something ("none"), not that it is unknown."""

    def show(value: Any) -> str:
        return bi_value(meaning) if value is None else anything(value)

    return show


def head_row(labels: Sequence[Bi], styles: Styles) -> list[Any]:
    return [Paragraph(bi_label(b), styles.cell_bold) for b in labels]


def reason_markup(reason: Bi, code: str = "") -> str:
    text = f"{clean(reason.en)}<br/><font color='{SOFT}'>{clean(reason.sq)}</font>"
    if code:
        text += f"<br/><font color='{SOFT}' size='6'>{clean(code, 200)}</font>"
    return text

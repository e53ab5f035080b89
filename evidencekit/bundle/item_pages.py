"""One item's pages: summary, the picture (sliced, or blurred), the capture details from the
EVIDENCE.md checklist, what the capture did to the page, warnings, files with SHA-256,
timestamps and notes.

Metadata keys are read tolerantly: a capture made by an older or newer version may lack some,
and a missing value is shown as missing, never invented.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle import texts
from evidencekit.bundle.capture_tables import (
    MISSING,
    NONE,
    SOFT,
    Field,
    anything,
    as_is,
    bi_label,
    bi_value,
    duration_ms,
    labelled,
    shown,
    technical_pages,
    viewport_size,
    word,
)
from evidencekit.bundle.capture_words import (
    ACTION_DATA,
    ACTION_KINDS,
    CLOCK_SOURCES,
    DIALOG_TYPES,
    FOUND_BY,
    REDIRECT_KINDS,
)
from evidencekit.bundle.layout import (
    FRAME_WIDTH,
    Bookmark,
    PictureSlices,
    SlotRegistry,
    Styles,
    clean,
    key_value,
    mono,
    spacer,
    table,
    whole,
)
from evidencekit.bundle.plan import BundlePlan, PlannedItem
from evidencekit.bundle.preview import blurred_layout, shows_blurred
from evidencekit.clock import parse_iso_z

log = logging.getLogger(__name__)

SHOWN_ONCE = 600  # a value repeated in the summary is cut there; Capture details has it whole
WHOLE_BELOW = "Capture details below and the attached metadata.json"


def local_time(utc_iso: str | None, offset: str | None) -> str:
    """The same moment at the capture computer's UTC offset, when both are known."""
    if not utc_iso or not offset:
        return ""
    try:
        moment = parse_iso_z(utc_iso)
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = (int(p) for p in offset.lstrip("+-").split(":"))
        zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    except ValueError:
        return ""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") + f" (UTC{offset})"


def tsa_summary(item: PlannedItem) -> str:
    granted = [t for t in item.timestamps if t.status == "granted"]
    if granted:
        return "<br/>".join(f"{clean(t.gen_time)} — {clean(t.tsa_url)}" for t in granted)
    pending = [t for t in item.timestamps if t.status == "pending"]
    if pending:
        return "<font color='#8d2b0b'>pending: no trusted timestamp yet</font>"
    return "<font color='#8d2b0b'>none</font>"


def status_text(item: PlannedItem) -> str:
    record = item.record
    if record.kind != "web":
        return "imported file"
    status = record.status
    if status is None:
        return "no answer recorded"
    if status in (404, 410):
        return f"{status} (removed / not found)"
    if status >= 400:
        return f"{status} (error page)"
    return str(status)


def _summary(item: PlannedItem, plan: BundlePlan, styles: Styles) -> Flowable:
    record = item.record
    meta = record.metadata
    zone = (meta.get("time") or {}).get("local_zone") or {}
    rows: list[tuple[str, Any]] = []
    if record.kind == "web":
        rows.append(("Address requested", clean(record.url, SHOWN_ONCE, WHOLE_BELOW)))
        if record.final_url and record.final_url != record.url:
            rows.append(("Address reached", clean(record.final_url, SHOWN_ONCE, WHOLE_BELOW)))
    else:
        rows.append(("File name", clean(record.file_name)))
    local = local_time(record.captured_at, zone.get("utc_offset"))
    rows += [
        (
            "Captured at (UTC)" if record.kind == "web" else "Imported at (UTC)",
            clean(record.captured_at) + (f"<br/>local: {clean(local)}" if local else ""),
        ),
        ("Trusted time (TSA)", tsa_summary(item)),
        ("Status", clean(status_text(item))),
        ("Item id", mono(record.id)),
        ("Seal (manifest SHA-256)", mono(record.manifest_sha256)),
        ("Sealed by certificate", mono((record.seal or {}).get("signed_by") or "not sealed")),
        ("Operator", clean(record.operator)),
    ]
    if record.sensitive or record.hidden:
        rows.append(("Marked sensitive", "yes: pictures are blurred in this report"))
    if record.tags:
        rows.append(("Tags", clean(", ".join(record.tags))))
    return key_value(rows, styles)


def _picture(
    item: PlannedItem, plan: BundlePlan, styles: Styles, registry: SlotRegistry
) -> list[Flowable]:
    out: list[Flowable] = []
    preview = item.preview
    if preview is None:
        if item.preview_problem:
            out.append(Paragraph(clean(item.preview_problem), styles.muted))
        return out
    out.append(Paragraph(texts.SCREENSHOT.heading(), styles.h2))
    artifact = preview.artifact
    width, height = preview.image.width, preview.image.height
    planned = item.file(artifact.name)
    withheld = planned is None or planned.withheld
    if shows_blurred(preview, withheld):
        layout = blurred_layout(width, height)
        original = texts.ORIGINAL_WITHHELD if withheld else texts.ORIGINAL_ATTACHED
        for language in ("en", "sq"):
            template = getattr(texts.BLURRED_NOTE, language)
            out.append(
                Paragraph(
                    template.format(
                        name=clean(artifact.name),
                        sha=mono(artifact.sha256),
                        factor=layout.factor,
                        radius=layout.radius,
                        original=original.en,
                        original_sq=original.sq,
                    ),
                    styles.notice,
                )
            )

        def label(start: int, end: int) -> str:
            return (
                f"BLURRED COPY / KOPJE E TURBULLUAR of {artifact.name} · rows {start:,}–"
                f"{end - 1:,} of {height:,}"
            )

        slices = PictureSlices(
            registry, item.number, width, height, label, shared_cover=layout.cover_rows
        )
    else:
        kept = "JPEG data as captured" if preview.image.jpeg_passthrough else "original pixels"
        out.append(Paragraph(texts.LOSSLESS_NOTE.en, styles.small))
        out.append(Paragraph(texts.LOSSLESS_NOTE.sq, styles.small))

        def label(start: int, end: int) -> str:
            return (
                f"{artifact.name} · rows {start:,}–{end - 1:,} of {height:,} · {width:,} px "
                f"wide · {kept} · rreshtat {start:,}–{end - 1:,} nga {height:,}"
            ).replace(",", " ")

        slices = PictureSlices(
            registry,
            item.number,
            width,
            height,
            label,
            shared_cover=height if preview.image.jpeg_passthrough else None,
        )
    out += [spacer(1.5), slices]
    return out


def _text(value: Any) -> str:
    return as_is(value)


def _list_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(anything(v) for v in value) if value else bi_value(NONE)
    return anything(value)


def _percent(value: Any) -> str:
    if isinstance(value, int | str) and not isinstance(value, bool) and value != "":
        return f"{as_is(value)} %"
    return anything(value)


def _none_means(meaning: Bi) -> Callable[[Any], str]:
    """A key whose recorded null means something ("none"), not that it is unknown."""

    def show(value: Any) -> str:
        return bi_value(meaning) if value is None else anything(value)

    return show


def _same_or_whole(value: Any, requested: Any) -> str:
    if value and value == requested:
        return bi_value(Bi("same as the requested URL", "e njëjtë me adresën e kërkuar"))
    return whole(value) if value else MISSING


CHAIN_WORDS = Bi(
    "certificates, each whole in metadata.json", "certifikata, secila e plotë te metadata.json"
)
TLS_FIELDS: tuple[Field, ...] = (
    ("protocol", Bi("Protocol", "Protokolli"), _text),
    ("cipher", Bi("Cipher", "Shifrimi"), _text),
    ("key_exchange", Bi("Key exchange", "Shkëmbimi i çelësave"), _text),
    ("key_exchange_group", Bi("Key exchange group", "Grupi i shkëmbimit të çelësave"), _text),
    ("subject", Bi("Certificate issued to", "Certifikata u lëshua për"), _text),
    ("issuer", Bi("Issued by", "Lëshuar nga"), _text),
    ("valid_from", Bi("Valid from (UTC)", "E vlefshme nga (UTC)"), _text),
    ("valid_to", Bi("Valid until (UTC)", "E vlefshme deri më (UTC)"), _text),
    (
        "fingerprint_sha256",
        Bi("Certificate fingerprint (SHA-256)", "Gjurma e certifikatës (SHA-256)"),
        lambda v: mono(str(v)) if v else MISSING,
    ),
    ("trusted", Bi("Trusted by the browser", "E besuar nga shfletuesi"), _text),
    ("certificate_error", Bi("Certificate error", "Gabimi i certifikatës"), _none_means(NONE)),
    (
        "browser_security_state",
        Bi("The browser's verdict on the connection", "Vlerësimi i shfletuesit për lidhjen"),
        _text,
    ),
    ("trust_basis", Bi("How trust was judged", "Si u gjykua besueshmëria"), _text),
    (
        "chain",
        Bi("Certificate chain", "Zinxhiri i certifikatave"),
        lambda v: f"{len(v)} · {bi_value(CHAIN_WORDS)}" if isinstance(v, list) else anything(v),
    ),
)
POST_FIELDS: tuple[Field, ...] = (
    ("platform", Bi("Platform", "Platforma"), _text),
    ("author", Bi("Author", "Autori"), _text),
    ("handle", Bi("Account name", "Emri i llogarisë"), _text),
    ("author_url", Bi("Author's page", "Faqja e autorit"), _text),
    ("post_id", Bi("Post id", "Identifikuesi i postimit"), _text),
    ("published", Bi("Published", "Publikuar më"), _text),
    ("headline", Bi("Headline", "Titulli"), _text),
    ("text", Bi("Text", "Teksti"), _text),
    ("time_as_shown", Bi("Time as the page showed it", "Koha siç e shfaqte faqja"), _text),
    ("time_machine", Bi("Time in the page's code", "Koha në kodin e faqes"), _text),
)
TIME_FIELDS: tuple[Field, ...] = (
    ("started_at_utc", Bi("Capture started (UTC)", "Fillimi i kapjes (UTC)"), _text),
    ("ended_at_utc", Bi("Capture ended (UTC)", "Mbarimi i kapjes (UTC)"), _text),
    ("duration_ms", Bi("Capture took", "Kohëzgjatja e kapjes"), duration_ms),
)
ZONE_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), _text),
    ("abbreviation", Bi("Abbreviation", "Shkurtimi"), _text),
    ("utc_offset", Bi("Difference from UTC", "Diferenca nga UTC"), _text),
)
BROWSER_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), _text),
    ("version", Bi("Version", "Versioni"), _text),
    ("product", Bi("Product, as the browser names itself", "Produkti, siç e quan veten"), _text),
    ("engine", Bi("Engine", "Motori"), _text),
    ("found_by", Bi("Found by", "U gjet nga"), word(FOUND_BY)),
    (
        "headless",
        Bi("Without a visible window (headless)", "Pa dritare të dukshme (headless)"),
        _text,
    ),
    (
        "sandboxed",
        Bi("Sandboxed (kept apart from the computer)", "I izoluar nga kompjuteri (sandbox)"),
        _text,
    ),
    (
        "temp_files_in_ram",
        Bi(
            "Temporary files kept in memory (RAM)",
            "Skedarët e përkohshëm u mbajtën në kujtesë (RAM)",
        ),
        _text,
    ),
    ("extra_args", Bi("Extra start-up options", "Opsione shtesë në nisje"), _list_of),
)
TOOL_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), _text),
    ("version", Bi("Version", "Versioni"), _text),
    ("os", Bi("Operating system", "Sistemi operativ"), _text),
    ("python", Bi("Python version", "Versioni i Python"), _text),
    ("playwright_version", Bi("Playwright version", "Versioni i Playwright"), _text),
    ("warcio_version", Bi("warcio version", "Versioni i warcio"), _text),
)
OPERATOR_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), _text),
    ("role", Bi("Role", "Roli"), _text),
)


def _row(label: Bi, value: Any) -> tuple[str, Any]:
    return bi_label(label), value


def _redirect(hop: Any, address: Callable[[Any], str]) -> str:
    if not isinstance(hop, Mapping):
        return anything(hop)
    kind = hop.get("kind")
    said = bi_value(REDIRECT_KINDS[kind]) if kind in REDIRECT_KINDS else as_is(kind)
    known = {"kind", "status", "from", "to"}
    rest = [f"{clean(k, 80)}: {anything(v)}" for k, v in hop.items() if k not in known]
    text = (
        f"{said} · {as_is(hop.get('status'))}: {address(hop.get('from'))} → "
        f"{address(hop.get('to'))}"
    )
    return "; ".join([text, *rest])


def _tls(meta: Mapping[str, Any]) -> Any:
    if "tls" not in meta:
        return MISSING
    tls = meta["tls"]
    if tls is None:
        return bi_value(
            Bi(
                "none: the page was fetched over plain http",
                "asnjë: faqja u mor me http të thjeshtë",
            )
        )
    return labelled(tls, TLS_FIELDS)


def _screen(meta: Mapping[str, Any]) -> list[str]:
    settings = meta.get("settings")
    settings = settings if isinstance(settings, Mapping) else {}
    data = {
        "viewport": settings.get("viewport"),
        "device_scale_factor": settings.get("device_scale_factor"),
        "language": meta.get("language"),
    }
    fields: tuple[Field, ...] = (
        ("viewport", Bi("Browser window", "Dritarja e shfletuesit"), viewport_size),
        (
            "device_scale_factor",
            Bi("Screenshot pixels per CSS px", "Piksele të pamjes për një px CSS"),
            _text,
        ),
        ("language", Bi("Browser language", "Gjuha e shfletuesit"), _text),
    )
    return labelled({k: v for k, v in data.items() if v is not None}, fields)


def _web_details(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The capture's facts, one labelled line each (English, then Albanian); nested values
    as labelled sub-lines, lists one line per entry. The screenshot, scrolling, settings,
    network and media have tables of their own."""
    http = meta.get("http")
    http = http if isinstance(http, Mapping) else {}
    time = meta.get("time")
    time = time if isinstance(time, Mapping) else {}
    requested = meta.get("requested_url")

    def address(value: Any) -> str:
        # The same long address three times over would fill pages with one value.
        if value and value == requested:
            return bi_value(Bi("(the requested URL)", "(adresa e kërkuar)"))
        return whole(value) if value else MISSING

    redirects = meta.get("redirects")
    redirect_lines: Any = (
        [_redirect(r, address) for r in redirects]
        if isinstance(redirects, list) and redirects
        else (MISSING if "redirects" not in meta else anything(redirects))
    )
    headers = [
        f"{clean(h[0], 200)}: {whole(h[1])}"
        if isinstance(h, list | tuple) and len(h) == 2
        else anything(h)
        for h in http.get("headers") or []
    ]
    status = " ".join(str(v) for v in (http.get("status"), http.get("status_text")) if v)
    server = (
        f"{as_is(http.get('server_ip'))} : {as_is(http.get('server_port'))}"
        if http.get("server_ip") or http.get("server_port")
        else MISSING
    )
    http_rest = {
        k: v
        for k, v in http.items()
        if k not in {"status", "status_text", "headers", "server_ip", "server_port"}
    }
    time_rest = {k: v for k, v in time.items() if k not in {"local_zone", "clock_source"}}
    post = meta.get("post")
    post_lines = labelled(post, POST_FIELDS, only_present=True) if "post" in meta else [MISSING]
    rows = [
        _row(
            Bi("Requested URL", "Adresa e kërkuar (URL)"),
            whole(requested) if requested else MISSING,
        ),
        _row(
            Bi("Final URL", "Adresa përfundimtare (URL)"),
            _same_or_whole(meta.get("final_url"), requested),
        ),
        _row(
            Bi("Address at the end", "Adresa në fund të kapjes"),
            _same_or_whole(meta.get("address_at_end"), requested),
        ),
        _row(Bi("Redirects", "Ridrejtimet"), redirect_lines),
        _row(Bi("HTTP status", "Statusi HTTP"), clean(status) if status else MISSING),
        _row(Bi("Server IP and port", "IP-ja dhe porta e serverit"), server),
        _row(Bi("Response headers", "Kokat e përgjigjes (headers)"), headers or MISSING),
    ]
    rows += [(clean(k, 80), anything(v)) for k, v in http_rest.items()]
    rows += [
        _row(Bi("TLS (secure connection)", "TLS (lidhja e sigurt)"), _tls(meta)),
        _row(
            Bi("Page title", "Titulli i faqes"),
            whole(meta["title"]) if meta.get("title") else MISSING,
        ),
        _row(Bi("Page language", "Gjuha e faqes"), as_is(meta.get("lang"))),
        _row(
            Bi("Post, as recognised", "Postimi, siç u njoh"),
            post_lines or bi_value(Bi("nothing recognised", "asgjë nuk u njoh")),
        ),
        _row(Bi("Capture time", "Koha e kapjes"), labelled(time_rest, TIME_FIELDS)),
        _row(
            Bi("Local time zone of the computer", "Zona kohore e kompjuterit"),
            labelled(time.get("local_zone"), ZONE_FIELDS),
        ),
        _row(Bi("Clock source", "Burimi i orës"), word(CLOCK_SOURCES)(time.get("clock_source"))),
        _row(Bi("Browser", "Shfletuesi"), labelled(meta.get("browser"), BROWSER_FIELDS)),
        _row(Bi("Tool", "Programi"), labelled(meta.get("tool"), TOOL_FIELDS)),
        _row(
            Bi("User agent", "Identiteti i shfletuesit (user agent)"),
            as_is(meta.get("user_agent")),
        ),
        _row(Bi("Window, scale, language", "Dritarja, shkalla, gjuha"), _screen(meta)),
        _row(
            Bi("Logged in", "Me hyrje në llogari"),
            labelled(
                {k: meta[k] for k in ("logged_in", "session") if k in meta},
                (
                    (
                        "logged_in",
                        Bi("Logged in to an account", "I identifikuar në një llogari"),
                        _text,
                    ),
                    (
                        "session",
                        Bi("Saved session used", "Sesion i ruajtur i përdorur"),
                        _none_means(NONE),
                    ),
                ),
            ),
        ),
        _row(Bi("Operator", "Operatori"), labelled(meta.get("operator"), OPERATOR_FIELDS)),
        _row(
            Bi("Consent", "Pëlqimi"),
            anything(meta.get("consent")) if "consent" in meta else MISSING,
        ),
    ]
    return rows


FILE_TIME_FIELDS: tuple[Field, ...] = (
    ("modified", Bi("Last changed (content)", "Ndryshuar për herë të fundit (përmbajtja)"), _text),
    ("accessed", Bi("Last opened", "Hapur për herë të fundit"), _text),
    ("created", Bi("Created", "Krijuar"), _text),
    ("changed", Bi("File record last changed", "Regjistrimi i skedarit ndryshuar së fundi"), _text),
)


def _file_details(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    kind = " ".join(
        as_is(v) if i == 0 else f"({as_is(v)})"
        for i, v in enumerate((meta.get("media_type"), meta.get("media_type_source")))
    )
    known = {"original_name", "size", "media_type", "media_type_source", "file_times", "tool"}
    rows = [
        _row(Bi("Original name", "Emri origjinal"), as_is(meta.get("original_name"))),
        _row(Bi("Size (bytes)", "Madhësia (bajt)"), shown(meta.get("size"))),
        _row(Bi("Media type", "Lloji i skedarit"), kind),
        _row(
            Bi("File times (UTC)", "Kohët e skedarit (UTC)"),
            labelled(meta.get("file_times"), FILE_TIME_FIELDS, only_present=True) or MISSING,
        ),
        _row(Bi("Tool", "Programi"), labelled(meta.get("tool"), TOOL_FIELDS, only_present=True)),
    ]
    rows += [(clean(k, 80), anything(v)) for k, v in meta.items() if k not in known]
    return rows


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


_URL: Field = ("url", Bi("Address", "Adresa"), _text)
#: What the page tried and the capture stopped, each kind with its own facts.
GUARDS: tuple[tuple[str, Bi, tuple[Field, ...]], ...] = (
    (
        "overlays_hidden",
        Bi("overlay hidden in the screenshot", "mbulesë e fshehur në pamje"),
        (
            ("selector", Bi("Element (CSS selector)", "Elementi (përzgjedhësi CSS)"), _text),
            ("text_excerpt", Bi("Text on it", "Teksti në të"), _text),
            ("reason", Bi("Why it was taken for an overlay", "Pse u mor për mbulesë"), _text),
            (
                "covered_percent_of_window",
                Bi("Part of the window it covered", "Pjesa e dritares që mbulonte"),
                _percent,
            ),
            ("hidden_in", Bi("Hidden in", "U fsheh në"), _list_of),
        ),
    ),
    (
        "dialogs",
        Bi("dialog", "dritare dialogu"),
        (
            ("type", Bi("Kind of dialog", "Lloji i dialogut"), word(DIALOG_TYPES)),
            ("message", Bi("It said", "Thoshte"), _text),
            ("default_value", Bi("Text offered", "Teksti i propozuar"), _text),
        ),
    ),
    ("popups", Bi("new window blocked", "dritare e re e bllokuar"), (_URL,)),
    (
        "downloads",
        Bi("download refused", "shkarkim i refuzuar"),
        (_URL, ("suggested_filename", Bi("File name offered", "Emri i propozuar"), _text)),
    ),
    ("blocked_navigations", Bi("leaving the page blocked", "largimi nga faqja u bllokua"), (_URL,)),
)
#: Facts only some entries have (a prompt's offered text): shown when present.
_SOMETIMES = frozenset({"default_value"})


ACTION_FIELDS: tuple[Field, ...] = tuple((key, label, _text) for key, label in ACTION_DATA.items())


def _actions(meta: Mapping[str, Any], styles: Styles) -> list[Flowable]:
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
            labelled(data, ACTION_FIELDS)
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


def _files(item: PlannedItem, styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("File", "Type", "Bytes", "SHA-256", "In this PDF as")
        ]
    ]
    for planned in item.files:
        info = planned.info
        rows.append(
            [
                Paragraph(clean(info.name), styles.cell),
                Paragraph(clean(info.media_type), styles.small),
                Paragraph(f"{info.size:,}", styles.small),
                Paragraph(mono(info.sha256[:32]) + "<br/>" + mono(info.sha256[32:]), styles.mono),
                Paragraph(
                    clean(planned.attachment) if planned.attachment else "<b>withheld</b>",
                    styles.small,
                ),
            ]
        )
    widths = [36 * mm, 26 * mm, 16 * mm, 48 * mm, FRAME_WIDTH - 126 * mm]
    out: list[Flowable] = [table(rows, widths, zebra=True)]
    if any(f.withheld for f in item.files):
        out.append(Paragraph(texts.WITHHELD_FILES.en + " " + texts.WITHHELD_FILES.sq, styles.muted))
    return out


def _timestamps(item: PlannedItem, styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("Token file", "Timestamp authority", "Time (UTC)")
        ]
    ]
    for planned, row in item.token_files():
        rows.append(
            [
                Paragraph(clean(planned.info.name), styles.cell),
                Paragraph(clean(row.tsa_url if row else "not in the vault's records"), styles.cell),
                Paragraph(clean(row.gen_time if row else ""), styles.cell),
            ]
        )
    for row in item.timestamps:
        if row.status != "granted":
            rows.append(
                [
                    Paragraph(clean(row.status), styles.cell),
                    Paragraph(clean(row.tsa_url or "—"), styles.cell),
                    Paragraph(clean(row.reason), styles.small),
                ]
            )
    if len(rows) == 1:
        return [Paragraph("No trusted timestamp was requested for this item.", styles.muted)]
    return [table(rows, [34 * mm, 70 * mm, FRAME_WIDTH - 104 * mm])]


def item_story(
    item: PlannedItem, plan: BundlePlan, styles: Styles, registry: SlotRegistry
) -> list[Flowable]:
    record = item.record
    meta = record.metadata
    heading = f"{texts.ITEM.en} {item.number} · {texts.ITEM.sq} {item.number}"
    story: list[Flowable] = [
        Bookmark(f"item-{item.number}", f"{item.number}. {item.label[:80]}", 0),
        Paragraph(heading, styles.h1),
    ]
    if record.title:
        story.append(Paragraph(clean(record.title, 300, WHOLE_BELOW), styles.body))
    story += [spacer(2), _summary(item, plan, styles)]
    story += _picture(item, plan, styles, registry)
    details = _web_details(meta) if record.kind == "web" else _file_details(meta)
    heading_text = texts.CAPTURE_DETAILS if record.kind == "web" else texts.FILE_DETAILS
    story += [Paragraph(heading_text.heading(), styles.h2), key_value(details, styles)]
    if record.kind == "web":
        story += technical_pages(meta, styles)
        story += [Paragraph(texts.ACTIONS.heading(), styles.h2), *_actions(meta, styles)]
    warnings = [w for w in meta.get("warnings") or [] if isinstance(w, str)]
    warning_flow: list[Flowable] = [Paragraph(texts.WARNINGS.heading(), styles.h2)]
    if warnings:
        warning_flow += [Paragraph("• " + clean(w), styles.warn) for w in warnings]
    else:
        warning_flow.append(Paragraph("None recorded · Asnjë e regjistruar", styles.muted))
    story.append(KeepTogether(warning_flow))
    story += [Paragraph(texts.FILES.heading(), styles.h2), *_files(item, styles)]
    story += [Paragraph(texts.TIMESTAMPS.heading(), styles.h2), *_timestamps(item, styles)]
    if record.notes:
        story.append(Paragraph(texts.NOTES.heading(), styles.h2))
        for note in record.notes:
            story.append(
                Paragraph(
                    f"{clean(note.created_at)} — {clean(note.author)}: {whole(note.body)}",
                    styles.body,
                )
            )
    return story

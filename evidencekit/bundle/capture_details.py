"""An item's Capture details (a web capture) or File details (an imported file), from the
EVIDENCE.md checklist: one labelled line per fact in English, then Albanian; nested values
as labelled sub-lines, lists one line per entry.

Metadata keys are read tolerantly: a capture made by an older or newer version may lack some,
and a missing value is shown as missing, never invented.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from evidencekit.bilingual import Bi
from evidencekit.bundle.capture_values import (
    MISSING,
    NONE,
    Field,
    anything,
    as_is,
    as_text,
    bi_label,
    bi_value,
    duration_ms,
    labelled,
    list_of,
    none_means,
    shown,
    viewport_size,
    word,
)
from evidencekit.bundle.capture_words import (
    CLOCK_SOURCES,
    FOUND_BY,
    REDIRECT_KINDS,
)
from evidencekit.bundle.layout import (
    clean,
    mono,
    whole,
)
from evidencekit.bundle.platform_details import login_rows, platform_rows, recapture_rows
from evidencekit.vault.records import ItemRecord


def _same_or_whole(value: Any, requested: Any) -> str:
    if value and value == requested:
        return bi_value(Bi("same as the requested URL", "e njëjtë me adresën e kërkuar"))
    return whole(value) if value else MISSING


CHAIN_WORDS = Bi(
    "certificates, each whole in metadata.json", "certifikata, secila e plotë te metadata.json"
)


TLS_FIELDS: tuple[Field, ...] = (
    ("protocol", Bi("Protocol", "Protokolli"), as_text),
    ("cipher", Bi("Cipher", "Shifrimi"), as_text),
    ("key_exchange", Bi("Key exchange", "Shkëmbimi i çelësave"), as_text),
    ("key_exchange_group", Bi("Key exchange group", "Grupi i shkëmbimit të çelësave"), as_text),
    ("subject", Bi("Certificate issued to", "Certifikata u lëshua për"), as_text),
    ("issuer", Bi("Issued by", "Lëshuar nga"), as_text),
    ("valid_from", Bi("Valid from (UTC)", "E vlefshme nga (UTC)"), as_text),
    ("valid_to", Bi("Valid until (UTC)", "E vlefshme deri më (UTC)"), as_text),
    (
        "fingerprint_sha256",
        Bi("Certificate fingerprint (SHA-256)", "Gjurma e certifikatës (SHA-256)"),
        lambda v: mono(str(v)) if v else MISSING,
    ),
    ("trusted", Bi("Trusted by the browser", "E besuar nga shfletuesi"), as_text),
    ("certificate_error", Bi("Certificate error", "Gabimi i certifikatës"), none_means(NONE)),
    (
        "browser_security_state",
        Bi("The browser's verdict on the connection", "Vlerësimi i shfletuesit për lidhjen"),
        as_text,
    ),
    ("trust_basis", Bi("How trust was judged", "Si u gjykua besueshmëria"), as_text),
    (
        "chain",
        Bi("Certificate chain", "Zinxhiri i certifikatave"),
        lambda v: f"{len(v)} · {bi_value(CHAIN_WORDS)}" if isinstance(v, list) else anything(v),
    ),
)


POST_FIELDS: tuple[Field, ...] = (
    ("platform", Bi("Platform", "Platforma"), as_text),
    ("author", Bi("Author", "Autori"), as_text),
    ("handle", Bi("Account name", "Emri i llogarisë"), as_text),
    ("author_url", Bi("Author's page", "Faqja e autorit"), as_text),
    ("post_id", Bi("Post id", "Identifikuesi i postimit"), as_text),
    ("published", Bi("Published", "Publikuar më"), as_text),
    ("headline", Bi("Headline", "Titulli"), as_text),
    ("text", Bi("Text", "Teksti"), as_text),
    ("time_as_shown", Bi("Time as the page showed it", "Koha siç e shfaqte faqja"), as_text),
    ("time_machine", Bi("Time in the page's code", "Koha në kodin e faqes"), as_text),
)


TIME_FIELDS: tuple[Field, ...] = (
    ("started_at_utc", Bi("Capture started (UTC)", "Fillimi i kapjes (UTC)"), as_text),
    ("ended_at_utc", Bi("Capture ended (UTC)", "Mbarimi i kapjes (UTC)"), as_text),
    ("duration_ms", Bi("Capture took", "Kohëzgjatja e kapjes"), duration_ms),
)


ZONE_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), as_text),
    ("abbreviation", Bi("Abbreviation", "Shkurtimi"), as_text),
    ("utc_offset", Bi("Difference from UTC", "Diferenca nga UTC"), as_text),
)


BROWSER_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), as_text),
    ("version", Bi("Version", "Versioni"), as_text),
    ("product", Bi("Product, as the browser names itself", "Produkti, siç e quan veten"), as_text),
    ("engine", Bi("Engine", "Motori"), as_text),
    ("found_by", Bi("Found by", "U gjet nga"), word(FOUND_BY)),
    (
        "headless",
        Bi("Without a visible window (headless)", "Pa dritare të dukshme (headless)"),
        as_text,
    ),
    (
        "sandboxed",
        Bi("Sandboxed (kept apart from the computer)", "I izoluar nga kompjuteri (sandbox)"),
        as_text,
    ),
    (
        "temp_files_in_ram",
        Bi(
            "Temporary files kept in memory (RAM)",
            "Skedarët e përkohshëm u mbajtën në kujtesë (RAM)",
        ),
        as_text,
    ),
    ("extra_args", Bi("Extra start-up options", "Opsione shtesë në nisje"), list_of),
)


TOOL_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), as_text),
    ("version", Bi("Version", "Versioni"), as_text),
    ("build", Bi("Build", "Ndërtimi"), as_text),
    ("build_date", Bi("Built on", "Ndërtuar më"), as_text),
    ("commit", Bi("Source commit", "Versioni i kodit burim (commit)"), as_text),
    ("executable_sha256", Bi("SHA-256 of the program", "SHA-256 e programit"), as_text),
    ("os", Bi("Operating system", "Sistemi operativ"), as_text),
    ("python", Bi("Python version", "Versioni i Python"), as_text),
    ("playwright_version", Bi("Playwright version", "Versioni i Playwright"), as_text),
    ("warcio_version", Bi("warcio version", "Versioni i warcio"), as_text),
)


OPERATOR_FIELDS: tuple[Field, ...] = (
    ("name", Bi("Name", "Emri"), as_text),
    ("role", Bi("Role", "Roli"), as_text),
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
            as_text,
        ),
        ("language", Bi("Browser language", "Gjuha e shfletuesit"), as_text),
    )
    return labelled({k: v for k, v in data.items() if v is not None}, fields)


def web_details(meta: Mapping[str, Any], later: Sequence[ItemRecord] = ()) -> list[tuple[str, Any]]:
    """The capture's facts, one labelled line each (English, then Albanian); nested values
    as labelled sub-lines, lists one line per entry. The screenshot, scrolling, settings,
    network and media have tables of their own. `later`: the item's recaptures in the same
    bundle (a first capture then says what they showed)."""
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
        *platform_rows(meta),
        *recapture_rows(meta, later),
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
        *login_rows(meta),
        _row(Bi("Operator", "Operatori"), labelled(meta.get("operator"), OPERATOR_FIELDS)),
        _row(
            Bi("Consent", "Pëlqimi"),
            anything(meta.get("consent")) if "consent" in meta else MISSING,
        ),
    ]
    return rows


FILE_TIME_FIELDS: tuple[Field, ...] = (
    (
        "modified",
        Bi("Last changed (content)", "Ndryshuar për herë të fundit (përmbajtja)"),
        as_text,
    ),
    ("accessed", Bi("Last opened", "Hapur për herë të fundit"), as_text),
    ("created", Bi("Created", "Krijuar"), as_text),
    (
        "changed",
        Bi("File record last changed", "Regjistrimi i skedarit ndryshuar së fundi"),
        as_text,
    ),
)


def file_details(meta: Mapping[str, Any]) -> list[tuple[str, Any]]:
    kind = " ".join(
        as_is(v) if i == 0 else f"({as_is(v)})"
        for i, v in enumerate((meta.get("media_type"), meta.get("media_type_source")))
    )
    known = {"original_name", "size", "media_type", "media_type_source", "file_times", "tool"}
    known.add("minor_safe")  # its own section says it in words (bundle/minor_safe_section.py)
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

"""A capture's videos through yt-dlp (issue 12) as the report shows them: what yt-dlp was asked
and what it answered, one row per video saved (its name in this bundle, who uploaded it and
when, the format, bytes, SHA-256), and one per video found but not saved, with why in plain
words in both languages. Read from metadata.json's ``videos`` (capture/videos.py); a capture
made before yt-dlp has no such key and shows nothing here.

No label here is one of the item summary's (verify/pagefacts.py reads those back from the
page): "Status" is said as "yt-dlp's answer".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from evidencekit.bilingual import Bi
from evidencekit.bundle.capture_values import (
    MISSING,
    SOFT,
    URL_SHOWN,
    WHOLE_IN,
    Row,
    as_is,
    bi_label,
    bi_value,
    head_row,
    number,
    reason_markup,
    shown,
)
from evidencekit.bundle.capture_words import Patterns, matched
from evidencekit.bundle.layout import FRAME_WIDTH, Styles, clean, key_value, mono, table

SHA_SHOWN = 16

HEADING = Bi("Videos through yt-dlp", "Videot përmes yt-dlp")
NOTE = Bi(
    "yt-dlp, a program that knows how each platform hands out its videos, was asked for this "
    "post's address. Each video it saved is attached under its name here, with yt-dlp's "
    "information about it (.info.json); the SHA-256 is of the attached file.",
    "yt-dlp, një program që di si i jep çdo platformë videot e saj, u pyet për adresën e këtij "
    "postimi. Çdo video që ruajti është bashkëngjitur me emrin e saj këtu, me informacionin e "
    "yt-dlp për të (.info.json); SHA-256 është i skedarit të bashkëngjitur.",
)
NOT_SAVED_HEADING = Bi("Videos found but not saved", "Video të gjetura por jo të ruajtura")

L_VERSION = Bi("yt-dlp version", "Versioni i yt-dlp")
L_ASKED = Bi("Asked about", "U pyet për")
L_ANSWER = Bi("yt-dlp's answer", "Përgjigjja e yt-dlp")
L_WHERE = Bi("Downloaded into", "U shkarkua në")
L_WHY_NONE = Bi("Why nothing was downloaded", "Pse nuk u shkarkua asgjë")
L_LIMIT = Bi("Size limit", "Kufiri i madhësisë")
L_LOGIN = Bi("With her saved login", "Me hyrjen e saj të ruajtur")
L_REQUESTS = Bi("Requests yt-dlp made", "Kërkesat që bëri yt-dlp")
L_REFUSED = Bi(
    "Requests refused (they could change something on the platform)",
    "Kërkesa të refuzuara (mund të ndryshonin diçka në platformë)",
)
L_SECONDS = Bi("Time yt-dlp took", "Koha që mori yt-dlp")
KNOWN = {
    "tool",
    "yt_dlp_version",
    "asked_for",
    "status",
    "downloaded_into",
    "not_downloaded_because",
    "max_bytes",
    "logged_in",
    "requests",
    "requests_blocked",
    "seconds",
    "videos",
}

COL_NO = Bi("No.", "Nr.")
COL_FILE = Bi("File in this bundle", "Skedari në dosje")
COL_UPLOADER = Bi("Uploader (id)", "Ngarkuesi (id)")
COL_UPLOADED = Bi("Upload date", "Data e ngarkimit")
COL_FORMAT = Bi("Format", "Formati")
COL_BYTES = Bi("Bytes", "Bajt")
COL_SHA = Bi("SHA-256 (start)", "SHA-256 (fillimi)")
COL_VIDEO = Bi("Video", "Video")
COL_WHY = Bi("Why it was not saved", "Pse nuk u ruajt")

_ANSWERS: Patterns = [
    (
        r"(\d+) of (\d+) videos saved",
        lambda m: Bi(f"{m[1]} of {m[2]} videos saved", f"u ruajtën {m[1]} nga {m[2]} video"),
    ),
    (r"no video found", lambda m: Bi("no video found", "nuk u gjet asnjë video")),
    (
        r"not tried: yt-dlp is not installed",
        lambda m: Bi(
            "not tried: yt-dlp is not installed on this computer",
            "nuk u provua: yt-dlp nuk është i instaluar në këtë kompjuter",
        ),
    ),
    (
        r"not tried: no time was left",
        lambda m: Bi(
            "not tried: the capture's time was up",
            "nuk u provua: koha e kapjes kishte mbaruar",
        ),
    ),
    (
        r"stopped: yt-dlp took longer than (\d+) s",
        lambda m: Bi(
            f"stopped: yt-dlp took longer than {m[1]} s",
            f"u ndal: yt-dlp zgjati më shumë se {m[1]} s",
        ),
    ),
    (
        r"failed: (.*)",
        lambda m: Bi(
            f"the platform or yt-dlp refused: {m[1]}",
            f"platforma ose yt-dlp refuzoi: {m[1]}",
        ),
    ),
]

_WHY_NOT: Patterns = [
    (
        r"someone in these pictures may be under 18.*",
        lambda m: Bi(
            "someone in these pictures may be under 18: no video is downloaded, only its "
            "information is kept",
            "dikush në këto foto mund të jetë nën 18 vjeç: asnjë video nuk shkarkohet, mbahet "
            "vetëm informacioni i saj",
        ),
    ),
    (
        r"a link to another page.*",
        lambda m: Bi(
            "a link to another post (a channel or profile lists its videos): capture that "
            "post itself, or capture the account",
            "një lidhje te një postim tjetër (një kanal ose profil liston videot e tij): kapni "
            "vetë atë postim, ose kapni llogarinë",
        ),
    ),
    (
        r"yt-dlp did not download it.*",
        lambda m: Bi(
            "not downloaded: larger than the size limit, or the platform offers no single-file "
            "format",
            "nuk u shkarkua: më e madhe se kufiri i madhësisë, ose platforma nuk ofron format "
            "në një skedar të vetëm",
        ),
    ),
    (
        r"no RAM folder.*|there is no RAM folder.*",
        lambda m: Bi(
            "no RAM folder on this computer: a video is never written to disk unencrypted, so "
            "only its information was kept",
            "nuk ka dosje në RAM në këtë kompjuter: një video nuk shkruhet kurrë e pakriptuar "
            "në disk, prandaj u mbajt vetëm informacioni i saj",
        ),
    ),
]

_INTO: Patterns = [
    (
        r"a RAM folder.*",
        lambda m: Bi(
            "a folder in RAM, removed at once (never to disk)",
            "një dosje në RAM, e fshirë menjëherë (kurrë në disk)",
        ),
    ),
]


def _said(value: Any, patterns: Patterns) -> str:
    if value is None or value == "":
        return MISSING
    return bi_value(matched(str(value), patterns))


def _date(value: Any) -> str:
    text = str(value or "")
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return clean(text, 40) if text else MISSING


def _uploader(entry: Mapping[str, Any]) -> str:
    name = entry.get("uploader")
    ids = [str(entry[k]) for k in ("uploader_id", "channel_id") if entry.get(k)]
    parts = [clean(name, 120) if name else MISSING]
    for id_ in dict.fromkeys(ids):
        parts.append(f"<font color='{SOFT}'>id {clean(id_, 120)}</font>")
    return "<br/>".join(parts)


def _format(entry: Mapping[str, Any]) -> str:
    parts = [clean(entry.get(k), 40) for k in ("format_id", "ext") if entry.get(k)]
    text = " · ".join(parts) or MISSING
    offered = number(entry.get("formats_offered"))
    if offered is not None:
        text += f"<br/><font color='{SOFT}'>{offered} offered · ofruar</font>"
    duration = entry.get("duration")
    if isinstance(duration, int | float) and not isinstance(duration, bool):
        text += f"<br/>{duration:.0f} s"
    return text


def _info(entry: Mapping[str, Any]) -> str:
    name = entry.get("info_json")
    return f"<font color='{SOFT}'>{clean(name, 200)}</font>" if name else ""


def _facts(videos: Mapping[str, Any]) -> list[Row]:
    rows: list[Row] = [
        (bi_label(L_VERSION), as_is(videos.get("yt_dlp_version"))),
        (bi_label(L_ASKED), clean(videos.get("asked_for"), URL_SHOWN, WHOLE_IN) or MISSING),
        (bi_label(L_ANSWER), _said(videos.get("status"), _ANSWERS)),
    ]
    if videos.get("downloaded_into"):
        rows.append((bi_label(L_WHERE), _said(videos.get("downloaded_into"), _INTO)))
    if videos.get("not_downloaded_because"):
        why = matched(str(videos["not_downloaded_because"]), _WHY_NOT)
        rows.append((bi_label(L_WHY_NONE), reason_markup(why)))
    limit = number(videos.get("max_bytes"))
    if limit is not None:
        rows.append((bi_label(L_LIMIT), f"{limit} bytes · bajt"))
    if "logged_in" in videos:
        rows.append((bi_label(L_LOGIN), as_is(bool(videos.get("logged_in")))))
    requests = videos.get("requests")
    if isinstance(requests, list):
        rows.append((bi_label(L_REQUESTS), f"{len(requests):,} (metadata.json: videos.requests)"))
    refused = videos.get("requests_blocked")
    if isinstance(refused, list):
        listed = [clean(u, URL_SHOWN, WHOLE_IN) for u in refused[:5]]
        more = f" (+ {len(refused) - 5:,} · metadata.json)" if len(refused) > 5 else ""
        rows.append((bi_label(L_REFUSED), ("<br/>".join(listed) or "0") + more))
    seconds = videos.get("seconds")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        rows.append((bi_label(L_SECONDS), f"{seconds:.1f} s"))
    # a key a newer version adds: shown as it is
    rows += [(clean(k, 80), shown(v)) for k, v in videos.items() if k not in KNOWN]
    return rows


def _saved(entries: list[Mapping[str, Any]], styles: Styles) -> list[Flowable]:
    head = [COL_NO, COL_FILE, COL_UPLOADER, COL_UPLOADED, COL_FORMAT, COL_BYTES, COL_SHA]
    rows: list[list[Any]] = [head_row(head, styles)]
    for n, entry in enumerate(entries, start=1):
        sha = str(entry.get("sha256") or "")
        size = number(entry.get("size"))
        file_ = clean(entry.get("name"), 200) + "<br/>" + _info(entry)
        rows.append(
            [
                Paragraph(str(n), styles.small),
                Paragraph(file_, styles.small),
                Paragraph(_uploader(entry), styles.small),
                Paragraph(_date(entry.get("upload_date")), styles.small),
                Paragraph(_format(entry), styles.small),
                Paragraph(size if size is not None else MISSING, styles.small),
                Paragraph(mono(sha[:SHA_SHOWN]) + "…" if sha else MISSING, styles.mono),
            ]
        )
    widths = [8 * mm, 46 * mm, 36 * mm, 20 * mm, 24 * mm, 17 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [table(rows, widths, zebra=True)]


def _not_saved(entries: list[Mapping[str, Any]], styles: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [head_row([COL_NO, COL_VIDEO, COL_UPLOADER, COL_WHY], styles)]
    for n, entry in enumerate(entries, start=1):
        what = [clean(entry.get("title"), 200)] if entry.get("title") else []
        address = entry.get("webpage_url") or entry.get("url")
        if address:
            what.append(f"<font color='{SOFT}'>{clean(address, URL_SHOWN, WHOLE_IN)}</font>")
        if entry.get("info_json"):
            what.append(_info(entry))
        why = entry.get("not_saved_because")
        rows.append(
            [
                Paragraph(str(n), styles.small),
                Paragraph("<br/>".join(what) or MISSING, styles.small),
                Paragraph(_uploader(entry), styles.small),
                Paragraph(
                    reason_markup(matched(str(why), _WHY_NOT)) if why else MISSING,
                    styles.small,
                ),
            ]
        )
    widths = [8 * mm, 70 * mm, 36 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [table(rows, widths, zebra=True)]


def video_sections(meta: Mapping[str, Any], styles: Styles) -> list[Flowable]:
    """The videos section of one capture; nothing for a capture without metadata ``videos``."""
    videos = meta.get("videos")
    if not isinstance(videos, Mapping):
        return []
    listed = videos.get("videos")
    entries = [v for v in listed if isinstance(v, Mapping)] if isinstance(listed, list) else []
    saved = [v for v in entries if v.get("name")]
    not_saved = [v for v in entries if not v.get("name")]
    body: list[Flowable] = [
        Paragraph(clean(NOTE.en), styles.small),
        Paragraph(clean(NOTE.sq), styles.muted),
        key_value(_facts(videos), styles, key_width=62 * mm),
    ]
    if saved:
        body += _saved(saved, styles)
    out: list[Flowable] = [KeepTogether([Paragraph(HEADING.heading(), styles.h2), *body])]
    if not_saved:
        out.append(
            KeepTogether(
                [Paragraph(NOT_SAVED_HEADING.heading(), styles.h2), *_not_saved(not_saved, styles)]
            )
        )
    return out

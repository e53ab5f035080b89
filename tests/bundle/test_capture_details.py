"""The per-item "Capture details" read as words in both languages: every row label in English
then Albanian, nested metadata (browser, tool, time zone, operator...) as labelled sub-lines,
never Python-ish ``key: value`` dumps; values whole, keys a newer capture adds kept as they are,
keys an older one lacks "not recorded". The same for what the capture did to the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from evidencekit.bundle import export_bundle
from tests.support.bundles import CASE, add_web_item, make_vault, run, tool

BROWSER = {
    "engine": "chromium",
    "version": "156.0.7204.4",
    "headless": True,
    "name": "Chromium",
    "product": "HeadlessChrome/156.0.7204.4",
    "found_by": "system",
    "sandboxed": False,
    "temp_files_in_ram": True,
    "extra_args": ["--disable-gpu", "--lang=sq"],
    "gpu_flavour": "swiftshader-9",  # a key some newer version adds
}
TOOL = {
    "name": "EvidenceKit",
    "version": "0.1.0",
    "python": "3.12.7",
    "playwright_version": "1.65.2",
    "warcio_version": "1.7.4",
    "os": "Linux",
}
REAL_SHAPE = {
    "browser": BROWSER,
    "tool": TOOL,
    "post": {"platform": "Rrjeti Social", "author": "anon", "handle": "@someone"},
    "actions": [
        {
            "time": "2024-05-01T10:00:01.000Z",
            "elapsed_ms": 1200,
            "kind": "navigate",
            "detail": "opened https://social.example/post/1",
        },
        {
            "time": "2024-05-01T10:00:03.000Z",
            "elapsed_ms": 3100,
            "kind": "text-repaired",
            "detail": "2 broken character(s) in page.html were replaced",
            "data": {"artifact": "page.html", "count": 2},
        },
        {"time": "2024-05-01T10:00:03.500Z", "kind": "a-kind-nobody-knows", "detail": "x"},
    ],
    "overlays_hidden": [
        {
            "selector": "#cookie-wall",
            "text_excerpt": "We use cookies",
            "reason": "consent words in its text",
            "covered_percent_of_window": 41,
            "hidden_in": ["screenshot.png"],
        }
    ],
}
RAW_KEYS = (
    "found_by",
    "temp_files_in_ram",
    "utc_offset",
    "playwright_version",
    "extra_args",
    "warcio_version",
    "abbreviation:",
    "sandboxed:",
    "logged in:",
    "session:",
    "text_excerpt",
    "covered_percent_of_window",
    "hidden_in",
    "selector:",
)


@dataclass
class Pages:
    text: str  # the first item's pages, pdftotext, whitespace collapsed
    png_dir: str


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pages]:
    folder = tmp_path_factory.mktemp("capture-details")
    vault = make_vault(folder)
    try:
        items = [add_web_item(vault, 1, metadata=REAL_SHAPE), add_web_item(vault, 2)]
        result = export_bundle(vault, [i.id for i in items], folder / "bundle.pdf", case=CASE)
        raw = run(tool("pdftotext"), result.path, "-").stdout
    finally:
        vault.close()
    text = " ".join(raw.split())
    first = text[text.index("Item 1 · Prova 1") : text.index("Item 2 · Prova 2")]
    yield Pages(first, str(folder))


def test_no_raw_keys_on_the_item_pages(pages: Pages) -> None:
    for raw in RAW_KEYS:
        assert raw not in pages.text, raw


def test_values_are_all_there(pages: Pages) -> None:
    text = pages.text
    for value in (
        "156.0.7204.4",
        "HeadlessChrome/156.0.7204.4",
        "--disable-gpu, --lang=sq",
        "3.12.7",
        "1.65.2",
        "1.7.4",
        "Linux",
        "+02:00",
        "CEST",
        "Europe/Tirane",
        "Dritë Çela",
        "support worker",
        "Rrjeti Social",
        "@someone",
        "#cookie-wall",
        "We use cookies",
        "41 %",
    ):
        assert value in text, value
    # A key this version does not know is shown as it is, with its value.
    assert "gpu_flavour: swiftshader-9" in text


def test_labels_in_both_languages(pages: Pages) -> None:
    text = pages.text
    for phrase in (
        "Capture details · Të dhënat e kapjes",
        "HTTP status Statusi HTTP 200 OK",
        "Server IP and port IP-ja dhe porta e serverit 127.0.0.1 : 8443",
        "Page title Titulli i faqes",
        "Browser Shfletuesi",
        "Found by · U gjet nga: the system's own browser, installed on this computer · "
        "shfletuesi i vetë sistemit, i instaluar në këtë kompjuter",
        "Temporary files kept in memory (RAM) · Skedarët e përkohshëm u mbajtën në kujtesë "
        "(RAM): yes · po",
        "Sandboxed (kept apart from the computer) · I izoluar nga kompjuteri (sandbox): no · jo",
        "Extra start-up options · Opsione shtesë në nisje: --disable-gpu",
        "Playwright version · Versioni i Playwright: 1.65.2",
        "Difference from UTC · Diferenca nga UTC: +02:00",
        "Local time zone of the computer Zona kohore e kompjuterit",
        "Clock source Burimi i orës the computer's own clock · ora e vetë kompjuterit",
        "Browser window · Dritarja e shfletuesit: 1,280 × 900 CSS px",
        "Logged in to an account · I identifikuar në një llogari: no · jo",
        "Saved session used · Sesion i ruajtur i përdorur: none · asnjë",
        "Role · Roli: support worker",
        "Platform · Platforma: Rrjeti Social",
        "Capture took · Kohëzgjatja e kapjes: 4.0 s",
        # What the capture did: the kind in words, its code kept small, its data labelled.
        "Time (UTC) Koha (UTC) Kind Lloji What happened Çfarë ndodhi",
        "opened the address hapi adresën opened https://social.example/post/1 navigate",
        "+1.2 s",
        "File · Skedari: page.html",
        "How many · Sa: 2",
        "a-kind-nobody-knows",
        "overlay hidden in the screenshot mbulesë e fshehur në pamje",
        "Element (CSS selector) · Elementi (përzgjedhësi CSS): #cookie-wall",
        "Part of the window it covered · Pjesa e dritares që mbulonte: 41 %",
    ):
        assert phrase in text, phrase


def test_a_full_browser_record_lacks_nothing(pages: Pages) -> None:
    assert "not recorded" not in pages.text.split("Browser Shfletuesi", 1)[1].split("Tool")[0]


def test_an_older_captures_browser_keys_are_not_recorded(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("older-capture")
    vault = make_vault(folder)
    try:
        item = add_web_item(vault, 1)
        result = export_bundle(vault, [item.id], folder / "bundle.pdf", case=CASE)
        text = " ".join(run(tool("pdftotext"), result.path, "-").stdout.split())
    finally:
        vault.close()
    browser = text.split("Browser Shfletuesi", 1)[1].split("Tool Programi", 1)[0]
    assert re.search(r"Found by · U gjet nga: not recorded · nuk u regjistrua", browser)
    assert "Version · Versioni: 156.0" in browser

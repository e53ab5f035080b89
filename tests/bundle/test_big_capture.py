"""A media-rich capture never stops an export: 300 saved thumbnails, a 50,000-character title
(words) and a 50,000-character address (one unbroken string) go into a bundle that verifies,
with every value readable in the PDF's text. The technical pages are tables a person reads,
in English and Albanian, and an old capture's missing keys say "not recorded"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from reportlab.platypus import Flowable, KeepTogether, Table

from evidencekit.bundle import export_bundle
from evidencekit.bundle.export import _plan
from evidencekit.bundle.layout import SlotRegistry
from evidencekit.bundle.report import build_story
from evidencekit.verify import verify_bundle
from tests.support.bundles import CASE, Made, add_media_rich_item, make_vault, run, tool
from tests.support.tsa import TsaPki, TsaServer

MEDIA = 300
TITLE = (" ".join(f"fjalë{i}" for i in range(8000))[: 50_000 - 13] + " FUNDI-TITULL").strip()
URL = "https://video.example/watch?v=" + "Q" * (50_000 - 30 - 9) + "FUNDURL42"


@dataclass
class Big:
    made: Made
    text: str  # pdftotext, whitespace collapsed, running header and footer removed
    flat: str  # the same without any whitespace


def _body_text(raw: str) -> str:
    furniture = re.compile(r"^(EvidenceKit · EKB-|page \d+ of \d+ · faqja|Rasti i Elës · prepared)")
    kept = [line for line in raw.splitlines() if not furniture.match(line.strip().lstrip("\f"))]
    return " ".join(" ".join(kept).split())


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Big]:
    folder = tmp_path_factory.mktemp("big-capture")
    vault = make_vault(folder)
    items = [
        add_media_rich_item(vault, 1, media_count=MEDIA, title=TITLE),
        add_media_rich_item(vault, 2, media_count=12, url=URL),
        add_media_rich_item(vault, 3, media_count=6, old_shape=True),
    ]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(
            vault, [i.id for i in items], folder / "bundle.pdf", tsa_urls=[tsa.url], case=CASE
        )
        raw = run(tool("pdftotext"), result.path, "-").stdout
        text = _body_text(raw)
        yield Big(Made(vault, items, result, tsa), text, re.sub(r"\s+", "", text))
    vault.close()


def test_big_capture_exports_and_verifies(big: Big, tsa_pki: TsaPki) -> None:
    # The lawyer has confirmed the vault's key, as she must for `valid` (issue 11).
    vault_cert = big.made.vault.identity().certificate
    report = verify_bundle(big.made.path, trusted_certs=[tsa_pki.root_cert, vault_cert])
    assert report.verdict == "valid", report.summary()
    assert big.made.result.items == 3
    pages = big.made.result.pages
    assert f"page {pages} of {pages}" in run(tool("pdftotext"), big.made.path, "-").stdout
    # ~14 pages of media rows, ~7 for each 50,000-character value (shown whole once, not
    # repeated), the pictures, certificate and custody: sensible, not hundreds.
    assert 40 <= pages <= 130, pages


def test_every_media_file_is_in_the_text(big: Big) -> None:
    for n in range(MEDIA):
        assert f"media/thumb-{n:03d}.jpg" in big.text, n
    # A row per file in the media table: its shortened SHA-256 and its size, with the full
    # SHA-256 in the hash certificate.
    for artifact in big.made.vault.item(big.made.items[0].id).artifacts:
        assert artifact.sha256 in big.flat
        if artifact.name.startswith("media/"):
            assert artifact.sha256[:16] + "…" in big.flat, artifact.name


def test_long_values_are_shown_whole(big: Big) -> None:
    # The title has spaces: it wraps at them, every word is there, in order, to the end.
    assert TITLE in big.text
    # The address has none: it is cut anywhere to fit, and every character is there.
    assert URL in big.flat
    assert big.flat.count("FUNDURL42") >= 2  # Capture details whole, + its redirect
    # Where it is shortened (summary, index), the report says so and where the whole is.
    assert "shortened here: 49,400 more characters" in big.text
    assert "e shkurtuar këtu: edhe 49 400 shenja" in big.text
    assert "Capture details below and the attached metadata.json" in big.text


def test_technical_pages_are_tables_in_both_languages(big: Big) -> None:
    text = big.text
    for phrase in (
        "Media saved: pictures and videos · Media të ruajtura: foto dhe video",
        "Media not saved · Media që nuk u ruajtën",
        "Requests that failed or got no answer",
        "Kërkesat që dështuan ose nuk morën përgjigje",
        "Capture settings · Parametrat e kapjes",
        "How the full-page screenshot was made · Si u bë pamja e plotë e faqes",
        "Scrolling · Rrëshqitja nëpër faqe",
        "File in this bundle Skedari në dosje",
        "Where on the page (CSS px) Ku në faqe (px CSS)",
        # Settings as a labelled list.
        "Browser window Dritarja e shfletuesit 1,280 × 900 CSS px",
        "Time limit for the capture Koha më e gjatë për kapjen 90 s",
        "Pictures smaller than this are not saved Fotot më të vogla nuk ruhen 48 × 48 px",
        "Service workers Service workers blocked · të bllokuar",
        # Screenshot and scrolling.
        "Size of screenshot.png Madhësia e screenshot.png 1,280 × 2,400 px",
        "Time spent scrolling Koha e rrëshqitjes 5.2 s",
        # Failed requests: the browser's reason in plain words, the code kept small.
        "the site's name could not be found (DNS) emri i faqes nuk u gjet (DNS)",
        "net::ERR_NAME_NOT_RESOLVED",
        "blocked by the browser u bllokua nga shfletuesi",
        "the site's security certificate was not accepted",
        "no answer before the capture ended pa përgjigje deri në fund të kapjes",
        "siç u regjistrua (anglisht): net::ERR_SOMETHING_NEW",
        # Media not saved: why, in plain words.
        "too small to keep (under 2,048 bytes): usually an icon or a tracker",
        "shumë e vogël për t'u ruajtur (nën 48 × 48 px): ikonë ose gjurmues",
        "loading failed: the connection was cut off ngarkimi dështoi: lidhja u ndërpre",
        "it could not be fetched within 12 s nuk u mor dot brenda 12 s",
        # A saved file: what it is, its pixels, where it was shown, a newer key too.
        "video's cover picture · kopertina e videos",
        "picture · foto image/jpeg · HTTP 200 96 × 64",
        "24, 200 · 288 × 162",
        "shown at · shfaqur 288 × 162 px",
        "+ 3 more places · edhe 3 vende (metadata.json)",
    ):
        assert phrase in text, phrase
    # No Python-ish dumps of the raw keys on the items' pages any more.
    items = text[: text.index("Certificate of authenticity by hash")]
    for raw in ("positions_css_px", "min_media_bytes", "media_type:", "sha256:", "shown_as"):
        assert raw not in items, raw


def test_an_old_capture_says_not_recorded(big: Big) -> None:
    item3 = big.text[big.text.index("Item 3 · Prova 3") :]
    assert "Network Rrjeti not recorded · nuk u regjistrua" in item3
    assert "Scrolling Rrëshqitja nëpër faqe not recorded · nuk u regjistrua" in item3
    assert "how obtained: not recorded · si u mor: nuk u regjistrua" in item3


def _tables(flowables: list[Flowable]) -> Iterator[Table]:
    for flowable in flowables:
        if isinstance(flowable, Table):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _tables(list(flowable._content))


def test_every_table_of_the_report_splits_rows_across_pages(big: Big) -> None:
    """Structural: every table of the report splits between rows and inside a row taller
    than what is left of a page, so no captured value can make a table too big to lay out."""
    vault, items = big.made.vault, big.made.items
    plan = _plan(vault, list(items), CASE, blur=False, include_originals=True)
    tables = list(_tables(build_story(plan, SlotRegistry())))
    assert len(tables) > 3 * 10  # summary, details, lists and tables of each item, sections
    for found in tables:
        assert found.splitByRow and found.splitInRow > 0, found.identity(40)

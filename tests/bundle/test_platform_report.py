"""The report shows what the platform's page said (the record `capture.platforms` read) and
the completeness score, with what is missing in plain words in both languages; a capture made
before these existed shows them as not recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.capture.completeness import completeness_score
from evidencekit.capture.platforms.registry import platform_facts
from evidencekit.verify import verify_bundle
from tests.support.bundles import CASE, add_web_item, make_vault, run, tool
from tests.support.tsa import TsaPki, TsaServer

SITE = Path(__file__).resolve().parent.parent / "support" / "site" / "platforms"


def _facts(name: str, url: str, login_wall: bool = False) -> dict:
    record = platform_facts(url, url, (SITE / name).read_text(encoding="utf-8"))
    return {
        "platform_facts": record,
        "completeness": completeness_score(record, login_wall=login_wall, removed=None),
    }


@dataclass
class Report:
    text: str  # pdftotext of the whole bundle, whitespace collapsed
    item1: str
    item2: str
    item3: str
    pdf: Path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    folder = tmp_path_factory.mktemp("platform-report")
    vault = make_vault(folder)
    try:
        items = [
            add_web_item(
                vault, 1, metadata=_facts("telegram.html", "https://t.me/s/leaks_fixture/42")
            ),
            add_web_item(
                vault,
                2,
                metadata=_facts(
                    "facebook.html",
                    "https://www.facebook.com/permalink.php?story_fbid=7000000000000001"
                    "&id=100089000000001",
                    login_wall=True,
                ),
            ),
            add_web_item(vault, 4),  # made before platform facts existed
        ]
        result = export_bundle(vault, [i.id for i in items], folder / "bundle.pdf", case=CASE)
        raw = run(tool("pdftotext"), result.path, "-").stdout
    finally:
        vault.close()
    text = " ".join(raw.split())
    one = text[text.index("Item 1 · Prova 1") : text.index("Item 2 · Prova 2")]
    two = text[text.index("Item 2 · Prova 2") : text.index("Item 3 · Prova 3")]
    three = text[text.index("Item 3 · Prova 3") :]
    yield Report(text, one, two, three, Path(result.path))


def test_the_platform_facts_are_in_the_report(report: Report) -> None:
    text = report.item1
    for phrase in (
        "Platform facts Faktet e platformës",
        "Platform · Platforma: Telegram",
        "Handle · Emri i përdoruesit: leaks_fixture",
        "Post id · Numri i postimit: 42",
        "Posted (UTC) · Postuar (UTC): 2024-05-02T21:30:00Z",
        "Posted (as the page showed it) · Postuar (siç e shfaqte faqja): 21:30",
        "New photos of her tonight",
        "1,200 views · shikime",
        "tgme_widget_message markup",
    ):
        assert phrase in text, phrase
    # the channel id is not on the public preview: shown missing, not filled in
    assert (
        "Account id (does not change) · Numri i llogarisë (nuk ndryshon): not found on the page"
        " · nuk u gjet në faqe" in text
    )


def test_the_score_and_what_is_missing_in_both_languages(report: Report) -> None:
    one = report.item1
    assert "Completeness Plotësia" in one
    assert (
        "6 of 7 facts a court needs were found · U gjetën 6 nga 7 faktet që i duhen gjykatës" in one
    )
    assert "Account id · Numri i llogarisë: MISSING · MUNGON" in one
    assert "The platform's numeric account id was not found" in one
    assert "Numri i llogarisë në platformë nuk u gjet" in one
    two = report.item2
    assert "Account id (does not change) · Numri i llogarisë (nuk ndryshon): 100089000000001" in two
    assert "Drita M." in two and "Take it down now" in two  # the comment the page showed
    assert "6 of 7 facts" in two
    assert "The page asked for a login" in two
    assert "Faqja kërkoi hyrje në llogari" in two


def test_an_older_capture_shows_not_recorded(report: Report) -> None:
    three = report.item3
    assert "Platform facts Faktet e platformës not recorded" in three
    assert "Completeness Plotësia not recorded" in three


def test_page_facts_text_survives_hostile_values(tmp_path: Path) -> None:
    record = platform_facts("https://x.example/", "https://x.example/", "<p>x</p>")
    record.update(
        author_name="<b>bold</b> & </para>",
        handle="Status",  # a captured value that reads like a summary label
        media=[{"kind": "image", "url": "javascript:alert(1)"}] * 30,
        comments=[{"handle": "<i>", "text": "]]>"}, 5, None],
    )
    meta = {"platform_facts": record, "completeness": {"found": "x", "facts": [1], "missing": [2]}}
    vault = make_vault(tmp_path)
    try:
        item = add_web_item(vault, 1, metadata=meta)
        result = export_bundle(vault, [item.id], tmp_path / "b.pdf", case=CASE)
        text = " ".join(run(tool("pdftotext"), result.path, "-").stdout.split())
    finally:
        vault.close()
    assert "<b>bold</b> & </para>" in text
    assert "and 10 more in metadata.json" in text
    json.dumps(meta)


def test_a_sealed_bundle_with_platform_facts_still_verifies(
    tmp_path: Path, tsa_pki: TsaPki
) -> None:
    """The new rows sit in Capture details; the verifier's page-facts check reads the summary
    above them, so a captured value reading like a summary label ("Status") changes nothing."""
    meta = _facts("x.html", "https://x.com/harasser_acct/status/1790000000000000001")
    meta["platform_facts"]["handle"] = "Status"
    meta["platform_facts"]["text"] = "Item id\nSeal (manifest SHA-256)\n00ff"
    vault = make_vault(tmp_path)
    try:
        item = add_web_item(vault, 1, metadata=meta)
        with TsaServer(tsa_pki) as tsa:
            result = export_bundle(
                vault, [item.id], tmp_path / "b.pdf", tsa_urls=[tsa.url], case=CASE
            )
        fingerprint = vault.identity().fingerprint_sha256
    finally:
        vault.close()
    report = verify_bundle(
        result.path, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "valid", report.summary()

"""Every string is translated: the Albanian (and English) .ts files are complete, cover every
string in ui/, keep their placeholders, and the compiled translation is what the app shows."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.gui.conftest import ROOT, TRANSLATIONS

LANGUAGES = ("sq", "en")
_PLACEHOLDER = re.compile(r"%(?:\d|n)|<[^>]+>|\*\.\w+|;;")


def _messages(lang: str) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(TRANSLATIONS / f"evidencekit_{lang}.ts")
    return [
        (context.findtext("name") or "", message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_finished_and_filled(lang: str) -> None:
    problems = []
    for context, message in _messages(lang):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        forms = _forms(message)
        if not forms or any(not form.strip() for form in forms):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert problems == []
    assert len(_messages(lang)) > 300


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang: str) -> None:
    problems = []
    for context, message in _messages(lang):
        source = message.findtext("source") or ""
        wanted = sorted(_PLACEHOLDER.findall(source))
        for form in _forms(message):
            found = sorted(_PLACEHOLDER.findall(form))
            if message.get("numerus") == "yes":
                wanted_here = [p for p in wanted if p != "%n"]
                found = [p for p in found if p != "%n"]
            else:
                wanted_here = wanted
            if found != wanted_here:
                problems.append(f"{context}: {source!r} -> {form!r}")
        if "&" in source.replace("&&", "") and not any("&" in f for f in _forms(message)):
            problems.append(f"{context}: {source!r} lost its keyboard accelerator")
    assert problems == []


def test_albanian_is_not_english_left_over() -> None:
    same = [
        (context, message.findtext("source"))
        for context, message in _messages("sq")
        if message.get("numerus") != "yes" and _forms(message) == [message.findtext("source")]
    ]
    # Only what is the same in both languages: names, units, formats, symbols.
    allowed = {" min", "SHA-256: %1", "%1 — from %2"}
    assert [s for _, s in same if s not in allowed and len(s) > 3] == []


def test_the_ts_files_cover_every_string_in_ui(tmp_path: Path) -> None:
    """Adding a string to ui/ without updating the translations fails here."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {(c, m.findtext("source")) for c, m in _messages("sq")}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings"


def test_the_app_speaks_albanian(qapp, translations) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.app import Translators, pick_language

    translators = Translators(qapp, translations)
    assert translators.install("sq")
    try:
        assert QCoreApplication.translate("MainWindow", "Quick exit") == "Dalje e shpejtë"
        assert QCoreApplication.translate("CasesPanel", "%1 (%n item(s))", "", 3) == "%1 (3 prova)"
        from ui.help_page import HelpPage

        text = HelpPage().plain_text()
        assert "116 117" in text and "ALO 116 111" in text and "Shqipëri" in text
    finally:
        translators.install("en")
    from PySide6.QtCore import QLocale

    assert pick_language("", QLocale("sq_AL")) == "sq"
    assert pick_language("", QLocale("de_DE")) == "en"
    assert pick_language("en", QLocale("sq_AL")) == "en"


def test_the_verify_view_shows_the_verifiers_albanian(qapp, translations, ctx) -> None:
    """In Albanian the details column shows the core's `detail_sq` under an Albanian heading,
    and an item's time from an authority nobody vouches for says so."""
    from pathlib import Path

    from ui.app import Translators
    from ui.jobs import CheckRow, ItemStamp, VerifySummary
    from ui.verify_view import VerifyView

    summary = VerifySummary(
        path=Path("bundle.pdf"),
        verdict="indeterminate",
        sha256="ab" * 32,
        checks=[
            CheckRow(
                "signature", True, "The PDF signature is intact.", "Nënshkrimi është i paprekur."
            ),
            CheckRow("item 1 (abc)", None, "But its timestamp authority…", "Por autoriteti…"),
        ],
        items=[ItemStamp("item 1 (abc)", "2024-05-01T10:00:04Z", "Test TSA", trusted=False)],
    )
    translators = Translators(qapp, translations)
    assert translators.install("sq")
    try:
        view = VerifyView(ctx)
        view._show_result(summary)
        details = [view.checks.topLevelItem(i).text(2) for i in range(2)]
        assert details == ["Nënshkrimi është i paprekur.", "Por autoriteti…"]
        assert view.checks.headerItem().text(2) == "Hollësi teknike"
        assert view.items.topLevelItem(0).text(2) == "Test TSA (jo i besuar në mënyrë të pavarur)"
    finally:
        translators.install("en")
    view = VerifyView(ctx)
    view._show_result(summary)
    assert view.checks.topLevelItem(0).text(2) == "The PDF signature is intact."
    assert view.checks.headerItem().text(2) == "Technical details"

"""The verify view names each check in the verifier's own words (issue 10 §4): one translation,
`evidencekit.verify.texts.CHECK_NAMES`, shared by the CLI, the report and the app — in English
when the window speaks English, in Albanian when it speaks Albanian, never a second Qt wording."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evidencekit.bilingual import Bi
from evidencekit.verify import texts as T
from evidencekit.verify.checks import BundleReport, Check, Status


def _rows(tree: Any) -> list[tuple[str, str]]:
    """(name, details) of every row of the view's checks table."""
    return [
        (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    ]


@pytest.fixture(params=["en", "sq"])
def language(request: pytest.FixtureRequest, qapp, translations: Path) -> Iterator[str]:
    """The app running in English, then in Albanian (as the language setting installs it)."""
    from ui.language import Translators

    translators = Translators(qapp, translations)
    assert translators.install(request.param)
    try:
        yield request.param
    finally:
        translators.install("en")


def _detail(name: str) -> Bi:
    return Bi(f"Row {name} is fine.", f"Rreshti {name} është në rregull.")


def _expected(check: Check, lang: str) -> tuple[str, str]:
    name = T.check_name(check.name)
    return (name.sq if lang == "sq" else name.en, check.text(lang))


def test_the_real_verifiers_rows_are_shown_in_its_own_words(
    language: str, ctx, qtbot, tmp_path: Path
) -> None:
    """The real verifier (on the job thread, as the lawyer's click runs it) on a PDF that is no
    bundle: each row's name and details are the verifier's `Bi`, exactly."""
    from reportlab.pdfgen import canvas

    from evidencekit.verify import verify_bundle
    from ui.verify_view import VerifyView

    pdf = tmp_path / "not-a-bundle.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(100, 700, "Not an EvidenceKit bundle")
    page.save()
    report = verify_bundle(pdf)
    assert {c.name for c in report.checks} >= {"pdf", "signature", "bundle.json"}

    view = VerifyView(ctx)
    with qtbot.waitSignal(view.verified, timeout=60_000):
        view.check(pdf)
    assert _rows(view.checks) == [_expected(c, language) for c in report.checks]
    if language == "sq":
        assert _rows(view.checks)[1][0] == "nënshkrimi"  # not the old "Nënshkrimi është i paprekur"


def test_every_check_name_and_item_row_is_the_verifiers(language: str, ctx) -> None:
    """Every name the verifier has (and an item's row, in both tables) as the verifier says it,
    going through the same summary the verify job makes."""
    from ui.jobs import _summary
    from ui.verify_view import VerifyView

    checks = tuple(
        Check(name, Status.PASSED, _detail(name)) for name in [*T.CHECK_NAMES, "item 1 (abc123)"]
    )
    item = {"number": 1, "id": "abc123", "status": "passed", "timestamps": []}
    report = BundleReport("bundle.pdf", True, checks, facts={"items": [item]})
    summary = _summary(Path("bundle.pdf"), report, hashlib.sha256(b"").hexdigest())

    view = VerifyView(ctx)
    view._show_result(summary)
    assert _rows(view.checks) == [_expected(c, language) for c in checks]
    item_name = T.check_name("item 1 (abc123)")
    assert view.items.topLevelItem(0).text(0) == (
        item_name.sq if language == "sq" else item_name.en
    )
    if language == "sq":
        assert item_name.sq == "prova 1 (abc123)"

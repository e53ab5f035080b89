"""The verify view's key-fingerprint field (issue 11): a genuine bundle checked without
confirming its signer is "cannot tell" with the verifier's "confirm F" headline; the same
bundle with the fingerprint the sender read out (typed as people type it) is valid; a
malformed fingerprint is refused in plain words, before anything is checked.

Set EVIDENCEKIT_SHOT=/some/dir to save a screenshot of each state."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.verify.identities import grouped
from tests.gui.conftest import qtbot_app
from tests.support.bundles import add_import, add_web_item, make_vault
from tests.support.tsa import TsaPki, TsaServer


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("fp-bundle")
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=900), add_import(vault, folder)]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url])
    fingerprint = vault.identity().fingerprint_sha256
    vault.close()
    yield result.path, fingerprint


def _shot(view, name: str) -> None:
    folder = os.environ.get("EVIDENCEKIT_SHOT")
    if folder:
        from PySide6.QtWidgets import QApplication

        view.resize(1000, 900)
        QApplication.processEvents()
        view.grab().save(str(Path(folder) / f"{name}.png"))


def _check(qtbot, view, path: Path):
    with qtbot.waitSignal(view.verified, timeout=60_000) as verified:
        view.check(path)
    qtbot.waitUntil(lambda: view._job is None)  # the job has finished: ready for the next
    return verified.args[0]


def test_the_fingerprint_field_confirms_the_signer(
    qtbot, ctx, tsa_pki, translations, bundle
) -> None:
    from ui.verify_view import VerifyView

    path, fingerprint = bundle
    # The time-stamp authority's root is trusted (the loopback TSA is in no built-in list);
    # the signer is not: only the fingerprint can confirm it.
    from evidencekit.verify import load_certificates

    ctx.trusted_certs.extend(load_certificates([tsa_pki.root_pem]))
    view = VerifyView(ctx)
    qtbot.addWidget(view)
    view.show()

    summary = _check(qtbot, view, path)
    assert summary.verdict == "indeterminate" and summary.signer_unconfirmed
    assert view.verdict.text() == "? Cannot tell"
    said = view.verdict_text.text()
    assert f"by key {grouped(fingerprint)} — confirm {grouped(fingerprint)}" in said
    assert "the field above" in said
    _shot(view, "unconfirmed")
    # In Albanian: the verifier's own Albanian, then the window's.
    from ui.app import Translators

    translators = Translators(qtbot_app(), translations)
    assert translators.install("sq")
    try:
        shqip = VerifyView(ctx)
        qtbot.addWidget(shqip)
        shqip._show_result(summary)
        said = shqip.verdict_text.text()
        assert said.startswith("E pandryshuar që kur u vulos më ")
        assert f"me çelësin {grouped(fingerprint)} — konfirmojeni" in said
        assert "Shkruajeni ose ngjiteni gjurmën" in said
        _shot(shqip, "unconfirmed-sq")
    finally:
        translators.install("en")

    # As the sender reads it out, written down in pairs with colons, in capitals.
    pairs = ":".join(fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    view.fingerprint.setText(pairs)
    summary = _check(qtbot, view, path)
    assert summary.verdict == "valid", summary.checks
    assert view.verdict.text() == "✓ Valid"
    assert "cannot prove that the page told the truth" in view.verdict_text.text()
    _shot(view, "confirmed")

    # Another key's fingerprint: the signer is someone else.
    view.fingerprint.setText("ab" * 32)
    summary = _check(qtbot, view, path)
    assert summary.verdict == "invalid"

    view.fingerprint.setText(fingerprint[:-1] + "g")
    view.check(path)
    assert view._job is None  # refused before anything ran
    assert view.message.isVisible()
    assert view.message.headline.text() == "That is not a key fingerprint."
    _shot(view, "malformed")

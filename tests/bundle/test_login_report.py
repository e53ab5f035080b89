"""The report says how a capture was logged in (metadata "login", capture/login.py
login_facts): as which account, with whose consent, which saved login, the requests blocked so
nothing changed on the platform, the GraphQL reads let through, the login secrets taken out of
the traffic. A logged-out capture says so; one made before the record shows its old flag or
"not recorded". A sealed bundle with these rows still verifies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.verify import verify_bundle
from tests.support.bundles import CASE, add_web_item, make_vault, run, tool
from tests.support.tsa import TsaPki, TsaServer

LOGIN = {
    "logged_in": True,
    "session_id": "s-7f3a",
    "site": "instagram.com",
    "account_as_shown": "rita_k",
    "account_source": "page",
    "consent_note": "Rita agreed on 1 Dec 2026, in person",
    "account_shown_on_page": "rita_k",
    "blocked_requests": [
        {"time": "2026-12-01T10:00:01.000Z", "method": "POST", "url": "https://i.example/like"},
        {"time": "2026-12-01T10:00:02.000Z", "method": "POST", "url": "https://i.example/seen"},
    ],
    "graphql_reads_allowed": [
        {
            "time": "2026-12-01T10:00:03.000Z",
            "url": "https://i.example/graphql",
            "name": "PostQuery",
        }
    ],
    "secret_header_values_removed_from_traffic": 3,
}


@dataclass
class Report:
    logged_in: str
    logged_out: str
    old: str
    missing: str


def _text(path: Path) -> str:
    return " ".join(run(tool("pdftotext"), path, "-").stdout.split())


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    folder = tmp_path_factory.mktemp("login-report")
    vault = make_vault(folder)
    try:
        items = [
            add_web_item(vault, 1, metadata={"login": LOGIN}),
            add_web_item(vault, 2, metadata={"login": {"logged_in": False}}),
            add_web_item(vault, 3),  # before the login record: the old flag only
            add_web_item(vault, 4, metadata={"logged_in": None}),
        ]
        result = export_bundle(vault, [i.id for i in items], folder / "bundle.pdf", case=CASE)
    finally:
        vault.close()
    text = _text(Path(result.path))
    parts = [text.index(f"Item {n} · Prova {n}") for n in (1, 2, 3, 4)]
    yield Report(
        text[parts[0] : parts[1]],
        text[parts[1] : parts[2]],
        text[parts[2] : parts[3]],
        text[parts[3] :],
    )


def test_a_logged_in_capture_says_as_whom_and_what_was_blocked(report: Report) -> None:
    one = report.logged_in
    for phrase in (
        "Logged in Me hyrje në llogari",
        "Seen logged in as @rita_k, as the site showed it when she logged in",
        "Parë me hyrje si @rita_k, siç e shfaqi faqja kur ajo hyri",
        "Consent note · Shënimi i pëlqimit: Rita agreed on 1 Dec 2026, in person",
        "Saved login used · Hyrja e ruajtur e përdorur: s-7f3a",
        "Account the captured page showed · Llogaria që shfaqi faqja e kapur: rita_k",
        "Requests blocked so nothing changed on the platform · Kërkesa të bllokuara që të mos"
        " ndryshonte asgjë në platformë: 2",
        "POST: https://i.example/like",
        "PostQuery: https://i.example/graphql",
        "Login secrets taken out of the recorded traffic · Sekrete të hyrjes të hequra nga"
        " trafiku i regjistruar: 3",
    ):
        assert phrase in one, phrase


def test_logged_out_and_older_captures(report: Report) -> None:
    assert "Logged in Me hyrje në llogari no: captured logged out" in report.logged_out
    assert "Seen logged in" not in report.logged_out
    old = "Logged in Me hyrje në llogari Logged in to an account · I identifikuar në një llogari"
    assert f"{old}: no · jo" in report.old  # the flags of the time, as they were shown
    assert "Seen logged in" not in report.old
    assert f"{old}: not recorded" in report.missing or f"{old}: no · jo" in report.missing


def test_a_sealed_bundle_with_login_rows_still_verifies(tmp_path: Path, tsa_pki: TsaPki) -> None:
    """The rows sit in Capture details, under the summary the page-facts check reads; an
    account named like a summary label changes nothing."""
    login = {**LOGIN, "account_as_shown": "Status", "consent_note": "Item id\nOperator\n00ff"}
    vault = make_vault(tmp_path)
    try:
        item = add_web_item(vault, 1, metadata={"login": login})
        with TsaServer(tsa_pki) as tsa:
            result = export_bundle(
                vault, [item.id], tmp_path / "b.pdf", tsa_urls=[tsa.url], case=CASE
            )
        fingerprint = vault.identity().fingerprint_sha256
    finally:
        vault.close()
    assert "Seen logged in as @Status" in _text(Path(result.path))
    report = verify_bundle(
        result.path, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "valid", report.summary()

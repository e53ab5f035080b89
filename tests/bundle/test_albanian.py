"""The verifier speaks Albanian: every row of a valid, an invalid (tampered) and an
indeterminate (untrusted TSA) report has an Albanian detail with the same facts and no English
left in it; the advice too; `verify --lang sq` prints it, and --json carries both. Also the
per-item facts the app reads instead of the English sentences."""

from __future__ import annotations

import json
import re

import pytest

from evidencekit.bundle import texts
from evidencekit.verify import texts as verify_texts
from evidencekit.verify import verify_bundle
from evidencekit.verify.checks import BundleReport
from tests.conftest import Cli
from tests.support.bundles import Made
from tests.support.forging import forge_page_html
from tests.support.tsa import TsaPki

# Words an English sentence can hardly do without, and Albanian never uses. (TSA names, the
# signer's subject, file names and --trust stay as they are in both languages.)
ENGLISH = re.compile(
    r"\b(the|was|were|is|are|not|and|with|but|its|signature|timestamp|trusted|file|bytes)\b",
    re.IGNORECASE,
)
# What may legitimately be English inside an Albanian sentence: names and technical values.
NAMES = re.compile(
    r"EvidenceKit Test TSA \(EvidenceKit tests\)|CN=[^,;]*(,[A-Z]+=[^,;]*)*|"
    r"--trust <rrënja e autoritetit>\.pem|evidencekit verify \S+|[\w.-]+\.(json|p7s|tsr|pem)"
)


@pytest.fixture(scope="module")
def reports(case_bundle: Made, tsa_pki: TsaPki, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("albanian")
    signer = case_bundle.vault.identity().fingerprint_sha256  # confirmed, as a lawyer would
    return {
        "valid": verify_bundle(
            case_bundle.path, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[signer]
        ),
        "invalid": verify_bundle(
            forge_page_html(case_bundle.path, folder / "t.pdf"), trusted_certs=[tsa_pki.root_cert]
        ),
        "indeterminate": verify_bundle(case_bundle.path),
    }


def _english_left(albanian: str) -> list[str]:
    return ENGLISH.findall(NAMES.sub("", albanian))


@pytest.mark.parametrize("verdict", ["valid", "invalid", "indeterminate"])
def test_every_row_has_an_albanian_detail(reports: dict[str, BundleReport], verdict: str) -> None:
    report = reports[verdict]
    assert report.verdict == verdict, report.summary()
    for check in report.checks:
        assert check.detail_sq.strip(), check
        assert check.detail_sq != check.detail, check
        assert _english_left(check.detail_sq) == [], (check.name, check.detail_sq)
        # The same facts: every number, fingerprint and time of the English is in the Albanian.
        for fact in re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC|[0-9a-f]{16,}", check.detail):
            assert fact in check.detail_sq, (fact, check.detail_sq)
    assert len(report.advice_sq) == len(report.advice)
    for advice in report.advice_sq:
        assert _english_left(advice) == [], advice


def test_albanian_wording_of_the_common_rows(reports: dict[str, BundleReport]) -> None:
    unsure = {c.name: c.detail_sq for c in reports["indeterminate"].checks}
    assert "nuk është i besuar në mënyrë të pavarur" in unsure["signature timestamp"]
    assert "--trust <rrënja e autoritetit>.pem" in unsure["signature timestamp"]
    (advice,) = reports["indeterminate"].advice_sq
    assert advice.startswith("Vulat kohore nga EvidenceKit Test TSA (EvidenceKit tests)")
    valid = {c.name: c.detail_sq for c in reports["valid"].checks}
    assert valid["signature"].startswith("Nënshkrimi i dokumentit PDF është i paprekur")
    assert "4 prova" in valid["bundle.json"]
    # Albanian groups thousands with a space, English with a comma.
    pdf = next(c for c in reports["valid"].checks if c.name == "pdf")
    size = re.search(r"of ([\d,]+) bytes", pdf.detail)
    assert size and size.group(1).replace(",", "\u00a0") in pdf.detail_sq
    failed = {c.name: c.detail_sq for c in reports["invalid"].checks if not c.ok}
    assert "Skedari u ndryshua pasi u nënshkrua" in failed["whole file"]
    assert "nuk përputhet me SHA-256 e vet" in failed["attachments"]


def test_item_facts_replace_reading_the_sentences(
    reports: dict[str, BundleReport], case_bundle: Made
) -> None:
    items = reports["valid"].facts["items"]
    assert [i["id"] for i in items] == [i.id for i in case_bundle.items]
    for item in items:
        assert item["status"] == "passed"
        (stamp,) = item["timestamps"]
        assert stamp["tsa"] == "EvidenceKit Test TSA (EvidenceKit tests)"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp["time"])
        assert stamp["trusted"] is True
    unsure = reports["indeterminate"].facts["items"]
    assert {i["status"] for i in unsure} == {"indeterminate"}
    assert all(s["trusted"] is False for i in unsure for s in i["timestamps"])
    tampered = reports["invalid"].facts["items"]
    assert tampered[0]["status"] == "failed"


def test_the_albanian_summary(reports: dict[str, BundleReport]) -> None:
    text = reports["indeterminate"].summary("sq")
    assert text.startswith("Përfundimi: E PAPËRCAKTUAR")
    assert "vula kohore e nënshkrimit:" in text and "Çfarë mund të bëni:" in text
    assert reports["valid"].summary("sq").startswith("Përfundimi: E VLEFSHME")
    assert reports["invalid"].summary().startswith("Verdict: INVALID")


def test_verify_lang_sq_and_json_carry_albanian(case_bundle: Made, cli: Cli) -> None:
    albanian = cli("verify", str(case_bundle.path), "--lang", "sq", passphrase=None)
    assert albanian.code == 4, albanian.err  # indeterminate
    assert albanian.out.startswith("Përfundimi: E PAPËRCAKTUAR"), albanian.out
    assert "Nënshkrimi i dokumentit PDF është i paprekur" in albanian.out
    assert "Verdict" not in albanian.out and "is intact" not in albanian.out
    english = cli("verify", str(case_bundle.path), passphrase=None)
    assert english.out.startswith("Verdict: INDETERMINATE")
    data = json.loads(cli("verify", str(case_bundle.path), "--json", passphrase=None).out)
    assert all(c["detail_sq"] and c["detail"] for c in data["checks"])
    assert data["advice_sq"] and data["advice"]
    assert data["items"][0]["timestamps"][0]["trusted"] is False
    bad = cli("verify", str(case_bundle.path), "--lang", "de", passphrase=None)
    assert bad.code == 2


def test_the_reasons_of_other_modules_are_said_in_albanian() -> None:
    said = verify_texts.reason(
        "The token's signature is not valid: the signed content has been changed."
    )
    assert said.sq == (
        "Nënshkrimi i vulës kohore nuk është i vlefshëm: përmbajtja e nënshkruar është ndryshuar."
    )
    assert verify_texts.reason("bundle.json gives no SHA-256 for a.png").sq.endswith("për a.png")
    # Never English in the Albanian, even for a reason nobody foresaw.
    unknown = verify_texts.reason("Something nobody foresaw.")
    assert _english_left(unknown.sq) == [] and unknown.sq.endswith(".")


def test_how_to_verify_tells_to_trust_the_tsa_root() -> None:
    last = texts.HOW_TO_VERIFY_STEPS[-1]
    assert "not independently trusted" in last.en and "--trust tsa-root.pem" in last.en
    assert "nuk është i besuar në mënyrë të pavarur" in last.sq
    assert "--trust tsa-root.pem" in last.sq

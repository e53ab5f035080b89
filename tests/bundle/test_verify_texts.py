"""Every sentence, reason and check name the verifier can produce has a real Albanian text
(issue 10 §4): found by reading the verifier's and the seal modules' source, not by running a
few bundles, so a new row or reason without Albanian fails here."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from evidencekit import bundle_format
from evidencekit.bilingual import Bi
from evidencekit.seal import cms, identity, tokens
from evidencekit.verify import texts as T
from evidencekit.verify.checks import Check, Status
from tests.bundle.test_albanian import _english_left

ROOT = Path(__file__).resolve().parents[2]
VERIFY = ROOT / "evidencekit" / "verify"
SEAL = ROOT / "evidencekit" / "seal"
PLACEHOLDER = re.compile(r"\{\w+\}")
SAME_IN_BOTH = {"bundle.json"}  # a file name reads the same in Albanian


def _all_bi(value: object) -> Iterator[Bi]:
    if isinstance(value, Bi):
        yield value
    elif isinstance(value, (tuple, list)):
        for part in value:
            yield from _all_bi(part)
    elif isinstance(value, dict):
        for part in value.values():
            yield from _all_bi(part)


def _made_texts() -> list[tuple[str, Bi]]:
    found = []
    for module in (T, bundle_format):
        for name, value in vars(module).items():
            found += [(f"{module.__name__}.{name}", bi) for bi in _all_bi(value)]
    return found


def problems(label: str, text: Bi) -> list[str]:
    """What is wrong with a text's Albanian: missing, the English copied, English words left."""
    sq = PLACEHOLDER.sub("", text.sq)
    if not re.search(r"[^\W\d_]", PLACEHOLDER.sub("", text.en)) and text.en.strip():
        return []  # only values and punctuation ("{said}; {how}."): nothing to translate
    if not text.en.strip():  # a piece only Albanian needs ("version"), or nothing at all
        return [] if not text.sq.strip() or _english_left(sq) == [] else [f"{label}: {text.sq}"]
    if not sq.strip() or (text.sq == text.en and text.en not in SAME_IN_BOTH):
        return [f"{label}: no Albanian ({text.en!r})"]
    left = _english_left(sq)
    return [f"{label}: English left in {text.sq!r}: {left}"] if left else []


def test_every_text_of_the_verifier_has_albanian() -> None:
    made = _made_texts()
    assert len(made) > 100  # the walk really found them
    assert [p for label, text in made for p in problems(label, text)] == []


def test_control_a_text_without_albanian_is_caught() -> None:
    assert problems("x", Bi("The file is intact.", "The file is intact.")) != []
    assert problems("x", Bi("The file is intact.", "")) != []
    assert problems("x", Bi("The file is intact.", "Skedari is intact.")) != []
    assert problems("x", Bi("The file is intact.", "Skedari është i paprekur.")) == []


# --- check names ------------------------------------------------------------------------------


def _row_names() -> tuple[set[str], set[str]]:
    """Names given to passed/failed/unsure in the verifier: constants (also those first put in a
    variable `name`), and f-strings' starts."""
    constant: set[str] = set()
    made: set[str] = set()
    for path in sorted(VERIFY.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "name" for t in node.targets)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                constant.add(node.value.value)
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("passed", "failed", "unsure")
                and node.args
            ):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                constant.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                head = first.values[0]
                made.add(head.value if isinstance(head, ast.Constant) else "")
            else:
                made.add("?")  # a name from a variable (see the assignments above)
    return constant, made


def test_every_check_name_has_albanian() -> None:
    constant, made = _row_names()
    assert {"pdf", "signature", "custody", "signer", "document timestamp"} <= constant
    for name in constant:
        assert name in T.CHECK_NAMES, f"check {name!r} has no Albanian name"
        assert problems(name, T.check_name(name)) == []
    # Names made at run time: "item 3 (…)", and a variable set to one of the constants above.
    assert made <= {"item ", "?"}, made
    assert T.check_name("item 3 (screenshot.png)").sq == "prova 3 (screenshot.png)"


def test_control_an_unknown_check_name_is_caught() -> None:
    assert problems("x", T.check_name("a new row")) != []


def test_a_row_carries_one_bilingual_text() -> None:
    row = Check("pdf", Status.FAILED, T.NOT_A_PDF)
    assert (row.detail, row.detail_sq) == ("The file is not a PDF.", "Skedari nuk është PDF.")
    assert row.text("sq") == row.detail_sq and row.text("en") == row.detail
    assert row.to_json()["detail_sq"] == "Skedari nuk është PDF."


# --- reasons ----------------------------------------------------------------------------------

REASON_TABLES = {
    "cms.py": cms.REASONS,
    "tokens.py": (tokens.NOT_A_TIMESTAMP, *tokens.FRAGMENTS),
    "identity.py": identity.REASONS,
}


def _given_reasons(source: str) -> list[ast.expr]:
    """What a seal module gives as a reason: the argument of verdict(...), the second of
    SignerCheck/SignatureCheck(...), what it assigns to `why`, and what the functions that say
    why not (chain_problem, _not_a_tsa_certificate) return."""
    found: list[ast.expr] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "verdict" and node.args:
                found.append(node.args[0])
            elif name in ("SignerCheck", "SignatureCheck") and len(node.args) > 1:
                found.append(node.args[1])
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "why" for t in node.targets
        ):
            found.append(node.value)
        elif isinstance(node, ast.FunctionDef) and node.name in (
            "chain_problem",
            "_not_a_tsa_certificate",
        ):
            found += [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value]
    return found


def unlisted_reasons(source: str, table: tuple[Bi, ...], names: dict[str, object]) -> list[str]:
    """Reasons given that are not one of the module's bilingual reasons (`table`), or a
    template of one filled in: a bare English string, or a name not in the table."""
    wrong: list[tuple[int, str]] = []
    for given in _given_reasons(source):
        target = given
        if (
            isinstance(given, ast.Call)
            and isinstance(given.func, ast.Attribute)
            and given.func.attr == "format"
        ):
            target = given.func.value
        if isinstance(target, ast.Constant) and target.value is None:
            continue  # "nothing is wrong"
        if isinstance(target, ast.Name) and (
            target.id in ("NO_REASON", "why_not_tsa") or names.get(target.id) in table
        ):
            continue
        wrong.append((given.lineno, ast.unparse(given)))
    return [f"{line}: {text}" for line, text in sorted(wrong)]


def test_every_reason_of_the_seal_modules_is_made_bilingual() -> None:
    modules = {"cms.py": cms, "tokens.py": tokens, "identity.py": identity}
    for filename, table in REASON_TABLES.items():
        source = (SEAL / filename).read_text("utf-8")
        assert len(_given_reasons(source)) >= 4, filename  # the walk found them
        assert unlisted_reasons(source, table, vars(modules[filename])) == [], filename
        for text in table:
            assert problems(f"{filename}: {text.en}", text) == []


def test_control_a_reason_in_english_only_is_caught() -> None:
    source = (
        "def check(facts, why):\n"
        "    if why:\n"
        "        return facts.verdict('the token is haunted')\n"
        "    x = SignerCheck(False, f'its signature is odd ({why})')\n"
        "    y = SignerCheck(False, OTHER.format(why=why))\n"
        "    return facts.verdict(NO_TIME)\n"
    )
    names = {"NO_TIME": tokens.NO_TIME, "OTHER": Bi("other {why}", "tjetër {why}")}
    assert unlisted_reasons(source, (tokens.NO_TIME,), names) == [
        "3: 'the token is haunted'",
        "4: f'its signature is odd ({why})'",
        "5: OTHER.format(why=why)",
    ]


def test_the_reasons_arrive_bilingual() -> None:
    """A reason nested in another keeps both languages all the way to the verifier's row."""
    changed = identity.SIGNATURE_INVALID.format(why=cms.CONTENT_CHANGED)
    assert changed.en == "The signature is not valid: the signed content has been changed."
    assert changed.sq == "Nënshkrimi nuk është i vlefshëm: përmbajtja e nënshkruar është ndryshuar."
    untrusted = tokens.sentence(tokens.UNTRUSTED.format(why=cms.NO_ROOTS))
    assert untrusted.sq.startswith("Nënshkruesi i vulës kohore nuk është i besuar: nuk u dha")


def test_every_reason_of_bundle_json_is_bilingual_where_it_arises() -> None:
    for text in bundle_format.REASONS:
        assert problems(text.en, text) == []
        # and the English-only lookup says the same, from the same template
        sample = text.format(format="'x'", field="'items'", name="a.png")
        assert T.reason(sample.en) == sample


def test_the_english_lookup_knows_every_reason_as_made() -> None:
    for text in (*cms.REASONS, *identity.REASONS, tokens.NOT_A_TIMESTAMP, T.NOT_A_PDF):
        sample = text.format(name="sha1", error="bad", why=cms.CONTENT_CHANGED)
        assert T.reason(sample.en) == sample, text
    for fragment in tokens.FRAGMENTS:
        sample = tokens.sentence(fragment.format(name="sha1", why=cms.CONTENT_CHANGED))
        assert T.reason(sample.en) == sample, fragment


def test_control_an_unknown_reason_gets_plain_albanian() -> None:
    unknown = T.reason("The token is haunted.").sq
    assert T._UNKNOWN_REASON in unknown.lower() and _english_left(unknown) == []

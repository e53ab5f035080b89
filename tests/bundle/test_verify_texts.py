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
from evidencekit.seal import tokens
from evidencekit.verify import texts as T
from evidencekit.verify.checks import Check, Status
from tests.bundle.test_albanian import _english_left

ROOT = Path(__file__).resolve().parents[2]
VERIFY = ROOT / "evidencekit" / "verify"
SEAL = ROOT / "evidencekit" / "seal"
PLACEHOLDER = re.compile(r"\{\w+\}")
UNKNOWN = T._UNKNOWN_REASON  # what `reason` says for a sentence it does not know
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


def _template(node: ast.expr) -> str | None:
    """A string literal, or an f-string with each value as "{}"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _seal_reasons(filename: str) -> list[str]:
    """The reasons a seal module gives: what it passes as `why` (to verdict, SignerCheck,
    SignatureCheck), assigns to `why`, or returns from a function that says why not."""
    found = []
    for node in ast.walk(ast.parse((SEAL / filename).read_text("utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "verdict" and node.args:
                found.append(_template(node.args[0]))
            elif name in ("SignerCheck", "SignatureCheck") and len(node.args) > 1:
                found.append(_template(node.args[1]))
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "why" for t in node.targets
        ):
            found.append(_template(node.value))
        elif isinstance(node, ast.FunctionDef) and node.name in (
            "check_chain",
            "_not_a_tsa_certificate",
        ):
            found += [
                _template(r.value) for r in ast.walk(node) if isinstance(r, ast.Return) and r.value
            ]
    return [reason for reason in found if reason]  # "" means "no problem"


NESTED = "the signed content has been changed"  # a reason of seal.cms, for "…: {}"


def _sample(template: str) -> str:
    if template.endswith(": {}"):
        return template[:-2] + NESTED
    if template.endswith(": {}."):
        return template[:-3] + NESTED + "."
    return template.replace("{}", "sha1")


def said_in_albanian(english: str) -> list[str]:
    """What is wrong with the verifier's Albanian for a reason given in English."""
    albanian = T.reason(english).sq
    if UNKNOWN in albanian.lower():
        return [f"{english!r} has no Albanian"]
    left = _english_left(albanian.replace("sha1", ""))
    return [f"{english!r}: English left in {albanian!r}"] if left else []


def test_every_reason_of_the_seal_modules_has_albanian() -> None:
    token_reasons = [tokens._sentence(_sample(r)) for r in _seal_reasons("tokens.py")]
    signature_reasons = [_sample(r) for r in _seal_reasons("identity.py")]
    # seal.cms's reasons arrive inside the two sentences above, after a colon.
    cms = [_sample(r) for r in _seal_reasons("cms.py")]
    nested = [f"The signature is not valid: {r}." for r in cms]
    nested += [tokens._sentence(f"the token's signer is not trusted: {r}") for r in cms]
    assert len(token_reasons) > 8 and len(signature_reasons) > 3 and len(cms) > 8
    wrong = [p for r in token_reasons + signature_reasons + nested for p in said_in_albanian(r)]
    assert wrong == []


def test_every_reason_of_bundle_json_is_bilingual_where_it_arises() -> None:
    for text in bundle_format.REASONS:
        assert problems(text.en, text) == []
        # and the old English lookup says the same, from the same template
        sample = text.format(format="'x'", field="'items'", name="a.png")
        assert T.reason(sample.en) == sample


def test_control_an_unknown_reason_is_caught() -> None:
    assert said_in_albanian("The token is haunted.") != []
    assert said_in_albanian("The token is for a different file.") == []

"""Each content check can fail, and says why: bundle.json of a real bundle, altered one claim at
a time, checked against the real attachments. Plus the band-by-band PNG reader, exactly."""

from __future__ import annotations

import copy
import io
import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader

from evidencekit import bundle_format as bundle_json
from evidencekit.bundle.images import PngBands, probe, to_pdf_image
from evidencekit.verify import content as verify_content
from evidencekit.verify.checks import Status
from evidencekit.verify.pdfread import attachments, read_small
from evidencekit.verify.trust import Trust
from tests.support.bundles import Made

Edit = Callable[[dict[str, Any]], None]


def _check(case_bundle: Made, edit: Edit, which: str) -> verify_content.Check:
    with open(case_bundle.path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        found = attachments(reader)
        raw = json.loads(read_small(reader, found["bundle.json"].ref))
        edited = copy.deepcopy(raw)
        edit(edited)
        parsed = bundle_json.parse(json.dumps(edited).encode())
        assert case_bundle.tsa is not None
        trust = Trust.of([case_bundle.tsa.pki.root_cert])  # the loopback TSA's root, trusted
        ctx = verify_content._Context(reader, found, trust)
        anchored = verify_content.anchored_seq(parsed.custody_entries, parsed.anchor)
        ctx.identities = verify_content.vault_identities(parsed.custody_entries, anchored)
        verify_content._attachments(ctx, bundle_json.parse(json.dumps(raw).encode()))
        if which == "custody":
            for item in parsed.items:  # the custody check reads the manifests the items loaded
                verify_content._item(ctx, item)
            return verify_content._custody(ctx, parsed)[0]
        if which == "attachments":
            return verify_content._attachments(ctx, parsed)[0]
        return verify_content._item(ctx, parsed.items[int(which)])


def _set(path: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return edit


def _custody_entry(index: int, key: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        shown = [e for e in doc["custody"]["entries"] if not e.get("hidden")]
        shown[index][key] = value

    return edit


def test_unchanged_claims_pass(case_bundle: Made) -> None:
    assert _check(case_bundle, lambda d: None, "custody").status is Status.PASSED
    assert _check(case_bundle, lambda d: None, "attachments").status is Status.PASSED
    for n in range(4):
        assert _check(case_bundle, lambda d: None, str(n)).status is Status.PASSED


@pytest.mark.parametrize(
    ("edit", "which", "words"),
    [
        (_set("attachments.0.sha256", "0" * 64), "attachments", "does not match its SHA-256"),
        (_set("attachments.0.name", "renamed.bin"), "attachments", "renamed.bin is missing"),
        (_set("items.0.manifest_sha256", "1" * 64), "0", "does not match the item's seal digest"),
        (
            _set("items.1.artifacts.5.sha256", "2" * 64),
            "1",
            "is not the one sealed in its manifest",
        ),
        (_set("items.2.seal.signed_by", "3" * 64), "2", "signed by another certificate"),
        (
            _custody_entry(0, "details", {"identity": "6" * 64}),
            "1",
            "a certificate this vault never recorded",
        ),
        (_set("items.3.timestamps.0.artifact", "manifest.p7s"), "3", "is not valid"),
        (_custody_entry(2, "action", "delete"), "custody", "was changed after it was written"),
        (_custody_entry(3, "prev_hash", "4" * 64), "custody", "does not link"),
        (
            lambda d: d["custody"]["entries"].pop(1),
            "custody",
            "Custody entry 2 is missing",
        ),
        (_set("custody.anchor.hash", "5" * 64), "custody", "covers an entry that is not"),
        (_set("custody.anchor.attachment", "item01-x-timestamp.tsr"), "custody", "not attached"),
    ],
)
def test_each_altered_claim_fails_with_a_reason(
    case_bundle: Made, edit: Edit, which: str, words: str
) -> None:
    check = _check(case_bundle, edit, which)
    assert check.status is Status.FAILED, check
    assert words in check.detail, check.detail


def test_a_custody_log_without_a_trusted_timestamp_is_indeterminate(case_bundle: Made) -> None:
    check = _check(case_bundle, _set("custody.anchor", None), "custody")
    assert check.status is Status.INDETERMINATE and "no trusted timestamp" in check.detail


def _drop_tokens(doc: dict[str, Any]) -> None:
    item = doc["items"][0]
    item["timestamps"] = []
    item["artifacts"] = [a for a in item["artifacts"] if not a["name"].endswith(".tsr")]


def test_an_item_never_time_stamped_is_indeterminate(case_bundle: Made) -> None:
    check = _check(case_bundle, _drop_tokens, "0")
    assert check.status is Status.INDETERMINATE and "never time-stamped" in check.detail


def test_a_token_listed_under_an_item_is_checked_even_when_not_in_its_timestamps(
    case_bundle: Made,
) -> None:
    check = _check(case_bundle, _set("items.0.timestamps", []), "0")
    assert check.status is Status.PASSED and "time-stamped by" in check.detail


def test_an_identity_recorded_after_the_anchored_entry_is_indeterminate(
    case_bundle: Made,
) -> None:
    """The log names the signing certificate only in an entry after the one its trusted
    timestamp covers: nothing independent shows it is the vault's own."""
    with open(case_bundle.path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        found = attachments(reader)
        parsed = bundle_json.parse(read_small(reader, found["bundle.json"].ref))
        entries = copy.deepcopy(parsed.custody_entries)
        fingerprint = case_bundle.vault.identity().fingerprint_sha256
        created = next(e for e in entries if e["action"] == "create")
        created["details"]["identity"] = "6" * 64
        entries.append(
            {
                "seq": len(entries) + 1,
                "action": "identity-import",
                "object": "identity",
                "details": {"fingerprint": fingerprint},
            }
        )
        anchored = verify_content.anchored_seq(entries, parsed.anchor)
        assert anchored is not None and anchored < len(entries)
        identities = verify_content.vault_identities(entries, anchored)
        assert fingerprint in identities.later and fingerprint not in identities.covered
        ctx = verify_content._Context(reader, found, Trust.of([]))
        ctx.identities = identities
        identity = verify_content._identity(ctx, parsed, fingerprint)
        assert identity.status is Status.INDETERMINATE
        assert f"only after entry {anchored}" in identity.detail
        verify_content._attachments(ctx, parsed)
        item = verify_content._item(ctx, parsed.items[0])
        assert item.status is Status.INDETERMINATE and "only after entry" in item.detail
        # Without any trusted timestamp on the log, no identity is covered.
        bare = verify_content.vault_identities(entries, None)
        assert not bare.covered and "no trusted timestamp" in bare.doubt(fingerprint).en


def test_a_file_listed_under_an_item_but_not_sealed_fails(case_bundle: Made) -> None:
    def add_file(doc: dict[str, Any]) -> None:
        item = doc["items"][0]
        shot = next(a for a in item["artifacts"] if a["name"] == "screenshot.png")
        item["artifacts"].append({**shot, "name": "notes.txt"})

    check = _check(case_bundle, add_file, "0")
    assert check.status is Status.FAILED
    assert "its seal does not cover (notes.txt)" in check.detail


def _png(mode: str) -> bytes:
    base = Image.frombytes("RGB", (120, 90), os.urandom(120 * 90 * 3)).resize((700, 530))
    if mode == "P":
        image = base.convert("P", palette=Image.Palette.ADAPTIVE)
    else:
        image = base.convert(mode)
        if mode in ("RGBA", "LA"):
            image.putalpha(Image.linear_gradient("L").resize(image.size))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "LA", "P"])
def test_png_bands_are_the_exact_pixels(mode: str) -> None:
    data = _png(mode)
    info = probe(data[:64], len(data))
    assert info is not None and info.png_streamable and (info.width, info.height) == (700, 530)
    chunks = [data[i : i + 4096] for i in range(0, len(data), 4096)]
    ranges = [(0, 100), (100, 101), (250, 400), (400, 530)]  # rows 101-249 are skipped
    whole = Image.open(io.BytesIO(data))
    whole.load()
    for (start, end), band in zip(ranges, PngBands(chunks).bands(ranges), strict=True):
        assert band.tobytes() == whole.crop((0, start, 700, end)).tobytes()
    pdf_image = to_pdf_image(whole)
    assert pdf_image.exact and (pdf_image.alpha is not None) == (mode in ("RGBA", "LA"))


def test_a_png_shorter_than_it_claims_is_refused() -> None:
    from evidencekit.bundle.images import ImageUnreadable

    data = _png("RGB")
    cut = data[: len(data) // 2]
    with pytest.raises(ImageUnreadable):
        list(PngBands([cut]).bands([(0, 530)]))

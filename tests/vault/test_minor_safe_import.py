"""Minor-safe import and the case setting (issue 14 part 2), through the real command line into
a real vault: a picture imported with `--minor-safe` (or into a minor-safe case) leaves no run
of its bytes in the decrypted vault, and its hashes are in the item; a file that may hold
pictures is refused with nothing stored; a plain text file is kept; the setting is logged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.parse
from pathlib import Path

from evidencekit.config import Settings
from evidencekit.picture_hashes import hash_picture
from evidencekit.vault.store import Vault
from tests.capture.test_minor_safe import Needles, vault_dump
from tests.conftest import TEST_PASSPHRASE, Cli
from tests.support.minor_safe_site import Pictures


def out_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _picture(tmp_path: Path) -> tuple[Path, bytes]:
    data = Pictures().jpeg
    path = tmp_path / "photo.jpg"
    path.write_bytes(data)
    return path, data


def _check_hashes_only(vault: Vault, item_id: str, data: bytes) -> None:
    item = vault.item(item_id)
    assert sorted(a.name for a in item.artifacts) == [
        "manifest.json",
        "manifest.p7s",
        "picture-hashes.json",
    ]
    (entry,) = item.metadata["minor_safe"]["pictures"]
    hashes = hash_picture(data)
    assert entry["sha256"] == hashlib.sha256(data).hexdigest() == hashes.sha256
    assert entry["md5"] == hashes.md5
    assert (entry["pdq"], entry["width"], entry["height"]) == (
        hashes.pdq,
        hashes.width,
        hashes.height,
    )
    sealed = json.loads(vault.read_artifact(item_id, "picture-hashes.json"))
    assert sealed["pictures"][0]["sha256"] == hashes.sha256
    assert Needles({"photo": data}).found_in(vault_dump(vault)) == set()


def test_import_minor_safe_keeps_only_the_hashes(
    cli_vault: Cli, tmp_path: Path, vault_path: Path, settings: Settings
) -> None:
    path, data = _picture(tmp_path)
    result = cli_vault("import", "--minor-safe", "--json", str(path))
    assert result.code == 0, result.err
    (out,) = json.loads(result.out)
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        _check_hashes_only(vault, out["id"], data)
    said = cli_vault("import", "--minor-safe", str(path))
    assert said.code == 0, said.err
    assert f"kept as its hashes only, never the picture: image/jpeg, sha256 {out_sha(data)}" in (
        said.out
    )
    # Without the switch the same file is kept whole (so the search above can find it).
    result = cli_vault("import", "--json", str(path))
    assert result.code == 0, result.err
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert Needles({"photo": data}).found_in(vault_dump(vault)) == {"photo"}


def test_a_minor_safe_case_applies_to_every_import(
    cli_vault: Cli, tmp_path: Path, vault_path: Path, settings: Settings
) -> None:
    result = cli_vault("cases", "--minor-safe", "Dossier")
    assert result.code == 0, result.err
    assert "under 18" in result.out
    listed = json.loads(cli_vault("cases", "--json").out)
    assert listed == [
        {"name": "Dossier", "created_at": listed[0]["created_at"], "items": 0, "minor_safe": True}
    ]
    path, data = _picture(tmp_path)
    result = cli_vault("import", "--case", "Dossier", "--json", str(path))
    assert result.code == 0, result.err
    item_id = json.loads(result.out)[0]["id"]
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        _check_hashes_only(vault, item_id, data)
        assert vault.case_minor_safe("Dossier")
        changes = [e for e in vault.custody() if e.action == "case-minor-safe"]
        assert [e.details for e in changes] == [{"on": True}]
    # Renamed, the case keeps its setting; turned off, pictures are kept again.
    assert cli_vault("cases", "--no-minor-safe", "Dossier").code == 0
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert not vault.case_minor_safe("Dossier")
        assert [e.details for e in vault.custody() if e.action == "case-minor-safe"] == [
            {"on": True},
            {"on": False},
        ]


def test_the_setting_follows_a_renamed_case(vault: Vault) -> None:
    vault.set_case_minor_safe("Old name", True)
    vault.rename_case("Old name", "New name")
    assert vault.case_minor_safe("New name")
    assert not vault.case_minor_safe("Old name")
    assert [c.minor_safe for c in vault.cases()] == [True]


def test_files_that_may_hold_pictures_are_refused(
    cli_vault: Cli, tmp_path: Path, vault_path: Path, settings: Settings
) -> None:
    pdf = tmp_path / "chat.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n")
    hidden = tmp_path / "export.txt"
    hidden.write_bytes(b'{"photo": "' + base64.b64encode(Pictures().png) + b'"}\n')
    text = tmp_path / "messages.txt"
    text.write_text("he wrote: send me more\n", encoding="utf-8")
    for bad in (pdf, hidden):
        result = cli_vault("import", "--minor-safe", str(bad), str(text))
        assert result.code == 2, result.err
        assert "may hold pictures" in result.err and "Nothing was imported" in result.err
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert vault.items() == []
    result = cli_vault("import", "--minor-safe", "--json", str(text))
    assert result.code == 0, result.err
    (out,) = json.loads(result.out)
    assert "original/messages.txt" in [a["name"] for a in out["artifacts"]]


def test_a_repost_is_found_from_the_hashes_alone(vault: Vault, tmp_path: Path) -> None:
    from tests.conftest import closed_port_url

    """Two minor-safe imports of one picture, re-compressed the second time: the picture
    index matches them by PDQ although neither picture was ever stored."""
    import asyncio
    import io

    from PIL import Image

    from evidencekit.jobs.imports import import_files
    from evidencekit.jobs.reposts import reposts_of

    first = tmp_path / "first.jpg"
    first.write_bytes(
        (Path(__file__).parent.parent / "support" / "photos" / "cat.jpg").read_bytes()
    )
    again = io.BytesIO()
    with Image.open(first) as image:
        image.resize((image.width // 2, image.height // 2)).save(again, "JPEG", quality=70)
    second = tmp_path / "second.jpg"
    second.write_bytes(again.getvalue())
    done = asyncio.run(
        import_files(
            vault,
            [first, second],
            tsa_urls=[closed_port_url()],
            on_bad_file="refuse_all",
            minor_safe=True,
        )
    )
    one, two = (d.item.id for d in done if d.item is not None)
    (found,) = reposts_of(vault, two)
    assert found.other_item == one and not found.same_bytes
    assert found.distance <= 31
    for item_id in (one, two):
        assert [p.stored for p in vault.picture_hashes(item_id)] == [False]


def test_a_video_is_kept_as_its_hashes(vault: Vault, tmp_path: Path) -> None:
    from evidencekit.jobs.imports import import_file
    from tests.support.site import VIDEO_PATH

    data = VIDEO_PATH.read_bytes()
    video = tmp_path / "clip.webm"
    video.write_bytes(data)
    item = import_file(vault, video, minor_safe=True)
    (entry,) = item.metadata["minor_safe"]["pictures"]
    assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry["md5"] == hashlib.md5(data, usedforsecurity=False).hexdigest()
    assert entry["bytes"] == len(data) and entry["pdq"] is None
    assert entry["media_type"] == "video/webm"
    assert Needles({"video": data}).found_in(vault_dump(vault)) == set()


def test_a_text_file_cannot_carry_a_picture_past_the_checks(tmp_path: Path) -> None:
    """Only the start of a file is sniffed: a picture's raw bytes later in a 'text' file, a
    base64 picture straddling the read blocks' boundary, and a data: URL whose scheme is
    written in capitals are each refused; plain text (with ë and ç) is still taken."""
    from evidencekit.jobs.minor_safe_import import _CHUNK, kind_of

    jpeg = Pictures().jpeg
    late = tmp_path / "late.txt"
    late.write_bytes(b"a message\n" * 1000 + jpeg)  # the JPEG begins after the sniffed start
    encoded = base64.b64encode(Pictures().png)
    straddle = tmp_path / "straddle.txt"
    straddle.write_bytes(b"x" * (_CHUNK - len(encoded) // 2) + b" " + encoded + b"\n")
    capital = tmp_path / "capital.txt"
    percent = urllib.parse.quote_from_bytes(Pictures().png).encode()  # not base64: %89PNG…
    capital.write_bytes(b"see Data:image/png," + percent + b" here\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("ai më shkroi: më dërgo më shumë, përndryshe…\n" * 50_000, encoding="utf-8")
    assert [kind_of(p) for p in (late, straddle, capital)] == ["refused"] * 3
    assert kind_of(plain) == "text"

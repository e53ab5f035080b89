"""`evidencekit hashes`, and the repost lines of `import` and `show` (issue 14), through the
real command line on a real vault."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from PIL import Image

from evidencekit.config import Settings
from evidencekit.picture_hashes import hash_picture
from evidencekit.vault.store import Vault
from tests.conftest import TEST_PASSPHRASE, Cli

PHOTOS = Path(__file__).resolve().parent.parent / "support" / "photos"


def _smaller(tmp_path: Path, photo: str) -> Path:
    image = Image.open(PHOTOS / photo).convert("RGB")
    out = tmp_path / f"small-{photo}"
    image.resize((image.width // 2, image.height // 2), Image.LANCZOS).save(out, quality=60)
    return out


def test_import_says_which_item_already_holds_the_picture_and_show_repeats_it(
    cli_vault: Cli, tmp_path: Path
) -> None:
    first = cli_vault("import", str(PHOTOS / "coffee.jpg"), "--case", "Ana", "--json")
    assert first.code == 0, first.err
    (one,) = json.loads(first.out)
    assert one["reposts"] == []
    second = cli_vault("import", str(_smaller(tmp_path, "coffee.jpg")), "--case", "Ana")
    assert second.code == 0, second.err
    assert f"already appears in item {one['id']}" in second.out
    assert "imported" in second.out and "coffee.jpg" in second.out
    new_id = second.out.split(" as ")[1].split()[0]
    shown = cli_vault("show", new_id)
    assert shown.code == 0, shown.err
    assert f"This picture (original/small-coffee.jpg) already appears in item {one['id']}" in (
        shown.out
    )
    as_json = json.loads(cli_vault("show", new_id, "--json").out)
    (repost,) = as_json["reposts"]
    assert repost["other_item"] == one["id"] and repost["other_picture"] == "original/coffee.jpg"
    assert 0 < repost["pdq_distance"] <= 31 and repost["same_bytes"] is False
    other = cli_vault("import", str(PHOTOS / "rocket.jpg"), "--case", "Ana")
    assert "already appears" not in other.out  # a different photo: nothing said


def test_hashes_writes_the_case_list_as_csv(
    cli_vault: Cli, tmp_path: Path, vault_path: Path
) -> None:
    for photo in ("cat.jpg", "astronaut.jpg"):
        assert cli_vault("import", str(PHOTOS / photo), "--case", "Ana").code == 0
    assert cli_vault("import", str(PHOTOS / "rocket.jpg"), "--case", "Other").code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture", encoding="utf-8")
    assert cli_vault("import", str(notes), "--case", "Ana").code == 0
    out = tmp_path / "ana-hashes.csv"
    done = cli_vault("hashes", "--case", "Ana", "-o", str(out))
    assert done.code == 0, done.err
    assert "2 picture(s) of 3 item(s)" in done.out
    data = out.read_bytes()
    assert (out.stat().st_mode & 0o777) == 0o600
    assert not list(tmp_path.glob("*.part"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [r["picture"] for r in rows] == ["original/cat.jpg", "original/astronaut.jpg"]
    for row, photo in zip(rows, ("cat.jpg", "astronaut.jpg"), strict=True):
        expected = hash_picture((PHOTOS / photo).read_bytes())
        assert (
            row["sha256"]
            == expected.sha256
            == hashlib.sha256((PHOTOS / photo).read_bytes()).hexdigest()
        )
        assert (row["md5"], row["pdq"], row["pdq_quality"]) == (
            expected.md5, expected.pdq, str(expected.pdq_quality)
        )  # fmt: skip
        assert row["size_bytes"] == str((PHOTOS / photo).stat().st_size)
        assert (row["width"], row["height"]) == (str(expected.width), str(expected.height))
        assert row["picture_kept"] == "yes" and len(row["item"]) == 12
    assert data.startswith(b"sha256,md5,pdq,pdq_quality,item,picture,size_bytes,")
    assert data.count(b"\r\n") == 3
    printed = cli_vault("hashes", "--case", "Ana")  # no -o: the same list on stdout
    assert printed.code == 0 and printed.out.encode("utf-8").replace(b"\n", b"\r\n") == data
    log = json.loads(cli_vault("log", "--json").out)
    entries = [e for e in log if e["action"] == "export-hashes"]
    assert len(entries) == 2 and entries[0]["object"] == "case:Ana"
    assert entries[0]["details"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert entries[0]["details"]["pictures"] == 2


def test_hashes_usage_and_missing_case(cli_vault: Cli, tmp_path: Path) -> None:
    assert cli_vault("hashes").code == 2
    missing = cli_vault("hashes", "--case", "Nobody", "-o", str(tmp_path / "x.csv"))
    assert missing.code == 2 and "no case" in missing.err.lower()
    assert not (tmp_path / "x.csv").exists()
    assert "Traceback" not in missing.err


def test_older_items_are_hashed_by_index_and_before_a_list(
    cli_vault: Cli, vault_path: Path, settings: Settings, tmp_path: Path
) -> None:
    assert cli_vault("import", str(PHOTOS / "cat.jpg"), "--case", "Ana").code == 0
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        # As a vault migrated from version 4 would be: the item stored, its pictures not hashed.
        vault.conn.execute("DELETE FROM picture_hashes")
        vault.conn.execute("DELETE FROM picture_hashes_done")
    again = cli_vault("import", str(_smaller(tmp_path, "cat.jpg")), "--case", "Ana")
    assert "already appears" not in again.out
    assert "1 older item(s) have pictures not hashed yet" in again.out
    assert "evidencekit hashes --index" in again.out
    indexed = cli_vault("hashes", "--index", "--json")
    assert indexed.code == 0, indexed.err
    assert json.loads(indexed.out) == {"items_hashed": 1}
    new_id = again.out.split(" as ")[1].split()[0]
    assert "already appears in item" in cli_vault("show", new_id).out
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        vault.conn.execute("DELETE FROM picture_hashes")
        vault.conn.execute("DELETE FROM picture_hashes_done")
    listed = cli_vault("hashes", "--case", "Ana")  # hashes what it lists first
    assert listed.code == 0 and listed.out.count("original/") == 2


def test_hash_list_on_a_vault_that_cannot_be_changed_and_names_never_formulas(
    cli_vault: Cli, vault_path: Path, settings: Settings
) -> None:
    from evidencekit.jobs.hash_list import case_hash_list
    from evidencekit.vault.picture_index import PictureRecord

    assert cli_vault("import", str(PHOTOS / "rocket.jpg"), "--case", "Ana").code == 0
    assert cli_vault("import", str(PHOTOS / "cat.jpg"), "--case", "Ana").code == 0
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=True) as vault:
        rocket, cat = (i.id for i in vault.items("Ana"))
        vault.conn.execute("DELETE FROM picture_hashes_done")  # as a migrated vault
        vault.conn.execute("DELETE FROM picture_hashes")
        hostile = PictureRecord(
            '=HYPERLINK("x")', 1, "ab" * 32, "cd" * 16, None, None, None, None, False
        )
        vault.set_picture_hashes(cat, [hostile])  # a minor-safe name anyone may have chosen
    with Vault.open(vault_path, TEST_PASSPHRASE, settings, write=False) as reader:
        listed = case_hash_list(reader, "Ana")  # read-only: made for the list, not kept
        assert reader.picture_hashes(rocket) == []
    rows = list(csv.DictReader(io.StringIO(listed.csv.decode("utf-8"))))
    assert [r["picture"] for r in rows] == ["original/rocket.jpg", '\'=HYPERLINK("x")']
    assert rows[0]["sha256"] == hash_picture((PHOTOS / "rocket.jpg").read_bytes()).sha256
    assert rows[1]["picture_kept"] == "no" and rows[1]["pdq"] == ""

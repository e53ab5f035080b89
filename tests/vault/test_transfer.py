"""Clinic hand-over (issue 14 part 4) on real SQLCipher files and the loopback TSA: one case
into a new vault of hers, checked item by item, then out of the clinic's; her vault verifies,
her bundle verifies VALID; anything failing half-way leaves the case in the clinic's vault."""

from __future__ import annotations

import asyncio
import errno
import json
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.config import Settings
from evidencekit.errors import CaseNotFound, DiskFull, WeakPassphrase
from evidencekit.jobs.reposts import hash_item
from evidencekit.jobs.seal import timestamp_pending
from evidencekit.vault import copying, items, transfer
from evidencekit.vault.backup import backup_vault
from evidencekit.vault.copying import CopyNotVerified, TargetExists
from evidencekit.vault.store import Vault
from evidencekit.vault.transfer import EmptyCase, hand_over_case
from evidencekit.vault.verify import verify_vault
from evidencekit.verify import verify_bundle
from tests.conftest import Cli
from tests.support.bundles import add_import, add_web_item, import_file
from tests.support.tsa import TsaServer
from tests.vault.test_backup import small_tmpfs

HERS = "her passphrase on her stick"
SECRET_CASE = "Rasti i Drites"  # another client's case: its name must never reach her vault


@pytest.fixture
def clinic(vault: Vault, tmp_path: Path, tsa: TsaServer) -> Vault:
    """A support worker's vault: her case (two captures and an import, time-stamped, noted,
    tagged) and another client's case."""
    add_web_item(vault, 1, case="Hers", media=True)
    add_web_item(vault, 2, case=SECRET_CASE)
    add_web_item(vault, 3, case="Hers")
    add_import(vault, tmp_path, case="Hers")
    asyncio.run(timestamp_pending(vault, [tsa.url]))
    first = vault.items("Hers")[0].id
    vault.add_note(first, "Ajo e pa postimin më 1 maj")
    vault.set_tags(first, ["kërcënim"])
    for item in vault.items():
        hash_item(vault, item.id)  # the picture index (schema v5): real PDQ hashes per item
    return vault


def _facts(vault: Vault, uids: list[str]) -> dict[str, object]:
    return {u: copying.item_facts(vault.conn, u) for u in uids}


def test_a_case_moves_whole_and_her_bundle_verifies(
    clinic: Vault, tmp_path: Path, settings: Settings, tsa: TsaServer
) -> None:
    uids = sorted(i.id for i in clinic.items("Hers"))
    before = _facts(clinic, uids)
    other = [i.id for i in clinic.items(SECRET_CASE)]
    clinic_id = clinic.meta("vault_id")
    clinic_key = clinic.identity().fingerprint_sha256
    usb = tmp_path / "usb"
    usb.mkdir()

    backup_vault(clinic, tmp_path / "clinic-backup-Drita.ekv", "the clinic's backup passphrase")
    result = hand_over_case(clinic, "Hers", usb / "hers.ekv", HERS)

    # The clinic: the case is gone, the other client's evidence is not, the log says where.
    assert sorted(result.items) == uids and result.compacted
    assert [c.name for c in clinic.cases()] == [SECRET_CASE]
    assert [i.id for i in clinic.items()] == other
    out = clinic.custody(None)[-1]
    assert out.action == "transfer-out" and out.object == "case:Hers"
    assert out.details["to_vault"] == result.vault_id and sorted(out.details["items"]) == uids
    kept = {a.sha256 for i in clinic.items() for a in i.artifacts}
    gone = {a["sha256"] for u in uids for a in before[u]["artifacts"]} - kept  # type: ignore[index]
    assert gone and all(clinic.blob_size(sha) is None for sha in gone)
    assert clinic.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # VACUUM ran
    assert verify_vault(clinic).ok

    # Her vault: the same items to the byte, seals and tokens, verify-vault passes.
    with Vault.open(usb / "hers.ekv", HERS, settings, write=True) as her:
        assert verify_vault(her).ok
        assert _facts(her, uids) == before
        assert [c.name for c in her.cases()] == ["Hers"]
        log = her.custody(None)
        inbound = next(e for e in log if e.action == "transfer-in")
        assert inbound.hash == out.details["transfer_in_entry"]
        assert (
            inbound.details["from_vault"] == clinic_id and sorted(inbound.details["items"]) == uids
        )
        assert her.meta("vault_id") == result.vault_id != clinic_id
        assert her.identity().fingerprint_sha256 == result.identity != clinic_key
        handed = log[-1]
        assert handed.action == "identity-import" and handed.details["replaces"] == clinic_key
        # Nothing of the other client: her log names neither the case nor its items.
        text = json.dumps([e.to_json() for e in log], ensure_ascii=False)
        assert SECRET_CASE not in text and not any(o in text for o in other)
        assert "Drita" not in text  # nor the clinic's own housekeeping (its backups)
        assert any(e.action == "withheld" for e in log)
        # Her transfer-in names, under its own hash, exactly the rows it withheld.
        assert inbound.details["withheld"] == [e.seq for e in log if e.action == "withheld"]
        chain = next(c for c in verify_vault(her).checks if c.name == "custody log")
        assert f"({len(inbound.details['withheld'])} withheld by a hand-over" in chain.detail
        assert her.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
        # The clinic's private key never travels: her vault holds her own key alone.
        assert her.conn.execute("SELECT fingerprint FROM identities").fetchall() == [
            (result.identity,)
        ]

        bundle = tmp_path / "hers.pdf"
        export_bundle(her, uids, bundle, tsa_urls=[tsa.url], case="Hers")
        signer = her.identity().fingerprint_sha256
    report = verify_bundle(bundle, trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[signer])
    assert report.verdict == "valid", report.summary()
    assert SECRET_CASE.encode() not in bundle.read_bytes()

    # The clinic's other client's bundle still verifies after the case left.
    theirs = tmp_path / "theirs.pdf"
    export_bundle(clinic, other, theirs, tsa_urls=[tsa.url], case=SECRET_CASE)
    report = verify_bundle(
        theirs, trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[clinic_key]
    )
    assert report.verdict == "valid", report.summary()


def test_every_item_linked_table_is_copied(
    clinic: Vault, tmp_path: Path, settings: Settings
) -> None:
    tables = copying.item_tables(clinic.conn)
    assert {"artifacts", "notes", "tags", "seals", "timestamps", "picture_hashes"} <= {
        t for t, _ in tables
    }
    uids = [i.id for i in clinic.items("Hers")]
    counts = {(t, u): len(copying.item_facts(clinic.conn, u)[t]) for t, _ in tables for u in uids}
    assert counts[("notes", uids[0])] == 1 and counts[("tags", uids[0])] == 1
    assert sum(counts[("picture_hashes", u)] for u in uids) >= 2  # the photo, the import
    hand_over_case(clinic, "Hers", tmp_path / "hers.ekv", HERS)
    with Vault.open(tmp_path / "hers.ekv", HERS, settings, write=False) as her:
        for (table, uid), count in counts.items():
            assert len(copying.item_facts(her.conn, uid)[table]) == count, table


def test_a_copy_that_is_not_the_same_is_removed_and_the_case_stays(
    clinic: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    uids = sorted(i.id for i in clinic.items("Hers"))
    before = _facts(clinic, uids)
    entries = len(clinic.custody(None))
    real = transfer._copy_item

    def a_note_goes_missing(src: object, dst: object, uid: str, case_id: int) -> None:
        real(src, dst, uid, case_id)
        dst.execute("DELETE FROM notes")  # type: ignore[attr-defined]

    monkeypatch.setattr(transfer, "_copy_item", a_note_goes_missing)
    with pytest.raises(CopyNotVerified) as raised:
        hand_over_case(clinic, "Hers", tmp_path / "hers.ekv", HERS)
    assert "Nothing was removed from this vault" in str(raised.value)
    assert not (tmp_path / "hers.ekv").exists()
    assert not list(tmp_path.glob(".hers.ekv*"))
    assert _facts(clinic, uids) == before and len(clinic.custody(None)) == entries


def test_an_interrupted_hand_over_leaves_the_case_in_the_clinic(
    clinic: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uids = sorted(i.id for i in clinic.items("Hers"))
    before = _facts(clinic, uids)

    def stopped(*_: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C, or the laptop lid, while her copy is checked

    monkeypatch.setattr(transfer, "check_transfer", stopped)
    with pytest.raises(KeyboardInterrupt):
        hand_over_case(clinic, "Hers", tmp_path / "hers.ekv", HERS)
    assert not (tmp_path / "hers.ekv").exists() and not list(tmp_path.glob(".hers.ekv*"))
    assert _facts(clinic, uids) == before


def test_a_removal_failing_half_way_removes_nothing(
    clinic: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uids = sorted(i.id for i in clinic.items("Hers"))
    before = _facts(clinic, uids)
    entries = len(clinic.custody(None))
    real = items.delete
    calls: list[str] = []

    def fails_on_the_second(conn: object, uid: str) -> int:
        calls.append(uid)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")  # between two items
        return real(conn, uid)

    monkeypatch.setattr(items, "delete", fails_on_the_second)
    with pytest.raises(DiskFull):
        hand_over_case(clinic, "Hers", tmp_path / "hers.ekv", HERS)
    assert len(calls) == 2
    assert _facts(clinic, uids) == before  # the first item's removal was rolled back too
    assert len(clinic.custody(None)) == entries  # and no "transfer-out" claimed
    assert (tmp_path / "hers.ekv").exists()  # her checked copy is kept: she has it too


def test_refusals_change_nothing(clinic: Vault, tmp_path: Path) -> None:
    entries = len(clinic.custody(None))
    with pytest.raises(CaseNotFound):
        hand_over_case(clinic, "No such case", tmp_path / "a.ekv", HERS)
    clinic.create_case("Empty")
    entries += 1
    with pytest.raises(EmptyCase):
        hand_over_case(clinic, "Empty", tmp_path / "a.ekv", HERS)
    with pytest.raises(WeakPassphrase):
        hand_over_case(clinic, "Hers", tmp_path / "a.ekv", "short")
    (tmp_path / "taken.ekv").write_bytes(b"someone's file")
    with pytest.raises(TargetExists):
        hand_over_case(clinic, "Hers", tmp_path / "taken.ekv", HERS)
    assert (tmp_path / "taken.ekv").read_bytes() == b"someone's file"
    assert len(clinic.custody(None)) == entries and len(clinic.items("Hers")) == 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_handover(cli_vault: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("kërcënim")
    assert cli_vault("import", str(tmp_path / "a.txt"), "--case", "Hers").code == 0
    target = tmp_path / "hers.ekv"
    wrong = cli_vault("handover", "--case", "Hers", "-o", str(target), passphrase="wrong one!!")
    assert wrong.code == 3 and not target.exists()
    no_hers = cli_vault("handover", "--case", "Hers", "-o", str(target))
    assert no_hers.code == 2 and "her vault" in no_hers.err
    done = cli_vault(
        "handover", "--case", "Hers", "-o", str(target), "--json",
        extra_env={"EVIDENCEKIT_NEW_PASSPHRASE": HERS},
    )  # fmt: skip
    assert done.code == 0, done.err
    assert json.loads(done.out)["case"] == "Hers"
    assert "a.txt" not in cli_vault("list").out
    checked = cli_vault("--vault", str(target), "verify-vault", passphrase=HERS)
    assert checked.code == 0, checked.out + checked.err
    assert "a.txt" in cli_vault("--vault", str(target), "list", passphrase=HERS).out


def test_a_withheld_entry_is_accepted_only_before_a_transfer_in(vault: Vault) -> None:
    """Control for the custody rule: a row of hashes alone in a vault's own log (no
    hand-over before it) is a break, not a pass."""
    from evidencekit.vault import custody

    seq, head = vault.custody_head()
    vault.conn.execute("DROP TRIGGER custody_no_update")  # a forger with the key rebuilds
    vault.conn.execute(
        "INSERT INTO custody (seq, at, operator, action, object, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        custody.withheld_row(seq + 1, head, "0" * 64),
    )
    _count, problem = custody.verify_chain(vault.conn)
    assert problem is not None and f"entry {seq + 1}" in problem
    report = verify_vault(vault)
    assert not report.ok


def _blank_into_withheld(vault: Vault, seq: int) -> None:
    """What a forger with the passphrase does: the row of entry `seq` replaced by hashes alone."""
    from evidencekit.vault import custody

    entry = next(e for e in vault.custody(None) if e.seq == seq)
    vault.conn.execute("DROP TRIGGER custody_no_update")
    vault.conn.execute("DROP TRIGGER custody_no_delete")
    vault.conn.execute("DELETE FROM custody WHERE seq = ?", (seq,))
    vault.conn.execute(
        "INSERT INTO custody (seq, at, operator, action, object, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        custody.withheld_row(entry.seq, entry.prev_hash, entry.hash),
    )


@pytest.mark.parametrize("names_it", [False, True])
def test_a_fake_transfer_in_cannot_hide_a_delete(
    vault: Vault, tmp_path: Path, names_it: bool
) -> None:
    """The attack review found: append a transfer-in, then blank an earlier `delete` entry
    into a withheld row (same seq, prev, hash). The chain must say broken at that entry,
    whether the fake transfer-in lists nothing or lists the seq with its hash not matching."""
    from evidencekit.vault import custody

    add_import(vault, tmp_path, case="Hers")
    vault.delete_item(vault.items("Hers")[0].id, "a forger's delete")
    deleted = next(e.seq for e in vault.custody(None) if e.action == "delete")
    with vault.transaction() as conn:
        fake = custody.append(conn, "forger", "transfer-in", "vault", {"from_vault": "x"})
    if names_it:  # the forger edits the list in later: the transfer-in's own hash then fails
        vault.conn.execute("DROP TRIGGER custody_no_update")
        vault.conn.execute(
            "UPDATE custody SET details = ? WHERE seq = ?",
            (json.dumps({"from_vault": "x", "withheld": [deleted]}), fake.seq),
        )
        vault.conn.execute(
            "CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody "
            "BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
    _blank_into_withheld(vault, deleted)
    _count, problem = custody.verify_chain(vault.conn)
    assert problem is not None and f"entry {deleted}" in problem, problem
    assert not verify_vault(vault).ok


def test_a_hand_over_killed_at_any_moment_never_loses_the_case(
    cli_vault: Cli, tmp_path: Path, settings: Settings
) -> None:
    """kill -9 of the real command at growing moments: the case is always somewhere whole,
    in the clinic's vault (no transfer-out) or, once it is gone from there, in hers."""
    import signal
    import time

    from tests.conftest import TEST_PASSPHRASE

    video = tmp_path / "video.bin"
    video.write_bytes(secrets.token_bytes(24 * 1024 * 1024))  # slow enough to be caught
    assert cli_vault("import", str(video), "--case", "Hers").code == 0
    clinic_path = Path(cli_vault.env["EVIDENCEKIT_VAULT"])
    env = {**cli_vault.env, "EVIDENCEKIT_NEW_PASSPHRASE": HERS}
    outcomes = set()
    for attempt in range(12):
        target = tmp_path / f"hers-{attempt}.ekv"
        proc = subprocess.Popen(
            [sys.executable, "-m", "evidencekit", "handover", "--case", "Hers", "-o", str(target)],
            env={**env, "EVIDENCEKIT_PASSPHRASE": TEST_PASSPHRASE},
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.4 + 0.25 * attempt)
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with Vault.open(clinic_path, TEST_PASSPHRASE, settings, write=True) as clinic:
            still_here = "Hers" in [c.name for c in clinic.cases()]
            logged_out = any(e.action == "transfer-out" for e in clinic.custody(None))
            assert verify_vault(clinic).ok
        if still_here:
            assert not logged_out
            outcomes.add("kept")
            if target.exists():  # published, checked, then killed before the removal
                with Vault.open(target, HERS, settings, write=False) as her:
                    assert verify_vault(her).ok
            continue
        assert logged_out and target.exists()
        with Vault.open(target, HERS, settings, write=False) as her:
            assert verify_vault(her).ok and len(her.items()) == 1
        outcomes.add("moved")
        break
    assert "kept" in outcomes  # at least one kill really landed mid-way


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path) as mount:
        yield mount


def test_a_hand_over_onto_a_full_stick_removes_nothing(
    clinic: Vault, tmp_path: Path, stick: Path
) -> None:
    video = tmp_path / "video.bin"
    video.write_bytes(secrets.token_bytes(3 * 1024 * 1024))  # her copy cannot fit on 2 MB
    import_file(clinic, video, case="Hers")
    uids = sorted(i.id for i in clinic.items("Hers"))
    before = _facts(clinic, uids)
    with pytest.raises(DiskFull):
        hand_over_case(clinic, "Hers", stick / "hers.ekv", HERS)
    assert list(stick.iterdir()) == []
    assert _facts(clinic, uids) == before and verify_vault(clinic).ok


def test_a_case_handed_on_again_still_verifies(
    clinic: Vault, tmp_path: Path, settings: Settings, tsa: TsaServer
) -> None:
    """Clinic -> her vault -> a second vault of hers: each hand-over's withheld entries sit
    before its own transfer-in; the last vault and its bundle still verify."""
    hand_over_case(clinic, "Hers", tmp_path / "hers.ekv", HERS)
    with Vault.open(tmp_path / "hers.ekv", HERS, settings, write=True) as her:
        add_web_item(her, 5, case="Hers")  # sealed by her own key now
        add_web_item(her, 6, case="Her private notes")  # stays behind, withheld
        asyncio.run(timestamp_pending(her, [tsa.url]))
        uids = sorted(i.id for i in her.items("Hers"))
        second = hand_over_case(her, "Hers", tmp_path / "second.ekv", "a second long passphrase")
    with Vault.open(tmp_path / "second.ekv", "a second long passphrase", settings, write=True) as v:
        assert verify_vault(v).ok, verify_vault(v).to_json()
        assert sorted(i.id for i in v.items()) == uids == sorted(second.items)
        log = v.custody(None)
        assert [e.action for e in log].count("transfer-in") == 2
        assert "Her private notes" not in json.dumps([e.to_json() for e in log], ensure_ascii=False)
        export_bundle(v, uids, tmp_path / "second.pdf", tsa_urls=[tsa.url], case="Hers")
        signer = v.identity().fingerprint_sha256
    report = verify_bundle(
        tmp_path / "second.pdf", trusted_certs=[tsa.pki.root_cert], trusted_fingerprints=[signer]
    )
    assert report.verdict == "valid", report.summary()

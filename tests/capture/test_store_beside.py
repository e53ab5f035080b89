"""Issue 15: a capture's timestamp request overlaps its store, and its pictures are hashed from
memory beside it (jobs/capture_store.py); token and hashes are recorded only after the item's
transaction committed, and dropped when the store fails.

Real Chromium, the fixture site, a real vault (on a real full tmpfs for the failing store) and
the loopback TSA. Orders, never durations: the order test holds the item's transaction open
until the TSA has been asked (bounded), so it fails where the request waits for the commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evidencekit.capture import CaptureSettings
from evidencekit.errors import DiskFull
from evidencekit.jobs import reposts
from evidencekit.jobs.capture import capture_into_vault
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject
from evidencekit.vault.verify import verify_vault
from tests.conftest import TEST_PASSPHRASE
from tests.support.tmpfs import small_tmpfs

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _requests_at_commit(vault: Vault, tsa: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Patch the vault so that the item's transaction (add_item's: the one given `needed`)
    waits, before it commits, until the TSA has had a request (at most 20 s); returns the list
    of how many requests it had seen at each such commit."""
    real = vault.transaction
    seen: list[int] = []

    @contextlib.contextmanager
    def watched(*, needed: int | None = None) -> Iterator[Any]:
        with real(needed=needed) as conn:
            yield conn
            if needed is not None:  # the item's rows and custody entry are in; not committed
                deadline = time.monotonic() + 20
                while tsa.requests == 0 and time.monotonic() < deadline:
                    time.sleep(0.01)
                seen.append(tsa.requests)

    monkeypatch.setattr(vault, "transaction", watched)
    return seen


def test_the_tsa_is_asked_before_the_item_commits_and_recorded_after(
    vault, site, tsa, loop, browser_available, monkeypatch
) -> None:
    seen = _requests_at_commit(vault, tsa, monkeypatch)
    [stored] = loop.run(
        capture_into_vault(vault, [site.url("/marker/overlap-1")], CaptureSettings(),
                           tsa_urls=[tsa.url])
    )  # fmt: skip
    assert stored.ok, stored.error
    item = stored.item
    assert item is not None and item.timestamp_status == "granted"
    assert seen == [1]  # the request reached the TSA while the item's transaction was open
    assert tsa.request_for(bytes.fromhex(item.manifest_sha256)) is not None  # over its manifest
    actions = [e.action for e in vault.custody([item.id])]
    assert actions.index("capture") < actions.index("timestamp")  # recorded after the commit
    assert "timestamp.tsr" in {a.name for a in item.artifacts}
    assert verify_vault(vault).ok


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path, "8m") as mount:
        yield mount


def _fill(disk: Path, leave: int) -> None:
    left = max(0, _free(disk) - leave)
    with open(disk / "filler", "wb") as handle, contextlib.suppress(OSError):
        while left > 0:
            left -= handle.write(bytes(min(left, 1 << 20)))


def _free(disk: Path) -> int:
    import shutil

    return shutil.disk_usage(disk).free


class _WaitsForTheTsa:
    """The item's connection, unchanged but for one thing: its first blob waits (at most 20 s)
    until the TSA has had a request, so the real fault below comes after the request left."""

    def __init__(self, conn: Any, tsa: Any) -> None:
        self._conn, self._tsa, self._waited = conn, tsa, False

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith("INSERT INTO blobs") and not self._waited:
            self._waited = True
            deadline = time.monotonic() + 20
            while self._tsa.requests == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _blobs_after_the_request(vault: Vault, tsa: Any) -> None:
    real = vault.transaction

    @contextlib.contextmanager
    def ordered(*, needed: int | None = None) -> Iterator[Any]:
        with real(needed=needed) as conn:
            yield _WaitsForTheTsa(conn, tsa) if needed is not None else conn

    vault.transaction = ordered  # type: ignore[method-assign]


def test_a_store_that_fails_after_the_manifest_was_handed_out_records_no_token(
    small_disk: Path, settings, site, tsa, loop, browser_available
) -> None:
    """The disk is full when the blobs are written: the TSA was already asked (it never
    answers here), the request is cancelled, nothing is stored or recorded, the error is
    DiskFull (the store's, as before)."""
    tsa.mode = "hang"
    path = small_disk / "case.ekv"

    async def capture(vault: Vault) -> tuple[Any, set[asyncio.Task[Any]]]:
        before = asyncio.all_tasks()
        [result] = await capture_into_vault(
            vault, [site.url("/lazy.html")], CaptureSettings(), tsa_urls=[tsa.url]
        )
        for _ in range(300):  # what the job started and left running (bounded: 3 s)
            left = asyncio.all_tasks() - before - {asyncio.current_task()}
            if not left:
                break
            await asyncio.sleep(0.01)
        return result, left

    with Vault.create(path, TEST_PASSPHRASE, settings) as vault:
        vault.identity()  # made now, while there is room
        _blobs_after_the_request(vault, tsa)
        _fill(small_disk, leave=150_000)
        result, left = loop.run(capture(vault))
        assert not result.ok and isinstance(result.error, DiskFull), result.error
        assert tsa.requests == 1  # asked once the manifest was signed, before the blobs failed
        assert left == set(), left  # the request was cancelled, not left hanging
        assert vault.items() == []
        actions = [e.action for e in vault.custody()]
        assert not {"capture", "timestamp", "timestamp-pending", "anchor"} & set(actions)
        assert vault.subjects_without_timestamp() == []
        (small_disk / "filler").unlink()
    with Vault.open(path, TEST_PASSPHRASE, settings, write=False) as vault:
        assert verify_vault(vault).ok and vault.items() == []


def test_hashes_from_memory_are_those_of_the_stored_pictures(
    vault, site, tsa, loop, browser_available, monkeypatch
) -> None:
    read_back: list[str] = []
    real_iter = vault.iter_artifact

    def iter_artifact(item_id: str, name: str) -> Iterator[bytes]:
        read_back.append(name)
        return real_iter(item_id, name)

    monkeypatch.setattr(vault, "iter_artifact", iter_artifact)
    done = loop.run(
        capture_into_vault(vault, [site.url("/lazy.html"), site.url("/video.html")],
                           CaptureSettings(), tsa_urls=[tsa.url], concurrency=2)
    )  # fmt: skip
    assert all(r.ok for r in done), [r.error for r in done]
    # Hashed from the bytes in memory: no picture or video was read back from the vault.
    assert not [n for n in read_back if n.startswith(reposts.VIDEO_FOLDERS)], read_back
    monkeypatch.undo()
    kinds = set()
    for result in done:
        assert result.item is not None
        item = vault.item(result.item.id)
        assert item.id not in vault.items_to_hash()
        kept = sorted(vault.picture_hashes(item.id), key=lambda p: p.name)
        again = sorted(reposts.picture_records(vault, item), key=lambda p: p.name)  # stored
        assert kept == again and kept
        kinds |= {a.media_type.split("/")[0] for a in item.artifacts if reposts.is_picture(a)
                  or reposts.is_video(a)}  # fmt: skip
    assert {"image", "video"} <= kinds  # pictures and a video's sampled frames compared


def test_a_hashing_failure_stores_the_item_and_leaves_it_for_the_later_pass(
    vault, site, tsa, loop, browser_available, monkeypatch
) -> None:
    def broken(data: bytes) -> Any:
        raise RuntimeError("a decoder's surprise")

    monkeypatch.setattr(reposts, "hash_picture", broken)
    [stored] = loop.run(
        capture_into_vault(vault, [site.url("/lazy.html")], CaptureSettings(), tsa_urls=[tsa.url])
    )
    assert stored.ok, stored.error
    item = stored.item
    assert item is not None and item.timestamp_status == "granted"
    assert any(reposts.is_picture(a) for a in item.artifacts)
    assert vault.items_to_hash() == [item.id]  # unhashed, for hash_older_items
    assert vault.picture_hashes(item.id) == []
    assert verify_vault(vault).ok
    monkeypatch.undo()
    assert reposts.hash_older_items(vault) == 1
    assert vault.picture_hashes(item.id) and vault.items_to_hash() == []


def test_a_batch_at_concurrency_3_keeps_every_manifest_on_its_own_custody_head(
    vault, site, tsa, loop, browser_available
) -> None:
    urls = [site.url(p) for p in ("/lazy.html", "/marker/beside-1", "/marker/beside-2",
                                  "/marker/beside-3", "/r/start")]  # fmt: skip
    done = loop.run(
        capture_into_vault(vault, urls, CaptureSettings(), tsa_urls=[tsa.url], concurrency=3)
    )
    assert all(r.ok for r in done), [r.error for r in done]
    entries = {e.hash: e for e in vault.custody()}
    for result in done:
        assert result.item is not None
        item = vault.item(result.item.id)
        assert item.timestamp_status == "granted"
        manifest = json.loads(vault.read_artifact(item.id, "manifest.json"))
        [capture] = [e for e in vault.custody([item.id]) if e.action == "capture"]
        # The head the manifest names is the entry the item's own custody entry follows.
        assert manifest["custody_head"] == capture.prev_hash
        assert capture.prev_hash in entries
        assert tsa.request_for(bytes.fromhex(item.manifest_sha256)) is not None
        stamped = [e for e in vault.custody([item.id]) if e.action == "timestamp"]
        assert stamped and stamped[0].seq > capture.seq
        assert stamped[0].object == item_subject(item.id)
    report = verify_vault(vault)
    assert report.ok, report


def test_files_of_the_same_bytes_get_the_same_rows_under_their_own_names(loop) -> None:
    """A page showing one clip twice (and yt-dlp's copy of it) or one picture twice: the rows
    from memory are those each file gives hashed on its own, renamed, not a child per copy."""
    from evidencekit.jobs.memory_hashes import hash_in_memory
    from evidencekit.vault.records import ArtifactSource

    root = Path(__file__).resolve().parent.parent / "support"
    clip = (root / "site" / "clip.webm").read_bytes()
    cat = (root / "photos" / "cat.jpg").read_bytes()
    sources = [
        ArtifactSource("media/clip.webm", "video/webm", data=clip),
        ArtifactSource("video/video-1.webm", "video/webm", data=bytes(clip)),  # equal, not same
        ArtifactSource("media/a@1.0s", "video/webm", data=clip),  # a name like a frame's
        ArtifactSource("media/cat.jpg", "image/jpeg", data=cat),
        ArtifactSource("media/cat-again.jpg", "image/jpeg", data=bytes(cat)),
        ArtifactSource("screenshot.png", "image/png", data=cat),  # not a kept picture
    ]
    children = 0
    real = reposts.video_records

    def counted(name: str, data: bytes) -> Any:
        nonlocal children
        children += 1
        return real(name, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("evidencekit.jobs.memory_hashes.video_records", counted)
        records, not_hashed = loop.run(hash_in_memory(sources, {}))
    assert children == 1 and not_hashed == []
    alone: list[Any] = []
    for source in sorted(sources[:5], key=lambda s: s.name):
        assert source.data is not None
        if source.media_type.startswith("video/"):
            alone += reposts.video_records(source.name, source.data)[0]
        else:
            alone.append(reposts.picture_record(source.name, source.data))
    assert records == alone
    assert len([r for r in records if r.pdq is not None and "@" in r.name]) >= 3  # frames


def test_a_token_over_another_digest_than_the_stored_manifest_is_never_recorded(
    vault, tsa, loop, monkeypatch
) -> None:
    """Should the digest handed out ever not be the stored manifest's, the answer over it is
    dropped and the item is time-stamped afresh over its own (no browser: the store alone)."""
    import importlib

    from evidencekit.capture.timings import RunTimings
    from evidencekit.jobs.capture_store import store_stamped
    from evidencekit.vault.records import ArtifactSource, NewItem

    real = vault.add_item

    def handing_out_another(new: Any, sources: Any, *, on_sealed: Any = None) -> Any:
        return real(new, sources, on_sealed=lambda digest: on_sealed("00" * 32))

    monkeypatch.setattr(vault, "add_item", handing_out_another)

    async def store() -> Any:
        sealing = asyncio.ensure_future(asyncio.to_thread(lambda: (
            importlib.import_module("evidencekit.jobs.seal"), reposts)))  # fmt: skip
        new = NewItem(kind="web", captured_at="2026-12-01T00:00:00.000Z", url="https://x.test/")
        sources = [ArtifactSource("page.html", "text/html", data=b"<p>hello</p>")]
        return await store_stamped(vault, asyncio.Lock(), new, sources, tsa_urls=[tsa.url],
                                   clock=RunTimings(from_process_start=False).page(),
                                   sealing=sealing)  # fmt: skip

    item, report = loop.run(store())
    assert report.status == "granted"
    assert tsa.request_for(bytes(32)) is not None  # the wrong digest was asked for ...
    rows = vault.item_timestamps(item.id)
    assert rows and {r.digest for r in rows} == {item.manifest_sha256}  # ... never recorded
    assert verify_vault(vault).ok


def test_a_token_that_cannot_be_recorded_leaves_a_stored_pending_item_not_a_failure(
    vault, site, tsa, loop, browser_available, monkeypatch
) -> None:
    """The item committed, then the disk filled before its token could be written: the page
    is stored (pending, asked again later), never reported as failed with nothing lost, and
    its pictures' hashing has finished before the call returns (nothing touches the vault
    after it)."""

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise DiskFull(needed=1)

    monkeypatch.setattr(vault, "record_timestamps", full)
    hashing_done: list[bool] = []
    real_keep = __import__("evidencekit.jobs.memory_hashes", fromlist=["x"]).keep_hashes

    async def slow_keep(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(0.5)  # slower than the failed token: must still be waited for
        await real_keep(*args, **kwargs)
        hashing_done.append(True)

    monkeypatch.setattr("evidencekit.jobs.memory_hashes.keep_hashes", slow_keep)
    [stored] = loop.run(
        capture_into_vault(vault, [site.url("/lazy.html")], CaptureSettings(), tsa_urls=[tsa.url])
    )
    assert stored.ok, stored.error
    assert stored.item is not None and stored.item.timestamp_status == "pending"
    assert stored.timestamp is not None and stored.timestamp.status == "pending"
    assert any("disk" in p.lower() for p in stored.timestamp.problems), stored.timestamp
    assert hashing_done == [True]  # finished before the capture's result came back
    assert vault.picture_hashes(stored.item.id)
    assert [i.id for i in vault.items()] == [stored.item.id]
    monkeypatch.undo()
    assert verify_vault(vault).ok

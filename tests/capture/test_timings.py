"""Issue 15: every capture records how long each of its stages took, and the work taken side by
side keeps every artifact and the seal. Real Chromium, the fixture site, a real vault and the
loopback TSA; whole `evidencekit capture` processes where the process itself is measured.

No wall-clock thresholds here (speed is measured in benchmarks/capture.py): these tests hold
the order and consistency of the recorded stages, which fail if a stage is missing, misplaced
or the concurrency drops a step.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from typing import Any

import pytest

from evidencekit.capture import CaptureSettings
from evidencekit.capture.timings import PageTimings, RunTimings, process_start_monotonic
from evidencekit.jobs.capture import capture_into_vault
from tests.conftest import Cli

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SEALED_STAGES = {  # in metadata.json: everything up to the metadata itself
    "browser-launch",
    "context-open",
    "page-open",
    "navigate",
    "load",
    "viewport-screenshot",
    "scroll",
    "network-quiet",
    "images",
    "scroll-to-top",
    "overlays",
    "screenshot",
    "dom",
    "mhtml",
    "text",
    "glyphs",
    "page-facts",
    "responses",
    "media",
    "late-responses",
    "platform-facts",
    "warc",
}
AFTER_SEALING = {
    "context-close",
    "store",
    "picture-hashes",
    "timestamp",
    "timestamp-record",
    "browser-close",
}
ARTIFACTS = {
    "screenshot.png",
    "viewport.png",
    "page.html",
    "page.mhtml",
    "traffic.warc.gz",
    "metadata.json",
    "text.txt",
    "manifest.json",
    "manifest.p7s",
    "timestamp.tsr",
}


def _by_name(block: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {s["stage"]: s for s in block["stages"]}


def _consistent(block: dict[str, Any]) -> None:
    """Ordered by start, each ends after it starts, durations add up, one clock."""
    rows = block["stages"]
    assert rows, "no stages recorded"
    assert block["clock"].startswith("monotonic")
    keys = [(r["start_ms"], r["end_ms"]) for r in rows]
    assert keys == sorted(keys)
    for r in rows:
        assert 0 <= r["start_ms"] <= r["end_ms"], r
        assert r["duration_ms"] == r["end_ms"] - r["start_ms"], r
        assert r["scope"] in ("run", "page"), r


def _follows(stages: dict[str, dict[str, int]], first: str, then: str) -> None:
    assert stages[first]["end_ms"] <= stages[then]["start_ms"], (first, then, stages)


def test_recorder_orders_and_keeps_the_run_shared_stages() -> None:
    run = RunTimings(from_process_start=False)
    assert run.origin_name == "job start"
    page_a, page_b = run.page(), run.page()
    with run.span("browser-launch"):
        time.sleep(0.002)
    with page_b.span("navigate"):
        time.sleep(0.002)
    with page_a.span("navigate"):
        pass
    unfinished = page_a.begin("store")  # still running: not reported yet
    a = page_a.as_json()
    _consistent(a)
    assert [s["stage"] for s in a["stages"]] == ["browser-launch", "navigate"]
    assert a["stages"][0]["scope"] == "run"
    assert "navigate" in _by_name(page_b.as_json())  # each page has its own
    page_a.end(unfinished)
    assert "store" in _by_name(page_a.as_json())
    with pytest.raises(RuntimeError), page_a.span("failing"):
        raise RuntimeError("the time was spent all the same")
    assert "failing" in _by_name(page_a.as_json())


def test_process_start_is_before_now_and_this_process_is_young_enough() -> None:
    started = process_start_monotonic()
    if started is None:
        pytest.skip("this system does not say when a process started")
    assert started <= time.monotonic()
    run = RunTimings()
    assert run.origin_name == "process start"
    run.ready()
    [ready] = run.page().as_json()["stages"]
    assert ready["stage"] == "process-ready" and ready["start_ms"] == 0


def test_capture_into_vault_records_every_stage_in_order(
    vault, site, tsa, loop, browser_available
) -> None:
    run = RunTimings(from_process_start=False)
    [stored] = loop.run(
        capture_into_vault(
            vault, [site.url("/lazy.html")], CaptureSettings(), tsa_urls=[tsa.url], timings=run
        )
    )
    assert stored.ok, stored.error
    item = stored.item
    assert item is not None and item.timestamp_status == "granted"
    assert ARTIFACTS <= {a.name for a in item.artifacts}
    assert any(a.name.startswith("media/") for a in item.artifacts)  # the lazy pictures

    sealed = json.loads(vault.read_artifact(item.id, "metadata.json"))["timings"]
    _consistent(sealed)
    stages = _by_name(sealed)
    assert SEALED_STAGES <= set(stages), SEALED_STAGES - set(stages)
    assert not AFTER_SEALING & set(stages)  # they happen after metadata.json is sealed
    assert stages["browser-launch"]["scope"] == "run"
    # The browser's own sequence, one after another.
    for first, then in [
        ("browser-launch", "context-open"),
        ("context-open", "page-open"),
        ("page-open", "navigate"),
        ("navigate", "load"),
        ("load", "viewport-screenshot"),
        ("viewport-screenshot", "scroll"),
        ("scroll", "network-quiet"),
        ("network-quiet", "images"),
        ("scroll-to-top", "screenshot"),
        ("responses", "media"),
    ]:
        _follows(stages, first, then)
    # Nothing is read from the page while the full-page screenshot (with its overlay-hiding
    # style) is being taken; the reads themselves run side by side after it.
    for read in ("dom", "mhtml", "text", "glyphs", "page-facts", "responses", "warc"):
        _follows(stages, "screenshot", read)
    for read in ("dom", "mhtml", "text", "glyphs", "page-facts", "media"):
        _follows(stages, read, "late-responses")
        _follows(stages, read, "platform-facts")
    _follows(stages, "late-responses", "warc")  # the WARC holds the late responses

    # The result has the rest: storing and sealing after the metadata, time-stamping beside the
    # store, the browser closed once the page was in memory.
    assert isinstance(stored.timings, PageTimings)
    full = stored.timings.as_json()
    _consistent(full)
    every = _by_name(full)
    assert AFTER_SEALING <= set(every), AFTER_SEALING - set(every)
    assert {k: v for k, v in every.items() if k in stages} == stages
    _follows(every, "warc", "store")
    # The page's context closes while it is stored; the browser waits for it before it closes.
    assert every["context-close"]["end_ms"] <= every["browser-close"]["end_ms"]
    _follows(every, "warc", "context-close")
    # The sealing code loads once the page is in, while it is scrolled (not while Chromium, the
    # context and the first load need the CPU), and is there before the first token's check.
    _follows(every, "load", "sealing-code-import")
    assert every["sealing-code-import"]["end_ms"] <= every["timestamp"]["end_ms"]
    # The TSA is asked once the manifest is signed, inside the store (that it is asked before
    # the store ends is held by test_store_beside, on the TSA's side); the pictures are hashed
    # beside it; the token is recorded only after the item is stored.
    for beside in ("timestamp", "picture-hashes"):
        assert every["store"]["start_ms"] <= every[beside]["start_ms"], (beside, every)
    assert every["store"]["end_ms"] <= every["picture-hashes"]["end_ms"], every
    _follows(every, "store", "timestamp-record")
    _follows(every, "timestamp", "timestamp-record")
    assert every["browser-close"]["start_ms"] < every["timestamp-record"]["end_ms"]  # overlapped


def test_a_batch_side_by_side_keeps_each_page_whole(
    vault, site, tsa, loop, browser_available
) -> None:
    urls = [site.url(p) for p in ("/lazy.html", "/marker/timings-1", "/r/start", "/video.html")]
    run = RunTimings(from_process_start=False)
    done = loop.run(
        capture_into_vault(
            vault, urls, CaptureSettings(), tsa_urls=[tsa.url], concurrency=3, timings=run
        )
    )
    assert all(r.ok for r in done), [r.error for r in done]
    launches = [s for s in run.spans if s.stage == "browser-launch"]
    assert len(launches) == 1  # one browser for the batch
    for result in done:
        assert result.item is not None and result.item.timestamp_status == "granted"
        names = {a.name for a in result.item.artifacts}
        assert ARTIFACTS <= names, ARTIFACTS - names
        metadata = json.loads(vault.read_artifact(result.item.id, "metadata.json"))
        _consistent(metadata["timings"])
        text = vault.read_artifact(result.item.id, "text.txt").decode()
        html = vault.read_artifact(result.item.id, "page.html").decode()
        assert text.strip() and "<html" in html.lower()
    video = done[3].item
    assert video is not None
    metadata = json.loads(vault.read_artifact(video.id, "metadata.json"))
    assert "videos" in _by_name(metadata["timings"])  # yt-dlp was asked, alongside
    assert metadata["videos"]["tool"] == "yt-dlp"
    assert {a.name for a in video.artifacts if a.name.startswith("media/")}
    ids = {r.item.id for r in done if r.item is not None}
    assert len(ids) == 4


def _capture_json(cli: Cli, url: str, **env: str) -> Any:
    result = cli("capture", url, "--json", timeout=280, extra_env=env)
    assert result.code == 0, result.err
    [obj] = json.loads(result.out)
    return obj


def test_cli_starts_the_browser_while_the_key_is_derived(
    cli_vault: Cli, site, tsa, browser_available
) -> None:
    obj = _capture_json(cli_vault, site.url("/lazy.html"), EVIDENCEKIT_TSA_URLS=tsa.url)
    assert obj["timestamp_status"] == "granted"
    block = obj["timings"]
    _consistent(block)
    stages = _by_name(block)
    if block["origin"] == "process start":
        assert stages["process-ready"]["start_ms"] == 0
        _follows(stages, "process-ready", "browser-launch")
    # Chromium boots while the code is imported and the vault's key is derived...
    assert stages["browser-launch"]["start_ms"] <= stages["vault-open"]["start_ms"]
    assert stages["browser-launch"]["start_ms"] <= stages["code-import"]["start_ms"]
    _follows(stages, "code-import", "vault-open")  # one thread, beside the browser's start
    # ... and the page is opened only with all three (a saved login needs the vault).
    for first in ("vault-open", "code-import", "browser-launch"):
        _follows(stages, first, "context-open")
    for name in ("store", "timestamp", "browser-close", "vault-close"):
        assert name in stages, name
    _follows(stages, "timestamp", "vault-close")
    assert {a["name"] for a in obj["artifacts"]} >= ARTIFACTS


def _nothing_stored(cli: Cli) -> None:
    listed = cli("list", "--json")
    assert listed.code == 0, listed.err
    assert json.loads(listed.out) == []
    log = json.loads(cli("log", "--json").out)
    assert "capture" not in [e["action"] for e in log]
    assert cli("verify-vault").code == 0


def test_browser_that_fails_to_start_while_the_key_is_derived(cli_vault: Cli, site) -> None:
    not_a_browser = {"EVIDENCEKIT_BROWSER": "/bin/false"}
    result = cli_vault("capture", site.url("/lazy.html"), timeout=120, extra_env=not_a_browser)
    assert result.code == 1, (result.out, result.err)
    assert "The browser could not be started" in result.err
    assert "Traceback" not in result.err
    _nothing_stored(cli_vault)


def test_wrong_passphrase_while_the_browser_starts(cli_vault: Cli, site, browser_available) -> None:
    result = cli_vault("capture", site.url("/lazy.html"), passphrase="not the passphrase")
    assert result.code == 3, (result.out, result.err)
    assert "Traceback" not in result.err
    _nothing_stored(cli_vault)


def test_capture_cancelled_while_storing_leaves_no_half_item(
    vault, site, tsa, loop, browser_available
) -> None:
    """Cancelled right after the page is in memory (the browser closing, the store under way):
    either the item is whole and sealed, or it is not there at all."""

    async def cancel_after_capture() -> None:
        stored: list[str] = []

        def on_progress(url: str, step: str) -> None:
            stored.append(step)

        job = asyncio.ensure_future(
            capture_into_vault(
                vault,
                [site.url("/marker/cancel-1")],
                CaptureSettings(),
                tsa_urls=[tsa.url],
                on_progress=on_progress,
            )
        )
        while "sealing" not in stored and not job.done():
            await asyncio.sleep(0.005)
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job

    loop.run(cancel_after_capture())
    for item in vault.items():
        names = {a.name for a in item.artifacts}
        assert {"manifest.json", "manifest.p7s", "metadata.json", "screenshot.png"} <= names


def test_the_sealing_code_loads_the_token_check_in_the_background() -> None:
    """The first token's check must not import pyHanko after the store (a quarter of a second
    on the critical path): the background import of the sealing code loads it (a fresh
    interpreter, so nothing else imported it before)."""
    probe = (
        "import sys\n"
        "from evidencekit.jobs import capture\n"
        "assert 'pyhanko.sign.general' not in sys.modules, 'loaded too early'\n"
        "capture._sealing_code()\n"
        "print(all(m in sys.modules for m in\n"
        "    ('pyhanko.sign.general', 'pyhanko.sign.validation.generic_cms')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"

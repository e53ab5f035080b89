"""The report lists a capture's videos through yt-dlp (metadata.json ``videos``, capture/videos.py):
one row per video saved (its name here, uploader and id, upload date, format, bytes, SHA-256)
and the ones not saved with why in both languages, with yt-dlp's version; a capture made before
yt-dlp shows nothing of it. The sealed bundle still verifies: no row label is one of the item
summary's labels that the verifier reads back from the page."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
from pathlib import Path

import pytest

from evidencekit.bundle import export_bundle
from evidencekit.vault.records import ArtifactSource, ItemRecord, NewItem
from evidencekit.vault.store import Vault
from evidencekit.verify import verify_bundle
from tests.support.bundles import CASE, add_web_item, capture_metadata, make_vault, run, tool
from tests.support.tsa import TsaPki, TsaServer

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40  # an mp4-shaped file
SHA = hashlib.sha256(VIDEO).hexdigest()


def _videos(url: str) -> dict:
    return {
        "tool": "yt-dlp",
        "yt_dlp_version": "2025.01.15",
        "asked_for": url,
        "downloaded_into": "a RAM folder (removed at once)",
        "max_bytes": 52428800,
        "seconds": 1.4,
        "requests": [{"method": "GET", "url": url, "status": 200}],
        "status": "1 of 3 videos saved",
        "videos": [
            {
                "id": "clip-7",
                "title": "Clip seven",
                "extractor": "generic",
                "uploader": "Harasser Ëllë",
                "uploader_id": "harasser_acct",
                "channel_id": "UC000123",
                "upload_date": "20240430",
                "duration": 12.0,
                "format_id": "mp4-720",
                "ext": "mp4",
                "formats_offered": 3,
                "name": "video/clip-7.mp4",
                "size": len(VIDEO),
                "sha256": SHA,
                "info_json": "video/clip-7.mp4.info.json",
            },
            {
                "id": "big-1",
                "title": "Too big",
                "webpage_url": "https://social.example/post/1/big",
                "uploader": "Status",  # a captured value that reads like a summary label
                "not_saved_because": (
                    "yt-dlp did not download it (larger than the limit, or no single-file format)"
                ),
                "info_json": "video/big-1.bin.info.json",
            },
            {
                "id": "other",
                "url": "https://social.example/post/99",
                "not_saved_because": "a link to another page (a channel or profile lists its "
                "videos): capture that post itself (capture --account captures an account's posts)",
                "info_json": "video/other.bin.info.json",
            },
        ],
    }


def _not_downloaded(url: str) -> dict:
    """No RAM folder on this computer, and the platform refused yt-dlp (as capture/videos.py
    records both)."""
    return {
        "tool": "yt-dlp",
        "yt_dlp_version": "2025.01.15",
        "asked_for": url,
        "downloaded_into": None,
        "not_downloaded_because": "there is no RAM folder with room on this computer (Windows, "
        "macOS, or a small /dev/shm): a video is never written to disk unencrypted, so only its "
        "information was kept",
        "max_bytes": 52428800,
        "status": "failed: HTTP Error 403: Forbidden",
        "logged_in": True,
        "requests_blocked": ["POST https://social.example/api/like"],
        "seconds": 0.3,
        "requests": [],
        "videos_newer_key": "kept as it is",
    }


def _item_with_videos(vault: Vault, n: int = 1, videos: dict | None = None) -> ItemRecord:
    url = f"https://social.example/post/{n}"
    meta = {**capture_metadata(url, n, 2400), "videos": videos or _videos(url)}
    html = b"<html><body><video src='clip.mp4'></video><p>tekst</p></body></html>"
    info = json.dumps({"id": "clip-7", "uploader_id": "harasser_acct"}).encode()
    artifacts = [
        ArtifactSource("page.html", "text/html; charset=utf-8", data=html),
        ArtifactSource(
            "traffic.warc.gz", "application/warc", data=gzip.compress(b"WARC/1.1\r\n", mtime=0)
        ),
        ArtifactSource("metadata.json", "application/json", data=json.dumps(meta).encode()),
    ]
    if videos is None:  # the saved video and the info JSON of each listed (as capture/videos.py)
        artifacts[2:2] = [
            ArtifactSource("video/clip-7.mp4", "video/mp4", data=VIDEO),
            ArtifactSource("video/clip-7.mp4.info.json", "application/json", data=info),
            ArtifactSource("video/big-1.bin.info.json", "application/json", data=b"{}"),
            ArtifactSource("video/other.bin.info.json", "application/json", data=b"{}"),
        ]
    new = NewItem(
        kind="web",
        url=url,
        final_url=url,
        status=200,
        captured_at=f"2024-05-01T10:0{n}:00.000Z",
        case=CASE,
        title=meta["title"],
        metadata=meta,
    )
    return vault.add_item(new, artifacts)


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> tuple[Path, str, str]:
    folder = tmp_path_factory.mktemp("video-report")
    vault = make_vault(folder)
    try:
        items = [
            _item_with_videos(vault),
            add_web_item(vault, 2),  # made before yt-dlp
            _item_with_videos(vault, 3, _not_downloaded("https://social.example/post/3")),
        ]
        with TsaServer(tsa_pki) as tsa:
            result = export_bundle(
                vault, [i.id for i in items], folder / "b.pdf", tsa_urls=[tsa.url], case=CASE
            )
        fingerprint = vault.identity().fingerprint_sha256
    finally:
        vault.close()
    text = " ".join(run(tool("pdftotext"), result.path, "-").stdout.split())
    return Path(result.path), fingerprint, text


def test_the_videos_are_listed(sealed: tuple[Path, str, str]) -> None:
    text = sealed[2]
    one = text[text.index("Item 1 · Prova 1") : text.index("Item 2 · Prova 2")]
    for phrase in (
        "Videos through yt-dlp · Videot përmes yt-dlp",
        "2025.01.15",
        "1 of 3 videos saved · u ruajtën 1 nga 3 video",
        "a folder in RAM, removed at once",
        "video/clip-7.mp4",
        "Harasser Ëllë",
        "id harasser_acct",
        "id UC000123",
        "2024-04-30",
        "mp4-720 · mp4",
        f"{len(VIDEO):,}",
        SHA[:16],
        "Videos found but not saved",
        "larger than the size limit",
        "më e madhe se kufiri i madhësisë",
        "a link to another post",
        "https://social.example/post/99",
    ):
        assert phrase in one, phrase


def test_an_older_capture_shows_no_videos(sealed: tuple[Path, str, str]) -> None:
    text = sealed[2]
    two = text[text.index("Item 2 · Prova 2") : text.index("Item 3 · Prova 3")]
    assert "yt-dlp" not in two


def test_why_nothing_was_downloaded(sealed: tuple[Path, str, str]) -> None:
    three = sealed[2][sealed[2].index("Item 3 · Prova 3") :]
    for phrase in (
        "the platform or yt-dlp refused: HTTP Error 403: Forbidden",
        "platforma ose yt-dlp refuzoi",
        "no RAM folder on this computer: a video is never written to disk unencrypted",
        "nuk ka dosje në RAM në këtë kompjuter",
        "With her saved login Me hyrjen e saj të ruajtur yes · po",
        "POST https://social.example/api/like",
        "videos_newer_key kept as it is",
    ):
        assert phrase in three, phrase
    assert "Videos found but not saved" not in three  # none listed: nothing was found


def test_the_sealed_bundle_still_verifies(sealed: tuple[Path, str, str], tsa_pki: TsaPki) -> None:
    path, fingerprint, _ = sealed
    report = verify_bundle(
        path, trusted_certs=[tsa_pki.root_cert], trusted_fingerprints=[fingerprint]
    )
    assert report.verdict == "valid", report.summary()


def test_real_yt_dlp_facts_in_the_report(tmp_path: Path) -> None:
    """yt-dlp's generic extractor against the fixture site's video page, as a capture runs it
    (capture/videos.py): the report shows the video it saved, by its name and SHA-256; with a
    1,000-byte limit the same video is listed as not saved, over the size limit."""
    from evidencekit.capture import CaptureSettings, videos
    from evidencekit.capture.journal import Journal
    from tests.support.site import SiteServer

    with SiteServer() as site:
        url = site.url("/video.html")
        got = asyncio.run(videos.collect_videos(url, CaptureSettings(), Journal(None), ""))
        small = CaptureSettings(max_media_bytes=1000)
        big = asyncio.run(videos.collect_videos(url, small, Journal(None), ""))
    saved = [a for a in got.artifacts if not a.name.endswith(".info.json")]
    vault = make_vault(tmp_path)
    try:
        items = []
        for n, result in ((1, got), (2, big)):
            page = f"https://social.example/post/{n}"
            meta = {**capture_metadata(page, n, 2400), "videos": result.facts}
            files = [ArtifactSource(a.name, a.media_type, data=a.data) for a in result.artifacts]
            files.append(
                ArtifactSource("metadata.json", "application/json", data=json.dumps(meta).encode())
            )
            new = NewItem(
                kind="web",
                url=page,
                final_url=page,
                status=200,
                captured_at=f"2024-05-01T10:0{n}:00.000Z",
                case=CASE,
                title=meta["title"],
                metadata=meta,
            )
            items.append(vault.add_item(new, files))
        result = export_bundle(vault, [i.id for i in items], tmp_path / "b.pdf", case=CASE)
        text = " ".join(run(tool("pdftotext"), result.path, "-").stdout.split())
    finally:
        vault.close()
    one = text[text.index("Item 1 · Prova 1") : text.index("Item 2 · Prova 2")]
    two = text[text.index("Item 2 · Prova 2") :]
    assert str(got.facts["yt_dlp_version"]) in one
    if got.facts["downloaded_into"] is None:  # a computer without a RAM folder (macOS, Windows)
        assert "no RAM folder on this computer" in one and "no RAM folder" in two
        return
    assert "1 of 1 videos saved · u ruajtën 1 nga 1 video" in one
    assert saved[0].name in one and saved[0].sha256[:16] in one
    assert "0 of 1 videos saved" in two and "larger than the size limit" in two
    assert "1,000 bytes" in two

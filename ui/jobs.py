"""The core's long jobs (capture, import, export, verify), each wrapped as a `Job`.

Only glue: which core function runs, with which settings, and what is reported back. Progress
travels as small tuples: ("step", key, step) and ("result", key, item_or_None, error_or_None).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from evidencekit.config import Settings
from ui.session import VaultSession
from ui.workers import Job, LoopThread, lower_child_priority

if TYPE_CHECKING:
    from evidencekit.bilingual import Bi
    from evidencekit.capture import CaptureSettings, PreparedUrl


def capture_job(
    session: VaultSession,
    urls: Sequence[str | PreparedUrl],
    settings: Settings,
    *,
    note: str | None,
    case: str | None,
    viewer_ok: frozenset[str] = frozenset(),
    minor_safe: bool = False,
) -> Job:
    """Capture `urls` into the vault: one browser, pages in parallel, each sealed and stamped.
    `minor_safe`: someone in the pictures may be under 18, pictures kept as hashes only.

    A saved login of a page's site is used, except on pages that may tell their owner who
    looked, unless she said so for that page (`viewer_ok`).

    Links the panel prepared (credentials out, share codes as she chose) go on as they are."""
    from evidencekit.capture.login import viewer_notice
    from evidencekit.capture.timings import RunTimings
    from evidencekit.capture.urls import as_prepared
    from evidencekit.jobs.capture import StoredCapture, capture_into_vault, session_for

    capture_settings = capture_settings_for(session, settings, minor_safe=minor_safe)
    consent = session.consent

    async def work(job: Job) -> Any:
        def progress(url: str, step: str) -> None:
            if step in ("opening", "loading"):
                # The browser and its page processes exist now: let them give way to the
                # window (new page processes appear per page, so each time).
                lower_child_priority()
            job.report(("step", url, step))

        def result(stored: StoredCapture) -> None:
            job.report(("result", stored.url, stored.item, stored.error))

        # A saved login of the page's site is used (issue 12), except where the page may tell
        # its owner who looked (a story, a live video, a viewer-listed profile) and she did
        # not choose to capture it logged in anyway: those are captured logged out.
        logins = {}
        for link in urls:
            url = as_prepared(link, keep_share_parameters=False).url
            if viewer_notice(url) is None or url in viewer_ok:
                pick = functools.partial(session_for, consent=consent or "")
                found = await session.call(pick, session.vault, url)
                if found is not None:
                    logins[url] = found
        # The browser she started by typing the link, if it is still fit; kept for the next.
        run = RunTimings(from_process_start=False)
        warm = session.warm_browser()
        browser = warm.take(capture_settings, run)
        try:
            return await capture_into_vault(
                session.vault,
                list(urls),
                capture_settings,
                tsa_urls=session.tsa_urls,
                case=case,
                note=note,
                concurrency=settings.capture_concurrency,
                on_progress=progress,
                on_result=result,
                consent=consent,
                vault_lock=session.lock,
                sessions=logins,
                timings=run,
                browser=browser,
                keep_browser=True,
            )
        finally:
            await warm.give_back(browser, capture_settings)

    return session.run(work, "capture")


def capture_settings_for(
    session: VaultSession, settings: Settings, *, minor_safe: bool = False
) -> CaptureSettings:
    """The capture settings of the app's captures (and of its warm browser)."""
    from evidencekit.capture import CaptureSettings

    return CaptureSettings(
        timeout_s=settings.capture_timeout_s,
        browser_path=settings.browser_path or None,
        operator_name=session.who.operator,
        operator_role=session.who.role,
        minor_safe=minor_safe,
    )


def import_job(
    session: VaultSession,
    paths: Sequence[Path],
    *,
    note: str | None,
    case: str | None,
    minor_safe: bool = False,
) -> Job:
    """Add files as evidence, one by one (a bad file does not stop the rest), then stamp each.
    `minor_safe`: a picture or video is kept as its hashes only (issue 14)."""
    from evidencekit.jobs.imports import ImportedFile, import_files

    consent = session.consent

    async def work(job: Job) -> Any:
        def progress(path: Path, step: str) -> None:
            job.report(("step", str(path), step))

        def result(done: ImportedFile) -> None:
            job.report(("result", str(done.path), done.item, done.error))

        imported = await import_files(
            session.vault,
            list(paths),
            tsa_urls=session.tsa_urls,
            on_bad_file="skip",
            case=case,
            note=note,
            consent=consent,
            vault_lock=session.lock,
            on_progress=progress,
            on_result=result,
            minor_safe=minor_safe,
        )
        return [done.item for done in imported]

    return session.run(work, "import")


# --- export and verify --------------------------------------------------------------------
# The UI-side shapes the export wizard and the verify view show, filled from the core's
# results (evidencekit.bundle, evidencekit.verify) in the two functions below.


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sha256: str  # the bundle file's fingerprint, to give the lawyer
    bundle_id: str = ""
    items: int = 0
    warnings: tuple[str, ...] = ()
    trusted_time: bool = True  # the signature carries a trusted time-stamp
    signer_certificate: Any = None  # the vault's certificate: its owner trusts it


@dataclass(frozen=True)
class CheckRow:
    name: str
    ok: bool | None  # None: could not be checked
    detail: str = ""  # English
    detail_sq: str = ""  # the same in Albanian

    def text(self, language: str) -> str:
        return self.detail_sq if language == "sq" and self.detail_sq else self.detail

    @property
    def title(self) -> Bi:
        """The row's name for people, in both languages: the verifier's own words (the CLI's
        and the report's), not a second translation."""
        return check_title(self.name)


@dataclass(frozen=True)
class ItemStamp:
    label: str
    time: str  # UTC ISO 8601, or "" when the item has no valid time-stamp
    tsa: str = ""
    trusted: bool = False  # the time-stamp's authority is trusted (built-in roots or --trust)

    @property
    def title(self) -> Bi:
        """ "item 2 (…)" / "prova 2 (…)": the verifier's name for the item's row."""
        return check_title(self.label)


def check_title(name: str) -> Bi:
    """A verifier row's name ("pdf", "item 2 (abc…)") in English and Albanian, from the
    verifier's one table (`evidencekit.verify.texts.CHECK_NAMES`)."""
    from evidencekit.verify.texts import check_name

    return check_name(name)


@dataclass(frozen=True)
class VerifySummary:
    path: Path
    verdict: str  # valid / invalid / indeterminate
    sha256: str
    checks: list[CheckRow] = field(default_factory=list)
    signer: str = ""
    signed_at: str = ""
    items: list[ItemStamp] = field(default_factory=list)
    bundle_id: str = ""
    # Nothing failed, but nobody confirmed the signer's key: the headline then asks the reader
    # to confirm it ("… by key F — confirm F with the person who gave you this bundle").
    signer_unconfirmed: bool = False
    meaning: str = ""  # what the verdict means, the verifier's own words (English)
    meaning_sq: str = ""  # the same in Albanian

    def meaning_in(self, language: str) -> str:
        return self.meaning_sq if language == "sq" and self.meaning_sq else self.meaning


def export_job(
    session: VaultSession,
    item_ids: Sequence[str],
    out: Path,
    *,
    blur: bool,
    include_originals: bool,
    case: str | None = None,
) -> Job:
    """Write the signed bundle; progress is reported as (stage, done, total)."""

    async def work(job: Job) -> Any:
        from evidencekit.bundle import export_bundle_async

        def progress(stage: str, done: int, total: int) -> None:
            job.report((stage, done, total))

        # The export reads and logs into the vault throughout: it holds the vault for its run.
        async with session.lock:
            result = await export_bundle_async(
                session.vault,
                list(item_ids),
                out,
                blur=blur,
                include_originals=include_originals,
                tsa_urls=session.tsa_urls,
                case=case,
                progress=progress,
            )
            certificate = session.vault.identity().certificate
        return ExportSummary(
            path=result.path,
            sha256=result.sha256,
            bundle_id=result.bundle_id,
            items=result.items,
            warnings=tuple(result.warnings),
            trusted_time=result.level != "B-B",
            signer_certificate=certificate,
        )

    return session.run(work, "export")


def _summary(path: Path, report: Any, sha256: str) -> VerifySummary:
    checks = [
        CheckRow(
            c.name, {"passed": True, "failed": False}.get(str(c.status)), c.detail, c.detail_sq
        )
        for c in report.checks
    ]
    facts = report.facts
    items = [_item_stamp(item) for item in facts.get("items") or []]
    return VerifySummary(
        path=path,
        verdict=report.verdict,
        sha256=sha256,
        checks=checks,
        signer=str(facts.get("signer_fingerprint") or ""),
        signed_at=str(facts.get("signed_at") or ""),
        items=items,
        bundle_id=str(facts.get("bundle_id") or ""),
        signer_unconfirmed=report.signer_unconfirmed,
        meaning=report.meaning().en,
        meaning_sq=report.meaning().sq,
    )


def _item_stamp(item: dict[str, Any]) -> ItemStamp:
    """An item's row from the verifier's facts: its first trusted time-stamp, else its first
    valid one (shown as not independently trusted). A failed item shows none: its stamps were
    not what failed it, but nothing about it should look reassuring."""
    label = f"item {item['number']} ({item['id']})"
    stamps = item.get("timestamps") or []
    if item.get("status") == "failed" or not stamps:
        return ItemStamp(label, "")
    stamp = next((s for s in stamps if s.get("trusted")), stamps[0])
    return ItemStamp(label, str(stamp["time"]), str(stamp["tsa"]), bool(stamp.get("trusted")))


def _file_sha256(path: Path) -> str:
    """The file's fingerprint, to compare with the one the sender gave separately."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def load_certificates(paths: Sequence[Path]) -> list[Any]:
    """Certificates the reader chose to trust: the same reading as the CLI's --trust."""
    from evidencekit.verify import load_certificates as load

    return load(paths)


def parse_fingerprint(text: str) -> str:
    """The fingerprint the reader typed or pasted, normalised by the same function as the
    CLI's --trust-fingerprint; ValueError when it is not one."""
    from evidencekit.verify import parse_fingerprint as parse

    return parse(text)


def verify_job(
    runner: LoopThread,
    path: Path,
    trusted: Sequence[Any] = (),
    parent: QObject | None = None,
    *,
    fingerprints: Sequence[str] = (),
) -> Job:
    """Check a bundle on the job thread: no vault needed. `trusted`: certificates the reader
    vouches for (the signer's, a time-stamp authority's root), as the CLI's --trust;
    `fingerprints`: the signer's key fingerprints the sender read to her, as
    --trust-fingerprint."""

    async def work(job: Job) -> Any:
        from evidencekit.verify import verify_bundle

        report = await asyncio.to_thread(
            functools.partial(
                verify_bundle,
                path,
                trusted_certs=list(trusted),
                trusted_fingerprints=list(fingerprints),
            )
        )
        sha256 = await asyncio.to_thread(_file_sha256, path)
        return _summary(path, report, sha256)

    return Job(runner, work, parent, name="verify").start()


# --- issue 12: capture again ------------------------------------------------------------------


def recapture_job(session: VaultSession, item_ids: Sequence[str], settings: Settings) -> Job:
    """Capture the items' addresses again, linked to their first capture (jobs/recapture.py),
    with the first's settings and, if it was logged in, its site's saved login; a page that may
    tell its owner who looked is captured logged out. Returns `result_json` of each."""
    from evidencekit.capture import CaptureSettings
    from evidencekit.capture.login import viewer_notice
    from evidencekit.jobs.recapture import plan, recapture_into_vault, result_json

    capture_settings = CaptureSettings(
        timeout_s=settings.capture_timeout_s,
        browser_path=settings.browser_path or None,
        operator_name=session.who.operator,
        operator_role=session.who.role,
    )
    consent = session.consent

    async def work(job: Job) -> Any:
        planned = await session.call(
            functools.partial(plan, consent=consent or ""),
            session.vault,
            list(item_ids),
            capture_settings,
        )
        done = await recapture_into_vault(
            session.vault,
            planned,
            tsa_urls=session.tsa_urls,
            consent=consent,
            concurrency=settings.capture_concurrency,
            on_progress=lambda url, step: job.report(("step", url, step)),
            vault_lock=session.lock,
            logged_out=[p.url for p in planned if viewer_notice(p.url) is not None],
        )
        return [result_json(p, s) for p, s in done]

    return session.run(work, "recapture")


def chain_history_job(session: VaultSession, item_id: str) -> Job:
    """What the captures of an item's address show: online at the latest, or removed between
    two (evidencekit/online_history.py); None when it was captured once only."""
    from evidencekit.jobs.recapture import chain, seen
    from evidencekit.online_history import online_history

    def read() -> dict[str, Any] | None:
        links = chain(session.vault, item_id)
        return online_history([seen(i) for i in links]) if len(links) > 1 else None

    async def work(job: Job) -> Any:
        return await session.call(read)

    return session.job(work, "chain-history")


def account_job(
    session: VaultSession,
    link: PreparedUrl,
    settings: Settings,
    *,
    posts: int,
    note: str | None,
    case: str | None,
    viewer_ok: frozenset[str] = frozenset(),
    minor_safe: bool = False,
) -> Job:
    """“Capture this account” (jobs/account.py): the profile page, then its latest `posts`
    posts, each its own item linked to the account's. Steps as `capture_job`'s; each capture's
    result is reported when the account is done. Returns the `AccountCapture`."""
    from evidencekit.capture import CaptureSettings
    from evidencekit.capture.login import viewer_notice
    from evidencekit.jobs.account import capture_account
    from evidencekit.jobs.capture import session_for

    capture_settings = CaptureSettings(
        timeout_s=settings.capture_timeout_s,
        browser_path=settings.browser_path or None,
        operator_name=session.who.operator,
        operator_role=session.who.role,
        keep_share_parameters=bool(link.kept_parameters),
        minor_safe=minor_safe,
    )
    consent = session.consent

    async def work(job: Job) -> Any:
        def progress(url: str, step: str) -> None:
            if step in ("opening", "loading"):
                lower_child_priority()
            job.report(("step", url, step))

        login = None  # as capture_job: a viewer-listed profile logged out unless she said so
        if viewer_notice(link.url) is None or link.url in viewer_ok:
            pick = functools.partial(session_for, consent=consent or "")
            login = await session.call(pick, session.vault, link.url)
        done = await capture_account(
            session.vault,
            link.url,
            capture_settings,
            tsa_urls=session.tsa_urls,
            posts=posts,
            case=case,
            note=note,
            consent=consent,
            session=login,
            concurrency=settings.capture_concurrency,
            on_progress=progress,
            vault_lock=session.lock,
        )
        for stored in [done.account, *done.posts]:
            job.report(("result", stored.url, stored.item, stored.error))
        return done

    return session.run(work, "capture")

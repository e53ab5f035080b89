"""Capture again (issue 12): a later capture of an item's address, linked to the first.

The new item's metadata.json (sealed with it) says `recapture_of` (the id of the chain's first
item) and, under `recapture`, what each earlier capture of the chain showed: online, or removed
(the server's 404/410 or the platform's own "removed"/"unavailable" signal, as the capture's
completeness score recorded it). From that and the new capture, `online_history` says "still
online on …" or "removed between … (last seen online) and … (first seen removed)". A custody
entry ("recapture") links the two items too.

The settings that fit are taken from the first capture (window, scale, language, overlays,
user agent, share parameters); the saved login only if the first was logged in and a saved
login of that site still exists (else logged out, and the plan says why).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evidencekit import online_history as history
from evidencekit.capture import CaptureSettings
from evidencekit.capture.result import LoggedInSession
from evidencekit.capture.urls import as_prepared
from evidencekit.errors import SessionNotFound, UsageError
from evidencekit.jobs.capture import StoredCapture, capture_into_vault, session_for
from evidencekit.vault.records import ItemRecord
from evidencekit.vault.store import Vault
from evidencekit.vault.subjects import item_subject


def seen(item: ItemRecord) -> dict[str, Any]:
    return history.seen(item.id, item.captured_at, item.status, item.metadata)


def chain(vault: Vault, item_id: str) -> list[ItemRecord]:
    """The first capture of an item's address and every recapture linked to it, oldest first."""
    return vault.captures_of_address(item_id)


@dataclass(frozen=True)
class Planned:
    """One item to capture again: its address, the settings and login that fit, the links."""

    first: ItemRecord  # the chain's earliest item still in the vault (settings, login)
    root_id: str  # the chain's first item's id (kept even if that item was deleted since)
    asked: str  # the id she gave
    url: str
    settings: CaptureSettings
    session: LoggedInSession | None
    logged_out_why: str | None  # the first was logged in but this one cannot be
    earlier: tuple[dict[str, Any], ...]

    def links(self) -> dict[str, Any]:
        return {
            "recapture_of": self.root_id,
            "recapture": {
                "schema": history.SCHEMA,
                "of": self.root_id,
                "asked_for": self.asked,
                "earlier": list(self.earlier),
            },
        }


_FROM_FIRST = {
    "device_scale_factor": "device_scale_factor",
    "locale": "locale",
    "hide_overlays": "hide_overlays",
    "keep_share_parameters": "keep_share_parameters",
    "user_agent_override": "user_agent",
}


def fitting_settings(first: ItemRecord, settings: CaptureSettings) -> CaptureSettings:
    """`settings` (timeouts, browser, operator) with the first capture's window, scale,
    language, overlay hiding, user agent and share-parameter choice."""
    recorded = first.metadata.get("settings")
    if not isinstance(recorded, Mapping):
        return settings
    changes: dict[str, Any] = {}
    for key, field_name in _FROM_FIRST.items():
        if key in recorded and recorded[key] is not None:
            changes[field_name] = recorded[key]
    if recorded.get("minor_safe") is True:  # issue 14: once minor-safe, always minor-safe
        changes["minor_safe"] = True
    view = recorded.get("viewport")
    if isinstance(view, Mapping) and isinstance(view.get("width"), int):
        changes["viewport"] = (int(view["width"]), int(view.get("height") or 900))
    try:
        return dataclasses.replace(settings, **changes)
    except (TypeError, ValueError):
        return settings


def plan(
    vault: Vault, ids: Sequence[str], settings: CaptureSettings, *, consent: str = ""
) -> list[Planned]:
    """What `recapture` will do for each id (ItemNotFound for an unknown one, UsageError for
    an imported file). Ids whose address is already planned (two items of one chain) are
    captured once, linked to the chain of the first id given."""
    plans: list[Planned] = []
    for asked in ids:
        item = vault.item(asked)
        if item.kind != "web" or not item.url:
            raise UsageError(
                f"Item {item.id} is an imported file, not a web page: nothing to capture again."
            )
        links = chain(vault, item.id)
        first = links[0]
        url = as_prepared(first.url or item.url, keep_share_parameters=bool(_kept(first))).url
        if any(p.url == url for p in plans):  # the same address is captured once per call
            continue
        login = first.metadata.get("login")
        was_logged_in = isinstance(login, Mapping) and login.get("logged_in") is True
        session = None
        why = None
        if was_logged_in:
            assert isinstance(login, Mapping)
            session = _saved_login(vault, url, login.get("session_id"), consent)
            if session is None:
                why = "the first capture was logged in, but no saved login of its site is left"
        plans.append(
            Planned(
                first=first,
                root_id=str(item.metadata.get("recapture_of") or item.id),
                asked=item.id,
                url=url,
                settings=fitting_settings(first, settings),
                session=session,
                logged_out_why=why,
                earlier=tuple(seen(i) for i in links),
            )
        )
    return plans


def _saved_login(vault: Vault, url: str, session_id: Any, consent: str) -> LoggedInSession | None:
    """The first capture's saved login if it is still there, else the newest of its site."""
    try:
        return session_for(
            vault, url, session_id=str(session_id) if session_id else None, consent=consent
        )
    except SessionNotFound:  # removed since: another login of the same site, if any
        return session_for(vault, url, consent=consent)


def _kept(first: ItemRecord) -> bool:
    recorded = first.metadata.get("settings")
    return isinstance(recorded, Mapping) and recorded.get("keep_share_parameters") is True


async def recapture_into_vault(
    vault: Vault,
    plans: Sequence[Planned],
    *,
    tsa_urls: Sequence[str],
    note: str | None = None,
    consent: str | None = None,
    concurrency: int = 3,
    on_progress: Callable[[str, str], None] | None = None,
    vault_lock: asyncio.Lock | None = None,
    logged_out: Sequence[str] = (),
) -> list[tuple[Planned, StoredCapture]]:
    """Capture each plan's address again (jobs.capture.capture_into_vault), into the first's
    case, linked to it; a custody entry "recapture" for each new item. `logged_out` lists
    addresses to capture without their login (a story she chose not to open logged in)."""
    lock = vault_lock or asyncio.Lock()
    groups: dict[tuple[CaptureSettings, str | None], list[Planned]] = {}
    for p in plans:
        groups.setdefault((p.settings, p.first.case), []).append(p)
    done: list[tuple[Planned, StoredCapture]] = []
    for (settings, case), group in groups.items():
        sessions = {
            p.url: p.session for p in group if p.session is not None and p.url not in logged_out
        }
        results = await capture_into_vault(
            vault,
            [p.url for p in group],
            settings,
            tsa_urls=tsa_urls,
            case=case,
            note=note,
            concurrency=concurrency,
            on_progress=on_progress,
            consent=consent,
            vault_lock=lock,
            sessions=sessions,
            linked={p.url: p.links() for p in group},
        )
        by_url = {r.url: r for r in results}
        for p in group:
            stored = by_url[p.url]
            if stored.item is not None:
                async with lock:
                    vault.log_action(
                        "recapture",
                        item_subject(stored.item.id),
                        {"recapture_of": p.root_id, "url": p.url},
                    )
            done.append((p, stored))
    return done


def result_json(planned: Planned, stored: StoredCapture) -> dict[str, Any]:
    """`recapture --json`: the capture's own JSON, the link and what the chain now says."""
    data = stored.to_json()
    data["recapture_of"] = planned.root_id
    if planned.logged_out_why:
        data["logged_out_why"] = planned.logged_out_why
    captures = list(planned.earlier)
    if stored.item is not None:
        captures.append(seen(stored.item))
    said = history.online_history(captures)
    data["history"] = said
    words = history.history_words(said)
    data["history_text"] = words.en if words else None
    return data

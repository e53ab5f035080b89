"""Saved logins (issue 12) as part of the vault's front door.

`Vault` (store.py) inherits these methods; nothing outside `evidencekit/vault/` reaches the
`sessions` table any other way. Each change and each use is a custody entry ("session-add",
"session-use", "session-remove") naming the site and account, never the cookies.
"""

from __future__ import annotations

from typing import Any

from evidencekit.vault import custody, sessions
from evidencekit.vault.handle import VaultFile
from evidencekit.vault.sessions import SessionInfo, SessionSecret
from evidencekit.vault.subjects import session_subject


class SavedLogins(VaultFile):
    """The saved-login part of `Vault`."""

    def add_session(
        self,
        *,
        site: str,
        start_url: str,
        storage: dict[str, Any],
        account: str = "",
        account_source: str = "",
        consent: str = "",
    ) -> SessionInfo:
        """Keep a site's login (Playwright storage state, held in memory by the caller) in
        the vault; the custody entry names the site and account, never the cookies."""
        details: dict[str, Any] = {
            "site": site,
            "cookies": len(storage.get("cookies", [])),
            "origins_with_storage": len(storage.get("origins", [])),
        }
        if account:
            details["account"] = account
            details["account_source"] = account_source
        if consent:
            details["consent"] = consent
        with self.transaction() as conn:
            info = sessions.insert(
                conn,
                site=site,
                start_url=start_url,
                account=account,
                account_source=account_source,
                consent=consent,
                storage=storage,
            )
            custody.append(
                conn, self.settings.operator, "session-add", session_subject(info.id), details
            )
        return info

    def sessions(self) -> list[SessionInfo]:
        return sessions.listed(self.conn)

    def sessions_for_site(self, site: str) -> list[SessionInfo]:
        """Saved logins of `site`, the newest first."""
        return sessions.for_site(self.conn, site)

    def session(self, id_or_prefix: str) -> SessionInfo:
        return sessions.get(self.conn, sessions.resolve(self.conn, id_or_prefix))

    def session_secret(self, id_or_prefix: str) -> SessionSecret:
        """The login with its storage state, for a capture to use in memory only (log the use
        with `record_session_use`)."""
        return sessions.secret(self.conn, sessions.resolve(self.conn, id_or_prefix))

    def record_session_use(
        self, session_id: str, *, url: str, outcome: str, item_id: str | None = None
    ) -> None:
        """Log one use of a saved login ("captured", "expired", "failed"); never its cookies."""
        details: dict[str, Any] = {"url": url, "outcome": outcome}
        if item_id is not None:
            details["item"] = item_id
        with self.transaction() as conn:
            sessions.touch(conn, session_id)
            custody.append(
                conn, self.settings.operator, "session-use", session_subject(session_id), details
            )

    def remove_session(self, id_or_prefix: str) -> SessionInfo:
        """Delete a saved login for good (overwritten, then deleted); a custody entry says so."""
        info = self.session(id_or_prefix)
        with self.transaction() as conn:
            sessions.remove(conn, info.id)
            custody.append(
                conn, self.settings.operator, "session-remove", session_subject(info.id),
                {"site": info.site, "account": info.account, "created_at": info.created_at},
            )  # fmt: skip
        return info

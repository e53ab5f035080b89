"""“Save picture hashes…” of a case (issue 14): the same CSV as `evidencekit hashes --case C`.

For platform reports and hash-sharing programmes: the SHA-256, MD5 and PDQ hash of every
picture of the case, never a picture (evidencekit/jobs/hash_list.py). Written atomically,
owner-only, and recorded in the custody log.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.dialogs import Ask
from ui.session import VaultSession
from ui.workers import Job


def suggested_path(case: str, folder: Path | None = None) -> Path:
    stem = re.sub(r"[^\w.-]+", "-", case, flags=re.UNICODE).strip("-.") or "case"
    return (folder or Path.home()) / f"{stem}-picture-hashes.csv"


def save_case_hashes(parent: QWidget, session: VaultSession, case: str) -> Job | None:
    """Ask where, then write the case's hash list there; None when she cancels. The job's
    result is (pictures listed, the file written)."""
    title = QCoreApplication.translate("HashListExport", "Save the picture hashes of this case")
    target = Ask.save_file(parent, title, suggested_path(case), "CSV (*.csv)")
    if target is None:
        return None
    from evidencekit.jobs.hash_list import case_hash_list, write_hash_list

    def write() -> Any:
        hash_list = case_hash_list(session.vault, case)
        write_hash_list(session.vault, hash_list, target)
        return hash_list.pictures, str(target)

    async def work(job: Job) -> Any:
        return await session.call(write)

    return session.run(work, "hash-list", changes=True)


def saved_words(pictures: int, target: str) -> str:
    text = QCoreApplication.translate(
        "HashListExport", "Saved the hashes of %n picture(s) to %1.", "", pictures
    )
    return text.replace("%1", target)

"""The one import job, called with each front end's policy for a file it cannot import."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from evidencekit.errors import InputFileError
from evidencekit.jobs.imports import import_files
from tests.conftest import closed_port_url


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    good = tmp_path / "chat.txt"
    good.write_text("he wrote this to me on 3 May")
    other = tmp_path / "second.txt"
    other.write_text("and this the next day")
    return good, tmp_path / "no-such-file.png", other


def test_refuse_all_stores_nothing_when_one_file_is_bad(vault, tmp_path: Path) -> None:
    good, missing, other = _files(tmp_path)
    with pytest.raises(InputFileError) as caught:
        asyncio.run(
            import_files(
                vault, [good, missing, other], tsa_urls=[closed_port_url()],
                on_bad_file="refuse_all",
            )
        )  # fmt: skip
    assert "no-such-file.png" in str(caught.value) and "Nothing was imported" in str(caught.value)
    assert vault.items() == []


def test_skip_imports_the_good_files_and_reports_the_bad_one(vault, tmp_path: Path) -> None:
    good, missing, other = _files(tmp_path)
    outcomes: list = []
    results = asyncio.run(
        import_files(
            vault, [good, missing, other], tsa_urls=[closed_port_url()], on_bad_file="skip",
            on_result=outcomes.append,
        )
    )  # fmt: skip
    assert [r.path for r in results] == [good, other]  # failures are left out of the list ...
    assert [r.path for r in outcomes] == [good, missing, other]  # ... and reported as they come
    bad = outcomes[1]
    assert bad.item is None and isinstance(bad.error, InputFileError)
    stored = [r.item for r in results]
    assert all(i is not None for i in stored) and all(r.error is None for r in results)
    assert sorted(i.id for i in vault.items()) == sorted(i.id for i in stored if i is not None)
    assert all(i.timestamp_status == "pending" for i in stored if i is not None)  # TSA down

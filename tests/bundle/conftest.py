"""Fixtures for the bundle tests: a case bundle exported once per session from a vault of
realistic captures, against a real RFC 3161 TSA on 127.0.0.1. Most tests only read it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from evidencekit.bundle import export_bundle
from tests.support.bundles import CASE, TALL_PX, Made, add_import, add_web_item, make_vault
from tests.support.tsa import TsaPki, TsaServer


@pytest.fixture(scope="session")
def case_bundle(tmp_path_factory: pytest.TempPathFactory, tsa_pki: TsaPki) -> Iterator[Made]:
    """3 web captures (one 12,000 px tall, one with a photo, one 404) + 1 import, B-LTA."""
    folder = tmp_path_factory.mktemp("case-bundle")
    vault = make_vault(folder)
    items = [
        add_web_item(vault, 1, height=TALL_PX),
        add_web_item(vault, 2, media=True),
        add_web_item(vault, 3),
        add_import(vault, folder),
    ]
    with TsaServer(tsa_pki) as tsa:
        result = export_bundle(
            vault, [i.id for i in items], folder / "bundle.pdf", tsa_urls=[tsa.url], case=CASE
        )
        yield Made(vault, items, result, tsa)
    vault.close()

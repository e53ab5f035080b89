"""The loopback TSA and fixture site in a child process, for measurements.

In the other tests they run as threads of the test process, which is fine for behaviour but
not for timing: their Python work (signing tokens, making pictures) competes for the GIL with
the GUI thread being measured. Real servers are elsewhere, so the heartbeat test puts them in
a process of their own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def _serve(folder: str, conn: Any) -> None:
    from tests.support.site import SiteServer
    from tests.support.tsa import TsaPki, TsaServer

    pki = TsaPki.create(Path(folder))
    with SiteServer() as site, TsaServer(pki) as tsa:
        conn.send({"site": site.url("/"), "tsa": tsa.url, "tsa_root": str(pki.root_pem)})
        conn.recv()  # serve until the parent says stop (or goes away)


@contextmanager
def servers_elsewhere(folder: Path) -> Iterator[dict[str, str]]:
    """{"site": base URL ending in /, "tsa": TSA URL, "tsa_root": its root certificate (PEM
    file)}, served from another process."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(str(folder), child), daemon=True)
    process.start()
    try:
        if not parent.poll(60):
            raise RuntimeError("the server process did not start")
        yield parent.recv()
    finally:
        try:
            parent.send("stop")
        except OSError:
            pass
        process.join(15)
        if process.is_alive():
            process.kill()  # our own child, by its handle
            process.join(5)

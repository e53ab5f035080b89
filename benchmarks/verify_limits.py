"""Small files made to hang or exhaust the verifier (issue 11, attack 5): time and peak RSS of
`verify_bundle` on each, in its own child process with a timeout, against a genuine bundle
exported for the run (3 items, B-LTA, the test TSA on 127.0.0.1).

Bombs: an xref stream claiming 200 million entries; a 4 MiB deflate bomb (4 GB inflated) as an
attachment, as bundle.json and as an object stream; 100 / 400 / 1,600 tiny incremental
updates after the signature, with the time ratio 400 vs 100 (linear means about 4 or less;
the limits refuse more than `limits.MAX_REVISIONS` revisions before reading on, so it is ~1).

Targets: each bomb invalid, under 30 s and under 512 MiB peak.

    python benchmarks/verify_limits.py [--code CHECKOUT] [--timeout 130]

`--code` runs the verifier of another checkout (e.g. `git worktree` of an older commit) to
measure it before a change.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the forging helpers and the loopback TSA live with the tests

from evidencekit.bundle import export_bundle  # noqa: E402
from tests.support import forge_limits as F  # noqa: E402
from tests.support.bundles import CASE, add_import, add_web_item, make_vault  # noqa: E402
from tests.support.tsa import TsaPki, TsaServer  # noqa: E402


def genuine(folder: Path) -> tuple[Path, Path]:
    vault = make_vault(folder)
    items = [add_web_item(vault, 1, height=3000), add_web_item(vault, 2, media=True)]
    items.append(add_import(vault, folder))
    pki = TsaPki.create(folder / "pki")
    with TsaServer(pki) as tsa:
        result = export_bundle(
            vault, [i.id for i in items], folder / "bundle.pdf", tsa_urls=[tsa.url], case=CASE
        )
    vault.close()
    return result.path, pki.root_pem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--timeout", type=float, default=130.0)
    parser.add_argument("--memory-cap-mib", type=int, default=9000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ek-limits-"))
    try:
        bundle, root = genuine(folder / "case")
        attachment = next(
            n for n in _names(bundle) if n.endswith("-page.mhtml")
        )  # a text file export deflates
        cases: list[tuple[str, Path]] = [("genuine", bundle)]
        cases.append(("xref stream, 200M entries", F.xref_stream_bomb(folder / "xref.pdf")))
        F.attachment_bomb(bundle, folder / "attachment.pdf", attachment)
        cases.append(("deflate bomb: attachment", folder / "attachment.pdf"))
        F.attachment_bomb(bundle, folder / "bundle-json.pdf", "bundle.json")
        cases.append(("deflate bomb: bundle.json", folder / "bundle-json.pdf"))
        F.object_stream_bomb(bundle, folder / "objstm.pdf")
        cases.append(("deflate bomb: object stream", folder / "objstm.pdf"))
        for count in (100, 400, 1600):
            path = F.many_updates(bundle, folder / f"u{count}.pdf", count)
            cases.append((f"{count} updates", path))
        seconds: dict[str, float] = {}
        for label, path in cases:
            outcome = F.run_verify(
                path,
                trust=(root,),
                timeout=args.timeout,
                memory_cap_mib=args.memory_cap_mib,
                code=args.code,
            )
            seconds[label] = outcome.seconds
            print(f"{label:32} {path.stat().st_size:>12,} bytes  {outcome}", flush=True)
        ratio = seconds["400 updates"] / seconds["100 updates"]
        print(f"updates 400 vs 100: time ratio {ratio:.2f} (linear: 4 or less)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _names(bundle: Path) -> list[str]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from evidencekit.verify.pdfread import attachments

    with open(bundle, "rb") as handle:
        return sorted(attachments(PdfFileReader(handle, strict=False)))


if __name__ == "__main__":
    main()

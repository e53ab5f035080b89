"""Small files made to hang or exhaust the verifier (issue 11, attack 5), and a runner that
verifies a file in a child process with a timeout and reports its time and peak memory.

Everything here is built for real: raw PDF bytes, zlib streams, incremental updates appended
to a genuine bundle the way any PDF tool appends them. Nothing depends on this machine.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

ROOT = Path(__file__).resolve().parent.parent.parent
MIB = 1024 * 1024

# --- the xref-stream bomb -------------------------------------------------------------------


def xref_stream_bomb(path: Path, entries: int = 200_000_000, *, index: bool = True) -> Path:
    """A PDF of a few hundred bytes whose only cross-reference stream claims `entries` objects
    (by /Size, and by /Index when `index`), with no row for any of them."""
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offset = len(head)
    ranges = b" /Index [0 %d]" % entries if index else b""
    body = (
        b"1 0 obj\n<< /Type /XRef /Size %d%s /W [1 4 2] /Root 2 0 R /Length 0 >>\nstream\n"
        b"\nendstream\nendobj\n" % (entries, ranges)
    )
    body += b"2 0 obj\n<< /Type /Catalog >>\nendobj\n"
    path.write_bytes(head + body + b"startxref\n%d\n%%%%EOF\n" % offset)
    return path


# --- deflate bombs ---------------------------------------------------------------------------


def zeros_bomb(compressed_size: int) -> tuple[bytes, int]:
    """A valid zlib stream of about `compressed_size` bytes that inflates to zeros about 1,000
    times its size, and that size. Made from one flushed block repeated (a full flush resets
    the dictionary, so the block is the same every time), with the right Adler-32 at the end:
    building it costs milliseconds, not the seconds of compressing gigabytes."""
    unit = MIB
    packer = zlib.compressobj(9)
    first = packer.compress(bytes(unit)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes(unit)) + packer.flush(zlib.Z_FULL_FLUSH)
    header, block = first[:2], first[2:]
    assert again == block
    count = max(1, compressed_size // len(block))
    inflated = count * unit
    adler = ((inflated % 65521) << 16) | 1  # Adler-32 of zeros: a stays 1, b counts them
    final = b"\x03\x00"  # an empty final block (fixed Huffman)
    return header + block * count + final + adler.to_bytes(4, "big"), inflated


def _trailer_info(data: bytes) -> tuple[int, int, generic.DictionaryObject]:
    """The last startxref, the next free object number and the last trailer of a PDF."""
    import io

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    startxref = int(re.findall(rb"startxref\s+(\d+)", data[-2048:])[-1])
    return startxref, int(reader.trailer["/Size"]), reader.trailer.flatten()


def _ref(value: Any) -> bytes:
    if isinstance(value, generic.IndirectObject):
        return b"%d %d R" % (value.idnum, value.generation)
    raise TypeError(value)


def _ids(trailer: generic.DictionaryObject) -> bytes:
    ids = trailer.get("/ID")
    if not ids:
        return b""
    raw = [getattr(part, "original_bytes", None) or bytes(part) for part in (ids[0], ids[1])]
    return b" /ID [<%s> <%s>]" % (raw[0].hex().encode(), raw[1].hex().encode())


def append_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """`data` with one incremental update that (re)writes `objects` (number -> the bytes between
    "obj" and "endobj"), with a classic xref table and a trailer pointing back at the last."""
    startxref, size, trailer = _trailer_info(data)
    return _append(data, objects, startxref, size, trailer)


def _append(
    data: bytes,
    objects: dict[int, bytes],
    startxref: int,
    size: int,
    trailer: generic.DictionaryObject,
) -> bytes:
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number, at in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (number, at)
    size = max(size, max(objects) + 1)
    info = b" /Info %s" % _ref(trailer.raw_get("/Info")) if "/Info" in trailer else b""
    out += b"trailer\n<< /Size %d /Root %s%s%s /Prev %d >>\n" % (
        size,
        _ref(trailer.raw_get("/Root")),
        info,
        _ids(trailer),
        startxref,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def attachment_stream(data: bytes, name: str) -> int:
    """The object number of the embedded-file stream of attachment `name` (its /EF /F)."""
    import io

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    node = reader.root["/Names"]["/EmbeddedFiles"]
    stack = [node]
    while stack:
        current = stack.pop()
        names = current.get("/Names", [])
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == name:
                return int(names[index + 1].get_object()["/EF"].raw_get("/F").idnum)
        stack += [kid.get_object() for kid in current.get("/Kids", [])]
    raise KeyError(name)


def attachment_bomb(genuine: Path, out: Path, name: str, compressed_size: int = 4 * MIB) -> int:
    """The genuine bundle with one incremental update that swaps attachment `name`'s stream for
    a deflate bomb of about `compressed_size` bytes. Returns how many bytes it inflates to."""
    data = genuine.read_bytes()
    number = attachment_stream(data, name)
    bomb, inflated = zeros_bomb(compressed_size)
    body = b"<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (
        len(bomb),
        bomb,
    )
    out.write_bytes(append_update(data, {number: body}))
    return inflated


def object_stream_bomb(genuine: Path, out: Path, compressed_size: int = 4 * MIB) -> int:
    """The genuine bundle with one incremental update whose cross-reference *stream* says the
    document catalog now lives in an object stream, and that object stream is a deflate bomb:
    pyHanko itself inflates it as soon as anything reads the catalog."""
    data = genuine.read_bytes()
    startxref, size, trailer = _trailer_info(data)
    root = trailer.raw_get("/Root")
    bomb, inflated = zeros_bomb(compressed_size)
    out_bytes = bytearray(data)
    objstm = size
    objstm_at = len(out_bytes)
    out_bytes += (
        b"%d 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (objstm, len(bomb))
    )
    out_bytes += bomb + b"\nendstream\nendobj\n"
    xref = objstm + 1
    xref_at = len(out_bytes)
    rows = [
        (root.idnum, b"\x02" + objstm.to_bytes(4, "big") + b"\x00\x00"),
        (objstm, b"\x01" + objstm_at.to_bytes(4, "big") + b"\x00\x00"),
        (xref, b"\x01" + xref_at.to_bytes(4, "big") + b"\x00\x00"),
    ]
    rows.sort()
    index = b" ".join(b"%d 1" % number for number, _ in rows)
    table = b"".join(row for _, row in rows)
    info = b" /Info %s" % _ref(trailer.raw_get("/Info")) if "/Info" in trailer else b""
    out_bytes += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 4 2] /Root %s%s%s /Prev %d "
        b"/Length %d >>\nstream\n%s\nendstream\nendobj\n"
        % (xref, xref + 1, index, _ref(root), info, _ids(trailer), startxref, len(table), table)
    )
    out_bytes += b"startxref\n%d\n%%%%EOF\n" % xref_at
    out.write_bytes(bytes(out_bytes))
    return inflated


# --- many tiny incremental updates -----------------------------------------------------------


def many_updates(genuine: Path, out: Path, count: int) -> Path:
    """The genuine bundle followed by `count` tiny incremental updates, each adding one new
    object (a number), the way a careless tool or a forger would pile them up."""
    data = genuine.read_bytes()
    startxref, size, trailer = _trailer_info(data)
    for step in range(count):
        number = size + step
        before = len(data)
        data = _append(data, {number: b"%d" % step}, startxref, number + 1, trailer)
        startxref = data.rindex(b"xref\n0 1\n", before)
    out.write_bytes(data)
    return out


# --- running the verifier in a child ---------------------------------------------------------

_CHILD = """
import json, os, resource, sys
cap = int(os.environ.get("EK_TEST_ADDRESS_CAP", "0"))
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from pathlib import Path
from evidencekit.verify import verify_bundle
from evidencekit.verify.trust import load_certificates
trusted = load_certificates([Path(p) for p in sys.argv[2:]])
report = verify_bundle(sys.argv[1], trusted_certs=trusted)
print(json.dumps(report.to_json()))
with open("/proc/self/status") as status:  # its own high-water mark, exact at the end
    print(next((l.split()[1] for l in status if l.startswith("VmHWM:")), "0"))
"""


@dataclass
class Outcome:
    seconds: float
    peak_mib: float  # the child's peak resident memory
    timed_out: bool
    report: dict[str, Any] = field(default_factory=dict)
    stderr: str = ""

    @property
    def verdict(self) -> str | None:
        return self.report.get("verdict")

    def failed_rows(self) -> list[dict[str, Any]]:
        return [c for c in self.report.get("checks", []) if c.get("status") == "failed"]

    def __str__(self) -> str:
        state = "TIMED OUT" if self.timed_out else str(self.verdict)
        return f"{state} in {self.seconds:.2f} s, peak RSS {self.peak_mib:.0f} MiB"


def run_verify(
    path: Path,
    *,
    trust: tuple[Path, ...] = (),
    timeout: float = 60.0,
    memory_cap_mib: int | None = None,
    code: Path = ROOT,
) -> Outcome:
    """Verify `path` in a child process; kill it at `timeout`. Its own peak RSS comes from
    wait4 (the child's rusage alone, even when it was killed). `memory_cap_mib` bounds its
    address space, so that a regression cannot exhaust the machine running the tests. `code` is
    the checkout whose verifier runs (another one measures an older version)."""

    # The cap is set by the child itself: a preexec_fn would make subprocess fork rather than
    # spawn, and a forked child's peak RSS starts at its parent's.
    cap = str(memory_cap_mib * MIB if memory_cap_mib else 0)
    env = {**os.environ, "PYTHONPATH": str(code), "EK_TEST_ADDRESS_CAP": cap}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path), *map(str, trust)],
            stdout=out,
            stderr=err,
            env=env,
            cwd=code,  # `python -c` puts the working folder first on the path
        )
        # Reaped with wait4, not Popen.wait: its rusage is this child's alone, killed or not.
        timed_out = False
        peak_kib = 0
        while True:
            peak_kib = max(peak_kib, _high_water_kib(child.pid))
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                timed_out = True
                os.kill(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    report: dict[str, Any] = {}
    lines = stdout.splitlines()
    if not timed_out and len(lines) >= 2:
        report = json.loads(lines[-2])
        peak_kib = max(peak_kib, int(lines[-1]))
    said = stderr.decode("utf-8", "replace")[-2000:]
    # rusage's maxrss counts the memory the child had before exec (its parent's copy: the test
    # process); the kernel's high-water mark of the child's own address space does not. Polled
    # while it runs, so a killed child has one too; rusage only where /proc is missing.
    peak = peak_kib if peak_kib else usage.ru_maxrss
    return Outcome(seconds, peak / 1024, timed_out, report, said)


def _high_water_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

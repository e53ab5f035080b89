"""evidencekit.clock writes each time byte for byte as the code it replaced did.

These strings sit inside signed manifests, custody-log hashes and bundle.json: a changed
digit would break every existing seal. Each formatter is compared with the expression the
place used before, for a few moments (microsecond 0, 999999, an offset other than UTC).
"""

from __future__ import annotations

import datetime as dt

import pytest

from evidencekit.clock import (
    iso_z_auto,
    iso_z_ms,
    iso_z_s,
    iso_z_us,
    now_iso_z_ms,
    parse_iso_z,
    utc_now,
)

PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
MOMENTS = [
    dt.datetime(2024, 5, 1, 10, 20, 30, 0, tzinfo=dt.UTC),
    dt.datetime(2024, 5, 1, 10, 20, 30, 999999, tzinfo=dt.UTC),
    dt.datetime(2024, 5, 1, 10, 20, 30, 123456, tzinfo=dt.UTC),
    dt.datetime(2024, 5, 1, 10, 20, 30, 1000, tzinfo=dt.UTC),
    dt.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=PLUS_TWO),
    dt.datetime(2024, 2, 29, 0, 0, 0, 1, tzinfo=PLUS_TWO),
]


# The expressions as they stood before the formatters were gathered in evidencekit.clock.
def _old_ms(moment: dt.datetime) -> str:  # capture/journal.iso_utc, vault/custody.utc_now
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _old_s(moment: dt.datetime) -> str:  # verify/checks.iso
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _old_xmp(moment: dt.datetime) -> str:  # bundle/pdfa._xmp_date
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _old_us(moment: dt.datetime) -> str:  # importer._iso
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _old_auto(moment: dt.datetime) -> str:  # vault/store.py, a token's gen_time
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_formatters_write_what_the_old_code_wrote(moment: dt.datetime) -> None:
    assert iso_z_ms(moment) == _old_ms(moment)
    assert iso_z_s(moment) == _old_s(moment) == _old_xmp(moment)
    assert iso_z_us(moment) == _old_us(moment)
    assert iso_z_auto(moment) == _old_auto(moment)


def test_exact_strings() -> None:
    zero, last = MOMENTS[0], MOMENTS[1]
    assert iso_z_ms(zero) == "2024-05-01T10:20:30.000Z"
    assert iso_z_ms(last) == "2024-05-01T10:20:30.999Z"  # truncated, never rounded up
    assert iso_z_s(zero) == "2024-05-01T10:20:30Z"
    assert iso_z_s(last) == "2024-05-01T10:20:30Z"
    assert iso_z_us(zero) == "2024-05-01T10:20:30.000000Z"
    assert iso_z_us(last) == "2024-05-01T10:20:30.999999Z"
    assert iso_z_auto(zero) == "2024-05-01T10:20:30Z"
    assert iso_z_auto(last) == "2024-05-01T10:20:30.999999Z"
    assert iso_z_ms(MOMENTS[4]) == "1999-12-31T21:59:59.999Z"


def test_file_times_keep_microseconds() -> None:
    stamp = dt.datetime(2024, 5, 1, 10, 20, 30, 0, tzinfo=dt.UTC).timestamp()
    old = (
        dt.datetime.fromtimestamp(stamp, dt.UTC)
        .isoformat(timespec="microseconds")
        .replace("+00:00", "Z")
    )
    assert iso_z_us(dt.datetime.fromtimestamp(stamp, dt.UTC)) == old


def test_now() -> None:
    before = dt.datetime.now(dt.UTC)
    now = utc_now()
    text = now_iso_z_ms()
    assert now.tzinfo is dt.UTC and before <= now
    assert len(text) == len("2024-05-01T10:20:30.123Z") and text.endswith("Z")
    assert parse_iso_z(text) >= now.replace(microsecond=now.microsecond // 1000 * 1000)


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_parse_reads_back(moment: dt.datetime) -> None:
    assert parse_iso_z(iso_z_us(moment)) == moment
    assert parse_iso_z(iso_z_auto(moment)) == moment
    assert parse_iso_z(iso_z_ms(moment)).tzinfo == dt.UTC
    old = dt.datetime.fromisoformat(iso_z_ms(moment).replace("Z", "+00:00"))
    assert parse_iso_z(iso_z_ms(moment)) == old


def test_parse_keeps_what_it_was_given() -> None:
    assert parse_iso_z("2024-05-01T10:20:30").tzinfo is None
    assert parse_iso_z("2024-05-01T10:20:30+02:00").utcoffset() == dt.timedelta(hours=2)
    with pytest.raises(ValueError):
        parse_iso_z("yesterday")

"""One timestamp format: what Python writes is what SQLite writes, and no module of the store
writes timestamps another way."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.store import clock

STORE = Path(clock.__file__).parent


def test_python_and_sqlite_write_the_same_format() -> None:
    (sql,) = sqlite3.connect(":memory:").execute(f"SELECT {clock.SQL_NOW}").fetchone()
    assert clock.TIME_RE.match(sql), sql
    assert clock.TIME_RE.match(clock.now_text())
    assert abs(clock.parse(sql) - clock.parse(clock.now_text())) < timedelta(seconds=5)


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 1, 1)))
def test_text_order_is_time_order_and_parse_reads_it_back(moment: datetime) -> None:
    later = moment + timedelta(milliseconds=1)
    a, b = clock.stamp(moment.replace(tzinfo=UTC)), clock.stamp(later.replace(tzinfo=UTC))
    assert a < b
    assert clock.parse(a) == moment.replace(
        tzinfo=UTC, microsecond=moment.microsecond // 1000 * 1000
    )


def test_no_module_writes_timestamps_another_way() -> None:
    """Timestamps are written through store/clock.py; only the released migrations' SQL keeps
    SQLite's own spelling of the same format (the iCalendar export's format is iCalendar's)."""
    allowed = {"%Y-%m-%dT%H:%M:%fZ"}
    found = []
    for path in STORE.rglob("*.py"):
        if path.name in ("clock.py", "ics.py"):
            continue
        for pattern in re.findall(r"%Y-%m-%dT[%A-Za-z:.]*", path.read_text(encoding="utf-8")):
            if pattern not in allowed:
                found.append(f"{path.relative_to(STORE)}: {pattern}")
    assert not found

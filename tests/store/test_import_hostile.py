"""Hostile input to each importer (CSV, TimelineJS JSON, Timesketch CSV and JSONL): times at
the edges of the calendar with UTC offsets, huge and odd timestamps, Infinity and NaN, bytes
that are not UTF-8 at any place, nesting deeper than Python's parser goes. Each ends in a
correct import or one clear error (a StoreError of one line), the event count unchanged."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.database import open_store
from desktop.store.errors import StoreError
from desktop.store.io import apply_import, plan_import

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

EDGE_TIMES = st.sampled_from(
    ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00", "0001-01-01T00:00:00Z",
     "9999-12-31T23:59:59.999999+00:00", "9999-12-31T23:59:00+14:00", "0001-01-01T23:59-14:00",
     "2024-07-04T10:00:00+08:00", "2024-02-30T10:00:00Z", "2024-07-04T25:00:00Z",
     "+002024-07-04T10:00:00Z", "2024-07-04T10:00:00+24:00", "10000-01-01T00:00:00Z"]
)  # fmt: skip
TIMES = EDGE_TIMES | st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())
STAMPS = st.integers(-(10**22), 10**22) | st.sampled_from(
    [253402300799999999, 253402300800000000, -62135596800000000, -62135596800000001, "1e30",
     "NaN", "inf", "", " 12 ", "0x10", 1.5, -0.0]
)  # fmt: skip
TEXT = st.text(max_size=20) | st.sampled_from(["", " ", "\x00", "商汤", "a\u2028b", "\ufeff"])


class Seeded:
    """A copy of the seeded template, opened once per test (its examples share it)."""

    def __init__(self, template: Path, folder: Path) -> None:
        path = folder / "dossier.db"
        shutil.copy(template, path)
        self.store = open_store(path)

    def events(self) -> int:
        return int(self.store.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def exercise(self, data: bytes, fmt: str | None, name: str, partial: bool) -> None:
        """Plan and import ``data``: a correct import, or one clear error and no change."""
        before = self.events()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                plan = plan_import(path, fmt)
                report = apply_import(self.store, plan, partial=partial)
            except StoreError as exc:
                message = str(exc)
                assert message and "\n" not in message and "Traceback" not in message
                assert self.events() == before
                return
        assert report.skipped == (plan.skipped_count if partial else 0)
        assert self.events() == before + report.created
        assert report.created + report.updated + report.unchanged + report.duplicates == plan.valid


@pytest.fixture
def seeded(seeded_template, tmp_path):
    db = Seeded(seeded_template, tmp_path)
    yield db
    db.store.close()


def damage(data: bytes, where: int, junk: bytes) -> bytes:
    """``junk`` (bytes that may not be UTF-8) put in at a place in ``data``."""
    at = where % (len(data) + 1)
    return data[:at] + junk + data[at:]


JUNK = st.sampled_from([b"", b"\xe9", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r"])


@SETTINGS
@given(
    rows=st.lists(st.tuples(TEXT, TIMES | TEXT, TIMES | TEXT, TEXT), max_size=6),
    where=st.integers(0, 10**6),
    junk=JUNK,
    partial=st.booleans(),
)
def test_csv(seeded, rows, where, junk, partial):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "start", "end", "orgs"])
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8", "surrogatepass")
    seeded.exercise(damage(data, where, junk), "csv", "events.csv", partial)


@SETTINGS
@given(
    rows=st.lists(st.tuples(TEXT, TIMES | TEXT, STAMPS.map(str), TEXT), max_size=6),
    where=st.integers(0, 10**6),
    junk=JUNK,
    partial=st.booleans(),
)
def test_timesketch_csv(seeded, rows, where, junk, partial):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["message", "datetime", "timestamp", "timestamp_desc"])
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8", "surrogatepass")
    seeded.exercise(damage(data, where, junk), "timesketch", "sketch.csv", partial)


NUMBERS = st.integers(-(10**30), 10**30) | st.floats() | st.sampled_from([2**63, -(2**63) - 1])
EVENT = st.fixed_dictionaries(
    {"message": TEXT},
    optional={"datetime": TIMES | NUMBERS | TEXT, "timestamp": STAMPS | NUMBERS,
              "timestamp_desc": TEXT, "tag": st.lists(TEXT, max_size=3), "x": NUMBERS},
)  # fmt: skip


@SETTINGS
@given(
    events=st.lists(EVENT | st.lists(NUMBERS, max_size=2) | NUMBERS, max_size=6),
    depth=st.sampled_from([0, 0, 3, 50_000]),
    where=st.integers(0, 10**6),
    junk=JUNK,
    partial=st.booleans(),
)
def test_timesketch_jsonl(seeded, events, depth, where, junk, partial):
    lines = [json.dumps(e, ensure_ascii=False) for e in events]  # Infinity and NaN too
    if depth:
        lines.insert(len(lines) // 2, "[" * depth + "]" * depth)
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    seeded.exercise(damage(data, where, junk), "jsonl", "sketch.jsonl", partial)


DATE_PART = st.integers(-(10**20), 10**20) | st.floats() | TEXT | st.none()
DATE_OBJ = st.fixed_dictionaries(
    {"year": DATE_PART | st.integers(1, 9999)},
    optional={"month": DATE_PART, "day": DATE_PART, "hour": DATE_PART, "minute": DATE_PART},
)
SLIDE = st.fixed_dictionaries(
    {"text": st.fixed_dictionaries({"headline": TEXT}), "start_date": DATE_OBJ},
    optional={"end_date": DATE_OBJ, "group": TEXT, "unique_id": TEXT,
              "dossier": st.fixed_dictionaries({}, optional={"start": TIMES | TEXT,
                                                             "end": TIMES | TEXT})}
)  # fmt: skip


@SETTINGS
@given(
    slides=st.lists(SLIDE, max_size=5),
    depth=st.sampled_from([0, 0, 0, 50_000]),
    where=st.integers(0, 10**6),
    junk=JUNK,
    partial=st.booleans(),
)
def test_timelinejs(seeded, slides, depth, where, junk, partial):
    doc: dict = {"events": slides}
    text = json.dumps(doc, ensure_ascii=False)
    if depth:
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    data = text.encode("utf-8", "surrogatepass")
    data = damage(data, where, junk) if junk != b"\r" else data
    seeded.exercise(data, "timelinejs", "timeline.json", partial)


@pytest.mark.parametrize(
    ("name", "fmt", "data", "said"),
    [
        ("a.jsonl", "jsonl", b'{"message": "x", "datetime": "9999-12-31T23:30:00-01:00"}\n',
         "out of range"),
        ("a.csv", "timesketch", b"message,datetime\nx,0001-01-01T00:30:00+01:00\n",
         "out of range"),
        ("a.csv", "csv", b"title,start\nx,9999-12-31T23:30:00-01:00\n", "out of range"),
        ("a.jsonl", "jsonl", b"[" * 50_000 + b"]" * 50_000 + b"\n", "nested too deeply"),
        ("a.json", "timelinejs", b'{"events": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
         "nested too deeply"),
        ("a.jsonl", "jsonl", b'{"message": "caf\xe9"}\n', "byte 0xE9 at offset 16"),
        ("a.json", "timelinejs", b'{"events": ["caf\xe9"]}', "byte 0xE9 at offset 16"),
        ("a.csv", "csv", b"title,start\nok,2024\ncaf\xe9,2024-01-01\n", "byte 0xE9 at offset 23"),
        ("a.csv", "csv", b"ti\xe9tle,start\nx,2024\n", "byte 0xE9 at offset 2"),
        ("a.jsonl", "jsonl", b'{"message": "' + b"a" * (17 * 2**20) + b'"}\n', "16 MB"),
    ],
)  # fmt: skip
def test_the_error_says_what_is_wrong(seeded, name, fmt, data, said):
    before = seeded.events()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with pytest.raises(StoreError) as caught:
            apply_import(seeded.store, plan_import(path, fmt))
    assert said in str(caught.value) and "\n" not in str(caught.value)
    assert "ends before it starts" not in str(caught.value)
    assert seeded.events() == before

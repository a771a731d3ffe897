"""Whatever a file holds, an import ends in a correct import or a clean ImportFileError, and a
refused import leaves the database exactly as it was (integrity intact)."""

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.store.database import memory_store
from desktop.store.io import ImportFileError, ImportRefused, apply_import, plan_import

FORMATS = [None, "csv", "timelinejs", "timesketch", "jsonl"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def base_store():
    store = memory_store()
    store.conn.execute("INSERT INTO organizations (key, name, aliases) VALUES"
                       " ('sensetime', 'SenseTime', '[\"商汤\"]')")  # fmt: skip
    store.conn.execute(
        "INSERT INTO events (key, title, start, start_lo, start_hi) VALUES"
        " ('waic-2024', 'WAIC 2024', '2024-07', 1719792000, 1722470400)"
    )
    store.conn.execute("INSERT INTO event_orgs (event_id, org_id) VALUES (1, 1)")
    return store


def snapshot(store):
    q = store.conn.execute
    return (
        q("SELECT * FROM events ORDER BY id").fetchall(),
        q("SELECT * FROM event_orgs ORDER BY event_id, org_id").fetchall(),
        q("SELECT * FROM organizations ORDER BY id").fetchall(),
        q("SELECT rowid, * FROM search ORDER BY rowid").fetchall(),
        q("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
        q("SELECT * FROM search_config ORDER BY k").fetchall(),
    )


def healthy(store):
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    store.conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
    n_events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    n_search = store.conn.execute("SELECT count(*) FROM search WHERE kind = 'event'").fetchone()[0]
    assert n_events == n_search


def exercise(data: bytes, fmt, name="input.dat"):
    """Plan, refuse or import, and check the outcome."""
    store = base_store()
    before = snapshot(store)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            plan = plan_import(path, fmt)
        except ImportFileError as exc:
            assert str(exc) and "\n" not in str(exc)
            assert snapshot(store) == before
            return None
        assert plan.valid + plan.skipped_count == plan.total
        if plan.skipped_count:
            with pytest.raises(ImportRefused):
                apply_import(store, plan)
            assert snapshot(store) == before
        report = apply_import(store, plan, partial=True)
    healthy(store)
    assert report.created + report.updated + report.unchanged + report.duplicates == plan.valid
    assert report.skipped == plan.skipped_count
    last = {e.key: e for e in plan.preview}  # small inputs: the preview holds every row
    for key, event in last.items():
        row = store.conn.execute(
            'SELECT title, start, "end" FROM events WHERE key = ?', (key,)
        ).fetchone()
        assert row == (event.title, event.start, event.end)
    return plan


@SETTINGS
@given(data=st.binary(max_size=600), fmt=st.sampled_from(FORMATS))
def test_arbitrary_bytes(data, fmt):
    exercise(data, fmt)


DATES = st.sampled_from(
    ["2024", "May 2024", "2024-05-01", "Q2 2024", "early 2024", "13/13/2024", "9999-12-31",
     "0001", "2024-07-04T09:00", "4-6 Jul 2024", "c. 2018", "2024-05-01/2024-04-01"]
)  # fmt: skip
CELL = st.text(max_size=30) | DATES | st.sampled_from(["SenseTime; 商汤", "yes", "", " "])
HEADERS = ["end", "summary", "kind", "org", "id", "era", "place", "other", "title"]


@SETTINGS
@given(
    header=st.lists(st.sampled_from(HEADERS), max_size=5, unique=True).flatmap(
        lambda extra: st.permutations(["title", "date", *[h for h in extra if h != "title"]])
    ),
    rows=st.lists(
        st.tuples(st.text(max_size=20), DATES | st.text(max_size=12), st.lists(CELL, max_size=6)),
        max_size=8,
    ),
)
def test_arbitrary_csv_rows(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for title, date, rest in rows:
        cells = dict(zip([h for h in header if h not in ("title", "date")], rest, strict=False))
        cells.update(title=title, date=date)
        writer.writerow([cells.get(h, "") for h in header] + rest[len(header) :])
    data = buf.getvalue().encode("utf-8", "surrogateescape")
    exercise(data, "csv", "rows.csv")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=False)
    | st.text(max_size=20) | CELL,
    lambda kids: st.lists(kids, max_size=4)
    | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=20,
)  # fmt: skip
GOOD_DATE = st.fixed_dictionaries(
    {"year": st.integers(1, 9999)},
    optional={"month": st.integers(1, 12), "day": st.integers(1, 28)},
)
WILD_DATE = st.fixed_dictionaries(
    {"year": st.integers(-3000, 12000) | st.text(max_size=6)},
    optional={"month": st.integers(-1, 14), "day": st.integers(0, 32), "hour": st.integers(-1, 25),
              "minute": st.integers(-1, 61), "display_text": st.text(max_size=10)},
)  # fmt: skip
DATE_OBJ = GOOD_DATE | GOOD_DATE | WILD_DATE


SLIDE = st.fixed_dictionaries(
    {"start_date": DATE_OBJ},
    optional={
        "end_date": DATE_OBJ | JSON,
        "text": st.fixed_dictionaries(
            {"headline": st.text(min_size=1, max_size=20).filter(str.strip) | JSON},
            optional={"text": CELL | JSON},
        ),
        "group": CELL | JSON,
        "unique_id": CELL | JSON,
        "dossier": st.fixed_dictionaries(
            {}, optional={"key": CELL, "start": CELL, "end": CELL, "orgs": JSON, "era": JSON}
        ),
    },
)


@SETTINGS
@given(
    events=st.lists(st.one_of(SLIDE, SLIDE, JSON), max_size=6),
    eras=st.none() | st.lists(SLIDE, max_size=3),
    title=st.none() | SLIDE,
)
def test_arbitrary_timelinejs(events, eras, title):
    doc = {"events": events}
    if eras is not None:
        doc["eras"] = eras
    if title is not None:
        doc["title"] = title
    exercise(json.dumps(doc).encode(), "timelinejs", "t.json")


LINE = st.fixed_dictionaries(
    {},
    optional={
        "message": st.text(min_size=1, max_size=20) | JSON,
        "datetime": CELL | st.sampled_from(["2024-05-01T10:00:00+08:00", "2024-05-01T10:00:61Z"]),
        "timestamp": st.integers(-(10**18), 10**18) | CELL,
        "timestamp_desc": CELL,
        "tag": JSON,
    },
)


@SETTINGS
@given(lines=st.lists(LINE | JSON, max_size=6))
@example(lines=[[","], {}])  # a column named '[",' then a line break: the refusal is one line
def test_arbitrary_jsonl(lines):
    data = "\n".join(json.dumps(line) for line in lines).encode()
    exercise(data, "timesketch", "t.jsonl")

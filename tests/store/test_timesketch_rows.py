"""Timesketch rows as Timesketch keeps them: every row an event (only rows identical in every
column merge, and the report counts them), every column kept as an attribute, shown in the
event's details and exported again, ``datetime`` kept to the microsecond in UTC."""

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.domain.attributes import join_attributes, split_attributes
from desktop.domain.dossier_event import event_document
from desktop.store.io import apply_import, plan_import
from desktop.store.io.timesketch import export_timesketch
from desktop.store.queries import event_detail

COLUMNS = ["message", "datetime", "timestamp", "timestamp_desc", "hostname", "pid", "data_type"]
STAMP = ("2024-05-01T10:54:56.123456+00:00", "1714560896123456")


def rows():
    """13 rows equal in message, datetime and description: they differ only in extra columns;
    then 3 exact copies of earlier rows."""
    out = []
    for i in range(13):
        host, pid = f"web{i % 4}", str(100 + i // 4)
        out.append(["Login from 10.0.0.1", *STAMP, "Event Recorded", host, pid, "syslog"])
    return [*out, list(out[0]), list(out[5]), list(out[5])]


def write_csv(path):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    w.writerows(rows())
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def write_jsonl(path):
    lines = []
    for r in rows():
        obj = dict(zip(COLUMNS, r, strict=True))
        obj["timestamp"] = int(obj["timestamp"])  # as Timesketch writes it: a number
        obj["pid"] = int(obj["pid"])
        lines.append(json.dumps(obj))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported(store):
    return store.conn.execute("SELECT id, title, summary, kind, start FROM events").fetchall()


@pytest.mark.parametrize("write", [write_csv, write_jsonl], ids=["csv", "jsonl"])
def test_rows_that_differ_in_extra_columns_are_all_kept(tmp_path, empty_store, write):
    path = write(tmp_path / ("sketch.csv" if write is write_csv else "sketch.jsonl"))
    plan = plan_import(path)
    assert plan.fmt == "timesketch" and plan.valid == 16
    report = apply_import(empty_store, plan)
    assert (report.created, report.duplicates, report.unchanged) == (13, 3, 0)
    events = imported(empty_store)
    assert len(events) == 13
    kept = {tuple(sorted(split_attributes(e[2])[1].items())) for e in events}
    assert len(kept) == 13  # every combination of extra columns is its own event
    for _, title, summary, kind, start in events:
        attrs = split_attributes(summary)[1]
        assert (title, kind, start) == ("Login from 10.0.0.1", "Event Recorded", "2024-05-01T10:54")
        assert attrs["datetime"] == STAMP[0] and attrs["timestamp"] == STAMP[1]
        assert set(attrs) == {"datetime", "timestamp", "hostname", "pid", "data_type"}
    again = apply_import(empty_store, plan_import(path))  # the same file: nothing new
    assert (again.created, again.updated, again.unchanged, again.duplicates) == (0, 0, 13, 3)


def test_the_report_says_how_many_duplicates_were_dropped(tmp_path, capsys):
    path = write_csv(tmp_path / "sketch.csv")
    db = tmp_path / "d.db"
    assert main(["init", "--empty", str(db)]) == 0
    assert main(["import", str(path), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "created 13" in out and "duplicates dropped: 3 rows identical in every column" in out


def test_datetime_kept_to_the_microsecond_in_utc(tmp_path, empty_store):
    path = tmp_path / "t.csv"
    path.write_text(
        "message,datetime,timestamp_desc\n"
        "a,2024-05-01T12:54:56.000001+02:00,Written\n"
        "b,2024-05-01T10:54:00,Written\n"
    )
    a, b = plan_import(path, "timesketch").preview
    assert (
        a.start == "2024-05-01T10:54" and a.extra["datetime"] == "2024-05-01T10:54:56.000001+00:00"
    )
    assert b.extra["datetime"] == "2024-05-01T10:54:00.000000+00:00"


def test_attributes_are_shown_in_the_details(tmp_path, empty_store):
    apply_import(empty_store, plan_import(write_csv(tmp_path / "s.csv")))
    event_id = imported(empty_store)[0][0]
    doc = event_document(event_detail(empty_store, event_id))
    section = next(s for s in doc.sections if s.kind == "attributes")
    shown = {item.text for item in section.items}
    assert "hostname: web0" in shown and f"datetime: {STAMP[0]}" in shown
    lead = " ".join(item.text for item in doc.lead)
    assert "extra:" not in lead  # not as raw JSON in the summary


@pytest.mark.parametrize("write", [write_csv, write_jsonl], ids=["csv", "jsonl"])
def test_exported_as_timesketch_and_imported_again(tmp_path, empty_store, write, mem_seeded):
    path = write(tmp_path / ("s.csv" if write is write_csv else "s.jsonl"))
    apply_import(empty_store, plan_import(path))
    out = tmp_path / "out.jsonl"
    assert export_timesketch(empty_store, out) == 13
    objects = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(o["datetime"] == STAMP[0] and o["timestamp"] == int(STAMP[1]) for o in objects)
    assert {(o["hostname"], str(o["pid"])) for o in objects} == {(r[4], r[5]) for r in rows()}
    plan = plan_import(out)
    assert plan.fmt == "timesketch"
    report = apply_import(mem_seeded, plan)
    assert report.created == 13
    back = [
        split_attributes(s)[1]
        for (s,) in mem_seeded.conn.execute(
            "SELECT summary FROM events WHERE title = 'Login from 10.0.0.1'"
        )
    ]
    assert sorted((a["hostname"], a["pid"], a["datetime"]) for a in back) == sorted(
        (o["hostname"], str(o["pid"]), STAMP[0]) for o in objects
    )


def test_an_event_without_attributes_exports_its_start(empty_store, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("title,date,summary\nLaunch,2024-05-01T10:30,Said so\n")
    apply_import(empty_store, plan_import(path))
    out = tmp_path / "o.jsonl"
    export_timesketch(empty_store, out)
    (obj,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert obj["datetime"] == "2024-05-01T10:30:00.000000+00:00"
    assert obj["timestamp"] == 1714559400 * 1_000_000 and obj["summary"] == "Said so"


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(st.none(), st.text(max_size=30)),
    st.dictionaries(st.text(min_size=1, max_size=10), st.text(max_size=20), max_size=5),
)
def test_attributes_line_round_trips(summary, attributes):
    joined = join_attributes(summary, attributes)
    text, back = split_attributes(joined)
    assert back == attributes
    if attributes:
        assert text == ((summary or "").rstrip() or None)


def test_counts_add_up_when_a_key_repeats(tmp_path, empty_store):
    """A repeat that changes the event is an update (the last row wins); one that changes
    nothing is a duplicate; every row is counted once, on a first import and a second."""
    path = tmp_path / "k.csv"
    path.write_text(
        "key,title,date,summary\n"
        "a,A,2024,first\n"
        "a,A,2024,second\n"  # changes a
        "a,A,2024,second\n"  # a duplicate
        "b,B,2024,x\n"
        "b,B,2024,x\n"  # a duplicate
    )
    report = apply_import(empty_store, plan_import(path))
    assert (report.created, report.updated, report.unchanged, report.duplicates) == (2, 1, 0, 2)
    summary = empty_store.conn.execute("SELECT summary FROM events WHERE key = 'a'").fetchone()
    assert summary == ("second",)
    again = apply_import(empty_store, plan_import(path))
    assert again.created + again.updated + again.unchanged + again.duplicates == 5
    assert (again.created, again.duplicates) == (0, 2)

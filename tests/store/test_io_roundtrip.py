"""Import and export: round trips keep every event (precision included), the formats analysts
use are read as documented, bad rows are refused or skipped, and the iCalendar text is valid."""

import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.filters import EventFilter
from desktop.domain.partial_date import PartialDate
from desktop.store.database import memory_store
from desktop.store.filters import org_ids_by_names
from desktop.store.io import (
    ImportCancelled,
    ImportFileError,
    ImportRefused,
    apply_import,
    plan_import,
    search_index,
)
from desktop.store.io import writer as writer_module
from desktop.store.io.exporters import export_csv, export_ics, export_timelinejs
from desktop.store.io.ics import fold


# -- helpers --------------------------------------------------------------------------------
def events_of(store):
    """Every event as comparable values, with its organizations' names."""
    rows = store.conn.execute(
        'SELECT e.key, e.title, e.summary, e.kind, e.start, e."end", e.start_lo, e.start_hi,'
        " e.end_lo, e.end_hi, e.place, e.era, (SELECT json_group_array(name) FROM (SELECT o.name"
        " FROM event_orgs eo JOIN organizations o ON o.id = eo.org_id WHERE eo.event_id = e.id"
        " ORDER BY o.name)) FROM events e ORDER BY e.key"
    ).fetchall()
    return {r[0]: (*r[1:12], tuple(json.loads(r[12]))) for r in rows}


def search_rows(store):
    return store.conn.execute(
        "SELECT rowid, kind, title, body FROM search WHERE kind = 'event' ORDER BY rowid"
    ).fetchall()


def schema_of(store):
    return store.conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


def assert_search_matches_triggers(store):
    """The bulk-built search rows equal what the schema's own triggers write."""
    before = search_rows(store)
    store.conn.execute("UPDATE events SET title = title")  # fires events_search_au per row
    assert search_rows(store) == before
    store.conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding, newline="")
    return path


# -- round trips ----------------------------------------------------------------------------
@pytest.mark.parametrize("export", [export_csv, export_timelinejs], ids=["csv", "timelinejs"])
def test_seed_round_trip_keeps_every_event(mem_seeded, tmp_path, export):
    out = tmp_path / "out"
    assert export(mem_seeded, out) == len(events_of(mem_seeded))
    fresh = memory_store()
    plan = plan_import(out)
    assert plan.skipped_count == 0
    report = apply_import(fresh, plan)
    assert report.created == len(events_of(mem_seeded))
    assert events_of(fresh) == events_of(mem_seeded)
    assert_search_matches_triggers(fresh)
    # and back into the source: nothing changes
    again = apply_import(mem_seeded, plan_import(out))
    assert (again.created, again.updated, again.unchanged) == (0, 0, report.created)


NAMES = ["Alpha Labs", "商汤科技", "Beta, Inc.", "O'Neil & Co", "Zhipu AI"]
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
).map(str.strip)


@st.composite
def partial_dates(draw):
    year = draw(st.integers(1, 9998))
    kind = draw(st.sampled_from(["year", "month", "day", "minute", "Q", "H", "third", "mthird"]))
    approx = draw(st.booleans())
    month = draw(st.integers(1, 12))
    if kind == "year":
        return PartialDate(year, approximate=approx)
    if kind == "month":
        return PartialDate(year, month, approximate=approx)
    if kind == "day":
        return PartialDate(year, month, draw(st.integers(1, 28)), approximate=approx)
    if kind == "minute":
        return PartialDate(year, month, 3, draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    if kind == "Q":
        return PartialDate(year, part=f"Q{draw(st.integers(1, 4))}")
    if kind == "H":
        return PartialDate(year, part=f"H{draw(st.integers(1, 2))}")
    part = draw(st.sampled_from(["early", "mid", "late"]))
    return PartialDate(year, month if kind == "mthird" else None, part=part)


@st.composite
def events(draw):
    start = draw(partial_dates())
    end = draw(st.none() | partial_dates())
    if end is not None and end.interval()[1] <= start.interval()[0]:
        end = None
    return {
        "title": draw(TEXT.filter(bool)),
        "summary": draw(TEXT) or None,
        "kind": draw(st.sampled_from(["release", "policy", "Conférence, big", "event"])),
        "start": start,
        "end": end,
        "place": draw(st.none() | TEXT.filter(bool)),
        "era": draw(st.booleans()),
        "orgs": draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=3)),
    }


def fill(store, items):
    org_ids = {}
    for i, item in enumerate(items):
        for name in item["orgs"]:
            if name not in org_ids:
                cur = store.conn.execute(
                    "INSERT INTO organizations (key, name) VALUES (?, ?)",
                    (f"org-{len(org_ids)}", name),
                )
                org_ids[name] = cur.lastrowid
        lo, hi = item["start"].interval()
        end = item["end"]
        end_lo, end_hi = end.interval() if end else (None, None)
        cur = store.conn.execute(
            'INSERT INTO events (key, title, summary, kind, start, start_lo, start_hi, "end",'
            " end_lo, end_hi, place, era) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"ev-{i}", item["title"], item["summary"], item["kind"], item["start"].canonical(),
             lo, hi, end.canonical() if end else None, end_lo, end_hi, item["place"],
             int(item["era"])),
        )  # fmt: skip
        for name in item["orgs"]:
            store.conn.execute(
                "INSERT INTO event_orgs (event_id, org_id) VALUES (?, ?)",
                (cur.lastrowid, org_ids[name]),
            )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(events(), min_size=1, max_size=12))
@pytest.mark.parametrize("export", [export_csv, export_timelinejs], ids=["csv", "timelinejs"])
def test_round_trip_keeps_text_precision_and_orgs(tmp_path, export, items):
    source = memory_store()
    fill(source, items)
    out = tmp_path / "round.out"
    export(source, out)
    target = memory_store()
    plan = plan_import(out)
    assert plan.skipped == []
    apply_import(target, plan)
    assert events_of(target) == events_of(source)


# -- CSV --------------------------------------------------------------------------------------
def test_csv_guesses_columns_and_keeps_precision(tmp_path, mem_seeded):
    path = write(
        tmp_path / "a.csv",
        "Headline,Date,End date,Description,Type,Organization,Notes\n"
        'WAIC opens,4 Jul 2024,6 Jul 2024,"Opens, with ""quotes""",conference,商汤; 新公司,n1\n'
        "Qwen2,May 2024,,Open weights,release,Alibaba Cloud,\n"
        "Range only,July 4-6 2024,,,conference,,\n"
        "Quarter,Q2 2024,,,,,\n",
    )
    plan = plan_import(path)
    assert plan.fmt == "csv"
    assert plan.mapping["Headline"] == "title" and plan.mapping["Organization"] == "orgs"
    assert [e.start for e in plan.preview] == ["2024-07-04", "2024-05", "2024-07-04", "2024-Q2"]
    assert plan.preview[2].end == "2024-07-06"  # a range in the start column
    assert plan.preview[0].summary == 'Opens, with "quotes"\n\nextra: {"Notes": "n1"}'
    assert any("Notes" in n for n in plan.notes)
    report = apply_import(mem_seeded, plan)
    assert report.created == 4 and report.orgs_created == ["新公司"]  # 商汤 is SenseTime
    assert events_of(mem_seeded)[plan.preview[0].key][-1] == ("SenseTime", "新公司")
    got = mem_seeded.conn.execute(
        "SELECT o.key FROM events e JOIN event_orgs eo ON eo.event_id = e.id"
        " JOIN organizations o ON o.id = eo.org_id WHERE e.title = 'Qwen2'"
    ).fetchall()
    assert got == [("alibaba-cloud",)]  # matched the seeded organization, not a new one
    again = apply_import(mem_seeded, plan_import(path))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_csv_mapping_and_file_keys(tmp_path, empty_store):
    path = write(tmp_path / "m.csv", "ID;Was;Wann;Egal\nE-1;Eins;2024-05-01;x\nE-2;Zwei;2024;y\n")
    with pytest.raises(ImportFileError, match="no column for the title"):
        plan_import(path)
    with pytest.raises(ImportFileError, match="unknown field"):
        plan_import(path, mapping={"Was": "headline-ish"})
    with pytest.raises(ImportFileError, match="no column 'Nope'"):
        plan_import(path, mapping={"Nope": "title"})
    plan = plan_import(path, mapping={"Was": "title", "Wann": "start", "Egal": "-"})
    apply_import(empty_store, plan)
    assert set(events_of(empty_store)) == {"E-1", "E-2"}
    assert events_of(empty_store)["E-2"][3] == "2024"
    # the same key with a new title updates the event, with only given fields changed
    write(path, "ID;Was;Wann\nE-1;Eins neu;2024-05-01\n")
    report = apply_import(empty_store, plan_import(path, mapping={"Was": "title", "Wann": "start"}))
    assert (report.created, report.updated) == (0, 1)
    assert events_of(empty_store)["E-1"][0] == "Eins neu"
    assert_search_matches_triggers(empty_store)


def test_bad_rows_are_named_and_refuse_the_import(tmp_path, mem_seeded):
    big = "x" * 100_001
    path = tmp_path / "bad.csv"
    path.write_bytes(
        (
            "title,date,summary\n"
            "Good,2024-05-01,ok\n"
            "Bad date,Mai 2024,\n"
            ",2024-05-01,no title\n"
            f"Huge,2024-05-01,{big}\n"
            "Backwards,2024-05-03,\n"
        ).encode()
        + b"Latin,2024-05-01,caf\xe9\n"
        + b"End before,2024-05-03,\n"
    )
    plan = plan_import(path)
    reasons = {s.where: s.reason for s in plan.skipped}
    assert plan.valid == 3 and plan.skipped_count == 4
    assert "Mai 2024" in reasons["row 3"]
    assert reasons["row 4"] == "no title"
    assert "100 kB" in reasons["row 5"]
    assert "not UTF-8" in reasons["row 7"] and "0xE9" in reasons["row 7"]
    before = (events_of(mem_seeded), search_rows(mem_seeded), schema_of(mem_seeded))
    with pytest.raises(ImportRefused, match="4 of 7 rows"):
        apply_import(mem_seeded, plan)
    assert (events_of(mem_seeded), search_rows(mem_seeded), schema_of(mem_seeded)) == before
    report = apply_import(mem_seeded, plan, partial=True)
    assert report.created == 3 and report.skipped == 4
    assert [s.where for s in report.skipped_rows] == ["row 3", "row 4", "row 5", "row 7"]


def test_utf16_and_bom_files(tmp_path, empty_store):
    text = "title,date\n通义千问,2024-05\n"
    for name, enc in (("bom.csv", "utf-8-sig"), ("u16.csv", "utf-16")):
        plan = plan_import(write(tmp_path / name, text, enc))
        assert [(e.title, e.start) for e in plan.preview] == [("通义千问", "2024-05")]


def test_progress_and_cancel_roll_back(tmp_path, mem_seeded):
    lines = ["title,date"] + [f"Event {i},2024-05-{i % 28 + 1:02d}" for i in range(2500)]
    path = write(tmp_path / "p.csv", "\n".join(lines) + "\n")
    plan = plan_import(path)
    calls = []
    before = (events_of(mem_seeded), schema_of(mem_seeded))
    with pytest.raises(ImportCancelled):
        apply_import(mem_seeded, plan, progress=lambda d, t: calls.append((d, t)),
                     cancel=lambda: len(calls) >= 1)  # fmt: skip
    assert calls == [(1000, 2500)]
    assert (events_of(mem_seeded), schema_of(mem_seeded)) == before
    heard = []
    mem_seeded.add_listener(heard.extend)
    calls.clear()
    report = apply_import(mem_seeded, plan, progress=lambda d, t: calls.append((d, t)))
    assert report.created == 2500
    assert calls[:2] == [(1000, 2500), (2000, 2500)] and calls[-1] == (2500, 2500)
    assert [c.kind for c in heard] == ["event"] and len(heard[0].ids) == 2500


def test_dry_run_counts_and_writes_nothing(tmp_path, mem_seeded):
    path = write(tmp_path / "d.csv", "title,date\nA,2024\nB,2025\n")
    before = events_of(mem_seeded)
    report = apply_import(mem_seeded, plan_import(path), dry_run=True)
    assert (report.created, report.dry_run) == (2, True)
    assert events_of(mem_seeded) == before


def test_bulk_path_rebuilds_indexes_and_search(tmp_path, empty_store, monkeypatch):
    """Small thresholds exercise the big-import path: chunks, dropped indexes, updates of rows
    indexed in an earlier chunk, duplicates within a file."""
    monkeypatch.setattr(writer_module, "FLUSH_ROWS", 50)
    monkeypatch.setattr(writer_module, "FTS_CHUNK_ROWS", 120)
    monkeypatch.setattr(writer_module, "BULK_ROWS", 100)
    schema = schema_of(empty_store)
    lines = ["key,title,date,org"]
    lines += [f"k{i},Event {i},2024-05-{i % 28 + 1:02d},Org {i % 7}" for i in range(400)]
    lines += [f"k{i},Event {i} again,2024-06,Org {i % 5}" for i in range(0, 400, 3)]
    path = write(tmp_path / "bulk.csv", "\n".join(lines) + "\n")
    report = apply_import(empty_store, plan_import(path))
    assert report.created == 400 and report.updated == 134
    assert schema_of(empty_store) == schema  # triggers and indexes are back, unchanged
    config = empty_store.conn.execute("SELECT v FROM search_config WHERE k = 'hashsize'")
    assert config.fetchone()[0] == writer_module.FTS_DEFAULT_HASHSIZE
    assert events_of(empty_store)["k3"][:1] == ("Event 3 again",)
    assert events_of(empty_store)["k3"][-1] == ("Org 3",)
    assert_search_matches_triggers(empty_store)
    # another client's insert still fills its dates and its search row by trigger
    empty_store.conn.execute(
        "INSERT INTO events (key, title, start) VALUES ('x', 'Raw', '2024-05')"
    )
    assert search_rows(empty_store)[-1][2] == "Raw  "


# -- TimelineJS and Timesketch ---------------------------------------------------------------
def test_foreign_timelinejs(tmp_path, empty_store):
    doc = {
        "title": {"text": {"headline": "My timeline"}},
        "events": [
            {"start_date": {"year": "2024", "month": "7"}, "text": {"headline": "<b>Jul</b>",
             "text": "<p>One</p><p>Two &amp; three<br>four</p>"}, "group": "SenseTime"},
            {"start_date": {"year": 2024, "month": 7, "day": 4, "hour": 9},
             "end_date": {"year": 2024, "month": 7, "day": 4, "hour": 11},
             "text": {"headline": "Keynote"}, "unique_id": "kn"},
            {"start_date": {"year": -3e10}, "text": {"headline": "Too old"}},  # 30 billion BCE
            {"text": {"headline": "No date"}},
            "not a slide",
        ],
        "eras": [{"start_date": {"year": 2024, "month": 7, "day": 4},
                  "end_date": {"year": 2024, "month": 7, "day": 6},
                  "text": {"headline": "WAIC"}}],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(doc))
    plan = plan_import(path)
    assert plan.fmt == "timelinejs" and any("title slide" in n for n in plan.notes)
    assert [s.where for s in plan.skipped] == ["events[2]", "events[3]", "events[4]"]
    first, keynote, era = plan.preview
    assert (first.title, first.start, first.summary, first.orgs) == (
        "Jul",
        "2024-07",
        "One\n\nTwo & three\nfour",
        ("SenseTime",),
    )
    assert (keynote.key, keynote.start, keynote.end) == (
        "kn",
        "2024-07-04T09:00",
        "2024-07-04T11:00",
    )
    assert (era.era, era.kind, era.end) == (True, "era", "2024-07-06")
    apply_import(empty_store, plan, partial=True)
    assert len(events_of(empty_store)) == 3


def test_timesketch_csv_and_jsonl(tmp_path, empty_store):
    csv_path = write(
        tmp_path / "ts.csv",
        "message,timestamp,datetime,timestamp_desc,data_type,hostname\n"
        "Login from 10.0.0.1,1714560896123456,2024-05-01T10:54:56.123456+00:00,"
        "Event Recorded,syslog,web1\n"
        "Login from 10.0.0.1,1714560896000000,2024-05-01T10:54:57+00:00,"
        "Event Recorded,syslog,web1\n",
    )
    plan = plan_import(csv_path)
    assert plan.fmt == "timesketch"
    a, b = plan.preview
    assert (a.title, a.kind, a.start) == (
        "Login from 10.0.0.1",
        "Event Recorded",
        "2024-05-01T10:54",
    )
    assert a.extra == {  # every column but the message and its description, in UTC
        "timestamp": "1714560896123456",
        "data_type": "syslog",
        "hostname": "web1",
        "datetime": "2024-05-01T10:54:56.123456+00:00",
    }
    assert b.extra["datetime"] == "2024-05-01T10:54:57.000000+00:00"
    assert a.key != b.key  # same message and minute, different timestamps
    jsonl = tmp_path / "ts.jsonl"
    jsonl.write_text(
        json.dumps({"message": "Boot", "timestamp": 1714560000000000, "timestamp_desc": "Boot"})
        + "\n\n{broken\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({"message": ["x"], "datetime": "2024-05-01T00:00:00Z"})
        + "\n"
    )
    plan = plan_import(jsonl)
    assert plan.fmt == "timesketch" and plan.preview[0].start == "2024-05-01T10:40"
    reasons = {s.where: s.reason for s in plan.skipped}
    assert "not valid JSON" in reasons["line 3"]
    assert "object is expected" in reasons["line 4"]
    assert "should be text, not a list" in reasons["line 5"]
    apply_import(empty_store, plan, partial=True)
    again = apply_import(empty_store, plan_import(jsonl), partial=True)
    assert (again.created, again.unchanged) == (0, 1)


def test_format_detection(tmp_path):
    (tmp_path / "x.json").write_text('{"events": []}')
    (tmp_path / "x.jsonl").write_text('{"title": "a", "date": "2024"}\n')
    (tmp_path / "x.txt").write_text("not json at all {")
    assert plan_import(tmp_path / "x.json").fmt == "timelinejs"
    assert plan_import(tmp_path / "x.jsonl").fmt == "jsonl"
    with pytest.raises(ImportFileError, match="not valid JSON"):
        plan_import(tmp_path / "x.txt", fmt="timelinejs")
    with pytest.raises(ImportFileError, match="not a file"):
        plan_import(tmp_path)


# -- exports ----------------------------------------------------------------------------------
def test_export_filters(mem_seeded, tmp_path):
    def keys(filters=None, orgs=()):
        if orgs:
            filters = EventFilter(orgs=org_ids_by_names(mem_seeded, orgs))
        export_csv(mem_seeded, tmp_path / "f.csv", filters)
        plan = plan_import(tmp_path / "f.csv")
        return {e.key for e in plan.preview}

    everything = keys(EventFilter())
    sensetime = keys(orgs=["SenseTime"])
    assert sensetime and sensetime < everything
    assert keys(orgs=["商汤"]) == sensetime  # by Chinese name
    releases = keys(EventFilter(kinds=["release"]))
    assert releases and all(events_of(mem_seeded)[k][2] == "release" for k in releases)
    lo = PartialDate.parse("2024-07").interval()[0]
    hi = PartialDate.parse("2024-07").interval()[1]
    july = keys(EventFilter(range=(lo, hi)))
    assert "waic-2024" in july and "new-generation-ai-development-plan" not in july
    mem_seeded.conn.execute(
        "INSERT INTO annotations (uuid, target, body, tags) VALUES"
        " ('u1', 'event:waic-2024', 'note', '[\"Follow-up\"]')"
    )
    assert keys(EventFilter(tags=["follow-up"])) == {"waic-2024"}
    with pytest.raises(Exception, match="no organization matches"):
        keys(orgs=["Nobody Inc"])


def unfold(data: bytes) -> list[str]:
    assert b"\n" not in data.replace(b"\r\n", b""), "bare LF"
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical), "a line longer than 75 octets"
    for line in physical:
        line.decode("utf-8")  # folding never splits a character
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def vevents(lines):
    out, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def test_ics_folding_escaping_and_dates(empty_store, tmp_path):
    long_title = "通义千问 Qwen2, the model; with \\ backslash " * 4
    rows = [
        ("k-minute", long_title, "Line one\nline two, with; marks", "2024-07-04T09:00",
         "2024-07-04T11:30"),
        ("k-day", "Day", None, "2024-07-04", "2024-07-06"),
        ("k-month", "Month", None, "2024-05", None),
        ("k-quarter", "Quarter", None, "2024-Q2", None),
        ("k-year", "Year", None, "9999", None),
    ]  # fmt: skip
    for key, title, summary, start, end in rows:
        lo, hi = PartialDate.parse(start).interval()
        end_lo, end_hi = PartialDate.parse(end).interval() if end else (None, None)
        empty_store.conn.execute(
            'INSERT INTO events (key, title, summary, start, start_lo, start_hi, "end", end_lo,'
            " end_hi, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'a,b')",
            (key, title, summary, start, lo, hi, end, end_lo, end_hi),
        )
    out = tmp_path / "x.ics"
    now = datetime(2024, 8, 1, 12, 0, tzinfo=UTC)
    assert export_ics(empty_store, out, now=now) == 5
    lines = unfold(out.read_bytes())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    by_uid = {e["UID"]: e for e in vevents(lines)}
    minute = by_uid["k-minute@dossier"]
    assert unescape(minute["SUMMARY"]) == long_title
    assert unescape(minute["DESCRIPTION"]).startswith("Line one\nline two, with; marks\n")
    assert (minute["DTSTART"], minute["DTEND"]) == ("20240704T090000Z", "20240704T113000Z")
    assert minute["DTSTAMP"] == "20240801T120000Z"
    assert minute["CATEGORIES"] == "a\\,b"
    day = by_uid["k-day@dossier"]
    assert (day["DTSTART;VALUE=DATE"], day["DTEND;VALUE=DATE"]) == ("20240704", "20240707")
    month = by_uid["k-month@dossier"]
    assert (month["DTSTART;VALUE=DATE"], month["DTEND;VALUE=DATE"]) == ("20240501", "20240601")
    assert month["X-DOSSIER-START"] == "2024-05"
    quarter = by_uid["k-quarter@dossier"]
    assert (quarter["DTSTART;VALUE=DATE"], quarter["DTEND;VALUE=DATE"]) == ("20240401", "20240701")
    year = by_uid["k-year@dossier"]
    assert year["DTSTART;VALUE=DATE"] == "99990101" and year["DURATION"] == "P365D"


def test_fold_never_splits_characters():
    for n in range(60, 90):
        line = "DESCRIPTION:" + "a" * (n % 7) + "通" * n
        folded = fold(line)
        parts = folded.split(b"\r\n")[:-1]
        assert all(len(p) <= 75 for p in parts)
        assert b"".join(p[1:] if i else p for i, p in enumerate(parts)).decode() == line


def test_import_bench_runs_small(tmp_path):
    from desktop.bench.import_bench import run

    results = {r.name: r for r in run(2000, folder=tmp_path)}
    assert results["import_csv_rate"].value > 0 and results["peak_rss"].unit == "MB"


def test_unexpected_trigger_shape_keeps_the_triggers(tmp_path, empty_store, monkeypatch):
    monkeypatch.setattr(search_index, "_AI", re.compile("never matches"))
    schema = schema_of(empty_store)
    path = write(tmp_path / "t.csv", "title,date\nA,2024\nB,2024-05\nA,2024\n")
    report = apply_import(empty_store, plan_import(path))
    assert (report.created, report.unchanged, report.duplicates) == (2, 0, 1)
    assert schema_of(empty_store) == schema
    assert_search_matches_triggers(empty_store)
    assert len(search_rows(empty_store)) == 2

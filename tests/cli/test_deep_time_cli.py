"""Deep time end to end: a TimelineJS file from the age of the universe to 2024 imported, drawn
at fit-all and zoomed to 3500 BCE and to a minute in 2024 (the layout report says where each
event went), and searched."""

import json

import pytest

from desktop.cli import main

DOC = {
    "events": [
        {"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"},
         "group": "Cosmos"},
        {"start_date": {"year": -538800000}, "end_date": {"year": -485400000},
         "text": {"headline": "Cambrian"}, "group": "Life"},
        {"start_date": {"year": -3500}, "text": {"headline": "Writing"}, "group": "People"},
        {"start_date": {"year": 2024, "month": 7, "day": 4, "hour": 9, "minute": 30},
         "text": {"headline": "Keynote"}, "group": "People"},
    ]
}  # fmt: skip


@pytest.fixture
def deep_db(tmp_path, capsys):
    source, db = tmp_path / "deep.json", tmp_path / "deep.db"
    source.write_text(json.dumps(DOC), encoding="utf-8")
    assert main(["init", "--empty", str(db)]) == 0
    assert main(["import", str(source), "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def layout(db, tmp_path, *args):
    out, report = tmp_path / "s.png", tmp_path / "s.json"
    cmd = ["screenshot", str(out), "--db", str(db), "--layout", str(report), "--size", "1400x700"]
    assert main([*cmd, *args]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    return data, {e["key"]: e for e in data["events"]}


def test_fit_all_draws_billions_of_years_in_order(deep_db, tmp_path):
    data, events = layout(deep_db, tmp_path)
    assert data["range"][0].startswith("-14") and data["range"][1][:1] == "+"  # ISO, any year
    xs = [e["rect"][0] for e in sorted(events.values(), key=lambda e: e["rect"][0])]
    assert all(e["shown"] == "label" for e in events.values())
    big_bang = min(events.values(), key=lambda e: e["rect"][0])
    assert big_bang["lane"] == "org:cosmos" and xs == sorted(xs)


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [("3600 BCE", "3400 BCE", "Writing"), ("2024-07-04T09:29", "2024-07-04T09:31", "Keynote")],
)
def test_zoomed_in_far_apart(deep_db, tmp_path, start, end, shown):
    data, events = layout(deep_db, tmp_path, "--range", start, end)
    drawn = [e for e in events.values() if e["rect"] is not None and e["shown"] == "label"]
    assert len(drawn) == 1
    x, _, w, _ = drawn[0]["rect"]
    assert x > 0 and x + w < data["size"][0]


def test_search_gives_iso_years(deep_db, capsys):
    assert main(["search", "Writing", "--json", "--db", str(deep_db)]) == 0
    hit = json.loads(capsys.readouterr().out)["results"][0]
    assert (hit["start"], hit["date"]) == ("-3499-01-01T00:00:00Z", "3500 BCE")


@pytest.mark.parametrize("fmt,what", [("ics", "iCalendar"), ("timesketch", "Timesketch")])
def test_exports_that_cannot_hold_deep_time_say_what_they_left_out(deep_db, tmp_path, capsys,
                                                                   fmt, what):  # fmt: skip
    out = tmp_path / f"out.{fmt}"
    assert main(["export", fmt, str(out), "--db", str(deep_db)]) == 0
    err = capsys.readouterr().err
    assert f"3 events left out: {what}" in err and "Big Bang" in err
    assert "Keynote" in out.read_text(encoding="utf-8")
    assert "Big Bang" not in out.read_text(encoding="utf-8")


def test_a_note_on_a_deep_event_names_its_date_as_people_read_it(deep_db):
    from desktop.store.annotations_bulk import describe_targets
    from desktop.store.database import open_store

    store = open_store(deep_db, readonly=True)
    try:
        (key,) = store.conn.execute("SELECT key FROM events WHERE title = 'Writing'").fetchone()
        info = describe_targets(store, [f"event:{key}"])[f"event:{key}"]
    finally:
        store.close()
    assert info.label == "Writing (3500 BCE)"

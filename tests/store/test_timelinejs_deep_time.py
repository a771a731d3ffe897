"""TimelineJS years beyond 1..9999, in a fixture written from the TimelineJS3 JSON format's
documentation: ``year`` is "any integer (negative for BCE)", as a number or as text, and a
``"scale": "cosmological"`` timeline reaches the age of the universe. Imported at year
precision, shown as people read them, exported in TimelineJS's own numbering (and a round
trip, through Dossier or through a plain TimelineJS reader, keeps headlines, dates and text)."""

import json

import pytest

from desktop.cli import main
from desktop.domain.attributes import split_attributes
from desktop.domain.deep_time import year_start
from desktop.domain.partial_date import PartialDate
from desktop.store.database import memory_store
from desktop.store.io import apply_import, plan_import
from desktop.store.io.exporters import export_csv, export_timelinejs

DEEP = {
    "scale": "cosmological",
    "title": {"text": {"headline": "Everything", "text": "From the beginning"}},
    "events": [
        {"start_date": {"year": "-13800000000"},
         "text": {"headline": "Big Bang", "text": "<p>The universe begins</p>"}},
        {"start_date": {"year": -538800000}, "end_date": {"year": -485400000},
         "text": {"headline": "Cambrian", "text": "Animals diversify"}, "group": "Geology"},
        {"start_date": {"year": -3500, "display_date": "c. 3500 BC"},
         "text": {"headline": "Writing in Sumer"}},
        {"start_date": {"year": -44, "month": 3, "day": 15},
         "text": {"headline": "Ides of March"}},
        {"start_date": {"year": 2024, "month": 7, "day": 4},
         "text": {"headline": "WAIC 2024"}, "group": "WAIC"},
        {"start_date": {"year": -4540000000.0},
         "text": {"text": "The Earth forms from the solar nebula"}},
    ],
    "eras": [
        {"start_date": {"year": -66000000}, "end_date": {"year": -2580000},
         "text": {"headline": "Paleogene and Neogene"}},
    ],
}  # fmt: skip


@pytest.fixture
def deep_path(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(DEEP), encoding="utf-8")
    return path


def rows(store):
    return store.conn.execute(
        'SELECT title, start, "end", start_lo, start_hi, summary FROM events ORDER BY start_lo'
    ).fetchall()


def test_deep_years_import_at_year_precision(deep_path, empty_store):
    plan = plan_import(deep_path)
    assert plan.skipped_count == 0
    apply_import(empty_store, plan)
    got = {r[0]: r for r in rows(empty_store)}
    assert [r[0] for r in rows(empty_store)] == [
        "Big Bang", "The Earth forms from the solar nebula", "Cambrian",
        "Paleogene and Neogene", "Writing in Sumer", "Ides of March", "WAIC 2024",
    ]  # fmt: skip
    assert got["Big Bang"][1:3] == ("-13799999999", None)
    assert got["Big Bang"][3:5] == (year_start(-13_799_999_999), year_start(-13_799_999_998))
    assert PartialDate.parse(got["Big Bang"][1]).display() == "13.8 billion years ago"
    assert got["Cambrian"][1:3] == ("-538799999", "-485399999")
    assert PartialDate.parse(got["Cambrian"][2]).display() == "485.4 million years ago"
    assert PartialDate.parse(got["Writing in Sumer"][1]).display() == "3500 BCE"
    assert got["WAIC 2024"][1] == "2024-07-04"
    _, attrs = split_attributes(got["Writing in Sumer"][5])
    assert attrs == {"start_date.display_date": "c. 3500 BC"}  # as the file showed it
    ides = got["Ides of March"]
    assert PartialDate.parse(ides[1]).display() == "44 BCE"
    _, attrs = split_attributes(ides[5])
    assert attrs == {"start_date.month": "3", "start_date.day": "15"}


def exported(store, tmp_path):
    out = tmp_path / "out.json"
    export_timelinejs(store, out)
    return out, json.loads(out.read_text(encoding="utf-8"))


def test_export_writes_timelinejs_years(deep_path, empty_store, tmp_path):
    apply_import(empty_store, plan_import(deep_path))
    _, doc = exported(empty_store, tmp_path)
    assert doc["scale"] == "cosmological"
    slides = {s["text"]["headline"]: s for s in doc["events"]}
    assert slides["Big Bang"]["start_date"] == {
        "year": -13800000000,
        "display_date": "13.8 billion years ago",
    }
    assert slides["Cambrian"]["end_date"]["year"] == -485400000
    assert slides["Writing in Sumer"]["start_date"] == {"year": -3500, "display_date": "c. 3500 BC"}
    assert slides["Ides of March"]["start_date"] == {
        "year": -44,
        "month": 3,
        "day": 15,
        "display_date": "44 BCE",
    }
    assert slides["WAIC 2024"]["start_date"] == {"year": 2024, "month": 7, "day": 4}
    assert doc["eras"][0]["start_date"]["year"] == -66000000


def test_a_modern_export_stays_human(empty_store, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("title,date\nLaunch,Q2 2024\n")
    apply_import(empty_store, plan_import(path))
    _, doc = exported(empty_store, tmp_path)
    assert "scale" not in doc


@pytest.mark.parametrize("plain", [False, True], ids=["dossier", "plain-timelinejs"])
def test_deep_round_trip(deep_path, empty_store, tmp_path, plain):
    apply_import(empty_store, plan_import(deep_path))
    out, doc = exported(empty_store, tmp_path)
    if plain:
        for slide in doc["events"] + doc["eras"]:
            del slide["dossier"]
        out.write_text(json.dumps(doc), encoding="utf-8")
    fresh = memory_store()
    try:
        plan = plan_import(out)
        assert plan.skipped_count == 0
        apply_import(fresh, plan)
        assert rows(fresh) == rows(empty_store)
    finally:
        fresh.close()


def test_year_zero_is_one_bce(tmp_path, empty_store):
    path = tmp_path / "zero.json"
    doc = {"events": [{"start_date": {"year": 0}, "text": {"headline": "Zero"}}]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    apply_import(empty_store, plan_import(path))
    assert rows(empty_store)[0][1] == "0000"
    _, out = exported(empty_store, tmp_path)
    assert out["events"][0]["start_date"]["year"] == -1


def test_cli_import_and_exports_of_deep_time(deep_path, tmp_path, capsys):
    db = tmp_path / "deep.db"
    assert main(["init", "--empty", str(db)]) == 0
    assert main(["import", str(deep_path), "--db", str(db)]) == 0
    capsys.readouterr()
    csv_out, md_out = tmp_path / "e.csv", tmp_path / "e.ics"
    assert main(["export", "csv", str(csv_out), "--db", str(db)]) == 0
    assert "-13799999999" in csv_out.read_text(encoding="utf-8-sig")
    assert main(["export", "ics", str(md_out), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    ics = md_out.read_text(encoding="utf-8")
    assert "WAIC 2024" in ics and "Big Bang" not in ics and "Ides of March" not in ics
    assert "6 events" in err and "iCalendar" in err  # said, with the count
    assert main(["search", "Cambrian", "--json", "--db", str(db)]) == 0
    hit = json.loads(capsys.readouterr().out)["results"][0]
    assert hit["date"] == "538.8–485.4 million years ago"
    assert hit["start"].startswith("-538799999-")


def test_csv_export_reads_back(deep_path, empty_store, tmp_path):
    apply_import(empty_store, plan_import(deep_path))
    out = tmp_path / "e.csv"
    export_csv(empty_store, out)
    fresh = memory_store()
    try:
        apply_import(fresh, plan_import(out))
        assert [r[1:5] for r in rows(fresh)] == [r[1:5] for r in rows(empty_store)]
    finally:
        fresh.close()


def test_timesketch_export_leaves_deep_time_out(deep_path, empty_store, tmp_path):
    from desktop.store.io.timesketch import export_timesketch

    apply_import(empty_store, plan_import(deep_path))
    out = tmp_path / "e.jsonl"
    assert export_timesketch(empty_store, out) == 1  # only WAIC 2024 has a datetime
    assert json.loads(out.read_text(encoding="utf-8"))["message"] == "WAIC 2024"

"""The TimelineJS3 JSON format as its documentation describes it, in fixtures written here from
that description: optional headlines, the title slide as metadata (even with a year-less date),
``display_date`` on slides and dates, media, ``group``, ``background``, ``autolink``, eras, and
BCE and deep-time years (more in test_timelinejs_deep_time.py); a year beyond 20 billion is
refused in one line. A round trip keeps every event's headline, dates,
text and what the slide carried; so does one through a plain TimelineJS reader that drops the
``dossier`` object Dossier adds."""

import json

import pytest

from desktop.cli import main
from desktop.domain.attributes import split_attributes
from desktop.store.database import memory_store
from desktop.store.io import ImportRefused, apply_import, plan_import
from desktop.store.io.exporters import export_timelinejs

MEDIA = {
    "url": "https://example.org/photo.jpg",
    "caption": "The <i>opening</i> keynote",
    "credit": "Photo: A. Person",
    "thumbnail": "https://example.org/thumb.jpg",
    "alt": "A stage",
    "title": "Keynote photo",
    "link": "https://example.org/story",
    "link_target": "_blank",
}
DOC = {
    "scale": "human",
    "title": {  # a title slide: metadata; its start_date has no year, which must not matter
        "start_date": {"month": "5"},
        "text": {"headline": "A history of <b>things</b>", "text": "<p>About it</p>"},
        "media": {"url": "https://example.org/cover.jpg"},
    },
    "events": [
        {  # every slide property
            "start_date": {"year": "2024", "month": "7", "day": "4", "hour": "9", "minute": "30",
                           "second": "15", "millisecond": "250", "display_date": "Morning"},
            "end_date": {"year": 2024, "month": 7, "day": 4, "hour": 11},
            "text": {"headline": "Keynote", "text": "<p>First part</p><p>Second &amp; last</p>"},
            "media": MEDIA,
            "group": "SenseTime",
            "display_date": "4 July, all morning",
            "background": {"url": "https://example.org/bg.jpg", "alt": "Hall",
                           "color": "#0f9bd1"},
            "autolink": False,
            "unique_id": "keynote",
        },
        {  # no headline: the first words of the text name it
            "start_date": {"year": 2023},
            "text": {"text": "<p>One two three four five six seven eight nine ten eleven</p>"},
        },
        {  # no headline and no text: the media caption names it
            "start_date": {"year": 2022, "month": 3},
            "media": {"url": "https://example.org/v.mp4", "caption": "A <b>video</b> clip"},
            "group": "Zhipu AI",
        },
        {"start_date": {"year": -3500}, "text": {"headline": "Writing"}},
        {"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"}},
        {"start_date": {"year": 2021}},  # nothing to name it
        {"start_date": {"year": -30e9}, "text": {"headline": "Before time"}},
    ],
    "eras": [
        {"start_date": {"year": 2024, "month": 7, "day": 4},
         "end_date": {"year": 2024, "month": 7, "day": 6},
         "text": {"headline": "WAIC 2024", "text": "The conference"}},
        {"start_date": {"year": 2020}, "end_date": {"year": 2022},
         "text": {"text": "Pandemic years"}},
    ],
}  # fmt: skip


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(DOC), encoding="utf-8")
    return path


def events_of(store):
    rows = store.conn.execute(
        'SELECT e.key, e.title, e.summary, e.kind, e.start, e."end", e.era,'
        " (SELECT json_group_array(o.name) FROM event_orgs eo JOIN organizations o"
        " ON o.id = eo.org_id WHERE eo.event_id = e.id) FROM events e ORDER BY e.start_lo"
    ).fetchall()
    return [(*r[:7], tuple(json.loads(r[7]))) for r in rows]


def by_title(store):
    return {e[1]: e for e in events_of(store)}


def test_every_construct_is_read(doc_path, empty_store):
    plan = plan_import(doc_path)
    assert plan.fmt == "timelinejs"
    assert any(
        "'A history of things' is the timeline's title, not an event" in n for n in plan.notes
    )
    reasons = {s.where: s.reason for s in plan.skipped}
    assert set(reasons) == {"events[5]", "events[6]"}
    assert "no headline, text or media" in reasons["events[5]"]
    assert "20 billion years" in reasons["events[6]"]
    assert all("\n" not in r for r in reasons.values())
    with pytest.raises(ImportRefused):
        apply_import(empty_store, plan)
    apply_import(empty_store, plan, partial=True)
    events = by_title(empty_store)
    assert set(events) == {"Keynote", "One two three four five six seven eight nine ten…",
                           "A video clip", "WAIC 2024", "Pandemic years", "Writing",
                           "Big Bang"}  # fmt: skip
    assert events["Writing"][4] == "-3499" and events["Big Bang"][4] == "-13799999999"
    key, _, summary, kind, start, end, era, orgs = events["Keynote"]
    assert (key, kind, start, end, era, orgs) == (
        "keynote",
        "event",
        "2024-07-04T09:30",
        "2024-07-04T11:00",
        0,
        ("SenseTime",),
    )
    text, attrs = split_attributes(summary)
    assert text == "First part\n\nSecond & last"
    assert {k: attrs[k] for k in ("display_date", "start_date.display_date", "media.caption",
                                  "media.credit", "media.link_target", "background.color",
                                  "autolink", "start_date.second", "start_date.millisecond")} == {
        "display_date": "4 July, all morning", "start_date.display_date": "Morning",
        "media.caption": "The <i>opening</i> keynote", "media.credit": "Photo: A. Person",
        "media.link_target": "_blank", "background.color": "#0f9bd1", "autolink": "false",
        "start_date.second": "15", "start_date.millisecond": "250",
    }  # fmt: skip
    assert events["A video clip"][7] == ("Zhipu AI",)  # group: the organization
    assert events["A video clip"][4] == "2022-03"
    waic, pandemic = events["WAIC 2024"], events["Pandemic years"]
    assert (waic[3], waic[4], waic[5], waic[6]) == ("era", "2024-07-04", "2024-07-06", 1)
    assert (pandemic[4], pandemic[5], pandemic[6]) == ("2020", "2022", 1)


def exported(store, tmp_path, name="out.json"):
    out = tmp_path / name
    export_timelinejs(store, out)
    return out, json.loads(out.read_text(encoding="utf-8"))


def test_export_writes_every_construct_back(doc_path, empty_store, tmp_path):
    apply_import(empty_store, plan_import(doc_path), partial=True)
    _, doc = exported(empty_store, tmp_path)
    slide = next(s for s in doc["events"] if s.get("unique_id") == "keynote")
    assert slide["media"] == MEDIA
    assert slide["background"] == DOC["events"][0]["background"]
    assert slide["display_date"] == "4 July, all morning" and slide["autolink"] is False
    assert slide["group"] == "SenseTime"
    assert slide["start_date"] == {
        "year": 2024,
        "month": 7,
        "day": 4,
        "hour": 9,
        "minute": 30,
        "second": 15,
        "millisecond": 250,
        "display_date": "Morning",
    }
    assert slide["text"] == {"headline": "Keynote", "text": "First part<br><br>Second &amp; last"}
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Pandemic years", "WAIC 2024"]
    assert doc["title"]["text"]["headline"]


@pytest.mark.parametrize("plain", [False, True], ids=["dossier", "plain-timelinejs"])
def test_round_trip_keeps_headlines_dates_and_text(doc_path, empty_store, tmp_path, plain):
    apply_import(empty_store, plan_import(doc_path), partial=True)
    out, doc = exported(empty_store, tmp_path)
    if plain:  # what another TimelineJS tool keeps: the format, not Dossier's own object
        for slide in doc["events"] + doc["eras"]:
            del slide["dossier"]
        out.write_text(json.dumps(doc), encoding="utf-8")
    fresh = memory_store()
    try:
        plan = plan_import(out)
        assert plan.skipped_count == 0
        apply_import(fresh, plan)
        assert events_of(fresh) == events_of(empty_store)
    finally:
        fresh.close()


def test_qualified_dates_carry_their_display_date(tmp_path, empty_store):
    path = tmp_path / "q.csv"
    path.write_text("title,date\nLaunch,Q2 2024\nTalk,early May 2024\n")
    apply_import(empty_store, plan_import(path))
    _, doc = exported(empty_store, tmp_path)
    shown = {s["text"]["headline"]: s["start_date"].get("display_date") for s in doc["events"]}
    assert shown["Launch"] and "2024" in shown["Launch"]
    assert shown["Talk"] and "May" in shown["Talk"]


def test_deep_time_is_one_line_on_the_command_line(doc_path, tmp_path, capsys):
    db = tmp_path / "d.db"
    assert main(["init", "--empty", str(db)]) == 0
    capsys.readouterr()
    assert main(["import", str(doc_path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line and not line.startswith("note: ")]
    assert "Traceback" not in err and len(errors) == 1 and "2 of 9 rows" in errors[0]
    assert main(["import", str(doc_path), "--db", str(db), "--partial"]) == 0
    out = capsys.readouterr().out
    assert "created 7" in out and "20 billion years" in out

"""The timeline can be read: on the seed dossier every event in a lane on screen carries its
label, no two labels overlap, and every "go to event" lands on a view where the event is drawn
with its label (checked through the layout report ``dossier screenshot --layout`` writes)."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from desktop.cli import main as cli_main
from desktop.store.keys import event_keys
from desktop.ui.timeline.layout_report import frame_layout


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def check_legible(layout: dict) -> None:
    w, h = layout["size"]
    visible = {lane["key"] for lane in layout["lanes"] if lane["visible"]}
    shown = [e for e in layout["events"] if e["lane"] in visible and e["shown"] != "hidden"]
    assert shown, "nothing on screen"
    for e in shown:
        assert e["shown"] == "label", e
    labels = [e["label_rect"] for e in shown]
    for r in labels:
        assert r[0] >= 0 and r[0] + r[2] <= w and r[1] >= 0 and r[1] + r[3] <= h, r
    for a, b in combinations(labels, 2):
        assert not overlap(a, b), (a, b)
    keys = [e["key"] for e in layout["events"]]
    assert len(keys) == len(set(keys))  # each event once


@pytest.mark.parametrize("start,end", [("2024-06-01", "2024-08-01"), ("2024-07-01", "2024-07-10")])
def test_seed_ranges_are_legible_at_1600x2400(seeded_path, tmp_path, start, end, capsys):
    shot, out = tmp_path / "shot.png", tmp_path / "layout.json"
    code = cli_main(
        ["screenshot", str(shot), "--db", str(seeded_path), "--size", "1600x2400",
         "--range", start, end, "--layout", str(out)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    layout = json.loads(out.read_text())
    assert layout["size"] == [1600, 2400]
    assert layout["range"][0].startswith(start)
    check_legible(layout)


def test_every_seed_event_is_labelled_after_go_to(window):
    canvas = window.timeline.canvas
    store = window.store
    ids = [int(i) for (i,) in store.conn.execute("SELECT id FROM events ORDER BY start")]
    keys = event_keys(store, ids)
    canvas.fit_all(animate=False)
    for event_id in ids:
        canvas.focus_event(event_id, animate=False)
        layout = frame_layout(canvas)
        entry = next(e for e in layout["events"] if e["key"] == keys[event_id])
        lane = next(lane for lane in layout["lanes"] if lane["key"] == entry["lane"])
        assert lane["visible"], keys[event_id]
        assert entry["shown"] == "label", (keys[event_id], entry)
        assert canvas.selected == event_id


def test_focus_flag_of_the_screenshot(seeded_path, tmp_path, capsys):
    out = tmp_path / "layout.json"
    code = cli_main(
        ["screenshot", str(tmp_path / "s.png"), "--db", str(seeded_path), "--size", "1200x800",
         "--focus", "event:waic-2024", "--layout", str(out)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    entry = next(e for e in json.loads(out.read_text())["events"] if e["key"] == "event:waic-2024")
    assert entry["shown"] == "label"
    assert cli_main(["screenshot", str(tmp_path / "t.png"), "--db", str(seeded_path),
                     "--focus", "event:no-such-event"]) == 1  # fmt: skip
    assert "no-such-event" in capsys.readouterr().err

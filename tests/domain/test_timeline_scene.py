"""Tests for :mod:`desktop.domain.timeline_scene`: the lanes on screen are planned and take
their planned heights; the first lane in view keeps its place on screen; hidden lanes take
no room."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.lane_plan import LanePlan
from desktop.domain.lanes import LaneLayout
from desktop.domain.timeline_scene import hide_empty, plan_all, plan_view


def planner(new_heights: list[float]):
    calls: list[int] = []

    def plan(lane: int) -> LanePlan:
        calls.append(lane)
        return LanePlan(lane, "events", 1, 0, 0, new_heights[lane])

    return plan, calls


@st.composite
def scenes(draw: st.DrawFn):
    n = draw(st.integers(1, 60))
    old = draw(st.lists(st.sampled_from([0.0, 24.0, 26.0, 42.0, 90.0]), min_size=n, max_size=n))
    new = draw(st.lists(st.floats(24.0, 400.0), min_size=n, max_size=n))
    view_h = draw(st.floats(50.0, 900.0))
    layout = LaneLayout([False] * n, 42.0, 24.0)
    layout.set_heights(list(range(n)), old)
    scroll = draw(st.floats(0.0, 1.0)) * layout.max_scroll(view_h)
    return layout, old, new, view_h, scroll


@settings(max_examples=200, deadline=None)
@given(scenes())
def test_lanes_on_screen_are_planned_and_the_top_lane_keeps_its_place(scene) -> None:
    layout, old, new, view_h, scroll = scene
    offsets_before = layout.offsets.copy()
    first_before = layout.visible_range(scroll, view_h)[0]
    plan, calls = planner(new)
    plans, scroll_after = plan_view(layout, scroll, view_h, plan)
    assert 0.0 <= scroll_after <= layout.max_scroll(view_h) + 1e-9
    first, stop = layout.visible_range(scroll_after, view_h)
    for lane in range(first, stop):
        if layout.heights[lane] > 0:
            assert lane in plans  # everything on screen is planned ...
            assert layout.heights[lane] == new[lane]  # ... at its planned height
    for lane in range(len(old)):
        if lane not in plans:
            assert layout.heights[lane] == old[lane]  # out of view: as last seen
    assert len(calls) == len(set(calls))  # each lane planned once
    if first_before < len(old) and scroll_after == scroll:
        # the scroll held (the content's end did not force it up): lanes above the first one
        # in view kept their heights, so its top is where it was on screen
        assert layout.offsets[first_before] == offsets_before[first_before]


@settings(max_examples=100, deadline=None)
@given(scenes(), st.data())
def test_hidden_lanes_take_no_room_and_come_back(scene, data) -> None:
    layout, old, new, view_h, scroll = scene
    n = len(old)
    counts = np.array(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)))
    collapsed = np.zeros(n, bool)
    scroll = hide_empty(layout, counts, collapsed, scroll, view_h)
    assert ((layout.heights > 0) == (counts > 0)).all()
    assert 0.0 <= scroll <= layout.max_scroll(view_h) + 1e-9
    plans, _ = plan_view(layout, scroll, view_h, planner(new)[0])
    assert all(counts[lane] > 0 for lane in plans)  # hidden lanes are never planned
    everything = hide_empty(layout, np.ones(n, int), collapsed, scroll, view_h)
    assert (layout.heights > 0).all() and everything >= 0.0


def test_plan_all_sizes_every_shown_lane() -> None:
    layout = LaneLayout([False] * 4, 42.0, 24.0)
    layout.set_heights([2], [0.0])  # hidden
    plans = plan_all(layout, planner([100.0, 50.0, 70.0, 30.0])[0])
    assert sorted(plans) == [0, 1, 3]
    assert layout.heights.tolist() == [100.0, 50.0, 0.0, 30.0]
    assert layout.content_height == 180.0

"""Tests for :mod:`desktop.domain.lanes`."""

from __future__ import annotations

import time
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.lanes import (
    Lane,
    LaneLayout,
    LaneRect,
    lane_at,
    layout_lanes,
    order_lanes,
    total_height,
)


def lanes_from(collapsed: list[bool]) -> list[Lane]:
    return [Lane(f"k{i}", f"Lane {i}", i, c) for i, c in enumerate(collapsed)]


def test_exact_positions_with_collapsed_lanes() -> None:
    lanes = lanes_from([False, True, False, True, True, False])
    rects = layout_lanes(lanes, 30.0, 10.0, top=40.0, scroll_y=0.0, viewport_height=1000.0)
    assert rects == [
        LaneRect(0, 40.0, 30.0),
        LaneRect(1, 70.0, 10.0),
        LaneRect(2, 80.0, 30.0),
        LaneRect(3, 110.0, 10.0),
        LaneRect(4, 120.0, 10.0),
        LaneRect(5, 130.0, 30.0),
    ]
    assert total_height(lanes, 30.0, 10.0) == 120.0


def test_only_visible_lanes_after_scrolling() -> None:
    lanes = lanes_from([False] * 100)
    rects = layout_lanes(lanes, 20.0, 5.0, top=0.0, scroll_y=105.0, viewport_height=50.0)
    # content 105..155 touches lanes 5 (100..120), 6, 7 (140..160)
    assert [r.index for r in rects] == [5, 6, 7]
    assert rects[0].y == -5.0
    assert layout_lanes(lanes, 20.0, 5.0, 0.0, 100.0, 40.0)[0].index == 5  # 100 is lane 5
    assert [r.index for r in layout_lanes(lanes, 20.0, 5.0, 0.0, 100.0, 40.0)] == [5, 6]


def test_lane_at() -> None:
    lanes = lanes_from([False, True, False])
    layout = LaneLayout.from_lanes(lanes, 30.0, 10.0, top=40.0)
    assert layout.lane_at(39.0) is None
    assert layout.lane_at(40.0) == 0
    assert layout.lane_at(69.9) == 0
    assert layout.lane_at(70.0) == 1
    assert layout.lane_at(80.0) == 2
    assert layout.lane_at(110.0) is None
    assert layout.lane_at(45.0, scroll_y=30.0) == 1
    assert lane_at(lanes, 75.0, 30.0, 10.0, top=40.0) == 1
    assert layout.y_of(2) == 80.0
    assert layout.content_height == 70.0
    assert layout.max_scroll(50.0) == 20.0


def test_zero_height_lanes_are_skipped() -> None:
    layout = LaneLayout([False, True, True, False], 20.0, 0.0)
    assert [r.index for r in layout.visible(0.0, 100.0)] == [0, 3]
    assert layout.lane_at(20.0) == 3


def test_scroll_to_show() -> None:
    layout = LaneLayout([False] * 10, 20.0, 5.0)
    assert layout.scroll_to_show(0, 50.0, 60.0) == 0.0
    assert layout.scroll_to_show(5, 0.0, 60.0) == 60.0
    assert layout.scroll_to_show(1, 0.0, 60.0) == 0.0


@settings(max_examples=200)
@given(
    st.lists(st.booleans(), min_size=1, max_size=60),
    st.floats(min_value=0.0, max_value=1500.0),
    st.floats(min_value=1.0, max_value=600.0),
)
def test_virtualization_matches_brute_force(
    collapsed: list[bool], scroll_y: float, viewport: float
) -> None:
    top = 25.0
    rects = layout_lanes(lanes_from(collapsed), 24.0, 8.0, top, scroll_y, viewport)
    expected = []
    y = 0.0
    for i, c in enumerate(collapsed):
        h = 8.0 if c else 24.0
        if y < scroll_y + viewport and y + h > scroll_y:
            expected.append(LaneRect(i, top + y - scroll_y, h))
        y += h
    assert [r.index for r in rects] == [r.index for r in expected]
    for got, want in zip(rects, expected, strict=True):
        assert got.y == pytest.approx(want.y) and got.height == want.height
        assert got.y < top + viewport and got.y + got.height > top
    layout = LaneLayout(collapsed, 24.0, 8.0, top)
    for r in rects:
        assert layout.lane_at(r.y + r.height / 2, scroll_y) == r.index


def test_hundred_thousand_lanes() -> None:
    collapsed = np.zeros(100_000, dtype=bool)
    collapsed[::3] = True
    layout = LaneLayout(collapsed, 24.0, 6.0, top=30.0)
    scroll = layout.max_scroll(800.0) / 2
    rects = layout.visible(scroll, 800.0)
    assert 30 <= len(rects) <= 800 / 6 + 2
    assert rects[0].y <= 30.0 < rects[0].y + rects[0].height
    for a, b in pairwise(rects):
        assert b.index == a.index + 1 and b.y == pytest.approx(a.y + a.height)
    for r in (rects[0], rects[-1]):
        n_collapsed = (r.index + 2) // 3  # multiples of 3 below r.index
        above = n_collapsed * 6.0 + (r.index - n_collapsed) * 24.0
        assert r.y == pytest.approx(30.0 + above - scroll)
        assert r.height == (6.0 if r.index % 3 == 0 else 24.0)


def test_order_lanes() -> None:
    lanes = [
        Lane("a", "beta", 5),
        Lane("b", "Alpha", 9),
        Lane("c", "gamma", 9),
        Lane("d", "delta", 1),
    ]
    assert order_lanes(lanes, "name") == [1, 0, 3, 2]
    assert order_lanes(lanes, "count") == [1, 2, 0, 3]
    first = {"a": 30.0, "c": -5.0, "d": 30.0}
    assert order_lanes(lanes, "first", first) == [2, 0, 3, 1]
    with pytest.raises(ValueError):
        order_lanes(lanes, "size")  # type: ignore[arg-type]


if __name__ == "__main__":
    many = [Lane(str(i), f"L{i}", i, i % 4 == 0) for i in range(100_000)]
    start = time.perf_counter()
    built = LaneLayout.from_lanes(many, 24.0, 6.0)
    mid = time.perf_counter()
    built.visible(built.max_scroll(900.0) / 2, 900.0)
    end = time.perf_counter()
    print(f"100,000 lanes: build {(mid - start) * 1e3:.1f} ms, visible {(end - mid) * 1e3:.2f} ms")

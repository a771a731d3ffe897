"""The timeline's scene: which lanes are on screen at a scale, planned
(:func:`desktop.domain.lane_plan.plan_lane`), and the lane heights and scroll that follow.

Lanes grow and shrink with their content as the scale changes. To keep the picture from
jumping, the lane at the top of the view keeps its place: its top stays where it is on screen
while the lanes below take their new heights; lanes out of view keep the height they had when
last seen. At the bottom of the content, where the scroll cannot stay, the lanes that come
into view above are planned too.

Pure: the caller passes a function that plans one lane (it knows the event index, the label
widths and the selection); the painters only draw what :func:`plan_view` returns.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from desktop.domain.lane_plan import COLLAPSED_H, HEADER_MIN, LanePlan
from desktop.domain.lanes import LaneLayout

PlanLane = Callable[[int], LanePlan]


def plan_view(
    layout: LaneLayout, scroll_y: float, view_h: float, plan: PlanLane
) -> tuple[dict[int, LanePlan], float]:
    """Plan the lanes the view [scroll_y, scroll_y + view_h) shows and give them their planned
    heights in ``layout`` (changed in place). Lanes of height 0 (hidden) are skipped. Returns
    the plans by lane and the new scroll: the first lane in view keeps its top on screen
    unless the content's end forces the scroll up."""
    n = len(layout)
    plans: dict[int, LanePlan] = {}
    for _ in range(4):  # each round can only bring lanes above into view
        first, _stop = layout.visible_range(scroll_y, view_h)
        if first >= n:
            break
        anchor = scroll_y - float(layout.offsets[first])
        y = -anchor
        lanes: list[int] = []
        heights: list[float] = []
        i = first
        while i < n and y < view_h:
            if layout.heights[i] > 0:
                found = plans.get(i)
                if found is None:
                    found = plans[i] = plan(i)
                lanes.append(i)
                heights.append(found.height)
                y += found.height
            i += 1
        layout.set_heights(lanes, heights)
        scroll = float(layout.offsets[first]) + anchor
        scroll = min(max(0.0, scroll), layout.max_scroll(view_h))
        if scroll == scroll_y:
            break
        scroll_y = scroll
    return plans, scroll_y


def plan_all(layout: LaneLayout, plan: PlanLane) -> dict[int, LanePlan]:
    """Plan every lane that is not hidden and give each its height (for an image of the whole
    timeline at one scale)."""
    lanes = [i for i in range(len(layout)) if layout.heights[i] > 0]
    plans = {i: plan(i) for i in lanes}
    layout.set_heights(lanes, [plans[i].height for i in lanes])
    return plans


def hide_empty(
    layout: LaneLayout,
    counts: np.ndarray,
    collapsed: np.ndarray,
    scroll_y: float,
    view_h: float,
) -> float:
    """Give lanes with no event in view (``counts``, by lane) no height, and lanes back in view
    a height again; returns the scroll that keeps the first lane in view where it was."""
    n = len(layout)
    if not n:
        return scroll_y
    shown = counts[:n] > 0
    want = np.where(shown, layout.heights, 0.0)
    want[shown & (layout.heights == 0)] = HEADER_MIN
    want[shown & collapsed[:n]] = COLLAPSED_H
    changed = np.flatnonzero(want != layout.heights)
    if not len(changed):
        return scroll_y
    first = min(layout.visible_range(scroll_y, view_h)[0], n - 1)
    anchor = scroll_y - float(layout.offsets[first])
    layout.set_heights(changed, want[changed])
    keep = anchor if layout.heights[first] > 0 else 0.0
    return min(float(layout.offsets[first]) + keep, layout.max_scroll(view_h))

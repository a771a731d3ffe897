"""What one lane shows at one scale, and how tall it must be for that.

A lane in view is in one of three modes:

* ``events``: its events in view are stacked into sub-rows (:mod:`desktop.domain.stacking`),
  each drawn with its mark and, where there is room, its label; the lane is as tall as its rows.
* ``density``: more events than a row of labels could ever hold (about one per
  ``DENSE_PX`` pixels): a small histogram, one bar per pixel column.
* ``empty``: nothing in view: a compact row with the counts of the events left and right
  of the view.

Pure: label widths come from the caller, as pixels measured with the UI's font.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from desktop.domain.event_index import EventIndex
from desktop.domain.stacking import LaneStack, StackItem, stack_lane
from desktop.domain.time_scale import TimeScale

#: Height of one sub-row of events.
ROW_H = 20.0
#: Room above the first and below the last sub-row.
PAD_TOP = 4.0
PAD_BOTTOM = 6.0
#: A lane with events in view is at least this tall (its header holds its name and count).
HEADER_MIN = 42.0
#: A lane with nothing in view (its name, one line), and a collapsed lane.
COMPACT_H = 26.0
COLLAPSED_H = 24.0
#: A lane drawn as a histogram.
DENSITY_H = 50.0
#: Sub-rows of an ordinary lane, and of a lane the user expanded.
MAX_ROWS = 10
EXPANDED_ROWS = 40
#: A lane with more events in view than one per this many pixels is drawn as a histogram
#: (about 46 events across 1,400 pixels: more than ten rows of labels can hold).
DENSE_PX = 30.0

DAY = 86400.0

Mode = Literal["empty", "events", "density"]


@dataclass
class LanePlan:
    """One lane at one scale: its mode, its events in view (``count``), those left and right
    of the view, the stacking (``events`` mode) and the height that holds it all."""

    lane: int
    mode: Mode
    count: int
    before: int
    after: int
    height: float
    stack: LaneStack | None = None  # ids of its items are index positions
    positions: np.ndarray | None = None  # index positions of the events in view ("events")

    def row_y(self, row: int) -> float:
        """Top of sub-row ``row`` below the lane's top."""
        return PAD_TOP + row * ROW_H


def lane_height(mode: Mode, rows: int = 0, collapsed: bool = False) -> float:
    """The height of a lane in ``mode`` with ``rows`` sub-rows of events."""
    if collapsed:
        return COLLAPSED_H
    if mode == "empty":
        return COMPACT_H
    if mode == "density":
        return DENSITY_H
    return max(HEADER_MIN, PAD_TOP + rows * ROW_H + PAD_BOTTOM)


def dense_limit(width: float) -> int:
    """Events in view above which a lane ``width`` pixels wide is drawn as a histogram."""
    return max(12, int(width / DENSE_PX))


def outside_counts(
    index: EventIndex, lane: int, t0: float, t1: float, in_view: int
) -> tuple[int, int]:
    """(events wholly left of [t0, t1], events wholly right of it) in ``lane``, given the
    number ``in_view`` that meet it."""
    _pos, lo, _hi = index.lane_segment(lane)
    after = len(lo) - int(np.searchsorted(lo, t1, side="right"))
    return max(0, len(lo) - after - in_view), after


def plan_lane(
    index: EventIndex,
    scale: TimeScale,
    lane: int,
    label_widths: Callable[[Sequence[int]], Sequence[float]],
    priority: Mapping[int, float] | None = None,
    max_rows: int = MAX_ROWS,
    collapsed: bool = False,
    ranges: np.ndarray | None = None,
) -> LanePlan:
    """Plan ``lane`` at ``scale``. ``label_widths(ids)`` measures the labels (pixels) of the
    events in view; ``priority`` puts some events (the selection) first in the stacking.
    ``ranges`` (by index position) tells events with an end of their own from those dated to a
    day or less, which are marked as points however far one zooms in."""
    # counted first: a lane drawn as a histogram (or not at all) needs only the numbers, and
    # zoomed out its events in view are thousands (positions=None: not gathered)
    count = index.lane_count(lane, scale.start, scale.end)
    before, after = outside_counts(index, lane, scale.start, scale.end, count)
    if collapsed:
        return LanePlan(lane, "empty", count, before, after, COLLAPSED_H, None, None)
    if not count:
        return LanePlan(lane, "empty", 0, before, after, COMPACT_H, None, None)
    if count > dense_limit(scale.width):
        return LanePlan(lane, "density", count, before, after, DENSITY_H, None, None)
    pos = index.lane_visible(lane, scale.start, scale.end)
    ids = index.ids[pos].tolist()
    x0 = scale.x(index.lo[pos]).tolist()
    hi = index.hi[pos]
    if ranges is not None:  # a day (or an hour) is an instant's precision, not a span
        hi = np.where(ranges[pos] | (hi - index.lo[pos] > DAY), hi, index.lo[pos])
    x1 = scale.x(hi).tolist()
    widths = label_widths(ids)
    items = [  # identified by index position (an event shown in two lanes has two)
        StackItem(k, a, b, w) for k, a, b, w in zip(pos.tolist(), x0, x1, widths, strict=True)
    ]
    stack = stack_lane(items, scale.width, max_rows)
    # the selection keeps its place when it has a label anyway (a click moves nothing);
    # otherwise it is stacked first, so that it always gets one
    prio = {k: priority[eid] for k, eid in zip(pos.tolist(), ids, strict=True)
            if priority and eid in priority}  # fmt: skip
    if (prio and any(p.id in prio and not p.labelled for p in stack.placed)) or (
        prio and stack.pills and any(i in prio for pill in stack.pills for i in pill.ids)
    ):
        items = [it._replace(priority=prio.get(it.id, 0.0)) for it in items]
        stack = stack_lane(items, scale.width, max_rows)
    height = lane_height("events", stack.total_rows)
    return LanePlan(lane, "events", count, before, after, height, stack, pos)

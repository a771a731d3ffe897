"""The canvas's side of the timeline scene (:mod:`desktop.domain.timeline_scene`): plans the
lanes on screen with the UI's label widths and the selection, keeps the plans until the scale,
the scroll, the selection or the model change, and answers hit tests from them. Runs on the UI
thread, before each paint and hit test.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from desktop.domain import timeline_scene as scene
from desktop.domain.lane_plan import EXPANDED_ROWS, MAX_ROWS, ROW_H, LanePlan, plan_lane
from desktop.domain.stacking import Placed
from desktop.domain.time_scale import TimeScale

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

#: Labels are cut (elided) to this many pixels at most; the tooltip has the whole title. The
#: selected event's label may take more, where its row has the room.
MAX_LABEL_W = 300.0
SELECTED_LABEL_W = 640.0


class FramePlanner:
    """Plans of the lanes on screen, kept until something they depend on changes."""

    def __init__(self, canvas: TimelineCanvas) -> None:
        self.c = canvas
        self.plans: dict[int, LanePlan] = {}
        self.expanded: set[str] = set()  # keys of lanes shown with more sub-rows
        self.hide_empty = False  # lanes with nothing in view take no room
        self._key: tuple = ()
        self._version = 0

    def invalidate(self) -> None:
        """The model, the selection or a lane's state changed: plan again before drawing."""
        self._version += 1

    def label_widths(self, ids: Sequence[int]) -> list[float]:
        texts = self.c.model.labels(list(ids))
        width, selected = self.c.painter.text_width, self.c.selected
        return [
            min(SELECTED_LABEL_W if i == selected else MAX_LABEL_W, width(texts[i]))
            if texts.get(i)
            else 0.0
            for i in ids
        ]

    def priorities(self) -> dict[int, float]:
        c = self.c
        prio = dict.fromkeys(c.selection, 5.0) if len(c.selection) <= 200 else {}
        if c.selected is not None:
            prio[c.selected] = 10.0
        return prio

    def plan(self, lane: int, scale: TimeScale | None = None) -> LanePlan:
        """Plan one lane at ``scale`` (default: the canvas's)."""
        c = self.c
        model = c.model
        key = model.lanes[lane].key
        return plan_lane(
            model.index,
            c.scale if scale is None else scale,
            lane,
            self.label_widths,
            self.priorities(),
            EXPANDED_ROWS if key in self.expanded else MAX_ROWS,
            collapsed=model.lanes[lane].collapsed,
            ranges=model.has_end,
        )

    def _state(self) -> tuple:
        """What the plans depend on."""
        c = self.c
        return (
            c.scale,
            c.scroll_y,
            c.lanes_height(),
            c.model.generation,
            len(c.lane_layout),
            self._version,
            self.hide_empty,
        )

    def update(self) -> None:
        """Plan the lanes on screen if anything they depend on changed; the lane heights and
        the scroll follow (the top lane in view keeps its place)."""
        c = self.c
        if len(c.lane_layout) != len(c.model.lanes):  # the model was rebuilt under the canvas
            c.layout_lanes()
        if self._state() == self._key:
            return
        layout = c.lane_layout
        view_h = c.lanes_height()
        before = layout.content_height
        if self.hide_empty:
            self._hide_empty_lanes()
        plans, c.scroll_y = scene.plan_view(layout, c.scroll_y, view_h, self.plan)
        self.plans = plans
        self._key = self._state()
        if layout.content_height != before:
            c.sig_scroll_changed.emit()

    def _hide_empty_lanes(self) -> None:
        """Lanes with nothing in view take no room (see :func:`scene.hide_empty`)."""
        c = self.c
        index = c.model.index
        n = len(c.lane_layout)
        lanes = index.visible_slice(c.scale.start, c.scale.end).take(index.lane)
        counts = np.bincount(lanes, minlength=n) if len(lanes) else np.zeros(n, np.int64)
        collapsed = np.fromiter((lane.collapsed for lane in c.model.lanes), bool, n)
        c.scroll_y = scene.hide_empty(
            c.lane_layout, counts, collapsed, c.scroll_y, c.lanes_height()
        )

    def plan_all(self) -> None:
        """Plan every lane (not only those on screen) and give each its height: for an image
        of the whole timeline at the current scale."""
        if self.hide_empty:
            self._hide_empty_lanes()
        self.plans = scene.plan_all(self.c.lane_layout, self.plan)
        self.c.scroll_y = 0.0

    # -- hit testing ---------------------------------------------------------------------------
    def placed_at(self, lane: int, x: float, y_in_lane: float) -> Placed | None:
        """The stacked event whose room holds (x, y) in lane coordinates, if any."""
        plan = self.plans.get(lane)
        if plan is None or plan.stack is None:
            return None
        row = int((y_in_lane - plan.row_y(0)) // ROW_H)
        for placed in plan.stack.placed:
            if placed.row == row and placed.box_x0 - 2 <= x <= placed.box_x1 + 2:
                return placed
        return None

    def pill_at(self, lane: int, x: float, y_in_lane: float) -> tuple[int, ...] | None:
        """The ids of the count pill at (x, y) in lane coordinates, if any."""
        plan = self.plans.get(lane)
        if plan is None or plan.stack is None or not plan.stack.pills:
            return None
        row = int((y_in_lane - plan.row_y(0)) // ROW_H)
        if row != plan.stack.rows:
            return None
        for pill in plan.stack.pills:
            if pill.x0 - 2 <= x <= pill.x1 + 2:
                return tuple(int(i) for i in pill.ids)
        return None

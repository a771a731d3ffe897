"""Where "go to event" takes the timeline: the view in which the event is drawn with its label,
its lane on screen. Used by search, the palette, dossier links, the Annotations panel, N/P, Z
and ``dossier screenshot --focus``.

The view keeps the current range when the event already has its label there (nothing moves
needlessly); otherwise it is centred on the event, wide enough to show some context (three
times the event, at least a month), and halved until the event's lanes hold it with a label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.lane_plan import ROW_H
from desktop.domain.time_scale import MIN_SPAN, TimeScale

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

DAY = 86400.0
#: The widest view "go to" opens around an event of a day or less.
CONTEXT = 30 * DAY


def labelled_at(canvas: TimelineCanvas, event_id: int, lane: int, scale: TimeScale) -> bool:
    """Whether ``event_id`` would be drawn with its label in ``lane`` at ``scale`` (the event
    must be selected: the selection is stacked first when rows run short)."""
    plan = canvas.planner.plan(lane, scale)
    if plan.stack is None:
        return False
    ids = canvas.model.index.ids
    return any(int(ids[p.id]) == event_id and p.labelled for p in plan.stack.placed)


def focus_scale(canvas: TimelineCanvas, event_id: int, lanes: list[int]) -> TimeScale | None:
    """The view that shows ``event_id`` with its label in each of ``lanes`` (or the closest
    to it: the narrowest tried)."""
    span = canvas.model.event_span(event_id)
    if span is None:
        return None
    lo, hi = span
    width = canvas.time_width
    current = canvas.target_scale()
    if (
        current.start <= lo
        and hi <= current.end
        and all(labelled_at(canvas, event_id, lane, current) for lane in lanes)
    ):
        return current
    dur = hi - lo
    w = max(3 * dur, CONTEXT)
    best = None
    for _ in range(48):
        centre = (lo + hi) / 2 if w >= 1.1 * dur else lo + w * 0.45  # a long event: its start
        best = canvas.limited(TimeScale(centre - w / 2, centre + w / 2, width))
        if all(labelled_at(canvas, event_id, lane, best) for lane in lanes):
            return best
        if w <= MIN_SPAN:
            break
        w = max(MIN_SPAN, w / 2)
    return best


def _row_on_screen(canvas: TimelineCanvas, event_id: int, lane: int) -> bool:
    """Whether the planned frame shows ``event_id``'s sub-row of ``lane`` wholly."""
    plan = canvas.planner.plans.get(lane)
    if plan is None or plan.stack is None:
        return False
    ids = canvas.model.index.ids
    row = next((p.row for p in plan.stack.placed if int(ids[p.id]) == event_id), None)
    if row is None:
        return False
    y = canvas.lane_layout.y_of(lane, canvas.scroll_y) + plan.row_y(row)
    return canvas.geo.axis_h <= y and y + ROW_H <= canvas.geo.axis_h + canvas.lanes_height()


def show_lane(canvas: TimelineCanvas, event_id: int, lane: int, scale: TimeScale) -> None:
    """Scroll so that the frame at ``scale`` shows ``event_id``'s sub-row of ``lane``: kept
    where it is when it is on screen already, else the lane is brought to the top (a lane
    taller than the view: the event's row a third of the way down). Plans the frame at
    ``scale`` to know (the scale on screen is left as it was)."""
    shown = canvas.scale
    canvas.scale = scale
    try:
        canvas.planner.update()
        if _row_on_screen(canvas, event_id, lane):
            return
        plan = canvas.planner.plan(lane, scale)
        layout = canvas.lane_layout
        layout.set_heights([lane], [plan.height])
        view_h = canvas.lanes_height()
        scroll = float(layout.offsets[lane])
        if plan.height > view_h and plan.stack is not None:
            ids = canvas.model.index.ids
            row = next((p.row for p in plan.stack.placed if int(ids[p.id]) == event_id), 0)
            scroll += max(0.0, plan.row_y(row) - view_h / 3)
        canvas.set_scroll(scroll)
        canvas.planner.update()
    finally:
        canvas.scale = shown

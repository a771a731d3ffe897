"""What the timeline drew, as data: ``dossier screenshot --layout FILE.json`` writes it so that
tests and programs can check the picture without reading pixels.

``{"range": [ISO, ISO], "size": [w, h], "lanes": [{"key", "y", "h", "visible"}], "events":
[{"key", "lane", "shown", "rect", "label_rect"}]}``: every event with any part in the range
appears once, ``shown`` being ``label`` (mark and label), ``mark`` (the mark alone),
``cluster`` (counted in a pill), ``density`` (in a lane drawn as a histogram) or ``hidden``
(its lane, or its sub-row, is scrolled out of view, or the lane is collapsed). Rectangles are
``[x, y, w, h]`` in the window's pixels.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop.domain.deep_time import iso_utc
from desktop.domain.lane_plan import ROW_H
from desktop.store.keys import event_keys, organization_keys

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

#: When an event is drawn in several lanes, the best of its appearances is reported.
RANK = {"label": 4, "mark": 3, "cluster": 2, "density": 1, "hidden": 0}


def _iso(t: float) -> str:
    try:
        return datetime.fromtimestamp(t, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):  # BCE, deep time
        return iso_utc(t)


def frame_layout(canvas: TimelineCanvas, origin: tuple[float, float] = (0.0, 0.0)) -> dict:
    """The layout of the canvas's current frame; ``origin`` is the canvas's top-left corner in
    the window (to report window pixels)."""
    canvas.planner.update()
    c, g = canvas, canvas.geo
    ox, oy = origin
    model, index, layout = c.model, c.model.index, c.lane_layout
    top, bottom = g.axis_h, c.height() - g.overview_h
    org_keys = organization_keys(model.store)

    def lane_key(i: int) -> str:
        org = model.lane_org[i]
        return org_keys.get(org, f"org:{org}") if org >= 0 else model.lanes[i].key

    lanes_out: list[dict[str, Any]] = []
    shown_lanes: set[int] = set()
    for i, lane in enumerate(model.lanes):
        y, h = layout.y_of(i, c.scroll_y), float(layout.heights[i])
        visible = not lane.collapsed and y < bottom and y + h > top
        if visible:
            shown_lanes.add(i)
        lanes_out.append({"key": lane_key(i), "y": oy + y, "h": h, "visible": visible})

    # what each drawn (position) shows, from the lanes' plans
    drawn: dict[int, tuple[str, list[float] | None, list[float] | None]] = {}
    x0 = ox + g.header_w
    for lane, plan in c.planner.plans.items():
        if lane not in shown_lanes:
            continue
        lane_y = oy + layout.y_of(lane, c.scroll_y)
        if plan.mode == "density":
            shown = index.lane_visible(lane, c.scale.start, c.scale.end)
            for pos in shown.tolist():
                x = max(0.0, c.scale.x(float(index.lo[pos])))
                drawn[pos] = ("density", [x0 + x, lane_y + 4, 1.0, plan.height - 22], None)
        if plan.stack is None:
            continue
        for p in plan.stack.placed:
            row_y = lane_y + plan.row_y(p.row)
            if row_y < oy + top or row_y + ROW_H > oy + bottom:
                continue  # its sub-row is scrolled out of view
            rect = [x0 + p.mark_x0, row_y + 2, p.mark_x1 - p.mark_x0, ROW_H - 4]
            label = None
            if p.label_x is not None:
                label = [x0 + p.label_x, row_y + 2, p.label_w, ROW_H - 4]
            drawn[int(p.id)] = ("label" if label else "mark", rect, label)
        pill_y = lane_y + plan.row_y(plan.stack.rows)
        if oy + top <= pill_y and pill_y + ROW_H <= oy + bottom:
            for pill in plan.stack.pills:
                rect = [x0 + pill.x0, pill_y + 2, pill.x1 - pill.x0, ROW_H - 4]
                for pos in pill.ids:
                    drawn[int(pos)] = ("cluster", rect, None)

    best: dict[int, dict[str, Any]] = {}
    positions = index.visible_slice(c.scale.start, c.scale.end).positions().tolist()
    for pos in positions:
        eid, lane = int(index.ids[pos]), int(index.lane[pos])
        shown, rect, label = drawn.get(pos, ("hidden", None, None))
        entry = {"lane": lane_key(lane), "shown": shown, "rect": rect, "label_rect": label}
        old = best.get(eid)
        if old is None or RANK[shown] > RANK[old["shown"]]:
            best[eid] = entry
    keys = event_keys(model.store, best)
    events = [{"key": keys.get(eid, f"event:{eid}"), **entry} for eid, entry in best.items()]
    return {
        "range": [_iso(c.scale.start), _iso(c.scale.end)],
        "size": [c.window().width(), c.window().height()],
        "lanes": lanes_out,
        "events": events,
    }

"""The timeline canvas: one custom-painted widget (no item per event).

State is a pure :class:`TimeScale` plus a vertical lane scroll; the geometry (ticks, lanes,
clusters, label placement) comes from the domain layer and ``painter.py`` only draws it.
Zoom is anchored under the cursor and animated; pan by dragging, Shift+wheel, horizontal wheel
or the arrow keys; the overview band at the bottom shows the whole extent.

Selection: a click selects one event (the *primary*, ``selected``); Ctrl+click toggles events
in the multi-selection (``selection``, which holds the primary too); Shift+drag, or Ctrl+drag
from empty space, draws a rubber band; Ctrl+A selects the visible events; Esc clears.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.lane_plan import ROW_H
from desktop.domain.lanes import LaneLayout
from desktop.domain.time_scale import TimeScale, ViewLimits
from desktop.ui.timeline import drags, focus
from desktop.ui.timeline import selection as multi
from desktop.ui.timeline.frame import FramePlanner
from desktop.ui.timeline.input import InputMixin
from desktop.ui.timeline.model import TimelineModel
from desktop.ui.timeline.painter import Geometry, TimelinePainter

DAY = 86400.0


class TimelineCanvas(InputMixin, multi.SelectionMixin, QWidget):
    sig_event_selected = Signal(int)
    """The id of the event the user selected (-1: selection cleared)."""
    sig_event_activated = Signal(int)
    """An event was double-clicked or Enter was pressed on it."""
    sig_lane_activated = Signal(int)
    """An organization's lane header was double-clicked, or its dossier asked for from the
    context menu (its org id)."""
    sig_selection_changed = Signal(list)
    """The ids in the multi-selection (the primary included) changed."""
    sig_context_menu = Signal(object, list)
    """(QMenu, selected ids): add actions to the right-click menu before it is shown."""
    sig_range_changed = Signal(float, float)
    """The visible time range changed (seconds since 1970)."""
    sig_scroll_changed = Signal()
    """Lanes scrolled or their total height changed."""

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.geo = Geometry()
        self.painter = TimelinePainter(self)
        self.planner = FramePlanner(self)
        self.scale = TimeScale(0.0, 365 * DAY, 800.0)
        self.scroll_y = 0.0
        self.selected: int | None = None
        self.selection: dict[int, None] = {}  # ordered set of selected ids (primary included)
        self._selection_array: np.ndarray | None = None
        self.band: QRectF | None = None  # the rubber band being dragged
        self.highlight_org: int | None = None
        self.current_lane: int | None = None  # the lane the selected event was picked in
        self.last_frame_ms = 0.0
        self._drag: drags.Drag | None = None  # the drag under way
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(180)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._on_anim)
        # valueChanged is not re-sent for an unchanged value: land on the target explicitly
        self._anim.finished.connect(lambda: self._set_scale(self._anim_to))
        self._anim_from = self._anim_to = self.scale
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(400, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.layout_lanes()
        self.fit_all(animate=False)
        self.had_events = self.model.index.extent() is not None

    # -- geometry ------------------------------------------------------------------------------
    @property
    def time_width(self) -> float:
        return max(50.0, self.width() - self.geo.header_w)

    def lanes_height(self) -> float:
        return max(0.0, self.height() - self.geo.axis_h - self.geo.overview_h)

    def layout_lanes(self) -> None:
        self.lane_layout = LaneLayout.from_lanes(
            self.model.lanes, self.geo.lane_h, self.geo.collapsed_h, top=self.geo.axis_h
        )
        self.planner.invalidate()
        self.scroll_y = min(self.scroll_y, self.lane_layout.max_scroll(self.lanes_height()))
        self.sig_scroll_changed.emit()

    def set_hide_empty(self, on: bool) -> None:
        """Lanes with nothing in the visible range take no room (or all lanes are shown)."""
        self.planner.hide_empty = on
        self.layout_lanes()  # heights from scratch: hidden lanes come back
        self.update()

    def visible_range(self) -> tuple[float, float]:
        return self.scale.start, self.scale.end

    # -- public actions ------------------------------------------------------------------------
    def reload(self) -> None:
        """The model was reloaded: keep the range (a timeline that had no events shows all it
        holds now, as after the first import into an empty file), re-layout lanes, repaint."""
        self.layout_lanes()
        has_events = self.model.index.extent() is not None
        if has_events and not self.had_events:
            self.fit_all(animate=False)
        self.had_events = has_events
        self.update()

    def limited(self, scale: TimeScale, anchor_x: float | None = None) -> TimeScale:
        """``scale`` kept near the data: no zooming out or panning far beyond what the
        timeline holds (:class:`ViewLimits`)."""
        return ViewLimits.around(self.model.index.extent(), time.time()).apply(scale, anchor_x)

    def set_range(self, t0: float, t1: float, animate: bool = True) -> None:
        self._go(self.limited(TimeScale(t0, t1, self.time_width)), animate)

    def fit_all(self, animate: bool = True) -> None:
        extent = self.model.index.extent()
        if extent is None:
            now = time.time()
            extent = (now - 365 * DAY, now)
        self._go(TimeScale.fit(extent[0], extent[1], self.time_width), animate)

    def fit_org(self, org_id: int) -> None:
        lane = self.model.lane_of_org(org_id)
        if lane is None:
            return
        pos = self.model.index.lane_visible(lane, -math.inf, math.inf)
        if len(pos):
            lo = float(self.model.index.lo[pos].min())
            hi = float(self.model.index.hi[pos].max())
            self._go(TimeScale.fit(lo, hi, self.time_width), animate=False)
        self.scroll_to_lane(lane)

    def zoom(self, factor: float, anchor_x: float, animate: bool = True) -> None:
        base = (
            self._anim_to if self._anim.state() == QVariantAnimation.State.Running else self.scale
        )
        target = self.limited(base.zoomed(factor, anchor_x), anchor_x)
        self._go(target, animate)

    def pan_pixels(self, dx: float) -> None:
        self._go(self.limited(self.scale.panned(dx)), animate=False)

    def zoom_to_selection(self) -> None:
        """Z: the view "go to" gives for the selected event."""
        if self.selected is not None:
            self.focus_event(self.selected)

    def target_scale(self) -> TimeScale:
        """The scale on screen, or the one an animation is heading for."""
        running = self._anim.state() == QVariantAnimation.State.Running
        return self._anim_to if running else self.scale

    def focus_event(self, event_id: int, animate: bool = True, lane: int | None = None) -> None:
        """Go to an event: select it and move to a view where it is drawn with its label, its
        lane (``lane``, else its first; opened if collapsed) scrolled into view. Animated in a
        shown window."""
        lanes = self.model.lanes_of_event(event_id)
        if self.model.event_span(event_id) is None:
            return
        if lane in lanes:
            lanes.remove(lane)
            lanes.insert(0, lane)
        self.current_lane = lanes[0] if lanes else None
        opened = False
        for lane in lanes:
            if self.model.lanes[lane].collapsed:
                self.model.toggle_collapsed(lane)
                opened = True
        if opened:
            self.layout_lanes()
        self._set_selection([event_id], event_id)
        target = focus.focus_scale(self, event_id, lanes)
        if target is not None:
            if lanes:
                focus.show_lane(self, event_id, lanes[0], target.with_width(self.time_width))
            self._go(target, animate)
        self.update()
        self.sig_event_selected.emit(event_id)
        self.sig_selection_changed.emit(list(self.selection))

    def select_event(self, event_id: int | None, lane: int | None = None) -> None:
        """Select one event alone (None: clear the selection), seen in ``lane``."""
        if event_id is not None:
            lanes = self.model.lanes_of_event(event_id)
            self.current_lane = lane if lane in lanes else (lanes[0] if lanes else None)
        self.set_selection([] if event_id is None else [event_id], event_id)

    def step_lane(self, down: bool) -> None:
        """Up/Down with an event selected: go to the event nearest in time to it in the next
        lane above or below that has events; without a selection, scroll the lanes."""
        if self.selected is None or (span := self.model.event_span(self.selected)) is None:
            self.set_scroll(self.scroll_y + (self.geo.lane_h if down else -self.geo.lane_h))
            return
        lanes = self.model.lanes_of_event(self.selected)
        here = self.current_lane if self.current_lane in lanes else (lanes[0] if lanes else 0)
        t = (span[0] + span[1]) / 2
        lane = here + (1 if down else -1)
        while 0 <= lane < len(self.model.lanes):
            found = self.model.index.nearest(t, lane, 1e19)  # any distance (deep time too)
            if found is not None:
                self.focus_event(found, lane=lane)
                return
            lane += 1 if down else -1

    def open_event_orgs(self) -> None:
        """O: open the dossiers of the selected event's organizations."""
        if self.selected is None:
            return
        for lane in self.model.lanes_of_event(self.selected):
            if self.model.lane_org[lane] >= 0:
                self.sig_lane_activated.emit(self.model.lane_org[lane])

    def step_event(self, forward: bool) -> None:
        """Select the next (or previous) event in time from the selection or the centre."""
        index = self.model.index
        if self.selected is not None and (span := self.model.event_span(self.selected)):
            t = span[0]
        else:
            t = self.scale.t(self.time_width / 2)
        nxt = index.next_after(t) if forward else index.prev_before(t)
        if nxt is not None:
            self.focus_event(nxt)

    def set_highlight_org(self, org_id: int) -> None:
        self.highlight_org = org_id if org_id >= 0 else None
        lane = self.model.lane_of_org(org_id) if org_id >= 0 else None
        if lane is not None:
            self.scroll_to_lane(lane)
        self.update()

    def scroll_to_lane(self, lane: int) -> None:
        self.set_scroll(self.lane_layout.scroll_to_show(lane, self.scroll_y, self.lanes_height()))

    def set_scroll(self, y: float) -> None:
        y = min(max(0.0, y), self.lane_layout.max_scroll(self.lanes_height()))
        if y != self.scroll_y:
            self.scroll_y = y
            self.sig_scroll_changed.emit()
            self.update()

    # -- animation -----------------------------------------------------------------------------
    def _go(self, target: TimeScale, animate: bool) -> None:
        self._anim.stop()
        if not animate or not self.isVisible():
            self._set_scale(target)
            return
        self._anim_from, self._anim_to = self.scale, target
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.start()

    def _on_anim(self, f: float) -> None:
        self._set_scale(self._anim_from.interpolate(self._anim_to, float(f)))

    def _set_scale(self, scale: TimeScale) -> None:
        self.scale = scale.with_width(self.time_width) if scale.width != self.time_width else scale
        self.update()
        self.sig_range_changed.emit(self.scale.start, self.scale.end)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        p = QPainter(self)
        try:
            self.painter.paint(p)
        finally:
            p.end()
        self.last_frame_ms = (time.perf_counter() - started) * 1000

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.scale = self.scale.with_width(self.time_width)
        self._anim_to = self._anim_to.with_width(self.time_width)
        self.layout_lanes()
        super().resizeEvent(event)

    # -- hit testing ---------------------------------------------------------------------------
    def lane_at(self, y: float) -> int | None:
        if not (self.geo.axis_h <= y < self.height() - self.geo.overview_h):
            return None
        return self.lane_layout.lane_at(y, self.scroll_y)

    def event_at(self, pos: QPointF) -> int | None:
        lane = self.lane_at(pos.y())
        x = pos.x() - self.geo.header_w
        if lane is None or x < 0:
            return None
        self.planner.update()
        plan = self.planner.plans.get(lane)
        if plan is not None and plan.mode == "events":
            y = pos.y() - self.lane_layout.y_of(lane, self.scroll_y)
            placed = self.planner.placed_at(lane, x, y)
            return None if placed is None else int(self.model.index.ids[placed.id])
        t = self.scale.t(x)
        return self.model.index.nearest(t, lane, self.scale.seconds_per_pixel * 6)

    def event_point(self, event_id: int) -> QPointF | None:
        """Where the mark of ``event_id`` is drawn (the head of its first appearance in the
        lanes on screen), or None when it is not drawn as a mark of its own."""
        self.planner.update()
        index = self.model.index
        for lane, plan in self.planner.plans.items():
            if plan.stack is None:
                continue
            for placed in plan.stack.placed:
                if int(index.ids[placed.id]) == event_id:
                    y = self.lane_layout.y_of(lane, self.scroll_y) + plan.row_y(placed.row)
                    return QPointF(self.geo.header_w + placed.head, y + ROW_H / 2)
        return None

    def in_overview(self, y: float) -> bool:
        return y >= self.height() - self.geo.overview_h

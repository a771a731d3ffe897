"""One handler class per drag mode on the timeline canvas: each is made on the mouse press,
follows the moves and finishes on the release (thetimelineproj's input handlers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from desktop.domain.time_scale import TimeScale
from desktop.ui.timeline import clusters
from desktop.ui.timeline import selection as multi

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

CTRL = Qt.KeyboardModifier.ControlModifier
#: A press that moves less than this (pixels, x + y) is a click.
CLICK_SLOP = 4.0


class Drag:
    """A drag that started at ``origin`` with the canvas at ``scale`` and ``scroll``."""

    def __init__(self, canvas: TimelineCanvas, origin: QPointF) -> None:
        self.c = canvas
        self.origin = origin
        self.scale = canvas.scale
        self.scroll = canvas.scroll_y

    def moved(self, pos: QPointF) -> float:
        return abs(pos.x() - self.origin.x()) + abs(pos.y() - self.origin.y())

    def move(self, pos: QPointF) -> None:
        """The mouse moved to ``pos`` with the button held."""

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The button was released at ``pos``."""


class PanDrag(Drag):
    """Drag the content: time follows x, lanes follow y. Without moving, a click: selects the
    event there (Ctrl toggles it) or opens a '+N' pill's list."""

    def move(self, pos: QPointF) -> None:
        c = self.c
        c._set_scale(c.limited(self.scale.panned(pos.x() - self.origin.x())))
        c.set_scroll(self.scroll - (pos.y() - self.origin.y()))

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        c = self.c
        if self.moved(pos) >= CLICK_SLOP:
            return
        pill = c.pill_at(pos)
        if pill:
            clusters.show_members(c, pill, c.mapToGlobal(pos.toPoint()) + QPoint(0, 10))
            return
        hit = c.event_at(pos)
        if modifiers & CTRL and hit is not None:
            c.toggle_event(hit)
        else:
            c.select_event(hit, lane=c.lane_at(pos.y()))


class BandDrag(Drag):
    """A rubber band: selects the events it crosses (``add``: on top of the selection)."""

    def __init__(self, canvas: TimelineCanvas, origin: QPointF, add: bool) -> None:
        super().__init__(canvas, origin)
        self.add = add
        canvas.band = QRectF(origin, origin)

    def move(self, pos: QPointF) -> None:
        self.c.band = QRectF(self.origin, pos).normalized()
        self.c.update()

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        c = self.c
        band, c.band = QRectF(self.origin, pos).normalized(), None
        ids = multi.ids_in_rect(c, band)
        if self.add:
            ids = list(c.selection) + [i for i in ids if i not in c.selection]
        c.set_selection(ids)


class AxisZoomDrag(Drag):
    """Drag along the axis: the dragged range is shaded, and becomes the view on release."""

    def _span(self, pos: QPointF) -> tuple[float, float]:
        c = self.c
        x0 = max(c.geo.header_w, min(self.origin.x(), pos.x()))
        x1 = min(float(c.width()), max(self.origin.x(), pos.x()))
        return x0, max(x0, x1)

    def move(self, pos: QPointF) -> None:
        c = self.c
        x0, x1 = self._span(pos)
        c.band = QRectF(x0, 0, x1 - x0, c.height() - c.geo.overview_h)
        c.update()

    def release(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        c = self.c
        c.band = None
        x0, x1 = self._span(pos)
        if x1 - x0 >= 5:
            c.set_range(c.scale.t(x0 - c.geo.header_w), c.scale.t(x1 - c.geo.header_w))
        c.update()


class OverviewDrag(Drag):
    """Drag in the overview band: move the window box, or one of its edges (``part`` is
    'move', 'left' or 'right'); a press outside the box first centres the view there."""

    def __init__(self, canvas: TimelineCanvas, origin: QPointF, part: str) -> None:
        if part == "outside":
            _centre_on_overview(canvas, origin.x())
            part = "move"
        super().__init__(canvas, origin)
        self.part = part

    def move(self, pos: QPointF) -> None:
        c = self.c
        full = c.painter.overview_scale()
        if full is None:
            return
        dt = (pos.x() - self.origin.x()) * full.seconds_per_pixel
        start, end = self.scale.start, self.scale.end
        if self.part == "move":
            start, end = start + dt, end + dt
        elif self.part == "left":
            start = min(start + dt, end - 60)
        elif self.part == "right":
            end = max(end + dt, start + 60)
        c._set_scale(c.limited(TimeScale(start, end, c.time_width)))


def _centre_on_overview(canvas: TimelineCanvas, x: float) -> None:
    """Centre the view on the time under x in the overview band."""
    full = canvas.painter.overview_scale()
    if full is None:
        return
    canvas._set_scale(canvas.limited(canvas.scale.centered_on(full.t(x - canvas.geo.header_w))))

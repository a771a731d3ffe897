"""Mouse, wheel and keys on the timeline canvas; a mixin of :class:`TimelineCanvas`.

* Wheel: zoom about 18 % a notch under the cursor (in proportion on high-resolution touchpads);
  Shift+wheel or a horizontal wheel pans; over the lane headers the wheel scrolls lanes.
* ``+``/``-``: zoom under the cursor when it is over the canvas, else around the selected
  event, else around the centre. Drag on the axis: zoom to the dragged range.
* Click an event to select it; click a "+N" pill for the list of its events (double-click it to
  zoom to them); click "▾ N more" under a lane's name for more sub-rows; drag to pan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip

from desktop.ui.format import esc
from desktop.ui.i18n import num, translate
from desktop.ui.timeline import clusters, drags

if TYPE_CHECKING:
    pass

ZOOM_STEP = 1.6  # one key press
#: A wheel notch (15 degrees) zooms by 18 %.
WHEEL_ZOOM_PER_DEGREE = 1.18 ** (1 / 15)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CHORD = CTRL | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class InputMixin:
    """Event handlers of the canvas (``self`` is the :class:`TimelineCanvas`)."""

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP, self.key_zoom_anchor())

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP, self.key_zoom_anchor())

    def key_zoom_anchor(self) -> float:
        """Where ``+``/``-`` zoom: under the cursor over the canvas's time area, else at the
        selected event when it is in view, else at the centre."""
        pos = self.mapFromGlobal(QCursor.pos())
        g = self.geo
        over = g.header_w <= pos.x() < self.width() and 0 <= pos.y() < self.height()
        if self.underMouse() and over and not self.in_overview(pos.y()):
            return float(pos.x() - g.header_w)
        span = self.model.event_span(self.selected) if self.selected is not None else None
        if span is not None:
            x = self.scale.x(max(span[0], self.scale.start))
            if 0 <= x <= self.time_width and span[0] <= self.scale.end:
                return x
        return self.time_width / 2

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        pos = event.position()
        mods = event.modifiers()
        if pos.x() < self.geo.header_w and not mods & Qt.KeyboardModifier.ControlModifier:
            self.set_scroll(self.scroll_y - delta.y())
        elif delta.x() or mods & Qt.KeyboardModifier.ShiftModifier:
            d = delta.x() or delta.y()
            self.pan_pixels(-d / 2)
        elif delta.y():
            factor = WHEEL_ZOOM_PER_DEGREE ** (delta.y() / 8)
            self.zoom(factor, pos.x() - self.geo.header_w, animate=False)
        event.accept()

    def event(self, ev) -> bool:  # type: ignore[no-untyped-def]
        if ev.type() == QEvent.Type.ShortcutOverride and self._own_key(ev):
            ev.accept()  # the canvas's own keys win over window shortcuts while it has focus
            return True
        pinch = Qt.NativeGestureType.ZoomNativeGesture
        if isinstance(ev, QNativeGestureEvent) and ev.gestureType() == pinch:
            self.zoom(1 + ev.value(), ev.position().x() - self.geo.header_w, animate=False)
            return True
        return super().event(ev)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        mods = event.modifiers()
        if self.in_overview(pos.y()):
            self._drag = drags.OverviewDrag(self, pos, self.painter.overview_hit(pos.x()))
            return
        if pos.x() < self.geo.header_w:
            lane = self.lane_at(pos.y())
            if lane is not None and pos.x() < 22:
                self.model.toggle_collapsed(lane)
                self.layout_lanes()
                self.update()
            elif lane is not None and self._on_more(lane, pos.y()):
                self.toggle_more_rows(lane)
            return
        if pos.y() < self.geo.axis_h:
            self._drag = drags.AxisZoomDrag(self, pos)
        elif mods & SHIFT or (mods & CTRL and self.event_at(pos) is None):
            # a rubber band: Ctrl adds to the selection, Shift alone replaces it
            self._drag = drags.BandDrag(self, pos, add=bool(mods & CTRL))
        else:
            self._drag = drags.PanDrag(self, pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            self._hover(event.position())
        else:
            self._drag.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is not None:
            drag.release(event.position(), event.modifiers())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu, at = self.menu_for(event)
        if menu is not None:
            menu.exec(at)
            menu.deleteLater()

    def menu_for(self, event: QContextMenuEvent) -> tuple[QMenu | None, QPoint]:
        """The right-click menu and where to show it. The Menu key opens the selection's menu
        at the selected event, whatever is under the mouse."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            point = self.event_point(self.selected) if self.selected is not None else None
            at = point or QPointF(self.geo.header_w, self.geo.axis_h)
            return self.context_menu(None), self.mapToGlobal(at.toPoint())
        return self.context_menu(QPointF(event.pos())), event.globalPos()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if pos.x() < self.geo.header_w:
            lane = self.lane_at(pos.y())
            if lane is not None and self.model.lane_org[lane] >= 0:
                self.sig_lane_activated.emit(self.model.lane_org[lane])
            return
        pill = self.pill_at(pos)
        if pill:
            clusters.zoom_to(self, pill)  # type: ignore[arg-type]  # self is the canvas (mixin)
            return
        hit = self.event_at(pos)
        if hit is not None:
            self.select_event(hit)
            self.sig_event_activated.emit(hit)

    def pill_at(self, pos: QPointF) -> list[int]:
        """The event ids of the "+N" pill at ``pos`` (empty: none there)."""
        lane = self.lane_at(pos.y())
        if lane is None or pos.x() < self.geo.header_w:
            return []
        self.planner.update()
        y = pos.y() - self.lane_layout.y_of(lane, self.scroll_y)
        found = self.planner.pill_at(lane, pos.x() - self.geo.header_w, y)
        return [] if found is None else [int(self.model.index.ids[p]) for p in found]

    def _on_more(self, lane: int, y: float) -> bool:
        """Whether y is on the "▾ N more" / "▴ fewer rows" line under a lane's name."""
        if not self.painter._more_text(lane):
            return False
        bottom = self.lane_layout.y_of(lane, self.scroll_y) + self.lane_layout.heights[lane]
        return bottom - 20 <= y < bottom

    def toggle_more_rows(self, lane: int) -> None:
        """Show a lane with many more sub-rows (or back to the usual number)."""
        key = self.model.lanes[lane].key
        self.planner.expanded ^= {key}
        self.planner.invalidate()
        self.update()

    def _hover(self, pos: QPointF) -> None:
        pill = self.pill_at(pos) if not self.in_overview(pos.y()) else []
        if pill:
            text = translate(
                "Timeline", "{n} events here: click for the list, double-click to zoom to them"
            ).format(n=num(len(pill)))

            QToolTip.showText(self.mapToGlobal(pos.toPoint()), text, self)
            return
        hit = self.event_at(pos) if not self.in_overview(pos.y()) else None
        if hit is None:
            QToolTip.hideText()
            return
        title, _start, _end = self.model.titles([hit]).get(hit, ("", "", None))
        when = self.model.label(hit).rpartition(" · ")[2]
        orgs = [
            self.model.lanes[lane].title
            for lane in self.model.lanes_of_event(hit)
            if self.model.group_by == "org"
        ]
        text = f"<b>{esc(title)}</b><br>{esc(when)}"
        if orgs:
            text += f"<br><i>{esc(', '.join(orgs))}</i>"
        QToolTip.showText(self.mapToGlobal(pos.toPoint()), text, self)

    def _keys(self) -> dict:
        """Key -> action while the canvas has focus."""
        step = self.time_width * 0.15
        return {
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_Home: self.fit_all,
            Qt.Key.Key_Left: lambda: self.pan_pixels(step),
            Qt.Key.Key_Right: lambda: self.pan_pixels(-step),
            Qt.Key.Key_Up: lambda: self.step_lane(down=False),
            Qt.Key.Key_Down: lambda: self.step_lane(down=True),
            Qt.Key.Key_O: self.open_event_orgs,
            Qt.Key.Key_PageUp: lambda: self.set_scroll(self.scroll_y - self.lanes_height()),
            Qt.Key.Key_PageDown: lambda: self.set_scroll(self.scroll_y + self.lanes_height()),
            Qt.Key.Key_N: lambda: self.step_event(True),
            Qt.Key.Key_BracketRight: lambda: self.step_event(True),
            Qt.Key.Key_P: lambda: self.step_event(False),
            Qt.Key.Key_BracketLeft: lambda: self.step_event(False),
            Qt.Key.Key_Z: self.zoom_to_selection,
            Qt.Key.Key_Escape: self.clear_selection,
        }

    def _own_key(self, event: QKeyEvent) -> bool:
        """Keys the canvas handles itself: its plain keys and Ctrl+A; other chords (Ctrl+Z…)
        are left to the window's shortcuts."""
        if event.matches(QKeySequence.StandardKey.SelectAll):
            return True
        return not (event.modifiers() & CHORD) and event.key() in self._keys()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions = self._keys()
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_visible()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.sig_event_activated.emit(self.selected)
        elif self._own_key(event):
            actions[key]()  # type: ignore[operator]
        else:
            super().keyPressEvent(event)

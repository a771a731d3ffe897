"""Draws the timeline from what the domain layer computes; holds no state of its own except
the rectangles of the labels it placed (for hit testing) and the overview's cached image."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
    QTransform,
)

from desktop.domain.lane_plan import COLLAPSED_H, HEADER_MIN
from desktop.domain.lanes import LaneRect
from desktop.domain.time_scale import TimeScale
from desktop.ui.timeline.axis import AxisMixin
from desktop.ui.timeline.badges import BadgesMixin
from desktop.ui.timeline.headers import HeadersMixin
from desktop.ui.timeline.layers import LayersMixin, is_raster
from desktop.ui.timeline.marks import KIND_COLOURS as KIND_COLOURS  # re-exported
from desktop.ui.timeline.marks import MarksMixin
from desktop.ui.timeline.overview import OverviewMixin

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas


@dataclass(frozen=True)
class Geometry:
    header_w: float = 210.0
    axis_h: float = 62.0  # major row, minor row, era strip
    era_y: float = 46.0
    overview_h: float = 44.0
    lane_h: float = HEADER_MIN  # a lane's height until it is first planned
    collapsed_h: float = COLLAPSED_H


class TimelinePainter(MarksMixin, HeadersMixin, AxisMixin, LayersMixin, OverviewMixin, BadgesMixin):
    def __init__(self, canvas: TimelineCanvas) -> None:
        self.c = canvas
        self.font = QFont(canvas.font())
        self.small = QFont(self.font)
        self.small.setPointSizeF(max(7.5, self.font.pointSizeF() * 0.88))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.fm = QFontMetricsF(self.font)
        self.fm_small = QFontMetricsF(self.small)
        self._widths: dict[str, float] = {}
        # per index (the unfiltered one stays cached while a filter is shown): key -> image
        self._overviews: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._sprites: dict[tuple, QPixmap] = {}
        self._header_sprites: dict[tuple, QImage] = {}
        self._static: dict[tuple[str, str], QStaticText] = {}
        self._ascents: dict[str, float] = {}
        self._elide_cache: dict[tuple[str, str, float], str] = {}
        self._layers: dict[str, tuple[tuple, QImage]] = {}
        self._fonts = {
            id(f): (f, f.key(), QFontMetricsF(f).ascent())
            for f in (self.font, self.small, self.bold)
        }
        self._tick_cache: tuple | None = None
        self._axis_key: tuple = ()
        self._last_static: tuple = ()

    # -- helpers -------------------------------------------------------------------------------
    def text_width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            if len(self._widths) > 20000:
                self._widths.clear()
            w = self._widths[text] = self.fm_small.horizontalAdvance(text)
        return w

    def colours(self) -> dict[str, QColor]:
        pal = self.c.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        alt = base.lighter(125) if dark else base.darker(104)
        return {
            "base": base,
            "alt": alt,
            "text": text,
            "muted": QColor(text.red(), text.green(), text.blue(), 150),
            "grid": QColor(text.red(), text.green(), text.blue(), 28),
            "grid_major": QColor(text.red(), text.green(), text.blue(), 70),
            "header": pal.color(QPalette.ColorRole.Window),
            "highlight": pal.color(QPalette.ColorRole.Highlight),
            "era": QColor(230, 159, 0, 40 if dark else 34),
            "today": QColor("#D55E00"),
            "disputed": QColor("#E0433A" if dark else "#B3261E"),
        }

    # -- frame ---------------------------------------------------------------------------------
    def paint(self, p: QPainter) -> None:
        c, g = self.c, self.c.geo
        col = self.colours()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scale = c.scale
        lanes_bottom = c.height() - g.overview_h
        c.planner.update()  # lane heights follow what each lane shows at this scale
        visible = c.lane_layout.visible(c.scroll_y, lanes_bottom - g.axis_h)
        model = c.model
        hl_lane = model.lane_of_org(c.highlight_org) if c.highlight_org is not None else None
        layered = is_raster(p)
        if layered:
            self._paint_static(p, scale, col, lanes_bottom, visible, hl_lane)
        else:  # vectors (SVG): everything drawn as shapes and text
            p.fillRect(c.rect(), col["base"])
            self._ground(p, scale, col, g.axis_h, lanes_bottom)
            self._chrome(p, col, lanes_bottom, visible, hl_lane)
        self._lanes(p, scale, col, lanes_bottom, visible)
        if layered:
            self._axis_layer(p, scale, col)
        p.save()
        p.translate(g.header_w, 0)
        if not layered:
            self._axis(p, *self._ticks(scale), col)
        self._today(p, scale, col, lanes_bottom)
        p.restore()
        self._band(p, col)
        self._overview_band(p, col, layered)

    def _ground(self, p: QPainter, scale: TimeScale, col: dict, top: float, bottom: float) -> None:
        """Eras and grid lines over the lane area (rows top..bottom)."""
        g = self.c.geo
        p.save()
        p.setClipRect(QRectF(g.header_w, 0, self.c.time_width, bottom))
        p.translate(g.header_w, 0)
        self._eras(p, scale, col, top, bottom)
        major, minor = self._ticks(scale)
        self._grid(p, major, minor, col, top, bottom)
        p.restore()

    def _paint_static(
        self,
        p: QPainter,
        scale: TimeScale,
        col: dict,
        bottom: float,
        visible: list[LaneRect],
        hl_lane: int | None,
    ) -> None:
        """Blit the cached ground, chrome and axis layers (see layers.py)."""
        c, g = self.c, self.c.geo
        colours = tuple(v.rgba() for v in col.values())
        fonts = (self.font.key(), self.small.key(), self.bold.key())
        eras = tuple((e.lo, e.hi, e.title) for e in c.model.eras)
        scale_key = (scale.start, scale.end, scale.width, c.time_width, eras, colours, fonts)

        def ground(lp: QPainter, top: float, bot: float) -> None:
            lp.fillRect(QRectF(0, top, c.width(), bot - top), col["base"])
            self._ground(lp, scale, col, top, bot)

        lanes = c.model.lanes
        lane_key = tuple(
            (r.index, r.y, r.height, lanes[r.index].title, lanes[r.index].count,
             lanes[r.index].collapsed)
            for r in visible
        )  # fmt: skip
        chrome_key = (lane_key, hl_lane, bottom, colours, fonts)
        w, top = c.width(), g.axis_h

        def lane_area(lp: QPainter) -> None:
            """Ground, then chrome, over the rows [top, bottom). The chrome is drawn, not
            kept as a layer: lane heights change as stacked rows come and go while panning,
            and a few fills and cached texts cost less than blending a full-size layer (and
            far less than remaking it)."""
            self._fill_ground(lp, scale_key, ground, top, bottom)
            self._chrome(lp, col, bottom, visible, hl_lane, look=(colours, fonts))

        # a frame repainted unchanged (same scale and lanes) blits one opaque image
        both = (scale_key, chrome_key)
        if both == self._last_static:

            def composed(lp: QPainter) -> None:
                lp.translate(0, -top)
                lane_area(lp)

            layer = self._layer("lanes", both, w, bottom - top, composed, opaque=True)
            p.drawImage(QPointF(0, top), layer)
        else:
            lane_area(p)
        self._last_static = both
        self._axis_key = scale_key

    def _axis_layer(self, p: QPainter, scale: TimeScale, col: dict) -> None:
        """The cached axis strip (its bottom line reaches one row into the lanes)."""
        g = self.c.geo

        def axis(lp: QPainter) -> None:
            lp.translate(g.header_w, 0)
            self._axis(lp, *self._ticks(scale), col)

        # always from the image, also at a new scale: text drawn into an image is antialiased
        # in grey, on a widget it may use subpixel (LCD) antialiasing; the axis must not switch
        layer = self._layer("axis", self._axis_key, self.c.width(), g.axis_h + 1, axis)
        self._blit(p, 0, 0, layer)

    # -- lanes ---------------------------------------------------------------------------------
    def _lanes(
        self, p: QPainter, scale: TimeScale, col: dict, bottom: float, visible: list[LaneRect]
    ) -> None:
        """The events of the open visible lanes, each clipped to its lane."""
        c, g = self.c, self.c.geo
        plans = c.planner.plans
        # lanes too dense for marks are drawn from one density grid (numpy bincount per lane x
        # pixel column), not event by event
        dense = [r.index for r in visible if (pl := plans.get(r.index)) and pl.mode == "density"]
        self._density = c.model.index.density(scale, dense) if dense else None
        self._frame_diamonds = {}  # kind -> sprite, for this frame
        self._density_row = {lane: i for i, lane in enumerate(dense)}
        self._histograms = None  # made for all the dense lanes at once, when first drawn
        for rect in visible:
            y, h = rect.y, rect.height
            if y >= bottom:
                break
            if c.model.lanes[rect.index].collapsed:
                continue
            self._header_dynamic(p, rect, col)
            p.save()
            top = max(y, g.axis_h)  # a lane scrolled under the axis: only its visible part
            p.setClipRect(QRectF(g.header_w, top, c.time_width, min(y + h, bottom) - top))
            p.translate(g.header_w, y)
            self._lane_events(p, scale, rect.index, h, col)
            p.restore()

    def text(self, p: QPainter, pos: QPointF, text: str, font: QFont | None = None) -> None:
        """drawText through a QStaticText cache: labels repeat from frame to frame. `font`
        (if given) is the painter's current font, saving a look-up of its key."""
        fkey, ascent = self._font_info(p.font() if font is None else font)
        key = (text, fkey)
        static = self._static.get(key)
        if static is None:
            if len(self._static) > 5000:
                self._static.clear()
            static = self._static[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), p.font())
        p.drawStaticText(QPointF(pos.x(), pos.y() - ascent), static)

    def _font_info(self, font: QFont) -> tuple[str, float]:
        """(key, ascent) of a font; the painter's own fonts are looked up by identity."""
        info = self._fonts.get(id(font))
        if info is not None and info[0] is font:
            return info[1], info[2]
        key = font.key()
        return key, self._ascent(font)

    def _elided(self, text: str, font: QFont, width: float) -> str:
        key = (text, font.key(), width)
        value = self._elide_cache.get(key)
        if value is None:
            if len(self._elide_cache) > 5000:
                self._elide_cache.clear()
            value = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elide_cache[key] = value
        return value

    def _ascent(self, font: QFont) -> float:
        key = font.key()
        value = self._ascents.get(key)
        if value is None:
            value = self._ascents[key] = QFontMetricsF(font).ascent()
        return value

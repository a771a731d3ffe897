"""The overview band under the lanes: the whole extent as a histogram of events (cached per
index) over a baseline with year labels, and the visible window drawn over it as a box never
narrower than MIN_BOX pixels; a mixin of :class:`TimelinePainter`. The arithmetic (labels, box,
bins) is in :mod:`desktop.domain.overview`."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from desktop.domain.overview import (
    bar_heights,
    histogram,
    overview_ticks,
    window_box,
    window_hit,
)
from desktop.domain.ticks import LABEL_PAD
from desktop.domain.time_scale import TimeScale
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    import weakref
    from collections.abc import Callable

    from PySide6.QtGui import QFont

    from desktop.ui.timeline.canvas import TimelineCanvas

#: Pixel columns per histogram bar: a bar BIN_PX - 1 wide and a one-pixel gap.
BIN_PX = 3
_HIST_TOP = 4.0  # the histogram's top, below the band's top line
_LABELS_H = 17.0  # under the baseline: tick marks and the year labels


class OverviewMixin:
    c: TimelineCanvas
    small: QFont
    _overviews: weakref.WeakKeyDictionary
    _layer: Callable[..., QImage]
    text_width: Callable[[str], float]
    text: Callable[..., None]

    # -- overview band -------------------------------------------------------------------------
    def overview_scale(self) -> TimeScale | None:
        extent = self.c.model.index.extent()
        if extent is None:
            return None
        return TimeScale.fit(extent[0], extent[1], self.c.time_width, margin=0.02)

    def _hist_h(self) -> int:
        return max(4, int(self.c.geo.overview_h - _HIST_TOP - _LABELS_H))

    def overview_window(self) -> QRectF | None:
        """The window box in canvas pixels (at least MIN_BOX wide), or None with no events."""
        full = self.overview_scale()
        if full is None:
            return None
        c, g = self.c, self.c.geo
        a, b = window_box(full.x(c.scale.start), full.x(c.scale.end), 0.0, full.width)
        top = c.height() - g.overview_h
        return QRectF(g.header_w + a, top + 2, b - a, g.overview_h - 4)

    def overview_hit(self, x: float) -> str:
        """'left' / 'right' edge, 'move' inside the window box, or 'outside'."""
        box = self.overview_window()
        if box is None:
            return "outside"
        return window_hit(x, box.left(), box.right())

    def _overview_band(self, p: QPainter, col: dict, layered: bool = False) -> None:
        c, g = self.c, self.c.geo
        top = c.height() - g.overview_h
        full = self.overview_scale()
        image = self._overview_image(full, col) if full is not None else None
        if layered:  # the band without its window box, from a cached layer
            key = (
                image.cacheKey() if image is not None else 0,
                tuple(v.rgba() for v in col.values()),
            )

            def draw(lp: QPainter) -> None:  # from one row up: the top line covers two rows
                lp.translate(0, 1 - top)
                self._overview_base(lp, col, top, full, image)

            layer = self._layer("overview", key, c.width(), g.overview_h + 1, draw)
            p.drawImage(QPointF(0, top - 1), layer)
        else:
            self._overview_base(p, col, top, full, image)
        box = self.overview_window()
        if box is None:
            return
        fill = QColor(col["highlight"])
        fill.setAlpha(45)
        p.setBrush(fill)
        p.setPen(QPen(col["highlight"], 1.5))
        p.drawRect(box)

    def _overview_base(
        self,
        p: QPainter,
        col: dict,
        top: float,
        full: TimeScale | None,
        image: QImage | None,
    ) -> None:
        c, g = self.c, self.c.geo
        p.fillRect(QRectF(0, top, c.width(), g.overview_h), col["header"])
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(0, top), QPointF(c.width(), top))
        p.setPen(col["muted"])
        p.setFont(self.small)
        p.drawText(
            QRectF(8, top, g.header_w - 12, g.overview_h),
            Qt.AlignmentFlag.AlignVCenter,
            translate("Timeline", "Overview"),
        )
        if full is None:
            return
        base = top + _HIST_TOP + self._hist_h()
        if image is not None:
            p.drawImage(QPointF(g.header_w, top + _HIST_TOP), image)
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(g.header_w, base + 0.5), QPointF(g.header_w + full.width, base + 0.5))
        ticks = overview_ticks(full, self.text_width)
        x0 = g.header_w
        p.drawLines([QLineF(x0 + t.x, base, x0 + t.x, base + 4) for t in ticks if not t.sticky])
        p.setPen(col["muted"])
        for t in ticks:
            if t.label:
                pos = QPointF(g.header_w + t.x + LABEL_PAD, base + _LABELS_H - 4)
                self.text(p, pos, t.label, self.small)

    def _overview_image(self, full: TimeScale, col: dict) -> QImage:
        """The histogram: events per BIN_PX columns, one bar each, from the bottom row up."""
        index = self.c.model.index
        h = self._hist_h()
        key = (len(index), round(full.start), round(full.end), int(full.width), h)
        key += (col["highlight"].rgb(),)
        cached = self._overviews.get(index)
        if cached and cached[0] == key:
            return cached[1]
        w = max(1, math.ceil(full.width))
        counts = np.zeros(w, np.int64)
        if len(index):  # each event once, though it has a row in each of its lanes
            counts = index.start_counts(full)[:w]  # by searchsorted: no pass over 10M rows
        heights = np.repeat(bar_heights(histogram(counts, BIN_PX), h), BIN_PX)[:w]
        heights[BIN_PX - 1 :: BIN_PX] = 0  # the gap between bars
        mask = np.arange(h)[:, None] >= (h - np.round(heights)[None, :])
        hl = col["highlight"]
        rgba = np.zeros((h, w, 4), np.uint8)
        rgba[mask] = (hl.red(), hl.green(), hl.blue(), 190)
        image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
        self._overviews[index] = (key, image)
        return image

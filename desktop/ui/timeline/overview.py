"""The overview band under the lanes: the whole extent as a density histogram (cached per
index) with the visible window drawn over it; a mixin of :class:`TimelinePainter`."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from desktop.domain.time_scale import TimeScale

if TYPE_CHECKING:
    import weakref
    from collections.abc import Callable

    from PySide6.QtGui import QFont

    from desktop.ui.timeline.canvas import TimelineCanvas


class OverviewMixin:
    c: TimelineCanvas
    small: QFont
    _overviews: weakref.WeakKeyDictionary
    _layer: Callable[..., QImage]

    # -- overview band -------------------------------------------------------------------------
    def overview_scale(self) -> TimeScale | None:
        extent = self.c.model.index.extent()
        if extent is None:
            return None
        return TimeScale.fit(extent[0], extent[1], self.c.time_width, margin=0.02)

    def _overview_band(self, p: QPainter, col: dict, layered: bool = False) -> None:
        c, g = self.c, self.c.geo
        top = c.height() - g.overview_h
        full = self.overview_scale()
        image = self._overview_image(full, col) if full is not None else None
        if layered:  # the band without its window rectangle, from a cached layer
            key = (
                image.cacheKey() if image is not None else 0,
                tuple(v.rgba() for v in col.values()),
            )

            def draw(lp: QPainter) -> None:  # from one row up: the top line covers two rows
                lp.translate(0, 1 - top)
                self._overview_base(lp, col, top, image)

            layer = self._layer("overview", key, c.width(), g.overview_h + 1, draw)
            p.drawImage(QPointF(0, top - 1), layer)
        else:
            self._overview_base(p, col, top, image)
        if full is None:
            return
        x0 = g.header_w + max(-2.0, full.x(c.scale.start))
        x1 = g.header_w + min(full.width + 2, full.x(c.scale.end))
        win = QRectF(x0, top + 2, max(4.0, x1 - x0), g.overview_h - 4)
        fill = QColor(col["highlight"])
        fill.setAlpha(45)
        p.setBrush(fill)
        p.setPen(QPen(col["highlight"], 1.5))
        p.drawRect(win)

    def _overview_base(self, p: QPainter, col: dict, top: float, image: QImage | None) -> None:
        c, g = self.c, self.c.geo
        p.fillRect(QRectF(0, top, c.width(), g.overview_h), col["header"])
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(0, top), QPointF(c.width(), top))
        p.setPen(col["muted"])
        p.setFont(self.small)
        p.drawText(
            QRectF(8, top, g.header_w - 12, g.overview_h), Qt.AlignmentFlag.AlignVCenter, "Overview"
        )
        if image is not None:
            p.drawImage(QPointF(g.header_w, top + 4), image)

    def _overview_image(self, full: TimeScale, col: dict) -> QImage:
        index = self.c.model.index
        key = (
            len(index),
            round(full.start),
            round(full.end),
            int(full.width),
            col["highlight"].rgb(),
        )
        cached = self._overviews.get(index)
        if cached and cached[0] == key:
            return cached[1]
        h = int(self.c.geo.overview_h - 8)
        w = max(1, math.ceil(full.width))
        counts = index.density(full).sum(axis=0) if len(index) else np.zeros(w)
        counts = counts[:w]
        heights = np.zeros(w)
        if counts.max(initial=0) > 0:
            heights = np.log1p(counts) / np.log1p(counts.max()) * h
        rows = np.arange(h)[:, None]
        mask = rows >= (h - heights[None, :])
        hl = col["highlight"]
        rgba = np.zeros((h, w, 4), np.uint8)
        rgba[mask] = (hl.red(), hl.green(), hl.blue(), 150)
        image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
        self._overviews[index] = (key, image)
        return image

    def overview_hit(self, x: float) -> str:
        """'left' / 'right' edge, 'move' inside the window rectangle, or 'outside'."""
        full = self.overview_scale()
        if full is None:
            return "outside"
        g = self.c.geo
        x0 = g.header_w + full.x(self.c.scale.start)
        x1 = g.header_w + full.x(self.c.scale.end)
        if abs(x - x0) <= 5 and x1 - x0 > 12:
            return "left"
        if abs(x - x1) <= 5 and x1 - x0 > 12:
            return "right"
        return "move" if x0 <= x <= x1 else "outside"

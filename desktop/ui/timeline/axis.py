"""The time axis: tick rows, era strip, grid lines and the "today" line; a mixin of
:class:`TimelinePainter`. Tick positions and labels come from :mod:`desktop.domain.ticks`."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from desktop.domain.era_labels import place_era_labels
from desktop.domain.ticks import LABEL_PAD, axis_ticks
from desktop.domain.time_scale import TimeScale
from desktop.ui.document import words

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.ui.timeline.canvas import TimelineCanvas


class AxisMixin:
    c: TimelineCanvas
    small: QFont
    bold: QFont
    fm_small: QFontMetricsF
    _tick_cache: tuple | None
    text_width: Callable[[str], float]
    text: Callable[..., None]

    def _ticks(self, scale: TimeScale) -> tuple[list, list]:
        key = (scale.start, scale.end, scale.width)
        if self._tick_cache is None or self._tick_cache[0] != key:
            self._tick_cache = (key, axis_ticks(scale, self.text_width, 8.0, self._bold_width))
        return self._tick_cache[1]

    def _measure(self, font: QFont, text: str) -> float:
        """Width of `text` in `font` (the upper row's bold, the era strip's italic), cached."""
        cache: dict | None = getattr(self, "_axis_widths", None)
        if cache is None or len(cache) > 5000:
            cache = self._axis_widths = {}
        key = (font.key(), text)
        w = cache.get(key)
        if w is None:
            w = cache[key] = QFontMetricsF(font).horizontalAdvance(text)
        return w

    def _bold_width(self, text: str) -> float:
        return self._measure(self.bold, text)

    def _eras(self, p: QPainter, scale: TimeScale, col: dict, top: float, bottom: float) -> None:
        for era in self.c.model.eras:
            if era.hi < scale.start or era.lo > scale.end:
                continue
            x0, x1 = scale.x(era.lo), scale.x(era.hi)
            p.fillRect(QRectF(x0, top, max(2.0, x1 - x0), bottom - top), col["era"])

    def _grid(
        self, p: QPainter, major: list, minor: list, col: dict, top: float, bottom: float
    ) -> None:
        lines = [QLineF(t.x, top, t.x, bottom) for t in minor]
        if lines:
            p.setPen(QPen(col["grid"], 1))
            p.drawLines(lines)
        lines = [QLineF(t.x, min(22.0, top), t.x, bottom) for t in major if not t.sticky]
        if lines:
            p.setPen(QPen(col["grid_major"], 1))
            p.drawLines(lines)

    def _axis(self, p: QPainter, major: list, minor: list, col: dict) -> None:
        g, w = self.c.geo, self.c.time_width
        p.fillRect(QRectF(-g.header_w, 0, w + g.header_w, g.axis_h), col["header"])
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(-g.header_w, g.axis_h), QPointF(w, g.axis_h))
        # tick marks: each label starts just right of its boundary's line
        p.drawLines([QLineF(t.x, 4.0, t.x, 22.0) for t in major if not t.sticky])
        p.setPen(QPen(col["grid"], 1))
        p.drawLines([QLineF(t.x, 26.0, t.x, g.era_y) for t in minor])
        p.setFont(self.bold)
        p.setPen(col["text"])
        for t in major:
            if t.label:  # in the interface language (words.tick: '2024年4月')
                self.text(p, QPointF(t.x + LABEL_PAD, 17), words.tick(t.label), self.bold)
        p.setFont(self.small)
        p.setPen(col["muted"])
        for t in minor:
            if t.label:
                self.text(p, QPointF(t.x + LABEL_PAD, 39), words.tick(t.label), self.small)
        era_font = QFont(self.small)
        era_font.setItalic(True)
        p.setFont(era_font)
        p.setPen(QColor(180, 110, 0))
        scale = self.c.scale
        shown = [  # in their own strip under the ticks
            (max(0.0, scale.x(e.lo)), min(w, scale.x(e.hi)), e.title)
            for e in self.c.model.eras
            if e.hi >= scale.start and e.lo <= scale.end
        ]
        for x0, x1, _ in shown:
            p.fillRect(QRectF(x0, g.era_y, max(2.0, x1 - x0), g.axis_h - g.era_y), col["era"])
        for label in place_era_labels(shown, w, lambda s: self._measure(era_font, s)):
            self.text(p, QPointF(label.x, g.era_y + 12), label.text, era_font)

    def _today(self, p: QPainter, scale: TimeScale, col: dict, bottom: float) -> None:
        now = time.time()
        if scale.start <= now <= scale.end:
            x = scale.x(now)
            p.setPen(QPen(col["today"], 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, self.c.geo.axis_h), QPointF(x, bottom))

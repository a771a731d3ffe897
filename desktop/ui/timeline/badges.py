"""What the painter draws on top of an event's mark: its note badges (a filled star for a
starred note, a ring for any other note, a small tab in the note's colour label) and the
multi-selection halo and rubber band; a mixin of :class:`TimelinePainter`.

Everything here reads columns the model already holds (flags, colour codes): no SQL in paint.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from desktop.domain.event_index import FLAG_ANNOTATED, FLAG_STARRED
from desktop.ui.format import COLOUR_HEX
from desktop.ui.timeline.model import COLOUR_CODES

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

STAR = QColor("#E69F00")
STAR_EDGE = QColor("#7A4A00")
LABEL_COLOURS = [QColor(COLOUR_HEX.get(name, "#000000")) for name in COLOUR_CODES]


class BadgesMixin:
    c: TimelineCanvas
    _sprites: dict

    def _badges(self, p: QPainter, x0: float, my: float, flags: int, code: int) -> None:
        """Star (starred) or ring (annotated) at the mark's top right; colour tab under it."""
        if flags & FLAG_STARRED:
            p.drawPixmap(QPointF(x0 + 1, my - 13), self._star())
        elif flags & FLAG_ANNOTATED:
            p.setPen(QPen(STAR, 1.7))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x0 + 7, my - 7), 3.2, 3.2)
        if code:
            p.setPen(QPen(QColor(0, 0, 0, 110), 0.8))
            p.setBrush(LABEL_COLOURS[code])
            p.drawRoundedRect(QRectF(x0 - 6, my + 6.5, 12, 4), 1.5, 1.5)

    def _star(self) -> QPixmap:
        dpr = self.c.devicePixelRatioF()
        key = ("star", dpr)
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = QPixmap(int(12 * dpr), int(12 * dpr))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            sp.setPen(QPen(STAR_EDGE, 0.9))
            sp.setBrush(STAR)
            points = []
            for i in range(10):
                r = 5.6 if i % 2 == 0 else 2.4
                a = -math.pi / 2 + i * math.pi / 5
                points.append(QPointF(6 + r * math.cos(a), 6.3 + r * math.sin(a)))
            sp.drawPolygon(points)
            sp.end()
            self._sprites[key] = sprite
        return sprite

    def _halo(self, p: QPainter, rect: QRectF, col: dict) -> None:
        """Behind a mark (or a cluster) in the multi-selection; the common round one (a point
        event) from a cached sprite: a frame may hold thousands."""
        if rect.width() == rect.height() == 20:
            p.drawPixmap(rect.topLeft() - QPointF(1, 1), self._halo_sprite(col["highlight"]))
            return
        self._halo_shape(p, rect, col["highlight"])

    def _halo_sprite(self, highlight: QColor) -> QPixmap:
        dpr = self.c.devicePixelRatioF()
        key = ("halo", highlight.rgba(), dpr)
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = QPixmap(int(22 * dpr), int(22 * dpr))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._halo_shape(sp, QRectF(1, 1, 20, 20), highlight)
            sp.end()
            self._sprites[key] = sprite
        return sprite

    def _halo_shape(self, p: QPainter, rect: QRectF, highlight: QColor) -> None:
        fill = QColor(highlight)
        fill.setAlpha(70)
        p.setPen(QPen(highlight, 1.2))
        p.setBrush(fill)
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)

    def _band(self, p: QPainter, col: dict) -> None:
        """The rubber band being dragged (canvas coordinates)."""
        band = self.c.band
        if band is None:
            return
        fill = QColor(col["highlight"])
        fill.setAlpha(40)
        p.setBrush(fill)
        p.setPen(QPen(col["highlight"], 1, Qt.PenStyle.DashLine))
        p.drawRect(band.normalized())

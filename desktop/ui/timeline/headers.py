"""The lane headers and bands: the static part of each header (arrow, title, event count,
edges) and what changes with the scale (events left and right of the view, '▾ N more'); a
mixin of :class:`TimelinePainter`.

On screen a header's static part is drawn from a sprite kept per lane and look (title, count,
height, colours, fonts): a few fills and three texts cost about ten times one blit, and at ten
million events a frame shows a dozen dense lanes whose headers do not change while panning or
zooming. Vector output (SVG) draws them as shapes and text.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from desktop.domain.lanes import Lane, LaneRect
from desktop.domain.text import rough_count
from desktop.ui.i18n import num, translate

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

ARGB = QImage.Format.Format_ARGB32_Premultiplied
SPRITES_MAX = 256  # header sprites kept (least recently drawn dropped first)
SPRITE_MAX_H = 240.0  # taller headers (a lane of many rows) are drawn directly


class HeadersMixin:
    c: TimelineCanvas
    font: QFont
    small: QFont
    bold: QFont
    _header_sprites: dict[tuple, QImage]

    if TYPE_CHECKING:  # provided by TimelinePainter

        def text(self, p: QPainter, pos: QPointF, text: str, font: QFont | None = None) -> None: ...

        def text_width(self, text: str) -> float: ...

        def _elided(self, text: str, font: QFont, width: float) -> str: ...

    def _chrome(
        self,
        p: QPainter,
        col: dict,
        bottom: float,
        visible: list[LaneRect],
        hl_lane: int | None,
        look: tuple | None = None,
    ) -> None:
        """Lane bands, the highlight tint, the header column and the lane separators; the
        headers from sprites when ``look`` (the colours and fonts, as the static layers key
        them) is given: a raster target."""
        c, g = self.c, self.c.geo
        lanes = c.model.lanes
        p.save()
        p.setClipRect(QRectF(0, g.axis_h, c.width(), bottom - g.axis_h))
        for rect in visible:
            if rect.y >= bottom:
                break
            band = QRectF(0, rect.y, c.width(), rect.height)
            if rect.index == hl_lane:
                tint = QColor(col["highlight"])
                tint.setAlpha(40)
                p.fillRect(band, tint)
            elif rect.index % 2:
                shade = QColor(col["alt"])
                shade.setAlpha(110)
                p.fillRect(band, shade)
            lane, lit = lanes[rect.index], rect.index == hl_lane
            if look is not None and rect.height <= SPRITE_MAX_H:
                self._header_sprite(p, lane, rect, col, lit, look)
            else:
                self._header(p, lane, rect, col, lit)
        p.restore()

    def _header_sprite(
        self, p: QPainter, lane: Lane, rect: LaneRect, col: dict, lit: bool, look: tuple
    ) -> None:
        """The header of ``rect`` as :meth:`_header` draws it, blitted from a sprite: the
        sprite holds the header box and the edges' parts over it (they reach half a pixel
        out); the lane's bottom edge right of it is filled here."""
        g = self.c.geo
        dpr = self.c.devicePixelRatioF()
        top = math.floor(rect.y)
        w = g.header_w + 1  # the right edge's outer half
        count = self._count_text(rect.index)  # (in the language shown)
        key = (lane.title, count, lane.collapsed, lit, rect.y - top, rect.height, w, dpr, look)
        sprite = self._header_sprites.pop(key, None)
        if sprite is None:
            h = math.ceil(rect.y - top + rect.height + 0.5)
            sprite = QImage(round(w * dpr), round(h * dpr), ARGB)
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            try:
                sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                sp.setClipRect(QRectF(0, 0, w, h))
                at = LaneRect(rect.index, rect.y - top, rect.height)
                self._header(sp, lane, at, col, lit, right=w)
            finally:
                sp.end()
            while self._header_sprites and len(self._header_sprites) >= SPRITES_MAX:
                del self._header_sprites[next(iter(self._header_sprites))]
        self._header_sprites[key] = sprite  # (re)inserted last: most recently drawn
        p.drawImage(QPointF(0, top), sprite)
        edge = QRectF(w, rect.y + rect.height - 0.5, self.c.width() - w, 1)
        p.fillRect(edge, col["grid_major"])

    def _header(
        self,
        p: QPainter,
        lane: Lane,
        rect: LaneRect,
        col: dict,
        highlighted: bool,
        right: float | None = None,
    ) -> None:
        """A header's static part: box, edges (the bottom one to x = ``right``, default the
        canvas's width), the ▾/▸ arrow, the title and the event count."""
        g = self.c.geo
        box = QRectF(0, rect.y, g.header_w, rect.height)
        p.fillRect(box, col["header"])
        # the header's right edge and the lane's bottom edge: 1 px fills (cheaper than lines,
        # and there are a thousand lanes at 10M events), centred where the lines were
        line = col["grid_major"]
        p.fillRect(QRectF(g.header_w - 0.5, rect.y, 1, rect.height), line)
        width = self.c.width() if right is None else right
        p.fillRect(QRectF(0, rect.y + rect.height - 0.5, width, 1), line)
        p.setPen(col["muted"])
        p.setFont(self.small)
        arrow = "▸" if lane.collapsed else "▾"
        self.text(p, QPointF(12 - self.text_width(arrow) / 2, rect.y + 17), arrow, self.small)
        p.setFont(self.bold if highlighted else self.font)
        p.setPen(col["text"])
        title = self._elided(lane.title, p.font(), g.header_w - 28)
        self.text(p, QPointF(22, rect.y + 17), title)
        if rect.height >= 36 and not lane.collapsed:
            p.setFont(self.small)
            p.setPen(col["muted"])
            self.text(p, QPointF(22, rect.y + 34), self._count_text(rect.index))

    def _count_text(self, lane: int) -> str:
        """The header's second line: how many events the lane has."""
        n = self.c.model.lanes[lane].count
        if n == 1:
            return translate("Timeline", "{n} event").format(n=num(n))
        return translate("Timeline", "{n} events").format(n=num(n))

    def _header_dynamic(self, p: QPainter, rect: LaneRect, col: dict) -> None:
        """What changes with the scale in a lane's header (drawn every frame, not cached):
        the events left (◂) and right (▸) of the view, and '▾ N more' when rows overflow."""
        plan = self.c.planner.plans.get(rect.index)
        if plan is None or self.c.model.lanes[rect.index].collapsed:
            return
        g = self.c.geo
        p.save()
        p.setClipRect(QRectF(0, max(rect.y, g.axis_h), g.header_w - 1, rect.height))
        p.setFont(self.small)
        if rect.height >= 36 and plan.mode != "empty" and (plan.before or plan.after):
            parts = ([f"◂ {rough_count(plan.before)}"] if plan.before else []) + (
                [f"{rough_count(plan.after)} ▸"] if plan.after else []
            )
            p.setPen(col["muted"])
            x = 22 + self.text_width(self._count_text(rect.index)) + 10
            # rough counts: steady while panning, so drawn from the static-text cache
            self.text(p, QPointF(x, rect.y + 34), "  ".join(parts), self.small)
        more = self._more_text(rect.index)
        if more and rect.height >= 56:
            p.setPen(col["highlight"])
            self.text(p, QPointF(22, rect.y + rect.height - 8), more, self.small)
        p.restore()

    def _more_text(self, lane: int) -> str:
        """'+N more' under a lane's header whose rows overflow; 'fewer rows' once expanded."""
        plan = self.c.planner.plans.get(lane)
        if plan is None or plan.stack is None:
            return ""
        if self.c.model.lanes[lane].key in self.c.planner.expanded:
            return translate("Timeline", "▴ fewer rows")
        hidden = plan.stack.overflow()
        return translate("Timeline", "▾ {n} more").format(n=num(hidden)) if hidden else ""

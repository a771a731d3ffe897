"""The events of one lane as its plan says (:mod:`desktop.ui.timeline.frame`): stacked marks
with their labels, count pills where the rows could not hold the events, a histogram for a
lane too dense for marks, and the counts left and right of the view; a mixin of
:class:`TimelinePainter`.

Per lane, the columns of the marks to draw are read from the index in one numpy pass
(``tolist()``), so the per-mark Python work is plain float arithmetic and the QPainter calls.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)

from desktop.domain.event_index import FLAG_DISPUTED
from desktop.domain.lane_plan import DENSITY_H, ROW_H, LanePlan
from desktop.domain.text import rough_count
from desktop.domain.time_scale import TimeScale
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, light and dark.
KIND_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C6D00",
    "#7F7F7F",
)
_KIND_QCOLOURS = tuple(QColor(h) for h in KIND_COLOURS)
DAY = 86400.0
WHITE = QColor("white")


class _BarRows(dict[int, np.ndarray]):
    """h -> the rows of an h-pixel bar area, top first, as the bar height that lights them."""

    def __missing__(self, h: int) -> np.ndarray:
        rows = self[h] = np.arange(h, 0, -1, dtype=np.uint32)[:, None]
        return rows


_BAR_ROWS = _BarRows()


def _premultiplied(colour: QColor) -> int:
    """``colour`` as a premultiplied 0xAARRGGBB value."""
    a = colour.alpha()
    r, g, b = (round(v * a / 255) for v in (colour.red(), colour.green(), colour.blue()))
    return (a << 24) | (r << 16) | (g << 8) | b


class MarksMixin:
    c: TimelineCanvas
    small: QFont
    fm_small: QFontMetricsF
    _sprites: dict
    _density: np.ndarray | None
    _density_row: dict[int, int]
    _histograms: np.ndarray | None  # bar heights (dense lanes x pixel columns)
    _frame_diamonds: dict[int, QPixmap]

    def kind_colour(self, kind: int) -> QColor:
        return QColor(_KIND_QCOLOURS[kind % len(_KIND_QCOLOURS)])

    def _lane_events(self, p: QPainter, scale: TimeScale, lane: int, h: float, col: dict) -> None:
        plan = self.c.planner.plans.get(lane)
        if plan is None:
            return
        if plan.mode == "empty":
            self._outside_counts(p, plan, col)
        elif plan.mode == "density":
            row = self._density_row.get(lane)
            if self._density is not None and row is not None:
                self._histogram(p, row, plan, col)
        else:
            self._stacked(p, plan, col)

    def _stacked(self, p: QPainter, plan: LanePlan, col: dict) -> None:
        """Marks, then labels, of the stacked events; then the count pills."""
        stack = plan.stack
        assert stack is not None
        c = self.c
        model, index = c.model, c.model.index
        placed = stack.placed
        pos = np.fromiter((pl.id for pl in placed), np.intp, len(placed))
        cols = zip(
            index.ids[pos].tolist(),
            index.lo[pos].tolist(),
            index.hi[pos].tolist(),
            model.start_hi[pos].tolist(),
            index.kind[pos].tolist(),
            index.flags[pos].tolist(),
            model.colour[pos].tolist(),
            strict=True,
        )
        texts = model.labels(index.ids[pos].tolist())
        labels = []
        for pl, (eid, lo, hi, start_hi, kind, flags, code) in zip(placed, cols, strict=True):
            my = plan.row_y(pl.row) + ROW_H / 2
            self._event_mark(p, eid, pl, my, (lo, hi, start_hi, kind, flags, code), col)
            if pl.label_x is not None:
                labels.append((pl, eid, my))
        p.setFont(self.small)
        sel, chosen = c.selected, c.selection
        half = (self.fm_small.ascent() - self.fm_small.descent()) / 2
        pen = None
        for pl, eid, my in labels:
            colour = col["highlight"] if eid == sel or eid in chosen else col["text"]
            if colour is not pen:
                p.setPen(colour)
                pen = colour
            text = texts.get(eid, "")
            if self.text_width(text) > pl.label_w + 0.5:  # type: ignore[attr-defined]
                text = self._cut_label(text, pl.label_w)
            self.text(p, QPointF(pl.label_x, my + half), text, self.small)  # type: ignore[attr-defined]
        if stack.pills:
            my = plan.row_y(stack.rows) + ROW_H / 2
            for pill in stack.pills:
                selected = sel is not None and any(index.ids[i] == sel for i in pill.ids)
                self._pill(p, pill.x0, pill.x1, len(pill.ids), my, col, selected)

    def _cut_label(self, text: str, width: float) -> str:
        """``text`` ('title · date') cut to ``width``: the title is shortened, the date kept."""
        title, sep, when = text.rpartition(" · ")
        tail = sep + when
        room = width - self.text_width(tail)  # type: ignore[attr-defined]
        if title and room >= 40:
            return self._elided(title, self.small, room) + tail  # type: ignore[attr-defined]
        return self._elided(text, self.small, width)  # type: ignore[attr-defined]

    def _event_mark(
        self, p: QPainter, event_id: int, pl, my: float, mark: tuple, col: dict
    ) -> None:  # type: ignore[no-untyped-def]
        """One event: a diamond at its head, or over its span a bar (a range), a whisker
        ('early May 2024') or a faded band ('May 2024'). ``mark`` is (lo, hi, start_hi, kind,
        flags, colour code)."""
        lo, hi, start_hi, kind, flags, code = mark
        x0, x1, head = pl.mark_x0, pl.mark_x1, pl.head
        span = x0 == head  # the stacking gives a point the room of a diamond around its head
        if event_id in self.c.selection:
            self._halo(p, QRectF(x0 - 3, my - 9, x1 - x0 + 6, 18), col)  # type: ignore[attr-defined]
        colour = _KIND_QCOLOURS[kind % len(_KIND_QCOLOURS)]
        if span:
            if hi > start_hi + 1:  # a range: a bar, tinted so its label reads over it
                tint = QColor(colour)
                tint.setAlpha(95)
                p.setPen(QPen(colour, 1.4))
                p.setBrush(tint)
                p.drawRoundedRect(QRectF(x0, my - 7, max(3.0, x1 - x0), 14), 3, 3)
            elif hi - lo <= 11 * DAY:  # 'early May': a whisker
                p.setPen(QPen(colour, 1.6))
                p.drawLine(QPointF(x0, my), QPointF(x1, my))
                p.drawLine(QPointF(x0, my - 4), QPointF(x0, my + 4))
                p.drawLine(QPointF(x1, my - 4), QPointF(x1, my + 4))
            else:  # 'May 2024': a faded band
                faded = QColor(colour)
                faded.setAlpha(60)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(faded)
                p.drawRoundedRect(QRectF(x0, my - 8, x1 - x0, 16), 3, 3)
        else:  # a point in time: a diamond, drawn from a cached sprite
            sprite = self._frame_diamonds.get(kind)
            if sprite is None:
                sprite = self._frame_diamonds[kind] = self._diamond(kind, col["base"])
            p.drawPixmap(QPointF(head - 7, my - 7), sprite)
        self._badges(p, head, my, flags, code)  # type: ignore[attr-defined]
        if flags & FLAG_DISPUTED:
            p.setPen(QPen(col["disputed"], 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(head, my), 8, 8)
        if self.c.selected == event_id:
            self._ring(p, head, my, col)

    def _outside_counts(self, p: QPainter, plan: LanePlan, col: dict) -> None:
        """A lane with nothing in view: how many events lie left and right of it."""
        p.setFont(self.small)
        p.setPen(col["muted"])
        y = plan.height / 2 + (self.fm_small.ascent() - self.fm_small.descent()) / 2
        # rough counts (three digits above 10,000) stay the same over many pans
        if plan.before:
            self.text(p, QPointF(6, y), f"◂ {rough_count(plan.before)}", self.small)  # type: ignore[attr-defined]
        if plan.after:
            text = f"{rough_count(plan.after)} ▸"
            x = self.c.time_width - 6 - self.text_width(text)  # type: ignore[attr-defined]
            self.text(p, QPointF(x, y), text, self.small)  # type: ignore[attr-defined]

    def _histogram(self, p: QPainter, row: int, plan: LanePlan, col: dict) -> None:
        """A lane too dense for marks: one bar per pixel column, as tall as the events that
        start there (relative to the lane's busiest column); its count is in the header."""
        pixels = self._histogram_pixels(row, col)
        h, w = pixels.shape
        image = QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
        p.drawImage(QPointF(0, 4), image)
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(0, 4 + h + 0.5), QPointF(w, 4 + h + 0.5))
        p.setFont(self.small)
        p.setPen(col["muted"])
        text = translate("Timeline", "{n} events in view: zoom in to read them").format(
            n=rough_count(plan.count)
        )
        self.text(p, QPointF(4, 4 + h + 14), text, self.small)  # type: ignore[attr-defined]

    def _histogram_pixels(self, row: int, col: dict) -> np.ndarray:
        """The bars of dense lane ``row`` of the frame's density grid: (rows, columns) ARGB,
        a pixel lit where its column's bar reaches its row (one comparison and one multiply
        per pixel, half the time of gathering columns from a table of the possible bars).
        The bar heights of all dense lanes are scaled at once."""
        h = int(DENSITY_H - 22)
        if self._histograms is None:
            counts = self._density
            assert counts is not None
            peak = np.maximum(counts.max(axis=1, initial=0), 1).astype(np.float64)[:, None]
            bars = np.where(counts > 0, np.maximum(1.0, np.floor(counts * (h / peak))), 0.0)
            self._histograms = bars.astype(np.uint32)
        hl = QColor(col["highlight"])
        hl.setAlpha(200)
        # premultiplied 0xAARRGGBB, as Format_ARGB32_Premultiplied reads a native uint32 (the
        # format the frame is drawn on: no conversion per draw)
        colour = np.uint32(_premultiplied(hl))
        lit = self._histograms[row][None, :] >= _BAR_ROWS[h]  # top row first
        return np.multiply(lit, colour, dtype=np.uint32)

    def _diamond(self, kind: int, outline: QColor) -> QPixmap:
        key = (kind, outline.rgba(), self.c.devicePixelRatioF())
        sprite = self._sprites.get(key)
        if sprite is None:
            dpr = self.c.devicePixelRatioF()
            sprite = QPixmap(int(14 * dpr), int(14 * dpr))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            sp.setPen(QPen(outline, 1.2))
            sp.setBrush(self.kind_colour(kind))
            sp.drawPolygon([QPointF(7, 1), QPointF(13, 7), QPointF(7, 13), QPointF(1, 7)])
            sp.end()
            self._sprites[key] = sprite
        return sprite

    def _ring(self, p: QPainter, x: float, my: float, col: dict) -> None:
        p.setPen(QPen(col["highlight"], 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(x, my), 10, 10)

    def _pill(
        self, p: QPainter, x0: float, x1: float, count: int, my: float, col: dict, ring: bool
    ) -> None:
        """Events the rows could not hold: '+N', darker with more events."""
        text = f"+{count:,}" if count < 10_000 else f"+{count / 1000:.0f}k"
        w = max(x1 - x0, self.text_width(text) + 10)  # type: ignore[attr-defined]
        # white text keeps >= 4.5:1 contrast on every shade used
        shade = QColor("#3B5B8C").darker(100 + min(60, int(15 * math.log10(count + 1))))
        p.setPen(QPen(col["highlight"], 2) if ring else Qt.PenStyle.NoPen)
        p.setBrush(shade)
        p.drawRoundedRect(QRectF(x0, my - 8, w, 16), 8, 8)
        p.setPen(WHITE)
        p.setFont(self.small)
        tw, th, ascent = self.text_width(text), self.fm_small.height(), self.fm_small.ascent()  # type: ignore[attr-defined]
        self.text(p, QPointF(x0 + (w - tw) / 2, my - 8 + (16 - th) / 2 + ascent), text, self.small)  # type: ignore[attr-defined]

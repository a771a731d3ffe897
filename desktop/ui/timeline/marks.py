"""The events of one lane: density strips, cluster pills, event marks and their labels; a mixin
of :class:`TimelinePainter`.

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
    QTransform,
)

from desktop.domain.event_index import FLAG_DISPUTED
from desktop.domain.labels import LabelCandidate, place_labels
from desktop.domain.time_scale import TimeScale

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


class MarksMixin:
    c: TimelineCanvas
    small: QFont
    fm_small: QFontMetricsF
    _sprites: dict
    label_boxes: list
    _density: np.ndarray | None
    _density_row: dict[int, int]
    _dense_limit: float
    _density_strips: np.ndarray | None
    _frame_diamonds: dict[int, QPixmap]

    def kind_colour(self, kind: int) -> QColor:
        return QColor(_KIND_QCOLOURS[kind % len(_KIND_QCOLOURS)])

    def _lane_events(self, p: QPainter, scale: TimeScale, lane: int, h: float, col: dict) -> None:
        c, g = self.c, self.c.geo
        model = c.model
        index = model.index
        row = self._density_row.get(lane)
        if self._density is not None and row is not None:
            counts = self._density[row]
            total = counts.sum()  # every visible event of the lane counts once
            if total > self._dense_limit:
                self._density_strip(p, row, counts, g.marker_y, col)
                return
            if not total:
                return
        clusters = index.cluster(scale, lane, g.cluster_px)
        if not len(clusters):
            return
        my = g.marker_y
        singles: list[tuple[int, float]] = []
        members = clusters.member_ids
        in_sel = c.selected_mask(members) if c.selection else None
        # the representative's columns, for every cluster at once
        rep = clusters.rep_pos
        lo_a, hi_a = index.lo[rep], index.hi[rep]
        marks = zip(
            lo_a.tolist(),
            hi_a.tolist(),
            scale.x(lo_a).tolist(),
            scale.x(hi_a).tolist(),
            model.start_hi[rep].tolist(),
            index.kind[rep].tolist(),
            index.flags[rep].tolist(),
            model.colour[rep].tolist(),
            strict=True,
        )
        starts = clusters.starts.tolist()
        x_ends = clusters.x_end.tolist()
        sel = c.selected
        for i, ((x0, x1, count, rid), mark) in enumerate(zip(clusters, marks, strict=True)):
            if count == 1:
                singles.append((rid, x0))
                self._event_mark(p, rid, mark, my, col)
            else:
                x_end = x_ends[i]
                if in_sel is not None and in_sel[starts[i] : starts[i + 1]].any():
                    w = max(max(x1, x_end) - x0, 16.0)
                    self._halo(p, QRectF(x0 - 4, my - 12, w + 8, 24), col)
                self._cluster_mark(p, x0, max(x1, x_end), count, my, col)
                if sel is not None and sel in members[starts[i] : starts[i + 1]]:
                    self._ring(p, x0, my, col)
        self._labels(p, singles, my, h, col)

    def _event_mark(self, p: QPainter, event_id: int, mark: tuple, my: float, col: dict) -> None:
        """One event: a bar, an uncertainty span or a diamond. `mark` is (lo, hi, x0, x1,
        start_hi, kind, flags, colour code)."""
        lo, hi, x0, x1, start_hi, kind, flags, code = mark
        if event_id in self.c.selection:
            self._halo(p, QRectF(x0 - 10, my - 10, x1 - x0 + 20 if x1 - x0 > 3 else 20, 20), col)
        dur = hi - lo
        has_end = hi > start_hi + 1
        if has_end and x1 - x0 > 3:  # a range: a solid bar
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_KIND_QCOLOURS[kind % len(_KIND_QCOLOURS)])
            p.drawRoundedRect(QRectF(x0, my - 5, max(3.0, x1 - x0), 10), 3, 3)
        elif x1 - x0 > 3 and dur > DAY:  # an uncertain date
            colour = _KIND_QCOLOURS[kind % len(_KIND_QCOLOURS)]
            if dur <= 11 * DAY:  # 'early May': a whisker
                p.setPen(QPen(colour, 1.6))
                p.drawLine(QPointF(x0, my), QPointF(x1, my))
                p.drawLine(QPointF(x0, my - 4), QPointF(x0, my + 4))
                p.drawLine(QPointF(x1, my - 4), QPointF(x1, my + 4))
            else:  # 'May 2024': a faded span
                faded = QColor(colour)
                faded.setAlpha(70)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(faded)
                p.drawRoundedRect(QRectF(x0, my - 6, x1 - x0, 12), 3, 3)
            p.setBrush(colour)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF((x0 + x1) / 2, my), 3.2, 3.2)
        else:  # a point in time: a diamond, drawn from a cached sprite
            x = (x0 + min(x1, x0 + 3)) / 2
            sprite = self._frame_diamonds.get(kind)
            if sprite is None:
                sprite = self._frame_diamonds[kind] = self._diamond(kind, col["base"])
            p.drawPixmap(QPointF(x - 7, my - 7), sprite)
        self._badges(p, x0, my, flags, code)  # type: ignore[attr-defined]
        if flags & FLAG_DISPUTED:
            p.setPen(QPen(col["disputed"], 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x0, my), 8, 8)
        if self.c.selected == event_id:
            self._ring(p, x0, my, col)

    def _density_strip(
        self, p: QPainter, row: int, counts: np.ndarray, my: float, col: dict
    ) -> None:
        """A lane too dense for marks: a strip whose opacity follows log(events per pixel),
        with the busiest stretch's count written on it."""
        w = len(counts)
        rgba = self._density_rgba(col)[row]  # RGBA8888: drawn with antialiased edges
        image = QImage(rgba.data, w, 1, 4 * w, QImage.Format.Format_RGBA8888)
        p.drawImage(QRectF(0, my - 9, w, 18), image, QRectF(0, 0, w, 1))
        p.setFont(self.small)
        p.setPen(col["muted"])
        total = int(counts.sum())
        text = f"{total:,} events here: zoom in to see them one by one"
        self.text(p, QPointF(4, my + 24), text, self.small)  # type: ignore[attr-defined]

    def _density_rgba(self, col: dict) -> np.ndarray:
        """The strips of every row of the frame's density grid, made once per frame: row j is
        lane row j's strip (alpha 60..255 by log(count) / log(the row's peak))."""
        if self._density_strips is not None:
            return self._density_strips
        counts = self._density
        assert counts is not None
        h, w = counts.shape
        peak = counts.max(axis=1, initial=0).astype(np.float64)
        nz = counts > 0
        alpha = np.zeros((h, w), np.uint8)
        scaled = 60 + 195 * np.log1p(counts) / np.log1p(np.maximum(peak, 1.0))[:, None]
        alpha[nz] = scaled[nz].astype(np.uint8)
        hl = col["highlight"]
        rgba = np.empty((h, w, 4), np.uint8)
        rgba[..., 0], rgba[..., 1], rgba[..., 2] = hl.red(), hl.green(), hl.blue()
        rgba[..., 3] = alpha
        self._density_strips = rgba
        return rgba

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

    def _cluster_mark(
        self, p: QPainter, x0: float, x1: float, count: int, my: float, col: dict
    ) -> None:
        text = f"{count:,}" if count < 10_000 else f"{count / 1000:.0f}k"
        w = max(x1 - x0, self.text_width(text) + 8)
        # darker with more events; white text keeps >= 4.5:1 contrast on every shade used
        shade = QColor("#3B5B8C").darker(100 + min(60, int(15 * math.log10(count + 1))))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(shade)
        p.drawRoundedRect(QRectF(x0, my - 8, w, 16), 8, 8)
        p.setPen(WHITE)
        p.setFont(self.small)
        # centred in the pill, as drawText(rect, AlignCenter) places it
        tw, th, ascent = self.text_width(text), self.fm_small.height(), self.fm_small.ascent()
        self.text(p, QPointF(x0 + (w - tw) / 2, my - 8 + (16 - th) / 2 + ascent), text, self.small)

    def _labels(
        self, p: QPainter, singles: list[tuple[int, float]], my: float, h: float, col: dict
    ) -> None:
        g = self.c.geo
        rows = max(0, min(g.label_rows, int((h - my - 10) // g.label_row_h)))
        if not rows or not singles:
            return
        if len(singles) > 400:  # more than can ever be placed: keep the best-flagged
            singles = singles[:400]
        model = self.c.model
        texts = model.labels([eid for eid, _ in singles])
        sel = self.c.selected
        chosen = self.c.selection
        width = self.text_width
        cands = []
        for eid, x in singles:
            text = texts.get(eid, "")
            if text:
                prio = 10.0 if eid == sel else 5.0 if eid in chosen else 0.0
                cands.append(LabelCandidate(eid, x - 3, width(text) + 2, prio))
        placed = place_labels(cands, g.label_row_h, rows, self.c.time_width)
        if not placed:
            return
        p.setFont(self.small)
        row_h = g.label_row_h
        t = p.transform()
        moved = t.type().value <= QTransform.TransformationType.TxTranslate.value
        dx, dy = t.dx(), t.dy()
        pen = None
        for lab in placed:
            y = my + 10 + lab.row * row_h
            colour = col["highlight"] if lab.id == sel or lab.id in chosen else col["text"]
            if colour is not pen:
                p.setPen(colour)
                pen = colour
            self.text(p, QPointF(lab.x, y + 11), texts[lab.id], self.small)  # type: ignore[attr-defined]
            if moved:
                box = QRectF(lab.x + dx, y + dy, lab.width, row_h)
            else:
                box = t.mapRect(QRectF(lab.x, y, lab.width, row_h))
            self.label_boxes.append((box, int(lab.id)))

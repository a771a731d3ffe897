"""Draws the timeline from what the domain layer computes; holds no state of its own except
the rectangles of the labels it placed (for hit testing) and the overview's cached image."""

from __future__ import annotations

import math
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)

from desktop.domain.event_index import FLAG_DISPUTED
from desktop.domain.labels import LabelCandidate, place_labels
from desktop.domain.ticks import LABEL_PAD, axis_ticks
from desktop.domain.time_scale import TimeScale
from desktop.ui.timeline.badges import BadgesMixin
from desktop.ui.timeline.overview import OverviewMixin

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
DAY = 86400.0


@dataclass(frozen=True)
class Geometry:
    header_w: float = 210.0
    axis_h: float = 62.0  # major row, minor row, era strip
    era_y: float = 46.0
    overview_h: float = 44.0
    lane_h: float = 64.0
    collapsed_h: float = 24.0
    marker_y: float = 14.0  # centre of markers below a lane's top
    label_row_h: float = 16.0
    label_rows: int = 3
    cluster_px: float = 9.0


class TimelinePainter(OverviewMixin, BadgesMixin):
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
        self.label_boxes: list[tuple[QRectF, int]] = []
        # per index (the unfiltered one stays cached while a filter is shown): key -> image
        self._overviews: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._sprites: dict[tuple, QPixmap] = {}
        self._static: dict[tuple[str, str], QStaticText] = {}
        self._ascents: dict[str, float] = {}
        self._elide_cache: dict[tuple[str, str, float], str] = {}

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

    def kind_colour(self, kind: int) -> QColor:
        return QColor(KIND_COLOURS[kind % len(KIND_COLOURS)])

    # -- frame ---------------------------------------------------------------------------------
    def paint(self, p: QPainter) -> None:
        c, g = self.c, self.c.geo
        col = self.colours()
        p.fillRect(c.rect(), col["base"])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scale = c.scale
        lanes_bottom = c.height() - g.overview_h
        p.save()
        p.setClipRect(QRectF(g.header_w, 0, c.time_width, lanes_bottom))
        p.translate(g.header_w, 0)
        self._eras(p, scale, col, lanes_bottom)
        major, minor = axis_ticks(scale, self.text_width)
        self._grid(p, major, minor, col, lanes_bottom)
        p.restore()
        self.label_boxes = []
        self._lanes(p, scale, col, lanes_bottom)
        p.save()
        p.translate(g.header_w, 0)
        self._axis(p, major, minor, col)
        self._today(p, scale, col, lanes_bottom)
        p.restore()
        self._band(p, col)
        self._overview_band(p, col)

    def _eras(self, p: QPainter, scale: TimeScale, col: dict, bottom: float) -> None:
        g = self.c.geo
        for era in self.c.model.eras:
            if era.hi < scale.start or era.lo > scale.end:
                continue
            x0, x1 = scale.x(era.lo), scale.x(era.hi)
            p.fillRect(QRectF(x0, g.axis_h, max(2.0, x1 - x0), bottom - g.axis_h), col["era"])

    def _grid(self, p: QPainter, major: list, minor: list, col: dict, bottom: float) -> None:
        top = self.c.geo.axis_h
        p.setPen(QPen(col["grid"], 1))
        for t in minor:
            p.drawLine(QPointF(t.x, top), QPointF(t.x, bottom))
        p.setPen(QPen(col["grid_major"], 1))
        for t in major:
            if not t.sticky:
                p.drawLine(QPointF(t.x, 22), QPointF(t.x, bottom))

    def _axis(self, p: QPainter, major: list, minor: list, col: dict) -> None:
        g, w = self.c.geo, self.c.time_width
        p.fillRect(QRectF(-g.header_w, 0, w + g.header_w, g.axis_h), col["header"])
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(QPointF(-g.header_w, g.axis_h), QPointF(w, g.axis_h))
        p.setFont(self.bold)
        p.setPen(col["text"])
        for t in major:
            if t.label:
                self.text(p, QPointF(t.x + LABEL_PAD, 17), t.label)
        p.setFont(self.small)
        p.setPen(col["muted"])
        for t in minor:
            if t.label:
                self.text(p, QPointF(t.x + LABEL_PAD, 39), t.label)
        era_font = QFont(self.small)
        era_font.setItalic(True)
        p.setFont(era_font)
        p.setPen(QColor(180, 110, 0))
        scale = self.c.scale
        for era in self.c.model.eras:  # in their own strip under the ticks
            if era.hi >= scale.start and era.lo <= scale.end and era.title:
                x0, x1 = max(0.0, scale.x(era.lo)), min(w, scale.x(era.hi))
                p.fillRect(QRectF(x0, g.era_y, max(2.0, x1 - x0), g.axis_h - g.era_y), col["era"])
                room = max(w - x0 - 6, 0.0)
                text = self.fm_small.elidedText(era.title, Qt.TextElideMode.ElideRight, room)
                if text and text != "…":
                    p.drawText(QPointF(x0 + 3, g.era_y + 12), text)

    def _today(self, p: QPainter, scale: TimeScale, col: dict, bottom: float) -> None:
        now = time.time()
        if scale.start <= now <= scale.end:
            x = scale.x(now)
            p.setPen(QPen(col["today"], 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, self.c.geo.axis_h), QPointF(x, bottom))

    # -- lanes ---------------------------------------------------------------------------------
    def _lanes(self, p: QPainter, scale: TimeScale, col: dict, bottom: float) -> None:
        c, g = self.c, self.c.geo
        model = c.model
        visible = c.lane_layout.visible(c.scroll_y, bottom - g.axis_h)
        # Level of detail: lanes with more visible events than can be drawn legibly are drawn
        # from one density grid (numpy bincount per lane x pixel column), not event by event.
        open_lanes = [r.index for r in visible if not model.lanes[r.index].collapsed]
        self._density = model.index.density(scale, open_lanes) if open_lanes else None
        self._density_row = {lane: i for i, lane in enumerate(open_lanes)}
        self._dense_limit = max(20.0, c.time_width / 40)
        hl_lane = model.lane_of_org(c.highlight_org) if c.highlight_org is not None else None
        for rect in visible:
            lane = model.lanes[rect.index]
            y, h = rect.y, rect.height
            if y >= bottom:
                break
            band = QRectF(0, y, c.width(), h)
            p.save()
            p.setClipRect(QRectF(0, g.axis_h, c.width(), bottom - g.axis_h))
            if rect.index == hl_lane:
                tint = QColor(col["highlight"])
                tint.setAlpha(40)
                p.fillRect(band, tint)
            elif rect.index % 2:
                shade = QColor(col["alt"])
                shade.setAlpha(110)
                p.fillRect(band, shade)
            self._header(p, lane, rect, col, rect.index == hl_lane)
            if not lane.collapsed:
                p.setClipRect(QRectF(g.header_w, max(y, g.axis_h), c.time_width, h))
                p.translate(g.header_w, y)
                self._lane_events(p, scale, rect.index, h, col)
            p.restore()

    def _header(self, p: QPainter, lane, rect, col: dict, highlighted: bool) -> None:  # type: ignore[no-untyped-def]
        g = self.c.geo
        box = QRectF(0, rect.y, g.header_w, rect.height)
        p.fillRect(box, col["header"])
        p.setPen(QPen(col["grid_major"], 1))
        p.drawLine(box.topRight(), box.bottomRight())
        p.drawLine(QPointF(0, rect.y + rect.height), QPointF(self.c.width(), rect.y + rect.height))
        p.setPen(col["muted"])
        p.setFont(self.small)
        p.drawText(
            QRectF(4, rect.y + 3, 16, 18),
            Qt.AlignmentFlag.AlignCenter,
            "▸" if lane.collapsed else "▾",
        )
        p.setFont(self.bold if highlighted else self.font)
        p.setPen(col["text"])
        title = self._elided(lane.title, p.font(), g.header_w - 28)
        self.text(p, QPointF(22, rect.y + 17), title)
        if not lane.collapsed:
            p.setFont(self.small)
            p.setPen(col["muted"])
            self.text(p, QPointF(22, rect.y + 34), f"{lane.count:,} event{'s' * (lane.count != 1)}")

    def _lane_events(self, p: QPainter, scale: TimeScale, lane: int, h: float, col: dict) -> None:
        c, g = self.c, self.c.geo
        index = c.model.index
        row = self._density_row.get(lane)
        if self._density is not None and row is not None:
            counts = self._density[row]
            if counts.sum() > self._dense_limit:
                self._density_strip(p, counts, g.marker_y, col)
                return
        clusters = index.cluster(scale, lane, g.cluster_px)
        if not len(clusters):
            return
        my = g.marker_y
        singles: list[tuple[int, float]] = []
        members = clusters.member_ids
        in_sel = c.selected_mask(members) if c.selection else None
        for i, (x0, x1, count, rep) in enumerate(clusters):
            if count == 1:
                singles.append((rep, x0))
                self._event_mark(p, scale, int(clusters.rep_pos[i]), my, col)
            else:
                x_end = float(clusters.x_end[i])
                if in_sel is not None and in_sel[clusters.starts[i] : clusters.starts[i + 1]].any():
                    w = max(max(x1, x_end) - x0, 16.0)
                    self._halo(p, QRectF(x0 - 4, my - 12, w + 8, 24), col)
                self._cluster_mark(p, x0, max(x1, x_end), count, my, col)
                sel = c.selected
                if sel is not None and sel in members[clusters.starts[i] : clusters.starts[i + 1]]:
                    self._ring(p, x0, my, col)
        self._labels(p, singles, my, h, col)

    def _density_strip(self, p: QPainter, counts: np.ndarray, my: float, col: dict) -> None:
        """A lane too dense for marks: a strip whose opacity follows log(events per pixel),
        with the busiest stretch's count written on it."""
        w = len(counts)
        peak = float(counts.max())
        alpha = np.zeros(w, np.uint8)
        nz = counts > 0
        alpha[nz] = (60 + 195 * np.log1p(counts[nz]) / np.log1p(peak)).astype(np.uint8)
        hl = col["highlight"]
        rgba = np.empty((1, w, 4), np.uint8)
        rgba[..., 0], rgba[..., 1], rgba[..., 2], rgba[..., 3] = hl.red(), hl.green(), hl.blue(), 0
        rgba[0, :, 3] = alpha
        image = QImage(rgba.data, w, 1, 4 * w, QImage.Format.Format_RGBA8888)
        p.drawImage(QRectF(0, my - 9, w, 18), image, QRectF(0, 0, w, 1))
        p.setFont(self.small)
        p.setPen(col["muted"])
        total = int(counts.sum())
        p.drawText(QPointF(4, my + 24), f"{total:,} events here: zoom in to see them one by one")

    def _event_mark(self, p: QPainter, scale: TimeScale, row: int, my: float, col: dict) -> None:
        """One event at sorted position ``row``: a bar, an uncertainty span or a diamond."""
        index = self.c.model.index
        event_id = int(index.ids[row])
        lo, hi = float(index.lo[row]), float(index.hi[row])
        start_hi = float(self.c.model.start_hi[row])
        kind, flags = int(index.kind[row]), int(index.flags[row])
        colour = self.kind_colour(kind)
        x0, x1 = scale.x(lo), scale.x(hi)
        if event_id in self.c.selection:
            self._halo(p, QRectF(x0 - 10, my - 10, x1 - x0 + 20 if x1 - x0 > 3 else 20, 20), col)
        dur = hi - lo
        has_end = hi > start_hi + 1
        if has_end and x1 - x0 > 3:  # a range: a solid bar
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(x0, my - 5, max(3.0, x1 - x0), 10), 3, 3)
        elif x1 - x0 > 3 and dur > DAY:  # an uncertain date
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
            sprite = self._diamond(kind, col["base"])
            p.drawPixmap(QPointF(x - 7, my - 7), sprite)
        self._badges(p, x0, my, flags, int(self.c.model.colour[row]))
        if flags & FLAG_DISPUTED:
            p.setPen(QPen(col["disputed"], 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x0, my), 8, 8)
        if self.c.selected == event_id:
            self._ring(p, x0, my, col)

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

    def text(self, p: QPainter, pos: QPointF, text: str) -> None:
        """drawText through a QStaticText cache: labels repeat from frame to frame."""
        key = (text, p.font().key())
        static = self._static.get(key)
        if static is None:
            if len(self._static) > 5000:
                self._static.clear()
            static = self._static[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), p.font())
        p.drawStaticText(QPointF(pos.x(), pos.y() - self._ascent(p.font())), static)

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
        p.setPen(QColor("white"))
        p.setFont(self.small)
        p.drawText(QRectF(x0, my - 8, w, 16), Qt.AlignmentFlag.AlignCenter, text)

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
        cands = []
        for eid, x in singles:
            text = texts.get(eid, "")
            if text:
                prio = 10.0 if eid == sel else 5.0 if eid in chosen else 0.0
                cands.append(LabelCandidate(eid, x - 3, self.text_width(text) + 2, prio))
        placed = place_labels(cands, g.label_row_h, rows, self.c.time_width)
        p.setFont(self.small)
        for lab in placed:
            y = my + 10 + lab.row * g.label_row_h
            p.setPen(col["highlight"] if lab.id == sel or lab.id in chosen else col["text"])
            self.text(p, QPointF(lab.x, y + 11), texts[lab.id])
            box = p.transform().mapRect(QRectF(lab.x, y, lab.width, g.label_row_h))
            self.label_boxes.append((box, int(lab.id)))

    def hit_label(self, pos: QPointF) -> int | None:
        for box, eid in self.label_boxes:
            if box.contains(pos):
                return eid
        return None

"""Small line charts of a dossier's figures over time (one per series of two or more dated
values), drawn as images the rich-text view loads by URL (``chart:N``)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QTextDocument

from desktop.domain.model import Dossier
from desktop.store.dossier import date_lo
from desktop.ui.format import number

WIDTH, HEIGHT = 220, 56


@dataclass(frozen=True)
class Series:
    name: str
    unit: str | None
    points: tuple[tuple[int, float], ...]  # (start of the date in seconds, value), in time order


def metric_series(d: Dossier) -> list[Series]:
    """Figures with the same name, subject and unit, when two or more are dated."""
    groups: dict[tuple[str, str | None, str | None], list[tuple[int, float]]] = {}
    for m in d.metrics:
        lo = date_lo(m.as_of)
        if lo is not None:
            groups.setdefault((m.name, m.subject, m.unit), []).append((lo, float(m.value)))
    out = []
    for (name, subject, unit), points in groups.items():
        if len({t for t, _ in points}) >= 2:
            label = f"{name} ({subject})" if subject else name
            out.append(Series(label, unit, tuple(sorted(points))))
    return out


def chart_image(series: Series, scale: float = 1.0) -> QImage:
    w, h = int(WIDTH * scale), int(HEIGHT * scale)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pad = 8 * scale
    t0, t1 = series.points[0][0], series.points[-1][0]
    values = [v for _, v in series.points]
    v0, v1 = min(values), max(values)
    if v1 == v0:
        v0, v1 = v0 - 1, v1 + 1
    area = QRectF(pad, pad, w - 2 * pad, h - 2 * pad)

    def at(t: int, v: float) -> QPointF:
        x = area.left() + (t - t0) / max(1, t1 - t0) * area.width()
        y = area.bottom() - (v - v0) / (v1 - v0) * area.height()
        return QPointF(x, y)

    p.setPen(QPen(QColor("#d0d7e2"), 1 * scale))
    p.drawLine(area.bottomLeft(), area.bottomRight())
    p.setPen(QPen(QColor("#3b5b8c"), 2 * scale))
    pts = [at(t, v) for t, v in series.points]
    for a, b in itertools.pairwise(pts):
        p.drawLine(a, b)
    p.setBrush(QColor("#3b5b8c"))
    for pt in pts:
        p.drawEllipse(pt, 2.5 * scale, 2.5 * scale)
    font = QFont(p.font())
    font.setPointSizeF(7)
    p.setFont(font)
    p.setPen(QColor("#555"))
    top = max(values)
    p.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, number(top))
    p.end()
    return image


def add_chart_resources(doc: QTextDocument, d: Dossier, scale: float = 1.0) -> None:
    """Put every chart the dossier's HTML refers to into the document (print, PDF)."""
    for i, s in enumerate(metric_series(d)):
        doc.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{i}"), chart_image(s, scale)
        )

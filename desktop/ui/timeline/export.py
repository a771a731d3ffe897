"""The timeline as a picture: PNG (QImage) or SVG (QSvgGenerator), drawn by the same canvas and
painter as the window, for the events a filter keeps and an optional time range.

The picture shows every lane that has an event in the range, stacked and labelled as in the
window: it is as wide as asked and as tall as those lanes need (at least the height asked, at
most 16,000 pixels); lanes with nothing in the range are left out.

Used by ``dossier export png|svg`` and by the window. Offscreen-safe: set ``QT_QPA_PLATFORM``
to ``offscreen`` before the first Qt call when there is no display (the command line does).
The file is written beside its destination and moved into place when complete.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from desktop.domain.filters import EventFilter
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.files import check_output, replacing
from desktop.ui.i18n import translate

FORMATS = ("png", "svg")
#: The tallest image drawn (lanes beyond it are left out).
MAX_HEIGHT = 16000


def export_timeline_image(
    store: Store,
    out_path: str | os.PathLike[str],
    fmt: str,
    filters: EventFilter | None = None,
    range: tuple[float, float] | None = None,
    size: tuple[int, int] = (1600, 900),
    group_by: str = "org",
) -> int:
    """Draw the timeline of the filtered events (``range`` visible, else all of them) into
    ``out_path``; returns the number of events kept. Raises StoreError (unknown format,
    unwritable file)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        text = translate("Timeline", "cannot draw the timeline as {format}; choose {formats}")
        raise StoreError(text.format(format=repr(fmt), formats=" or ".join(FORMATS)))
    if filters is None:
        filters = EventFilter()
    if range is None and filters.range is not None:
        range = filters.range
    w, h = (int(v) for v in size)
    if not (100 <= w <= 16000 and 100 <= h <= 16000):
        text = translate("Timeline", "an image size of {w}x{h} is out of range")
        raise StoreError(text.format(w=w, h=h))

    check_output(out_path, protect=(store.path,))  # refused before anything is drawn
    canvas = _canvas(store, filters, range, (w, h), group_by)
    h = canvas.height()  # grown to hold every lane with an event in the range
    out = Path(out_path)
    try:
        with replacing(out, protect=(store.path,)) as tmp:
            ok = _render_png(canvas, tmp) if fmt == "png" else _render_svg(canvas, tmp, w, h)
            if not ok:
                raise StoreError(translate("Timeline", "could not write {path}").format(path=out))
    finally:
        canvas.deleteLater()
    index = canvas.model.index
    return len(np.unique(index.visible_slice(canvas.scale.start, canvas.scale.end).take(index.ids)))


def _canvas(store, filters, span, size, group_by):  # type: ignore[no-untyped-def]
    from desktop.ui.application import ensure_app
    from desktop.ui.timeline.canvas import TimelineCanvas
    from desktop.ui.timeline.model import TimelineModel

    ensure_app()
    model = TimelineModel(store, group_by=group_by)
    if not filters.is_empty:
        model.set_filter(filters)
    canvas = TimelineCanvas(model)
    canvas.resize(*size)
    canvas.planner.hide_empty = True  # only the lanes with an event in the range
    canvas.layout_lanes()
    if span is not None and span[1] > span[0] and abs(span[0]) < 1e11 and abs(span[1]) < 1e11:
        canvas.set_range(span[0], span[1], animate=False)
    else:
        canvas.fit_all(animate=False)
    # every such lane, stacked as in the window: the image grows to hold them all
    canvas.planner.plan_all()
    g = canvas.geo
    need = g.axis_h + canvas.lane_layout.content_height + g.overview_h + 1
    canvas.resize(size[0], int(min(MAX_HEIGHT, max(size[1], need))))
    canvas.scroll_y = 0.0
    return canvas


def _render_png(canvas, path: Path) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.render(image)
    return image.save(str(path), "PNG")


def _render_svg(canvas, path: Path, w: int, h: int) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRect(0, 0, w, h))
    gen.setTitle("Dossier timeline")
    gen.setDescription("Exported from Dossier")
    p = QPainter()
    if not p.begin(gen):
        return False
    try:
        canvas.painter.paint(p)  # the window's painter, drawn as vectors and text
    finally:
        p.end()
    return path.stat().st_size > 0

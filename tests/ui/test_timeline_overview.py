"""The overview band: a window box at least MIN_BOX pixels wide when zoomed far in, which can be
grabbed and dragged; year labels and histogram bars drawn in the band."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from desktop.domain.overview import MIN_BOX

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot, seeded_store):
    from desktop.ui.timeline.canvas import TimelineCanvas
    from desktop.ui.timeline.model import TimelineModel

    c = TimelineCanvas(TimelineModel(seeded_store))
    qtbot.addWidget(c)
    c.resize(1200, 700)
    c.show()
    qtbot.waitExposed(c)
    c.fit_all(animate=False)
    return c


def zoom_to_an_hour(c) -> float:
    """An hour around the busiest event; returns its centre time."""
    lo = np.sort(c.model.index.lo)
    mid = float(lo[len(lo) * 3 // 4])
    c.set_range(mid - 1800, mid + 1800, animate=False)
    return mid


def test_the_window_box_keeps_a_minimum_width_centred_on_the_view(canvas):
    zoom_to_an_hour(canvas)
    full = canvas.painter.overview_scale()
    true_w = full.x(canvas.scale.end) - full.x(canvas.scale.start)
    assert true_w < 1.0  # an hour over years: under a pixel
    box = canvas.painter.overview_window()
    assert box.width() >= MIN_BOX - 1e-9
    centre = canvas.geo.header_w + full.x(canvas.scale.start + canvas.scale.span / 2)
    assert box.center().x() == pytest.approx(centre, abs=0.01)
    assert canvas.painter.overview_hit(box.center().x()) == "move"
    assert canvas.painter.overview_hit(box.left() + 1) == "move"  # no edge on a narrow box
    assert canvas.painter.overview_hit(box.right() + 20) == "outside"
    # fit-all: the box is the whole band and its edges can be grabbed
    canvas.fit_all(animate=False)
    box = canvas.painter.overview_window()
    assert box.width() > 3 * MIN_BOX
    assert canvas.painter.overview_hit(box.left() + 1) == "left"
    assert canvas.painter.overview_hit(box.right() - 1) == "right"


def test_the_narrow_box_is_drawn_and_can_be_dragged(qtbot, canvas):
    zoom_to_an_hour(canvas)
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.render(image)
    box = canvas.painter.overview_window()
    # the box's outline is drawn in the highlight colour, both its sides
    hl = canvas.palette().color(canvas.palette().ColorRole.Highlight)
    y = int(box.center().y())
    for x in (box.left(), box.right()):
        near = [image.pixelColor(round(x) + dx, y) for dx in (-1, 0, 1)]
        diff = min(abs(px.blue() - hl.blue()) + abs(px.red() - hl.red()) for px in near)
        assert diff < 60, (x, [px.name() for px in near])

    span = canvas.scale.span
    full = canvas.painter.overview_scale()
    start = canvas.scale.start
    p0 = QPoint(round(box.center().x()), y)
    qtbot.mousePress(canvas, LEFT, NONE, p0)
    qtbot.mouseMove(canvas, p0 + QPoint(-40, 0))
    qtbot.mouseRelease(canvas, LEFT, NONE, p0 + QPoint(-40, 0))
    moved = canvas.scale.start - start
    assert moved == pytest.approx(-40 * full.seconds_per_pixel, rel=0.05)
    assert canvas.scale.span == pytest.approx(span, rel=1e-6)  # dragged, not resized
    assert canvas.painter.overview_window().width() >= MIN_BOX - 1e-9


def test_the_band_shows_years_under_a_histogram(canvas):
    from desktop.domain.overview import overview_ticks

    full = canvas.painter.overview_scale()
    ticks = overview_ticks(full, canvas.painter.text_width)
    labels = [t.label for t in ticks if t.label]
    assert len(labels) >= 3 and all(s.isdigit() and len(s) == 4 for s in labels)
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.render(image)
    top = canvas.height() - int(canvas.geo.overview_h)
    hl = canvas.palette().color(canvas.palette().ColorRole.Highlight)
    # some histogram bar above the baseline, in the highlight colour, beside the densest time
    lo = np.sort(canvas.model.index.lo)
    x = round(canvas.geo.header_w + full.x(float(lo[len(lo) * 3 // 4])))
    found = False
    for dx in range(-4, 5):
        for y in range(top + 6, top + 26):
            px = image.pixelColor(x + dx, y)
            if abs(px.blue() - hl.blue()) < 70 and px.blue() > px.red() + 40:
                found = True
    assert found

"""The drawn axis: tick labels measured in the fonts they are drawn in never overlap, at any zoom
of a sweep from everything to a minute; era labels are shortened, never cut to a stub."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtGui import QFontMetricsF

from desktop.domain.era_labels import era_label_forms
from desktop.domain.ticks import LABEL_PAD
from desktop.domain.time_scale import TimeScale


@pytest.fixture
def canvas(qtbot, seeded_store):
    from desktop.ui.timeline.canvas import TimelineCanvas
    from desktop.ui.timeline.model import TimelineModel

    c = TimelineCanvas(TimelineModel(seeded_store))
    qtbot.addWidget(c)
    c.resize(1100, 600)
    c.fit_all(animate=False)
    return c


def assert_apart(row, fm: QFontMetricsF, width: float) -> None:
    labelled = [t for t in row if t.label]
    for t in labelled:
        assert t.x + LABEL_PAD >= 0 and t.x + LABEL_PAD + fm.horizontalAdvance(t.label) <= width
    for a, b in pairwise(labelled):
        assert a.x + fm.horizontalAdvance(a.label) < b.x, (a.label, b.label)


@pytest.mark.parametrize("width", [1100, 640])
def test_labels_in_their_own_fonts_never_overlap(canvas, width):
    canvas.resize(width, 600)
    p = canvas.painter
    extent = canvas.model.index.extent()
    centre = (extent[0] + extent[1]) / 2 + 12345.0
    full = 12 * (extent[1] - extent[0])
    for i in range(50):
        span = full * (60.0 / full) ** (i / 49)
        scale = TimeScale(centre - span / 2, centre + span / 2, canvas.time_width)
        major, minor = p._ticks(scale)
        assert_apart(major, QFontMetricsF(p.bold), scale.width)
        assert_apart(minor, QFontMetricsF(p.small), scale.width)
        assert any(t.label for t in major) and any(t.label for t in minor)


def test_the_era_label_drawn_is_a_form_of_its_title_at_every_zoom(canvas, monkeypatch):
    p, g = canvas.painter, canvas.geo
    era = next(e for e in canvas.model.eras if "(" in e.title)
    drawn: list[str] = []
    text = p.text

    def spy(painter, pos, s, font=None):  # type: ignore[no-untyped-def]
        if pos.y() == g.era_y + 12:
            drawn.append(s)
        text(painter, pos, s, font)

    monkeypatch.setattr(p, "text", spy)
    forms = era_label_forms(era.title)
    assert forms[-1] in era.title and len(forms) >= 2
    seen = set()
    for width in (1100, 640):
        canvas.resize(width, 600)
        for span_days in (3000, 800, 200, 30, 3):
            mid = (era.lo + era.hi) / 2
            canvas.set_range(mid - span_days * 43200, mid + span_days * 43200, animate=False)
            drawn.clear()
            canvas.grab()
            assert drawn, span_days  # the era is in view: some form of its title fits
            assert all(s in forms for s in drawn), drawn
            seen.update(drawn)
    assert len(seen) >= 2  # it shortens with the room

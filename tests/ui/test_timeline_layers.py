"""The timeline's cached raster layers (desktop/ui/timeline/layers.py) draw what direct painting
draws: after zooming, panning, scrolling, selecting and highlighting, and when a frame repeats."""

import numpy as np
import pytest
from PySide6.QtGui import QImage

import desktop.ui.timeline.painter as painter_module

MAX_DIFF = 2  # compositing a translucent layer may round one channel by 1 (2 allowed)


def grab(canvas, direct: bool = False, monkeypatch=None) -> np.ndarray:
    image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFF00FF00)  # any pixel left unpainted shows as green
    if direct:
        monkeypatch.setattr(painter_module, "is_raster", lambda p: False)
    canvas.render(image)
    if direct:
        monkeypatch.undo()
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(image.constBits(), np.uint8)
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()].copy()


def assert_same(a: np.ndarray, b: np.ndarray) -> None:
    diff = np.abs(a.astype(int) - b.astype(int)).max(axis=2)
    assert diff.max() <= MAX_DIFF, f"{int((diff > MAX_DIFF).sum())} pixels differ"
    # rounding only (where a translucent band is composited), not a shifted or missing layer
    assert (diff > 0).mean() < 0.05


@pytest.fixture
def canvas(window):
    c = window.timeline.canvas
    c.resize(1200, 700)
    c.fit_all(animate=False)
    return c


def states(c):
    """A sequence of changes, each followed by two frames (the second from the composite)."""
    lo, hi = c.model.index.extent()
    mid = (lo + hi) / 2
    yield "fit"
    c.set_range(mid - (hi - lo) / 20, mid + (hi - lo) / 20, animate=False)
    yield "zoom"
    c.pan_pixels(37)
    yield "pan"
    c.set_scroll(c.geo.lane_h * 1.5 + 0.5)  # a lane half under the axis
    yield "scroll"
    c.set_scroll(c.scroll_y + 7)  # the same lanes, moved up a little
    yield "nudge"
    c.select_event(int(c.model.index.ids[len(c.model.index) // 2]))
    yield "select"
    c.set_highlight_org(int(c.model.lane_org[1]))
    yield "highlight"
    c.resize(900, 600)
    yield "resize"


def test_layers_paint_what_direct_painting_paints(canvas, monkeypatch):
    for state in states(canvas):
        direct = grab(canvas, direct=True, monkeypatch=monkeypatch)
        first = grab(canvas)
        again = grab(canvas)  # same scale and lanes: the composite layer
        assert not (first == [0, 255, 0, 255]).all(axis=2).any(), state
        assert_same(first, direct)
        assert np.array_equal(first, again), state


def test_layers_follow_a_change_of_lanes(canvas):
    grab(canvas)
    before = grab(canvas)
    canvas.model.toggle_collapsed(0)
    canvas.layout_lanes()
    after = grab(canvas)
    assert not np.array_equal(before, after)  # no stale chrome or composite
    canvas.model.toggle_collapsed(0)
    canvas.layout_lanes()
    assert np.array_equal(grab(canvas), before)


def test_header_sprites_follow_title_and_count(canvas, monkeypatch):
    """On screen the lane headers are blitted from sprites (desktop/ui/timeline/headers.py):
    a renamed lane or a new count shows at once, as drawn directly. (A change of language
    builds a new window, so a new painter: no sprite outlives it.)"""
    before = grab(canvas)
    assert canvas.painter._header_sprites  # the headers did come from sprites
    shown = canvas.lane_layout.visible(canvas.scroll_y, canvas.height())
    first = next(r.index for r in shown if r.y >= canvas.geo.axis_h)  # wholly in view
    lane = canvas.model.lanes[first]
    lane.title = "A renamed organization"
    renamed = grab(canvas)
    assert not np.array_equal(before, renamed)
    assert_same(renamed, grab(canvas, direct=True, monkeypatch=monkeypatch))
    lane.count += 1
    counted = grab(canvas)
    assert not np.array_equal(renamed, counted)
    assert_same(counted, grab(canvas, direct=True, monkeypatch=monkeypatch))


def test_header_sprites_are_bounded(canvas, monkeypatch):
    from desktop.ui.timeline import headers

    monkeypatch.setattr(headers, "SPRITES_MAX", 3)
    for k in range(6):
        canvas.set_scroll(k * canvas.geo.lane_h)
        grab(canvas)
    assert 0 < len(canvas.painter._header_sprites) <= 3

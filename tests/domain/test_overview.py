"""Tests for :mod:`desktop.domain.overview`: the window box, its hit test, the histogram bins
and the band's year labels."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from desktop.domain.overview import (
    MIN_BOX,
    bar_heights,
    histogram,
    overview_ticks,
    window_box,
    window_hit,
)
from desktop.domain.ticks import LABEL_PAD, default_width
from desktop.domain.time_scale import TimeScale

coords = st.floats(min_value=-5000, max_value=5000)


def ts(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()  # type: ignore[arg-type, misc]


@given(coords, st.floats(min_value=0, max_value=3000), st.floats(min_value=20, max_value=3000))
def test_box_is_never_narrower_than_the_minimum_and_stays_on_the_band(
    x0: float, w: float, band: float
) -> None:
    a, b = window_box(x0, x0 + w, 0.0, band)
    assert b - a >= MIN_BOX - 1e-9
    assert a >= -1e-9 and b <= band + 1e-9
    if w >= MIN_BOX and x0 >= 0 and x0 + w <= band:
        assert (a, b) == (x0, x0 + w)  # a wide view inside the band: exactly the view
    elif b - a == pytest.approx(MIN_BOX) and MIN_BOX / 2 <= x0 + w / 2 <= band - MIN_BOX / 2:
        assert (a + b) / 2 == pytest.approx(x0 + w / 2)  # centred on the view


def test_box_for_an_hour_over_years() -> None:
    a, b = window_box(700.2, 700.25, 0.0, 1400.0)
    assert (a, b) == pytest.approx((700.225 - 6, 700.225 + 6))
    assert window_box(1399.9, 1400.0, 0.0, 1400.0) == pytest.approx((1388.0, 1400.0))


@given(coords, st.floats(min_value=MIN_BOX, max_value=2000), coords)
@example(a=5.0, w=16.0, x=-1.772406733921687e-151)  # found by hypothesis: rounding at 5 px
def test_hit(a: float, w: float, x: float) -> None:
    b = a + w
    hit = window_hit(x, a, b)
    if x - a < -5 or x - b > 5:  # as the code rounds it: x = -1e-151, a = 5 is 5 px off
        assert hit == "outside"
    elif w <= 15:
        assert hit == ("move" if a <= x <= b else "outside")
    elif abs(x - a) <= 5:
        assert hit == "left"
    elif abs(x - b) <= 5:
        assert hit == "right"
    else:
        assert hit == "move"


@settings(max_examples=200)
@given(arrays(np.int64, st.integers(0, 400), elements=st.integers(0, 1000)), st.integers(1, 6))
def test_histogram_keeps_every_event(counts: np.ndarray, bin_px: int) -> None:
    sums = histogram(counts, bin_px)
    assert sums.sum() == counts.sum()
    assert len(sums) == -(-len(counts) // bin_px)
    for i, s in enumerate(sums):
        assert s == counts[i * bin_px : (i + 1) * bin_px].sum()


@given(arrays(np.int64, st.integers(0, 300), elements=st.integers(0, 10**6)))
def test_bar_heights_are_proportional_with_a_visible_minimum(sums: np.ndarray) -> None:
    h = bar_heights(sums, 23.0)
    assert len(h) == len(sums)
    assert ((h > 0) == (sums > 0)).all()
    assert (h <= 23.0 + 1e-9).all() and (h[sums > 0] >= 2.0).all()
    if sums.max(initial=0) > 0:
        assert h.max() == pytest.approx(23.0)
        big = sums * 23.0 / sums.max() >= 2.0
        assert np.allclose(h[big], sums[big] * 23.0 / sums.max())


@settings(max_examples=100, deadline=None)
@given(
    st.floats(min_value=3 * 86400, max_value=150 * 365 * 86400),
    st.floats(min_value=-1e9, max_value=3e9),
    st.floats(min_value=200, max_value=3000),
)
def test_band_labels_never_collide(span: float, start: float, width: float) -> None:
    scale = TimeScale(start, start + span, width)
    ticks = overview_ticks(scale, default_width)
    labelled = [t for t in ticks if t.label]
    assert labelled
    for t in labelled:
        assert t.x + LABEL_PAD >= 0 and t.x + LABEL_PAD + default_width(t.label) <= width
    for a, b in pairwise(labelled):
        assert a.x + default_width(a.label) + 10.0 <= b.x + 1e-6


def test_band_labels_are_years_over_years() -> None:
    ticks = overview_ticks(TimeScale(ts(2017, 6, 1), ts(2024, 9, 1), 1400.0), default_width)
    assert [t.label for t in ticks][:3] == ["2017", "2018", "2019"]
    decades = overview_ticks(TimeScale(ts(1950, 6, 1), ts(2024, 9, 1), 1400.0), default_width)
    assert all(t.label.isdigit() for t in decades if t.label)
    assert len([t for t in decades if t.label]) >= 5

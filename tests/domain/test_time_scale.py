"""Tests for :mod:`desktop.domain.time_scale`."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.time_scale import MAX_SPAN, MAX_T, MIN_SPAN, MIN_T, TimeScale

YEAR = 365.25 * 86400
spans = st.floats(min_value=MIN_SPAN, max_value=MAX_SPAN)
starts = st.floats(min_value=-60 * YEAR, max_value=60 * YEAR)
widths = st.floats(min_value=50.0, max_value=5000.0)


def close(a: float, b: float, scale: TimeScale) -> bool:
    """Equal to well under a pixel's worth of time (float rounding of large seconds)."""
    return abs(a - b) <= 1e-6 * scale.seconds_per_pixel + 1e-9 * abs(b)


def test_mapping_basics() -> None:
    s = TimeScale(100.0, 200.0, 1000.0)
    assert s.x(100.0) == 0.0
    assert s.x(200.0) == 1000.0
    assert s.t(500.0) == 150.0
    assert s.seconds_per_pixel == 0.1
    assert s.span == 100.0
    assert np.allclose(s.x(np.array([100.0, 150.0, 200.0])), [0.0, 500.0, 1000.0])
    assert np.allclose(s.t(np.array([0.0, 1000.0])), [100.0, 200.0])


@pytest.mark.parametrize(
    "args", [(0.0, 0.0, 100.0), (10.0, 0.0, 100.0), (0.0, 1.0, 0.0), (0.0, math.inf, 10.0)]
)
def test_invalid_scales_are_rejected(args: tuple[float, float, float]) -> None:
    with pytest.raises(ValueError):
        TimeScale(*args)


@given(starts, spans, widths, st.floats(min_value=-1000, max_value=6000))
def test_x_t_round_trip(start: float, span: float, width: float, x: float) -> None:
    s = TimeScale(start, start + span, width)
    assert abs(s.x(s.t(x)) - x) < 1e-3
    t = s.t(x)
    assert close(s.t(s.x(t)), t, s)


@given(starts, spans, widths)
def test_array_and_scalar_agree(start: float, span: float, width: float) -> None:
    s = TimeScale(start, start + span, width)
    ts = np.linspace(s.start, s.end, 7)
    assert np.allclose(s.x(ts), [s.x(float(t)) for t in ts])


@given(
    starts,
    spans,
    widths,
    st.floats(min_value=0.05, max_value=20.0),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_zoom_keeps_anchor_time(
    start: float, span: float, width: float, factor: float, frac: float
) -> None:
    s = TimeScale(start, start + span, width)
    ax = frac * width
    z = s.zoomed(factor, ax)
    assert close(z.t(ax), s.t(ax), z)
    assert z.span == pytest.approx(span / factor, rel=1e-9, abs=1e-12 * abs(z.start))
    assert z.width == width


def test_zoom_in_and_out_default_to_centre() -> None:
    s = TimeScale(0.0, 1000.0, 100.0)
    z = s.zoomed(2.0)
    assert (z.start, z.end) == (250.0, 750.0)
    assert s.zoomed(0.5).span == 2000.0


def test_pan_moves_content_with_the_mouse() -> None:
    s = TimeScale(0.0, 1000.0, 100.0)
    p = s.panned(10.0)  # dragged right by 10 px: the time at x=0 is now at x=10
    assert p.x(s.t(0.0)) == pytest.approx(10.0)
    assert p.span == s.span


def test_clamped_span_limits() -> None:
    s = TimeScale(1000.0, 1010.0, 800.0).clamped()
    assert s.span == MIN_SPAN
    assert s.t(400.0) == pytest.approx(1005.0)  # centre kept
    wide = TimeScale(0.0, 10 * MAX_SPAN, 800.0).clamped()
    assert wide.span == pytest.approx(MAX_SPAN)


def test_clamped_keeps_anchor_when_span_changes() -> None:
    s = TimeScale(1000.0, 1010.0, 800.0)
    c = s.clamped(anchor_x=200.0)
    assert c.t(200.0) == pytest.approx(s.t(200.0))
    assert c.span == MIN_SPAN


def test_clamped_range_stays_in_years_1_to_9999() -> None:
    early = TimeScale(MIN_T - 10 * YEAR, MIN_T + 10 * YEAR, 500.0).clamped()
    assert early.start == MIN_T
    assert early.span == pytest.approx(20 * YEAR)
    late = TimeScale(MAX_T - YEAR, MAX_T + YEAR, 500.0).clamped()
    assert late.end == MAX_T
    ok = TimeScale(0.0, YEAR, 500.0)
    assert ok.clamped() is ok


@given(st.floats(min_value=-1e13, max_value=1e13), st.floats(min_value=1.0, max_value=1e14))
def test_clamped_always_valid(start: float, span: float) -> None:
    c = TimeScale(start, start + span, 640.0).clamped()
    assert MIN_SPAN - 1e-6 <= c.span <= MAX_SPAN * (1 + 1e-12)
    assert c.start >= MIN_T and c.end <= MAX_T


def test_fit_adds_margin() -> None:
    t0 = datetime(2020, 1, 1, tzinfo=UTC).timestamp()
    t1 = datetime(2021, 1, 1, tzinfo=UTC).timestamp()
    s = TimeScale.fit(t0, t1, 1000.0, margin=0.1)
    assert s.x(t0) == pytest.approx(1000 / 12)
    assert s.x(t1) == pytest.approx(1000 * 11 / 12)
    point = TimeScale.fit(t0, t0, 1000.0)
    assert point.span == pytest.approx(MIN_SPAN)
    assert point.x(t0) == pytest.approx(500.0)


def test_with_width() -> None:
    s = TimeScale(0.0, 1000.0, 100.0)
    assert s.with_width(200.0) == TimeScale(0.0, 1000.0, 200.0)
    assert s.with_width(200.0, keep_scale=True) == TimeScale(0.0, 2000.0, 200.0)


@given(starts, spans, widths, st.floats(min_value=0.05, max_value=50.0), st.floats(0.0, 1.0))
def test_interpolate_zoom_keeps_fixed_point(
    start: float, span: float, width: float, factor: float, frac: float
) -> None:
    a = TimeScale(start, start + span, width)
    ax = frac * width
    b = a.zoomed(factor, ax)
    assert a.interpolate(b, 0.0) == a
    assert a.interpolate(b, 1.0) == b
    prev = a.span
    for f in (0.25, 0.5, 0.75):
        m = a.interpolate(b, f)
        assert close(m.t(ax), a.t(ax), m)  # the anchor does not drift during the animation
        expected = math.exp(math.log(a.span) * (1 - f) + math.log(b.span) * f)
        assert m.span == pytest.approx(expected, rel=1e-9, abs=1e-12 * abs(m.start))
        # monotone towards the target (up to rounding when the zoom factor is almost 1)
        assert (m.span - prev) * (b.span - a.span) >= 0 or math.isclose(m.span, prev, rel_tol=1e-12)
        prev = m.span


def test_interpolate_pure_pan_is_linear() -> None:
    a = TimeScale(0.0, 100.0, 10.0)
    b = TimeScale(50.0, 150.0, 10.0)
    m = a.interpolate(b, 0.5)
    assert (m.start, m.end) == pytest.approx((25.0, 125.0))


# -- deep time: from the age of the universe to a minute -------------------------------------


def test_a_minute_in_2024_and_everything_both_map_exactly() -> None:
    from desktop.domain.deep_time import year_start

    t = datetime(2024, 7, 4, 9, 30, tzinfo=UTC).timestamp()
    minute = TimeScale(t, t + 60, 1600.0).clamped()
    assert minute.span == 60.0 and minute.x(t + 30) == pytest.approx(800.0, abs=1e-6)
    big_bang = float(year_start(-13_799_999_999))
    far = minute.x(big_bang)  # huge but finite: callers clip before drawing
    assert far < -1e18 and far == far
    everything = TimeScale(MIN_T, MAX_T, 1600.0).clamped()
    assert everything.span == pytest.approx(MAX_SPAN)
    assert 0 < everything.x(big_bang) < everything.x(t) < 1600


@given(st.floats(min_value=MIN_T, max_value=MAX_T), st.floats(min_value=0.0, max_value=1600.0))
def test_the_narrowest_view_anywhere_keeps_pixels_exact(t: float, px: float) -> None:
    s = TimeScale(t, t + max(1.0, abs(t) * 2.0**-48), 1600.0).clamped()  # as narrow as can be
    assert s.span >= MIN_SPAN * (1 - 1e-9) and s.end > s.start
    assert s.x(s.t(px)) == pytest.approx(px, abs=0.05)  # 1600 px * 2**-16 at worst

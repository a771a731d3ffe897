"""ViewLimits: zooming out and panning stop near the data, never before all of it is seen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.time_scale import CONTEXT_SPAN, MAX_SPAN, MAX_T, MIN_T, TimeScale, ViewLimits

YEAR = 365.2425 * 86400
times = st.floats(min_value=-1.3e10 * YEAR, max_value=1e4 * YEAR)


@given(times, st.floats(min_value=0, max_value=1.4e10 * YEAR), times, st.floats(1, 1e3))
def test_the_data_always_fits_and_views_stay_near_it(t0, length, centre, zoom_out):
    t1 = min(t0 + length, MAX_T)
    limits = ViewLimits.around((t0, t1), now=0.0)
    assert limits.lo <= t0 and t1 <= limits.hi
    assert limits.max_span >= min(MAX_SPAN, t1 - t0)  # fit-all is always allowed
    assert limits.max_span >= min(MAX_SPAN, CONTEXT_SPAN)
    span = (t1 - t0 + CONTEXT_SPAN) * zoom_out
    view = limits.apply(TimeScale(centre - span / 2, centre + span / 2, 1400))
    assert view.span <= limits.max_span * (1 + 1e-9)
    assert limits.lo - 1e-6 * abs(limits.lo) <= view.start
    assert view.end <= limits.hi + 1e-6 * abs(limits.hi)


def test_a_dossier_of_seven_years_zooms_out_to_two_centuries_not_to_the_big_bang():
    t0, t1 = 47 * YEAR, 54 * YEAR  # 2017..2024
    limits = ViewLimits.around((t0, t1), now=54 * YEAR)
    assert limits.max_span == CONTEXT_SPAN
    wide = limits.apply(TimeScale(MIN_T, MAX_T, 1400))
    assert wide.span == CONTEXT_SPAN
    assert ViewLimits.around((-1.38e10 * YEAR, t1), now=0).max_span == MAX_SPAN


def test_no_data_means_two_centuries_around_now():
    limits = ViewLimits.around(None, now=56 * YEAR)
    assert limits.lo == 56 * YEAR - CONTEXT_SPAN and limits.hi == 56 * YEAR + CONTEXT_SPAN

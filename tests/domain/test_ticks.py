"""Tests for :mod:`desktop.domain.ticks`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.ticks import LABEL_PAD, Tick, axis_ticks, default_width
from desktop.domain.time_scale import MAX_SPAN, MAX_T, MIN_SPAN, MIN_T, TimeScale

DAY = 86400.0
YEAR = 365.25 * DAY
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ts(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()  # type: ignore[arg-type, misc]


def utc(t: float) -> datetime:
    return EPOCH + timedelta(seconds=t)


def assert_row_ok(
    row: list[Tick],
    scale: TimeScale,
    min_gap: float,
    text_width: Callable[[str], float] = default_width,
) -> None:
    """Tick times increase, lie in the range, and labels keep `min_gap` apart."""
    plain = [t for t in row if not t.sticky]
    assert all(a.t < b.t for a, b in pairwise(plain))
    assert all(scale.start <= t.t <= scale.end for t in plain)
    assert all(-1e-6 <= t.x <= scale.width + 1e-6 for t in plain)
    assert sum(t.sticky for t in row) <= 1
    assert all(t.x <= 0 for t in row if t.sticky)
    if row and row[0].sticky:
        assert row[0].t < scale.start
    labelled = [t for t in row if t.label]
    for a, b in pairwise(labelled):
        assert a.x + LABEL_PAD + text_width(a.label) + min_gap <= b.x + LABEL_PAD + 1e-6


log_spans = st.floats(min_value=0.0, max_value=1.0).map(
    lambda f: MIN_SPAN * (MAX_SPAN / MIN_SPAN) ** f
)


@settings(max_examples=300, deadline=None)
@given(
    log_spans,
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=500.0, max_value=3200.0),
)
def test_every_scale_gives_readable_rows(span: float, where: float, width: float) -> None:
    start = MIN_T + where * (MAX_T - MIN_T - span)
    scale = TimeScale(start, start + span, width)
    major, minor = axis_ticks(scale)
    assert all(t.level == 0 for t in major) and all(t.level == 1 for t in minor)
    assert_row_ok(major, scale, 8.0)
    assert_row_ok(minor, scale, 8.0)
    assert sum(1 for t in minor if t.label) >= 2
    assert sum(1 for t in major if t.label) >= 1


@settings(max_examples=100, deadline=None)
@given(log_spans, st.floats(min_value=-200 * YEAR, max_value=200 * YEAR))
def test_proportional_font_and_other_gap(span: float, start: float) -> None:
    def width(s: str) -> float:
        return sum(9.5 if c.isupper() or c == "W" else 6.0 for c in s)

    scale = TimeScale(start, start + span, 1600.0)
    major, minor = axis_ticks(scale, text_width=width, min_gap=12.0)
    assert_row_ok(major, scale, 12.0, width)
    assert_row_ok(minor, scale, 12.0, width)
    assert sum(1 for t in minor if t.label) >= 2


def test_months_fall_on_the_first_at_midnight() -> None:
    scale = TimeScale(ts(2023, 3, 17, 5), ts(2025, 2, 2), 1600.0)
    major, minor = axis_ticks(scale)
    assert [t.label for t in minor[:3]] == ["Apr", "May", "Jun"]
    for tick in minor:
        d = utc(tick.t)
        assert (d.day, d.hour, d.minute, d.second) == (1, 0, 0, 0)
    assert [t.label for t in major] == ["2023", "2024", "2025"]
    assert major[0].sticky and major[0].x == 0.0 and major[0].t == ts(2023, 1, 1)
    assert major[1].t == ts(2024, 1, 1)


def test_quarters_and_years() -> None:
    scale = TimeScale(ts(2001, 2, 1), ts(2011, 2, 1), 1600.0)
    minor = axis_ticks(scale)[1]
    assert {t.label for t in minor} == {"Q1", "Q2", "Q3", "Q4"}
    for tick in minor:
        d = utc(tick.t)
        assert d.month in (1, 4, 7, 10) and (d.day, d.hour) == (1, 0)
    years = axis_ticks(TimeScale(ts(1901, 6, 1), ts(2001, 6, 1), 1600.0))
    for tick in years[1]:
        d = utc(tick.t)
        assert (d.month, d.day, d.hour) == (1, 1, 0) and d.year % 5 == 0
    assert [t.label for t in years[0]][:2] == ["1900s", "1910s"]


def test_days_weeks_and_hours() -> None:
    days = axis_ticks(TimeScale(ts(2024, 7, 1), ts(2024, 8, 1), 1600.0))
    assert days[1][0].label == "Mon 1" and days[1][1].label == "Tue 2"
    assert all(utc(t.t).hour == 0 for t in days[1])
    assert [t.label for t in days[0]] == ["Jul 2024", "Aug 2024"]
    weeks = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2024, 7, 1), 1600.0))
    assert all(utc(t.t).weekday() == 0 for t in weeks[1])  # Mondays
    hours = axis_ticks(TimeScale(ts(2024, 7, 9, 22), ts(2024, 7, 11, 22), 1600.0))
    assert [t.label for t in hours[1][:3]] == ["22:00", "00:00", "02:00"]
    assert all(utc(t.t).minute == 0 and utc(t.t).hour % 2 == 0 for t in hours[1])
    assert [t.label for t in hours[0]] == ["9 Jul 2024", "10 Jul 2024", "11 Jul 2024"]
    assert hours[0][1].x == pytest.approx(1600 / 24)


def test_minutes_and_seconds() -> None:
    one_minute = axis_ticks(TimeScale(ts(2024, 7, 9, 10, 3), ts(2024, 7, 9, 10, 4), 1600.0))
    assert one_minute[1][0].label == "10:03:00"
    assert one_minute[0][0].label == "9 Jul 2024"
    hour = axis_ticks(TimeScale(ts(2024, 7, 9, 10), ts(2024, 7, 9, 11), 1600.0))
    assert all(utc(t.t).second == 0 for t in hour[1])
    assert hour[1][1].label == "10:02"


def test_finest_fitting_unit_is_chosen() -> None:
    # 1 year: months fit in 1600 px with 7 px/char labels, but weeks get the short "8" form
    wide = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2025, 1, 1), 1600.0))[1]
    narrow = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2025, 1, 1), 400.0))[1]
    assert len(wide) > len(narrow)
    assert narrow[0].label in ("Jan", "Q1")


def test_sticky_label_is_pushed_left_by_the_next() -> None:
    # the next major label ("2025") starts 20 px in: the sticky "2024" must slide left
    width = 1600.0
    span = 3 * YEAR
    start = ts(2025, 1, 1) - 20 * span / width
    major, _ = axis_ticks(TimeScale(start, start + span, width))
    sticky, nxt = major[0], major[1]
    assert sticky.sticky and sticky.label == "2024"
    assert nxt.label == "2025"
    assert sticky.x == pytest.approx(nxt.x - default_width("2024") - 8.0)


def test_no_sticky_when_the_view_starts_on_a_boundary() -> None:
    major, _ = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2026, 1, 1), 1600.0))
    assert not any(t.sticky for t in major)
    assert major[0].x == 0.0 and major[0].label == "2024"


def test_labels_are_dropped_not_ticks_when_too_wide() -> None:
    def huge(s: str) -> float:
        return 500.0

    scale = TimeScale(ts(2024, 1, 1), ts(2024, 1, 1) + 200 * YEAR, 800.0)
    major, minor = axis_ticks(scale, text_width=huge)
    assert_row_ok(minor, scale, 8.0, huge)
    assert_row_ok(major, scale, 8.0, huge)
    assert any(not t.label for t in major + minor) or len(minor) <= 2


def test_edges_of_the_calendar() -> None:
    first = axis_ticks(TimeScale(MIN_T, MIN_T + 50 * YEAR, 1600.0))
    assert first[1][0].t >= MIN_T and first[0]
    last = axis_ticks(TimeScale(MAX_T - 50 * YEAR, MAX_T, 1600.0))
    assert last[1][-1].t <= MAX_T
    outside = axis_ticks(TimeScale(MIN_T - 1000 * YEAR, MIN_T - 900 * YEAR, 800.0))
    assert outside == ([], [])

"""Tests for :mod:`desktop.domain.ticks`: a two-row axis whose labels, measured by the given
`text_width`, never collide and never leave the view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.deep_time import year_start
from desktop.domain.ticks import LABEL_PAD, Tick, axis_ticks, default_width
from desktop.domain.time_scale import DATETIME_MAX_T as MAX_T
from desktop.domain.time_scale import DATETIME_MIN_T as MIN_T
from desktop.domain.time_scale import MAX_SPAN as DEEP_MAX_SPAN
from desktop.domain.time_scale import MAX_T as DEEP_MAX_T
from desktop.domain.time_scale import MIN_SPAN, TimeScale
from desktop.domain.time_scale import MIN_T as DEEP_MIN_T

DAY = 86400.0
YEAR = 365.25 * DAY
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The calendar's widest view (the whole timeline's is DEEP_MAX_SPAN, see the deep tests).
MAX_SPAN = 200 * YEAR


def ts(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()  # type: ignore[arg-type, misc]


def utc(t: float) -> datetime:
    return EPOCH + timedelta(seconds=t)


def proportional(s: str) -> float:
    return sum(9.5 if c.isupper() or c in "Wm" else 3.0 if c in "1:'" else 6.0 for c in s)


def bold(s: str) -> float:
    return 1.25 * proportional(s)


def assert_row_ok(
    row: list[Tick],
    scale: TimeScale,
    min_gap: float,
    text_width: Callable[[str], float] = default_width,
) -> None:
    """Tick times increase inside the range; labels lie within [0, width], `min_gap` apart;
    at most one sticky tick, first, at x=0, of a period that began before the view."""
    plain = [t for t in row if not t.sticky]
    assert all(a.t < b.t for a, b in pairwise(plain))
    assert all(scale.start <= t.t <= scale.end for t in plain)
    assert all(-1e-6 <= t.x <= scale.width + 1e-6 for t in plain)
    sticky = [i for i, t in enumerate(row) if t.sticky]
    assert sticky in ([], [0])
    if sticky:
        assert row[0].x == 0.0 and row[0].t <= scale.start and row[0].label
    labelled = [t for t in row if t.label]
    for t in labelled:
        assert t.x + LABEL_PAD >= 0
        assert t.x + LABEL_PAD + text_width(t.label) <= scale.width + 1e-6, t
    for a, b in pairwise(labelled):
        assert a.x + LABEL_PAD + text_width(a.label) + min_gap <= b.x + LABEL_PAD + 1e-6, (a, b)


def log_between(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=0.0, max_value=1.0).map(lambda f: lo * (hi / lo) ** f)


@settings(max_examples=400, deadline=None)
@given(
    log_between(MIN_SPAN, MAX_SPAN),
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=200.0, max_value=4000.0),
)
def test_no_label_collides_or_leaves_the_view_at_any_scale(
    span: float, where: float, width: float
) -> None:
    start = MIN_T + where * (MAX_T - MIN_T - span)
    scale = TimeScale(start, start + span, width)
    major, minor = axis_ticks(scale)
    assert all(t.level == 0 for t in major) and all(t.level == 1 for t in minor)
    assert_row_ok(major, scale, 8.0)
    assert_row_ok(minor, scale, 8.0)
    assert sum(1 for t in minor if t.label) >= (2 if width >= 400 else 1)
    assert any(t.label for t in major)
    # the lower row is in a finer unit than the upper one
    assert minor and major
    assert max(t.period for t in minor) < min(t.period for t in major)


@settings(max_examples=200, deadline=None)
@given(
    log_between(MIN_SPAN, MAX_SPAN),
    st.floats(min_value=-200 * YEAR, max_value=200 * YEAR),
    st.floats(min_value=200.0, max_value=4000.0),
)
def test_proportional_fonts_a_wider_upper_font_and_another_gap(
    span: float, start: float, width: float
) -> None:
    scale = TimeScale(start, start + span, width)
    major, minor = axis_ticks(scale, text_width=proportional, min_gap=12.0, upper_width=bold)
    assert_row_ok(major, scale, 12.0, bold)
    assert_row_ok(minor, scale, 12.0, proportional)
    assert sum(1 for t in minor if t.label) >= (2 if width >= 400 else 1)


def test_years_measured_in_the_upper_font_do_not_collide() -> None:
    # "2021 2022": ten years in 660 px; in a font 1.6x wider than the lower row's the years
    # are shortened ('21) or thinned, never drawn over each other
    def wide(s: str) -> float:
        return 1.6 * default_width(s)

    for width in (300.0, 500.0, 660.0, 900.0):
        scale = TimeScale(ts(2015, 3, 1), ts(2025, 3, 1), width)
        major, minor = axis_ticks(scale, upper_width=wide)
        assert_row_ok(major, scale, 8.0, wide)
        assert_row_ok(minor, scale, 8.0)


def test_months_fall_on_the_first_at_midnight_under_their_years() -> None:
    scale = TimeScale(ts(2023, 3, 17, 5), ts(2025, 2, 2), 1600.0)
    major, minor = axis_ticks(scale)
    assert [t.label for t in minor[:3]] == ["Apr", "May", "Jun"]
    for tick in minor:
        d = utc(tick.t)
        assert (d.day, d.hour, d.minute, d.second) == (1, 0, 0, 0)
    assert [t.label for t in major] == ["2023", "2024", "2025"]
    assert major[0].sticky and major[0].x == 0.0 and major[0].t == ts(2023, 1, 1)
    assert major[1].t == ts(2024, 1, 1)


def test_month_names_shorten_with_the_room() -> None:
    year = (ts(2024, 1, 1), ts(2025, 1, 1))
    wide = axis_ticks(TimeScale(*year, 1400.0))[1]
    assert [t.label for t in wide[:3]] == ["January", "February", "March"]
    mid = axis_ticks(TimeScale(*year, 600.0))[1]
    assert [t.label for t in mid[:3]] == ["Jan", "Feb", "Mar"]
    narrow = axis_ticks(TimeScale(*year, 230.0))[1]  # quarters before initials ("J F M")
    assert [t.label for t in narrow[:3]] == ["Q1", "Q2", "Q3"]


def test_quarters_and_years() -> None:
    scale = TimeScale(ts(2001, 2, 1), ts(2011, 2, 1), 1600.0)
    major, minor = axis_ticks(scale)
    assert {t.label for t in minor} - {""} == {"Q1", "Q2", "Q3", "Q4"}
    assert not any(t.label == "" for t in minor[:-1])
    for tick in minor:
        d = utc(tick.t)
        assert d.month in (1, 4, 7, 10) and (d.day, d.hour) == (1, 0)
    assert [t.label for t in major][:3] == ["2001", "2002", "2003"]
    century = axis_ticks(TimeScale(ts(1901, 6, 1), ts(2001, 6, 1), 1600.0))
    for tick in century[1]:
        d = utc(tick.t)
        assert (d.month, d.day, d.hour) == (1, 1, 0) and d.year % 5 == 0
    assert [t.label for t in century[0]][:2] == ["1900s", "1910s"]


def test_days_weeks_and_hours_under_months_and_days() -> None:
    days = axis_ticks(TimeScale(ts(2024, 7, 8), ts(2024, 8, 2), 1600.0))
    assert days[1][0].label == "Mon 8" and days[1][1].label == "Tue 9"
    assert all(utc(t.t).hour == 0 for t in days[1])
    assert [t.label for t in days[0]] == ["July 2024", "Aug 2024"]  # shorter at the edge
    assert days[0][0].sticky
    # 33 days: "Wed 10" does not fit a day; every other day then (not terse "1 2 3")
    two = axis_ticks(TimeScale(ts(2024, 7, 1), ts(2024, 8, 3), 1600.0))[1]
    assert [t.label for t in two[:3]] == ["Mon 1", "Wed 3", "Fri 5"]
    # at 800 px weeks, at 200 px their terse form: day numbers
    assert axis_ticks(TimeScale(ts(2024, 7, 1), ts(2024, 8, 3), 800.0))[1][0].label == "1 Jul"
    assert axis_ticks(TimeScale(ts(2024, 7, 1), ts(2024, 8, 3), 200.0))[1][1].label == "8"
    weeks = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2024, 7, 1), 1600.0))
    assert all(utc(t.t).weekday() == 0 for t in weeks[1])  # Mondays
    hours = axis_ticks(TimeScale(ts(2024, 7, 9, 22), ts(2024, 7, 11, 22), 1600.0))
    assert [t.label for t in hours[1][:3]] == ["22:00", "00:00", "02:00"]
    assert all(utc(t.t).minute == 0 and utc(t.t).hour % 2 == 0 for t in hours[1])
    # the sticky day has 67 px before the next: its short form
    assert [t.label for t in hours[0]] == ["9 Jul", "Wed 10 Jul 2024", "Thu 11 Jul 2024"]
    assert hours[0][0].sticky
    assert hours[0][1].x == pytest.approx(1600 / 24)


def test_minutes_under_hours_and_seconds_under_minutes() -> None:
    hour = axis_ticks(TimeScale(ts(2024, 7, 9, 10), ts(2024, 7, 9, 11), 1600.0))
    assert all(utc(t.t).second == 0 for t in hour[1])
    assert hour[1][1].label == "10:02"
    # the 11:00 tick is at the right edge: no room for its label
    assert [t.label for t in hour[0]] == ["9 Jul 2024 10:00", ""]
    assert hour[0][1].x == pytest.approx(1600)
    one_minute = axis_ticks(TimeScale(ts(2024, 7, 9, 10, 3), ts(2024, 7, 9, 10, 4), 1600.0))
    assert one_minute[1][0].label == "10:03:00"
    assert one_minute[0][0].label == "9 Jul 2024 10:03"
    narrow = axis_ticks(TimeScale(ts(2024, 7, 9, 10, 3), ts(2024, 7, 9, 10, 4), 200.0))
    assert [t.label for t in narrow[1][:2]] == [":00", ":10"]  # terse: ten per minute


def test_sticky_label_shortens_then_goes_as_the_next_label_comes() -> None:
    # the view starts in June 2024 on a day scale; "June 2024" is pinned at the left edge
    width, span = 1600.0, 40 * DAY
    forms = []
    for px in (400, 70, 60, 45, 28, 10):
        start = ts(2024, 7, 1) - px * span / width
        major, _ = axis_ticks(TimeScale(start, start + span, width))
        assert_row_ok(major, TimeScale(start, start + span, width), 8.0)
        forms.append(major[0].label if major[0].sticky else None)
        assert next(t.label for t in major if not t.sticky) == "July 2024"
    assert forms == ["June 2024", "Jun 2024", "Jun '24", "Jun", None, None]


def test_no_sticky_when_the_view_starts_on_a_boundary() -> None:
    major, _ = axis_ticks(TimeScale(ts(2024, 1, 1), ts(2026, 1, 1), 1600.0))
    assert not any(t.sticky for t in major)
    assert major[0].x == 0.0 and major[0].label == "2024"


def test_labels_are_dropped_not_ticks_when_too_wide() -> None:
    def huge(s: str) -> float:
        return 500.0

    scale = TimeScale(ts(2024, 1, 1), ts(2024, 1, 1) + 20 * YEAR, 800.0)
    major, minor = axis_ticks(scale, text_width=huge)
    assert_row_ok(minor, scale, 8.0, huge)
    assert_row_ok(major, scale, 8.0, huge)
    assert len(minor) > 1 and sum(bool(t.label) for t in minor) <= 1


def test_edges_of_the_calendar() -> None:
    first = axis_ticks(TimeScale(MIN_T, MIN_T + 50 * YEAR, 1600.0))
    assert first[1][0].t >= MIN_T and first[0]
    last = axis_ticks(TimeScale(MAX_T - 50 * YEAR, MAX_T, 1600.0))
    assert last[1][-1].t <= MAX_T
    before = axis_ticks(TimeScale(MIN_T - 10 * YEAR, MIN_T + 40 * YEAR, 900.0))  # in years
    assert [t.label for t in before[1]][:3] == ["5 BCE", "5", "10"]  # no year 0
    outside = axis_ticks(TimeScale(MIN_T - 1000 * YEAR, MIN_T - 900 * YEAR, 800.0))
    assert [t.label for t in outside[1] if t.label][:2] == ["1000 BCE", "990 BCE"]


def test_hours_above_minutes_name_the_day_once() -> None:
    six = axis_ticks(TimeScale(ts(2024, 7, 5, 9), ts(2024, 7, 5, 15), 1600.0))[0]
    assert [t.label for t in six][:3] == ["5 Jul 2024 09:00", "10:00", "11:00"]
    midnight = axis_ticks(TimeScale(ts(2024, 7, 5, 21), ts(2024, 7, 6, 3), 1600.0))[0]
    labels = [t.label for t in midnight]
    assert labels[:4] == ["5 Jul 2024 21:00", "22:00", "23:00", "6 Jul 2024 00:00"]
    assert labels[4] == "01:00"


# -- deep time: years beyond 1..9999, spans up to everything ---------------------------------


@settings(max_examples=300, deadline=None)
@given(
    log_between(3000 * YEAR, DEEP_MAX_SPAN),
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=200.0, max_value=4000.0),
)
def test_deep_spans_never_collide(span: float, where: float, width: float) -> None:
    start = DEEP_MIN_T + where * (DEEP_MAX_T - DEEP_MIN_T - span)
    scale = TimeScale(start, start + span, width)
    major, minor = axis_ticks(scale)
    assert_row_ok(major, scale, 8.0)
    assert_row_ok(minor, scale, 8.0)
    assert any(t.label for t in minor)  # "19.999999 billion CE" may fit once only
    assert any(t.label for t in major)
    assert max(t.period for t in minor) < min(t.period for t in major)


@settings(max_examples=200, deadline=None)
@given(
    log_between(20 * YEAR, 3000 * YEAR),
    st.integers(-20_000_000_000, 20_000_000_000),
    st.floats(min_value=400.0, max_value=4000.0),
)
def test_years_anywhere_in_deep_time(span: float, year: int, width: float) -> None:
    start = float(year_start(year))
    scale = TimeScale(start, start + span, width)
    major, minor = axis_ticks(scale, text_width=proportional, upper_width=bold)
    assert_row_ok(major, scale, 8.0, bold)
    assert_row_ok(minor, scale, 8.0, proportional)
    assert any(t.label for t in minor + major)


def test_deep_labels() -> None:
    universe = TimeScale(float(year_start(-13_799_999_999)), float(year_start(2025)), 1600.0)
    major, minor = axis_ticks(universe)
    assert "10 billion years ago" in [t.label for t in minor]
    assert major[0].sticky and major[0].label == "20 billion years ago"
    bronze = TimeScale(float(year_start(-3599)), float(year_start(-2899)), 1600.0)
    assert "3500 BCE" in [t.label for t in axis_ticks(bronze)[1]]
    around_zero = TimeScale(float(year_start(-9)), float(year_start(11)), 1600.0)
    labels = [t.label for t in axis_ticks(around_zero)[1]]
    assert labels[labels.index("1 BCE") + 1] == "1"  # no year 0 between them
    dinosaurs = TimeScale(float(year_start(-69_999_999)), float(year_start(-59_999_999)), 200.0)
    assert "65 Ma" in [t.label for t in axis_ticks(dinosaurs)[1]]  # the compact form when tight

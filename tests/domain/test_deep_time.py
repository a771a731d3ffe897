"""Years beyond 1..9999: exact intervals, canonical text, words, spans (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.deep_time import (
    DAY,
    MAX_YEAR,
    MIN_YEAR,
    civil_from_days,
    compact_year,
    days_from_civil,
    iso_day,
    iso_utc,
    parse_year_words,
    year_near,
    year_of,
    year_start,
    year_text,
)
from desktop.domain.partial_date import DateParseError, PartialDate, format_span, parse_span

ANY_YEAR = st.integers(MIN_YEAR, MAX_YEAR)
DEEP_YEAR = st.one_of(st.integers(MIN_YEAR, 0), st.integers(10_000, MAX_YEAR))
_EPOCH = date(1970, 1, 1).toordinal()


@given(st.dates())
def test_days_from_civil_is_the_proleptic_gregorian_calendar(d: date) -> None:
    assert days_from_civil(d.year, d.month, d.day) == d.toordinal() - _EPOCH


@given(ANY_YEAR)
def test_years_are_365_or_366_days_and_400_years_146097(year: int) -> None:
    length = (year_start(year + 1) - year_start(year)) // DAY
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    assert length == (366 if leap else 365)
    assert year_start(year + 400) - year_start(year) == 146_097 * DAY


@given(ANY_YEAR, st.booleans())
def test_any_year_round_trips_through_canonical_and_display(year: int, approx: bool) -> None:
    d = PartialDate(year, approximate=approx)
    assert PartialDate.parse(d.canonical()) == d
    assert PartialDate.parse(d.display()) == d
    assert parse_span(d.display()) == (d, None)
    assert d.interval() == (year_start(year), year_start(year + 1))


@given(ANY_YEAR, ANY_YEAR)
def test_years_sort_by_time(a: int, b: int) -> None:
    da, db = PartialDate(a), PartialDate(b)
    assert (da < db) == (a < b)
    assert (da.interval()[0] < db.interval()[0]) == (a < b)


@given(DEEP_YEAR, DEEP_YEAR)
def test_deep_spans_format_and_read_back(a: int, b: int) -> None:
    start, end = PartialDate(min(a, b)), PartialDate(max(a, b))
    assert parse_span(format_span(start, end)) == (start, None if start == end else end)


@given(st.integers(MIN_YEAR, MAX_YEAR - 1), st.floats(0, 1))
def test_year_of_finds_the_year_of_an_instant(year: int, f: float) -> None:
    lo, hi = year_start(year), year_start(year + 1)
    assert year_of(lo) == year
    assert year_of(lo + int((hi - lo - 1) * f)) == year


@pytest.mark.parametrize(
    ("text", "year", "canonical", "display"),
    [
        ("3500 BCE", -3499, "-3499", "3500 BCE"),
        ("3500 B.C.", -3499, "-3499", "3500 BCE"),
        ("-3499", -3499, "-3499", "3500 BCE"),
        ("1 BCE", 0, "0000", "1 BCE"),
        ("0000", 0, "0000", "1 BCE"),
        ("-0001", -1, "-0001", "2 BCE"),
        ("99999 BCE", -99998, "-99998", "99999 BCE"),
        ("100000 BCE", -99999, "-99999", "100000 years ago"),
        ("13.8 billion years ago", -13_799_999_999, "-13799999999", "13.8 billion years ago"),
        ("13.8 Ga", -13_799_999_999, "-13799999999", "13.8 billion years ago"),
        ("65 million years ago", -64_999_999, "-64999999", "65 million years ago"),
        ("65 Ma", -64_999_999, "-64999999", "65 million years ago"),
        ("65 mya", -64_999_999, "-64999999", "65 million years ago"),
        ("538.8 million years ago", -538_799_999, "-538799999", "538.8 million years ago"),
        ("12 ka", -11_999, "-11999", "12000 BCE"),
        ("1066 AD", 1066, "1066", "1066"),
        ("12000 CE", 12000, "+12000", "12000 CE"),
        ("+12000", 12000, "+12000", "12000 CE"),
        ("5 billion CE", 5_000_000_000, "+5000000000", "5 billion CE"),
        ("c. 3500 BCE", -3499, "-3499~", "c. 3500 BCE"),
    ],
)
def test_deep_forms(text: str, year: int, canonical: str, display: str) -> None:
    d = PartialDate.parse(text)
    assert (d.year, d.canonical(), d.display()) == (year, canonical, display)


def test_the_age_of_the_universe_in_seconds() -> None:
    lo, hi = PartialDate.parse("13.8 billion years ago").interval()
    assert hi - lo == 365 * DAY  # year -13,799,999,999 is not a leap year
    assert abs(lo / (365.2425 * DAY) - (-13_799_999_999 - 1970)) < 0.01  # mean 365.2425 days
    assert year_start(MIN_YEAR) > -(2**63) and year_start(MAX_YEAR + 1) < 2**63


@pytest.mark.parametrize(
    "text",
    ["–2024", "65 million", "35000", "0 BCE", "mid 3500 BCE", "May 3500 BCE", "1.5 BCE",
     "-20000000001", "21 billion years ago", "13.8 billion years", "Q1 -3499"],
)  # fmt: skip
def test_deep_garbage_rejected(text: str) -> None:
    with pytest.raises(DateParseError):
        PartialDate.parse(text)


def test_words() -> None:
    assert year_text(-13_799_999_999) == "13.8 billion years ago"
    assert compact_year(-13_799_999_999) == "13.8 Ga"
    assert compact_year(-64_999_999) == "65 Ma"
    assert compact_year(-99_999) == "100 ka"
    assert compact_year(-2999) == "3000 BCE" and compact_year(2024) == "2024"
    assert parse_year_words("65 million") is None


@given(st.integers(year_start(MIN_YEAR) // DAY, year_start(MAX_YEAR) // DAY))
def test_civil_from_days_inverts_days_from_civil(days: int) -> None:
    y, m, d = civil_from_days(days)
    assert days_from_civil(y, m, d) == days and 1 <= m <= 12 and 1 <= d <= 31


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
def test_iso_utc_is_datetime_isoformat_in_range(dt: datetime) -> None:
    dt = dt.replace(microsecond=0)  # (a float of microseconds may round up a second)
    t = (dt - datetime(1970, 1, 1)).total_seconds()
    assert iso_utc(t) == dt.isoformat() + "Z"


def test_iso_of_deep_instants() -> None:
    assert iso_utc(year_start(-3499)) == "-3499-01-01T00:00:00Z"
    assert iso_day(year_start(12000) - 1) == "+11999-12-31"
    assert iso_utc(year_start(0)) == "0000-01-01T00:00:00Z"


def test_year_near_rounds_as_the_view_reads() -> None:
    Y = 365.2425 * DAY
    edge = year_start(-399_999_999) - 1000.0  # a float edge just before 400 million years ago
    assert compact_year(year_near(edge, 200e6 * Y)) == "400 Ma"
    assert year_near(year_start(-2898) + 5.0, 700 * Y) == -2899  # 2900 BCE
    assert year_near(year_start(2024) + 3.0, 10 * Y) == 2024
    assert year_near(year_start(-3), 1e4 * Y) == 0  # around year 0: 1 BCE, never "year 0"


def test_filters_reach_deep_time() -> None:
    from desktop.domain.filters import OPEN_HI, OPEN_LO, EventFilter

    assert year_start(MIN_YEAR) > OPEN_LO and year_start(MAX_YEAR + 1) < OPEN_HI
    old_saved_view = EventFilter(range=(-1e12, 1e10))  # "until 2286", as saved before
    assert old_saved_view.range == (OPEN_LO, 1e10)
    cambrian = (float(year_start(-538_799_999)), float(year_start(-485_399_998)))
    assert EventFilter(range=cambrian).range == cambrian
    shown = EventFilter(range=cambrian).describe()  # the filter bar's fields read it back
    assert "538.8 million years ago – 485.4 million years ago" in shown


@pytest.mark.parametrize("text", ["May 3500 BCE", "15 March 44 BC", "early 65 million years ago"])
def test_a_deep_year_with_a_month_says_why(text: str) -> None:
    with pytest.raises(DateParseError, match=r"known to the year only|can only be a year"):
        PartialDate.parse(text)


def test_compact_future_and_early_common_era() -> None:
    assert [compact_year(y) for y in (500, 12000, 700_000_000, 5_000_000_000)] == [
        "500", "12000", "+700 Myr", "+5 Gyr",
    ]  # fmt: skip

"""Tests for :mod:`desktop.domain.partial_date`."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.partial_date import (
    DateParseError,
    PartialDate,
    Precision,
    format_span,
    parse_span,
)

P = PartialDate
DAY = 86_400

# text, expected date, precision, canonical, display
ACCEPTED: list[tuple[str, PartialDate, Precision, str, str]] = [
    # seed cases
    ("2018", P(2018), Precision.YEAR, "2018", "2018"),
    ("May 2024", P(2024, 5), Precision.MONTH, "2024-05", "May 2024"),
    (
        "early May 2024",
        P(2024, 5, part="early"),
        Precision.MONTH,
        "2024-05-early",
        "early May 2024",
    ),
    ("2024-07-09", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    (
        "July 9, 2024 09:00",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    ("Q2 2024", P(2024, part="Q2"), Precision.QUARTER, "2024-Q2", "Q2 2024"),
    ("29 Nov 2023", P(2023, 11, 29), Precision.DAY, "2023-11-29", "29 Nov 2023"),
    ("November 2023", P(2023, 11), Precision.MONTH, "2023-11", "Nov 2023"),
    ("late 2023", P(2023, part="late"), Precision.YEAR, "2023-late", "late 2023"),
    # canonical and display forms
    ("2024-H1", P(2024, part="H1"), Precision.HALF, "2024-H1", "H1 2024"),
    ("H1 2024", P(2024, part="H1"), Precision.HALF, "2024-H1", "H1 2024"),
    ("2024-early", P(2024, part="early"), Precision.YEAR, "2024-early", "early 2024"),
    ("2024-05-early", P(2024, 5, part="early"), Precision.MONTH, "2024-05-early", "early May 2024"),
    (
        "2024-07-09T09:00",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    (
        "9 Jul 2024 09:00",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    ("2018~", P(2018, approximate=True), Precision.YEAR, "2018~", "c. 2018"),
    ("0987", P(987), Precision.YEAR, "0987", "0987"),
    # other written forms
    ("Jul 2024", P(2024, 7), Precision.MONTH, "2024-07", "Jul 2024"),
    ("JULY 2024", P(2024, 7), Precision.MONTH, "2024-07", "Jul 2024"),
    ("Sept 2024", P(2024, 9), Precision.MONTH, "2024-09", "Sep 2024"),
    ("9 July 2024", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    ("July 9 2024", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    ("2024/07/09", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    ("09-Jul-2024", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    ("Tuesday, July 9th, 2024", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    ("the 9th of July 2024", P(2024, 7, 9), Precision.DAY, "2024-07-09", "9 Jul 2024"),
    (
        "9 July 2024 09:00",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    (
        "July 9, 2024 at 9:15 p.m.",
        P(2024, 7, 9, 21, 15),
        Precision.MINUTE,
        "2024-07-09T21:15",
        "9 Jul 2024 21:15",
    ),
    (
        "9 Jul 2024 12am",
        P(2024, 7, 9, 0, 0),
        Precision.MINUTE,
        "2024-07-09T00:00",
        "9 Jul 2024 00:00",
    ),
    (
        "2024-07-09 09:00",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    (
        "2024-07-09T09:00:59",
        P(2024, 7, 9, 9, 0),
        Precision.MINUTE,
        "2024-07-09T09:00",
        "9 Jul 2024 09:00",
    ),
    (
        "2024-07-09T23:30Z",
        P(2024, 7, 9, 23, 30),
        Precision.MINUTE,
        "2024-07-09T23:30",
        "9 Jul 2024 23:30",
    ),
    (
        "2024-07-09T23:30-02:00",
        P(2024, 7, 10, 1, 30),
        Precision.MINUTE,
        "2024-07-10T01:30",
        "10 Jul 2024 01:30",
    ),
    ("2024 Q2", P(2024, part="Q2"), Precision.QUARTER, "2024-Q2", "Q2 2024"),
    ("q4 2023", P(2023, part="Q4"), Precision.QUARTER, "2023-Q4", "Q4 2023"),
    ("2nd quarter 2024", P(2024, part="Q2"), Precision.QUARTER, "2024-Q2", "Q2 2024"),
    ("third quarter of 2024", P(2024, part="Q3"), Precision.QUARTER, "2024-Q3", "Q3 2024"),
    ("first half of 2024", P(2024, part="H1"), Precision.HALF, "2024-H1", "H1 2024"),
    ("the second half of 2024", P(2024, part="H2"), Precision.HALF, "2024-H2", "H2 2024"),
    ("mid May 2024", P(2024, 5, part="mid"), Precision.MONTH, "2024-05-mid", "mid May 2024"),
    ("middle May 2024", P(2024, 5, part="mid"), Precision.MONTH, "2024-05-mid", "mid May 2024"),
    ("mid-May 2024", P(2024, 5, part="mid"), Precision.MONTH, "2024-05-mid", "mid May 2024"),
    ("late May 2024", P(2024, 5, part="late"), Precision.MONTH, "2024-05-late", "late May 2024"),
    ("early 2024", P(2024, part="early"), Precision.YEAR, "2024-early", "early 2024"),
    ("mid-2024", P(2024, part="mid"), Precision.YEAR, "2024-mid", "mid 2024"),
    ("middle of 2024", P(2024, part="mid"), Precision.YEAR, "2024-mid", "mid 2024"),
    (
        "beginning of May 2024",
        P(2024, 5, part="early"),
        Precision.MONTH,
        "2024-05-early",
        "early May 2024",
    ),
    ("end of 2023", P(2023, part="late"), Precision.YEAR, "2023-late", "late 2023"),
    ("c. 2018", P(2018, approximate=True), Precision.YEAR, "2018~", "c. 2018"),
    ("circa 2018", P(2018, approximate=True), Precision.YEAR, "2018~", "c. 2018"),
    ("~2018", P(2018, approximate=True), Precision.YEAR, "2018~", "c. 2018"),
    ("around May 2024", P(2024, 5, approximate=True), Precision.MONTH, "2024-05~", "c. May 2024"),
    (
        "c. early May 2024",
        P(2024, 5, part="early", approximate=True),
        Precision.MONTH,
        "2024-05-early~",
        "c. early May 2024",
    ),
    ("  2018 \t", P(2018), Precision.YEAR, "2018", "2018"),
]


@pytest.mark.parametrize(("text", "expected", "precision", "canonical", "display"), ACCEPTED)
def test_accepted_forms(
    text: str, expected: PartialDate, precision: Precision, canonical: str, display: str
) -> None:
    d = PartialDate.parse(text)
    assert d == expected
    assert d.precision == precision
    assert d.canonical() == canonical
    assert d.display() == display
    assert str(d) == display
    assert PartialDate.parse(canonical) == d
    assert PartialDate.parse(display) == d


def _seconds(*args: int) -> int:
    """Seconds since 1970-01-01 UTC of a naive datetime."""
    return int((datetime(*args) - datetime(1970, 1, 1)).total_seconds())


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("2018", 1514764800, 1546300800),
        ("May 2024", _seconds(2024, 5, 1), _seconds(2024, 6, 1)),
        ("early May 2024", _seconds(2024, 5, 1), _seconds(2024, 5, 11)),
        ("mid May 2024", _seconds(2024, 5, 11), _seconds(2024, 5, 21)),
        ("late Feb 2024", _seconds(2024, 2, 21), _seconds(2024, 3, 1)),
        ("early 2024", _seconds(2024, 1, 1), _seconds(2024, 5, 1)),
        ("mid 2024", _seconds(2024, 5, 1), _seconds(2024, 9, 1)),
        ("late 2023", _seconds(2023, 9, 1), _seconds(2024, 1, 1)),
        ("H1 2024", _seconds(2024, 1, 1), _seconds(2024, 7, 1)),
        ("H2 2024", _seconds(2024, 7, 1), _seconds(2025, 1, 1)),
        ("Q2 2024", _seconds(2024, 4, 1), _seconds(2024, 7, 1)),
        ("Q4 2023", _seconds(2023, 10, 1), _seconds(2024, 1, 1)),
        ("2024-07-09", 1720483200, 1720483200 + DAY),
        ("2024-07-09T09:00", 1720515600, 1720515660),
        ("c. 2018", 1514764800, 1546300800),
        ("1969", -31536000, 0),
        ("0001", -62135596800, -62104060800),
        ("9999", 253370764800, 253402300800),
    ],
)
def test_intervals(text: str, lo: int, hi: int) -> None:
    assert PartialDate.parse(text).interval() == (lo, hi)


def test_earliest_and_latest() -> None:
    d = PartialDate.parse("Q2 2024")
    assert d.earliest() == datetime(2024, 4, 1)
    assert d.latest() == datetime(2024, 6, 30, 23, 59, 59)
    assert PartialDate(9999).latest() == datetime(9999, 12, 31, 23, 59, 59)
    assert PartialDate(1).earliest() == datetime(1, 1, 1)


def test_today_never_leaks_in() -> None:
    assert PartialDate.parse("2018").month is None
    assert PartialDate.parse("2018").day is None
    may = PartialDate.parse("early May 2024")
    assert (may.month, may.day, may.hour) == (5, None, None)
    assert PartialDate.parse("Q2 2024").month is None
    assert PartialDate.parse("July 9, 2024").hour is None


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "tomorrow-ish", "Mayy 2024", "2024-13-01", "31 Feb 2024", "29 Feb 2023",
        "early", "24", "May 24", "9/7/24", "10000", "0000-05", "-3499-05", "mid 3500 BCE",
        "2024-00", "Q5 2024", "H3 2024",
        "early 9 May 2024", "early Q2 2024", "July 9 2024 9", "9 Jul 2024 13pm", "9 Jul 2024 24:00",
        "9 Jul 2024 09:60", "May", "2024-07-09T25:00", "yesterday", "c.", "2024-Q2-early",
    ],
)  # fmt: skip
def test_garbage_rejected(text: str) -> None:
    with pytest.raises(DateParseError):
        PartialDate.parse(text)


def test_error_message_names_the_text() -> None:
    with pytest.raises(DateParseError, match="cannot read 'Mayy 2024' as a date"):
        PartialDate.parse("Mayy 2024")
    assert issubclass(DateParseError, ValueError)


@pytest.mark.parametrize(
    "fields",
    [
        {"year": -20_000_000_001}, {"year": 20_000_000_001}, {"year": 0, "month": 1},
        {"year": -3499, "part": "Q1"}, {"year": 10000, "part": "early"},
        {"year": 2024, "month": 13}, {"year": 2024, "day": 1},
        {"year": 2024, "month": 2, "day": 30}, {"year": 2024, "month": 1, "day": 1, "hour": 1},
        {"year": 2024, "month": 1, "hour": 1, "minute": 0}, {"year": 2024, "part": "Q5"},
        {"year": 2024, "month": 5, "part": "Q2"},
        {"year": 2024, "month": 5, "day": 1, "part": "early"},
    ],
)  # fmt: skip
def test_invalid_fields_rejected(fields: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        PartialDate(**fields)


def test_sorting_puts_coarser_first_at_the_same_start() -> None:
    texts = ["1 Jan 2024 00:00", "1 Jan 2024", "early Jan 2024", "Jan 2024", "Q1 2024",
             "early 2024", "H1 2024", "2024", "Dec 2023", "2 Jan 2024"]  # fmt: skip
    ordered = sorted(PartialDate.parse(t) for t in texts)
    assert [d.display() for d in ordered] == [
        "Dec 2023", "2024", "H1 2024", "early 2024", "Q1 2024", "Jan 2024",
        "early Jan 2024", "1 Jan 2024", "1 Jan 2024 00:00", "2 Jan 2024",
    ]  # fmt: skip
    assert PartialDate(2018) < PartialDate(2018, approximate=True)
    assert PartialDate(2018) <= PartialDate(2018)
    assert PartialDate(2019) > PartialDate(2018, 12, 31, 23, 59)


def test_sort_keys_are_distinct_within_a_year() -> None:
    dates = [PartialDate(2024)]
    dates += [PartialDate(2024, part=p) for p in ("early", "mid", "late", "H1", "H2")]
    dates += [PartialDate(2024, part=f"Q{q}") for q in range(1, 5)]
    for month in range(1, 13):
        dates.append(PartialDate(2024, month))
        dates += [PartialDate(2024, month, part=p) for p in ("early", "mid", "late")]
        days = calendar.monthrange(2024, month)[1]
        dates += [PartialDate(2024, month, day) for day in range(1, days + 1)]
    dates += [PartialDate(d.year, d.month, d.day, d.hour, d.minute, d.part, True) for d in dates]
    assert len({d.sort_key() for d in dates}) == len(set(dates)) == len(dates)


def test_from_datetime() -> None:
    dt = datetime(2024, 8, 9, 9, 30, 45)
    assert PartialDate.from_datetime(dt) == PartialDate(2024, 8, 9, 9, 30)
    assert PartialDate.from_datetime(dt, Precision.DAY) == PartialDate(2024, 8, 9)
    assert PartialDate.from_datetime(dt, Precision.MONTH) == PartialDate(2024, 8)
    assert PartialDate.from_datetime(dt, Precision.QUARTER) == PartialDate(2024, part="Q3")
    assert PartialDate.from_datetime(dt, Precision.HALF) == PartialDate(2024, part="H2")
    assert PartialDate.from_datetime(dt, Precision.YEAR) == PartialDate(2024)
    aware = datetime(2024, 8, 9, 23, 30, tzinfo=timezone(timedelta(hours=-2)))
    assert PartialDate.from_datetime(aware) == PartialDate(2024, 8, 10, 1, 30)
    assert PartialDate.from_datetime(date(2024, 8, 9)) == PartialDate(2024, 8, 9)


# -- spans --------------------------------------------------------------------

SPANS: list[tuple[str, PartialDate, PartialDate | None, str]] = [
    ("July 4–6, 2024", P(2024, 7, 4), P(2024, 7, 6), "4–6 Jul 2024"),
    ("4-6 July 2024", P(2024, 7, 4), P(2024, 7, 6), "4–6 Jul 2024"),
    ("July 4, 2024 - July 6, 2024", P(2024, 7, 4), P(2024, 7, 6), "4–6 Jul 2024"),
    ("2024-07-04/2024-07-06", P(2024, 7, 4), P(2024, 7, 6), "4–6 Jul 2024"),
    ("July 4 to 6, 2024", P(2024, 7, 4), P(2024, 7, 6), "4–6 Jul 2024"),
    ("May–June 2024", P(2024, 5), P(2024, 6), "May–Jun 2024"),
    ("between May and June 2024", P(2024, 5), P(2024, 6), "May–Jun 2024"),
    ("2014–2023", P(2014), P(2023), "2014–2023"),
    ("2014 — 2023", P(2014), P(2023), "2014–2023"),
    ("from 2014 until 2023", P(2014), P(2023), "2014–2023"),
    ("4 Jul – 6 Aug 2024", P(2024, 7, 4), P(2024, 8, 6), "4 Jul – 6 Aug 2024"),
    ("July 4 - August 6, 2024", P(2024, 7, 4), P(2024, 8, 6), "4 Jul – 6 Aug 2024"),
    ("30 Dec 2023 – 2 Jan 2024", P(2023, 12, 30), P(2024, 1, 2), "30 Dec 2023 – 2 Jan 2024"),
    ("Nov 2023 - Feb 2024", P(2023, 11), P(2024, 2), "Nov 2023 – Feb 2024"),
    ("Q2-Q3 2024", P(2024, part="Q2"), P(2024, part="Q3"), "Q2–Q3 2024"),
    ("early–mid May 2024", P(2024, 5, part="early"), P(2024, 5, part="mid"), "early–mid May 2024"),
    ("mid-2024 to late 2024", P(2024, part="mid"), P(2024, part="late"), "mid–late 2024"),
    ("9 Jul 2024 09:00–11:00", P(2024, 7, 9, 9, 0), P(2024, 7, 9, 11, 0), "9 Jul 2024 09:00–11:00"),
    ("2024-07-09", P(2024, 7, 9), None, "9 Jul 2024"),
    ("2024-07", P(2024, 7), None, "Jul 2024"),
    ("mid-2024", P(2024, part="mid"), None, "mid 2024"),
    ("c. 2014 – 2023", P(2014, approximate=True), P(2023), "c. 2014 – 2023"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "start", "end", "formatted"), SPANS)
def test_spans(text: str, start: PartialDate, end: PartialDate | None, formatted: str) -> None:
    assert parse_span(text) == (start, end)
    assert format_span(start, end) == formatted
    assert parse_span(formatted) == (start, end)


@pytest.mark.parametrize(
    "text", ["", "2023–2014", "July 6–4, 2024", "May–", "–2024", "4-6 July", "tomorrow to friday"]
)
def test_bad_spans_rejected(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_span(text)


def test_format_span_of_one_date() -> None:
    d = PartialDate(2024, 7, 9)
    assert format_span(d, None) == "9 Jul 2024"
    assert format_span(d, d) == "9 Jul 2024"


# -- properties ---------------------------------------------------------------

KINDS = ("year", "third", "half", "quarter", "month", "month-third", "day", "minute")
YEARS = st.integers(1, 9999)
MONTHS = st.integers(1, 12)


@st.composite
def partial_dates(
    draw: st.DrawFn,
    kind: str | None = None,
    years: st.SearchStrategy[int] = YEARS,
    months: st.SearchStrategy[int] = MONTHS,
) -> PartialDate:
    """Valid PartialDates of every kind, optionally approximate."""
    kind = kind or draw(st.sampled_from(KINDS))
    year, approximate = draw(years), draw(st.booleans())
    if kind == "year":
        return PartialDate(year, approximate=approximate)
    if kind in ("third", "half", "quarter"):
        choices = {"third": ["early", "mid", "late"], "half": ["H1", "H2"]}
        part = draw(st.sampled_from(choices.get(kind, ["Q1", "Q2", "Q3", "Q4"])))
        return PartialDate(year, part=part, approximate=approximate)
    month = draw(months)
    if kind == "month":
        return PartialDate(year, month, approximate=approximate)
    if kind == "month-third":
        part = draw(st.sampled_from(["early", "mid", "late"]))
        return PartialDate(year, month, part=part, approximate=approximate)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if kind == "day":
        return PartialDate(year, month, day, approximate=approximate)
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    return PartialDate(year, month, day, hour, minute, approximate=approximate)


@given(partial_dates())
def test_canonical_and_display_round_trip(d: PartialDate) -> None:
    assert PartialDate.parse(d.canonical()) == d
    assert PartialDate.parse(d.display()) == d
    assert parse_span(d.display()) == (d, None)


@given(partial_dates())
def test_interval_is_nonempty_and_matches_earliest_latest(d: PartialDate) -> None:
    lo, hi = d.interval()
    assert lo < hi
    assert d.sort_key()[:2] == (lo, -hi)
    assert d.earliest() == datetime(1970, 1, 1) + timedelta(seconds=lo)
    assert d.earliest() <= d.latest()


@given(partial_dates(), partial_dates())
def test_order_follows_interval_start(a: PartialDate, b: PartialDate) -> None:
    if a.interval()[0] < b.interval()[0]:
        assert a < b
        assert not b < a
    if a.sort_key() == b.sort_key():
        assert a == b


@given(partial_dates(), st.data(), st.sampled_from(list(Precision)))
def test_finer_date_inside_never_sorts_before_coarser(
    coarse: PartialDate, data: st.DataObject, precision: Precision
) -> None:
    lo, hi = coarse.interval()
    second = data.draw(st.integers(lo, hi - 1))
    fine = PartialDate.from_datetime(datetime(1970, 1, 1) + timedelta(seconds=second), precision)
    f_lo, f_hi = fine.interval()
    assume(lo <= f_lo and f_hi <= hi)
    assert not fine < replace_approx(coarse, False)
    assert f_lo >= lo


def replace_approx(d: PartialDate, approximate: bool) -> PartialDate:
    """*d* with its approximate flag set to *approximate*."""
    return PartialDate(d.year, d.month, d.day, d.hour, d.minute, d.part, approximate)


@given(st.data(), st.sampled_from(KINDS))
def test_span_round_trip(data: st.DataObject, kind: str) -> None:
    a = data.draw(partial_dates(kind))
    years = st.one_of(st.just(a.year), YEARS)
    months = st.one_of(st.just(a.month or 1), MONTHS)
    b = data.draw(partial_dates(kind, years=years, months=months))
    a, b = sorted((a, b))
    assume(a != b)
    text = format_span(a, b)
    assert parse_span(text) == (a, b), text


@given(st.data())
def test_span_round_trip_across_kinds(data: st.DataObject) -> None:
    a = data.draw(partial_dates())
    b = data.draw(partial_dates(years=st.one_of(st.just(a.year), YEARS)))
    a, b = sorted((a, b))
    assume(a != b)
    assert parse_span(format_span(a, b)) == (a, b)

"""Partial dates: a date that keeps exactly what its source knows.

"2018", "early May 2024", "Q2 2024" and "9 Jul 2024 09:00" are all
:class:`PartialDate` values.  Each one parses from analyst text, prints back at
its own precision (:meth:`PartialDate.display`) and in a stable storage form
(:meth:`PartialDate.canonical`), sorts, and maps to a half-open interval of
UTC seconds for drawing on a timeline.  The text grammar lives in
:mod:`desktop.domain.partial_date_parse`.

Years outside 1..9999 (BCE and deep time, see :mod:`desktop.domain.deep_time`) are known to the
year only: "3500 BCE" is stored as "-3499" (ISO 8601 astronomical numbering, year 0 = 1 BCE),
"13.8 billion years ago" as "-13799999999"; their intervals are exact proleptic Gregorian years.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from desktop.domain.deep_time import (
    MAX_YEAR,
    MIN_YEAR,
    days_from_civil,
    in_datetime_range,
    iso_year,
    year_start,
    year_text,
)
from desktop.domain.partial_date_parse import (
    DateParseError,
    leading_month,
    parse_fields,
    parse_time_only,
    span_candidates,
    tails,
)

__all__ = ["DateParseError", "PartialDate", "Precision", "format_span", "parse_span"]

_EPOCH = datetime(1970, 1, 1)
_DAY = 86_400
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip
_THIRDS = ("early", "mid", "late")
_PARTS = frozenset({*_THIRDS, "Q1", "Q2", "Q3", "Q4", "H1", "H2"})
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class Precision(enum.IntEnum):
    """How much of a date is known, ordered from coarse to fine."""

    YEAR = 1
    HALF = 2
    QUARTER = 3
    MONTH = 4
    DAY = 5
    MINUTE = 6


def _month_start(year: int, month: int) -> int:
    """Seconds since the epoch at the start of *month* (13 means next January)."""
    if month == 13:
        return year_start(year + 1)
    return days_from_civil(year, month) * _DAY


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to some precision, optionally qualified and/or approximate.

    ``part`` qualifies the coarsest given unit: "early"/"mid"/"late" of a year
    (``month is None``) or of a month, "Q1".."Q4" or "H1"/"H2" of a year.
    Qualifiers do not change :attr:`precision`: "early May 2024" is MONTH,
    "early 2024" is YEAR, but a quarter is QUARTER and a half is HALF.
    ``approximate`` is a flag only; it does not widen the interval.
    Years 1..9999 are written with four digits ("0987"). Other years, from
    :data:`~desktop.domain.deep_time.MIN_YEAR` to ``MAX_YEAR`` (astronomical numbering: 0 is
    1 BCE), are known to the year only (no month, day, time or qualifier); they may be
    approximate.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        """Reject field combinations that do not name a real (partial) date."""
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} is outside {MIN_YEAR:,}..{MAX_YEAR:,}")
        if not in_datetime_range(self.year) and (self.month, self.part) != (None, None):
            raise ValueError(
                f"{year_text(self.year)} can only be a year: months, days and qualifiers"
                " need a year from 1 to 9999"
            )
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is outside 1..12")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is outside 1..{last} for that month")
        if (self.hour is None) != (self.minute is None):
            raise ValueError("hour and minute go together")
        if self.hour is not None and self.minute is not None:  # both or neither (just above)
            if self.day is None:
                raise ValueError("a time needs a day")
            if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
                raise ValueError(f"{self.hour}:{self.minute} is not a time of day")
        if self.part is not None:
            if self.part not in _PARTS:
                raise ValueError(f"unknown qualifier {self.part!r}")
            if self.day is not None:
                raise ValueError("a qualifier cannot apply to a day")
            if self.month is not None and self.part not in _THIRDS:
                raise ValueError(f"{self.part} cannot apply to a month")

    # -- construction ---------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read analyst text ("early May 2024", "2024-Q2", "c. 2018", ...).

        Raises :class:`DateParseError` saying what was not understood. Texts read before are
        answered from a cache (a dossier re-reads the same few hundred dates on every render;
        a PartialDate is immutable, so one instance serves every caller).
        """
        if cls is PartialDate:
            return _parse_cached(text)
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        fields = parse_fields(text)
        try:
            return cls(**fields)
        except ValueError as exc:
            raise DateParseError(f"cannot read {text!r} as a date: {exc}") from None

    @classmethod
    def from_datetime(
        cls, dt: datetime | date, precision: Precision = Precision.MINUTE
    ) -> PartialDate:
        """The partial date containing *dt*, truncated to *precision*.

        Aware datetimes are converted to UTC; a plain ``date`` has no time, so
        it yields at most DAY precision.
        """
        if isinstance(dt, datetime) and dt.tzinfo is not None:
            dt = dt.astimezone(UTC).replace(tzinfo=None)
        if not isinstance(dt, datetime):
            precision = min(precision, Precision.DAY)
        if precision == Precision.YEAR:
            return cls(dt.year)
        if precision == Precision.HALF:
            return cls(dt.year, part=f"H{(dt.month - 1) // 6 + 1}")
        if precision == Precision.QUARTER:
            return cls(dt.year, part=f"Q{(dt.month - 1) // 3 + 1}")
        if precision == Precision.MONTH:
            return cls(dt.year, dt.month)
        if precision == Precision.DAY:
            return cls(dt.year, dt.month, dt.day)
        assert isinstance(dt, datetime)
        return cls(dt.year, dt.month, dt.day, dt.hour, dt.minute)

    # -- properties -----------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """The finest unit this date names (qualifiers early/mid/late aside)."""
        if self.hour is not None:
            return Precision.MINUTE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.part is not None and self.part[0] == "Q":
            return Precision.QUARTER
        if self.part is not None and self.part[0] == "H":
            return Precision.HALF
        return Precision.YEAR

    # -- text -----------------------------------------------------------------

    def canonical(self) -> str:
        """Stable ISO-like storage form: "2024-Q2", "2024-05-early", "2024-07-09T09:00".

        Years before 0 and after 9999 carry a sign (ISO 8601 expanded years, astronomical
        numbering): "-3499" is 3500 BCE, "0000" 1 BCE, "+12000" the year 12000.
        """
        text = iso_year(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        if self.part is not None:
            text += f"-{self.part}"
        return text + ("~" if self.approximate else "")

    def display(self) -> str:
        """Human form at its own precision: "Q2 2024", "early May 2024", "9 Jul 2024",
        "3500 BCE", "13.8 billion years ago"."""
        text = year_text(self.year)
        if self.month is not None:
            text = f"{_MONTH_ABBR[self.month]} {text}"
        if self.day is not None:
            text = f"{self.day} {text}"
        if self.hour is not None:
            text += f" {self.hour:02d}:{self.minute:02d}"
        if self.part is not None:
            text = f"{self.part} {text}"
        return ("c. " if self.approximate else "") + text

    def __str__(self) -> str:
        """Same as :meth:`display`."""
        return self.display()

    # -- time -----------------------------------------------------------------

    def interval(self) -> tuple[int, int]:
        """Half-open ``[lo, hi)`` in integer seconds since 1970-01-01 UTC."""
        y, m, part = self.year, self.month, self.part
        if self.day is not None:
            assert m is not None
            lo = days_from_civil(y, m, self.day) * _DAY
            if self.hour is None or self.minute is None:  # both or neither (__post_init__)
                return lo, lo + _DAY
            lo += self.hour * 3600 + self.minute * 60
            return lo, lo + 60
        if m is not None:
            lo, hi = _month_start(y, m), _month_start(y, m + 1)
            if part is None:
                return lo, hi
            i = _THIRDS.index(part)
            return lo + 10 * i * _DAY, (hi if i == 2 else lo + 10 * (i + 1) * _DAY)
        if part is None:
            first, last = 1, 12
        elif part in _THIRDS:
            first = 1 + 4 * _THIRDS.index(part)
            last = first + 3
        elif part[0] == "Q":
            last = 3 * int(part[1])
            first = last - 2
        else:
            last = 6 * int(part[1])
            first = last - 5
        return _month_start(y, first), _month_start(y, last + 1)

    def earliest(self) -> datetime:
        """The first second of the interval, as a naive (UTC) datetime.

        Raises ``OverflowError`` for a year outside 1..9999 (no ``datetime`` names it).
        """
        return _EPOCH + timedelta(seconds=self.interval()[0])

    def latest(self) -> datetime:
        """The last whole second of the interval, as a naive (UTC) datetime (see
        :meth:`earliest`)."""
        return _EPOCH + timedelta(seconds=self.interval()[1] - 1)

    def sort_key(self) -> tuple[int, int, bool]:
        """``(lo, -hi, approximate)``: by start, and coarser first at the same start."""
        lo, hi = self.interval()
        return lo, -hi, self.approximate

    def __lt__(self, other: object) -> bool:
        """Order by :meth:`sort_key`."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()


def _try_parse(text: str) -> PartialDate | None:
    """``PartialDate.parse(text)``, or ``None`` when it does not read."""
    try:
        return PartialDate.parse(text)
    except DateParseError:
        return None


def _resolve(left: str, right: str) -> tuple[PartialDate, PartialDate] | None:
    """Read a span cut at one separator, borrowing context the left side omits."""
    start = _try_parse(left)
    if start is not None and start.hour is not None and (t := parse_time_only(right)):
        return start, replace(start, hour=t[0], minute=t[1])  # "9 Jul 2024 09:00-11:00"
    end = _try_parse(right)
    if end is None and (month := leading_month(left)) is not None:
        right = f"{month} {right}"  # "July 4-6, 2024": the end borrows the month
        end = _try_parse(right)
    if end is None:
        return None
    if not in_datetime_range(end.year) and _BARE_NUMBER.match(left.strip()):
        start = None  # "3500-3000 BCE", "541-485 million years ago": the era is the end's
    if start is None:  # "4-6 Jul 2024", "May-Jun 2024": the start borrows a suffix
        for tail in tails(right):
            if (start := _try_parse(f"{left} {tail}")) is not None:
                break
    return None if start is None else (start, end)


def parse_span(text: str) -> tuple[PartialDate, PartialDate | None]:
    """Read a single date, ``(date, None)``, or a range, ``(start, end)``.

    Ranges may be written "July 4–6, 2024", "4-6 July 2024", "May–June 2024",
    "2014–2023", "2024-07-04/2024-07-06", "2014 to 2023", "from X until Y",
    "between X and Y", "9 Jul 2024 09:00–11:00".  The end may not start
    before the start.  Raises :class:`DateParseError`.
    """
    single = _try_parse(text)
    if single is not None:
        return single, None
    backwards = False
    for left, right in span_candidates(text):
        pair = _resolve(left, right)
        if pair is None:
            continue
        if pair[1].interval()[0] < pair[0].interval()[0]:
            backwards = True
            continue
        return pair
    if backwards:
        raise DateParseError(f"cannot read {text!r} as a date range: it ends before it starts")
    raise DateParseError(f"cannot read {text!r} as a date or date range")


def _part_kind(d: PartialDate) -> str:
    """Which family of qualifier *d* carries: "", "third", "Q" or "H"."""
    if d.part is None:
        return ""
    return "third" if d.part in _THIRDS else d.part[0]


def _join(left: str, right_element: str, rest: str) -> str:
    """``left–right`` with a spaced dash when either element has several words."""
    dash = " – " if " " in left or " " in right_element else "–"
    return f"{left}{dash}{rest}"


def _deep_years(start: PartialDate, end: PartialDate) -> bool:
    """Both plain years, not approximate, and at least one outside 1..9999."""
    plain = all(d.precision == Precision.YEAR and d.part is None for d in (start, end))
    exact = not (start.approximate or end.approximate)
    return plain and exact and not (in_datetime_range(start.year) and in_datetime_range(end.year))


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    """Compact human form of a range: "4–6 Jul 2024", "May–Jun 2024", "2014–2023".

    A missing or equal end gives ``start.display()``.  Shared trailing context
    (year, month, day) is written once when both ends have the same precision
    and the same kind of qualifier and neither is approximate; otherwise both
    ends are written in full.  :func:`parse_span` reads every result back.
    """
    if end is None or end == start:
        return start.display()
    a, b = start.display(), end.display()
    if _deep_years(start, end):  # "3500–3000 BCE", "541–485 million years ago"
        number_a, _, era_a = a.partition(" ")
        if era_a and era_a == b.partition(" ")[2]:
            return f"{number_a}–{b}"
    similar = (
        start.precision == end.precision
        and _part_kind(start) == _part_kind(end)
        and not (start.approximate or end.approximate)
    )
    if similar and start.year == end.year:
        if start.precision == Precision.MINUTE:
            if start.month == end.month and start.day == end.day:
                return f"{a}–{end.hour:02d}:{end.minute:02d}"
            return _join(a, b, b)
        if start.month == end.month and start.month is not None:
            if start.precision == Precision.DAY:
                return f"{start.day}–{b}"
            if start.part is not None:
                return f"{start.part}–{b}"
        suffix = f" {end.year:04d}"
        return _join(a.removesuffix(suffix), b.removesuffix(suffix), b)
    return _join(a, b, b)


@functools.lru_cache(maxsize=1 << 16)
def _parse_cached(text: str) -> PartialDate:
    """:meth:`PartialDate.parse`, kept for the last 65,536 texts read (errors are not kept)."""
    return PartialDate._parse(text)

"""Two-row axis ticks for any `TimeScale`, on calendar boundaries (UTC).

The lower row (minor, level 1) uses the finest unit whose labels, measured with `text_width`,
fit side by side in one of the unit's forms (longest first: "September", "Sep", "S"). The upper
row (major, level 0) uses the next larger unit (seconds under minutes, minutes under hours,
hours under days, days and weeks under months, months under years, years under decades...) in
the longest form whose labels fit ("July 2024", "Jul 2024", "Jul '24", "Jul"). In each row every
label keeps `min_gap` from the next and lies within [0, width]; one that cannot is left blank
(its tick stays).

A label is drawn left-aligned at `tick.x + LABEL_PAD`; the painter draws a tick line at `tick.x`
unless the tick is `sticky`: the upper label of the period already running at the left edge,
pinned at x=0 in the longest form that keeps clear of the next upper label, else dropped.

Calendar units need the years 1..9999 (``datetime``'s). A view reaching beyond them, or wider
than `DEEP_SPAN`, is labelled in whole years instead (:mod:`desktop.domain.deep_ticks`:
"3000 BCE", "65 million years ago", "13.8 Ga"), from a year to billions of years.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from desktop.domain import tick_forms as f
from desktop.domain.deep_ticks import deep_rows
from desktop.domain.time_scale import DATETIME_MAX_T as MAX_T
from desktop.domain.time_scale import DATETIME_MIN_T as MIN_T
from desktop.domain.time_scale import TimeScale

DAY = 86400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_EPOCH = datetime(1970, 1, 1)
#: 1970-01-05, the first Monday after the epoch: weeks are aligned to it.
_MONDAY_OFFSET = 4 * DAY
#: Gap between a tick line and the start of its label, in pixels.
LABEL_PAD = 3.0

Format = Callable[[datetime], str]
TextWidth = Callable[[str], float]


@dataclass(frozen=True)
class Tick:
    """One axis tick: time, pixel position, label ('' when dropped) and row."""

    t: float
    x: float
    label: str
    level: int  # 0 = major (upper row, e.g. "2024"), 1 = minor (lower row, e.g. "Jul")
    sticky: bool = False  # pinned label of the period running at the left edge; no tick line
    period: float = 0.0  # typical length of the row's unit in seconds (a month: 30.4 days)


def default_width(text: str) -> float:
    """Estimated label width: 7 px per character."""
    return 7.0 * len(text)


@dataclass(frozen=True)
class _Unit:
    """A calendar unit: `step` seconds/minutes/hours/days/weeks/months/years."""

    field: str
    step: int
    min_len: float  # shortest possible distance between two boundaries, in seconds
    formats: tuple[Format, ...]  # longest first
    upper: str = ""  # key into _UPPER: the unit of the row above
    period: float = 0.0  # typical length in seconds
    terse: int = 99  # index of the first terse form ("S", "1", "'24"), used only when needed
    follow: Format | None = None  # form of a label on the same day as the previous label


_MONTH = 365.2425 / 12 * DAY
_YEAR = 365.2425 * DAY
#: Views wider than this are labelled in whole years (deep_ticks), even inside 1..9999.
DEEP_SPAN = 3000 * _YEAR


def _fixed(
    field: str, step: int, seconds: int, fmts: tuple[Format, ...], upper: str, terse: int = 99
) -> _Unit:
    return _Unit(field, step, float(step * seconds), fmts, upper, float(step * seconds), terse)


def _months(n: int, fmts: tuple[Format, ...], terse: int = 99) -> _Unit:
    min_len = {1: 28, 3: 89, 6: 181}[n] * DAY
    return _Unit("month", n, min_len, fmts, "year", n * _MONTH, terse)


def _years(n: int, fmts: tuple[Format, ...], upper: str = "", terse: int = 99) -> _Unit:
    return _Unit("year", n, n * 365 * DAY, fmts, upper, n * _YEAR, terse)


_YEAR_FORMS = (f.year, f.short_year)
_DATE_HM_FORMS = (f.date_hm, f.day_month_hm, f.hm)

#: Lower-row units, finest first.
_LOWER: tuple[_Unit, ...] = (
    *(_fixed("second", s, 1, (f.hms, f.colon_second), "minute", 1) for s in (1, 2, 5, 10, 15, 30)),
    *(_fixed("minute", m, 60, (f.hm,), "hour") for m in (1, 2, 5, 10, 15, 30)),
    *(_fixed("hour", h, 3600, (f.hm,), "day") for h in (1, 2, 3, 6, 12)),
    _fixed("day", 1, DAY, (f.weekday_day, f.day), "month", 1),
    _fixed("day", 2, DAY, (f.weekday_day, f.day), "month", 1),
    _fixed("week", 1, 7 * DAY, (f.day_month, f.day), "month", 1),
    _months(1, (f.month_name, f.month, f.month_initial), 2),
    _months(3, (f.quarter,)),
    _months(6, (f.half,)),
    _years(1, _YEAR_FORMS, "decade", 1),  # "'24" only for every year: "'02 '04" reads badly
    *(_years(n, (f.year,), "decade") for n in (2, 5)),
    *(_years(n, (f.year,), "century") for n in (10, 20, 50)),
    *(_years(n, (f.year,), "millennium") for n in (100, 200, 500)),
)

#: Upper-row units by name, each with its forms longest first.
_UPPER: dict[str, _Unit] = {
    "minute": replace(_fixed("minute", 1, 60, _DATE_HM_FORMS, ""), follow=f.hm),
    "hour": replace(_fixed("hour", 1, 3600, _DATE_HM_FORMS, ""), follow=f.hm),
    "day": _fixed("day", 1, DAY, (f.weekday_date, f.full_date, f.day_month, f.day), ""),
    "month": _months(1, (f.month_name_year, f.month_year, f.month_short_year, f.month)),
    "year": _years(1, _YEAR_FORMS),
    "decade": _years(10, (f.decade, f.short_decade)),
    "century": _years(100, (f.century, f.century_s)),
    "millennium": _years(1000, (f.millennium,)),
}

_FIXED_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": DAY, "week": 7 * DAY}


# -- calendar arithmetic -------------------------------------------------------------------


def _ts(year: int, month: int = 1, day: int = 1) -> float:
    """Seconds since the epoch of a UTC midnight."""
    return float((date(year, month, day).toordinal() - _EPOCH_ORDINAL) * DAY)


def _datetime(t: float) -> datetime:
    """The naive UTC datetime of `t` (whole seconds; clipped to years 1..9999)."""
    days, secs = divmod(math.floor(min(max(t, MIN_T), MAX_T)), DAY)
    return _EPOCH + timedelta(days=days, seconds=secs)


def _is_two_day_boundary(d: date) -> bool:
    """Odd days of the month except an odd last day: gaps are always 2 or 3 days."""
    nxt = d + timedelta(days=1)
    return d.day % 2 == 1 and nxt.month == d.month


def _floor(unit: _Unit, t: float) -> float:
    """Start of the `unit` period containing `t` (never before year 1)."""
    t = min(max(t, MIN_T), MAX_T)
    if unit.field in _FIXED_SECONDS and not (unit.field == "day" and unit.step == 2):
        length = unit.step * _FIXED_SECONDS[unit.field]
        off = _MONDAY_OFFSET if unit.field == "week" else 0
        return max(off + math.floor((t - off) / length) * length, MIN_T)
    d = _datetime(t).date()
    if unit.field == "day":
        while d.toordinal() > 1 and not _is_two_day_boundary(d):
            d -= timedelta(days=1)
        return _ts(d.year, d.month, d.day)
    if unit.field == "month":
        index = d.year * 12 + d.month - 1
        index -= index % unit.step
        return _ts(index // 12, index % 12 + 1)
    year = d.year - d.year % unit.step
    return _ts(max(year, 1))


def _boundaries(unit: _Unit, t0: float, t1: float) -> list[float]:
    """All boundaries of `unit` in [t0, t1], ascending (t0, t1 inside years 1..9999)."""
    if unit.field in _FIXED_SECONDS and not (unit.field == "day" and unit.step == 2):
        length = unit.step * _FIXED_SECONDS[unit.field]
        off = _MONDAY_OFFSET if unit.field == "week" else 0
        k0, k1 = math.ceil((t0 - off) / length), math.floor((t1 - off) / length)
        times = (float(off + k * length) for k in range(k0, k1 + 1))
        return [t for t in times if t0 <= t <= t1]  # guards against rounding in the divisions
    out: list[float] = []
    if unit.field == "day":  # odd days of each month, but not an odd last day
        first, last = math.ceil(t0 / DAY), math.floor(t1 / DAY)
        if first > last:
            return out
        d = date.fromordinal(_EPOCH_ORDINAL + first)
        month_start = _EPOCH_ORDINAL + first - d.day + 1  # ordinal of the 1st of d's month
        while month_start - _EPOCH_ORDINAL <= last:
            m = date.fromordinal(month_start)
            length = calendar.monthrange(m.year, m.month)[1]
            base = month_start - _EPOCH_ORDINAL - 1  # epoch day of the month's day 0
            lo, hi = max(first - base, 1), min(last - base, length - 1)
            for day in range(lo + (lo % 2 == 0), hi + 1, 2):
                out.append(float((base + day) * DAY))
            month_start += length
        return out
    d = _datetime(t0).date()
    if unit.field == "month":
        index = d.year * 12 + d.month - 1
        index -= index % unit.step
        while index // 12 <= 9999:
            t = _ts(index // 12, index % 12 + 1)
            if t > t1:
                break
            if t >= t0:
                out.append(t)
            index += unit.step
        return out
    year = d.year - d.year % unit.step
    while year <= 9999:
        if year >= 1:
            t = _ts(year)
            if t > t1:
                break
            if t >= t0:
                out.append(t)
        year += unit.step
    return out


# -- label layout --------------------------------------------------------------------------


def _labels(
    xs: Sequence[float],
    times: Sequence[float],
    forms: Sequence[Format],
    text_width: TextWidth,
    gap: float,
    width: float,
    drop: bool,
    follow: Format | None = None,
) -> list[str] | None:
    """The row's labels in form `forms[0]`: each keeps `gap` from the previous one and ends by
    `width`. A label running past the right edge takes the first shorter form that fits
    (`forms[1:]`) or is blank; one that meets the previous label makes the form fail (None),
    or with `drop` is blank. With `follow`, a label on the same day as the previous label
    takes that form ("10:00" after "5 Jul 2024 09:00")."""
    out: list[str] = []
    last_end = -math.inf
    last_day = None
    for x, t in zip(xs, times, strict=True):
        d = _datetime(t)
        fs = (follow,) if follow is not None and last_day == d.date() else forms
        label = fs[0](d)
        w = text_width(label)
        left = x + LABEL_PAD
        if left + w > width:  # at the right edge: a shorter form, or nothing
            label = next((s for s in (g(d) for g in fs[1:]) if left + text_width(s) <= width), "")
            if label and left >= last_end + gap:
                out.append(label)
                last_end, last_day = left + text_width(label), d.date()
            else:
                out.append("")
        elif left >= last_end + gap:
            out.append(label)
            last_end, last_day = left + w, d.date()
        elif drop:
            out.append("")
        else:
            return None
    return out


def _row(
    scale: TimeScale,
    unit: _Unit,
    times: list[float],
    text_width: TextWidth,
    gap: float,
    forms: range,
) -> tuple[int, list[float], list[str]] | None:
    """(form index, x positions, labels) in the first of `forms` whose labels all keep clear
    of each other, or None."""
    xs = [scale.x(t) for t in times]
    for i in forms:
        formats = unit.formats[i : forms.stop]
        labels = _labels(xs, times, formats, text_width, gap, scale.width, False, unit.follow)
        if labels is not None:
            return i, xs, labels
    return None


def _lower(
    scale: TimeScale, t0: float, t1: float, text_width: TextWidth, gap: float
) -> tuple[_Unit, list[Tick]]:
    """The finest unit whose labels fit side by side in a full form ("Sep", "Mon 1") at least
    three times, else the finest that fits in any form (terse ones too: "S", "1")."""
    spp = scale.seconds_per_pixel
    for terse in (False, True):
        for unit in _LOWER:
            if unit.min_len / spp < gap + 2.0:
                continue
            forms = range(len(unit.formats) if terse else min(unit.terse, len(unit.formats)))
            short = unit.formats[forms[-1]](_datetime(t0))
            if unit.period / spp < text_width(short) + gap:
                continue  # even a typical label is wider than a typical step
            times = _boundaries(unit, t0, t1)
            row = _row(scale, unit, times, text_width, gap, forms)
            if row is not None and sum(map(bool, row[2])) >= (1 if terse else 3):
                return unit, _ticks(times, row[1], row[2], 1, unit)
    for unit in reversed(_LOWER):  # nothing fits: the coarsest unit with two ticks in view
        times = _boundaries(unit, t0, t1)
        if len(times) >= 2:
            break
    xs = [scale.x(t) for t in times]
    labels = _labels(xs, times, unit.formats[-1:], text_width, gap, scale.width, True) or []
    return unit, _ticks(times, xs, labels, 1, unit)


def _ticks(
    times: Sequence[float], xs: Sequence[float], labels: Sequence[str], level: int, unit: _Unit
) -> list[Tick]:
    return [
        Tick(t, x, s, level, period=unit.period) for t, x, s in zip(times, xs, labels, strict=True)
    ]


def _upper(
    scale: TimeScale, unit: _Unit, t0: float, t1: float, text_width: TextWidth, gap: float
) -> list[Tick]:
    """The upper row in `unit`, with the sticky label of the period running at the left edge
    (in the row's form or a shorter one that keeps clear of the next label)."""
    times = _boundaries(unit, t0, t1)
    first = _floor(unit, t0)  # start of the period at the left edge
    if first >= scale.start and (not times or times[0] != first):
        times.insert(0, first)  # year 1 starts a decade, century and millennium
    row = _row(scale, unit, times, text_width, gap, range(len(unit.formats)))
    if row is None:
        form = len(unit.formats) - 1
        xs = [scale.x(t) for t in times]
        formats = unit.formats[form:]
        labels = _labels(xs, times, formats, text_width, gap, scale.width, True, unit.follow) or []
    else:
        form, xs, labels = row
    ticks = _ticks(times, xs, labels, 0, unit)
    if first < scale.start:
        limit = next((t.x + LABEL_PAD - gap for t in ticks if t.label), scale.width)
        d = _datetime(first)
        for fmt in unit.formats[form:]:
            label = fmt(d)
            if LABEL_PAD + text_width(label) <= limit:
                ticks.insert(0, Tick(first, 0.0, label, 0, True, unit.period))
                break
    return ticks


def axis_ticks(
    scale: TimeScale,
    text_width: TextWidth = default_width,
    min_gap: float = 8.0,
    upper_width: TextWidth | None = None,
) -> tuple[list[Tick], list[Tick]]:
    """(major, minor) ticks for `scale`: the upper and the lower row.

    `text_width` measures a lower-row label, `upper_width` an upper-row one (the same by
    default). In each row labels keep `min_gap` apart and lie within [0, width]; ticks lie
    within [0, width] except a sticky one, at x=0 with a time before the view.
    """
    if scale.start < MIN_T - DAY or scale.end > MAX_T + DAY or scale.span > DEEP_SPAN:
        up, low = deep_rows(scale, text_width, upper_width or text_width, min_gap, LABEL_PAD)
        return (
            [Tick(t, x, s, 0, sticky, period) for t, x, s, period, sticky in up],
            [Tick(t, x, s, 1, sticky, period) for t, x, s, period, sticky in low],
        )
    t0, t1 = max(scale.start, MIN_T), min(scale.end, MAX_T)
    if t0 > t1:
        return [], []
    unit, minor = _lower(scale, t0, t1, text_width, min_gap)
    upper = _UPPER[unit.upper]
    major = _upper(scale, upper, t0, t1, upper_width or text_width, min_gap)
    return major, minor

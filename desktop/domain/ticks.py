"""Two-row axis ticks for any `TimeScale`, on calendar boundaries (UTC).

The lower row (minor, level 1) uses the finest unit whose labels fit side by side; the upper
row (major, level 0) uses the next natural unit (day, month, year, decade, century,
millennium). A label is drawn left-aligned at `tick.x + LABEL_PAD`; the painter draws a tick
line at `tick.x` unless the tick is `sticky` (the pinned label of the period already running
at the left edge).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.time_scale import MAX_T, MIN_T, TimeScale

DAY = 86400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_EPOCH = datetime(1970, 1, 1)
#: 1970-01-05, the first Monday after the epoch: weeks are aligned to it.
_MONDAY_OFFSET = 4 * DAY
#: Gap between a tick line and the start of its label, in pixels.
LABEL_PAD = 3.0

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

Format = Callable[[datetime], str]


@dataclass(frozen=True)
class Tick:
    """One axis tick: time, pixel position, label ('' when dropped) and row."""

    t: float
    x: float
    label: str
    level: int  # 0 = major (upper row, e.g. "2024"), 1 = minor (lower row, e.g. "Jul")
    sticky: bool = False  # pinned label of the period running at the left edge; no tick line


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
    major: str = ""  # key into _MAJOR


def _hms(d: datetime) -> str:
    return f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}"


def _hm(d: datetime) -> str:
    return f"{d.hour:02d}:{d.minute:02d}"


def _weekday_day(d: datetime) -> str:
    return f"{_WEEKDAYS[d.weekday()]} {d.day}"


def _day(d: datetime) -> str:
    return str(d.day)


def _day_month(d: datetime) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def _month(d: datetime) -> str:
    return _MONTHS[d.month - 1]


def _quarter(d: datetime) -> str:
    return f"Q{(d.month - 1) // 3 + 1}"


def _half(d: datetime) -> str:
    return f"H{(d.month - 1) // 6 + 1}"


def _year(d: datetime) -> str:
    return str(d.year)


def _full_date(d: datetime) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _month_year(d: datetime) -> str:
    return f"{_MONTHS[d.month - 1]} {d.year}"


def _decade(d: datetime) -> str:
    return f"{d.year - d.year % 10}s"


def _century(d: datetime) -> str:
    return f"{d.year - d.year % 100}s"


def _millennium(d: datetime) -> str:
    first = d.year - d.year % 1000
    return f"{first}–{first + 999}"


def _fixed(field: str, step: int, seconds: int, fmts: tuple[Format, ...], major: str) -> _Unit:
    return _Unit(field, step, float(step * seconds), fmts, major)


_MINOR: tuple[_Unit, ...] = (
    *(_fixed("second", s, 1, (_hms,), "day") for s in (1, 2, 5, 10, 15, 30)),
    *(_fixed("minute", m, 60, (_hm,), "day") for m in (1, 2, 5, 10, 15, 30)),
    *(_fixed("hour", h, 3600, (_hm,), "day") for h in (1, 2, 3, 6, 12)),
    _Unit("day", 1, DAY, (_weekday_day, _day), "month"),
    _Unit("day", 2, 2 * DAY, (_weekday_day, _day), "month"),
    _Unit("week", 1, 7 * DAY, (_day_month, _day), "month"),
    _Unit("month", 1, 28 * DAY, (_month,), "year"),
    _Unit("month", 3, 89 * DAY, (_quarter,), "year"),
    _Unit("month", 6, 181 * DAY, (_half,), "year"),
    *(_Unit("year", n, n * 365 * DAY, (_year,), "decade") for n in (1, 2, 5)),
    *(_Unit("year", n, n * 365 * DAY, (_year,), "century") for n in (10, 20, 50)),
    *(_Unit("year", n, n * 365 * DAY, (_year,), "millennium") for n in (100, 200, 500, 1000)),
)

_MAJOR: dict[str, _Unit] = {
    "day": _Unit("day", 1, DAY, (_full_date,)),
    "month": _Unit("month", 1, 28 * DAY, (_month_year,)),
    "year": _Unit("year", 1, 365 * DAY, (_year,)),
    "decade": _Unit("year", 10, 3650 * DAY, (_decade,)),
    "century": _Unit("year", 100, 36500 * DAY, (_century,)),
    "millennium": _Unit("year", 1000, 365000 * DAY, (_millennium,)),
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


def _fits(xs: Sequence[float], widths: Sequence[float], min_gap: float) -> bool:
    return all(xs[i + 1] - xs[i] >= widths[i] + min_gap for i in range(len(xs) - 1))


def _drop_overlapping(ticks: list[Tick], text_width: Callable[[str], float], gap: float) -> None:
    """Blank (left to right) every label that would overlap the previous kept one."""
    last_end = -math.inf
    for i, tick in enumerate(ticks):
        if not tick.label:
            continue
        left = tick.x + LABEL_PAD
        if left >= last_end + gap:
            last_end = left + text_width(tick.label)
        else:
            ticks[i] = Tick(tick.t, tick.x, "", tick.level, tick.sticky)


def _choose_minor(
    scale: TimeScale, t0: float, t1: float, text_width: Callable[[str], float], min_gap: float
) -> tuple[_Unit, list[float], list[str]]:
    """The finest unit (and longest format) whose labels fit side by side."""
    spp = scale.seconds_per_pixel
    for unit in _MINOR:
        step_px = unit.min_len / spp
        if step_px < max(min_gap, 2.0):
            continue
        sample = _datetime(_floor(unit, t0))
        times: list[float] | None = None
        for fmt in unit.formats:
            if step_px < text_width(fmt(sample)) + min_gap:
                continue
            if times is None:
                times = _boundaries(unit, t0, t1)
            labels, widths = [], []
            for t in times:  # stop at the first label too wide for the step
                label = fmt(_datetime(t))
                w = text_width(label)
                if step_px < w + min_gap:
                    break
                labels.append(label)
                widths.append(w)
            else:
                if _fits([scale.x(t) for t in times], widths, min_gap):
                    return unit, times, labels
    unit = _MINOR[-1]
    times = _boundaries(unit, t0, t1)
    return unit, times, [unit.formats[-1](_datetime(t)) for t in times]


def axis_ticks(
    scale: TimeScale,
    text_width: Callable[[str], float] = default_width,
    min_gap: float = 8.0,
) -> tuple[list[Tick], list[Tick]]:
    """(major, minor) ticks for `scale`; labels within a row never overlap.

    Minor ticks and non-sticky major ticks lie within [0, width]. When the major period
    running at the left edge started before it, its label is pinned at x=0 (or pushed
    left by the next major label) as a `sticky` tick.
    """
    t0, t1 = max(scale.start, MIN_T), min(scale.end, MAX_T)
    if t0 > t1:
        return [], []
    unit, times, labels = _choose_minor(scale, t0, t1, text_width, min_gap)
    minor = [Tick(t, scale.x(t), s, 1) for t, s in zip(times, labels, strict=True)]
    _drop_overlapping(minor, text_width, min_gap)

    major_unit = _MAJOR[unit.major]
    fmt = major_unit.formats[0]
    major = [Tick(t, scale.x(t), fmt(_datetime(t)), 0) for t in _boundaries(major_unit, t0, t1)]
    first = _floor(major_unit, t0)
    if first < scale.start and (not major or major[0].x > 0):
        label = fmt(_datetime(first))
        w = text_width(label)
        sx = min(0.0, major[0].x - w - min_gap) if major else 0.0
        if sx + LABEL_PAD + w > 0:
            major.insert(0, Tick(first, sx, label, 0, sticky=True))
    _drop_overlapping(major, text_width, min_gap)
    return major, minor

"""Axis ticks in whole years, for views beyond the calendar's years 1..9999 or wider than a few
thousand years: steps of 1, 2 and 5 times a power of ten years, from one year to 50 billion.

Ticks fall on round *labelled* years: 3000 BCE, 2900 BCE ... 100 BCE, 100, 200 ... (there is no
year 0 between 1 BCE and 1), and from 100,000 years ago on, round numbers of years ago
("65 million years ago", or compactly "65 Ma"). "N years ago" is N BCE (see
:mod:`desktop.domain.deep_time`). The upper row is the next power of ten. Pure: the caller
(:func:`desktop.domain.ticks.axis_ticks`) turns the rows into `Tick` values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from desktop.domain.deep_time import AGO_FROM, SCALES, compact_year, year_of, year_start
from desktop.domain.time_scale import MAX_T, MIN_T, TimeScale

TextWidth = Callable[[str], float]
#: One row: (time, x, label, period in seconds, sticky).
Row = list[tuple[float, float, str, float, bool]]

_YEAR = 365.2425 * 86400
#: Steps in years: 1, 2, 5, 10, 20, 50 ... 5e10.
STEPS = tuple(n * 10**k for k in range(11) for n in (1, 2, 5))


def _number(year: int) -> int:
    """The year as labelled: 2024 is 2024, 1 BCE (year 0) is -1, 3500 BCE is -3500."""
    return year if year >= 1 else year - 1


def _year(number: int) -> int:
    return number if number > 0 else number + 1


def long_label(year: int) -> str:
    """ "2024", "500", "3000 BCE", "65 million years ago", "5 billion CE"."""
    n = _number(year)
    if 0 < n <= 9999:
        return str(n)
    if n > 0:
        return f"{n} CE" if n < 10**6 else f"{_words(n)} CE"
    return f"{-n} BCE" if -n < AGO_FROM else f"{_words(-n)} years ago"


def short_label(year: int) -> str:
    """ "2024", "3000 BCE", "65 Ma", "13.8 Ga", "+5 Gyr" (:func:`compact_year`)."""
    return compact_year(year)


def _words(n: int) -> str:
    for size, word in SCALES:
        if n >= size:
            return f"{n / size:.12g} {word}"
    return str(n)


def _times(step: int, t0: float, t1: float) -> list[tuple[float, int]]:
    """(time, year) of every labelled year that is a multiple of `step` in [t0, t1]."""
    n0, n1 = _number(year_of(t0)), _number(year_of(t1))
    out = []
    for k in range(math.floor(n0 / step), math.floor(n1 / step) + 1):
        if k == 0:
            continue
        year = _year(k * step)
        t = float(year_start(year))
        if t0 <= t <= t1:
            out.append((t, year))
    return out


def _layout(
    xs: Sequence[float],
    years: Sequence[int],
    forms: Sequence[Callable[[int], str]],
    text_width: TextWidth,
    gap: float,
    width: float,
    pad: float,
    drop: bool,
) -> list[str] | None:
    """Labels in `forms[0]` keeping `gap` apart and inside `width` (a shorter form at the right
    edge, else blank); None when two meet (or, with `drop`, the later one is blank)."""
    out: list[str] = []
    last_end = -math.inf
    for x, year in zip(xs, years, strict=True):
        label = forms[0](year)
        left = x + pad
        if left + text_width(label) > width:  # at the right edge: a shorter form, or nothing
            fits = (s for s in (f(year) for f in forms[1:]) if left + text_width(s) <= width)
            label = next(fits, "")
            if label and left >= last_end + gap:
                out.append(label)
                last_end = left + text_width(label)
            else:
                out.append("")
        elif left >= last_end + gap:
            out.append(label)
            last_end = left + text_width(label)
        elif drop:
            out.append("")
        else:
            return None
    return out


FORMS = (long_label, short_label)


def _row(times: list[tuple[float, int]], xs: list[float], labels: list[str], period: float) -> Row:
    return [(t, x, s, period, False) for (t, _), x, s in zip(times, xs, labels, strict=True)]


def deep_rows(
    scale: TimeScale, text_width: TextWidth, upper_width: TextWidth, gap: float, pad: float
) -> tuple[Row, Row]:
    """(upper, lower) rows of year ticks for `scale`."""
    t0, t1 = max(scale.start, MIN_T), min(scale.end, MAX_T)
    spp = scale.seconds_per_pixel
    lower: Row = []
    chosen = STEPS[-1]
    # full labels, at least three (as the calendar's units); then short (or full) ones, at least
    # one; then thinned short ones (a long label near the right edge blanks every one after it)
    passes = ((FORMS, False, 3), (FORMS, False, 1), (FORMS[1:], True, 1))
    for n_pass, (forms, drop, least) in enumerate(passes):
        for step in STEPS:
            px = step * 365 * 86400 / spp
            if px < gap + 2.0:
                continue
            times = _times(step, t0, t1)
            if drop and times and px < text_width(forms[0](times[0][1])) / 2:
                continue  # thinned, but not to one label in many ticks
            xs = [scale.x(t) for t, _ in times]
            years = [y for _, y in times]
            for i in (0,) if n_pass == 0 else reversed(range(len(forms))):  # short first
                labels = _layout(xs, years, forms[i:], text_width, gap, scale.width, pad, drop)
                if labels is not None and sum(map(bool, labels)) >= least:
                    lower = _row(times, xs, labels, step * _YEAR)
                    chosen = step
                    break
            if lower:
                break
        if lower:
            break
    upper_step = 10 ** (len(str(chosen)))  # the next power of ten above the lower step
    times = _times(upper_step, t0, t1)
    first_number = math.floor(_number(year_of(t0)) / upper_step) * upper_step or 1
    first = float(year_start(_year(first_number)))
    if first >= scale.start and (not times or times[0][0] != first) and first <= t1:
        times.insert(0, (first, _year(first_number)))
    xs = [scale.x(t) for t, _ in times]
    years = [y for _, y in times]
    labels = _layout(xs, years, FORMS, upper_width, gap, scale.width, pad, True) or [""] * len(xs)
    period = upper_step * _YEAR
    upper = _row(times, xs, labels, period)
    if first < scale.start:
        limit = next((x + pad - gap for _, x, s, _, _ in upper if s), scale.width)
        year = _year(first_number)
        for form in FORMS:
            label = form(year)
            if pad + upper_width(label) <= limit:
                upper.insert(0, (first, 0.0, label, period, True))
                break
    return upper, lower

"""The visible time range of the timeline canvas and its time <-> pixel mapping.

Pure (no Qt): the canvas keeps one `TimeScale` and replaces it on every zoom, pan or resize.
Time is float seconds since 1970-01-01 UTC (negative before 1970); x is float pixels with
0 at the left edge of the drawing area and `width` at its right edge.

The range reaches from about 20 billion years before to 20 billion years after the common era
(:mod:`desktop.domain.deep_time`: the age of the universe, -4.4e17 s, is well inside), and a
view spans anything from a minute to all of it. A float64 holds the time to 1 part in 2**52
(16 s at 1e17 s), so the narrowest view is also kept at least 2**-36 of the time's magnitude
(25 ms in 2024; about 70 days 13.8 billion years ago, where dates are years anyway): a
pixel is always many float steps wide, and ``x = (t - start) * pixels_per_second`` stays exact
to well under a pixel. Far-away times map to huge but finite x (about -1e19 for the Big Bang
in a one-minute view of 2024): callers clip before converting to integers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import overload

import numpy as np

from desktop.domain.deep_time import MAX_YEAR, MIN_YEAR, year_start

#: The start of the earliest year a date can name (about 20 billion years BCE).
MIN_T: float = float(year_start(MIN_YEAR))
#: The end of the latest year a date can name (about 20 billion years CE).
MAX_T: float = float(year_start(MAX_YEAR + 1))
#: The first and last instants a `datetime` can name (years 1..9999): calendar ticks end there.
DATETIME_MIN_T: float = float(year_start(1))
DATETIME_MAX_T: float = float(year_start(10000) - 1)

#: Narrowest view: one minute (wider far from 1970, see `resolution`).
MIN_SPAN: float = 60.0
#: Widest view: everything, from billions of years ago to billions of years ahead.
MAX_SPAN: float = MAX_T - MIN_T
#: The narrowest view around time t is at least |t| times this (float64 resolution).
RELATIVE_RESOLUTION = 2.0**-36


def resolution(t0: float, t1: float) -> float:
    """The narrowest span a view of [t0, t1] may have for its pixels to be exact."""
    return max(abs(t0), abs(t1)) * RELATIVE_RESOLUTION


@dataclass(frozen=True)
class TimeScale:
    """Maps the time range [start, end] onto the pixel range [0, width].

    Immutable: `zoomed`, `panned`, `clamped` ... return new scales.
    """

    start: float
    end: float
    width: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and math.isfinite(self.end)):
            raise ValueError(f"time range must be finite, got {self.start}..{self.end}")
        if not self.end > self.start:
            raise ValueError(f"end must be after start, got {self.start}..{self.end}")
        if not (math.isfinite(self.width) and self.width > 0):
            raise ValueError(f"width must be positive, got {self.width}")

    # -- mapping ---------------------------------------------------------------------------

    @property
    def span(self) -> float:
        """Visible duration in seconds."""
        return self.end - self.start

    @property
    def seconds_per_pixel(self) -> float:
        """Seconds covered by one pixel column."""
        return (self.end - self.start) / self.width

    @property
    def pixels_per_second(self) -> float:
        """Pixels per second (the inverse of `seconds_per_pixel`)."""
        return self.width / (self.end - self.start)

    @overload
    def x(self, t: float) -> float: ...
    @overload
    def x(self, t: np.ndarray) -> np.ndarray: ...

    def x(self, t: float | np.ndarray) -> float | np.ndarray:
        """Pixel position of time `t` (scalar or array)."""
        if isinstance(t, np.ndarray):
            return (t - self.start) * self.pixels_per_second
        return (float(t) - self.start) * self.pixels_per_second

    @overload
    def t(self, x: float) -> float: ...
    @overload
    def t(self, x: np.ndarray) -> np.ndarray: ...

    def t(self, x: float | np.ndarray) -> float | np.ndarray:
        """Time at pixel position `x` (scalar or array)."""
        if isinstance(x, np.ndarray):
            return self.start + x * self.seconds_per_pixel
        return self.start + float(x) * self.seconds_per_pixel

    def contains(self, t: float) -> bool:
        """True if `t` lies in the visible range (inclusive)."""
        return self.start <= t <= self.end

    # -- navigation ------------------------------------------------------------------------

    def zoomed(self, factor: float, anchor_x: float | None = None) -> TimeScale:
        """Zoom by `factor` (>1 zooms in) keeping the time under `anchor_x` fixed.

        `anchor_x` defaults to the centre. The result is not clamped; see `clamped`.
        """
        if not (math.isfinite(factor) and factor > 0):
            raise ValueError(f"zoom factor must be positive, got {factor}")
        ax = self.width / 2 if anchor_x is None else float(anchor_x)
        anchor_t = self.t(ax)
        new_span = self.span / factor
        start = anchor_t - ax * new_span / self.width
        return TimeScale(start, start + new_span, self.width)

    def panned(self, dx_px: float) -> TimeScale:
        """Move the content `dx_px` px to the right (dragging right shows earlier times)."""
        dt = dx_px * self.seconds_per_pixel
        return TimeScale(self.start - dt, self.end - dt, self.width)

    def centered_on(self, t: float) -> TimeScale:
        """Same span and width, centred on `t`."""
        half = self.span / 2
        return TimeScale(t - half, t + half, self.width)

    def with_width(self, width: float, keep_scale: bool = False) -> TimeScale:
        """The scale for a resized canvas.

        By default the visible time range is kept (stretched); with `keep_scale` the
        seconds per pixel and the start are kept, so more or less time becomes visible.
        """
        if keep_scale:
            return TimeScale(self.start, self.start + width * self.seconds_per_pixel, width)
        return TimeScale(self.start, self.end, width)

    def clamped(
        self,
        min_span: float = MIN_SPAN,
        max_span: float = MAX_SPAN,
        lo: float = MIN_T,
        hi: float = MAX_T,
        anchor_x: float | None = None,
    ) -> TimeScale:
        """Keep the span within [min_span, max_span] and the range within [lo, hi].

        A span change keeps the time under `anchor_x` (default: the centre) fixed; then the
        range is shifted inside [lo, hi] (or set to it when [lo, hi] is narrower).
        """
        min_span = max(min_span, resolution(self.start, self.end))  # float64 steps (see above)
        span = min(max(self.span, min_span), max_span, hi - lo)
        start = self.start
        if span != self.span:
            ax = self.width / 2 if anchor_x is None else float(anchor_x)
            start = self.t(ax) - ax * span / self.width
        start = min(max(start, lo), hi - span)
        end = start + span
        if start == self.start and end == self.end:
            return self
        return TimeScale(start, end, self.width)

    @classmethod
    def fit(
        cls,
        t0: float,
        t1: float,
        width: float,
        margin: float = 0.05,
        min_span: float = MIN_SPAN,
        max_span: float = MAX_SPAN,
    ) -> TimeScale:
        """A clamped scale showing [t0, t1] with `margin` (a fraction of the span) each side."""
        lo, hi = min(t0, t1), max(t0, t1)
        span = max(hi - lo, min_span / (1 + 2 * margin))
        pad = span * margin
        scale = cls(lo - pad, hi + pad, width)
        return scale.clamped(min_span=min_span, max_span=max_span)

    def interpolate(self, other: TimeScale, f: float) -> TimeScale:
        """The scale a fraction `f` (0..1) of the way to `other`, for animated zoom.

        The span moves geometrically (linear in log-span), and the start moves in step
        with the span, so a pure zoom keeps its fixed point still on screen.
        """
        if f <= 0:
            return self
        if f >= 1:
            return other
        s0, s1 = self.span, other.span
        span = math.exp(math.log(s0) + (math.log(s1) - math.log(s0)) * f)
        g = (span - s0) / (s1 - s0) if abs(s1 - s0) > 1e-9 * max(s0, s1) else f
        start = self.start + (other.start - self.start) * g
        width = self.width + (other.width - self.width) * f
        return TimeScale(start, start + span, width)


#: However little the data spans, one may zoom out to see this much around it.
CONTEXT_SPAN: float = 200 * 365.2425 * 86400.0


@dataclass(frozen=True)
class ViewLimits:
    """How far out and how far aside a view of some data may go: zooming out stops at
    ``max_span`` (four times what the data spans, at least two centuries) and panning stops
    that far beyond the data on either side, so a 2017–2024 dossier does not zoom out to the
    age of the universe, while a timeline of the universe still can."""

    max_span: float = MAX_SPAN
    lo: float = MIN_T
    hi: float = MAX_T

    @classmethod
    def around(cls, extent: tuple[float, float] | None, now: float) -> ViewLimits:
        """The limits for data spanning ``extent`` (None: no data; around ``now``)."""
        t0, t1 = extent if extent is not None else (now, now)
        max_span = min(MAX_SPAN, max(4 * (t1 - t0), CONTEXT_SPAN))
        return cls(max_span, max(MIN_T, t0 - max_span), min(MAX_T, t1 + max_span))

    def apply(self, scale: TimeScale, anchor_x: float | None = None) -> TimeScale:
        """``scale`` within these limits (and the time scale's own)."""
        return scale.clamped(max_span=self.max_span, lo=self.lo, hi=self.hi, anchor_x=anchor_x)

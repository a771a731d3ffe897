"""The overview band under the lanes, in pure terms: its year labels (from the axis ticks), the
window box (never narrower than MIN_BOX pixels, centred on the real window) and the density
histogram (events per bin of a few pixel columns, bar heights from a common baseline)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from desktop.domain.ticks import Tick, axis_ticks
from desktop.domain.time_scale import TimeScale

#: Narrowest window box, in pixels: zoomed to an hour over years it stays visible and grabbable.
MIN_BOX = 12.0
#: Distance from a box edge within which a press grabs that edge (only on wide enough boxes).
EDGE_GRAB = 5.0
_YEAR = 365.2425 * 86400


def overview_ticks(
    scale: TimeScale, text_width: Callable[[str], float], min_gap: float = 10.0
) -> list[Tick]:
    """One row of labelled ticks along the band: the axis's year row (the lower row when it
    shows years, "2017 2018", else the upper one: years above months, decades above years);
    over less than a year the upper row's months or days."""
    major, minor = axis_ticks(scale, text_width, min_gap)
    if minor and minor[0].period >= 0.99 * _YEAR and any(t.label for t in minor):
        return minor
    return major


def window_box(
    x0: float, x1: float, lo: float, hi: float, min_w: float = MIN_BOX
) -> tuple[float, float]:
    """The box [a, b] drawn for the view [x0, x1] on a band spanning [lo, hi]: the view clipped
    to the band, widened to `min_w` about the view's centre when narrower, and kept on the band
    (when the band is that wide)."""
    a, b = max(x0, lo), min(x1, hi)
    if b - a >= min_w:
        return a, b
    c = min(max((x0 + x1) / 2, lo), hi)
    a, b = c - min_w / 2, c + min_w / 2
    if hi - lo >= min_w:
        shift = max(lo - a, 0.0) - max(b - hi, 0.0)
        a, b = a + shift, b + shift
    return a, b


def window_hit(x: float, a: float, b: float, edge: float = EDGE_GRAB) -> str:
    """'left' / 'right' (an edge of a box wider than three grab widths), 'move' (inside the
    box) or 'outside'."""
    if b - a > 3 * edge:
        if abs(x - a) <= edge:
            return "left"
        if abs(x - b) <= edge:
            return "right"
    return "move" if a <= x <= b else "outside"


def histogram(counts: np.ndarray, bin_px: int) -> np.ndarray:
    """Sums of `counts` (one per pixel column) over bins of `bin_px` columns; the last bin may
    be partial."""
    counts = np.asarray(counts, np.int64)
    n = math.ceil(len(counts) / bin_px) if len(counts) else 0
    padded = np.zeros(n * bin_px, np.int64)
    padded[: len(counts)] = counts
    sums: np.ndarray = padded.reshape(n, bin_px).sum(axis=1)
    return sums


def bar_heights(sums: np.ndarray, height: float, min_px: float = 2.0) -> np.ndarray:
    """Bar heights in pixels, proportional to `sums` (the largest is `height`); a bin with any
    event is at least `min_px` high so that a lone event shows."""
    sums = np.asarray(sums, np.float64)
    top = sums.max(initial=0.0)
    if top <= 0:
        return np.zeros(len(sums))
    out = sums / top * height
    return np.where(sums > 0, np.maximum(out, min(min_px, height)), 0.0)

"""Greedy placement of event labels into a few sub-rows without overlap.

The canvas offers one candidate per labelable event (anchored at its x); labels are placed
in priority order, each into the first sub-row where its box keeps `gap` pixels from every
box already there. Per row the placed boxes are kept as sorted, disjoint interval lists, so
each test is one `bisect`: O(n log n) overall for a few thousand candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from typing import NamedTuple

#: Minimum horizontal distance between two labels in the same row, in pixels.
LABEL_GAP = 4.0


class LabelCandidate(NamedTuple):
    """A label that would like to start at `x` (px) and is `width` px wide."""

    id: Hashable
    x: float
    width: float
    priority: float = 0.0  # higher is placed first


class PlacedLabel(NamedTuple):
    """A placed label: its box is [x, x + width] in sub-row `row` (top at `y`)."""

    id: Hashable
    x: float
    y: float
    width: float
    row: int


class _Row:
    """Disjoint boxes of one sub-row, sorted by start (hence also by end)."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def is_free(self, x0: float, x1: float, gap: float) -> bool:
        """True if [x0, x1] keeps `gap` from every box in the row."""
        i = bisect_left(self.starts, x1 + gap)  # boxes before i start too close to the left
        return i == 0 or self.ends[i - 1] + gap <= x0

    def add(self, x0: float, x1: float) -> None:
        i = bisect_left(self.starts, x0)
        self.starts.insert(i, x0)
        self.ends.insert(i, x1)


def fitted_x(x: float, label_width: float, width: float) -> float:
    """`x` shifted left so [x, x + label_width] ends inside `width`, but never left of 0."""
    return max(0.0, min(x, width - label_width))


def place_labels(
    candidates: Sequence[LabelCandidate],
    row_height: float,
    n_rows: int,
    width: float,
    gap: float = LABEL_GAP,
) -> list[PlacedLabel]:
    """Place `candidates` (highest priority first, then left to right) into `n_rows` rows.

    A label that would cross the right edge is shifted left to fit; labels wider than
    `width`, or without a free row, are skipped. Returns the placed labels in placement
    order; no two boxes in a row come closer than `gap`.
    """
    if n_rows <= 0 or width <= 0:
        return []
    rows = [_Row() for _ in range(n_rows)]
    placed: list[PlacedLabel] = []
    # stable: equal keys keep the candidates' order, as sorting their indices would
    for c in sorted(candidates, key=lambda c: (-c.priority, c.x)):
        cw = c.width
        if cw > width or cw < 0:
            continue
        x0 = max(0.0, min(c.x, width - cw))  # fitted_x
        x1 = x0 + cw
        for r, row in enumerate(rows):
            starts = row.starts
            i = bisect_left(starts, x1 + gap)  # row.is_free, inlined
            if i == 0 or row.ends[i - 1] + gap <= x0:
                j = bisect_left(starts, x0)  # row.add, inlined
                starts.insert(j, x0)
                row.ends.insert(j, x1)
                placed.append(PlacedLabel(c.id, x0, r * row_height, cw, r))
                break
    return placed

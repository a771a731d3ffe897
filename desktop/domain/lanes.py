"""Vertical lane layout of the timeline canvas, virtualized for very many lanes.

Lanes stack from `top` (viewport y where the lane area begins, e.g. below the axis) and scroll
by `scroll_y`. Lane i occupies content y [offsets[i], offsets[i + 1]); its viewport y is
`top + offsets[i] - scroll_y`. Cumulative heights live in one numpy array, so finding the
visible lanes or the lane under the mouse is a `searchsorted`, even for 100,000 lanes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np


@dataclass
class Lane:
    """One row of the timeline (e.g. one organization or person)."""

    key: str
    title: str
    count: int
    collapsed: bool = False


@dataclass(frozen=True)
class LaneRect:
    """A visible lane: index into the lane list, viewport y of its top, and height."""

    index: int
    y: float
    height: float


class LaneLayout:
    """Cumulative lane heights; cheap queries for the visible lanes and hit testing."""

    def __init__(
        self,
        collapsed: Sequence[bool] | np.ndarray,
        lane_height: float,
        collapsed_height: float,
        top: float = 0.0,
    ) -> None:
        flags = np.asarray(collapsed, dtype=bool)
        self.top = float(top)
        self.heights: np.ndarray = np.where(flags, float(collapsed_height), float(lane_height))
        self.offsets: np.ndarray = np.zeros(len(flags) + 1)
        np.cumsum(self.heights, out=self.offsets[1:])

    @classmethod
    def from_lanes(
        cls, lanes: Sequence[Lane], lane_height: float, collapsed_height: float, top: float = 0.0
    ) -> LaneLayout:
        """Layout of `lanes` in their current order."""
        flags = np.fromiter((lane.collapsed for lane in lanes), dtype=bool, count=len(lanes))
        return cls(flags, lane_height, collapsed_height, top)

    def __len__(self) -> int:
        return len(self.heights)

    def set_heights(
        self, lanes: Sequence[int] | np.ndarray, heights: Sequence[float] | np.ndarray
    ) -> None:
        """Give some lanes new heights (their content changed with the scale)."""
        if len(lanes):
            self.heights[np.asarray(lanes, np.intp)] = np.asarray(heights, np.float64)
            np.cumsum(self.heights, out=self.offsets[1:])

    @property
    def content_height(self) -> float:
        """Height of all lanes together (not counting `top`)."""
        return float(self.offsets[-1])

    def max_scroll(self, viewport_height: float) -> float:
        """Largest useful `scroll_y` for a lane area `viewport_height` px tall."""
        return max(0.0, self.content_height - viewport_height)

    def visible(self, scroll_y: float, viewport_height: float) -> list[LaneRect]:
        """Lanes intersecting the viewport rows [top, top + viewport_height), top to bottom."""
        first, stop = self.visible_range(scroll_y, viewport_height)
        base = self.top - scroll_y
        return [
            LaneRect(i, base + float(self.offsets[i]), float(self.heights[i]))
            for i in range(first, stop)
            if self.heights[i] > 0
        ]

    def visible_range(self, scroll_y: float, viewport_height: float) -> tuple[int, int]:
        """Index range [first, stop) of the lanes intersecting the viewport."""
        first = int(np.searchsorted(self.offsets[1:], scroll_y, side="right"))
        stop = int(np.searchsorted(self.offsets[:-1], scroll_y + viewport_height, side="left"))
        return first, max(first, stop)

    def lane_at(self, y: float, scroll_y: float = 0.0) -> int | None:
        """Index of the lane under viewport y, or None above/below all lanes."""
        content_y = y - self.top + scroll_y
        if content_y < 0 or content_y >= self.offsets[-1]:
            return None
        # the last offset <= content_y: skips zero-height lanes, which share the next offset
        return int(np.searchsorted(self.offsets, content_y, side="right")) - 1

    def y_of(self, index: int, scroll_y: float = 0.0) -> float:
        """Viewport y of the top of lane `index`."""
        return self.top + float(self.offsets[index]) - scroll_y

    def scroll_to_show(self, index: int, scroll_y: float, viewport_height: float) -> float:
        """The smallest change of `scroll_y` that brings lane `index` fully into view."""
        lane_top, lane_bottom = float(self.offsets[index]), float(self.offsets[index + 1])
        if lane_top < scroll_y:
            return lane_top
        if lane_bottom > scroll_y + viewport_height:
            return min(lane_top, lane_bottom - viewport_height)
        return scroll_y


def layout_lanes(
    lanes: Sequence[Lane],
    lane_height: float,
    collapsed_height: float,
    top: float,
    scroll_y: float,
    viewport_height: float,
) -> list[LaneRect]:
    """The visible lanes' rectangles (one-shot; keep a `LaneLayout` to query repeatedly)."""
    layout = LaneLayout.from_lanes(lanes, lane_height, collapsed_height, top)
    return layout.visible(scroll_y, viewport_height)


def lane_at(
    lanes: Sequence[Lane],
    y: float,
    lane_height: float,
    collapsed_height: float,
    top: float = 0.0,
    scroll_y: float = 0.0,
) -> int | None:
    """Index of the lane under viewport y (one-shot form of `LaneLayout.lane_at`)."""
    return LaneLayout.from_lanes(lanes, lane_height, collapsed_height, top).lane_at(y, scroll_y)


def total_height(lanes: Sequence[Lane], lane_height: float, collapsed_height: float) -> float:
    """Height of all lanes stacked."""
    n_collapsed = sum(1 for lane in lanes if lane.collapsed)
    return (len(lanes) - n_collapsed) * lane_height + n_collapsed * collapsed_height


LaneOrder = Literal["name", "first", "count"]


def order_lanes(
    lanes: Sequence[Lane],
    by: LaneOrder,
    first_times: Mapping[str, float] | None = None,
) -> list[int]:
    """Display order as indices into `lanes` (position -> lane index).

    "name": by title, case-insensitively; "first": by `first_times[key]` (earliest first,
    lanes without a time last); "count": most events first. Ties break by title then key.
    """

    def name_key(i: int) -> tuple[str, str]:
        return (lanes[i].title.casefold(), lanes[i].key)

    indices = range(len(lanes))
    if by == "name":
        return sorted(indices, key=name_key)
    if by == "count":
        return sorted(indices, key=lambda i: (-lanes[i].count, *name_key(i)))
    if by == "first":
        times = first_times or {}

        def first_key(i: int) -> tuple[bool, float, str, str]:
            t = times.get(lanes[i].key)
            return (t is None, 0.0 if t is None else t, *name_key(i))

        return sorted(indices, key=first_key)
    raise ValueError(f"unknown lane order {by!r}")

"""Stacking one lane's events into sub-rows so that every mark and label can be read.

Each event in view asks for a box in some sub-row: its mark (a diamond at its start, or the
span of a range or of an uncertain date) and its label, set on the span when the span holds it,
else just right of the mark (or just left of it near the right edge). Events are placed as
vis-timeline's ``stack`` does: in order of the left edge of their box (events with a higher
priority, such as the selection, first), each on the lowest sub-row where its box keeps ``gap``
pixels from every box already there. For intervals placed left to right, first fit uses no
more rows than the deepest overlap, so the lane grows only as much as its busiest instant needs.

Up to ``max_rows`` sub-rows are used. An event whose labelled box fits in none of them tries its
mark alone (the label is then not drawn); an event that fits in none even so goes to the
*overflow* row below, where neighbouring ones are drawn as one count pill ("+N") that lists its
members on click. So events merge into a pill only when the pixels cannot hold them apart.

Pure: pixel widths of labels are given by the caller (measured with the UI's font).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

#: Horizontal room kept between two boxes in a row, in pixels.
GAP = 6.0
#: Half the width of a point mark (the diamond).
MARK_R = 7.0
#: From a mark's head to the start of its label.
LABEL_OFFSET = 10.0
#: Narrowest label worth drawing (shorter room: the mark alone).
MIN_LABEL = 48.0


class StackItem(NamedTuple):
    """One event in view: its mark spans [x0, x1] in pixels (x1 == x0 for a point; either
    may lie outside [0, width]); its label is ``label_w`` pixels wide (0: no label)."""

    id: Hashable
    x0: float
    x1: float
    label_w: float
    priority: float = 0.0


class Placed(NamedTuple):
    """An event drawn in sub-row ``row``: its mark over [mark_x0, mark_x1] (clipped to the
    view), its head (the diamond or the span's start) at ``head``, and, when ``label_x`` is not
    None, its label over [label_x, label_x + label_w]. [box_x0, box_x1] is the room it holds."""

    id: Hashable
    row: int
    head: float
    mark_x0: float
    mark_x1: float
    label_x: float | None
    label_w: float
    box_x0: float
    box_x1: float

    @property
    def labelled(self) -> bool:
        return self.label_x is not None


class Pill(NamedTuple):
    """Events the rows could not hold, drawn as one count pill over [x0, x1]."""

    x0: float
    x1: float
    ids: tuple[Hashable, ...]


@dataclass
class LaneStack:
    """One lane's events in view, stacked: ``rows`` sub-rows are used by ``placed``; ``pills``
    (if any) sit in one more row below them."""

    rows: int = 0
    placed: list[Placed] = field(default_factory=list)
    pills: list[Pill] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        """Sub-rows drawn, the overflow row included."""
        return self.rows + (1 if self.pills else 0)

    def overflow(self) -> int:
        """How many events are only counted in pills."""
        return sum(len(p.ids) for p in self.pills)


class _Row:
    """Disjoint boxes of one sub-row, sorted by start (hence also by end)."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def free(self, x0: float, x1: float, gap: float) -> bool:
        i = bisect_left(self.starts, x1 + gap)  # boxes before i start too close to the left
        return i == 0 or self.ends[i - 1] + gap <= x0

    def add(self, x0: float, x1: float) -> None:
        i = bisect_left(self.starts, x0)
        self.starts.insert(i, x0)
        self.ends.insert(i, x1)


class _Skyline:
    """A sub-row filled strictly left to right (boxes offered in order of their start): only
    its rightmost end matters, so a test is one comparison."""

    __slots__ = ("end",)

    def __init__(self) -> None:
        self.end = -float("inf")

    def free(self, x0: float, x1: float, gap: float) -> bool:
        return self.end + gap <= x0

    def add(self, x0: float, x1: float) -> None:
        self.end = x1


def _geometry(
    item: StackItem, width: float
) -> tuple[float, float, float, tuple[float, float, float, float] | None]:
    """(head, mark_x0, mark_x1, label) of one item; label is (label_x, label_w, box_x0,
    box_x1) for the labelled box, or None when no label fits beside the mark."""
    x0 = min(item.x0, item.x1)
    x1 = max(item.x0, item.x1)
    head = min(max(x0, 0.0), width)  # a span begun before the view: its head at the edge
    point = min(x1, width) - head < 2 * MARK_R  # too short to tell from a point: a diamond
    if point:
        mark_x0, mark_x1 = head - MARK_R, head + MARK_R
    else:
        mark_x0, mark_x1 = head, min(x1, width)
    lw = item.label_w
    if lw <= 0:
        return head, mark_x0, mark_x1, None
    box0 = min(mark_x0, head - MARK_R)
    inside = 0.0 if point else mark_x1 - head - LABEL_OFFSET  # room on a span, after its head
    if lw <= inside:  # on the span (a month's faded band holds its label)
        return head, mark_x0, mark_x1, (head + LABEL_OFFSET, lw, box0, mark_x1)
    after = head + LABEL_OFFSET if point else mark_x1 + LABEL_OFFSET / 2
    right = width - after
    left = head - LABEL_OFFSET
    if lw <= right:  # the usual place: right of the mark
        return head, mark_x0, mark_x1, (after, lw, box0, after + lw)
    if lw <= left:  # near the right edge: left of the head
        return head, mark_x0, mark_x1, (left - lw, lw, left - lw, mark_x1)
    # no room for all of it: cut to the widest room (the caller elides it), if worth it
    room = max(inside, right, left)
    if room < MIN_LABEL:
        return head, mark_x0, mark_x1, None
    if room == inside:
        return head, mark_x0, mark_x1, (head + LABEL_OFFSET, room, box0, mark_x1)
    if room == right:
        return head, mark_x0, mark_x1, (after, room, box0, after + room)
    return head, mark_x0, mark_x1, (0.0, room, 0.0, mark_x1)


def stack_lane(
    items: Sequence[StackItem],
    width: float,
    max_rows: int,
    gap: float = GAP,
    pill_width: float = 30.0,
) -> LaneStack:
    """Stack ``items`` (in any order) into at most ``max_rows`` sub-rows of a view ``width``
    pixels wide; see the module's docstring. ``pill_width`` is the narrowest pill drawn.

    Every item is placed exactly once: in a row (labelled or as a mark alone) or in a pill.
    No two boxes in a row come closer than ``gap``; labels lie within [0, width].
    """
    stack = LaneStack()
    if not items or width <= 0:
        return stack
    overflow: list[tuple[float, Hashable]] = []
    # left to right by the room each asks for (first fit then uses the fewest rows)
    shaped = [(item, *_geometry(item, width)) for item in items]
    shaped.sort(key=lambda s: (-s[0].priority, s[2] if s[4] is None else s[4][2]))
    # all offered in order of their start (no priorities): a row is just its right end (a
    # mark alone starts no earlier than its labelled box did); else rows keep every box
    ordered = len({item.priority for item in items}) == 1
    rows: list[_Row | _Skyline] = []
    new_row = _Skyline if ordered else _Row
    for item, head, mx0, mx1, label in shaped:
        placed = None
        if label is not None:
            lx, lw, bx0, bx1 = label
            placed = _first_fit(rows, bx0, bx1, gap, max_rows, new_row)
            if placed is not None:
                stack.placed.append(Placed(item.id, placed, head, mx0, mx1, lx, lw, bx0, bx1))
                continue
        placed = _first_fit(rows, mx0, mx1, gap, max_rows, new_row)
        if placed is not None:
            stack.placed.append(Placed(item.id, placed, head, mx0, mx1, None, 0.0, mx0, mx1))
        else:
            overflow.append((head, item.id))
    stack.rows = len(rows)
    stack.pills = _pills(overflow, width, gap, pill_width)
    return stack


def _first_fit(
    rows: list[_Row | _Skyline],
    x0: float,
    x1: float,
    gap: float,
    max_rows: int,
    new_row: type[_Row] | type[_Skyline] = _Row,
) -> int | None:
    """Put [x0, x1] into the lowest row with room (opening a row if fewer than ``max_rows``
    are open); its row number, or None."""
    for r, row in enumerate(rows):
        if row.free(x0, x1, gap):
            row.add(x0, x1)
            return r
    if len(rows) < max_rows:
        row = new_row()
        row.add(x0, x1)
        rows.append(row)
        return len(rows) - 1
    return None


def _pills(
    overflow: list[tuple[float, Hashable]], width: float, gap: float, pill_width: float
) -> list[Pill]:
    """Group overflowing heads, left to right, into pills that keep ``gap`` apart."""
    pills: list[Pill] = []
    if not overflow:
        return pills
    overflow.sort(key=lambda h: h[0])
    x0 = x1 = 0.0
    ids: list[Hashable] = []
    for head, eid in overflow:
        left = max(0.0, min(head - pill_width / 2, width - pill_width))
        if ids and left < x1 + gap:
            ids.append(eid)
            x1 = max(x1, min(width, head + pill_width / 2))
            continue
        if ids:
            pills.append(Pill(x0, x1, tuple(ids)))
        x0, x1, ids = left, left + pill_width, [eid]
    pills.append(Pill(x0, x1, tuple(ids)))
    return pills

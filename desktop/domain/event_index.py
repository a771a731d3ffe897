"""The compact columnar event index the timeline canvas draws from.

Columns are numpy arrays sorted by start time (`lo`); `order` maps each sorted position back
to the input row. Visible events are found with `searchsorted` on `lo`: events that started
before the window are found through a duration bound (the 99th percentile of durations)
plus a short list of the longer events, so one decades-long event cannot make every query
scan from the beginning. No query makes a Python call per event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from desktop.domain.event_density import DensityMixin
from desktop.domain.time_scale import TimeScale

FLAG_ANNOTATED = 1
FLAG_STARRED = 2
FLAG_DISPUTED = 4

_EMPTY = np.zeros(0, dtype=np.intp)
#: A cluster's representative: starred, then annotated, then disputed (score by flags byte).
_REP_SCORE = np.array(
    [(f & FLAG_STARRED > 0) * 4 + (f & FLAG_ANNOTATED > 0) * 2 + (f & FLAG_DISPUTED > 0)
     for f in range(256)],
    dtype=np.int64,
)  # fmt: skip


class EventRow(NamedTuple):
    """One event, as stored in the index."""

    id: int
    lo: float
    hi: float
    lane: int
    kind: int
    flags: int


@dataclass(frozen=True)
class VisibleSlice:
    """Sorted positions of the visible events: `head` (started before the window), then
    the contiguous range [start, stop) (started inside it)."""

    head: np.ndarray
    start: int
    stop: int

    def __len__(self) -> int:
        return len(self.head) + self.stop - self.start

    def positions(self) -> np.ndarray:
        """All visible positions, ascending (i.e. by start time)."""
        return np.concatenate((self.head, np.arange(self.start, self.stop, dtype=np.intp)))

    def take(self, column: np.ndarray) -> np.ndarray:
        """The visible part of a sorted column (e.g. `index.ids`), by start time."""
        if len(self.head) == 0:
            return column[self.start : self.stop]
        return np.concatenate((column[self.head], column[self.start : self.stop]))


@dataclass(frozen=True)
class Clusters:
    """Groups of one lane's visible events, left to right.

    Cluster i spans start x [x0[i], x1[i]] (event ends reach `x_end[i]`), holds `count[i]`
    events, shown by `representative[i]` (starred, annotated, disputed first, then earliest);
    its member ids are `member_ids[starts[i] : starts[i + 1]]`.
    """

    x0: np.ndarray
    x1: np.ndarray
    x_end: np.ndarray
    count: np.ndarray
    representative: np.ndarray
    rep_pos: np.ndarray  # sorted index position of each representative (to read its columns)
    member_ids: np.ndarray
    starts: np.ndarray

    def __len__(self) -> int:
        return len(self.count)

    def __iter__(self) -> Iterator[tuple[float, float, int, int]]:
        """(x0, x1, count, representative_id) per cluster."""
        cols = (self.x0, self.x1, self.count, self.representative)
        return zip(*(c.tolist() for c in cols), strict=True)


def _readonly(a: np.ndarray) -> np.ndarray:
    view = a.view()
    view.flags.writeable = False
    return view


def _owned(a: np.ndarray) -> np.ndarray:
    """``a`` itself when no one can write it (read-only all the way down), else a copy."""
    base: object = a
    while isinstance(base, np.ndarray):
        if base.flags.writeable:
            return a.copy()
        base = base.base
    return a


class EventIndex(DensityMixin):
    """Events as sorted columns: ids, lo, hi (half-open end), lane, kind, flags."""

    def __init__(
        self,
        ids: ArrayLike,
        lo: ArrayLike,
        hi: ArrayLike,
        lane: ArrayLike,
        kind: ArrayLike | None = None,
        flags: ArrayLike | None = None,
        *,
        short_fraction: float = 0.99,
    ) -> None:
        """Sort and keep the columns; `short_fraction` of the events (the shortest) are
        found through the duration bound, the rest through the list of long events."""
        lo_in = np.asarray(lo, dtype=np.float64)
        n = len(lo_in)
        cols: dict[str, np.ndarray] = {
            "lo": lo_in,
            "ids": np.asarray(ids, dtype=np.int64),
            "hi": np.asarray(hi, dtype=np.float64),
            "lane": np.asarray(lane, dtype=np.int32),
            "kind": np.zeros(n, np.int16) if kind is None else np.asarray(kind, dtype=np.int16),
            "flags": np.zeros(n, np.uint8) if flags is None else np.asarray(flags, dtype=np.uint8),
        }
        for name, col in cols.items():
            if col.shape != (n,):
                raise ValueError(f"{name} has shape {col.shape}, expected ({n},)")
        if n and not (np.isfinite(lo_in).all() and np.isfinite(cols["hi"]).all()):
            raise ValueError("lo and hi must be finite")
        if n and not ((cols["hi"] > lo_in).all() and cols["lane"].min() >= 0):
            raise ValueError("every event needs hi > lo and a lane number >= 0")

        # Input already in start order (the usual case) keeps its order and skips the sort;
        # then a read-only column (e.g. memory-mapped from the timeline's cache files) is
        # kept as it is, not copied: nobody can change it.
        presorted = n < 2 or bool((lo_in[1:] >= lo_in[:-1]).all())
        self.presorted = presorted
        self._order = None if presorted else np.argsort(lo_in, kind="stable")
        sort = {k: _owned(v) if self._order is None else v[self._order] for k, v in cols.items()}
        self.lo: np.ndarray = _readonly(sort["lo"])
        self.hi: np.ndarray = _readonly(sort["hi"])
        self.ids: np.ndarray = _readonly(sort["ids"])
        self.lane: np.ndarray = _readonly(sort["lane"])
        self.kind: np.ndarray = _readonly(sort["kind"])
        self._flags = sort["flags"] if sort["flags"] is not cols["flags"] else cols["flags"].copy()
        self.flags: np.ndarray = _readonly(self._flags)
        self.n_lanes = int(self.lane.max()) + 1 if n else 0

        # Durations up to `_max_short` are "short"; the few longer events are listed apart.
        # (any bound is correct; above 200,000 events it is taken from a sample of them)
        dur = self.hi - self.lo
        sample = dur[:: max(1, n // 200_000)]
        k = min(len(sample) - 1, int(len(sample) * short_fraction))
        self._max_short = float(np.partition(sample, k)[k]) if n else 0.0
        self._long_pos = np.flatnonzero(dur > self._max_short)
        del dur, sample
        self._long_lo, self._long_hi = self.lo[self._long_pos], self.hi[self._long_pos]
        self._long_lane = self.lane[self._long_pos]
        self._long_bounds: np.ndarray | None = None
        self._long_by_lane = (_EMPTY, _EMPTY, _EMPTY)
        self._id_sorter: np.ndarray | None = None
        self._extent: tuple[float, float] | None = None
        self._lane_perm: np.ndarray | None = None
        self._lane_bounds = _EMPTY
        self._lane_cols: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._repeat_pos: np.ndarray | None = None
        self._lane_kept = 0

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, float, float, int, int, int]]) -> EventIndex:
        """Build from (id, lo, hi, lane, kind, flags) tuples."""
        table = list(rows)
        if not table:
            return cls([], [], [], [])
        ids, lo, hi, lane, kind, flags = zip(*table, strict=True)
        return cls(ids, lo, hi, lane, kind, flags)

    def __len__(self) -> int:
        return len(self.lo)

    @property
    def order(self) -> np.ndarray:
        """Input row of each sorted position (an arange when the input was in start order)."""
        if self._order is None:
            return np.arange(len(self.lo), dtype=np.intp)
        return _readonly(self._order)

    def in_order(self, column: np.ndarray) -> np.ndarray:
        """A column given in input order, in the index's order (no copy when presorted)."""
        return column if self._order is None else column[self._order]

    # -- lookups ---------------------------------------------------------------------------

    def extent(self) -> tuple[float, float] | None:
        """(earliest lo, latest hi), or None when empty (the columns never change: kept)."""
        if self._extent is None and len(self):
            self._extent = (float(self.lo[0]), float(self.hi.max()))
        return self._extent

    def positions_of(self, ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """Positions of `ids` in the sorted columns; KeyError if any id is unknown."""
        if self._id_sorter is None:
            sorter = np.argsort(self.ids)
            if len(sorter) > 1 and (np.diff(self.ids[sorter]) == 0).any():
                raise ValueError("event ids are not unique")
            self._id_sorter = sorter
        query = np.asarray(ids if isinstance(ids, np.ndarray) else list(ids), dtype=np.int64)
        sorted_ids = self.ids[self._id_sorter]
        j = np.minimum(np.searchsorted(sorted_ids, query), max(len(sorted_ids) - 1, 0))
        found = sorted_ids[j] == query if len(sorted_ids) else np.zeros(len(query), bool)
        if not found.all():
            raise KeyError(int(query[~found][0]))
        return self._id_sorter[j]

    def get(self, event_id: int) -> EventRow:
        """The stored row of one event."""
        i = int(self.positions_of([event_id])[0])
        cols = (self.ids, self.lo, self.hi, self.lane, self.kind, self._flags)
        return EventRow(*(c[i].item() for c in cols))

    def set_flags(self, ids: Iterable[int] | np.ndarray, mask: int, on: bool = True) -> None:
        """Set (or clear) the `mask` bits of the given events' flags, in place."""
        pos = self.positions_of(ids)
        if on:
            self._flags[pos] |= np.uint8(mask)
        else:
            self._flags[pos] &= np.uint8(~mask & 0xFF)

    def assign_flags(self, flags: ArrayLike) -> None:
        """Replace every event's flags; ``flags`` is in the order the columns were given."""
        new = np.asarray(flags, dtype=np.uint8)
        if new.shape != self._flags.shape:
            raise ValueError(f"flags has shape {new.shape}, expected {self._flags.shape}")
        self._flags[:] = self.in_order(new)

    # -- visibility ------------------------------------------------------------------------

    def _window(
        self, lo: np.ndarray, hi: np.ndarray, t0: float, t1: float
    ) -> tuple[np.ndarray, int, int, float]:
        """(head, start, stop, thr) for columns sorted by `lo` and the window [t0, t1].

        [start, stop) started inside the window; `head` are earlier indices still running
        at t0, except long events starting before `thr` (those come from the long list).
        """
        stop = int(np.searchsorted(lo, t1, side="right"))
        start = min(int(np.searchsorted(lo, t0, side="left")), stop)
        # a short event starting before thr ends before t0 (with a margin for rounding)
        thr = t0 - self._max_short - 4 * float(np.spacing(abs(t0) + self._max_short))
        cand = min(int(np.searchsorted(lo, thr, side="left")), start)
        return cand + np.flatnonzero(hi[cand:start] > t0), start, stop, thr

    def visible_slice(self, t0: float, t1: float) -> VisibleSlice:
        """Events whose [lo, hi) meets the window [t0, t1]: lo <= t1 and hi > t0."""
        if not t1 >= t0 or not len(self):
            return VisibleSlice(_EMPTY, 0, 0)
        head, start, stop, thr = self._window(self.lo, self.hi, t0, t1)
        if len(self._long_pos):
            hit = (self._long_lo < thr) & (self._long_hi > t0)
            head = np.concatenate((self._long_pos[hit], head))
        return VisibleSlice(head.astype(np.intp, copy=False), start, stop)

    def _lane_segment(self, lane: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(positions, lo, hi) of one lane, by start time. The lanes' order is built on first
        use (32-bit positions where they fit); a lane's lo and hi are gathered when it is
        first asked for and kept while the lanes kept hold at most half the events."""
        if self._lane_perm is None:
            key = self.lane.astype(np.uint16) if self.n_lanes <= 1 << 16 else self.lane
            perm = np.argsort(key, kind="stable")  # radix sort for 16-bit keys
            small = len(perm) < 2**31
            counts = np.bincount(self.lane, minlength=self.n_lanes)
            self._lane_bounds = np.concatenate(([0], np.cumsum(counts)))
            self._lane_perm = perm.astype(np.int32) if small else perm
        if not 0 <= lane < self.n_lanes:
            return _EMPTY, self.lo[:0], self.hi[:0]
        kept = self._lane_cols.pop(lane, None)
        if kept is None:
            pos = self._lane_perm[int(self._lane_bounds[lane]) : int(self._lane_bounds[lane + 1])]
            kept = (pos, self.lo[pos], self.hi[pos])
            self._lane_kept += len(pos)
            while self._lane_kept > max(len(self) // 2, 1 << 20) and self._lane_cols:
                oldest = next(iter(self._lane_cols))  # least recently asked for
                self._lane_kept -= len(self._lane_cols.pop(oldest)[0])
        self._lane_cols[lane] = kept  # (re)inserted last: most recently asked for
        return kept

    def lane_segment(self, lane: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(positions, lo, hi) of every event of one lane, by start time."""
        return self._lane_segment(lane)

    def _lane_long(self, lane: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(positions, lo, hi) of one lane's long events, ascending; grouped on first use."""
        if self._long_bounds is None:
            perm = np.argsort(self._long_lane, kind="stable")
            self._long_by_lane = (self._long_pos[perm], self._long_lo[perm], self._long_hi[perm])
            self._long_bounds = np.searchsorted(
                self._long_lane[perm], np.arange(self.n_lanes + 1), side="left"
            )
        if not 0 <= lane < self.n_lanes:
            return _EMPTY, self.lo[:0], self.hi[:0]
        a, b = int(self._long_bounds[lane]), int(self._long_bounds[lane + 1])
        pos, lo, hi = self._long_by_lane
        return pos[a:b], lo[a:b], hi[a:b]

    def lane_visible(self, lane: int, t0: float, t1: float) -> np.ndarray:
        """Positions of one lane's events meeting [t0, t1], by start time."""
        pos, lo, hi = self._lane_segment(lane)
        if not t1 >= t0 or not len(pos):
            return _EMPTY
        head, start, stop, thr = self._window(lo, hi, t0, t1)
        parts = [pos[head], pos[start:stop]]
        if len(self._long_pos):
            lpos, llo, lhi = self._lane_long(lane)
            parts.insert(0, lpos[(llo < thr) & (lhi > t0)])
        return np.concatenate(parts).astype(np.intp, copy=False)

    def lane_count(self, lane: int, t0: float, t1: float) -> int:
        """How many of one lane's events meet [t0, t1]: ``len(lane_visible(...))`` without
        gathering them (a lane drawn as a histogram needs only the number)."""
        pos, lo, hi = self._lane_segment(lane)
        if not t1 >= t0 or not len(pos):
            return 0
        head, start, stop, thr = self._window(lo, hi, t0, t1)
        n = len(head) + stop - start
        if len(self._long_pos):
            _, llo, lhi = self._lane_long(lane)
            n += int(np.count_nonzero((llo < thr) & (lhi > t0)))
        return n

    # -- grouping, hit testing and navigation ----------------------------------------------

    def cluster(self, scale: TimeScale, lane: int, min_px: float = 12.0) -> Clusters:
        """One lane's visible events grouped where start x positions are < `min_px` apart."""
        pos = self.lane_visible(lane, scale.start, scale.end)
        k = len(pos)
        x = np.maximum(scale.x(self.lo[pos]), 0.0)  # ascending: pos is sorted by lo
        starts = np.concatenate(([0], np.flatnonzero(np.diff(x) >= min_px) + 1)) if k else _EMPTY
        bounds = np.append(starts, k).astype(np.intp)
        if not k:
            return Clusters(x, x, x, _EMPTY, _EMPTY, _EMPTY, self.ids[pos], bounds)
        x_end = np.maximum.reduceat(np.minimum(scale.x(self.hi[pos]), scale.width), starts)
        score = _REP_SCORE[self._flags[pos]]
        best = np.maximum.reduceat(score * (k + 1) + (k - np.arange(k)), starts)
        rep_pos = pos[k - best % (k + 1)]
        return Clusters(
            x[starts],
            x[bounds[1:] - 1],
            x_end,
            np.diff(bounds),
            self.ids[rep_pos],
            rep_pos,
            self.ids[pos],
            bounds,
        )

    def nearest(self, t: float, lane: int | None, max_dt: float) -> int | None:
        """Id of the event closest to time `t` (0 inside it) within `max_dt`, or None.

        Ties go to the shorter event. `lane=None` searches every lane.
        """
        # an event ending exactly at t - max_dt is at distance max_dt: include it although
        # the window query treats ends as open
        t0 = float(np.nextafter(t - max_dt, -np.inf))
        if lane is None:
            pos = self.visible_slice(t0, t + max_dt).positions()
        else:
            pos = self.lane_visible(lane, t0, t + max_dt)
        if not len(pos):
            return None
        lo, hi = self.lo[pos], self.hi[pos]
        dist = np.maximum(np.maximum(lo - t, t - hi), 0.0)
        best = np.lexsort((hi - lo, dist))[0]
        return int(self.ids[pos[best]]) if dist[best] <= max_dt else None

    def _step(self, t: float, lane: int | None, after: bool) -> int | None:
        pos: Sequence[int] | np.ndarray = range(len(self))
        lo = self.lo
        if lane is not None:
            pos, lo, _ = self._lane_segment(lane)
        i = int(np.searchsorted(lo, t, side="right")) if after else int(np.searchsorted(lo, t)) - 1
        return int(self.ids[pos[i]]) if 0 <= i < len(pos) else None

    def next_after(self, t: float, lane: int | None = None) -> int | None:
        """Id of the first event starting strictly after `t` (in `lane`), or None."""
        return self._step(t, lane, after=True)

    def prev_before(self, t: float, lane: int | None = None) -> int | None:
        """Id of the last event starting strictly before `t` (in `lane`), or None."""
        return self._step(t, lane, after=False)

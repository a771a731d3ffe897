"""Counting the events of an :class:`~desktop.domain.event_index.EventIndex` per pixel column:
the overview's histogram (``start_counts``), the dense lanes' bars (``density``) and the spans
(``coverage``). A mixin of the index, kept apart from its queries; every count is a
``searchsorted`` of pixel edges or a ``bincount``, never a Python call per event.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from desktop.domain.time_scale import TimeScale

if TYPE_CHECKING:
    from desktop.domain.event_index import VisibleSlice

LaneIds = np.ndarray | Sequence[int] | None


class DensityMixin:
    """The counting half of :class:`~desktop.domain.event_index.EventIndex` (its columns and
    window queries are declared here for the type checker)."""

    lo: np.ndarray
    hi: np.ndarray
    ids: np.ndarray
    lane: np.ndarray
    n_lanes: int
    _long_pos: np.ndarray
    _repeat_pos: np.ndarray | None

    if TYPE_CHECKING:  # provided by EventIndex

        def __len__(self) -> int: ...

        def visible_slice(self, t0: float, t1: float) -> VisibleSlice: ...

        def _window(
            self, lo: np.ndarray, hi: np.ndarray, t0: float, t1: float
        ) -> tuple[np.ndarray, int, int, float]: ...

        def _lane_segment(self, lane: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]: ...

        def _lane_long(self, lane: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]: ...

    def _repeats(self) -> np.ndarray:
        """Positions of the rows that repeat an earlier row's event (its other lanes)."""
        if self._repeat_pos is None:
            ids, lo = self.ids, self.lo
            same_lo = lo[1:] == lo[:-1]
            step = np.subtract(ids[1:], ids[:-1])
            # an event's rows share its start; when ids ascend among equal starts (as the
            # store gives them) its rows are neighbours, else sort to find them
            if not (same_lo & (step < 0)).any():
                self._repeat_pos = np.flatnonzero(same_lo & (step == 0)) + 1
            else:
                _, first = np.unique(ids, return_index=True)
                keep = np.zeros(len(ids), bool)
                keep[first] = True
                self._repeat_pos = np.flatnonzero(~keep)
            del same_lo, step
        return self._repeat_pos

    def start_counts(self, scale: TimeScale) -> np.ndarray:
        """Events (each once, whatever its lanes) per pixel column of their start, those
        before or after the window in the first or last column; shape (ceil(width),)."""
        w = max(1, math.ceil(scale.width))
        edges = scale.start + np.arange(1, w) * scale.seconds_per_pixel
        cuts = np.searchsorted(self.lo, edges, side="left")  # no pass over the events
        counts = np.diff(cuts, prepend=0, append=len(self.lo)).astype(np.int64)
        rep = self._repeats()
        if len(rep):
            counts -= np.bincount(np.searchsorted(edges, self.lo[rep], "right"), minlength=w)
        return counts

    def density(
        self, scale: TimeScale, lane_ids_visible: LaneIds = None, n_lanes: int | None = None
    ) -> np.ndarray:
        """Counts of visible events per (lane row, pixel column), by start pixel.

        Row j counts lane `lane_ids_visible[j]` (default: every lane, row = lane number;
        `n_lanes` may widen that default). Shape (rows, ceil(width)); events that started
        before the window count in column 0.
        """
        if lane_ids_visible is not None and len(lane_ids_visible):
            # many visible events in a few lanes (e.g. a million, zoomed out): per lane is
            # cheaper than a pass over every visible event (about 10 ns per event, 100 us
            # per lane)
            many = len(self.visible_slice(scale.start, scale.end)) > 10_000 * len(lane_ids_visible)
            ids = np.asarray(lane_ids_visible, np.intp)
            if many and ids.min() >= 0 and len(np.unique(ids)) == len(ids):
                return self._density_by_lane(scale, ids)
        return self._aggregate(scale, lane_ids_visible, n_lanes, spread=False)

    def _density_by_lane(
        self, scale: TimeScale, lane_ids: np.ndarray | Sequence[int]
    ) -> np.ndarray:
        """`density` for a few of many lanes: per lane, a searchsorted of the pixel edges in
        its own sorted starts (no pass over every visible event)."""
        w = max(1, math.ceil(scale.width))
        out = np.zeros((len(lane_ids), w), np.int64)
        t0, t1 = scale.start, scale.end
        if not t1 >= t0 or not len(self):
            return out
        edges = t0 + np.arange(1, w) * scale.seconds_per_pixel
        steps = np.zeros(w + 1, np.int64)
        for row, lane in enumerate(np.asarray(lane_ids, np.intp).tolist()):
            pos, lo, hi = self._lane_segment(lane)
            if not len(pos):
                continue
            head, start, stop, thr = self._window(lo, hi, t0, t1)
            steps[1:w] = np.searchsorted(lo[start:stop], edges, side="left")
            steps[w] = stop - start
            np.subtract(steps[1:], steps[:-1], out=out[row])  # events per pixel column
            early = len(head)
            if len(self._long_pos):
                _, llo, lhi = self._lane_long(lane)
                early += int(np.count_nonzero((llo < thr) & (lhi > t0)))
            out[row, 0] += early
        return out

    def coverage(
        self, scale: TimeScale, lane_ids_visible: LaneIds = None, n_lanes: int | None = None
    ) -> np.ndarray:
        """Like `density`, but each event counts in every pixel column its [lo, hi) touches."""
        return self._aggregate(scale, lane_ids_visible, n_lanes, spread=True)

    def _aggregate(
        self, scale: TimeScale, lane_ids: LaneIds, n_lanes: int | None, spread: bool
    ) -> np.ndarray:
        vs = self.visible_slice(scale.start, scale.end)
        w = max(1, math.ceil(scale.width))
        m = max(self.n_lanes, n_lanes or 0) if lane_ids is None else len(lane_ids)
        stride = w + 1 if spread else w  # spread: +1/-1 steps, then a running sum
        itype = np.int32 if (m + 1) * stride < 2**31 else np.intp
        lut = None
        if lane_ids is not None:  # lane number -> output row; row m collects the hidden lanes
            lane_ids = np.asarray(lane_ids, np.intp)
            lut = np.full(max(self.n_lanes, int(lane_ids.max(initial=-1)) + 1), m, itype)
            lut[lane_ids] = np.arange(len(lane_ids))
        spp = scale.seconds_per_pixel
        # Start columns: 0 for the head; for the range (sorted by lo) from the pixel edges.
        edges = scale.start + np.arange(1, w) * spp
        cuts = np.searchsorted(self.lo[vs.start : vs.stop], edges, side="left")
        counts = np.diff(cuts, prepend=0, append=vs.stop - vs.start)
        range_cols = np.repeat(np.arange(w, dtype=itype), counts)
        size = (m + 1) * stride
        out = np.zeros(size, dtype=np.int64)
        parts: tuple[tuple[np.ndarray | slice, np.ndarray], ...] = (
            (vs.head, np.zeros(len(vs.head), itype)),
            (slice(vs.start, vs.stop), range_cols),
        )
        for sel, c0 in parts:
            lanes = self.lane[sel]
            rows: np.ndarray = lanes.astype(itype, copy=False) if lut is None else lut[lanes]
            bins = [rows * itype(stride) + c0]
            if spread:
                c1 = np.clip(np.ceil((self.hi[sel] - scale.start) / spp), 0, w).astype(itype)
                bins.append(rows * itype(stride) + np.maximum(c1, c0 + 1))
            out += np.bincount(bins[0], minlength=size)
            if spread:
                out -= np.bincount(bins[1], minlength=size)
        grid = out.reshape(m + 1, stride)[:m]
        return np.cumsum(grid, axis=1)[:, :w] if spread else grid

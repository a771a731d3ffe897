"""Tests for :mod:`desktop.domain.event_index`."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.event_index import (
    FLAG_ANNOTATED,
    FLAG_DISPUTED,
    FLAG_STARRED,
    EventIndex,
    EventRow,
)
from desktop.domain.time_scale import TimeScale

YEAR = 365.25 * 86400


@st.composite
def event_sets(draw: st.DrawFn, max_size: int = 120) -> dict[str, np.ndarray]:
    """Events on a coarse grid (many ties) with short, medium and very long durations."""
    event = st.tuples(
        st.integers(-500, 500),  # start, in tens of seconds
        st.one_of(st.integers(1, 60), st.integers(200, 2000)),  # duration, likewise
        st.integers(0, 4),  # lane
        st.integers(0, 7),  # flags
    )
    rows = draw(st.lists(event, max_size=max_size))
    n = len(rows)
    cols = np.array(rows, dtype=np.int64).reshape(n, 4).T
    lo = cols[0].astype(np.float64) * 10.0
    return {
        "ids": np.arange(n, dtype=np.int64) * 7 + 3,
        "lo": lo,
        "hi": lo + cols[1] * 10.0,
        "lane": cols[2].astype(np.int32),
        "kind": np.zeros(n, dtype=np.int16),
        "flags": cols[3].astype(np.uint8),
    }


def build(ev: dict[str, np.ndarray], short_fraction: float = 0.99) -> EventIndex:
    return EventIndex(
        ev["ids"],
        ev["lo"],
        ev["hi"],
        ev["lane"],
        ev["kind"],
        ev["flags"],
        short_fraction=short_fraction,
    )


# how many events count as short: all but ~1% (the default), half, or none
fractions = st.sampled_from([0.99, 0.5, 0.0])


def brute(ev: dict[str, np.ndarray], t0: float, t1: float) -> np.ndarray:
    return (ev["lo"] <= t1) & (ev["hi"] > t0)


windows = st.tuples(st.integers(-30000, 30000), st.integers(0, 20000)).map(
    lambda p: (float(p[0]), float(p[0] + p[1]))
)


@settings(max_examples=300)
@given(event_sets(), windows, fractions)
def test_visible_slice_matches_brute_force(
    ev: dict[str, np.ndarray], window: tuple[float, float], short: float
) -> None:
    idx = build(ev, short)
    t0, t1 = window
    vs = idx.visible_slice(t0, t1)
    got = vs.take(idx.ids)
    assert sorted(got.tolist()) == sorted(ev["ids"][brute(ev, t0, t1)].tolist())
    assert len(vs) == len(got)
    assert np.all(np.diff(vs.take(idx.lo)) >= 0)  # by start time
    assert np.array_equal(vs.positions(), np.sort(vs.positions()))


def test_long_event_starting_long_before_the_window_is_found() -> None:
    n = 1000
    lo = np.arange(n, dtype=np.float64) * 100.0
    hi = lo + 10.0
    hi[3] = 1e9  # one very long event near the start
    idx = EventIndex(np.arange(n), lo, hi, np.zeros(n, np.int32))
    assert idx.visible_slice(50_050.0, 50_051.0).take(idx.ids).tolist() == [3]
    vis = idx.visible_slice(50_050.0, 50_300.0).take(idx.ids).tolist()
    assert vis == [3, 501, 502, 503]
    assert idx.lane_visible(0, 50_050.0, 50_051.0).tolist() == [3]


@settings(max_examples=200)
@given(event_sets(), windows, st.integers(0, 5), fractions)
def test_lane_visible_matches_brute_force(
    ev: dict[str, np.ndarray], window: tuple[float, float], lane: int, short: float
) -> None:
    idx = build(ev, short)
    t0, t1 = window
    pos = idx.lane_visible(lane, t0, t1)
    want = ev["ids"][brute(ev, t0, t1) & (ev["lane"] == lane)]
    assert sorted(idx.ids[pos].tolist()) == sorted(want.tolist())
    assert np.all(np.diff(idx.lo[pos]) >= 0)
    assert idx.lane_count(lane, t0, t1) == len(want)  # counted without gathering


@settings(max_examples=200)
@given(event_sets(), windows, st.sampled_from([1, 7, 40, 333]), fractions)
def test_density_and_coverage_match_brute_force(
    ev: dict[str, np.ndarray], window: tuple[float, float], width: int, short: float
) -> None:
    t0, t1 = window
    t1 = max(t1, t0 + width)  # whole seconds per pixel keep the brute force exact
    t1 = t0 + (t1 - t0) // width * width
    scale = TimeScale(t0, t1, float(width))
    idx = build(ev, short)
    vis = brute(ev, t0, t1)
    dens = idx.density(scale, n_lanes=5)
    cov = idx.coverage(scale, n_lanes=5)
    assert dens.shape == cov.shape == (5, width)
    assert dens.sum() == vis.sum()
    want = np.zeros((5, width), dtype=np.int64)
    want_cov = np.zeros((5, width), dtype=np.int64)
    spp = (t1 - t0) / width
    for lo, hi, lane in zip(ev["lo"][vis], ev["hi"][vis], ev["lane"][vis], strict=True):
        c0 = int(min(max(np.floor((lo - t0) / spp), 0), width - 1))
        c1 = int(max(min(np.ceil((hi - t0) / spp), width), c0 + 1))
        want[lane, c0] += 1
        want_cov[lane, c0:c1] += 1
    assert np.array_equal(dens, want)
    assert np.array_equal(cov, want_cov)
    # a chosen subset of lanes, in display order
    sub = idx.density(scale, [3, 0])
    assert np.array_equal(sub, want[[3, 0]])
    assert np.array_equal(idx.coverage(scale, [4, 1]), want_cov[[4, 1]])


@settings(max_examples=200)
@given(event_sets(), windows, st.integers(0, 4), st.sampled_from([1.0, 12.0, 40.0]))
def test_clusters_partition_the_visible_events(
    ev: dict[str, np.ndarray], window: tuple[float, float], lane: int, min_px: float
) -> None:
    t0, t1 = window
    scale = TimeScale(t0, t1 + 1.0, 800.0)
    idx = build(ev)
    cl = idx.cluster(scale, lane, min_px)
    want = ev["ids"][brute(ev, scale.start, scale.end) & (ev["lane"] == lane)]
    assert sorted(cl.member_ids.tolist()) == sorted(want.tolist())
    assert int(cl.count.sum()) == len(want) and len(cl.member_ids) == len(want)
    assert len(cl) == len(cl.count) and np.all(cl.count >= 1)
    assert np.array_equal(np.diff(cl.starts), cl.count)
    pos = idx.positions_of(cl.member_ids)
    x = np.maximum(scale.x(idx.lo[pos]), 0.0)
    flags = idx.flags[pos]
    for i, (x0, x1, count, rep) in enumerate(cl):
        xs = x[cl.starts[i] : cl.starts[i + 1]]
        assert (x0, x1, count) == (xs[0], xs[-1], len(xs))
        assert np.all(np.diff(xs) < min_px)
        members = cl.member_ids[cl.starts[i] : cl.starts[i + 1]].tolist()
        assert rep in members
        f = flags[cl.starts[i] : cl.starts[i + 1]]
        score = (f & FLAG_STARRED > 0) * 4 + (f & FLAG_ANNOTATED > 0) * 2 + (f & FLAG_DISPUTED > 0)
        assert score[members.index(rep)] == score.max()
    assert np.all(cl.x0[1:] - cl.x1[:-1] >= min_px)


@settings(max_examples=200)
@given(event_sets(), st.integers(-6000, 6000).map(float), st.integers(0, 3000).map(float))
def test_nearest_and_navigation(ev: dict[str, np.ndarray], t: float, max_dt: float) -> None:
    idx = build(ev)
    dist = np.maximum(np.maximum(ev["lo"] - t, t - ev["hi"]), 0.0)
    for lane in (None, 0, 2):
        sel = np.ones(len(dist), bool) if lane is None else ev["lane"] == lane
        got = idx.nearest(t, lane, max_dt)
        ok = sel & (dist <= max_dt)
        if not ok.any():
            assert got is None
        else:
            row = int(np.flatnonzero(ev["ids"] == got)[0])
            assert sel[row] and dist[row] == dist[ok].min()
        after = sel & (ev["lo"] > t)
        nxt = idx.next_after(t, lane)
        if after.any():
            assert idx.get(nxt).lo == ev["lo"][after].min()  # type: ignore[arg-type]
        else:
            assert nxt is None
        before = sel & (ev["lo"] < t)
        prv = idx.prev_before(t, lane)
        if before.any():
            assert idx.get(prv).lo == ev["lo"][before].max()  # type: ignore[arg-type]
        else:
            assert prv is None


def test_from_rows_get_extent_and_flags() -> None:
    idx = EventIndex.from_rows(
        [(10, 50.0, 60.0, 1, 2, 0), (11, 5.0, 100.0, 0, 1, FLAG_STARRED), (12, 20.0, 21.0, 1, 0, 0)]
    )
    assert len(idx) == 3
    assert idx.ids.tolist() == [11, 12, 10]
    assert idx.order.tolist() == [1, 2, 0]
    assert idx.extent() == (5.0, 100.0)
    assert idx.get(10) == EventRow(10, 50.0, 60.0, 1, 2, 0)
    assert idx.n_lanes == 2
    idx.set_flags([10, 12], FLAG_ANNOTATED | FLAG_DISPUTED)
    idx.set_flags(np.array([12]), FLAG_DISPUTED, on=False)
    assert idx.get(10).flags == FLAG_ANNOTATED | FLAG_DISPUTED
    assert idx.get(12).flags == FLAG_ANNOTATED
    assert idx.get(11).flags == FLAG_STARRED
    with pytest.raises(KeyError):
        idx.set_flags([999], FLAG_STARRED)
    with pytest.raises(ValueError):
        idx.flags[0] = 1  # columns are read-only views


def test_empty_index() -> None:
    idx = EventIndex.from_rows([])
    scale = TimeScale(0.0, 100.0, 50.0)
    assert len(idx) == 0 and idx.extent() is None
    assert len(idx.visible_slice(0.0, 10.0)) == 0
    assert idx.density(scale).shape == (0, 50)
    assert idx.density(scale, [0, 1]).sum() == 0
    assert len(idx.cluster(scale, 0)) == 0
    assert idx.nearest(5.0, None, 10.0) is None
    assert idx.next_after(0.0) is None and idx.prev_before(0.0) is None


@pytest.mark.parametrize(
    "lo, hi, lane",
    [([0.0], [0.0], [0]), ([0.0], [-1.0], [0]), ([0.0], [1.0], [-1]), ([np.nan], [1.0], [0])],
)
def test_invalid_events_are_rejected(lo: list[float], hi: list[float], lane: list[int]) -> None:
    with pytest.raises(ValueError):
        EventIndex(np.array([1]), np.array(lo), np.array(hi), np.array(lane))


def test_duplicate_ids_are_rejected_on_lookup() -> None:
    idx = EventIndex(np.array([1, 1]), np.array([0.0, 1.0]), np.array([2.0, 3.0]), np.zeros(2))
    with pytest.raises(ValueError):
        idx.get(1)


def random_events(n: int, seed: int = 7) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    lo = rng.uniform(0.0, 30 * YEAR, n)
    dur = rng.exponential(3 * 86400.0, n) + 1.0
    dur[rng.random(n) < 0.005] *= 5000.0  # a few events lasting decades
    return {
        "ids": rng.permutation(n).astype(np.int64),
        "lo": lo,
        "hi": lo + dur,
        "lane": rng.integers(0, 40, n).astype(np.int32),
        "kind": rng.integers(0, 5, n).astype(np.int16),
        "flags": rng.integers(0, 8, n).astype(np.uint8),
    }


def test_large_index_behaves() -> None:
    ev = random_events(200_000)
    idx = build(ev)
    for t0, t1 in [(0.0, 30 * YEAR), (10 * YEAR, 11 * YEAR), (20 * YEAR, 20 * YEAR + 3600.0)]:
        vis = brute(ev, t0, t1)
        vs = idx.visible_slice(t0, t1)
        assert len(vs) == vis.sum()
        scale = TimeScale(t0, t1, 1600.0)
        assert idx.density(scale).sum() == vis.sum()
        lanes = list(range(0, 40, 3))
        assert idx.density(scale, lanes).sum() == (vis & np.isin(ev["lane"], lanes)).sum()
        assert idx.cluster(scale, 5).count.sum() == (vis & (ev["lane"] == 5)).sum()


if __name__ == "__main__":
    events = random_events(1_000_000)
    start = time.perf_counter()
    index = build(events)
    print(f"build 1,000,000 events: {(time.perf_counter() - start) * 1000:.0f} ms")
    for years in (30.0, 1.0, 1 / 365):
        view = TimeScale(10 * YEAR, (10 + years) * YEAR, 1600.0)
        runs = []
        for _ in range(5):  # the first run pays for cold caches
            start = time.perf_counter()
            n_visible = len(index.visible_slice(view.start, view.end))
            index.density(view)
            runs.append((time.perf_counter() - start) * 1000)
        print(
            f"{years:8.3f} years, {n_visible:7d} visible: slice + density "
            f"{runs[0]:.1f} ms first, {min(runs[1:]):.1f} ms warm"
        )


def test_assign_flags_follows_the_input_order():
    idx = EventIndex([10, 11, 12], [30.0, 10.0, 20.0], [31.0, 11.0, 21.0], [0, 0, 0])
    idx.assign_flags([1, 2, 4])  # in the order given: ids 10, 11, 12
    assert {int(i): int(f) for i, f in zip(idx.ids, idx.flags, strict=True)} == {
        10: 1,
        11: 2,
        12: 4,
    }
    with pytest.raises(ValueError):
        idx.assign_flags([1, 2])


@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(-50, 50), st.integers(1, 4)),
        min_size=1,
        max_size=80,
    ),
    st.integers(-60, 0),
    st.integers(1, 120),
    st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_start_counts_count_each_event_once_by_start_column(rows, t0, span, shuffle):
    """An event in several lanes has a row per lane (same id, same start): counted once; the
    rows come as the store gives them (ids ascending among equal starts) or shuffled."""
    events = {eid: float(lo) * 1e12 for eid, lo, _ in rows}  # one start per event, deep time
    table = [(eid, events[eid], lanes) for eid, _, lanes in rows]
    table = sorted({(eid, lo, lane) for eid, lo, n in table for lane in range(n)})
    if shuffle:
        table = [table[i] for i in np.random.default_rng(len(table)).permutation(len(table))]
    ids = np.array([r[0] for r in table])
    lo = np.array([r[1] for r in table])
    index = EventIndex(ids, lo, lo + 1e12, np.array([r[2] for r in table]))
    scale = TimeScale(t0 * 1e12, (t0 + span) * 1e12, 37.0)
    w = 37
    edges = scale.start + np.arange(1, w) * scale.seconds_per_pixel
    want = np.zeros(w, np.int64)
    for start in events.values():
        want[np.searchsorted(edges, start, "right")] += 1
    assert index.start_counts(scale).tolist() == want.tolist()


def test_read_only_presorted_columns_are_kept_not_copied():
    lo = np.arange(5, dtype=np.float64)
    lo.flags.writeable = False
    ids = np.arange(5, dtype=np.int64)  # writeable: copied, so a later change cannot reach it
    index = EventIndex(ids, lo, lo + 1, np.zeros(5, np.int32))
    assert np.shares_memory(index.lo, lo) and not np.shares_memory(index.ids, ids)
    assert index.presorted and index.in_order(ids) is ids
    ids[0] = 99
    assert index.ids[0] == 0

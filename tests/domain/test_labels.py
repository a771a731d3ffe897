"""Tests for :mod:`desktop.domain.labels`."""

from __future__ import annotations

import time
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.labels import LABEL_GAP, LabelCandidate, PlacedLabel, place_labels

candidates = st.lists(
    st.builds(
        LabelCandidate,
        id=st.integers(),
        x=st.floats(min_value=-50.0, max_value=1100.0),
        width=st.floats(min_value=1.0, max_value=300.0),
        priority=st.integers(min_value=0, max_value=5).map(float),
    ),
    max_size=80,
).map(lambda cs: [LabelCandidate(i, c.x, c.width, c.priority) for i, c in enumerate(cs)])


def boxes_clash(x0: float, w0: float, x1: float, w1: float, gap: float = LABEL_GAP) -> bool:
    return x0 < x1 + w1 + gap - 1e-9 and x1 < x0 + w0 + gap - 1e-9


def assert_no_overlap(placed: list[PlacedLabel]) -> None:
    by_row: dict[int, list[PlacedLabel]] = {}
    for p in placed:
        by_row.setdefault(p.row, []).append(p)
    for row in by_row.values():
        row.sort(key=lambda p: p.x)
        for a, b in pairwise(row):
            assert a.x + a.width + LABEL_GAP <= b.x + 1e-9


def test_simple_rows() -> None:
    cands = [
        LabelCandidate("a", 10.0, 100.0, 1.0),
        LabelCandidate("b", 50.0, 100.0, 2.0),
        LabelCandidate("c", 90.0, 100.0, 0.0),
        LabelCandidate("d", 300.0, 50.0, 0.0),
    ]
    placed = {p.id: p for p in place_labels(cands, row_height=20.0, n_rows=2, width=1000.0)}
    assert placed["b"].row == 0  # highest priority first
    assert placed["a"].row == 1 and placed["a"].y == 20.0
    assert "c" not in placed  # both rows blocked
    assert placed["d"].row == 0


def test_shift_left_at_the_right_edge_but_not_past_zero() -> None:
    placed = place_labels([LabelCandidate(1, 950.0, 100.0)], 20.0, 1, 1000.0)
    assert placed[0].x == 900.0
    assert place_labels([LabelCandidate(1, -30.0, 50.0)], 20.0, 1, 1000.0)[0].x == 0.0
    assert place_labels([LabelCandidate(1, 0.0, 1200.0)], 20.0, 3, 1000.0) == []
    assert place_labels([LabelCandidate(1, 0.0, 10.0)], 20.0, 0, 1000.0) == []


def test_gap_is_respected() -> None:
    cands = [LabelCandidate(1, 0.0, 10.0), LabelCandidate(2, 13.0, 10.0)]
    assert len(place_labels(cands, 20.0, 1, 100.0)) == 1
    cands = [LabelCandidate(1, 0.0, 10.0), LabelCandidate(2, 14.0, 10.0)]
    assert len(place_labels(cands, 20.0, 1, 100.0)) == 2


@settings(max_examples=300)
@given(candidates, st.integers(min_value=1, max_value=4))
def test_never_overlap_and_fit_the_width(cands: list[LabelCandidate], n_rows: int) -> None:
    width = 1000.0
    placed = place_labels(cands, 18.0, n_rows, width)
    assert len({p.id for p in placed}) == len(placed)
    assert all(0 <= p.row < n_rows and p.y == p.row * 18.0 for p in placed)
    assert all(p.x >= 0.0 and p.x + p.width <= width + 1e-9 for p in placed)
    assert_no_overlap(placed)


@settings(max_examples=300)
@given(candidates, st.integers(min_value=1, max_value=4))
def test_priority_is_respected(cands: list[LabelCandidate], n_rows: int) -> None:
    """A dropped label is blocked in every row by a label of at least its priority."""
    width = 1000.0
    placed = place_labels(cands, 18.0, n_rows, width)
    placed_ids = {p.id for p in placed}
    priority = {c.id: c.priority for c in cands}
    for c in cands:
        if c.id in placed_ids or c.width > width:
            continue
        x = max(0.0, min(c.x, width - c.width))
        for row in range(n_rows):
            blockers = [p for p in placed if p.row == row and boxes_clash(x, c.width, p.x, p.width)]
            assert blockers, f"{c} was dropped though row {row} was free"
            assert max(priority[p.id] for p in blockers) >= c.priority


def many_candidates(n: int) -> list[LabelCandidate]:
    return [LabelCandidate(i, (i * 37.0) % 3000.0, 40.0 + i % 60, float(i % 7)) for i in range(n)]


def test_thousands_of_candidates() -> None:
    placed = place_labels(many_candidates(5000), 16.0, 6, 3000.0)
    assert_no_overlap(placed)
    assert len(placed) > 100


if __name__ == "__main__":
    cands = many_candidates(5000)
    start = time.perf_counter()
    place_labels(cands, 16.0, 6, 3000.0)
    print(f"place_labels, 5000 candidates: {(time.perf_counter() - start) * 1000:.1f} ms")

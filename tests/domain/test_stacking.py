"""Tests for :mod:`desktop.domain.stacking`: no two boxes in a row overlap, every event is
placed exactly once, labels stay in the view, and rows are used only where the events overlap."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.stacking import GAP, LaneStack, StackItem, stack_lane

WIDTH = 1000.0


@st.composite
def items(draw: st.DrawFn, max_size: int = 60) -> list[StackItem]:
    n = draw(st.integers(0, max_size))
    out = []
    for i in range(n):
        x0 = draw(st.floats(-200.0, WIDTH, allow_nan=False))
        span = draw(st.one_of(st.just(0.0), st.floats(0.0, 800.0)))
        label = draw(st.one_of(st.just(0.0), st.floats(10.0, 400.0)))
        prio = draw(st.sampled_from([0.0, 0.0, 0.0, 5.0]))
        out.append(StackItem(i, x0, x0 + span, label, prio))
    return out


def check_invariants(stack: LaneStack, given_items: list[StackItem], max_rows: int) -> None:
    ids = [p.id for p in stack.placed] + [i for pill in stack.pills for i in pill.ids]
    assert sorted(ids) == sorted(it.id for it in given_items)  # each exactly once
    assert stack.rows <= max_rows
    by_row: dict[int, list] = {}
    for p in stack.placed:
        assert 0 <= p.row < stack.rows
        by_row.setdefault(p.row, []).append(p)
        if p.label_x is not None:
            assert p.label_x >= -1e-9 and p.label_x + p.label_w <= WIDTH + 1e-9
            # the label is inside the box the event holds, and next to its head
            assert p.box_x0 - 1e-9 <= p.label_x and p.label_x + p.label_w <= p.box_x1 + 1e-9
            assert p.box_x0 - 1e-9 <= p.head <= p.box_x1 + 1e-9
        assert p.box_x0 - 1e-9 <= p.mark_x0 and p.mark_x1 <= p.box_x1 + 1e-9
    for row in by_row.values():
        row.sort(key=lambda p: p.box_x0)
        for a, b in pairwise(row):
            assert a.box_x1 + GAP <= b.box_x0 + 1e-6, (a, b)
    for a, b in pairwise(stack.pills):
        assert a.x1 + GAP <= b.x0 + 1e-6


@settings(max_examples=150, deadline=None)
@given(items(), st.integers(1, 12))
def test_every_event_placed_once_without_overlap(given_items: list[StackItem], rows: int) -> None:
    check_invariants(stack_lane(given_items, WIDTH, rows), given_items, rows)


def depth(boxes: list[tuple[float, float]], gap: float) -> int:
    """The most boxes (widened by gap) sharing one point: the fewest rows that can hold them."""
    points = sorted([(x0, 1) for x0, _ in boxes] + [(x1 + gap, -1) for _, x1 in boxes])
    best = cur = 0
    for _, d in points:
        cur += d
        best = max(best, cur)
    return best


@settings(max_examples=150, deadline=None)
@given(items(max_size=40))
def test_unbounded_rows_label_everything_in_the_fewest_rows(given_items: list[StackItem]) -> None:
    plain = [it._replace(priority=0.0) for it in given_items]
    stack = stack_lane(plain, WIDTH, max_rows=len(plain) + 1)
    assert not stack.pills
    assert stack.rows == depth([(p.box_x0, p.box_x1) for p in stack.placed], GAP)
    for p, it in zip(sorted(stack.placed, key=lambda p: p.id), plain, strict=True):
        if it.label_w and it.label_w <= WIDTH - 200:
            assert p.labelled  # room in the view and rows to spare: always labelled


def test_events_of_the_same_day_stack_instead_of_merging() -> None:
    same = [StackItem(i, 500.0, 500.0, 180.0) for i in range(5)]
    stack = stack_lane(same, WIDTH, max_rows=8)
    assert stack.rows == 5 and not stack.pills
    assert all(p.labelled for p in stack.placed)


def test_uncertain_spans_stack_rather_than_merge() -> None:
    # two 'Jul 2024' events: the same faded span, labels at its start, one row each
    spans = [StackItem("a", 100.0, 400.0, 150.0), StackItem("b", 100.0, 400.0, 120.0)]
    stack = stack_lane(spans, WIDTH, max_rows=4)
    assert {p.row for p in stack.placed} == {0, 1}
    assert all(p.labelled for p in stack.placed)


def test_overflow_becomes_pills_only_when_rows_run_out() -> None:
    same = [StackItem(i, 300.0, 300.0, 100.0) for i in range(10)]
    stack = stack_lane(same, WIDTH, max_rows=3)
    assert stack.rows == 3 and stack.overflow() == 7
    assert len(stack.pills) == 1 and stack.total_rows == 4
    spread = [StackItem(i, i * 90.0, i * 90.0, 60.0) for i in range(10)]
    assert not stack_lane(spread, WIDTH, max_rows=1).pills  # side by side: one row, no pill


def test_priority_wins_the_first_row() -> None:
    crowd = [StackItem(i, 300.0, 300.0, 100.0) for i in range(6)]
    crowd.append(StackItem("sel", 300.0, 300.0, 100.0, priority=10.0))
    stack = stack_lane(crowd, WIDTH, max_rows=2)
    chosen = next(p for p in stack.placed if p.id == "sel")
    assert chosen.row == 0 and chosen.labelled


def test_label_near_the_right_edge_goes_left_of_its_mark() -> None:
    (p,) = stack_lane([StackItem(1, 990.0, 990.0, 200.0)], WIDTH, 2).placed
    assert p.labelled and p.label_x is not None
    assert p.label_x + p.label_w <= p.head
    assert p.label_x >= 0


def test_a_span_begun_before_the_view_is_labelled_at_the_left_edge() -> None:
    (p,) = stack_lane([StackItem(1, -500.0, 300.0, 120.0)], WIDTH, 2).placed
    assert p.head == 0.0 and p.label_x is not None and 0.0 < p.label_x < 20.0

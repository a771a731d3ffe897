"""Admiralty grades: parsing, text, order and the "at least" comparison."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.grades import (
    CREDIBILITY,
    RELIABILITY,
    Grade,
    GradeError,
    best,
    credibility_label,
    letters_at_least,
    meets,
    parse_credibility,
    parse_reliability,
    reliability_label,
)

letters = st.one_of(st.none(), st.sampled_from(sorted(RELIABILITY)))
digits = st.one_of(st.none(), st.sampled_from(sorted(CREDIBILITY)))
grades = st.builds(Grade, letters, digits)
complete = st.builds(
    Grade, st.sampled_from(sorted(RELIABILITY)), st.sampled_from([1, 2, 3, 4, 5, 6])
)


@given(grades)
def test_text_reads_back(g):
    assert Grade.parse(str(g)) == g
    assert Grade.parse(str(g).lower()) == g


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("B2", Grade("B", 2)),
        (" b2 ", Grade("B", 2)),
        ("B-2", Grade("B", 2)),
        ("B", Grade("B", None)),
        ("2", Grade(None, 2)),
        ("?3", Grade(None, 3)),
        ("A?", Grade("A", None)),
        ("", Grade()),
    ],
)
def test_parse(text, grade):
    assert Grade.parse(text) == grade


@pytest.mark.parametrize("text", ["G2", "B7", "B0", "22", "BB", "B2x", "grade"])
def test_not_a_grade(text):
    with pytest.raises(GradeError):
        Grade.parse(text)


@pytest.mark.parametrize("bad", ["G", 7, 0, "2.0", True, "x"])
def test_parts_refuse_bad_values(bad):
    with pytest.raises(GradeError):
        if isinstance(bad, str) and bad.isalpha():
            parse_reliability(bad)
        else:
            parse_credibility(bad)


def test_text_and_labels():
    assert str(Grade("B", 2)) == "B2"
    assert str(Grade("B")) == "B?" and str(Grade(credibility=2)) == "?2" and str(Grade()) == ""
    assert reliability_label("B") == "B — usually reliable"
    assert credibility_label(6) == "6 — truth cannot be judged"
    assert reliability_label(None) == "not graded"
    assert Grade("A", 1).label() == (
        "A1 — completely reliable source, information confirmed by other sources"
    )
    assert Grade().label() == "not graded"


@given(complete, complete)
def test_at_least_is_both_parts_no_worse(g, bar):
    assert g.at_least(bar) == (
        "ABCDEF".index(g.reliability) <= "ABCDEF".index(bar.reliability)
        and g.credibility <= bar.credibility
    )


@given(grades, grades, grades)
def test_at_least_is_a_partial_order(a, b, c):
    if a.is_complete:
        assert a.at_least(a)
    if a.at_least(b) and b.at_least(c):
        assert a.at_least(c)


@given(grades)
def test_ungraded_parts_fail_a_bar_that_asks_for_them(g):
    if g.reliability is None:
        assert not g.at_least(Grade("F"))
    if g.credibility is None:
        assert not g.at_least(Grade(credibility=6))
    assert g.at_least(Grade())  # an empty bar asks for nothing


def test_a_bar_of_one_part():
    assert Grade("B", 5).at_least(Grade("B")) and not Grade("C", 1).at_least(Grade("B"))
    assert Grade("E", 2).at_least(Grade(credibility=2))
    assert letters_at_least(Grade("C", 3)) == ("A", "B", "C")
    assert letters_at_least(Grade(credibility=3)) == tuple("ABCDEF")


@given(st.lists(grades, max_size=6), grades)
def test_a_fact_passes_when_any_citation_does(gs, bar):
    assert meets(gs, bar) == (bar.is_empty or any(g.at_least(bar) for g in gs))


@given(st.lists(grades, min_size=1, max_size=6))
def test_best_is_the_lowest_rank(gs):
    b = best(gs)
    assert b in gs and all(b.rank() <= g.rank() for g in gs)


@given(complete, complete)
def test_rank_agrees_with_at_least(a, b):
    if a.at_least(b):
        assert a.rank() <= b.rank()


def test_best_of_nothing_is_ungraded():
    assert best([]) == Grade()
    assert not meets([], Grade("F", 6))

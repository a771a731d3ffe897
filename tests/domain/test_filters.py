"""EventFilter: emptiness, the active-filter text, and its saved form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.filters import OPEN_HI, OPEN_LO, EventFilter, fold, text_matches

MAY_2024 = (1714521600.0, 1717200000.0)  # [1 May, 1 Jun) 2024 UTC


def test_empty_filter():
    f = EventFilter()
    assert f.is_empty
    assert f.describe() == "All events"
    assert not EventFilter(starred=True).is_empty
    assert not EventFilter(range=MAY_2024).is_empty


def test_values_are_normalised_and_hashable():
    a = EventFilter(orgs=[3, 1], kinds=["release"], tags=("x",))
    b = EventFilter(orgs=frozenset({1, 3}), kinds={"release"}, tags={"x"})
    assert a == b and hash(a) == hash(b)
    assert a.with_(starred=True) != a and a.with_(starred=True).starred


def test_describe_names_every_facet():
    f = EventFilter(
        orgs={1, 2},
        kinds={"release", "funding"},
        tags={"todo"},
        starred=True,
        countries={"China"},
        range=MAY_2024,
    )
    text = f.describe({1: "SenseTime 商汤科技", 2: "DeepSeek"})
    assert "DeepSeek, SenseTime 商汤科技" in text
    assert "Kinds: funding, release" in text
    assert "Tags: todo" in text and "Starred" in text and "Country: China" in text
    assert "Dates: 2024-05-01 – 2024-05-31" in text
    assert EventFilter(orgs={9}).describe() == "Organizations: #9"


def test_describe_shortens_long_lists_and_open_ranges():
    text = EventFilter(kinds={"a", "b", "c", "d", "e"}).describe()
    assert text == "Kinds: a, b, c +2 more"
    assert EventFilter(range=(MAY_2024[0], OPEN_HI)).describe() == "Dates: from 2024-05-01"
    assert EventFilter(range=(OPEN_LO, MAY_2024[1])).describe() == "Dates: until 2024-05-31"


def test_round_trip_through_dict():
    f = EventFilter(orgs={4}, kinds={"policy"}, tags={"中国"}, starred=True, range=MAY_2024)
    assert EventFilter.from_dict(f.to_dict()) == f
    assert EventFilter.from_dict({}) == EventFilter()


@pytest.mark.parametrize("bad", [{"orgs": ["x"]}, {"range": [5]}, {"range": [5, 1]}, []])
def test_malformed_dict_is_refused(bad):
    with pytest.raises(ValueError):
        EventFilter.from_dict(bad)


def test_backwards_range_is_refused():
    with pytest.raises(ValueError):
        EventFilter(range=(10.0, 10.0))


# -- the minimum grade and the one matching rule ---------------------------------------------
def test_min_grade_facet():
    from desktop.domain.grades import Grade

    f = EventFilter(min_grade="b2")
    assert f.min_grade == Grade("B", 2) and not f.is_empty
    assert f.describe() == "Sources graded at least B2 (ungraded left out)"
    assert EventFilter.from_dict(f.to_dict()) == f
    assert EventFilter.from_dict({"min_grade": ""}) == EventFilter()
    with pytest.raises(ValueError, match="not a grade"):
        EventFilter(min_grade="Z9")
    with pytest.raises(ValueError):
        EventFilter.from_dict({"min_grade": "best"})


words = st.text(alphabet=st.sampled_from("aAßSsİi ǅǆ中国 -"), max_size=6)


@given(st.lists(words, max_size=4), st.lists(words, max_size=4))
def test_text_matches_is_one_symmetric_rule(values, wanted):
    got = text_matches(values, wanted)
    assert got == text_matches(wanted, values)
    assert got == bool({fold(v) for v in values} & {fold(w) for w in wanted})
    # case and surrounding spaces never matter
    assert text_matches([f"  {v.casefold()} " for v in values], wanted) == got


def test_text_matches_ignores_case_and_spaces():
    assert text_matches([" Straße "], ["STRASSE"])
    assert text_matches(["中国"], ["中国 "]) and not text_matches(["中国"], ["中"])
    assert not text_matches([], ["x"]) and not text_matches(["x"], [])

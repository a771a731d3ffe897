"""Tests for :mod:`desktop.domain.era_labels`: era titles shorten to a readable form or vanish."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.era_labels import (
    MIN_ELIDED,
    elide,
    era_label_forms,
    fit_era_label,
    place_era_labels,
)

WAIC = "World Artificial Intelligence Conference 2024 (WAIC 2024)"


def seven(s: str) -> float:
    return 7.0 * len(s)


def test_forms_fall_back_to_the_parenthesis() -> None:
    assert era_label_forms(WAIC) == [
        WAIC,
        "World Artificial Intelligence Conference 2024",
        "WAIC 2024",
    ]


def test_forms_make_an_acronym_when_there_is_no_parenthesis() -> None:
    forms = era_label_forms("United Nations General Assembly 2024 session")
    assert forms[-2:] == ["UNGA 2024", "UNGA"]
    assert era_label_forms("Pandemic") == ["Pandemic"]
    assert era_label_forms("the long  lull") == ["the long lull"]


def test_fit_picks_the_longest_form_that_fits_or_nothing() -> None:
    assert fit_era_label(WAIC, 1000, seven) == WAIC
    assert fit_era_label(WAIC, 7 * 50, seven) == "World Artificial Intelligence Conference 2024"
    assert fit_era_label(WAIC, 7 * 12, seven) == "WAIC 2024"
    assert fit_era_label(WAIC, 7 * 8, seven) == ""  # never "Wo…"
    assert fit_era_label("Reform and opening up", 7 * 12, seven) == "Reform and…"
    assert fit_era_label("Reform and opening up", 7 * 6, seven) == ""


@given(st.text(min_size=1, max_size=60), st.floats(min_value=0, max_value=600))
def test_elide_fits_and_keeps_enough(text: str, room: float) -> None:
    out = elide(text, room, seven)
    assert seven(out) <= room or out == ""
    if out and out != text:
        assert out.endswith("…") and len(out.rstrip("…")) >= MIN_ELIDED


def test_an_era_at_the_right_edge_gets_its_short_label_moved_left() -> None:
    labels = place_era_labels([(1190.0, 1195.0, WAIC)], 1200.0, seven)
    assert [lb.text for lb in labels] == ["WAIC 2024"]
    x = labels[0].x
    assert x + seven("WAIC 2024") <= 1197.0 and x <= 1195.0
    assert place_era_labels([(1190.0, 1195.0, WAIC)], 1200.0, lambda s: 200.0) == []


eras_strategy = st.lists(
    st.tuples(
        st.floats(min_value=-500, max_value=1500),
        st.floats(min_value=0, max_value=800),
        st.sampled_from([WAIC, "Pandemic", "United Nations General Assembly", "A (B)", " "]),
    ).map(lambda e: (e[0], e[0] + e[1], e[2])),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(eras_strategy, st.floats(min_value=100, max_value=2000))
def test_placed_labels_stay_inside_and_apart(eras, width: float) -> None:
    labels = place_era_labels(eras, width, seven)
    assert len({lb.index for lb in labels}) == len(labels)
    for lb in labels:
        x0, x1, title = eras[lb.index]
        assert lb.x >= 3.0 - 1e-9 and lb.x + seven(lb.text) <= width - 3.0 + 1e-9
        assert lb.text in era_label_forms(title) or lb.text.endswith("…")
        assert lb.x <= max(x0 + 3.0, x1, 3.0) + 1e-9  # starts in its era or left of it
        assert lb.x >= max(x0, 0.0) + 3.0 - 120.0 - 1e-9
    for a, b in pairwise(sorted(labels, key=lambda lb: lb.x)):
        assert a.x + seven(a.text) + 8.0 <= b.x + 1e-9

"""Facts as written: role spans, whom a claimant spoke for, figures' qualifiers and magnitudes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dossier_facts import (
    RoleSpan,
    figure_tags,
    figure_text,
    magnitude,
    qualifier,
    role_is_former,
    role_span,
    spoke_for,
    with_unit,
)
from desktop.domain.model import Metric


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2001", "2011", "2001–2011"),
        ("2014", None, "since 2014"),
        (None, "2021", "until 2021"),
        ("2023-03-11", None, "since 11 Mar 2023"),
        (None, None, ""),
    ],
)
def test_role_span(start, end, text):
    assert role_span(start, end) == text


def test_former_is_relative_to_the_dossiers_date():
    assert role_is_former("2011") and not role_is_former(None)
    mid_2010 = 1277942400.0  # 1 Jul 2010: Schmidt was still CEO
    assert not role_is_former("2011", mid_2010)
    assert role_is_former("2011", 1325376000.0)  # 1 Jan 2012


YAN = [RoleSpan(1, "SenseTime", None, "2021"), RoleSpan(2, "MiniMax", "2021", None)]


def test_a_claim_goes_with_the_role_held_at_its_date():
    assert [r.org_name for r in spoke_for(YAN, "2024-07")] == ["MiniMax"]
    assert [r.org_name for r in spoke_for(YAN, "2019")] == ["SenseTime"]
    # 2021 is both the year he left SenseTime and founded MiniMax: ambiguous, both named
    assert {r.org_name for r in spoke_for(YAN, "2021")} == {"SenseTime", "MiniMax"}
    # undated: the current role only; a former executive speaks for no one
    assert [r.org_name for r in spoke_for(YAN, None)] == ["MiniMax"]
    assert spoke_for([RoleSpan(3, "Google", "2001", "2011")], None) == []


@given(
    st.integers(1990, 2030),
    st.integers(0, 10),
    st.integers(1990, 2035),
)
def test_a_role_covers_exactly_the_years_it_spans(start, length, year):
    role = RoleSpan(1, "X", str(start), str(start + length))
    assert bool(spoke_for([role], str(year))) == (start <= year <= start + length)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (500_000_000_000, "CNY", "CNY 500 billion"),
        (1_730_000_000_000, "CNY", "CNY 1.73 trillion"),
        (67_000_000_000, "parameters", "67B parameters"),
        (2_000_000_000_000, "tokens", "2T tokens"),
        (20_000_000, "downloads", "20 million downloads"),
        (230_000, "customers", "230,000 customers"),
        (150, "%", "150%"),
        (-16, "%", "-16%"),
        (30.6, "%", "30.6%"),
        (2_500_000_000, "people", "2.5 billion people"),
    ],
)
def test_readable_magnitudes(value, unit, text):
    assert with_unit(value, unit) == text


@given(st.floats(min_value=1e6, max_value=1e15, allow_nan=False))
def test_magnitudes_stay_close_to_the_value(value):
    text = magnitude(value)
    number, word = text.split(" ")
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[word]
    assert abs(float(number.replace(",", "")) * scale - value) <= 0.005 * scale


@pytest.mark.parametrize(
    ("note", "word"),
    [
        ("More than CNY 500 billion, as reported during WAIC 2024.", "more than"),
        ("Over 500.", "more than"),
        ("About 2.5 billion; a world figure.", "about"),
        ("Projection reported in July 2024.", None),
        (None, None),
    ],
)
def test_qualifier_from_the_note(note, word):
    assert qualifier(note) == word


def test_tags_from_the_note_and_name():
    assert figure_tags("Size in 2035", "Projection reported in July 2024") == ("projection",)
    assert figure_tags("Gain", "Company claim: SenseTime's own figure.") == ("company claim",)
    assert figure_tags("Gain (company claim)", "SenseTime's own figure.") == ()


def test_figure_as_written():
    m = Metric(1, "k", "Size of China's core AI sector", 5e11, "CNY", "2024-07", None,
               "More than CNY 500 billion, as reported during WAIC 2024.")  # fmt: skip
    f = figure_text(m)
    assert f.value == "more than CNY 500 billion"
    assert f.exact == "500,000,000,000 CNY"

"""rough_count: the counts drawn on the timeline while it pans."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.text import rough_count

UNITS = {"k": 1e3, "M": 1e6, "G": 1e9}


def test_examples() -> None:
    assert rough_count(0) == "0"
    assert rough_count(9_999) == "9,999"
    assert rough_count(10_000) == "10.0k"
    assert rough_count(12_345) == "12.3k"
    assert rough_count(456_789) == "457k"
    assert rough_count(999_499) == "999k"
    assert rough_count(999_600) == "1.00M"
    assert rough_count(1_234_567) == "1.23M"
    assert rough_count(10_000_000) == "10.0M"


@given(st.integers(min_value=10_000, max_value=10**11))
def test_three_significant_digits_within_half_a_unit(n: int) -> None:
    text = rough_count(n)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kMG])", text)
    assert m, text
    digits = m.group(1).replace(".", "").lstrip("0")
    assert len(digits) <= 3
    value = float(m.group(1)) * UNITS[m.group(2)]
    assert abs(value - n) <= 0.005 * n  # within half of the third significant digit


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**12))
def test_order_is_kept(a: int, b: int) -> None:
    def back(text: str) -> float:
        if text[-1] in UNITS:
            return float(text[:-1]) * UNITS[text[-1]]
        return float(text.replace(",", ""))

    if a <= b:
        assert back(rough_count(a)) <= back(rough_count(b))

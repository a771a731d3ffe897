"""The zoom sweep of `dossier bench timeline` paints a new range every frame."""

from __future__ import annotations

from itertools import pairwise

import pytest

from desktop.bench.worker import sweep_spans


@pytest.mark.parametrize("full", [3600.0 * 2, 86400.0 * 365 * 7, 86400.0 * 365 * 200])
def test_sweep_goes_all_the_way_in_and_out_without_repeating_a_span(full: float) -> None:
    spans = sweep_spans(full)
    assert len(spans) == 60 + 59
    assert spans[0] == pytest.approx(full) and spans[59] == pytest.approx(3600.0)
    assert all(a > b for a, b in pairwise(spans[:60]))  # in
    assert all(a < b for a, b in pairwise(spans[59:]))  # and out
    assert len({round(s, 6) for s in spans}) == len(spans)
    ratios = [b / a for a, b in pairwise(spans[:60])]
    assert max(ratios) == pytest.approx(min(ratios))  # geometric steps

"""The dossier document's one citation numbering."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dossier_doc import Footnotes
from desktop.domain.model import Citation, Source

citations = st.builds(
    Citation,
    source_key=st.sampled_from(["a", "b", "c"]),
    source_title=st.just("T"),
    locator=st.sampled_from([None, "¶1", "¶2"]),
    quote=st.sampled_from([None, "q", "r"]),
    stance=st.sampled_from(["for", "against"]),
)


@given(st.lists(st.lists(citations, max_size=4), max_size=12))
def test_footnotes_are_numbered_once_in_order_of_first_use(groups):
    notes = Footnotes()
    marks = [notes.marks(g) for g in groups]
    seen: dict[tuple, int] = {}
    for group, ms in zip(groups, marks, strict=True):
        for c in group:
            key = (c.source_key, c.locator or "", c.quote or "", c.stance == "against")
            seen.setdefault(key, len(seen) + 1)
        expected = list(dict.fromkeys(
            (seen[(c.source_key, c.locator or "", c.quote or "", c.stance == "against")],
             c.stance == "against") for c in group
        ))  # fmt: skip
        assert [(m.n, m.against) for m in ms] == expected
    entries = notes.entries([Source(1, k, f"Title {k}") for k in "abc"])
    numbers = sorted(f.n for e in entries for f in e.footnotes)
    assert numbers == list(range(1, len(seen) + 1))
    for e in entries:  # each footnote sits under its own source, named by its title
        assert e.title == f"Title {e.key}"
        assert all(f.source_key == e.key for f in e.footnotes)

"""Grades in the dossier document: marks carry their citation's grade, and a dossier cut to a
minimum grade keeps exactly the facts one of whose supporting citations passes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dossier_build import build_document
from desktop.domain.dossier_doc import Footnotes
from desktop.domain.dossier_grade import graded_at_least
from desktop.domain.grades import Grade
from desktop.domain.model import Citation, Claim, Dossier, Event, Metric, Organization, Product

letters = st.one_of(st.none(), st.sampled_from("ABCDEF"))
digits = st.one_of(st.none(), st.integers(1, 6))
citations = st.builds(
    Citation,
    source_key=st.sampled_from(["a", "b"]),
    source_title=st.just("T"),
    locator=st.sampled_from([None, "¶1"]),
    stance=st.sampled_from(["for", "for", "against"]),
    reliability=letters,
    credibility=digits,
)
groups = st.lists(st.lists(citations, max_size=3), min_size=1, max_size=6)
bars = st.builds(Grade, letters, digits)


@given(st.lists(st.lists(citations, max_size=4), max_size=8))
def test_each_mark_carries_its_citations_grade(gs):
    notes = Footnotes()
    for group in gs:
        marks = notes.marks(group)
        assert {(m.against, m.grade) for m in marks} == {
            (c.stance == "against", str(c.grade)) for c in group
        }
        for m in marks:
            assert m.label == f"{m.n}{'✗' if m.against else ''}" + (
                f" · {m.grade}" if m.grade else ""
            )


def _passes(cites, bar):
    return bar.is_empty or any(c.stance == "for" and c.grade.at_least(bar) for c in cites)


@given(groups, groups, groups, bars)
def test_a_dossier_keeps_the_facts_that_pass(product_cites, claim_cites, event_cites, bar):
    org = Organization(1, "o", "Org")
    products = tuple(
        Product(i, f"p{i}", f"P{i}", citations=tuple(c)) for i, c in enumerate(product_cites)
    )
    claims = tuple(
        Claim(i, f"c{i}", f"claim {i}", "claimed", citations=tuple(c))
        for i, c in enumerate(claim_cites)
    )
    metrics = tuple(
        Metric(i, f"m{i}", f"m{i}", 1.0, citations=tuple(c)) for i, c in enumerate(claim_cites)
    )
    events = tuple(Event(i, f"e{i}", f"E{i}", "2024") for i in range(len(event_cites)))
    d = Dossier(
        org=org,
        products=products,
        claims=claims,
        metrics=metrics,
        events=events,
        event_count=len(events),
        event_citations={i: tuple(c) for i, c in enumerate(event_cites)},
    )
    cut = graded_at_least(d, bar)
    assert cut.products == tuple(p for p in products if _passes(p.citations, bar))
    assert cut.claims == tuple(c for c in claims if _passes(c.citations, bar))
    assert cut.metrics == tuple(m for m in metrics if _passes(m.citations, bar))
    kept = tuple(e for e in events if _passes(d.event_citations[e.id], bar))
    assert cut.events == kept and cut.event_count == len(kept)
    if bar.is_empty:
        assert cut is d
    doc = build_document(d, min_grade=bar)
    said = any("graded at least" in it.text for it in doc.lead)
    assert said == (not bar.is_empty)

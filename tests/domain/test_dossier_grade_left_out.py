"""How many facts a minimum grade leaves out of a dossier (the dossier pane says it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dossier_grade import left_out
from desktop.domain.grades import Grade
from desktop.domain.model import Citation, Claim, Dossier, Event, Organization, Product

letters = st.one_of(st.none(), st.sampled_from("ABCDEF"))
digits = st.one_of(st.none(), st.integers(1, 6))
citations = st.builds(
    Citation,
    source_key=st.just("a"),
    source_title=st.just("T"),
    stance=st.sampled_from(["for", "for", "against"]),
    reliability=letters,
    credibility=digits,
)
groups = st.lists(st.lists(citations, max_size=3), max_size=6)
bars = st.builds(Grade, letters, digits)


def _fails(cites, bar):
    return not bar.is_empty and not any(c.stance == "for" and c.grade.at_least(bar) for c in cites)


@given(groups, groups, groups, bars)
def test_left_out_counts_the_facts_that_fail(product_cites, claim_cites, event_cites, bar):
    products = tuple(
        Product(i, f"p{i}", f"P{i}", citations=tuple(c)) for i, c in enumerate(product_cites)
    )
    claims = tuple(
        Claim(i, f"c{i}", f"claim {i}", "claimed", citations=tuple(c))
        for i, c in enumerate(claim_cites)
    )
    events = tuple(Event(i, f"e{i}", f"E{i}", "2024") for i in range(len(event_cites)))
    d = Dossier(
        org=Organization(1, "o", "Org"),
        products=products,
        claims=claims,
        events=events,
        event_count=len(events),
        event_citations={i: tuple(c) for i, c in enumerate(event_cites)},
    )
    failing = [*product_cites, *claim_cites, *event_cites]
    hidden, total = left_out(d, bar)
    assert total == len(failing)
    assert hidden == sum(_fails(c, bar) for c in failing)
    assert (hidden == 0) or not bar.is_empty


@given(groups, bars)
def test_event_details_keep_the_claims_the_grade_supports(claim_cites, bar):
    from desktop.domain.dossier_grade import detail_graded_at_least
    from desktop.domain.model import EventDetail

    claims = tuple(
        Claim(i, f"c{i}", f"claim {i}", "claimed", citations=tuple(c))
        for i, c in enumerate(claim_cites)
    )
    detail = EventDetail(Event(1, "e", "E", "2024"), claims=claims)
    cut, hidden = detail_graded_at_least(detail, bar)
    assert [c.id for c in cut.claims] == [c.id for c in claims if not _fails(c.citations, bar)]
    assert hidden == len(claims) - len(cut.claims)
    assert cut.event == detail.event and cut.citations == detail.citations

"""A dossier cut to the facts graded at least some bar ("facts from sources graded at least
B2"; see ``desktop.domain.grades``): people's roles, products, events, claims, figures and
relationships each stay only when a citation supporting them passes. A fact nobody graded is
left out; the organization's own profile (name, summary and their citations) stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.domain.grades import Grade, meets
from desktop.domain.model import Citation, Dossier, EventDetail


def supported(citations: Iterable[Citation], bar: Grade) -> bool:
    """Whether a citation supporting the fact (not one contradicting it) passes ``bar``."""
    return meets((c.grade for c in citations if c.stance != "against"), bar)


def graded_at_least(d: Dossier, bar: Grade) -> Dossier:
    """``d`` with only the facts ``bar`` keeps (``d`` itself when the bar is empty)."""
    if bar.is_empty:
        return d
    events = tuple(e for e in d.events if supported(d.event_citations.get(e.id, ()), bar))
    kept = {e.id for e in events}
    return replace(
        d,
        roles=tuple(r for r in d.roles if supported(r.citations, bar)),
        products=tuple(p for p in d.products if supported(p.citations, bar)),
        events=events,
        claims=tuple(c for c in d.claims if supported(c.citations, bar)),
        metrics=tuple(m for m in d.metrics if supported(m.citations, bar)),
        relationships=tuple(r for r in d.relationships if supported(r.citations, bar)),
        event_count=len(events),
        event_citations={i: cs for i, cs in d.event_citations.items() if i in kept},
    )


def fact_count(d: Dossier) -> int:
    """The facts a grade can leave out: people's roles, products, events (those assembled),
    claims, figures and relationships."""
    parts = (d.roles, d.products, d.events, d.claims, d.metrics, d.relationships)
    return sum(len(p) for p in parts)


def left_out(d: Dossier, bar: Grade) -> tuple[int, int]:
    """(how many facts ``bar`` leaves out of ``d``, how many there are), counted on the cut
    :func:`graded_at_least` makes, so the count and the document cannot disagree."""
    total = fact_count(d)
    return total - fact_count(graded_at_least(d, bar)), total


def detail_graded_at_least(d: EventDetail, bar: Grade) -> tuple[EventDetail, int]:
    """An event's details cut as the dossier is: only the claims a citation supporting them
    at ``bar`` keeps (the event itself, its organizations, people and sources stay: the
    timeline's filter decides whether the event shows at all); with how many were cut."""
    if bar.is_empty:
        return d, 0
    claims = tuple(c for c in d.claims if supported(c.citations, bar))
    return replace(d, claims=claims), len(d.claims) - len(claims)

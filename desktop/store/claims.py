"""Claims, metrics and relationships as domain records, with their citations."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from desktop.domain.model import Citation, Claim, Metric, Relationship
from desktop.store.citations import citations_for
from desktop.store.database import Store

_CLAIM_SQL = """
SELECT c.id, c.key, c.text, c.status,
       coalesce(cp.name, co.name) AS claimant,
       coalesce(so.name, sp.name, spr.name, se.title) AS subject,
       CASE WHEN so.id IS NOT NULL THEN 'org:' || so.key
            WHEN sp.id IS NOT NULL THEN 'person:' || sp.key
            WHEN spr.id IS NOT NULL THEN 'product:' || spr.key
            WHEN se.id IS NOT NULL THEN 'event:' || se.key END AS subject_ref,
       c.measured_against, c.date,
       CASE WHEN cp.id IS NOT NULL THEN 'person:' || cp.key
            WHEN co.id IS NOT NULL THEN 'org:' || co.key END AS claimant_ref
FROM claims c
LEFT JOIN people cp ON cp.id = c.claimant_person_id
LEFT JOIN organizations co ON co.id = c.claimant_org_id
LEFT JOIN organizations so ON so.id = c.subject_org_id
LEFT JOIN people sp ON sp.id = c.subject_person_id
LEFT JOIN products spr ON spr.id = c.subject_product_id
LEFT JOIN events se ON se.id = c.subject_event_id
"""

R = TypeVar("R", Claim, Metric, Relationship)


def claims_where(store: Store, where: str, params: tuple[object, ...]) -> list[Claim]:
    """Claims matching a WHERE clause over the aliases above (``c`` is the claims table)."""
    rows = store.conn.execute(f"{_CLAIM_SQL} WHERE {where} ORDER BY c.date, c.id", params)
    # one starred tuple (mypy cannot count a row): the 9 columns, no citations yet, claimant_ref
    claims = [Claim(*(*r[:9], (), r[9])) for r in rows.fetchall()]
    cites = citations_for(store, "claim", [c.id for c in claims])
    return [_with(c, cites.get(c.id, ())) for c in claims]


def _with(record: R, citations: tuple[Citation, ...]) -> R:
    return replace(record, citations=citations) if citations else record


def metrics_where(store: Store, where: str, params: tuple[object, ...]) -> list[Metric]:
    rows = store.conn.execute(
        "SELECT m.id, m.key, m.name, m.value, m.unit, m.as_of, coalesce(o.name, p.name), m.note"
        " FROM metrics m LEFT JOIN organizations o ON o.id = m.subject_org_id"
        f" LEFT JOIN products p ON p.id = m.subject_product_id WHERE {where}"
        " ORDER BY m.name, m.as_of",
        params,
    ).fetchall()
    metrics = [Metric(*r) for r in rows]
    cites = citations_for(store, "metric", [m.id for m in metrics])
    return [_with(m, cites.get(m.id, ())) for m in metrics]


def relationships_of(store: Store, org_id: int) -> list[Relationship]:
    rows = store.conn.execute(
        "SELECT r.id, r.key, r.kind, o.id, o.key, o.name, r.source_id = ?, r.since, r.summary"
        " FROM relationships r JOIN organizations o"
        " ON o.id = CASE WHEN r.source_id = ? THEN r.target_id ELSE r.source_id END"
        " WHERE r.source_id = ? OR r.target_id = ? ORDER BY r.kind, o.name",
        (org_id, org_id, org_id, org_id),
    ).fetchall()
    rels = [Relationship(*(*r[:6], bool(r[6]), *r[7:])) for r in rows]
    cites = citations_for(store, "relationship", [r.id for r in rels])
    return [_with(r, cites.get(r.id, ())) for r in rels]

"""Where a search hit leads: the event to focus on the timeline or the dossier to open.

Events focus the timeline and organizations open their dossier; everything else opens the
dossier of the organization it belongs to (a person's organization, a product's owner, a
claim's subject or claimant, an organization a source is cited for), or focuses the event it
belongs to when no organization can be found. An annotation leads where its target leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.store.database import Store
from desktop.store.errors import raises_store_errors

MAX_DEPTH = 3  # claim -> product -> organization is as deep as a chain goes


@dataclass(frozen=True)
class Target:
    """``kind`` is 'event' (focus it on the timeline) or 'org' (open its dossier)."""

    kind: str
    id: int


def _one(store: Store, sql: str, params: tuple[Any, ...]) -> int | None:
    row = store.conn.execute(sql, params).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _person(store: Store, person_id: int, depth: int) -> Target | None:
    org = _one(
        store,
        "SELECT org_id FROM roles WHERE person_id = ? AND org_id IS NOT NULL"
        " ORDER BY start IS NULL, start DESC, id LIMIT 1",
        (person_id,),
    )
    if org is not None:
        return Target("org", org)
    event = _one(
        store,
        "SELECT event_id FROM event_people WHERE person_id = ? ORDER BY event_id LIMIT 1",
        (person_id,),
    )
    return Target("event", event) if event is not None else None


def _product(store: Store, product_id: int, depth: int) -> Target | None:
    owner = _one(store, "SELECT owner_id FROM products WHERE id = ?", (product_id,))
    if owner is not None:
        return Target("org", owner)
    event = _one(
        store,
        "SELECT event_id FROM event_products WHERE product_id = ? ORDER BY event_id LIMIT 1",
        (product_id,),
    )
    return Target("event", event) if event is not None else None


def _claim(store: Store, claim_id: int, depth: int) -> Target | None:
    row = store.conn.execute(
        "SELECT subject_org_id, claimant_org_id, subject_product_id, subject_person_id,"
        " claimant_person_id, subject_event_id FROM claims WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        return None
    subject_org, claimant_org, product, subject_person, claimant_person, event = row
    for org in (subject_org, claimant_org):
        if org is not None:
            return Target("org", int(org))
    for kind, value in (
        ("product", product),
        ("person", subject_person),
        ("person", claimant_person),
    ):
        if value is not None and (found := target_for(store, kind, int(value), depth + 1)):
            return found
    return Target("event", int(event)) if event is not None else None


def _source(store: Store, source_id: int, depth: int) -> Target | None:
    """The organization (or event) a source is most often cited for, directly or not."""
    rows = store.conn.execute(
        "SELECT target_kind, target_id FROM citations WHERE source_id = ? ORDER BY"
        " CASE target_kind WHEN 'org' THEN 0 WHEN 'product' THEN 1 WHEN 'claim' THEN 2"
        " WHEN 'person' THEN 3 WHEN 'role' THEN 4 WHEN 'metric' THEN 5"
        " WHEN 'relationship' THEN 6 ELSE 7 END, id",
        (source_id,),
    ).fetchall()
    fallback = None
    for kind, target_id in rows:
        if kind == "role":
            org = _one(store, "SELECT org_id FROM roles WHERE id = ?", (target_id,))
            found = Target("org", org) if org is not None else None
        elif kind == "metric":
            found = _metric(store, int(target_id), depth)
        elif kind == "relationship":
            org = _one(store, "SELECT source_id FROM relationships WHERE id = ?", (target_id,))
            found = Target("org", org) if org is not None else None
        else:
            found = target_for(store, kind, int(target_id), depth + 1)
        if found is not None and found.kind == "org":
            return found
        fallback = fallback or found
    return fallback


def _metric(store: Store, metric_id: int, depth: int) -> Target | None:
    row = store.conn.execute(
        "SELECT subject_org_id, subject_product_id FROM metrics WHERE id = ?", (metric_id,)
    ).fetchone()
    if row is None:
        return None
    if row[0] is not None:
        return Target("org", int(row[0]))
    return _product(store, int(row[1]), depth) if row[1] is not None else None


_KEY_TABLES = {"event": "events", "org": "organizations", "claim": "claims"}


def _annotation(store: Store, annotation_id: int, depth: int) -> Target | None:
    target = store.conn.execute(
        "SELECT target FROM annotations WHERE id = ?", (annotation_id,)
    ).fetchone()
    if target is None:
        return None
    kind, _, key = str(target[0]).partition(":")
    table = _KEY_TABLES.get(kind)
    if table is None:
        return None
    row_id = _one(store, f"SELECT id FROM {table} WHERE key = ?", (key,))
    return None if row_id is None else target_for(store, kind, row_id, depth + 1)


_RESOLVERS = {
    "person": _person,
    "product": _product,
    "claim": _claim,
    "source": _source,
    "annotation": _annotation,
}


@raises_store_errors
def target_for(store: Store, kind: str, row_id: int, depth: int = 0) -> Target | None:
    """Where a hit of ``kind`` with id ``row_id`` leads, or None when it leads nowhere."""
    if kind == "event":
        exists = _one(store, "SELECT id FROM events WHERE id = ?", (row_id,))
        return Target("event", row_id) if exists is not None else None
    if kind == "org":
        exists = _one(store, "SELECT id FROM organizations WHERE id = ?", (row_id,))
        return Target("org", row_id) if exists is not None else None
    resolver = _RESOLVERS.get(kind)
    if resolver is None or depth > MAX_DEPTH:
        return None
    return resolver(store, row_id, depth)


_NAME_SQL = {
    "event": "SELECT title FROM events WHERE id = ?",
    "org": "SELECT name FROM organizations WHERE id = ?",
    "person": "SELECT name FROM people WHERE id = ?",
    "product": "SELECT name FROM products WHERE id = ?",
    "claim": "SELECT text FROM claims WHERE id = ?",
    "source": "SELECT title FROM sources WHERE id = ?",
    "annotation": "SELECT target FROM annotations WHERE id = ?",
}


@raises_store_errors
def display_name(store: Store, kind: str, row_id: int) -> str | None:
    """The name a hit is shown under (an organization's name without its aliases)."""
    sql = _NAME_SQL.get(kind)
    if sql is None:
        return None
    row = store.conn.execute(sql, (row_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    text = " ".join(str(row[0]).split())
    return f"Note on {text}" if kind == "annotation" else text


@raises_store_errors
def target_label(store: Store, target: Target) -> str:
    """'Alibaba Cloud' or the event's title, for an 'opens …' hint."""
    return display_name(store, target.kind, target.id) or f"{target.kind} {target.id}"

"""Assembling everything known about one organization into a :class:`Dossier`."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import Dossier, Person, Product, Role, Source
from desktop.store.claims import claims_where, metrics_where, relationships_of
from desktop.store.database import Store
from desktop.store.queries import (
    _aliases,
    annotations_for,
    citations_for,
    get_organization,
    list_events,
)


def _roles(store: Store, org_id: int) -> list[Role]:
    rows = store.conn.execute(
        'SELECT r.id, p.id, p.key, p.name, p.name_zh, p.summary, r.title, r.start, r."end"'
        " FROM roles r JOIN people p ON p.id = r.person_id WHERE r.org_id = ? ORDER BY p.name",
        (org_id,),
    ).fetchall()
    cites = citations_for(store, "role", [r[0] for r in rows])
    return [
        Role(Person(*r[1:6]), r[6], org_id, None, r[7], r[8], cites.get(r[0], ())) for r in rows
    ]


def _products(store: Store, org_id: int) -> list[Product]:
    rows = store.conn.execute(
        "SELECT id, key, name, aliases, owner_id, kind, released, parameters, open_weights,"
        " summary FROM products WHERE owner_id = ? ORDER BY released, name",
        (org_id,),
    ).fetchall()
    cites = citations_for(store, "product", [r[0] for r in rows])
    return [
        Product(
            r[0],
            r[1],
            r[2],
            _aliases(r[3]),
            r[4],
            None,
            r[5],
            r[6],
            r[7],
            None if r[8] is None else bool(r[8]),
            r[9],
            cites.get(r[0], ()),
        )
        for r in rows
    ]


def load_dossier(store: Store, org_id: int) -> Dossier | None:
    """The organization, its parent, people, products, events, claims (by it, about it and
    about its products), metrics, relationships, citations and notes."""
    org = get_organization(store, org_id)
    if org is None:
        return None
    products = _products(store, org_id)
    product_ids = [p.id for p in products]
    marks = ",".join("?" * len(product_ids)) or "NULL"
    claims = claims_where(
        store,
        f"c.subject_org_id = ? OR c.claimant_org_id = ? OR c.subject_product_id IN ({marks})",
        (org_id, org_id, *product_ids),
    )
    metrics = metrics_where(
        store, f"m.subject_org_id = ? OR m.subject_product_id IN ({marks})", (org_id, *product_ids)
    )
    events = list_events(store, org_id)
    dossier = Dossier(
        org=org,
        parent=get_organization(store, org.parent_id) if org.parent_id else None,
        roles=tuple(_roles(store, org_id)),
        products=tuple(products),
        events=tuple(events),
        claims=tuple(claims),
        metrics=tuple(metrics),
        relationships=tuple(relationships_of(store, org_id)),
        citations=citations_for(store, "org", [org_id]).get(org_id, ()),
        annotations=tuple(annotations_for(store, [f"org:{org.key}"])),
    )
    return replace(dossier, sources=tuple(_sources(store, dossier)))


def _sources(store: Store, d: Dossier) -> list[Source]:
    """Every source cited anywhere in the dossier, in order of first citation."""
    keys: dict[str, None] = {}
    groups = [d.citations, *(r.citations for r in d.roles), *(p.citations for p in d.products)]
    groups += [c.citations for c in d.claims] + [m.citations for m in d.metrics]
    groups += [r.citations for r in d.relationships]
    event_cites = citations_for(store, "event", [e.id for e in d.events])
    groups += list(event_cites.values())
    for group in groups:
        for c in group:
            keys.setdefault(c.source_key, None)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    rows = store.conn.execute(
        "SELECT id, key, title, kind, publisher, file, url, published, summary FROM sources"
        f" WHERE key IN ({marks})",
        list(keys),
    ).fetchall()
    by_key = {r[1]: Source(*r) for r in rows}
    return [by_key[k] for k in keys if k in by_key]

"""Assembling everything known about one organization into a :class:`Dossier`.

``as_of`` (seconds since 1970 UTC) gives the dossier as it was known at that date: metrics,
claims, relationships, products, roles and events whose own date starts after it are left out
(an item without a readable date stays). Only the latest ``max_events`` events are assembled
(an organization may have tens of thousands); ``event_count`` says how many there are in all.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from dataclasses import replace
from typing import Any

from desktop.domain.dossier_facts import RoleSpan, spoke_for
from desktop.domain.model import (
    Annotation,
    Citation,
    Claim,
    Dossier,
    Event,
    Person,
    Product,
    Role,
    Source,
)
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store.citations import citations_for
from desktop.store.claims import claims_where, metrics_where, relationships_of
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.queries import (
    EVENT_COLS,
    _aliases,
    _event,
    annotations_for,
    get_organization,
)

MAX_EVENTS = 300
"""Events assembled for a dossier pane (the latest ones); the timeline shows them all."""


CLAIMS_SCOPE = (
    "c.subject_org_id = ? OR c.claimant_org_id = ?"
    " OR c.subject_product_id IN (SELECT id FROM products WHERE owner_id = ?)"
    " OR c.subject_person_id IN (SELECT person_id FROM roles WHERE org_id = ?)"
    " OR c.claimant_person_id IN (SELECT person_id FROM roles WHERE org_id = ?)"
)
"""The claims of a dossier (``c`` is the claims table; the org id five times): by it or its
people, about it, its products or its people."""
METRICS_SCOPE = (
    "m.subject_org_id = ? OR m.subject_product_id IN (SELECT id FROM products WHERE owner_id = ?)"
)
"""The metrics of a dossier (``m`` is the metrics table; the org id twice)."""


LoadedDossier = Dossier
"""What load_dossier returns (the domain's Dossier: how it was cut is part of it)."""


@functools.lru_cache(maxsize=4096)
def date_lo(text: str | None) -> int | None:
    """Start of a partial date in seconds (None: no date or an unreadable one)."""
    if not text:
        return None
    try:
        return PartialDate.parse(text).interval()[0]
    except DateParseError:
        return None


def as_of_seconds(text: str) -> float | None:
    """An *as of* date typed by a person: 'May 2024' -> the last second of May 2024; '' or
    'now' -> None (everything). Raises DateParseError for text that is not a date."""
    text = text.strip()
    if not text or text.lower() in ("now", "today", "all"):
        return None
    return float(PartialDate.parse(text).interval()[1] - 1)


def known_by(text: str | None, as_of: float | None) -> bool:
    """Whether an item dated ``text`` belongs in a dossier as of ``as_of``."""
    if as_of is None:
        return True
    lo = date_lo(text)
    return lo is None or lo <= as_of


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


WALK_BUDGET_S = 0.008
"""How long the index walk may try before the plain join takes over (see dossier_events)."""


def dossier_events(
    store: Store, org_id: int, as_of: float | None = None, limit: int | None = MAX_EVENTS
) -> tuple[list[Event], int]:
    """The latest ``limit`` events of an organization starting by ``as_of`` (all when
    ``limit`` is None), in time order, and how many there are in all.

    A few indexed queries whatever the number of events: a count, the latest dated ones, and
    the few rows written without an interval (dated here from their text). For an
    organization with a large share of all events the latest ones are found by walking the
    time index backwards (a few thousand steps) instead of reading every one of its events."""
    cols = ", ".join(f"e.{c.strip()}" for c in EVENT_COLS.split(","))
    base = " FROM event_orgs eo JOIN events e ON e.id = eo.event_id WHERE eo.org_id = ?"
    cut = "" if as_of is None else " AND e.start_lo <= ?"
    params: tuple[object, ...] = (org_id,) if as_of is None else (org_id, as_of)
    linked = store.conn.execute(  # the covering index alone
        "SELECT count(*) FROM event_orgs WHERE org_id = ?", (org_id,)
    ).fetchone()[0]
    rows = None
    if limit is not None:
        everything = store.conn.execute("SELECT max(id) FROM events").fetchone()[0] or 0
        if linked * linked > limit * everything:  # expected walk < reading them all
            rows = _walk_latest(store, cols, cut, params, limit)
    if rows is None:
        top = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = store.conn.execute(
            f"SELECT {cols}{base} AND e.start_lo IS NOT NULL{cut}"
            f" ORDER BY e.start_lo DESC, e.id DESC{top}",
            params,
        ).fetchall()
    dated = [_event(r) for r in rows]
    undated = [  # rows another client wrote without an interval: few, found by the index
        e
        for e in (
            _event(r)
            for r in store.conn.execute(
                f"SELECT {cols} FROM events e WHERE e.start_lo IS NULL AND EXISTS"
                " (SELECT 1 FROM event_orgs eo WHERE eo.event_id = e.id AND eo.org_id = ?)",
                (org_id,),
            )
        )
        if as_of is None or e.lo is None or e.lo <= as_of
    ]
    if as_of is None:
        count = linked
    else:
        count = store.conn.execute(f"SELECT count(*){base}{cut}", params).fetchone()[0]
        count += len(undated)
    events = sorted(dated + undated, key=lambda e: (e.lo is None, e.lo or 0, e.id))
    if limit is not None and len(events) > limit:
        # the latest dated ones; events never dated stay at the end, as the timeline lists them
        events = events[-limit:]
    return events, count


def _walk_latest(
    store: Store, cols: str, cut: str, params: tuple[object, ...], limit: int
) -> list[tuple[Any, ...]] | None:
    """The latest ``limit`` dated events of the organization by walking ``events_start_lo``
    backwards; None when that takes longer than WALK_BUDGET_S (events bunched in the past)."""
    org_id, *rest = params
    deadline = time.perf_counter() + WALK_BUDGET_S
    store.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
    try:
        return store.conn.execute(
            f"SELECT {cols} FROM events e WHERE e.start_lo IS NOT NULL{cut} AND EXISTS"
            " (SELECT 1 FROM event_orgs eo WHERE eo.event_id = e.id AND eo.org_id = ?)"
            f" ORDER BY e.start_lo DESC, e.id DESC LIMIT {int(limit)}",
            (*rest, org_id),
        ).fetchall()
    except sqlite3.OperationalError:  # interrupted by the handler
        return None
    finally:
        store.conn.set_progress_handler(None, 0)


def load_dossier(
    store: Store,
    org_id: int,
    as_of: float | None = None,
    *,
    max_events: int | None = MAX_EVENTS,
) -> LoadedDossier | None:
    """The organization, its parent, people, products, events, claims (by it, about it and
    about its products), metrics, relationships, citations and notes, as known at ``as_of``
    (None: everything). ``max_events`` None assembles every event (exports)."""
    org = get_organization(store, org_id)
    if org is None:
        return None
    products = _products(store, org_id)
    claims = _placed_claims(store, org_id, claims_where(store, CLAIMS_SCOPE, (org_id,) * 5))
    metrics = metrics_where(store, METRICS_SCOPE, (org_id,) * 2)
    events, event_count = dossier_events(store, org_id, as_of, max_events)
    dossier = LoadedDossier(
        org=org,
        parent=get_organization(store, org.parent_id) if org.parent_id else None,
        roles=tuple(r for r in _roles(store, org_id) if known_by(r.start, as_of)),
        products=tuple(p for p in products if known_by(p.released, as_of)),
        events=tuple(events),
        claims=tuple(c for c in claims if known_by(c.date, as_of)),
        metrics=tuple(m for m in metrics if known_by(m.as_of, as_of)),
        relationships=tuple(r for r in relationships_of(store, org_id) if known_by(r.since, as_of)),
        citations=citations_for(store, "org", [org_id]).get(org_id, ()),
        annotations=tuple(annotations_for(store, [f"org:{org.key}"]) + _event_notes(store, org_id)),
        event_count=event_count,
        as_of=as_of,
        event_citations=citations_for(store, "event", [e.id for e in events]),
    )
    return replace(dossier, sources=tuple(_sources(store, dossier)))


def _event_notes(store: Store, org_id: int) -> list[Annotation]:
    """Notes on the organization's events (notes are few: start from them)."""
    rows = store.conn.execute(
        "SELECT a.uuid, a.target, a.body, a.tags, a.starred, a.colour, a.author, a.created_at,"
        " a.updated_at, a.deleted_at FROM annotations a WHERE a.deleted_at IS NULL"
        " AND a.target LIKE 'event:%' AND EXISTS (SELECT 1 FROM events e JOIN event_orgs eo"
        " ON eo.event_id = e.id WHERE e.key = substr(a.target, 7) AND eo.org_id = ?)"
        " ORDER BY a.updated_at DESC",
        (org_id,),
    ).fetchall()
    return [Annotation(r[0], r[1], r[2], _aliases(r[3]), bool(r[4]), *r[5:]) for r in rows]


def event_citations(store: Store, d: Dossier) -> dict[int, tuple[Citation, ...]]:
    """Citations of the dossier's (assembled) events, by event id."""
    if d.event_citations or not d.events:
        return d.event_citations
    return citations_for(store, "event", [e.id for e in d.events])


def person_roles(store: Store, person_ids: list[int]) -> dict[int, list[RoleSpan]]:
    """Every role of these people, with its organization and dates."""
    out: dict[int, list[RoleSpan]] = {}
    for i in range(0, len(person_ids), 500):
        chunk = person_ids[i : i + 500]
        rows = store.conn.execute(
            'SELECT r.person_id, r.org_id, o.name, r.start, r."end" FROM roles r'
            " JOIN organizations o ON o.id = r.org_id"
            f" WHERE r.person_id IN ({','.join('?' * len(chunk))}) ORDER BY r.start, r.id",
            chunk,
        )
        for person, org, name, start, end in rows:
            out.setdefault(person, []).append(RoleSpan(org, name, start, end))
    return out


def dossier_claim_ids(store: Store, org_id: int) -> set[int]:
    """Ids of the claims the organization's dossier shows (each placed in time)."""
    claims = claims_where(store, CLAIMS_SCOPE, (org_id,) * 5)
    return {c.id for c in _placed_claims(store, org_id, claims)}


def _placed_claims(store: Store, org_id: int, claims: list[Claim]) -> list[Claim]:
    """The claims of the dossier, each where it belongs in time: one that reaches the
    organization only through a person (by or about one of its people) stays when that person
    held a role there at the claim's date. A person's claim names the organizations they spoke
    for then (several when the date does not settle it)."""
    if not claims:
        return claims
    ids = [c.id for c in claims]
    links: dict[int, tuple[Any, ...]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = store.conn.execute(
            "SELECT c.id, c.claimant_person_id, c.subject_person_id,"
            " c.subject_org_id = ? OR c.claimant_org_id = ? OR p.owner_id = ?"
            " FROM claims c LEFT JOIN products p ON p.id = c.subject_product_id"
            f" WHERE c.id IN ({','.join('?' * len(chunk))})",
            (org_id, org_id, org_id, *chunk),
        )
        links.update((r[0], r[1:]) for r in rows)
    people = {p for row in links.values() for p in row[:2] if p is not None}
    roles = person_roles(store, sorted(people))
    out = []
    for c in claims:
        claimant, subject, direct = links.get(c.id, (None, None, True))
        held = spoke_for(roles.get(claimant, []), c.date) if claimant is not None else []
        about = spoke_for(roles.get(subject, []), c.date) if subject is not None else []
        if not direct and not any(r.org_id == org_id for r in (*held, *about)):
            continue  # e.g. a former employee speaking for another company
        names = tuple(dict.fromkeys(r.org_name for r in held))
        out.append(replace(c, spoke_for=names) if names else c)
    return out


def _sources(store: Store, d: Dossier) -> list[Source]:
    """Every source cited anywhere in the dossier, in order of first citation."""
    keys: dict[str, None] = {}
    groups = [d.citations, *(r.citations for r in d.roles), *(p.citations for p in d.products)]
    groups += [c.citations for c in d.claims] + [m.citations for m in d.metrics]
    groups += [r.citations for r in d.relationships]
    groups += list(event_citations(store, d).values())
    for group in groups:
        for c in group:
            keys.setdefault(c.source_key, None)
    if not keys:
        return []
    return sources_by_keys(store, list(keys))


def sources_by_keys(store: Store, keys: list[str]) -> list[Source]:
    """Sources in the order of ``keys`` (unknown keys are skipped)."""
    by_key: dict[str, Source] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT id, key, title, kind, publisher, file, url, published, summary,"
            " reliability, reliability_reason FROM sources"
            f" WHERE key IN ({marks})",
            chunk,
        ).fetchall()
        by_key.update((r[1], Source(*r)) for r in rows)
    return [by_key[k] for k in keys if k in by_key]


def dossier_or_refuse(
    store: Store, org_id: int, as_of: float | None = None, *, max_events: int | None = None
) -> LoadedDossier:
    """:func:`load_dossier` for an export (every event unless ``max_events``); StoreError for
    an unknown organization."""
    d = load_dossier(store, org_id, as_of, max_events=max_events)
    if d is None:
        raise StoreError(f"no organization with id {org_id}")
    return d

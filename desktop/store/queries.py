"""Small named read queries that return domain records (the only SQL the UI relies on)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from desktop.domain.model import (
    Annotation,
    Event,
    EventDetail,
    EventOrg,
    Organization,
    OrgSummary,
    Person,
    Product,
)
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.store.batches import id_batches
from desktop.store.citations import citations_for
from desktop.store.claims import claims_where
from desktop.store.database import Store
from desktop.store.errors import raises_store_errors

EVENT_COLS = (
    'id, key, title, start, kind, summary, "end", start_lo, start_hi, end_lo, end_hi, place, era'
)
ORG_COLS = "id, key, name, name_zh, aliases, kind, country, hq, founded, summary, parent_id"


def _aliases(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return (text,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _org(row: tuple[Any, ...]) -> Organization:
    r = list(row)
    r[4] = _aliases(r[4])
    return Organization(*r)


def _event(row: tuple[Any, ...]) -> Event:
    e = Event(*(*row[:12], bool(row[12])))  # era last
    if e.start_lo is None:
        return _with_parsed_dates(e)
    return e


def _with_parsed_dates(e: Event) -> Event:
    """Rows written by another client with a non-ISO date ('early May 2024') get their interval
    here, in memory; an unreadable date leaves the event undated (listed, not drawn)."""
    from dataclasses import replace

    try:
        lo, hi = PartialDate.parse(e.start).interval()
        end_lo = end_hi = None
        if e.end:
            end_lo, end_hi = PartialDate.parse(e.end).interval()
    except DateParseError:
        return e
    return replace(e, start_lo=lo, start_hi=hi, end_lo=end_lo, end_hi=end_hi)


# -- organizations -------------------------------------------------------------------------
def list_organizations(store: Store) -> list[OrgSummary]:
    rows = store.conn.execute(
        "SELECT o.id, o.key, o.name, o.name_zh, o.kind, coalesce(c.n, 0) FROM organizations o"
        " LEFT JOIN (SELECT org_id, count(*) AS n FROM event_orgs GROUP BY org_id) c"
        " ON c.org_id = o.id ORDER BY o.name COLLATE NOCASE"
    ).fetchall()
    return [OrgSummary(*r) for r in rows]


def organization_labels(store: Store) -> dict[int, str]:
    """id -> 'Name 中文名' for every organization (lane titles; no counting)."""
    rows = store.conn.execute("SELECT id, name, name_zh FROM organizations").fetchall()
    return {r[0]: f"{r[1]} {r[2]}" if r[2] else r[1] for r in rows}


def get_organization(store: Store, org_id: int) -> Organization | None:
    row = store.conn.execute(
        f"SELECT {ORG_COLS} FROM organizations WHERE id = ?", (org_id,)
    ).fetchone()
    return _org(row) if row else None


def find_organization(store: Store, name_or_key: str) -> Organization | None:
    """By key, name, Chinese name or alias (case-insensitive)."""
    text = name_or_key.strip()
    row = store.conn.execute(
        f"SELECT {ORG_COLS} FROM organizations WHERE key = ? OR name = ? COLLATE NOCASE"
        " OR name_zh = ? OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(aliases)"
        " THEN aliases ELSE '[]' END) WHERE value = ? COLLATE NOCASE) ORDER BY id LIMIT 1",
        (text.lower(), text, text, text),
    ).fetchone()
    return _org(row) if row else None


# -- events --------------------------------------------------------------------------------
def get_event(store: Store, event_id: int) -> Event | None:
    row = store.conn.execute(
        f"SELECT {EVENT_COLS} FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    return _event(row) if row else None


def list_events(store: Store, org_id: int | None = None) -> list[Event]:
    """Events in time order (of one organization when ``org_id`` is given)."""
    if org_id is None:
        sql = f"SELECT {EVENT_COLS} FROM events ORDER BY start_lo, id"
        rows = store.conn.execute(sql).fetchall()
    else:
        sql = (
            f"SELECT {EVENT_COLS} FROM events WHERE id IN "
            "(SELECT event_id FROM event_orgs WHERE org_id = ?) ORDER BY start_lo, id"
        )
        rows = store.conn.execute(sql, (org_id,)).fetchall()
    return sorted((_event(r) for r in rows), key=lambda e: (e.lo is None, e.lo or 0, e.id))


def flagged_event_ids(store: Store) -> dict[str, set[int]]:
    """Events with notes, with starred notes, and with disputed facts (few; one query each)."""
    annotated = {
        r[0]: bool(r[1])
        for r in store.conn.execute(
            "SELECT e.id, max(a.starred) FROM annotations a JOIN events e"
            " ON e.key = substr(a.target, 7) WHERE a.target LIKE 'event:%'"
            " AND a.deleted_at IS NULL GROUP BY e.id"
        )
    }
    disputed = {
        r[0]
        for r in store.conn.execute(
            "SELECT target_id FROM citations WHERE target_kind = 'event' AND stance = 'against'"
            " UNION SELECT subject_event_id FROM claims"
            " WHERE status = 'disputed' AND subject_event_id IS NOT NULL"
        )
    }
    return {
        "annotated": set(annotated),
        "starred": {k for k, v in annotated.items() if v},
        "disputed": disputed,
    }


def event_colours(store: Store) -> dict[int, str]:
    """Event id -> the colour label of its most recently updated live note that has one (one
    query, like :func:`flagged_event_ids`; events without a coloured note are absent)."""
    out: dict[int, str] = {}
    for event_id, colour in store.conn.execute(
        "SELECT e.id, a.colour FROM annotations a JOIN events e ON e.key = substr(a.target, 7)"
        " WHERE a.target LIKE 'event:%' AND a.deleted_at IS NULL"
        " AND a.colour IS NOT NULL AND a.colour NOT IN ('', 'none')"
        " ORDER BY a.updated_at, a.id"
    ):
        out[int(event_id)] = str(colour)  # later rows (newer notes) win
    return out


def event_titles(store: Store, ids: Iterable[int]) -> dict[int, tuple[str, str, str | None]]:
    """id -> (title, start, end) for a few hundred events (labels, tooltips)."""
    ids = list(ids)
    out: dict[int, tuple[str, str, str | None]] = {}
    for chunk, marks in id_batches(ids):
        for r in store.conn.execute(
            f'SELECT id, title, start, "end" FROM events WHERE id IN ({marks})', chunk
        ):
            out[r[0]] = (r[1], r[2], r[3])
    return out


def event_orgs(store: Store, event_ids: Iterable[int]) -> dict[int, list[EventOrg]]:
    ids = list(event_ids)
    out: dict[int, list[EventOrg]] = defaultdict(list)
    for chunk, marks in id_batches(ids):
        for row in store.conn.execute(
            "SELECT eo.event_id, o.id, o.key, o.name, o.name_zh, eo.role FROM event_orgs eo"
            f" JOIN organizations o ON o.id = eo.org_id WHERE eo.event_id IN ({marks})"
            " ORDER BY o.name",
            chunk,
        ):
            out[row[0]].append(EventOrg(*row[1:]))
    return out


def annotations_for(store: Store, targets: Iterable[str]) -> list[Annotation]:
    targets = list(targets)
    if not targets:
        return []
    marks = ",".join("?" * len(targets))
    rows = store.conn.execute(
        "SELECT uuid, target, body, tags, starred, colour, author, created_at, updated_at,"
        f" deleted_at FROM annotations WHERE target IN ({marks}) AND deleted_at IS NULL"
        " ORDER BY updated_at DESC",
        targets,
    ).fetchall()
    return [Annotation(r[0], r[1], r[2], _aliases(r[3]), bool(r[4]), *r[5:]) for r in rows]


def event_detail(store: Store, event_id: int) -> EventDetail | None:
    """An event with its organizations, people, products, claims, citations and notes."""
    event = get_event(store, event_id)
    if event is None:
        return None
    people = [
        Person(*r)
        for r in store.conn.execute(
            "SELECT p.id, p.key, p.name, p.name_zh, p.summary FROM event_people ep"
            " JOIN people p ON p.id = ep.person_id WHERE ep.event_id = ? ORDER BY p.name",
            (event_id,),
        )
    ]
    products = [
        Product(r[0], r[1], r[2], _aliases(r[3]), owner_name=r[4], released=r[5])
        for r in store.conn.execute(
            "SELECT p.id, p.key, p.name, p.aliases, o.name, p.released FROM event_products ep"
            " JOIN products p ON p.id = ep.product_id LEFT JOIN organizations o"
            " ON o.id = p.owner_id WHERE ep.event_id = ? ORDER BY p.name",
            (event_id,),
        )
    ]
    return EventDetail(
        event=event,
        orgs=tuple(event_orgs(store, [event_id]).get(event_id, [])),
        people=tuple(people),
        products=tuple(products),
        claims=tuple(claims_where(store, "c.subject_event_id = ?", (event_id,))),
        citations=citations_for(store, "event", [event_id]).get(event_id, ()),
        annotations=tuple(annotations_for(store, [f"event:{event.key}"])),
    )


@raises_store_errors
def counts(store: Store) -> dict[str, int]:
    out = {}
    for table in ("events", "organizations", "people", "products", "claims", "sources"):
        out[table] = store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    out["annotations"] = store.conn.execute(
        "SELECT count(*) FROM annotations WHERE deleted_at IS NULL"
    ).fetchone()[0]
    return out

"""Creating, editing and deleting the facts of a dossier, each in one transaction (no Qt).

Every function validates first (raising :class:`FieldError`, a ``ValidationError`` naming the
field, with nothing written), writes in one ``store.write()`` transaction and announces the change
with ``store.changed(kind, op, ids)``. They are built for undo:

- :func:`create` returns the new id; undoing it is :func:`delete`.
- :func:`update` returns the previous values of exactly the columns it changed (and
  ``updated_at``); :func:`restore_values` writes such values back and returns the ones it
  replaced, so undo and redo are the same call with swapped values.
- :func:`delete` (and :func:`delete_org` with its policy for events) returns a
  :class:`~desktop.store.edits_rows.Snapshot` of every row removed or unlinked;
  :func:`restore_snapshot` puts them back with the same ids, keys and timestamps.

Kinds: org, event, person, role, product, claim, metric, relationship, citation. Field names are
the column names (see :data:`desktop.store.edits_fields.FIELDS`); an event also takes ``orgs``
(org ids, or ``(org_id, role)`` pairs) and a person ``roles`` (role fields at creation).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.store import clock
from desktop.store.database import Store
from desktop.store.edits_fields import (
    FIELDS,
    KEY_FROM,
    FieldError,
    field_errors,
    make_key,
    normalise,
)
from desktop.store.edits_rows import (
    TABLE_KINDS,
    Snapshot,
    apply_delete,
    apply_restore,
    collect,
    table_of,
)
from desktop.store.errors import ValidationError
from desktop.store.migrations import CREATED_TABLES

__all__ = [
    "FIELDS",
    "FieldError",
    "Snapshot",
    "create",
    "current_fields",
    "delete",
    "delete_org",
    "field_errors",
    "org_event_counts",
    "restore_snapshot",
    "restore_values",
    "update",
]

EDIT_KINDS = tuple(FIELDS)
EVENT_POLICIES = ("keep", "delete")
_NOW = clock.SQL_NOW
_NO_UPDATED_AT = ("roles", "citations")


def _row(store: Store, table: str, row_id: int) -> dict[str, Any]:
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        raise ValidationError(f"no {TABLE_KINDS.get(table, table)} with id {row_id}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _links(store: Store, event_id: int) -> list[tuple[int, str]]:
    rows = store.conn.execute(
        "SELECT org_id, role FROM event_orgs WHERE event_id = ? ORDER BY rowid", (event_id,)
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def _as_links(orgs: Iterable[Any]) -> list[tuple[int, str]]:
    out: dict[int, str] = {}
    for item in orgs:
        org_id, role = (item, "involved") if isinstance(item, int) else item
        out.setdefault(int(org_id), role or "involved")
    return list(out.items())


def _set_links(store: Store, event_id: int, links: list[tuple[int, str]]) -> None:
    store.conn.execute("DELETE FROM event_orgs WHERE event_id = ?", (event_id,))
    for org_id, role in links:
        if not store.conn.execute("SELECT 1 FROM organizations WHERE id = ?", (org_id,)).fetchone():
            raise FieldError("event", "orgs", f"no organization with id {org_id}")
        store.conn.execute(
            "INSERT INTO event_orgs (event_id, org_id, role) VALUES (?, ?, ?)",
            (event_id, org_id, role),
        )


def current_fields(store: Store, kind: str, row_id: int) -> dict[str, Any]:
    """The row as form values (aliases as a list; an event's ``orgs`` as (id, role) pairs)."""
    row = _row(store, table_of(kind), row_id)
    out = {f.name: row[f.name] for f in FIELDS[kind]}
    for f in FIELDS[kind]:
        if f.type == "aliases":
            out[f.name] = json.loads(row[f.name] or "[]")
        elif f.type in ("bool", "tristate") and row[f.name] is not None:
            out[f.name] = bool(row[f.name])
    if kind == "event":
        out["orgs"] = _links(store, row_id)
    out["id"] = row_id
    if "key" in row:
        out["key"] = row["key"]
    return out


def _insert(store: Store, kind: str, fields: Mapping[str, Any]) -> int:
    table = table_of(kind)
    cols = normalise(store.conn, kind, fields)
    if kind in KEY_FROM:
        cols["key"] = fields.get("key") or make_key(store.conn, table, kind, cols[KEY_FROM[kind]])
    if kind == "role":
        clash = store.conn.execute(
            "SELECT 1 FROM roles WHERE person_id = ? AND org_id IS ? AND title = ?",
            (cols["person_id"], cols["org_id"], cols["title"]),
        ).fetchone()
        if clash:
            raise FieldError(kind, "title", "this person already has that title there")
    if table in CREATED_TABLES:
        cols["created_at"] = clock.now_text()
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    cur = store.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(cols.values()))
    row_id = int(cur.lastrowid or 0)
    if kind == "event":
        _set_links(store, row_id, _as_links(fields.get("orgs", ())))
    if kind == "person":
        for role in fields.get("roles", ()):
            _insert(store, "role", {**role, "person_id": row_id})
    store.changed(kind, "add", [row_id])
    return row_id


def create(store: Store, kind: str, fields: Mapping[str, Any]) -> int:
    """Add a row of ``kind`` (with a new unique key made from its name); returns its id."""
    with store.write():
        return _insert(store, kind, fields)


def update(store: Store, kind: str, row_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Change the given fields of a row; returns the previous values of what changed
    (``{}`` when nothing did, and then nothing is written)."""
    table = table_of(kind)
    with store.write():
        row = _row(store, table, row_id)
        merged = {**current_fields(store, kind, row_id), **fields, "id": row_id}
        cols = normalise(store.conn, kind, merged)
        diff = {c: v for c, v in cols.items() if row[c] != v}
        previous: dict[str, Any] = {c: row[c] for c in diff}
        if kind == "event" and "orgs" in fields:
            old, new = _links(store, row_id), _as_links(fields["orgs"])
            if sorted(old) != sorted(new):
                _set_links(store, row_id, new)
                previous["orgs"] = old
        if not previous:
            return {}
        if kind == "role" and diff.keys() & {"person_id", "org_id", "title"}:
            clash = store.conn.execute(
                "SELECT 1 FROM roles WHERE person_id = ? AND org_id IS ? AND title = ? AND id != ?",
                (cols["person_id"], cols["org_id"], cols["title"], row_id),
            ).fetchone()
            if clash:
                raise FieldError(kind, "title", "this person already has that title there")
        sets = [f'"{c}" = ?' for c in diff]
        if table not in _NO_UPDATED_AT:
            previous["updated_at"] = row["updated_at"]
            sets.append(f"updated_at = {_NOW}")
        store.conn.execute(
            f"UPDATE {table} SET {', '.join(sets)} WHERE id = ?", [*diff.values(), row_id]
        )
        store.changed(kind, "update", [row_id])
        return previous


def restore_values(
    store: Store, kind: str, row_id: int, values: Mapping[str, Any]
) -> dict[str, Any]:
    """Write raw column values back (the undo of :func:`update`); returns those replaced."""
    table = table_of(kind)
    with store.write():
        row = _row(store, table, row_id)
        cols = {c: v for c, v in values.items() if c != "orgs"}
        replaced: dict[str, Any] = {c: row[c] for c in cols}
        if "orgs" in values:
            replaced["orgs"] = _links(store, row_id)
            _set_links(store, row_id, list(values["orgs"]))
        if cols:
            sets = ", ".join(f'"{c}" = ?' for c in cols)
            store.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*cols.values(), row_id])
        store.changed(kind, "update", [row_id])
        return replaced


def _announce(store: Store, snap: Snapshot, op: str) -> None:
    deleted: dict[str, set[int]] = {}
    for table, row in snap.rows:
        if table in TABLE_KINDS:
            deleted.setdefault(TABLE_KINDS[table], set()).add(int(row["_rowid_"]))
    touched: dict[str, set[int]] = {}
    for table, row in snap.rows:
        if table.startswith("event_") and row["event_id"] not in deleted.get("event", ()):
            touched.setdefault("event", set()).add(int(row["event_id"]))
    for table, rowid, _col, _old in snap.nulled:
        touched.setdefault(TABLE_KINDS.get(table, table), set()).add(int(rowid))
    for kind, ids in deleted.items():
        store.changed(kind, op, sorted(ids))
    for kind, ids in touched.items():
        store.changed(kind, "update", sorted(ids))


def _delete(store: Store, kind: str, roots: dict[str, list[int]]) -> Snapshot:
    snap = collect(store.conn, roots, kind)
    apply_delete(store.conn, snap)
    _announce(store, snap, "delete")
    return snap


def delete(store: Store, kind: str, row_id: int) -> Snapshot:
    """Delete a row and everything that depends on it; returns the snapshot for undo.
    (An organization's events are only unlinked; see :func:`delete_org`.)"""
    with store.write():
        _row(store, table_of(kind), row_id)
        return _delete(store, kind, {table_of(kind): [row_id]})


def org_event_counts(store: Store, org_id: int) -> tuple[int, int]:
    """(events linked to the organization, of which only to it) - what a delete would affect."""
    row = store.conn.execute(
        "SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM event_orgs o"
        " WHERE o.event_id = e.event_id AND o.org_id != e.org_id)), 0)"
        " FROM event_orgs e WHERE e.org_id = ?",
        (org_id,),
    ).fetchone()
    return int(row[0]), int(row[1])


def delete_org(store: Store, org_id: int, events: str = "keep") -> Snapshot:
    """Delete an organization with its people's roles there, claims, metrics, relationships
    and citations. ``events='keep'`` unlinks its events (those with no other organization
    stay, unassigned); ``'delete'`` also deletes the events that involve only it."""
    if events not in EVENT_POLICIES:
        raise ValidationError(f"events policy must be one of {', '.join(EVENT_POLICIES)}")
    with store.write():
        _row(store, "organizations", org_id)
        roots: dict[str, list[int]] = {"organizations": [org_id]}
        if events == "delete":
            only = store.conn.execute(
                "SELECT e.event_id FROM event_orgs e WHERE e.org_id = ? AND NOT EXISTS"
                " (SELECT 1 FROM event_orgs o WHERE o.event_id = e.event_id AND o.org_id != ?)",
                (org_id, org_id),
            )
            roots["events"] = [int(r[0]) for r in only]
        return _delete(store, "org", roots)


def restore_snapshot(store: Store, snapshot: Snapshot) -> None:
    """Put back everything a delete removed, with the same ids (the undo of a delete)."""
    with store.write():
        apply_restore(store.conn, snapshot)
        _announce(store, snapshot, "add")


# -- named entry points, one per kind --------------------------------------------------------
def create_org(store: Store, fields: Mapping[str, Any]) -> int:
    return create(store, "org", fields)


def update_org(store: Store, org_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    return update(store, "org", org_id, fields)


def create_event(store: Store, fields: Mapping[str, Any]) -> int:
    return create(store, "event", fields)


def update_event(store: Store, event_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    return update(store, "event", event_id, fields)


def delete_event(store: Store, event_id: int) -> Snapshot:
    return delete(store, "event", event_id)


def check(store: Store, kind: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """Problems of form values by field name (what a form shows beside each field)."""
    return field_errors(store.conn, kind, fields)

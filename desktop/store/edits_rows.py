"""Exact snapshots of rows for undoable deletes (no Qt).

Deleting a row in a Dossier database also removes (``ON DELETE CASCADE``), or unlinks
(``ON DELETE SET NULL``), rows of other tables, and the cleanup triggers remove the citations of
every deleted fact. :func:`collect` follows the same rules from the schema's own foreign keys, so
a :class:`Snapshot` holds every row a delete removes (with its rowid) and every link it clears;
:func:`apply_delete` performs the delete from the snapshot and :func:`apply_restore` puts it all
back with the same ids, keys and timestamps, so an undo leaves the file as it was.

Both run inside the caller's transaction (``with store.write():``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from desktop.store.errors import ValidationError
from desktop.store.schema import CITATION_TARGETS

# table -> change kind sent to listeners
TABLE_KINDS: dict[str, str] = {
    "organizations": "org",
    "events": "event",
    "people": "person",
    "roles": "role",
    "products": "product",
    "claims": "claim",
    "metrics": "metric",
    "relationships": "relationship",
    "citations": "citation",
    "sources": "source",
}
_KIND_TABLES = {kind: table for table, kind in TABLE_KINDS.items()}
# parents before children, so a restore satisfies every foreign key as it goes
RESTORE_ORDER = (
    "sources",
    "organizations",
    "people",
    "products",
    "events",
    "roles",
    "event_orgs",
    "event_people",
    "event_products",
    "claims",
    "metrics",
    "relationships",
    "citations",
)
_LINK_TABLES = ("event_orgs", "event_people", "event_products")


def table_of(kind: str) -> str:
    return _KIND_TABLES[kind]


@dataclass
class Snapshot:
    """Everything one delete removed: ``rows`` as ``(table, {column: value, '_rowid_': n})``
    in collection order, and ``nulled`` links as ``(table, rowid, column, old value)``."""

    kind: str
    root_ids: tuple[int, ...]
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    nulled: list[tuple[str, int, str, Any]] = field(default_factory=list)

    def ids(self, table: str) -> list[int]:
        return [int(r["_rowid_"]) for t, r in self.rows if t == table]

    def count(self, table: str) -> int:
        return sum(1 for t, _ in self.rows if t == table)


def _children(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, str, str]]]:
    """parent table -> [(child table, child column, parent column, on_delete)]."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
        )
    ]
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            parent, col, parent_col, on_delete = fk[2], fk[3], fk[4] or "rowid", fk[6]
            out.setdefault(parent, []).append((table, col, parent_col, on_delete.upper()))
    return out


def _rows(
    conn: sqlite3.Connection, table: str, col: str, values: list[Any]
) -> list[dict[str, Any]]:
    if not values:
        return []
    marks = ", ".join("?" for _ in values)
    cur = conn.execute(f"SELECT rowid AS _rowid_, * FROM {table} WHERE {col} IN ({marks})", values)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def collect(conn: sqlite3.Connection, roots: dict[str, list[int]], kind: str) -> Snapshot:
    """The snapshot of deleting the rows ``roots`` ({table: [rowid, ...]}) and what follows."""
    snap = Snapshot(kind, tuple(roots.get(table_of(kind), ())))
    children = _children(conn)
    seen: set[tuple[str, int]] = set()
    queue: list[tuple[str, list[dict[str, Any]]]] = [
        (t, _rows(conn, t, "rowid", ids)) for t, ids in roots.items()
    ]
    nulls: dict[tuple[str, int, str], Any] = {}
    while queue:
        table, rows = queue.pop(0)
        fresh = [r for r in rows if (table, r["_rowid_"]) not in seen]
        if not fresh:
            continue
        for r in fresh:
            seen.add((table, r["_rowid_"]))
            snap.rows.append((table, r))
        for child, col, parent_col, on_delete in children.get(table, []):
            key = "_rowid_" if parent_col in ("rowid", "id") else parent_col
            values = sorted({r[key] for r in fresh if r[key] is not None})
            dependants = _rows(conn, child, col, values)
            if on_delete == "CASCADE":
                queue.append((child, dependants))
            elif on_delete == "SET NULL":
                for d in dependants:
                    nulls[(child, d["_rowid_"], col)] = d[col]
        cite_kind = TABLE_KINDS.get(table)
        if cite_kind in CITATION_TARGETS:
            ids = [r["_rowid_"] for r in fresh]
            marks = ", ".join("?" for _ in ids)
            cur = conn.execute(
                "SELECT rowid AS _rowid_, * FROM citations"
                f" WHERE target_kind = ? AND target_id IN ({marks})",
                [cite_kind, *ids],
            )
            cols = [d[0] for d in cur.description]
            queue.append(("citations", [dict(zip(cols, x, strict=True)) for x in cur]))
    snap.nulled = [
        (t, rowid, col, old) for (t, rowid, col), old in nulls.items() if (t, rowid) not in seen
    ]
    return snap


def apply_delete(conn: sqlite3.Connection, snap: Snapshot) -> None:
    """Clear the links and delete the rows of ``snap`` (children first)."""
    for table, rowid, col, _old in snap.nulled:
        conn.execute(f'UPDATE {table} SET "{col}" = NULL WHERE rowid = ?', (rowid,))
    for table, row in reversed(snap.rows):
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (row["_rowid_"],))


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    values = dict(row)
    rowid = values.pop("_rowid_")
    if table in _LINK_TABLES:
        taken = conn.execute(f"SELECT 1 FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        if not taken:
            values["rowid"] = rowid
    cols = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join("?" for _ in values)
    try:
        conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(values.values()))
    except sqlite3.IntegrityError as exc:
        what = row.get("key") or row.get("id") or rowid
        raise ValidationError(
            f"cannot restore {TABLE_KINDS.get(table, table)} {what}: {exc}"
        ) from exc


def apply_restore(conn: sqlite3.Connection, snap: Snapshot) -> None:
    """Insert every row of ``snap`` again (same rowids) and restore the cleared links."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    order = {t: i for i, t in enumerate(RESTORE_ORDER)}
    rows = sorted(snap.rows, key=lambda tr: order.get(tr[0], len(order)))
    for table, row in rows:
        _insert(conn, table, row)
    for table, rowid, col, old in snap.nulled:
        conn.execute(f'UPDATE {table} SET "{col}" = ? WHERE rowid = ?', (old, rowid))

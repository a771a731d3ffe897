"""What edit forms offer to pick from, and how an edited row is named (no Qt).

Lists are ``(id, label)`` pairs (or ``(kind, id, label)`` for mixed lists) in display order.
"""

from __future__ import annotations

from typing import Any

from desktop.store.database import Store
from desktop.store.edits_rows import table_of


def _pairs(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[int, str]]:
    return [(int(r[0]), str(r[1])) for r in store.conn.execute(sql, params).fetchall()]


def org_choices(store: Store) -> list[tuple[int, str]]:
    return _pairs(
        store,
        "SELECT id, name || coalesce(' ' || name_zh, '') FROM organizations ORDER BY name",
    )


def person_choices(store: Store) -> list[tuple[int, str]]:
    return _pairs(
        store, "SELECT id, name || coalesce(' ' || name_zh, '') FROM people ORDER BY name"
    )


def product_choices(store: Store, org_id: int | None = None) -> list[tuple[int, str]]:
    if org_id is None:
        return _pairs(store, "SELECT id, name FROM products ORDER BY name")
    return _pairs(
        store,
        "SELECT id, name FROM products ORDER BY owner_id IS NOT ?, name",
        (org_id,),
    )


def source_choices(store: Store) -> list[tuple[int, str]]:
    return _pairs(
        store,
        "SELECT id, title || coalesce(' — ' || publisher, '') || coalesce(' (' || published"
        " || ')', '') FROM sources ORDER BY title",
    )


def event_choices(store: Store, org_id: int) -> list[tuple[int, str]]:
    return _pairs(
        store,
        "SELECT e.id, e.title || ' (' || e.start || ')' FROM events e"
        " JOIN event_orgs o ON o.event_id = e.id WHERE o.org_id = ? ORDER BY e.start_lo",
        (org_id,),
    )


def _short(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_LABEL_SQL = {
    "org": "SELECT name FROM organizations WHERE id = ?",
    "event": "SELECT title FROM events WHERE id = ?",
    "person": "SELECT name FROM people WHERE id = ?",
    "product": "SELECT name FROM products WHERE id = ?",
    "claim": "SELECT text FROM claims WHERE id = ?",
    "metric": "SELECT name FROM metrics WHERE id = ?",
    "role": "SELECT p.name || ', ' || r.title FROM roles r JOIN people p ON p.id = r.person_id"
    " WHERE r.id = ?",
    "relationship": "SELECT s.name || ' ' || r.kind || ' ' || t.name FROM relationships r"
    " JOIN organizations s ON s.id = r.source_id JOIN organizations t ON t.id = r.target_id"
    " WHERE r.id = ?",
    "citation": "SELECT s.title || ' → ' || c.target_kind FROM citations c"
    " JOIN sources s ON s.id = c.source_id WHERE c.id = ?",
    "source": "SELECT title FROM sources WHERE id = ?",
}


def label_of(store: Store, kind: str, row_id: int) -> str:
    """A short name for a row ('WAIC 2024', 'Xu Li, CEO'), for undo texts and lists."""
    row = store.conn.execute(_LABEL_SQL[kind], (row_id,)).fetchone()
    return _short(str(row[0])) if row else f"{kind} {row_id}"


def org_items(store: Store, org_id: int) -> list[tuple[str, int, str]]:
    """Every editable fact of an organization's dossier: (kind, id, label), grouped by kind."""
    q = store.conn.execute
    out: list[tuple[str, int, str]] = []
    roles = q(
        "SELECT r.id FROM roles r JOIN people p ON p.id = r.person_id WHERE r.org_id = ?"
        " ORDER BY p.name",
        (org_id,),
    ).fetchall()
    out += [("role", r[0], label_of(store, "role", r[0])) for r in roles]
    people = q(
        "SELECT DISTINCT person_id FROM roles WHERE org_id = ? ORDER BY person_id", (org_id,)
    ).fetchall()
    out += [("person", r[0], label_of(store, "person", r[0])) for r in people]
    products = q("SELECT id FROM products WHERE owner_id = ? ORDER BY name", (org_id,))
    product_ids = [r[0] for r in products.fetchall()]
    out += [("product", i, label_of(store, "product", i)) for i in product_ids]
    marks = ", ".join("?" for _ in product_ids) or "NULL"
    claims = q(
        "SELECT id FROM claims WHERE claimant_org_id = ? OR subject_org_id = ?"
        f" OR subject_product_id IN ({marks}) ORDER BY date, id",
        (org_id, org_id, *product_ids),
    ).fetchall()
    out += [("claim", r[0], label_of(store, "claim", r[0])) for r in claims]
    metrics = q(
        f"SELECT id FROM metrics WHERE subject_org_id = ? OR subject_product_id IN ({marks})"
        " ORDER BY name, as_of",
        (org_id, *product_ids),
    ).fetchall()
    out += [("metric", r[0], label_of(store, "metric", r[0])) for r in metrics]
    rels = q(
        "SELECT id FROM relationships WHERE source_id = ? OR target_id = ? ORDER BY id",
        (org_id, org_id),
    ).fetchall()
    out += [("relationship", r[0], label_of(store, "relationship", r[0])) for r in rels]
    events = event_choices(store, org_id)
    out += [("event", i, label) for i, label in events]
    targets = [(k, i) for k, i, _ in out if k != "person"] + [("org", org_id)]
    for kind, target_id in targets:
        cites = q(
            "SELECT c.id, s.title FROM citations c JOIN sources s ON s.id = c.source_id"
            " WHERE c.target_kind = ? AND c.target_id = ? ORDER BY c.id",
            (kind, target_id),
        ).fetchall()
        where = "organization" if kind == "org" else label_of(store, kind, target_id)
        out += [("citation", c[0], _short(f"{c[1]} → {where}", 72)) for c in cites]
    cited = q(  # the sources those citations name, to grade them
        "SELECT DISTINCT s.id FROM citations c JOIN sources s ON s.id = c.source_id"
        f" WHERE c.id IN ({', '.join('?' for k, *_ in out if k == 'citation') or 'NULL'})"
        " ORDER BY s.title",
        [i for k, i, _ in out if k == "citation"],
    ).fetchall()
    out += [("source", r[0], label_of(store, "source", r[0])) for r in cited]
    return out


def citation_targets(store: Store, org_id: int) -> list[tuple[str, int, str]]:
    """What a citation added from an organization's dossier can attach to."""
    items = [("org", org_id, f"{label_of(store, 'org', org_id)} (organization)")]
    items += [(k, i, f"{label} ({k})") for k, i, label in org_items(store, org_id)]
    return [t for t in items if t[0] not in ("citation", "person", "source")]


def exists(store: Store, kind: str, row_id: int) -> bool:
    table = table_of(kind)
    return (
        store.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
    )


_DISTINCT = {
    ("org", "kind"): "SELECT DISTINCT kind FROM organizations",
    ("event", "kind"): "SELECT DISTINCT kind FROM events",
    ("product", "kind"): "SELECT DISTINCT kind FROM products",
    ("relationship", "kind"): "SELECT DISTINCT kind FROM relationships",
    ("role", "title"): "SELECT DISTINCT title FROM roles",
    ("metric", "unit"): "SELECT DISTINCT unit FROM metrics WHERE unit IS NOT NULL",
    ("org", "country"): "SELECT DISTINCT country FROM organizations WHERE country IS NOT NULL",
    ("source", "kind"): "SELECT DISTINCT kind FROM sources",
    ("source", "publisher"): "SELECT DISTINCT publisher FROM sources WHERE publisher IS NOT NULL",
}


def suggestions(store: Store, kind: str, field: str) -> list[str]:
    """Values already used for a free-text field (kinds, titles, units), sorted."""
    sql = _DISTINCT.get((kind, field))
    if sql is None:
        return []
    return sorted({str(r[0]) for r in store.conn.execute(sql).fetchall() if r[0]})

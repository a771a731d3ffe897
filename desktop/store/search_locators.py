"""Citation locators in the search index (migration 0005).

A citation's locator says where in its source a fact is stated ("¶4", "UN General Assembly
resolution A/RES/78/311, adopted 2024-07-01"). It is indexed with the item it is cited for: the
search row of an event, organization, person, product or claim carries, after its own fields,
the locators of its citations. Triggers keep it so for any client: the item's own insert and
update triggers read its locators, and a citation written, changed or deleted re-indexes the
item it belongs to.
"""

from __future__ import annotations

from desktop.store.schema import _SEARCH_FIELDS, SEARCH_KINDS, SEARCH_TABLES, _field

LOCATED_KINDS = ("event", "org", "person", "product", "claim")
"""Kinds that are both cited and searched (roles, metrics and relationships are not searched)."""


def _locators(kind: str, row: str) -> str:
    return _field(
        "(SELECT group_concat(locator, '  ') FROM citations"
        f" WHERE target_kind = '{kind}' AND target_id = {row}.id AND locator IS NOT NULL)"
    )


def _row_sql(kind: str, row: str) -> tuple[str, str, str]:
    """Title, body (with the locators) and condition of a search row over alias ``row``."""
    title, body, cond = (part.replace("new.", f"{row}.") for part in _SEARCH_FIELDS[kind])
    return title, f"{body} || {_locators(kind, row)}", cond


def _reindex(kind: str, ref: str) -> str:
    """Statements that re-index the ``kind`` row a citation (``new``/``old``) points at."""
    table, code = SEARCH_TABLES[kind], SEARCH_KINDS[kind]
    title, body, cond = _row_sql(kind, "t")
    hit = f"{ref}.target_kind = '{kind}'"
    return (
        f"DELETE FROM search WHERE {hit} AND rowid = {ref}.target_id * 16 + {code}; "
        f"INSERT INTO search(rowid, kind, title, body) SELECT t.id * 16 + {code}, '{kind}', "
        f"{title}, {body} FROM {table} t WHERE {hit} AND t.id = {ref}.target_id AND {cond};"
    )


def migration_sql() -> list[str]:
    """Statements of the migration: the items' search triggers with their locators, the
    citation triggers, and every located item re-indexed."""
    out = []
    for kind in LOCATED_KINDS:
        table, code = SEARCH_TABLES[kind], SEARCH_KINDS[kind]
        title, body, cond = _row_sql(kind, "new")
        insert = (
            f"INSERT INTO search(rowid, kind, title, body) SELECT new.id * 16 + {code}, "
            f"'{kind}', {title}, {body} WHERE {cond};"
        )
        delete = f"DELETE FROM search WHERE rowid = old.id * 16 + {code};"
        out += [
            f"DROP TRIGGER {table}_search_ai",
            f"DROP TRIGGER {table}_search_au",
            f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        ]
    new = " ".join(_reindex(k, "new") for k in LOCATED_KINDS)
    old = " ".join(_reindex(k, "old") for k in LOCATED_KINDS)
    out += [
        f"CREATE TRIGGER citations_search_ai AFTER INSERT ON citations BEGIN {new} END",
        f"CREATE TRIGGER citations_search_au AFTER UPDATE ON citations BEGIN {old} {new} END",
        f"CREATE TRIGGER citations_search_ad AFTER DELETE ON citations BEGIN {old} END",
    ]
    for kind in LOCATED_KINDS:
        table, code = SEARCH_TABLES[kind], SEARCH_KINDS[kind]
        title, body, cond = _row_sql(kind, "t")
        out += [
            f"DELETE FROM search WHERE rowid IN (SELECT id * 16 + {code} FROM {table})",
            f"INSERT INTO search(rowid, kind, title, body) SELECT t.id * 16 + {code}, '{kind}',"
            f" {title}, {body} FROM {table} t WHERE {cond}",
        ]
    return out

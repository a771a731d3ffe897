"""Indexing events in bulk with the statements of the event search triggers.

Through its triggers the full-text index costs ~200 µs a row (they make FTS5 flush its pending
terms on every statement); in bulk ~20-30 µs a row. So an import sets the two event search
triggers aside (:class:`SearchIndex`) and indexes rows with one ``INSERT INTO search ... SELECT``
built from the trigger's own SQL, for ranges of ids (:func:`event_index_sql`, also used by the
backlog of a big import, :mod:`desktop.store.io.backlog`). Triggers that are not of the expected
shape are left in place (slower, same result).
"""

from __future__ import annotations

import json
import re
import sqlite3

from desktop.store.schema import SEARCH_KINDS

FTS_DEFAULT_HASHSIZE = 1024 * 1024

_AI = re.compile(
    r"CREATE TRIGGER events_search_ai AFTER INSERT ON events BEGIN "
    r"(?P<insert>INSERT INTO search\([^)]*\) SELECT .+) WHERE (?P<cond>[^;]+); END",
    re.DOTALL,
)
_AU = re.compile(
    r"CREATE TRIGGER events_search_au AFTER UPDATE ON events BEGIN "
    r"DELETE FROM search WHERE rowid = (?P<rowid>[^;]+); (?P<insert>INSERT .+; )END",
    re.DOTALL,
)


def _triggers(conn: sqlite3.Connection) -> tuple[dict[str, str], re.Match[str] | None]:
    """The event search triggers' SQL by name, and the insert trigger parsed when both have
    the expected shape."""
    sql = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
            " AND name IN ('events_search_ai', 'events_search_au')"
        ).fetchall()
    )
    ai = _AI.fullmatch(sql.get("events_search_ai") or "")
    au = _AU.fullmatch(sql.get("events_search_au") or "")
    ok = bool(ai and au and au["insert"] == f"{ai['insert']} WHERE {ai['cond']}; ")
    return sql, ai if ok else None


def event_index_sql(conn: sqlite3.Connection) -> tuple[str, str]:
    """(delete, insert): the search rows of the events with ids in ``(?, ?]`` deleted, and
    written again from the events. Without triggers of the expected shape, the insert is an
    UPDATE that changes nothing and lets the triggers index each row."""
    code = SEARCH_KINDS["event"]
    delete = (
        f"DELETE FROM search WHERE rowid > ?1 * 16 + {code} AND rowid <= ?2 * 16 + {code}"
        f" AND rowid % 16 = {code}"
    )
    _, ai = _triggers(conn)
    if ai is None:
        return delete, "UPDATE events SET id = id WHERE id > ? AND id <= ?"
    return delete, (
        f"{ai['insert']} FROM events AS new WHERE ({ai['cond']}) AND new.id > ? AND new.id <= ?"
    )


class SearchIndex:
    """The event search triggers set aside for an import, to index in bulk; ``active`` is
    False when the triggers were left in place."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.saved: list[str] = []
        sql, ai = _triggers(conn)
        au = _AU.fullmatch(sql.get("events_search_au") or "")
        self.active = ai is not None and au is not None
        if ai is None or au is None:
            return
        select = f"{ai['insert']} FROM events AS new WHERE ({ai['cond']})"
        self.insert_range = f"{select} AND new.id > ? AND new.id <= ?"
        self.insert_ids = f"{select} AND new.id IN (SELECT value FROM json_each(?))"
        self.delete_ids = (
            f"DELETE FROM search WHERE rowid IN (SELECT {au['rowid']} FROM events AS old"
            " WHERE old.id IN (SELECT value FROM json_each(?)))"
        )
        for name in ("events_search_ai", "events_search_au"):
            self.saved.append(sql[name])
            conn.execute(f"DROP TRIGGER {name}")

    def index(self, after_id: int, upto_id: int, changed: list[int]) -> None:
        """Index the rows with ids in ``(after_id, upto_id]`` and re-index ``changed``."""
        self.reindex(changed)
        if upto_id > after_id:
            self.conn.execute(self.insert_range, (after_id, upto_id))

    def reindex(self, changed: list[int]) -> None:
        """Write the search rows of the events ``changed`` again."""
        if changed:
            ids = json.dumps(changed)
            self.conn.execute(self.delete_ids, (ids,))
            self.conn.execute(self.insert_ids, (ids,))

    def restore(self) -> None:
        for statement in self.saved:
            self.conn.execute(statement)
        self.saved.clear()

"""The timeline's change counter during an import.

Triggers add one to ``generations.value`` ('timeline') for every row inserted, updated or
deleted in ``events`` and ``event_orgs`` (migration 0003). Row by row that is one more UPDATE
per event and per link, about a third of the cost of linking. For an import they are set aside
and :meth:`Generations.restore` adds, in one UPDATE, exactly what they would have added: the
writer reports the rows each of its statements changed (``cursor.rowcount``). Triggers of any
other shape are left in place. Dropping and creating triggers is part of the transaction, so a
rollback puts them back too.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

TABLES = ("events", "event_orgs")
_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+\w+\s+AFTER\s+(?P<verb>INSERT|UPDATE|DELETE)\s+ON\s+(?P<table>\w+)\s+"
    r"BEGIN\s+UPDATE\s+generations\s+SET\s+value\s*=\s*value\s*\+\s*1\s+"
    r"WHERE\s+name\s*=\s*'timeline'\s*;\s*END",
)


class Generations:
    """The generation triggers of ``events`` and ``event_orgs``, set aside until restore."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.saved: list[tuple[str, tuple[str, str]]] = []  # (sql, (table, verb))
        self.changes: Counter[tuple[str, str]] = Counter()
        rows = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN {TABLES!r}"
        ).fetchall()
        for name, sql in rows:
            match = _TRIGGER.fullmatch(sql or "")
            if match is None or match["table"] not in TABLES:
                continue
            conn.execute(f'DROP TRIGGER "{name}"')
            self.saved.append((sql, (match["table"], match["verb"])))

    def count(self, table: str, verb: str, rows: int) -> None:
        """Record that a statement inserted, updated or deleted ``rows`` rows of ``table``."""
        if rows > 0:
            self.changes[(table, verb)] += rows

    def restore(self) -> None:
        """Add what the triggers would have added, and create them again."""
        if not self.saved:
            return
        total = sum(self.changes[what] for _, what in self.saved)
        if total:
            self.conn.execute(
                "UPDATE generations SET value = value + ? WHERE name = 'timeline'", (total,)
            )
        for sql, _ in self.saved:
            self.conn.execute(sql)
        self.saved.clear()
        self.changes.clear()

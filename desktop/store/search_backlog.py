"""How much of the full-text index a big import has left to write (the search backlog).

A big import commits its events first and indexes them after
(:mod:`desktop.store.io.backlog`); until then the ``app_state`` value ``search.backlog``,
``{"start": S, "after": A, "upto": U}``, says that events with ids in ``(A, U]`` may lack
their search rows (``S`` is where the backlog began, for the share done). Search answers from
what is indexed and says how much that is (:func:`indexed_share`); ``dossier check`` allows
the backlog's missing rows.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from desktop.store.database import Store
from desktop.store.schema import SEARCH_KINDS

KEY = "search.backlog"


@dataclass(frozen=True)
class Backlog:
    start: int
    after: int
    upto: int

    @property
    def share(self) -> float:
        """How much of the backlog is indexed, 0..1."""
        span = self.upto - self.start
        return 1.0 if span <= 0 else min(max((self.after - self.start) / span, 0.0), 1.0)

    @property
    def left(self) -> int:
        return max(self.upto - self.after, 0)

    def as_json(self) -> dict[str, int]:
        return {"start": self.start, "after": self.after, "upto": self.upto}


def read_backlog(conn: sqlite3.Connection) -> Backlog | None:
    """The backlog recorded in the file, or None when everything is indexed."""
    try:
        row = conn.execute("SELECT value FROM app_state WHERE key = ?", (KEY,)).fetchone()
    except sqlite3.Error:  # a file from before app_state, or one closed meanwhile
        return None
    if row is None:
        return None
    try:
        value = json.loads(row[0])
        backlog = Backlog(int(value["start"]), int(value["after"]), int(value["upto"]))
    except (ValueError, KeyError, TypeError):
        return None
    return backlog if backlog.after < backlog.upto else None


def indexed_share(store: Store) -> float | None:
    """The share of the latest big import that search can find yet (0..1), or None when the
    index is complete."""
    backlog = read_backlog(store.conn)
    return None if backlog is None else backlog.share


def backlog_problems(store: Store, backlog: Backlog, n_rows: int, n_index: int) -> list[str]:
    """Events outside the backlog all indexed, none inside indexed twice or for nothing."""
    code = SEARCH_KINDS["event"]
    inside = store.conn.execute(
        "SELECT count(*) FROM events WHERE id > ? AND id <= ?", (backlog.after, backlog.upto)
    ).fetchone()[0]
    indexed_inside = store.conn.execute(
        f"SELECT count(*) FROM search WHERE rowid > ?1 * 16 + {code} AND rowid <= ?2 * 16 + {code}"
        f" AND rowid % 16 = {code}",
        (backlog.after, backlog.upto),
    ).fetchone()[0]
    if n_rows - inside != n_index - indexed_inside or indexed_inside > inside:
        return [
            f"search index has {n_index - indexed_inside} event rows outside the backlog of"
            f" the last import, the table has {n_rows - inside}"
        ]
    return []

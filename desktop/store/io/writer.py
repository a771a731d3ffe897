"""Writing imported events in bulk, inside the caller's transaction.

Events come as :class:`~desktop.store.io.rows.Batch` es of tuples and are written 20,000 at a
time. The events of a batch whose keys are new to it are inserted with one ``executemany``
(``ON CONFLICT(key) DO NOTHING``): their ids are the next ones, in file order, and their links to
organizations follow in another. A row the insert passed over (its key is in the database
already) or whose key came earlier in the batch is staged in a temporary table and upserted
with one ``INSERT ... SELECT ... ON CONFLICT`` and one set-based statement for its links, so the
last row of a key wins, fields the file does not give are kept and links are made to match.

Per-row triggers are the cost that matters. The two event search triggers are set aside
(:mod:`desktop.store.io.search_index`): a small import indexes its new rows in chunks of
200,000 with one ``INSERT INTO search ... SELECT`` (with a bigger FTS5 ``hashsize`` and
``automerge``); a big one (:data:`~desktop.store.io.backlog.DEFER_ROWS`) leaves them to the
backlog, indexed after the commit (:mod:`desktop.store.io.backlog`). Events that existed before
and changed are indexed again in the transaction either way. The timeline's change-counter
triggers are set aside too (:mod:`desktop.store.io.generations`: one UPDATE adds what they
would have added), and so is the one filling ``start_lo``/``end_lo`` for rows written without
them (every imported row has them). A big import into a smaller database also drops the
secondary indexes of ``events`` and ``event_orgs`` and builds them again at the end (a sort
instead of a million random inserts). A big file is read in other processes
(:mod:`desktop.store.io.parallel`) while this one writes; they also write its events into
staging files that this one copies whole, with ``events_key`` set aside too, and foreign-key
checks off meanwhile (:mod:`desktop.store.io.stage`, :func:`foreign_keys_off`). Every new row
gets the same
``created_at`` and ``updated_at``, the time the import began. Everything is restored before
the commit, and a rollback restores it too.
"""

from __future__ import annotations

import json
import sqlite3

from desktop.store import clock
from desktop.store.database import Store
from desktop.store.io.backlog import DEFER_ROWS, add_backlog
from desktop.store.io.generations import Generations
from desktop.store.io.organizations import Organizations
from desktop.store.io.rows import COLUMNS, Batch, EventRow, StageChunk
from desktop.store.io.search_index import FTS_DEFAULT_HASHSIZE, SearchIndex
from desktop.store.io.stage import Request, Staging

FLUSH_ROWS = 20_000
FTS_CHUNK_ROWS = 200_000
FTS_HASHSIZE = 64 * 1024 * 1024
IMPORT_CACHE_KIB = 160 * 1024
STAGED_CACHE_KIB = 48 * 1024  # events copied whole need less (and two readers run meanwhile)
BULK_ROWS = 50_000  # imports this big (and bigger than the table) rebuild the indexes after
FTS_AUTOMERGE = 16  # FTS5 merges segments when a level has this many (4 by default)
MANY_IDS = 10_000  # above this, listeners hear one 'reload' instead of every id

_COLS = ", ".join(f'"{c}"' for c in COLUMNS)


def foreign_keys_off(conn: sqlite3.Connection) -> bool:
    """Turn foreign-key checks off for a big import (before its transaction; a no-op inside
    one); True if they were on, to turn them on again after it. They cost more than the rows
    they check (about 1 µs an event and 2 µs a link, looking up the event and the
    organization); the importer writes no row that could fail them: links to events it has
    just written or found and to organizations it has found or created, and it deletes only
    links."""
    if conn.in_transaction or not conn.execute("PRAGMA foreign_keys").fetchall()[0][0]:
        return False
    conn.execute("PRAGMA foreign_keys = OFF")
    return True


class Writer:
    """Batches events into the database (see the module doc). Call :meth:`start`, then
    :meth:`add` for each batch, :meth:`finish`, and :meth:`restore_cache` in any case."""

    def __init__(
        self,
        store: Store,
        conn: sqlite3.Connection,
        provided: frozenset[str],
        *,
        defer_index: bool | None = None,
    ) -> None:
        self.store = store
        self.conn = conn
        self.orgs = Organizations(store, conn)
        self.with_orgs = "orgs" in provided
        self.defer_index = defer_index  # None: when the import is big (DEFER_ROWS)
        self.rows: list[EventRow] = []
        self.names: list[tuple[str, ...]] = []
        self.count = self.created = self.updated = 0
        self.repeated = 0  # rows with the key of an earlier row of this import, changing nothing
        self.seen_before: set[int] = set()  # hashes of the keys of earlier events it updated
        self.first_new = 0  # the first id this import gives
        self.indexed_upto = 0  # search rows exist for ids up to here (or were never removed)
        self.pending_fts = 0
        self.changed: set[int] = set()  # rows with search rows, updated since the last chunk
        self.touched: set[int] = set()  # every updated id, for the listeners (up to MANY_IDS)
        self.touched_count = 0
        self.cache: int | None = None
        self.fts_config: dict[str, int] = {}  # FTS5 settings to put back
        self.search: SearchIndex | None = None
        self.generations: Generations | None = None
        self.indexes: list[str] = []
        self.saved_triggers: list[str] = []
        self.org_tuples: dict[tuple[str, ...], tuple[int, ...]] = {(): ()}  # names -> ids
        self.next_id = 0  # the id the next new event gets
        self.expected = 0
        self.stage: Staging | None = None
        self.now = now = clock.now_text()
        updates = ["title", "start", "start_lo", "start_hi", "end", "end_lo", "end_hi"]
        updates += [c for c in ("summary", "kind", "place", "era") if c in provided]
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in updates)
        differs = " OR ".join(f'"{c}" IS NOT excluded."{c}"' for c in updates)
        self.upsert = (
            f"INSERT INTO events ({_COLS}, created_at, updated_at) SELECT {_COLS}, '{now}', '{now}'"
            " FROM temp.import_stage WHERE true"
            f" ORDER BY key, rowid ON CONFLICT(key) DO UPDATE SET {sets},"
            f" updated_at = '{now}' WHERE {differs}"
        )
        marks = ", ".join("?" * len(COLUMNS))
        self.insert = (
            f"INSERT INTO events ({_COLS}, created_at, updated_at) VALUES ({marks}, '{now}',"
            f" '{now}') ON CONFLICT(key) DO NOTHING"
        )
        self.insert_links = "INSERT OR IGNORE INTO event_orgs (event_id, org_id) VALUES (?, ?)"

    @property
    def deferred(self) -> bool:
        return bool(self.defer_index)

    def start(self, expected_rows: int) -> None:
        """A bigger page cache, the staging table, the search triggers set aside, and for a
        big import the secondary indexes dropped (and the index left to the backlog)."""
        conn = self.conn
        self.expected = expected_rows
        if self.defer_index is None:
            self.defer_index = expected_rows >= DEFER_ROWS
        self.cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        conn.execute(f"CREATE TEMP TABLE import_stage ({_COLS}, orgs)")
        if not self.defer_index:
            self.fts_config = {
                name: self._fts_config(name, default)
                for name, default in (("hashsize", FTS_DEFAULT_HASHSIZE), ("automerge", 4))
            }
            self._fts_set("hashsize", FTS_HASHSIZE)
            if FTS_AUTOMERGE:
                self._fts_set("automerge", FTS_AUTOMERGE)
        self.search = SearchIndex(conn)
        self.generations = Generations(conn)
        # filling start_lo/end_lo for rows written without them: every imported row has them
        dates = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_dates_ai'"
        ).fetchone()
        if dates is not None:
            conn.execute("DROP TRIGGER events_dates_ai")
            self.saved_triggers.append(dates[0])
        last = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM events").fetchone()
        self.first_new, self.indexed_upto = last[0] + 1, last[0]
        self.next_id = self.first_new
        if expected_rows >= BULK_ROWS and expected_rows >= last[1]:
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name IN ('events', 'event_orgs') AND sql IS NOT NULL"
                " AND sql NOT LIKE 'CREATE UNIQUE%'"
            ).fetchall():
                conn.execute(f'DROP INDEX "{name}"')
                self.indexes.append(sql)

    def _fts_config(self, name: str, default: int) -> int:
        row = self.conn.execute("SELECT v FROM search_config WHERE k = ?", (name,)).fetchone()
        return int(row[0]) if row else default

    def _fts_set(self, name: str, value: int) -> None:
        self.conn.execute("INSERT INTO search(search, rank) VALUES (?, ?)", (name, value))

    def staging(self) -> Request | None:
        """For a big import read in a second process: set ``events_key`` and the triggers
        aside and ask that process to stage the events (:mod:`desktop.store.io.stage`); None
        when this import or this file cannot."""
        if self.stage is not None or not self.indexes or not Staging.possible(self.conn):
            return None
        self.stage = Staging(self.conn, self.next_id, self.now, self.expected)
        self.conn.execute(f"PRAGMA cache_size = -{STAGED_CACHE_KIB}")
        return self.stage.request

    def add(self, batch: Batch) -> None:
        """Take a batch's events (the skipped rows are the caller's)."""
        if batch.stage is not None:
            self._staged(batch.stage)
        self.rows += batch.rows
        self.names += batch.orgs
        if len(self.rows) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write what was added: events whose key is new to the batch are inserted with the
        next ids, in file order, and linked by those ids; the rest (a key the database has, a
        key again in the batch) go through the staging table and the upsert."""
        rows, names = self.rows, self.names
        self.rows, self.names = [], []
        if not rows:
            return
        conn = self.conn
        first: dict[str, int] = {}
        setdefault = first.setdefault
        again = [i for i, row in enumerate(rows) if setdefault(row[0], i) != i]
        fresh = list(first.values())
        top = self.next_id
        created = max(conn.executemany(self.insert, [rows[i] for i in fresh]).rowcount, 0)
        ids: list[int] | range = range(top, top + created)
        if created != len(fresh):  # some keys were there already: those inserted have ids now
            have = dict(conn.execute("SELECT key, id FROM events WHERE id >= ?", (top,)))
            again = sorted(again + [i for i in fresh if rows[i][0] not in have])
            fresh = [i for i in fresh if rows[i][0] in have]
            ids = [have[rows[i][0]] for i in fresh]
        if created:
            self.next_id = max(ids) + 1
        self._count("events", "INSERT", created)
        if self.with_orgs:  # two names of one organization: INSERT OR IGNORE links it once
            known, id_for = self.orgs.ids.get, self.orgs.id_for
            links = [
                (eid, known(name) or id_for(name))
                for i, eid in zip(fresh, ids, strict=True)
                for name in names[i]
            ]
            if links:
                linked = conn.executemany(self.insert_links, links).rowcount
                self._count("event_orgs", "INSERT", linked)
        if again:
            self._again(rows, names, again, {rows[i][0] for i in fresh}, top - 1)
        self.count += len(rows)
        self.created += created
        self.pending_fts += len(rows)
        if self.pending_fts >= FTS_CHUNK_ROWS and not self.defer_index:
            self._index()

    def _staged(self, chunk: StageChunk) -> None:
        """A staging file: its events copied as they are, or (staging turned off) written
        the usual way."""
        stage = self.stage
        if stage is None:
            raise RuntimeError("a staged chunk for an import that did not ask for one")
        self.flush()
        alias = stage.attach(chunk)
        if stage.copyable(chunk, alias, self.next_id):
            copied = stage.copy(alias)
            self._count("events", "INSERT", copied)
            if self.with_orgs:
                self._count("event_orgs", "INSERT", stage.link(alias, self.orgs.id_for))
            self.next_id += copied
            self.count += copied
            self.created += copied
            return
        stage.stop()
        rows, names = stage.rows(alias)
        for i in range(0, len(rows), FLUSH_ROWS):
            self.rows, self.names = rows[i : i + FLUSH_ROWS], names[i : i + FLUSH_ROWS]
            self.flush()

    def _again(
        self,
        rows: list[EventRow],
        names: list[tuple[str, ...]],
        again: list[int],
        new_keys: set[str],
        after: int,
    ) -> None:
        """The rows whose key the insert passed over, in file order: first those meeting an
        event from before this import for the first time, then those repeating a key this
        import wrote (a repeat that changes nothing is a duplicate, one that changes the event
        an update: the last row wins)."""
        keys = json.dumps(list({rows[i][0]: None for i in again if rows[i][0] not in new_keys}))
        found: dict[str, int] = dict(
            self.conn.execute(
                "SELECT key, id FROM events WHERE key IN (SELECT value FROM json_each(?))", (keys,)
            ).fetchall()
        )
        first_new = self.first_new
        meet: list[int] = []
        repeat: list[int] = []
        for i in again:
            key = rows[i][0]
            if key in new_keys or found.get(key, first_new) >= first_new:
                repeat.append(i)
                continue
            seen, size = self.seen_before, len(self.seen_before)
            seen.add(hash(key))
            (meet if len(seen) > size else repeat).append(i)
        for group, repeats in ((meet, False), (repeat, True)):
            if not group:
                continue
            inserted, group_changed, existing = self._upsert([(rows[i], names[i]) for i in group])
            self.created += inserted
            self.updated += group_changed
            if repeats:
                self.repeated += len(group) - inserted - group_changed
            before = [i for i in existing if i <= after]  # existed before this batch
            self.changed.update(i for i in before if i <= self.indexed_upto)
            self.touched_count += len(before)
            if len(self.touched) < MANY_IDS:
                self.touched.update(before)

    def _org_ids(self, names: tuple[str, ...]) -> tuple[int, ...]:
        ids = self.org_tuples.get(names)
        if ids is None:
            id_for = self.orgs.id_for
            ids = tuple(dict.fromkeys(id_for(name) for name in names))
            if len(self.org_tuples) < 100_000:
                self.org_tuples[names] = ids
        return ids

    def _upsert(self, events: list[tuple[EventRow, tuple[str, ...]]]) -> tuple[int, int, list[int]]:
        """Upsert through the staging table: (events inserted, events updated, ids of the
        events staged)."""
        conn = self.conn
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        conn.executemany(
            f"INSERT INTO temp.import_stage ({_COLS}, orgs) VALUES ({marks})",
            [(*row, "[" + ",".join(map(str, self._org_ids(orgs))) + "]") for row, orgs in events],
        )
        existing = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT e.id FROM temp.import_stage s JOIN events e ON e.key = s.key"
            )
        ]
        top = self.next_id - 1
        changed = max(conn.execute(self.upsert).rowcount, 0)
        if self.with_orgs:
            self._link(existing)
        conn.execute("DELETE FROM temp.import_stage")
        new = conn.execute("SELECT count(*), max(id) FROM events WHERE id > ?", (top,)).fetchone()
        if new[0]:  # keys are looked up first, so not expected; the next ids follow these
            self.next_id = int(new[1]) + 1
        self._count("events", "INSERT", new[0])
        self._count("events", "UPDATE", changed - new[0])
        return new[0], changed - new[0], existing

    def _index(self) -> None:
        if self.search is None or not self.search.active:
            return
        upto = self.conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        self.search.index(self.indexed_upto, upto, sorted(self.changed))
        self.indexed_upto = upto
        self.changed.clear()
        self.pending_fts = 0

    _LINKS = (
        "WITH last AS (SELECT key, orgs FROM temp.import_stage WHERE rowid IN"
        " (SELECT max(rowid) FROM temp.import_stage GROUP BY key)),"
        " links AS (SELECT e.id AS event_id, j.value AS org_id FROM last"
        " JOIN events e ON e.key = last.key, json_each(last.orgs) j)"
    )

    def _link(self, existing: list[int]) -> None:
        """Link the batch's events to the organizations of their last row in the file;
        events that already existed lose the links that row does not name."""
        if existing:
            self.conn.execute(
                f"{self._LINKS} DELETE FROM event_orgs WHERE event_id IN"
                " (SELECT value FROM json_each(?)) AND (event_id, org_id) NOT IN"
                " (SELECT event_id, org_id FROM links)",
                (json.dumps(existing),),
            )
            self._count("event_orgs", "DELETE", self._changes())
        self.conn.execute(
            f"{self._LINKS} INSERT OR IGNORE INTO event_orgs (event_id, org_id)"
            " SELECT event_id, org_id FROM links WHERE true ORDER BY event_id"
        )
        self._count("event_orgs", "INSERT", self._changes())

    def _changes(self) -> int:
        """Rows the last statement changed (``rowcount`` is -1 for statements that start with
        WITH)."""
        return int(self.conn.execute("SELECT changes()").fetchone()[0])

    def _count(self, table: str, verb: str, rows: int) -> None:
        if self.generations is not None:
            self.generations.count(table, verb, rows)

    def finish(self) -> None:
        """Write the last batch, index what is left (or record it in the backlog), and put
        everything back."""
        self.flush()
        if self.defer_index:
            if self.search is not None and self.search.active:
                self.search.reindex(sorted(self.changed))
                self.changed.clear()
                top = self.conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
                add_backlog(self.store, self.indexed_upto, top)
        else:
            self._index()
        staged = self.stage.finish() if self.stage is not None else []
        for statement in staged + self.indexes + self.saved_triggers:
            self.conn.execute(statement)
        if self.search is not None:
            self.search.restore()
        if self.generations is not None:
            self.generations.restore()
        for name, value in self.fts_config.items():
            if self._fts_config(name, value) != value:
                self._fts_set(name, value)
        self.conn.execute("DROP TABLE temp.import_stage")

    def close(self) -> None:
        """After the transaction (committed or not): the staging files detached and deleted."""
        if self.stage is not None:
            self.stage.close()

    def restore_cache(self) -> None:
        if self.cache is not None:
            self.conn.execute(f"PRAGMA cache_size = {self.cache}")

    def announce(self) -> None:
        """Record the change events that listeners hear after the commit."""
        if self.orgs.created:
            self.store.changed("org", "add", self.orgs.created)
        if self.created + self.touched_count > MANY_IDS:
            self.store.changed("event", "reload")
            return
        if self.created:
            new = self.conn.execute(
                "SELECT id FROM events WHERE id >= ?", (self.first_new,)
            ).fetchall()
            self.store.changed("event", "add", [r[0] for r in new])
        if self.touched:
            self.store.changed("event", "update", sorted(self.touched))

"""Writing imported events in bulk, inside the caller's transaction.

Events come in batches of 20,000. The keys of a batch are looked up in one statement; an event
whose key is new (to the database and to the batch) is inserted directly with the next id, in
file order, and its links to organizations with those ids (two ``executemany``). The rest, an
update or a key seen again in the same batch, is staged in a temporary table and upserted with
one ``INSERT ... SELECT ... ON CONFLICT`` and one set-based statement for its links, so the last
row of a key wins, fields the file does not give are kept and links are made to match.

Per-row triggers are the cost that matters. Through its triggers the full-text index costs
~200 µs a row (they make FTS5 flush its pending terms on every statement); in bulk ~20-30 µs
a row, still about a third of an import. So for an import the two event search triggers are
set aside and the new rows are indexed in chunks of 200,000 with one ``INSERT INTO search ...
SELECT`` built from the triggers' own SQL, with a bigger FTS5 ``hashsize`` and ``automerge``
(FTS5 then merges fewer, bigger segments: the index has the same rows and answers; later writes
go on merging with the database's own setting). The timeline's change-counter triggers are set
aside too (:mod:`desktop.store.io.generations`: one UPDATE adds what they would have added). A
big import into a smaller database also drops the secondary indexes of ``events`` and
``event_orgs`` and builds them again at the end (a sort instead of a million random inserts).
Everything is restored before the commit, and a rollback restores it too. Triggers that are not
of the expected shape are simply left in place (slower, same result).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from desktop.store.database import Store
from desktop.store.io.generations import Generations
from desktop.store.io.organizations import Organizations
from desktop.store.io.records import ImportedEvent

FLUSH_ROWS = 20_000
FTS_CHUNK_ROWS = 200_000
FTS_HASHSIZE = 64 * 1024 * 1024
FTS_DEFAULT_HASHSIZE = 1024 * 1024
IMPORT_CACHE_KIB = 160 * 1024
BULK_ROWS = 50_000  # imports this big (and bigger than the table) rebuild the indexes after
FTS_AUTOMERGE = 16  # FTS5 merges segments when a level has this many (4 by default)
MANY_IDS = 10_000  # above this, listeners hear one 'reload' instead of every id

COLUMNS = ("key", "title", "summary", "kind", "start", "start_lo", "start_hi", "end", "end_lo",
           "end_hi", "place", "era")  # fmt: skip
_COLS = ", ".join(f'"{c}"' for c in COLUMNS)
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  # created_at of new rows (updates keep theirs)


def event_row(e: ImportedEvent) -> tuple[Any, ...]:
    return (e.key, e.title, e.summary, e.kind, e.start, e.start_lo, e.start_hi, e.end, e.end_lo,
            e.end_hi, e.place, int(e.era))  # fmt: skip


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


class SearchIndex:
    """Indexes imported events in bulk with the event search triggers set aside (see the
    module doc). ``active`` is False when the triggers were left in place."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.saved: list[str] = []
        sql = dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
                " AND name IN ('events_search_ai', 'events_search_au')"
            ).fetchall()
        )
        ai = _AI.fullmatch(sql.get("events_search_ai") or "")
        au = _AU.fullmatch(sql.get("events_search_au") or "")
        self.active = bool(ai and au and au["insert"] == f"{ai['insert']} WHERE {ai['cond']}; ")
        if not (self.active and ai and au):
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
        if changed:
            ids = json.dumps(changed)
            self.conn.execute(self.delete_ids, (ids,))
            self.conn.execute(self.insert_ids, (ids,))
        if upto_id > after_id:
            self.conn.execute(self.insert_range, (after_id, upto_id))

    def restore(self) -> None:
        for statement in self.saved:
            self.conn.execute(statement)
        self.saved.clear()


class Writer:
    """Batches events into the database (see the module doc). Call :meth:`start`, then
    :meth:`add` for each event, :meth:`finish`, and :meth:`restore_cache` in any case."""

    def __init__(self, store: Store, conn: sqlite3.Connection, provided: frozenset[str]) -> None:
        self.store = store
        self.conn = conn
        self.orgs = Organizations(store, conn)
        self.with_orgs = "orgs" in provided
        self.batch: list[ImportedEvent] = []
        self.rows = self.created = self.updated = 0
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
        self.org_tuples: dict[tuple[str, ...], tuple[int, ...]] = {(): ()}  # names -> ids
        self.next_id = 0  # the id the next new event gets
        self.reader: Any = None  # a Prefetch to let work while SQLite runs (see prefetch.py)
        updates = ["title", "start", "start_lo", "start_hi", "end", "end_lo", "end_hi"]
        updates += [c for c in ("summary", "kind", "place", "era") if c in provided]
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in updates)
        differs = " OR ".join(f'"{c}" IS NOT excluded."{c}"' for c in updates)
        values = _COLS.replace('"kind"', "coalesce(\"kind\", 'event')")
        self.upsert = (
            f"INSERT INTO events ({_COLS}, created_at) SELECT {values}, {_NOW}"
            " FROM temp.import_stage WHERE true"
            f" ORDER BY key, rowid ON CONFLICT(key) DO UPDATE SET {sets},"
            f" updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE {differs}"
        )
        items = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(COLUMNS) + 1))
        self.insert = (
            f"INSERT INTO events (id, {_COLS}, created_at) SELECT {items}, {_NOW} FROM json_each(?)"
        )
        self.insert_links = (
            "INSERT OR IGNORE INTO event_orgs (event_id, org_id)"
            " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)"
        )

    def start(self, expected_rows: int) -> None:
        """A bigger page cache and FTS5 hash, the staging table, the search triggers set aside
        and, for a big import, the secondary indexes dropped."""
        conn = self.conn
        self.cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        conn.execute(f"CREATE TEMP TABLE import_stage ({_COLS}, orgs)")
        self.fts_config = {
            name: self._fts_config(name, default)
            for name, default in (("hashsize", FTS_DEFAULT_HASHSIZE), ("automerge", 4))
        }
        self._fts_set("hashsize", FTS_HASHSIZE)
        if FTS_AUTOMERGE:
            self._fts_set("automerge", FTS_AUTOMERGE)
        self.search = SearchIndex(conn)
        self.generations = Generations(conn)
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

    @contextlib.contextmanager
    def _sqlite_only(self) -> Iterator[None]:
        """Around statements that run long inside SQLite (without the GIL)."""
        if self.reader is not None:
            self.reader.resume()
        try:
            yield
        finally:
            if self.reader is not None:
                self.reader.pause()

    def _fts_config(self, name: str, default: int) -> int:
        row = self.conn.execute("SELECT v FROM search_config WHERE k = ?", (name,)).fetchone()
        return int(row[0]) if row else default

    def _fts_set(self, name: str, value: int) -> None:
        self.conn.execute("INSERT INTO search(search, rank) VALUES (?, ?)", (name, value))

    def add(self, event: ImportedEvent) -> None:
        self.batch.append(event)
        if len(self.batch) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the batch: events whose key is new (in the database and in the batch) are
        inserted directly with the next ids, in file order, and linked by those ids; the rest
        (updates, a key again in the same batch) go through the staging table and the upsert."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        conn = self.conn
        found: dict[str, int] = dict(
            conn.execute(
                "SELECT key, id FROM events WHERE key IN (SELECT value FROM json_each(?))",
                (json.dumps([e.key for e in batch]),),
            ).fetchall()
        )
        after = self.next_id - 1
        fresh, again, repeated, links = self._split(batch, found)
        created = changed = 0
        # one statement each, with the rows as JSON: SQLite runs it without the GIL, so the
        # reader thread parses the next rows meanwhile (executemany takes the GIL every row)
        fresh_json = json.dumps(fresh, ensure_ascii=False) if fresh else ""
        links_json = json.dumps(links) if links else ""
        with self._sqlite_only():
            if fresh:
                created = conn.execute(self.insert, (fresh_json,)).rowcount
            if links:
                linked = conn.execute(self.insert_links, (links_json,)).rowcount
        self._count("events", "INSERT", created)
        if links:
            self._count("event_orgs", "INSERT", linked)
        # first the rows that meet an event of this import for the first time, then the rows
        # that repeat an earlier row's key (in file order within each): a repeat that changes
        # nothing is a duplicate, one that changes the event an update (the last row wins)
        for group, repeats in ((again, False), (repeated, True)):
            if not group:
                continue
            inserted, group_changed, existing = self._upsert(group)
            created += inserted
            changed += group_changed
            if repeats:
                self.repeated += len(group) - inserted - group_changed
            before = [i for i in existing if i <= after]  # existed before this batch
            self.changed.update(i for i in before if i <= self.indexed_upto)
            self.touched_count += len(before)
            if len(self.touched) < MANY_IDS:
                self.touched.update(before)
        self.rows += len(batch)
        self.created += created
        self.updated += changed
        self.pending_fts += len(batch)
        if self.pending_fts >= FTS_CHUNK_ROWS:
            self._index()

    def _split(
        self, batch: list[ImportedEvent], found: dict[str, int]
    ) -> tuple[
        list[tuple[Any, ...]], list[ImportedEvent], list[ImportedEvent], list[tuple[int, int]]
    ]:
        """(rows to insert with their ids, events from before to upsert, rows whose key an
        earlier row of this import already wrote, (event id, org id) links)."""
        new: dict[str, ImportedEvent] = {}
        again: list[ImportedEvent] = []
        repeated: list[ImportedEvent] = []
        first_new = self.first_new
        for e in batch:
            if e.key in new:
                repeated.append(e)
            elif e.key in found:
                if found[e.key] >= first_new:
                    repeated.append(e)
                    continue
                # an event from before: a repeat if this import met its key already
                seen, size = self.seen_before, len(self.seen_before)
                seen.add(hash(e.key))
                (again if len(seen) > size else repeated).append(e)
            else:
                new[e.key] = e
        fresh: list[tuple[Any, ...]] = []
        links: list[tuple[int, int]] = []
        org_ids = self._org_ids if self.with_orgs else None
        nid = self.next_id
        for key, e in new.items():
            kind = e.kind
            fresh.append(
                (nid, key, e.title, e.summary, "event" if kind is None else kind, e.start,
                 e.start_lo, e.start_hi, e.end, e.end_lo, e.end_hi, e.place, int(e.era))
            )  # fmt: skip
            if org_ids is not None and e.orgs:
                for oid in org_ids(e.orgs):
                    links.append((nid, oid))
            nid += 1
        self.next_id = nid
        return fresh, again, repeated, links

    def _org_ids(self, names: tuple[str, ...]) -> tuple[int, ...]:
        ids = self.org_tuples.get(names)
        if ids is None:
            id_for = self.orgs.id_for
            ids = tuple(dict.fromkeys(id_for(name) for name in names))
            if len(self.org_tuples) < 100_000:
                self.org_tuples[names] = ids
        return ids

    def _upsert(self, events: list[ImportedEvent]) -> tuple[int, int, list[int]]:
        """Upsert through the staging table: (events inserted, events updated, ids of the
        events staged)."""
        conn = self.conn
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        conn.executemany(
            f"INSERT INTO temp.import_stage ({_COLS}, orgs) VALUES ({marks})",
            map(self._staged, events),
        )
        existing = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT e.id FROM temp.import_stage s JOIN events e ON e.key = s.key"
            )
        ]
        top = self.next_id - 1
        with self._sqlite_only():
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

    def _staged(self, e: ImportedEvent) -> tuple[Any, ...]:
        """The stage row: the event's columns and its organizations' ids as JSON."""
        orgs = "[" + ",".join(map(str, self._org_ids(e.orgs))) + "]"
        return (*event_row(e), orgs)

    def _index(self) -> None:
        if self.search is None or not self.search.active:
            return
        upto = self.conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        with self._sqlite_only():
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
        """Write the last batch, index what is left, and put everything back."""
        self.flush()
        self._index()
        with self._sqlite_only():
            for statement in self.indexes:
                self.conn.execute(statement)
        if self.search is not None:
            self.search.restore()
        if self.generations is not None:
            self.generations.restore()
        for name, value in self.fts_config.items():
            if self._fts_config(name, value) != value:
                self._fts_set(name, value)
        self.conn.execute("DROP TABLE temp.import_stage")

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

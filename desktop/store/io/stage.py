"""A big import's events through staging files: written by the reading process, copied whole.

Binding an event's twelve values from Python costs SQLite about 4 µs, as much as reading its
row. So when a big import (:data:`~desktop.store.io.writer.BULK_ROWS`) is read by a second
process (:mod:`desktop.store.io.parallel`), that process also writes the events, with their
final ids (the next ones, in file order) and ``created_at``/``updated_at``, into SQLite files of
the ``events`` table's own shape (journal off: they are scratch), a few of them (at most
:data:`MAX_CHUNKS`), each with a ``links`` table of the organizations' names. This process
attaches each file as it is complete (and a ``names`` table of the distinct names)
and copies its events with one ``INSERT INTO events SELECT
* FROM ...``, which SQLite does by copying the stored records (about 0.5 µs a row; its
"transfer optimization": the table has no index or trigger meanwhile), and links them with one
``INSERT ... SELECT`` joining the names to organization ids. All inside the import's one
transaction; the files are detached and deleted after it ends (:meth:`Staging.close`).

That needs ``events_key`` (migration 0007) dropped meanwhile, and built again at the end (one
sort). Keys must then be new: the reading process remembers the hash of every key it wrote, and
marks a chunk "suspect" when a key's hash comes again (a key twice in the file, or two keys with
equal hashes; with two readers, each chunk of the second is compared with the first's too);
keys the database had before are looked up here (a temporary table of them, when there were
any). A suspect chunk, or one meeting a key from before, turns the staging off:
``events_key`` is built at once (its keys are all different so far) and that chunk and every
later one go through the writer's usual path (their rows read back from the file), so repeated
keys behave exactly as in any import.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop.store.io.rows import COLUMNS, Batch, StageChunk
from desktop.store.schema import EVENTS_KEY_INDEX_V7

MAX_CHUNKS = 8  # files attached at once (SQLite allows 10); detached only after the commit
MIN_CHUNK_ROWS = 1000
_COLS = ", ".join(f'"{c}"' for c in COLUMNS)


@dataclass(slots=True)
class Request:
    """What the reading process needs to stage events (pickled into its arguments)."""

    folder: str
    table: str  # the CREATE TABLE statement of events
    first_id: int
    now: str
    chunk_rows: int
    chunks: int = MAX_CHUNKS  # files at most (the last one takes the rest)
    name: str = "chunk"


# -- the reading process ----------------------------------------------------------------------
class StageWriter:
    """Writes batches' events into staging files; :meth:`add` and :meth:`close` return a
    :class:`StageChunk` when a file is complete."""

    def __init__(self, request: dict[str, Any]) -> None:
        self.folder = Path(request["folder"])
        self.table = str(request["table"])
        self.next_id = int(request["first_id"])
        self.chunk_rows = max(int(request["chunk_rows"]), 1)
        self.chunks = max(int(request.get("chunks", MAX_CHUNKS)), 1)
        self.name = str(request.get("name", "chunk"))
        self.insert = (
            f"INSERT INTO events ({_COLS}, created_at, updated_at)"
            f" VALUES ({', '.join('?' * len(COLUMNS))}, '{request['now']}', '{request['now']}')"
        )
        self.insert_first = self.insert.replace("INSERT INTO events (", "INSERT INTO events (id, ")
        self.insert_first = self.insert_first.replace("VALUES (", "VALUES (?, ")
        self.hashes: list[int] = []  # of the keys in the file being written
        self.seen = np.zeros(0, dtype=np.int64)  # of the keys in the files before, sorted
        self.made = 0
        self.conn: sqlite3.Connection | None = None
        self.chunk: StageChunk | None = None
        self.names: dict[str, None] = {}  # the organizations named in the file being written

    def _new_file(self) -> tuple[Path, list[str]]:
        """The next staging file (its chunk begun) and the statements that make it: scratch
        (journal off), its tables, its transaction begun."""
        self.made += 1
        path = self.folder / f"{self.name}-{self.made}.db"
        self.chunk = StageChunk(str(path), self.next_id, 0, False)
        return path, [
            "PRAGMA journal_mode = OFF",
            "PRAGMA synchronous = OFF",
            self.table,
            LINKS_TABLE,
            NAMES_TABLE,
            "BEGIN",
        ]

    def _open(self) -> sqlite3.Connection:
        path, statements = self._new_file()
        conn = sqlite3.connect(path, isolation_level=None)
        for sql in statements:
            conn.execute(sql)
        return conn

    def add(self, batch: Batch) -> list[StageChunk]:
        """Write a batch's events; the files it completed (at most one)."""
        rows = batch.rows
        if not rows:
            return []
        conn = self.conn = self.conn or self._open()
        chunk = self.chunk
        assert chunk is not None
        self.hashes += [hash(row[0]) for row in rows]
        first = self.next_id
        if chunk.events == 0:  # the first row's id; SQLite numbers the next ones after it
            conn.execute(self.insert_first, (first, *rows[0]))
            rows = rows[1:]
        _insert(conn, self.insert, rows, len(COLUMNS))
        links = [
            value
            for eid, names in zip(range(first, first + len(batch.rows)), batch.orgs, strict=True)
            for name in names
            for value in (eid, name)
        ]
        _insert(conn, "INSERT INTO links VALUES (?, ?)", links, 2, flat=True)
        self.names.update(dict.fromkeys(n for names in batch.orgs for n in names))
        self.next_id += len(batch.rows)
        chunk.events += len(batch.rows)
        full = chunk.events >= self.chunk_rows and self.made < self.chunks
        done = self.close() if full else None
        return [] if done is None else [done]

    def finish(self) -> list[StageChunk]:
        """The last file, complete (none if there is none)."""
        done = self.close()
        return [] if done is None else [done]

    def close(self) -> StageChunk | None:
        """The file being written, complete (None if there is none)."""
        if self.conn is None:
            return None
        self.conn.executemany("INSERT INTO names VALUES (?)", [(n,) for n in self.names])
        self.names = {}
        self.conn.execute("COMMIT")
        self.conn.close()
        self.conn = None
        return self._complete()

    def _complete(self) -> StageChunk:
        """The chunk whose file was just closed, its keys compared with those before."""
        chunk, self.chunk = self.chunk, None
        assert chunk is not None
        hashes = np.array(self.hashes, dtype=np.int64)
        self.hashes = []
        hashes.sort()
        seen = self.seen
        at = np.minimum(np.searchsorted(seen, hashes), max(len(seen) - 1, 0))
        again = bool((hashes[1:] == hashes[:-1]).any())
        if len(seen):
            again = again or bool((seen[at] == hashes).any())
        chunk.suspect = again
        chunk.hashes = hashes
        self.seen = np.sort(np.concatenate((seen, hashes)))
        return chunk


LINKS_TABLE = "CREATE TABLE links (event_id INTEGER NOT NULL, name TEXT NOT NULL)"
# the distinct names in links (so that this process need not read them all to find them)
NAMES_TABLE = "CREATE TABLE names (name TEXT NOT NULL)"
ROWS_PER_STATEMENT = 50  # values of this many rows bound to one INSERT (less per row)


def _insert(
    conn: sqlite3.Connection, sql: str, rows: Any, width: int, *, flat: bool = False
) -> None:
    """``sql`` (one row's ``VALUES (...)``) for every row, :data:`ROWS_PER_STATEMENT` rows a
    statement; ``flat``: the rows' values one after another in one list."""
    values = rows if flat else list(itertools.chain.from_iterable(rows))
    step = ROWS_PER_STATEMENT * width
    whole = len(values) - len(values) % step
    if whole:
        head, one = sql.rsplit(" VALUES ", 1)
        many = f"{head} VALUES " + ", ".join([one] * ROWS_PER_STATEMENT)
        conn.executemany(many, [values[i : i + step] for i in range(0, whole, step)])
    if whole < len(values):
        conn.executemany(sql, [values[i : i + width] for i in range(whole, len(values), width)])


# -- the writing process ----------------------------------------------------------------------
class Staging:
    """This process's side: ``events_key`` and the triggers of ``events`` set aside, the
    files attached and copied (see the module doc)."""

    def __init__(self, conn: sqlite3.Connection, first_id: int, now: str, expected: int) -> None:
        self.conn = conn
        self.active = True  # False once a chunk went the usual way
        self.aliases: list[str] = []
        self.triggers: list[str] = []  # dropped here, made again first (in their order)
        self.folder = tempfile.mkdtemp(prefix="dossier-import-")
        table = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'"
        ).fetchall()[0][0]
        self.request = Request(
            self.folder, table, first_id, now, max(expected // MAX_CHUNKS + 1, MIN_CHUNK_ROWS)
        )
        self.old_keys = bool(conn.execute("SELECT EXISTS (SELECT 1 FROM events)").fetchall()[0][0])
        if self.old_keys:
            conn.execute("CREATE TEMP TABLE import_old_keys (key TEXT PRIMARY KEY) WITHOUT ROWID")
            conn.execute("INSERT INTO temp.import_old_keys SELECT key FROM events ORDER BY key")
        conn.execute("CREATE TEMP TABLE import_org_ids (name TEXT PRIMARY KEY, id) WITHOUT ROWID")
        self.org_names: set[str] = set()
        conn.execute("DROP INDEX events_key")
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
            " ORDER BY rowid"
        ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
            self.triggers.append(sql)

    @staticmethod
    def possible(conn: sqlite3.Connection) -> bool:
        """Whether ``events_key`` is the index migration 0007 made (else: the usual path)."""
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'events_key'"
        ).fetchall()
        return bool(row) and row[0][0] == EVENTS_KEY_INDEX_V7

    def attach(self, chunk: StageChunk) -> str:
        alias = f"import_chunk_{len(self.aliases) + 1}"
        self.conn.execute("ATTACH DATABASE ? AS " + alias, (chunk.path,))
        self.aliases.append(alias)
        return alias

    def copyable(self, chunk: StageChunk, alias: str, next_id: int) -> bool:
        """Whether the chunk's events can be copied as they are: staging still on, no key
        seen twice, none from before, ids where they belong."""
        if not self.active or chunk.suspect or chunk.first_id != next_id:
            return False
        if self.old_keys:
            met = self.conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM {alias}.events s"
                " CROSS JOIN temp.import_old_keys o ON o.key = s.key)"
            ).fetchall()[0][0]
            if met:
                return False
        return True

    def copy(self, alias: str) -> int:
        """Copy the chunk's events (records as they are stored); the number copied."""
        return int(
            self.conn.execute(f"INSERT INTO main.events SELECT * FROM {alias}.events").rowcount
        )

    def link(self, alias: str, id_for: Any) -> int:
        """Link the copied events to their organizations (found or created by ``id_for``);
        the number of links made."""
        conn = self.conn
        names = [r[0] for r in conn.execute(f"SELECT name FROM {alias}.names")]
        new = [(n, id_for(n)) for n in names if n not in self.org_names]
        if new:
            conn.executemany("INSERT INTO temp.import_org_ids VALUES (?, ?)", new)
            self.org_names.update(n for n, _ in new)
        return int(
            conn.execute(
                "INSERT OR IGNORE INTO event_orgs (event_id, org_id) SELECT l.event_id, m.id"
                f" FROM {alias}.links l CROSS JOIN temp.import_org_ids m ON m.name = l.name"
            ).rowcount
        )

    def rows(self, alias: str) -> tuple[list[Any], list[tuple[str, ...]]]:
        """The chunk's events as the writer's rows, with their organizations' names."""
        names: dict[int, list[str]] = {}
        for eid, name in self.conn.execute(f"SELECT event_id, name FROM {alias}.links"):
            names.setdefault(eid, []).append(name)
        rows, orgs = [], []
        for row in self.conn.execute(f"SELECT id, {_COLS} FROM {alias}.events ORDER BY id"):
            rows.append(row[1:])
            orgs.append(tuple(names.get(row[0], ())))
        return rows, orgs

    def stop(self) -> None:
        """Staging off: ``events_key`` built now (keys are all different so far)."""
        if self.active:
            self.active = False
            self.conn.execute(EVENTS_KEY_INDEX_V7)

    def finish(self) -> list[str]:
        """The statements that put back what was set aside (triggers first), the temporary
        tables dropped."""
        self.conn.execute("DROP TABLE temp.import_org_ids")
        if self.old_keys:
            self.conn.execute("DROP TABLE temp.import_old_keys")
        return self.triggers + ([EVENTS_KEY_INDEX_V7] if self.active else [])

    def close(self) -> None:
        """After the transaction: detach and delete the files."""
        for alias in self.aliases:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute(f"DETACH DATABASE {alias}")
        self.aliases.clear()
        shutil.rmtree(self.folder, ignore_errors=True)

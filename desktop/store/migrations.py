"""Ordered schema migrations.

Each migration is a function registered on :data:`MIGRATIONS` (sqlite-utils ``Migrations``), run
in one transaction together with its record in ``_sqlite_migrations`` and the new
``PRAGMA user_version``. ``user_version`` is the number of migrations applied; a file whose
``user_version`` is higher than :data:`SCHEMA_VERSION` was written by a newer Dossier and is
refused. New migrations are appended, never edited or reordered: opening compares a file's
schema with what its migrations make here (:mod:`desktop.store.verify`), so the SQL a released
migration runs, and the schema text it is built from, must never change
(``tests/store/test_verify.py`` pins it).
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from desktop.store.schema import SCHEMA_V1, statements

MIGRATIONS = Migrations("dossier")


def _run(db: sqlite_utils.Database, script: str) -> None:
    for statement in statements(script):
        db.execute(statement)


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    """Organizations, people, products, events, claims, metrics, relationships, sources,
    citations, annotations with history, and the full-text index."""
    _run(db, SCHEMA_V1)
    db.execute("PRAGMA user_version = 1")


@MIGRATIONS(name="0002_app_state")
def m0002_app_state(db: sqlite_utils.Database) -> None:
    """Per-database state that belongs to the data: saved views, review marks, UI layout."""
    _run(
        db,
        """
        CREATE TABLE app_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        """,
    )
    db.execute("PRAGMA user_version = 2")


@MIGRATIONS(name="0003_timeline_cache")
def m0003_timeline_cache(db: sqlite_utils.Database) -> None:
    """A generation counter that triggers move on any change to events or their organizations
    (by any client), and a cache of the timeline's packed columns valid for one generation."""
    tables = ("events", "event_orgs")
    triggers = "\n".join(
        f"CREATE TRIGGER {t}_generation_{op} AFTER {verb} ON {t} BEGIN "
        "UPDATE generations SET value = value + 1 WHERE name = 'timeline'; END;"
        for t in tables
        for op, verb in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
    )
    _run(
        db,
        f"""
        CREATE TABLE generations (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO generations VALUES ('timeline', 0);
        CREATE TABLE timeline_cache (
            name TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            data BLOB NOT NULL           -- numpy .npz of the columns store.timeline reads
        );
        {triggers}
        """,
    )
    db.execute("PRAGMA user_version = 3")


# the tables a dossier review reports on: their rows say when they were created, so a review
# can tell what is new from what was edited (annotations have had created_at from the start)
CREATED_TABLES = ("events", "claims", "metrics", "products", "relationships")


@MIGRATIONS(name="0004_created_at")
def m0004_created_at(db: sqlite_utils.Database) -> None:
    """``created_at`` on the reviewed tables, set by Dossier's writers on insert. Rows that
    existed before count as created when last written; rows another program inserts without
    it are reported as changed, not new. (An AFTER INSERT trigger cannot set it: its UPDATE
    would run the search index's update trigger before its insert trigger.)"""
    for table in CREATED_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN created_at TEXT")
        db.execute(f"UPDATE {table} SET created_at = updated_at")
    db.execute("PRAGMA user_version = 4")


@MIGRATIONS(name="0005_citation_locators_searchable")
def m0005_citation_locators(db: sqlite_utils.Database) -> None:
    """Citation locators ("A/RES/78/311") searchable with the item they are cited for."""
    from desktop.store.search_locators import migration_sql

    for statement in migration_sql():
        db.execute(statement)
    db.execute("PRAGMA user_version = 5")


@MIGRATIONS(name="0006_source_grades")
def m0006_source_grades(db: sqlite_utils.Database) -> None:
    """Admiralty grades (desktop/domain/grades.py): a source's reliability A-F and a citation's
    credibility 1-6, each with an optional one-line reason; NULL is not graded."""
    from desktop.store.schema import GRADE_COLUMNS_V6

    for statement in GRADE_COLUMNS_V6:
        db.execute(statement)
    db.execute("PRAGMA user_version = 6")


@MIGRATIONS(name="0007_events_key_index")
def m0007_events_key_index(db: sqlite_utils.Database) -> None:
    """``events.key`` unique through a named index (``events_key``) instead of the table's
    inline UNIQUE, so a big import can drop it and build it again with one sort (keys are
    content hashes: inserted one by one, they cost SQLite most of an event's insert).

    SQLite cannot drop a constraint, so the table is made again: its rows set aside (with their
    ids) in a table beside it, the table dropped and created with the same columns, the rows
    copied back, then its indexes and triggers created again from their own SQL, in the order
    they were made. That needs foreign keys off (dropping ``events`` would delete every row
    that refers to it): :func:`apply` turns them off around the migrations, and this refuses
    to run with them on.
    """
    from desktop.store.schema import EVENTS_KEY_INDEX_V7, EVENTS_KEY_INLINE

    conn = db.conn
    if conn.execute("PRAGMA foreign_keys").fetchall()[0][0]:
        raise RuntimeError("migration 0007 rebuilds events: it must run with foreign keys off")
    table = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'"
    ).fetchall()[0][0]
    if table.count(EVENTS_KEY_INLINE) != 1 or not table.startswith("CREATE TABLE events ("):
        raise RuntimeError("migration 0007: the events table is not as migration 0001 made it")
    attached = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL ORDER BY rowid"  # triggers fire in an order their creation sets
    ).fetchall()
    count = conn.execute("SELECT count(*) FROM events").fetchall()[0][0]
    new = table.replace(EVENTS_KEY_INLINE, "key TEXT NOT NULL,")
    # the rows set aside in a table of the same shape (copied as they are stored). Neither a
    # TEMP table nor ALTER TABLE RENAME: in SQLite 3.40 either leaves the connection unable to
    # checkpoint a WAL it switches to after (a new file does), and RENAME checks the triggers
    # of other tables that name events in the moment it does not exist
    db.execute(new.replace("CREATE TABLE events (", "CREATE TABLE events_v7 (", 1))
    db.execute("INSERT INTO events_v7 SELECT * FROM events")
    db.execute("DROP TABLE events")
    db.execute(new)
    db.execute("INSERT INTO events SELECT * FROM events_v7")
    db.execute("DROP TABLE events_v7")
    for (sql,) in attached:
        db.execute(sql)
    db.execute(EVENTS_KEY_INDEX_V7)
    if conn.execute("SELECT count(*) FROM events").fetchall()[0][0] != count:
        raise RuntimeError("migration 0007: events were lost while copying the table")
    db.execute("PRAGMA user_version = 7")


SCHEMA_VERSION = len(MIGRATIONS._migrations)


def pending(db: sqlite_utils.Database) -> list[str]:
    """Names of migrations not yet applied to ``db`` (read-only)."""
    return [m.name for m in MIGRATIONS.pending(db)]


def apply(db: sqlite_utils.Database) -> list[str]:
    """Apply every pending migration, all or none: each runs in a savepoint inside one outer
    transaction, so a failure in the third leaves the file exactly at its old version. Foreign
    keys are off meanwhile (a migration that makes a table again drops the old one; ids are
    kept, so every reference holds after) and back on after."""
    names = pending(db)
    if not names:
        return names
    conn = db.conn
    enforced = conn.execute("PRAGMA foreign_keys").fetchall()[0][0]
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before
    try:
        with db.atomic():
            MIGRATIONS.apply(db)
    finally:
        if enforced:
            conn.execute("PRAGMA foreign_keys = ON")
    return names

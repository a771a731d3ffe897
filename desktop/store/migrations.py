"""Ordered schema migrations.

Each migration is a function registered on :data:`MIGRATIONS` (sqlite-utils ``Migrations``), run
in one transaction together with its record in ``_sqlite_migrations`` and the new
``PRAGMA user_version``. ``user_version`` is the number of migrations applied; a file whose
``user_version`` is higher than :data:`SCHEMA_VERSION` was written by a newer Dossier and is
refused. New migrations are appended, never edited or reordered.
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


SCHEMA_VERSION = len(MIGRATIONS._migrations)


def pending(db: sqlite_utils.Database) -> list[str]:
    """Names of migrations not yet applied to ``db`` (read-only)."""
    return [m.name for m in MIGRATIONS.pending(db)]


def apply(db: sqlite_utils.Database) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their names."""
    names = pending(db)
    MIGRATIONS.apply(db)
    return names

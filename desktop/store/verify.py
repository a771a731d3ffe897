"""What a database file is, found before anything is written to it.

- :func:`read_header` reads SQLite's 100-byte header without opening the file as a database
  (no ``-wal``/``-shm`` made): page size, page count, ``user_version`` and whether the file is
  cut short (:func:`header_damage`).
- :func:`applied_migrations` tells a Dossier database from another program's SQLite file: it
  must record Dossier's migrations (in order, a prefix of those this version knows).
- :func:`schema_problems` compares ``sqlite_master`` with what Dossier's migrations create at
  the file's version: objects Dossier did not create (a trigger, a view, a table, an index on
  its tables), objects missing, and triggers, views or virtual tables whose SQL was changed.
  SQLite's own tables and UNIQUE indexes, and indexes on the migrations table, are allowed.
- :func:`quick_check` runs ``PRAGMA quick_check`` on files up to :data:`QUICK_CHECK_MAX_BYTES`
  (it reads every page: about 3 ms per MB, ~150 ms at the limit); larger files get the header
  checks only, and a damaged page then surfaces as a refused write when it is touched.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.store import migrations
from desktop.store.errors import CorruptDatabaseError, NewerSchemaError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)  # the -wal header's first word (checksum byte order)
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
MIGRATION_SET = "dossier"
CODE_OBJECTS = ("trigger", "view")  # compared by their SQL as well as their name
SHOWN = 6


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int | None  # None when the header's count is not known to be current
    user_version: int
    wal: bool  # the file is in WAL mode (readers make -wal/-shm beside it)
    size: int


def read_header(path: Path) -> Header | None:
    """The header of an SQLite file, or None when the file is shorter than one."""
    with path.open("rb") as fh:
        raw = fh.read(100)
        size = os.fstat(fh.fileno()).st_size
    if len(raw) < 100 or not raw.startswith(SQLITE_HEADER):
        return None
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    counter, pages = struct.unpack(">II", raw[24:32])
    valid_for = struct.unpack(">I", raw[92:96])[0]
    return Header(
        page_size=page_size,
        page_count=pages if pages and counter == valid_for else None,
        user_version=struct.unpack(">i", raw[60:64])[0],
        wal=raw[18] == 2 or raw[19] == 2,
        size=size,
    )


def header_damage(header: Header, path: Path | None = None) -> str | None:
    """Why the header shows the file is damaged (cut short, odd size), or None. A file shorter
    than its header says is not damaged when its ``-wal`` (beside ``path``) holds a commit of
    that size: a crash in the middle of a checkpoint leaves it so, and SQLite restores it."""
    size, page = header.size, header.page_size
    if page < 512 or page & (page - 1):
        return f"its header gives an impossible page size ({page})"
    if size % page:
        return f"its size ({size:,} bytes) is not a whole number of {page}-byte pages"
    pages = header.page_count
    if pages is not None and size < pages * page:
        if path is not None and wal_commits(path, pages):
            return None
        return f"it is cut short: {size // page:,} of its {pages:,} pages are there"
    return None


def wal_commits(path: Path, pages: int) -> bool:
    """Whether the ``-wal`` beside ``path`` holds a commit of a database of at least ``pages``
    pages, in a frame of the current log (its salts those of the log's header; read frame
    header by frame header, without opening anything as a database)."""
    try:
        with Path(f"{path}-wal").open("rb") as fh:
            head = fh.read(32)
            if len(head) < 32:
                return False
            magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", head[:24])
            if magic not in WAL_MAGIC or page_size < 512:
                return False
            size, step = os.fstat(fh.fileno()).st_size, 24 + page_size
            for offset in range(32, size - step + 1, step):
                fh.seek(offset)
                _page, commit, s1, s2 = struct.unpack(">4I", fh.read(16))
                if (s1, s2) != (salt1, salt2):
                    return False  # the rest is left from an earlier log
                if commit >= pages:
                    return True
    except (OSError, struct.error):
        return False
    return False


def refuse_newer(path: Path, version: int) -> None:
    if version > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer Dossier (schema {version}; this version knows up to "
            f"{migrations.SCHEMA_VERSION}); update Dossier to open it"
        )


def damaged(path: Path, why: str) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        f"{path} is damaged ({why}); nothing was written: it can only be opened read-only;"
        " restore a backup, or see 'dossier check'",
        why,
    )


def identify(conn: sqlite3.Connection, path: Path, *, new: bool) -> int:
    """Refuse what is not a Dossier database; return how many of its migrations it records."""
    refuse_newer(path, int(conn.execute("PRAGMA user_version").fetchone()[0]))
    if is_empty(conn):
        if new:
            return 0
        raise NotADatabaseError(
            f"{path} is an empty SQLite database, not a Dossier database; nothing was changed"
            " (make one with 'dossier init')"
        )
    applied = applied_migrations(conn)
    if applied is None:
        raise NotADatabaseError(
            f"{path} is an SQLite database but not a Dossier database; nothing was changed"
        )
    if applied != known_names()[: len(applied)]:
        raise NewerSchemaError(
            f"{path} records schema changes this Dossier does not know"
            f" ({', '.join(applied[-3:])}); update Dossier to open it"
        )
    return len(applied)


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(t, n): (tbl or "", sql or "") for t, n, tbl, sql in rows}


def is_empty(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)


def applied_migrations(conn: sqlite3.Connection) -> list[str] | None:
    """Dossier's migrations recorded in the file, in order; None when the file records none
    (another program's database, even one with its own ``_sqlite_migrations``)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return None
    columns = {r[1] for r in conn.execute("PRAGMA table_info(_sqlite_migrations)")}
    if not {"migration_set", "name"} <= columns:
        return None
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    ]
    return names or None


def known_names() -> list[str]:
    return [m.name for m in migrations.MIGRATIONS._migrations]


@functools.cache
def expected_schema(version: int) -> dict[tuple[str, str], tuple[str, str]]:
    """``sqlite_master`` as Dossier's first ``version`` migrations leave it."""
    names = known_names()
    ref = sqlite_utils.Database(memory=True)
    try:
        stop = names[version] if version < len(names) else None
        migrations.MIGRATIONS.apply(ref, stop_before=stop)
        return _objects(ref.conn)
    finally:
        ref.close()


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().rstrip(";").lower()


SQLITE_TABLES = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")


def _allowed_extra(kind: str, name: str, table: str) -> bool:
    """SQLite's own tables (ANALYZE's statistics, AUTOINCREMENT's counters), the indexes it makes
    for UNIQUE constraints, and indexes on the migrations table (sqlite-utils' own)."""
    if kind == "table":
        return name in SQLITE_TABLES
    return kind == "index" and (
        name.startswith("sqlite_autoindex_") or table == "_sqlite_migrations"
    )


def _is_code(kind: str, sql: str) -> bool:
    """Objects compared by their SQL too: triggers and views run code; a virtual table's module
    and its arguments decide what it does."""
    return kind in CODE_OBJECTS or _norm(sql).startswith("create virtual table")


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs from Dossier's schema at ``version`` (empty when nothing does)."""
    found, expected = _objects(conn), expected_schema(version)
    added, missing, changed = [], [], []
    for (kind, name), (table, sql) in sorted(found.items()):
        if (kind, name) not in expected:
            if not _allowed_extra(kind, name, table):
                on = f" on {table}" if kind in ("trigger", "index") and table else ""
                added.append(f"{kind} {name!r}{on}")
        elif _is_code(kind, sql) and _norm(sql) != _norm(expected[kind, name][1]):
            changed.append(f"{kind} {name!r}")
    tables = {n for (k, n) in found if k == "table"}
    for (kind, name), (table, _sql) in sorted(expected.items()):
        if (kind, name) in found or name.startswith("sqlite_"):
            continue
        if kind != "table" and table not in tables:
            continue  # its table is missing: that is said once
        missing.append(f"{kind} {name!r}")
    problems = []
    if added:
        problems.append(f"not created by Dossier: {_shown(added)}")
    if changed:
        problems.append(f"changed outside Dossier: {_shown(changed)}")
    if missing:
        problems.append(f"missing: {_shown(missing)}")
    return problems


def _shown(items: list[str]) -> str:
    more = f" and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def quick_check(conn: sqlite3.Connection, size: int) -> list[str]:
    """``PRAGMA quick_check``'s complaints (at most 10), or [] when it passes or the file is
    too big to check on opening."""
    if size > QUICK_CHECK_MAX_BYTES:
        return []
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(10)").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows

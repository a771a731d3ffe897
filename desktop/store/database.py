"""Opening a Dossier database safely, and the one way to write to it.

:func:`open_store` refuses, with a one-line message and without writing a byte, a missing file,
a file that is not SQLite or not Dossier's, a damaged file, a file from a newer Dossier, and a
read-only or locked file when writing is needed. Before upgrading an older schema it copies the
file aside (``NAME.db.bak-vN``). Every write goes through :meth:`Store.write`: one transaction
(nested calls become savepoints), and after the commit the coarse change events collected in it
are sent to the listeners.

Thread: a Store belongs to the thread that opened it (sqlite3's rule); the UI keeps one on the
UI thread and workers open their own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.store import migrations
from desktop.store.errors import (
    CorruptDatabaseError,
    LockedError,
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class Change:
    """A coarse change: ``kind`` is a table-like name ('event', 'org', 'annotation', ...),
    ``op`` is 'add', 'update', 'delete' or 'reload', ``ids`` the affected ids (may be empty
    for 'reload')."""

    kind: str
    op: str
    ids: tuple[int, ...] = ()


Listener = Callable[[list[Change]], None]


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LockedError(f"{path} is locked by another program; close it there and try again")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(f"{path} cannot be written (read-only file or folder)")
    if "not a database" in text or "encrypted" in text:
        return NotADatabaseError(f"{path} is not an SQLite database")
    if "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(
            f"{path} is damaged ({exc}); restore a backup or run 'dossier check'"
        )
    if "disk is full" in text or "full" in text:
        return StoreError(f"{path}: the disk is full; nothing was written")
    return StoreError(f"{path}: {exc}")


class Store:
    """An open Dossier database: a sqlite-utils ``Database`` plus transactions and change events."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self.db = sqlite_utils.Database(conn)
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []

    # -- reading -----------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a read query and return rows; database errors become StoreErrors."""
        try:
            cur = self.conn.execute(sql, params)
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]  # type: ignore[misc]
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def data_version(self) -> int:
        """Changes whenever another connection commits (``PRAGMA data_version``)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction for one user action; nested calls are savepoints.

        Raises ReadOnlyError/LockedError/StoreError with nothing written on failure.
        """
        if self.readonly:
            raise ReadOnlyError(f"{self.path} is open read-only")
        outer = not self.conn.in_transaction
        try:
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                except BaseException:
                    self._pending.clear()
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            else:
                with self.db.atomic():
                    yield self.db
        except sqlite3.Error as exc:
            if outer and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._pending.clear()
            raise _translate(exc, self.path) from exc
        if outer and self._pending:
            changes, self._pending = self._pending, []
            for listener in list(self._listeners):
                listener(changes)

    def changed(self, kind: str, op: str, ids: tuple[int, ...] | list[int] = ()) -> None:
        """Record a change inside :meth:`write`; listeners hear it after the commit."""
        self._pending.append(Change(kind, op, tuple(ids)))

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if not self.readonly:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise NotADatabaseError(f"{path} is not a file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise ReadOnlyError(f"{path} cannot be read (permission denied)") from exc
    if header != SQLITE_HEADER:
        what = "is empty" if not header else "is not an SQLite database"
        raise NotADatabaseError(f"{path} {what}; nothing was changed")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def open_store(
    path: str | os.PathLike[str],
    *,
    create: bool = False,
    readonly: bool = False,
    migrate: bool = True,
) -> Store:
    """Open (or with ``create`` make) a Dossier database, upgrading its schema if needed.

    Raises a :class:`StoreError` subclass, leaving the file as it was, when it will not open.
    ``migrate=False`` opens an existing file for inspection (``dossier check``): no upgrade, no
    change of journal mode.
    """
    path = Path(path).expanduser()
    new = not path.exists()
    if new and not create:
        raise MissingDatabaseError(f"{path} does not exist")
    if new:
        if readonly:
            raise MissingDatabaseError(f"{path} does not exist")
        if not os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK):
            raise ReadOnlyError(f"cannot create {path}: the folder is not writable")
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        _check_file(path)
        if not readonly and not _writable(path):
            raise ReadOnlyError(
                f"{path} is read-only; open it with --read-only to browse without changes"
            )
    try:
        conn = _connect(path, "ro" if readonly else "rwc" if new else "rw")
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    try:
        store = _prepare(conn, path, new=new, readonly=readonly, migrate=migrate)
    except BaseException:
        conn.close()
        if new and path.exists() and path.stat().st_size == 0:
            path.unlink()
        raise
    return store


def _prepare(
    conn: sqlite3.Connection, path: Path, *, new: bool, readonly: bool, migrate: bool
) -> Store:
    """Refuse what must be refused, then upgrade the schema and set the pragmas (unless the
    store is read-only, or ``migrate`` is False: then nothing is changed)."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    if version > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer Dossier (schema {version}; this version knows up to "
            f"{migrations.SCHEMA_VERSION}); update Dossier to open it"
        )
    if tables and "_sqlite_migrations" not in tables:
        raise NotADatabaseError(f"{path} is an SQLite database but not a Dossier database")
    store = Store(conn, path, readonly)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        todo = migrations.pending(store.db)
        if not migrate and not new:
            return store
        if readonly:
            if todo:
                raise ReadOnlyError(
                    f"{path} has an older schema (version {version}) that must be upgraded, "
                    "which a read-only file does not allow"
                )
            return store
        if todo and version > 0:
            _backup(conn, backup_path(path, version))
        if todo:
            # Fail fast (before any change) if another program holds the file.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            migrations.apply(store.db)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # An acknowledged save must survive a crash or power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    return store


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database aside before a migration (SQLite's online backup, consistent)."""
    tmp = target.with_name(target.name + ".tmp")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    shutil.move(tmp, target)


def memory_store() -> Store:
    """A fresh in-memory database at the current schema (tests, benchmarks)."""
    conn = sqlite3.connect(":memory:")
    store = Store(conn, Path(":memory:"), readonly=False)
    conn.execute("PRAGMA foreign_keys = ON")
    migrations.apply(store.db)
    return store

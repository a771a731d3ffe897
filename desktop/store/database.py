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
from typing import Any

import sqlite_utils

from desktop.store import migrations, verify
from desktop.store.errors import (
    DISK_FULL,
    ForeignSchemaError,
    MissingDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    free_bytes,
    store_error,
)

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
SQLITE_VERSION = sqlite3.sqlite_version  # the library's, for Help ▸ About


class Store:
    """An open Dossier database: a sqlite-utils ``Database`` plus transactions and change events."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self.db = sqlite_utils.Database(conn)
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        # found on opening for inspection (``dossier check``): schema objects and damage
        self.problems: list[str] = []
        self._optimize = not readonly
        self._tidy: Callable[[], None] | None = None

    # -- reading -----------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def query(
        self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """Run a read query and return rows as {column: value}; database errors become
        StoreErrors."""
        try:
            cur = self.conn.execute(sql, params)
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc

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
            raise store_error(exc, self.path) from exc
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
            if self._optimize and not self.readonly:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        if self._tidy is not None:
            self._tidy()


def _check_file(path: Path) -> verify.Header:
    if not path.is_file():
        raise NotADatabaseError(f"{path} is not a file")
    try:
        header = verify.read_header(path)
    except PermissionError as exc:
        raise ReadOnlyError(f"{path} cannot be read (permission denied)") from exc
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror or exc})") from exc
    if header is None:
        with path.open("rb") as fh:
            what = "is not an SQLite database" if fh.read(1) else "is empty"
        raise NotADatabaseError(f"{path} {what}; nothing was changed")
    return header


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


LOW_SPACE = 256 * 1024  # below this a reader cannot count on making SQLite's -shm


def room_beside(path: Path) -> bool:
    """Whether files can be made beside ``path``: its folder is writable and has free space
    (a read-only connection to a WAL-mode file makes ``-wal``/``-shm`` there)."""
    free = free_bytes(path.parent)
    return _writable(path) and (free is None or free >= LOW_SPACE)


SIDE_FILES = ("-wal", "-shm")


def _side_files(path: Path) -> set[str]:
    return {s for s in SIDE_FILES if Path(f"{path}{s}").exists()}


def _connect(path: Path, mode: str, *, immutable: bool = False) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _tidier(path: Path, before: set[str]) -> Callable[[], None]:
    """After a read-only connection closes: SQLite cannot remove the ``-wal``/``-shm`` a reader
    made beside a WAL-mode file. If they were not there before, a writable connection opened
    and closed at once lets SQLite remove them under its own locks (it leaves them while any
    other connection uses the file, and changes nothing in the file: the log holds nothing)."""

    def tidy() -> None:
        if "-wal" in before or _side_files(path) <= before or not _writable(path):
            return  # a log was there before us: closing a writer would fold it into the file
        with contextlib.suppress(sqlite3.Error, OSError):
            conn = _connect(path, "rw")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()

    return tidy


def _connect_readonly(path: Path) -> tuple[sqlite3.Connection, Callable[[], None] | None]:
    """A read-only connection that leaves no ``-wal``/``-shm`` behind: ``immutable`` when the
    file or its folder cannot be written (a read-only medium) or has no room (a full disk), or
    when SQLite fails to make its shared-memory file there, and no log is waiting; else
    ``mode=ro`` and a tidy step after closing (see :func:`_tidier`)."""
    before = _side_files(path)
    if not room_beside(path):
        return _connect(path, "ro", immutable="-wal" not in before), None
    conn = _connect(path, "ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if "-wal" in before:
            raise
        _tidier(path, before)()
        return _connect(path, "ro", immutable=True), None
    return conn, _tidier(path, before)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def open_store(
    path: str | os.PathLike[str],
    *,
    create: bool = False,
    readonly: bool = False,
    migrate: bool = True,
    inspect: bool = False,
) -> Store:
    """Open (or with ``create`` make) a Dossier database, upgrading its schema if needed.

    Raises a :class:`StoreError` subclass, leaving the file (and its folder) as it was, when
    it will not open: not SQLite, not a Dossier database (another program's, or an empty SQLite
    file: only ``dossier init`` makes one), schema objects Dossier did not create or missing
    ones (:class:`ForeignSchemaError`, named), a newer schema, and, when writing is wanted, a
    damaged file (header or ``quick_check``), a read-only or locked one. ``migrate=False``
    opens without upgrading; ``inspect=True`` (``dossier check``) also opens a damaged or
    altered file, its problems in :attr:`Store.problems`, and never commits.
    """
    path = Path(path).expanduser()
    new = not path.exists()
    header = None
    if new and not create:
        raise MissingDatabaseError(f"{path} does not exist")
    if new:
        if readonly:
            raise MissingDatabaseError(f"{path} does not exist")
        if not os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK):
            raise ReadOnlyError(f"cannot create {path}: the folder is not writable")
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        header = _check_file(path)
        verify.refuse_newer(path, header.user_version)
        damage = verify.header_damage(header, path)
        if damage and not (readonly or inspect):
            raise verify.damaged(path, damage)
        if not readonly and not _writable(path):
            raise ReadOnlyError(
                f"{path} is read-only; open it with --read-only to browse without changes"
            )
        if not (readonly or _side_files(path) or room_beside(path)):
            # SQLite would make -wal/-shm it then cannot fill, and leave them behind
            raise StoreError(DISK_FULL)
    tidy = None
    try:
        if readonly:
            conn, tidy = _connect_readonly(path)
        else:
            conn = _connect(path, "rwc" if new else "rw")
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc
    try:
        store = _prepare(conn, path, new=new, readonly=readonly, migrate=migrate, inspect=inspect)
    except BaseException:
        conn.close()
        if tidy is not None:
            tidy()
        if new and path.exists() and path.stat().st_size == 0:
            path.unlink()
        raise
    store._tidy = tidy
    if header is not None and inspect:
        store.problems[:0] = [f"damaged: {d}" for d in [verify.header_damage(header, path)] if d]
    return store


def _prepare(
    conn: sqlite3.Connection,
    path: Path,
    *,
    new: bool,
    readonly: bool,
    migrate: bool,
    inspect: bool = False,
) -> Store:
    """Refuse what must be refused, then upgrade the schema and set the pragmas (unless the
    store is read-only, or ``migrate`` is False: then nothing is changed)."""
    store = Store(conn, path, readonly)
    try:
        version = verify.identify(conn, path, new=new)
        problems = [] if new else verify.schema_problems(conn, version)
        if not (new or readonly or inspect):
            size = path.stat().st_size + _wal_size(path)
            problems += [f"damaged: {p}" for p in verify.quick_check(conn, size)[:3]]
        if inspect:
            store.problems = problems
            store._optimize = False
            return store
        for problem in problems:
            if problem.startswith("damaged: "):
                raise verify.damaged(path, problem.removeprefix("damaged: "))
        if problems:
            raise ForeignSchemaError(
                f"{path} is not as Dossier made it, so nothing was opened or changed"
                f" ({'; '.join(problems)}); drop what Dossier did not create (with sqlite3 or"
                " sqlite-utils) or restore a backup"
            )
        conn.execute("PRAGMA foreign_keys = ON")
        todo = migrations.pending(store.db)
        if not migrate and not new:
            return store
        if readonly:
            if todo:
                raise ReadOnlyError(
                    f"{path} has an older schema (version {version}) that must be upgraded"
                    " before it can be read, which opening it read-only does not allow;"
                    " open it once for writing (e.g. 'dossier PATH')"
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
        raise store_error(exc, path) from exc
    return store


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


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

"""Opening databases: creation, refusals that leave the file untouched, migrations."""

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.store import migrations
from desktop.store.database import backup_path, open_store
from desktop.store.errors import (
    CorruptDatabaseError,
    LockedError,
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
)

DATA = Path(__file__).parent.parent / "data"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_schema_pragmas(tmp_path):
    store = open_store(tmp_path / "new.db", create=True)
    try:
        assert store.schema_version() == migrations.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = [m.name for m in migrations.MIGRATIONS.applied(store.db)]
        assert names == [m.name for m in migrations.MIGRATIONS._migrations]
    finally:
        store.close()


def test_missing_file_is_refused_without_creating(tmp_path):
    with pytest.raises(MissingDatabaseError):
        open_store(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.parametrize(
    "content", [b"", b"hello, this is not a database at all", b"PK\x03\x04" + b"\0" * 200]
)
def test_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError):
        open_store(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a Dossier database"):
        open_store(path)
    assert digest(path) == before


def test_corrupt_file_is_refused_untouched(seeded_path):
    data = bytearray(seeded_path.read_bytes())
    # keep the header, damage the schema page
    data[100:4096] = b"\xff" * (4096 - 100)
    seeded_path.write_bytes(bytes(data))
    before = digest(seeded_path)
    with pytest.raises((CorruptDatabaseError, NotADatabaseError)):
        open_store(seeded_path)
    assert digest(seeded_path) == before


def test_newer_schema_is_refused_untouched(seeded_path):
    conn = sqlite3.connect(seeded_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(seeded_path)
    with pytest.raises(NewerSchemaError, match="newer Dossier"):
        open_store(seeded_path)
    assert digest(seeded_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused_for_writing(seeded_path):
    seeded_path.chmod(0o444)
    with pytest.raises(ReadOnlyError, match="read-only"):
        open_store(seeded_path)


def test_unwritable_file_is_refused_even_as_root(seeded_path, monkeypatch):
    """Root ignores permission bits, so the check is exercised through os.access."""
    before = digest(seeded_path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(ReadOnlyError, match="--read-only"):
        open_store(seeded_path)
    assert digest(seeded_path) == before


def test_read_only_mode_refuses_writes(seeded_path):
    before = digest(seeded_path)
    store = open_store(seeded_path, readonly=True)
    try:
        assert store.query("SELECT count(*) AS n FROM events")[0]["n"] > 0
        with pytest.raises(ReadOnlyError), store.write() as db:
            db.execute("DELETE FROM events")
    finally:
        store.close()
    assert digest(seeded_path) == before


def test_locked_database_write_fails_cleanly(seeded_path):
    store = open_store(seeded_path)
    other = sqlite3.connect(seeded_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        store.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(LockedError, match="locked"), store.write() as db:
            db.execute("UPDATE events SET title = 'x'")
    finally:
        other.rollback()
        other.close()
    assert store.query("SELECT count(*) AS n FROM events WHERE title = 'x'")[0]["n"] == 0
    store.close()


def test_write_rolls_back_on_error(seeded_store):
    n = seeded_store.query("SELECT count(*) AS n FROM events")[0]["n"]
    with pytest.raises(RuntimeError), seeded_store.write() as db:
        db.execute("DELETE FROM events")
        raise RuntimeError("boom")
    assert seeded_store.query("SELECT count(*) AS n FROM events")[0]["n"] == n


def test_listeners_hear_changes_only_after_commit(seeded_store):
    heard = []
    seeded_store.add_listener(heard.append)
    with seeded_store.write():
        seeded_store.changed("event", "update", [1])
        assert heard == []
    assert heard and heard[0][0].kind == "event"
    with pytest.raises(ValueError), seeded_store.write():
        seeded_store.changed("event", "update", [2])
        raise ValueError
    assert len(heard) == 1


def test_upgrade_from_oldest_schema_backs_up_first(tmp_path):
    """A checked-in database at schema 1 (made by the first migration only) upgrades."""
    path = tmp_path / "v1.db"
    shutil.copy(DATA / "dossier-v1.db", path)
    before = digest(path)
    store = open_store(path)
    try:
        assert store.schema_version() == migrations.SCHEMA_VERSION
        assert store.query("SELECT count(*) AS n FROM app_state")[0]["n"] == 0
        titles = [r["title"] for r in store.query("SELECT title FROM events ORDER BY id")]
        assert titles == ["Old event"]
    finally:
        store.close()
    backup = sqlite3.connect(backup_path(path, 1))
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT title FROM events").fetchall() == [("Old event",)]
    finally:
        backup.close()
    assert before != digest(path)


def test_failed_migration_leaves_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    shutil.copy(DATA / "dossier-v1.db", path)

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    last = migrations.MIGRATIONS._migrations[-1]
    monkeypatch.setattr(last, "fn", broken)
    with pytest.raises(Exception, match="disk I/O"):
        open_store(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
    finally:
        conn.close()

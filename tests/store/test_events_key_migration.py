"""Migration 0007 (events.key unique through the named index ``events_key``): a file made by the
previous Dossier (schema 6) opens upgraded with every row, link, search row and trigger as it
was; keys stay unique; nothing that refers to an event is lost while the table is made again."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from desktop.store import migrations, verify
from desktop.store.database import open_store
from desktop.store.search import search

TABLES = ("organizations", "events", "event_orgs", "citations", "sources", "search")


def make_v6(path):
    db = sqlite_utils.Database(path)
    migrations.MIGRATIONS.apply(db, stop_before="0007_events_key_index")
    db.execute("INSERT INTO sources (key, title) VALUES ('un', 'A/RES/78/311')")
    db.execute("INSERT INTO organizations (key, name) VALUES ('un-ga', 'UN General Assembly')")
    for i, (key, title, start) in enumerate(
        [("ai-resolution", "AI resolution adopted", "2024-07-01"), ("waic", "WAIC", "2024-07")]
    ):
        db.execute("INSERT INTO events (key, title, start) VALUES (?, ?, ?)", (key, title, start))
        db.execute("INSERT INTO event_orgs (event_id, org_id) VALUES (?, 1)", (i + 1,))
    db.execute(
        "INSERT INTO citations (source_id, target_kind, target_id, locator)"
        " VALUES (1, 'event', 1, '¶1')"
    )
    db.conn.commit()
    db.close()


def dump(path):
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in TABLES
        }
    finally:
        conn.close()


def test_a_schema_6_file_upgrades_with_every_row_and_reference(tmp_path):
    path = tmp_path / "v6.db"
    make_v6(path)
    before = dump(path)
    assert before["events"][0][2] == "ai-resolution"
    store = open_store(path)
    try:
        assert store.schema_version() == migrations.SCHEMA_VERSION >= 7
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on
        # the triggers still work: dates filled, searchable, the change counter moves
        gen = store.conn.execute("SELECT value FROM generations").fetchone()[0]
        with store.write() as db:
            db.execute(
                "INSERT INTO events (key, title, start) VALUES ('new', 'Later talk', '2024-08')"
            )
        row = store.conn.execute("SELECT start_lo FROM events WHERE key = 'new'").fetchone()
        assert row[0] == 1722470400
        assert store.conn.execute("SELECT value FROM generations").fetchone()[0] > gen
        assert [h.key for h in search(store, "Later talk")][:1] == ["new"]
        with pytest.raises(Exception, match="UNIQUE"), store.write() as db:
            db.execute("INSERT INTO events (key, title, start) VALUES ('waic', 'x', '2024')")
        with store.write() as db:  # deleting an event still removes its links and citations
            db.execute("DELETE FROM events WHERE key = 'new'")
    finally:
        store.close()
    assert (tmp_path / "v6.db.bak-v6").exists()
    after = dump(path)
    assert after == before
    conn = sqlite3.connect(path)
    try:
        assert verify.schema_problems(conn, migrations.SCHEMA_VERSION) == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "events_key" in names and "events_v7" not in names
        assert not any(n.startswith("sqlite_autoindex_events") for n in names)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM events WHERE key = 'ai-resolution'")
        assert conn.execute("SELECT count(*) FROM event_orgs").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 0
    finally:
        conn.close()


def test_the_migration_refuses_to_run_with_foreign_keys_on(tmp_path):
    path = tmp_path / "v6.db"
    make_v6(path)
    db = sqlite_utils.Database(path)
    try:
        db.conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(RuntimeError, match="foreign keys off"):
            migrations.MIGRATIONS.apply(db)
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == 6
        assert db.conn.execute("SELECT count(*) FROM event_orgs").fetchone()[0] == 2
    finally:
        db.close()

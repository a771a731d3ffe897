"""Migration 0006 (source grades): a file made by the previous Dossier (schema 5) opens,
upgraded, with every row as it was and nothing graded yet; the new columns refuse bad grades."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from desktop.store import migrations, verify
from desktop.store.database import open_store


def make_v5(path):
    db = sqlite_utils.Database(path)
    migrations.MIGRATIONS.apply(db, stop_before="0006_source_grades")
    db.execute("INSERT INTO sources (key, title, publisher) VALUES ('un', 'A/RES/78/311', 'UN')")
    db.execute("INSERT INTO organizations (key, name) VALUES ('un-ga', 'UN General Assembly')")
    db.execute(
        "INSERT INTO events (key, title, start) VALUES ('ai-resolution', 'AI resolution',"
        " '2024-07-01')"
    )
    db.execute("INSERT INTO event_orgs (event_id, org_id) VALUES (1, 1)")
    db.execute(
        "INSERT INTO citations (source_id, target_kind, target_id, locator, quote)"
        " VALUES (1, 'event', 1, '¶1', 'adopted')"
    )
    db.conn.commit()
    db.close()


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_schema_5_file_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "v5.db"
    make_v5(path)
    assert rows(path, "PRAGMA user_version") == [(5,)]
    old = {
        t: rows(path, f"SELECT * FROM {t} ORDER BY rowid")
        for t in ("sources", "organizations", "events", "event_orgs", "citations")
    }
    store = open_store(path)
    try:
        assert store.schema_version() == migrations.SCHEMA_VERSION >= 6
    finally:
        store.close()
    assert (tmp_path / "v5.db.bak-v5").exists()  # the file as it was, set aside first
    for table, before in old.items():
        after = rows(path, f"SELECT * FROM {table} ORDER BY rowid")
        if table in ("sources", "citations"):  # the two new columns, not graded
            assert [r[: len(before[0])] for r in after] == before
            assert [r[-2:] for r in after] == [(None, None)]
        else:
            assert after == before, table
    conn = sqlite3.connect(path)
    try:
        assert verify.schema_problems(conn, migrations.SCHEMA_VERSION) == []
        for sql in (
            "UPDATE sources SET reliability = 'G'",
            "UPDATE sources SET reliability = 'b'",
            "UPDATE citations SET credibility = 0",
            "UPDATE citations SET credibility = 7",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                conn.execute(sql)
        conn.execute("UPDATE sources SET reliability = 'A', reliability_reason = 'the UN record'")
        conn.execute("UPDATE citations SET credibility = 1")
        conn.commit()
    finally:
        conn.close()
    store = open_store(path, readonly=True)
    try:
        from desktop.store.citations import citations_for

        (cite,) = citations_for(store, "event", [1])[1]
        assert str(cite.grade) == "A1"
    finally:
        store.close()

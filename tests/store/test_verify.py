"""What opening knows about a file before writing: its header, whether it is Dossier's, and
whether its schema is what Dossier's migrations made (store/verify.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import migrations, verify
from desktop.store.database import open_store
from desktop.store.errors import CorruptDatabaseError

DATA = Path(__file__).parent.parent / "data"

# The triggers, views and virtual tables each schema version has, pinned: opening refuses a
# file whose code objects differ from these, so a migration (or the schema text it builds from)
# must never change once released. A new migration adds a line here; old lines never change.
PINNED = {
    1: "6d885980a38c7b56",
    2: "6d885980a38c7b56",
    3: "dc9fce1265480823",
    4: "dc9fce1265480823",
    5: "5e3005414fdade56",
    6: "5e3005414fdade56",  # grade columns only: no code object changed
    7: "5e3005414fdade56",  # events.key: an index, no code object changed
}


def code_digest(version: int) -> str:
    expected = verify.expected_schema(version)
    code = sorted(
        (kind, name, verify._norm(sql))
        for (kind, name), (_table, sql) in expected.items()
        if verify._is_code(kind, sql)
    )
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()[:16]


@pytest.mark.parametrize("version", range(1, migrations.SCHEMA_VERSION + 1))
def test_released_schemas_never_change(version):
    assert version in PINNED, f"pin schema version {version}: {code_digest(version)}"
    assert code_digest(version) == PINNED[version]


def test_a_file_made_by_an_old_dossier_is_as_dossier_made_it(tmp_path):
    path = tmp_path / "v1.db"
    shutil.copy(DATA / "dossier-v1.db", path)
    conn = sqlite3.connect(path)
    try:
        assert verify.applied_migrations(conn) == ["0001_initial"]
        assert verify.schema_problems(conn, 1) == []
    finally:
        conn.close()
    open_store(path).close()  # upgraded: then as the current version makes it
    conn = sqlite3.connect(path)
    try:
        assert verify.schema_problems(conn, migrations.SCHEMA_VERSION) == []
    finally:
        conn.close()


def test_header_of_a_whole_and_a_cut_file(seeded_template, tmp_path):
    header = verify.read_header(seeded_template)
    assert header is not None and header.page_count and verify.header_damage(header) is None
    assert header.user_version == migrations.SCHEMA_VERSION
    cut = tmp_path / "cut.db"
    data = seeded_template.read_bytes()
    for size in (len(data) - 1, len(data) - header.page_size):
        cut.write_bytes(data[:size])
        damage = verify.header_damage(verify.read_header(cut))
        assert damage is not None and ("cut short" in damage or "whole number" in damage)


def test_not_sqlite_has_no_header(tmp_path):
    path = tmp_path / "x.db"
    for content in (b"", b"SQLite format 3\x00", b"not a database" * 20):
        path.write_bytes(content)
        assert verify.read_header(path) is None


def test_another_programs_migrations_are_not_dossiers(tmp_path):
    conn = sqlite3.connect(tmp_path / "other.db")
    try:
        conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT)")
        assert verify.applied_migrations(conn) is None
        conn.execute("INSERT INTO _sqlite_migrations VALUES ('billing', '0001_initial')")
        assert verify.applied_migrations(conn) is None
    finally:
        conn.close()


def test_what_is_named(seeded_template, tmp_path):
    path = tmp_path / "db.db"
    shutil.copy(seeded_template, path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE INDEX mine ON events (title)")
        conn.execute("CREATE VIEW v AS SELECT 1")
        conn.execute("DROP TRIGGER events_search_ad")
        conn.execute("ANALYZE")  # sqlite_stat1 is SQLite's own
        problems = verify.schema_problems(conn, migrations.SCHEMA_VERSION)
    finally:
        conn.close()
    assert problems == [
        "not created by Dossier: index 'mine' on events, view 'v'",
        "missing: trigger 'events_search_ad'",
    ]


GROW = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA wal_autocheckpoint = 0")
with conn:
    for i in range(400):
        conn.execute(
            "INSERT INTO events (key, title, summary, start, start_lo, start_hi, kind)"
            " VALUES (?, ?, ?, '2024-07-09', 1720483200, 1720569600, 'release')",
            (f"grown-{i}", f"Grown {i}", "words " * 400),
        )
os._exit(0)  # no close: no checkpoint, the commit stays in the -wal only
"""


def _checkpoint_cut_after_page_one(db: Path) -> None:
    """What a crash in the middle of a checkpoint leaves: the newest page 1 of the -wal (the
    header, with the grown page count) copied into the file, the pages after it not yet."""
    wal = Path(f"{db}-wal").read_bytes()
    _magic, _v, page_size, _seq, salt1, salt2 = struct.unpack(">6I", wal[:24])
    newest = None
    for offset in range(32, len(wal) - 24 - page_size + 1, 24 + page_size):
        page, _commit, s1, s2 = struct.unpack(">4I", wal[offset : offset + 16])
        if (s1, s2) == (salt1, salt2) and page == 1:
            newest = wal[offset + 24 : offset + 24 + page_size]
    assert newest is not None
    with db.open("r+b") as fh:
        fh.write(newest)


def test_a_crash_in_the_middle_of_a_checkpoint_is_not_damage(seeded_template, tmp_path):
    """The file is shorter than its header says, and its -wal holds the rest: SQLite restores
    it, so Dossier opens it for writing with every event; the same file without its -wal is
    damaged (cut short) and refused. (tests/store/test_durability.py kills a writer at random
    moments and met this once.)"""
    db = tmp_path / "crashed.db"
    shutil.copy(seeded_template, db)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0]
    subprocess.run([sys.executable, "-c", GROW, str(db)], check=True)
    _checkpoint_cut_after_page_one(db)
    header = verify.read_header(db)
    assert header is not None and header.page_count * header.page_size > header.size
    alone = tmp_path / "alone.db"
    shutil.copy(db, alone)  # without its -wal

    store = open_store(db)
    try:
        assert not store.readonly and not store.problems
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before + 400
    finally:
        store.close()
    with pytest.raises(CorruptDatabaseError, match="cut short"):
        open_store(alone)

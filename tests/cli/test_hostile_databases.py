"""Hostile database files × commands: each refusal is exit 1 with one line on stderr (no
traceback), the database's bytes unchanged, and nothing left beside it (no -wal/-shm) or
written elsewhere. Read-only commands never change a file or leave -wal/-shm, a live -wal
included."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import database, migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


# -- the hostile files ------------------------------------------------------------------------
def foreign(path: Path) -> None:
    """Another program's SQLite file, with its own sqlite-utils migrations."""
    path.unlink()
    sql(
        path,
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
        " name TEXT, applied_at TEXT)",
        "INSERT INTO _sqlite_migrations VALUES (1, 'billing', '0001_invoices', '2024-01-01')",
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)",
        "INSERT INTO invoices VALUES (1, 9.5)",
    )


def foreign_plain(path: Path) -> None:
    path.unlink()
    sql(path, "CREATE TABLE _sqlite_migrations (x)", "CREATE TABLE invoices (id INTEGER)")


def empty_sqlite(path: Path) -> None:
    path.unlink()
    sql(path, "CREATE TABLE t (x)", "DROP TABLE t")


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-1])


def newer(path: Path) -> None:
    sql(path, f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")


def changed_trigger(path: Path) -> None:
    sql(
        path,
        "DROP TRIGGER events_generation_ai",
        "CREATE TRIGGER events_generation_ai AFTER INSERT ON events BEGIN"
        " DELETE FROM annotations; END",
    )


def planted(path: Path) -> None:
    """Schema rows written straight into sqlite_master: a trigger under a name SQLite keeps for
    itself, and the search index's tokenizer changed."""
    sql(
        path,
        "PRAGMA writable_schema = ON",
        "INSERT INTO sqlite_master VALUES ('trigger', 'sqlite_wipe', 'annotations', 0,"
        " 'CREATE TRIGGER sqlite_wipe AFTER INSERT ON annotations BEGIN DELETE FROM events; END')",
        "UPDATE sqlite_master SET sql = replace(sql, 'trigram', 'unicode61') WHERE name = 'search'",
    )


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    # name: (how the file is made hostile, what the refusal must say)
    "trigger on annotations": (
        lambda p: sql(
            p, "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM events; END"
        ),
        "'wipe'",
    ),
    "trigger on timeline_cache": (
        lambda p: sql(
            p, "CREATE TRIGGER tc AFTER INSERT ON timeline_cache BEGIN DELETE FROM events; END"
        ),
        "'tc'",
    ),
    "trigger on app_state": (
        lambda p: sql(
            p, "CREATE TRIGGER st AFTER UPDATE ON app_state BEGIN DELETE FROM claims; END"
        ),
        "'st'",
    ),
    "changed trigger": (changed_trigger, "'events_generation_ai'"),
    "planted in sqlite_master": (planted, "'sqlite_wipe'"),
    "view": (lambda p: sql(p, "CREATE VIEW recent AS SELECT * FROM events"), "'recent'"),
    "index on events": (lambda p: sql(p, "CREATE INDEX mine ON events (title)"), "'mine'"),
    "extra table": (lambda p: sql(p, "CREATE TABLE invoices (id INTEGER)"), "'invoices'"),
    "search dropped": (lambda p: sql(p, "DROP TABLE search"), "'search'"),
    "events dropped": (lambda p: sql(p, "DROP TABLE events"), "'events'"),
    "another program's file": (foreign, "not a Dossier database"),
    "another program's file, no sets": (foreign_plain, "not a Dossier database"),
    "empty SQLite file": (empty_sqlite, "empty SQLite database"),
    "newer schema": (newer, "newer Dossier"),
    "truncated by one byte": (truncated, "damaged"),
}
READERS = {"search", "export csv", "export markdown", "annotations export", "screenshot"}


def command(name: str, db: Path, inputs: Path, outputs: Path) -> list[str]:
    return {
        "annotate": ["annotate", "event:waic-2024", "--note", "hello", "--db", str(db)],
        "import": ["import", str(inputs / "events.csv"), "--db", str(db)],
        "annotations import": [
            "annotations", "import", str(inputs / "notes.json"), "--db", str(db)
        ],
        "search": ["search", "SenseTime", "--db", str(db)],
        "export csv": ["export", "csv", str(outputs / "events.csv"), "--db", str(db)],
        "export markdown": [
            "export", "markdown", str(outputs / "d.md"), "--org", "SenseTime", "--db", str(db)
        ],
        "annotations export": ["annotations", "export", str(outputs / "n.json"), "--db", str(db)],
        "screenshot": ["screenshot", str(outputs / "shot.png"), "--db", str(db)],
        "open": ["open", str(db)],
    }[name]  # fmt: skip


COMMANDS = [
    "annotate",
    "import",
    "annotations import",
    "search",
    "export csv",
    "export markdown",
    "annotations export",
    "screenshot",
    "open",
]


@pytest.fixture
def folders(tmp_path):
    made = {name: tmp_path / name for name in ("db", "inputs", "outputs")}
    for folder in made.values():
        folder.mkdir()
    (made["inputs"] / "events.csv").write_text("title,start\nA new event,2024-03-02\n")
    bundle = {"format": "dossier-annotations", "version": 1, "annotations": []}
    (made["inputs"] / "notes.json").write_text(json.dumps(bundle))
    return made


def hostile_copy(seeded_template: Path, folder: Path, case: str) -> Path:
    path = folder / "hostile.db"
    shutil.copy(seeded_template, path)
    HOSTILE[case][0](path)
    assert sorted(p.name for p in folder.iterdir()) == ["hostile.db"]
    return path


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("name", COMMANDS)
def test_hostile_file_refused_and_left_as_it_was(seeded_template, folders, capsys, case, name):
    reads_only = name in READERS
    if case == "truncated by one byte" and name == "open":
        pytest.skip("a damaged file opens read-only in the window (test_window_...)")
    db = hostile_copy(seeded_template, folders["db"], case)
    before = listing(folders["db"])
    code = main(command(name, db, folders["inputs"], folders["outputs"]))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert listing(folders["db"]) == before, "the database or its folder changed"
    if case == "truncated by one byte" and reads_only:
        # reading a damaged file is allowed; it must not change it or leave files beside it
        assert code in (0, 1) and captured.err.count("dossier:") <= 1
        return
    assert code == 1, captured
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dossier: "), captured.err
    assert HOSTILE[case][1] in lines[0]
    assert listing(folders["outputs"]) == {}, "an output was written for a refused database"


@pytest.mark.parametrize("case", list(HOSTILE))
def test_check_names_what_is_wrong(seeded_template, folders, capsys, case):
    db = hostile_copy(seeded_template, folders["db"], case)
    before = listing(folders["db"])
    assert main(["check", str(db)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert HOSTILE[case][1] in captured.out + captured.err
    if captured.err:
        assert len(captured.err.strip().splitlines()) == 1 and not captured.out
    assert listing(folders["db"]) == before


def corrupt_page(path: Path) -> None:
    """Garbage over the middle of the events table's pages (the header is intact)."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page + 8)
        fh.write(b"\xff" * 64)


@pytest.mark.parametrize("name", ["annotate", "import", "annotations import"])
def test_a_damaged_page_refuses_writes(seeded_template, folders, capsys, name):
    db = folders["db"] / "damaged.db"
    shutil.copy(seeded_template, db)
    corrupt_page(db)
    before = listing(folders["db"])
    assert main(command(name, db, folders["inputs"], folders["outputs"])) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and "Traceback" not in err
    assert listing(folders["db"]) == before


def test_check_on_a_damaged_page_reports_without_a_traceback(seeded_template, folders, capsys):
    db = folders["db"] / "damaged.db"
    shutil.copy(seeded_template, db)
    corrupt_page(db)
    before = listing(folders["db"])
    assert main(["check", str(db)]) == 1
    captured = capsys.readouterr()
    assert "problem:" in captured.out and "Traceback" not in captured.err
    assert listing(folders["db"]) == before


def test_the_trigger_never_ran(seeded_template, folders):
    db = hostile_copy(seeded_template, folders["db"], "trigger on annotations")
    main(command("annotate", db, folders["inputs"], folders["outputs"]))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    finally:
        conn.close()


def test_search_index_emptied(seeded_template, folders, capsys):
    db = folders["db"] / "emptied.db"
    shutil.copy(seeded_template, db)
    sql(db, "DELETE FROM search")
    assert main(["check", str(db)]) == 1
    assert "search index has 0 event rows" in capsys.readouterr().out
    before = listing(folders["db"])
    code = main(["search", "SenseTime", "--db", str(db)])
    err = capsys.readouterr().err
    assert code in (0, 1) and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert listing(folders["db"]) == before


# -- read-only commands ---------------------------------------------------------------------
@pytest.mark.parametrize("name", [*sorted(READERS), "check"])
def test_read_only_commands_leave_no_trace(seeded_template, folders, capsys, name):
    db = folders["db"] / "dossier.db"
    shutil.copy(seeded_template, db)
    assert database.verify.read_header(db).wal  # the case where readers make -wal/-shm
    before = listing(folders["db"])
    inputs, outputs = folders["inputs"], folders["outputs"]
    argv = ["check", str(db)] if name == "check" else command(name, db, inputs, outputs)
    assert main(argv) == 0, capsys.readouterr()
    assert listing(folders["db"]) == before


def crashed_copy(seeded_template: Path, folder: Path) -> Path:
    """A database and the -wal a killed writer left (a committed row only in the log)."""
    work = folder.parent / "work"
    work.mkdir()
    shutil.copy(seeded_template, work / "w.db")
    conn = sqlite3.connect(work / "w.db")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO organizations (key, name) VALUES ('zzlogged', 'Zzlogged Ltd')")
    conn.commit()
    shutil.copy(work / "w.db", folder / "w.db")
    shutil.copy(work / "w.db-wal", folder / "w.db-wal")
    conn.close()
    return folder / "w.db"


@pytest.mark.parametrize("name", ["search", "export csv", "check"])
def test_a_live_wal_is_read_and_left_alone(seeded_template, folders, capsys, name):
    db = crashed_copy(seeded_template, folders["db"])
    before = listing(folders["db"])
    if name == "search":
        assert main(["search", "Zzlogged", "--db", str(db)]) == 0
        assert "Zzlogged" in capsys.readouterr().out
    elif name == "check":
        assert main(["check", str(db)]) == 0
    else:
        out = folders["outputs"] / "e.csv"
        assert main(["export", "csv", str(out), "--db", str(db)]) == 0
        assert out.read_text(encoding="utf-8-sig").startswith("key,title")
    after = listing(folders["db"])
    # the database and its log are as they were (SQLite may have made a -shm to read the log)
    assert {k: after[k] for k in before} == before
    assert set(after) <= set(before) | {"w.db-shm"}


def test_read_only_medium_opens_immutable(seeded_template, folders, monkeypatch, capsys):
    db = folders["db"] / "dossier.db"
    shutil.copy(seeded_template, db)
    monkeypatch.setattr(database, "_writable", lambda path: False)
    before = listing(folders["db"])
    assert main(["search", "SenseTime", "--db", str(db)]) == 0
    assert main(["annotate", "event:waic-2024", "--note", "x", "--db", str(db)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert listing(folders["db"]) == before


def test_window_opens_a_damaged_file_read_only(seeded_template, folders):
    from desktop.ui.shell.opening import attempt_open

    db = hostile_copy(seeded_template, folders["db"], "truncated by one byte")
    before = listing(folders["db"])
    result = attempt_open(db)
    try:
        assert result.ok and result.store is not None and result.store.readonly
        assert result.lock is None and "damaged" in (result.message or "")
    finally:
        if result.store is not None:
            result.store.close()
    assert listing(folders["db"]) == before


@pytest.mark.parametrize("case", ["trigger on app_state", "another program's file", "newer schema"])
def test_window_refuses_hostile_files(seeded_template, folders, case):
    from desktop.ui.shell.opening import attempt_open

    db = hostile_copy(seeded_template, folders["db"], case)
    before = listing(folders["db"])
    result = attempt_open(db)
    assert not result.ok and HOSTILE[case][1] in (result.message or "")
    assert listing(folders["db"]) == before

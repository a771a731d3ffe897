"""Replacing a database file (``init --force``, File ▸ New, File ▸ Backup / Save a copy) is all
or nothing: the old file's stale -wal/-shm never end up beside the new one, the new file has the
usual permissions, and a file a Dossier window (or any SQLite connection) holds is refused with
every byte left as it was (issue 13)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import files
from desktop.store.backup import backup_to
from desktop.store.errors import StoreError
from desktop.store.library import create_empty, create_from_seeds
from desktop.store.lock import AlreadyOpenError, DatabaseLock, InUseError

MARK = "STALE-WAL-ROW"

# A writer that commits rows into the WAL (never checkpointed) and is then killed: its -wal and
# -shm stay beside the file, holding committed pages that belong to *that* file only.
WRITER = f"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
for i in range(200):
    conn.execute("BEGIN")
    conn.execute("INSERT INTO events (key, title, start) VALUES (?, ?, '2024')",
                 (f"stale-{{i}}", "{MARK} " + "x" * 500))
    conn.execute("UPDATE events SET title = title || '!' WHERE id % 7 = ?", (i % 7,))
    conn.execute("COMMIT")
print("ready", flush=True)
time.sleep(600)
"""

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("ready", flush=True)
sys.stdin.read()
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kill_a_writer(db: Path) -> None:
    """Leave ``db`` with a stale, non-empty -wal and -shm, as a SIGKILLed writer does."""
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
    ) as writer:
        try:
            assert writer.stdout.readline().strip() == "ready"
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
    assert Path(f"{db}-wal").stat().st_size > 100_000
    assert Path(f"{db}-shm").exists()


def seed_event_count(template: Path) -> int:
    conn = sqlite3.connect(template)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def inspect(db: Path) -> tuple[str, int, int]:
    """(integrity_check, events, events carrying the stale writer's mark); read-only, so the
    check itself leaves nothing behind."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        stale = conn.execute(
            "SELECT count(*) FROM events WHERE title LIKE ?", (f"%{MARK}%",)
        ).fetchone()[0]
        return verdict, n, stale
    finally:
        conn.close()


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


# -- init --force ---------------------------------------------------------------------------------
def test_init_force_over_a_killed_writers_file_gives_a_fresh_whole_database(
    seeded_template, tmp_path, capsys
):
    db = tmp_path / "dossier.db"
    shutil.copy(seeded_template, db)
    kill_a_writer(db)
    assert main(["init", str(db), "--force"]) == 0, capsys.readouterr().err
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    assert leftovers(tmp_path, "dossier.db") == []  # nothing set aside is left behind
    verdict, n, stale = inspect(db)
    assert verdict == "ok"
    assert stale == 0  # only fresh seed rows: none of the old WAL's
    assert n == seed_event_count(seeded_template)


def test_init_force_gives_the_usual_permissions(seeded_template, tmp_path, umask_022):
    db = tmp_path / "new.db"
    assert main(["init", str(db)]) == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o644 == usual_mode()
    db.chmod(0o640)  # a replaced file keeps what its owner chose
    assert main(["init", str(db), "--force"]) == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o640


def test_init_makes_missing_folders_but_not_under_proc(tmp_path, capsys):
    db = tmp_path / "a" / "b" / "x.db"
    assert main(["init", str(db)]) == 0
    assert inspect(db)[0] == "ok"
    capsys.readouterr()
    assert main(["init", "/proc/dossier-test.db"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "system folder" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["symlink", "directory", "fifo"])
def test_init_force_refuses_what_is_not_a_regular_file(kind, seeded_template, tmp_path, capsys):
    victim = tmp_path / "victim.db"
    shutil.copy(seeded_template, victim)
    target = tmp_path / "target.db"
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "directory":
        target.mkdir()
    else:
        os.mkfifo(target)
    before = digest(victim)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert main(["init", str(target), "--force"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("dossier: ") and "Traceback" not in err
    assert digest(victim) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names


# -- the lock covers replacement ------------------------------------------------------------------
def test_replacement_is_refused_while_a_window_holds_the_file(seeded_path, tmp_path, capsys):
    other = tmp_path / "other.db"
    shutil.copy(seeded_path, other)
    lock = DatabaseLock(seeded_path).acquire()
    try:
        before = digest(seeded_path)
        assert main(["init", str(seeded_path), "--force"]) == 1
        err = capsys.readouterr().err
        assert "open in a Dossier window" in err and err.count("\n") == 1
        with pytest.raises(AlreadyOpenError):
            create_empty(seeded_path, force=True)
        from desktop.store.database import open_store

        source = open_store(other)
        try:
            with pytest.raises(AlreadyOpenError, match="close it before replacing"):
                backup_to(source, seeded_path)
        finally:
            source.close()
        assert digest(seeded_path) == before
        assert leftovers(tmp_path, "dossier.db") == ["other.db"]
        # ordinary writes by other commands stay allowed (SQLite serializes them)
        assert (
            main(["annotate", "org:sensetime", "--note", "still allowed", "--db", str(seeded_path)])
            == 0
        )
    finally:
        lock.release()
    assert main(["init", str(seeded_path), "--force"]) == 0


def test_replacement_is_refused_while_another_process_has_the_file_open(seeded_path, capsys):
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(seeded_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "ready"
            before = digest(seeded_path)
            assert main(["init", str(seeded_path), "--force"]) == 1
            err = capsys.readouterr().err
            assert "open in another program" in err and err.count("\n") == 1
            with pytest.raises(InUseError):
                create_from_seeds(seeded_path, force=True)
            assert digest(seeded_path) == before
        finally:
            holder.stdin.close()
            holder.wait()
    assert main(["init", str(seeded_path), "--force"]) == 0  # free again once it closed


# -- Backup / Save a copy -------------------------------------------------------------------------
def test_backup_over_a_target_with_stale_sidecars(
    seeded_store, seeded_template, tmp_path, umask_022
):
    target = tmp_path / "copies" / "copy.db"
    target.parent.mkdir()
    shutil.copy(seeded_template, target)
    kill_a_writer(target)
    seeded_store.conn.execute("UPDATE organizations SET name = name || ' (live)' WHERE id = 1")
    seeded_store.conn.commit()  # a committed change still in the live -wal
    backup_to(seeded_store, target)
    assert leftovers(target.parent, "copy.db") == []
    verdict, n, stale = inspect(target)
    assert verdict == "ok" and stale == 0
    assert n == seeded_store.query("SELECT count(*) AS n FROM events")[0]["n"]
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert (
            conn.execute("SELECT name FROM organizations WHERE id = 1")
            .fetchone()[0]
            .endswith("(live)")
        )
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the temporary file's 0600


def test_backup_to_a_new_file_has_the_usual_permissions(seeded_store, tmp_path, umask_022):
    target = backup_to(seeded_store, tmp_path / "fresh.db")
    assert stat.S_IMODE(target.stat().st_mode) == usual_mode() == 0o644


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_backup_refuses_the_open_database_and_its_sidecars(seeded_store, suffix):
    seeded_store.conn.execute("UPDATE app_state SET value = value")
    seeded_store.conn.commit()
    target = Path(f"{seeded_store.path}{suffix}")
    before = {p: digest(p) for p in seeded_store.path.parent.iterdir() if p.is_file()}
    with pytest.raises(StoreError, match="open database"):
        backup_to(seeded_store, target)
    assert {p: digest(p) for p in seeded_store.path.parent.iterdir() if p.is_file()} == before


# -- the order of the swap ------------------------------------------------------------------------
def test_a_failed_swap_gives_the_old_file_its_sidecars_back(seeded_template, tmp_path, monkeypatch):
    """If moving the new file into place fails after the old sidecars were set aside, they are
    put back: the old file is whole, with its own log."""
    db = tmp_path / "dossier.db"
    shutil.copy(seeded_template, db)
    kill_a_writer(db)
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    real_replace = os.replace

    def failing(src, dst):  # the sidecars move aside; the main file's move fails
        if Path(dst) == db:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    with pytest.raises(StoreError, match="the disk is full"):
        create_from_seeds(db, force=True)
    monkeypatch.undo()
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before
    verdict, _n, stale = inspect(db)
    assert verdict == "ok" and stale == 200


def test_sidecars_go_aside_before_the_new_file_arrives(seeded_template, tmp_path, monkeypatch):
    """At no moment is the new file beside the old -wal: when the main file is replaced, the
    old sidecars are already gone from their names."""
    db = tmp_path / "dossier.db"
    shutil.copy(seeded_template, db)
    kill_a_writer(db)
    seen = []
    real_replace = os.replace

    def watching(src, dst):
        if Path(dst) == db:
            seen.append([os.path.lexists(f"{db}{s}") for s in files.SIDECARS])
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", watching)
    create_empty(db, force=True).close()
    assert seen == [[False, False, False]]


def test_init_on_a_full_disk_names_the_file_asked_for(tmp_path, monkeypatch, capsys):
    """A failure while building says "the disk is full" about the file asked for (never the
    temporary file's name) and leaves nothing behind."""
    import desktop.store.library as library

    def full(_store, _seeds):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(library, "load_seeds", full)
    db = tmp_path / "x.db"
    assert main(["init", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == f"dossier: could not create {db}: the disk is full\n"
    assert list(tmp_path.iterdir()) == []

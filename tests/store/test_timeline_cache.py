"""The timeline's column files beside the database (store.timeline): what they hold equals
what a row-by-row read of the database gives, and anything that makes them doubtful (another
generation, another database, a damaged file, a read-only open) means they are not used."""

import json
import os
import shutil
import sqlite3

import numpy as np
import pytest

from desktop.bench.generate import generate
from desktop.store import timeline, timeline_read
from desktop.store.database import open_store
from desktop.store.files import OutputError, check_output
from desktop.store.timeline import cache_dir, columns_ready, timeline_columns

COLS = ("id", "lo", "hi", "start_hi", "kind", "era", "org")


def _reference(store):
    """The columns read row by row in Python, sorted by start (stable, by id then org)."""
    rows = store.conn.execute(
        "SELECT e.id, e.start_lo, coalesce(e.end_hi, e.start_hi), e.start_hi, e.kind, e.era,"
        " coalesce(eo.org_id, -1) FROM events e LEFT JOIN event_orgs eo ON eo.event_id = e.id"
        " WHERE e.start_lo IS NOT NULL ORDER BY e.start_lo, e.id, eo.org_id"
    ).fetchall()
    return {
        "id": [r[0] for r in rows],
        "lo": [float(r[1]) for r in rows],
        "hi": [float(max(r[2], r[1] + 1)) for r in rows],
        "start_hi": [float(r[3]) for r in rows],
        "kind": [r[4] for r in rows],
        "era": [int(r[5] == 1) for r in rows],
        "org": [r[6] for r in rows],
    }


def _as_lists(cols):
    out = {name: np.asarray(cols[name]).tolist() for name in COLS}
    names = [str(k) for k in cols["kind_names"]]
    out["kind"] = [names[k] for k in out["kind"]]
    return out


@pytest.fixture(autouse=True)
def files_for_small_databases(monkeypatch):
    """These tests use a few thousand events: let them have cache files as big ones do."""
    monkeypatch.setattr(timeline, "FILES_FROM", 0)


def test_a_small_database_gets_no_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(timeline, "FILES_FROM", 50_000)
    path = tmp_path / "small.db"
    store = generate(path, 3000, n_orgs=40)
    try:
        cols = timeline_columns(store)
        assert _as_lists(cols) == _reference(store)
    finally:
        store.close()
    assert not cache_dir(path).exists()


def _files(path):
    return sorted((cache_dir(path)).glob("columns-*"))


@pytest.fixture
def generated(tmp_path):
    """A generated database with a few events in several organizations, an era, events
    without an organization and a gap in the ids (so none of the shortcuts apply alone)."""
    path = tmp_path / "g.db"
    store = generate(path, 3000, n_orgs=40)
    with store.write() as db:
        db.execute("DELETE FROM events WHERE id BETWEEN 100 AND 180")
        db.execute("DELETE FROM event_orgs WHERE event_id BETWEEN 200 AND 230")
        db.conn.executemany(
            "INSERT OR IGNORE INTO event_orgs (event_id, org_id) VALUES (?, ?)",
            [(i, 1 + (i * 7) % 40) for i in range(300, 400)],
        )
        db.execute("UPDATE events SET era = 1, kind = 'age of steam' WHERE id IN (5, 6, 7)")
    return path, store


def test_a_build_equals_a_row_by_row_read_and_the_files_give_it_back(generated):
    path, store = generated
    want = _reference(store)
    told = []
    built = timeline_columns(store, progress=told.append)
    assert _as_lists(built) == want and len(want["id"]) > 3000  # several orgs per event
    assert told == sorted(told) and told[-1] == 1.0 and len(told) > 5
    assert len(_files(path)) == 1 and columns_ready(store)
    again = timeline_columns(store)  # from the files, memory-mapped
    assert isinstance(again["lo"], np.memmap) and not again["lo"].flags.writeable
    assert _as_lists(again) == want
    store.close()
    reopened = open_store(path)
    assert columns_ready(reopened) and _as_lists(timeline_columns(reopened)) == want
    reopened.close()


def test_the_bulk_reader_works_in_chunks_with_threads_and_new_kinds(generated, monkeypatch):
    _path, store = generated
    monkeypatch.setattr(timeline_read, "CHUNK", 250)  # many chunks, read by several threads
    with store.write() as db:  # a kind first seen late, and a date only as text
        db.execute("UPDATE events SET kind = 'late kind' WHERE id = 2900")
        db.execute("UPDATE events SET start_lo = NULL, start_hi = NULL WHERE id = 2950")
    want = _reference(store)
    got = _as_lists(timeline_columns(store))
    assert "late kind" in got["kind"] and 2950 in got["id"]  # parsed from its text
    without = [i for i, eid in enumerate(got["id"]) if eid != 2950]
    assert {k: [v[i] for i in without] for k, v in got.items()} == want


def test_a_change_moves_the_generation_and_the_columns_are_built_again(generated):
    path, store = generated
    timeline_columns(store)
    first = _files(path)
    with store.write() as db:
        db.execute("UPDATE events SET start_lo = start_lo + 86400 WHERE id = 42")
    assert not columns_ready(store)
    cols = timeline_columns(store)
    assert _as_lists(cols) == _reference(store)
    assert _files(path) != first and len(_files(path)) == 1  # the stale folder is gone


def test_a_change_by_another_program_is_seen(generated):
    path, store = generated
    timeline_columns(store)
    other = sqlite3.connect(path)
    other.execute("UPDATE events SET kind = 'other' WHERE id = 10")
    other.commit()
    other.close()
    assert "other" in _as_lists(timeline_columns(store))["kind"]


@pytest.mark.parametrize(
    "damage",
    ["truncated", "header", "manifest", "missing", "dtype", "rows", "zeros", "org", "kind"],
)
def test_a_damaged_cache_is_never_used_but_built_again(generated, damage, monkeypatch):
    path, store = generated
    want = _reference(store)
    timeline_columns(store)
    monkeypatch.setattr(timeline, "_SOUND", set())  # a later process: checked afresh
    (folder,) = _files(path)
    lo = folder / "lo.npy"
    manifest = folder / "manifest.json"
    if damage == "truncated":
        os.truncate(lo, lo.stat().st_size - 8)
    elif damage == "header":
        lo.write_bytes(b"garbage" + lo.read_bytes()[7:])
    elif damage == "manifest":
        manifest.write_text("{not json", encoding="utf-8")
    elif damage == "missing":
        (folder / "org.npy").unlink()
    elif damage == "dtype":
        np.save(folder / "kind.npy", np.zeros(len(want["id"]), np.float32))
    elif damage in ("zeros", "org", "kind"):  # the right length and type, wrong values
        name, value = {"zeros": ("hi", 0), "org": ("org", 10**6), "kind": ("kind", 99)}[damage]
        col = np.load(folder / f"{name}.npy", mmap_mode="r+")
        col[len(col) // 2] = value
        col.flush()
        del col
    elif damage == "rows":
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["rows"] -= 1
        manifest.write_text(json.dumps(data), encoding="utf-8")
    assert not columns_ready(store)
    assert _as_lists(timeline_columns(store)) == want
    assert columns_ready(store)


def test_another_databases_cache_folder_is_not_used(generated, tmp_path):
    path, store = generated
    timeline_columns(store)
    store.close()
    other = tmp_path / "other.db"
    generate(other, 500, n_orgs=5).close()
    shutil.rmtree(cache_dir(other), ignore_errors=True)
    shutil.copytree(cache_dir(path), cache_dir(other))  # g.db's files beside other.db
    second = open_store(other)
    assert not columns_ready(second)
    assert _as_lists(timeline_columns(second)) == _reference(second)
    second.close()


def test_a_read_only_open_writes_nothing_and_still_uses_valid_files(generated):
    path, store = generated
    want = _reference(store)
    store.close()
    ro = open_store(path, readonly=True)
    assert _as_lists(timeline_columns(ro)) == want  # built in memory
    assert not cache_dir(path).exists()
    ro.close()
    rw = open_store(path)
    timeline_columns(rw)
    rw.close()
    ro = open_store(path, readonly=True)
    assert columns_ready(ro) and isinstance(timeline_columns(ro)["lo"], np.memmap)
    ro.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_cache_folder_that_cannot_be_written_means_columns_in_memory(generated):
    path, store = generated
    folder = cache_dir(path)
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert _as_lists(timeline_columns(store)) == _reference(store)
        assert not columns_ready(store)
    finally:
        folder.chmod(0o700)


def test_a_cache_folder_that_is_a_file_means_columns_in_memory(generated):
    path, store = generated
    cache_dir(path).write_text("not a folder", encoding="utf-8")
    assert _as_lists(timeline_columns(store)) == _reference(store)
    assert cache_dir(path).read_text(encoding="utf-8") == "not a folder"


def test_an_in_memory_database_writes_no_files(empty_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with empty_store.write() as db:
        db.execute("INSERT INTO events (key, title, start) VALUES ('a', 'A', '2024-05')")
    cols = timeline_columns(empty_store)
    assert len(cols["id"]) == 1 and list(tmp_path.iterdir()) == []


def test_the_cache_folder_is_never_an_export_target(generated):
    path, store = generated
    timeline_columns(store)
    (folder,) = _files(path)
    with pytest.raises(OutputError, match="folder"):
        check_output(cache_dir(path), protect=[path])
    for target in (
        cache_dir(path) / "export.csv",
        folder / "lo.npy",
        folder / "new.md",
    ):
        with pytest.raises(OutputError, match="cache folder of the database"):
            check_output(target, protect=[path])
    # a folder of that name beside something that is not a database is an ordinary folder
    plain = path.parent / "notes.txt.dossier-cache"
    plain.mkdir()
    assert check_output(plain / "out.csv") == plain / "out.csv"


def test_inside_a_write_the_columns_are_read_in_memory(generated):
    path, store = generated
    with store.write():
        cols = timeline_columns(store)
    assert _as_lists(cols) == _reference(store) and not _files(path)


def test_ids_far_apart_are_read_in_few_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(timeline_read, "CHUNK", 2)
    store = open_store(tmp_path / "s.db", create=True)
    with store.write() as db:
        for i, eid in enumerate((5, 10**12, 2**58, 2**58 + 1, 2**58 + 9)):
            db.execute(
                "INSERT INTO events (id, key, title, start) VALUES (?, ?, 'x', ?)",
                (eid, f"e{i}", f"202{i}-05"),
            )
    assert _as_lists(timeline_columns(store)) == _reference(store)
    store.close()


def test_a_date_column_holding_text_is_read_from_the_date_text(generated):
    """Another client wrote text where Dossier keeps seconds: that chunk is read carefully and
    the event dated from its own date text; the other events are as they are."""
    path, store = generated
    want = _reference(store)
    other = sqlite3.connect(path)
    other.execute("UPDATE events SET start_lo = 'soon', end_hi = 'later' WHERE id = 1000")
    other.commit()
    other.close()
    got = _as_lists(timeline_columns(store))
    assert got == want  # the same interval, read from the date text '2016-05-07' or so


def test_a_cache_folder_that_is_a_link_is_neither_used_nor_written_through(generated, tmp_path):
    path, store = generated
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache_dir(path).symlink_to(elsewhere)
    assert _as_lists(timeline_columns(store)) == _reference(store)
    assert list(elsewhere.iterdir()) == [] and not columns_ready(store)


def test_prepare_builds_the_files_once_and_an_import_leaves_them_ready(generated, tmp_path):
    from desktop.cli import main
    from desktop.store.timeline import prepare_timeline

    path, store = generated
    try:
        seen: list[float] = []
        assert not columns_ready(store)
        assert prepare_timeline(store, progress=seen.append)
        assert columns_ready(store) and seen and seen[-1] == pytest.approx(1.0)
        assert not prepare_timeline(store)  # nothing to do
    finally:
        store.close()
    source = tmp_path / "more.csv"
    source.write_text("title,date\nOne more,2024-07-09\n", encoding="utf-8")
    assert main(["import", str(source), "--db", str(path)]) == 0
    store = open_store(path, readonly=True)
    try:
        assert columns_ready(store)  # the window will not have to build them
    finally:
        store.close()

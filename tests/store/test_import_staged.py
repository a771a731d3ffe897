"""A big import read by one or two other processes that stage its events in files
(store/io/stage.py): the same events, links, ids, counts, change counter, schema and search index
as an import written row by row, whatever the file repeats; nothing left behind when it fails."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from desktop.store.database import open_store
from desktop.store.io import ImportCancelled, ImportRefused, apply_import, parallel, plan_import
from desktop.store.io import stage as stage_module
from desktop.store.io import writer as writer_module
from desktop.store.io.backlog import index_backlog
from tests.store.test_io_bulk import generation, links
from tests.store.test_io_roundtrip import (
    assert_search_matches_triggers,
    events_of,
    schema_of,
    search_rows,
    write,
)


def rows(n: int, *, start: int = 0, keys: bool = True, extra: str = "") -> list[str]:
    out = []
    for i in range(start, start + n):
        key = f"k{i}," if keys else ""
        out.append(
            f"{key}事件 {i},2024-05-{i % 28 + 1:02d},Org {i % 9}; Org {i % 4},text {i}{extra}"
        )
    return out


def csv_file(path: Path, lines: list[str], *, keys: bool = True, crlf: bool = False) -> Path:
    header = ("key," if keys else "") + "title,date,org,description"
    end = "\r\n" if crlf else "\n"
    return write(path, end.join([header, *lines]) + end)


@pytest.fixture(params=["arrow", "fast path"])
def staged(monkeypatch, tmp_path, request):
    """Imports take the staged path at a few hundred rows, the reading process reading with
    Arrow (store/io/arrowcsv.py) or, as without pyarrow, with the fast path; records the copies
    it makes."""
    if request.param == "fast path":
        monkeypatch.setenv("DOSSIER_NO_ARROW", "1")  # (the reading processes inherit it)
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 10)
    monkeypatch.setattr(parallel, "BATCH_ROWS", 100)
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 10**9)  # one reader unless a test says so
    monkeypatch.setattr(writer_module, "BULK_ROWS", 50)
    monkeypatch.setattr(writer_module, "FLUSH_ROWS", 70)
    monkeypatch.setattr(stage_module, "MIN_CHUNK_ROWS", 10)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    copies: list[int] = []
    real = stage_module.Staging.copy

    def copy(self, alias):
        copies.append(real(self, alias))
        return copies[-1]

    monkeypatch.setattr(stage_module.Staging, "copy", copy)
    return copies, scratch


def both(tmp_path, monkeypatch, files, *, partial=False):
    """Each file imported into a database through the staged path and into another row by
    row; both databases, and the reports."""
    staged_db = open_store(tmp_path / "staged.db", create=True)
    plain_db = open_store(tmp_path / "plain.db", create=True)
    reports = []
    for path in files:
        got = apply_import(staged_db, plan_import(path), partial=partial)
        with monkeypatch.context() as m:
            m.setattr(parallel, "available", lambda: False)
            expected = apply_import(plain_db, plan_import(path), partial=partial)
        reports.append((got, expected))
    return staged_db, plain_db, reports


def assert_same(staged_db, plain_db, reports):
    for got, expected in reports:
        assert (got.created, got.updated, got.unchanged, got.duplicates, got.skipped) == (
            expected.created,
            expected.updated,
            expected.unchanged,
            expected.duplicates,
            expected.skipped,
        )
    assert events_of(staged_db) == events_of(plain_db)
    assert links(staged_db) == links(plain_db)
    ids = "SELECT key, id, created_at = updated_at FROM events ORDER BY id"
    assert staged_db.conn.execute(ids).fetchall() == plain_db.conn.execute(ids).fetchall()
    assert generation(staged_db) == generation(plain_db)
    assert schema_of(staged_db) == schema_of(plain_db)
    for store in (staged_db, plain_db):
        index_backlog(store)
        assert_search_matches_triggers(store)
    assert search_rows(staged_db) == search_rows(plain_db)
    for store in (staged_db, plain_db):
        assert store.conn.execute("PRAGMA database_list").fetchall()[2:] == []  # detached
        # foreign keys, off while a big import writes, are back on and every reference holds
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        store.close()


def test_new_keys_are_copied_whole_and_end_as_a_row_by_row_import(tmp_path, monkeypatch, staged):
    copies, scratch = staged
    path = csv_file(tmp_path / "a.csv", rows(700, keys=False), keys=False)
    assert_same(*both(tmp_path, monkeypatch, [path]))
    assert sum(copies) == 700 and len(copies) > 1
    assert list(scratch.iterdir()) == []  # the staging files are gone


def test_a_key_twice_in_the_file_goes_the_usual_way_from_its_chunk_on(
    tmp_path, monkeypatch, staged
):
    copies, _ = staged
    lines = rows(600)
    lines[450] = lines[3].replace("事件 3", "事件 3 again")  # the last row of a key wins
    path = csv_file(tmp_path / "a.csv", lines)
    staged_db, plain_db, reports = both(tmp_path, monkeypatch, [path])
    assert events_of(staged_db)["k3"][0] == "事件 3 again"
    assert 0 < sum(copies) < 450
    assert_same(staged_db, plain_db, reports)


def test_keys_the_database_has_go_the_usual_way(tmp_path, monkeypatch, staged):
    first = csv_file(tmp_path / "a.csv", rows(300))
    second = csv_file(tmp_path / "b.csv", rows(400, start=500) + rows(100, start=250, extra="!"))
    staged_db, plain_db, reports = both(tmp_path, monkeypatch, [first, second])
    assert reports[1][0].updated == 50 and reports[1][0].created == 450
    assert_same(staged_db, plain_db, reports)


@pytest.mark.parametrize("crlf", [False, True])
def test_two_readers_each_read_half_of_a_plain_csv_file(tmp_path, monkeypatch, staged, crlf):
    copies, scratch = staged
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    path = csv_file(tmp_path / "a.csv", rows(800, keys=False), keys=False, crlf=crlf)
    middle, lines = parallel.split_point(path, "csv")
    assert 0 < middle < path.stat().st_size and 300 < lines < 500
    assert_same(*both(tmp_path, monkeypatch, [path]))
    assert sum(copies) == 800
    assert list(scratch.iterdir()) == []


def test_a_key_in_both_halves_and_bad_rows_before_the_middle(tmp_path, monkeypatch, staged):
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    lines = rows(800)
    lines[700] = lines[10].replace("事件 10", "事件 10 later")
    path = csv_file(tmp_path / "a.csv", lines)
    staged_db, plain_db, reports = both(tmp_path, monkeypatch, [path])
    assert events_of(staged_db)["k10"][0] == "事件 10 later"
    assert_same(staged_db, plain_db, reports)
    # a blank line and a bad row in the first half: the second half's ids are not where its
    # reader guessed, so its files are written the usual way
    lines = rows(800, start=1000)
    lines[5] = ""
    lines[20] = "k1020,事件,not a date,Org 1,x"
    path = csv_file(tmp_path / "b.csv", lines)
    staged_db, plain_db, reports = both(tmp_path, monkeypatch, [path], partial=True)
    assert reports[0][0].skipped == 1 and reports[0][0].created == 798
    assert_same(staged_db, plain_db, reports)


def test_a_refused_row_or_cancel_leaves_the_file_as_it_was(tmp_path, monkeypatch, staged):
    _, scratch = staged
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    store = open_store(tmp_path / "a.db", create=True)
    try:
        apply_import(store, plan_import(csv_file(tmp_path / "old.csv", rows(40))))
        before, schema = events_of(store), schema_of(store)
        path = csv_file(tmp_path / "a.csv", rows(800, start=100))
        plan = plan_import(path)
        lines = rows(800, start=100)
        lines[600] = "k700,x,not a date,Org 1,x"  # in the second half, after the plan
        csv_file(path, lines)
        with pytest.raises(ImportRefused):
            apply_import(store, plan)
        assert events_of(store) == before and schema_of(store) == schema
        plan = plan_import(csv_file(path, rows(800, start=100)))
        calls = []
        with pytest.raises(ImportCancelled):
            apply_import(store, plan, cancel=lambda: calls.append(1) or len(calls) > 5)
        assert events_of(store) == before and schema_of(store) == schema
        assert store.conn.execute("PRAGMA database_list").fetchall()[2:] == []
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert list(scratch.iterdir()) == []
        assert apply_import(store, plan).created == 800  # and it imports after all
        assert len(events_of(store)) == 840
    finally:
        store.close()


@pytest.mark.parametrize("block", [64, 200, 4096])
def test_a_row_longer_than_a_block_is_checked_whole(tmp_path, monkeypatch, block):
    """A bad byte three blocks before a row's end is not missed (the fast path checks a row's
    block and the one before it)."""
    from desktop.store.io import fastcsv
    from desktop.store.io.formats import open_source
    from desktop.store.io.records import ImportedEvent, Skipped
    from desktop.store.io.rows import event_tuple

    monkeypatch.setattr(fastcsv, "BLOCK_CHARS", block)
    long = "\x00" + "\n".join(["word " * 20] * 30)  # many lines: many blocks
    lines = ["title,date,summary", f'A,2024,"{long}"', "B,2024,plain", f'C\x00,2023,"{long}"']
    lines += [f"D{i},2022,x" for i in range(30)]
    path = write(tmp_path / "a.csv", "\n".join(lines) + "\n")
    source = open_source(path, "csv", {})
    items = list(source.rows())
    full = [(event_tuple(e), e.orgs) for e in items if isinstance(e, ImportedEvent)]
    batches = list(fastcsv.FastCsv(source).batches(5))
    assert [r for b in batches for r in zip(b.rows, b.orgs, strict=True)] == full
    skipped = [s for b in batches for s in b.skipped]
    assert skipped == [s for s in items if isinstance(s, Skipped)]
    assert [s.where for s in skipped] == ["row 2", "row 4"]  # the NULs, however far back


def test_stopping_early_ends_both_readers(tmp_path, monkeypatch, staged):
    """Cancel while the second reader still writes: both end, nothing is written, the next
    import works (a thread reading the second one's pipe does not hold the import up)."""
    _, scratch = staged
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    store = open_store(tmp_path / "a.db", create=True)
    try:
        plan = plan_import(csv_file(tmp_path / "a.csv", rows(30_000)))
        with pytest.raises(ImportCancelled):
            apply_import(store, plan, cancel=lambda: True)
        # both readers were waited for (one reads the whole file when it reads with Arrow)
        assert len(parallel.PEAKS) == (2 if os.environ.get("DOSSIER_NO_ARROW") else 1)
        assert events_of(store) == {} and list(scratch.iterdir()) == []
        assert apply_import(store, plan).created == 30_000
    finally:
        store.close()


def test_a_reading_process_that_cannot_write_its_files_leaves_the_file_as_it_was(
    tmp_path, monkeypatch, staged
):
    """The temporary folder full while the reading process writes its staging files (here a
    file-size limit on that process: its writes fail as on a full disk): the import fails with
    one line, the database is as it was, the scratch files are gone, and it imports after."""
    import resource
    import signal
    import subprocess

    _, scratch = staged
    store = open_store(tmp_path / "a.db", create=True)
    try:
        apply_import(store, plan_import(csv_file(tmp_path / "old.csv", rows(40))))
        before, schema = events_of(store), schema_of(store)
        plan = plan_import(csv_file(tmp_path / "a.csv", rows(3000, start=100)))
        real = subprocess.Popen

        def limited():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

        def popen(*args, **kwargs):
            return real(*args, **kwargs, preexec_fn=limited)

        with monkeypatch.context() as m:
            m.setattr(parallel.subprocess, "Popen", popen)
            with pytest.raises(OSError) as failed:
                apply_import(store, plan)
        message = str(failed.value)
        assert message.startswith("the import's scratch files in ") and "\n" not in message
        assert message.endswith("is the temporary folder full? Nothing was written"), message
        assert events_of(store) == before and schema_of(store) == schema
        assert store.conn.execute("PRAGMA database_list").fetchall()[2:] == []
        assert list(scratch.iterdir()) == []
        assert apply_import(store, plan).created == 3000
    finally:
        store.close()


def test_a_timesketch_file_is_read_by_two_readers_and_keeps_every_row(
    tmp_path, monkeypatch, staged
):
    """A Timesketch CSV (forensic timelines run to millions of rows) is read in two halves
    like a plain CSV, every row through the full reader (its date to the microsecond, its key
    a hash of every column): rows differing in one extra column are all kept, identical rows,
    in one half or across the two, are dropped and counted, as a row-by-row import does."""
    _, scratch = staged
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    lines = ["datetime,timestamp_desc,message,timestamp,hostname"]
    for i in range(600):
        second, micro = divmod(i * 1_234_567, 1_000_000)
        stamp = f"2023-03-{1 + second // 86_400 % 28:02d}T{second % 86_400 // 3600:02d}:"
        stamp += f"{second % 3600 // 60:02d}:{second % 60:02d}.{micro:06d}+00:00"
        lines.append(f"{stamp},Creation Time,opened file {i % 40},{i},host{i % 3}")
    lines.append(lines[5])  # the same row again: in the first half
    lines.append(lines[9].replace("host2", "host9"))  # differs in one column: kept
    lines += lines[1:4]  # rows of the first half again, in the second
    path = write(tmp_path / "timesketch.csv", "\n".join(lines) + "\n")
    assert plan_import(path).fmt == "timesketch"
    middle, _ = parallel.split_point(path, "timesketch")
    assert 0 < middle < path.stat().st_size
    staged_db, plain_db, reports = both(tmp_path, monkeypatch, [path])
    assert len(parallel.PEAKS) == 2  # (the last import's readers: the staged one's)
    assert reports[0][0].created == 601 and reports[0][0].duplicates == 4
    assert_same(staged_db, plain_db, reports)
    assert list(scratch.iterdir()) == []


def test_a_big_timesketch_plan_is_counted_by_two_readers(tmp_path, monkeypatch):
    """The preview of a big Timesketch CSV is counted by two reading processes, each half of
    the file (the first 200 events read here): the same counts, skipped rows in file order,
    organizations and preview as reading it all here."""
    from desktop.store.io import importers

    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1000)
    monkeypatch.setattr(importers, "PLAN_CHILD_BYTES", 0)
    lines = ["datetime,timestamp_desc,message,timestamp,hostname"]
    for i in range(500):
        when = "not a time" if i % 97 == 3 else f"2023-03-01T10:{i // 60 % 60:02d}:{i % 60:02d}Z"
        lines.append(f"{when},Creation Time,opened file {i},{i},host{i % 3}")
    path = write(tmp_path / "timesketch.csv", "\n".join(lines) + "\n")
    counted = []
    real = parallel.plan_in_child
    monkeypatch.setattr(parallel, "plan_in_child", lambda *a: counted.append(a) or real(*a))
    got = plan_import(path)
    assert len(counted) == 1 and len(parallel.PEAKS) == 2  # two readers
    monkeypatch.setattr(parallel, "available", lambda: False)
    expected = plan_import(path)
    assert len(counted) == 1
    for name in ("fmt", "total", "valid", "skipped_count", "skipped", "orgs", "preview"):
        assert getattr(got, name) == getattr(expected, name), name
    assert got.skipped_count == 6 and [s.where for s in got.skipped][:2] == ["row 5", "row 102"]

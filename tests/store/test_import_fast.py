"""The fast import: the CSV fast path reads what the full reader reads, a big import commits its
events first and the search backlog indexes them after, to the same index, surviving a crash."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.check import check_store
from desktop.store.database import open_store
from desktop.store.io import ImportFileError, ImportRefused, apply_import, plan_import
from desktop.store.io.backlog import index_backlog, index_step, pending
from desktop.store.io.fastcsv import FastCsv, slow_tuple
from desktop.store.io.formats import open_source
from desktop.store.io.records import BAD_CHARS, ImportedEvent, Skipped, _read_date
from desktop.store.io.rows import event_tuple, iso_bits
from desktop.store.search import check_index, search
from desktop.store.search_backlog import indexed_share
from desktop.store.search_count import search_page
from tests.store.test_io_roundtrip import (
    assert_search_matches_triggers,
    events_of,
    search_rows,
    write,
)

HEADER = ["key", "title", "date", "end", "kind", "organization", "description", "place", "era",
          "note"]  # fmt: skip
DATES = st.one_of(
    st.sampled_from(["", " ", "2024", "2024-05", "2024-05-01", "2024-02-30", "2024-13-01",
                     "2023-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "2024-05-01T09:30",
                     "2024-05-01 23:59", "2024-05-01T24:00", "2024-05-01T9:30", "early May 2024",
                     "Q2 2024", "4–6 Jul 2024", "Mai 2024", " 2024-05-01 ", "２０２４-05-01",
                     "3500 BCE", "2024-05-01T09:30Z", "2024-05-01T09:30:00+08:00"]),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
)  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
CELLS = st.one_of(TEXT, st.sampled_from(["", " ", "A; B", "A;A", ";", "x\x00y", "\u2028k"]))


def _row(draw: st.DrawFn) -> list[str]:
    return [
        draw(st.sampled_from(["", "", "k1", " k2 ", "k\x01", "k" * 201])),
        draw(CELLS),
        draw(DATES),
        draw(st.one_of(st.just(""), DATES)),
        draw(CELLS),
        draw(CELLS),
        draw(CELLS),
        draw(CELLS),
        draw(st.sampled_from(["", "yes", "no", "1", "maybe", " "])),
        draw(CELLS),
    ]


rows_strategy = st.lists(st.composite(_row)(), min_size=1, max_size=8)


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows_strategy)
def test_the_fast_path_reads_what_the_full_reader_reads(tmp_path, rows):
    path = write(tmp_path / "rows.csv", _csv(rows))
    source = open_source(path, "csv", {"note": "extra"})
    fast = FastCsv(source)
    with path.open(encoding="utf-8", newline="") as fh:
        parsed = list(csv.reader(fh))[1:]
    for number, row in enumerate(parsed, 2):
        expected = slow_tuple(list(row), number, source.row)
        clean = BAD_CHARS.search("".join(row)) is None
        fast.clean = [clean, clean]  # as the block holding the row would say
        got = fast._event(list(row))
        if got is not None:  # the fast path took it: the same event
            assert got == expected
    # through the batches (the blocks' own checks), the same events and skipped rows as the
    # full reader, in the same order
    full = list(source.rows())
    events = [(event_tuple(e), e.orgs) for e in full if isinstance(e, ImportedEvent)]
    batches = list(source.batches(3))
    assert [r for b in batches for r in zip(b.rows, b.orgs, strict=True)] == events
    assert [s for b in batches for s in b.skipped] == [s for s in full if isinstance(s, Skipped)]
    assert sum(b.read for b in batches) == len(full)


@given(st.one_of(DATES, st.text(alphabet="0123456789-T: ", max_size=16)))
def test_iso_dates_read_as_the_full_parser_reads_them(text):
    bits = iso_bits(text)
    if bits is not None:
        assert (bits, None) == _read_date(text)


def test_the_fast_path_takes_plain_rows(tmp_path):
    lines = ["title,date,org"] + [
        f"Event {i},2024-05-{i % 28 + 1:02d},Org {i % 3}" for i in range(50)
    ]
    path = write(tmp_path / "a.csv", "\n".join(lines) + "\n")
    fast = FastCsv(open_source(path, "csv", {}))
    assert sum(len(b.rows) for b in fast.batches(10)) == 50
    with path.open(encoding="utf-8", newline="") as fh:
        assert all(fast._event(r) is not None for r in list(csv.reader(fh))[1:])


# -- the search backlog ------------------------------------------------------------------------
def _big_csv(path: Path, n: int, bad_at: int | None = None) -> Path:
    lines = ["key,title,date,org,description"]
    for i in range(n):
        date = (
            "not a date" if i == bad_at else f"2024-05-{i % 28 + 1:02d}T{i % 24:02d}:{i % 60:02d}"
        )
        lines.append(f"k{i},通义千问 event {i},{date},Org {i % 9}; Org {i % 4},text {i} 商汤")
    return write(path, "\n".join(lines) + "\n")


def _db(tmp_path: Path, name: str):
    return open_store(tmp_path / name, create=True)


def test_a_deferred_index_ends_as_the_triggers_and_the_old_path_write_it(tmp_path):
    path = _big_csv(tmp_path / "big.csv", 3000)
    now, later = _db(tmp_path, "now.db"), _db(tmp_path, "later.db")
    try:
        apply_import(now, plan_import(path), defer_index=False)
        report = apply_import(later, plan_import(path), defer_index=True)
        assert report.indexing and report.created == 3000
        assert events_of(later) == events_of(now)
        assert not search_rows(later) and indexed_share(later) == 0.0
        assert check_index(later) == []  # the backlog's missing rows are allowed
        page = search_page(later, "通义千问")
        assert page.total == 0 and page.indexed == 0.0
        index_backlog(later)
        assert pending(later) is None and indexed_share(later) is None
        assert search_rows(later) == search_rows(now)
        assert check_index(later) == []
        assert search_page(later, "通义千问").indexed is None
        assert_search_matches_triggers(later)
    finally:
        now.close()
        later.close()


def test_a_crash_while_indexing_leaves_a_checked_file_that_finishes_later(tmp_path):
    path = _big_csv(tmp_path / "big.csv", 3000)
    store = _db(tmp_path, "a.db")
    apply_import(store, plan_import(path), defer_index=True)
    index_step(store, 1000)  # one chunk committed, then the process "dies"
    store.close()
    store = open_store(tmp_path / "a.db")
    try:
        assert 0.3 < indexed_share(store) < 0.4
        assert check_store(store).problems == []  # what dossier check runs
        assert check_index(store) == []
        hits = search(store, "通义千问 event 5", limit=5)
        assert hits and all(h.id <= 1000 for h in hits)  # answered from what is indexed
        # an event of the backlog edited, and one deleted, before its chunk is indexed
        store.conn.execute("UPDATE events SET title = 'Edited 2500' WHERE key = 'k2499'")
        store.conn.execute("DELETE FROM events WHERE key = 'k2600'")
        assert check_index(store) == []
        index_backlog(store)
        assert pending(store) is None and check_index(store) == []
        assert [h.title for h in search(store, "Edited 2500")] == ["Edited 2500"]
        assert len(search_rows(store)) == 2999
        assert_search_matches_triggers(store)
    finally:
        store.close()


def test_two_big_imports_before_indexing_join_one_backlog(tmp_path):
    store = _db(tmp_path, "a.db")
    try:
        apply_import(store, plan_import(_big_csv(tmp_path / "a.csv", 1500)), defer_index=True)
        index_step(store, 500)
        lines = ["key,title,date"] + [f"n{i},Second {i},2023" for i in range(800)]
        second = write(tmp_path / "b.csv", "\n".join(lines) + "\n")
        apply_import(store, plan_import(second), defer_index=True)
        backlog = pending(store)
        assert backlog is not None and (backlog.start, backlog.after, backlog.upto) == (
            0,
            500,
            2300,
        )
        index_backlog(store)
        assert len(search_rows(store)) == 2300
        assert_search_matches_triggers(store)
    finally:
        store.close()


def test_a_bad_row_near_the_end_leaves_the_file_unchanged(tmp_path):
    """All or nothing on the deferred path: the file changed after the plan, and its row
    29,000 of 30,000 cannot be read; nothing is written, not even the backlog."""
    path = _big_csv(tmp_path / "big.csv", 30_000)
    store = _db(tmp_path, "a.db")
    try:
        plan = plan_import(path)
        _big_csv(path, 30_000, bad_at=29_000)
        before = (events_of(store), search_rows(store))
        with pytest.raises(ImportRefused):
            apply_import(store, plan)
        assert (events_of(store), search_rows(store)) == before
        assert pending(store) is None and check_index(store) == []
    finally:
        store.close()


def test_updates_in_a_deferred_import_are_indexed_in_its_transaction(tmp_path):
    store = _db(tmp_path, "a.db")
    try:
        apply_import(store, plan_import(_big_csv(tmp_path / "a.csv", 200)), defer_index=False)
        lines = ["key,title,date"] + [f"k{i},Renamed {i},2023" for i in range(0, 200, 2)]
        lines += [f"m{i},More {i},2022" for i in range(300)]
        apply_import(store, plan_import(write(tmp_path / "b.csv", "\n".join(lines) + "\n")),
                     defer_index=True)  # fmt: skip
        assert [h.title for h in search(store, "Renamed 10", limit=3)][:1] == ["Renamed 10"]
        assert check_index(store) == []
        index_backlog(store)
        assert_search_matches_triggers(store)
        assert len(search_rows(store)) == 500
    finally:
        store.close()


# -- reading in a second process -----------------------------------------------------------------
def test_a_file_read_in_a_child_process_imports_the_same(tmp_path, monkeypatch):
    from desktop.store.io import parallel

    path = _big_csv(tmp_path / "big.csv", 1200)
    here, there = _db(tmp_path, "here.db"), _db(tmp_path, "there.db")
    try:
        apply_import(here, plan_import(path))
        monkeypatch.setattr(parallel, "PARALLEL_ROWS", 10)
        monkeypatch.setattr(parallel, "BATCH_ROWS", 100)
        calls: list[tuple[int, int]] = []
        apply_import(there, plan_import(path), progress=lambda d, t: calls.append((d, t)))
        assert events_of(there) == events_of(here)
        assert calls[-1] == (1200, 1200) and len(calls) == 12
        # a row that went bad after the plan: refused, nothing written, the child ended
        plan = plan_import(path)
        _big_csv(path, 1200, bad_at=1100)
        before = events_of(there)
        with pytest.raises(ImportRefused):
            apply_import(there, plan)
        assert events_of(there) == before
        # a file that cannot be read at all any more: the child's error, raised here
        path.write_bytes(b"")
        with pytest.raises(ImportFileError, match="no header row"):
            apply_import(there, plan)
    finally:
        here.close()
        there.close()

"""The Arrow reader of a staged import (store/io/arrowcsv.py) reads what the fast path reads:
the same events (every column, in file order), organizations, skipped rows and row numbers,
whether pyarrow reads the whole file or stops midway and the fast path goes on from there."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.io import arrowcsv, arrowdates, child
from desktop.store.io.fastcsv import FastCsv
from desktop.store.io.formats import open_source
from desktop.store.io.rows import COLUMNS, iso_bits
from tests.store.test_import_fast import DATES, HEADER, rows_strategy
from tests.store.test_io_roundtrip import write

IGNORE_NOTE = {"note": "-"}  # (a column kept in the summary makes the file the fast path's)


class Recorder:
    """A stage writer that keeps what it is given, as (event row, organizations) pairs."""

    def __init__(self):
        self.events = []
        self.blocks = 0

    def add_block(self, block):
        self.blocks += 1
        cols = [_values(block.columns[name]) for name in COLUMNS]
        orgs = [[] for _ in range(block.events)]
        for at, name in zip(block.link_at.tolist(), _values(block.link_names), strict=True):
            orgs[at].append(name)
        rows = zip(*cols, strict=True)
        self.events += list(zip(rows, map(tuple, orgs), strict=True)) if block.events else []
        return []

    def add(self, batch):
        self.events += list(zip(batch.rows, batch.orgs, strict=True))
        return []

    def finish(self):
        return []


def _values(column):
    if isinstance(column, list):
        return column
    return column.tolist() if isinstance(column, np.ndarray) else list(column.to_pylist())


def through_arrow(path, requested, first_row=2, start=0, stop=None):
    source = open_source(path, "csv", requested)
    assert arrowcsv.usable(source)
    stage = Recorder()
    items = list(child.arrow_items(source, stage, 3, start, stop, first_row))
    skipped = [s for b in items for s in b.skipped]
    return stage, skipped, sum(b.read for b in items)


def through_fast_path(path, requested):
    batches = list(FastCsv(open_source(path, "csv", requested)).batches(3))
    events = [e for b in batches for e in zip(b.rows, b.orgs, strict=True)]
    return events, [s for b in batches for s in b.skipped], sum(b.read for b in batches)


def _csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue()


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(arrowcsv, "BLOCK_BYTES", 256)  # several blocks in a small file


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows_strategy, more=st.integers(0, 12))
def test_arrow_reads_what_the_fast_path_reads(tmp_path, small_blocks, rows, more):
    plain = [["", f"plain {i}", "2024-05-01", "", "", "A; B", "", "", "", ""] for i in range(more)]
    path = write(tmp_path / "rows.csv", _csv([*plain, *rows, *plain]))
    stage, skipped, read = through_arrow(path, IGNORE_NOTE)
    assert (stage.events, skipped, read) == through_fast_path(path, IGNORE_NOTE)


def test_plain_rows_are_read_by_arrow_in_blocks(tmp_path, small_blocks):
    rows = [[f"k{i}", f"title {i}", "2024-05-01", "2024-05-03", "release", "A; B; A",
             f"text, with a comma {i}", "Shanghai", "no", ""] for i in range(40)]  # fmt: skip
    path = write(tmp_path / "rows.csv", _csv(rows))
    stage, skipped, read = through_arrow(path, IGNORE_NOTE)
    assert stage.blocks > 3 and read == 40 and not skipped
    assert (stage.events, skipped, read) == through_fast_path(path, IGNORE_NOTE)
    assert stage.events[0][1] == ("A", "B")


@pytest.mark.parametrize(
    ("bad", "events"),
    [
        (b"short,row\n", 60),  # another width: pyarrow stops, the fast path skips it
        (b"k9,caf\xe9,2024-05-01,,,,,,,\n", 60),  # not UTF-8: the row is skipped
        (b"\n", 60),  # a blank line (a row of empty values to pyarrow, not counted either way)
        (b'k9,"two\nlines",2024-05-01,,,,,,,\n', 61),  # a line break inside quotes: read by both
    ],
)
def test_a_row_pyarrow_cannot_read_hands_the_rest_to_the_fast_path(
    tmp_path, small_blocks, bad, events
):
    good = "".join(f"k{i},title {i},2024-05-0{i % 9 + 1},,,Org,text,,,\n" for i in range(30))
    data = (",".join(HEADER) + "\n" + good).encode() + bad + good.replace("k", "j").encode()
    path = tmp_path / "rows.csv"
    path.write_bytes(data)
    requested = {**IGNORE_NOTE}
    source = open_source(path, "csv", requested)
    if source.header.errors == "strict" and b"\xe9" in bad:
        pytest.skip("a strict decoder refuses the file either way")
    got = through_arrow(path, requested)
    assert (got[0].events, got[1], got[2]) == through_fast_path(path, requested)
    assert len(got[0].events) == events


def test_a_second_half_numbers_its_rows_from_the_lines_before(tmp_path, small_blocks):
    lines = [f"k{i},title {i},not a date,,,,,,," for i in range(20)]
    text = ",".join(HEADER) + "\n" + "\n".join(lines) + "\n"
    path = write(tmp_path / "rows.csv", text)
    middle = len(text.encode()) // 2
    middle = text.encode().index(b"\n", middle) + 1
    before = text.encode()[:middle].count(b"\n")
    _, skipped, read = through_arrow(path, IGNORE_NOTE, first_row=before + 1, start=middle)
    assert [s.where for s in skipped] == [f"row {n}" for n in range(before + 1, 22)]
    assert read == 21 - before


def test_nul_or_a_line_separator_byte_sends_the_range_to_the_fast_path(tmp_path):
    for byte in ("\x00", "\x1c"):
        path = write(tmp_path / "rows.csv", _csv([["k", f"a{byte}b", "2024-05-01"] + [""] * 7]))
        stage, skipped, read = through_arrow(path, IGNORE_NOTE)
        assert stage.blocks == 0
        assert (stage.events, skipped, read) == through_fast_path(path, IGNORE_NOTE)


def test_files_arrow_leaves_to_the_fast_path(tmp_path):
    path = write(tmp_path / "rows.csv", _csv([["k", "t", "2024-05-01"] + [""] * 7]))
    assert arrowcsv.usable(open_source(path, "csv", IGNORE_NOTE))
    assert not arrowcsv.usable(open_source(path, "csv", {"note": "extra"}))  # a summary column
    quoted = write(tmp_path / "quoted.csv", '"title","date"\nt,2024-05-01\n')
    assert arrowcsv.usable(open_source(quoted, "csv", {}))
    broken = write(tmp_path / "broken.csv", '"ti\ntle","date"\nt,2024-05-01\n')
    assert not arrowcsv.usable(open_source(broken, "csv", {"ti\ntle": "title"}))  # two lines


@given(st.lists(st.one_of(DATES, st.text(alphabet="0123456789-T: ", max_size=17)), max_size=20))
def test_iso_dates_as_columns_are_iso_bits(cells):
    import pyarrow as pa

    iso, text, lo, hi = arrowdates.iso_columns(pa.array(cells, pa.string()))
    texts = text.to_pylist()
    for i, cell in enumerate(cells):
        bits = iso_bits(cell.strip())
        assert bool(iso[i]) == (bits is not None), cell
        if bits is not None:
            assert (texts[i], int(lo[i]), int(hi[i])) == bits


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("no")


def test_a_reader_exception_that_cannot_be_pickled_reaches_the_writer_as_one_line():
    import pickle

    assert isinstance(pickle.loads(child.picklable(ValueError("bad"))), ValueError)
    got = pickle.loads(child.picklable(_Unpicklable("disk I/O error\nwhile writing")))
    assert isinstance(got, OSError)
    assert str(got) == "the import's reader process failed: disk I/O error while writing"


@pytest.mark.parametrize("midway", ["", "short,row\n"])
def test_a_plan_counted_by_a_reading_process_is_the_plan_read_here(tmp_path, monkeypatch, midway):
    """A big plain CSV's plan is counted by another process reading with Arrow (the preview
    read here): the same counts, skipped rows, organizations and preview as reading it here."""
    from desktop.store.io import importers, plan_import

    lines = []
    for i in range(400):
        date = "not a date" if i % 37 == 5 else f"2024-{i % 12 + 1:02d}-0{i % 9 + 1}"
        orgs = f"Org {i % 7}; Org {i % 5}" if i % 3 else f'"Org {i}, Ltd"'
        lines.append(f"k{i},title {i},{date},,,{orgs},text {i},,,")
        if i == 200:
            lines.append(midway.rstrip("\n") if midway else "")
    path = write(tmp_path / "rows.csv", ",".join(HEADER) + "\n" + "\n".join(lines) + "\n")
    monkeypatch.setattr(importers, "PLAN_CHILD_BYTES", 0)
    counted = []
    real = importers.parallel.plan_in_child

    def spy(*args):
        batches = real(*args)
        if batches is not None:  # (None: read here)
            counted.append(args[0])
        return batches

    monkeypatch.setattr(importers.parallel, "plan_in_child", spy)
    got = plan_import(path, "csv", IGNORE_NOTE)
    assert counted == [path]
    monkeypatch.setenv("DOSSIER_NO_ARROW", "1")
    expected = plan_import(path, "csv", IGNORE_NOTE)
    assert len(counted) == 1  # (read here this time)
    for name in ("total", "valid", "skipped_count", "skipped", "orgs", "preview"):
        assert getattr(got, name) == getattr(expected, name), name
    assert got.skipped_count == 11 + bool(midway) and got.valid == 389


@pytest.mark.parametrize(
    ("prefix", "delimiter", "end"),
    [("\ufeff", ",", "\n"), ("", ",", "\r\n"), ("", ";", "\n"), ("", "\t", "\r\n")],
    ids=["bom", "crlf", "semicolon", "tab-crlf"],
)
def test_files_as_spreadsheets_save_them_read_alike(tmp_path, small_blocks, prefix, delimiter, end):
    """A byte order mark, CRLF line ends, ';' or tab between values (as spreadsheets and other
    tools write CSV): the same events, row numbers and skipped rows either way."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=end)
    writer.writerow(HEADER)
    for i in range(60):
        date = "Mai 2024" if i % 17 == 4 else f"2024-0{i % 9 + 1}-1{i % 9}"
        text = f'line one{end}line "two" {i}' if i % 11 == 0 else f"text; {i}"
        writer.writerow([f"k{i}", f" title {i} ", date, "", "", f"A{i % 3}; B", text, "", "", ""])
    path = tmp_path / "rows.csv"
    path.write_text(prefix + out.getvalue(), encoding="utf-8", newline="")
    stage, skipped, read = through_arrow(path, IGNORE_NOTE)
    assert stage.blocks > 1 and read == 60 and len(skipped) == 4
    assert (stage.events, skipped, read) == through_fast_path(path, IGNORE_NOTE)

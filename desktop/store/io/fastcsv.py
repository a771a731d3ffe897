"""The CSV reader's fast path: rows straight to :data:`~desktop.store.io.rows.EventRow` tuples.

:meth:`desktop.store.io.readers.CsvSource.row` validates a row field by field into an
:class:`~desktop.store.io.records.ImportedEvent` (about 15 µs a row). Most rows of a big file
are plain: every value short, no NUL or bytes that are not UTF-8, an ISO or oft-repeated date,
organizations named before. For those this path does the same work with less Python:

- the file is read in blocks of :data:`BLOCK_CHARS`; one regular-expression search per block
  finds any NUL or undecodable byte, so a clean block's rows skip the per-field checks;
- dates are read once per distinct text (a dictionary in front of the full parser) and ISO
  dates without :class:`~desktop.domain.partial_date.PartialDate` (:func:`iso_bits`);
- organization names are split once per distinct cell.

Any row it is not sure of (a bad date, a value over 25,000 characters, a row of another width,
an odd key, a dirty block) goes to the full reader, so the result is the same either way (tests
compare the two on generated rows).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import itertools
import operator
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from desktop.store.io.records import (
    BAD_CHARS,
    MAX_DATE_CHARS,
    MAX_FIELD_BYTES,
    MAX_KEY_CHARS,
    ORG_SEPARATOR,
    ImportedEvent,
    RowError,
    Skipped,
    _read_date,
    read_era,
    split_orgs,
    with_extra,
)
from desktop.store.io.rows import DEFAULT_KIND, Batch, DateBits, event_tuple, iso_bits

if TYPE_CHECKING:
    from desktop.store.io.readers import CsvSource

BLOCK_CHARS = 1024 * 1024  # (smaller blocks read faster here: they stay in the CPU's cache)
LONG = MAX_FIELD_BYTES // 4  # a value this long may be over the limit in UTF-8: checked in full
CACHE_MAX = 50_000  # distinct dates or organization cells remembered (then forgotten)
Dates = tuple[DateBits, DateBits | None]


def read_date(text: str) -> Dates | None:
    """The date (or range) in a cell, as the full reader reads it; None if it cannot."""
    text = text.strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    bits = iso_bits(text)
    if bits is not None:
        return bits, None
    result = _read_date(text)
    return None if isinstance(result, str) else result


class FastCsv:
    """Batches of a :class:`CsvSource`'s rows, each row through the fast path or its own
    :meth:`CsvSource.row`."""

    def __init__(self, source: CsvSource) -> None:
        self.source = source
        self.timesketch = source.timesketch
        self.width = len(source.columns)
        index = {f: i for i, f in source.fields}
        # a missing field reads the empty value appended to every row (same as absent)
        names = ("title", "start", "end", "summary", "kind", "orgs", "place", "era", "key")
        self.pick = operator.itemgetter(*(index.get(f, self.width) for f in names))
        self.extras = source.extras
        self.dates: dict[str, Dates | None] = {}
        self.orgs: dict[str, tuple[str, ...] | None] = {}
        self.clean = [True, True]  # the block before and the block being read
        self.first_row = 2  # the number of the first row read after ``start``
        # a row is checked for bad bytes in its block and the one before: one that could be
        # longer than a block (it would span three) is measured first
        self.wide = (self.width + 1) * LONG * 2 >= BLOCK_CHARS
        self.fast = 0  # rows the fast path took (for tests)

    def _blocks(self, fh: IO[str]) -> Iterator[io.StringIO]:
        """The file's lines, block by block (chained: no Python code runs per line); ``clean``
        says if the rows being read are free of NUL and undecodable bytes (the block before
        counts too: a row may span both)."""
        while True:
            block = fh.read(BLOCK_CHARS)
            if not block:
                return
            if block[-1] != "\n":
                block += fh.readline()
            ok = BAD_CHARS.search(block) is None
            self.clean[0] = self.clean[1] and ok
            self.clean[1] = ok
            yield io.StringIO(block, newline="")

    def batches(
        self, size: int, start: int = 0, stop: int | None = None, skip: int = 0
    ) -> Iterator[Batch]:
        """The rows in batches; with ``start`` and ``stop``, only those between these byte
        offsets (row boundaries: :func:`desktop.store.io.parallel.split_point`), the header
        read only from the start; the first ``skip`` rows passed over (read by
        :mod:`desktop.store.io.arrowcsv`)."""
        source = self.source
        slow = source.row
        event = self._event
        fh: IO[str]
        if start == 0 and stop is None:
            fh = source._open()
        else:  # no byte order mark in the middle of a file
            encoding = source.encoding if start == 0 else "utf-8"
            end = source.path.stat().st_size if stop is None else stop
            fh = open_range(source.path, start, end, encoding, source.header.errors)
        with fh:
            lines = itertools.chain.from_iterable(self._blocks(fh))
            reader = csv.reader(lines, delimiter=source.delimiter)
            number = 1 if start == 0 else self.first_row - 1
            batch = Batch()
            rows, orgs, where = batch.rows, batch.orgs, batch.where
            try:
                if start == 0:
                    next(reader, None)
                number += sum(1 for _ in itertools.islice(reader, skip))
                for row in reader:
                    number += 1
                    made = event(row)
                    if made is not None:
                        rows.append(made[0])
                        orgs.append(made[1])
                        where.append(number)
                    else:
                        item = slow(row, number)
                        if item is None:  # a blank row: not counted
                            continue
                        if isinstance(item, Skipped):
                            batch.skipped.append(item)
                        else:
                            batch.add(item)
                    batch.read += 1
                    if batch.read >= size:
                        yield batch
                        batch = Batch()
                        rows, orgs, where = batch.rows, batch.orgs, batch.where
            except csv.Error as exc:
                raise source.csv_error(number, exc) from None
            except UnicodeDecodeError as exc:
                raise source.decode_error(exc) from None
            if batch.read:
                yield batch

    def _event(self, row: list[str]) -> tuple[Any, tuple[str, ...]] | None:
        """(the event's columns, its organizations) for a plain row; None to read it in full
        (every Timesketch row: its date, key and attributes are its own)."""
        if len(row) != self.width or not self.clean[0] or self.timesketch:
            return None
        if max(map(len, row)) > LONG:
            return None
        if self.wide and sum(map(len, row)) * 2 + len(row) > BLOCK_CHARS:
            return None
        row.append("")
        title, start, end, summary, kind, orgs, place, era, key = self.pick(row)
        title = title.strip()
        if not title:
            return None
        dates = self.dates.get(start)
        if dates is None:
            dates = self._date(start)
            if dates is None:
                return None
        first, last = dates
        if end:
            end_dates = self.dates.get(end)
            if end_dates is None:
                end_dates = self._date(end)
                if end_dates is None:
                    if end.strip():
                        return None
                    end_dates = (first, last)  # blank: no end of its own
                else:
                    last = end_dates[1] or end_dates[0]
            else:
                last = end_dates[1] or end_dates[0]
        if last is not None and last[2] <= first[1]:
            return None
        names = self.orgs.get(orgs) if orgs else ()
        if names is None:
            names = self._orgs(orgs)
            if names is None:
                return None
        summary = summary.strip() or None
        if self.extras:
            kept = {c: row[i] for i, c in self.extras if row[i]}
            if kept:
                summary = with_extra(summary, kept)
                if summary is not None and len(summary) > LONG:
                    return None
        flag = 0
        if era:
            try:
                flag = int(read_era(era))
            except RowError:
                return None
        key = key.strip()
        if key:
            if len(key) > MAX_KEY_CHARS or not key.isprintable():
                return None
        else:
            digest = hashlib.blake2b(
                f"{title}\x1f{first[0]}".encode("utf-8", "surrogatepass"), digest_size=8
            )
            key = "imp-" + digest.hexdigest()
        return (
            key, title, summary, kind.strip() or DEFAULT_KIND, first[0], first[1], first[2],
            None if last is None else last[0], None if last is None else last[1],
            None if last is None else last[2], place.strip() or None, flag,
        ), names  # fmt: skip

    def _date(self, text: str) -> Dates | None:
        if len(self.dates) >= CACHE_MAX:
            self.dates.clear()
        found = self.dates[text] = read_date(text)
        return found

    def _orgs(self, cell: str) -> tuple[str, ...] | None:
        if ORG_SEPARATOR in cell:  # a list of names seldom recurs: not remembered
            # split_orgs without its checks: a clean row's values hold no NUL or bad byte and
            # are at most LONG characters
            return tuple(dict.fromkeys(n for n in map(str.strip, cell.split(ORG_SEPARATOR)) if n))
        try:
            names: tuple[str, ...] | None = split_orgs(cell)
        except RowError:
            names = None
        if len(self.orgs) >= CACHE_MAX:
            self.orgs.clear()
        self.orgs[cell] = names
        return names


def arrow_reads(source: CsvSource) -> bool:
    """Whether a staged import's reading process reads the source with Arrow
    (:mod:`desktop.store.io.arrowcsv`) if it can: a plain CSV in UTF-8 with no extra columns
    (they go into each summary row by row), no row that this path measures whole, a header of
    one line, and pyarrow and ADBC's driver installed (found, not imported: the writing process
    does not load them) unless ``DOSSIER_NO_ARROW`` is set."""
    if source.timesketch or source.extras or not source.utf8 or FastCsv(source).wide:
        return False
    if os.environ.get("DOSSIER_NO_ARROW"):
        return False
    if not all(importlib.util.find_spec(m) for m in ("pyarrow", "adbc_driver_sqlite")):
        return False
    with source.path.open("rb") as fh:  # the header ends with its first line (no quoted break)
        return fh.readline().count(b'"') % 2 == 0


class _Range(io.RawIOBase):
    """The bytes of a file between two offsets."""

    def __init__(self, path: Path, start: int, stop: int) -> None:
        self.fh = path.open("rb", buffering=0)
        self.fh.seek(start)
        self.left = stop - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        if n <= 0:
            return 0
        got = self.fh.readinto(memoryview(buffer)[:n]) or 0
        self.left -= got
        return got

    def close(self) -> None:
        self.fh.close()
        super().close()


def open_range(path: Path, start: int, stop: int, encoding: str, errors: str) -> IO[str]:
    """The text of a file between two byte offsets (a CSV file read by two processes)."""
    raw = io.BufferedReader(_Range(path, start, stop), 1024 * 1024)
    return io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")


def slow_tuple(
    row: list[str], number: int, slow: Callable[[list[str], int], Any]
) -> tuple[Any, tuple[str, ...]] | None:
    """What the full reader makes of a row, as the fast path's (columns, organizations); None
    for a skipped or blank row (for tests)."""
    item = slow(row, number)
    if isinstance(item, ImportedEvent):
        return event_tuple(item), item.orgs
    return None

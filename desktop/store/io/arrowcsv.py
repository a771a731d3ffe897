"""A big CSV file read a block at a time with Apache Arrow (pyarrow), its checks done per column.

The fast path (:mod:`desktop.store.io.fastcsv`) still spends about 6 µs of Python on each row.
A staged import (:mod:`desktop.store.io.stage`) reads with this module instead when it can
(:func:`usable`): pyarrow's C++ reader parses the file into string columns, and each block's
checks and conversions are column operations or run once per distinct value:

- lengths, blanks and stripping (``utf8_trim_whitespace`` trims what ``str.strip`` strips:
  checked on every code point), organization cells (split at ';', stripped, a repeated name
  kept once) and ISO dates (:mod:`desktop.store.io.arrowdates`) are column operations;
- other dates and era flags are read once per distinct text in the block
  (``dictionary_encode``), through the fast path's own readers and caches;
- only keys are made row by row (a hash of the title and the canonical start, as always).

A row this path is not sure of (a value over :data:`~desktop.store.io.fastcsv.LONG`
characters, a date or organization cell the fast readers refuse, an empty title, a bad key or
era) is read by :meth:`CsvSource.row` as before, in its place. pyarrow is asked to parse exactly
as Python's ``csv`` module does (quotes doubled, line breaks inside quotes, blank lines kept as
rows): on any text the two could read differently it stops with an error (a row of another
width, bytes that are not UTF-8, a row longer than a block), and the rest of the range is read
by the fast path from that row on (:class:`Fallback`). A range holding NUL (which ``csv``
refuses) or the separators ``\\x1c``-``\\x1f`` (left out of the fuzzing that compared
pyarrow's parsing with ``csv``'s) is read by the fast path whole. A test compares the two
readers on generated files.
"""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.store.io.arrowdates import Flags, Ints, date_columns, fits_int64, ints, to_numpy
from desktop.store.io.fastcsv import LONG, FastCsv, _Range, arrow_reads
from desktop.store.io.records import (
    MAX_KEY_CHARS,
    ORG_SEPARATOR,
    ImportedEvent,
    RowError,
    Skipped,
    read_era,
)
from desktop.store.io.rows import COLUMNS, DEFAULT_KIND, event_tuple

if TYPE_CHECKING:
    from desktop.store.io.readers import CsvSource

try:  # an optional speed-up: without it the fast path reads every file
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv
except ImportError:  # pragma: no cover - pyarrow is a dependency; a trimmed build may lack it
    pa = pc = pcsv = None

BLOCK_BYTES = (
    1024 * 1024
)  # pyarrow's block: about 6,000 rows of an analyst's CSV (its memory: about 20 MB a MB)
SCAN_BYTES = 16 * 1024 * 1024
_UNSURE = (b"\x00", b"\x1c", b"\x1d", b"\x1e", b"\x1f")
_FIELDS = ("title", "start", "end", "summary", "kind", "orgs", "place", "era", "key")


def usable(source: CsvSource) -> bool:
    """Whether this module reads the source (pyarrow is there: :func:`fastcsv.arrow_reads`)."""
    return pa is not None and arrow_reads(source)


@dataclass(slots=True)
class Block:
    """Consecutive rows' events as columns (:data:`~desktop.store.io.rows.COLUMNS`, in file
    order), their organizations as links (the event's position in the block, a name), the keys
    (for the stage's repeated-key check), the rows skipped and how many rows were read."""

    columns: dict[str, Any]
    keys: list[str]
    link_at: Ints
    link_names: Any  # a list or a pyarrow string array, aligned with link_at
    skipped: list[Skipped] = field(default_factory=list)
    read: int = 0

    @property
    def events(self) -> int:
        return len(self.keys)

    def split(self, n: int) -> tuple[Block, Block]:
        """The first ``n`` events and the rest (the rest with no skipped rows or count)."""
        if n >= self.events:
            return self, Block(
                {k: v[:0] for k, v in self.columns.items()}, [], self.link_at[:0], []
            )
        cut = int(np.searchsorted(self.link_at, n))
        cols = self.columns.items()
        head = Block({k: v[:n] for k, v in cols}, self.keys[:n], self.link_at[:cut],
                     self.link_names[:cut], self.skipped, self.read)  # fmt: skip
        tail = Block({k: v[n:] for k, v in cols}, self.keys[n:], self.link_at[cut:] - n,
                     self.link_names[cut:])  # fmt: skip
        return head, tail

    def names(self) -> list[str]:
        """The organization names of the block's events, distinct, in order of first use."""
        names = self.link_names
        if isinstance(names, list):
            return list(dict.fromkeys(names))
        assert pc is not None
        return pc.unique(names).to_pylist()  # type: ignore[no-any-return]  # (first-seen order)

    @classmethod
    def from_rows(cls, rows: list[Any], orgs: list[tuple[str, ...]]) -> Block:
        """A block of :data:`~desktop.store.io.rows.EventRow` tuples (the fast path's)."""
        assert pa is not None
        values = list(zip(*rows, strict=True)) if rows else [()] * len(COLUMNS)
        columns = {
            name: pa.array(list(v), type=pa.int64() if name in _INTS else pa.string())
            for name, v in zip(COLUMNS, values, strict=True)
        }
        counts = np.fromiter(map(len, orgs), dtype=np.int64, count=len(orgs))
        at = np.repeat(np.arange(len(orgs), dtype=np.int64), counts)
        names = list(itertools.chain.from_iterable(orgs))
        return cls(columns, [r[0] for r in rows], at, names)


_INTS = frozenset({"start_lo", "start_hi", "end_lo", "end_hi", "era"})


@dataclass(slots=True)
class Orgs:
    """A block's organization names, one entry per (row, name), in row order."""

    row: Ints
    names: Any  # pyarrow string array


class Fallback(Exception):
    """pyarrow stopped at a block: the fast path reads the range from its row ``rows`` on."""

    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


class ArrowCsv:
    """Blocks of a :class:`CsvSource`'s rows between two byte offsets (see the module doc)."""

    def __init__(self, source: CsvSource, *, hash_keys: bool = True) -> None:
        self.source = source
        self.hash_keys = hash_keys  # False: keys made by hashing left empty (a plan needs none)
        self.fast = FastCsv(source)  # its date reader and its cache of dates
        self.width = len(source.columns)
        index = {f: i for i, f in source.fields}
        self.at = {f: index.get(f) for f in _FIELDS}

    def blocks(
        self, start: int = 0, stop: int | None = None, first_row: int = 2
    ) -> Iterator[Block]:
        """The rows from ``start`` (0: the header's start) to ``stop``; raises :class:`Fallback`
        where pyarrow cannot go on (nothing of that block was yielded)."""
        assert pa is not None and pcsv is not None
        source = self.source
        end = source.path.stat().st_size if stop is None else stop
        if start == 0:
            start = _data_start(source.path)
        if _has_unsure_bytes(source.path, start, end):
            raise Fallback(0)
        names = [f"c{i}" for i in range(self.width)]
        options = (
            pcsv.ReadOptions(column_names=names, block_size=BLOCK_BYTES, use_threads=False),
            pcsv.ParseOptions(
                delimiter=source.delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        done = 0
        with io.BufferedReader(_Range(source.path, start, end), 1024 * 1024) as fh:
            try:
                reader = pcsv.open_csv(fh, *options)
            except pa.ArrowException:
                raise Fallback(0) from None
            while True:
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    return
                except pa.ArrowException:
                    raise Fallback(done) from None
                if batch.num_rows:
                    yield self._block(batch.columns, first_row + done)
                    done += batch.num_rows

    def _block(self, cols: list[Any], first: int) -> Block:
        """One parsed block's events (see the module doc); ``first`` is its first row's number."""
        assert pa is not None and pc is not None
        n = len(cols[0])
        unsure = np.zeros(n, dtype=bool)
        blank = np.ones(n, dtype=bool)
        for col in cols:
            lengths = to_numpy(pc.utf8_length(col))
            unsure |= lengths > LONG
            blank &= lengths == 0
        pick = {f: (None if i is None else cols[i]) for f, i in self.at.items()}
        titles = pc.utf8_trim_whitespace(pick["title"])
        unsure |= blank | (to_numpy(pc.utf8_length(titles)) == 0)
        starts, dates = date_columns(pick["start"], pick["end"], unsure, self._read)
        orgs = self._orgs(pick["orgs"], n)
        era = self._era(pick["era"], unsure)
        keys = self._keys(pick["key"], titles, starts, unsure)
        columns = {
            "key": keys,
            "title": titles,
            "summary": _stripped(pick["summary"], None, n),
            "kind": _stripped(pick["kind"], DEFAULT_KIND, n),
            **dates,
            "place": _stripped(pick["place"], None, n),
            "era": era,
        }
        return self._events(cols, first, unsure, columns, orgs)

    def _read(self, text: str) -> Any:
        """A date cell read as the fast path reads it (its cache shared), None where it cannot
        or the seconds would not fit a 64-bit column (then read in full)."""
        dates = self.fast.dates.get(text)
        if dates is None:
            dates = self.fast._date(text)
            if dates is not None and not all(fits_int64(b) for d in dates if d for b in d[1:]):
                dates = self.fast.dates[text] = None
        return dates

    def _orgs(self, cells: Any, n: int) -> Orgs:
        """Each row's organizations as column operations: the cell split at ';', each name
        stripped, empty ones dropped, a name repeated in a cell kept once (first place), as
        :func:`~desktop.store.io.records.split_orgs` reads it; its checks cannot fail here (no
        NUL or bytes that are not UTF-8 in the range, no value over LONG characters)."""
        assert pa is not None and pc is not None
        if cells is None:
            return Orgs(np.zeros(0, dtype=np.int64), pa.array([], pa.string()))
        parts = pc.split_pattern(cells, ORG_SEPARATOR)
        row = to_numpy(pc.list_parent_indices(parts)).astype(np.int64)
        names = pc.utf8_trim_whitespace(pc.list_flatten(parts))
        named = to_numpy(pc.utf8_length(names)) > 0
        row, names = row[named], names.filter(pa.array(named))
        ids = to_numpy(pc.dictionary_encode(names).indices).astype(np.int64)
        pair = row * (int(ids.max(initial=0)) + 1) + ids
        if len(np.unique(pair)) < len(pair):  # a name twice in a cell: its first place kept
            first = np.sort(np.unique(pair, return_index=True)[1])
            row, names = row[first], names.take(pa.array(first))
        return Orgs(row, names)

    def _era(self, cells: Any, unsure: Flags) -> Ints:
        assert pc is not None
        n = len(unsure)
        if cells is None:
            return np.zeros(n, dtype=np.int64)
        encoded = pc.dictionary_encode(cells)
        at = to_numpy(encoded.indices)
        flags, ok = [], []
        for cell in encoded.dictionary.to_pylist():
            try:
                flags.append(int(read_era(cell)) if cell else 0)
                ok.append(True)
            except RowError:
                flags.append(0)
                ok.append(False)
        unsure |= ~np.array(ok, dtype=bool)[at]
        era: Ints = ints(flags)[at]
        return era

    def _keys(self, given: Any, titles: Any, starts: Any, unsure: Flags) -> list[str]:
        """The file's keys where it has them (a bad one marks the row unsure), else the hash of
        the title and the canonical start (as :class:`FastCsv` makes them)."""
        assert pa is not None and pc is not None
        if self.hash_keys:
            blake = hashlib.blake2b
            joined = pc.binary_join_element_wise(titles, starts, "\x1f").cast(pa.binary())
            hashed = ["imp-" + blake(b, digest_size=8).hexdigest() for b in joined.to_pylist()]
        else:
            hashed = [""] * len(titles)
        if given is None:
            return hashed
        keys: list[str] = _numpy_str(pc.utf8_trim_whitespace(given))
        for i, key in enumerate(keys):
            if not key:
                keys[i] = hashed[i]
            elif len(key) > MAX_KEY_CHARS or not key.isprintable():
                unsure[i] = True
        return keys

    def _events(
        self,
        cols: list[Any],
        first: int,
        unsure: Flags,
        columns: dict[str, Any],
        orgs: Orgs,
    ) -> Block:
        """The block's events: its sure rows as columns, each unsure row read in full in its
        place (an event, a skipped row, or a blank row, which is not counted)."""
        assert pa is not None
        n = len(unsure)
        skipped: list[Skipped] = []
        extra: dict[int, ImportedEvent] = {}
        blank = 0
        for i in np.flatnonzero(unsure).tolist():
            item = self.source.row([c[i].as_py() for c in cols], first + i)
            if item is None:
                blank += 1
            elif isinstance(item, Skipped):
                skipped.append(item)
            else:
                extra[i] = item
        sure = ~unsure
        if extra:  # events read in full among the others: assembled row by row (rare)
            rows, names = [], []
            tuples = _tuples(columns, n)
            of_row: list[list[str]] = [[] for _ in range(n)]
            for i, name in zip(orgs.row.tolist(), orgs.names.to_pylist(), strict=True):
                of_row[i].append(name)
            for i in range(n):
                if i in extra:
                    rows.append(event_tuple(extra[i]))
                    names.append(extra[i].orgs)
                elif sure[i]:
                    rows.append(tuples[i])
                    names.append(tuple(of_row[i]))
            block = Block.from_rows(rows, names)
        else:
            keep = np.flatnonzero(sure)
            taken = pa.array(keep)
            out = {}
            for name in COLUMNS:
                value = columns[name]
                if len(keep) == n:
                    out[name] = pa.array(value, pa.string()) if isinstance(value, list) else value
                elif isinstance(value, list):
                    out[name] = pa.array([value[i] for i in keep.tolist()], pa.string())
                elif isinstance(value, np.ndarray):
                    out[name] = pa.array(value[keep])
                else:
                    out[name] = value.take(taken)
            position = np.full(n, -1, dtype=np.int64)
            position[keep] = np.arange(len(keep), dtype=np.int64)
            linked = position[orgs.row] >= 0
            at = position[orgs.row][linked]
            names = orgs.names if linked.all() else orgs.names.filter(pa.array(linked))
            keys = columns["key"]
            block = Block(out, [keys[i] for i in keep.tolist()], at, names)
        block.skipped = skipped
        block.read = n - blank
        return block


def _tuples(columns: dict[str, Any], n: int) -> list[tuple[Any, ...]]:
    """Every row of ``columns`` as an :data:`~desktop.store.io.rows.EventRow`."""
    lists = []
    for name in COLUMNS:
        value = columns[name]
        lists.append(value if isinstance(value, list) else list(_pylist(value)))
    return list(zip(*lists, strict=True)) if n else []


def _pylist(value: Any) -> list[Any]:
    if isinstance(value, np.ndarray):
        return value.tolist()  # type: ignore[no-any-return]
    return value.to_pylist()  # type: ignore[no-any-return]


def _numpy_str(array: Any) -> list[str]:
    return array.to_pylist()  # type: ignore[no-any-return]


def _stripped(col: Any, default: str | None, n: int) -> Any:
    """``value.strip() or default`` for a column (all ``default`` when the file lacks it)."""
    assert pa is not None and pc is not None
    if col is None:
        return pa.nulls(n, pa.string()) if default is None else pa.array([default] * n)
    trimmed = pc.utf8_trim_whitespace(col)
    empty = pc.equal(pc.utf8_length(trimmed), 0)
    return pc.if_else(empty, pa.scalar(default, pa.string()), trimmed)


def _data_start(path: Path) -> int:
    """The offset of the line after the header (one line: :func:`usable`)."""
    with path.open("rb") as fh:
        fh.readline()
        return fh.tell()


def _has_unsure_bytes(path: Path, start: int, stop: int) -> bool:
    """Whether the bytes between two offsets hold NUL or ``\\x1c``-``\\x1f``."""
    with path.open("rb") as fh:
        fh.seek(start)
        left = stop - start
        while left > 0:
            block = fh.read(min(left, SCAN_BYTES))
            if not block:
                return False
            if any(block.find(b) >= 0 for b in _UNSURE):
                return True
            left -= len(block)
    return False

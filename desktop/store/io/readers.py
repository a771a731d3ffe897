"""Reading CSV, one row at a time, as :class:`ImportedEvent` values or :class:`Skipped` rows, and
what every reader shares: column mapping and Timesketch dates (TimelineJS is in
:mod:`desktop.store.io.timelinejs`, JSON lines in :mod:`desktop.store.io.jsonl`; choosing the
reader for a file in :mod:`desktop.store.io.formats`).

- ``csv``: a header row, then one event per row; columns map to fields through the mapping given
  plus guesses (see :data:`GUESSES`); comma, semicolon or tab separated; UTF-8 (with or without
  BOM) or UTF-16 with a BOM. Streamed: memory stays flat whatever the size.
  A column mapped to ``-`` is left out; one mapped to ``extra`` (like any column no field takes)
  goes to the summary's ``extra:`` line, and no guess takes it. :func:`read_csv_header` gives a
  file's columns without needing a title or a date column. A row with bytes that are not UTF-8
  is skipped, the first such saying the byte and its offset in the file.
- ``timesketch``: Timesketch's CSV or JSONL export (``message``, ``datetime``,
  ``timestamp_desc``, ``timestamp`` in microseconds, any other attributes). The message is the
  title, the timestamp description the kind; every other column (``timestamp`` too) goes to the
  summary's ``extra:`` line (see :mod:`desktop.store.io.records`), and so does ``datetime``,
  in UTC to the microsecond. Every row is an event: its key hashes every column, so only rows
  identical in all of them merge (the import report counts them as duplicates).
- ``jsonl``: one JSON object per line, Timesketch's field names or the CSV guesses (read in
  :mod:`desktop.store.io.jsonl`, with :func:`desktop.store.io.jsonl.read_jsonl_columns`).

Every reader is re-iterable (:meth:`RowSource.rows` opens the file again), so a plan can be made
in one pass and the import done in another without holding the rows in memory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from desktop.store.io.records import (
    BAD_CHARS,
    FIELDS,
    ImportedEvent,
    ImportFileError,
    RowError,
    Skipped,
    build_event,
    date_from_datetime,
)
from desktop.store.io.rows import Batch, batched
from desktop.store.io.text import first_bad_utf8, with_offset

IGNORE = "-"  # a mapping value: leave the column out
EXTRA = "extra"  # a mapping value: no field, never guessed; kept in the summary's 'extra:' line
CSV_FIELD_LIMIT = 16 * 1024 * 1024
# Dossier's own CSV export (exporters.CSV_COLUMNS): its derived columns are left out when such
# a file is read back (an event's grade belongs to its citations; it would only add an 'extra:'
# line); in any other file a column of that name is kept like any other
OWN_CSV = frozenset({"key", "title", "start", "end", "kind", "orgs", "summary", "place", "era"})
DERIVED = frozenset({"grade"})

GUESSES: dict[str, tuple[str, ...]] = {
    "key": ("key", "id", "uid", "unique_id", "event_id", "event_key"),
    "title": ("title", "headline", "name", "event"),
    "start": ("start", "date", "start_date", "datetime", "when", "from"),
    "end": ("end", "end_date", "until", "to"),
    "summary": ("summary", "description", "text", "details", "notes"),
    "kind": ("kind", "type", "category"),
    "orgs": ("org", "orgs", "organization", "organizations", "organisation", "organisations",
             "group", "groups", "company", "companies"),
    "place": ("place", "location", "where"),
    "era": ("era",),
}  # fmt: skip
TIMESKETCH: dict[str, tuple[str, ...]] = {
    "key": ("_id",),
    "title": ("message",),
    "start": ("datetime",),
    "kind": ("timestamp_desc",),
}
FIELD_ALIASES = {"org": "orgs", "organization": "orgs", "group": "orgs", "description": "summary",
                 "date": "start", "headline": "title", "id": "key", "type": "kind",
                 "ignore": IGNORE, "": IGNORE, "keep": EXTRA}  # fmt: skip


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "_", name.strip().lower()).strip("_")


def field_name(name: str) -> str:
    """A field named in a mapping (``title``, ``org``; ``-`` to drop the column, ``extra`` to
    keep it in the summary's ``extra:`` line, where no guess can take it)."""
    n = _norm(name) if name.strip() != IGNORE else IGNORE
    n = FIELD_ALIASES.get(n, n)
    if n not in (IGNORE, EXTRA) and n not in FIELDS:
        raise ImportFileError(
            f"unknown field {name!r} in the mapping; fields are {', '.join(FIELDS)} "
            f"(or '{IGNORE}' to leave a column out, '{EXTRA}' to keep it in the summary)"
        )
    return n


def _unmapped(fld: str) -> bool:
    """Whether a mapping value names no field (the column is left out or kept as extra)."""
    return fld in (IGNORE, EXTRA)


def _merge_guesses(*tables: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for table in tables:
        for fld, names in table.items():
            out[fld] = out.get(fld, ()) + names
    return out


def resolve_mapping(
    columns: tuple[str, ...], requested: Mapping[str, str], guesses: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """column -> field: the requested mapping first, then the first guess present per field.
    Columns requested as ``-`` or ``extra`` keep that value: no guess takes them."""
    mapping: dict[str, str] = {}
    taken: dict[str, str] = {}
    for column, fld in requested.items():
        if column not in columns:
            shown = columns_text(columns)
            raise ImportFileError(f"the file has no column {column!r} (its columns: {shown})")
        fld = field_name(fld)
        if not _unmapped(fld) and fld in taken:
            raise ImportFileError(f"both {taken[fld]!r} and {column!r} are mapped to {fld!r}")
        mapping[column] = fld
        taken[fld] = column
    by_norm: dict[str, str] = {}
    own = {_norm(c) for c in columns} >= OWN_CSV
    for column in columns:
        by_norm.setdefault(_norm(column), column)
        if own and _norm(column) in DERIVED and column not in mapping:
            mapping[column] = IGNORE
    for fld, names in guesses.items():
        if fld in taken:
            continue
        for name in names:
            found = by_norm.get(_norm(name))
            if found is not None and found not in mapping:
                mapping[found] = fld
                taken[fld] = found
                break
    return mapping


def columns_text(columns: tuple[str, ...]) -> str:
    """The first twenty column names for a one-line message: a name holding a line break or
    another unprintable character is shown quoted and escaped."""
    return ", ".join(c if c.isprintable() else repr(c) for c in columns[:20]) or "none"


def _require(path: Path, mapping: Mapping[str, str], columns: tuple[str, ...], ts: bool) -> None:
    fields = set(mapping.values())
    shown = columns_text(columns)
    if "title" not in fields:
        raise ImportFileError(
            f"{path.name}: no column for the title (columns: {shown}); "
            "name one with --map COLUMN=title"
        )
    if "start" not in fields and not (ts and "timestamp" in columns):
        raise ImportFileError(
            f"{path.name}: no column for the date (columns: {shown}); "
            "name one with --map COLUMN=start"
        )


# -- timestamps (Timesketch) -------------------------------------------------------------------
def _timesketch_date(raw: Any, timestamp: Any) -> tuple[Any, str, dict[str, str]]:
    """(a PartialDate or None to read ``raw`` as text, the text hashed into the key, extras)."""
    text = raw.strip() if isinstance(raw, str) else ""
    if text:
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            return None, text, {}
        if dt.tzinfo is not None:
            try:
                dt = dt.astimezone(UTC).replace(tzinfo=None)
            except OverflowError:
                raise RowError(
                    f"the time {text[:40]} is out of range: in UTC it falls outside the years"
                    " 1 to 9999"
                ) from None
        # kept to the microsecond in UTC, as Timesketch writes it (the event's start is the minute)
        extra = {"datetime": dt.isoformat(timespec="microseconds") + "+00:00"}
        return date_from_datetime(dt), text, extra
    if timestamp in (None, ""):
        raise RowError("no date (datetime or timestamp)")
    try:
        micros = int(timestamp)
        dt = datetime.fromtimestamp(micros / 1_000_000, UTC).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        shown = repr(timestamp)[:40]
        raise RowError(f"'timestamp' should be microseconds since 1970, not {shown}") from None
    return date_from_datetime(dt), str(micros), {}  # the timestamp column is an attribute


class RowSource:
    """A file opened for import: its format, columns, mapping, and an iterator over its rows."""

    fmt: str
    columns: tuple[str, ...] = ()
    mapping: dict[str, str]
    provided: frozenset[str]
    notes: list[str]

    def __init__(self, path: Path) -> None:
        self.path = path
        self.mapping = {}
        self.provided = frozenset()
        self.notes = []

    def rows(self) -> Iterator[ImportedEvent | Skipped]:
        raise NotImplementedError

    def batches(self, size: int) -> Iterator[Batch]:
        """The rows in batches of about ``size`` (see :mod:`desktop.store.io.rows`)."""
        return batched(self.rows(), size)


# -- CSV ---------------------------------------------------------------------------------------
def _encoding(path: Path) -> tuple[str, str]:
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", "surrogateescape"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "replace"
    return "utf-8", "surrogateescape"


def _delimiter(path: Path, first_line: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


@dataclass(frozen=True)
class CsvHeader:
    """How a CSV file is read (encoding, delimiter) and the names of its columns."""

    encoding: str
    errors: str
    delimiter: str
    columns: tuple[str, ...]

    def open(self, path: Path) -> IO[str]:
        return path.open(encoding=self.encoding, errors=self.errors, newline="")


def read_csv_header(path: Path) -> CsvHeader:
    """The header row of a CSV file: encoding (BOM), delimiter (sniffed from the first line) and
    column names (blank ones numbered, duplicates kept apart: "date", "date (2)")."""
    encoding, errors = _encoding(path)
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        first = fh.readline(64 * 1024)
        delimiter = _delimiter(path, first)
        fh.seek(0)
        try:
            header = next(csv.reader(fh, delimiter=delimiter), None)
        except csv.Error as exc:
            raise ImportFileError(f"{path.name}: cannot read the header as CSV ({exc})") from None
    if not header or not any(c.strip() for c in header):
        raise ImportFileError(f"{path.name} has no header row naming its columns")
    names = [c.strip() or f"column {i + 1}" for i, c in enumerate(header)]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            names[i] = f"{name} ({seen[name]})"
    for name in names:
        if BAD_CHARS.search(name):
            bad = first_bad_utf8(path)
            where = f" (byte 0x{bad[0]:02X} at offset {bad[1]:,})" if bad else ""
            raise ImportFileError(
                f"{path.name}: the header is not UTF-8 text{where}; save as UTF-8"
            )
    return CsvHeader(encoding, errors, delimiter, tuple(names))


class CsvSource(RowSource):
    """CSV (and Timesketch's CSV): the header is read now, the rows on each :meth:`rows`."""

    def __init__(self, path: Path, fmt: str, requested: Mapping[str, str]) -> None:
        super().__init__(path)
        self.fmt = fmt
        self.timesketch = fmt == "timesketch"
        self.header = read_csv_header(path)
        self.encoding, self.delimiter = self.header.encoding, self.header.delimiter
        self.utf8 = self.encoding.startswith("utf-8")
        self.columns = names = self.header.columns
        guesses = _merge_guesses(TIMESKETCH, GUESSES) if self.timesketch else GUESSES
        self.mapping = resolve_mapping(self.columns, requested, guesses)
        _require(path, self.mapping, self.columns, self.timesketch)
        self.fields = [(i, self.mapping[c]) for i, c in enumerate(names) if c in self.mapping]
        self.fields = [(i, f) for i, f in self.fields if not _unmapped(f)]
        field_of = self.mapping.get
        self.extras = [(i, c) for i, c in enumerate(names) if field_of(c, EXTRA) == EXTRA]
        stamp = "timestamp" if self.timesketch else None
        self.stamp = next((i for i, c in self.extras if c == stamp), None)
        provided = {f for _, f in self.fields} | {"start", "end", "title"}
        if self.extras:
            provided.add("summary")
            kept = ", ".join(c for _, c in self.extras[:10])
            self.notes.append(f"columns kept in the summary's 'extra:' line: {kept}")
        self.provided = frozenset(provided - {"key"})
        self._told = False

    def _open(self) -> IO[str]:
        return self.header.open(self.path)

    def _reader(self, fh: IO[str]) -> Iterator[list[str]]:
        return csv.reader(fh, delimiter=self.delimiter)

    def rows(self) -> Iterator[ImportedEvent | Skipped]:
        self._told = False  # the first row with bytes that are not UTF-8 says where the first is
        with self._open() as fh:
            reader = self._reader(fh)
            number = 1
            try:
                next(reader, None)
                for row in reader:
                    number += 1
                    item = self.row(row, number)
                    if item is not None:
                        yield item
            except csv.Error as exc:
                raise self.csv_error(number, exc) from None
            except UnicodeDecodeError as exc:
                raise self.decode_error(exc) from None

    def batches(self, size: int) -> Iterator[Batch]:
        if self.timesketch:
            yield from super().batches(size)
            return
        from desktop.store.io.fastcsv import FastCsv  # the fast path, with this as its fallback

        self._told = False
        yield from FastCsv(self).batches(size)

    def csv_error(self, number: int, exc: Exception) -> ImportFileError:
        return ImportFileError(f"{self.path.name} row {number}: cannot read it as CSV ({exc})")

    def decode_error(self, exc: Exception) -> ImportFileError:
        return ImportFileError(f"{self.path.name}: not {self.encoding} text ({exc})")

    def row(self, row: list[str], number: int) -> ImportedEvent | Skipped | None:
        """One CSV row as an event or a skipped row (None for a blank row)."""
        if not row or not any(row):
            return None
        width = len(self.columns)
        where = f"row {number}"
        n = len(row)
        if n > width and any(v.strip() for v in row[width:]):
            return Skipped(where, f"{n} values, but the header names {width} columns")
        values = {f: row[i] for i, f in self.fields if i < n}
        extra = {c: row[i] for i, c in self.extras if i < n and row[i]}
        try:
            if self.timesketch:
                return self._timesketch(values, extra, row, self.stamp, where)
            return build_event(values, where, extra=extra)
        except RowError as exc:
            reason = str(exc)
            if not self._told and "not UTF-8 text (byte" in reason and self.utf8:
                self._told, reason = True, with_offset(reason, self.path)
            return Skipped(where, reason)

    def _timesketch(
        self, values: dict[str, Any], extra: dict[str, Any], row: list[str], stamp: Any, where: str
    ) -> ImportedEvent:
        ts = row[stamp] if stamp is not None and stamp < len(row) else None
        date, _, more = _timesketch_date(values.get("start"), ts)
        return build_event(
            values,
            where,
            extra={**extra, **more},
            dates=None if date is None else (date, None),
            key_parts=tuple(row),  # every column: only rows identical in all of them merge
        )

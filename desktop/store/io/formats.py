"""Every import and export format in one table. A new format is one module that reads or writes
it and one line in :data:`IMPORTS` or :data:`EXPORTS`: the CLI's ``--format`` and ``dossier
export`` choices, the import dialog's format box and the guessing of a file's format all read
these tables.

Guessing (:func:`detect_format`): the import formats are asked in table order whether a file is
theirs, from its extension and its first 64 KiB; the first to claim it wins, so the more
particular formats (Timesketch's columns) come before the general ones (JSON lines). CSV claims
nothing: it is what a file no format claims is read as.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.store.io.exporters import export_csv, export_ics, export_timelinejs
from desktop.store.io.jsonl import JsonlSource, read_jsonl_columns
from desktop.store.io.readers import CsvSource, RowSource, read_csv_header
from desktop.store.io.records import ImportFileError
from desktop.store.io.timelinejs import TimelineJsSource
from desktop.store.io.timesketch import export_timesketch


@dataclass(frozen=True)
class Head:
    """What guessing looks at: the extension (lower case) and the first bytes, BOM and leading
    blanks taken off."""

    suffix: str
    text: bytes

    @property
    def json_lines(self) -> bool:
        """One JSON object per line (by extension, or a first line that is a whole object
        followed by another)."""
        if self.suffix in (".jsonl", ".ndjson"):
            return True
        if self.suffix == ".json" or self.text.startswith(b"{"):
            first, _, rest = self.text.partition(b"\n")
            return first.rstrip().endswith(b"}") and rest.lstrip().startswith(b"{")
        return False

    @property
    def json_document(self) -> bool:
        return not self.json_lines and (self.suffix == ".json" or self.text.startswith(b"{"))

    @property
    def csv_header(self) -> bytes:
        return b"" if self.json_lines or self.json_document else self.text.split(b"\n", 1)[0]


@dataclass(frozen=True)
class ImportFormat:
    """A format events are read from. ``open(path, name, mapping)`` gives its reader,
    ``columns(path, name)`` the column names a mapping can name (none: ``mapping`` False)."""

    name: str
    label: str
    open: Callable[[Path, str, Mapping[str, str]], RowSource]
    columns: Callable[[Path, str], tuple[str, ...]]
    claims: Callable[[Head], bool]
    mapping: bool = True


@dataclass(frozen=True)
class ExportFormat:
    """A format events are written to: ``write(store, out, filters, left_out=None)`` returns
    how many; ``cannot_hold`` names what leaves out events it has no date for (BCE, deep
    time), which then go to ``left_out``."""

    name: str
    label: str
    write: Callable[..., int]
    cannot_hold: str | None = None


def _timelinejs(path: Path, _name: str, mapping: Mapping[str, str]) -> RowSource:
    if mapping:
        raise ImportFileError("a column mapping does not apply to TimelineJS files")
    return TimelineJsSource(path)


def _json_lines(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _csv_or_jsonl(path: Path, name: str, mapping: Mapping[str, str]) -> RowSource:
    """Timesketch writes CSV and JSON lines: whichever this file holds."""
    source = JsonlSource if _json_lines(path) else CsvSource
    return source(path, name, mapping)


def _csv_or_jsonl_columns(path: Path, _name: str) -> tuple[str, ...]:
    return read_jsonl_columns(path) if _json_lines(path) else read_csv_header(path).columns


def _timesketch(head: Head) -> bool:
    if head.json_lines:
        return b'"timestamp_desc"' in head.text
    header = head.csv_header.lower()
    return all(name in header for name in (b"message", b"datetime", b"timestamp_desc"))


IMPORTS: tuple[ImportFormat, ...] = (
    ImportFormat("csv", "CSV", CsvSource, lambda p, _n: read_csv_header(p).columns,
                 lambda _head: False),  # the fallback
    ImportFormat("timelinejs", "TimelineJS JSON", _timelinejs, lambda _p, _n: (),
                 lambda head: head.json_document, mapping=False),
    ImportFormat("timesketch", "Timesketch CSV/JSONL", _csv_or_jsonl, _csv_or_jsonl_columns,
                 _timesketch),
    ImportFormat("jsonl", "JSON lines", JsonlSource, lambda p, _n: read_jsonl_columns(p),
                 lambda head: head.json_lines),
)  # fmt: skip
EXPORTS: tuple[ExportFormat, ...] = (
    ExportFormat("csv", "CSV", export_csv),
    ExportFormat("timelinejs", "TimelineJS JSON", export_timelinejs),
    ExportFormat("timesketch", "Timesketch JSONL", export_timesketch, "Timesketch's datetime"),
    ExportFormat("ics", "iCalendar", export_ics, "iCalendar"),
)

IMPORT_FORMATS: dict[str, ImportFormat] = {f.name: f for f in IMPORTS}
EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in EXPORTS}
FORMATS = tuple(IMPORT_FORMATS)


# -- choosing a reader -------------------------------------------------------------------------
def detect_format(path: Path) -> str:
    """Guess the format from the extension, then from the first bytes."""
    with path.open("rb") as fh:
        head = Head(path.suffix.lower(), fh.read(64 * 1024).lstrip(b"\xef\xbb\xbf \t\r\n"))
    return next((f.name for f in IMPORTS if f.claims(head)), "csv")


def _import_format(path: Path, fmt: str | None) -> ImportFormat:
    if not path.is_file():
        raise ImportFileError(f"{path} is not a file")
    fmt = fmt or detect_format(path)
    if fmt not in IMPORT_FORMATS:
        raise ImportFileError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return IMPORT_FORMATS[fmt]


def open_source(path: Path, fmt: str | None, requested: Mapping[str, str]) -> RowSource:
    """The reader for ``path``; raises ImportFileError when the file cannot be read at all."""
    try:
        form = _import_format(path, fmt)
        return form.open(path, form.name, requested)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_columns(path: Path, fmt: str | None = None) -> tuple[str, tuple[str, ...]]:
    """(format, column names) as the reader sees them: the CSV header (same encoding, BOM and
    delimiter) or the keys of the first JSON object; none for TimelineJS. Unlike
    :func:`open_source` it needs no title or date column, so a mapping can still be chosen.
    Raises ImportFileError when the file cannot be read."""
    try:
        form = _import_format(path, fmt)
        return form.name, form.columns(path, form.name)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None

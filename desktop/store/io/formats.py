"""Choosing the reader for a file: by the format asked for, else by extension and content."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.store.io.jsonl import JsonlSource, read_jsonl_columns
from desktop.store.io.readers import FORMATS, CsvSource, RowSource, read_csv_header
from desktop.store.io.records import ImportFileError
from desktop.store.io.timelinejs import TimelineJsSource


# -- choosing a reader -------------------------------------------------------------------------
def detect_format(path: Path) -> str:
    """Guess the format from the extension, then from the first bytes."""
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in (".jsonl", ".ndjson"):
        return "timesketch" if b'"timestamp_desc"' in head else "jsonl"
    if suffix == ".json" or text.startswith(b"{"):
        first, _, rest = text.partition(b"\n")
        if first.rstrip().endswith(b"}") and rest.lstrip().startswith(b"{"):
            return "timesketch" if b'"timestamp_desc"' in head else "jsonl"
        return "timelinejs"
    header = text.split(b"\n", 1)[0].lower()
    if all(name in header for name in (b"message", b"datetime", b"timestamp_desc")):
        return "timesketch"
    return "csv"


def _reader_kind(path: Path, fmt: str | None) -> tuple[str, str]:
    """(format, reader: ``timelinejs``, ``jsonl`` or ``csv``) for ``path``."""
    if not path.is_file():
        raise ImportFileError(f"{path} is not a file")
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise ImportFileError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "timelinejs":
        return fmt, "timelinejs"
    if fmt == "jsonl" or (fmt == "timesketch" and _looks_like_json_lines(path)):
        return fmt, "jsonl"
    return fmt, "csv"


def open_source(path: Path, fmt: str | None, requested: Mapping[str, str]) -> RowSource:
    """The reader for ``path``; raises ImportFileError when the file cannot be read at all."""
    try:
        fmt, kind = _reader_kind(path, fmt)
        if kind == "timelinejs":
            if requested:
                raise ImportFileError("a column mapping does not apply to TimelineJS files")
            return TimelineJsSource(path)
        if kind == "jsonl":
            return JsonlSource(path, fmt, requested)
        return CsvSource(path, fmt, requested)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_columns(path: Path, fmt: str | None = None) -> tuple[str, tuple[str, ...]]:
    """(format, column names) as the reader sees them: the CSV header (same encoding, BOM and
    delimiter) or the keys of the first JSON object; none for TimelineJS. Unlike
    :func:`open_source` it needs no title or date column, so a mapping can still be chosen.
    Raises ImportFileError when the file cannot be read."""
    try:
        fmt, kind = _reader_kind(path, fmt)
        if kind == "timelinejs":
            return fmt, ()
        if kind == "jsonl":
            return fmt, read_jsonl_columns(path)
        return fmt, read_csv_header(path).columns
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _looks_like_json_lines(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")

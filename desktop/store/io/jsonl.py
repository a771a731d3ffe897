"""Reading JSON lines (``jsonl``, Timesketch's JSONL export): one JSON object per line, read
with Timesketch's field names or the CSV guesses (see :mod:`desktop.store.io.readers`). A line
longer than 16 MB, nested too deeply, not UTF-8 (byte and offset given) or not JSON is a skipped
row that says so; a file with no object at all is refused with its first line's problem."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop.store.io.readers import (
    EXTRA,
    GUESSES,
    TIMESKETCH,
    RowSource,
    _merge_guesses,
    _norm,
    _timesketch_date,
    _unmapped,
    field_name,
    resolve_mapping,
)
from desktop.store.io.records import (
    FIELDS,
    ImportedEvent,
    ImportFileError,
    RowError,
    Skipped,
    build_event,
)
from desktop.store.io.text import NestedTooDeeply, loads, not_utf8

MAX_LINE_BYTES = 16 * 1024 * 1024


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, the decoded object or a RowError) for each non-blank line."""
    with path.open("rb") as fh:
        number = offset = 0
        while True:
            start = offset
            raw = fh.readline(MAX_LINE_BYTES)
            if not raw:
                return
            offset += len(raw)
            number += 1
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, start = raw[3:], 3
            if not raw.endswith(b"\n") and len(raw) >= MAX_LINE_BYTES:
                while (rest := fh.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    offset += len(rest)
                offset += len(rest)
                yield number, RowError(f"is longer than {MAX_LINE_BYTES // 2**20} MB")
                continue
            if not raw.strip():
                continue
            try:
                yield number, loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield number, RowError(f"{not_utf8(exc, start)}; save the file as UTF-8")
            except NestedTooDeeply:
                yield number, RowError("is nested too deeply to read")
            except ValueError as exc:
                yield number, RowError(f"is not valid JSON ({str(exc)[:80]})")


def read_jsonl_columns(path: Path) -> tuple[str, ...]:
    """The keys of the first JSON object in a JSON-lines file: its columns. A file without one
    is refused with what is wrong with its first line."""
    first_problem = None
    for number, obj in _json_lines(path):
        if isinstance(obj, dict):
            return tuple(obj)
        if first_problem is None:
            why = str(obj) if isinstance(obj, RowError) else f"is {_kind(obj)}, not an object"
            first_problem = f"line {number} {why}"
    why = " (it has none)" if first_problem is None else f": {first_problem}"
    raise ImportFileError(f"{path.name} holds no JSON object per line{why}")


def _kind(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


class JsonlSource(RowSource):
    """One JSON object per line (Timesketch's JSONL export or any event list)."""

    def __init__(self, path: Path, fmt: str, requested: Mapping[str, str]) -> None:
        super().__init__(path)
        self.fmt = fmt
        self.requested = {k: field_name(v) for k, v in requested.items()}
        self.guesses = _merge_guesses(TIMESKETCH, GUESSES)
        self.columns = read_jsonl_columns(path)
        self.mapping = self._mapping(dict.fromkeys(self.columns))
        missing = [c for c in requested if c not in self.columns]
        if missing:
            self.notes.append(f"not in the first object (mapped anyway): {', '.join(missing)}")
        if "title" not in self.mapping.values():
            self.notes.append("the first object has no title field (message, title, ...)")
        self.provided = frozenset(set(FIELDS) - {"key"})

    def _mapping(self, obj: dict[str, Any]) -> dict[str, str]:
        cols = tuple(obj)
        requested = {k: v for k, v in self.requested.items() if k in obj}
        return resolve_mapping(cols, requested, self.guesses)

    def _shape(self, obj: dict[str, Any]) -> tuple[dict[str, str], bool]:
        """The mapping for objects with these keys, and whether their date is a timestamp."""
        mapping = self._mapping(obj)
        start = next((c for c, f in mapping.items() if f == "start"), None)
        stamped = start is None or _norm(start) == "datetime"
        return mapping, stamped

    def rows(self) -> Iterator[ImportedEvent | Skipped]:
        shapes: dict[tuple[str, ...], tuple[dict[str, str], bool]] = {}
        for number, obj in _json_lines(self.path):
            where = f"line {number}"
            if isinstance(obj, RowError):
                yield Skipped(where, f"the line {obj}")
                continue
            if not isinstance(obj, dict):
                yield Skipped(where, f"a JSON object is expected, not {type(obj).__name__}")
                continue
            try:
                key = tuple(obj)
                if key not in shapes:
                    if len(shapes) > 1000:
                        shapes.clear()
                    shapes[key] = self._shape(obj)
                mapping, stamped = shapes[key]
                yield self._event(obj, mapping, stamped, where)
            except RowError as exc:
                yield Skipped(where, str(exc))

    def _event(
        self, obj: dict[str, Any], mapping: dict[str, str], stamped: bool, where: str
    ) -> ImportedEvent:
        values = {f: obj[c] for c, f in mapping.items() if not _unmapped(f)}
        extra = {c: v for c, v in obj.items() if mapping.get(c, EXTRA) == EXTRA}
        date: Any = None
        key_parts: tuple[str, ...] = ()
        more: dict[str, str] = {}
        if stamped:
            date, _, more = _timesketch_date(values.get("start"), obj.get("timestamp"))
            # every field: only objects identical in all of them merge
            key_parts = (json.dumps(obj, sort_keys=True, ensure_ascii=False),)
        return build_event(
            values,
            where,
            extra={**extra, **more},
            dates=None if date is None else (date, None),
            key_parts=key_parts,
        )

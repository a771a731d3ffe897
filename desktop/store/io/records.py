"""What an import reads, keeps and refuses: planned events, skipped rows, plans and reports.

Every reader turns its rows into plain ``{field: value}`` dictionaries over :data:`FIELDS`;
:func:`build_event` validates one of them into an :class:`ImportedEvent` or raises
:class:`RowError` with a reason a person can act on ("cannot read 'Mai 2024' as a date").

Keys: a file's own id column is used as given (trimmed). Without one, the key is
``imp-`` + a hash of the title and the canonical start date, so importing the same file again
updates its events instead of duplicating them. Timesketch rows hash every column instead: many
log lines share a message and a time, and only rows identical in every column are one event.

Columns that map to no field are kept, not dropped: they are appended to the summary as one
last line ``extra: {"column": "value", ...}`` (JSON, in file order, empty values left out).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain.attributes import join_attributes
from desktop.domain.partial_date import DateParseError, PartialDate, parse_span
from desktop.store.errors import ValidationError

FIELDS = ("key", "title", "summary", "kind", "start", "end", "orgs", "place", "era")
MAX_FIELD_BYTES = 100_000
MAX_DATE_CHARS = 100
MAX_KEY_CHARS = 200
ORG_SEPARATOR = ";"

_TRUE = frozenset({"1", "true", "yes", "y", "era", "x"})
_FALSE = frozenset({"", "0", "false", "no", "n"})
BAD_CHARS = re.compile("[\x00\udc80-\udcff]")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?")


class ImportFileError(ValidationError):
    """The file cannot be imported at all (unreadable, not the format, no title column, ...).
    Nothing was written."""


class ImportRefused(ImportFileError):
    """Some rows cannot be imported and a partial import was not asked for; nothing written."""


class ImportCancelled(ImportFileError):
    """The import was cancelled; its transaction was rolled back, nothing written."""


class RowError(Exception):
    """One row cannot be imported; the message says why (without the row number)."""


@dataclass(slots=True)
class ImportedEvent:
    """One event as it will be written. ``summary`` already carries the extra columns."""

    where: str  # "row 12", "line 4", "events[3]"
    key: str
    title: str
    start: str
    start_lo: int
    start_hi: int
    end: str | None = None
    end_lo: int | None = None
    end_hi: int | None = None
    summary: str | None = None
    kind: str | None = None
    orgs: tuple[str, ...] = ()
    place: str | None = None
    era: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out, with where it is in the file and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportPlan:
    """What importing ``path`` would do, found without writing anything.

    ``preview`` holds the first :data:`PREVIEW_ROWS` valid events; ``skipped`` the first
    :data:`KEEP_SKIPPED` refused rows (``skipped_count`` counts all of them).
    """

    path: Path
    fmt: str
    columns: tuple[str, ...] = ()
    mapping: dict[str, str] = field(default_factory=dict)  # column -> field, as resolved
    requested: dict[str, str] = field(default_factory=dict)  # the mapping asked for
    provided: frozenset[str] = frozenset()  # the fields the file gives
    preview: list[ImportedEvent] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    total: int = 0
    valid: int = 0
    skipped_count: int = 0
    orgs: list[str] = field(default_factory=list)  # distinct names, first MAX_ORG_NAMES
    notes: list[str] = field(default_factory=list)

    def add_skipped(self, skipped: Skipped) -> None:
        self.skipped_count += 1
        if len(self.skipped) < KEEP_SKIPPED:
            self.skipped.append(skipped)


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would have done)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_rows: list[Skipped] = field(default_factory=list)
    orgs_created: list[str] = field(default_factory=list)
    dry_run: bool = False
    # rows with the key of an earlier row of the same file that change nothing: dropped (not
    # in the counts above; a repeat that changes the event is an update, the last row wins);
    # for Timesketch, whose keys hash every column, the rows identical in every column
    duplicates: int = 0
    # the new events are committed but not yet searchable: the search backlog indexes them
    # (desktop.store.io.backlog)
    indexing: bool = False

    @property
    def written(self) -> int:
        return self.created + self.updated + self.unchanged + self.duplicates


PREVIEW_ROWS = 200
KEEP_SKIPPED = 1000
MAX_ORG_NAMES = 10_000


# -- values ------------------------------------------------------------------------------------
def text_value(value: Any, name: str) -> str:
    """A cell as text: strings as they are, numbers written out; anything else is refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError(f"'{name}' should be text, not {_type_name(value)}")
    return str(value)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {list: "a list", dict: "an object", bool: "true/false"}.get(type(value), "a number")


def check_text(value: str, name: str) -> None:
    """Refuse a value that is too big, holds NUL, or came from bytes that are not UTF-8."""
    if len(value) * 4 > MAX_FIELD_BYTES and len(value.encode("utf-8", "surrogatepass")) > (
        MAX_FIELD_BYTES
    ):
        size = len(value.encode("utf-8", "surrogatepass")) // 1000
        raise RowError(f"'{name}' is {size:,} kB, more than the {MAX_FIELD_BYTES // 1000} kB limit")
    bad = BAD_CHARS.search(value)
    if bad is None:
        return
    if bad.group() == "\x00":
        raise RowError(f"'{name}' contains a NUL character")
    raise RowError(
        f"'{name}' is not UTF-8 text (byte 0x{ord(bad.group()) - 0xDC00:02X}); "
        "save the file as UTF-8"
    )


def _optional(value: Any, name: str) -> str | None:
    """Trimmed text, or None for a missing or blank value."""
    if value is None:
        return None
    if value.__class__ is not str:
        value = text_value(value, name)
    text = value.strip()
    return text or None


# -- dates -------------------------------------------------------------------------------------
DateBits = tuple[str, int, int]  # canonical text and the [lo, hi) interval in seconds


def date_bits(d: PartialDate) -> DateBits:
    lo, hi = d.interval()
    return d.canonical(), lo, hi


@functools.lru_cache(maxsize=65_536)
def _read_date(text: str) -> tuple[DateBits, DateBits | None] | str:
    """A date or date range read from text, or the reason it cannot be read (cached: the same
    dates recur throughout big files)."""
    m = _ISO.fullmatch(text)
    try:
        if m is not None:
            y, mo, d, h, mi = (int(g) if g is not None else None for g in m.groups())
            return date_bits(PartialDate(y, mo, d, h, mi)), None  # type: ignore[arg-type]
        first, last = parse_span(text)
        return date_bits(first), None if last is None else date_bits(last)
    except (DateParseError, ValueError) as exc:
        if _beyond_utc(text):
            return f"the time {text} is out of range: in UTC it falls outside the years 1 to 9999"
        message = str(exc)
        return message if message.startswith("cannot read") else f"cannot read {text!r}: {message}"


_OFFSET_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})"
)


def _beyond_utc(text: str) -> bool:
    """Whether ``text`` is a time with a UTC offset that moves it past year 1 or 9999."""
    if not _OFFSET_TIME.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text).astimezone(UTC)
    except OverflowError:
        return True
    except ValueError:
        return False
    return False


def read_dates(start: Any, end: Any) -> tuple[DateBits, DateBits | None]:
    """Start and end of a row. A start written as a range ("4–6 Jul 2024") gives both when the
    row has no end of its own. Raises RowError."""
    start_text = _optional(start, "start")
    if start_text is None:
        raise RowError("no start date")
    first, last = _date(start_text, "start")
    end_text = _optional(end, "end")
    if end_text is not None:
        last, end_span_end = _date(end_text, "end")
        last = end_span_end or last
    return first, last


def check_order(first: DateBits, last: DateBits | None) -> None:
    if last is not None and last[2] <= first[1]:
        raise RowError(f"the end {last[0]} is before the start {first[0]}")


def _date(text: str, name: str) -> tuple[DateBits, DateBits | None]:
    if len(text) > MAX_DATE_CHARS:
        raise RowError(f"'{name}' is too long to be a date ({len(text)} characters)")
    result = _read_date(text)
    if result.__class__ is str:
        check_text(text, name)  # a clearer reason for NUL or bytes that are not UTF-8
        raise RowError(result)
    return result  # type: ignore[return-value]


def date_from_datetime(dt: datetime) -> PartialDate:
    """A timestamp (Timesketch) at the store's finest precision, the minute."""
    try:
        return PartialDate.from_datetime(dt)
    except ValueError as exc:
        raise RowError(f"the time {dt} is out of range: {exc}") from None


# -- keys --------------------------------------------------------------------------------------
def hashed_key(*parts: str) -> str:
    """A stable key from the given texts (same file, same keys, in every run)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return f"imp-{digest.hexdigest()}"


def file_key(value: Any) -> str | None:
    text = _optional(value, "key")
    if text is None:
        return None
    if len(text) > MAX_KEY_CHARS:
        raise RowError(f"the key is longer than {MAX_KEY_CHARS} characters")
    if any(ch < " " for ch in text):
        raise RowError("the key contains control characters")
    check_text(text, "key")
    return text


# -- one row -----------------------------------------------------------------------------------
def split_orgs(value: Any) -> tuple[str, ...]:
    """Organization names: a list, or one text with names separated by ';'."""
    if value is None:
        return ()
    if value.__class__ is str and ORG_SEPARATOR not in value:
        name = value.strip()
        if not name:
            return ()
        check_text(name, "orgs")
        return (name,)
    items = value if isinstance(value, list) else text_value(value, "orgs").split(ORG_SEPARATOR)
    names: dict[str, None] = {}
    for item in items:
        name = text_value(item, "orgs").strip()
        if name:
            check_text(name, "orgs")
            names.setdefault(name, None)
    return tuple(names)


def read_era(value: Any) -> bool:
    if value is None or value == "" or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        return bool(value)
    text = text_value(value, "era").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RowError(f"'era' should be yes or no, not {text[:40]!r}")


def with_extra(summary: str | None, extra: dict[str, str]) -> str | None:
    """The summary with the extra columns appended as its last line (see the module doc)."""
    return join_attributes(summary, extra)


def build_event(
    values: dict[str, Any],
    where: str,
    *,
    extra: dict[str, Any] | None = None,
    dates: tuple[PartialDate, PartialDate | None] | None = None,
    key_parts: tuple[str, ...] = (),
) -> ImportedEvent:
    """Validate one row's fields into an event. ``dates`` replaces reading ``values['start']``
    and ``values['end']`` (timestamps, TimelineJS date objects); ``key_parts`` are hashed with
    the title when the row has no key of its own. Raises RowError."""
    get = values.get
    title = _optional(get("title"), "title")
    if title is None:
        raise RowError("no title")
    check_text(title, "title")
    if dates is None:
        first, last = read_dates(get("start"), get("end"))
    else:
        first = date_bits(dates[0])
        last = None if dates[1] is None else date_bits(dates[1])
    check_order(first, last)
    summary = _optional(get("summary"), "summary")
    kind = _optional(get("kind"), "kind")
    place = _optional(get("place"), "place")
    if kind is not None:
        check_text(kind, "kind")
    if place is not None:
        check_text(place, "place")
    kept: dict[str, str] = {}
    if extra:
        for column, value in extra.items():
            if value is None or value == "":
                continue
            text = value if value.__class__ is str else json.dumps(value, ensure_ascii=False)
            check_text(text, column)
            kept[column] = text
        summary = with_extra(summary, kept)
    if summary is not None:
        check_text(summary, "summary")
    key = file_key(get("key")) or hashed_key(title, *(key_parts or (first[0],)))
    return ImportedEvent(
        where,
        key,
        title,
        first[0],
        first[1],
        first[2],
        None if last is None else last[0],
        None if last is None else last[1],
        None if last is None else last[2],
        summary,
        kind,
        split_orgs(get("orgs")),
        place,
        read_era(get("era")),
        kept,
    )

"""Events as the writer takes them: plain tuples in batches, and the fast ISO date reader.

An :class:`ImportedEvent` (a dataclass of 15 fields) costs more to make than parsing its row, so
the CSV reader's fast path (:mod:`desktop.store.io.fastcsv`) hands the writer tuples of the
``events`` columns instead (:data:`EventRow`), in :class:`Batch` es with the organizations' names
beside them; every other reader's events are turned into the same tuples (:func:`event_tuple`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.attributes import split_attributes
from desktop.store.io.records import ImportedEvent, Skipped

# key, title, summary, kind, start, start_lo, start_hi, end, end_lo, end_hi, place, era
EventRow = tuple[
    str, str, str | None, str, str, int, int, str | None, int | None, int | None, str | None, int
]
DEFAULT_KIND = "event"
COLUMNS = ("key", "title", "summary", "kind", "start", "start_lo", "start_hi", "end", "end_lo",
           "end_hi", "place", "era")  # the events columns of an EventRow  # fmt: skip


@dataclass(slots=True)
class StageChunk:
    """A staging file of events the reading process wrote (:mod:`desktop.store.io.stage`):
    ids from ``first_id``, ``events`` of them; ``suspect`` when a key's hash came twice."""

    path: str
    first_id: int
    events: int
    suspect: bool
    hashes: Any = None  # the keys' hashes, sorted (numpy int64), to compare between readers


@dataclass(slots=True)
class Batch:
    """Consecutive rows of a file: the events (with their organizations' names and where they
    are, aligned), the rows skipped, and how many rows that makes (blank rows are not
    counted)."""

    rows: list[EventRow] = field(default_factory=list)
    orgs: list[tuple[str, ...]] = field(default_factory=list)
    where: list[str | int] = field(default_factory=list)  # an int is a CSV row number
    skipped: list[Skipped] = field(default_factory=list)
    read: int = 0
    stage: StageChunk | None = None  # events in a staging file instead of ``rows``
    # a plan's reading process sends counts, not events: how many (not in ``rows``), and the
    # organization names not sent before
    counted: int = 0
    names: list[str] = field(default_factory=list)

    def add(self, event: ImportedEvent) -> None:
        self.rows.append(event_tuple(event))
        self.orgs.append(event.orgs)
        self.where.append(event.where)


def event_tuple(e: ImportedEvent) -> EventRow:
    """The ``events`` columns of ``e`` (a missing kind is ``event``, as the table's default)."""
    kind = DEFAULT_KIND if e.kind is None else e.kind
    return (e.key, e.title, e.summary, kind, e.start, e.start_lo, e.start_hi, e.end, e.end_lo,
            e.end_hi, e.place, int(e.era))  # fmt: skip


def where_text(where: str | int) -> str:
    return f"row {where}" if isinstance(where, int) else where


def to_event(row: EventRow, orgs: tuple[str, ...], where: str | int) -> ImportedEvent:
    """An :class:`ImportedEvent` again (for the plan's preview)."""
    key, title, summary, kind, start, lo, hi, end, end_lo, end_hi, place, era = row
    extra = split_attributes(summary)[1]
    return ImportedEvent(
        where_text(where), key, title, start, lo, hi, end, end_lo, end_hi, summary, kind, orgs,
        place, bool(era), extra,
    )  # fmt: skip


def batched(items: Iterable[ImportedEvent | Skipped], size: int) -> Iterator[Batch]:
    """Any reader's rows in batches of ``size``."""
    batch = Batch()
    for item in items:
        batch.read += 1
        if isinstance(item, Skipped):
            batch.skipped.append(item)
        else:
            batch.add(item)
        if batch.read >= size:
            yield batch
            batch = Batch()
    if batch.read:
        yield batch


# -- ISO dates without PartialDate -------------------------------------------------------------
def _days(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146_097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719_468


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

DateBits = tuple[str, int, int]


def iso_bits(text: str) -> DateBits | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (or a space for ``T``), years 1..9999, as
    (canonical text, lo, hi); None for anything else (the full parser then reads it)."""
    n = len(text)
    if (n != 10 and n != 16) or not text.isascii():
        return None
    if text[4] != "-" or text[7] != "-":
        return None
    ys, ms, ds = text[:4], text[5:7], text[8:10]
    if not (ys.isdigit() and ms.isdigit() and ds.isdigit()):
        return None
    y, m, d = int(ys), int(ms), int(ds)
    if y < 1 or not 1 <= m <= 12 or d < 1:
        return None
    last = 29 if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else _MONTH_DAYS[m]
    if d > last:
        return None
    lo = _days(y, m, d) * 86_400
    if n == 10:
        return text, lo, lo + 86_400
    if text[10] not in "T " or text[13] != ":":
        return None
    hs, mins = text[11:13], text[14:16]
    if not (hs.isdigit() and mins.isdigit()):
        return None
    h, mi = int(hs), int(mins)
    if h > 23 or mi > 59:
        return None
    lo += h * 3600 + mi * 60
    return f"{text[:10]}T{hs}:{mins}", lo, lo + 60

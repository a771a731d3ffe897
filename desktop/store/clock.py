"""The one timestamp format of the database: ISO 8601 in UTC with milliseconds
(``2024-07-04T09:30:00.123Z``), what SQLite's ``strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`` writes.
Rows, notes, review marks and saved state all carry it, so that text order is time order."""

from __future__ import annotations

import re
from datetime import UTC, datetime

#: The same moment written by SQLite itself (column defaults, triggers, UPDATE ... SET).
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#: ``datetime.strptime`` format that reads a stamp back (``%f`` takes the three digits).
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def stamp(moment: datetime) -> str:
    """``moment`` (aware, or naive UTC) as the database's timestamp text."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def now_text() -> str:
    """The current time as the database's timestamp text."""
    return stamp(datetime.now(UTC))


def parse(text: str) -> datetime:
    """A timestamp written by :func:`stamp` (or SQLite's ``SQL_NOW``), as an aware UTC time."""
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)

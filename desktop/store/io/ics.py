"""iCalendar (RFC 5545) text, written by hand: CRLF line ends, lines folded at 75 octets
(never inside a UTF-8 character), TEXT values escaped (``\\\\``, ``\\;``, ``\\,``, ``\\n``).

Dates follow the event's precision: an event known to the minute is a ``DATE-TIME`` in UTC
(``DTEND`` is the end's minute, or absent: an instant); anything coarser is an all-day event,
``DTSTART;VALUE=DATE`` to ``DTEND;VALUE=DATE`` (exclusive), covering the whole month, quarter or
year it names. The partial dates themselves are kept in ``X-DOSSIER-START``/``X-DOSSIER-END``
and, readably, in the description. Events dated outside the years 1..9999 (BCE, deep time)
cannot be written in iCalendar and are left out (:func:`holds`); the export counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from desktop.domain.partial_date import DateParseError, PartialDate, Precision, format_span

CRLF = "\r\n"
LINE_OCTETS = 75
_EPOCH = datetime(1970, 1, 1)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_PRECISION_WORDS = {
    Precision.YEAR: "year",
    Precision.HALF: "half-year",
    Precision.QUARTER: "quarter",
    Precision.MONTH: "month",
    Precision.DAY: "day",
    Precision.MINUTE: "minute",
}


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped, controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """One content line as UTF-8 with CRLF, folded so no physical line exceeds 75 octets."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    parts = []
    start, limit = 0, LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1  # a continuation line begins with a space
    return b"\r\n ".join(parts) + b"\r\n"


def _moment(seconds: int) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


def _stamp(dt: datetime) -> str:
    return f"{_day(dt)}T{dt.hour:02d}{dt.minute:02d}{dt.second:02d}Z"


def _day(dt: datetime) -> str:
    return f"{dt.year:04d}{dt.month:02d}{dt.day:02d}"


def _parse(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except DateParseError:
        return None


def calendar_head(name: str) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Dossier//Dossier export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    return b"".join(fold(line) for line in lines)


def calendar_tail() -> bytes:
    return fold("END:VCALENDAR")


def date_lines(start: PartialDate, end: PartialDate | None) -> list[str]:
    """DTSTART and DTEND (or DURATION) at the precision of the dates."""
    lo, hi = start.interval()
    if end is not None:
        hi = max(hi, end.interval()[1])
    timed = start.precision == Precision.MINUTE and (
        end is None or end.precision == Precision.MINUTE
    )
    if timed:
        lines = [f"DTSTART:{_stamp(_moment(lo))}"]
        if end is not None and end.interval()[0] > lo:
            lines.append(f"DTEND:{_stamp(_moment(end.interval()[0]))}")
        return lines
    first = _moment(lo - lo % 86_400)
    days = max(1, -(-(hi - (lo - lo % 86_400)) // 86_400))
    lines = [f"DTSTART;VALUE=DATE:{_day(first)}"]
    try:
        lines.append(f"DTEND;VALUE=DATE:{_day(first + timedelta(days=days))}")
    except OverflowError:  # past 9999-12-31: say how long instead
        lines.append(f"DURATION:P{days}D")
    return lines


def holds(start: str, end: str | None) -> bool:
    """False when a date lies outside the years 1..9999: iCalendar's dates have four-digit years
    and no era, so "3500 BCE" or "13.8 billion years ago" cannot be written (the export leaves
    such events out and counts them)."""
    return all(d is None or 1 <= d.year <= 9999 for d in (_parse(start), _parse(end)))


def event_lines(
    *,
    key: str,
    title: str,
    summary: str | None,
    kind: str | None,
    start: str,
    end: str | None,
    place: str | None,
    orgs: Iterable[str],
    stamp: datetime,
) -> list[str] | None:
    """The content lines of one VEVENT, or None when its date cannot be read."""
    first, last = _parse(start), _parse(end)
    if first is None:
        return None
    when = format_span(first, last)
    precision = _PRECISION_WORDS[first.precision]
    orgs = list(orgs)
    notes = [summary or "", f"Date: {when} (known to the {precision})"]
    if orgs:
        notes.append("Organizations: " + ", ".join(orgs))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(key)}@dossier",
        f"DTSTAMP:{_stamp(stamp)}",
        *date_lines(first, last),
        f"SUMMARY:{escape_text(title)}",
        f"DESCRIPTION:{escape_text(chr(10).join(n for n in notes if n))}",
    ]
    if kind:
        lines.append(f"CATEGORIES:{escape_text(kind)}")
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    lines.append(f"X-DOSSIER-START:{escape_text(start)}")
    if end:
        lines.append(f"X-DOSSIER-END:{escape_text(end)}")
    lines.append("END:VEVENT")
    return lines

"""How a typed date was understood, in words, for the hint under a date field (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.partial_date import (
    DateParseError,
    PartialDate,
    Precision,
    format_span,
    parse_span,
)


def _day(seconds: int) -> PartialDate:
    return PartialDate.from_datetime(datetime.fromtimestamp(seconds, UTC), Precision.DAY)


def covers(d: PartialDate) -> str:
    """The days a partial date covers: '1–10 May 2024', '1 Jan – 31 Dec 2024', '9 Jul 2024'."""
    if d.precision == Precision.MINUTE or not 1 <= d.year <= 9999:  # "3500 BCE": a year
        return d.display().removeprefix("c. ")
    lo, hi = d.interval()
    return format_span(_day(lo), _day(hi - 1))


def _one(d: PartialDate) -> str:
    text = d.display()
    span = covers(d)
    if span != text.removeprefix("c. "):
        text = f"{text} → {span}"
    return text + (" (approximate)" if d.approximate else "")


def describe_date(text: str, allow_range: bool = False) -> tuple[bool, str]:
    """``(ok, message)``: 'understood: early May 2024 → 1–10 May 2024', or why it did not
    read. Empty text gives ``(True, '')``. With ``allow_range`` a range is understood as a
    start and an end."""
    if not text.strip():
        return True, ""
    try:
        return True, f"understood: {_one(PartialDate.parse(text))}"
    except DateParseError as exc:
        error = str(exc)
    if allow_range:
        try:
            start, end = parse_span(text)
        except DateParseError:
            pass
        else:
            if end is not None:
                return True, f"understood: from {_one(start)} to {_one(end)}"
    return False, error

"""The text grammar behind :class:`desktop.domain.partial_date.PartialDate`.

Everything here works on strings and plain field dictionaries, so it has no
dependency on the ``PartialDate`` type itself.  Precision and qualifiers are
recognised with regular expressions; ``dateutil`` is only used to read strict
ISO 8601 timestamps (seconds, fractions, UTC offsets), where every field is
present in the text.  Nothing is ever filled in from today's date.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import Any

from dateutil.parser import isoparse

from desktop.domain.deep_time import parse_year_words

__all__ = [
    "MONTHS",
    "DateParseError",
    "clean",
    "leading_month",
    "parse_fields",
    "parse_time_only",
    "span_candidates",
    "tails",
]


class DateParseError(ValueError):
    """Raised when a text cannot be read as a (partial) date or date range."""


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PART_WORDS = ("early", "mid", "late")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APPROX_PREFIX = re.compile(
    r"^(?:~|c\.|ca\.|approx\.|(?:c|ca|circa|around|about|approx|approximately)\b)\s*"
)
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\s*"
)
_PART_PREFIX = re.compile(
    r"^(?:(?P<early>early|beginning of|start of)|(?P<mid>mid(?:dle)?(?: of)?)"
    r"|(?P<late>late|end of))(?:\s+|-)(?P<rest>.+)$"
)
_TIME = r"(?P<h>\d{1,2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?\s*(?P<ampm>am|pm)?"
_TIME_TAIL = rf"(?:\s+(?:at\s+)?{_TIME})?"

_YEAR = re.compile(r"^(?P<y>\d{4})$")
_CANON_PART = re.compile(r"^(?P<y>\d{4})-(?:(?P<m>\d{2})-)?(?P<part>early|mid|late)$")
_CANON_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")
_ISO_STRICT = re.compile(
    r"^\d{4}-\d{2}-\d{2}[t ](?P<h>\d{2}):\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)
_ISO_DAY = re.compile(
    rf"^(?P<y>\d{{4}})(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
    rf"(?:(?:t|\s+){_TIME})?$"
)
_QH = re.compile(
    r"^(?:(?:(?P<k1>[qh])(?P<n1>[1-4])|(?P<n2>[1-4])(?P<k2>[qh]))[- ]?(?P<y1>\d{4})"
    r"|(?P<y2>\d{4})[- ]?(?P<k3>[qh])(?P<n3>[1-4]))$"
)
_QH_WORDS = re.compile(
    r"^(?P<n>[1-4]|first|second|third|fourth) (?P<kind>quarter|half) (?:of )?(?P<y>\d{4})$"
)
_DMY = re.compile(
    rf"^(?P<d>\d{{1,2}})(?: (?:of )?|-)(?P<mon>{_MON})(?: |-)(?P<y>\d{{4}}){_TIME_TAIL}$"
)
_MDY = re.compile(rf"^(?P<mon>{_MON}) (?P<d>\d{{1,2}}) (?P<y>\d{{4}}){_TIME_TAIL}$")
_YMD = re.compile(rf"^(?P<y>\d{{4}}) (?P<mon>{_MON}) (?P<d>\d{{1,2}}){_TIME_TAIL}$")
_MY = re.compile(rf"^(?:(?P<mon>{_MON}) (?:of )?(?P<y>\d{{4}})|(?P<y2>\d{{4}}) (?P<mon2>{_MON}))$")
_TIME_ONLY = re.compile(rf"^{_TIME}$")
_SEPARATOR = re.compile(r"\s*(?:-|/|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*")
_SEPARATOR_AND = re.compile(r"\s+and\s+")


def clean(text: str) -> str:
    """Lower-case *text* and normalise dashes, dots, commas, ordinals and spaces."""
    s = _DASHES.sub("-", text.strip().lower())
    s = re.sub(r"([a-z])\.", r"\1", s)  # "Sept." -> "sept", "a.m." -> "am"
    s = s.replace(",", " ")
    s = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\bthe\b", " ", s)
    return " ".join(s.split())


def _time_fields(m: re.Match[str]) -> dict[str, int] | None:
    """Hour and minute from a match of ``_TIME``; ``None`` if no time was given."""
    if m.group("h") is None:
        return None
    hour, ampm = int(m.group("h")), m.group("ampm")
    if m.group("mi") is None and ampm is None:
        raise DateParseError("a bare number is not a time; write 09:00 or 9am")
    minute = int(m.group("mi") or 0)
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise DateParseError(f"hour {hour} does not fit {ampm}")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateParseError(f"{hour:02d}:{minute:02d} is not a time of day")
    return {"hour": hour, "minute": minute}


def _day_fields(m: re.Match[str], month: int) -> dict[str, Any]:
    """Fields of a day-precision match, with its optional time of day."""
    fields: dict[str, Any] = {"year": int(m.group("y")), "month": month, "day": int(m.group("d"))}
    fields.update(_time_fields(m) or {})
    return fields


def _iso_timestamp(s: str) -> dict[str, Any]:
    """Read a strict ISO 8601 timestamp; offsets are converted to naive UTC."""
    try:
        dt = isoparse(s.upper().replace(" ", "T"))
        if dt.tzinfo is not None:
            dt = dt.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError) as exc:
        raise DateParseError(str(exc)) from exc
    return {"year": dt.year, "month": dt.month, "day": dt.day, "hour": dt.hour, "minute": dt.minute}


def _plain(s: str) -> dict[str, Any] | None:
    """Fields of a cleaned date without early/mid/late, or ``None`` if no form matches."""
    if m := _YEAR.match(s):
        return {"year": int(m["y"])}
    if m := _CANON_MONTH.match(s):
        return {"year": int(m["y"]), "month": int(m["m"])}
    if m := _CANON_PART.match(s):
        month = int(m["m"]) if m["m"] else None
        return {"year": int(m["y"]), "month": month, "part": m["part"]}
    if (m := _ISO_STRICT.match(s)) and int(m["h"]) <= 23:
        return _iso_timestamp(s)
    if m := _ISO_DAY.match(s):
        return _day_fields(m, int(m["m"]))
    if m := _QH.match(s):
        kind = m["k1"] or m["k2"] or m["k3"]
        return {
            "year": int(m["y1"] or m["y2"]),
            "part": f"{kind.upper()}{m['n1'] or m['n2'] or m['n3']}",
        }
    if m := _QH_WORDS.match(s):
        n = _ORDINAL_WORDS.get(m["n"]) or int(m["n"])
        kind = "Q" if m["kind"] == "quarter" else "H"
        return {"year": int(m["y"]), "part": f"{kind}{n}"}
    for pattern in (_DMY, _MDY, _YMD):
        if m := pattern.match(s):
            return _day_fields(m, MONTHS[m["mon"]])
    if m := _MY.match(s):
        return {"year": int(m["y"] or m["y2"]), "month": MONTHS[m["mon"] or m["mon2"]]}
    if (year := parse_year_words(s)) is not None:  # "3500 bce", "-3499", "65 million years ago"
        return {"year": year}
    return None


def parse_fields(text: str) -> dict[str, Any]:
    """Parse *text* into ``PartialDate`` keyword arguments.

    The result holds ``year`` and whichever of ``month``, ``day``, ``hour``,
    ``minute``, ``part`` and ``approximate`` the text gave; range checks
    (month 1..12, day within month, the year's range) are left to ``PartialDate``.
    Raises :class:`DateParseError` when no form matches.
    """
    if _DASHES.match(text.lstrip()) and text.lstrip()[0] != "\u2212":
        raise DateParseError(f"cannot read {text!r} as a date: it starts with a dash")
    s = _DASHES.sub("-", text.strip().lower())  # "-3499" (hyphen or minus sign) is a year
    approximate = False
    if s.endswith("~"):
        approximate, s = True, s[:-1].rstrip()
    if m := _APPROX_PREFIX.match(s):
        approximate, s = True, s[m.end() :]
    s = _WEEKDAY.sub("", clean(s))
    try:
        fields = _plain(s)
        if fields is None and (m := _PART_PREFIX.match(s)):
            inner = _plain(m["rest"])
            if inner is not None and inner.get("day") is None and inner.get("part") is None:
                part = next(word for word in _PART_WORDS if m.group(word))
                fields = {**inner, "part": part}
    except DateParseError as exc:
        raise DateParseError(f"cannot read {text!r} as a date: {exc}") from None
    if fields is None:
        words = s.split()
        for i in range(1, len(words)):  # "may 3500 bce": a deep year with a month or day
            year = parse_year_words(" ".join(words[i:]))
            if year is not None and not 1 <= year <= 9999:
                raise DateParseError(
                    f"cannot read {text!r} as a date: before the year 1 or after 9999 a date"
                    " is known to the year only"
                )
        raise DateParseError(f"cannot read {text!r} as a date")
    if approximate:
        fields["approximate"] = True
    return fields


def parse_time_only(text: str) -> tuple[int, int] | None:
    """``(hour, minute)`` if *text* is only a time of day ("11:00", "3pm"), else ``None``."""
    m = _TIME_ONLY.match(clean(text))
    if m is None:
        return None
    try:
        fields = _time_fields(m)
    except DateParseError:
        return None
    return None if fields is None else (fields["hour"], fields["minute"])


def span_candidates(text: str) -> list[tuple[str, str]]:
    """Every way to cut *text* at one range separator, as ``(left, right)`` texts.

    Separators are ``-``, en/em dashes, ``/``, "to", "until", "till",
    "through"/"thru", and "and" after a leading "between".
    """
    s = " ".join(_DASHES.sub("-", text.strip().lower()).split())
    separator = _SEPARATOR
    if m := re.match(r"^(from|between)\s+", s):
        if m[1] == "between":
            separator = _SEPARATOR_AND
        s = s[m.end() :]
    pairs = []
    for m in separator.finditer(s):
        left, right = s[: m.start()].strip(), s[m.end() :].strip()
        if left and right:
            pairs.append((left, right))
    return pairs


def leading_month(text: str) -> str | None:
    """The month name *text* starts with ("july 4" -> "july"), if any."""
    words = clean(text).split()
    return words[0] if words and words[0] in MONTHS else None


def tails(text: str) -> list[str]:
    """Proper word suffixes of *text*, longest first: "6 aug 2024" -> ["aug 2024", "2024"]."""
    words = clean(text).split()
    return [" ".join(words[i:]) for i in range(1, len(words))]

"""Years beyond 1..9999: exact calendar arithmetic and the words people write for them.

Python's ``datetime`` names only the years 1 to 9999. Dossier's dates go much further at year
precision: ancient history ("3500 BCE") and deep time ("13.8 billion years ago"). Here:

- :func:`days_from_civil`: days since 1970-01-01 of any proleptic Gregorian date, exact for any
  integer year (integer arithmetic, no ``datetime``); a year is 365 or 366 days, 400 years are
  always 146,097 days, so the mean year is 365.2425 days.
- Year numbering is *astronomical* (ISO 8601): year 0 is 1 BCE, year -1 is 2 BCE, year -3499
  is 3500 BCE. The canonical text writes such years with a sign ("-3499", "+12000"); people
  read "3500 BCE".
- "N years ago" counts like BCE (N years ago is N BCE, astronomical year 1 - N), not back from
  today: it is used only from 100,000 years on, where the 2,000-odd years between the two are
  below the precision anybody states. "13.8 billion years ago" is year -13,799,999,999.
- :func:`year_text` writes a year; :func:`parse_year_words` reads those forms back exactly
  (and "65 Ma", "4.5 Ga", "12 ka", "753 BC", "1066 AD", "12000 CE").
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "AGO_FROM",
    "DAY",
    "MAX_YEAR",
    "MIN_YEAR",
    "SCALES",
    "bce",
    "civil_from_days",
    "compact_year",
    "days_from_civil",
    "in_datetime_range",
    "iso_day",
    "iso_utc",
    "iso_year",
    "parse_year_words",
    "year_near",
    "year_of",
    "year_start",
    "year_text",
]

DAY = 86_400
#: The earliest and latest years a date may name (about 20 billion years either way: the
#: seconds still fit SQLite's 64-bit integers by a factor of 15).
MIN_YEAR = -20_000_000_000
MAX_YEAR = 20_000_000_000
#: From this many BCE years on a year is written "N years ago".
AGO_FROM = 100_000
#: Words for large numbers, largest first.
SCALES = ((10**9, "billion"), (10**6, "million"))
_COMPACT = ((10**9, "Ga"), (10**6, "Ma"), (10**3, "ka"))
_MULTIPLIER = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "ka": 10**3, "ma": 10**6,
    "ga": 10**9, "kya": 10**3, "mya": 10**6, "bya": 10**9,
}  # fmt: skip


def days_from_civil(year: int, month: int = 1, day: int = 1) -> int:
    """Days from 1970-01-01 to the proleptic Gregorian date (any integer year; exact)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def year_start(year: int) -> int:
    """Seconds since 1970-01-01 UTC at the start of *year* (astronomical numbering)."""
    return days_from_civil(year) * DAY


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of the day *days* after 1970-01-01 (inverse of
    :func:`days_from_civil`; any integer)."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def year_of(seconds: float) -> int:
    """The (astronomical) year containing the instant *seconds* since 1970 UTC."""
    return civil_from_days(math.floor(seconds) // DAY)[0]


def year_near(seconds: float, span: float) -> int:
    """The year nearest the instant *seconds*, rounded as a view *span* seconds wide reads it:
    to 10 years over centuries, a million over hundreds of millions ("400 Ma", not the exact
    "399.999999 Ma" a view's float edge falls in). Labelled numbers are rounded (3500 BCE)."""
    mean_year = 365.2425 * DAY
    year = year_of(seconds + mean_year / 2)
    years = span / mean_year
    step = 10 ** max(0, math.floor(math.log10(years / 50))) if years >= 50 else 1
    n = year if year >= 1 else year - 1  # 1 BCE is -1: no year 0
    n = round(n / step) * step or (1 if n > 0 else -1)
    return n if n > 0 else n + 1


def iso_year(year: int) -> str:
    """ISO 8601 year: four digits for 0..9999, else signed ("-3499", "+12000")."""
    if 0 <= year <= 9999:
        return f"{year:04d}"
    return f"-{-year:04d}" if year < 0 else f"+{year}"


def iso_utc(seconds: float) -> str:
    """An instant as ISO 8601 UTC to the second, any year: "2024-07-01T00:00:00Z",
    "-3499-01-01T00:00:00Z" (expanded years, astronomical numbering)."""
    days, secs = divmod(math.floor(seconds), DAY)
    y, m, d = civil_from_days(days)
    return (
        f"{iso_year(y)}-{m:02d}-{d:02d}T{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}Z"
    )


def iso_day(seconds: float) -> str:
    """The day of an instant as ISO 8601, any year: "2024-07-01", "-3499-01-01"."""
    return iso_utc(seconds)[: -len("T00:00:00Z")]


def in_datetime_range(year: int) -> bool:
    """True for the years Python's ``datetime`` can name (1..9999)."""
    return 1 <= year <= 9999


def bce(year: int) -> int:
    """The BCE number of an astronomical year <= 0 (0 is 1 BCE)."""
    return 1 - year


def _scaled(n: int) -> str:
    """*n* exactly, in billions or millions when that reads better: "13.8 billion"."""
    for size, word in SCALES:
        if n >= size:
            whole, frac = divmod(n, size)
            digits = f"{frac:0{len(str(size)) - 1}d}".rstrip("0")
            return f"{whole}.{digits} {word}" if digits else f"{whole} {word}"
    return str(n)


def year_text(year: int) -> str:
    """A year as people read it: "2024", "0987", "3500 BCE", "13.8 billion years ago",
    "12000 CE". :func:`parse_year_words` (or the four digits) read it back exactly."""
    if in_datetime_range(year):
        return f"{year:04d}"
    if year > 9999:
        return f"{_scaled(year)} CE"
    n = bce(year)
    return f"{n} BCE" if n < AGO_FROM else f"{_scaled(n)} years ago"


def compact_year(year: int) -> str:
    """A short year for tight axis labels: "2024", "500", "3500 BCE", "65 Ma", "13.8 Ga";
    after 9999 "12000", then "+700 Myr", "+5 Gyr" (years of the common era)."""
    if 0 < year < 10**6:
        return str(year)
    if year > 0:
        size, unit = (10**9, "Gyr") if year >= 10**9 else (10**6, "Myr")
        return f"+{_decimal(year, size)} {unit}"
    n = bce(year)
    if n < AGO_FROM:
        return f"{n} BCE"
    size, unit = next((size, unit) for size, unit in _COMPACT if n >= size)
    return f"{_decimal(n, size)} {unit}"


def _decimal(n: int, size: int) -> str:
    """*n* / *size* exactly, without trailing zeros: "13.8", "65"."""
    whole, frac = divmod(n, size)
    digits = f"{frac:0{len(str(size)) - 1}d}".rstrip("0")
    return f"{whole}.{digits}" if digits else f"{whole}"


_NUMBER = r"(?P<n>\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?)"
_AGO = re.compile(
    rf"^{_NUMBER} ?(?P<mult>thousand|million|billion|ka|ma|ga|kya|mya|bya)?"
    r"(?: (?P<ago>years? ago|yrs? ago|years? bp|bp)| ?(?P<ago2>ya))?$"
)
_BCE = re.compile(rf"^{_NUMBER}(?: (?P<mult>thousand|million|billion))? ?(?P<era>bce|bc)$")
_CE = re.compile(
    rf"^(?:{_NUMBER}(?: (?P<mult>thousand|million|billion))? ?(?:ce|ad)|(?:ad|ce) (?P<n2>\d+))$"
)
_UNITS = frozenset({"ka", "ma", "ga", "kya", "mya", "bya"})
_SIGNED = re.compile(r"^(?P<sign>[-+])(?P<y>\d{4,12})$")


def _amount(number: str, mult: str | None) -> int | None:
    """``number × mult`` when it is a whole number of years, else None."""
    try:
        value = Decimal(number.replace(" ", "")) * _MULTIPLIER.get(mult or "", 1)
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else None


def parse_year_words(s: str) -> int | None:
    """The astronomical year of a cleaned (lower-case, single-spaced) text, or None.

    Reads "-3499" / "+12000" (ISO 8601 expanded years), "3500 bce", "753 bc",
    "13.8 billion years ago", "65 ma", "4.5 ga", "12 ka", "1066 ad", "12000 ce".
    A bare number of years needs a unit ("65 ma") or "ago" to be read as years ago.
    """
    if m := _SIGNED.match(s):
        return int(m["y"]) * (-1 if m["sign"] == "-" else 1)
    if m := _BCE.match(s):
        n = _amount(m["n"], m["mult"])
        return None if not n else 1 - n
    if m := _CE.match(s):
        n = _amount(m["n"] or m["n2"], m["mult"])
        return n or None
    if (m := _AGO.match(s)) and (m["ago"] or m["ago2"] or m["mult"] in _UNITS):
        n = _amount(m["n"], m["mult"])
        return None if not n else 1 - n
    return None

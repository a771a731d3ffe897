"""Label forms of the axis ticks (see :mod:`desktop.domain.ticks`): each turns a UTC datetime
into one label; a unit lists its forms longest first ("September", "Sep", "S")."""

from __future__ import annotations

from datetime import datetime

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = tuple(m[:3] for m in MONTH_NAMES)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def hms(d: datetime) -> str:
    return f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}"


def hm(d: datetime) -> str:
    return f"{d.hour:02d}:{d.minute:02d}"


def colon_second(d: datetime) -> str:
    return f":{d.second:02d}"


def weekday_day(d: datetime) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day}"


def day(d: datetime) -> str:
    return str(d.day)


def day_month(d: datetime) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def month_name(d: datetime) -> str:
    return MONTH_NAMES[d.month - 1]


def month(d: datetime) -> str:
    return MONTHS[d.month - 1]


def month_initial(d: datetime) -> str:
    return MONTHS[d.month - 1][0]


def quarter(d: datetime) -> str:
    return f"Q{(d.month - 1) // 3 + 1}"


def half(d: datetime) -> str:
    return f"H{(d.month - 1) // 6 + 1}"


def year(d: datetime) -> str:
    return str(d.year)


def short_year(d: datetime) -> str:
    return f"'{d.year % 100:02d}"


def full_date(d: datetime) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def weekday_date(d: datetime) -> str:
    return f"{WEEKDAYS[d.weekday()]} {full_date(d)}"


def month_year(d: datetime) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def month_name_year(d: datetime) -> str:
    return f"{MONTH_NAMES[d.month - 1]} {d.year}"


def month_short_year(d: datetime) -> str:
    return f"{MONTHS[d.month - 1]} {short_year(d)}"


def date_hm(d: datetime) -> str:
    return f"{full_date(d)} {hm(d)}"


def day_month_hm(d: datetime) -> str:
    return f"{day_month(d)} {hm(d)}"


def decade(d: datetime) -> str:
    return f"{d.year - d.year % 10}s"


def short_decade(d: datetime) -> str:
    return f"'{d.year % 100 - d.year % 10:02d}s"


def century(d: datetime) -> str:
    first = d.year - d.year % 100
    return f"{first}–{first + 99}"


def century_s(d: datetime) -> str:
    return f"{d.year - d.year % 100}s"


def millennium(d: datetime) -> str:
    first = d.year - d.year % 1000
    return f"{first}–{first + 999}"

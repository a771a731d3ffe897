"""Facts as the sources state them: roles in time, who a claimant spoke for, figures with their
qualifiers and readable magnitudes, and sources by title, publisher and date (no Qt, no SQL)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.model import Metric, Source
from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.domain.text import date_text, number


def _interval(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text).interval()
    except DateParseError:
        return None


def role_span(start: str | None, end: str | None) -> str:
    """'2001–2011', 'since 2014', 'until 2021' or '' for a role's dates."""
    if start and end:
        return f"{date_text(start)}–{date_text(end)}"
    if start:
        return f"since {date_text(start)}"
    if end:
        return f"until {date_text(end)}"
    return ""


def role_is_former(end: str | None, as_of: float | None = None) -> bool:
    """Whether a role with this end had ended by ``as_of`` (None: now; any end is past)."""
    if not end:
        return False
    if as_of is None:
        return True
    span = _interval(end)
    return span is None or span[1] <= as_of


@dataclass(frozen=True)
class RoleSpan:
    """One role of a person, reduced to what deciding whom they spoke for needs."""

    org_id: int
    org_name: str
    start: str | None = None
    end: str | None = None

    def covers(self, lo: int, hi: int) -> bool:
        """Whether the role overlaps the interval [lo, hi) (open-ended where undated)."""
        start, end = _interval(self.start), _interval(self.end)
        begins = start[0] if start else None
        ends = end[1] if end else None
        return (begins is None or begins < hi) and (ends is None or lo < ends)


def spoke_for(roles: Sequence[RoleSpan], date: str | None) -> list[RoleSpan]:
    """The roles a person held when they made a claim dated ``date``: the roles overlapping
    the date; for an undated claim the roles without an end (a former executive speaks for no
    one). Several results mean the claim's organization is ambiguous."""
    span = _interval(date)
    if span is None:
        return [r for r in roles if not r.end]
    return [r for r in roles if r.covers(*span)]


# -- figures ----------------------------------------------------------------------------------

CURRENCIES = frozenset({"CNY", "RMB", "USD", "EUR", "GBP", "JPY", "HKD"})
SHORT_UNITS = frozenset({"parameters", "tokens"})  # '67B parameters', '2T tokens'
_QUALIFIERS = (
    (re.compile(r"^(more than|over|exceeded|surpassed|above)\b", re.I), "more than"),
    (re.compile(r"^(at least)\b", re.I), "at least"),
    (re.compile(r"^(about|around|roughly|approximately|some)\b", re.I), "about"),
    (re.compile(r"^(nearly|almost)\b", re.I), "nearly"),
    (re.compile(r"^(up to)\b", re.I), "up to"),
    (re.compile(r"^(less than|under|fewer than)\b", re.I), "less than"),
)
_TAGS = (
    (re.compile(r"\b(projection|projected|forecast)\b", re.I), "projection"),
    (
        re.compile(r"\b(company claim|own figure|company's own|self-reported)\b", re.I),
        "company claim",
    ),
    (re.compile(r"\bestimate[ds]?\b", re.I), "estimate"),
)
_SCALES = ((1e12, "trillion", "T"), (1e9, "billion", "B"), (1e6, "million", "M"))


def _trim(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def magnitude(value: float, unit: str | None = None) -> str:
    """A number as people read it: 500000000000 -> '500 billion', 67e9 parameters -> '67B',
    230000 -> '230,000', 12.5 -> '12.5' (the unit is not included)."""
    size = abs(value)
    for scale, word, letter in _SCALES:
        if size >= scale:
            scaled = _trim(value / scale)
            return f"{scaled}{letter}" if unit in SHORT_UNITS else f"{scaled} {word}"
    return number(value)


def with_unit(value: float, unit: str | None) -> str:
    """'CNY 500 billion', '67B parameters', '150%', '230,000 customers'."""
    text = magnitude(value, unit)
    if not unit:
        return text
    if unit in ("%", "percent"):
        return f"{text}%"
    if unit.upper() in CURRENCIES:
        return f"{unit.upper()} {text}"
    return f"{text} {unit}"


def exact_value(value: float, unit: str | None) -> str:
    """The stored value in full ('500,000,000,000 CNY')."""
    return number(value, unit)


@dataclass(frozen=True)
class FigureText:
    value: str  # 'more than CNY 500 billion'
    exact: str  # '500,000,000,000 CNY'
    tags: tuple[str, ...] = ()  # 'projection', 'company claim'


def qualifier(note: str | None) -> str | None:
    """'more than', 'about' ... from the start of a figure's note ('More than 4,300.')."""
    text = (note or "").strip()
    for pattern, word in _QUALIFIERS:
        if pattern.search(text):
            return word
    return None


def figure_tags(name: str, note: str | None) -> tuple[str, ...]:
    """'projection', 'company claim', 'estimate' as the note or name says (a tag the name
    already spells out, '… (company claim)', is not repeated)."""
    text = f"{name} {note or ''}"
    return tuple(tag for pattern, tag in _TAGS if pattern.search(text) and tag not in name.lower())


def figure_text(m: Metric) -> FigureText:
    """A figure as written: qualifier, readable value with its unit, the exact value, tags."""
    value = with_unit(m.value, m.unit)
    q = qualifier(m.note)
    exact = exact_value(m.value, m.unit)
    return FigureText(f"{q} {value}" if q else value, exact, figure_tags(m.name, m.note))


# -- sources ----------------------------------------------------------------------------------


def source_parts(s: Source) -> tuple[str, ...]:
    """What names a source after its title: publisher, date and URL (whatever is known)."""
    parts = []
    if s.publisher:
        parts.append(s.publisher)
    if s.published:
        parts.append(date_text(s.published))
    if s.url:
        parts.append(s.url)
    return tuple(parts)

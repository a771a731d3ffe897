"""Which events to show or export: one filter over events by organization, kind, note tag,
star, country, time span and the grade of their sources. The timeline, its image export, the
CSV/TimelineJS/iCalendar/Timesketch exports and the command line all take this one type
(``desktop.store.filters`` applies it, to the timeline's columns or as SQL for the exports).

Within one facet any value matches (organization A *or* B); facets combine with *and*. An empty
facet does not filter. Kinds and note tags match by one rule, :func:`text_matches`: the same
text once surrounding spaces are dropped, ignoring case (``str.casefold``, so "Straße" matches
"STRASSE"). A minimum grade (``min_grade``, see ``desktop.domain.grades``) keeps the events
with at least one supporting citation graded at least that; an ungraded event never passes.
The value is immutable and plain data so that it can be kept in a saved view
(``to_dict``/``from_dict``) and compared cheaply.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from desktop.domain.deep_time import year_of, year_text
from desktop.domain.grades import Grade, GradeError

OPEN_LO = -1e18  # a range side left open ("from 2023", "until May 2024"): beyond deep time
OPEN_HI = 1e18


def _frozen(values: Iterable[Any] | None) -> frozenset[Any]:
    return frozenset(values or ())


def fold(text: str) -> str:
    """A kind or tag as compared: surrounding spaces dropped, case folded."""
    return text.strip().casefold()


def text_matches(values: Iterable[str], wanted: Iterable[str]) -> bool:
    """The one rule for kinds and note tags: whether any of ``values`` is one of ``wanted``
    (:func:`fold`-ed on both sides)."""
    folded = {fold(w) for w in wanted}
    return any(fold(v) in folded for v in values)


def _grade(value: Any) -> Grade:
    if isinstance(value, Grade):
        return value
    return Grade.parse(None if value is None else str(value))


@dataclass(frozen=True)
class EventFilter:
    """Organizations (ids), kinds, note tags (any), starred only, countries (of the events'
    organizations), ``range`` ``[lo, hi)`` in seconds since 1970 (events overlapping it) and
    ``min_grade`` (a Grade or its text, 'B2'; the empty grade does not filter)."""

    orgs: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    starred: bool = False
    countries: frozenset[str] = field(default_factory=frozenset)
    range: tuple[float, float] | None = None
    min_grade: Grade = field(default_factory=Grade)

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "min_grade", _grade(self.min_grade))
        except GradeError as exc:
            raise ValueError(str(exc)) from None
        object.__setattr__(self, "orgs", frozenset(int(o) for o in self.orgs))
        object.__setattr__(self, "kinds", _frozen(self.kinds))
        object.__setattr__(self, "tags", _frozen(self.tags))
        object.__setattr__(self, "countries", _frozen(self.countries))
        object.__setattr__(self, "starred", bool(self.starred))
        if self.range is not None:
            lo, hi = (float(v) for v in self.range)
            lo, hi = (OPEN_LO if lo == -1e12 else lo), (OPEN_HI if hi == 1e12 else hi)  # saved
            if not hi > lo:  # views kept the old open sides, ±1e12 s (±31,700 years)
                raise ValueError("a filter's range must end after it starts")
            object.__setattr__(self, "range", (lo, hi))

    @property
    def is_empty(self) -> bool:
        return not (
            self.orgs
            or self.kinds
            or self.tags
            or self.starred
            or self.countries
            or self.range
            or not self.min_grade.is_empty
        )

    def with_(self, **changes: Any) -> EventFilter:
        """A copy with some facets replaced (``f.with_(kinds={"release"})``)."""
        return replace(self, **changes)

    # -- text ----------------------------------------------------------------------------------
    def describe(self, org_names: Mapping[int, str] | None = None) -> str:
        """One line for the "active filter" label: 'All events' when empty."""
        if self.is_empty:
            return "All events"
        names = org_names or {}
        parts = []
        if self.orgs:
            labels = sorted(names.get(o, f"#{o}") for o in self.orgs)
            parts.append("Organizations: " + _short_list(labels))
        if self.kinds:
            parts.append("Kinds: " + _short_list(sorted(self.kinds)))
        if self.tags:
            parts.append("Tags: " + _short_list(sorted(self.tags)))
        if self.starred:
            parts.append("Starred")
        if self.countries:
            parts.append("Country: " + _short_list(sorted(self.countries)))
        if self.range is not None:
            lo, hi = self.range
            if lo <= OPEN_LO:
                parts.append(f"Dates: until {day_text(last_second(hi))}")
            elif hi >= OPEN_HI:
                parts.append(f"Dates: from {day_text(lo)}")
            else:
                parts.append(f"Dates: {day_text(lo)} – {day_text(last_second(hi))}")
        if not self.min_grade.is_empty:
            parts.append(f"Sources graded at least {self.min_grade} (ungraded left out)")
        return " · ".join(parts)

    # -- persistence ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "orgs": sorted(self.orgs),
            "kinds": sorted(self.kinds),
            "tags": sorted(self.tags),
            "starred": self.starred,
            "countries": sorted(self.countries),
            "range": list(self.range) if self.range else None,
            "min_grade": str(self.min_grade),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventFilter:
        """Read back ``to_dict``; raises ValueError on a malformed value."""
        if not isinstance(data, Mapping):
            raise ValueError("a filter must be an object")
        try:
            span = data.get("range")
            return cls(
                orgs=frozenset(int(o) for o in data.get("orgs") or ()),
                kinds=frozenset(str(k) for k in data.get("kinds") or ()),
                tags=frozenset(str(t) for t in data.get("tags") or ()),
                starred=bool(data.get("starred", False)),
                countries=frozenset(str(c) for c in data.get("countries") or ()),
                range=(float(span[0]), float(span[1])) if span else None,
                min_grade=_grade(data.get("min_grade") or ""),
            )
        except (TypeError, IndexError, GradeError) as exc:
            raise ValueError(f"malformed filter: {exc}") from None


def _short_list(items: list[str], limit: int = 3) -> str:
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" +{len(items) - limit} more"


def last_second(hi: float) -> float:
    """The last moment before the end *hi* of a range: ``hi - 1``, or less where a float no
    longer holds single seconds (deep time: 1 s is lost beyond 9e15 s)."""
    return hi - max(1.0, abs(hi) * 2.0**-51)


def day_text(t: float) -> str:
    """A time as YYYY-MM-DD (UTC)."""
    try:
        return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d")
    except (OverflowError, OSError, ValueError):
        return year_text(year_of(t)) if math.isfinite(t) else "?"  # "3500 BCE": a year

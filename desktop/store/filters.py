"""Which events an :class:`EventFilter` keeps, and the choices a filter bar offers.

The timeline's packed columns (``store.timeline.timeline_columns``, one row per event and
organization) are filtered with numpy: kinds, organizations and the time span are lookups in
small boolean tables over the columns (a few milliseconds for a million rows). The facets that
live in other tables are answered here once, as sets of ids, for the timeline and the exports
alike (:func:`facet_ids`): the events whose notes carry a tag (matched in Python by the domain's
one rule, ``text_matches``: notes are few) or a star, the organizations of a country, and the
events with a supporting citation graded at least the filter's minimum.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.domain.filters import EventFilter, fold, text_matches
from desktop.domain.grades import Grade, letters_at_least
from desktop.store.database import Store
from desktop.store.errors import ValidationError
from desktop.store.queries import find_organization

_NOTE_TAGS = (
    "SELECT e.id, a.tags FROM annotations a JOIN events e ON e.key = substr(a.target, 7)"
    " WHERE a.target LIKE 'event:%' AND a.deleted_at IS NULL AND a.tags NOT IN ('', '[]')"
)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _tags(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def event_ids_with_tags(store: Store, tags: Iterable[str]) -> set[int]:
    """Events with a live note carrying any of ``tags`` (``text_matches``: case folded)."""
    wanted = {fold(t) for t in tags}
    if not wanted:
        return set()
    return {int(r[0]) for r in store.conn.execute(_NOTE_TAGS) if text_matches(_tags(r[1]), wanted)}


def event_ids_graded(store: Store, bar: Grade) -> set[int] | None:
    """Events with a supporting citation graded at least ``bar`` (the source's letter and the
    citation's digit, see ``desktop.domain.grades``); None when ``bar`` asks for nothing."""
    if bar.is_empty:
        return None
    where = ["c.target_kind = 'event'", "c.stance = 'for'"]
    params: list[object] = []
    if bar.reliability is not None:
        letters = letters_at_least(bar)
        where.append(f"s.reliability IN ({_marks(letters)})")
        params += letters
    if bar.credibility is not None:
        where.append("c.credibility <= ?")
        params.append(bar.credibility)
    sql = (
        "SELECT DISTINCT c.target_id FROM citations c JOIN sources s ON s.id = c.source_id"
        f" WHERE {' AND '.join(where)}"
    )
    return {int(r[0]) for r in store.conn.execute(sql, params)}


def starred_event_ids(store: Store) -> set[int]:
    """Events with a live starred note."""
    return {
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT e.id FROM annotations a JOIN events e ON e.key = substr(a.target, 7)"
            " WHERE a.target LIKE 'event:%' AND a.deleted_at IS NULL AND a.starred"
        )
    }


def org_ids_in_countries(store: Store, countries: Iterable[str]) -> set[int]:
    wanted = sorted({c.strip().casefold() for c in countries})
    if not wanted:
        return set()
    sql = f"SELECT id FROM organizations WHERE lower(trim(country)) IN ({_marks(wanted)})"
    return {r[0] for r in store.conn.execute(sql, wanted)}


def _member(column: np.ndarray, values: Iterable[int]) -> np.ndarray:
    """``np.isin(column, values)`` through a boolean lookup table (one gather, no sort)."""
    vals = np.fromiter(values, np.int64)
    if not len(column) or not len(vals):
        return np.zeros(len(column), bool)
    lo = min(int(column.min()), int(vals.min()))
    hi = max(int(column.max()), int(vals.max()))
    if hi - lo > 64_000_000:  # sparse huge ids: let numpy sort
        return np.isin(column, vals)
    table = np.zeros(hi - lo + 1, bool)
    table[vals - lo] = True
    found: np.ndarray = table[column - lo] if lo else table[column]
    return found


@dataclass(frozen=True)
class FacetIds:
    """The facets of a filter answered from other tables (None: that facet does not filter)."""

    orgs: set[int] | None  # the filter's organizations, narrowed to its countries
    events: set[int] | None  # events with the tags, the star and the grade asked for


def facet_ids(store: Store, f: EventFilter) -> FacetIds:
    """What the tables beside the events say about ``f``: the organizations it keeps (its own
    and those of its countries) and the events its tags, star and minimum grade keep."""
    orgs: set[int] | None = set(f.orgs) if f.orgs else None
    if f.countries:
        in_countries = org_ids_in_countries(store, f.countries)
        orgs = in_countries if orgs is None else orgs & in_countries
    events: set[int] | None = None
    for ids in (
        starred_event_ids(store) if f.starred else None,
        event_ids_with_tags(store, f.tags) if f.tags else None,
        event_ids_graded(store, f.min_grade),
    ):
        if ids is not None:
            events = ids if events is None else events & ids
    return FacetIds(orgs, events)


def kind_codes(kind_names: Sequence[str], wanted: Iterable[str]) -> list[int]:
    """Positions of the kinds ``wanted`` matches (``text_matches``) in ``kind_names``."""
    folded = {fold(w) for w in wanted}
    return [i for i, name in enumerate(kind_names) if text_matches([name], folded)]


def filter_mask(
    store: Store,
    cols: dict[str, np.ndarray],
    f: EventFilter,
    kind_names: Sequence[str],
) -> np.ndarray | None:
    """Boolean mask over the rows of ``cols`` (columns id, lo, hi, kind, org) that ``f`` keeps;
    None when the filter is empty (every row)."""
    if f.is_empty:
        return None
    n = len(cols["id"])
    mask = np.ones(n, bool)
    if f.kinds:
        mask &= _member(cols["kind"], kind_codes(kind_names, f.kinds))
    if f.range is not None:
        lo, hi = f.range
        mask &= (cols["lo"] < hi) & (cols["hi"] > lo)
    facets = facet_ids(store, f)
    if facets.orgs is not None:
        mask &= _member(cols["org"], facets.orgs)
    if facets.events is not None:
        mask &= _member(cols["id"], facets.events)
    return mask


# -- what a filter bar offers ----------------------------------------------------------------
@dataclass(frozen=True)
class FilterChoices:
    orgs: list[tuple[int, str, int]]  # id, label, number of events
    kinds: list[tuple[str, int]]
    tags: list[tuple[str, int]]  # tag, number of live notes
    countries: list[tuple[str, int]]  # country, number of organizations


def filter_choices(
    store: Store,
    kinds: list[tuple[str, int]] | None = None,
    orgs: list[tuple[int, str, int]] | None = None,
) -> FilterChoices:
    """Every value a filter facet can take, with counts. ``kinds`` and ``orgs``, when the
    caller already has them (the timeline's columns do), spare two scans of the events."""
    from desktop.store.annotations import all_tags
    from desktop.store.queries import list_organizations

    if orgs is None:
        orgs = [(o.id, o.label, o.event_count) for o in list_organizations(store)]
    if kinds is None:
        kinds = [
            (str(r[0]), int(r[1]))
            for r in store.conn.execute(
                "SELECT kind, count(*) FROM events GROUP BY kind ORDER BY count(*) DESC, kind"
            )
        ]
    countries = [
        (str(r[0]), int(r[1]))
        for r in store.conn.execute(
            "SELECT trim(country), count(*) FROM organizations"
            " WHERE country IS NOT NULL AND trim(country) != ''"
            " GROUP BY trim(country) ORDER BY trim(country)"
        )
    ]
    return FilterChoices(orgs, kinds, all_tags(store), countries)


def org_ids_by_names(store: Store, names: Iterable[str]) -> frozenset[int]:
    """Organizations named on the command line (key, name, Chinese name or alias). Raises
    ValidationError naming one that matches nothing."""
    ids = []
    for name in names:
        org = find_organization(store, name)
        if org is None:
            raise ValidationError(f"no organization matches {name!r}")
        ids.append(org.id)
    return frozenset(ids)

"""Which timeline rows an :class:`EventFilter` keeps, and the choices a filter bar offers.

The timeline's packed columns (``store.timeline.timeline_columns``, one row per event and
organization) are filtered with numpy: kinds, organizations and the time span are lookups in
small boolean tables over the columns (a few milliseconds for a million rows). Only the facets
that live in other tables go to SQL, and each returns few rows: the events whose notes carry a
tag or a star, the organizations of a country.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.domain.filters import EventFilter
from desktop.store.database import Store
from desktop.store.errors import ValidationError
from desktop.store.queries import find_organization

_NOTE_TAGS = (
    "SELECT DISTINCT e.id FROM annotations a"
    " JOIN events e ON e.key = substr(a.target, 7),"
    " json_each(CASE WHEN json_valid(a.tags) THEN a.tags ELSE '[]' END) t"
    " WHERE a.target LIKE 'event:%' AND a.deleted_at IS NULL"
)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def event_ids_with_tags(store: Store, tags: Iterable[str]) -> set[int]:
    """Events with a live note carrying any of ``tags`` (case-insensitive)."""
    wanted = sorted({t.casefold() for t in tags})
    if not wanted:
        return set()
    sql = f"{_NOTE_TAGS} AND lower(t.value) IN ({_marks(wanted)})"
    return {r[0] for r in store.conn.execute(sql, wanted)}


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
        wanted = {k.casefold() for k in f.kinds}
        codes = [i for i, name in enumerate(kind_names) if name.casefold() in wanted]
        mask &= _member(cols["kind"], codes)
    if f.orgs:
        mask &= _member(cols["org"], f.orgs)
    if f.countries:
        mask &= _member(cols["org"], org_ids_in_countries(store, f.countries))
    if f.range is not None:
        lo, hi = f.range
        mask &= (cols["lo"] < hi) & (cols["hi"] > lo)
    if f.starred:
        mask &= _member(cols["id"], starred_event_ids(store))
    if f.tags:
        mask &= _member(cols["id"], event_ids_with_tags(store, f.tags))
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


def from_export_filter(store: Store, export: object) -> EventFilter:
    """The :class:`EventFilter` of the command line's ``ExportFilter`` (organizations by key,
    name or alias). Raises ValidationError naming an organization that matches nothing."""
    ids = []
    for name in getattr(export, "orgs", ()) or ():
        org = find_organization(store, name)
        if org is None:
            raise ValidationError(f"no organization matches {name!r}")
        ids.append(org.id)
    return EventFilter(
        orgs=frozenset(ids),
        kinds=frozenset(getattr(export, "kinds", ()) or ()),
        tags=frozenset(getattr(export, "tags", ()) or ()),
        range=getattr(export, "range", None),
    )

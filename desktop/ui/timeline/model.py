"""What the timeline draws: the event index, its lanes and eras, loaded from the store.

Runs on the UI thread; the store calls are a few bulk queries (see ``store.queries``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.domain.event_index import FLAG_ANNOTATED, FLAG_DISPUTED, FLAG_STARRED, EventIndex
from desktop.domain.filters import EventFilter
from desktop.domain.lanes import Lane, order_lanes
from desktop.store.annotations import COLOURS
from desktop.store.database import Store
from desktop.store.filters import filter_mask
from desktop.store.queries import (
    event_colours,
    event_titles,
    flagged_event_ids,
    organization_labels,
)
from desktop.store.timeline import timeline_columns
from desktop.ui.document import words
from desktop.ui.format import date_text
from desktop.ui.i18n import translate
from desktop.ui.timeline.preparing import Preparing

GROUPINGS = ("org", "kind", "none")
COLOUR_CODES = ("", *COLOURS)
"""Code -> note colour label in :attr:`TimelineModel.colour` (0: none)."""


@dataclass(frozen=True)
class Era:
    lo: float
    hi: float
    title: str
    event_id: int


class TimelineModel:
    """Columns from the store arranged into lanes (display order = lane number)."""

    def __init__(self, store: Store, group_by: str = "org", order_by: str = "name") -> None:
        self.store = store
        self.group_by = group_by
        self.order_by = order_by
        self.lanes: list[Lane] = []
        self.lane_org: list[int] = []  # org id per lane (-1 when the lane is not an org)
        self.eras: list[Era] = []
        self.index = EventIndex(np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0))
        self.start_hi = np.zeros(0)  # aligned with the index's sorted order
        self.has_end = np.zeros(0, bool)  # same order: the event has an end of its own
        self.colour = np.zeros(0, np.uint8)  # note colour code (COLOUR_CODES), same order
        self._titles: dict[int, tuple[str, str, str | None]] = {}
        self._labels: dict[int, str] = {}
        self._collapsed: set[str] = set()
        self.filter = EventFilter()
        self.generation = 0  # counts rebuilds of the lanes and the index
        self._loading = self._reload_again = False
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the columns from the store (sorted by start once), then rebuild the lanes.
        A build of the column files (after the events changed) shows its progress; a reload
        asked for meanwhile (the progress dialog lets events through) runs after it."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        try:
            with Preparing() as progress:
                cols = timeline_columns(self.store, progress=progress)
            self._use(cols)
        finally:
            self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _use(self, cols: dict[str, np.ndarray]) -> None:
        self._titles.clear()
        self._labels.clear()
        self.kind_names = [str(k) for k in cols["kind_names"]]
        lo = cols["lo"]
        presorted = len(lo) < 2 or bool((lo[1:] >= lo[:-1]).all())
        order = None if presorted else np.argsort(lo, kind="stable")
        self._base = {
            name: cols[name] if order is None else cols[name][order]
            for name in ("id", "lo", "hi", "start_hi", "kind", "org")
        }
        self._base["flags"] = self._flags(self._base["id"])
        self._base["colour"] = self._colours(self._base["id"])
        self.org_labels = organization_labels(self.store)
        self._load_eras(cols)
        self._mask = filter_mask(self.store, self._base, self.filter, self.kind_names)
        self._unfiltered: tuple = ()  # (setting, lanes...) last built without a filter
        self._build()

    def reload_flags(self) -> None:
        """Notes changed: refresh the annotated/starred/disputed marks without re-reading the
        events (a note saved while typing must not cost a full reload on 1M events)."""
        flags = self._flags(self._base["id"])
        self._base["flags"] = flags
        self._base["colour"] = self._colours(self._base["id"])
        if self.filter.tags or self.filter.starred:
            self.set_filter(self.filter)  # which events are shown depends on the notes
            return
        # without a filter the index shown is the kept unfiltered one (_build always keeps it)
        if self._unfiltered:
            self._unfiltered[3].assign_flags(flags)
        if self._mask is not None:
            self.index.assign_flags(flags[np.flatnonzero(self._mask)])
        self._gather_colour()

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show only the events ``event_filter`` keeps; lanes left without events are hidden.
        Numpy masks over the loaded columns (only note tags, stars and countries ask SQL)."""
        self.filter = event_filter
        self._mask = filter_mask(self.store, self._base, event_filter, self.kind_names)
        self._build()

    def _build(self) -> None:
        """Lanes and the event index from the (filtered) sorted columns."""
        self.generation += 1  # what the canvas drew from is gone: plan again
        setting = (self.group_by, self.order_by)
        if self._mask is None and self._unfiltered and self._unfiltered[0] == setting:
            # "Clear" after a filter: the unfiltered lanes and index are kept (one copy)
            self.lanes, self.lane_org, self.index, self.start_hi = self._unfiltered[1:]
            self.has_end = self.index.hi > self.start_hi + 1
            for lane in self.lanes:
                lane.collapsed = lane.key in self._collapsed
            self._gather_colour()
            return
        base, mask = self._base, self._mask
        if mask is None:
            cols = base
        else:
            rows = np.flatnonzero(mask)  # one scan of the mask, then a gather per column
            cols = {name: col[rows] for name, col in base.items()}
        codes, titles = self._lane_codes(cols)
        n = len(codes)
        cmin = int(codes.min()) if n else 0
        shifted = codes - cmin
        counts_all = np.bincount(shifted) if n else np.zeros(0, np.int64)
        present = np.flatnonzero(counts_all)  # lanes with no (kept) events are not shown
        lut = np.full(len(counts_all), -1, np.int32)
        lut[present] = np.arange(len(present), dtype=np.int32)
        lane_of_row = lut[shifted]
        lanes = []
        for code, count in zip(
            (present + cmin).tolist(), counts_all[present].tolist(), strict=True
        ):
            key, title = titles(code)
            lanes.append(Lane(key, title, count, key in self._collapsed))
        firsts: dict[str, float] = {}
        if self.order_by == "first" and n:
            first = np.full(len(counts_all), np.inf)
            np.minimum.at(first, shifted, cols["lo"])
            firsts = {lane.key: float(first[c]) for lane, c in zip(lanes, present, strict=True)}
        order = order_lanes(lanes, self.order_by, firsts)  # type: ignore[arg-type]
        position = np.empty(len(order), np.int32)
        position[order] = np.arange(len(order), dtype=np.int32)
        self.lanes = [lanes[i] for i in order]
        self.lane_org = [int(x.key[4:]) if x.key.startswith("org:") else -1 for x in self.lanes]
        self.index = EventIndex(
            cols["id"], cols["lo"], cols["hi"], position[lane_of_row], cols["kind"], cols["flags"]
        )
        self.start_hi = self.index.in_order(cols["start_hi"])
        self.has_end = self.index.hi > self.start_hi + 1  # an end of its own: a range
        self.colour = self.index.in_order(cols["colour"])
        if mask is None:
            self._unfiltered = (setting, self.lanes, self.lane_org, self.index, self.start_hi)

    def _lane_codes(self, cols: dict[str, np.ndarray]):  # type: ignore[no-untyped-def]
        """An integer lane code per row, and code -> (lane key, title)."""
        if self.group_by == "kind":
            names = self.kind_names
            return cols["kind"].astype(np.int64), lambda k: (
                f"kind:{names[k]}",
                names[k].capitalize(),
            )
        if self.group_by == "none":
            everything = translate("Dossier", "All events")
            return np.zeros(len(cols["id"]), np.int64), lambda _k: ("all", everything)
        labels = self.org_labels
        nobody = translate("Timeline", "No organization")
        return cols["org"], lambda k: (f"org:{k}", labels.get(k, nobody))

    # -- counts (follow the filter) ------------------------------------------------------------
    def org_counts(self) -> dict[int, int]:
        """Events per organization among the rows the filter keeps."""
        org = self._base["org"] if self._mask is None else self._base["org"][self._mask]
        org = org[org >= 0]
        if not len(org):
            return {}
        counts = np.bincount(org)
        ids = np.flatnonzero(counts)
        return dict(zip(ids.tolist(), counts[ids].tolist(), strict=True))

    def kind_counts(self) -> list[tuple[str, int]]:
        """(kind, rows) over every loaded row (unfiltered), most frequent first."""
        counts = np.bincount(self._base["kind"].astype(np.int64), minlength=len(self.kind_names))
        pairs = [(name, int(c)) for name, c in zip(self.kind_names, counts, strict=True) if c]
        return sorted(pairs, key=lambda p: (-p[1], p[0]))

    def _load_eras(self, cols: dict[str, np.ndarray]) -> None:
        rows = np.flatnonzero(cols["era"] == 1)
        ids, first = np.unique(cols["id"][rows], return_index=True)
        names = self.titles(ids.tolist())
        self.eras = [
            Era(
                float(cols["lo"][rows[i]]),
                float(cols["hi"][rows[i]]),
                names.get(int(eid), ("", "", None))[0],
                int(eid),
            )
            for eid, i in zip(ids, first, strict=True)
        ]

    def _flags(self, ids: np.ndarray) -> np.ndarray:
        flagged = flagged_event_ids(self.store)
        flags = np.zeros(len(ids), np.uint8)
        for name, bit in (
            ("annotated", FLAG_ANNOTATED),
            ("starred", FLAG_STARRED),
            ("disputed", FLAG_DISPUTED),
        ):
            if flagged[name]:
                hit = np.isin(ids, np.fromiter(flagged[name], np.int64))
                flags[hit] |= bit
        return flags

    def _colours(self, ids: np.ndarray) -> np.ndarray:
        """Per loaded row: the code of its note's colour label (0: none); one query."""
        codes = np.zeros(len(ids), np.uint8)
        by_name: dict[str, list[int]] = {}
        for event_id, name in event_colours(self.store).items():
            by_name.setdefault(name, []).append(event_id)
        for name, event_ids in by_name.items():
            if name in COLOUR_CODES:
                codes[np.isin(ids, np.asarray(event_ids, np.int64))] = COLOUR_CODES.index(name)
        return codes

    def _gather_colour(self) -> None:
        """The colour column in the current index's order (after a filter or a notes change)."""
        col = self._base["colour"]
        if self._mask is not None:
            col = col[np.flatnonzero(self._mask)]
        self.colour = self.index.in_order(col)

    def colour_of(self, event_id: int) -> str | None:
        """The note colour label drawn for ``event_id`` (None: no colour)."""
        pos = np.flatnonzero(self.index.ids == event_id)
        code = int(self.colour[pos[0]]) if len(pos) else 0
        return COLOUR_CODES[code] or None

    # -- settings ------------------------------------------------------------------------------
    def set_grouping(self, group_by: str) -> None:
        if group_by not in GROUPINGS:
            raise ValueError(f"unknown grouping {group_by!r}")
        self.group_by = group_by
        self._build()

    def set_order(self, order_by: str) -> None:
        self.order_by = order_by
        self._build()

    def toggle_collapsed(self, lane: int) -> None:
        key = self.lanes[lane].key
        self._collapsed ^= {key}
        self.lanes[lane].collapsed = key in self._collapsed

    def lane_of_org(self, org_id: int) -> int | None:
        try:
            return self.lane_org.index(org_id)
        except ValueError:
            return None

    # -- per-event text ------------------------------------------------------------------------
    def titles(self, ids: list[int]) -> dict[int, tuple[str, str, str | None]]:
        """(title, start, end) for ids, fetched once and cached until the next reload."""
        missing = [i for i in ids if i not in self._titles]
        if missing:
            self._titles.update(event_titles(self.store, missing))
        return {i: self._titles[i] for i in ids if i in self._titles}

    def labels(self, ids: list[int]) -> dict[int, str]:
        """'Title · date at its precision' per id, fetched and formatted once per reload."""
        missing = [i for i in ids if i not in self._labels]
        if missing:
            for eid, (title, start, end) in self.titles(missing).items():
                when = words.dates(date_text(start) + (f" – {date_text(end)}" if end else ""))

                self._labels[eid] = f"{title} · {when}" if title else ""
        return {i: self._labels.get(i, "") for i in ids}

    def label(self, event_id: int) -> str:
        return self.labels([event_id])[event_id]

    def event_span(self, event_id: int) -> tuple[float, float] | None:
        # ids repeat across lanes (an event is drawn in each organization's lane)
        pos = np.flatnonzero(self.index.ids == event_id)
        if not len(pos):
            return None
        p = int(pos[0])
        return float(self.index.lo[p]), float(self.index.hi[p])

    def lanes_of_event(self, event_id: int) -> list[int]:
        return [int(x) for x in np.unique(self.index.lane[self.index.ids == event_id])]

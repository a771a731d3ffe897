"""What the timeline draws: the event index, its lanes and eras, loaded from the store.

Runs on the UI thread; the store calls are a few bulk queries (see ``store.queries``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.domain.event_index import FLAG_ANNOTATED, FLAG_DISPUTED, FLAG_STARRED, EventIndex
from desktop.domain.lanes import Lane, order_lanes
from desktop.store.database import Store
from desktop.store.queries import (
    event_titles,
    flagged_event_ids,
    list_organizations,
    timeline_columns,
)
from desktop.ui.format import date_text

GROUPINGS = ("org", "kind", "none")


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
        self._titles: dict[int, tuple[str, str, str | None]] = {}
        self._collapsed: set[str] = set()
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        cols = timeline_columns(self.store)
        self._titles.clear()
        lane_keys, titles = self._lane_keys(cols)
        keys, lane_of_row = np.unique(lane_keys, return_inverse=True)
        counts = np.bincount(lane_of_row, minlength=len(keys))
        first = np.full(len(keys), np.inf)
        np.minimum.at(first, lane_of_row, cols["lo"])
        lanes = [
            Lane(str(k), titles[str(k)], int(c), str(k) in self._collapsed)
            for k, c in zip(keys, counts, strict=True)
        ]
        firsts = {lane.key: float(t) for lane, t in zip(lanes, first, strict=True)}
        order = order_lanes(lanes, self.order_by, firsts)  # type: ignore[arg-type]
        position = np.empty(len(order), np.int32)
        position[order] = np.arange(len(order), dtype=np.int32)
        self.lanes = [lanes[i] for i in order]
        self.lane_org = [
            int(k[4:]) if k.startswith("org:") else -1 for k in (x.key for x in self.lanes)
        ]
        flags = self._flags(cols["id"])
        self.index = EventIndex(
            cols["id"], cols["lo"], cols["hi"], position[lane_of_row], cols["kind"], flags
        )
        self.start_hi = cols["start_hi"][self.index.order]
        self.kind_names = list(cols["kind_names"])
        era_rows = np.flatnonzero(cols["era"] == 1)
        seen: set[int] = set()
        self.eras = []
        for i in era_rows:
            eid = int(cols["id"][i])
            if eid not in seen:
                seen.add(eid)
                self.eras.append(Era(float(cols["lo"][i]), float(cols["hi"][i]), "", eid))
        if self.eras:
            names = self.titles([e.event_id for e in self.eras])
            self.eras = [
                Era(e.lo, e.hi, names.get(e.event_id, ("", "", None))[0], e.event_id)
                for e in self.eras
            ]

    def _lane_keys(self, cols: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, str]]:
        if self.group_by == "kind":
            names = cols["kind_names"]
            keys = np.array([f"kind:{names[k]}" for k in range(len(names))], dtype=object)
            lane_keys = keys[cols["kind"]] if len(cols["kind"]) else keys[:0]
            return lane_keys.astype(str), {str(k): str(k)[5:].capitalize() for k in keys}
        if self.group_by == "none":
            return np.full(len(cols["id"]), "all", dtype=object).astype(str), {"all": "All events"}
        titles = {f"org:{o.id}": o.label for o in list_organizations(self.store)}
        titles["org:-1"] = "No organization"
        lane_keys = (
            np.char.add("org:", cols["org"].astype(str))
            if len(cols["org"])
            else np.array([], dtype=str)
        )
        return lane_keys, titles

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

    # -- settings ------------------------------------------------------------------------------
    def set_grouping(self, group_by: str) -> None:
        if group_by not in GROUPINGS:
            raise ValueError(f"unknown grouping {group_by!r}")
        self.group_by = group_by
        self.reload()

    def set_order(self, order_by: str) -> None:
        self.order_by = order_by
        self.reload()

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

    def label(self, event_id: int) -> str:
        title, start, end = self.titles([event_id]).get(event_id, ("", "", None))
        when = date_text(start) + (f" – {date_text(end)}" if end else "")
        return f"{title} · {when}" if title else ""

    def event_span(self, event_id: int) -> tuple[float, float] | None:
        # ids repeat across lanes (an event is drawn in each organization's lane)
        pos = np.flatnonzero(self.index.ids == event_id)
        if not len(pos):
            return None
        p = int(pos[0])
        return float(self.index.lo[p]), float(self.index.hi[p])

    def lanes_of_event(self, event_id: int) -> list[int]:
        return [int(x) for x in np.unique(self.index.lane[self.index.ids == event_id])]

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
    organization_labels,
)
from desktop.store.timeline import timeline_columns
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
        self._labels: dict[int, str] = {}
        self._collapsed: set[str] = set()
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        cols = timeline_columns(self.store)
        self._titles.clear()
        self._labels.clear()
        self.kind_names = [str(k) for k in cols["kind_names"]]
        codes, titles = self._lane_codes(cols)
        uniq, lane_of_row = np.unique(codes, return_inverse=True)
        counts = np.bincount(lane_of_row, minlength=len(uniq))
        first = np.full(len(uniq), np.inf)
        np.minimum.at(first, lane_of_row, cols["lo"])
        lanes = []
        for code, count in zip(uniq.tolist(), counts.tolist(), strict=True):
            key, title = titles(code)
            lanes.append(Lane(key, title, count, key in self._collapsed))
        firsts = {lane.key: float(t) for lane, t in zip(lanes, first, strict=True)}
        order = order_lanes(lanes, self.order_by, firsts)  # type: ignore[arg-type]
        position = np.empty(len(order), np.int32)
        position[order] = np.arange(len(order), dtype=np.int32)
        self.lanes = [lanes[i] for i in order]
        self.lane_org = [int(x.key[4:]) if x.key.startswith("org:") else -1 for x in self.lanes]
        self.index = EventIndex(
            cols["id"],
            cols["lo"],
            cols["hi"],
            position[lane_of_row],
            cols["kind"],
            self._flags(cols["id"]),
        )
        self.start_hi = cols["start_hi"][self.index.order]
        self._load_eras(cols)

    def _lane_codes(self, cols: dict[str, np.ndarray]):  # type: ignore[no-untyped-def]
        """An integer lane code per row, and code -> (lane key, title)."""
        if self.group_by == "kind":
            names = self.kind_names
            return cols["kind"], lambda k: (f"kind:{names[k]}", names[k].capitalize())
        if self.group_by == "none":
            return np.zeros(len(cols["id"]), np.int64), lambda _k: ("all", "All events")
        labels = organization_labels(self.store)
        return cols["org"], lambda k: (f"org:{k}", labels.get(k, "No organization"))

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

    def labels(self, ids: list[int]) -> dict[int, str]:
        """'Title · date at its precision' per id, fetched and formatted once per reload."""
        missing = [i for i in ids if i not in self._labels]
        if missing:
            for eid, (title, start, end) in self.titles(missing).items():
                when = date_text(start) + (f" – {date_text(end)}" if end else "")
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

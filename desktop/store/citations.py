"""The citations of records of one kind (events, claims, roles, ...), read in chunks, with
their grades (the source's reliability, the citation's credibility)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from desktop.domain.model import Citation
from desktop.store.batches import id_batches
from desktop.store.database import Store


def citations_for(store: Store, kind: str, ids: Iterable[int]) -> dict[int, tuple[Citation, ...]]:
    ids = list(ids)
    out: dict[int, list[Citation]] = defaultdict(list)
    for chunk, marks in id_batches(ids):
        for row in store.conn.execute(
            "SELECT c.target_id, s.key, s.title, c.locator, c.quote, c.stance, s.file, s.kind,"
            " s.reliability, c.credibility, c.credibility_reason"
            " FROM citations c JOIN sources s ON s.id = c.source_id"
            f" WHERE c.target_kind = ? AND c.target_id IN ({marks}) ORDER BY c.id",
            [kind, *chunk],
        ):
            out[row[0]].append(Citation(*row[1:]))
    return {k: tuple(v) for k, v in out.items()}

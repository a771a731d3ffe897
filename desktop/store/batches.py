"""Ids in batches small enough for one ``IN (?, ...)`` (SQLite limits a statement's
parameters), each with its placeholders."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

BATCH = 500


def id_batches(ids: Iterable[int], size: int = BATCH) -> Iterator[tuple[list[int], str]]:
    """(batch, "?,?,...") for consecutive runs of at most ``size`` of ``ids``."""
    seq: Sequence[int] = ids if isinstance(ids, list) else list(ids)
    for i in range(0, len(seq), size):
        chunk = list(seq[i : i + size])
        yield chunk, ",".join("?" * len(chunk))

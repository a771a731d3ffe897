"""Importing events: :func:`plan_import` reads and validates a file without writing;
:func:`apply_import` writes it in one transaction.

All or nothing: unless ``partial=True``, one bad row refuses the whole import and nothing is
written (with ``partial``, bad rows are left out). Events are matched by key, so importing the
same file twice updates rather than duplicates; organizations named in rows are found by key,
name, Chinese name or alias (:func:`desktop.store.queries.find_organization`) or created.

An update changes only the fields the file gives (a file without a ``place`` column leaves
places alone); when the file names organizations, an updated event's links are made to match
(links kept keep their role).

How rows are written fast is in :mod:`desktop.store.io.writer`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from os import PathLike
from pathlib import Path

from desktop.store.database import Store
from desktop.store.io import parallel
from desktop.store.io.formats import open_source
from desktop.store.io.readers import CsvSource, RowSource
from desktop.store.io.records import (
    KEEP_SKIPPED,
    MAX_ORG_NAMES,
    PREVIEW_ROWS,
    ImportCancelled,
    ImportedEvent,
    ImportPlan,
    ImportRefused,
    ImportReport,
    Skipped,
)
from desktop.store.io.rows import Batch, to_event
from desktop.store.io.writer import Writer, foreign_keys_off

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

PROGRESS_EVERY = 1000  # rows between two calls of progress() while planning
PLAN_CHILD_BYTES = 16 * 1024 * 1024  # (about 90,000 rows of an analyst's CSV)
BATCH_ROWS = 1000  # rows between two calls of progress() and cancel() while importing


def plan_import(
    path: str | PathLike[str],
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read and validate ``path`` without writing anything.

    ``fmt`` is one of ``csv``, ``timelinejs``, ``timesketch``, ``jsonl`` (guessed when None);
    ``mapping`` maps a column to a field (``{"Headline": "title", "Notes": "-"}``). The plan
    counts every row and keeps the first 200 events as a preview. Raises ImportFileError when
    the file cannot be read at all.
    """
    source = open_source(Path(path), fmt, dict(mapping or {}))
    plan = ImportPlan(
        path=Path(path),
        fmt=source.fmt,
        columns=source.columns,
        mapping=dict(source.mapping),
        provided=source.provided,
        notes=list(source.notes),
        requested=dict(mapping or {}),
    )
    orgs: dict[str, None] = {}
    batches = _counted_elsewhere(source, plan.requested)
    if batches is not None:  # the preview read here
        plan.preview = _preview(source)
    else:
        batches = source.batches(PROGRESS_EVERY)
    for batch in batches:
        plan.total += batch.read
        for skipped in batch.skipped:
            plan.add_skipped(skipped)
        plan.valid += len(batch.rows) + batch.counted
        room = PREVIEW_ROWS - len(plan.preview)
        if room > 0:
            plan.preview += map(to_event, batch.rows[:room], batch.orgs, batch.where)
        if len(orgs) < MAX_ORG_NAMES:
            for names in batch.orgs:
                for name in names:
                    orgs.setdefault(name, None)
            orgs.update(dict.fromkeys(batch.names))
        if progress is not None:
            progress(plan.total, 0)
    plan.orgs = list(orgs)
    return plan


def _counted_elsewhere(source: RowSource, requested: Mapping[str, str]) -> Iterator[Batch] | None:
    """A plan's batches counted by reading processes, for a CSV file of
    :data:`PLAN_CHILD_BYTES` or more that one reads with Arrow (about four times faster than the
    fast path here) or two read in halves (a Timesketch CSV, a plain one with columns kept in
    the summary); None to read it here."""
    if not parallel.available() or not isinstance(source, CsvSource):
        return None
    if source.path.stat().st_size < PLAN_CHILD_BYTES:
        return None
    return parallel.plan_in_child(source.path, source.fmt, requested)


def _preview(source: RowSource) -> list[ImportedEvent]:
    """The first :data:`PREVIEW_ROWS` events of the file."""
    events: list[ImportedEvent] = []
    for batch in source.batches(PREVIEW_ROWS):
        events += map(to_event, batch.rows, batch.orgs, batch.where)
        if len(events) >= PREVIEW_ROWS:
            break
    return events[:PREVIEW_ROWS]


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    partial: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    dry_run: bool = False,
    defer_index: bool | None = None,
) -> ImportReport:
    """Write the planned events in one transaction (re-reading the file).

    Raises ImportRefused (nothing written) if rows cannot be imported and ``partial`` is False;
    ImportCancelled (rolled back) when ``cancel()`` returns True; StoreError if the database
    refuses. ``progress(done, total)`` is called after every 1000 rows read (and the last few),
    on the calling thread; so is ``cancel``. ``dry_run`` does everything,
    then rolls back, so the counts are exact and the file is unchanged.

    A big import (:data:`~desktop.store.io.backlog.DEFER_ROWS` rows; ``defer_index`` says so
    either way) commits its new events without their full-text index and leaves them in the
    search backlog (``report.indexing``): :func:`desktop.store.io.backlog.index_backlog`
    indexes them after.
    """
    check_plan(plan, partial=partial)
    source = open_source(plan.path, plan.fmt, plan.requested)
    report = ImportReport(dry_run=dry_run)
    total = plan.total
    writer: Writer | None = None
    big = plan.valid >= parallel.PARALLEL_ROWS and parallel.available()
    checks = big and foreign_keys_off(store.conn)  # (see desktop.store.io.writer)
    try:
        with store.write() as db:
            writer = Writer(store, db.conn, source.provided, defer_index=defer_index)
            if big:
                batches = parallel.batches_in_child(
                    plan.path, plan.fmt, plan.requested, writer.staging
                )
            else:
                batches = source.batches(BATCH_ROWS)
            done = 0
            try:
                writer.start(plan.valid)
                for batch in batches:
                    if batch.skipped:
                        if not partial:
                            raise _refusal(plan.path, 1, done + 1, batch.skipped[:1], changed=True)
                        report.skipped += len(batch.skipped)
                        room = KEEP_SKIPPED - len(report.skipped_rows)
                        report.skipped_rows += batch.skipped[: max(room, 0)]
                    writer.add(batch)
                    done += batch.read
                    if cancel is not None and cancel():
                        raise ImportCancelled(
                            f"import of {plan.path.name} cancelled; nothing was written"
                        )
                    if progress is not None:
                        progress(done, max(total, done))
                writer.finish()
            finally:
                close = getattr(batches, "close", None)
                if close is not None:
                    close()
                writer.restore_cache()
            report.created, report.updated = writer.created, writer.updated
            report.duplicates = writer.repeated
            report.unchanged = writer.count - writer.created - writer.updated - writer.repeated
            report.orgs_created = writer.orgs.created_names
            report.indexing = writer.deferred and not dry_run
            writer.announce()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        if writer is not None:
            writer.close()  # staging files, after the transaction
        if checks:
            store.conn.execute("PRAGMA foreign_keys = ON")
    return report


def check_plan(plan: ImportPlan, *, partial: bool = False) -> None:
    """Raise ImportRefused if the plan has bad rows and ``partial`` is False."""
    if plan.skipped_count and not partial:
        raise _refusal(plan.path, plan.skipped_count, plan.total, plan.skipped[:1])


def _refusal(
    path: Path, count: int, total: int, first: list[Skipped], *, changed: bool = False
) -> ImportRefused:
    what = f"{count:,} of {total:,} rows" if not changed else "a row"
    example = f" (first: {first[0]})" if first else ""
    why = "; the file changed since it was checked" if changed else ""
    return ImportRefused(
        f"{path.name}: {what} cannot be imported{example}{why}; nothing was written "
        "(fix them, or import the rest with --partial)"
    )
